from pathlib import Path

import pytest

from deckbuilder.pipeline import BuildOptions, build
from deckbuilder.standards import parse_levels


def test_build_from_a_small_corpus(mini_corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "hsk4.apkg"
    seen: list[str] = []
    report = build(
        BuildOptions(levels=parse_levels("hsk4"), output=out, inputs=(mini_corpus,)),
        progress=lambda label, done, total: seen.append(label),
    )
    assert out.is_file()
    assert report.level_name == "HSK 2.0 level 4"
    assert report.pairs_read == 11
    # 讨论, 态度, 保护, 复杂, 窗户 and 取 are the level-4 words of the fixture sentences.
    assert 3 <= report.covered <= 6
    assert report.notes == 2 * report.covered
    assert report.level_words == 598
    assert "Grading sentences" in seen
    missing = Path(report.missing_file).read_text(encoding="utf-8").splitlines()
    assert missing[0].startswith("# HSK 2.0 level 4") and len(missing) == 1 + 598 - report.covered


def test_output_directory_is_checked_before_the_work(mini_corpus: Path, tmp_path: Path) -> None:
    from deckbuilder.errors import OutputError

    with pytest.raises(OutputError, match="does not exist"):
        build(BuildOptions(parse_levels("hsk4"), output=tmp_path / "no" / "x.apkg", inputs=(mini_corpus,)))


def test_level_range_builds_one_subdeck_per_level(mini_corpus: Path, tmp_path: Path) -> None:
    levels = parse_levels("hsk3-4")
    report = build(BuildOptions(levels, output=tmp_path / "r.apkg", inputs=(mini_corpus,)))
    assert [name for name, _, _ in report.per_level] == ["HSK 2.0 level 3", "HSK 2.0 level 4"]
    assert report.level_words == 298 + 598


def test_deck_name_names_the_standard() -> None:
    assert BuildOptions(parse_levels("hsk5")).deck == "deckbuilder::HSK 2.0::Level 5"
    assert BuildOptions(parse_levels("hsk7-9", "2021")).deck == "deckbuilder::HSK 3.0 (2021)::Level 7-9"
    assert BuildOptions(parse_levels("hsk3-5")).deck == "deckbuilder::HSK 2.0"  # the levels are sub-decks
    assert BuildOptions(parse_levels("hsk3"), deck_name="Class 7b").deck == "Class 7b"


def _notes(path: Path) -> dict[str, tuple[int, str]]:
    """GUID → (note type id, Target field) of every note in an .apkg."""
    from deckbuilder.preview import read_deck

    deck = read_deck(path)
    target = {nt.id: nt.fields.index("Target") for nt in deck.note_types.values()}
    return {n.guid: (n.note_type_id, n.fields[target[n.note_type_id]]) for n in deck.notes.values()}


def test_known_words_remove_notes_and_keep_the_other_guids(tmp_path: Path) -> None:
    level = parse_levels("hsk5")
    first = tmp_path / "a.apkg"
    build(BuildOptions(levels=level, output=first, max_notes=12, builtin=("hsk-sentences",)))
    before = _notes(first)
    targets = sorted({t for _, t in before.values()})
    known = tmp_path / "known.txt"
    known.write_text("\n".join(targets[:3]) + "\n", encoding="utf-8")
    second = tmp_path / "b.apkg"
    build(BuildOptions(levels=level, output=second, max_notes=12, builtin=("hsk-sentences",), known=known))
    after = _notes(second)
    assert not {t for _, t in after.values()} & set(targets[:3])  # known words are never targets
    kept = [g for g, (_, t) in before.items() if t not in targets[:3]]
    assert kept and all(g in after for g in kept)  # the remaining notes keep their GUIDs
