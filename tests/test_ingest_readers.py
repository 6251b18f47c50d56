"""Readers: sniffing, each pre-aligned format, encodings, interleaved and two-file documents, bad input."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from deckbuilder.errors import InputError, OptionError
from deckbuilder.ingest import read_document, read_pairs, sniff

ZH = ["图书馆早上九点开门。", "学生一次可以借三本书。", "二楼的阅览室很安静。"]
EN = [
    "The library opens at nine in the morning.",
    "Students can borrow three books at a time.",
    "It is quiet.",
]


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


# ------------------------------------------------------------------------------------------ pre-aligned
@pytest.mark.parametrize(
    ("name", "rows", "second"),
    [
        ("two.tsv", [f"{z}\t{e}" for z, e in zip(ZH, EN, strict=True)], "two.tsv:2"),
        ("swapped.tsv", [f"{e}\t{z}" for z, e in zip(ZH, EN, strict=True)], "swapped.tsv:2"),
        (  # Tatoeba layout: attributed by sentence IDs (tatoeba.py reads it)
            "tatoeba.tsv",
            [f"{10 + i}\t{z}\t{20 + i}\t{e}" for i, (z, e) in enumerate(zip(ZH, EN, strict=True))],
            "tatoeba:11/21",
        ),
        (
            "cmn.txt",
            [
                f"{e}\t{z}\tCC-BY 2.0 (France) Attribution: example #{i}"
                for i, (z, e) in enumerate(zip(ZH, EN, strict=True))
            ],
            "cmn.txt:2",
        ),
    ],
)
def test_tsv_layouts(tmp_path: Path, name: str, rows: list[str], second: str) -> None:
    path = write(tmp_path / name, "\n".join(rows) + "\n")
    assert sniff(path) == "tsv"
    pairs = list(read_pairs(path))
    assert [p.zh for p in pairs] == ZH
    assert [p.en for p in pairs] == EN
    assert pairs[1].source == second
    assert all(p.score == 1.0 for p in pairs)


def test_tab_indented_prose_is_text(tmp_path: Path) -> None:
    path = write(tmp_path / "novel.txt", "\tThe library opens at nine.\n\n\t图书馆九点开门。\n")
    assert sniff(path) == "text"


def test_tsv_header_row_is_skipped(tmp_path: Path) -> None:
    path = write(tmp_path / "h.tsv", "chinese\tenglish\n" + f"{ZH[0]}\t{EN[0]}\n")
    assert [p.source for p in read_pairs(path)] == ["h.tsv:2"]


def test_csv_with_quoted_commas(tmp_path: Path) -> None:
    path = write(tmp_path / "p.csv", 'zh,en\n图书馆，九点开门。,"The library opens, at nine."\n')
    (pair,) = read_pairs(path)
    assert pair.zh == "图书馆，九点开门。"
    assert pair.en == "The library opens, at nine."


def test_jsonl(tmp_path: Path) -> None:
    lines = [json.dumps({"zh": z, "en": e}, ensure_ascii=False) for z, e in zip(ZH, EN, strict=True)]
    path = write(tmp_path / "p.data", "\n".join(lines) + "\n")
    assert sniff(path) == "jsonl"
    assert [p.en for p in read_pairs(path)] == EN


def test_jsonl_bad_line_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path / "p.jsonl", json.dumps({"zh": ZH[0], "en": EN[0]}) + "\n\n{oops\n")
    with pytest.raises(InputError, match=r"p\.jsonl:3: invalid JSON"):
        list(read_pairs(path))


def test_tmx(tmp_path: Path) -> None:
    units = "".join(
        f'<tu><tuv xml:lang="en-US"><seg>{e}</seg></tuv><tuv xml:lang="zh-CN"><seg>{z}</seg></tuv></tu>'
        for z, e in zip(ZH, EN, strict=True)
    )
    head = '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en"/>'
    text = f"{head}<body>{units}</body></tmx>"
    path = write(tmp_path / "memory.xml", text)
    assert sniff(path) == "tmx"
    pairs = list(read_pairs(path))
    assert [p.zh for p in pairs] == ZH
    assert pairs[0].source == "memory.xml:tu1"


def test_malformed_tmx(tmp_path: Path) -> None:
    path = write(tmp_path / "bad.tmx", "<tmx><body><tu>\n<tuv></tmx>")
    with pytest.raises(InputError, match=r"bad\.tmx:\d+: malformed TMX"):
        list(read_pairs(path))


def test_forced_format_and_unknown_format(tmp_path: Path) -> None:
    path = write(tmp_path / "pairs.tsv", json.dumps({"zh": ZH[0], "en": EN[0]}) + "\n")
    assert sniff(path) == "tsv"  # the extension wins when sniffing
    assert [p.en for p in read_pairs(path, fmt="jsonl")] == [EN[0]]
    with pytest.raises(OptionError):
        list(read_pairs(path, fmt="docx"))


def test_forced_input_format_reaches_every_reader_through_read_inputs(tmp_path: Path) -> None:
    from deckbuilder.ingest import InputFormat, read_inputs
    from deckbuilder.models import Skipped

    # A title line without a tab: too few tab lines for sniffing to call this .txt file TSV.
    path = write(tmp_path / "notes.txt", f"Library words\n{ZH[0]}\t{EN[0]}\n{ZH[1]}\t{EN[1]}\n")
    assert sniff(path) is InputFormat.text
    with pytest.raises(InputError, match="one-language file"):  # read as plain text, judged English
        list(read_inputs([path]))
    items = list(read_inputs([path], InputFormat.tsv))
    assert items[0] == Skipped(str(path), 1, "expected 2 columns, found 1")
    assert [(i.zh, i.source) for i in items[1:]] == [
        (ZH[0], "notes.txt:2"),
        (ZH[1], "notes.txt:3"),
    ]
    assert list(read_inputs([path], "tsv")) == items  # a StrEnum: the plain name is the same format


@pytest.mark.parametrize("reader", ["read_inputs", "read_pairs", "read_document"])
def test_unknown_input_format_is_an_option_error_naming_the_option(tmp_path: Path, reader: str) -> None:
    import deckbuilder.ingest

    path = write(tmp_path / "p.tsv", f"{ZH[0]}\t{EN[0]}\n")
    read = getattr(deckbuilder.ingest, reader)
    with pytest.raises(
        OptionError, match="unknown format 'docx'; choose one of text, tsv, csv, jsonl, tmx"
    ) as info:
        result = read([path] if reader != "read_pairs" else path, "docx")
        list(result)
    assert info.value.option == "--input-format"


def test_row_with_the_wrong_column_count_is_skipped_or_strict(tmp_path: Path) -> None:
    from deckbuilder.models import Skipped

    path = write(tmp_path / "p.tsv", f"{ZH[0]}\t{EN[0]}\n{ZH[1]}\n{ZH[2]}\t{EN[2]}\tstray\n")
    items = list(read_pairs(path))
    assert [i.zh for i in items if not isinstance(i, Skipped)] == [ZH[0]]
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert [(s.line, s.reason) for s in skipped] == [
        (2, "expected 2 columns, found 1"),
        (3, "expected 2 columns, found 3"),
    ]
    with pytest.raises(InputError, match=r"p\.tsv:2: expected 2 columns, found 1"):
        list(read_pairs(path, strict=True))


def test_trailing_empty_cells_do_not_count(tmp_path: Path) -> None:
    path = write(tmp_path / "p.csv", f"{ZH[0]},{EN[0]},,\n{ZH[1]},{EN[1]}\n")
    assert [p.zh for p in read_pairs(path, strict=True)] == ZH[:2]


# -------------------------------------------------------------------------------------------- encodings
@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "utf-16-be", "gb18030"])
def test_encodings(tmp_path: Path, codec: str) -> None:
    text = "\n".join(f"{z}\t{e}" for z, e in zip(ZH, EN, strict=True)) + "\n"
    data = text.encode(codec)
    if codec == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    path = tmp_path / "p.tsv"
    path.write_bytes(data)
    assert [p.zh for p in read_pairs(path)] == ZH


def test_big5_is_read_and_simplified(tmp_path: Path) -> None:
    traditional = ["圖書館早上九點開門。", "學生一次可以借三本書。", "這個問題很難。"]
    text = "\n".join(f"{z}\t{e}" for z, e in zip(traditional, EN, strict=True)) + "\n"
    path = write(tmp_path / "big5.tsv", text, "big5")
    pairs = list(read_pairs(path))
    assert [p.zh_original for p in pairs] == traditional
    assert pairs[0].zh == "图书馆早上九点开门。"
    assert pairs[2].zh == "这个问题很难。"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b"  \n\n", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "a PNG image, not text"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "a PDF document, not text; save or export it"),
        (b"GIF8\x01\x00\x00\x00\x02\x00" * 5, "binary file"),
        (bytes(range(1, 32)) * 20, "binary data, not text"),
        (codecs.BOM_UTF32_LE + "图书馆".encode("utf-32-le"), "UTF-32 is not supported"),
        (
            "Caf\u00e9 cr\u00e8me br\u00fbl\u00e9e na\u00efve\t\u00e9t\u00e9\n".encode("latin-1") * 3,
            "cannot decode",
        ),
    ],
)
def test_bad_bytes(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "bad.tsv"
    path.write_bytes(data)
    with pytest.raises(InputError, match=message) as info:
        list(read_pairs(path))
    assert str(info.value).startswith(str(path))
    assert "\n" not in str(info.value)


def test_undecodable_byte_after_the_sample_names_its_line(tmp_path: Path) -> None:
    good = f"{ZH[0]}\t{EN[0]}\n" * 3000  # longer than the 64 KiB sniffing sample
    path = tmp_path / "late.tsv"
    path.write_bytes(good.encode() + b"\xff\xfe broken\tline\n")
    with pytest.raises(InputError, match=r"late\.tsv:3001: cannot decode"):
        list(read_pairs(path))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        list(read_pairs(tmp_path / "nope.tsv"))


def test_english_only_pairs_file(tmp_path: Path) -> None:
    path = write(tmp_path / "en.tsv", "hello\tworld\nfoo\tbar\n")
    with pytest.raises(InputError, match="no Chinese text"):
        list(read_pairs(path))


# ------------------------------------------------------------------------------------------- documents
INTERLEAVED = """\
A Day at the Library

