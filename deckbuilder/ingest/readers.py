"""Files → pairs (pre-aligned formats) or documents (text that still needs sentence alignment).

Formats, sniffed from the extension and first lines unless forced:
  ``tsv``, ``csv``  two text columns, or Tatoeba ``id<TAB>zh<TAB>id<TAB>en``, or ``en<TAB>zh<TAB>attribution``
  ``jsonl``         one ``{"zh": …, "en": …}`` object a line
  ``tmx``           TMX 1.4 translation units with zh* and en* variants
  ``text``          one file of interleaved English and Chinese blocks, or a Chinese and an English file

Malformed rows (the wrong number of columns, a JSON line without "zh" and "en") are yielded as `Skipped`
values, for the caller to count and report, or raise InputError with ``strict=True``; syntax errors (JSON,
XML, CSV quoting) and lines over `encoding.MAX_LINE` characters always raise InputError.

The decision worth knowing: an interleaved document's blocks may be cut mid-sentence, so the last paragraph of
a block is rejoined with the first paragraph of the next block of the same language when it does not end a
sentence — except in title lists (single short lines alternating between the languages), which stay pairs.
"""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from deckbuilder.chinese import HAN, to_simplified
from deckbuilder.errors import InputError, OptionError
from deckbuilder.ingest import encoding
from deckbuilder.models import Document, Pair, Skipped

FORMATS = ("text", "tsv", "csv", "jsonl", "tmx")
PAIR_FORMATS = ("tsv", "csv", "jsonl", "tmx")

_LATIN = re.compile(r"[A-Za-z]")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def is_chinese(text: str) -> bool:
    """Whether a line is Chinese: some CJK characters and not mostly Latin letters."""
    cjk = len(HAN.findall(text))
    return cjk >= 1 and cjk * 3 >= len(_LATIN.findall(text))


# --------------------------------------------------------------------------------------------- sniffing
def sniff(path: Path) -> str:
    """The format name of `path` (one of FORMATS), from its extension, else from its first lines."""
    path = Path(path)
    ext = path.suffix.lower()
    by_ext = {".tmx": "tmx", ".jsonl": "jsonl", ".ndjson": "jsonl", ".tsv": "tsv", ".csv": "csv"}
    sample = encoding.read_sample(path)
    codec = encoding.detect(path, sample)
    if ext in by_ext:
        return by_ext[ext]
    head = sample.decode(codec, errors="ignore").lstrip("\ufeff")
    rows = [line for line in head.splitlines()[:50] if line.strip()]
    first = rows[0].lstrip() if rows else ""
    if first.startswith(("<?xml", "<tmx")):
        return "tmx"
    if first.startswith("{"):
        return "jsonl"
    if rows and sum("\t" in r.strip() for r in rows) >= 0.8 * len(rows):  # not tab-indented prose
        return "tsv"
    return "text"


def _check_format(fmt: str | None, path: Path) -> str:
    if fmt is None:
        return sniff(path)
    if fmt not in FORMATS:
        raise OptionError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return fmt


# ------------------------------------------------------------------------------------- pre-aligned pairs
def check_inputs(paths: Sequence[Path]) -> None:
    """InputError for the first input that is missing, a directory, unreadable, empty or not text.

    Cheap (the first 64 KiB of each file): the pipeline calls it before any work.
    """
    for path in (Path(p) for p in paths):
        encoding.detect(path, encoding.read_sample(path))


def read_pairs(path: Path, fmt: str | None = None, strict: bool = False) -> Iterator[Pair | Skipped]:
    """Stream the pairs of a pre-aligned file (tsv, csv, jsonl, tmx); score 1.0, source ``name:line``.

    A malformed row is yielded as `Skipped`, or raises InputError when `strict`.
    """
    path = Path(path)
    fmt = _check_format(fmt, path)
    if fmt not in PAIR_FORMATS:
        raise InputError(f"not a pre-aligned format ({fmt}); it needs sentence alignment", str(path))
    count = skipped = 0
    for item in _PAIR_READERS[fmt](path):
        if isinstance(item, Skipped):
            if strict:
                message = (
                    f"{item.reason}; fix the row, or leave out --strict to skip such rows with a warning"
                )
                raise InputError(message, item.path, item.line)
            skipped += 1
        else:
            count += 1
        yield item
    if count == 0:
        left_out = f" ({skipped:,} malformed rows left out)" if skipped else ""
        raise InputError(
            f"no Chinese–English pairs found{left_out}; expected a Chinese and an English column", str(path)
        )


