"""The local engine's grading step: read the inputs → segment → grade, in worker processes.

Pairs stream from the teacher's own sentences, the inputs (documents aligned on the way) and the built-in
corpora (`read_all`); they are segmented and graded by `grader`, a part of a chunk at a time in
`--workers` processes through `batch.cached_map` (inline with one, a chunk at a time), and the selector
keeps the best candidates per word. A rebuild from the same inputs replays the graded stream instead
(`graded.py`); `--engine dask` grades on a cluster (`dask_engine.py`, which reads and grades with the
functions here).

Segmentation is not cached per pair: cutting a sentence again costs less than keying, looking up and
storing it. With the cache, 200,000 generated pairs built 0.9 s slower (9.9 s against 9.0 s) and a rebuild
at another level, which the cache was for, no faster (6.9 s against 6.8 s without any cache).
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from deckbuilder import align, annotate, apkg, grade, ingest, segmenter
from deckbuilder.cache import Cache
from deckbuilder.grade import Quality, Record, Selector
from deckbuilder.models import Document, Pair, Skipped
from deckbuilder.pipeline import edits, graded, outputs
from deckbuilder.pipeline.batch import Many, Progress, cached_map, collector_paused
from deckbuilder.pipeline.options import BuildOptions


def grade_corpus(
    options: BuildOptions,
    selector: Selector,
    store: Cache,
    skips: outputs.Skips,
    progress: Progress | None,
    preload: threading.Thread,
) -> Selector:
    """Read every pair, segment it and grade it: the selector that keeps the best candidates (a fresh one
    when a kept stream could be read only in part). `preload` (`preloader`) is started once the input is
    read and handed out to the workers, or handed to the cluster: this process then mostly waits, and
    loads meanwhile what enrichment and the deck writer read. The caller joins it (`settle`) before it
    forks again, and when the build fails."""
    # The same inputs graded the same way before: replay what grading gave (`graded.py`).
    name = graded.key(options) if store.enabled else None
    with collector_paused():
        if name and graded.replay(store.path, name, selector, skips):
            gc.freeze()  # see the end of `_locally`
            return selector
    if name:  # a stream read in part leaves its offers in the selector
        selector = Selector(selector.graders, selector.options)
    job = _Job(options, store, name, skips, progress)
    if options.engine == "dask":  # the same grading on a Dask cluster (imported only then)
        return _on_cluster(job, selector, preload.start)
    return _locally(job, selector, preload.start)


def preloader() -> threading.Thread:
    """The thread that loads what enrichment and the deck writer read (not started)."""
    return threading.Thread(target=_preload, name="preload", daemon=True)


def settle(thread: threading.Thread) -> None:
    """Wait for `thread` if it was started (the preload: no thread may run when workers fork)."""
    if thread.ident is not None:
        thread.join()


@dataclass(frozen=True, slots=True)
class _Job:
    """What either engine grades with: the build's options, the cache, the graded stream's name (None:
    no cache), where skipped rows go, and who hears of progress."""

    options: BuildOptions
    store: Cache
    name: str | None
    skips: outputs.Skips
    progress: Progress | None


def _locally(job: _Job, selector: Selector, when_read: Callable[[], None]) -> Selector:
    """Grade in `--workers` processes (or inline with one), writing the graded stream when it has a name;
    `when_read` is called once the input is read and handed out to the workers."""
    options, store, name, skips, progress = job.options, job.store, job.name, job.skips, job.progress
    workers = options.workers
    results = cached_map(
        "grade",
        read_all(options, skips),
        grader(selector),
        workers,
        many=True,
        store=None,
        text=lambda p: p.zh,
        setup=load,
        progress=progress,
        label="Grading sentences",
        known=lambda p: NOTHING if selector.hopeless(p.zh, p.en) else None,
        read_all=when_read if workers > 1 else None,
    )
    writer = graded.Writer(store.path, name) if name else None
    count = 0
    with contextlib.closing(results), contextlib.ExitStack() as stack, collector_paused():
        if writer is not None:
            stack.callback(writer.close)
        for count, (pair, (words, key, records, verdict)) in enumerate(results, 1):
            sentence = annotate.from_words(pair, words) if records else None
            selector.offer(count - 1, sentence, key, records, verdict)
            if key is not None and writer is not None:
                writer.add((count - 1, sentence, key, records, verdict))
        if writer is not None:
            writer.finish(count, skips)
        # What grading kept (the candidates) and the preload thread loaded lives until the deck is written:
        # out of the collector's sight, or its first passes after the pause walk all of it, again and again
        # in a rebuild that forks no workers (hsk5: 0.06 s cold, 0.5 s warm). Forking workers does the same.
        gc.freeze()
    return selector


def _on_cluster(job: _Job, selector: Selector, submitted: Callable[[], None]) -> Selector:
    """Grade on a Dask cluster (`dask_engine.py`), or put back the merged choice an earlier such build of
    the same inputs, options and pins kept. `submitted` is called once the grading is on the cluster."""
    from deckbuilder.pipeline import dask_engine

    options, store, name, skips = job.options, job.store, job.name, job.skips

    merged = graded.merged_name(name, selector) if name else None
    with collector_paused():
        if merged and graded.restore(store.path, merged, selector, skips):
            gc.freeze()
            return selector
    # The kept candidates arrive as many small objects that live until the deck is written: no collector
    # passes over them as they arrive, and none after (as `_locally` leaves the local engine's).
    with collector_paused():
        dask_engine.grade(options, selector, skips, job.progress, submitted)
        gc.freeze()
    if merged:
        graded.keep(store.path, merged, selector, skips)
    return selector


def _preload() -> None:
    """What the steps after grading read: enrichment's tagger and dictionaries, and the deck writer."""
    annotate.load()
    apkg.load()


