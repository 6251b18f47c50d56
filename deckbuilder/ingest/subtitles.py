"""Subtitle files (SubRip ``.srt``, WebVTT ``.vtt``) → timed Documents: one paragraph per cue, with its times.

A cue's text is cleaned for a card: styling and positioning markup (``<i>``, ``<font>``, ``{\\an8}``, WebVTT
voice and class tags), sound and speaker tags (``[MUSIC]``, ``(laughs)``, ``（笑）``, ``JOHN:``), lyric lines
(``♪``) and speaker dashes go; a cue left empty goes too.

The decision worth knowing: files are paired by script, not by name — the first Chinese file with the first
English one, in order of appearance — and a file whose cues mostly hold both scripts is bilingual on its own.
The aligner (`deckbuilder.align.subtitles`) pairs the cues by time; this module only reads them.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from deckbuilder.chinese import HAN
from deckbuilder.errors import InputError
from deckbuilder.ingest import encoding
from deckbuilder.ingest.documents import is_chinese
from deckbuilder.models import Document

_TIME = r"(?:(\d+):)?([0-5]?\d):([0-5]\d)(?:[,.](\d{1,3}))?"
_TIMING = re.compile(rf"^\s*{_TIME}\s*-->\s*{_TIME}(?:\s.*)?$")
_MARKUP = re.compile(r"<[^>]*>|\{\\[^}]*\}")  # HTML-like tags, ASS/SSA overrides such as {\an8}
_SOUND = re.compile(r"\[[^\]]*\]|\([^)]*\)|（[^）]*）|【[^】]*】|〔[^〕]*〕")
_SPEAKER = re.compile(r"^(?:[A-Z][A-Z0-9 .'-]*|[\u4e00-\u9fff]{1,4})\s*[:：]\s+|^[A-Z][A-Z0-9 .'-]*:\s*")
_DASH = re.compile(r"^\s*[-‐–—－]+\s*")
_LYRICS = "♪♫♬#"
_VTT_BLOCKS = ("WEBVTT", "NOTE", "STYLE", "REGION")
BOTH_SHARE = 0.3  # share of cues holding both scripts from which a file is one bilingual file


@dataclass(frozen=True, slots=True)
class Cue:
    """One subtitle cue: start and end in seconds, its Chinese and English text (cleaned), its timing line."""

    start: float
    end: float
    zh: str
    en: str
    line: int


def _seconds(groups: Sequence[str | None]) -> float:
    hours, minutes, seconds, millis = groups
    fraction = int((millis or "0").ljust(3, "0")) / 1000
    return int(hours or 0) * 3600 + int(minutes or 0) * 60 + int(seconds or 0) + fraction


def clean_line(text: str) -> str:
    """One line of cue text as a card wants it: no markup, sound or speaker tags, lyrics or speaker dash.

    >>> clean_line("{\\\\an8}<i>- [DOOR OPENS] JOHN: Who's there?</i>")
    "Who's there?"
    >>> clean_line("♪ la la la ♪"), clean_line("（笑）你好")
    ('', '你好')
    """
    text = html.unescape(_MARKUP.sub("", text)).replace("\u200e", "").replace("\u200f", "")
    if any(c in text for c in _LYRICS):
        return ""
    text = _DASH.sub("", _SOUND.sub("", text).strip())
    text = _SPEAKER.sub("", text)
    return " ".join(text.split()).strip(" -")


def _join(lines: list[str], zh: bool) -> str:
    """A cue's lines as one text: English joined with spaces, Chinese without unless a line ends bare."""
    if not zh:
        return " ".join(lines)
    out = ""
    for line in lines:
        bare = out and HAN.search(out[-1]) and HAN.search(line[:1])
        out += (" " if bare else "") + line  # Chinese subtitles often use a space where a comma would be
    return out


def _cue(start: float, end: float, texts: list[str], line: int) -> Cue | None:
    zh: list[str] = []
    en: list[str] = []
    for raw in texts:
        text = clean_line(raw)
        if text and (HAN.search(text) or re.search(r"[A-Za-z0-9]", text)):
            (zh if is_chinese(text) else en).append(text)
    if not zh and not en:
        return None
    return Cue(start, end, _join(zh, True), _join(en, False), line)