def _pair(zh: str, en: str, path: Path, where: int | str) -> Pair | None:
    zh, en = zh.strip(), en.strip()
    if not zh or not en or not HAN.search(zh):
        return None
    return Pair(zh=to_simplified(zh), en=en, source=f"{path.name}:{where}", zh_original=zh)


def _width(row: list[str]) -> int:
    """Columns of a row, trailing empty cells not counted (spreadsheets pad rows with them)."""
    n = len(row)
    while n > 0 and not row[n - 1].strip():
        n -= 1
    return n


def _columns(rows: list[list[str]], path: Path, line: int) -> tuple[int, int, int]:
    """(zh column, en column, width) of a delimited file: zh has Chinese; en is the first other text
    column; the width is the one most of the first rows have (a tie: the first row's)."""
    widths = [_width(r) for r in rows]
    width = max(widths, key=lambda w: (widths.count(w), -widths.index(w)))  # a tie: the earliest row
    rows = [r for r, w in zip(rows, widths, strict=True) if w == width]
    if width < 2:
        raise InputError(
            "expected at least two columns (Chinese and English) separated by tabs or commas", str(path), line
        )
    cjk = [sum(len(HAN.findall(r[i])) for r in rows if i < len(r)) for i in range(width)]
    if max(cjk) == 0:
        raise InputError("no Chinese text found; expected a Chinese and an English column", str(path), line)
    zh = cjk.index(max(cjk))

    def is_text(i: int) -> bool:
        cells = [r[i] for r in rows if i < len(r) and r[i].strip()]
        return bool(cells) and not all(c.strip().isdigit() for c in cells) and cjk[i] == 0

    candidates = [i for i in range(width) if i != zh and is_text(i)]
    if not candidates:
        raise InputError("no English column found; expected a Chinese and an English column", str(path), line)
    return zh, candidates[0], width


def _read_delimited(path: Path, rows: Iterator[tuple[int, list[str]]]) -> Iterator[Pair | Skipped]:
    head: list[tuple[int, list[str]]] = []
    layout: tuple[int, int, int] | None = None
    for number, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        if layout is None:
            head.append((number, row))
            if len(head) < 20:
                continue
            layout = _columns([r for _, r in head], path, head[0][0])
            yield from _rows(path, head, layout)
            continue
        yield from _rows(path, [(number, row)], layout)
    if layout is None and head:
        yield from _rows(path, head, _columns([r for _, r in head], path, head[0][0]))


def _rows(
    path: Path, rows: list[tuple[int, list[str]]], layout: tuple[int, int, int]
) -> Iterator[Pair | Skipped]:
    zh_col, en_col, width = layout
    for number, row in rows:
        if _width(row) != width:
            yield Skipped(str(path), number, f"expected {width} columns, found {_width(row)}")
            continue
        pair = _pair(row[zh_col], row[en_col], path, number)
        if pair is not None:
            yield pair


def _read_tsv(path: Path) -> Iterator[Pair | Skipped]:
    return _read_delimited(path, ((n, line.split("\t")) for n, line in encoding.lines(path)))


def _csv_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """(first line, cells) of each CSV record; a record may span lines inside quotes."""
    reader = csv.reader(line + "\n" for _, line in encoding.lines(path))
    records = iter(reader)
    while True:
        start = reader.line_num + 1
        try:
            row = next(records)
        except StopIteration:
            return
        except csv.Error as exc:
            raise InputError(
                f"malformed CSV ({exc}) in the record starting here; check for an unclosed quote",
                str(path),
                start,
            ) from None
        yield start, row


def _read_csv(path: Path) -> Iterator[Pair | Skipped]:
    return _read_delimited(path, _csv_rows(path))


def _read_jsonl(path: Path) -> Iterator[Pair | Skipped]:
    for number, line in encoding.lines(path):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(
                f"invalid JSON ({exc.msg}, column {exc.colno}); expected one object a line", str(path), number
            ) from None
        except RecursionError:
            message = "invalid JSON (nested too deeply); expected one object a line"
            raise InputError(message, str(path), number) from None
        if not (isinstance(obj, dict) and isinstance(obj.get("zh"), str) and isinstance(obj.get("en"), str)):
            yield Skipped(str(path), number, 'expected an object with "zh" and "en" strings')
            continue
        pair = _pair(obj["zh"], obj["en"], path, number)
        if pair is not None:
            yield pair


