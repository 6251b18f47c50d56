"""Study order: the candidates kept per word → the sentences chosen for each word, in teaching order.

Target words go from most to least frequent (words of one frequency tier, the better sentence first); a
word whose sentences all contain another not-yet-introduced word of the level waits until that word is
introduced, so no card uses a word that comes after it; a word whose best sentence waits for such a word,
and whose usable ones are much weaker, waits a little for it (`DEFER_WORDS`), then brings that word
forward when the deck gains by it (`BRING_WORDS`). The first cards, what a
learner meets on day one, are held to more (`EARLY_NOTES`): a word takes the safest of its near-best
sentences (the smallest quality penalty within `EARLY_MARGIN`), and one whose sentence is still doubtful
waits until those notes are made, so the opening is made of the best sentences of the most useful words.
The candidates come from `select.Selector`, which keeps the best of them per word as sentences stream past.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from deckbuilder.grade.grader import NEW_WORD_COST, Grader
from deckbuilder.grade.quality import Flaw
from deckbuilder.models import Choice, Level, Sentence, reduce_fields

NEAR_DUPLICATE = 0.6  # character-bigram overlap above which two sentences for one word are too alike
# A word whose easiest usable sentence costs this much more than its best one (which needs a word not yet
# introduced) waits up to DEFER_WORDS words for that word, then takes what it has: a frequent word is not
# taught with a weak sentence when a good one is a day away.
DEFER_MARGIN = 3.0
DEFER_WORDS = 20
# A word still waiting after that may bring forward up to BRING_WORDS words its best sentence needs, when the
# deck's cost falls by more than BRING_MARGIN (`_bring_forward`).
BRING_WORDS = 2
BRING_MARGIN = 1.0
# A built-in sentence costing WEAK_MARGIN more than the median of its level's best sentences is no card
# (`_without_weak`): over 7,383 judgements of hsk5 cards in whole-deck and sample reviews, cards at such
# costs (30 and more at hsk5, where the median is 11.8) failed 45% of the time, those costing 24-30 35%,
# 15-24 15%, under 15 5%. The hsk5 deck loses 17 of its 1,181 words.
WEAK_MARGIN = 18.0
# The first EARLY_NOTES notes take, among a word's sentences within EARLY_MARGIN of its best usable one, the
# one with the smallest quality penalty; a word whose pick still costs over EARLY_RISK in penalties, or over
# EARLY_COST in all (a long, hard sentence), waits until those notes are made (once), for words with sounder
# sentences to open the deck.
EARLY_NOTES = 30
EARLY_MARGIN = 2.0
EARLY_RISK = 2.0
EARLY_COST = 15.0


@dataclass(frozen=True, slots=True)
class SelectOptions:
    """How sentences are chosen: per word, deck cap, i+1 strictness, length bounds (the learner's known
    words are the graders')."""

    per_word: int = 1
    max_notes: int | None = None
    max_new: int = 1
    min_chars: int | None = None
    max_chars: int | None = None
    # Pinned choices (the lock's): word → the pairs (`pin_key`) a deck already teaches it with. A pinned
    # pair that is still a candidate is chosen again, whatever the ranking says now.
    pins: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Selection:
    """The chosen sentences in study order, with the figures the report needs."""

    choices: tuple[Choice, ...]
    graded: int
    candidates: int
    level_words: int
    missing: tuple[str, ...]
    per_level: tuple[tuple[Level, int, int], ...] = field(default_factory=tuple)  # (level, covered, words)
    rejected: tuple[tuple[Flaw, int], ...] = ()  # candidates left out by each quality check, in check order
    weighed: tuple[tuple[str, int], ...] = ()  # candidates each weighed signal added a cost to
    weak: tuple[str, ...] = ()  # words left out because their sentences were all too weak (`WEAK_MARGIN`)

    @property
    def covered(self) -> int:
        return len({(c.level, c.target) for c in self.choices})


@dataclass(slots=True)
class Candidate:
    """A sentence kept for one target word, with what the choice weighs of it."""

    __reduce__ = reduce_fields  # selectors travel between Dask workers

    cost: float
    rank: float  # the cost as the choice sees it: built-in sentences lose ties
    seq: int
    index: int
    sentence: Sentence
    others: frozenset[str]  # other level words in the sentence: they must be introduced first
    extra_new: int  # new tokens that are not level words (only with max_new > 1)
    penalty: float  # what its weaknesses as a sentence cost (part of `cost`)
    topics: frozenset[str]  # its names and long words, which cost when they recur across the corpus
    pinned: int = 0  # the lock's choice for this word: 2 this very pair, 1 its sentence with another English


# A sentence taken for a word: (the word, its candidate, the level it teaches).
Pick = tuple[str, Candidate, Level]


def _bigrams(text: str) -> frozenset[str]:
    core = "".join(c for c in text if c.isalnum())
    return frozenset(core[i : i + 2] for i in range(max(len(core) - 1, 1)))


def near_duplicate(a: str, b: str) -> bool:
    """Whether two sentences share most of their character bigrams (Jaccard ≥ NEAR_DUPLICATE)."""
    x, y = _bigrams(a), _bigrams(b)
    return len(x & y) / max(len(x | y), 1) >= NEAR_DUPLICATE


def study_order(
    grader_list: list[Grader],
    pools: list[dict[str, list[Candidate]]],
    freq: dict[str, int],
    options: SelectOptions,
    graded: int,
    candidates: int,
) -> Selection:
    used: set[int] = set()
    introduced: set[str] = set()
    picked: list[Pick] = []  # in study order; the notes are made of them once weak ones are left out
    weak: list[str] = []
    per_level: list[tuple[Level, int, int]] = []
    missing: list[str] = []
    for grader, pool in zip(grader_list, pools, strict=True):
        ranked = {w: _pinned_first(cands) for w, cands in pool.items()}
        start = len(picked)
        # Most useful word first; words of one frequency tier are equally useful, the better sentence first.
        pending = sorted(ranked, key=lambda w: (-tier(freq[w]), ranked[w][0].rank, w))

        def take(word: str, picks: list[Candidate], level: Level = grader.level) -> None:
            introduced.add(word)
            for cand in picks:
                used.add(cand.seq)
                picked.append((word, cand, level))

        deferred: set[str] = set()
        held: list[str] = []  # words whose sentence is too doubtful to open the deck, until it is made
        was_held: set[str] = set()
        while pending:
            waiting = []
            progress = False
            i = 0
            while i < len(pending):
                word = pending[i]
                i += 1
                if word in introduced:  # brought forward for another word's sentence
                    continue
                usable = _usable(ranked[word], introduced, used, options)
                if not usable:
                    waiting.append(word)
                    continue
                if word not in deferred and usable[0].rank - ranked[word][0].rank > DEFER_MARGIN:
                    # Its best sentence waits for a word not yet introduced: give that word a day to come.
                    deferred.add(word)
                    pending.insert(min(i + DEFER_WORDS, len(pending)), word)
                    continue
                early = len(picked) < EARLY_NOTES
                if not early and usable[0].rank - ranked[word][0].rank > DEFER_MARGIN:
                    # Still waiting after its day: bring the words its best sentence needs forward, when
                    # that costs the deck less than this word's weak sentence.
                    for other, ahead in _bring_forward(word, ranked, usable[0], introduced, used, options):
                        take(other, ahead)
                        progress = True
                    usable = _usable(ranked[word], introduced, used, options)
                picks = _pick(usable, options, early)
                doubtful = picks[0].penalty > EARLY_RISK or picks[0].cost > EARLY_COST
                if early and doubtful and word not in was_held:
                    # A doubtful sentence does not open the deck: the next words go first.
                    was_held.add(word)
                    held.append(word)
                    continue
                progress = True
                take(word, picks)
                if held and len(picked) >= EARLY_NOTES:  # the opening is made: the held words come next
                    pending[i:i] = held
                    held = []
            waiting = [w for w in waiting if w not in introduced]
            if not progress and not held:
                # A pinned sentence that can no longer be used (a word it needs left the deck) is let go.
                unpinned = [w for w in waiting if len(ranked[w]) < len(pool[w])]
                if not unpinned:
                    break
                for w in unpinned:
                    ranked[w] = sorted(pool[w], key=_rank)
            pending, held = held + waiting, []
        picked[start:] = _without_weak(picked[start:], _weak_cost(pool))
        covered = {word for word, _, _ in picked[start:]}
        weak.extend(sorted(w for w in introduced & pool.keys() if w not in covered))
        missing.extend(sorted(w for w in grader.level_words if w not in covered))
        per_level.append((grader.level, len(covered), len(grader.level_words)))

    chosen = [Choice(c.sentence, word, c.index, n, c.cost, lv) for n, (word, c, lv) in enumerate(picked)]
    if options.max_notes is not None:
        chosen = chosen[: options.max_notes]
    level_words = sum(n for _, _, n in per_level)
    return Selection(
        tuple(chosen), graded, candidates, level_words, tuple(missing), tuple(per_level), weak=tuple(weak)
    )


def _bring_forward(
    word: str,
    ranked: dict[str, list[Candidate]],
    fallback: Candidate,
    introduced: set[str],
    used: set[int],
    options: SelectOptions,
) -> list[tuple[str, list[Candidate]]]:
    """The words to introduce now, each with its sentences, so that `word` can take a sentence much better
    than `fallback` (its best usable one): the first such sentence that needs at most BRING_WORDS words of
    the level not yet introduced, each with a usable sentence of its own, and whose plan costs less by
    BRING_MARGIN than waiting (`fallback` now, each of those words its best sentence later). Empty: wait.

    A sentence written for two words of a level (桃、梨、葡萄都是水果。) otherwise goes to the later one, and
    the earlier takes whatever it can: a long translated sentence where a graded one was at hand."""
    for cand in ranked[word]:
        if cand.rank >= fallback.rank - DEFER_MARGIN:
            break
        need = sorted(w for w in cand.others if w not in introduced)
        if cand.seq in used or not need or len(need) > BRING_WORDS or any(w not in ranked for w in need):
            continue
        if cand.extra_new > options.max_new - 1:
            continue
        known, taken_now = set(introduced), used | {cand.seq}
        plan: list[tuple[str, list[Candidate]]] = []
        for other in need:
            usable = _usable(ranked[other], known, taken_now, options)
            if not usable:
                break
            picks = _pick(usable, options)
            plan.append((other, picks))
            known.add(other)
            taken_now |= {c.seq for c in picks}
        else:
            waiting = fallback.rank + sum(ranked[w][0].rank for w in need)
            ahead = cand.rank + sum(picks[0].rank for _, picks in plan)
            if ahead + BRING_MARGIN < waiting:
                return plan
    return []


def _weak_cost(pool: dict[str, list[Candidate]]) -> float:
    """What a sentence may cost at most: WEAK_MARGIN more than the median of the level's words' best
    sentences (a cost means more at a level whose words are rarer and their sentences longer)."""
    best = sorted(min(map(_own_cost, cands)) for cands in pool.values() if cands)
    return best[len(best) // 2] + WEAK_MARGIN if best else math.inf


def _without_weak(picked: list[Pick], limit: float) -> list[Pick]:
    """The picks of one level but those whose built-in sentence costs over `limit` (the extra new words
    `--max-new` allows aside): the word then has no card, and is missing. A word a later card needs (a
    level word of its sentence) keeps its card however weak, as does one the deck already teaches (a pin);
    a teacher's own sentence is never left out."""
    needed: set[str] = set()
    keep: list[Pick] = []
    for word, cand, level in reversed(picked):
        weak = _own_cost(cand) > limit
        if weak and cand.sentence.pair.builtin and not cand.pinned and word not in needed:
            continue
        keep.append((word, cand, level))
        needed |= cand.others
    keep.reverse()
    return keep


def _own_cost(cand: Candidate) -> float:
    """A candidate's cost but for the extra new words `--max-new` allows."""
    return cand.cost - NEW_WORD_COST * cand.extra_new


def _rank(cand: Candidate) -> tuple[float, int]:
    return cand.rank, cand.seq


def _pinned_first(cands: list[Candidate]) -> list[Candidate]:
    """A word's candidates, easiest first; only its pinned ones when it has any (the very pair first)."""
    best = max((c.pinned for c in cands), default=0)
    return sorted([c for c in cands if c.pinned == best] if best else cands, key=_rank)


def tier(freq: int) -> int:
    """A word's frequency tier, a tenth of a decade wide: words of one tier are about equally useful."""
    return int(10 * math.log10(freq + 1))


def _usable(
    ranked: list[Candidate], introduced: set[str], used: set[int], options: SelectOptions
) -> list[Candidate]:
    """The unused candidates whose other level words are all introduced, easiest first."""
    return [
        cand
        for cand in ranked
        if cand.seq not in used
        and sum(1 for w in cand.others if w not in introduced) + cand.extra_new <= options.max_new - 1
    ]


def _pick(usable: list[Candidate], options: SelectOptions, early: bool = False) -> list[Candidate]:
    """The easiest of the usable candidates, none alike; `early`, the soundest (smallest quality penalty)
    of those within EARLY_MARGIN of the easiest come first."""
    if early:
        near = [c for c in usable if c.rank <= usable[0].rank + EARLY_MARGIN]
        usable = sorted(near, key=lambda c: (c.penalty, c.rank, c.seq)) + usable[len(near) :]
    picks: list[Candidate] = []
    for cand in usable:
        if len(picks) >= options.per_word:
            break
        if any(near_duplicate(cand.sentence.pair.zh, p.sentence.pair.zh) for p in picks):
            continue
        picks.append(cand)
    return picks
