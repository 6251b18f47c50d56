"""Concise English gloss of a word from CC-CEDICT, preferring the entry whose reading matches ours.

行 in 银行 is háng ("bank; business firm"), not xíng ("to walk"): the entry is chosen by the pinyin the card
shows. Cross-references and variant notes are dropped; classifier senses (`CL:`) are left for their own
field.
"""

from __future__ import annotations

from functools import lru_cache

from deckbuilder.annotate.reading import word_numbered
from deckbuilder.cedict import Entry, lookup

_NOISE = ("variant of", "old variant of", "see also", "see ", "also written", "abbr. for", "CL:", "(Tw)")
MAX_SENSES = 3
MAX_CHARS = 60  # a gloss is a reminder, not a dictionary page


def _clean(entry: Entry) -> list[str]:
    return [s for s in entry.senses if not any(s.startswith(n) for n in _NOISE)]


def _norm(pinyin: str) -> str:
    return pinyin.lower().replace(" ", "")


def choose_entry(word: str, numbered: tuple[str, ...]) -> Entry | None:
    """The entry for `word` whose reading matches `numbered`, lower-case (common noun) entries first."""
    entries = lookup(word)
    if not entries:
        return None
    want = _norm("".join(numbered))

    def rank(e: Entry) -> tuple[int, int, int, int]:
        reading_match = _norm(e.pinyin) == want
        toneless_match = _norm(e.pinyin).rstrip("12345") == want.rstrip("12345")
        is_proper = e.pinyin[:1].isupper()
        useful = len(_clean(e))
        # Among entries with the same reading, the one with most senses is the everyday word
        # (后 "after; behind" from 後, not 后 "empress").
        return (
            0 if reading_match else 1 if toneless_match else 2,
            int(is_proper),
            0 if useful else 1,
            -useful,
        )

    return min(entries, key=rank)


@lru_cache(maxsize=100_000)
def gloss_for(word: str) -> str:
    """The first senses (up to three, about 60 characters) of the best-matching entry ('' when none)."""
    entry = choose_entry(word, word_numbered(word))
    if entry is None:
        return ""
    senses = _clean(entry) or list(entry.senses)
    kept = [senses[0]]
    for sense in senses[1:MAX_SENSES]:
        if len("; ".join([*kept, sense])) > MAX_CHARS:
            break
        kept.append(sense)
    return "; ".join(kept)
