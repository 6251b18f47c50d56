from dataclasses import replace

import pytest

from deckbuilder.grade import (
    Flaw,
    Grader,
    Quality,
    Reading,
    SelectOptions,
    Selector,
    assess,
    coverage,
    near_duplicate,
    pin_key,
    select,
)
from deckbuilder.grade.order import tier
from deckbuilder.grade.select import TIE
from deckbuilder.models import Kind, Level, Pair, Sentence, Token

# A toy level table written for these tests: level 1 basics, level 2 is the target level here.
TABLE = {"我": 1, "去": 1, "钱": 1, "取": 1, "很": 1, "好": 1, "是": 1, "的": 1, "了": 1, "他": 1,
         "银行": 2, "态度": 2, "讨论": 2, "问题": 2, "复杂": 3}  # fmt: skip
LEVEL = Level("2.0", 2)


def sent(*words: str, en: str = "x x x", kinds: dict[str, Kind] | None = None, freq: int = 1000) -> Sentence:
    kinds = kinds or {}
    toks = tuple(Token(w, kinds.get(w, Kind.PUNCT if w in "。，！" else Kind.WORD), freq) for w in words)
    return Sentence(Pair("".join(words), en, "t"), toks)


def test_reading_classes() -> None:
    g = Grader(LEVEL, TABLE, known=frozenset({"讨论"}))
    names = {"汤姆": Kind.NAME, "3": Kind.NUMBER}
    s = sent("汤姆", "去", "银行", "讨论", "复杂", "好钱", "犹豫", "3", "。", kinds=names)
    assert g.classify(s) == (
        Reading.FREE, Reading.BELOW, Reading.TARGET, Reading.KNOWN, Reading.ABOVE,
        Reading.READABLE, Reading.UNKNOWN, Reading.FREE, Reading.FREE,
    )  # fmt: skip


def test_a_name_is_free_whatever_the_same_text_was_before() -> None:
    # 好 as a word (level 1), then as a name: the class follows the token, not the first time its text was met
    g = Grader(LEVEL, TABLE, assume_below=False)
    assert g.classify(sent("好", "。")) == (Reading.BELOW, Reading.FREE)
    assert g.classify(sent("好", "去", "。", kinds={"好": Kind.NAME}))[0] is Reading.FREE
    assert g.classify(sent("好", "。"))[0] is Reading.BELOW


def test_targets_are_exactly_the_level() -> None:
    g = Grader(LEVEL, TABLE)
    assert g.targets(sent("我", "去", "银行", "取", "钱", "。")) == [2]
    assert g.targets(sent("问题", "很", "复杂", "。")) is None  # a word above the level
    assert g.targets(sent("犹豫", "银行", "。")) is None  # unknown characters


def test_known_words_are_never_targets_and_always_readable() -> None:
    g = Grader(LEVEL, TABLE, known=frozenset({"银行", "犹豫"}))
    assert g.targets(sent("我", "犹豫", "去", "银行", "。")) == []
    assert "银行" not in g.level_words


def test_without_assume_below_lower_words_are_new() -> None:
    g = Grader(LEVEL, TABLE, assume_below=False, known=frozenset({"我", "取"}))
    assert g.targets(sent("我", "去", "银行", "。")) is None  # 去 is level 1 but not known
    assert g.targets(sent("我", "取", "银行", "。")) == [2]


def test_i_plus_one_needs_other_level_words_introduced_first() -> None:
    g = Grader(LEVEL, TABLE)
    both = sent("我", "讨论", "了", "问题", "。")
    only_problem = sent("他", "的", "问题", "很", "好", "。")
    sel = select([both, only_problem], g)
    assert [c.target for c in sel.choices] == ["问题", "讨论"]
    introduced: set[str] = set()
    for c in sel.choices:  # no card uses a level word introduced after it
        others = {t.text for t in c.sentence.tokens if TABLE.get(t.text) == 2 and t.text != c.target}
        assert others <= introduced
        introduced.add(c.target)


def test_without_an_enabling_sentence_the_word_is_missing() -> None:
    g = Grader(LEVEL, TABLE)
    sel = select([sent("我", "讨论", "了", "问题", "。")], g)
    assert sel.choices == () and set(sel.missing) == {"讨论", "问题", "银行", "态度"}
    relaxed = select([sent("我", "讨论", "了", "问题", "。")], g, SelectOptions(max_new=2))
    assert len(relaxed.choices) == 1


