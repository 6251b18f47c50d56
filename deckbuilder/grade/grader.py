"""Reading classes and difficulty: one token → how it reads for a learner of one level; one sentence → cost.

Every token gets a reading class (`Reading`): the level's own words are targets; known words (a `--known`
list, and by default every word below the level) and free tokens (punctuation, numbers, Latin text, proper
names) cost nothing; an unlisted word whose characters are all known is readable; anything else is new.
"""

from __future__ import annotations

import math
from enum import StrEnum
from functools import cached_property

from deckbuilder.memo import Memo
from deckbuilder.models import Kind, Level, Sentence, Token
from deckbuilder.standards import characters, words

# Sentence length in Chinese characters: the comfortable sweet spot and the default hard bounds per level.
SWEET_SPOT = {1: (4, 9), 2: (5, 10), 3: (6, 13), 4: (7, 16), 5: (8, 20), 6: (10, 24), 7: (10, 28)}
LENGTH_BOUNDS = {1: (3, 16), 2: (3, 18), 3: (4, 22), 4: (4, 26), 5: (5, 30), 6: (5, 34), 7: (6, 40)}
NEW_WORD_COST = 8.0  # what a new word other than the target adds to a sentence's difficulty (`--max-new`)
MIN_CONTEXT = 2  # other words a sentence needs besides its target: a cloze needs something to infer from
_FREE = (Kind.PUNCT, Kind.NUMBER, Kind.LATIN, Kind.NAME)


class Reading(StrEnum):
    """How a token reads for a learner about to study one level."""

    TARGET = "target"  # a word of the level, not yet known
    KNOWN = "known"  # on the learner's known list (or introduced earlier in the deck)
    BELOW = "below"  # a listed word below the level (known when assume_below)
    ABOVE = "above"  # a listed word above the level
    LEFT_OUT = "left out"  # a word of the level the teacher leaves out: never taught, so new to the learner
    FREE = "free"  # punctuation, numbers, Latin text, proper names
    READABLE = "readable"  # unlisted, but every character is known
    UNKNOWN = "unknown"  # unlisted and some character is unknown


class Grader:
    """Reading classes and sentence difficulty for one level of one standard and one learner."""

    def __init__(
        self,
        level: Level,
        table: dict[str, int] | None = None,
        known: frozenset[str] = frozenset(),
        assume_below: bool = True,
        left_out: frozenset[str] = frozenset(),
    ) -> None:
        self.level = level
        self.table = table if table is not None else words(level.standard)
        self.known = known
        self.assume_below = assume_below
        self.left_out = left_out - known  # a known word stays known

    @cached_property
    def readable_chars(self) -> frozenset[str]:
        """Characters the learner knows: of known words, of words below and at the level, and listed ones."""
        top = self.level.level
        chars = {c for w in self.known for c in w}
        if self.assume_below:
            chars.update(c for w, lv in self.table.items() if lv <= top for c in w)
            if self.table is words(self.level.standard):  # the standard's own list, not a test's table
                chars.update(c for c, lv in characters(self.level.standard).items() if lv <= top)
        else:
            chars.update(c for w, lv in self.table.items() if lv == top for c in w)
        return frozenset(chars)

    @cached_property
    def level_words(self) -> frozenset[str]:
        """The level's words the learner does not know yet: the possible targets."""
        left_out = self.known | self.left_out
        return frozenset(w for w, lv in self.table.items() if lv == self.level.level and w not in left_out)

    def classify(self, sentence: Sentence) -> tuple[Reading, ...]:
        """The reading class of every token. A name, number or punctuation is free whatever its text (李 the
        surname, 李 the plum); any other token's class depends only on its text, memoised per word."""
        memo = self._memo
        out = []
        for tok in sentence.tokens:
            if tok.kind in _FREE:
                out.append(Reading.FREE)
                continue
            cls = memo.get(tok.text)
            if cls is None:
                cls = memo[tok.text] = self._word_class(tok)
            out.append(cls)
        return tuple(out)

    @cached_property
    def _memo(self) -> dict[str, Reading]:
        return {}

    @cached_property
    def _new_classes(self) -> frozenset[Reading]:
        new = {Reading.ABOVE, Reading.UNKNOWN, Reading.LEFT_OUT}
        if not self.assume_below:
            new.add(Reading.BELOW)
        return frozenset(new)

    def _word_class(self, tok: Token) -> Reading:
        if tok.text in self.known:
            return Reading.KNOWN
        if tok.text in self.left_out:
            return Reading.LEFT_OUT
        lv = self.table.get(tok.text)
        if lv is None:
            return Reading.READABLE if all(c in self.readable_chars for c in tok.text) else Reading.UNKNOWN
        top = self.level.level
        return Reading.TARGET if lv == top else Reading.BELOW if lv < top else Reading.ABOVE

    def is_new(self, reading: Reading) -> bool:
        """Whether a token of this class is something the learner has not met (targets aside)."""
        return reading in self._new_classes

    def targets(self, sentence: Sentence) -> list[int] | None:
        """Indices of the level's words in `sentence`, or None when some other token is new."""
        classes = self.classify(sentence)
        if any(self.is_new(c) for c in classes):
            return None
        return [i for i, c in enumerate(classes) if c is Reading.TARGET]

    def has_context(self, sentence: Sentence, target: str) -> bool:
        """At least MIN_CONTEXT other words: a cloze needs something to infer the blank from."""
        others = [t for t in sentence.tokens if t.kind is Kind.WORD and t.text != target]
        return len(others) >= MIN_CONTEXT

    def difficulty(
        self, sentence: Sentence, target: str, classes: tuple[Reading, ...] | None = None
    ) -> float:
        """Lower is easier: few, frequent words; no second new word; length near the sweet spot; a sane
        translation; a confident alignment. `classes`: the sentence's `classify`, when the caller has it."""
        top = self.level.level
        cost = 0.0
        rarity = _RARITY
        classes = self.classify(sentence) if classes is None else classes
        for tok, cls in zip(sentence.tokens, classes, strict=True):
            if cls is Reading.FREE or tok.text == target:
                continue
            cost += 1.0 + rarity[tok.freq]  # rare words cost more
            if cls is Reading.READABLE:
                # readable only character by character; longer unlisted words (idioms) much less so
                cost += 1.5 if len(tok.text) <= 2 else 3.5
            elif cls is Reading.TARGET:
                cost += 4.0  # a second word of the new level
            elif self.is_new(cls):
                cost += NEW_WORD_COST
        hanzi = hanzi_count(sentence)
        low, high = SWEET_SPOT.get(top, (8, 20))
        cost += 1.0 * max(0, low - hanzi) + 0.3 * max(0, hanzi - high)
        en_words = len(sentence.pair.en.split())
        ratio = en_words / max(hanzi, 1)
        if not 0.2 <= ratio <= 1.6:  # a translation far shorter or longer than the sentence is suspect
            cost += 3.0
        cost += 4.0 * (1.0 - min(max(sentence.pair.score, 0.0), 1.0))
        return round(cost, 6)


def _rarity(freq: int) -> float:
    """What a word's rarity adds to its cost in `Grader.difficulty`, by its dictionary frequency."""
    return 0.35 * max(0.0, 6.0 - math.log10(freq + 1))


_RARITY = Memo(_rarity, limit=100_000)  # frequencies repeat: one look-up a token


def hanzi_count(sentence: Sentence) -> int:
    """Characters of the sentence that are not punctuation."""
    return sum([len(t.text) for t in sentence.tokens if t.kind is not Kind.PUNCT])
