"""`deckbuild make --engine dask`: grading on a Dask cluster, with the deck the local engine makes.

read → segment → grade runs per part of the corpus on a Dask bag (a part: the teacher's own sentences, an
input file or a run of them, a built-in corpus), in the workers; the choice of the best candidates per word
is a reduction; the chosen sentences come back here to be enriched and packaged, as in the local engine.

The local engine's `Selector.offer` keeps the first of near-duplicate sentences (one key, `_skeleton`)
as they stream past, so which sentence a part may keep depends on the parts before it. Two passes over the
graded parts, which stay in the workers' memory, make that exact:

1. every part reports, per near-duplicate key, its first usable sentence and its first flawed ones
   (`Keys`; merged by taking the first, associatively, and noting the keys more than one part has);
2. every part offers its sentences that are the first of their key in the whole corpus to a selector of
   its own, and the selectors merge (`Selector.merge`: the best KEEP_PER_WORD per word, counts added).

Sentence numbers (`seq`, which break ties) are the part's number in the high bits and the sentence's place
in it in the low ones: the order of the local engine's single count, so ties break identically.

What travels: the parts' descriptions and the teacher's own sentences to the workers, each part's keys and
kept candidates back. Code and dictionaries load in each worker from the installed package, once per
worker process (the module-level caches of `segmenter`, `grade` and `annotate`, and `_SELECTORS` here), and
stay out of the cyclic collector's sight, as in the local engine's workers.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import logging
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from deckbuilder import annotate, ingest
from deckbuilder.errors import DeckbuilderError
from deckbuilder.grade import Flaw, Grader, Quality, Record, SelectOptions, Selector
from deckbuilder.ingest.sniff import InputFormat, check_format
from deckbuilder.models import Pair, Sentence, Skipped
from deckbuilder.pipeline import edits, outputs
from deckbuilder.pipeline import grading as local_engine  # its reading and grading, reused as they are
from deckbuilder.pipeline.batch import Progress, chunks, collector_paused
from deckbuilder.pipeline.options import BuildOptions

MISSING = "the dask engine needs Dask: pip install 'deckbuilder[dask]'"
SEQ_BITS = 40  # a part's sentences are numbered below 2**40; the part's number is above
SPLIT_EVERY = 8  # parts merged per task of the reductions
CONNECT_TIMEOUT = 10  # seconds to reach a scheduler
BLOCK = 2_500  # pairs graded at a time in a worker (about a local worker's part of a chunk)


T = TypeVar("T")


class DaskError(DeckbuilderError):
    """Dask is not installed, or the scheduler cannot be reached."""


@dataclass(frozen=True, slots=True)
class Part:
    """One part of the corpus, in order: pairs read here, files a worker reads, or built-in corpora."""

    index: int
    pairs: tuple[Pair, ...] = ()
    paths: tuple[Path, ...] = ()
    builtin: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Grading:
    """How to grade, as a worker rebuilds it: the graders' levels and learner, the selection's options.

    The graders themselves are rebuilt (once per worker, `_SELECTORS`) rather than sent: they load their
    word tables from the installed package."""

    token: str
    levels: tuple[Any, ...]
    known: frozenset[str]
    assume_below: bool
    left_out: frozenset[str]
    options: SelectOptions

    @classmethod
    def of(cls, selector: Selector) -> Grading:
        first = selector.graders[0]
        levels = tuple(g.level for g in selector.graders)
        token = uuid.uuid4().hex
        return cls(token, levels, first.known, first.assume_below, first.left_out, selector.options)

    def selector(self) -> Selector:
        """A fresh selector with this worker's graders (their memos are kept from part to part)."""
        template = _SELECTORS.get(self.token)
        if template is None:
            _SELECTORS.clear()  # one build at a time per worker
            graders = [
                Grader(lv, known=self.known, assume_below=self.assume_below, left_out=self.left_out)
                for lv in self.levels
            ]
            template = _SELECTORS[self.token] = Selector(graders, self.options)
            _load_for_life()
        return Selector(template.graders, template.options)


_SELECTORS: dict[str, Selector] = {}


@functools.cache
def _load_for_life() -> None:
    """Load what grading reads, once per worker process, and keep it out of the cyclic collector's passes
    for the life of the process, as the local engine's workers have it (`gc.freeze`). The collection first
    leaves no garbage of the worker's other work frozen with it: frozen, it could never be freed."""
    local_engine.load()
    gc.collect()
    gc.freeze()


# Per near-duplicate key: (first usable sentence's seq or None, first flawed (seq, flaw) or None, first
# flawed pinned one or None).
_Key = tuple[int | None, tuple[int, Flaw] | None, tuple[int, Flaw] | None]
_Good = tuple[int, Sentence, bytes, list[Record], Quality | None]


