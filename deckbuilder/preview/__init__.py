"""Look inside a built .apkg without Anki: `inspect` summarises it, `preview` renders its first cards.

.apkg file → `DeckFile` (note types, notes, cards; read with zipfile + sqlite3) → `Summary` or a static HTML
page. Rendering is a small reimplementation of Anki's template language (fields, sections, cloze, tts,
FrontSide); tests compare its visible text with the official `anki` package's rendering.
"""

from __future__ import annotations

from deckbuilder.preview.deckfile import Card, DeckFile, Note, NoteType, Template, read_deck, study_order
from deckbuilder.preview.page import PreviewOptions, render_page, write_preview
from deckbuilder.preview.render import MISSING_CLASS, render_card, unknown_fields
from deckbuilder.preview.summary import Summary, compare, summarise

__all__ = [
    "MISSING_CLASS",
    "Card",
    "DeckFile",
    "Note",
    "NoteType",
    "PreviewOptions",
    "Summary",
    "Template",
    "compare",
    "read_deck",
    "render_card",
    "render_page",
    "study_order",
    "summarise",
    "unknown_fields",
    "write_preview",
]
