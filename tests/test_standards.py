"""The HSK standards: levels as the command line spells them, names, deck names, tags, word counts."""

import pytest

from deckbuilder.errors import OptionError
from deckbuilder.standards import Level, Standard, level_counts, listing, parse_level, parse_levels


@pytest.mark.parametrize("text", ["hsk5", "HSK5", " Hsk5 ", "5"])
def test_parse_level_accepts_spellings(text: str) -> None:
    level = parse_level(text)
    assert level == Level("2.0", 5)
    assert level.name == "HSK 2.0 level 5"
    assert level.slug == "hsk5"


def test_parse_levels_band_and_ranges() -> None:
    assert parse_levels("hsk7-9", "2021") == (Level("2021", 7),)
    assert parse_levels("hsk7-9", "2021")[0].label == "7-9"
    assert parse_levels("hsk3-5") == (Level("2.0", 3), Level("2.0", 4), Level("2.0", 5))
    assert parse_levels("hsk5-9", "2025")[-1] == Level("2025", 7)
    assert parse_level("hsk4", "2025").name == "HSK 3.0 (2025 syllabus) level 4"


BAD_LEVELS = [("hsk7", "2.0"), ("hsk7-9", "2.0"), ("hsk", "2.0"), ("level5", "2.0"), ("hsk5-3", "2.0"),
              ("hsk8", "2021")]  # fmt: skip


@pytest.mark.parametrize(("text", "standard"), BAD_LEVELS)
def test_parse_level_rejects_others_listing_valid_values(text: str, standard: str) -> None:
    with pytest.raises(OptionError, match="valid values: hsk1, hsk2, hsk3, hsk4, hsk5, hsk6"):
        parse_level(text, standard)


@pytest.mark.parametrize(
    ("standard", "expected"),
    [
        (
            "2.0",
            {1: (140, 160), 2: (140, 160), 3: (290, 310), 4: (590, 610), 5: (1290, 1310), 6: (2490, 2510)},
        ),
        ("2021", {1: (500, 510), 2: (740, 760), 3: (940, 960), 5: (1000, 1100), 7: (5500, 5700)}),
        ("2025", {1: (290, 310), 4: (950, 1050), 7: (5500, 5700)}),
    ],
)
def test_standard_word_counts_are_sane(standard: str, expected: dict[int, tuple[int, int]]) -> None:
    counts = {lv.level: n for lv, n in level_counts(standard)}
    for level, (low, high) in expected.items():
        assert low <= counts[level] <= high, (standard, level, counts[level])


# --- reading classes and the i+1 rule --------------------------------------------------------------------


def test_an_unknown_level_names_the_option() -> None:
    with pytest.raises(OptionError) as info:
        parse_level("hsk9")
    assert info.value.option == "--level"


def test_names_tags_and_deck_names() -> None:
    band = Level(Standard.HSK2021, 7)
    assert (band.label, band.slug, band.tag) == ("7-9", "hsk2021-7-9", "hsk2021::7-9")
    assert band.name == "HSK 3.0 (2021 standard) level 7-9"
    assert band.deck_name == "deckbuilder::HSK 3.0 (2021)::Level 7-9"
    five = parse_level("hsk5")
    assert (five.tag, five.deck_name) == ("hsk2.0::5", "deckbuilder::HSK 2.0::Level 5")
    assert Level("2.0", 5) == Level(Standard.HSK2, 5)  # the enum is the text the lists are keyed by


def test_listing_counts_every_standard() -> None:
    lines = listing().lines()
    assert lines[0] == "HSK 2.0 (2009 word lists)  (--standard 2.0)"
    assert any(line.startswith("  hsk5 ") and "1,298 words" in line for line in lines)
    assert sum(line.startswith("HSK") for line in lines) == 3
