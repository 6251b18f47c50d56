"""The command line: help for every command, exit codes 0/1/2, report on stdout, errors on stderr."""

import json
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
    sentence = next(nt for nt in summary.note_types if nt.name == "deckbuilder Sentence · Class 7b::Week 1")
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


@pytest.mark.parametrize("command", [["pinyin", "银行"], ["gloss", "银行"], ["make", "-l", "hsk3"]])
def test_missing_readings_file_is_one_line_like_every_input(tmp_path: Path, command: list[str]) -> None:
    out = ["-o", str(tmp_path / "x.apkg")] if command[0] == "make" else []
    result = runner.invoke(app, [*command, *out, "--readings", str(tmp_path / "nope.tsv")])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"deckbuild: error: {tmp_path / 'nope.tsv'}: readings file not found"
    ]
    assert not (tmp_path / "x.apkg").exists()


def test_pinyin_takes_the_cards_own_spelling_back(tmp_path: Path) -> None:
    """A review.tsv row as written, corrected in the card's spelling, BOM and header included."""
    readings = tmp_path / "hsk4.review.tsv"
    readings.write_text("\ufeffsentence\tword\tpinyin\n他教会了我。\t教会\tjiàohuì\n", encoding="utf-8")
    result = runner.invoke(app, ["pinyin", "--numbers", "--readings", str(readings), "教会"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "jiao4hui4\n"


# ---------------------------------------------------------------- deckbuild gloss (issue 12)
def _rows(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


def test_gloss_argument_prints_one_json_object_per_token() -> None:
    result = runner.invoke(app, ["gloss", "吃完饭后我们去散步。"])
    assert result.exit_code == 0, result.stderr
    rows = _rows(result.stdout)
    assert "".join(r["word"] for r in rows) == "吃完饭后我们去散步。"
    assert all(set(r) == {"line", "word", "pinyin", "trad", "senses", "composed"} for r in rows)
    assert {r["line"] for r in rows} == {1}
    after = next(r for r in rows if r["word"] == "后")
    assert (after["trad"], after["pinyin"]) == ("後", "hou4")
    assert after["senses"][0] in ("after", "afterwards", "later")
    assert next(r for r in rows if r["word"] == "。")["senses"] == []


def test_gloss_stdin_numbers_lines_and_reads_the_english() -> None:
    question = "这个字是什么意思？"
    result = runner.invoke(
        app, ["gloss"], input=f"{question}\n\n{question}\tWhat does this character mean?\n"
    )
    assert result.exit_code == 0, result.stderr
    rows = _rows(result.stdout)
    meaning = {r["line"]: r["senses"] for r in rows if r["word"] == "意思"}
    assert set(meaning) == {1, 3}  # the blank line keeps its number
    assert meaning[1][0] == "idea" and meaning[3][0] == "meaning"


def test_gloss_reads_traditional_input_as_written() -> None:
    result = runner.invoke(app, ["gloss"], input="他三天後回來。\n")
    assert result.exit_code == 0, result.stderr
    rows = _rows(result.stdout)
    assert [r["word"] for r in rows][:4] == ["他", "三", "天", "后"]  # simplified, as on the cards
    assert rows[3]["trad"] == "後"


def test_gloss_marks_composed_glosses() -> None:
    result = runner.invoke(app, ["gloss", "他看到了交通事故。"])  # no entry: glossed from its parts
    crash = next(r for r in _rows(result.stdout) if r["word"] == "交通事故")
    assert crash["composed"] is True and "交通" in crash["senses"][0] and "+" in crash["senses"][0]


def test_gloss_without_input_prints_nothing() -> None:
    result = runner.invoke(app, ["gloss"], input="")
    assert (result.exit_code, result.stdout) == (0, "")


def test_make_fills_pinyin_fields_and_review_file(tmp_path: Path) -> None:
    out = tmp_path / "hsk5.apkg"
    options = ["--max-notes", "5", "--zhuyin", "--traditional", "taiwan", "-o", str(out)]
    result = runner.invoke(app, ["make", "--level", "hsk5", *options])
    assert result.exit_code == 0, result.stderr
    review = out.with_name("hsk5.review.tsv")
    assert review.is_file() and review.read_text(encoding="utf-8").startswith("sentence\tword\tpinyin")
    assert f"Review:       {review}" in result.stdout


# ---------------------------------------------------------------- issue 11: a thin CLI that behaves
def test_flags_look_like_flags_in_help() -> None:
    result = runner.invoke(app, ["make", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "<bool>" not in result.stdout
    assert "<text|tsv|csv|jsonl|tmx|" in result.stdout and "<pinyin|gloss|both|none>" in result.stdout


def test_library_option_errors_are_usage_errors(tmp_path: Path) -> None:
    """An OptionError raised below the CLI (not by Typer) is exit 2 in Click's usage style, naming it."""
    result = runner.invoke(app, ["make", "-l", "hsk3", "--builtin", "opus", "-o", str(tmp_path / "x.apkg")])
    assert result.exit_code == 2
    text = flat(result.stderr)
    assert (
        text.startswith("Usage: deckbuild make")
        and "'--builtin'" in text
        and "tatoeba, hsk-sentences" in text
    )
    assert not (tmp_path / "x.apkg").exists()


def test_output_without_suffix_gets_apkg(tmp_path: Path, mini_corpus: Path) -> None:
    result = runner.invoke(app, ["make", "-l", "hsk4", str(mini_corpus), "-o", str(tmp_path / "mydeck")])
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "mydeck.apkg").is_file() and not (tmp_path / "mydeck").exists()
    assert f"Output:       {tmp_path / 'mydeck.apkg'}" in result.stdout


def test_warnings_come_after_the_report(tmp_path: Path, mini_corpus: Path) -> None:
    src = tmp_path / "pairs.tsv"
    src.write_text(mini_corpus.read_text(encoding="utf-8") + "1\t只有三列\t2\n", encoding="utf-8")
    result = runner.invoke(app, ["make", "-l", "hsk4", str(src), "-o", str(tmp_path / "d.apkg")])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[-1].startswith("Time:")
    assert "left out 1 malformed row(s)" in result.stderr


def test_with_builtin_adds_the_builtin_corpora(tmp_path: Path, mini_corpus: Path) -> None:
    args = ["make", "-l", "hsk4", str(mini_corpus), "--max-notes", "3", "--builtin", "hsk-sentences"]
    alone = runner.invoke(app, [*args, "-o", str(tmp_path / "a.apkg")])
    both = runner.invoke(app, [*args, "--with-builtin", "-o", str(tmp_path / "b.apkg")])
    assert alone.exit_code == both.exit_code == 0, both.stderr
    assert "Pairs read:   11" in alone.stdout
    read = int(
        next(ln for ln in both.stdout.splitlines() if ln.startswith("Pairs read"))
        .split()[-1]
        .replace(",", "")
    )
    assert read > 4000  # the fixture's pairs and the hsk-sentences corpus
    assert "From files:" in both.stdout and "From files:" not in alone.stdout


def test_forced_input_format_reads_what_sniffing_would_not(tmp_path: Path) -> None:
    src = tmp_path / "library.tsv"  # named like pairs, but an interleaved English/Chinese document
    paragraphs = [
        "The library opens at nine.",
        "图书馆九点开门。",
        "Students can borrow three books.",
        "学生可以借三本书。",
    ]
    src.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    out = tmp_path / "pairs.tsv"
    sniffed = runner.invoke(app, ["align", str(src), "-o", str(out)])
    assert sniffed.exit_code == 1 and "at least two columns" in sniffed.stderr
    forced = runner.invoke(app, ["align", str(src), "-o", str(out), "--input-format", "text"])
    assert forced.exit_code == 0, forced.stderr
    assert "Documents:    1 aligned" in forced.stdout and "Pairs:        2 written" in forced.stdout
    bad = runner.invoke(app, ["align", str(src), "-o", str(out), "--input-format", "docx"])
    assert bad.exit_code == 2 and "'docx' is not one of" in flat(bad.stderr)


def test_cache_info_and_clear(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mini_corpus: Path) -> None:
    monkeypatch.setenv("DECKBUILDER_CACHE_DIR", str(tmp_path / "cache"))
    empty = runner.invoke(app, ["cache", "info"])
    assert empty.exit_code == 0 and "Size:      0.0 MB" in empty.stdout
    assert (
        runner.invoke(app, ["make", "-l", "hsk4", str(mini_corpus), "-o", str(tmp_path / "d")]).exit_code == 0
    )
    info = runner.invoke(app, ["cache", "info"])
    assert info.exit_code == 0 and f"Path:      {tmp_path / 'cache' / 'cache.sqlite'}" in info.stdout
    assert "enrich:" in info.stdout and "segment:" not in info.stdout  # grading's cuts are not kept
    cleared = runner.invoke(app, ["cache", "clear"])
    assert cleared.exit_code == 0 and cleared.stdout.startswith(f"Cleared {tmp_path / 'cache'} (")
    assert not (tmp_path / "cache" / "cache.sqlite").exists()


def test_an_unexpected_error_is_one_line_unless_debugging(monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess
    import sys

    code = (
        "import deckbuilder.standards as s\n"
        "def boom():\n    raise RuntimeError('kaboom')\n"
        "s.listing = boom\n"
        "import sys; sys.argv = ['deckbuild', 'levels']\n"
        "from deckbuilder.cli import main; main()\n"
    )
    env = {k: v for k, v in __import__("os").environ.items() if k != "DECKBUILDER_DEBUG"}
    quiet = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert quiet.returncode == 1
    assert (
        quiet.stderr == "deckbuild: internal error: RuntimeError: kaboom (DECKBUILDER_DEBUG=1 shows more)\n"
    )
    loud = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env={**env, "DECKBUILDER_DEBUG": "1"}
    )
    assert loud.returncode == 1 and "Traceback" in loud.stderr and "kaboom" in loud.stderr


# ---------------------------------------------------------------- issue 13: templates checked before writing
def test_template_naming_no_field_is_a_usage_error_before_anything_is_written(tmp_path: Path) -> None:
    tpl = tmp_path / "tpl"
    tpl.mkdir()
    (tpl / "sentence_back.html").write_text("<div>\n{{Hanzi}}\n{{Nonexistent}}</div>\n", encoding="utf-8")
    out = tmp_path / "x.apkg"
    result = runner.invoke(
        app, ["make", "-l", "hsk3", "--max-notes", "3", "-o", str(out), "--templates", str(tpl)]
    )
    assert result.exit_code == 2
    text = "".join(flat(result.stderr).split())  # the box wraps the long path anywhere
    assert "sentence_back.html:3:{{Nonexistent}}namesnofieldoftheSentencenotetype" in text
    assert "'--templates'" in text and not out.exists()


def test_init_then_make_builds_every_deck_of_the_recipe(
    tmp_path: Path, mini_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    wrote = runner.invoke(app, ["init"])
    assert wrote.exit_code == 0 and "deckbuild.toml" in wrote.stdout
    again = runner.invoke(app, ["init"])
    assert again.exit_code == 1 and again.stderr.count("\n") == 1 and "--force" in again.stderr
    recipe = tmp_path / "deckbuild.toml"
    text = recipe.read_text(encoding="utf-8").replace('level = "hsk1"', 'level = "hsk4"')
    recipe.write_text(text + '\n[decks.review]\nlevel = "hsk3"\ntags = ["review"]\n', encoding="utf-8")
    both = runner.invoke(app, ["make", str(mini_corpus), "--max-notes", "2"])  # the file: every deck's input
    assert both.exit_code == 0, both.stderr
    assert "Deck:         hsk1" in both.stdout and "Deck:         review" in both.stdout
    assert (tmp_path / "decks" / "hsk1.apkg").is_file() and (tmp_path / "decks" / "review.apkg").is_file()
    one = runner.invoke(app, ["make", "review", str(mini_corpus), "-o", str(tmp_path / "r.apkg")])
    assert one.exit_code == 0, one.stderr
    assert "Deck:         review" in one.stdout and "hsk1" not in one.stdout
    assert (tmp_path / "r.apkg").is_file()


def test_a_bad_recipe_is_exit_1_and_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "deckbuild.toml").write_text('[decks.a]\nlevel = "hsk4"\nmax-new = "2"\n', encoding="utf-8")
    result = runner.invoke(app, ["make"])
    assert result.exit_code == 1 and result.stdout == ""
    assert (
        result.stderr == "deckbuild: error: deckbuild.toml:3: max-new in [decks.a] must be a whole number\n"
    )
    given = runner.invoke(app, ["make", "--recipe", str(tmp_path / "none.toml")])
    assert given.exit_code == 1 and "none.toml: no such recipe" in given.stderr


def _moses(tmp_path: Path, zh: list[str], en: list[str]) -> list[str]:
    (tmp_path / "t.en-zh.zh").write_text("".join(f"{s}\n" for s in zh), encoding="utf-8")
    (tmp_path / "t.en-zh.en").write_text("".join(f"{s}\n" for s in en), encoding="utf-8")
    return [str(tmp_path / "t.en-zh.zh"), str(tmp_path / "t.en-zh.en")]


def test_align_all_writes_every_bead_flagged(tmp_path: Path) -> None:
    text = "We read.\n\n我们看书。\n\nThe rain stopped at noon.\n\n雨在中午停了。\n"
    (tmp_path / "doc.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "all.tsv"
    args = ["align", str(tmp_path / "doc.txt"), "-o", str(out), "--min-score", "1", "--all"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    rows = [r.split("\t") for r in out.read_text(encoding="utf-8").splitlines()]
    assert [(r[0], r[3]) for r in rows] == [("我们看书。", "low"), ("雨在中午停了。", "low")]
    assert "written flagged low" in result.stdout
    jsonl = ["align", args[1], "-o", str(tmp_path / "all.jsonl"), "--format", "jsonl", "--all"]
    result = runner.invoke(app, jsonl)
    records = [json.loads(r) for r in (tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {r["status"] for r in records} == {"ok"}
    result = runner.invoke(app, args[:-1])  # without --all the low pairs are left out, as before
    assert out.read_text(encoding="utf-8") == ""


def test_align_moses_pair_and_a_short_file(tmp_path: Path) -> None:
    out = tmp_path / "pairs.tsv"
    files = _moses(tmp_path, ["我们看书。", "雨停了。"], ["We read.", "The rain stopped."])
    result = runner.invoke(app, ["align", *files, "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert "Documents:    0 aligned" in result.stdout
    rows = out.read_text(encoding="utf-8").splitlines()
    assert rows == ["我们看书。\tWe read.\t1.000", "雨停了。\tThe rain stopped.\t1.000"]
    files = _moses(tmp_path, ["我们看书。", "雨停了。"], ["We read."])
    result = runner.invoke(app, ["align", *files, "-o", str(out), "--input-format", "moses"])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert f"{files[1]}: ended at line 1 but {files[0]} goes on" in result.stderr
