import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from deckbuilder.apkg import (
    CLOZE_MODEL_ID,
    SENTENCE_MODEL_ID,
    SENTENCE_TEMPLATES,
    DeckSpec,
    check_deck_name,
    check_templates_dir,
    deck_id,
    write_package,
)
from deckbuilder.cards import FIELDS as CARD_FIELDS
from deckbuilder.errors import OptionError
from deckbuilder.models import CLOZE, SENTENCE, NoteSpec
from deckbuilder.resources import templates_dir

FIELDS = {CLOZE: ("Text", "Hanzi"), SENTENCE: ("Hanzi", "English")}


def spec(n: int = 3) -> DeckSpec:
    notes = []
    for i in range(n):
        notes.append(
            NoteSpec(CLOZE, (("Text", f"我{{{{c1::去}}}}{i}"), ("Hanzi", f"我去{i}")), f"c{i}", ("t",), 2 * i)
        )
        notes.append(
            NoteSpec(SENTENCE, (("Hanzi", f"我去{i}"), ("English", "I go")), f"s{i}", ("t",), 2 * i + 1)
        )
    return DeckSpec("deckbuilder::Test", "test deck", FIELDS, tuple(notes))


def read_collection(path: Path, tmp: Path) -> sqlite3.Connection:
    with zipfile.ZipFile(path) as zf:
        zf.extract("collection.anki2", tmp)
    return sqlite3.connect(tmp / "collection.anki2")


def write_apkg(deck: DeckSpec, out: Path, timestamp: float | None = None) -> Path:
    """The writer the pipeline uses (it gives a temporary path and renames it; atomicity is tested with
    the pipeline, in test_robust)."""
    write_package(deck, out, timestamp)
    return out


def test_ids_are_literals_that_never_change() -> None:
    """Anki matches note types by ID and decks by ID: any change (a salted hash(), another digest) would
    make every student's collection import a copy. These values shipped; they must not move."""
    assert (CLOZE_MODEL_ID, SENTENCE_MODEL_ID) == (1590893315, 1407212473)
    assert deck_id("deckbuilder::HSK 2.0::Level 5") == 1229704761
    assert deck_id("Class 7b::HSK 4") == 1770206682
    assert 1 << 30 <= deck_id("x") < 1 << 31


def test_write_package_writes_notes_guids_and_due(tmp_path: Path) -> None:
    out = write_apkg(spec(), tmp_path / "t.apkg", timestamp=1_700_000_000)
    con = read_collection(out, tmp_path)
    guids = [g for (g,) in con.execute("select guid from notes order by id")]
    assert sorted(guids) == sorted(["c0", "c1", "c2", "s0", "s1", "s2"])
    dues = dict(con.execute("select n.guid, c.due from cards c join notes n on c.nid = n.id"))
    assert dues == {"c0": 0, "s0": 1, "c1": 2, "s1": 3, "c2": 4, "s2": 5}
    models = con.execute("select models from col").fetchone()[0]
    assert str(CLOZE_MODEL_ID) in models and str(SENTENCE_MODEL_ID) in models


def test_each_card_gets_its_own_position(tmp_path: Path) -> None:
    """genanki gives every card of a note the note's due; study days need one per card."""
    cloze = NoteSpec(
        CLOZE, (("Text", "我{{c1::去}}"), ("Hanzi", "我去")), "c", ("t",), 4, card_dues=((0, 4),)
    )
    fields = (("Hanzi", "我去"), ("English", "I go"))  # no switch fields here: all three cards exist
    sentence = NoteSpec(SENTENCE, fields, "s", ("t",), 25, card_dues=((0, 25), (2, 61)))
    out = write_apkg(DeckSpec("deckbuilder::Test", "t", FIELDS, (cloze, sentence)), tmp_path / "t.apkg")
    con = read_collection(out, tmp_path)
    rows = con.execute("select n.guid, c.ord, c.due from cards c join notes n on c.nid = n.id order by c.due")
    assert list(rows) == [("c", 0, 4), ("s", 0, 25), ("s", 1, 25), ("s", 2, 61)]  # unlisted: the note's


