"""Where a token stands in its clause, and CC-CEDICT's usage notes that need it: a sense's note and a
token's neighbours → how well they go together.

CC-CEDICT's usage notes ("(after a verb)", "(before an expression of quantity)", "to let sb do sth") say where
a sense is used: the first note a sense carries decides (`USAGE`), and a sense whose construction is absent
is demoted. The predicates that read a token's neighbours (a noun phrase follows, the clause closes, a verb
follows) live here too; `cues` asks them about kinds of meaning.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from deckbuilder.chinese import DIRECTIONS, NUMERALS
from deckbuilder.constructions import opens_with_place
from deckbuilder.senses.context import Slot
from deckbuilder.senses.entries import candidates, dictionary_noun, eventive, first_shape
from deckbuilder.senses.shapes import Shape


def set_of(text: str) -> frozenset[str]:
    return frozenset(text.split())


PUNCT = frozenset("，。！？；：、,.!?;:…“”\"'（）()")
PARTICLES = frozenset("吗吧呢啊呀嘛啦了")  # sentence particles that close a clause (行吗, 就行了)
# What ends a verb's tentative form: 试试 看, 想一下 看 (看 "to try"); after a plain verb 看 is no trial.
_TENTATIVE = frozenset({"一下", "一下儿", "一会儿", "看看"})
_ASKS = frozenset("？?")
_MEANS = set_of("用 通过 靠 借 借助 借由 凭 凭借 利用 以")
TIME_OF = frozenset({"时候", "时", "的时候"})
_SOON = frozenset({"快", "很快", "马上", "立刻", "立即", "一会儿"})


def _after_verb(slot: Slot) -> bool:
    """A verb stands right before the token, or before the aspect particle that does (笑 了 起来 "began to
    laugh", 唱 着 起来)."""
    if thing_before(slot):
        return False
    if slot.prev_tag[:1] == "v":
        return True
    if slot.prev_tag[:1] not in ("n", "r", "m", "q", "f", "u", "x", "p", "c", "d") and (
        first_shape(slot.prev) is Shape.VERB
    ):
        return True  # 藏 起来: a verb the tagger took for something else (藏 j)
    tags = slot.left_tags
    return slot.prev in ("了", "着") and len(tags) >= 2 and tags[-2][:1] == "v"


def directs(slot: Slot) -> bool:
    """A compound directional complement the tagger took for something else (下来 t), after the verb or
    adjective it completes, however that is tagged (记录 下来 n, 冷静 下来 a), when CC-CEDICT describes its
    use as a motion or completion: "(completed action marker)", not "to come down" (上来 "(verb
    complement indicating success)" fits 答 上来, not 交 上来)."""
    if slot.word not in DIRECTIONS or slot.tag[:1] == "v" or thing_before(slot) or not slot.prev_tag:
        return False
    if slot.prev_tag[:1] not in ("v", "a") and first_shape(slot.prev) not in (Shape.VERB, Shape.ADJECTIVE):
        return False
    return _completes(slot.word)


@lru_cache(maxsize=64)
def _completes(word: str) -> bool:
    """Whether CC-CEDICT describes a use of `word` as a motion or a completion (下来 "(completed action
    marker)")."""
    return any(
        _COMPLETION.search(s.raw) for c in candidates(word) for s in c.senses if s.shape is Shape.FUNCTION
    )


_COMPLETION = re.compile(r"\b(motion|completion|completed)\b")


def after_action(slot: Slot) -> bool:
    """A verb of action stands right before the token (指派 给), not a modal or a verb that takes another
    verb (想 给 他, 去 给 他 买): a word the tagger calls a noun counts when its first sense is a verb."""
    if slot.prev in TAKES_VERB:
        return False
    if slot.prev_tag[:1] == "v":
        return True
    return slot.prev_tag[:1] == "n" and len(slot.prev) > 1 and first_shape(slot.prev) is Shape.VERB


def thing_before(slot: Slot) -> bool:
    """The word before the token is what a 的 describes (手指 上 的 伤 好 了): a thing, whatever its tag."""
    return slot.left[-2:-1] == ("的",)


def _directed(slot: Slot) -> bool:
    """The verb before ends in a direction (蹲下, 走过, 站起): a 来 or 去 after it completes the direction."""
    return slot.prev[-1:] in _DIRECTIONS and len(slot.prev) > 1


_DIRECTIONS = frozenset("下上出进回过起开")


def _noun_tagged_verb(slot: Slot) -> bool:
    """The word before is a verb the tagger took for a noun, as the 了 after the token shows (体会 到 了)."""
    return slot.prev_tag[:1] == "n" and slot.next == "了" and first_shape(slot.prev) is Shape.VERB


def closes(slot: Slot | tuple[str, ...]) -> bool:
    """The token ends its clause, alone or before sentence particles (行吗？, 也行。, 就行了); or, given the
    words that follow something, they are such particles only."""
    return all(w in PARTICLES for w in (slot if isinstance(slot, tuple) else slot.right))


def verb_follows(slot: Slot) -> bool:
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


def numeral(word: str) -> bool:
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


# Verbs of feeling a 让/使 + person makes someone feel (让 人 尊敬, 使 我 感动).
_FEELINGS = set_of(
    "尊敬 佩服 感动 失望 担心 害怕 羡慕 讨厌 喜欢 难过 生气 放心 满意 吃惊 感到 觉得 怀念 敬佩"
)


def _feeling_follows(slot: Slot) -> bool:
    """A person and a verb of feeling follow: what 让 makes someone feel (让 人 尊敬)."""
    return slot.following[:1] in (("r",), ("n",)) and slot.right[1:2] != () and slot.right[1] in _FEELINGS


def _condition(slot: Slot) -> bool:
    """The clause holds a verb before the token and one follows it (or a phrase jieba keeps, tagged l): its
    first part is the condition (有 紧急 情况 就 打电话)."""
    return slot.next_tag[:1] in ("v", "l") and any(t[:1] == "v" for t in slot.left_tags)


def _stressed(slot: Slot) -> bool:
    """The token ends a statement, or closes a 是 … 的 frame around an event (`_shi_de`)."""
    if "是" in slot.left and _shi_de(slot):
        return True
    if "怎么" in slot.left and slot.prev_tag[:1] == "v" and closes(slot):
        return True  # 你 怎么 搞 的？: how it happened, the 是 left out
    if slot.prev_tag[:1] in ("r", "n") and slot.left[-2:-1] == ("是",):
        return False  # 是 我 的: whose
    if "是" not in slot.left and "会" not in slot.left and slot.prev_tag[:1] in ("n", "a", "b"):
        return False  # 这次 要 数码 的: "a digital one", a thing named (but 他 会 让 你 吃 灰 的: stress)
    return _closing(slot) and slot.clause_end not in _ASKS


def _shi_de(slot: Slot) -> bool:
    """The token closes a 是 … 的 frame around an adverbial and a verb (是 昨天 来 的, 是 怎么 称呼 你 父亲
    的 呢): something said about how an event happened, not a thing."""
    after = slot.left[slot.left.index("是") + 1 :]
    tags = slot.left_tags[len(slot.left) - len(after) :]
    verb = any(t[:1] == "v" for t in tags[1:])  # not right after 是: 是 教 什么 的 names what one does
    return closes(slot) and verb and slot.prev not in ("什么", "谁")


def _closing(slot: Slot) -> bool:
    """At the end of its sentence, and read with a neutral tone there if read at all: a closing particle
    is light (在 哪？ nǎ "where" is no 哪 na "particle")."""
    light = not slot.syllables or slot.syllables[-1].endswith("5")
    return (not slot.next or slot.next in PUNCT) and light


def _means_before(slot: Slot) -> bool:
    """A verb or a preposition of means stands earlier in the clause, whose object the token follows (用 方法
    来, 雇 我 来); not 由 我 来 负责 or 对 我 来说, where the preposition names no means, nor after a topic
    (宣传 由 我 来 负责)."""
    if slot.prev_tag[:1] not in ("n", "r"):
        return False
    return any(t[:1] == "v" and t != "vn" for t in slot.left_tags[:-1]) or bool(_MEANS & set(slot.left))


def object_then_verb(slot: Slot) -> bool:
    """A noun or pronoun follows (or a noun phrase a place word or an attribute opens: 将 周边 的 国家 都
    视作 威胁), then a verb later in the clause (将 门 关上)."""
    return slot.next_tag[:1] in ("n", "r", "f", "b", "s") and any(t[:1] == "v" for t in slot.right_tags[1:])


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
    if numeral(slot.next) and slot.next[-1:] in ("月", "年", "号", "日", "点"):
        return True
    for k, (word, tag) in enumerate(zip(slot.right[1:4], slot.right_tags[1:4], strict=False)):
        if word in PUNCT:
            return False
        if tag[:1] == "f" and word in PLACE_LOCALIZERS:
            return slot.right[k + 2 : k + 3] != ("的",)
    return described_noun(slot.right, slot.right_tags)


def described_noun(words: tuple[str, ...], tags: tuple[str, ...]) -> bool:
    """A noun a short description opens with 的 (在 很 远 的 地方): words that describe (adjectives,
    adverbs of degree, pronouns, counts), 的, then the noun."""
    if "的" not in words[1:4]:
        return False
    k = words.index("的", 1)
    described = all(t[:1] in _DESCRIBING for t in tags[:k])
    return described and k + 1 < len(tags) and tags[k + 1][:1] == "n"


_DESCRIBING = frozenset("adzrmq")  # adjective, adverb, zg/z, pronoun, numeral, classifier tags


def noun_before(slot: Slot) -> bool:
    """A noun stands before the token: tagged one, or a localizer after a word the tagger took for a verb
    or left untagged whose dictionary sense is a noun (信封 上 有 邮票: "envelope", so 上 is "on", no
    complement; 沙滩 上 的 人)."""
    untagged = not slot.prev_tag and slot.tag == "f" and dictionary_noun(slot.prev)
    if slot.prev_tag.startswith("n") or untagged or closes_place(slot):
        return True
    return slot.tag == "f" and slot.prev_tag[:1] == "v" and dictionary_noun(slot.prev)


def closes_place(slot: Slot) -> bool:
    """A localizer closing the place a preposition opened one word before (在 会 上, 从 桌子 下), or a place
    opening the sentence before its subject (会 上 他 …): what stands before it is a thing, whatever the
    tagger says (会 v)."""
    if slot.word not in PLACE_LOCALIZERS:
        return False
    opening = len(slot.left) == 1 and not slot.clause_before and opens_with_place(slot.left[0], slot.next)
    return opening or slot.left[-2:-1] in (("在",), ("从",), ("到",), ("于",))


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
    # (After a verb of direction, 蹲下 来, 走过 来, 来 is its complement: "hither".)
    (
        re.compile(r"^\(between two verbs\)"),
        lambda s: s.next_tag[:1] == "v" and (s.prev_tag[:1] == "v" or _means_before(s)) and not _directed(s),
        2.5,
    ),
    # 将 before its object and a verb is 把: 将 书 放 在 桌上; and 把 itself there (别 把 东西 乱 摆).
    (re.compile(r"introduces object of main verb|put the object before the verb"), object_then_verb, 2.5),
    (
        re.compile(r"after (a|certain) verbs?|verb (complement|suffix)|directional complement"),
        lambda s: (_after_verb(s) and not noun_before(s)) or _noun_tagged_verb(s),
        2.0,
    ),
    # 在 … 的 时候 places an event in time ("at" the time when), however the clause goes on: no progressive.
    # (an adverb may come between: 在 不断 推进, 在 认真 学习)
    (_BEFORE_VERB, lambda s: _verb_next(s) and not _when(s) and not noun_phrase_follows(s), 1.5),
    # "to be (located) at": a place, time or person follows (在 公司, 在 冬天, 在 桌子 上), or a time (在 吃饭
    # 的 时候), or a verb comes before (坐 在 最 底下).
    (re.compile(r"\(located\) at"), lambda s: noun_phrase_follows(s) or _when(s) or _after_verb(s), 1.5),
    # 一片 光明, 一阵 笑声: a classifier "used with numeral 一" for a scene, feeling or sound.
    (re.compile(r"used with numeral 一"), lambda s: s.prev == "一", 4.0),
    (re.compile(r"before an adjective"), lambda s: s.next_tag.startswith("a"), 1.5),
    # 坚持 到底, 战斗 到底: after a verb, "to the end" (not "finally; after all", which asks or concludes).
    (re.compile(r"^to the end"), lambda s: s.prev_tag[:1] == "v", 3.0),
    # 一般 before what is done (一般 六点 起床, 一般 不 去): "generally"; 一般 的 人 is "ordinary".
    (re.compile(r"^generally$"), lambda s: s.next_tag[:1] in ("v", "t", "m", "d", "p", "r"), 3.0),
    # 已经 过去 了: the verb "to pass; to be over", not the noun "the past".
    (
        re.compile(r"^to go over; to pass by"),
        lambda s: s.next in ("了", "吧") or s.prev in ("已经", "都"),
        3.0,
    ),
    # 很 差, 质量 差: "not up to standard; inferior", not "different".
    (
        re.compile(r"^not up to standard"),
        lambda s: s.prev in DEGREE or (closes(s) and s.prev_tag[:1] == "n"),
        3.0,
    ),
    # 该 国, 该 公司: before a noun, "that; the above-mentioned" (not the modal "should; probably").
    (re.compile(r"the above-mentioned"), lambda s: s.next_tag[:1] == "n", 3.0),
    # 一边 走 一边 唱: the word said again in its clause pairs two actions, "doing while".
    (re.compile(r"^doing while"), lambda s: s.word in s.right or s.word in s.left, 3.0),
    # The copula before what it names (是 个 很 坦率 的 人, 是 一位 英雄): "to be", whatever English word
    # ("true", "very") another sense shares; 是 alone (是的, 是吗？) is an answer.
    (
        re.compile(r"followed by substantives"),
        lambda s: bool(s.next) and s.next not in PUNCT and s.next not in PARTICLES and s.next != "的",
        3.0,
    ),
    (
        re.compile(r"expression of quantity|before a number|followed by a number"),
        lambda s: numeral(s.next),
        1.5,
    ),
    # 一 + a verb … 就: "as soon as" (他 一 来 我 就 走); after "soon" (很 快 就 到 了) "immediately".
    (re.compile(r"^\(after a clause of action\)"), lambda s: _yi_verb(s) or s.prev in _SOON, 2.5),
    # (a condition may end in 了 with no comma: 累 了 就 歇 "then")
    # (or hold a condition of its own, a verb before and after it: 有 问题 就 问 "then")
    (
        re.compile(r"after a (suppositional )?clause"),
        lambda s: s.clause_before or s.prev == "了" or _condition(s),
        1.5,
    ),
    (re.compile(r"noun suffix"), noun_before, 1.5),
    (re.compile(r"\bmake sb \("), lambda s: _clause_follows(s, ("a", "b", "zg")) or _feeling_follows(s), 2.0),
    (re.compile(r"\bsb (to )?do sth|\(that\)"), lambda s: _clause_follows(s, ("",)), 1.5),
    (re.compile(r"\(to\)"), verb_follows, 1.5),  # 想喝 "to want (to)" drink, 想 单独 谈谈
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


def _verb_next(slot: Slot) -> bool:
    """A verb follows, or an adverb and then a verb (在 不断 推进 "in progress")."""
    if slot.next_tag.startswith("v"):
        return True
    return slot.next_tag in ("d", "ad") and slot.following[1:2] != () and slot.following[1].startswith("v")


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


# Verbs and modals that take another verb after them (想 给 他 打电话, 去 给 他 买, 想 在 家 休息): a 给 after
# them is no "to", and a 在 after them opens a place as at a clause's start.
TAKES_VERB = set_of(
    "想 要 会 能 可以 应该 应当 必须 需要 愿意 肯 敢 打算 准备 得 该 能够 可能 希望 喜欢 开始 继续 习惯 去 来"
)
# What opens a concession a later 也/都 answers (哪怕 再 难 ， 也 要 做完; 即使 下雨 ， 比赛 也 进行).
CONCESSIONS = set_of("哪怕 即使 就算 无论 不管 即便 纵然 虽然 尽管")
# Degree adverbs: what follows them is said of something (非常 棒 "wonderful", 有点 花 "florid").
DEGREE = set_of(
    "很 太 非常 有点 有点儿 有些 比较 挺 更 最 真 特别 十分 相当 多么 这么 那么 越来越 极 极其 格外 更加 "
    "稍微 蛮 超"
)


def attributed(slot: Slot) -> bool:
    """Whether what follows 的 is a thing: after an adjective (很大的决心), or after an owner (你的感受, 他的
    表现很突出) when it heads its phrase, closing the clause or followed by its predicate."""
    before = slot.left_tags[-2:-1]
    if not before:
        return False
    if before[0][:1] == "a":
        return True
    heads = not slot.next or slot.next in PUNCT or slot.next_tag[:1] in ("d", "v", "p")
    return before[0][:1] in ("r", "n") and slot.left[-2] not in ("什么", "之类") and heads
