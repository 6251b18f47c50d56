import re
from pathlib import Path

import pytest

from deckbuilder.chinese import to_simplified
from deckbuilder.errors import InputError
from deckbuilder.ingest import read_builtin, read_hsk_sentences, read_inputs, read_pairs
from deckbuilder.ingest.tatoeba import origin
from deckbuilder.models import Origin, Pair, Skipped


def test_tatoeba_reader_keeps_first_translation_and_ids(mini_corpus: Path) -> None:
    pairs = list(read_pairs(mini_corpus, strict=True))
    assert len(pairs) == 11  # 12 lines, one Chinese sentence with two translations
    first = pairs[0]
    assert first.zh == "我去银行取钱。"
    assert first.en == "I am going to the bank to get money."
    assert first.source == "tatoeba:101/201"
    assert first.score == 1.0
    assert not any(p.builtin for p in pairs)


def test_traditional_is_converted_and_original_kept(mini_corpus: Path) -> None:
    pair = next(p for p in read_pairs(mini_corpus) if p.source.startswith("tatoeba:102/"))
    assert pair.zh == "他们很喜欢这个城市。"
    assert pair.zh_original == "他們很喜歡這個城市。"


def test_to_simplified_leaves_simplified_text_alone() -> None:
    assert to_simplified("我们学习中文。") == "我们学习中文。"
    assert to_simplified("學習") == "学习"


def test_wrong_column_count_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("1\t你好。\t2\tHello.\n3\t只有两列\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        list(read_pairs(bad, strict=True))
    assert "bad.tsv:2: expected 4 tab-separated columns (zh_id, zh, en_id, en), found 2" in str(info.value)


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="nothing.tsv"):
        list(read_pairs(tmp_path / "nothing.tsv"))


# --- a user's Tatoeba export: read by tatoeba.py through the TSV reader ----------------------------------

# Sentence IDs and texts written for these tests; 7 has two translations, the direct one first.
EXPORT = (
    "7\t我每天早上喝茶。\t70\tI drink tea every morning.\n"
    "7\t我每天早上喝茶。\t71\tEvery morning I have tea.\n"
    "8\t這家書店很小。\t80\tThis bookshop is small.\n"
    "\n"
    "9\t明天会下雨吗？\t90\tWill it rain tomorrow?\n"
)


