from pathlib import Path

from deckbuilder.grade import parse_level
from deckbuilder.pipeline import BuildOptions, build, deck_name


def test_build_from_a_small_corpus(mini_corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "hsk4.apkg"
    seen: list[str] = []
    report = build(
        BuildOptions(level=parse_level("hsk4"), output=out, corpus=mini_corpus),
        progress=lambda label, done, total: seen.append(label),
    )
    assert out.is_file()
    assert report.level_name == "HSK 2.0 level 4"
    assert report.pairs_read == 11
    # 讨论, 态度, 保护, 复杂, 窗户 and 取 are the level-4 words of the fixture sentences.
    assert 4 <= report.covered <= 6
    assert report.notes == 2 * report.covered
    assert report.level_words == 598
    assert "Grading sentences" in seen


def test_deck_name_names_the_standard() -> None:
    assert deck_name(parse_level("hsk5")) == "deckbuilder::HSK 2.0::Level 5"
