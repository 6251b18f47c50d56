import pytest

from deckbuilder.errors import OptionError
from deckbuilder.grade import Grader, SelectOptions, parse_level, select
from deckbuilder.models import Kind, Level, Pair, Sentence, Token

# A toy level table written for these tests: level 1 basics, level 2 is the target level here.
TABLE = {
    "我": 1,
    "去": 1,
    "钱": 1,
    "取": 1,
    "很": 1,
    "好": 1,
    "是": 1,
    "的": 1,
    "了": 1,
    "银行": 2,
    "态度": 2,
    "讨论": 2,
    "问题": 2,
    "复杂": 3,
}
LEVEL = Level("2.0", 2)


def sent(*words: str, en: str = "x", kinds: dict[str, Kind] | None = None, freq: int = 1000) -> Sentence:
    kinds = kinds or {}
    toks = tuple(Token(w, kinds.get(w, Kind.PUNCT if w in "。，！" else Kind.WORD), freq) for w in words)
    return Sentence(Pair("".join(words), en, "t"), toks)


@pytest.mark.parametrize("text", ["hsk5", "HSK5", " Hsk5 "])
def test_parse_level_accepts_spellings(text: str) -> None:
    level = parse_level(text)
    assert level == Level("2.0", 5)
    assert level.name == "HSK 2.0 level 5"
    assert level.slug == "hsk5"


@pytest.mark.parametrize("text", ["hsk7", "5x", "", "level5"])
def test_parse_level_rejects_others_listing_valid_values(text: str) -> None:
    with pytest.raises(OptionError, match="hsk1, hsk2, hsk3, hsk4, hsk5, hsk6"):
        parse_level(text)


def test_targets_are_exactly_the_level() -> None:
    g = Grader(LEVEL, TABLE)
    s = sent("我", "去", "银行", "取", "钱", "。")
    assert g.targets(s) == [2]


def test_word_above_level_makes_sentence_unreadable() -> None:
    g = Grader(LEVEL, TABLE)
    assert g.targets(sent("问题", "很", "复杂", "。")) is None


def test_free_tokens_and_readable_unlisted_words() -> None:
    g = Grader(LEVEL, TABLE)
    names = {"汤姆": Kind.NAME, "3": Kind.NUMBER, "OK": Kind.LATIN}
    assert g.targets(sent("汤姆", "去", "银行", "取", "3", "OK", "。", kinds=names)) == [2]
    # 好钱 is unlisted but both characters occur in listed words of level ≤ 2: readable.
    assert g.targets(sent("好钱", "银行", "。")) == [1]
    # 犹豫 is unlisted and its characters are not known: unreadable.
    assert g.targets(sent("犹豫", "银行", "。")) is None


def test_select_one_sentence_per_word_easiest_first() -> None:
    g = Grader(LEVEL, TABLE)
    long = sent("我", "去", "银行", "取", "钱", "了", "。")
    short = sent("银行", "。")
    other = sent("她", "的", "态度", "很", "好", "。", kinds={"她": Kind.NAME})
    sel = select([long, short, other], g)
    by_word = {c.target: c for c in sel.choices}
    assert set(by_word) == {"银行", "态度"}
    assert by_word["银行"].sentence is long  # the one-word sentence gives a cloze nothing to infer from
    assert sel.graded == 3 and sel.candidates == 3
    assert sel.level_words == 4 and set(sel.missing) == {"讨论", "问题"}
    assert sorted(c.order for c in sel.choices) == [0, 1]


def test_a_sentence_teaches_one_word_and_scarce_words_choose_first() -> None:
    g = Grader(LEVEL, TABLE)
    both = sent("我", "讨论", "了", "问题", "。")
    only_problem = sent("问题", "很", "好", "。")
    sel = select([both, only_problem], g, SelectOptions(per_word=1))
    by_word = {c.target: c.sentence for c in sel.choices}
    assert by_word == {"讨论": both, "问题": only_problem}


def test_duplicates_and_empty_translations_are_skipped() -> None:
    g = Grader(LEVEL, TABLE)
    a = sent("我", "去", "银行", "。")
    b = sent("我", "去", "银行", "！")  # same sentence, other punctuation
    c = sent("银行", "很", "好", "。", en=" ")
    sel = select([a, b, c], g)
    assert sel.candidates == 1 and len(sel.choices) == 1


def test_study_order_most_frequent_word_first_and_max_notes() -> None:
    g = Grader(LEVEL, TABLE)
    rare = Sentence(
        Pair("我讨论了。", "x", "t"),
        (Token("我", freq=9000), Token("讨论", freq=10), Token("了", freq=9000), Token("。", Kind.PUNCT)),
    )
    common = Sentence(
        Pair("我去银行。", "x", "t"),
        (Token("我", freq=9000), Token("去", freq=9000), Token("银行", freq=5000), Token("。", Kind.PUNCT)),
    )
    sel = select([rare, common], g)
    assert [c.target for c in sel.choices] == ["银行", "讨论"]
    capped = select([rare, common], g, SelectOptions(max_notes=1))
    assert [c.target for c in capped.choices] == ["银行"] and capped.covered == 1


def test_builtin_hsk2_level5_table_size() -> None:
    assert len(Grader(parse_level("hsk5")).level_words) == 1298
