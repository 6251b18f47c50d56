"""A sense's wording and a token's clause → how well they go together, for senses whose wording names the
construction they belong to.

Two kinds. CC-CEDICT's usage notes ("(after a verb)", "(before an expression of quantity)", "to let sb do
sth") say where a sense is used: the first note a sense carries decides, and a sense whose construction is
absent is demoted. Cues are kinds of meaning that need a construction whatever word carries them: "please"
opens a request (请坐), "should" gives advice with no subject or to "you" (要多喝水), "likely" and "will"
speak of the future (明天会下雨吗), "OK" closes a clause (这样行吗), a nominaliser follows 所 + verb or
"what" (做什么的), "exactly" is said of a quantity or 是, not of an action (正从花园来 "just"), duration and
frequency ("once", "a while") follow the verb in Chinese, so before it they are something else (一下就明白
"all at once"). Every cue that matches a sense applies.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from deckbuilder.chinese import NUMERALS
from deckbuilder.senses.context import Slot
from deckbuilder.senses.entries import dictionary_noun, eventive, first_shape
from deckbuilder.senses.shapes import Shape


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


PUNCT = frozenset("，。！？；：、,.!?;:…“”\"'（）()")
PARTICLES = frozenset("吗吧呢啊呀嘛啦了")  # sentence particles that close a clause (行吗, 就行了)
_SECOND_PERSON = frozenset({"你", "您", "你们"})
# Time words that place a clause in the future (明天会下雨, 以后要注意).
_FUTURE = _set("明天 后天 明年 后年 将来 以后 今后 未来 下周 下星期 下个月 下次 明早 明晚 马上 快")
# What ends a verb's tentative form: 试试 看, 想一下 看 (看 "to try"); after a plain verb 看 is no trial.
_TENTATIVE = frozenset({"一下", "一下儿", "一会儿", "看看"})
_ASKS = frozenset("？?")
_MANY = frozenset({"大家", "大伙", "大伙儿", "所有", "人人", "全家", "全班", "每个人", "俩", "各位"})
_MEANS = _set("用 通过 靠 借 借助 借由 凭 凭借 利用 以")
TIME_OF = frozenset({"时候", "时", "的时候"})
_SERVINGS = frozenset("杯瓶碗份盘斤碟壶罐串个")  # what one orders: 来 一 杯
_INTO = frozenset("在进满到")  # where what is loaded goes: 装 在 盒 里
_SOON = frozenset({"快", "很快", "马上", "立刻", "立即", "一会儿"})
_HOURS = frozenset(
    ["一", "两", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]
)  # the hours of a clock
# Negations after which "(not) at all" is said (并 不, 并 没有), and what 以 … stands before when it is a
# reason: 以 … 闻名 "famous for".
_NEGATIONS = frozenset({"不", "没", "没有", "未", "非", "无", "不是", "不会", "不能"})
_FAME = frozenset({"闻名", "著名", "出名", "知名", "著称", "闻名于世", "为荣", "自豪", "骄傲"})
_MEASURES_OF_ACTION = frozenset({"一下", "下", "一下儿", "一会儿", "一遍", "一次"})
# What 跟/和 … ends in when it means "with": 跟 他 有关, 跟 朋友 一起 去, 跟 她 结婚.
_WITH = _set(
    "有关 无关 相关 有关系 没关系 一起 一块 一块儿 在一起 合作 结婚 见面 商量 聊天 打交道 联系 分手 吵架"
)
# Body and health words: a 毛病 there is an ailment, not a fault (我 的 胃 有 毛病).
_BODY = _set(
    "身体 头 腿 脚 手 手臂 胳膊 眼睛 眼 耳朵 鼻子 嘴 牙 牙齿 胃 心脏 肚子 嗓子 喉咙 腰 背 皮肤 "
    "肝 肺 肩膀 膝盖 脖子 健康 医生 病 看病 检查"
)
# Objects 做 does rather than makes, besides actions (做 运动, 做 练习): 做 事, 做 作业, 做 生意.
_DONE = _set("事 事情 作业 生意 家务 工作 功课 好事 坏事")


def _no_subject(slot: Slot, allowed: frozenset[str] = frozenset()) -> bool:
    """Nothing before the token in its clause names who acts (adverbs and time words may stand there, and a
    noun a verb before it takes as object: 过 马路 要 小心, 吃 了 饭 要 休息 have no subject)."""
    tags = ("",) + slot.left_tags
    return all(
        t[:1] not in ("n", "r") or w in allowed or t == "t" or (t[:1] == "n" and _takes_object(tags[k]))
        for k, (w, t) in enumerate(zip(slot.left, slot.left_tags, strict=True))
    )


def _takes_object(tag: str) -> bool:
    """A verb's tag, or an aspect particle's, which only follows a verb (the tagger's ug for a verb 过)."""
    return tag[:1] == "v" or tag in ("ul", "ug", "uz")


def _complement(slot: Slot) -> bool:
    """After a verb and before 了: a result the verb reached (做 好 了), not a verdict on the matter."""
    return slot.prev_tag[:1] == "v" and slot.next == "了"


def _after_verb(slot: Slot) -> bool:
    """A verb stands right before the token, or before the aspect particle that does (笑 了 起来 "began to
    laugh", 唱 着 起来)."""
    if slot.prev_tag[:1] == "v":
        return True
    if slot.prev_tag[:1] not in ("n", "r", "m", "q", "f", "u", "x", "p", "c", "d") and (
        first_shape(slot.prev) is Shape.VERB
    ):
        return True  # 藏 起来: a verb the tagger took for something else (藏 j)
    tags = slot.left_tags
    return slot.prev in ("了", "着") and len(tags) >= 2 and tags[-2][:1] == "v"


def _many(slot: Slot) -> bool:
    """The clause names several before the token (大家 都, 孩子们 都, 你 和 我 都): what 都 sums up."""
    return any(w in _MANY or w.endswith("们") or w in ("和", "、", "跟") for w in slot.left)


def _all_but(slot: Slot) -> bool:
    return "除" in slot.others or "除了" in slot.others


def _noun_tagged_verb(slot: Slot) -> bool:
    """The word before is a verb the tagger took for a noun, as the 了 after the token shows (体会 到 了)."""
    return slot.prev_tag[:1] == "n" and slot.next == "了" and first_shape(slot.prev) is Shape.VERB


def closes(slot: Slot | tuple[str, ...]) -> bool:
    """The token ends its clause, alone or before sentence particles (行吗？, 也行。, 就行了); or, given the
    words that follow something, they are such particles only."""
    return all(w in PARTICLES for w in (slot if isinstance(slot, tuple) else slot.right))


def _verb_follows(slot: Slot) -> bool:
    """A verb follows, maybe after adverbs (要 多 穿, 请 抓紧), a person it is asked of (请 你 帮忙) or a
    preposition's phrase (请 把 门 关上); a phrase the segmenter glued (多喝水, tagged l) counts as one."""
    for k, (word, tag) in enumerate(zip(slot.right[:4], slot.right_tags[:4], strict=True)):
        if tag[:1] in ("v", "l"):
            return True
        if tag[:1] == "n" and closes(slot.right[k + 1 :]):
            return eventive(word)  # 上课 要 专心: an action the tagger took for a noun ends the clause
        if k == 0 and tag[:1] == "n" and slot.right_tags[1:2] in (("v",), ("vn",)) and closes(slot.right[2:]):
            return True  # 要 全面 检查: a manner the tagger took for a noun, then the verb ending the clause
        if k == 0 and tag[:1] == "p":  # 请 把 窗帘 拉开, 请 用 剪刀 剪: a preposition's phrase, then its verb
            return any(t[:1] in ("v", "l") for t in slot.right_tags[1:5])
        manner = tag[:1] == "d" or (len(word) == 1 and tag[:1] in ("a", "m"))  # 多 穿, 早 来, 快 走
        manner = manner or word == "地" or slot.right[k + 1 : k + 2] == ("地",)  # 要 客观 地 判断
        if not manner and not (k == 0 and tag[:1] == "r"):
            return False
    return False


def _tentative(slot: Slot) -> bool:
    """After a verb's tentative form: a reduplicated verb (试试, 想想, 研究研究) or V 一下."""
    p = slot.prev
    doubled = len(p) in (2, 4) and p[: len(p) // 2] == p[len(p) // 2 :]
    return doubled or p in _TENTATIVE


def _numeral(word: str) -> bool:
    return bool(word) and (word[0] in NUMERALS or word[0].isdigit())


def _clause_follows(slot: Slot, heads: tuple[str, ...]) -> bool:
    """A subject, then a predicate whose tag starts with one of `heads` ("": any): 让 我 早点 回家, 想 他
    不会 来, 让 大家 很 高兴."""
    after = slot.following
    return (
        len(after) > 1
        and after[0][:1] in ("n", "r")
        and any(t.startswith(heads) and t != "x" for t in after[1:])
    )


def _stressed(slot: Slot) -> bool:
    """The token ends a statement, or closes a 是 … 的 frame around an event (`_shi_de`)."""
    if "是" in slot.left and _shi_de(slot):
        return True
    if "怎么" in slot.left and slot.prev_tag[:1] == "v" and closes(slot):
        return True  # 你 怎么 搞 的？: how it happened, the 是 left out
    if slot.prev_tag[:1] in ("r", "n") and slot.left[-2:-1] == ("是",):
        return False  # 是 我 的: whose
    return _closing(slot) and slot.clause_end not in _ASKS


def _shi_de(slot: Slot) -> bool:
    """The token closes a 是 … 的 frame around an adverbial and a verb (是 昨天 来 的, 是 怎么 称呼 你 父亲
    的 呢): something said about how an event happened, not a thing."""
    after = slot.left[slot.left.index("是") + 1 :]
    tags = slot.left_tags[len(slot.left) - len(after) :]
    verb = any(t[:1] == "v" for t in tags[1:])  # not right after 是: 是 教 什么 的 names what one does
    return closes(slot) and verb and slot.prev not in ("什么", "谁")


def _closing(slot: Slot) -> bool:
    return not slot.next or slot.next in PUNCT


def _means_before(slot: Slot) -> bool:
    """A verb or a preposition of means stands earlier in the clause, whose object the token follows (用 方法
    来, 雇 我 来); not 由 我 来 负责 or 对 我 来说, where the preposition names no means, nor after a topic
    (宣传 由 我 来 负责)."""
    if slot.prev_tag[:1] not in ("n", "r"):
        return False
    return any(t[:1] == "v" and t != "vn" for t in slot.left_tags[:-1]) or bool(_MEANS & set(slot.left))


def _object_then_verb(slot: Slot) -> bool:
    """A noun or pronoun follows, then a verb later in the clause (将 门 关上)."""
    return slot.next_tag[:1] in ("n", "r") and any(t[:1] == "v" for t in slot.right_tags[1:])


# Localizers that close a noun phrase of place or scope (在 实践 中, 在 这 方面, 在 桌子 上).
PLACE_LOCALIZERS = frozenset({"中", "上", "里", "下", "内", "外", "之中", "当中", "方面", "期间", "以内"})


def noun_phrase_follows(slot: Slot) -> bool:
    """What follows is a noun phrase of place, time or scope before the verb: a noun, pronoun, place or
    time word (在 公司, 在 这家 银行, 在 冬天), a date counted with 月/年/号 (在 五月), or a phrase that a
    localizer closes within a few words (在 实践 中 学习, 在 学习 上), whatever the tagger took its head
    for."""
    if slot.next_tag[:1] == "n" and closes(slot.right[1:]) and eventive(slot.next):
        return False  # an action the tagger took for a noun ends the clause: 在 做作业
    if slot.next_tag[:1] in ("n", "r", "s", "f", "t"):
        return True
    if _numeral(slot.next) and slot.next[-1:] in ("月", "年", "号", "日", "点"):
        return True
    for k, (word, tag) in enumerate(zip(slot.right[1:4], slot.right_tags[1:4], strict=False)):
        if word in PUNCT:
            return False
        if tag[:1] == "f" and word in PLACE_LOCALIZERS:
            return slot.right[k + 2 : k + 3] != ("的",)
    return False


def noun_before(slot: Slot) -> bool:
    """A noun stands before the token: tagged one, or a localizer after a word the tagger took for a verb
    or left untagged whose dictionary sense is a noun (信封 上 有 邮票: "envelope", so 上 is "on", no
    complement; 沙滩 上 的 人)."""
    untagged = not slot.prev_tag and slot.tag == "f" and dictionary_noun(slot.prev)
    if slot.prev_tag.startswith("n") or untagged:
        return True
    return slot.tag == "f" and slot.prev_tag[:1] == "v" and dictionary_noun(slot.prev)


def _object_word(slot: Slot) -> str:
    """The first word after the token and its aspect particle (过 了 红绿灯: 红绿灯)."""
    rest = [w for w in slot.right[:2] if w not in ("了", "过", "着")]
    return rest[0] if rest else ""


def _place_object(slot: Slot) -> bool:
    """After the token (and its 了) comes a thing or a place, not a time or a number (过 了 桥)."""
    k = 1 if slot.next == "了" else 0
    word, tag = slot.right[k : k + 1], slot.right_tags[k : k + 1]
    return bool(word) and tag[0][:1] in ("n", "s") and not _numeral(word[0])


def _yi_verb(slot: Slot) -> bool:
    """A bare 一 before a verb earlier in the clause (他 一 来 …)."""
    pairs = zip(slot.left, slot.left_tags[1:], strict=False)
    return any(w == "一" and t[:1] == "v" for w, t in pairs)


def _when(slot: Slot) -> bool:
    """The clause goes on to 的时候 or 时: it says when something happens (在 吃饭 的 时候)."""
    return any(w in TIME_OF for w in slot.right[1:])


Rule = tuple[re.Pattern[str], Callable[[Slot], bool], float]
_BEFORE_VERB = re.compile(r"before a verb")

# Usage notes CC-CEDICT writes in a sense, the neighbourhood each needs, and what a fit is worth (a narrower
# pattern first and worth more: "to make sb (feel sad etc)" where an adjective follows, over the general "to
# let sb do sth"; 看 "to try" after a tentative verb, over "after a verb" in general).
USAGE: tuple[Rule, ...] = (
    (re.compile(r"\(after a verb\) to (give it a )?try"), _tentative, 2.0),
    # Between two verbs (综合 来 看, 想办法 来 解决) the link is purpose, before any directional reading.
    # So between a means and a purpose: 用 这个 方法 来 解决 (a verb or preposition earlier in the clause).
    (
        re.compile(r"^\(between two verbs\)"),
        lambda s: s.next_tag[:1] == "v" and (s.prev_tag[:1] == "v" or _means_before(s)),
        2.5,
    ),
    # 将 before its object and a verb is 把: 将 书 放 在 桌上; and 把 itself there (别 把 东西 乱 摆).
    (re.compile(r"introduces object of main verb|put the object before the verb"), _object_then_verb, 2.5),
    (
        re.compile(r"after (a|certain) verbs?|verb (complement|suffix)|directional complement"),
        lambda s: (_after_verb(s) and not noun_before(s)) or _noun_tagged_verb(s),
        2.0,
    ),
    # 在 … 的 时候 places an event in time ("at" the time when), however the clause goes on: no progressive.
    (_BEFORE_VERB, lambda s: s.next_tag.startswith("v") and not _when(s) and not noun_phrase_follows(s), 1.5),
    # "to be (located) at": a place, time or person follows (在 公司, 在 冬天, 在 桌子 上), or a time (在 吃饭
    # 的 时候), or a verb comes before (坐 在 最 底下).
    (re.compile(r"\(located\) at"), lambda s: noun_phrase_follows(s) or _when(s) or _after_verb(s), 1.5),
    # 一片 光明, 一阵 笑声: a classifier "used with numeral 一" for a scene, feeling or sound.
    (re.compile(r"used with numeral 一"), lambda s: s.prev == "一", 4.0),
    (re.compile(r"before an adjective"), lambda s: s.next_tag.startswith("a"), 1.5),
    # The copula before what it names (是 个 很 坦率 的 人, 是 一位 英雄): "to be", whatever English word
    # ("true", "very") another sense shares; 是 alone (是的, 是吗？) is an answer.
    (
        re.compile(r"followed by substantives"),
        lambda s: bool(s.next) and s.next not in PUNCT and s.next not in PARTICLES and s.next != "的",
        3.0,
    ),
    (
        re.compile(r"expression of quantity|before a number|followed by a number"),
        lambda s: _numeral(s.next),
        1.5,
    ),
    # 一 + a verb … 就: "as soon as" (他 一 来 我 就 走); after "soon" (很 快 就 到 了) "immediately".
    (re.compile(r"^\(after a clause of action\)"), lambda s: _yi_verb(s) or s.prev in _SOON, 2.5),
    # (a condition may end in 了 with no comma: 累 了 就 歇 "then")
    (re.compile(r"after a (suppositional )?clause"), lambda s: s.clause_before or s.prev == "了", 1.5),
    (re.compile(r"noun suffix"), noun_before, 1.5),
    (re.compile(r"\bmake sb \("), lambda s: _clause_follows(s, ("a", "b", "zg")), 2.0),
    (re.compile(r"\bsb (to )?do sth|\(that\)"), lambda s: _clause_follows(s, ("",)), 1.5),
    (re.compile(r"\(to\)"), _verb_follows, 1.5),  # 想喝 "to want (to)" drink, 想 单独 谈谈
    # A declarative sentence's particle ends no question (你 呢？ asks "what about you?").
    # 是 … verb … 的 stresses how, when or where something was done, also in a question (你 是 怎么 来 的？);
    # 是 我 的 is "mine", 是 教 什么 的 "what (he) teaches".
    (re.compile(r"end of a declarative sentence"), lambda s: _stressed(s), 1.5),
    (re.compile(r"end of a sentence|sentence-final"), _closing, 1.5),
    # Purpose between two verb phrases: 点头 以 示 鼓励 "so as to", not "according to".
    (
        re.compile(r"^(in order to|so as to)\b"),
        lambda s: s.next_tag.startswith("v") and any(t[:1] == "v" for t in s.left_tags),
        1.5,
    ),
)


def usage_fit(raw: str, slot: Slot) -> float:
    """The worth of the first usage note `raw` carries where `slot` stands (-1 where its construction is
    absent, 0 for a sense without one)."""
    k = _first_usage(raw)
    if k < 0:
        return 0.0
    rx, fits, worth = USAGE[k]
    if fits(slot):
        return worth
    # A noun where the note wants a verb: the construction is plainly absent (在 公司 工作 is "at", not the
    # progressive), more than a verb the tagger may have missed.
    return -3.0 if rx is _BEFORE_VERB and noun_phrase_follows(slot) else -1.0


@lru_cache(maxsize=50_000)
def _first_usage(raw: str) -> int:
    """The index of the first usage rule whose note `raw` carries, or -1 (memoised: a sense is read often)."""
    low = raw.lower()
    return next((k for k, (rx, _, _) in enumerate(USAGE) if rx.search(low)), -1)


_PURE_MODAL = re.compile(
    r"^((need to|should|will|shall|about to|must|may|might|could|would|ought to|can)(; |$))+$"
)
# Kinds of meaning and the construction each needs: (sense wording, where it fits, worth there).
CUES: tuple[Rule, ...] = (
    # "o'clock" tells the hour of a number before it (三 时, 九 点); elsewhere 时 is a time or "when".
    (re.compile(r"^o'clock$"), lambda s: not _numeral(s.prev), -1.5),
    # … and is the hour after the number of one (九 点 到, 12 点) unless a noun follows (三 点 意见).
    (
        re.compile(r"^o'clock$"),
        lambda s: (s.prev in _HOURS or s.prev.isdigit()) and s.next_tag[:1] != "n",
        5.0,
    ),
    # 多 before an adjective asks or exclaims how much (多 美 的 风景, 有 多 重): "how", not "many".
    (
        re.compile(r"^how \(to what extent\)"),
        lambda s: s.next_tag[:1] == "a" or first_shape(s.next) is Shape.ADJECTIVE,
        2.5,
    ),
    # "thanks to" whom or what follows (多亏 了 你), not "luckily" opening a clause.
    (
        re.compile(r"^thanks to\b"),
        lambda s: _place_object(s) or s.right_tags[s.next == "了" :][:1] == ("r",),
        2.0,
    ),
    # 来 before a count orders or asks for it (来 一 杯 咖啡, 再 来 两 瓶): the verb it stands for.
    (
        re.compile(r"^\(used as a substitute for a more specific verb"),
        lambda s: _numeral(s.next) and s.right[1:2] != () and s.right[1][:1] in _SERVINGS,
        3.0,
    ),  # fmt: skip
    # 一 before a verb, with 就 to follow: "as soon as" (他 一 来 我 就 走).
    (re.compile(r"^as soon as$"), lambda s: s.next_tag[:1] == "v" and "就" in s.right, 3.0),
    # 要 opening a sentence before what to do is advice (要 节省 用电 "should"), not a want.
    (re.compile(r"^need to; should$"), lambda s: not s.left and bool(s.next) and s.next not in PUNCT, 2.0),
    # What is put in a container or place (装 在 盒 里, 瓶子 里 装 的): "to load; to pack", not "to adorn".
    (re.compile(r"^to (load|pack)$"), lambda s: s.next in _INTO or s.prev in ("里", "中"), 3.0),
    # 号 after a number or 几 is the day of the month (五 号, 几 号).
    (re.compile(r"\bday of a month\b"), lambda s: _numeral(s.prev) or s.prev == "几", 3.0),
    # Motion over to a place: 过去 before where or what for (你 过去 到 那里, 过去 看看) is no "past".
    (re.compile(r"^to go over\b"), lambda s: s.next_tag[:1] in ("v", "p"), 2.0),
    # Negations before a verb: 别 去 "don't", 没有 失望 "haven't".
    (re.compile(r"^don't\b"), lambda s: _verb_follows(s), 3.0),
    (re.compile(r"^(haven't|hasn't)\b"), lambda s: s.next_tag[:1] == "v", 2.5),
    # "to regard as" takes what it regards and what as: a clause (就 当 你 夸 我 了) or 把's object (把 我 当
    # 孩子).
    (re.compile(r"^to (regard|treat) as\b"), lambda s: "把" in s.left or _object_then_verb(s), 2.0),
    # A degree closing the clause after the complement's 得 (高兴 得 不得了 "extremely", 累 得 要命).
    (
        re.compile(r"^(extremely|exceedingly|very much|awfully|terribly|to death)\b"),
        lambda s: s.prev == "得" and closes(s),
        2.5,
    ),
    (re.compile(r"^please\b"), lambda s: _no_subject(s) and _verb_follows(s), 2.0),
    (
        re.compile(r"\b(should|must|ought to|have to|need to)\b"),
        lambda s: _no_subject(s, _SECOND_PERSON) and _verb_follows(s),
        1.0,
    ),
    (
        re.compile(r"\blikely\b|^will\b(?! do)|\bshall\b|\babout to\b"),
        lambda s: bool(_FUTURE & set(s.left)) or (s.right[-1:] == ("了",) and _verb_follows(s)),
        1.0,
    ),
    # "OK", said of the matter at hand, closes its clause: 这样 行 吗, 也 行, not 他 很 行 "capable".
    (
        re.compile(r"^(all right|ok|okay|will do|fine)!?$"),
        lambda s: closes(s) and s.prev_tag[:1] != "n" and s.prev not in DEGREE and not _complement(s),
        2.0,
    ),
    (
        re.compile(r"used to form a nominal expression"),
        lambda s: "所" in s.left or s.prev in ("什么", "啥"),
        2.0,
    ),
    # A modal needs a verb: 要 一杯 咖啡 is "to want".
    (_PURE_MODAL, lambda s: s.next_tag[:1] in ("n", "r", "m", "q") and not _verb_follows(s), -1.0),
    # "exactly" is said of a quantity, a time or 是, not of an action (正 从 花园 来: "just").
    (
        re.compile(r"^(exactly|precisely)\b"),
        lambda s: s.next_tag[:1] in ("v", "p") and s.next not in ("是", "好"),
        -1.0,
    ),
    # Duration and frequency follow the verb: before a predicate 一下 is "all at once", not "once".
    (
        re.compile(r"^(once|twice|one time|in a while|a while|a moment)\b|\bfor a bit\b|give it a (try|go)"),
        lambda s: s.next_tag[:1] in ("v", "d", "p") and s.prev_tag[:1] != "v",
        -1.0,
    ),
    # "to regard as" needs what it regards sth as: 算 一下 is "to calculate".
    (
        re.compile(r"^to \w+ as$"),
        lambda s: s.next in _MEASURES_OF_ACTION or not s.right or s.next_tag[:1] == "u",
        -1.5,
    ),
    # "all" quantifies what stands before it: 都 opening its clause (都 十二点 了) is "already", unless an
    # earlier clause said all but whom (除了 他 以外 ， 都 来 了).
    (re.compile(r"^(all|both)\b"), lambda s: s.tag[:1] == "d" and not s.left and not _all_but(s), -1.0),
    (re.compile(r"^already\b"), lambda s: s.right[-1:] == ("了",) and not _all_but(s) and not _many(s), 0.5),
    # "with" where the clause ends in what is done or related together (跟 他 有关, 跟 朋友 一起 去).
    (re.compile(r"^with$"), lambda s: bool(_WITH & set(s.right[1:])), 2.0),
    # "to do" an action or a task (做 练习, 做 作业), where "to make" is for things (做 饭).
    (re.compile(r"^to do\b"), lambda s: _object_word(s) in _DONE or eventive(_object_word(s)), 1.5),
    # "(time)" passes where a time or a number follows, not a place (过 了 桥 "to cross").
    (re.compile(r"\(time\)$"), lambda s: _place_object(s), -1.5),
    # Flowers bloom: elsewhere 开放 is "to be open".
    (re.compile(r"^to (bloom|blossom)\b"), lambda s: "花" not in "".join(s.left + s.right), -2.0),
    (re.compile(r"^ailment\b"), lambda s: bool(_BODY & set(s.left + s.right)), 3.0),
    # "(not) at all" strengthens a negation: 并 不, 并 没有.
    # (连 … 都 不 is "even": the emphasis is on what 连 names.)
    (re.compile(r"^\(not\) at all"), lambda s: s.next in _NEGATIONS and "连" not in s.left, 3.0),
    # "because of" where the clause ends in what one is known for: 以 … 闻名.
    (re.compile(r"^because of\b"), lambda s: any(w in _FAME for w in s.right[1:]), 3.0),
)


def cue_fit(text: str, slot: Slot) -> float:
    """The worth of every cue the shown sense `text` matches where `slot` stands."""
    return sum(CUES[k][2] for k in _cues(text) if CUES[k][1](slot))


@lru_cache(maxsize=50_000)
def _cues(text: str) -> tuple[int, ...]:
    """The indices of the cues whose wording `text` matches (memoised)."""
    low = text.lower()
    return tuple(k for k, (rx, _, _) in enumerate(CUES) if rx.search(low))


# Degree adverbs: what follows them is said of something (非常 棒 "wonderful", 有点 花 "florid").
DEGREE = _set(
    "很 太 非常 有点 有点儿 有些 比较 挺 更 最 真 特别 十分 相当 多么 这么 那么 越来越 极 极其 格外 更加 "
    "稍微 蛮 超"
)
