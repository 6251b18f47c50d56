"""Grade stage: segmented sentences → the sentences chosen to teach each word of a level, in study order.

A sentence is a candidate for a target word of level L when the target's level is exactly L and every other
token is readable: a listed word of level ≤ L, free (punctuation, numbers, Latin text, proper names), or an
unlisted word each of whose characters occurs in a listed word of level ≤ L. Sentences are graded as they
stream past; only the best few candidates per target word are kept, so memory is bounded by the level's
word count, not the corpus.
"""

from __future__ import annotations

import hashlib
import heapq
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property

from deckbuilder.errors import OptionError
from deckbuilder.models import Choice, Kind, Level, Sentence
from deckbuilder.resources import hsk_words

STANDARD_LEVELS: dict[str, tuple[int, ...]] = {"2.0": (1, 2, 3, 4, 5, 6)}
# Sentence length in Chinese characters that reads comfortably at each level: (shortest, longest).
SWEET_SPOT = {1: (4, 9), 2: (5, 10), 3: (6, 13), 4: (7, 16), 5: (8, 20), 6: (10, 24), 7: (10, 28)}
MIN_CONTEXT = 2  # other words a sentence needs besides its target
KEEP_PER_WORD = 12  # candidates remembered per target word; enough for the assignment to find alternatives
_FREE = (Kind.PUNCT, Kind.NUMBER, Kind.LATIN, Kind.NAME)


def valid_levels(standard: str = "2.0") -> list[str]:
    return [f"hsk{n}" for n in STANDARD_LEVELS[standard]]


def parse_level(text: str, standard: str = "2.0") -> Level:
    """`hsk5`/`HSK5` → HSK 2.0 level 5; anything else raises OptionError listing the valid values."""
    key = text.strip().lower().replace(" ", "")
    for n in STANDARD_LEVELS[standard]:
        if key == f"hsk{n}":
            return Level(standard, n)
    raise OptionError(f"unknown level {text!r}; valid values: {', '.join(valid_levels(standard))}")


@dataclass(frozen=True, slots=True)
class SelectOptions:
    """How many sentences per word, and the cap on the deck."""

    per_word: int = 1
    max_notes: int | None = None


@dataclass(frozen=True, slots=True)
class Selection:
    """The chosen sentences in study order, with the figures the report needs."""

    choices: tuple[Choice, ...]
    graded: int
    candidates: int
    level_words: int
    missing: tuple[str, ...]

    @property
    def covered(self) -> int:
        return len({c.target for c in self.choices})


class Grader:
    """Levels and readability for one level of one standard."""

    def __init__(self, level: Level, table: dict[str, int] | None = None) -> None:
        self.level = level
        self.table = table if table is not None else hsk_words(level.standard)

    @cached_property
    def readable_chars(self) -> frozenset[str]:
        return frozenset(c for w, lv in self.table.items() if lv <= self.level.level for c in w)

    @cached_property
    def level_words(self) -> frozenset[str]:
        return frozenset(w for w, lv in self.table.items() if lv == self.level.level)

    def targets(self, sentence: Sentence) -> list[int] | None:
        """Indices of the target-level words of `sentence`, or None when some token is not readable."""
        found: list[int] = []
        top = self.level.level
        for i, tok in enumerate(sentence.tokens):
            if tok.kind in _FREE:
                continue
            lv = self.table.get(tok.text)
            if lv is None:
                if not all(c in self.readable_chars for c in tok.text):
                    return None
            elif lv == top:
                found.append(i)
            elif lv > top:
                return None
        return found

    def has_context(self, sentence: Sentence, target: str) -> bool:
        """At least MIN_CONTEXT other words: a cloze needs something to infer the blank from."""
        others = sum(1 for t in sentence.tokens if t.kind is Kind.WORD and t.text != target)
        return others >= MIN_CONTEXT

    def difficulty(self, sentence: Sentence, target: str) -> float:
        """Lower is easier: few, frequent words; no second new word; a length near the level's sweet spot."""
        top = self.level.level
        cost = 0.0
        for tok in sentence.tokens:
            if tok.kind in _FREE or tok.text == target:
                continue
            cost += 1.0 + 0.35 * max(0.0, 6.0 - math.log10(tok.freq + 1))  # rare words cost more
            lv = self.table.get(tok.text)
            if lv is None:
                cost += 1.5  # readable only character by character
            elif lv == top:
                cost += 4.0  # a second word of the new level
        hanzi = sum(len(t.text) for t in sentence.tokens if t.kind is not Kind.PUNCT)
        low, high = SWEET_SPOT.get(top, (8, 20))
        cost += 1.0 * max(0, low - hanzi) + 0.3 * max(0, hanzi - high)
        if sentence.pair.score < 1.0:
            cost += 4.0 * (1.0 - sentence.pair.score)
        return round(cost, 6)


def _key(text: str) -> bytes:
    """Near-duplicate key: the sentence without punctuation or spaces."""
    core = "".join(c for c in text if c.isalnum())
    return hashlib.blake2b(core.encode("utf-8"), digest_size=8).digest()


def select(
    sentences: Iterable[Sentence],
    grader: Grader,
    options: SelectOptions = SelectOptions(),
    tick: Callable[[], None] | None = None,
) -> Selection:
    """Grade `sentences` as they stream and choose up to `per_word` sentences per target word.

    Each sentence teaches at most one word (its notes are identified by the sentence). Scarce words choose
    first so that a sentence shared by two words goes to the one with fewer alternatives. Study order:
    most frequent target word first, easiest sentence first within a word.
    """
    heaps: dict[str, list[tuple[float, int, int, Sentence]]] = {}
    freq: dict[str, int] = {}
    seen: set[bytes] = set()
    graded = candidates = 0
    for seq, sentence in enumerate(sentences):
        graded += 1
        if tick is not None:
            tick()
        if not sentence.pair.en.strip():
            continue
        key = _key(sentence.pair.zh)
        if key in seen:
            continue
        targets = grader.targets(sentence)
        if not targets:
            continue
        seen.add(key)
        candidates += 1
        for idx in dict.fromkeys(targets):
            word = sentence.tokens[idx].text
            if not grader.has_context(sentence, word):
                continue
            freq[word] = sentence.tokens[idx].freq
            item = (-grader.difficulty(sentence, word), -seq, idx, sentence)
            heap = heaps.setdefault(word, [])
            if len(heap) < KEEP_PER_WORD:
                heapq.heappush(heap, item)
            elif item > heap[0]:
                heapq.heapreplace(heap, item)

    used: set[int] = set()
    chosen: list[tuple[str, float, int, int, Sentence]] = []
    for word in sorted(heaps, key=lambda w: (len(heaps[w]), -freq[w], w)):
        ranked = sorted(heaps[word], reverse=True)  # easiest first, then earliest in the input
        taken = 0
        for neg_cost, neg_seq, idx, sentence in ranked:
            if taken >= options.per_word:
                break
            if -neg_seq in used:
                continue
            used.add(-neg_seq)
            chosen.append((word, -neg_cost, -neg_seq, idx, sentence))
            taken += 1

    chosen.sort(key=lambda c: (-freq[c[0]], c[0], c[1], c[2]))
    if options.max_notes is not None:
        chosen = chosen[: options.max_notes]
    choices = tuple(
        Choice(sentence=s, target=w, target_index=i, order=n, difficulty=d)
        for n, (w, d, _seq, i, s) in enumerate(chosen)
    )
    covered = {c.target for c in choices}
    missing = tuple(sorted(w for w in grader.level_words if w not in covered))
    return Selection(choices, graded, candidates, len(grader.level_words), missing)
