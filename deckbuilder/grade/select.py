"""Selection: graded sentences, streaming past → the best candidates per target word → the chosen ones.

Only the best candidates per target word are kept as sentences stream past, so memory is bounded by the
level's word count, not the corpus. A candidate's cost is its difficulty plus its quality penalty, plus,
once the corpus has been read, what its repeated topics cost (`repeats.py`), and, for a word its English
leaves out, `rendering.UNRENDERED_COST` (`rendering.py`); a flawed candidate is counted,
never kept; a built-in sentence loses a tie (costs within `TIE`) to the user's own. The study order of the
chosen sentences is `order.py`'s.
"""

from __future__ import annotations

import hashlib
import heapq
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import cached_property

from deckbuilder.chinese import HAN
from deckbuilder.grade.grader import LENGTH_BOUNDS, Grader, Reading, hanzi_count
from deckbuilder.grade.order import Candidate, Selection, SelectOptions, study_order
from deckbuilder.grade.quality import Flaw, Quality, assess_all
from deckbuilder.grade.rendering import UNRENDERED, UNRENDERED_COST, unrendered
from deckbuilder.grade.repeats import Repeats, topics
from deckbuilder.models import Kind, Sentence

PINNED = 1e6  # a pinned candidate's head start in a word's heap: it is always kept
KEEP_PER_WORD = 40  # candidates remembered per target word, enough for ordering and variety to choose from
# Costs closer than this are a tie, and the user's own sentence wins it over a built-in one (about half an
# easy word: the user chose their text, the built-in corpora only fill the gaps).
TIE = 0.5
DEFAULTS = SelectOptions()  # one per word, i+1, each level's length bounds, no pins
REPEATED = "repeated topic"  # the report's name for what `repeats` weighs


def _skeleton(sentence: Sentence) -> bytes:
    """Near-duplicate key: the sentence without punctuation, names or numbers (汤姆/玛丽 variants)."""
    parts = [
        "\x00" if tok.kind is Kind.NAME or tok.kind is Kind.NUMBER else tok.text.lower()
        for tok in sentence.tokens
        if tok.kind is not Kind.PUNCT
    ]
    return hashlib.blake2b("".join(parts).encode("utf-8"), digest_size=8).digest()


# A candidate as a worker process reports it: (grader index, target word, token index, cost (difficulty and
# quality penalty), other level words in the sentence, new tokens that are not level words).
Record = tuple[int, str, int, float, frozenset[str], int]
# A candidacy before its difficulty, with the reading classes that give it: (grader index, word, token
# index, classes, other level words, new tokens). Difficulty waits for the verdict.
_Found = tuple[int, str, int, tuple[Reading, ...], frozenset[str], int]
# What grading one sentence gives: its near-duplicate key (None: not a candidate), its candidacies, and the
# verdict on a candidate (with a flaw, its candidacies are empty).
Graded = tuple[bytes | None, list[Record], Quality | None]


