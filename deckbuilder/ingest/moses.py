"""Line-aligned pairs (OPUS "Moses" format: ``X.en-zh.zh`` + ``X.en-zh.en``) → Pairs, line k with line k.

Score 1.0, source ``X.en-zh:line`` (the file stem); a line pair without Chinese on the Chinese side or with an
empty side is left out, as in the other pre-aligned formats. Both files stream side by side, so a file of a
million lines is read in the memory of one line; one ending before the other is an InputError naming both.

The decision worth knowing: a Chinese and an English plain-text file are a Moses pair (not a document to
align) when they have the same number of lines and look line-aligned — OPUS names (``X.a-b.zh`` with
``X.a-b.en``), or no paragraph breaks and mostly one sentence a line. `profile` finds this in one streaming
pass per file that holds no lines; `--input-format moses` skips the test.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from deckbuilder.chinese import HAN
from deckbuilder.errors import InputError
from deckbuilder.ingest import encoding, streams
from deckbuilder.ingest.documents import is_chinese
from deckbuilder.ingest.pairs import pair_of
from deckbuilder.models import Pair

_SAMPLE = 2000  # lines whose shape (one sentence each?) is judged
_LATIN = re.compile(r"[A-Za-z]")
# A sentence end followed by more text on the same line (closing quotes and brackets belong to the end).
_INNER_END = re.compile(r"[。！？!?][”’」』）)\"']*[^\s”’」』）)\"'。！？!?]|[.!?][\"')”’]*\s+[A-Z\"“]")
_OPUS = re.compile(r"^(?P<stem>.+)\.(?P<a>[a-z_]{2,7})-(?P<b>[a-z_]{2,7})$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Profile:
    """What one streaming pass learns of a plain-text file: its language and whether it is line-aligned."""

    share: float  # of the lines with words, the Chinese ones
    lines: int  # every line, blank ones included
    blank: int  # blank lines (paragraph breaks)
    several: int  # of the first `_SAMPLE` lines with words, those holding more than one sentence
    sampled: int

    @property
    def language(self) -> str:
        """``zh``, ``en``, or "" when lines of both languages are mixed (then paragraphs decide)."""
        return "zh" if self.share > 0.98 else "en" if self.share < 0.02 else ""

    @property
    def line_aligned(self) -> bool:
        """No paragraph breaks to speak of and mostly one sentence a line: a Moses file's shape."""
        return self.blank <= 0.01 * self.lines and self.several <= 0.2 * max(self.sampled, 1)


def profile(path: Path, limit: int | None = None) -> Profile:
    """One pass over the file's lines (the first `limit` only, when given), keeping counts, not lines."""
    zh = words = blank = several = sampled = lines = 0
    for _, line in itertools.islice(encoding.lines(path), limit):
        lines += 1
        if not line.strip():
            blank += 1
            continue
        han, latin = HAN.search(line), _LATIN.search(line)
        if not (han or latin):
            continue
        words += 1
        zh += bool(han) and (not latin or is_chinese(line))  # is_chinese counts: only when it must
        if sampled < _SAMPLE:
            sampled += 1
            several += bool(_INNER_END.search(line.strip()))
    return Profile(zh / words if words else 0.0, lines, blank, several, sampled)


def opus_names(zh: Path, en: Path) -> bool:
    """Whether two files are named as OPUS names a Moses pair: ``X.en-zh.zh`` and ``X.en-zh.en``."""
    a, b = streams.inner(zh), streams.inner(en)
    match = _OPUS.match(a.stem)
    return (
        match is not None
        and a.stem == b.stem
        and {a.suffix[1:].lower(), b.suffix[1:].lower()} == {match["a"].lower(), match["b"].lower()}
    )


def is_pair(zh: Path, en: Path, zh_profile: Profile, en_profile: Profile) -> bool:
    """Whether a Chinese and an English file are a Moses pair, by their names and profiles.

    OPUS names with different line counts are an InputError: aligning a corpus as one document is never
    what was meant.
    """
    if opus_names(zh, en):
        if zh_profile.lines != en_profile.lines:
            message = (
                f"{zh} has {zh_profile.lines:,} lines and {en} {en_profile.lines:,}; Moses files pair line "
                "by line (--input-format text aligns them as documents instead)"
            )
            raise InputError(message)
        return True
    same = zh_profile.lines == en_profile.lines
    return same and zh_profile.line_aligned and en_profile.line_aligned


def read_moses(zh: Path, en: Path) -> Iterator[Pair]:
    """Line k of the Chinese file with line k of the English one; InputError where one file ends first."""
    zh, en = Path(zh), Path(en)
    source = streams.inner(zh).stem
    count = 0
    done = object()
    for left, right in itertools.zip_longest(encoding.lines(zh), encoding.lines(en), fillvalue=done):
        if left is done or right is done:
            shorter, longer, (number, _) = (zh, en, right) if left is done else (en, zh, left)
            message = f"ended at line {number - 1:,} but {longer} goes on; Moses files need as many lines"
            raise InputError(message, str(shorter))
        (number, zh_text), (_, en_text) = left, right  # type: ignore[misc]
        pair = pair_of(zh_text, en_text, source, number)
        if pair is not None:
            count += 1
            yield pair
    if count == 0:
        raise InputError(f"no Chinese–English line pairs found (read with {en})", str(zh))
