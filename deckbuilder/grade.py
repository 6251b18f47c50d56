"""Grade stage: segmented sentences → the sentences chosen to teach each word of a level, in study order.

Every token of a sentence gets a reading class for the learner (`Reading`): the level's own words are
targets; known words (a `--known` list, and by default every word below the level) and free tokens
(punctuation, numbers, Latin text, proper names) cost nothing; an unlisted word whose characters are all
known is readable; anything else is new. A sentence teaches a target word when at most `max_new` of its
tokens are new: with the default 1 (i+1), the target is the only thing the learner has not met.

Sentences are graded as they stream past and only the best candidates per target word are kept, so memory
is bounded by the level's word count, not the corpus. Study order: target words from most to least frequent;
a word whose sentences all contain another not-yet-introduced word of the level waits until that word is
introduced, so no card uses a word that comes after it.
"""

from __future__ import annotations

import hashlib
import heapq
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

from deckbuilder.errors import OptionError
from deckbuilder.models import Choice, Kind, Level, Sentence, Token
from deckbuilder.resources import hsk_characters, hsk_words

# The standards and their levels; 7 is the 7-9 band of the HSK 3.0 documents.
STANDARD_LEVELS: dict[str, tuple[int, ...]] = {
    "2.0": (1, 2, 3, 4, 5, 6),
    "2021": (1, 2, 3, 4, 5, 6, 7),
    "2025": (1, 2, 3, 4, 5, 6, 7),
}
STANDARD_NAMES = {
    "2.0": "HSK 2.0 (2009 word lists)",
    "2021": "HSK 3.0, 2021 grading standard (GF 0025-2021)",
    "2025": "HSK 3.0, 2025 exam syllabus",
}
_STANDARD_SPELLINGS = {
    "2.0": "2.0",
    "2": "2.0",
    "hsk2.0": "2.0",
    "2021": "2021",
    "3.0": "2021",
    "2025": "2025",
    "syllabus": "2025",
}
# Sentence length in Chinese characters: the comfortable sweet spot and the default hard bounds per level.
SWEET_SPOT = {1: (4, 9), 2: (5, 10), 3: (6, 13), 4: (7, 16), 5: (8, 20), 6: (10, 24), 7: (10, 28)}
LENGTH_BOUNDS = {1: (3, 16), 2: (3, 18), 3: (4, 22), 4: (4, 26), 5: (5, 30), 6: (5, 34), 7: (6, 40)}
MIN_CONTEXT = 2  # other words a sentence needs besides its target: a cloze needs something to infer from
KEEP_PER_WORD = 40  # candidates remembered per target word, enough for ordering and variety to choose from
NEAR_DUPLICATE = 0.6  # character-bigram overlap above which two sentences for one word are too alike
_FREE = (Kind.PUNCT, Kind.NUMBER, Kind.LATIN, Kind.NAME)
_LEVEL_TEXT = re.compile(r"^(?:hsk)?(\d)(?:-(\d))?$")


def parse_standard(text: str) -> str:
    """`2.0`/`2021`/`2025` (and a few spellings) → the standard key; OptionError otherwise."""
    key = _STANDARD_SPELLINGS.get(text.strip().lower())
    if key is None:
        raise OptionError(f"unknown standard {text!r}; valid values: 2.0, 2021, 2025")
    return key


def valid_levels(standard: str = "2.0") -> list[str]:
    names = [f"hsk{n}" for n in STANDARD_LEVELS[standard] if n < 7]
    return names + (["hsk7-9"] if 7 in STANDARD_LEVELS[standard] else [])


def parse_levels(text: str, standard: str = "2.0") -> tuple[Level, ...]:
    """`hsk5`, `HSK5`, `5`, `hsk7-9` (HSK 3.0 band) or a range `hsk3-5` → the levels, lowest first."""
    levels = STANDARD_LEVELS[standard]
    m = _LEVEL_TEXT.match(text.strip().lower().replace(" ", ""))
    if m is not None:
        low, high = int(m.group(1)), int(m.group(2) or m.group(1))
        if (low, high) == (7, 9) and 7 in levels:
            return (Level(standard, 7),)
        high = 7 if high == 9 and 7 in levels else high
        if low in levels and high in levels and low <= high:
            return tuple(Level(standard, n) for n in levels if low <= n <= high)
    ranges = "a range such as hsk3-5"
    raise OptionError(
        f"unknown level {text!r} for {STANDARD_NAMES[standard]}; valid values: "
        f"{', '.join(valid_levels(standard))}, or {ranges}"
    )


