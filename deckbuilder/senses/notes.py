"""Grammar CC-CEDICT leaves out: a word's use in a construction the dictionary gives no sense for, as a
short note of our own shown first on its gloss line, the dictionary's senses after it (`grammar_note`).

CC-CEDICT glosses 多 "many; much", but before a verb it asks for more of the action (多 锻炼 "exercise
more"); 天 "day; sky; heaven", but before a word of weather it is the weather (天 冷); 这 "this", but
after a verb of motion it is a place, short for 这儿 (来 这); 也 "also", but after a concession "still"
(就算 下雨 ， 比赛 也 进行); 在 only as the verb "to be (located) at", but before a place and the clause's
verb, or after a verb, it is a preposition (在 网上 预订, 消失 在 人群 中); 过去 after a verb only "(verb
suffix)"; 呢 ending a question with a question word softens it, a use none of its senses names; 开
before a meeting holds it (开 了 一个 聚会); and 一口 before a language is a way of speaking (说 一口 地道
的 中文). Words CC-CEDICT lacks and the cards build from their parts get a note too where a construction
makes them (对 我 来说: "for", not "to come + to speak"). Each note names its construction, so a learner
can tell it from the dictionary's senses.

A one-character verb split from its object (下 了 一阵 雨) shows, after its own best sense, the verb
CC-CEDICT lists for the pair ("(in 下…雨) to rain": `separated`). Reviews of the cards failed these
lines for missing the sense the sentence uses.
"""

from __future__ import annotations

from collections.abc import Callable

from deckbuilder.chinese import MEASURES, NUMERALS
from deckbuilder.senses.context import Slot
from deckbuilder.senses.entries import candidates, first_shape
from deckbuilder.senses.patterns import CONCESSIONS, DEGREE, PLACE_LOCALIZERS, TAKES_VERB, described_noun
from deckbuilder.senses.shapes import Shape

# Predicates of weather and temperature that make 天 "the weather" (天 冷, 天 变 凉 了).
_WEATHER = frozenset(
    {"冷", "热", "凉", "暖", "暖和", "凉快", "晴", "阴", "闷", "闷热", "干燥", "潮湿", "变", "变冷", "变凉",
     "变热", "变暖", "转冷", "转暖", "转晴", "很冷", "很热", "太冷", "太热"}
)  # fmt: skip
# Verbs of motion and place before a bare 这/那 that stands for 这儿/那儿 (来 这, 在 那).
_TO_PLACE = frozenset({"来", "去", "到", "在", "从", "回", "往", "回到", "来到", "住在", "放在", "留在"})


def _before_verb(slot: Slot) -> bool:
    """多/少 before a verb of its own, not after a numeral or a degree word (三 多, 很 多: a predicate) nor in
    多少."""
    prev = slot.prev
    if prev[-1:] in NUMERALS or prev in DEGREE or slot.next in ("少", "么", "了", "的"):
        return False
    return slot.next_tag[:1] == "v" and slot.next not in ("是", "有")


def _weather(slot: Slot) -> bool:
    """天 opening its clause, after a time word at most, before a predicate of weather (天 冷, 傍晚 天 变
    凉 了)."""
    return all(t == "t" for t in slot.left_tags) and slot.next in _WEATHER


def _place(slot: Slot) -> bool:
    """这/那/哪 after a verb of motion or place, with no noun or classifier after it (来 这 享受, 在 那,
    在 哪？)."""
    return slot.prev in _TO_PLACE and slot.next_tag[:1] not in ("n", "q", "m", "r")


def _concession(slot: Slot) -> bool:
    """也 in a clause after one a concession opened: "still", not "also"."""
    return slot.clause_before and any(w in CONCESSIONS for w in slot.others)


_QUESTION_WORDS = frozenset(
    {"什么", "怎么", "怎样", "怎么样", "哪", "哪里", "哪儿", "谁", "为什么", "几", "多少", "如何", "为何"}
)


def _asking(slot: Slot) -> bool:
    """呢 closing a question that asks with a question word (你 是 怎么 称呼 他 的 呢？)."""
    return slot.next in ("？", "?") and any(w in _QUESTION_WORDS for w in (*slot.others, *slot.left))