def test_max_new_two_allows_one_word_above_the_level() -> None:
    g = Grader(LEVEL, TABLE)
    s = sent("他", "的", "问题", "很", "复杂", "。")
    assert select([s], g).choices == ()
    assert [c.target for c in select([s], g, SelectOptions(max_new=2)).choices] == ["问题"]


# --- choosing sentences ----------------------------------------------------------------------------------


def test_select_prefers_easy_sentences_with_context() -> None:
    g = Grader(LEVEL, TABLE)
    long = sent("我", "去", "银行", "取", "钱", "了", "。")
    short = sent("银行", "。")
    other = sent("她", "的", "态度", "很", "好", "。", kinds={"她": Kind.NAME})
    sel = select([long, short, other], g)
    by_word = {c.target: c for c in sel.choices}
    assert set(by_word) == {"银行", "态度"}
    assert by_word["银行"].sentence is long  # the one-word sentence gives a cloze nothing to infer from
    assert sel.graded == 3 and sel.candidates == 2
    assert sel.level_words == 4 and set(sel.missing) == {"讨论", "问题"}
    assert sorted(c.order for c in sel.choices) == [0, 1]


def test_duplicates_name_variants_and_empty_translations_are_skipped() -> None:
    g = Grader(LEVEL, TABLE)
    names = {"汤姆": Kind.NAME, "玛丽": Kind.NAME}
    a = sent("汤姆", "去", "了", "银行", "。", kinds=names)
    b = sent("玛丽", "去", "了", "银行", "！", kinds=names)  # same sentence with another name
    c = sent("他", "去", "银行", "了", "。", en=" ")
    sel = select([a, b, c], g)
    assert sel.candidates == 1 and len(sel.choices) == 1


def test_per_word_picks_varied_sentences() -> None:
    g = Grader(LEVEL, TABLE)
    a = sent("我", "去", "银行", "取", "钱", "了", "。")
    b = sent("我", "去", "银行", "取", "钱", "。")  # nearly a
    c = sent("他", "是", "银行", "的", "。")
    sel = select([a, b, c], g, SelectOptions(per_word=2))
    picked = {ch.sentence.pair.zh for ch in sel.choices}
    assert len(picked) == 2 and "他是银行的。" in picked
    assert near_duplicate("我去银行取钱了。", "我去银行取钱。")
    assert not near_duplicate("我去银行取钱了。", "他是银行的。")


def test_study_order_most_frequent_word_first_and_max_notes() -> None:
    g = Grader(LEVEL, TABLE)

    def s(*pairs: tuple[str, int]) -> Sentence:
        toks = tuple(Token(w, Kind.PUNCT if w == "。" else Kind.WORD, f) for w, f in pairs)
        return Sentence(Pair("".join(w for w, _ in pairs), "a b c", "t"), toks)

    rare = s(("我", 9000), ("讨论", 10), ("了", 9000), ("。", 0))
    common = s(("我", 9000), ("去", 9000), ("银行", 5000), ("。", 0))
    sel = select([rare, common], g)
    assert [c.target for c in sel.choices] == ["银行", "讨论"]
    capped = select([rare, common], g, SelectOptions(max_notes=1))
    assert [c.target for c in capped.choices] == ["银行"] and capped.covered == 1


def test_level_range_orders_lower_level_first() -> None:
    graders = [Grader(Level("2.0", 3), TABLE), Grader(LEVEL, TABLE)]
    s2 = sent("我", "去", "银行", "了", "。")
    s3 = sent("银行", "的", "问题", "很", "复杂", "。")
    sel = select([s3, s2], graders, SelectOptions(max_new=1))
    assert [(c.level.level, c.target) for c in sel.choices if c.level] == [(2, "银行"), (3, "复杂")]
    assert [p[0].level for p in sel.per_level] == [2, 3]


def test_builtin_hsk2_level5_table_size() -> None:
    assert len(Grader(Level("2.0", 5)).level_words) == 1298


# --- sentence quality --------------------------------------------------------------------------------------

NAMES = {
    "汤姆": Kind.NAME,
    "汤姆斯": Kind.NAME,
    "玛丽": Kind.NAME,
    "阿尔及利亚": Kind.NAME,
    "Tom": Kind.LATIN,
    "CD": Kind.LATIN,
}