def parse_level(text: str, standard: str = "2.0") -> Level:
    """One level (`hsk5` → HSK 2.0 level 5); OptionError listing the valid values otherwise."""
    levels = parse_levels(text, standard)
    if len(levels) != 1:
        raise OptionError(f"{text!r} names several levels; give one of: {', '.join(valid_levels(standard))}")
    return levels[0]


def level_counts(standard: str) -> list[tuple[Level, int]]:
    """Each level of `standard` with its number of words."""
    table = hsk_words(standard)
    return [
        (Level(standard, n), sum(1 for lv in table.values() if lv == n)) for n in STANDARD_LEVELS[standard]
    ]


class Reading(StrEnum):
    """How a token reads for a learner about to study one level."""

    TARGET = "target"  # a word of the level, not yet known
    KNOWN = "known"  # on the learner's known list (or introduced earlier in the deck)
    BELOW = "below"  # a listed word below the level (known when assume_below)
    ABOVE = "above"  # a listed word above the level
    FREE = "free"  # punctuation, numbers, Latin text, proper names
    READABLE = "readable"  # unlisted, but every character is known
    UNKNOWN = "unknown"  # unlisted and some character is unknown


@dataclass(frozen=True, slots=True)
class SelectOptions:
    """How sentences are chosen: per word, deck cap, i+1 strictness, known words, length bounds."""

    per_word: int = 1
    max_notes: int | None = None
    max_new: int = 1
    known: frozenset[str] = frozenset()
    assume_below: bool = True
    min_chars: int | None = None
    max_chars: int | None = None


@dataclass(frozen=True, slots=True)
class Selection:
    """The chosen sentences in study order, with the figures the report needs."""

    choices: tuple[Choice, ...]
    graded: int
    candidates: int
    level_words: int
    missing: tuple[str, ...]
    per_level: tuple[tuple[Level, int, int], ...] = field(default_factory=tuple)  # (level, covered, words)

    @property
    def covered(self) -> int:
        return len({(c.level, c.target) for c in self.choices})


class Grader:
    """Reading classes and sentence difficulty for one level of one standard and one learner."""

    def __init__(
        self,
        level: Level,
        table: dict[str, int] | None = None,
        known: frozenset[str] = frozenset(),
        assume_below: bool = True,
    ) -> None:
        self.level = level
        self.table = table if table is not None else hsk_words(level.standard)
        self.known = known
        self.assume_below = assume_below

    @cached_property
    def readable_chars(self) -> frozenset[str]:
        """Characters the learner knows: of known words, of words below and at the level, and listed ones."""
        top = self.level.level
        chars = {c for w in self.known for c in w}
        if self.assume_below:
            chars.update(c for w, lv in self.table.items() if lv <= top for c in w)
            if self.level.standard != "2.0" and self.table is hsk_words(self.level.standard):
                chars.update(c for c, lv in hsk_characters(self.level.standard).items() if lv <= top)
        else:
            chars.update(c for w, lv in self.table.items() if lv == top for c in w)
        return frozenset(chars)

    @cached_property
    def level_words(self) -> frozenset[str]:
        """The level's words the learner does not know yet: the possible targets."""
        return frozenset(w for w, lv in self.table.items() if lv == self.level.level and w not in self.known)

    def classify(self, sentence: Sentence) -> tuple[Reading, ...]:
        """The reading class of every token (memoised per word: a word's class depends only on the word)."""
        memo = self._memo
        out = []
        for tok in sentence.tokens:
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
        new = {Reading.ABOVE, Reading.UNKNOWN}
        if not self.assume_below:
            new.add(Reading.BELOW)
        return frozenset(new)

    def _word_class(self, tok: Token) -> Reading:
        if tok.kind in _FREE:
            return Reading.FREE
        if tok.text in self.known:
            return Reading.KNOWN
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
        others = sum(1 for t in sentence.tokens if t.kind is Kind.WORD and t.text != target)
        return others >= MIN_CONTEXT

    def difficulty(self, sentence: Sentence, target: str) -> float:
        """Lower is easier: few, frequent words; no second new word; length near the sweet spot; a sane
        translation; a confident alignment."""
        top = self.level.level
        cost = 0.0
        classes = self.classify(sentence)
        for tok, cls in zip(sentence.tokens, classes, strict=True):
            if cls is Reading.FREE or tok.text == target:
                continue
            cost += 1.0 + 0.35 * max(0.0, 6.0 - math.log10(tok.freq + 1))  # rare words cost more
            if cls is Reading.READABLE:
                # readable only character by character; longer unlisted words (idioms) much less so
                cost += 1.5 if len(tok.text) <= 2 else 3.5
            elif cls is Reading.TARGET:
                cost += 4.0  # a second word of the new level
            elif self.is_new(cls):
                cost += 8.0
        hanzi = hanzi_count(sentence)
        low, high = SWEET_SPOT.get(top, (8, 20))
        cost += 1.0 * max(0, low - hanzi) + 0.3 * max(0, hanzi - high)
        en_words = len(sentence.pair.en.split())
        ratio = en_words / max(hanzi, 1)
        if not 0.2 <= ratio <= 1.6:  # a translation far shorter or longer than the sentence is suspect
            cost += 3.0
        cost += 4.0 * (1.0 - min(max(sentence.pair.score, 0.0), 1.0))
        return round(cost, 6)