图书馆的一天

May 4, 2021

2021年5月4日

The library opens at nine in the morning. Students can borrow three books at a time.

The reading room on the

图书馆早上九点开门。学生一次可以借三本书。

二楼的阅览室

second floor is quiet. Many people study there every day.

很安静。每天都有很多人在那里学习。
"""


def test_interleaved_document_rejoins_cut_sentences(tmp_path: Path) -> None:
    path = write(tmp_path / "day.txt", INTERLEAVED)
    assert sniff(path) == "text"
    (doc,) = read_document([path])
    assert doc.name == "day.txt"
    assert doc.zh[:2] == ("图书馆的一天", "2021年5月4日")
    assert doc.en[:2] == ("A Day at the Library", "May 4, 2021")
    assert doc.zh[2:] == (
        "图书馆早上九点开门。学生一次可以借三本书。",
        "二楼的阅览室很安静。每天都有很多人在那里学习。",
    )
    assert doc.en[3] == "The reading room on the second floor is quiet. Many people study there every day."
    assert doc.zh_lines[3] == 15


def test_several_documents_in_one_file(tmp_path: Path) -> None:
    second = INTERLEAVED.replace("A Day at the Library", "Another Day").replace("图书馆的一天", "又一天")
    path = write(tmp_path / "two.txt", INTERLEAVED + "\n" + second)
    docs = read_document([path])
    assert len(docs) == 2
    assert docs[1].en[0] == "Another Day"
    assert docs[1].zh[0] == "又一天"
    assert len(docs[0].zh) == len(docs[1].zh) == 4


EN_WRAPPED = """\
The library opens at nine in the morning, and students can
borrow three books at a time. The reading room upstairs is
quiet, and many people study there every day.

