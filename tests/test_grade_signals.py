"""The weighed signals of sentence quality: where a pair comes from, translationese wording, an English that
disagrees with its Chinese, topics that recur across a corpus, and the stricter choice of the first cards.
Every sentence here is written for these tests."""

from __future__ import annotations

import importlib
from dataclasses import replace

import pytest

from deckbuilder.annotate import segment
from deckbuilder.grade import Grader, assess, select
from deckbuilder.grade.agreement import Mismatch, mismatches
from deckbuilder.grade.quality import MISMATCH, ORIGIN_COSTS, WEAK_LIMIT, WORDING, Flaw, Quality, assess_all
from deckbuilder.grade.repeats import REPEAT_MAX, Repeats
from deckbuilder.grade.select import REPEATED
from deckbuilder.grade.wording import COSTS, Pattern, patterns
from deckbuilder.models import Kind, Level, Origin, Pair, Sentence, Token

ORDER = importlib.import_module("deckbuilder.grade.order")  # the study order's module
REPEATS = importlib.import_module("deckbuilder.grade.repeats")

TABLE = {"我": 1, "去": 1, "钱": 1, "取": 1, "很": 1, "好": 1, "是": 1, "的": 1, "了": 1, "他": 1,
         "银行": 2, "态度": 2, "讨论": 2, "问题": 2}  # fmt: skip
LEVEL = Level("2.0", 2)


def sent(*words: str, en: str, origin: Origin = Origin.UNKNOWN, freq: int = 1000) -> Sentence:
    kinds = {"汤姆": Kind.NAME}
    toks = tuple(Token(w, kinds.get(w, Kind.PUNCT if w in "。，！" else Kind.WORD), freq) for w in words)
    return Sentence(Pair("".join(words), en, "t", origin=origin), toks)


def real(text: str, en: str = "-") -> Sentence:
    return segment(Pair(text, en, "t"))


# --- origin -------------------------------------------------------------------------------------------------


def test_origin_costs_translated_chinese_most_and_a_users_file_nothing() -> None:
    words = ("我", "去", "银行", "取", "钱", "了", "。")
    en = "I went to the bank to get money."
    verdicts = {o: assess(sent(*words, en=en, origin=o), ("银行",)) for o in Origin}
    assert verdicts[Origin.UNKNOWN].penalty == verdicts[Origin.GRADED].penalty
    assert verdicts[Origin.GRADED].penalty < verdicts[Origin.ZH].penalty < verdicts[Origin.EN].penalty
    assert verdicts[Origin.EN].marks == ("from English",) and verdicts[Origin.ZH].marks == ("into English",)
    assert verdicts[Origin.GRADED].marks == verdicts[Origin.UNKNOWN].marks == ()


def test_weaknesses_that_add_up_to_the_limit_leave_a_sentence_out() -> None:
    # A translated Chinese (8) with a name (4 and more) is a coin toss in reviews: left out, not weighed.
    en = "Tom went to the bank to get money."
    words = ("汤姆", "去", "银行", "取", "钱", "了", "。")
    named = assess(sent(*words, en=en, origin=Origin.EN), ("银行",))
    graded = assess(sent(*words, en=en, origin=Origin.GRADED), ("银行",))
    assert named.flaw is Flaw.WEAK and graded.flaw is None and graded.penalty < WEAK_LIMIT


def test_a_sentence_at_the_weak_limit_is_left_out_before_the_later_checks_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Costs only add up: once a name and a translated Chinese reach the limit, no wording or agreement check
    # can bring the sentence back, so neither runs; below it, both still do.
    from deckbuilder.grade import quality

    calls: list[str] = []
    monkeypatch.setattr(quality.wording, "patterns", lambda s: calls.append("wording") or [])
    monkeypatch.setattr(quality.agreement, "mismatches", lambda w, en: calls.append("agreement") or [])
    en = "Tom went to the bank to get money."
    words = ("汤姆", "去", "银行", "取", "钱", "了", "。")
    weak = assess(sent(*words, en=en, origin=Origin.EN), ("银行",))
    assert weak.flaw is Flaw.WEAK and weak.marks == ("from English",) and calls == []
    assert assess(sent(*words, en=en, origin=Origin.GRADED), ("银行",)).flaw is None
    assert calls == ["wording", "agreement"]


