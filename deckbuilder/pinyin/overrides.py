"""Teacher override file: ``word<TAB>pinyin`` lines → {word: ``yin2 hang2``}; these readings always win.

It takes what the cards and `<deck>.review.tsv` print, so a correction can be copied back as it is: tone
marks joined or spaced (``jiàohuì``, ``jiào huì``, ``Xī'ān``), tone numbers (``jiao4hui4``, ``jiao4 hui4``),
a neutral tone unmarked or as 5/0, ü as ü, v or u:, erhua as ``r`` (``yíhuìr``). A review file's rows
(``sentence<TAB>word<TAB>pinyin``, header included) are read as they are, a UTF-8 BOM is skipped, blank
lines and ``#`` comments are ignored. The one decision: joined pinyin is split into exactly one syllable
per character. Syllables the writer separated (spaces, apostrophes, tone digits) are taken as written;
letters we split (``fāngàn``: fan'gan or fang'an) must split into readings of their characters (方 fang,
案 an), exactly one way, or the line is an error asking for a space or an apostrophe.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from deckbuilder.chinese import is_han
from deckbuilder.errors import InputError
from deckbuilder.pinyin.lexicon import _pypinyin_tables, char_readings
from deckbuilder.pinyin.syllable import is_syllable, normalize

_CHUNK = re.compile(r"([^\W\d_]+)([0-5])?")  # letters (marked vowels included), then an optional tone digit
_BOUNDARY = re.compile(r"[\s'’\-]+")
_HEADER_WORDS = {"word", "words", "pinyin", "reading", "readings", "sentence", "hanzi", "zh"}
_TONE_MARKS = "\u0304\u0301\u030c\u0300"  # combining macron, acute, caron, grave (ü's diaeresis is no tone)
_MAX_SYLLABLE = 6  # zhuang, shuang, chuang


@cache
def _inventory() -> frozenset[str]:
    """Every toneless syllable (``v`` for ü) some character reads as, and erhua ``r``."""
    bases = {normalize(r)[:-1] for raw in _pypinyin_tables()[1].values() for r in raw.split(",")}
    return frozenset(b for b in bases if re.fullmatch(r"[a-z]+", b)) | {"r"}


def _syllable(piece: str, digit: str | None) -> str | None:
    """``jiào`` → jiao4, (``hui``, "4") → hui4, ``de`` → de5; None unless one syllable, at most one mark."""
    if sum(ch in _TONE_MARKS for ch in unicodedata.normalize("NFD", piece)) > 1:
        return None
    syllable = normalize(piece + (digit or ""))
    return syllable if syllable[:-1] in _inventory() else None


def _splits(letters: str, digit: str | None) -> Iterator[tuple[str, ...]]:
    """Every way to read `letters` as syllables; a tone digit belongs to the last one."""
    if not letters:
        yield ()
        return
    for size in range(1, min(_MAX_SYLLABLE, len(letters)) + 1):
        last = size == len(letters)
        head = _syllable(letters[:size], digit if last else None)
        if head is not None:
            for rest in _splits(letters[size:], digit):
                yield (head, *rest)


def _fits(word: str, syllables: tuple[str, ...]) -> bool:
    """True when every syllable, tone aside, is a reading of its character (儿 also as erhua r)."""
    for ch, syllable in zip(word, syllables, strict=True):
        bases = {r[:-1] for r in char_readings(ch)}
        if syllable[:-1] not in bases and not (syllable[:-1] == "r" and "er" in bases):
            return False
    return True


def parse_pinyin(text: str, word: str | None = None) -> tuple[str, ...]:
    """The syllables of `word` in `text`: ``jiàohuì`` for 教会 → ("jiao4", "hui4"); ValueError when not
    pinyin or not one syllable per character. Without `word`, spaces or tone digits must separate the
    syllables (``yin2 hang2``, ``yin2hang2``, ``yín háng``)."""
    compact = unicodedata.normalize("NFC", text.strip()).lower().replace("u:", "ü")
    if not compact:
        raise ValueError("empty pinyin")
    chunks: list[tuple[str, str | None]] = []
    for part in _BOUNDARY.split(compact):
        if not part:
            continue
        found = list(_CHUNK.finditer(part))
        if "".join(m.group(0) for m in found) != part:
            raise ValueError(f"not pinyin: {text.strip()!r}")
        chunks.extend((m.group(1), m.group(2)) for m in found)
    if word is None:
        syllables = tuple(normalize(letters + (digit or "")) for letters, digit in chunks)
        bad = [s for s in syllables if not is_syllable(s)]
        if bad:
            raise ValueError(f"not a pinyin syllable: {bad[0]!r}")
        return syllables
    per_chunk = [list(_splits(letters, digit)) for letters, digit in chunks]
    for (letters, _), ways in zip(chunks, per_chunk, strict=True):
        if not ways:
            raise ValueError(f"not a pinyin syllable: {letters!r}")
    whole = [
        (tuple(s for split in combo for s in split), combo)
        for combo in itertools.product(*per_chunk)
        if sum(len(split) for split in combo) == len(word)
    ]
    if not whole:
        counts = sorted({sum(len(split) for split in combo) for combo in itertools.product(*per_chunk)})
        said = " or ".join(str(c) for c in counts)
        chars = f"{len(word)} character" + ("s" if len(word) > 1 else "")
        raise ValueError(f"{word} has {chars} but {text.strip()!r} reads as {said} syllable(s)")
    spaced = [s for s, combo in whole if all(len(split) == 1 for split in combo)]
    if spaced:  # the writer separated every syllable: trusted as written
        return spaced[0]
    fitting = [s for s, _ in whole if _fits(word, s)]  # letters split by us: only into the word's readings
    if len(fitting) != 1:
        if not fitting:
            raise ValueError(
                f"{text.strip()!r} does not split into readings of {word}; separate the syllables"
            )
        ways = ", ".join(" ".join(s) for s in fitting[:3])
        raise ValueError(f"{text.strip()!r} splits more than one way ({ways}); separate the syllables")
    return fitting[0]


def _is_header(columns: list[str]) -> bool:
    return all(c.strip().lower() in _HEADER_WORDS for c in columns)


def load_overrides(path: str | Path) -> dict[str, str]:
    """Read a teacher override file (or a review file); InputError(message, path, line) on a bad line,
    and on a word given two different readings (an override holds for every sentence)."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise InputError("readings file not found", str(p)) from exc
    except IsADirectoryError as exc:
        raise InputError("readings file is a directory", str(p)) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read readings file ({exc.__class__.__name__})", str(p)) from exc
    table: dict[str, str] = {}
    first_line: dict[str, int] = {}
    seen_content = False
    for n, raw in enumerate(text.splitlines(), 1):
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):
            continue
        columns = raw.split("\t")
        if not seen_content and _is_header(columns):
            seen_content = True
            continue
        seen_content = True
        if len(columns) not in (2, 3):
            raise InputError(
                "expected 'word<TAB>pinyin' or a review row 'sentence<TAB>word<TAB>pinyin'", str(p), n
            )
        word, pinyin = (part.strip() for part in columns[-2:])
        if not word or not all(is_han(c) for c in word):
            raise InputError(f"the word must be Chinese characters only, got {word!r}", str(p), n)
        try:
            syllables = " ".join(parse_pinyin(pinyin, word))
        except ValueError as exc:
            raise InputError(str(exc), str(p), n) from exc
        if table.get(word, syllables) != syllables:
            raise InputError(
                f"{word} reads {syllables} here but {table[word]} on line {first_line[word]}; "
                "a reading holds for every sentence, so keep one",
                str(p),
                n,
            )
        table[word] = syllables
        first_line.setdefault(word, n)
    return table
