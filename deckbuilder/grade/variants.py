"""Variants and misspellings: a word a card should not teach as written.

A word CC-CEDICT has only as a variant of another (甚么 for 什么) is a nonstandard form; a jieba word
CC-CEDICT lacks, written with no words, that a far commoner listed word of its part of speech sounds like
with one character changed (锻练 for 锻炼) is a misspelling. `wording` counts either as a typo pattern.
"""

from __future__ import annotations

from functools import cache

from deckbuilder import segmenter
from deckbuilder.chinese import HAN

# A misspelling is at least this many times rarer in jieba's dictionary than the listed word it sounds like.
RARER = 4
# CC-CEDICT's senses that only point to the standard form of a word.
_VARIANT_SENSES = ("variant of", "old variant of", "archaic variant of", "erroneous variant of")


@cache
def is_variant(word: str) -> bool:
    """Whether `word` is a variant or a misspelling (see the module docstring)."""
    from deckbuilder import cedict
    from deckbuilder.cedict import headwords
    from deckbuilder.standards import all_words

    if word in all_words():
        return False
    entries = cedict.lookup(word)
    if entries:
        return all(s.startswith(_VARIANT_SENSES) for e in entries for s in e.senses)
    lists = headwords()
    if word in lists.proper or word in lists.ordinary or segmenter.is_name(word):
        return False
    if segmenter.glued_pieces(word) is not None:
        return False  # written as words (一只, 开窗): no misspelt one
    freq, tag = segmenter.dictionary_entry(word)
    if not freq:
        return False  # glued by the HMM, not a dictionary's word
    apart = _one_apart()
    for i in range(len(word)):
        for listed in apart.get(word[:i] + "?" + word[i + 1 :], ()):
            their_freq, their_tag = segmenter.dictionary_entry(listed)
            if (
                _sounds_the_same(word[i], listed[i])
                and freq * RARER < their_freq
                and tag[:1] == their_tag[:1]
            ):
                return True
    return False


@cache
def _one_apart() -> dict[str, tuple[str, ...]]:
    """Each string one character away from a listed word of two or three characters → those words."""
    from deckbuilder.standards import all_words

    out: dict[str, list[str]] = {}
    for listed in all_words():
        if 1 < len(listed) < 4 and HAN.match(listed[0]):
            for i in range(len(listed)):
                out.setdefault(listed[:i] + "?" + listed[i + 1 :], []).append(listed)
    return {key: tuple(words) for key, words in out.items()}


def _sounds_the_same(ours: str, theirs: str) -> bool:
    """Whether two characters share a reading, tones aside (练, 炼: lian)."""
    from deckbuilder.pinyin.lexicon import char_readings

    return bool({r[:-1] for r in char_readings(ours)} & {r[:-1] for r in char_readings(theirs)})