def _one_at_a_time(sentence: Sentence, targets: tuple[str, ...]) -> Quality:
    """The verdict as the checks first gave it, one candidate at a time, each signal in its documented order:
    what `assess_all`'s reordered early exits must agree with."""
    from deckbuilder.grade import quality as q

    penalty = 0.0
    for check in q._CHECKS:
        cost, flaw = check(sentence, targets)
        if flaw is not None:
            return Quality(0.0, flaw)
        penalty += cost
    cost, flaw = q._translation(sentence, q.coverage(sentence))
    if flaw is not None:
        return Quality(0.0, flaw)
    marks: list[str] = []
    for weigh in (q._origin, q._wording, q._agreement):
        added, mark = weigh(sentence)
        if mark:
            penalty += added
            marks.append(mark)
        total = round(penalty + cost, 6)
        if total >= WEAK_LIMIT:
            return Quality(0.0, Flaw.WEAK, tuple(marks))
    return Quality(round(total + q.RANK_TRANSLATION_COST * cost / q.TRANSLATION_COST, 6), None, tuple(marks))


def test_verdicts_together_equal_verdicts_one_at_a_time_in_the_documented_order() -> None:
    # Sentences written for this test that keep, flaw or weaken in every way, from every origin.
    rows = [
        ("我去银行取钱了。", "I went to the bank to get money.", "银行"),
        ("汤姆去银行取钱了。", "Tom went to the bank to get money.", "银行"),
        ("汤姆去银行取钱了。", "Hello.", "银行"),  # one unrelated word: no translation
        ("我去银行取钱了。", "Nice weather today, isn't it?", "银行"),  # weak only with what it leaves out
        ("他很有责任心。", "placeholder", "责任心"),  # a stub
        ("我们的态度很好。", "My attitude is good.", "态度"),  # persons disagree
        ("这个问题太复杂了。", "This problem is complicated.", "问题"),  # no degree word
        ("他的态度很认真和很积极。", "His attitude is serious and positive.", "态度"),  # 和 joins predicates
        ("吾去银行。", "I go to the bank.", "银行"),  # classical
        ("我去了那家银行。", "I went to this bank.", "银行"),  # far and near swapped
        ("禁止在银行吸烟", "No smoking in the bank", "银行"),  # a notice
    ]
    candidates = [
        (replace(s, pair=replace(s.pair, origin=origin)), (target,))
        for text, en, target in rows
        for s in (real(text, en),)
        for origin in Origin
    ]
    verdicts = assess_all(candidates)
    assert verdicts == [_one_at_a_time(*c) for c in candidates]
    flaws = {v.flaw for v in verdicts}
    assert {None, Flaw.WEAK, Flaw.TRANSLATION, Flaw.FRAGMENT} <= flaws  # every path taken
    assert any(v.flaw is None and v.marks for v in verdicts)