def _first(a: Any, b: Any) -> Any:
    """The earlier of two optional (seq, …) or seqs."""
    return b if a is None else a if b is None else min(a, b)


@dataclass(slots=True)
class Keys:
    """The near-duplicate keys of some consecutive parts; `shared`: the keys more than one part has a
    usable sentence for (the only ones a part cannot settle alone)."""

    first: dict[bytes, _Key] = field(default_factory=dict)
    shared: set[bytes] = field(default_factory=set)
    skipped: list[Skipped] = field(default_factory=list)

    def merge(self, later: Keys) -> Keys:
        for key, (good, flawed, pinned) in later.first.items():
            mine = self.first.get(key)
            if mine is None:
                self.first[key] = (good, flawed, pinned)
                continue
            if mine[0] is not None and good is not None:
                self.shared.add(key)
            self.first[key] = (_first(mine[0], good), _first(mine[1], flawed), _first(mine[2], pinned))
        self.shared |= later.shared
        self.skipped.extend(later.skipped)
        return self

    def firsts(self) -> dict[bytes, int]:
        """The corpus's first usable sentence of each shared key."""
        return {key: self.first[key][0] for key in self.shared}  # type: ignore[misc]

    def rejected(self) -> Iterator[Flaw]:
        """The flaw counted per key, as `Selector.offer` counts it: the first flawed sentence of the key
        that comes before its first usable one, or is pinned."""
        for good, flawed, pinned in self.first.values():
            limit = float("inf") if good is None else good
            counted = _first(flawed if flawed is not None and flawed[0] < limit else None, pinned)
            if counted is not None:
                yield counted[1]

    def tally(self) -> tuple[list[Flaw], list[Skipped]]:
        """What the report needs of the keys: the flaws counted, and the rows the readers skipped."""
        return list(self.rejected()), self.skipped


@dataclass(slots=True)
class Graded:
    """A graded part as it stays in a worker: its keys, its sentences count and usable candidates."""

    keys: Keys
    count: int
    goods: list[_Good]


def grade(
    options: BuildOptions,
    selector: Selector,
    skips: outputs.Skips,
    progress: Progress | None,
    submitted: Callable[[], None] | None = None,
) -> None:
    """Grade every pair on the cluster; `selector` ends up as the local engine's would (see the docstring).
    `submitted`, when given, is called once the grading is submitted to the cluster (this process then has
    no grading of its own to do)."""
    parts = _parts(options, skips, local_engine.read)
    with _client(options) as client:
        import dask.bag as db

        bag = db.from_sequence(parts, npartitions=len(parts))
        grading = Grading.of(selector)
        graded = client.persist(bag.map(_grade_part, grading, options))
        if submitted is not None:
            submitted()
        # The corpus's keys stay in the cluster: the parts get the shared ones, this process the counts.
        keys = client.compute(graded.reduction(_keys, _merged, split_every=SPLIT_EVERY))
        partials = graded.map(_select_part, grading, client.submit(Keys.firsts, keys))
        merged = client.compute(partials.reduction(_merged, _merged, split_every=SPLIT_EVERY))
        selector.merge(merged.result())
        rejected, skipped = client.submit(Keys.tally, keys).result()
    for flaw in rejected:
        selector.rejected[flaw] += 1
        selector.candidates += 1
    for item in skipped:
        skips.add(item)


def _uncollected(task: Callable[..., T]) -> Callable[..., T]:
    """`task` run with the cyclic collector paused (`batch.collector_paused`: until the last task running in
    the worker's threads ends). A worker holds its graded parts, many small objects, until the build ends,
    beside the dictionaries it loaded: the collector's passes over them cost the two workers of a local
    cluster 2.8 and 2.0 s of their 8.0 and 6.9 s of CPU on 200,000 pairs. What a worker loads is kept out
    of those passes for the life of the process (`_load_for_life`); the passes that Dask's own work in the
    worker sets off between tasks still walk the parts."""

    @functools.wraps(task)
    def run(*args: Any) -> T:
        with collector_paused():
            return task(*args)

    return run


