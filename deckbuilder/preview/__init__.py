"""Look inside a built .apkg without Anki: `inspect` summarises it, `preview` renders its first cards.

.apkg file → `DeckFile` (note types, notes, cards; read with zipfile + sqlite3) → `Summary` or a static HTML
page. Rendering is a small reimplementation of Anki's template language (fields, sections, cloze, tts,
FrontSide); tests compare its visible text with the official `anki` package's rendering.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from deckbuilder import lock
from deckbuilder.errors import InputError, OptionError
from deckbuilder.preview.deckfile import Card, DeckFile, Note, NoteType, Template, read_deck, study_order
from deckbuilder.preview.diff import DeckDiff, diff_decks, diff_locks
from deckbuilder.preview.page import PreviewOptions, render_page, write_preview
from deckbuilder.preview.render import MISSING_CLASS, render_card, unknown_fields
from deckbuilder.preview.summary import Summary, compare, summarise

__all__ = [
    "MISSING_CLASS",
    "Card",
    "DeckDiff",
    "DeckFile",
    "Note",
    "NoteType",
    "PreviewOptions",
    "Summary",
    "Template",
    "compare",
    "diff",
    "diff_decks",
    "read_deck",
    "render_card",
    "render_page",
    "study_order",
    "summarise",
    "unknown_fields",
    "write_preview",
    "inspect",
    "preview",
]


def inspect(deck: Path, first: int = 10, against: Path | None = None) -> Summary:
    """What `deckbuild inspect` reports on `deck`; with `against`, what re-importing it over that build
    would do."""
    new = read_deck(deck)
    summary = summarise(new, first=first)
    if against is not None:
        summary = replace(summary, against=compare(read_deck(against), new))
    return summary


def diff(old: Path, new: Path, fields: list[str] | None = None, summary_only: bool = False) -> DeckDiff:
    """What `deckbuild diff` reports: the notes and card types that changed from build `old` to `new`
    (two decks, or two of their lock files)."""
    if all(str(p).endswith(lock.LOCK_SUFFIX) for p in (old, new)):
        if fields:
            raise OptionError("--fields compares decks; a lock file holds no fields", "--fields")
        locks = [lock.read(Path(p)) for p in (old, new)]
        for path, found in zip((old, new), locks, strict=True):
            if found is None:
                raise InputError("no such lock file", str(path))
        return diff_locks(locks[0], locks[1], (str(old), str(new)), summary_only)  # type: ignore[arg-type]
    return diff_decks(read_deck(old), read_deck(new), fields, summary_only)


@dataclass(frozen=True, slots=True)
class Written:
    """What `deckbuild preview` wrote."""

    path: Path
    cards: int

    def lines(self) -> list[str]:
        return [f"Preview of {self.cards} cards: {self.path}"]


def preview(deck: Path, output: Path, options: PreviewOptions | None = None) -> Written:
    """Render the first cards of `deck` into the page `output`."""
    options = options or PreviewOptions()
    deck_file = read_deck(deck)
    written = write_preview(deck_file, output, options)
    return Written(written, min(options.cards, len(deck_file.cards)))
