"""The built deck as Anki itself sees it: imported with the official `anki` package into fresh collections."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

anki_collection = pytest.importorskip("anki.collection")

from deckbuilder.grade import parse_level  # noqa: E402
from deckbuilder.pipeline import BuildOptions, build  # noqa: E402

NOTES_PER_TYPE = 30


class _Text(HTMLParser):
    """Visible text of rendered card HTML (attributes such as data-cloze are not visible)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def visible(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


@pytest.fixture(scope="module")
def decks(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("decks")
    out = []
    for name in ("first.apkg", "second.apkg"):
        path = tmp / name
        build(BuildOptions(level=parse_level("hsk5"), output=path, max_notes=NOTES_PER_TYPE))
        out.append(path)
    return out[0], out[1]


def import_deck(apkg: Path, folder: Path):  # -> anki.collection.Collection
    from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
    from anki.import_export_pb2 import IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER

    folder.mkdir(parents=True, exist_ok=True)
    col = Collection(str(folder / "collection.anki2"))
    options = ImportAnkiPackageOptions(  # Anki's defaults in its import dialog
        update_notes=IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
        update_notetypes=IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
        with_scheduling=False,
    )
    col.import_anki_package(ImportAnkiPackageRequest(package_path=str(apkg), options=options))
    return col


def study_order(col) -> list[tuple[str, int]]:
    """(note GUID, template ordinal) of every card in Anki's new-card order."""
    rows = col.db.all("select n.guid, c.ord from cards c join notes n on n.id = c.nid order by c.due, c.id")
    return [(g, o) for g, o in rows]


def test_import_counts_and_rendering(decks: tuple[Path, Path], tmp_path: Path) -> None:
    col = import_deck(decks[0], tmp_path / "a")
    try:
        assert col.note_count() == 2 * NOTES_PER_TYPE
        assert col.card_count() == 2 * NOTES_PER_TYPE
        assert any(d.name == "deckbuilder::HSK 2.0::Level 5" for d in col.decks.all_names_and_ids())

        cloze_ids = col.find_cards('"note:deckbuilder Cloze"')
        assert len(cloze_ids) == NOTES_PER_TYPE
        card = col.get_card(cloze_ids[0])
        note = card.note()
        target, hint = note["Target"], note["TargetPinyin"]
        front, back = visible(card.question()), visible(card.answer())
        assert f"[{hint}]" in front  # the pinyin hint shows in the blank
        assert target not in front  # ... and the answer does not (it is only in data-cloze)
        assert target in back and note["English"] in back and note["Pinyin"] in back

        sentence_ids = col.find_cards('"note:deckbuilder Sentence"')
        assert len(sentence_ids) == NOTES_PER_TYPE
        sentence = col.get_card(sentence_ids[0])
        s_note = sentence.note()
        s_front, s_back = visible(sentence.question()), visible(sentence.answer())
        assert s_note["Hanzi"] in s_front and s_note["English"] not in s_front
        assert s_note["English"] in s_back and s_note["Pinyin"] in s_back
    finally:
        col.close()


def test_rebuild_gives_same_guids_and_study_order(decks: tuple[Path, Path], tmp_path: Path) -> None:
    first = import_deck(decks[0], tmp_path / "one")
    second = import_deck(decks[1], tmp_path / "two")
    try:
        order_one, order_two = study_order(first), study_order(second)
        assert order_one == order_two
        assert len(set(order_one)) == 4 * NOTES_PER_TYPE // 2
        dues = [d for (d,) in first.db.all("select due from cards order by due")]
        assert len(set(dues)) == len(dues)  # never every card "New #0"
    finally:
        first.close()
        second.close()


def test_reimport_updates_instead_of_duplicating(decks: tuple[Path, Path], tmp_path: Path) -> None:
    col = import_deck(decks[0], tmp_path / "re")
    try:
        from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest

        col.import_anki_package(
            ImportAnkiPackageRequest(package_path=str(decks[1]), options=ImportAnkiPackageOptions())
        )
        assert col.note_count() == 2 * NOTES_PER_TYPE
    finally:
        col.close()


def test_every_card_is_i_plus_one_rechecked_from_its_fields(decks: tuple[Path, Path], tmp_path: Path) -> None:
    """Re-segment each imported cloze note's Hanzi: the Target is a level-5 word, every other word is
    readable at level 5, and any other level-5 word was the target of an earlier card."""
    from deckbuilder.annotate import segment
    from deckbuilder.grade import Grader, Reading
    from deckbuilder.models import Pair

    grader = Grader(parse_level("hsk5"))
    col = import_deck(decks[0], tmp_path / "check")
    try:
        cloze_ids = col.find_cards('"note:deckbuilder Cloze"', order="c.due asc")
        introduced: set[str] = set()
        for cid in cloze_ids:
            note = col.get_card(cid).note()
            sentence = segment(Pair(zh=note["Hanzi"], en=note["English"], source="check"))
            classes = grader.classify(sentence)
            assert grader.table.get(note["Target"]) == 5
            for tok, cls in zip(sentence.tokens, classes, strict=True):
                if tok.text == note["Target"]:
                    continue
                assert not grader.is_new(cls), (note["Hanzi"], tok.text, cls)
                if cls is Reading.TARGET:
                    assert tok.text in introduced, (note["Hanzi"], tok.text)
            introduced.add(note["Target"])
    finally:
        col.close()
