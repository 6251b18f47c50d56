"""Per-item work over a stream, with the content-keyed cache and worker processes in one place.

`cached_map(namespace, items, fn, workers)` yields `(item, result)` in input order. Items go by chunks: one
cache look-up per chunk (the key is the item's text under `namespace`), then `fn(item, cached)` for each
item, which returns the result and the value to cache (None: nothing new to store); with `many`, `fn` takes
a part of a chunk at once, inline the whole chunk (`[(item, cached), …]` → `[(result, value), …]`, a
result for each item). With `reuse`, a cached value is turned into the result here and the item never
reaches `fn` (enrichment caches its result); without it every item reaches `fn` with its cached value.
Without a store (grading, `--no-cache`), no key is made and every item reaches `fn` with None.

With `workers` > 1, `fn` runs in forked processes (they inherit what `setup` loaded, once) while this process
files the previous chunk. Signals are this process's to handle (workers leave its process group and
ignore Ctrl-C): leaving `cached_map` for any reason (an error, Ctrl-C, SIGTERM) cancels the queued work and
shuts the workers down in order.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import multiprocessing
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

from deckbuilder import cache
from deckbuilder.atomic import signals_deferred

T = TypeVar("T")
R = TypeVar("R")
Work = Callable[[T, str | None], tuple[R, str | None]]
# The same work over a part of a chunk at once: each step over the whole part, then the next step, runs
# faster than every step item by item (grading: 7% less CPU, the code and data of one step staying warm).
Many = Callable[[list[tuple[T, str | None]]], list[tuple[R, str | None]]]
# (label, items done, total or None): how the CLI hears about progress; stages never print.
Progress = Callable[[str, int, int | None], None]

CHUNK = 20_000  # items per chunk: cache look-ups, worker hand-offs and cache writes go by chunk
PARTS_PER_WORKER = 4  # a chunk is split so that a slow part does not leave the other workers idle
_SIGNALS = {signal.SIGINT, signal.SIGTERM}
_work: Any = None  # what a worker process runs over a part, set by `_start_worker` in that process only


def _start_worker(fn: Any, parent: int) -> None:
    """Runs first in each worker (forked with SIGINT and SIGTERM blocked, see `_Pool.submit`).

    A worker killed mid-task can leave half a result in the pipe and the pool waiting for the rest
    forever, so a terminal's Ctrl-C or a `kill` of the process group must reach the parent only: the worker
    leaves the group, drops any such signal that came before, and ignores Ctrl-C. The parent then shuts
    the pool down in order. SIGTERM sent to the worker itself still ends it (the pool's own clean-up), and
    if the parent dies the kernel ends the worker too.
    """
    global _work
    # Fresh standard streams: a thread of the parent (a progress bar) may have held their locks at the
    # fork, and a worker flushes them as it exits. Workers print nothing.
    sys.stdout = sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - for the life of the worker
    os.setpgid(0, 0)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # discards a SIGTERM that arrived before the setpgid
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _SIGNALS)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with(parent)
    _work = fn


def _die_with(parent: int) -> None:
    """Have the kernel kill this process when its parent dies (Linux); elsewhere, nothing to do."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent died before the kernel was told
        os._exit(1)


def _run_part(part: list[tuple[Any, str | None]]) -> list[tuple[Any, str | None]]:
    return _work(part)


def _each(fn: Work[T, R]) -> Many[T, R]:
    """Work item by item, as work over a part."""
    return lambda part: [fn(item, cached) for item, cached in part]


class _Pool:
    """Worker processes, started on first use (after `setup`), shut down on leaving."""

    def __init__(self, fn: Any, workers: int, setup: Callable[[], None] | None) -> None:
        self.fn, self.workers, self.setup = fn, workers, setup
        self.executor: ProcessPoolExecutor | None = None

    def submit(self, part: list[tuple[Any, str | None]]) -> Future[list[tuple[Any, str | None]]]:
        if self.executor is None:
            if self.setup is not None:
                self.setup()  # loaded once here; the forked workers share it
            # What is loaded now lives as long as the process: out of the collector's sight (its passes
            # would walk the dictionaries again and again, and in the workers copy their pages).
            gc.freeze()
            context = multiprocessing.get_context("fork")
            self.executor = ProcessPoolExecutor(
                self.workers, mp_context=context, initializer=_start_worker, initargs=(self.fn, os.getpid())
            )
            with signals_deferred():  # the workers fork in this first submit: none may die of Ctrl-C
                return self.executor.submit(_run_part, part)
        return self.executor.submit(_run_part, part)

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)