def load() -> None:
    """What grading reads: the segmenter (with the dictionary tags its constructions consult) and the quality
    checks' dictionary."""
    segmenter.segmenter()
    segmenter.word_tag("的")
    grade.load()


Graded = tuple[list[str] | None, bytes | None, list[Record], Quality | None]
NOTHING: Graded = (None, None, [], None)  # no candidate (`Selector.hopeless`)


def grader(selector: Selector) -> Many[Pair, Graded]:
    """Segment and grade a part of the pairs (`cached_map`'s `Many` work); runs in a worker or inline, with
    identical results. A hopeless pair (`Selector.hopeless`) is the caller's to pass over: it never reaches
    this function. Each step runs over the whole part before the next. A result keeps the words only for a
    candidate (the parent rebuilds its sentence); nothing is cached (cached and stored values are None)."""

    def grade_part(part: list[tuple[Pair, str | None]]) -> list[tuple[Graded, str | None]]:
        cuts = [segmenter.cut(pair.zh) for pair, _ in part]
        # No target: no tokens to build, nothing to grade.
        sentences = [
            None if selector.teaches_none(words) else annotate.from_words(pair, words)
            for (pair, _), words in zip(part, cuts, strict=True)
        ]
        graded = iter(selector.grade_all([s for s in sentences if s is not None]))
        out: list[tuple[Graded, str | None]] = []
        for words, sentence in zip(cuts, sentences, strict=True):
            if sentence is None:
                out.append((NOTHING, None))
                continue
            key, records, verdict = next(graded)
            out.append(((words if records else None, key, records, verdict), None))
        return out

    return grade_part


def read_all(options: BuildOptions, skips: outputs.Skips) -> Iterator[Pair]:
    """The teacher's own sentences, then the inputs (else the built-in corpora), with the teacher's edits."""
    own = edits.extra_pairs(options, lambda paths: read(options, paths, skips))
    files = read(options, options.inputs, skips) if options.inputs else iter(())
    builtin = ingest.read_builtin(options.builtin) if options.with_builtin or not options.inputs else ()
    return edits.edited(itertools.chain(own, files, builtin), options)


def read(options: BuildOptions, paths: tuple[Path, ...], skips: outputs.Skips) -> Iterator[Pair]:
    """The pairs of `paths` that count: both sides, at least `min_score` (alignment confidence)."""
    for pair in input_pairs(paths, options.input_format, options.strict, skips, options.embed):
        if pair.zh and pair.en and pair.score >= options.min_score:
            yield pair


def input_pairs(
    paths: Iterable[Path],
    input_format: ingest.InputFormat | None = None,
    strict: bool = False,
    skips: outputs.Skips | None = None,
    embed: bool = False,
) -> Iterator[Pair]:
    """Pairs from the user's files: pre-aligned pairs as read, documents aligned (one Pair per bead,
    an unpaired sentence as a Pair with one empty side and score 0). Malformed rows go to `skips`."""
    for item in ingest.read_inputs(tuple(paths), input_format, strict):
        if isinstance(item, Document):
            yield from align.align(item, embed=embed)
        elif isinstance(item, Skipped):
            if skips is not None:
                skips.add(item)
        else:
            yield item
