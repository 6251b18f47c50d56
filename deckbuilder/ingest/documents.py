"""Plain text that still needs sentence alignment → Documents: paragraphs of each language, in order.

One file of interleaved English and Chinese blocks gives one document (or several); a Chinese file and an
English file give one. Each line's language is judged by `is_chinese`; hard-wrapped lines are rejoined.

The decision worth knowing: an interleaved document's blocks may be cut mid-sentence, so the last paragraph of
a block is rejoined with the first paragraph of the next block of the same language when it does not end a
sentence — except in title lists (single short lines alternating between the languages), which stay pairs.
A Chinese file and an English file get the same repair: a paragraph stopping mid-sentence goes on in the next.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from deckbuilder.chinese import HAN
from deckbuilder.errors import InputError, OptionError
from deckbuilder.ingest import encoding, streams
from deckbuilder.ingest.sniff import InputFormat, check_format
from deckbuilder.models import Document

_LATIN = re.compile(r"[A-Za-z]")


def is_chinese(text: str) -> bool:
    """Whether a line is Chinese: some CJK characters and not mostly Latin letters."""
    cjk = len(HAN.findall(text))
    return cjk >= 1 and cjk * 3 >= len(_LATIN.findall(text))


@dataclass(frozen=True, slots=True)
class _Para:
    text: str
    line: int
    zh: bool


_EN_END = ".!?…:;—–"  # a dash ends a broken-off utterance
_ZH_END = "。！？!?…：:；;—–"
_CLOSE = "”’」』）)》】\"' \u3000"


def _ends_sentence(text: str, zh: bool) -> bool:
    """Whether a paragraph ends where a sentence may end (short vocatives ending in a comma count)."""
    core = text.rstrip(_CLOSE)
    if not core:
        return True
    last = core[-1]
    if last in (_ZH_END if zh else _EN_END):
        return True
    if last in ",，、":
        return len(core) < (12 if zh else 30)  # "各位同事，" / "Colleagues," — not a cut clause
    return False


def _continues(prev: str, nxt: str, zh: bool, width: int) -> bool:
    """Whether line `prev` continues on the next line `nxt` of the same paragraph (a hard-wrapped text)."""
    if _ends_sentence(prev, zh):
        return False
    if not zh and nxt[:1].islower():
        return True
    return width > 0 and len(prev) >= 0.7 * width  # a short unterminated line is a title


def _wrap_width(texts: list[str], zh: bool) -> int:
    """The width lines of one language are wrapped at (0 when they are not): short, often mid-sentence."""
    if len(texts) < 5:
        return 0
    lengths = sorted(len(t) for t in texts)
    width = lengths[int(0.9 * (len(lengths) - 1))]
    open_ended = sum(not _ends_sentence(t, zh) for t in texts)
    narrow = (15 if zh else 40) <= width <= (60 if zh else 100)
    return width if narrow and open_ended >= 0.3 * len(texts) else 0


def _paragraphs(lines: Iterator[tuple[int, str]]) -> list[_Para]:
    """Non-empty lines → paragraphs, each tagged with its language; hard-wrapped lines are rejoined.

    Lines are only joined without a blank line between them: when an English line goes on in lower case,
    or when the file's lines of that language look wrapped at a fixed width.
    """
    tagged: list[tuple[int, str, bool]] = []
    for number, raw in lines:
        text = raw.strip().lstrip("\ufeff").strip()
        if not text:
            tagged.append((number, "", False))
            continue
        has_words = bool(HAN.search(text) or _LATIN.search(text))
        last = next((z for _, t, z in reversed(tagged) if t), False)
        tagged.append((number, text, is_chinese(text) if has_words else last))
    width = {z: _wrap_width([t for _, t, lang in tagged if t and lang == z], z) for z in (True, False)}
    paras: list[_Para] = []
    blank = True
    for number, text, zh in tagged:
        if not text:
            blank = True
            continue
        prev = paras[-1] if paras else None
        if prev is not None and not blank and prev.zh == zh and _continues(prev.text, text, zh, width[zh]):
            paras[-1] = _Para(prev.text + ("" if zh else " ") + text, prev.line, zh)
        else:
            paras.append(_Para(text, number, zh))
        blank = False
    return paras


_INNER_END = {True: re.compile(r"[。！？!?]."), False: re.compile(r"[.!?][”’\"')]*\s+[A-Z“\"]")}


def _title_like(p: _Para) -> bool:
    """Short, one phrase, no full stop: a title, date or byline (`Beijing, November 30, 2020`)."""
    return (
        len(p.text) < (60 if p.zh else 200)
        and not _ends_sentence(p.text, p.zh)
        and not _INNER_END[p.zh].search(p.text)
    )


def _cut(last: str, first: str, zh: bool) -> bool:
    """Whether a block ending with paragraph `last` was cut mid-sentence, to go on with `first`."""
    if not _ends_sentence(last, zh):
        return True
    # "…as we said," + "and the people…": a comma that looked like a vocative's, then lower case.
    return not zh and first[:1].islower() and last.rstrip(_CLOSE)[-1:] in ",;:"


def _documents(name: str, paras: list[_Para]) -> list[Document]:
    """Interleaved paragraphs → documents: blocks of each language concatenated, cut sentences rejoined."""
    runs: list[list[_Para]] = []
    for p in paras:
        if runs and runs[-1][0].zh == p.zh:
            runs[-1].append(p)
        else:
            runs.append([p])
    single = [len(r) == 1 and _title_like(r[0]) for r in runs]
    # A title (or date, or byline) is a single short line without a full stop, next to its translation.
    n = len(runs)
    title = [single[k] and ((k > 0 and single[k - 1]) or (k + 1 < n and single[k + 1])) for k in range(n)]
    docs: list[dict[bool, list[_Para]]] = [{True: [], False: []}]
    last_title = {True: False, False: False}
    body_seen = False
    for k, run in enumerate(runs):
        lang = run[0].zh
        sides = docs[-1]
        starts_titles = (
            title[k]
            and k + 1 < n
            and title[k + 1]
            and not _ends_sentence(run[0].text, lang)
            and not _ends_sentence(runs[k + 1][0].text, not lang)
        )
        if starts_titles and body_seen and all(s and _ends_sentence(s[-1].text, z) for z, s in sides.items()):
            docs.append({True: [], False: []})  # titles after finished body text: the next document
            sides = docs[-1]
            body_seen = False
        side = sides[lang]
        if side and not title[k] and not last_title[lang] and _cut(side[-1].text, run[0].text, lang):
            prev = side[-1]
            side[-1] = _Para(prev.text + ("" if lang else " ") + run[0].text, prev.line, lang)
            side.extend(run[1:])
        else:
            side.extend(run)
        last_title[lang] = title[k]
        body_seen = body_seen or not title[k]
    return [
        Document(
            name=name,
            zh=tuple(p.text for p in d[True]),
            en=tuple(p.text for p in d[False]),
            zh_lines=tuple(p.line for p in d[True]),
            en_lines=tuple(p.line for p in d[False]),
        )
        for d in docs
        if d[True] or d[False]
    ]


def _rejoined(paras: list[_Para]) -> list[_Para]:
    """One language's paragraphs with a paragraph cut mid-sentence joined to the next (blocks copied out of
    an interleaved document keep their cuts); titles and bylines stay apart."""
    out: list[_Para] = []
    for p in paras:
        prev = out[-1] if out else None
        if prev is not None and prev.zh == p.zh and not _title_like(prev) and _cut(prev.text, p.text, p.zh):
            out[-1] = _Para(prev.text + ("" if p.zh else " ") + p.text, prev.line, p.zh)
        else:
            out.append(p)
    return out


def read_document(paths: Sequence[Path], fmt: InputFormat | None = None) -> list[Document]:
    """Text needing alignment → documents: one interleaved file (one or more documents), or zh and en files.

    Paragraphs are kept as read (traditional stays traditional); sentence splitting is the aligner's job.
    """
    paths = [Path(p) for p in paths]
    if not paths or len(paths) > 2:
        raise OptionError("give one interleaved bilingual file, or a Chinese file and an English file")
    for path in paths:
        found = check_format(fmt, path)
        if found is not InputFormat.text:
            raise InputError(f"this is a pre-aligned {found} file; read it with read_pairs", str(path))
    if len(paths) == 1:
        path = paths[0]
        paras = _paragraphs(encoding.lines(path))
        if not paras:
            raise InputError("the file is empty", str(path))
        zh = sum(p.zh for p in paras)
        if zh == 0:
            raise InputError("no Chinese text found (expected English and Chinese blocks)", str(path))
        if zh == len(paras):
            raise InputError("no English text found (expected English and Chinese blocks)", str(path))
        return _documents(streams.inner(path).name, paras)  # a.txt.gz reads as a.txt
    sides = []
    for path in paths:
        paras = _rejoined(_paragraphs(encoding.lines(path)))
        if not paras:
            raise InputError("the file is empty", str(path))
        sides.append((path, paras, sum(p.zh for p in paras) / len(paras)))
    sides.sort(key=lambda s: -s[2])
    (zh_path, zh_paras, zh_share), (en_path, en_paras, en_share) = sides
    if zh_share < 0.5:
        raise InputError("no Chinese text found in either file", str(paths[0]))
    if en_share > 0.5:
        raise InputError("both files look Chinese; expected one Chinese and one English file", str(en_path))
    return [
        Document(
            name=streams.inner(zh_path).name,
            zh=tuple(p.text for p in zh_paras),
            en=tuple(p.text for p in en_paras),
            zh_lines=tuple(p.line for p in zh_paras),
            en_lines=tuple(p.line for p in en_paras),
        )
    ]


def language(path: Path) -> str:
    """``zh``, ``en`` or ``both``: what a plain-text file holds, judged by its paragraphs."""
    paras = _paragraphs(encoding.lines(path))
    if not paras:
        raise InputError("the file is empty", str(path))
    share = sum(p.zh for p in paras) / len(paras)
    return "zh" if share > 0.9 else "en" if share < 0.1 else "both"