def hanzi_count(sentence: Sentence) -> int:
    """Characters of the sentence that are not punctuation."""
    return sum(len(t.text) for t in sentence.tokens if t.kind is not Kind.PUNCT)


def _skeleton(sentence: Sentence) -> bytes:
    """Near-duplicate key: the sentence without punctuation, names or numbers (汤姆/玛丽 variants)."""
    parts = []
    for tok in sentence.tokens:
        if tok.kind in (Kind.NAME, Kind.NUMBER):
            parts.append("\x00")
        elif tok.kind is not Kind.PUNCT:
            parts.append(tok.text.lower())
    return hashlib.blake2b("".join(parts).encode("utf-8"), digest_size=8).digest()


def _bigrams(text: str) -> frozenset[str]:
    core = "".join(c for c in text if c.isalnum())
    return frozenset(core[i : i + 2] for i in range(max(len(core) - 1, 1)))


def near_duplicate(a: str, b: str) -> bool:
    """Whether two sentences share most of their character bigrams (Jaccard ≥ NEAR_DUPLICATE)."""
    x, y = _bigrams(a), _bigrams(b)
    return len(x & y) / max(len(x | y), 1) >= NEAR_DUPLICATE


@dataclass(slots=True)
class _Candidate:
    cost: float
    seq: int
    index: int
    sentence: Sentence
    others: frozenset[str]  # other level words in the sentence: they must be introduced first
    extra_new: int  # new tokens that are not level words (only with max_new > 1)


# A candidate as a worker process reports it: (grader index, target word, token index, cost,
# other level words in the sentence, new tokens that are not level words).
Record = tuple[int, str, int, float, frozenset[str], int]


class Selector:
    """Streaming selection, split so the per-sentence grading can run in worker processes.

    `grade(sentence)` is pure (a worker may call it); `offer(seq, sentence, key, records)` keeps the best
    candidates per word in the main process; `finish()` chooses and orders. `select()` strings them together.
    """

    def __init__(self, graders: Grader | Sequence[Grader], options: SelectOptions = SelectOptions()) -> None:
        self.graders = (
            [graders] if isinstance(graders, Grader) else sorted(graders, key=lambda g: g.level.level)
        )
        self.options = options
        self.heaps: list[dict[str, list[tuple[float, int, int, _Candidate]]]] = [{} for _ in self.graders]
        self.freq: dict[str, int] = {}
        self.seen: set[bytes] = set()
        self.graded = 0
        self.candidates = 0

    def grade(self, sentence: Sentence) -> tuple[bytes | None, list[Record]]:
        """Near-duplicate key and candidate records of one sentence (no records: not a candidate)."""
        records: list[Record] = []
        if not sentence.pair.en.strip():
            return None, records
        options = self.options
        hanzi = -1
        for g_index, grader in enumerate(self.graders):
            classes = grader.classify(sentence)
            if Reading.TARGET not in classes:
                continue
            new = sum(1 for c in classes if c in grader._new_classes)
            if new > options.max_new - 1:
                continue
            if hanzi < 0:
                hanzi = hanzi_count(sentence)
            low, high = LENGTH_BOUNDS.get(grader.level.level, (5, 30))
            if not (options.min_chars or low) <= hanzi <= (options.max_chars or high):
                continue
            words = [sentence.tokens[i].text for i, c in enumerate(classes) if c is Reading.TARGET]
            for idx, cls in enumerate(classes):
                word = sentence.tokens[idx].text
                if cls is not Reading.TARGET or idx != words_index(sentence, word):
                    continue
                if not grader.has_context(sentence, word):
                    continue
                others = frozenset(w for w in words if w != word)
                records.append((g_index, word, idx, grader.difficulty(sentence, word), others, new))
        return (_skeleton(sentence) if records else None), records

    def offer(self, seq: int, sentence: Sentence, key: bytes | None, records: list[Record]) -> None:
        """Count the sentence and remember its candidacies (near-duplicates of earlier ones are dropped)."""
        self.graded += 1
        if not records or key is None or key in self.seen:
            return
        self.seen.add(key)
        self.candidates += 1
        for g_index, word, idx, cost, others, new in records:
            self.freq[word] = sentence.tokens[idx].freq
            item = (-cost, -seq, idx, _Candidate(cost, seq, idx, sentence, others, new))
            heap = self.heaps[g_index].setdefault(word, [])
            if len(heap) < KEEP_PER_WORD:
                heapq.heappush(heap, item)
            elif item[:3] > heap[0][:3]:
                heapq.heapreplace(heap, item)

    def finish(self) -> Selection:
        """Choose up to `per_word` sentences per word and put them in study order."""
        return _choose(self.graders, self.heaps, self.freq, self.options, self.graded, self.candidates)