def judged(*words: str, en: str = "I went to the bank.", targets: tuple[str, ...] = ("银行",)) -> Quality:
    return assess(sent(*words, en=en, kinds=NAMES), targets)


@pytest.mark.parametrize(
    ("words", "en"),
    [
        (("Tom", "去", "了", "银行", "。"), "Tom went to the bank."),  # a Latin name inside the Chinese
        (("Tā", " ", "qù", "了", "银行", "。"), "He went to the bank."),  # pinyin
        (("我", "去", "了", "ぎんこう", "银行", "。"), "I went to the bank."),  # another script
        (("我", "去", "了", "银行", "。"), "I went to the 银行."),  # Chinese in the English
    ],
)
def test_script_impurity_is_a_flaw(words: tuple[str, ...], en: str) -> None:
    assert judged(*words, en=en).flaw is Flaw.SCRIPT


def test_an_acronym_is_allowed_at_a_small_cost() -> None:
    plain = judged("我", "去", "银行", "买", "了", "唱片", "。", en="I went to the bank and bought a record.")
    acronym = judged("我", "去", "银行", "买", "了", "CD", "。", en="I went to the bank and bought a CD.")
    assert acronym.flaw is None and acronym.penalty > plain.penalty


def test_two_names_or_a_name_as_the_point_are_flaws_one_name_costs() -> None:
    assert judged("汤姆", "和", "玛丽", "去", "了", "银行", "。").flaw is Flaw.NAMES
    assert judged("阿尔及利亚", "银行", "。", en="Algeria's bank.").flaw is Flaw.NAMES  # half the sentence
    none = judged("他", "昨天", "去", "了", "银行", "。", en="He went to the bank yesterday.")
    one = judged("汤姆", "昨天", "去", "了", "银行", "。", en="Tom went to the bank yesterday.")
    long = judged(
        "他", "昨天", "去", "了", "阿尔及利亚", "的", "银行", "。", en="He went to a bank in Algeria."
    )
    assert one.flaw is None and long.flaw is None
    assert none.penalty < one.penalty < long.penalty


def test_a_name_the_english_has_and_the_chinese_cut_into_words_counts() -> None:
    # 萝 + 拉 for "Lola": a card could blank half of it; with 汤姆 that makes two names.
    two = judged(
        "汤姆",
        "从",
        "萝",
        "拉",
        "那里",
        "买",
        "了",
        "银行",
        "。",
        en="Yesterday Tom bought a bank from Lola.",
    )
    assert two.flaw is Flaw.NAMES
    plain = judged("他", "去", "了", "银行", "。", en="He went to the bank.")
    unseen = judged("只有", "萝", "拉", "去", "了", "银行", "。", en="Only Lola went to the bank.")
    seen = judged("只有", "汤姆", "去", "了", "银行", "。", en="Only Tom went to the bank.")
    nationality = judged("中国", "的", "银行", "。", en="A Chinese bank.")
    assert unseen.flaw is None and unseen.penalty > seen.penalty > plain.penalty
    # a character to teach may be a piece of the unseen name (桃 of 桃乐丝 "Dorothy")
    en = "Yesterday Lola went to the bank."
    piece = judged("萝", "拉", "去", "了", "银行", "。", en=en, targets=("萝",))
    assert piece.flaw is Flaw.NAMES
    # … also opening the English, where a word no dictionary sense has is a name, not a first word; an
    # interjection is none
    first = judged("桃", "乐", "丝", "去", "了", "银行", "。", en="Dorothy went there.", targets=("桃",))
    assert first.flaw is Flaw.NAMES
    sigh = judged("唉", "！", "我", "去", "了", "银行", "。", en="Argh! I went to the bank.")
    plain_first = judged("他", "去", "了", "银行", "。", en="Yesterday he went to the bank.")
    assert sigh.flaw is None and plain_first.flaw is None and sigh.penalty < 2
    # a title is no name, and a name the sound does not match answers one the Chinese has (Thomas ~ 汤姆斯)
    titled = judged("汤姆斯", "小姐", "去", "了", "银行", "。", en="Yesterday Miss Thomas went to the bank.")
    assert titled.flaw is None
    assert nationality.flaw is None