def _preposition(slot: Slot) -> bool:
    """在 before a place or time where it is a preposition, and CC-CEDICT has only the verb "to be
    (located) at": before the clause's verb (在 网上 预订 了 航班; 想 在 图书馆 看书), after a verb as the
    place or time of its action (消失 在 人群 中, 固定 在 周五), or opening a sentence with its place (在 山
    上 ， 我们 …). Before a verb it marks progress (在 吃饭)."""
    if not slot.next or slot.next == "一起":
        return False
    localized = slot.right[1:2] != () and slot.right[1] in PLACE_LOCALIZERS  # 在 会 v 上, 在 实践 v 中
    # a verb the tagger took for a noun counts after its subject (他 消失 n), not as one (出口 vn 在 那边)
    subject = len(slot.left) > 1
    verb_before = (slot.prev_tag[:1] == "v" and (slot.prev_tag != "vn" or subject)) or (
        subject and first_shape(slot.prev) is Shape.VERB
    )
    if (
        verb_before
        and slot.prev not in TAKES_VERB  # (想 在 家 休息: a place, as at a clause's start)
        and (localized or first_shape(slot.next) is not Shape.VERB)
    ):
        return True  # 保存 在 安全 的 地方, 装 在 盒 q 里 (仿佛 在 动: progress)
    # a word the tagger took for a verb heading a noun phrase before the clause's verb (在 会计 v 部门 工作)
    headed = slot.right_tags[1:2] != () and slot.right_tags[1][:1] == "n"
    after_head = zip(slot.right[2:], slot.right_tags[2:], strict=True)
    headed = headed and any(t[:1] == "v" and first_shape(w) is Shape.VERB for w, t in after_head)
    described = described_noun(slot.right, slot.right_tags)  # 在 不同 的 领域 取得: a place all the same
    if slot.next_tag[:1] not in ("n", "s", "r", "t", "m", "f") and not (localized or headed or described):
        return False
    after = zip(slot.right[1:], slot.right_tags[1:], strict=True)
    if any(t[:1] == "v" or first_shape(w) is Shape.VERB for w, t in after):  # 散步 n, 等 u
        return True
    return not slot.left and slot.clause_end in ("，", ",") and not slot.clause_before


def _complement(slot: Slot) -> bool:
    """过去 after a verb (or its 了) where CC-CEDICT says only "(verb suffix)": the direction it gives."""
    verb = slot.prev_tag[:1] == "v" or (slot.prev == "了" and slot.left_tags[-2:-1][:1] in (("v",), ("a",)))
    return verb and slot.syllables[-1:] == ("qu5",)


_COUNTED = MEASURES | {"点"}  # 一点 也 不


def _emphatic(slot: Slot) -> bool:
    """也 before a negation after 连 …, a count of one (一点 也 不, 一个 人 也 没 来) or a question word (什么
    也 不 说): "even", "(not) at all", not "also"."""
    if slot.next[:1] not in ("不", "没") and slot.next != "别":  # 也 不, 也 没有, 也 不怕, 也 别
        return False
    left = slot.left
    one = any(
        w[:1] == "一" and (w[1:2] or "".join(left[k + 1 : k + 2])[:1]) in _COUNTED for k, w in enumerate(left)
    )
    return one or any(w == "连" or w in _QUESTION_WORDS for w in slot.left)


def _viewpoint(slot: Slot) -> bool:
    """来说 after 对/就/拿 and what it concerns (对 我 来说): "for; as far as … is concerned"."""
    return any(w in ("对", "对于", "就", "拿") for w in slot.left)


def _judging(slot: Slot) -> bool:
    """来看 after 从 …, or a word that sums up, opening its clause (综合 来看, 总的 来看): "judging from"."""
    return "从" in slot.left or (len(slot.left) <= 2 and slot.clause_end in ("，", ","))


# What a mouthful of speech is said in: 说 一口 流利 的 中文, 一口 北京 话.
_SPEECH = ("话", "语", "文", "腔", "音")


def _speech(slot: Slot) -> bool:
    """一口 before a language or an accent within a few words (说 一口 地道 的 中文)."""
    return any(w[-1:] in _SPEECH for w in slot.right[:4])


# What one holds rather than opens: 开 了 一个 聚会, 开 会.
_HELD = frozenset({"会", "会议", "聚会", "晚会", "派对", "舞会", "宴会", "大会", "例会", "座谈会", "party"})


def _holds(slot: Slot) -> bool:
    """开 before a meeting or a party, across 了 and a count (开 了 一个 聚会)."""
    return any(w in _HELD for w in slot.right[:4])


_LIKENING = frozenset({"像", "好像", "如同", "仿佛", "似", "犹如", "宛如", "如"})


def _likened(slot: Slot) -> bool:
    """般 closing a likeness 像/如同 … opened (如同 无限 般): "-like; as", not "sort; kind"."""
    return any(w in _LIKENING for w in slot.left)


def _anywhere(slot: Slot) -> bool:
    """A construction the word makes wherever it stands (不如说: the second half of 与其说 … 不如说)."""
    return True


_EXCLAIMING = frozenset({"多么", "真", "太"})


def _exclaims(slot: Slot) -> bool:
    """啊 closing an exclamation (多么 出色 的 晚饭 啊 ！, 真 美 啊 ！): it adds feeling to it."""
    return slot.clause_end in ("！", "!") or any(w in _EXCLAIMING for w in slot.left)