def _read_tmx(path: Path) -> Iterator[Pair | Skipped]:
    encoding.read_sample(path)  # a clear error for a missing or unreadable file
    number = 0
    parents: list[ET.Element] = []
    try:
        for event, elem in ET.iterparse(path, events=("start", "end")):
            if event == "start":
                parents.append(elem)
                continue
            parents.pop()
            if elem.tag != "tu":
                continue
            number += 1
            if parents:
                parents[-1].remove(elem)  # memory stays bounded by one unit, not the file
            texts: dict[str, str] = {}
            for tuv in elem.iter("tuv"):
                lang = (tuv.get(_XML_LANG) or tuv.get("lang") or "").lower()
                seg = tuv.find("seg")
                if seg is None:
                    continue
                side = "zh" if lang.startswith(("zh", "cmn")) else "en" if lang.startswith("en") else ""
                if side and side not in texts:
                    texts[side] = "".join(seg.itertext())
            elem.clear()
            if any(len(t) > encoding.MAX_LINE for t in texts.values()):
                where = f"{path}: translation unit {number}"
                raise InputError(f"segment longer than {encoding.MAX_LINE:,} characters; split it", where)
            pair = _pair(texts.get("zh", ""), texts.get("en", ""), path, f"tu{number}")
            if pair is not None:
                yield pair
    except ET.ParseError as exc:
        raise InputError(f"malformed TMX ({exc}); expected TMX 1.4 XML", str(path), exc.position[0]) from None
    except (LookupError, ValueError) as exc:  # an unknown encoding in the XML declaration, and the like
        raise InputError(f"malformed TMX ({exc}); expected TMX 1.4 XML", str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror or exc})", str(path)) from None


_PAIR_READERS: dict[str, Callable[[Path], Iterator[Pair | Skipped]]] = {
    "tsv": _read_tsv,
    "csv": _read_csv,
    "jsonl": _read_jsonl,
    "tmx": _read_tmx,
}


# ------------------------------------------------------------------------------------------- documents
@dataclass(frozen=True, slots=True)
class _Para:
    text: str
    line: int
    zh: bool


_EN_END = ".!?…:;"
_ZH_END = "。！？!?…：:；;"
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


def read_document(paths: Sequence[Path], fmt: str | None = None) -> list[Document]:
    """Text needing alignment → documents: one interleaved file (one or more documents), or zh and en files.

    Paragraphs are kept as read (traditional stays traditional); sentence splitting is the aligner's job.
    """
    paths = [Path(p) for p in paths]
    if not paths or len(paths) > 2:
        raise OptionError("give one interleaved bilingual file, or a Chinese file and an English file")
    for path in paths:
        found = _check_format(fmt, path)
        if found != "text":
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
        return _documents(path.name, paras)
    sides = []
    for path in paths:
        paras = _paragraphs(encoding.lines(path))
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
            name=zh_path.name,
            zh=tuple(p.text for p in zh_paras),
            en=tuple(p.text for p in en_paras),
            zh_lines=tuple(p.line for p in zh_paras),
            en_lines=tuple(p.line for p in en_paras),
        )
    ]


def _language(path: Path) -> str:
    """``zh``, ``en`` or ``both``: what a plain-text file holds, judged by its paragraphs."""
    paras = _paragraphs(encoding.lines(path))
    if not paras:
        raise InputError("the file is empty", str(path))
    share = sum(p.zh for p in paras) / len(paras)
    return "zh" if share > 0.9 else "en" if share < 0.1 else "both"


def read_inputs(
    paths: Sequence[Path], fmt: str | None = None, strict: bool = False
) -> Iterator[Pair | Document | Skipped]:
    """Every input in order: pre-aligned files as Pairs, plain text as Documents still to align, and the
    malformed rows left out as `Skipped` (InputError instead when `strict`).

    A plain-text file holding both languages is one interleaved document (or several); files holding one
    language are paired in order of appearance, the first Chinese file with the first English one.
    """
    waiting: dict[str, list[Path]] = {"zh": [], "en": []}
    for path in (Path(p) for p in paths):
        found = _check_format(fmt, path)
        if found in PAIR_FORMATS:
            yield from read_pairs(path, found, strict)
            continue
        lang = _language(path)
        if lang == "both":
            yield from read_document([path], "text")
            continue
        waiting[lang].append(path)
        if waiting["zh"] and waiting["en"]:
            yield from read_document([waiting["zh"].pop(0), waiting["en"].pop(0)], "text")
    for lang, other in (("zh", "English"), ("en", "Chinese")):
        if waiting[lang]:
            raise InputError(f"no {other} file to pair with this one-language file", str(waiting[lang][0]))