def test_the_side_written_first_can_make_a_sentence_weak_before_its_translation_is_measured(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A name (4 and more) and a translated Chinese (8) reach the limit whatever the translation costs, so
    # the coverage is not measured; unless the English may be no translation at all (one word here): that
    # flaw is the translation check's to find, and it comes first.
    from deckbuilder.grade import quality

    measured: list[str] = []
    coverage = quality.coverage
    monkeypatch.setattr(quality, "coverage", lambda s: measured.append(s.pair.en) or coverage(s))
    words = ("汤姆", "去", "银行", "取", "钱", "了", "。")
    weak = assess(sent(*words, en="Tom went to the bank to get money.", origin=Origin.EN), ("银行",))
    assert weak.flaw is Flaw.WEAK and weak.marks == ("from English",) and measured == []
    unrelated = assess(sent(*words, en="Hello.", origin=Origin.EN), ("银行",))
    assert unrelated.flaw is Flaw.TRANSLATION and measured == ["Hello."]
    assert assess(sent(*words, en="Tom went to the bank.", origin=Origin.GRADED), ("银行",)).flaw is None
    assert measured[-1] == "Tom went to the bank."


def test_verdicts_on_many_candidates_at_once_are_each_ones_own() -> None:
    # assess_all runs each check over the candidates still standing: a flaw, a weak sum or a cost must stay
    # with its own candidate whatever stands before or after it.
    words = ("我", "去", "银行", "取", "钱", "了", "。")
    named = ("汤姆", "去", "银行", "取", "钱", "了", "。")
    en = "I went to the bank to get money."
    candidates = [
        (sent(*words, en=en, origin=Origin.EN), ("银行",)),  # weighed, kept
        (sent(*words, en="我去了", origin=Origin.GRADED), ("银行",)),  # Chinese in the English: script
        (sent(*named, en="Tom went to the bank to get money.", origin=Origin.EN), ("银行",)),  # too weak
        (sent(*words, en="I went out.", origin=Origin.GRADED), ("银行",)),  # a loose translation costs
        (sent(*words, en=en, origin=Origin.GRADED), ("银行",)),
    ]
    verdicts = assess_all(candidates)
    assert verdicts == [assess(*c) for c in candidates]
    assert [v.flaw for v in verdicts] == [None, Flaw.SCRIPT, Flaw.WEAK, None, None]
    assert verdicts[0].marks == ("from English",) and verdicts[4].marks == ()
    assert verdicts[3].penalty > verdicts[4].penalty
    assert assess_all([]) == []


def test_a_looser_translation_ranks_lower_than_its_weak_limit_counts() -> None:
    # The same Chinese twice: an English that says all of it, and one that leaves half out. The loose one
    # ranks lower by twice its translation cost, but only the cost itself counts towards the weak limit.
    words = ("我", "去", "银行", "取", "钱", "了", "。")
    faithful = assess(sent(*words, en="I went to the bank to get money.", origin=Origin.EN), ("银行",))
    loose = assess(sent(*words, en="I went out.", origin=Origin.EN), ("银行",))
    assert faithful.flaw is None and loose.flaw is None
    assert loose.penalty > faithful.penalty + 2.0
    assert loose.penalty > WEAK_LIMIT  # ranked by twice its cost, yet not left out: the limit counts it once


def test_a_placeholder_for_the_english_is_no_translation() -> None:
    assert assess(real("他很有责任心。", "placeholder"), ("责任心",)).flaw is Flaw.TRANSLATION
    assert assess(real("他很有责任心。", "He is responsible."), ("责任心",)).flaw is None
    assert assess(real("谢谢你！", "Thanks!"), ("谢谢",)).flaw is None  # a short reply stays


# --- wording ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        ("他非常聪明和勤奋。", Pattern.AND_PREDICATES),
        ("她很安静和很认真。", Pattern.AND_PREDICATES),
        ("他又聪明又勤奋。", None),
        ("我们非常喜欢老师和同学。", None),  # 和 joins the objects
        ("我很高兴和你见面。", None),  # 和 is "with"
        ("我的妹妹聪明。", Pattern.BARE_ADJECTIVE),
        ("他的房间很干净。", None),
        ("他的头疼。", None),  # a state that stands bare
        ("这是重要的。", Pattern.THAT_IS_ADJ),
        ("这是非常重要的。", None),
        ("那是真的。", None),
        ("对于他，他不同意。", Pattern.AS_FOR_PRONOUN),
        ("对于我来说，这不难。", None),
        ("别感觉这么难过。", Pattern.FEEL_SO),
        ("今天我感觉这么舒服。", None),
        ("妈妈骑马，马慢，妈妈骂马。", Pattern.TONE_DRILL),  # ma in three tones, most of the text
        ("这是什么时候的事？", None),  # shi three times, but in two tones and not most of it
        ("是什么问题？", Pattern.SUBJECTLESS),  # no subject and no verb
        ("是一幅漂亮的画。", Pattern.SUBJECTLESS),  # a counted predicate, nothing before it
        ("是我做错了。", None),  # a cleft sentence
        ("是的，我明白。", None),  # a reply
        ("为明天努力！", Pattern.SLOGAN),
        ("为了明天，我们要努力。", None),
        ("我的手在痒。", Pattern.ZAI_ADJECTIVE),  # 在 before an adjective
        ("他在忙。", None),
        ("她跳的非常好。", Pattern.DE_FOR_DE),  # 得 typed as 的
        ("她跳得非常好。", None),
        ("我买的很贵。", None),  # "what I bought"
        ("你要多锻练身体。", Pattern.VARIANT),  # a misspelling of 锻炼
        ("你要多锻炼身体。", None),
        ("你在想甚么？", Pattern.VARIANT),  # CC-CEDICT: only a variant of 什么
        ("我朋友非常醉了。", Pattern.VERY_VERB_LE),  # a verb's change of state graded like an adjective
        ("天已经非常晚了。", None),  # an adjective
        ("我朋友喝得非常醉。", None),
        ("妈妈轻轻地唱了。", Pattern.MANNER_BARE_VERB),  # sang what?
        ("妈妈轻轻地唱了一首歌。", None),
        ("孩子们开心地笑了。", None),  # 笑 needs no object
        ("他唱的非常动听。", Pattern.DE_FOR_DE),  # how he sang
        ("我们热烈的讨论了这个计划。", Pattern.DE_FOR_DI),  # 地 typed as 的, before a verb and its 了
        ("那座桥安全的通过了检查。", Pattern.DE_FOR_DI),
        ("会议顺利的结束。", Pattern.DE_FOR_DI),  # closing the clause: 结束 is no noun
        ("我们热烈地讨论了这个计划。", None),
        ("这是一个重要的决定。", None),  # a verb before: what 的 describes is a thing
        ("这种奇怪的迷信还存在。", None),  # 迷信 "superstition" is a noun
        ("城里最好的是那家饭馆。", None),  # 的是: "the best one is"
        ("不要随便批评某人。", Pattern.PLACEHOLDER),  # a dictionary's example
        ("你是什么什么时候来的？", Pattern.DOUBLED),  # an editing slip
        ("我们讨论讨论这个问题。", None),  # a verb doubled: "discuss a bit"
        ("她高高兴兴地回家了。", None),
        ("那个男人要嫁给她。", Pattern.MAN_MARRIES),  # a man 娶s
        ("她要嫁给那个男人。", None),
        ("他的妹妹嫁给了一位老师。", None),  # his sister marries
    ],
)
def test_wording_patterns(text: str, pattern: Pattern | None) -> None:
    assert patterns(real(text)) == ([pattern] if pattern else [])


