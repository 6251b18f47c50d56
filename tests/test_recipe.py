"""Recipes: deckbuild.toml → BuildOptions per deck; every mistake one line naming the line; the teacher's
edits (left-out sentences and words, their own sentences, corrected English) reach the deck."""

from pathlib import Path

import pytest

from deckbuilder.errors import InputError, OptionError, RecipeError
from deckbuilder.pipeline import BuildOptions, build
from deckbuilder.recipe import RECIPE_FILE, load, plan
from deckbuilder.standards import parse_levels

CLI_DEFAULTS = {"level": None, "inputs": None, "recipe": None, "max_new": 1, "hint": "pinyin"}


def _write(folder: Path, text: str) -> Path:
    path = folder / RECIPE_FILE
    path.write_text(text, encoding="utf-8")
    return path


GOOD = """\
# a class's decks
[defaults]
tags = ["class-7b"]
cards = ["reading", "production"]

[decks.hsk4]
level = "hsk4"
deck-name = "Class 7b::HSK 4"
key = "class-7b-hsk4"
inputs = ["texts/unit1.tsv"]
max-new = 2
exclude-words = ["态度"]
exclude-sentences = ["请把窗户打开。"]
extra = [{ zh = "这个菜的味道很好。", en = "This dish tastes very good." }, "texts/own.tsv"]
retire = ["listening"]

[decks.hsk4.english]
"我们应该保护环境。" = "We must protect the environment."

[decks."review-3"]
level = 3
tags = ["review"]
"""


@pytest.fixture()
def class_folder(tmp_path: Path) -> Path:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "unit1.tsv").write_text(
        "我们讨论了这个问题。\tWe discussed this problem.\n", "utf-8"
    )
    (tmp_path / "texts" / "own.tsv").write_text("她的态度很好。\tHer attitude is very good.\n", "utf-8")
    _write(tmp_path, GOOD)
    return tmp_path


def test_a_recipe_gives_each_deck_its_options(class_folder: Path) -> None:
    planned = plan(CLI_DEFAULTS, given=(), folder=class_folder)
    assert [name for name, _ in planned] == ["hsk4", "review-3"]
    hsk4, review = (options for _, options in planned)
    assert hsk4.levels == parse_levels("hsk4") and hsk4.deck == "Class 7b::HSK 4"
    assert hsk4.deck_key == "class-7b-hsk4" and hsk4.max_new == 2
    assert hsk4.inputs == (class_folder / "texts" / "unit1.tsv",)  # relative to the recipe's folder
    assert [k.value for k in hsk4.cards] == ["reading", "production"] and hsk4.tags == ("class-7b",)
    assert [k.value for k in hsk4.retire] == ["listening"]
    assert hsk4.exclude_words == ("态度",) and hsk4.exclude_sentences == ("请把窗户打开。",)
    assert hsk4.extra == (
        ("这个菜的味道很好。", "This dish tastes very good."),
        class_folder / "texts" / "own.tsv",
    )
    assert hsk4.english == (("我们应该保护环境。", "We must protect the environment."),)
    assert review.levels == parse_levels("hsk3") and review.tags == ("review",)  # its own tags win
    assert review.inputs == () and review.max_new == 1  # the command line's defaults where it says nothing
    assert hsk4.default_output() == class_folder / "decks" / "hsk4.apkg"
    assert review.default_output() == class_folder / "decks" / "review-3.apkg"


def test_given_options_override_the_recipe_and_defaults_do_not(class_folder: Path) -> None:
    values = {**CLI_DEFAULTS, "max_new": 3, "hint": "none"}
    planned = dict(plan(values, given={"hint"}, folder=class_folder))
    assert planned["hsk4"].max_new == 2  # max-new was not given: the recipe's value stays
    assert planned["hsk4"].hint == "none" and planned["review-3"].hint == "none"


def test_arguments_name_decks_or_override_the_inputs(class_folder: Path, mini_corpus: Path) -> None:
    named = plan({**CLI_DEFAULTS, "inputs": [Path("review-3")]}, given={"inputs"}, folder=class_folder)
    assert [name for name, _ in named] == ["review-3"]
    args = [Path("hsk4"), mini_corpus]
    (name, options), *rest = plan({**CLI_DEFAULTS, "inputs": args}, given={"inputs"}, folder=class_folder)
    assert name == "hsk4" and not rest and options.inputs == (mini_corpus,)
    with pytest.raises(InputError, match="neither a deck of .* nor an input file"):
        plan({**CLI_DEFAULTS, "inputs": [Path("hsk9")]}, given={"inputs"}, folder=class_folder)


