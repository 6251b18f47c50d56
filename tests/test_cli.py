"""The command line: help for every command, exit codes 0/1/2, report on stdout, errors on stderr."""

from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from deckbuilder.cli import app

runner = CliRunner()


def flat(text: str) -> str:
    """Rich draws usage errors in a wrapped box; compare the words only."""
    return " ".join(text.replace("│", " ").split())


def _commands() -> list[str]:
    return sorted(get_command(app).commands)  # type: ignore[attr-defined]


def test_top_level_help() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "make" in result.stdout


@pytest.mark.parametrize("command", _commands())
def test_every_command_has_help(command: str) -> None:
    assert get_command(app).commands[command].help, f"{command} has no help text"  # type: ignore[attr-defined]
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.stdout


@pytest.mark.parametrize("bad", ["hsk7", "hsk", "level5"])
def test_bad_level_is_a_usage_error(bad: str, tmp_path: Path) -> None:
    result = runner.invoke(app, ["make", "--level", bad, "-o", str(tmp_path / "x.apkg")])
    assert result.exit_code == 2
    assert "valid values: hsk1, hsk2, hsk3, hsk4, hsk5, hsk6" in flat(result.stderr)
    assert not (tmp_path / "x.apkg").exists()


def test_unwritable_output_is_one_clear_line(tmp_path: Path) -> None:
    target = tmp_path / "missing-dir" / "deck.apkg"
    result = runner.invoke(app, ["make", "--level", "hsk5", "--max-notes", "5", "-o", str(target)])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("deckbuild: error:") and "missing-dir" in lines[0]
    assert result.stdout == ""
    assert not target.exists()


def test_make_writes_deck_and_report(tmp_path: Path) -> None:
    out = tmp_path / "hsk5.apkg"
    result = runner.invoke(app, ["make", "--level", "HSK5", "--max-notes", "20", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert out.is_file()
    assert "HSK 2.0 level 5" in result.stdout
    assert "Notes:        40" in result.stdout
    assert "of 1,298 covered" in result.stdout
    assert str(out) in result.stdout


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("deckbuild ")


def test_levels_lists_every_standard_with_counts() -> None:
    result = runner.invoke(app, ["levels"])
    assert result.exit_code == 0
    out = result.stdout
    assert "HSK 2.0" in out and "2021" in out and "2025" in out
    assert "1,298 words" in out and "hsk7-9" in out


def test_bad_standard_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["make", "--level", "hsk5", "--standard", "4.0", "-o", str(tmp_path / "x.apkg")]
    )
    assert result.exit_code == 2
    assert "is not one of '2.0', '2021', '2025'" in flat(result.stderr)


def test_band_is_only_for_hsk3(tmp_path: Path) -> None:
    result = runner.invoke(app, ["make", "--level", "hsk7-9", "-o", str(tmp_path / "x.apkg")])
    assert result.exit_code == 2
    assert "valid values" in flat(result.stderr)


def test_missing_known_file_is_one_clear_line(tmp_path: Path) -> None:
    out = tmp_path / "x.apkg"
    result = runner.invoke(
        app, ["make", "--level", "hsk5", "--known", str(tmp_path / "nope.txt"), "-o", str(out)]
    )
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "nope.txt" in result.stderr
    assert not out.exists()


def test_ctrl_c_is_one_line_and_exit_130(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from deckbuilder import pipeline

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "build", interrupted)
    result = runner.invoke(app, ["make", "--level", "hsk5", "-o", str(tmp_path / "x.apkg")])
    assert result.exit_code == 130
    assert result.stderr.count("\n") == 1 and "interrupted" in result.stderr


def test_make_card_options_reach_the_deck(tmp_path: Path) -> None:
    from deckbuilder.preview import read_deck, summarise

    out, tpl = tmp_path / "custom.apkg", tmp_path / "tpl"
    tpl.mkdir()
    (tpl / "style.css").write_text(".card { color: teal; }", encoding="utf-8")
    args = ["make", "-l", "hsk3", "--max-notes", "3", "-o", str(out), "--cards", "reading,listening"]
    args += [
        "--hint",
        "none",
        "--pinyin-style",
        "ruby",
        "--deck-name",
        "Class 7b::Week 1",
        "--tag",
        "class::7b",
    ]
    result = runner.invoke(app, [*args, "--tag", "week1", "--templates", str(tpl)])
    assert result.exit_code == 0, result.stderr
    summary = summarise(read_deck(out))
    assert summary.decks == ("Class 7b::Week 1",)
    assert dict(summary.tags)["class::7b"] == dict(summary.tags)["week1"] == 6
    sentence = next(nt for nt in summary.note_types if nt.name == "deckbuilder Sentence")
    assert sentence.cards == (("Reading", 3), ("Listening", 3))
    assert all("teal" in nt.css for nt in read_deck(out).note_types.values() if nt.name.startswith("deck"))


@pytest.mark.parametrize(
    "extra",
    [["--cards", "reading,writing"], ["--hint", "colour"], ["--pinyin-style", "above"], ["--tag", "a b"]],
)
def test_bad_card_options_are_usage_errors(extra: list[str], tmp_path: Path) -> None:
    result = runner.invoke(app, ["make", "-l", "hsk3", "-o", str(tmp_path / "x.apkg"), *extra])
    assert result.exit_code == 2
    assert not (tmp_path / "x.apkg").exists()


# ---------------------------------------------------------------- deckbuild pinyin (issue 4)
def test_pinyin_argument_prints_textbook_line() -> None:
    result = runner.invoke(app, ["pinyin", "我在银行工作。"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "Wǒ zài yínháng gōngzuò.\n"


def test_pinyin_stdin_per_character_numbers() -> None:
    result = runner.invoke(
        app, ["pinyin", "--numbers", "--per-char", "--citation-tones"], input="你得走了。\n他跑得很快。\n"
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == ["ni3 dei3 zou3 le5", "ta1 pao3 de5 hen3 kuai4"]


def test_pinyin_readings_file_wins(tmp_path: Path) -> None:
    readings = tmp_path / "readings.tsv"
    readings.write_text("银行\tyin2 xing2\n", encoding="utf-8")
    result = runner.invoke(app, ["pinyin", "--numbers", "--readings", str(readings), "银行"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "yin2xing2\n"


def test_pinyin_bad_readings_file_is_one_clear_line(tmp_path: Path) -> None:
    readings = tmp_path / "readings.tsv"
    readings.write_text("银行 yin2 hang2\n", encoding="utf-8")
    result = runner.invoke(app, ["pinyin", "--readings", str(readings), "银行"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"{readings}:1:" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_make_fills_pinyin_fields_and_review_file(tmp_path: Path) -> None:
    out = tmp_path / "hsk5.apkg"
    options = ["--max-notes", "5", "--zhuyin", "--traditional", "taiwan", "-o", str(out)]
    result = runner.invoke(app, ["make", "--level", "hsk5", *options])
    assert result.exit_code == 0, result.stderr
    review = out.with_name("hsk5.review.tsv")
    assert review.is_file() and review.read_text(encoding="utf-8").startswith("sentence\tword\tpinyin")
    assert f"Review:       {review}" in result.stdout