def test_a_written_package_that_is_not_a_deck_fails_verification(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import genanki

    from deckbuilder.errors import OutputError

    monkeypatch.setattr(
        genanki.Package, "write_to_file", lambda self, path, timestamp=None: Path(path).write_bytes(b"x")
    )
    with pytest.raises(OutputError, match="failed verification"):
        write_apkg(spec(), tmp_path / "t.apkg")


def test_template_override_dir(tmp_path: Path) -> None:
    custom = tmp_path / "tpl"
    custom.mkdir()
    (custom / "style.css").write_text(".card { color: hotpink; }", encoding="utf-8")
    s = spec(1)
    out = write_apkg(DeckSpec(s.name, s.description, s.fields, s.notes, custom), tmp_path / "c.apkg")
    models = read_collection(out, tmp_path).execute("select models from col").fetchone()[0]
    assert "hotpink" in models


def sentence_spec(switches: dict[str, str]) -> DeckSpec:
    from deckbuilder.cards import FIELDS as CARD_FIELDS
    from deckbuilder.cards import SENTENCE_FIELDS

    values = {f: "" for f in SENTENCE_FIELDS} | {"Hanzi": "我去", "English": "I go"} | switches
    note = NoteSpec(SENTENCE, tuple((f, values[f]) for f in SENTENCE_FIELDS), "s0", ("t",), 0)
    return DeckSpec("deckbuilder::Test", "test deck", CARD_FIELDS, (note,))


@pytest.mark.parametrize(
    ("switches", "ords"),
    [
        ({"CardReading": "y"}, [0]),
        ({"CardProduction": "y"}, [1]),
        ({"CardReading": "y", "CardListening": "y"}, [0, 2]),
        ({"CardReading": "y", "CardProduction": "y", "CardListening": "y"}, [0, 1, 2]),
    ],
)
def test_sentence_cards_follow_switches_but_templates_are_fixed(
    switches: dict[str, str], ords: list[int], tmp_path: Path
) -> None:
    out = write_apkg(sentence_spec(switches), tmp_path / "s.apkg", timestamp=1_700_000_000)
    con = read_collection(out, tmp_path)
    assert sorted(o for (o,) in con.execute("select ord from cards")) == ords
    models = json.loads(con.execute("select models from col").fetchone()[0])
    names = [t["name"] for t in models[str(SENTENCE_MODEL_ID)]["tmpls"]]
    assert names == [name for name, *_ in SENTENCE_TEMPLATES] == ["Reading", "Production", "Listening"]


def test_build_time_is_every_note_and_note_type_modification_time(tmp_path: Path) -> None:
    """Anki updates a note (or note type) on re-import only when this time is newer than its copy's."""
    out = write_apkg(spec(), tmp_path / "t.apkg", timestamp=1_700_000_123.9)
    con = read_collection(out, tmp_path)
    assert {m for (m,) in con.execute("select mod from notes")} == {1_700_000_123}
    models = json.loads(con.execute("select models from col").fetchone()[0])
    assert {m["mod"] for m in models.values() if int(m["id"]) in (CLOZE_MODEL_ID, SENTENCE_MODEL_ID)} == {
        1_700_000_123
    }
    decks = json.loads(con.execute("select decks from col").fetchone()[0])
    assert any(d["name"] == "deckbuilder::Test" and d["desc"] == "test deck" for d in decks.values())


def test_templates_dir_with_unknown_file_names_is_an_option_error(tmp_path: Path) -> None:
    (tmp_path / "cloze-front.html").write_text("x", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("ignored: not a template type", encoding="utf-8")
    with pytest.raises(OptionError, match="cloze-front.html would be ignored"):
        check_templates_dir(tmp_path, CARD_FIELDS)
    check_templates_dir(None, CARD_FIELDS)


@pytest.mark.parametrize("bad", ["", "  ", "a::", "a:: ::b"])
def test_deck_name_parts_must_have_text(bad: str) -> None:
    with pytest.raises(OptionError):
        check_deck_name(bad)
    assert check_deck_name("My class::HSK 4") == "My class::HSK 4"


def test_templates_dir_sentence_fronts_keep_their_switch(tmp_path: Path) -> None:
    (tmp_path / "production_front.html").write_text("<div>{{English}}</div>", encoding="utf-8")
    with pytest.raises(
        OptionError, match=r"production_front.html: wrap the front in \{\{#CardProduction\}\}"
    ):
        check_templates_dir(tmp_path, CARD_FIELDS)
    (tmp_path / "production_front.html").write_text(
        "{{#CardProduction}}<div>{{English}}</div>{{/CardProduction}}", encoding="utf-8"
    )
    check_templates_dir(tmp_path, CARD_FIELDS)


# ---------------------------------------------------------------- issue 13: templates checked before writing
def test_shipped_templates_name_only_fields_of_their_note_type() -> None:
    check_templates_dir(templates_dir(), CARD_FIELDS)


@pytest.mark.parametrize(
    "text",
    [
        "{{#CardReading}}{{Hanzi}} {{text:English}} {{furigana:Ruby}} {{tts zh_CN:Hanzi}}{{/CardReading}}",
        "{{#CardReading}}{{hint:Pinyin}}{{type:Hanzi}}{{ Tags }}{{Deck}}{{Subdeck}}{{Card}}{{/CardReading}}",
        "{{#CardReading}}{{CardFlag}}{{CardID}}{{Type}}{{FrontSide}}{{tts-voices:}}{{/CardReading}}",
        "{{#CardReading}}{{^Ruby}}{{#c1}}x{{/c1}}{{/Ruby}}<!-- {{Gone}} -->{{/CardReading}}",
        "{{=<% %>=}}<%#CardReading%><%Hanzi%><%/CardReading%>",
    ],
)
def test_templates_anki_accepts_pass(tmp_path: Path, text: str) -> None:
    (tmp_path / "sentence_back.html").write_text(text, encoding="utf-8")
    check_templates_dir(tmp_path, CARD_FIELDS)


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("sentence_front.html", "{{#CardReading}}\n<b>\n{{Nonexistent}}</b>{{/CardReading}}",
         r"sentence_front.html:3: \{\{Nonexistent\}\} names no field of the Sentence note type \(fields: H"),
        ("sentence_back.html", "{{#Nope}}x{{/Nope}}", r"sentence_back.html:1: \{\{#Nope\}\} names no field"),
        ("sentence_back.html", "{{^Nope}}x{{/Nope}}", r"\{\{\^Nope\}\} names no field"),
        ("sentence_back.html", "{{text:Hanzi}} {{furigana:Rubby}}", r"\{\{furigana:Rubby\}\} names no field"),
        ("cloze_back.html", "{{CardReading}}", r"\{\{CardReading\}\} names no field of the Cloze"),
        ("sentence_back.html", "{{cloze:Text}}", r"\{\{cloze:Text\}\} names no field of the Sentence"),
        ("listening_back.html", "{{tts zh_CN:Hanz}}", r"listening_back.html:1: \{\{tts zh_CN:Hanz\}\}"),
        ("sentence_back.html", "{{#Ruby}}\n{{Ruby}}", r"sentence_back.html:1: \{\{#Ruby\}\} is never closed"),
        ("sentence_back.html", "{{Ruby}}{{/Ruby}}", r"\{\{/Ruby\}\} closes a section that was never opened"),
        ("sentence_back.html", "{{#Ruby}}{{^Pinyin}}{{/Ruby}}{{/Pinyin}}",
         r"\{\{/Ruby\}\} does not close \{\{\^Pinyin\}\} \(line 1\)"),
    ],
)  # fmt: skip
def test_template_naming_no_field_or_unbalanced_is_an_option_error(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(OptionError, match=message) as caught:
        check_templates_dir(tmp_path, CARD_FIELDS)
    assert str(tmp_path / name) in str(caught.value) and caught.value.option == "--templates"