def test_a_remark_on_a_body_is_left_out_and_one_on_looks_costs() -> None:
    plain = judged("他", "的", "胸", "很", "疼", "。", en="His chest hurts.", targets=("胸",))
    remark = judged("你", "的", "胸", "很", "小", "。", en="You have a small chest.", targets=("胸",))
    hers = judged("她", "的", "胸", "很", "大", "。", en="She has a big chest.", targets=("胸",))
    looks = judged("你", "真", "胖", "。", en="You are so fat.", targets=("胖",))
    assert plain.flaw is None and remark.flaw is Flaw.REMARK and hers.flaw is Flaw.REMARK
    assert looks.flaw is None and looks.penalty >= 3
    # Calling someone names or slapping them costs as much, unless that is the word taught.
    insult = judged(
        "这", "个", "笨蛋", "又", "迟到", "了", "。", en="This idiot is late again.", targets=("迟到",)
    )
    slap = judged("他", "打", "了", "邻居", "一", "个", "耳光", "。", en="He slapped his neighbour.",
                  targets=("邻居",))  # fmt: skip
    late = judged(
        "这", "个", "学生", "又", "迟到", "了", "。", en="This student is late again.", targets=("迟到",)
    )
    taught = judged(
        "这", "个", "笨蛋", "又", "迟到", "了", "。", en="This idiot is late again.", targets=("笨蛋",)
    )
    assert min(insult.penalty, slap.penalty) >= late.penalty + 3 and taught.penalty < insult.penalty


def test_a_target_noun_taking_le_with_the_clause_going_on_is_a_doubtful_cut() -> None:
    # 水灾害了不少人 is 水灾 + 害了; cut 水 + 灾害 it would teach 灾害 with a verb's 了.
    doubtful = judged("水", "灾害", "了", "不少", "人", "。", en="The flood harmed many.", targets=("灾害",))
    plain = judged("水", "灾害", "很", "严重", "。", en="The flood is serious.", targets=("灾害",))
    ill = judged("他", "病", "了", "很", "久", "。", en="He was ill for long.", targets=("病",))  # a verb too
    assert doubtful.penalty >= plain.penalty + 2 and ill.penalty < doubtful.penalty


def test_literary_and_scripture_wording_the_target_aside() -> None:
    classical = judged("吾", "之", "银行", "也", "。", en="It is my bank.")
    assert classical.flaw is Flaw.LITERARY
    scripture = judged("上帝", "之", "银行", "。", en="The bank of God.")
    assert scripture.flaw is Flaw.LITERARY
    modern = judged("我", "去", "了", "银行", "。")
    written = judged("我", "于", "银行", "工作", "。", en="I work at the bank.")
    assert written.flaw is None and written.penalty > modern.penalty
    # The word a card teaches is never held against its sentence.
    then = judged("我", "则", "去", "了", "银行", "。", targets=("则",))
    assert then.penalty <= written.penalty


def test_notices_and_fragments() -> None:
    assert judged("禁止", "在", "银行", "吸烟", "。", en="No smoking in the bank.").flaw is Flaw.FRAGMENT
    sentence = judged("我", "去", "了", "银行", "。")
    notice = judged("进", "门", "前", "请", "去", "银行", "。", en="Go to the bank before you come in.")
    fragment = judged("银行", "的", "门", en="the door of the bank")
    assert notice.flaw is None and notice.penalty > sentence.penalty
    assert fragment.flaw is None and fragment.penalty > sentence.penalty
    label = judged("银行", "：", "我", "去", "了", "。", en="Bank: I went.")
    said = judged(
        "他", "说", "：", "“", "我", "去", "了", "银行", "。", "”", en='He said: "I went to the bank."'
    )
    assert label.penalty > sentence.penalty + 1 and said.penalty < label.penalty
    # An ASCII full stop ending the Chinese is a careless entry: the card would show it.
    ascii_stop = judged("我", "去", "了", "银行", ".")
    assert ascii_stop.flaw is None and ascii_stop.penalty > sentence.penalty
    # ASCII punctuation inside the Chinese, a Chinese without its full stop: unedited or unfinished text,
    # each a cost a better sentence of the word avoids.
    for weak in (
        judged("我", "去", "了", "银行", ",", "买", "了", "书", "。", en="I went to the bank, bought books."),
        judged("我", "去", "了", "银行", en="I went to the bank."),
    ):
        assert weak.flaw is None and weak.penalty >= sentence.penalty + 1.5, weak


