"""inspect and preview: reading an .apkg, the template renderer, study order, identity hints, the page."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from deckbuilder.cli import app
from deckbuilder.errors import InputError, OptionError, OutputError
from deckbuilder.pipeline import BuildOptions, build
from deckbuilder.preview import (
    MISSING_CLASS,
    Card,
    DeckFile,
    Note,
    NoteType,
    PreviewOptions,
    Template,
    compare,
    read_deck,
    render_card,
    render_page,
    study_order,
    summarise,
    unknown_fields,
    write_preview,
)
from deckbuilder.standards import parse_levels

runner = CliRunner()
T0 = 1_750_000_000.0


@pytest.fixture(scope="module")
def deck(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("preview") / "hsk4.apkg"
    corpus = Path(__file__).parent / "fixtures" / "mini_tatoeba.tsv"
    build(
        BuildOptions(
            levels=parse_levels("hsk4"),
            output=out,
            inputs=(corpus,),
            timestamp=T0,
            cards=("reading", "production", "listening"),
            tags=("class::7b",),
        )
    )
    return out


def basic(front: str, back: str = "{{FrontSide}}<hr>{{Back}}") -> NoteType:
    return NoteType(1, "Basic", False, ("Front", "Back", "Extra"), (Template("Card 1", front, back),), "", 0)


def render(front: str, fields: tuple[str, ...], back: str = "{{Back}}") -> tuple[str, str]:
    note = Note(1, "g", 1, 0, fields, ("t1", "t2"))
    return render_card(basic(front, back), note, Card(1, 1, 0, 1, 0, 0), "A::B")


@pytest.mark.parametrize(
    ("template", "fields", "front"),
    [
        ("{{Front}}", ("a &amp; <b>b</b>", "", ""), "a &amp; <b>b</b>"),  # fields are HTML, inserted as-is
        ("{{#Extra}}x{{/Extra}}y", ("f", "", ""), "y"),
        ("{{#Extra}}x{{/Extra}}y", ("f", "", " <br> "), "y"),  # Anki's emptiness: whitespace and <br>
        ("{{^Extra}}x{{/Extra}}y", ("f", "", ""), "xy"),
        ("{{#Front}}[{{#Back}}in{{/Back}}]{{/Front}}", ("f", "b", ""), "[in]"),
        ("{{text:Front}}", ("<i>hi</i> &amp; bye", "", ""), "hi & bye"),
        ("{{Tags}}|{{Deck}}|{{Subdeck}}|{{Card}}|{{Type}}", ("", "", ""), "t1 t2|A::B|B|Card 1|Basic"),
    ],
)
def test_renderer_fields_and_sections(template: str, fields: tuple[str, ...], front: str) -> None:
    assert render(template, fields)[0] == front


def test_renderer_marks_missing_fields_and_front_side() -> None:
    front, back = render("{{Nope}} {{Front}}", ("f", "b", ""), back="{{FrontSide}}|{{Back}}")
    assert f'<span class="{MISSING_CLASS}">{{{{Nope}}}}</span> f' == front
    assert back == front + "|b"


def test_renderer_tts_is_a_button_with_plain_text() -> None:
    front, _ = render("{{tts zh_CN:Front}}", ("<b>你好</b>&amp;", "", ""))
    assert front == (
        '<button type="button" class="tts" data-lang="zh_CN" data-text="你好&amp;" '
        'aria-label="play"></button>'
    )


def test_renderer_cloze_front_back_and_other_ordinals() -> None:
    nt = NoteType(
        2, "Cloze", True, ("Text",), (Template("Cloze", "{{cloze:Text}}", "{{cloze:Text}}"),), "", 0
    )
    note = Note(1, "g", 2, 0, ("我{{c1::去::qù}}{{c2::银行}}。",), ())
    front, back = render_card(nt, note, Card(1, 1, 0, 1, 0, 0))
    assert front == (
        '我<span class="cloze" data-cloze="去" data-ordinal="1">[qù]</span>'
        '<span class="cloze-inactive" data-ordinal="2">银行</span>。'
    )
    assert back.startswith('我<span class="cloze" data-ordinal="1">去</span>')
    front2, _ = render_card(nt, note, Card(2, 1, 1, 1, 0, 0))
    assert '<span class="cloze" data-cloze="银行" data-ordinal="2">[...]</span>' in front2


def _cards(*specs: tuple[int, int, int]) -> tuple[Card, ...]:
    """(note id, ord, due) → new cards with IDs in the given order."""
    return tuple(Card(i, nid, ord_, 1, due, 0) for i, (nid, ord_, due) in enumerate(specs, start=1))


def test_study_order_gathers_a_day_by_position_then_sorts_by_card_type() -> None:
    cards = _cards((1, 0, 0), (2, 0, 1), (2, 1, 1), (2, 2, 1), (3, 0, 2), (4, 0, 3), (4, 1, 3))
    got = [(c.note_id, c.ord) for c in study_order(cards, per_day=5)]
    assert got == [(1, 0), (2, 0), (3, 0), (2, 1), (2, 2), (4, 0), (4, 1)]
    assert [(c.note_id, c.ord) for c in study_order(cards, per_day=100)][:4] == [
        (1, 0),
        (2, 0),
        (3, 0),
        (4, 0),
    ]


def _deckfile(notes: list[Note], cards: tuple[Card, ...], mod: int = 10) -> DeckFile:
    nt = basic("{{Front}}")
    nt = NoteType(nt.id, nt.name, nt.is_cloze, nt.fields, nt.templates, nt.css, mod)
    return DeckFile(Path("x.apkg"), {1: ("D", "")}, {1: nt}, {n.id: n for n in notes}, cards)


def test_hints_find_duplicate_guids_shared_positions_and_stale_note_types() -> None:
    notes = [Note(1, "same", 1, 20, ("a", "", ""), ()), Note(2, "same", 1, 20, ("b", "", ""), ())]
    hints = summarise(_deckfile(notes, _cards((1, 0, 0), (2, 0, 0)))).hints
    assert any("GUIDs are used by more than one note" in h for h in hints)
    assert any("'New #0'" in h for h in hints)
    assert any("older than the notes" in h for h in hints)
    sound = [Note(1, "a", 1, 10, ("a", "", ""), ()), Note(2, "b", 1, 10, ("b", "", ""), ())]
    assert summarise(_deckfile(sound, _cards((1, 0, 0), (2, 0, 1)))).hints == ()


def test_read_and_summarise_a_built_deck(deck: Path) -> None:
    file = read_deck(deck)
    summary = summarise(file, first=4)
    assert summary.decks == ("deckbuilder::HSK 2.0::Level 4",)
    types = {nt.name: nt for nt in summary.note_types}
    assert types["deckbuilder Cloze"].kind == "cloze"
    sentence = types["deckbuilder Sentence"]
    assert [name for name, _ in sentence.cards] == ["Reading", "Production", "Listening"]
    assert all(n == sentence.notes for _, n in sentence.cards)
    assert dict(summary.tags)["class::7b"] == summary.notes
    assert [(i.note_type, i.template) for i in summary.first[:2]] == [("deckbuilder Cloze", "Cloze 1")] * 2
    assert summary.first[0].text != summary.first[1].text  # two sentences: one sentence's cards never meet
    assert summary.hints == ()
    assert {n.mod for n in file.notes.values()} == {int(T0)}


def test_read_deck_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such deck file"):
        read_deck(tmp_path / "missing.apkg")
    bad = tmp_path / "bad.apkg"
    bad.write_text("not a zip", encoding="utf-8")
    with pytest.raises(InputError, match="not a zip"):
        read_deck(bad)
    empty = tmp_path / "empty.apkg"
    with zipfile.ZipFile(empty, "w") as zf:
        zf.writestr("media", "{}")
    with pytest.raises(InputError, match="no collection"):
        read_deck(empty)
    modern = tmp_path / "modern.apkg"
    with zipfile.ZipFile(modern, "w") as zf:
        zf.writestr("collection.anki21b", b"zstd bytes")
    with pytest.raises(InputError, match="newer Anki in its compressed format"):
        read_deck(modern)


def test_page_has_the_cards_and_no_missing_fields(deck: Path, tmp_path: Path) -> None:
    page = render_page(read_deck(deck), PreviewOptions(cards=6))
    assert page.count('class="preview-card"') == 6
    assert MISSING_CLASS not in page.split("</style>")[-1].replace(f".{MISSING_CLASS}", "")
    assert "{{" not in re.sub(r"<style>.*?</style>", "", page, flags=re.DOTALL)
    with pytest.raises(OutputError, match="does not exist"):
        write_preview(read_deck(deck), tmp_path / "nope" / "p.html")


def test_cli_inspect_and_preview(deck: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["inspect", str(deck), "-n", "3"])
    assert result.exit_code == 0, result.stderr
    assert "deckbuilder Sentence" in result.stdout and "Reading" in result.stdout
    assert "no problems found" in result.stdout
    out = tmp_path / "p.html"
    result = runner.invoke(app, ["preview", str(deck), "-o", str(out), "-n", "5"])
    assert result.exit_code == 0, result.stderr
    assert out.read_text(encoding="utf-8").count('class="preview-card"') == 5
    result = runner.invoke(app, ["inspect", str(tmp_path / "missing.apkg")])
    assert result.exit_code == 1
    assert result.stderr.startswith("deckbuild: error:") and len(result.stderr.strip().splitlines()) == 1


def _browser() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


# CI installs Chromium and sets this, so there the test runs or fails, never skips.
_REQUIRED = os.environ.get("DECKBUILDER_REQUIRE_BROWSER") == "1"


@pytest.mark.skipif(_browser() is None and not _REQUIRED, reason="no headless Chromium/Chrome installed")
def test_preview_in_headless_chromium(deck: Path, tmp_path: Path) -> None:
    """The DOM after scripts ran holds every card and no missing-field marker; a screenshot is taken."""
    assert _browser() is not None, "DECKBUILDER_REQUIRE_BROWSER=1 but no Chromium/Chrome found"
    page = write_preview(read_deck(deck), tmp_path / "preview.html", PreviewOptions(cards=8))
    # A fresh profile and no background traffic: nothing here reaches the network.
    browser = [
        _browser() or "", "--headless", "--no-sandbox", "--disable-gpu", "--window-size=1000,1400",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-quic", f"--user-data-dir={tmp_path / 'profile'}",
    ]  # fmt: skip
    dom = subprocess.run(
        [*browser, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120, check=True
    ).stdout
    assert dom.count('class="preview-card"') == 8
    assert f'<span class="{MISSING_CLASS}"' not in dom
    assert "{{" not in re.sub(r"<style>.*?</style>", "", dom, flags=re.DOTALL)
    shot = tmp_path / "preview.png"
    subprocess.run(
        [*browser, f"--screenshot={shot}", page.as_uri()], capture_output=True, timeout=120, check=True
    )
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_compare_two_builds(deck: Path, tmp_path: Path) -> None:
    corpus = Path(__file__).parent / "fixtures" / "mini_tatoeba.tsv"
    options = {
        "levels": parse_levels("hsk4"),
        "inputs": (corpus,),
        "cards": ("reading", "production", "listening"),
    }
    later = tmp_path / "later.apkg"
    build(BuildOptions(output=later, timestamp=T0 + 60, hint="none", tags=("class::7b",), **options))
    old, new = read_deck(deck), read_deck(later)
    lines = compare(old, new)
    n = len(new.notes)
    assert lines[0].startswith(f"{n:,} notes keep their GUID ({n // 2:,} with changed fields), 0 are new")
    assert len(lines) == 1  # newer notes, same note type names: everything updates
    assert any("not newer than the earlier build" in line for line in compare(new, old))
    result = runner.invoke(app, ["inspect", str(later), "--against", str(deck), "-n", "0"])
    assert result.exit_code == 0 and "Compared with the earlier build" in result.stdout


def test_hints_name_fields_the_templates_lack() -> None:
    nt = basic("{{Front}}{{#Nope}}x{{/Nope}}", "{{FrontSide}}{{text:Gone}}{{Tags}}")
    assert unknown_fields(nt) == {"Nope", "Gone"}
    file = DeckFile(
        Path("x.apkg"), {1: ("D", "")}, {1: nt}, {1: Note(1, "a", 1, 0, ("a", "", ""), ())}, _cards((1, 0, 0))
    )
    assert any("uses fields it does not have: Gone, Nope" in h for h in summarise(file).hints)


# ---------------------------------------------------------------- issue 13: deckbuild diff
def _sentence_type() -> NoteType:
    templates = tuple(
        Template(name, "{{Hanzi}}", "{{English}}") for name in ("Reading", "Production", "Listening")
    )
    return NoteType(7, "deckbuilder Sentence", False, ("Hanzi", "Pinyin", "English"), templates, "", 0)


def _deck(name: str, notes: list[tuple[str, tuple[str, ...], tuple[str, ...], tuple[int, ...]]]) -> DeckFile:
    """(guid, fields, tags, card ords) per note → an in-memory build."""
    made = {
        i: Note(i, guid, 7, 0, fields, tags, fields[0]) for i, (guid, fields, tags, _) in enumerate(notes, 1)
    }
    cards = _cards(*((i, o, i) for i, (_, _, _, ords) in enumerate(notes, 1) for o in ords))
    return DeckFile(Path(name), {1: ("Class", "")}, {7: _sentence_type()}, made, cards)


OLD_NOTES = [
    ("same", ("我们走吧。", "Wǒmen zǒu ba.", "Let's go."), ("t",), (0, 2)),
    ("fixed", ("他教会了我。", "Tā jiāohuì le wǒ.", "He taught me."), ("t",), (0, 2)),
    ("tagged", ("天气很好。", "Tiānqì hěn hǎo.", "The weather is nice."), ("t",), (0, 2)),
    ("dropped", ("我去银行。", "Wǒ qù yínháng.", "I go to the bank."), ("t",), (0, 2)),
    ("marked", ("她很忙。", "Tā hěn máng.", "She is busy."), ("t",), (0, 2)),
]
NEW_NOTES = [
    ("same", ("我们走吧。", "Wǒmen zǒu ba.", "Let's go."), ("t",), (0, 1)),
    ("fixed", ("他教会了我。", "Tā jiàohuì le wǒ.", "He taught me."), ("t",), (0, 1)),
    ("tagged", ("天气很好。", "Tiānqì hěn hǎo.", "The weather is nice."), ("class::7b", "t"), (0, 1)),
    ("marked", ("她很忙。", "Tā hěn máng.", "She is busy."), ("deckbuilder::retired", "t"), (0,)),
    ("new", ("我喝茶。", "Wǒ hē chá.", "I drink tea."), ("t",), (0, 1)),
]


def test_diff_lists_every_kind_of_change() -> None:
    from deckbuilder.preview import diff_decks

    report = diff_decks(_deck("old.apkg", OLD_NOTES), _deck("new.apkg", NEW_NOTES))
    assert [r.guid for r in report.added] == ["new"]
    assert [r.guid for r in report.retired] == ["marked", "dropped"]  # tagged, gone; by sort field
    assert [c.note.guid for c in report.changed] == ["fixed", "tagged"]
    assert report.unchanged == 1
    lines = report.lines()
    assert lines[2] == "Notes: 2 changed, 1 added, 2 retired, 1 unchanged"
    assert "  deckbuilder Sentence / Listening: 5 → 0 cards (retired)" in lines
    assert "  deckbuilder Sentence / Production: 0 → 4 cards (added)" in lines
    assert "  + 我喝茶。 (deckbuilder Sentence, guid new)" in lines
    assert "  - 我去银行。 (deckbuilder Sentence, guid dropped)" in lines
    fixed = lines.index("  ~ 他教会了我。 (deckbuilder Sentence, guid fixed)")
    assert lines[fixed + 1] == "      Pinyin: Tā jiāohuì le wǒ. → Tā jiàohuì le wǒ."
    assert "      tags: +class::7b" in lines
    assert lines == diff_decks(_deck("old.apkg", OLD_NOTES), _deck("new.apkg", NEW_NOTES)).lines()  # stable


def test_diff_fields_summary_and_long_values() -> None:
    from deckbuilder.preview import diff_decks

    old, new = _deck("old.apkg", OLD_NOTES), _deck("new.apkg", NEW_NOTES)
    only_english = diff_decks(old, new, ["English"])
    assert only_english.changed == () and only_english.unchanged == 3
    assert [c.note.guid for c in diff_decks(old, new, ["Tags"]).changed] == ["tagged"]
    summary = diff_decks(old, new, summary_only=True).lines()
    assert summary[2].startswith("Notes: 2 changed") and not any(
        line.startswith("Changed") for line in summary
    )
    with pytest.raises(
        OptionError, match="Nope: no field of these decks; fields: English, Hanzi, Pinyin, Tags"
    ):
        diff_decks(old, new, ["Nope"])
    long_old = ("长" * 50 + "甲" + "短" * 50, "p", "e")
    long_new = ("长" * 50 + "乙" + "短" * 50, "p", "e")
    report = diff_decks(_deck("a", [("g", long_old, (), (0,))]), _deck("b", [("g", long_new, (), (0,))]))
    shown = report.lines()[-1]
    assert (
        "…长长长长长长长长长长长长甲短短短短短短短短短短短短…" in shown
        and "…长长长长长长长长长长长长乙短" in shown
    )


def test_cli_diff_two_builds(deck: Path, tmp_path: Path) -> None:
    corpus = Path(__file__).parent / "fixtures" / "mini_tatoeba.tsv"
    later = tmp_path / "later.apkg"
    options = BuildOptions(
        levels=parse_levels("hsk4"), output=later, inputs=(corpus,), timestamp=T0 + 60, cards=("reading",)
    )
    build(options)
    result = runner.invoke(app, ["diff", str(deck), str(later)])
    assert result.exit_code == 0, result.stderr
    assert "Production: " in result.stdout and "cards (retired)" in result.stdout
    assert "      tags: -class::7b" in result.stdout
    again = runner.invoke(app, ["diff", str(deck), str(later)])
    assert again.stdout == result.stdout
    summary = runner.invoke(app, ["diff", "--summary", str(deck), str(later)])
    assert summary.exit_code == 0 and "Changed:" not in summary.stdout
    missing = runner.invoke(app, ["diff", str(deck), str(tmp_path / "nope.apkg")])
    assert missing.exit_code == 1 and len(missing.stderr.strip().splitlines()) == 1
    assert "nope.apkg" in missing.stderr
    bad = runner.invoke(app, ["diff", "--fields", "Nope", str(deck), str(later)])
    assert bad.exit_code == 2