class Selector:
    """Streaming selection, split so the per-sentence grading can run in worker processes.

    `grade(sentence)` is pure (a worker may call it); `offer(seq, sentence, *graded)` keeps the best
    candidates per word in the main process; `finish()` chooses and orders. `select()` strings them together.
    """

    # What offering and merging accumulate, set up in __init__: all a finished grading needs to be put back
    # (`pipeline.graded.keep`); a field added there belongs here too.
    STATE = (
        "heaps", "freq", "seen", "graded", "candidates", "rejected", "rejected_keys", "weighed", "repeats"
    )  # fmt: skip

    def __init__(self, graders: Grader | Sequence[Grader], options: SelectOptions = DEFAULTS) -> None:
        self.graders = (
            [graders] if isinstance(graders, Grader) else sorted(graders, key=lambda g: g.level.level)
        )
        self.options = options
        self.heaps: list[dict[str, list[_Item]]] = [{} for _ in self.graders]
        self.freq: dict[str, int] = {}
        self.seen: set[bytes] = set()
        self.graded = 0
        self.candidates = 0
        self.rejected: dict[Flaw, int] = dict.fromkeys(Flaw, 0)
        self.rejected_keys: set[bytes] = set()
        self.weighed: dict[str, int] = {}
        self.repeats = Repeats()
        self.pinned = frozenset(key.split("\t")[0] for keys in options.pins.values() for key in keys)

    def hopeless(self, zh: str, en: str) -> bool:
        """Whether a pair can be no candidate whatever its words, decided before segmenting: no English,
        more Chinese characters than any level's longest sentence (its length counts at least those), or
        no word a level could teach written anywhere in it (a target is a token, and a token is a piece of
        the text). `grade` would reject such a pair the same, so most of a corpus costs little more than
        reading it."""
        if not en.strip():
            return True
        longest = self._longest
        if len(zh) > longest and len(HAN.findall(zh)) > longest:
            return True
        targets, spans = self._targets
        for i, ch in enumerate(zh):
            for n in spans.get(ch, ()):
                if zh[i : i + n] in targets:
                    return False
        return True

    def teaches_none(self, words: Iterable[str]) -> bool:
        """Whether no word of a segmented pair is one a level could teach: `grade` would then find no
        target and give no candidate, so the caller need not build the sentence's tokens (a third of the
        pairs that pass `hopeless`: a level word written inside a longer word, 以 in 可以)."""
        return self._targets[0].isdisjoint(words)

    @cached_property
    def _longest(self) -> int:
        """Characters of the longest sentence any level takes."""
        bounds = (LENGTH_BOUNDS.get(g.level.level, (5, 30))[1] for g in self.graders)
        return max((self.options.max_chars or b for b in bounds), default=0)

    @cached_property
    def _targets(self) -> tuple[frozenset[str], dict[str, tuple[int, ...]]]:
        """The words any level could teach, and the lengths of those that begin with each character."""
        words = frozenset(w for g in self.graders for w in g.level_words)
        spans: dict[str, set[int]] = {}
        for w in words:
            spans.setdefault(w[0], set()).add(len(w))
        return words, {ch: tuple(sorted(n)) for ch, n in spans.items()}

    def grade(self, sentence: Sentence) -> Graded:
        """Near-duplicate key, candidate records and verdict of one sentence (no key: not a candidate).

        A candidate's cost is its difficulty for the learner plus what its weaknesses cost (`assess`); a
        clear failure is no candidate at all, but is reported with its flaw.
        """
        return self.grade_all([sentence])[0]

    def grade_all(self, sentences: Sequence[Sentence]) -> list[Graded]:
        """What `grade` gives for each sentence, each step over all of them before the next (the quality
        checks too: `assess_all`), which is faster than sentence by sentence."""
        found = [self._found(sentence) for sentence in sentences]
        candidates = [(s, f) for s, f in zip(sentences, found, strict=True) if f]
        targets = [{f[1] for f in fs} for _, fs in candidates]
        verdicts = assess_all([(s, words) for (s, _), words in zip(candidates, targets, strict=True)])
        keys = [_skeleton(s) for s, _ in candidates]
        # A flawed candidate is no candidate: its difficulty and rendering are never needed.
        sound = {k: candidates[k] for k, verdict in enumerate(verdicts) if verdict.flaw is None}
        graders = self.graders
        costs = {
            k: [graders[g].difficulty(s, w, classes) for g, w, _, classes, _, _ in fs]
            for k, (s, fs) in sound.items()
        }
        left_out = {k: {w for w in targets[k] if unrendered(s, w)} for k, (s, _) in sound.items()}
        graded = iter(
            _priced(fs, keys[k], verdicts[k], costs[k], left_out[k])
            if k in sound
            else (keys[k], [], verdicts[k])
            for k, (_, fs) in enumerate(candidates)
        )
        return [next(graded) if f else (None, [], None) for f in found]

    def _found(self, sentence: Sentence) -> list[_Found]:
        """The sentence's candidacies before their difficulty (none: not a candidate)."""
        found: list[_Found] = []
        if not sentence.pair.en.strip():
            return found
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
                found.append((g_index, word, idx, classes, others, new))
        return found

    def offer(
        self,
        seq: int,
        sentence: Sentence | None,
        key: bytes | None,
        records: list[Record],
        quality: Quality | None = None,
    ) -> None:
        """Count the sentence and remember its candidacies (near-duplicates of earlier ones are dropped; a
        flawed candidate is only counted, once per near-duplicate key)."""
        self.graded += 1
        pinned = sentence is not None and sentence.pair.zh in self.pinned
        if key is None or (key in self.seen and not pinned):
            return
        if quality is not None and quality.flaw is not None:
            if key not in self.rejected_keys:
                self.rejected_keys.add(key)
                self.rejected[quality.flaw] += 1
                self.candidates += 1
            return
        if not records or sentence is None:
            return
        self.seen.add(key)
        self.candidates += 1
        penalty = quality.penalty if quality is not None else 0.0
        marks = quality.marks if quality is not None else ()
        left_out = quality.left_out if quality is not None else frozenset()
        for mark in marks:
            self.weighed[mark] = self.weighed.get(mark, 0) + 1
        found = topics(sentence)
        self.repeats.add(found)
        handicap = TIE if sentence.pair.builtin else 0.0
        for g_index, word, idx, cost, others, new in records:
            self.freq[word] = sentence.tokens[idx].freq
            rank = cost + handicap
            own = penalty + (UNRENDERED_COST if word in left_out else 0.0)
            pin = _pin(self.options.pins.get(word, ()), sentence) if pinned else 0
            cand = Candidate(cost, rank, seq, idx, sentence, others, new, own, found, pin)
            item = (-rank + (PINNED if pin else 0.0), -seq, idx, cand)
            _keep(self.heaps[g_index].setdefault(word, []), item)

    def merge(self, later: Selector) -> Selector:
        """Fold in what a selector of the sentences after this one's kept (a later part of the corpus, its
        near-duplicates of this part's sentences already left out): the best KEEP_PER_WORD candidates per
        word of both, and the counts added. Associative, so parts of a corpus merge as a tree."""
        for heaps, theirs in zip(self.heaps, later.heaps, strict=True):
            for word, items in theirs.items():
                heap = heaps.setdefault(word, [])
                for item in items:
                    _keep(heap, item)
        self.freq.update(later.freq)
        self.seen |= later.seen
        self.graded += later.graded
        self.candidates += later.candidates
        for flaw, n in later.rejected.items():
            self.rejected[flaw] += n
        self.rejected_keys |= later.rejected_keys
        for mark, n in later.weighed.items():
            self.weighed[mark] = self.weighed.get(mark, 0) + n
        self.repeats.merge(later.repeats)
        return self

    def finish(self) -> Selection:
        """Add what repeated topics cost; choose up to `per_word` sentences per word, in study order."""
        pools = [
            {word: [self._surcharged(cand) for *_, cand in heap] for word, heap in heap_map.items()}
            for heap_map in self.heaps
        ]
        selection = study_order(self.graders, pools, self.freq, self.options, self.graded, self.candidates)
        rejected = tuple((flaw, n) for flaw, n in self.rejected.items() if n)
        weighed = sorted(self.weighed.items(), key=lambda item: -item[1])
        repeated = self.repeats.weighed()
        weighed += [(REPEATED, repeated)] if repeated else []
        return replace(selection, rejected=rejected, weighed=tuple(weighed))

    def _surcharged(self, cand: Candidate) -> Candidate:
        """The candidate with what its repeated topics cost added."""
        extra = self.repeats.cost(cand.topics)
        if not extra:
            return cand
        cost, rank = round(cand.cost + extra, 6), round(cand.rank + extra, 6)
        return replace(cand, cost=cost, rank=rank, penalty=cand.penalty + extra)


