"""An .apkg file → `DeckFile`: its note types, notes and cards (opened through `deckbuilder.ankifile`).

Reads the legacy `collection.anki2`/`collection.anki21` layout that genanki (and Anki's "support older
versions" export) writes; the zstd-compressed `collection.anki21b` of newer exports is refused with a clear
error rather than misread.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from deckbuilder.ankifile import open_collection
from deckbuilder.errors import InputError

# Anki's default new-card options: 20 new cards a day, gathered in deck order by position ("due"), then
# sorted by card type (template) within the day's batch, ties kept in gathered order.
NEW_PER_DAY = 20


@dataclass(frozen=True, slots=True)
class Template:
    name: str
    front: str
    back: str


@dataclass(frozen=True, slots=True)
class NoteType:
    id: int
    name: str
    is_cloze: bool
    fields: tuple[str, ...]
    templates: tuple[Template, ...]
    css: str
    mod: int


@dataclass(frozen=True, slots=True)
class Note:
    id: int
    guid: str
    note_type_id: int
    mod: int
    fields: tuple[str, ...]
    tags: tuple[str, ...]
    sort_text: str = ""


@dataclass(frozen=True, slots=True)
class Card:
    id: int
    note_id: int
    ord: int
    deck_id: int
    due: int
    type: int  # 0 new, 1 learning, 2 review, 3 relearning


@dataclass(frozen=True, slots=True)
class DeckFile:
    """Everything `inspect` and `preview` need from one .apkg."""

    path: Path
    decks: dict[int, tuple[str, str]]  # deck id → (name, description)
    note_types: dict[int, NoteType]
    notes: dict[int, Note]
    cards: tuple[Card, ...]

    def note_type_of(self, card: Card) -> NoteType:
        return self.note_types[self.notes[card.note_id].note_type_id]

    def template_of(self, card: Card) -> Template:
        nt = self.note_type_of(card)
        return nt.templates[0] if nt.is_cloze else nt.templates[card.ord]


def study_order(cards: tuple[Card, ...], per_day: int = NEW_PER_DAY) -> list[Card]:
    """New cards in the order Anki's default options show them (a day of `per_day` cards at a time).

    Anki gathers the day's new cards by position (`due`), then sorts them by card type: a day's Reading
    cards come before its Production and Listening cards.
    """
    new = sorted((c for c in cards if c.type == 0), key=lambda c: (c.due, c.ord, c.id))
    ordered: list[Card] = []
    for start in range(0, len(new), max(1, per_day)):
        ordered.extend(sorted(new[start : start + per_day], key=lambda c: c.ord))
    return ordered


def read_deck(path: Path) -> DeckFile:
    """Read `path`; InputError when it is missing, not an .apkg, or in a layout we cannot read."""
    path = Path(path)
    if not path.is_file():
        raise InputError("no such deck file", str(path))
    with open_collection(path) as con:
        return _read(path, con)


def _read(path: Path, con: sqlite3.Connection) -> DeckFile:
    models_json, decks_json = con.execute("select models, decks from col").fetchone()
    note_types = {}
    for m in json.loads(models_json).values():
        note_types[int(m["id"])] = NoteType(
            id=int(m["id"]),
            name=m["name"],
            is_cloze=m.get("type", 0) == 1,
            fields=tuple(f["name"] for f in sorted(m["flds"], key=lambda f: f["ord"])),
            templates=tuple(
                Template(t["name"], t["qfmt"], t["afmt"]) for t in sorted(m["tmpls"], key=lambda t: t["ord"])
            ),
            css=m.get("css", ""),
            mod=int(m.get("mod", 0)),
        )
    decks = {int(d["id"]): (d["name"], d.get("desc", "")) for d in json.loads(decks_json).values()}
    notes = {
        nid: Note(nid, guid, mid, mod, tuple(flds.split("\x1f")), tuple(tags.split()), str(sfld))
        for nid, guid, mid, mod, flds, tags, sfld in con.execute(
            "select id, guid, mid, mod, flds, tags, sfld from notes"
        )
    }
    cards = tuple(
        Card(*row) for row in con.execute("select id, nid, ord, did, due, type from cards order by id")
    )
    return DeckFile(path, decks, note_types, notes, cards)