# A word's notes, each with the construction it is for; the first that holds is shown.
NOTES: dict[str, tuple[tuple[Callable[[Slot], bool], str], ...]] = {
    "过去": ((_complement, "(after a verb) over; away"),),
    "在": ((_preposition, "(preposition before a place or time) at; in; on"),),
    "也": (
        (_concession, "(after 即使, 虽然 …) still; even so"),
        (_emphatic, "(in 一…也不, 连…也, 什么也不) even; (not) at all"),
    ),
    "呢": ((_asking, "(ending a question with a question word) softens the question"),),
    "来说": ((_viewpoint, "(in 对…来说) for; as far as … is concerned"),),
    "来看": ((_judging, "(in 从…来看, 综合来看) judging from; looking at it"),),
    "一口": ((_speech, "(in 说一口…话) one's way of speaking a language or accent"),),
    "开": ((_holds, "(before a meeting or party) to hold"),),
    "般": ((_likened, "(in 像…般, 如同…般) like; as if"),),
    "不如说": ((_anywhere, "(in 与其说…不如说) it is truer to say; rather"),),
    "啊": ((_exclaims, "(ending an exclamation) adds feeling: how …!"),),
    "多": ((_before_verb, "(before a verb) more"),),
    "少": ((_before_verb, "(before a verb) less"),),
    "天": ((_weather, "(before a word of weather) the weather"),),
    "这": ((_place, "(after a verb of motion, for 这儿) here"),),
    "那": ((_place, "(after a verb of motion, for 那儿) there"),),
    "哪": ((_place, "(after 在 or a verb of motion, for 哪儿) where"),),
}


def grammar_note(slot: Slot) -> str:
    """The construction note for `slot`'s word where it stands, or ""."""
    return next((note for holds, note in NOTES.get(slot.word, ()) if holds(slot)), "")


# What may stand between a verb and its object when a verb-object word is split (下 了 一阵 雨, 帮 了 我 的
# 忙, 洗 个 澡): aspect, 个 or a count of the event, a person and 的; not a count of things (钓 了 三条 鱼).
_GAP = frozenset({
    "了", "过", "着", "的", "个", "一", "一个", "一下", "一次", "一场", "一阵", "一顿", "一觉", "一趟",
    "阵", "场", "顿", "次", "趟", "回",
})  # fmt: skip
# Verbs too general to read as half of a verb-object word (有 … 事 is no 有事 "to be busy").
_TOO_GENERAL = frozenset("有是给在")
_SPAN = 4  # tokens between the verb and its object at most


def separated(slot: Slot) -> str:
    """A one-character verb whose object follows a few words on, where CC-CEDICT lists the two as one
    verb (下 了 一阵 雨: 下雨 "to rain"; 赚 了 钱: 赚钱 "to earn money"): that verb's sense, named. It
    follows the verb's own best sense on its line, as the word the two make."""
    aspect = slot.next in ("了", "过", "着")  # a verb, whatever the tagger says (下 f 了 一阵 雨)
    if len(slot.word) != 1 or not (slot.tag[:1] == "v" or aspect):
        return ""
    if slot.word in _TOO_GENERAL:
        return ""
    right, tags = slot.right, slot.right_tags
    regard = _as_what(slot)
    if regard:
        return regard
    for k, word in enumerate(right[: _SPAN + 1]):
        closes = k + 1 == len(right) or tags[k + 1][:1] not in ("n", "a")  # 小 手术: 小 is no object
        note = _pair_note(slot.word, word) if k and len(word) == 1 and closes else ""
        if note and word not in MEASURES:
            return note
        person = tags[k][:1] == "r" and right[k + 1 : k + 2] == ("的",)  # 帮 了 我 的 忙
        if word not in _GAP and not person:
            return ""
    return ""


_AS = ("为", "作", "成")  # what 视, 看, 当, 称 … take their second object with (视 他 为 朋友)


def _as_what(slot: Slot) -> str:
    """A one-character verb and the 为/作/成 that introduces what its object is taken as, with the object
    between (视 他 为 重要 人物: 视为 "to view as"; 把 他 看 成 朋友 is one word already)."""
    for k, word in enumerate(slot.right[:_SPAN]):
        if word in _AS and k:
            return _pair_note(slot.word, word)
        if slot.right_tags[k][:1] not in ("r", "n"):
            return ""
    return ""


def _pair_note(verb: str, obj: str) -> str:
    """The note for a verb and its object CC-CEDICT lists as one verb, its first sense named ("(in 下…雨)
    to rain"), or "" when the two make no verb."""
    for cand in candidates(verb + obj):
        for sense in cand.senses:
            if sense.shown:
                return f"(in {verb}…{obj}) {sense.text}" if sense.text.startswith("to ") else ""
    return ""
