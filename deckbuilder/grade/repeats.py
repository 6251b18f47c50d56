"""Repeated topics: the candidates of a corpus → what a topic that recurs across many of them costs.

A corpus built by volunteers has series: one contributor writes hundreds of sentences about one country
(阿尔及利亚会…, 阿尔及利亚需要…), another makes one name the subject of everything (汤姆). Each sentence may
be fine, but a deck drawn from such a corpus fills with the series. A topic is a proper name or a long
token (four characters or more: a transliteration, a set phrase kept whole); one that appears in at least
`REPEAT_SHARE` of the candidates (and `REPEAT_MIN` of them) costs each sentence it appears in, more the
more it recurs, up to `REPEAT_MAX`.

Counted over the candidates as they stream past (distinct sentences, the flawed ones aside), so the cost
is known once the corpus has been read: `Selector.finish` adds it before choosing. Memory is bounded by
the corpus's distinct names and long words.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

from deckbuilder.models import Kind, Sentence

LONG_TOPIC = 4  # characters of a word that counts as a topic even when it is no name
REPEAT_MIN = 20  # candidates a topic must appear in before it costs anything
REPEAT_SHARE = 0.01  # ... and this share of all candidates
REPEAT_COST = 1.0  # at REPEAT_SHARE, plus as much again each time the share doubles
REPEAT_MAX = 2.0


def topics(sentence: Sentence) -> frozenset[str]:
    """The names and long words of a sentence."""
    return frozenset(
        t.text
        for t in sentence.tokens
        if t.kind is Kind.NAME or (t.kind is Kind.WORD and len(t.text) >= LONG_TOPIC)
    )


class Repeats:
    """How often each topic appears among the candidates seen so far."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.sets: Counter[frozenset[str]] = Counter()  # candidates by their set of topics (for the report)
        self.total = 0

    def add(self, found: frozenset[str]) -> None:
        """Count one candidate with these topics."""
        self.total += 1
        if found:
            self.counts.update(found)
            self.sets[found] += 1

    def merge(self, other: Repeats) -> None:
        """Add another part of the corpus's counts."""
        self.total += other.total
        self.counts.update(other.counts)
        self.sets.update(other.sets)

    def cost(self, found: Iterable[str]) -> float:
        """What the most repeated of these topics costs a sentence."""
        worst = max((self.counts[t] for t in found), default=0)
        if worst < REPEAT_MIN or worst < REPEAT_SHARE * self.total:
            return 0.0
        share = worst / (REPEAT_SHARE * self.total)
        return round(min(REPEAT_MAX, REPEAT_COST * (1.0 + math.log2(share))), 6)

    def weighed(self) -> int:
        """Candidates that have a repeated topic."""
        return sum(n for found, n in self.sets.items() if self.cost(found))