def test_a_wording_pattern_costs_its_sentence() -> None:
    bare = assess(real("我的妹妹聪明。", "My sister is smart."), ("聪明",))
    graded = assess(real("我的妹妹很聪明。", "My sister is smart."), ("聪明",))
    assert bare.marks == (WORDING,) and graded.marks == ()
    assert bare.penalty - graded.penalty > COSTS[Pattern.BARE_ADJECTIVE] - 1


# --- agreement ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "en", "found"),
    [
        ("我知道他很累。", "I know he is tired.", []),
        ("我知道他很累。", "We know he is tired.", [Mismatch.PERSON]),  # 我 is not "we"
        ("我们知道他很累。", "I know he is tired.", [Mismatch.PERSON]),
        ("他的妈妈是老师。", "Her mother is a teacher.", [Mismatch.PERSON]),  # 他 is not "her"
        ("他们每天游泳。", "I swim every day.", [Mismatch.PERSON]),  # another subject
        ("你必须马上去。", "It is necessary for you to go at once.", []),
        ("这件事是我们两个人的秘密。", "This is a secret between you and me.", []),
        ("这是我听说的。", "This is all I heard.", [Mismatch.QUANTITY]),  # "all" is not in the Chinese
        ("他们都来了。", "They all came.", []),
        ("我一点也不累。", "I'm not tired at all.", []),  # an idiom
        ("他知道。", "Only he knows.", [Mismatch.QUANTITY]),
        ("院子里有许多鸟。", "There are birds in the yard.", [Mismatch.QUANTITY]),  # 许多 "many" left out
        ("院子里有许多鸟。", "There are lots of birds in the yard.", []),
        ("他读过无数本书。", "He has read countless books.", []),
        ("只有他知道。", "Only he knows.", []),
        ("这个菜太咸了。", "This dish is salty.", [Mismatch.DEGREE]),  # 太…了 "too" left out
        ("这个菜太咸了。", "This dish is too salty.", []),
        ("这个菜太好吃了！", "This dish is delicious!", []),  # an exclamation: 太 only intensifies
        ("你说得太过分了。", "You went over the line.", []),  # excessive in itself
        # 有点(儿) before a predicate is "a bit", which the English must say somehow.
        ("这杯茶有点儿苦。", "This tea is bitter.", [Mismatch.DEGREE]),
        ("这杯茶有点儿苦。", "This tea is a little bitter.", []),
        ("我今天有点累。", "I'm rather tired today.", []),
        # 那 points far, "this" near; 那 opening a clause before a person is "then".
        ("她很喜欢那套房子。", "She really likes this house.", [Mismatch.DEMONSTRATIVE]),
        ("她很喜欢那套房子。", "She really likes that house.", []),
        ("那我们走吧。", "Then let's go.", []),
        ("这些书很旧。", "Those books are old.", [Mismatch.DEMONSTRATIVE]),
        ("这些书很旧。", "These books are old, so that no one reads them.", []),
        # A 是 the English puts in the past with no past in the Chinese; a 是 … 的 event and a time gone
        # by aside.
        ("他是医生吗？", "Was he a doctor?", [Mismatch.TENSE]),
        ("他是医生吗？", "Is he a doctor?", []),
        ("他以前是医生。", "He was a doctor.", []),
        ("那是个很好的晚会。", "It was a great party.", []),  # a statement may be set in the past
        # An English opening with a connective the Chinese does not have: a piece of a longer translation.
        ("大家都很努力。", "And everyone works hard.", [Mismatch.CONNECTIVE]),
        ("但是大家都很努力。", "But everyone works hard.", []),
        ("这座桥是怎么建的？", "How was this bridge built?", []),
    ],
)
def test_agreement_between_the_sides(text: str, en: str, found: list[Mismatch]) -> None:
    assert mismatches(real(text).words, en) == found