def _parts(options: BuildOptions, skips: outputs.Skips, read: Any) -> list[Part]:
    """The corpus in parts, in the local engine's order: the teacher's own sentences (read here), the
    inputs (a file each; plain text, whose one-language files pair across files, all together), the
    built-in corpora (one each)."""
    parts = [Part(0, pairs=tuple(edits.extra_pairs(options, lambda paths: read(options, paths, skips))))]
    inputs = options.inputs
    if any(check_format(options.input_format, p) is InputFormat.text for p in inputs):
        units: list[tuple[Path, ...]] = [inputs] if inputs else []
    else:
        units = [(p,) for p in inputs]
    parts += [Part(len(parts) + n, paths=unit) for n, unit in enumerate(units)]
    if options.with_builtin or not options.inputs:
        parts += [Part(len(parts) + n, builtin=(name,)) for n, name in enumerate(options.builtin)]
    return parts


def _pairs(part: Part, options: BuildOptions, skips: Any) -> Iterator[Pair]:
    pairs: Iterable[Pair] = part.pairs
    if part.paths:
        pairs = local_engine.read(options, part.paths, skips)
    elif part.builtin:
        pairs = ingest.read_builtin(part.builtin)
    return edits.edited(pairs, options)


@_uncollected
def _grade_part(part: Part, grading: Grading, options: BuildOptions) -> Graded:
    """Read, segment and grade one part (in a worker): its keys and the candidates it may keep."""
    selector = grading.selector()
    grade = local_engine.grader(selector)
    skips = _Collect()
    first: dict[bytes, _Key] = {}
    goods: list[_Good] = []
    count = 0

    def hopeful() -> Iterator[tuple[int, Pair]]:
        nonlocal count
        for local, pair in enumerate(_pairs(part, options, skips)):
            count += 1
            if not selector.hopeless(pair.zh, pair.en):  # no candidate, as the local engine decides
                yield local, pair

    for block in chunks(hopeful(), BLOCK):  # graded a block at a time, as the local engine's workers do
        results = grade([(pair, None) for _, pair in block])
        for (local, pair), ((words, key, records, verdict), _) in zip(block, results, strict=True):
            if key is None:
                continue
            seq = part.index << SEQ_BITS | local
            pinned = pair.zh in selector.pinned
            good, flawed, pin = first.get(key, (None, None, None))
            if verdict is not None and verdict.flaw is not None:
                first[key] = (
                    good,
                    flawed or (seq, verdict.flaw),
                    pin or ((seq, verdict.flaw) if pinned else None),
                )
                continue
            if good is None or pinned:
                goods.append((seq, annotate.from_words(pair, words or []), key, records, verdict))
            first[key] = (good if good is not None else seq, flawed, pin)
    return Graded(Keys(first, set(), skips.items), count, goods)


class _Collect:
    """Stands in for `outputs.Skips` in a worker: the skipped rows go back to be counted in order."""

    def __init__(self) -> None:
        self.items: list[Skipped] = []

    def add(self, item: Skipped) -> None:
        self.items.append(item)


@_uncollected
def _keys(parts: Iterable[Graded]) -> Keys:
    return functools.reduce(
        Keys.merge, (Keys(dict(g.keys.first), set(), list(g.keys.skipped)) for g in parts)
    )


@_uncollected
def _select_part(graded: Graded, grading: Grading, shared: Mapping[bytes, int]) -> Selector:
    """A part's selector: its candidates that are the first of their key in the corpus (or pinned)."""
    selector = grading.selector()
    for seq, sentence, key, records, quality in graded.goods:
        if sentence.pair.zh in selector.pinned or shared.get(key, seq) == seq:
            selector.offer(seq, sentence, key, records, quality)
    selector.graded = graded.count
    selector.graders = []  # not sent back: the client has its own
    return selector


@_uncollected
def _merged(items: Iterable[Any]) -> Any:
    """Merge consecutive parts' states (Keys or selectors), the earlier first, into a fresh one."""
    items = list(items)
    first = items[0]
    base: Any = Keys() if isinstance(first, Keys) else _empty(first)
    return functools.reduce(lambda a, b: a.merge(b), items, base)


def _empty(like: Selector) -> Selector:
    empty = Selector([], like.options)
    empty.heaps = [{} for _ in like.heaps]
    return empty


@contextlib.contextmanager
def _client(options: BuildOptions) -> Iterator[Any]:
    """A client of the scheduler given, or of a local cluster of `options.workers` processes."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise DaskError(MISSING) from None
    with contextlib.ExitStack() as stack:
        if options.scheduler:
            try:
                client = Client(options.scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
            except (OSError, TimeoutError, ValueError) as exc:
                raise DaskError(f"cannot reach the Dask scheduler at {options.scheduler}: {exc}") from None
        else:
            cluster = LocalCluster(
                n_workers=options.workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.CRITICAL,  # stages never print; failures come back as errors
            )
            stack.enter_context(cluster)
            client = Client(cluster, set_as_default=False)
        stack.enter_context(client)
        yield client
