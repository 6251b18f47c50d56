"""A teacher re-issues a deck, as students import it into real Anki: edits, history, card types, two decks.

Every scenario builds to one path (so the lock beside the deck is read back), imports with the options Anki's
import dialog starts with, and checks what a student sees.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

pytest.importorskip("anki.collection")

from test_anki import FIXTURE_DECK, answer_good, import_again, import_deck, select_deck  # noqa: E402

from deckbuilder import lock  # noqa: E402
from deckbuilder.pipeline import BuildOptions, build  # noqa: E402
from deckbuilder.standards import parse_levels  # noqa: E402


def _build(corpus: Path, out: Path, timestamp: float, **options: object) -> Path:
    values = {"levels": parse_levels("hsk4"), "output": out, "inputs": (corpus,), "timestamp": timestamp}
    build(BuildOptions(**{**values, **options}))  # type: ignore[arg-type]
    return out


def _note(col, hanzi: str):  # noqa: ANN001, ANN202
    ids = col.find_notes(f'"note:deckbuilder Sentence*" "Hanzi:{hanzi}"')
    assert len(ids) == 1, hanzi
    return col.get_note(ids[0])


def test_a_students_edit_survives_and_the_teachers_fix_arrives(mini_corpus: Path, tmp_path: Path) -> None:
    deck = tmp_path / "class.apkg"
    now = time.time()
    _build(mini_corpus, deck, now - 3600)
    col = import_deck(deck, tmp_path / "col")
    try:
        notes, cards = col.note_count(), col.card_count()
        select_deck(col)
        studied = answer_good(col, 2)
        history = col.db.scalar("select count() from revlog")
        a, b = "她的态度很好。", "请把窗户打开。"
        edited = _note(col, a)
        edited["English"] = "Her attitude is great. (my note)"
        col.update_note(edited)
        # The teacher corrects a reading in B's sentence and rebuilds to the same path.
        readings = tmp_path / "readings.tsv"
        readings.write_text("窗户\tchuāng hù\n", encoding="utf-8")
        _build(mini_corpus, deck, now + 60, readings=readings)
        import_again(col, deck)
        assert (col.note_count(), col.card_count()) == (notes, cards)  # nothing duplicated
        assert _note(col, a)["English"] == "Her attitude is great. (my note)"  # the edit survives
        assert "chuānghù" in _note(col, b)["Pinyin"]  # the fix arrives
        assert col.db.scalar("select count() from revlog") == history
        assert all(col.get_card(cid).reps == 1 for cid in studied)
    finally:
        col.close()


def test_a_card_type_left_out_keeps_working_until_retired(mini_corpus: Path, tmp_path: Path) -> None:
    deck = tmp_path / "class.apkg"
    now = time.time()
    _build(mini_corpus, deck, now - 3600, cards=("reading", "listening"))
    col = import_deck(deck, tmp_path / "col")
    try:
        listening = len(col.find_cards("card:Listening"))
        assert listening > 0
        # Left out: students keep their Listening cards, none renders blank.
        _build(mini_corpus, deck, now - 1800, cards=("reading",))
        import_again(col, deck)
        assert len(col.find_cards("card:Listening")) == listening
        assert not col.get_empty_cards().notes
        # Retired: exactly those cards are empty, and the deck tells students what to do.
        report = build(
            BuildOptions(
                levels=parse_levels("hsk4"),
                output=deck,
                inputs=(mini_corpus,),
                timestamp=now,
                cards=("reading",),
                retire=("listening",),
            )  # type: ignore[arg-type]
        )
        import_again(col, deck)
        empty = {cid for note in col.get_empty_cards().notes for cid in note.card_ids}
        assert empty == set(col.find_cards("card:Listening")) and len(empty) == listening
        description = col.decks.by_name(FIXTURE_DECK)["desc"]
        assert "Empty Cards" in description
        assert report.changes.startswith(f"{listening} changed")
    finally:
        col.close()


@pytest.mark.parametrize("class_first", [False, True])
def test_two_decks_in_one_collection_keep_their_notes_and_looks(
    mini_corpus: Path, tmp_path: Path, class_first: bool
) -> None:
    plain = _build(mini_corpus, tmp_path / "plain.apkg", time.time() - 60)
    style = tmp_path / "tpl"
    style.mkdir()
    (style / "style.css").write_text(".card { color: teal; }", encoding="utf-8")
    klass = _build(
        mini_corpus, tmp_path / "klass.apkg", time.time(), deck_name="Class 7b::HSK 4", templates_dir=style
    )
    first, second = (klass, plain) if class_first else (plain, klass)
    col = import_deck(first, tmp_path / "col")
    try:
        import_again(col, second)
        in_plain = col.find_notes(f'"deck:{FIXTURE_DECK}"')
        in_class = col.find_notes('"deck:Class 7b::HSK 4"')
        assert in_plain and len(in_plain) == len(in_class)  # each deck holds its own notes
        assert not set(in_plain) & set(in_class)
        assert not col.get_empty_cards().notes
        looks = {m["name"]: m["css"] for m in col.models.all() if m["name"].startswith("deckbuilder")}
        assert len(looks) == 4
        assert "teal" in looks["deckbuilder Sentence · Class 7b::HSK 4"]
        assert "teal" not in looks["deckbuilder Sentence"]
    finally:
        col.close()


def test_an_upgrade_that_ranks_differently_changes_no_pinned_choice(
    mini_corpus: Path, tmp_path: Path
) -> None:
    deck = tmp_path / "class.apkg"
    _build(mini_corpus, deck, 1_750_000_000.0)
    before = lock.read(deck.with_name("class.lock.json"))
    assert before is not None
    # The sentences in reverse order (each with its translations, in their order): without pins a
    # different near-duplicate wins a word.
    groups: dict[str, list[str]] = {}
    for line in mini_corpus.read_text(encoding="utf-8").splitlines():
        groups.setdefault(line.split("\t")[0], []).append(line)
    reordered = tmp_path / "reordered.tsv"
    lines = [line for key in reversed(groups) for line in groups[key]]
    reordered.write_text("\n".join(lines) + "\n", encoding="utf-8")
    fresh = _build(reordered, tmp_path / "fresh.apkg", 1_750_000_000.0)
    fresh_pins = lock.read(fresh.with_name("fresh.lock.json"))
    assert fresh_pins is not None and fresh_pins.pins != before.pins
    report = build(
        BuildOptions(levels=parse_levels("hsk4"), output=deck, inputs=(reordered,), timestamp=1_750_003_600.0)
    )
    after = lock.read(deck.with_name("class.lock.json"))
    assert after is not None and after.pins == before.pins
    assert set(after.notes) == set(before.notes)
    assert report.changes == "0 changed, 0 added, 0 retired"
    assert all(after.notes[g].mod == before.notes[g].mod for g in before.notes)


def test_diff_of_two_locks_lists_the_notes_that_changed(mini_corpus: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from deckbuilder.cli import app

    deck = tmp_path / "class.apkg"
    _build(mini_corpus, deck, 1_750_000_000.0, cards=("reading", "listening"))
    old = tmp_path / "old.lock.json"
    old.write_text(deck.with_name("class.lock.json").read_text(encoding="utf-8"), encoding="utf-8")
    readings = tmp_path / "readings.tsv"
    readings.write_text("窗户\tchuāng hù\n", encoding="utf-8")
    _build(mini_corpus, deck, 1_750_003_600.0, readings=readings, cards=("reading",), retire=("listening",))
    result = CliRunner().invoke(app, ["diff", str(old), str(deck.with_name("class.lock.json"))])
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Notes: 7 changed, 0 added, 0 retired, 5 unchanged" in out  # 6 Listening switch off, 1 reading
    assert "Sentence / Listening: 6 → 0 cards (retired)" in out
    assert "请把窗户打开。" in out
