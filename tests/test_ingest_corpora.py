"""Open corpora: Moses line-aligned pairs and compressed (.gz, .bz2, .xz) inputs of every format."""

from __future__ import annotations

import bz2
import gzip
import lzma
from pathlib import Path

import pytest

from deckbuilder.errors import InputError
from deckbuilder.ingest import read_inputs, sniff
from deckbuilder.ingest.moses import profile, read_moses
from deckbuilder.models import Document, Pair

ZH = ["我每天早上喝一杯茶。", "这家书店周日不开门。", "他骑自行车去上班。", "今天的风很大。"]
EN = [
    "I drink a cup of tea every morning.",
    "This bookshop is closed on Sundays.",
    "He rides a bike to work.",
    "It is very windy today.",
]
COMPRESSORS = {".gz": gzip.compress, ".bz2": bz2.compress, ".xz": lzma.compress}


def write(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    return path


def compressed(path: Path, ext: str) -> Path:
    target = path.with_name(path.name + ext)
    target.write_bytes(COMPRESSORS[ext](path.read_bytes()))
    return target


# ---------------------------------------------------------------------------------------------- Moses
def test_opus_named_pair_is_read_line_by_line(tmp_path: Path) -> None:
    zh = write(tmp_path / "Films.en-zh.zh", ZH)
    en = write(tmp_path / "Films.en-zh.en", EN)
    items = list(read_inputs([en, zh]))  # the order of the files does not matter
    assert all(isinstance(i, Pair) for i in items)
    assert [(p.zh, p.en) for p in items] == list(zip(ZH, EN, strict=True))
    assert items[2].source == "Films.en-zh:3"


def test_equal_line_counts_without_paragraphs_are_a_moses_pair(tmp_path: Path) -> None:
    zh = write(tmp_path / "a.txt", ZH)
    en = write(tmp_path / "b.txt", EN)
    items = list(read_inputs([zh, en]))
    assert [type(i) for i in items] == [Pair] * 4
    assert items[0].source == "a:1"


def test_a_line_pair_without_chinese_is_left_out(tmp_path: Path) -> None:
    zh = write(tmp_path / "c.en-zh.zh", [ZH[0], "", ZH[1], "OK"])
    en = write(tmp_path / "c.en-zh.en", [EN[0], "Empty on the Chinese side.", EN[1], "OK"])
    assert [p.source for p in read_moses(zh, en)] == ["c.en-zh:1", "c.en-zh:3"]


def test_different_line_counts_are_a_document(tmp_path: Path) -> None:
    zh = write(tmp_path / "zh.txt", ZH)
    en = write(tmp_path / "en.txt", [*EN[:2], f"{EN[2]} {EN[3]}"])
    items = list(read_inputs([zh, en]))
    assert [type(i) for i in items] == [Document]


def test_paragraphs_of_as_many_lines_stay_a_document(tmp_path: Path) -> None:
    zh = write(tmp_path / "zh.txt", [ZH[0] + ZH[1], "", ZH[2] + ZH[3]])
    en = write(tmp_path / "en.txt", [f"{EN[0]} {EN[1]}", "", f"{EN[2]} {EN[3]}"])
    assert [type(i) for i in read_inputs([zh, en])] == [Document]


def test_forced_moses_pairs_what_would_be_a_document(tmp_path: Path) -> None:
    zh = write(tmp_path / "zh.txt", [ZH[0] + ZH[1], "", ZH[2] + ZH[3]])
    en = write(tmp_path / "en.txt", [f"{EN[0]} {EN[1]}", "", f"{EN[2]} {EN[3]}"])
    pairs = list(read_inputs([zh, en], "moses"))
    assert [p.source for p in pairs] == ["zh:1", "zh:3"]


def test_forced_moses_with_a_short_file_names_both_files_and_the_line(tmp_path: Path) -> None:
    zh = write(tmp_path / "x.zh", ZH)
    en = write(tmp_path / "x.en", EN[:3])
    with pytest.raises(InputError) as err:
        list(read_inputs([zh, en], "moses"))
    message = str(err.value)
    assert "\n" not in message
    assert message.startswith(f"{en}: ended at line 3 but {zh} goes on")


def test_opus_names_with_different_line_counts_are_an_error(tmp_path: Path) -> None:
    zh = write(tmp_path / "d.en-zh.zh", ZH)
    en = write(tmp_path / "d.en-zh.en", EN[:3])
    with pytest.raises(InputError, match=r"has 4 lines and .* 3; Moses files pair line by line"):
        list(read_inputs([zh, en]))


def test_profile_counts_without_holding_lines(tmp_path: Path) -> None:
    prose = write(tmp_path / "p.txt", [f"{EN[0]} {EN[1]}", "", EN[2]])
    found = profile(prose)
    assert (found.language, found.lines, found.blank, found.several, found.sampled) == ("en", 3, 1, 1, 2)
    assert not found.line_aligned
    assert profile(write(tmp_path / "z.txt", ZH)).line_aligned


# ------------------------------------------------------------------------------------------ compressed
@pytest.mark.parametrize("ext", [".gz", ".bz2", ".xz"])
def test_compressed_tsv_reads_like_plain(tmp_path: Path, ext: str) -> None:
    plain = write(tmp_path / "corpus.tsv", [f"{z}\t{e}" for z, e in zip(ZH, EN, strict=True)])
    packed = compressed(plain, ext)
    assert sniff(packed) == "tsv"  # the inner extension decides
    got = [(p.zh, p.en, p.score, p.source) for p in read_inputs([packed])]  # type: ignore[union-attr]
    assert got == [(p.zh, p.en, p.score, p.source) for p in read_inputs([plain])]  # type: ignore[union-attr]
    assert got[1][3] == "corpus.tsv:2"  # the source names the file as if it were plain


@pytest.mark.parametrize(
    ("name", "lines"),
    [
        ("c.jsonl", [f'{{"zh": "{z}", "en": "{e}"}}' for z, e in zip(ZH, EN, strict=True)]),
        (
            "c.tmx",
            ['<?xml version="1.0" encoding="UTF-8"?>', '<tmx version="1.4"><header/><body>']
            + [
                f'<tu><tuv xml:lang="zh"><seg>{z}</seg></tuv><tuv xml:lang="en"><seg>{e}</seg></tuv></tu>'
                for z, e in zip(ZH, EN, strict=True)
            ]
            + ["</body></tmx>"],
        ),
    ],
)
def test_every_pre_aligned_format_reads_compressed(tmp_path: Path, name: str, lines: list[str]) -> None:
    packed = compressed(write(tmp_path / name, lines), ".gz")
    assert [p.zh for p in read_inputs([packed])] == ZH  # type: ignore[union-attr]


def test_compressed_moses_pair_and_documents(tmp_path: Path) -> None:
    zh = compressed(write(tmp_path / "e.en-zh.zh", ZH), ".xz")
    en = compressed(write(tmp_path / "e.en-zh.en", EN), ".gz")
    pairs = list(read_inputs([zh, en]))
    assert [p.en for p in pairs] == EN  # type: ignore[union-attr]
    assert pairs[0].source == "e.en-zh:1"  # type: ignore[union-attr]
    text = compressed(write(tmp_path / "day.txt", [EN[0], "", ZH[0]]), ".bz2")
    assert [(type(i), i.name) for i in read_inputs([text])] == [(Document, "day.txt")]  # type: ignore[union-attr]


def test_compressed_without_its_extension_is_recognised(tmp_path: Path) -> None:
    plain = write(tmp_path / "rows.tsv", [f"{z}\t{e}" for z, e in zip(ZH, EN, strict=True)])
    hidden = tmp_path / "rows2.tsv"
    hidden.write_bytes(gzip.compress(plain.read_bytes()))
    assert [p.zh for p in read_inputs([hidden])] == ZH  # type: ignore[union-attr]


@pytest.mark.parametrize("cut", [None, 0.6])
def test_corrupt_or_truncated_archive_is_one_line_naming_it(tmp_path: Path, cut: float | None) -> None:
    path = tmp_path / "bad.tsv.gz"
    data = gzip.compress("".join(f"{z}\t{e}\n" for z, e in zip(ZH * 50, EN * 50, strict=True)).encode())
    path.write_bytes(data[: int(len(data) * cut)] if cut else b"\x1f\x8b\x08garbage, not deflate data")
    with pytest.raises(InputError) as err:
        list(read_inputs([path]))
    message = str(err.value)
    assert "\n" not in message and message.startswith(str(path))
    assert "corrupt or truncated gzip file" in message


# ------------------------------------------------------------------------------------------------ decks
def test_gzipped_input_gives_the_same_deck(mini_corpus: Path, tmp_path: Path) -> None:
    from deckbuilder.pipeline import BuildOptions, build
    from deckbuilder.preview import read_deck
    from deckbuilder.standards import parse_levels

    packed = tmp_path / "mini_tatoeba.tsv.gz"
    packed.write_bytes(gzip.compress(mini_corpus.read_bytes()))
    notes = []
    for name, source in (("plain", mini_corpus), ("gz", packed)):
        options = BuildOptions(parse_levels("hsk4"), output=tmp_path / f"{name}.apkg", inputs=(source,))
        build(options)
        deck = read_deck(tmp_path / f"{name}.apkg")
        notes.append(sorted((n.guid, n.fields, n.tags) for n in deck.notes.values()))
    assert notes[0] and notes[0] == notes[1]