Last year the city built a new library by the river. It has
a large children's section, and parents often take their
children there at weekends.
"""
ZH_WRAPPED = """\
图书馆早上九点开门，学生一次可以借三
本书。楼上的阅览室很安静，每天都有很
多人在那里学习。

去年，市政府在河边建了一座新图书馆。
里面有一个很大的儿童区，父母常常在周
末带孩子去那里。
"""


def test_hard_wrapped_lines_are_joined(tmp_path: Path) -> None:
    (doc,) = read_document([write(tmp_path / "en.txt", EN_WRAPPED), write(tmp_path / "zh.txt", ZH_WRAPPED)])
    assert doc.name == "zh.txt"
    assert doc.en[0] == " ".join(EN_WRAPPED.split("\n\n")[0].split("\n"))
    assert doc.zh[0] == "".join(ZH_WRAPPED.split("\n\n")[0].split("\n"))
    assert "".join(doc.zh) == "".join(ZH_WRAPPED.split())
    assert all(p.endswith(("。", ".")) for p in doc.zh + doc.en)  # no paragraph ends mid-sentence
    assert doc.zh_lines[:2] == (1, 5)


def test_one_sentence_per_line_files_keep_their_lines(tmp_path: Path) -> None:
    zh = "图书馆的一天\n早上九点开门。\n学生可以借三本书。\n阅览室很安静\n很多人在那里学习。\n"
    en = "A Day at the Library\nIt opens at nine.\nStudents can borrow books.\nIt is quiet\nMany study.\n"
    (doc,) = read_document([write(tmp_path / "zh.txt", zh), write(tmp_path / "en.txt", en)])
    assert len(doc.zh) == len(doc.en) == 5


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"a.txt": "Only English here.\n\nAnd more English.\n"}, "no Chinese text"),
        ({"a.txt": "只有中文。\n\n还是中文。\n"}, "no English text"),
        ({"a.txt": "Only English.\n", "b.txt": "More English.\n"}, "no Chinese text"),
        ({"a.txt": "中文。\n", "b.txt": "还是中文。\n"}, "both files look Chinese"),
        ({"a.txt": "\n\n"}, "the file is empty"),
    ],
)
def test_bad_documents(tmp_path: Path, files: dict[str, str], message: str) -> None:
    paths = [write(tmp_path / name, text) for name, text in files.items()]
    with pytest.raises(InputError, match=message):
        read_document(paths)


def test_pre_aligned_file_is_not_a_document(tmp_path: Path) -> None:
    path = write(tmp_path / "p.tsv", f"{ZH[0]}\t{EN[0]}\n")
    with pytest.raises(InputError, match="pre-aligned tsv"):
        read_document([path])


def test_read_inputs_mixes_formats_and_pairs_one_language_files(tmp_path: Path) -> None:
    from deckbuilder.ingest import read_inputs
    from deckbuilder.models import Document, Pair

    tsv = write(tmp_path / "p.tsv", f"{ZH[0]}\t{EN[0]}\n")
    en = write(tmp_path / "story.en.txt", "\n\n".join(EN) + "\n")  # paragraphs: a document, not Moses
    zh = write(tmp_path / "story.zh.txt", "\n".join(ZH) + "\n")
    both = write(tmp_path / "day.txt", INTERLEAVED)
    items = list(read_inputs([tsv, en, both, zh]))
    assert [type(i) for i in items] == [Pair, Document, Document]
    assert items[1].name == "day.txt"  # the interleaved file comes first: the English file waits for its pair
    assert items[2].name == "story.zh.txt" and items[2].en == tuple(EN)


def test_read_inputs_reports_an_unpaired_one_language_file(tmp_path: Path) -> None:
    from deckbuilder.ingest import read_inputs

    zh = write(tmp_path / "zh.txt", "\n".join(ZH) + "\n")
    with pytest.raises(InputError, match=r"zh\.txt: no English file to pair"):
        list(read_inputs([zh]))


def test_block_cut_after_a_comma_is_rejoined(tmp_path: Path) -> None:
    text = (
        "Title\n\n标题\n\nThe library opens at nine. Students can borrow three books,\n\n"
        "图书馆九点开门。学生可以借三本书，\n\nand the reading room is quiet.\n\n阅览室很安静。\n"
    )
    (doc,) = read_document([write(tmp_path / "cut.txt", text)])
    assert doc.en[1].endswith("three books, and the reading room is quiet.")
    assert doc.zh[1].endswith("学生可以借三本书，阅览室很安静。")


# --- property-based: readers raise only InputError and keep every well-formed row ------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_FRAGMENTS = [
    b"\t",
    b"\n",
    b"\r\n",
    b",",
    b'"',
    b"{",
    b"}",
    b'{"zh": "',
    b'", "en": "',
    b"<tu>",
    b"</tu>",
    b'<tuv xml:lang="zh">',
    b"<seg>",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\x00",
    b"\xe4\xb8\xad",
    "图书馆".encode("gb18030"),
    "圖書館".encode("big5"),
    b"Hello.",
]
_BYTES = st.lists(st.one_of(st.sampled_from(_FRAGMENTS), st.binary(max_size=6)), max_size=40).map(b"".join)
_PROPERTY = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@_PROPERTY
@given(data=_BYTES, name=st.sampled_from(["f.tsv", "f.csv", "f.jsonl", "f.tmx", "f.txt", "f.dat"]))
def test_any_bytes_give_pairs_or_an_input_error(tmp_path: Path, data: bytes, name: str) -> None:
    from deckbuilder.ingest import read_inputs

    path = tmp_path / name
    path.write_bytes(data)
    try:
        items = list(read_inputs([path]))
    except InputError as exc:
        message = str(exc)
        assert message.startswith(str(path)) and "\n" not in message
    else:
        assert items  # a reader that finds nothing says so


_ZH_TEXT = st.text(alphabet="图书馆早上九点开门学生一次可以借三本书，。！？ 0123abc", min_size=1, max_size=20)
_EN_TEXT = st.builds(
    "{}{}{}".format,
    st.text(alphabet=st.characters(codec="ascii", exclude_categories=["Cc"]), max_size=15),
    st.sampled_from("AbZ"),
    st.text(alphabet=st.characters(codec="ascii", exclude_categories=["Cc"]), max_size=15),
)
_ROWS = st.lists(st.tuples(_ZH_TEXT, _EN_TEXT), min_size=1, max_size=25)


@_PROPERTY
@given(rows=_ROWS)
def test_tsv_reader_keeps_every_well_formed_row(tmp_path: Path, rows: list[tuple[str, str]]) -> None:
    import re

    expected = [(z.strip(), e.strip()) for z, e in rows if re.search(r"[\u4e00-\u9fff]", z)]
    path = tmp_path / "p.tsv"
    path.write_text("".join(f"{z}\t{e}\n" for z, e in rows), encoding="utf-8")
    if not expected:
        with pytest.raises(InputError, match="no Chinese text"):
            list(read_pairs(path, strict=True))
        return
    pairs = list(read_pairs(path, strict=True))
    assert [(p.zh_original, p.en) for p in pairs] == expected


@_PROPERTY
@given(rows=st.lists(st.tuples(_ZH_TEXT, st.text(max_size=30)), min_size=1, max_size=25))
def test_jsonl_reader_keeps_every_well_formed_row(tmp_path: Path, rows: list[tuple[str, str]]) -> None:
    import re

    expected = [(z.strip(), e.strip()) for z, e in rows if re.search(r"[\u4e00-\u9fff]", z) and e.strip()]
    path = tmp_path / "p.jsonl"
    path.write_text("".join(json.dumps({"zh": z, "en": e}) + "\n" for z, e in rows), encoding="utf-8")
    try:
        pairs = list(read_pairs(path))
    except InputError as exc:
        assert not expected and "no Chinese–English pairs" in str(exc)
        return
    assert [(p.zh_original, p.en) for p in pairs] == expected
