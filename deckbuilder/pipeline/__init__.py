"""The one place that knows the stage order: `build` (deckbuild make), `align_files` (deckbuild align) and
`gloss_lines` (deckbuild gloss).

`run.py` holds the two runs as folds over their steps (`grading.py` the read-and-grade step); beside it
`options.py` (what a run decides, validated
once), `batch.py` (the cache and worker processes, in one place), `outputs.py` (side files, review rows,
skipped rows, pair rows) and `gloss.py` (sentences through the cards' annotation, one row per token).
Importing the package is cheap: the stages load when a run starts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from deckbuilder.pipeline.options import AlignOptions, BuildOptions

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping

    from deckbuilder.models import AlignReport, Report
    from deckbuilder.pipeline.batch import Progress
    from deckbuilder.pipeline.gloss import GlossRow
    from deckbuilder.standards import Listing

__all__ = ["COMMITTED", "AlignOptions", "BuildOptions", "align_files", "build", "gloss_lines", "listing"]

# The progress label a run reports once its outputs are in place (renamed, while signals are held): an
# interrupt after it changes nothing the run wrote.
COMMITTED = "Written"


def build(options: BuildOptions, progress: Progress | None = None) -> Report:
    """Build the deck `options` describe and write it with its side files; returns the report."""
    from deckbuilder.pipeline.run import build as run

    return run(options, progress)


def align_files(options: AlignOptions, progress: Progress | None = None) -> AlignReport:
    """Align the input files and write their pairs (and the review list); returns the report."""
    from deckbuilder.pipeline.run import align_files as run

    return run(options, progress)


def gloss_lines(lines: Iterable[str], overrides: Mapping[str, str] | None = None) -> Iterator[GlossRow]:
    """One row per token of each line (``sentence`` or ``sentence<TAB>english``): the entry and senses the
    cards show, through exactly their annotation."""
    from deckbuilder.pipeline.gloss import gloss_lines as run

    return run(lines, overrides)


def listing() -> Listing:
    """The standards with their words per level (`deckbuild levels`)."""
    from deckbuilder.standards import listing as levels

    return levels()