def test_a_noun_phrase_with_a_full_stop_is_a_label() -> None:
    sentence = judged("我", "去", "了", "银行", "。")
    for label in (
        judged("漂亮", "的", "银行", "。", en="A beautiful bank."),  # an adjective, 的 and a noun
        judged("一", "家", "银行", "、", "一", "本", "书", "。", en="A bank and a book."),  # counted nouns
        judged("一个", "新", "银行", "。", en="A new bank."),
    ):
        assert label.flaw is None and label.penalty >= sentence.penalty + 3, label
    # a count stated of something is a sentence (一本书一百块: no 、 between the counts), and so is a
    # predicate after a counted noun
    price = judged("一", "本", "书", "一", "百", "块", "。", en="A book is a hundred yuan.")
    listed = judged("一", "本", "书", "、", "一", "家", "银行", "。", en="A book and a bank.")
    assert price.penalty + 3 <= listed.penalty
    beautiful = judged("这", "家", "银行", "很", "漂亮", "。", en="This bank is beautiful.")
    assert beautiful.penalty < sentence.penalty + 1


def test_an_english_that_is_not_a_translation() -> None:
    words = ("我", "去", "银行", "取", "钱", "了", "。")
    assert judged(*words, en="placeholder").flaw is Flaw.TRANSLATION
    faithful = judged(*words, en="I went to the bank to get money.")
    other = judged(*words, en="The weather will be cold tomorrow.")
    assert faithful.flaw is other.flaw is None
    assert faithful.penalty < other.penalty


def test_the_translation_verdict_follows_the_lexical_coverage() -> None:
    from deckbuilder.grade.quality import _translation

    words = ("我", "去", "银行", "取", "钱", "了", "。")
    s = sent(*words, en="I went to the bank to get money.")
    assert _translation(s, (0, 5, 0, 6))[0] > _translation(s, (5, 5, 6, 6))[0]
    measured = _translation(s, coverage(s))  # the lexical model finds the bank and the money
    assert measured[1] is None and measured[0] < _translation(s, (0, 5, 0, 6))[0]
    placeholder = sent(*words, en="placeholder")
    assert _translation(placeholder, (0, 5, 0, 1))[1] is Flaw.TRANSLATION


def test_selection_prefers_good_sentences_and_counts_what_it_left_out() -> None:
    g = Grader(LEVEL, TABLE)
    names = {"汤姆": Kind.NAME, "玛丽": Kind.NAME, "Tom": Kind.LATIN}
    latin = sent("Tom", "去", "银行", "取", "钱", "。", en="Tom gets money at the bank.", kinds=names)
    pair = sent("汤姆", "去", "了", "玛丽", "的", "银行", "。", en="Tom went to Mary's bank.", kinds=names)
    named = sent(
        "汤姆", "去", "银行", "取", "钱", "了", "。", en="Tom went to the bank for money.", kinds=names
    )
    plain = sent("他", "去", "银行", "取", "钱", "了", "。", en="He went to the bank for money.")
    sel = select([latin, pair, named, plain], g)
    assert [c.sentence for c in sel.choices] == [plain]
    assert dict(sel.rejected) == {Flaw.SCRIPT: 1, Flaw.NAMES: 1}
    assert sel.candidates == 4  # every readable sentence with a target word, the flawed ones too
    assert [c.sentence for c in select([latin, pair, named], g).choices] == [named]  # all it has


def test_grading_many_sentences_at_once_gives_each_its_own_result() -> None:
    # grade_all finds every sentence's candidacies, then judges the candidates together: no candidate, a
    # flawed one and sound ones in one list must each get what grading it alone gives.
    names = {"汤姆": Kind.NAME, "玛丽": Kind.NAME, "Tom": Kind.LATIN}
    sentences = [
        sent("我", "去", "。", en="I go."),  # no target: not a candidate
        sent("Tom", "去", "银行", "取", "钱", "。", en="Tom gets money at the bank.", kinds=names),  # script
        sent("他", "去", "银行", "取", "钱", "了", "。", en="He went to the bank for money."),
        sent("他", "的", "态度", "很", "好", "。", en="His attitude is good."),
    ]
    sel = Selector([Grader(LEVEL, TABLE)])
    graded = sel.grade_all(sentences)
    assert graded == [sel.grade(s) for s in sentences]
    assert graded[0] == (None, [], None)
    assert graded[1][2] is not None and graded[1][2].flaw is Flaw.SCRIPT and graded[1][1] == []
    assert [r[1] for r in graded[2][1]] == ["银行"] and [r[1] for r in graded[3][1]] == ["态度"]