def test_one_output_for_several_decks_is_a_usage_error(class_folder: Path, tmp_path: Path) -> None:
    values = {**CLI_DEFAULTS, "output": tmp_path / "x.apkg"}
    with pytest.raises(OptionError, match="cannot share one output"):
        plan(values, given={"output"}, folder=class_folder)


def test_without_a_recipe_the_command_line_is_the_deck(tmp_path: Path) -> None:
    ((name, options),) = plan({**CLI_DEFAULTS, "level": "hsk2"}, given={"level"}, folder=tmp_path)
    assert name == "" and options.levels == parse_levels("hsk2")
    with pytest.raises(OptionError, match="give a level"):
        plan(CLI_DEFAULTS, given=(), folder=tmp_path)


def test_a_given_recipe_is_read_from_anywhere(class_folder: Path, tmp_path: Path) -> None:
    other = tmp_path / "elsewhere"
    other.mkdir()
    planned = plan({**CLI_DEFAULTS, "recipe": class_folder / RECIPE_FILE}, given={"recipe"}, folder=other)
    assert planned[0][1].inputs == (class_folder / "texts" / "unit1.tsv",)


BAD = [
    (
        '[decks.a]\nlevel = "hsk4"\nlevle = "hsk3"\n',
        3,
        "unknown key 'levle' in [decks.a]; did you mean 'level'?",
    ),
    ('[decks.a]\nlevel = "hsk4"\ndeck_name = "X"\n', 3, "did you mean 'deck-name'?"),
    ('[decks.a]\nlevel = "hsk4"\n\nmax-new = "two"\n', 4, "max-new in [decks.a] must be a whole number"),
    ('[decks.a]\nlevel = "hsk4"\ncards = "reading"\n', 3, "cards in [decks.a] must be a list of texts"),
    ('[decks.a]\nlevel = "hsk4"\ninputs = ["nope.txt"]\n', 3, "must be an existing file; no file"),
    (
        '[defaults]\nknown = "nope.txt"\n[decks.a]\nlevel = "hsk4"\n',
        2,
        "known in [defaults] must be an existing",
    ),
    ('[decks.a]\nlevel = "hsk4"\nextra = [{ zh = "好" }]\n', 3, "extra in [decks.a] must be a list of"),
    ('[decks.a]\nlevel = "hsk4"\n[decks.a.english]\n"好" = 1\n', 3, "english in [decks.a] must be a table"),
    (
        '[decks.a]\nlevel = "hsk4"\nkey = "k"\n[decks.b]\nlevel = "hsk3"\nkey = "k"\n',
        6,
        "has the key 'k' of [decks.a]",
    ),
    (
        '[decks.a]\nlevel = "hsk4"\ndeck-name = "X"\n[decks.b]\nlevel = "hsk3"\ndeck-name = "X"\n',
        6,
        "deck name 'X'",
    ),
    ('[decks.a]\nlevel = "hsk4"\n[decks.b]\nlevel = "hsk4"\n', 3, "has the deck name"),  # the default names
    ('[decks.a]\nlevel = "hsk4"\noutput = "x"\n[decks.b]\nlevel = "hsk3"\noutput = "x.apkg"\n', 6, "writes"),
    ('[decks.a]\nlevel = "hsk4"\nhint = "colour"\n', 3, "hint: invalid value 'colour'"),
    ('[decks.a]\nlevel = "hsk12"\n', 2, "level: unknown level 'hsk12'"),
    ('[decks.a]\nlevel = "hsk4"\nretire = ["speaking"]\n', 3, "retire: unknown card type 'speaking'"),
    ('[decks.a]\ndeck-name = "X"\n', 1, "[decks.a] has no level"),
    ("[decks.a]\nlevel = \n", 2, "not valid TOML: Invalid value (column"),
    ('[decks.a]\nlevel = "hsk4"\n[decks.a]\n', 3, "not valid TOML: Cannot declare"),
    ('[deck.a]\nlevel = "hsk4"\n', 1, "unknown table 'deck'"),
    ('title = "x"\n', 1, "unknown table 'title'"),
    ('[defaults]\nlevel = "hsk4"\n', None, "no decks"),
    ('[decks."a/b"]\nlevel = "hsk4"\n', 1, "cannot name a file"),
    ('[decks."七年级"]\nlevel = "hsk4"\nmax-new = "x"\n', 3, "max-new in [decks.七年级] must be"),
]


