"""Apkg stage: note specs → an .apkg file. The only module that imports genanki.

The package is written where the pipeline says (a temporary file beside the target, renamed once complete)
and verified: the zip and its collection open and hold every note. Model IDs are literals that never
change; the deck ID derives from the deck name.

Updates: Anki's default import replaces a note only when the file's note is newer (`mod`) than its copy, and
a note type only when its `mod` is newer and its field and template names are unchanged (otherwise it imports
a second note type and leaves the notes alone). genanki writes the build timestamp into both, so every
rebuild wins; the template *set* below is fixed, whatever cards a deck enables. A note's own `mod` (from
the lock: when its content first shipped) replaces the build time, so an untouched note never overwrites a
student's edit. Decks on the default templates share the two standard note types; a deck with its own
templates gets note types of its own (IDs and names from its deck key), so restyling one class's deck never
restyles another deck in the same collection.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from deckbuilder.ankifile import open_collection
from deckbuilder.errors import InputError, OptionError, OutputError
from deckbuilder.models import CLOZE, SENTENCE, NoteSpec
from deckbuilder.resources import TEMPLATE_NAMES, template
from deckbuilder.templatecheck import check_template

CLOZE_MODEL_ID = 1590893315  # never change: Anki matches note types by ID
SENTENCE_MODEL_ID = 1407212473  # never change

# Sentence card types: (name, front file, back file, fields that must be non-empty for the card to exist).
# Names and order are part of Anki's note type identity: append only. A card exists when its switch field
# is set, whatever a teacher's template does; genanki's own guess ignores {{tts}} and would lose Listening.
SENTENCE_TEMPLATES = (
    ("Reading", "sentence_front.html", "sentence_back.html", ("CardReading", "Hanzi")),
    ("Production", "production_front.html", "production_back.html", ("CardProduction", "English")),
    ("Listening", "listening_front.html", "listening_back.html", ("CardListening", "Hanzi")),
)


@dataclass(frozen=True, slots=True)
class DeckSpec:
    """Everything the file holds: deck name and description, note types' field lists, notes."""

    name: str
    description: str
    fields: dict[str, tuple[str, ...]]
    notes: tuple[NoteSpec, ...]
    templates_dir: Path | None = None
    key: str = ""  # the deck key: names and numbers the note types of a deck with its own templates


def check_templates_dir(folder: Path | None, fields: Mapping[str, tuple[str, ...]]) -> None:
    """OptionError when a teacher's template folder holds a template-like file we would silently ignore,
    or a template that names no field of its note type (`fields`: note type → field names) or leaves a
    section open; checked before anything is written, since Anki would accept it and show broken cards."""
    if folder is None:
        return
    known = set(TEMPLATE_NAMES)
    strays = sorted(
        p.name for p in Path(folder).iterdir() if p.suffix in (".html", ".css") and p.name not in known
    )
    if strays:
        raise OptionError(
            f"{folder}: {', '.join(strays)} would be ignored; "
            f"template files are named {', '.join(TEMPLATE_NAMES)}",
            "--templates",
        )
    for _, front, _, required in SENTENCE_TEMPLATES:
        path = Path(folder) / front
        switch = required[0]
        if path.is_file() and "{{#" + switch + "}}" not in path.read_text(encoding="utf-8"):
            # Without the guard Anki would add this card to every note the learner edits.
            raise OptionError(
                f"{path}: wrap the front in {{{{#{switch}}}}}…{{{{/{switch}}}}} so the card exists only "
                "when the deck asks for it",
                "--templates",
            )
    files = {CLOZE: ("cloze_front.html", "cloze_back.html")}
    files[SENTENCE] = tuple(name for _, front, back, _ in SENTENCE_TEMPLATES for name in (front, back))
    for note_type, names in files.items():
        for name in names:
            path = Path(folder) / name
            if path.is_file():
                check_template(path.read_text(encoding="utf-8"), str(path), note_type, fields[note_type])


def check_deck_name(name: str) -> str:
    """OptionError unless every part of `name` (split on ::) has visible text."""
    if not name.strip() or any(not part.strip() for part in name.split("::")):
        raise OptionError(f"invalid deck name {name!r}: empty part between '::'", "--deck-name")
    return name


def deck_id(name: str) -> int:
    """A stable deck ID from the deck name (not Python's salted hash())."""
    return (1 << 30) + int.from_bytes(hashlib.sha256(name.encode()).digest()[:4], "big") % (1 << 30)