class _Pauses:
    """How many `collector_paused` blocks are open in this process, over all its threads (a Dask worker
    runs several tasks at once), and whether the collector ran before the first opened."""

    lock = threading.Lock()
    open = 0
    was_enabled = False


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection inside: a stage that makes a million small objects that live on (a
    graded stream replayed, candidates kept) otherwise spends most of its time in the collector's passes
    over them. Reference counting still frees everything that is not a cycle. The collector is a process's:
    it runs again once the last open block in any thread closes, if it ran before the first opened."""
    with _Pauses.lock:
        if not _Pauses.open:
            _Pauses.was_enabled = gc.isenabled()
            gc.disable()
        _Pauses.open += 1
    try:
        yield
    finally:
        with _Pauses.lock:
            _Pauses.open -= 1
            if not _Pauses.open and _Pauses.was_enabled:
                gc.enable()


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of `size` items (the last may be shorter); itertools.batched once Python ≥ 3.12."""
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def cached_map(
    namespace: str,
    items: Iterable[T],
    fn: Work[T, R] | Many[T, R],
    workers: int = 1,
    *,
    many: bool = False,
    store: cache.Cache | None,
    text: Callable[[T], str],
    reuse: Callable[[T, str], R] | None = None,
    setup: Callable[[], None] | None = None,
    progress: Progress | None = None,
    label: str = "",
    total: int | None = None,
    chunk: int | None = None,
    known: Callable[[T], R | None] | None = None,
    read_all: Callable[[], None] | None = None,
) -> Iterator[tuple[T, R]]:
    """`(item, fn(item, cached)[0])` for every item, in order; see the module docstring.

    With `many`, `fn` is `Many` work: a part of a chunk at once (inline, the whole chunk). `known(item)`,
    when given and not None, is the item's result without the work: the item is neither looked up in the
    cache nor sent to `fn` (grading: a sentence too long for any card). `read_all` is called once every item
    has been read and handed out, while the last chunks are still being computed.

    The cache table is the namespace's first part (``enrich:…`` → ``enrich``); with no `store`, nothing is
    looked up or kept (every item reaches `fn` with None). `setup` runs once before
    the first call of `fn` (before the workers fork, so they inherit what it loads), and not at all when
    every result comes from the cache.
    """
    table = namespace.split(":", 1)[0]
    store = store if store is not None and store.enabled else None
    run_part: Many[T, R] = fn if many else _each(fn)  # type: ignore[arg-type]
    pool = _Pool(run_part, workers, setup) if workers > 1 else None
    ready = setup is None
    pending: deque[_Chunk] = deque()
    done = 0
    if total is not None:
        _report(progress, label, 0, total)  # the size of the work, before any of it is done
    with contextlib.ExitStack() as stack:
        if pool is not None:
            stack.callback(pool.close)
        for batch in chunks(items, chunk or CHUNK):
            results: list[Any] = [known(item) for item in batch] if known else [None] * len(batch)
            unknown = [n for n, r in enumerate(results) if r is None]
            keys = {n: cache.key(namespace, text(batch[n])) for n in unknown} if store else {}
            hits = store.get_many(table, list(keys.values())) if store else {}
            cached = {n: hits[k] for n, k in keys.items() if k in hits}  # position → cached value
            if reuse is not None:
                for n, value in cached.items():
                    results[n] = reuse(batch[n], value)
            todo = [n for n in unknown if reuse is None or n not in cached]
            work = [(batch[n], cached.get(n)) for n in todo]
            if not work:
                outcome: Callable[[], Iterable[Any]] = list
            elif pool is not None:
                step = max(1, -(-len(work) // (workers * PARTS_PER_WORKER)))
                futures = [pool.submit(work[i : i + step]) for i in range(0, len(work), step)]
                # Part by part: the first parts' items are filed while the workers compute the last ones.
                outcome = lambda futures=futures: (r for f in futures for r in f.result())  # noqa: E731
            else:
                if not ready and setup is not None:
                    setup()
                    ready = True
                computed = run_part(work)
                outcome = lambda computed=computed: computed  # noqa: E731
            pending.append(_Chunk(batch, keys, results, todo, outcome))
            if len(pending) > 1:  # file chunk n while the workers compute chunk n + 1
                done += yield from _file(store, table, pending.popleft())
                _report(progress, label, done, total)
        if read_all is not None:
            read_all()
        while pending:
            done += yield from _file(store, table, pending.popleft())
            _report(progress, label, done, total)


@dataclass(frozen=True, slots=True)
class _Chunk:
    items: list[Any]
    keys: dict[int, bytes]  # position → cache key (none without a store)
    results: list[Any]  # filled from the cache (with `reuse`) or by `outcome`
    todo: list[int]  # positions whose result `outcome` gives
    outcome: Callable[[], Iterable[Any]]  # in the order of `todo`, computed as they are taken


def _report(progress: Progress | None, label: str, done: int, total: int | None) -> None:
    if progress is not None and label:
        progress(label, done, total)


def _file(store: cache.Cache | None, table: str, chunk: _Chunk) -> Generator[tuple[Any, Any], None, int]:
    """Yield a chunk's (item, result) pairs in order, each as soon as its result is in (a worker's part
    done), then store the chunk's new cache values; returns how many items there were."""
    fresh = []
    computed = iter(chunk.outcome())
    todo = iter(chunk.todo)
    due = next(todo, None)  # the next position `computed` gives
    for n, item in enumerate(chunk.items):
        if n == due:
            given = next(computed, None)
            if given is None:
                raise AssertionError("fewer results than items")  # the work gave fewer than it was given
            result, value = given
            chunk.results[n] = result
            if value is not None and store is not None:
                fresh.append((chunk.keys[n], value))
            due = next(todo, None)
        yield item, chunk.results[n]
    if next(computed, None) is not None:
        raise AssertionError("more results than items")  # a worker gave more than it was given
    if store is not None:
        store.put_many(table, fresh)
    return len(chunk.items)
