"""Pre-aligned files (tsv, csv, jsonl, tmx) → a stream of Pairs, score 1.0, source ``name:line``.

Malformed rows (the wrong number of columns, a JSON line without "zh" and "en") are yielded as `Skipped`
values, for the caller to count and report, or raise InputError with ``strict=True``; syntax errors (JSON,
XML, CSV quoting) and lines over `encoding.MAX_LINE` characters always raise InputError.

The decision worth knowing: a delimited file's columns are judged once, from its first 20 non-blank rows —
the Chinese column has the most Chinese characters, the English one is the first other text column, and a
row of another width is malformed. A TSV file whose sample rows are in Tatoeba layout (`zh_id<TAB>zh<TAB>
en_id<TAB>en`) is read by `tatoeba.py` instead: source ``tatoeba:zh_id/en_id``, first translation only.
"""

from __future__ import annotations

import csv
import itertools
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from deckbuilder.chinese import HAN, to_simplified, to_simplified_all
from deckbuilder.errors import InputError
from deckbuilder.ingest import encoding, streams, tatoeba
from deckbuilder.ingest.sniff import InputFormat, check_format
from deckbuilder.models import Pair, Skipped

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_SAMPLE = 20  # rows a delimited file's layout is judged from
_BLOCK = 512  # rows converted to simplified characters in one call


def read_pairs(path: Path, fmt: InputFormat | None = None, strict: bool = False) -> Iterator[Pair | Skipped]:
    """Stream the pairs of a pre-aligned file (tsv, csv, jsonl, tmx); score 1.0, source ``name:line``
    (``tatoeba:zh_id/en_id`` for a Tatoeba-layout TSV).

    A malformed row is yielded as `Skipped`, or raises InputError when `strict`.
    """
    path = Path(path)
    fmt = check_format(fmt, path)
    if fmt is InputFormat.moses:
        raise InputError("a Moses file is read line by line with its other-language file", str(path))
    if fmt not in _PAIR_READERS:
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


def pair_of(zh: str, en: str, name: str, where: int | str) -> Pair | None:
    """The Pair of a row, source ``name:where``; None when a side is empty or the Chinese has no Chinese."""
    zh, en = zh.strip(), en.strip()
    if not _usable(zh, en):
        return None
    return Pair(zh=to_simplified(zh), en=en, source=f"{name}:{where}", zh_original=zh)


def _usable(zh: str, en: str) -> bool:
    """Whether a row's stripped sides make a pair: both sides, and Chinese on the Chinese side."""
    return bool(zh and en and HAN.search(zh))


def _pair(zh: str, en: str, path: Path, where: int | str) -> Pair | None:
    return pair_of(zh, en, streams.inner(path).name, where)  # a.tsv.gz gives the sources a.tsv does


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


def _read_delimited(
    path: Path, rows: Iterator[tuple[int, list[str]]], tatoeba_layout: bool = False
) -> Iterator[Pair | Skipped]:
    """Pairs of delimited rows: the layout is judged from the first `_SAMPLE` non-blank rows; with
    `tatoeba_layout`, a file in that layout is read by `tatoeba.read_rows` instead of by its columns."""
    filled = ((number, row) for number, row in rows if "".join(row).strip())
    head = list(itertools.islice(filled, _SAMPLE))
    if not head:
        return
    sample = [r for _, r in head]
    every = itertools.chain(head, filled)
    if tatoeba_layout and tatoeba.is_layout(sample):
        yield from tatoeba.read_rows(path, every)
    else:
        yield from _rows(path, every, _columns(sample, path, head[0][0]))


def _rows(
    path: Path, rows: Iterable[tuple[int, list[str]]], layout: tuple[int, int, int]
) -> Iterator[Pair | Skipped]:
    zh_col, en_col, width = layout
    name = streams.inner(path).name
    rows = iter(rows)
    while block := list(itertools.islice(rows, _BLOCK)):  # OpenCC converts a block at a time
        kept: list[Skipped | tuple[str, str, int]] = []
        for number, row in block:
            if _width(row) != width:
                kept.append(Skipped(str(path), number, f"expected {width} columns, found {_width(row)}"))
                continue
            zh, en = row[zh_col].strip(), row[en_col].strip()
            if _usable(zh, en):
                kept.append((zh, en, number))
        simplified = iter(to_simplified_all([k[0] for k in kept if not isinstance(k, Skipped)]))
        for k in kept:
            if isinstance(k, Skipped):
                yield k
            else:
                yield Pair(zh=next(simplified), en=k[1], source=f"{name}:{k[2]}", zh_original=k[0])


def _read_tsv(path: Path) -> Iterator[Pair | Skipped]:
    rows = ((n, line.split("\t")) for n, line in encoding.lines(path))
    return _read_delimited(path, rows, tatoeba_layout=True)


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
    encoding.read_sample(path)  # a clear error for a missing, unreadable or corrupt file
    try:
        stream = streams.open_binary(path)  # decompressed as it is parsed
    except OSError as exc:
        raise encoding.unreadable(path, exc) from None
    with stream:
        yield from _tmx_units(path, stream)


def _tmx_units(path: Path, stream: BinaryIO) -> Iterator[Pair | Skipped]:
    number = 0
    parents: list[ET.Element] = []
    try:
        for event, elem in ET.iterparse(stream, events=("start", "end")):
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
    except streams.CORRUPT as exc:
        raise encoding.unreadable(path, exc) from None


# The pre-aligned formats of one file: every InputFormat but text and moses (two files: `moses.py`).
_PAIR_READERS: dict[InputFormat, Callable[[Path], Iterator[Pair | Skipped]]] = {
    InputFormat.tsv: _read_tsv,
    InputFormat.csv: _read_csv,
    InputFormat.jsonl: _read_jsonl,
    InputFormat.tmx: _read_tmx,
}