@pytest.mark.parametrize("name", ["export.tsv", "cmn-eng.txt"])
def test_user_tatoeba_export_gets_tatoeba_sources_and_first_translations(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(EXPORT, encoding="utf-8")
    pairs = list(read_inputs([path]))
    assert [(p.source, p.en) for p in pairs if isinstance(p, Pair)] == [
        ("tatoeba:7/70", "I drink tea every morning."),
        ("tatoeba:8/80", "This bookshop is small."),
        ("tatoeba:9/90", "Will it rain tomorrow?"),
    ]
    assert len(pairs) == 3
    assert pairs[1].zh == "这家书店很小。" and pairs[1].zh_original == "這家書店很小。"


def test_malformed_row_in_a_tatoeba_export_is_skipped_or_strict(tmp_path: Path) -> None:
    path = tmp_path / "export.tsv"
    path.write_text(EXPORT.replace("8\t這家書店很小。\t80\t", "8\t這家書店很小。\t"), encoding="utf-8")
    items = list(read_pairs(path))
    reason = "expected 4 tab-separated columns (zh_id, zh, en_id, en), found 3"
    assert items[1] == Skipped(str(path), 3, reason)
    assert [i.source for i in items if isinstance(i, Pair)] == ["tatoeba:7/70", "tatoeba:9/90"]
    with pytest.raises(InputError, match=rf"export\.tsv:3: {re.escape(reason)}; fix the row"):
        list(read_pairs(path, strict=True))


@pytest.mark.parametrize(
    ("rows", "why"),
    [
        (["70\tI drink tea every morning.\t7\t我每天早上喝茶。"], "English first"),
        (["7\t我每天早上喝茶。\t70\tI drink tea every morning.\tnote"], "five columns"),
    ],
)
def test_near_tatoeba_layouts_are_read_by_their_columns(tmp_path: Path, rows: list[str], why: str) -> None:
    path = tmp_path / "p.tsv"
    path.write_text("\n".join(rows * 2) + "\n", encoding="utf-8")
    pairs = list(read_pairs(path, strict=True))
    assert [(p.zh, p.en, p.source) for p in pairs] == [
        ("我每天早上喝茶。", "I drink tea every morning.", f"p.tsv:{n}") for n in (1, 2)
    ], why


def test_builtin_corpus_streams_from_the_hsg_package() -> None:
    pairs = read_builtin()
    first = [next(pairs) for _ in range(50)]
    assert all(p.source.startswith("tatoeba:") and p.zh and p.en for p in first)
    assert len({p.source.split("/")[0] for p in first}) == 50  # one pair per Chinese sentence
    assert all(p.builtin for p in first)  # unlike a user's file in the same layout


# --- built-in corpora -----------------------------------------------------------------------------------


def test_hsk_sentences_corpus_keeps_dataset_ids() -> None:
    from deckbuilder.ingest import read_hsk_sentences

    pairs = read_hsk_sentences()
    first = [next(pairs) for _ in range(20)]
    assert all(p.source.startswith("hsk-sentences-audio:") and p.zh and p.en for p in first)


def test_builtin_corpora_read_back_as_read() -> None:
    """The built-in corpora kept as a table (`derived`) give the pairs their readers give, marked built-in."""
    from dataclasses import replace

    from deckbuilder.ingest.builtin import BUILTIN

    for name, reader in BUILTIN.items():
        expected = [replace(p, builtin=True) for p in reader()]
        assert list(read_builtin((name,))) == expected  # kept now (or read and kept)
        assert list(read_builtin((name,))) == expected  # read back


def test_unknown_builtin_corpus_is_an_option_error() -> None:
    from deckbuilder.errors import OptionError

    with pytest.raises(OptionError, match="tatoeba, hsk-sentences") as info:
        list(read_builtin(("nope",)))
    assert info.value.option == "--builtin"


# --- known words ----------------------------------------------------------------------------------------


def test_known_plain_list_with_comments_and_traditional(tmp_path: Path) -> None:
    from deckbuilder.ingest import read_known

    f = tmp_path / "known.txt"
    f.write_text("# my words\n银行\n\n銀行卡\n学习  xuéxí\n", encoding="utf-8")
    assert read_known(f) == {"银行", "银行卡", "学习"}


def test_known_tsv_picks_the_word_column(tmp_path: Path) -> None:
    from deckbuilder.ingest import read_known

    f = tmp_path / "export.tsv"
    f.write_text("pinyin\tword\tmeaning\nyínháng\t银行\tbank\nxuéxí\t学习\tto study\n", encoding="utf-8")
    assert read_known(f) == {"银行", "学习"}
    g = tmp_path / "export.csv"
    g.write_text('"bank, money",银行\n"to study",学习\n', encoding="utf-8")
    assert read_known(g) == {"银行", "学习"}


def test_known_gb18030_list(tmp_path: Path) -> None:
    from deckbuilder.ingest import read_known

    f = tmp_path / "gb.txt"
    f.write_bytes("银行\n态度\n".encode("gb18030"))
    assert read_known(f) == {"银行", "态度"}


def test_known_from_an_anki_package_prefers_the_target_field(tmp_path: Path) -> None:
    from deckbuilder.apkg import DeckSpec, write_package
    from deckbuilder.ingest import read_known
    from deckbuilder.models import CLOZE, NoteSpec

    fields = {CLOZE: ("Text", "Hanzi", "Target"), "deckbuilder Sentence": ("Hanzi",)}
    note = NoteSpec(
        CLOZE, (("Text", "{{c1::银行}}"), ("Hanzi", "我去银行取钱。"), ("Target", "银行")), "g", (), 0
    )
    deck = tmp_path / "d.apkg"
    write_package(DeckSpec("t", "", fields, (note,)), deck)
    assert read_known(deck) == {"银行"}


@pytest.mark.parametrize("content", [b"", b"hello world\nonly english\n", b"\x00\x01\x02binary"])
def test_known_without_chinese_words_is_an_input_error(tmp_path: Path, content: bytes) -> None:
    from deckbuilder.ingest import read_known

    f = tmp_path / "k.txt"
    f.write_bytes(content)
    with pytest.raises(InputError, match="k.txt"):
        read_known(f)


def test_known_from_a_bare_anki_collection_in_the_current_schema(tmp_path: Path) -> None:
    """A learner's own collection file (Anki's current schema, field names in the `fields` table)."""
    collection = pytest.importorskip("anki.collection")
    from deckbuilder.ingest import read_known

    path = tmp_path / "mine.anki2"
    col = collection.Collection(str(path))
    try:
        basic = col.models.by_name("Basic")
        assert basic is not None
        note = col.new_note(basic)
        note["Front"], note["Back"] = "银行", "bank"
        col.add_note(note, col.decks.id("Default"))
    finally:
        col.close()
    assert read_known(path) == {"银行"}


@pytest.mark.parametrize(
    ("members", "message"),
    [({"collection.anki21b": b"\x28\xb5\x2f\xfd"}, "compressed"), ({"media": b"{}"}, "no collection")],
)
def test_known_from_unreadable_anki_packages(tmp_path: Path, members: dict[str, bytes], message: str) -> None:
    import zipfile

    from deckbuilder.ingest import read_known

    path = tmp_path / "k.apkg"
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    with pytest.raises(InputError, match=message):
        read_known(path)
    path.write_bytes(b"not a zip at all")
    with pytest.raises(InputError, match="not a zip"):
        read_known(path)


def test_tatoeba_ids_tell_which_side_was_written_first(tmp_path: Path) -> None:
    assert origin("120", "350") is Origin.ZH  # the Chinese is the older sentence
    assert origin("350", "120") is Origin.EN  # the Chinese was added later, as a translation
    assert origin("x", "1") is Origin.UNKNOWN
    path = tmp_path / "export.tsv"
    path.write_text("120\t我去银行。\t350\tI go to the bank.\n900\t他很好。\t310\tHe is fine.\n", "utf-8")
    assert [p.origin for p in read_pairs(path) if isinstance(p, Pair)] == [Origin.ZH, Origin.EN]


def test_the_graded_corpus_is_written_in_chinese_for_learners() -> None:
    assert next(iter(read_hsk_sentences())).origin is Origin.GRADED