@pytest.mark.parametrize(("text", "line", "message"), BAD, ids=[m for _, _, m in BAD])
def test_a_bad_recipe_is_one_line_naming_the_line(
    text: str, line: int | None, message: str, tmp_path: Path
) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(RecipeError) as caught:
        plan(CLI_DEFAULTS, given=(), folder=tmp_path)
    error = str(caught.value)
    assert error.startswith(f"{path}:{line}: " if line else f"{path}: "), error
    assert message in error and "\n" not in error


def test_a_missing_recipe_is_named(tmp_path: Path) -> None:
    with pytest.raises(RecipeError, match="no such recipe"):
        load(tmp_path / "nope.toml")


def test_a_bom_and_inline_deck_tables_are_read(tmp_path: Path) -> None:
    path = tmp_path / RECIPE_FILE
    path.write_text('\ufeff[decks]\nhsk2 = { level = "hsk2", hint = "none" }\n', encoding="utf-8")
    (deck,) = load(path).decks
    assert deck.name == "hsk2" and deck.values == {"level": "hsk2", "hint": "none"}


# ---------------------------------------------------------------- the teacher's edits reach the deck
def _notes(path: Path) -> dict[str, dict[str, str]]:
    """Target → fields of the deck's sentence notes."""
    from deckbuilder.preview import read_deck

    deck = read_deck(path)
    out = {}
    for note in deck.notes.values():
        fields = dict(zip(deck.note_types[note.note_type_id].fields, note.fields, strict=True))
        if "CardReading" in fields:
            out[fields["Target"]] = fields
    return out


def test_exclusions_extra_sentences_and_english_reach_the_deck(mini_corpus: Path, tmp_path: Path) -> None:
    level = parse_levels("hsk4")
    plain = build(BuildOptions(level, output=tmp_path / "plain.apkg", inputs=(mini_corpus,)))
    before = _notes(tmp_path / "plain.apkg")
    assert {"态度", "窗户", "复杂"} <= set(before)
    edited = BuildOptions(
        level,
        output=tmp_path / "edited.apkg",
        inputs=(mini_corpus,),
        exclude_words=("态度",),
        exclude_sentences=("请把 窗户打开。",),  # spaces do not matter
        extra=(("这个菜的味道很好。", "This dish tastes very good."),),
        english=(("这是一个复杂的问题。", "This is a hard question."),),
    )
    report = build(edited)
    after = _notes(tmp_path / "edited.apkg")
    assert "态度" not in after and "窗户" not in after
    assert report.level_words == plain.level_words - 1  # a word left out is not missing either
    missing = Path(report.missing_file).read_text(encoding="utf-8")
    assert "态度" not in missing and "窗户" in missing
    assert "extra:1" in after["味道"]["Source"]
    assert after["复杂"]["English"] == "This is a hard question."
    assert report.pairs_read == plain.pairs_read  # one sentence left out, one of the teacher's added


def test_the_teachers_own_sentences_come_first_and_win_ties() -> None:
    from deckbuilder.models import Pair
    from deckbuilder.pipeline.edits import edited, extra_pairs

    options = BuildOptions(
        parse_levels("hsk4"),
        extra=(("這個菜很好吃。", "This dish is tasty."),),
        exclude_sentences=("他在公司工作了3年。",),
        english=(("这个菜很好吃。", "This dish is delicious."),),
    )
    own = list(extra_pairs(options, read=lambda paths: iter(())))
    assert own[0].zh == "这个菜很好吃。" and own[0].zh_original == "這個菜很好吃。" and not own[0].builtin
    read = [Pair("他在公司工作了3年。", "He worked there.", "a:1"), Pair("我们走吧。", "Let's go.", "a:2")]
    out = list(edited([*own, *read], options))
    assert [p.zh for p in out] == ["这个菜很好吃。", "我们走吧。"]
    assert out[0].en == "This dish is delicious." and out[1].en == "Let's go."


def test_a_left_out_word_is_never_a_target_and_counts_as_new() -> None:
    from deckbuilder.grade.grader import Grader, Reading

    table = {"讨论": 4, "态度": 4, "我们": 1}
    grader = Grader(
        parse_levels("hsk4")[0], table=table, left_out=frozenset({"态度", "我们"}), known=frozenset({"我们"})
    )
    assert grader.level_words == {"讨论"}
    assert grader.is_new(Reading.LEFT_OUT) and "我们" not in grader.left_out  # a known word stays known