def model_ids(spec: DeckSpec) -> dict[str, tuple[int, str]]:
    """Each note type's (ID, name): the standard ones, or the deck's own when it has its own templates."""
    if spec.templates_dir is None or not spec.key:
        return {CLOZE: (CLOZE_MODEL_ID, CLOZE), SENTENCE: (SENTENCE_MODEL_ID, SENTENCE)}
    return {kind: (_own_id(f"{kind}\x1f{spec.key}"), f"{kind} · {spec.key}") for kind in (CLOZE, SENTENCE)}


def _own_id(text: str) -> int:
    return (1 << 30) + int.from_bytes(hashlib.sha256(text.encode()).digest()[:4], "big") % (1 << 30)


def load() -> None:
    """Import genanki now (0.1 s): a build does it while its workers grade rather than after enrichment."""
    import genanki  # noqa: F401


def _models(spec: DeckSpec) -> dict[str, Any]:
    import genanki

    ids = model_ids(spec)
    css = template("style.css", spec.templates_dir)

    def tpl(name: str) -> str:
        return template(name, spec.templates_dir)

    cloze = genanki.Model(
        *ids[CLOZE],
        fields=[{"name": f} for f in spec.fields[CLOZE]],
        templates=[{"name": "Cloze", "qfmt": tpl("cloze_front.html"), "afmt": tpl("cloze_back.html")}],
        css=css,
        model_type=genanki.Model.CLOZE,
        sort_field_index=1,
    )
    names = spec.fields[SENTENCE]
    sentence = genanki.Model(
        *ids[SENTENCE],
        fields=[{"name": f} for f in names],
        templates=[
            {"name": name, "qfmt": tpl(front), "afmt": tpl(back)}
            for name, front, back, _ in SENTENCE_TEMPLATES
        ],
        css=css,
        sort_field_index=0,
    )
    # Instance attribute over genanki's cached_property: which fields each card type needs.
    sentence._req = [
        [ord_, "all", [names.index(f) for f in required if f in names]]
        for ord_, (_, _, _, required) in enumerate(SENTENCE_TEMPLATES)
    ]
    return {CLOZE: cloze, SENTENCE: sentence}


@cache
def _card_class() -> type:
    """genanki's card with a position of its own (genanki gives every card of a note the note's `due`):
    the cards of one sentence are spread over study days."""
    import genanki

    class Card(genanki.Card):  # type: ignore[misc]
        def __init__(self, ord_: int, due: int) -> None:
            super().__init__(ord_)
            self.due = due

        def write_to_db(
            self, cursor: Any, timestamp: float, deck_id: int, note_id: int, id_gen: Any, due: int = 0
        ) -> None:
            super().write_to_db(cursor, timestamp, deck_id, note_id, id_gen, self.due)

    return Card


@cache
def _note_class() -> type:
    """genanki's note with a modification time of its own (genanki stamps every note with the build's)."""
    import genanki

    class Note(genanki.Note):  # type: ignore[misc]
        mod: int | None = None

        def write_to_db(self, cursor: Any, timestamp: float, deck_id: int, id_gen: Any) -> None:
            super().write_to_db(cursor, timestamp if self.mod is None else self.mod, deck_id, id_gen)

    return Note


def _verify(path: Path, expected_notes: int) -> None:
    """Raise OutputError unless `path` is a zip whose collection opens and holds `expected_notes` notes."""
    try:
        with open_collection(path) as con:
            (count,) = con.execute("select count(*) from notes").fetchone()
    except (InputError, OSError) as exc:
        raise OutputError(f"{path}: the written deck failed verification ({exc})") from exc
    if count != expected_notes:
        raise OutputError(f"{path}: the written deck holds {count} notes, expected {expected_notes}")


def write_package(spec: DeckSpec, path: Path, timestamp: float | None = None) -> None:
    """Write `spec` as a package at `path` and verify it. The pipeline gives a temporary file it renames
    once the deck and its side files are all written; `timestamp` fixes modification times."""
    import genanki

    models = _models(spec)
    decks: dict[str, Any] = {
        spec.name: genanki.Deck(deck_id(spec.name), spec.name, description=spec.description)
    }
    for note in spec.notes:
        name = note.deck or spec.name
        if name not in decks:
            decks[name] = genanki.Deck(deck_id(name), name, description=spec.description)
        made = _note_class()(
            model=models[note.note_type],
            fields=[value for _, value in note.fields],
            guid=note.guid,
            tags=list(note.tags),
            due=note.due,
        )
        made.mod = note.mod
        dues = dict(note.card_dues)
        made.cards = [_card_class()(card.ord, dues.get(card.ord, note.due)) for card in made.cards]
        decks[name].add_note(made)
    used = [d for name, d in decks.items() if d.notes or name == spec.name]
    genanki.Package(used).write_to_file(str(path), timestamp=timestamp)
    _verify(path, len(spec.notes))