def read_cues(path: Path) -> list[Cue]:
    """The cues of an ``.srt`` or ``.vtt`` file in time order; InputError naming the line of a bad timing."""
    path = Path(path)
    vtt = path.suffix.lower() == ".vtt"
    cues: list[Cue] = []
    block: list[tuple[int, str]] = []

    def close() -> None:
        timing = next((k for k, (_, t) in enumerate(block) if "-->" in t), None)
        if timing is None:
            first_number, first = block[0]
            if vtt or first.lstrip("\ufeff").startswith(_VTT_BLOCKS):
                return  # a header, a NOTE, STYLE or REGION block
            if not cues:
                raise InputError(
                    "expected a subtitle cue: a number, then 'HH:MM:SS,mmm --> HH:MM:SS,mmm'",
                    str(path),
                    first_number,
                )
            last = cues[-1]  # a blank line inside a cue's text: it goes on
            more = _cue(last.start, last.end, [last.zh, last.en, *(t for _, t in block)], last.line)
            if more is not None:
                cues[-1] = more
            return
        number, line = block[timing]
        m = _TIMING.match(line)
        if m is None:
            expected = "expected 'HH:MM:SS,mmm --> HH:MM:SS,mmm'"
            raise InputError(f"malformed timestamp {line.strip()!r}; {expected}", str(path), number)
        start, end = _seconds(m.groups()[:4]), _seconds(m.groups()[4:])
        cue = _cue(start, max(start, end), [t for _, t in block[timing + 1 :]], number)
        if cue is not None:
            cues.append(cue)

    for number, raw in encoding.lines(path):
        text = raw.lstrip("\ufeff").rstrip()
        if "-->" in text and block and any("-->" in t for _, t in block):
            # A cue without the blank line before it: its number (if any) belongs to the new cue.
            head = [block.pop()] if block[-1][1].strip().isdigit() else []
            close()
            block = head
        if text.strip():
            block.append((number, text))
        elif block:
            close()
            block = []
    if block:
        close()
    cues.sort(key=lambda c: c.start)  # stable: cues with one start keep the file's order
    return cues


def language(cues: Sequence[Cue]) -> str:
    """``zh``, ``en`` or ``both``: what a subtitle file holds, judged by its cues."""
    both = sum(bool(c.zh and c.en) for c in cues)
    if cues and both >= BOTH_SHARE * len(cues):
        return "both"
    zh = sum(bool(c.zh) and len(c.zh) >= len(c.en) // 3 for c in cues)
    return "zh" if zh * 2 >= len(cues) else "en"


def episode(zh_path: Path, en_path: Path | None = None) -> str:
    """The episode's name for sources: the file name, or the part two files' names share, with the extension.

    >>> episode(Path("s01e02.zh.srt"), Path("s01e02.en.srt"))
    's01e02.srt'
    """
    stem = zh_path.stem
    if en_path is not None:
        shared = ""
        for a, b in zip(zh_path.stem, en_path.stem, strict=False):
            if a != b:
                break
            shared += a
        shared = shared.rstrip(" ._-[(")
        stem = shared or stem
    return stem + zh_path.suffix.lower()


def _document(name: str, zh: Sequence[Cue], en: Sequence[Cue]) -> Document:
    return Document(
        name=name,
        zh=tuple(c.zh for c in zh),
        en=tuple(c.en for c in en),
        zh_lines=tuple(c.line for c in zh),
        en_lines=tuple(c.line for c in en),
        zh_times=tuple((c.start, c.end) for c in zh),
        en_times=tuple((c.start, c.end) for c in en),
    )


def _side(cues: Sequence[Cue], zh: bool) -> list[Cue]:
    """A one-language file's cues with all their text on that side (a stray line in the other script too)."""
    out = []
    for c in cues:
        text = _join([t for t in (c.zh, c.en) if t], zh) if zh else " ".join(t for t in (c.en, c.zh) if t)
        out.append(Cue(c.start, c.end, text if zh else "", "" if zh else text, c.line))
    return out


def read_subtitles(paths: Sequence[Path]) -> Iterator[Document]:
    """Subtitle files → one timed Document per episode: a bilingual file alone, else the first Chinese file
    with the first English one, in order. InputError for a one-language file left without a partner."""
    waiting: dict[str, list[tuple[Path, list[Cue]]]] = {"zh": [], "en": []}
    for path in (Path(p) for p in paths):
        cues = read_cues(path)
        if not cues:
            raise InputError("no subtitle cues found", str(path))
        lang = language(cues)
        if lang == "both":
            yield _document(episode(path), [c for c in cues if c.zh], [c for c in cues if c.en])
            continue
        waiting[lang].append((path, cues))
        if waiting["zh"] and waiting["en"]:
            (zh_path, zh), (en_path, en) = waiting["zh"].pop(0), waiting["en"].pop(0)
            yield _document(episode(zh_path, en_path), _side(zh, True), _side(en, False))
    for lang, other in (("zh", "English"), ("en", "Chinese")):
        if waiting[lang]:
            message = f"no {other} subtitle file to pair with this one (or give one file with both languages)"
            raise InputError(message, str(waiting[lang][0][0]))
