"""A character's neighbourhood for the polyphone rules: the sentence's units (words and single characters
with POS tags), the `Context` a rule sees, and the small grammatical word classes rules test (degree
adverbs, pronouns, measure contexts): written for these rules, not dictionary data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from deckbuilder import constructions
from deckbuilder.chinese import DEGREE_ADVERBS, DIRECTIONS, PERSONAL_PRONOUNS
from deckbuilder.chinese import NUMERALS as CHINESE_NUMERALS


@dataclass(frozen=True, slots=True)
class Unit:
    """A word or single character of the sentence with its POS tag.

    `token`/`start` locate it in jieba's tokens; `whole` is False for a piece of a token jieba invented.
    """

    text: str
    flag: str
    token: int
    start: int
    whole: bool = True


PERSONAL = PERSONAL_PRONOUNS
DEGREE = DEGREE_ADVERBS | frozenset(
    {"又", "够", "那样", "这样", "还", "也", "不", "没", "没有", "不太", "太过"}
)
# Adverbials that open the verb phrase after a modal 得 even when tagged otherwise (你得好好学习).
ADVERBIAL = ("好好", "先", "再", "早", "马上", "赶快", "赶紧", "快点", "多")
# Degree adverbs that open a complement after 得 (跑得很快, 说得非常好).
COMPLEMENT_DEGREE = frozenset(
    {"很", "太", "非常", "真", "特别", "比较", "挺", "十分", "相当", "不太", "越来越"}
)
# Words before a modal 得 (děi, "must"): subjects and the adverbs that typically precede it.
MODAL_BEFORE = frozenset(
    {"还", "就", "也", "都", "总", "总是", "一定", "必须", "可", "才", "又", "还是", "真", "非"}
)
# What counts as "a number before it" for measure readings (一行字, 这种, 每只): numerals and quantifiers.
NUMERALS = CHINESE_NUMERALS | frozenset("每某这那哪各")
PUNCT_FLAGS = frozenset({"x", "w"})
# Verbs and adverbs after which 为 is wéi "as, to be" (选为, 改为, 均为, 成为).
WEI2_AFTER = frozenset("成作称视改选任命分均原更最即乃变化转贬封列定名译写读认以被")
# Verbs of naming, regarding and appointing whose object comes before 为 "as" (视他为英雄, 称她为老师,
# 选他为班长, 聘请他为顾问).
REGARD_AS = ("视", "称", "选", "奉", "尊", "封", "任命", "推举", "看作", "聘")
# Nouns after 场 that take the reading cháng (weather and illness events, and CHANG2_WORDS); shows, games
# and other events are chǎng.
CHANG2_EVENTS = frozenset("病雨雪风梦灾")
# Events and happenings 场 counts as cháng besides those (一场战争, 这场革命): a spell, not a show.
CHANG2_WORDS = frozenset({
    "战争", "革命", "误会", "争论", "争吵", "灾难", "风波", "官司", "浩劫", "危机", "地震", "洪水",
    "大火", "车祸",
})  # fmt: skip
# Objects of 背 "carry on the back" (bēi); otherwise 背 "recite" (bèi).
CARRIED = ("包", "孩子", "行李", "不动", "起", "着", "在")
# Characters before 藏 read zàng (Tibet): 西藏, 川藏, 入藏, 驻藏 …
TIBET_BEFORE = frozenset("西川青入进驻援汉蒙康滇")
# Verbs whose result complement 着 is zháo "succeed in" (没找着, 睡不着, 猜着了); after others it is zhe.
RESULT_ZHAO = frozenset("找睡见猜摸买借够用碰抓逮赶捞闻遇想点着打")
# Words before 教会 "church" (去教会, 在教会): places one goes to or is in.
CHURCH_BEFORE = frozenset({"去", "在", "到", "回", "进", "从", "离开", "上", "这个", "那个", "这所", "那所"})
# Question ends after 多 + adjective (有多重？ 多重啊): "how".
QUESTION_ENDS = frozenset({"吗", "呢", "啊", "呀", "？", "?"})
# Words after 过去 "the past" used as a time adverbial (他过去是老师, 过去常常下雨).
PAST_FOLLOWERS = frozenset({
    "是", "有", "一直", "常", "常常", "经常", "总是", "曾", "曾经",
    "很", "不", "没", "没有", "也", "都", "就",
})  # fmt: skip
# Result complements after V不 (听不懂, 背不动): there 不 is neutral.
COMPLEMENTS = frozenset("懂动了到完起开见清住下上来去出好对成掉走")
# Complements of two characters a potential 不 stands before (听 不 清楚, 站 不 起来), and the one-character
# complements that cannot be the verb's plain negation after a longer verb (控制 不 住, but 觉得 不 对).
LONG_COMPLEMENTS = DIRECTIONS | {"清楚", "明白", "干净"}
ONLY_COMPLEMENTS = frozenset("住动完懂到见清起了")  # also joined after 不 in one token (控制 不住, 解决 不了)


class Context:
    """Neighbourhood of one character: its unit, the units before and after, the sentence."""

    def __init__(self, units: Sequence[Unit], ui: int) -> None:
        self.units = units
        self.ui = ui
        self.unit = units[ui]

    def prev(self, n: int = 1) -> Unit | None:
        j = self.ui - n
        return self.units[j] if j >= 0 else None

    def next(self, n: int = 1) -> Unit | None:
        j = self.ui + n
        return self.units[j] if j < len(self.units) else None

    def prev_text(self, n: int = 1) -> str:
        u = self.prev(n)
        return u.text if u is not None else ""

    def next_text(self, n: int = 1) -> str:
        u = self.next(n)
        return u.text if u is not None else ""

    def prev_flag(self, n: int = 1) -> str:
        u = self.prev(n)
        return u.flag if u is not None else ""

    def next_flag(self, n: int = 1) -> str:
        u = self.next(n)
        return u.flag if u is not None else "x"

    def opens(self) -> bool:
        """The unit follows one word opening the sentence and stands before a personal pronoun, the subject
        (会 上 他 第一个 发言): that word is a place or time, unless CC-CEDICT's first sense makes it a verb
        (填 上 你 的 名字)."""
        first = self.prev_text(2) in ("", "，", "。")
        return first and constructions.opens_with_place(self.prev_text(), self.next_text())

    def at_end(self) -> bool:
        """No Chinese word follows before punctuation or the end of the sentence."""
        u = self.next()
        return u is None or u.flag in PUNCT_FLAGS

    def before(self) -> str:
        """The sentence text before this character's unit."""
        return "".join(u.text for u in self.units[: self.ui])

    def after(self) -> str:
        return "".join(u.text for u in self.units[self.ui + 1 :])