def test_the_users_sentence_wins_a_tie_over_a_builtin_one() -> None:
    g = Grader(LEVEL, TABLE)
    mine = sent("他", "去", "银行", "取", "钱", "了", "。", en="He went to the bank for money.")
    builtin = sent("我", "去", "银行", "取", "钱", "了", "。", en="I went to the bank for money.")
    builtin = Sentence(replace(builtin.pair, builtin=True), builtin.tokens)
    cost = {s.pair.zh: select([s], g).choices[0].difficulty for s in (mine, builtin)}
    assert abs(cost[mine.pair.zh] - cost[builtin.pair.zh]) < TIE
    for order in ([mine, builtin], [builtin, mine]):
        assert select(order, g).choices[0].sentence is mine
    easier = sent("我", "去", "银行", "。", en="I go to the bank.")
    easier = Sentence(replace(easier.pair, builtin=True), easier.tokens)
    harder = sent("他", "今天", "去", "了", "很", "好", "的", "银行", "取", "钱", "。", en="x y z")
    assert select([harder, easier], g).choices[0].sentence is easier  # not a tie


# Sentences with frequencies of their own, for the study-order tests: a toy table with three target words,
# and a long sentence of rare words (a weak one for any word put before it).
ORDER_TABLE = {**TABLE, **{w: 2 for w in ("讨论", "问题", "态度")}}
RARE = tuple((w, 10) for w in ("他", "的", "是", "很", "好", "的", "钱", "他", "的", "钱", "是", "好", "的"))


def freq_sent(*pairs: tuple[str, int], en: str = "a b c", builtin: bool = False) -> Sentence:
    toks = tuple(Token(w, Kind.PUNCT if w == "。" else Kind.WORD, f) for w, f in pairs)
    return Sentence(Pair("".join(w for w, _ in pairs), en, "t", builtin=builtin), toks)


def test_a_word_waits_a_little_for_its_best_sentence() -> None:
    g = Grader(LEVEL, ORDER_TABLE)
    s = freq_sent

    # 问题 is the most frequent word; its good sentence needs 讨论, a little less frequent; its other
    # sentence is long and full of rare words.
    good = s(("我", 9000), ("讨论", 800), ("问题", 5000), ("。", 0), en="I discuss the problem.")
    weak = s(("问题", 5000), *RARE, ("。", 0))
    teaches_discuss = s(("我", 9000), ("讨论", 800), ("了", 9000), ("。", 0), en="I discussed it.")
    sel = select([good, weak, teaches_discuss], g)
    assert [(c.target, c.sentence) for c in sel.choices] == [("讨论", teaches_discuss), ("问题", good)]


def test_a_word_still_waiting_brings_forward_the_word_its_best_sentence_needs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("deckbuilder.grade.order.EARLY_NOTES", 0)  # past the opening (which never does it)
    g = Grader(LEVEL, ORDER_TABLE)
    s = freq_sent

    # 问题's good sentence needs 讨论, which that sentence would teach best too, so 讨论 waits for 问题 as
    # 问题 waits for it; 讨论 has a fair one of its own. Waiting gives 问题 its long weak sentence and 讨论
    # the good one: bringing 讨论 forward gives both a sound sentence.
    good = s(("我", 9000), ("讨论", 800), ("问题", 5000), ("。", 0), en="I discuss the problem.")
    weak = s(("问题", 5000), *RARE, ("。", 0))
    own = s(
        ("他", 10),
        ("去", 10),
        ("讨论", 800),
        ("了", 10),
        ("钱", 10),
        ("。", 0),
        en="He went to discuss money.",
    )
    sel = select([good, weak, own], g)
    assert [(c.target, c.sentence) for c in sel.choices] == [("讨论", own), ("问题", good)]
    # Without a sentence of its own 讨论 cannot come first: 问题 takes what it has, 讨论 the good one.
    sel = select([good, weak], g)
    assert [(c.target, c.sentence) for c in sel.choices] == [("问题", weak), ("讨论", good)]