def select(
    sentences: Iterable[Sentence],
    graders: Grader | Sequence[Grader],
    options: SelectOptions = SelectOptions(),
    tick: Callable[[], None] | None = None,
) -> Selection:
    """Grade `sentences` as they stream and choose up to `per_word` sentences per target word.

    With several graders (a level range), lower levels come first in the study order and their words
    count as introduced for the higher ones. Each sentence teaches at most one word.
    """
    selector = Selector(graders, options)
    for seq, sentence in enumerate(sentences):
        if tick is not None:
            tick()
        key, records = selector.grade(sentence)
        selector.offer(seq, sentence, key, records)
    return selector.finish()


def _choose(
    grader_list: list[Grader],
    heaps: list[dict[str, list[tuple[float, int, int, _Candidate]]]],
    freq: dict[str, int],
    options: SelectOptions,
    graded: int,
    candidates: int,
) -> Selection:
    used: set[int] = set()
    introduced: set[str] = set()
    chosen: list[Choice] = []
    per_level: list[tuple[Level, int, int]] = []
    missing: list[str] = []
    for grader, heap_map in zip(grader_list, heaps, strict=True):
        ranked = {w: [c for *_, c in sorted(h, key=lambda it: (-it[0], -it[1]))] for w, h in heap_map.items()}
        pending = sorted(ranked, key=lambda w: (-freq[w], w))
        level_covered: list[str] = []
        while pending:
            waiting = []
            for word in pending:
                picks = _pick(ranked[word], introduced, used, options)
                if not picks:
                    waiting.append(word)
                    continue
                introduced.add(word)
                level_covered.append(word)
                for cand in picks:
                    used.add(cand.seq)
                    chosen.append(
                        Choice(cand.sentence, word, cand.index, len(chosen), cand.cost, grader.level)
                    )
            if len(waiting) == len(pending):
                break
            pending = waiting
        covered = set(level_covered)
        missing.extend(sorted(w for w in grader.level_words if w not in covered))
        per_level.append((grader.level, len(covered), len(grader.level_words)))

    if options.max_notes is not None:
        chosen = chosen[: options.max_notes]
    level_words = sum(n for _, _, n in per_level)
    return Selection(tuple(chosen), graded, candidates, level_words, tuple(missing), tuple(per_level))


def words_index(sentence: Sentence, word: str) -> int:
    """Index of the first token that is `word`."""
    return next(i for i, t in enumerate(sentence.tokens) if t.text == word)


def _pick(
    ranked: list[_Candidate], introduced: set[str], used: set[int], options: SelectOptions
) -> list[_Candidate]:
    """The easiest unused candidates whose other level words are all introduced, none alike."""
    picks: list[_Candidate] = []
    for cand in ranked:
        if len(picks) >= options.per_word:
            break
        if cand.seq in used:
            continue
        pending_words = sum(1 for w in cand.others if w not in introduced)
        if pending_words + cand.extra_new > options.max_new - 1:
            continue
        if any(near_duplicate(cand.sentence.pair.zh, p.sentence.pair.zh) for p in picks):
            continue
        picks.append(cand)
    return picks