def _priced(
    found: list[_Found], key: bytes, quality: Quality, costs: list[float], left_out: set[str]
) -> Graded:
    """A sound candidate's key, records and verdict, given its verdict, the difficulty of each candidacy and
    the words its English leaves out."""
    records = [(g, w, i, c, o, n) for (g, w, i, _, o, n), c in zip(found, costs, strict=True)]
    if left_out:
        quality = replace(quality, marks=(*quality.marks, UNRENDERED), left_out=frozenset(left_out))
    if quality.penalty or left_out:
        records = [
            (g, w, i, round(c + quality.penalty + (UNRENDERED_COST if w in left_out else 0.0), 6), o, n)
            for g, w, i, c, o, n in records
        ]
    return key, records, quality


_Item = tuple[float, int, int, Candidate]


def _keep(heap: list[_Item], item: _Item) -> None:
    """Keep `item` if it is among the best KEEP_PER_WORD of a word's heap (a total order: seqs differ)."""
    if len(heap) < KEEP_PER_WORD:
        heapq.heappush(heap, item)
    elif item[:3] > heap[0][:3]:
        heapq.heapreplace(heap, item)


def select(
    sentences: Iterable[Sentence],
    graders: Grader | Sequence[Grader],
    options: SelectOptions = DEFAULTS,
) -> Selection:
    """Grade `sentences` as they stream and choose up to `per_word` sentences per target word.

    With several graders (a level range), lower levels come first in the study order and their words
    count as introduced for the higher ones. Each sentence teaches at most one word.
    """
    selector = Selector(graders, options)
    for seq, sentence in enumerate(sentences):
        selector.offer(seq, sentence, *selector.grade(sentence))
    return selector.finish()


def pin_key(zh: str, en: str) -> str:
    """How a pin names a pair: one Chinese sentence may come with several translations."""
    return f"{zh}\t{en}"


def _pin(keys: tuple[str, ...], sentence: Sentence) -> int:
    """2 when `sentence`'s pair is pinned, 1 when its Chinese is (the inputs now give another English)."""
    pair = sentence.pair
    if pin_key(pair.zh, pair.en) in keys:
        return 2
    return 1 if any(key.split("\t")[0] == pair.zh for key in keys) else 0


def words_index(sentence: Sentence, word: str) -> int:
    """Index of the first token that is `word`."""
    return next(i for i, t in enumerate(sentence.tokens) if t.text == word)