def test_a_builtin_sentence_far_weaker_than_the_levels_is_no_card() -> None:
    g = Grader(LEVEL, ORDER_TABLE)

    def s(*pairs: tuple[str, int], en: str = "a b c", builtin: bool = True) -> Sentence:
        return freq_sent(*pairs, en=en, builtin=builtin)

    bank = s(
        ("我", 9000), ("去", 9000), ("银行", 900), ("取", 900), ("钱", 900), ("。", 0), en="I go to the bank."
    )
    manner = s(
        ("他", 9000), ("的", 9000), ("态度", 900), ("很", 9000), ("好", 9000), ("。", 0), en="He is kind."
    )
    weak = s(("问题", 5000), *RARE, ("。", 0))
    sel = select([bank, manner, weak], g)
    assert {c.target for c in sel.choices} == {"银行", "态度"} and "问题" in sel.missing
    assert sel.weak == ("问题",)
    assert [c.order for c in sel.choices] == [0, 1]
    # A teacher's own sentence is never left out ...
    own = s(("问题", 5000), *RARE, ("。", 0), builtin=False)
    assert {c.target for c in select([bank, manner, own], g).choices} == {"银行", "态度", "问题"}
    # ... nor one the deck already teaches (its lock pins it) ...
    pinned = SelectOptions(pins={"问题": (pin_key(weak.pair.zh, weak.pair.en),)})
    assert "问题" in {c.target for c in select([bank, manner, weak], g, pinned).choices}
    # ... nor a word a later card needs: 讨论's only sentence has 问题 in it.
    discuss = s(("我", 9000), ("讨论", 800), ("问题", 5000), ("。", 0), en="I discuss the problem.")
    chosen = [(c.target, c.sentence) for c in select([bank, manner, weak, discuss], g).choices]
    assert chosen[-2:] == [("问题", weak), ("讨论", discuss)]


def test_frequency_ties_go_to_the_better_sentence() -> None:
    g = Grader(LEVEL, TABLE)

    def with_freq(s: Sentence, word: str, freq: int) -> Sentence:
        return Sentence(s.pair, tuple(replace(t, freq=freq) if t.text == word else t for t in s.tokens))

    weak_bank = sent("我", "去", "银行", "取", "钱", "了", "。", en="The weather is cold.", freq=5000)
    manner = sent("他", "的", "态度", "很", "好", "。", en="His attitude is good.", freq=5000)
    assert tier(5100) == tier(5500) != tier(30000)
    # 银行 a little more frequent than 态度: the same tier, so the better sentence comes first ...
    weak_bank = with_freq(weak_bank, "银行", 5500)
    manner = with_freq(manner, "态度", 5100)
    assert [c.target for c in select([weak_bank, manner], g).choices] == ["态度", "银行"]
    # ... but a word of a higher tier comes first whatever its sentence, once it is sound enough to open
    # a deck (test_grade_signals: a doubtful one waits for the opening to be made).
    sound = sent("我", "去", "银行", "取", "钱", "了", "。", en="I went to the bank to get money.", freq=5000)
    often = with_freq(sound, "银行", 30000)
    assert [c.target for c in select([often, manner], g).choices] == ["银行", "态度"]


def test_a_pair_with_no_word_a_level_teaches_is_no_candidate_before_its_tokens() -> None:
    from deckbuilder.grade.select import Selector

    selector = Selector([Grader(LEVEL, TABLE)])
    inside = sent("我", "去", "银行家", "取", "钱", "了", "。", en="I went to the banker.")  # 银行 in a word
    plain = sent("我", "去", "银行", "取", "钱", "了", "。", en="I went to the bank for money.")
    assert selector.teaches_none(inside.words) and selector.grade(inside) == (None, [], None)
    assert not selector.teaches_none(plain.words) and selector.grade(plain)[1]
    assert not selector.hopeless(inside.pair.zh, inside.pair.en)  # the text has 银行: it gets segmented


def test_a_pair_too_long_for_any_level_is_hopeless_before_segmenting() -> None:
    from deckbuilder.grade.select import Selector

    table = {"银行": 2, "工作": 1, "我们": 1}
    selector = Selector([Grader(Level("2.0", 2), table)], SelectOptions(max_chars=10))
    short = sent("我们", "在", "银行", "工作", "。", en="We work at a bank.")
    long_zh = "我们在银行工作" * 2 + "。"
    long = sent(*(["我们", "在", "银行", "工作"] * 2), "。", en="We work at a bank, we work at a bank.")
    assert not selector.hopeless(short.pair.zh, short.pair.en)
    assert selector.hopeless(long_zh, long.pair.en) and selector.grade(long)[1] == []
    assert selector.hopeless("我们在银行工作。", "  ")  # no English: no card
    assert not selector.hopeless("Tom和Mary在银行工作。", "x")  # letters are not Chinese characters