def test_a_mismatch_costs_its_sentence() -> None:
    words = ("我", "去", "银行", "取", "钱", "了", "。")
    right = assess(sent(*words, en="I went to the bank to get money."), ("银行",))
    wrong = assess(sent(*words, en="We went to the bank to get money."), ("银行",))
    assert wrong.marks == (MISMATCH,) and wrong.penalty > right.penalty + 3


# --- repeated topics ----------------------------------------------------------------------------------------


def test_a_topic_in_many_candidates_costs_more_the_more_it_recurs() -> None:
    repeats = Repeats()
    for n in range(200):
        repeats.add(frozenset({"汤姆"} if n < 60 else {"玛丽"} if n < 65 else set()))
    assert repeats.cost({"玛丽"}) == 0.0  # five of two hundred: no series
    assert 0 < repeats.cost({"汤姆"}) <= REPEAT_MAX
    assert repeats.cost({"汤姆", "玛丽"}) == repeats.cost({"汤姆"})  # the most repeated counts
    assert repeats.weighed() == 60


def test_selection_adds_the_cost_of_a_repeated_name(monkeypatch: pytest.MonkeyPatch) -> None:
    g = Grader(LEVEL, TABLE)
    named = [
        sent("汤姆", "去", "银行", "取", "钱", "了", "。", en="Tom went to the bank to get money."),
        sent("汤姆", "的", "态度", "很", "好", "。", en="Tom's attitude is good."),
        sent("汤姆", "是", "我", "的", "问题", "。", en="Tom is my problem."),
    ]
    once = select(named[:1], g).choices[0].difficulty
    monkeypatch.setattr(REPEATS, "REPEAT_MIN", 2)
    sel = select(named, g)
    assert dict(sel.weighed)[REPEATED] == 3
    repeated = next(c for c in sel.choices if c.target == "银行").difficulty
    assert repeated > once


# --- the first cards ----------------------------------------------------------------------------------------


def test_a_doubtful_sentence_does_not_open_the_deck(monkeypatch: pytest.MonkeyPatch) -> None:
    g = Grader(LEVEL, TABLE)
    translated = sent("我", "去", "银行", "取", "钱", "了", "。", en="I went to the bank to get money.")
    translated = Sentence(replace(translated.pair, origin=Origin.EN), translated.tokens)
    often = Sentence(translated.pair, tuple(replace(t, freq=90000) for t in translated.tokens))
    graded = sent("他", "的", "态度", "很", "好", "。", en="His attitude is good.", origin=Origin.GRADED)
    monkeypatch.setattr(ORDER, "EARLY_NOTES", 0)
    assert [c.target for c in select([often, graded], g).choices] == ["银行", "态度"]  # frequency first
    monkeypatch.setattr(ORDER, "EARLY_NOTES", 1)
    assert [c.target for c in select([often, graded], g).choices] == ["态度", "银行"]  # it waits


def test_early_cards_take_the_soundest_of_a_words_near_best_sentences(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    g = Grader(LEVEL, TABLE)
    easy = sent("我", "去", "银行", "了", "。", en="I went to the bank.", origin=Origin.EN)
    sound = sent(
        "我",
        "去",
        "银行",
        "取",
        "钱",
        "了",
        "。",
        en="I went to the bank to get money.",
        origin=Origin.GRADED,
    )
    # The origin's cost small enough that the translated sentence stays the easiest overall.
    monkeypatch.setitem(ORIGIN_COSTS, Origin.EN, 2.5)
    monkeypatch.setattr(ORDER, "EARLY_NOTES", 0)
    assert select([easy, sound], g).choices[0].sentence is easy  # the easiest, translated from English
    monkeypatch.setattr(ORDER, "EARLY_NOTES", 1)
    assert select([easy, sound], g).choices[0].sentence is sound  # nearly as easy, and sounder


def test_the_opening_keeps_the_study_order_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    g = Grader(LEVEL, TABLE)
    both = sent("我", "讨论", "了", "问题", "。", en="I discussed the problem.", origin=Origin.GRADED)
    problem = sent("他", "的", "问题", "很", "好", "。", en="His question is good.", origin=Origin.EN)
    monkeypatch.setattr(ORDER, "EARLY_NOTES", 5)
    sel = select([both, problem], g)
    assert [c.target for c in sel.choices] == ["问题", "讨论"]  # held back, still before the word needing it
