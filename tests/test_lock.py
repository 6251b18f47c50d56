"""The lock file: content hashes, first-shipped times, kept card switches, retired notes, pins."""

from __future__ import annotations

from pathlib import Path

import pytest

from deckbuilder import lock
from deckbuilder.errors import InputError
from deckbuilder.models import CLOZE, SENTENCE, NoteSpec

SWITCHES = {"CardReading": 0, "CardProduction": 1, "CardListening": 2}


def _note(guid: str, english: str, listening: str = "", kind: str = SENTENCE, due: int = 0) -> NoteSpec:
    fields = (
        ("Hanzi", f"句子{guid}"),
        ("English", english),
        ("CardReading", "y"),
        ("CardListening", listening),
    )
    return NoteSpec(kind, fields, guid, ("hsk4",), due, card_dues=((0, due),))


def _release(notes, old, now, **kw):  # noqa: ANN001, ANN003, ANN202
    return lock.release(
        notes, {"词": ("句子a\tA sentence.",)}, old, lock.Lock("Deck", "key"), now, SWITCHES, **kw
    )


def test_an_untouched_note_keeps_the_time_it_first_shipped() -> None:
    notes, first, changes = _release([_note("a", "A."), _note("b", "B.")], None, 100)
    assert changes.first and changes.line() == "2 notes, first build (no lock yet)"
    assert [n.mod for n in notes] == [100, 100]
    notes, second, changes = _release(
        [_note("a", "A."), _note("b", "B, fixed."), _note("c", "C.")], first, 200
    )
    assert {n.guid: n.mod for n in notes} == {"a": 100, "b": 200, "c": 200}
    assert changes.line() == "1 changed, 1 added, 0 retired"
    assert second.notes["a"] == first.notes["a"]
    assert second.pins == {"词": ("句子a\tA sentence.",)}


def test_a_card_type_left_out_stays_on_for_notes_that_shipped_with_it_until_retired() -> None:
    _, first, _ = _release([_note("a", "A.", listening="y")], None, 100)
    notes, second, changes = _release([_note("a", "A."), _note("new", "N.")], first, 200)
    kept = {n.guid: n for n in notes}
    assert kept["a"].field("CardListening") == "y" and (2, 0) in kept["a"].card_dues
    assert kept["a"].mod == 100  # nothing a student has changed
    assert kept["new"].field("CardListening") == ""  # a new note does not get the retired-to-be type
    assert changes.kept == (("CardListening", 1),)
    notes, _, changes = _release([_note("a", "A.")], second, 300, retire=["CardListening"])
    assert notes[0].field("CardListening") == "" and notes[0].mod == 300
    assert changes.emptied == (("CardListening", 1),)


def test_a_dropped_note_ships_once_more_tagged_retired() -> None:
    _, first, _ = _release([_note("a", "A."), _note("b", "B.", due=1)], None, 100)
    previous = {"b": _note("b", "B.")}
    notes, second, changes = _release([_note("a", "A.")], first, 200, previous=previous)
    retired = {n.guid: n for n in notes}["b"]
    assert lock.RETIRED_TAG in retired.tags and retired.mod == 200
    assert changes.retired == ("b",) and second.notes["b"].retired
    notes, third, changes = _release([_note("a", "A.")], second, 300, previous=previous)
    assert [n.guid for n in notes] == ["a"] and "b" not in third.notes and not changes.retired


def test_the_lock_file_round_trips_one_line_per_note(tmp_path: Path) -> None:
    notes = [_note("a", "A.", listening="y"), _note("b", "B.", kind=CLOZE)]
    _, made, _ = _release(notes, None, 100)
    text = lock.dumps(made)
    path = tmp_path / "deck.lock.json"
    path.write_text(text, encoding="utf-8")
    assert lock.read(path) == made
    assert sum(1 for line in text.splitlines() if '"hash"' in line) == 2
    assert lock.read(tmp_path / "none.lock.json") is None


def test_a_broken_lock_file_is_named_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "deck.lock.json"
    path.write_text('{\n  "format": 1,\n  "deck": oops\n}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"deck\.lock\.json:3"):
        lock.read(path)
    path.write_text('{"format": 99}', encoding="utf-8")
    with pytest.raises(InputError, match="format 99"):
        lock.read(path)
