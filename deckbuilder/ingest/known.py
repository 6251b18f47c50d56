"""A learner's known words: a word list, a TSV/CSV export with a word column, or an Anki deck/collection.

Words are returned simplified (OpenCC), so a traditional-script list still matches. For Anki files the
field is chosen by name (`Target`, `Word`, `Simplified`, `Hanzi`, … — so a deckbuilder deck the learner
studied works as is), else the first field.
"""

from __future__ import annotations

import csv
import html
import io
import re
from pathlib import Path

from deckbuilder.ankifile import field_names, open_collection
from deckbuilder.chinese import HAN_RUN, to_simplified
from deckbuilder.errors import InputError

_TAG = re.compile(r"<[^>]*>")
WORD_COLUMNS = (
    "target",
    "word",
    "words",
    "simplified",
    "hanzi",
    "chinese",
    "vocab",
    "vocabulary",
    "词",
    "词语",
    "汉字",
    "简体",
    "front",
    "expression",
)
MAX_WORD = 8  # longer runs are sentences, not vocabulary entries
ANKI_SUFFIXES = (".apkg", ".colpkg", ".anki2", ".anki21")


def _words_in(value: str) -> list[str]:
    text = html.unescape(_TAG.sub(" ", value))
    return [to_simplified(run) for run in HAN_RUN.findall(text) if len(run) <= MAX_WORD]


def _column(header: list[str], rows: list[list[str]]) -> int:
    names = [h.strip().lower() for h in header]
    for wanted in WORD_COLUMNS:
        if wanted in names:
            return names.index(wanted)
    width = max((len(r) for r in rows), default=0)
    scores = [sum(1 for r in rows if i < len(r) and HAN_RUN.search(r[i])) for i in range(width)]
    return max(range(width), key=lambda i: (scores[i], -i)) if width else 0


def _read_table(text: str) -> set[str]:
    lines = text.splitlines()
    delimiter = "\t" if any("\t" in line for line in lines[:20]) else ","
    rows = [r for r in csv.reader(io.StringIO(text), delimiter=delimiter) if any(c.strip() for c in r)]
    if not rows:
        return set()
    header_is_names = not HAN_RUN.search(" ".join(rows[0])) or rows[0][0].strip().lower() in WORD_COLUMNS
    body = rows[1:] if header_is_names else rows
    col = _column(rows[0] if header_is_names else [], body)
    return {w for r in body if col < len(r) for w in _words_in(r[col])}


def _read_text(path: Path) -> set[str]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the known-words file: {exc.strerror or exc}", str(path)) from exc
    encodings = ("utf-16",) if raw.startswith((b"\xff\xfe", b"\xfe\xff")) else ("utf-8-sig", "gb18030")
    for encoding in encodings:
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise InputError("not UTF-8, UTF-16 or GB18030 text", str(path))
    if "\x00" in text:
        raise InputError(
            "binary data; expected one word per line, a TSV/CSV export or an Anki file", str(path)
        )
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    if any("\t" in ln or "," in ln for ln in lines[:20]):
        return _read_table("\n".join(lines))
    return {w for ln in lines for w in _words_in(ln.split()[0] if ln.split() else ln)}


def _read_anki(path: Path) -> set[str]:
    with open_collection(path, decompress=True) as con:
        fields = field_names(con)
        words: set[str] = set()
        for mid, flds in con.execute("select mid, flds from notes"):
            names = [n.lower() for n in fields.get(int(mid), ())]
            values = str(flds).split("\x1f")
            index = next((names.index(w) for w in WORD_COLUMNS if w in names), 0)
            if index < len(values):
                words.update(_words_in(values[index]))
        return words


def read_known(path: Path) -> frozenset[str]:
    """The words a learner already knows, from any supported file; InputError when none are found."""
    path = Path(path)
    if not path.is_file():
        raise InputError("no such file", str(path))
    words = _read_anki(path) if path.suffix.lower() in ANKI_SUFFIXES else _read_text(path)
    if not words:
        raise InputError("no Chinese words found in the known-words file", str(path))
    return frozenset(words)
