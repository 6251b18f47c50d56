"""Free phrases in jieba's dictionary: an entry → the words a learner's card should show, or None.

jieba's dictionary holds thousands of phrases that are no words (很快, 好好学习, 买点, 坐在, 看电视,
床上): a card would gloss the phrase instead of its words. An entry is a phrase only when CC-CEDICT and
the HSK lists both lack it, it can be written as their words, and those words are joined by syntax
rather than word formation: the structures GB/T 16159 (the pinyin orthography the cards follow) writes
apart. `segmenter` takes such entries out of both its dictionaries (`segmenter.removed_words`).

- a degree adverb and its adjective (很快, 太小), an adverb, negation or modal and its verb (好好学习, 不吃,
  会来, 不断完善, 自动更新), a preposition and its object (被车撞, 在生活中, 向后看), 是 before a
  preposition or conjunction;
- a personal pronoun with anything (我会, 我家, 感谢您), a conjunction with anything (是因为);
- a verb and the preposition after it (坐在, 嫁给, 生于), a word and a particle (看着, 受了伤, 回家吧,
  深深地, 奇怪的是), a verb and (一)点 / 一下 (买点, 检查一下), a noun and its localizer (床上, 车站里);
- a one-character verb and its noun object (打网球, 看电视), a verb and object of two characters each
  (保卫国家), 变 and the state it becomes (变凉), a demonstrative and a noun (这事), two time words
  (昨天中午);
- a measure word glued to its noun after a number cut off by jieba (这 本书 → 这 本 书), and a numeral
  chunk glued to its noun (两件事 → 两件 事).

Kept whole: names (their glue is `segmenter`'s), interjections drawn out by a particle
(唉呀), numeral and measure chunks (一个, 这件, 十年; `constructions` writes them apart
after), repeated forms (看看, 干干净净, 想一想), potential and degree complements (看不懂,
做得好), A-not-A questions (喜不喜欢; `constructions` again), compounds of content words
(交通事故, 小女孩, 做好, 最大值) and a verb with its result and object (吃完饭: the event
a following 后 "after" needs).
Where an entry can be written several ways with as few words, the most frequent words win (玩笑+话, not
玩+笑话).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from deckbuilder.chinese import (
    COUNTS,
    DEGREE_ADVERBS,
    DIRECTIONS,
    HAN_RUN,
    MEASURES,
    PERSONAL_PRONOUNS,
    fewest_pieces,
)

# Degree adverbs before an adjective; 多, 好, 极 are left out (多年, 好书, 极顶 are words of their own).
DEGREE = DEGREE_ADVERBS - {"多", "好", "极"}
# Adverbs, negations and modals that stand before a verb or adjective as words of their own.
BEFORE_VERBS = frozenset({
    "不", "没", "没有", "别", "未", "不要", "不用", "也", "都", "就", "才", "还", "又", "再", "已",
    "已经", "正在", "刚", "刚刚", "先", "常", "常常", "只", "却", "竟", "并", "便", "曾", "曾经", "一直",
    "一定", "马上", "好好", "经常", "永远", "互相", "也许", "大概", "快", "早就", "总是", "终于", "千万",
    "立刻", "赶快", "赶紧", "稍微", "会", "能", "要", "可以", "想", "应该", "敢", "肯", "愿意", "需要",
    "必须", "能够", "爱",
})  # fmt: skip
# Two-character verbs whose object is another verb's action (继续 前进, 开始 工作, 决定 出发).
TAKES_VERB = frozenset({
    "继续", "开始", "停止", "准备", "打算", "决定", "希望", "喜欢", "讨厌", "害怕", "拒绝", "坚持",
    "努力", "学会", "忘记", "记得", "同意", "答应", "负责", "帮助", "禁止", "允许", "要求", "请求",
    "值得",
})  # fmt: skip
# One-character modal verbs a two-character adverb stands before (必定 会, 一定 能).
_MODALS = frozenset("会能要该得")
# Two-character adverbs jieba tags as verbs or adjectives (自动 vn): before a verb, adverbs all the same.
ADVERBIALS = frozenset({"自动", "主动", "重新", "亲自", "共同", "及时", "尽量", "随时", "到处", "一起"})
PREPOSITIONS = frozenset({
    "在", "给", "向", "往", "从", "对", "把", "被", "比", "跟", "离", "朝", "替", "与", "为了", "对于",
    "关于", "除了", "按照", "根据", "通过",
})  # fmt: skip
LOCALIZERS = frozenset({
    "上", "下", "里", "中", "外", "内", "前", "后", "旁", "边", "之间", "之中", "之后", "之前", "以后",
    "以前", "以下", "以上", "上面", "下面", "里面", "外面", "前面", "后面", "旁边", "附近", "中间", "底下",
})  # fmt: skip
CONJUNCTIONS = frozenset({
    "因为", "所以", "但是", "可是", "而且", "如果", "虽然", "或者", "与其", "无论", "不管", "只要", "即使",
    "然后", "于是", "因此",
})  # fmt: skip
# Question words, pronouns as the personal ones are (怎样才能 is 怎样 + 才能).
QUESTION_WORDS = frozenset({"什么", "怎么", "怎样", "怎么样", "谁", "为什么"})
# Particles a phrase ends with: sentence-final ones, and (一)点 / 一下 after a verb or adjective.
FINAL_PARTICLES = frozenset({"吗", "呢", "吧", "啊", "呀", "啦", "嘛"})
A_LITTLE = frozenset({"点", "一点", "点儿", "一点儿", "一下", "一下儿"})
# Measure words that are rarely the first character of a word (本书 is 本 + 书, but 根部, 碗碟 are words).
CLASSIFIERS = frozenset("个本只张件块杯瓶辆份首棵篇句顿封匹朵颗架扇批")
# The first character of a numeral or demonstrative chunk (一个, 这件, 每天): such entries stay whole.
_COUNTING = COUNTS | {"第"}
_NAME_TAGS = frozenset({"nr", "nrt", "nrfg", "ns", "nt", "nz"})
# Localizers that also follow a verb, as the time of an event (起飞前, 吃药后, 熟睡中); the others follow
# nouns only (流下, 换上 are a verb and its complement).
_AFTER_EVENTS = frozenset({"前", "后", "中", "之前", "之后", "之中", "以前", "以后"})
# Structures no four-character idiom has (替天行道, 格杀无论 are idioms; 弄坏了, 与我无关 are not).
_NO_IDIOM = frozenset({"particle", "pronoun", "a little"})
# Particles no compound holds (看得见, 吃不了 are a verb and its complement).
_PARTICLES = frozenset("的了着过地得吗呢吧啊而")
_NOW_AND_THEN = frozenset({"今天", "明天", "昨天", "今年", "明年", "去年", "今晚", "当今", "现在"})


@dataclass(frozen=True, slots=True)
class Lexicon:
    """What the phrase rules look up: which strings are words (CC-CEDICT's and the HSK lists' headwords,
    ordinary characters), jieba's frequency of a word (0 when jieba lacks it), its tag in jieba's
    dictionary, whether a character is an interjection (CC-CEDICT says so: 唉, 哎, 啊) and whether a word
    is an HSK word."""

    is_word: Callable[[str], bool]
    frequency: Mapping[str, int]
    tag: Callable[[str], str]
    interjection: Callable[[str], bool] = lambda _: False
    listed: Callable[[str], bool] = lambda _: False  # an HSK word


def is_noun(tag: str) -> bool:
    return tag[:1] in ("n", "s") or tag == "t"


def _is_verb(tag: str) -> bool:
    return tag[:1] in ("v", "a")


def kind(pieces: tuple[str, ...], lexicon: Lexicon) -> str | None:
    """Which syntactic structure joins `pieces`, or None when none does: "degree" (很+快), "adverb"
    (不+吃), "preposition" (被+车+撞), "pronoun", "conjunction", "preposition after a verb" (坐+在),
    "particle" (看+着), "a little" (买+点), "localizer" (床+上), "object" (看+电视),
    "demonstrative" (这+事), "measure" (本+书)."""
    first, last, n = pieces[0], pieces[-1], len(pieces)
    tags = [lexicon.tag(p) for p in pieces]
    if first in DEGREE and n == 2 and _degree_of(first, tags[1]):
        return "degree"
    if first in BEFORE_VERBS or (n == 2 and _adverb_of(first, tags[0], last, tags[1])):
        return "adverb"  # 不+吃; 不断+完善, 自动+更新
    if n == 2 and len(first) == 2 and tags[0] in ("d", "ad") and last in _MODALS:
        return "adverb"  # 必定+会: an adverb and the modal it qualifies
    if first in ("请", "所") and n == 2 and tags[1].startswith("v"):
        return "particle"  # 请+回到 "please go back", 所+说 "what is said": each a word of its own
    if first == "被" and n == 2 and tags[1].startswith("v"):
        return "preposition"  # 被+盗 (but 被统治者 is a noun)
    if first in PREPOSITIONS and first != "被" and (n > 2 or (len(last) > 1 and tags[1][:1] in "nrst")):
        return "preposition"  # 对+系统, 在+生活+中 (but 对错, 给出, 离退休 are words)
    if len(first) == 2 and first[0] in PREPOSITIONS and first[1] in LOCALIZERS:
        return "preposition"  # 向后看, 往前走
    if first == "是" and pieces[1] in PREPOSITIONS | CONJUNCTIONS | BEFORE_VERBS:
        return "conjunction"
    if any(p in PERSONAL_PRONOUNS or p in QUESTION_WORDS for p in pieces):
        return "pronoun"  # 我+会, 感谢+您, 怎样+才能
    if any(p in CONJUNCTIONS for p in pieces):
        return "conjunction"
    for i in range(1, n):
        piece, before = pieces[i], tags[i - 1]
        if piece in ("在", "给", "于") and before.startswith("v"):
            return "preposition after a verb"
        if (piece in ("了", "着", "过") or piece == "得" and i == n - 1) and _is_verb(before):
            return "particle"  # 看着, 受了伤; 打得 (很好): 得 before its complement
        if piece == "的" or (piece == "地" and i == n - 1 and len(pieces[i - 1]) > 1):
            return "particle"  # 奇怪的是, 深深地 (but 满地 is a word)
    if last in FINAL_PARTICLES:
        return "particle"
    # 一点, 一下 after a verb or adjective; 点 only after a one-character verb (买+点; 考点, 黑点 are words)
    one_verb = len(pieces[-2]) == 1 and tags[-2].startswith("v")
    if last in A_LITTLE and _is_verb(tags[-2]) and (last.startswith("一") or one_verb):
        return "a little"
    # (地 "ground, field" is tagged uv, for its particle use: 地里 is 地 + 里 "in the fields")
    # (and a container's measure word: 盒里 "in the box")
    noun = is_noun(tags[-2]) or pieces[-2] == "地" or (tags[-2] == "q" and len(pieces[-2]) == 1)
    if last in LOCALIZERS and pieces[-2] not in LOCALIZERS and (noun or last in _AFTER_EVENTS):
        return "localizer"  # 床上, 车站里; 饭后, 起飞前 (but 流下, 换上 are complements, 驻外 a word)
    if n == 2 and len(first) == 2 == len(last) and tags[0] == "v" and tags[1] in ("n", "an", "vn", "a"):
        return "object"  # 保卫+国家, 克服+困难 (an), 获得+成功 (a): a verb and its object CC-CEDICT lacks
    if n == 2 and len(first) == 2 == len(last) and tags[0] == "v" and tags[1] == "v" and first in TAKES_VERB:
        return "verb after verb"  # 继续+前进, 开始+工作: a verb and the action it starts, goes on with …
    if n == 2 and len(first) == 2 == len(last) and tags[0] == "a" and tags[1] in ("n", "vn"):
        return "modifier"  # 美好+生活: an adjective and the noun it describes
    # "good" or "bad" and the noun it describes (好+消息, 坏+习惯; but 好色 + 鬼 is hàosè "lecherous")
    if (
        n == 2
        and first in ("好", "坏")
        and len(last) == 2
        and is_noun(tags[1])
        and not lexicon.is_word(first + last[0])
    ):
        return "modifier"
    if n == 2 and len(first) == 1 and tags[0].startswith("v") and len(last) > 1 and tags[1].startswith("n"):
        # 打+网球, 看+电视; but 排球队, 居住区 may be 排球+队, 居住+区 (jieba knows 排球, 居住): left whole,
        # as are 无 + noun (无政府, 无止境)
        word = first + last
        if first != "无" and not any(lexicon.frequency.get(word[:k]) for k in range(2, len(word))):
            return "object"
    if n == 2 and tags == ["t", "t"] and min(len(first), len(last)) > 1:
        return "time"  # 昨天+中午: a day and a time of it
    if n == 2 and first in _NOW_AND_THEN and is_noun(tags[1]) and len(last) > 1:
        return "time"  # 今天+天气, 当今+世界: a day or an age and what it has (生日蛋糕 is a compound)
    if n == 2 and first == "变" and len(last) == 1:  # (jieba tags 凉 v, 热 n)
        return "change"  # 变+凉, 变+热: "to become" and the state
    if n == 2 and first in ("这", "那") and is_noun(tags[1]) and last not in CLASSIFIERS:
        return "demonstrative"
    if n == 2 and first in CLASSIFIERS and is_noun(tags[1]):
        return "measure"
    return None


def _adverb_of(adverb: str, tag: str, word: str, word_tag: str) -> bool:
    """Whether two characters `adverb` (tagged `tag`) stand as an adverb before `word`, a verb or adjective
    of two characters or more: jieba's adverbs (不断, 逐步 d; 积极, 严格 ad) and those it tags as verbs
    (自动, 主动 vn); its tags of the verb are loose (更新 d)."""
    adverbial = tag in ("d", "ad") or adverb in ADVERBIALS
    return len(adverb) == 2 and adverbial and len(word) > 1 and word_tag[:1] in ("v", "a", "d")


def _degree_of(adverb: str, tag: str) -> bool:
    """Whether `adverb` is a degree adverb before a word tagged `tag`: 很, 太 before anything (jieba tags
    many adjectives as nouns: 酷 n, 美 ns), 最, 更 before no noun (最新版), 真 only before an adjective or
    verb (真名, 真话 are words)."""
    if adverb == "真":
        return tag[:1] in ("a", "v", "d", "z", "i", "l")
    return adverb not in ("最", "更", "这么", "那么", "多么") or not is_noun(tag)


def _set_form(word: str) -> bool:
    """A repeated form or a complement: 看看, 干干净净, 研究研究, 黑漆漆, 想一想, 看不懂, 喜不喜欢."""
    n = len(word)
    if n == 2:
        return word[0] == word[1]
    if n == 4 and ((word[0] == word[1] and word[2] == word[3]) or word[:2] == word[2:]):
        return True
    if n == 3 and (word[1] == word[2] or word[1] in "不得" or (word[1] in "一了" and word[0] == word[2])):
        return True  # 黑漆漆, 看不懂, 做得好, 想一想, 笑了笑 (but 打了个 is 打 + 了 + 个)
    if n == 3 and word[0] == word[1] and word[2] not in "的地":
        return True  # 聊聊天; but 深深地, 小小的 are a word and a particle
    return re.search(r"(.)不\1", word) is not None


def phrase_pieces(word: str, tag: str, lexicon: Lexicon) -> tuple[str, ...] | None:
    """The words of the jieba entry `word` (tagged `tag`) when it is a free phrase, else None; the
    caller has checked that CC-CEDICT and the HSK lists lack `word`."""
    counting = word[0] in _COUNTING and not word.startswith(("这么", "那么"))
    rest = word[2:]
    if counting and word[1] in CLASSIFIERS and lexicon.is_word(rest) and is_noun(lexicon.tag(rest)):
        return (word[:2], rest)  # 两件+事, 三本+书: a numeral chunk and the noun it counts
    noun = word[1:] if len(word) == 2 and word[0] in ("这", "那") else ""
    if noun and noun not in MEASURES and noun not in CLASSIFIERS and is_noun(lexicon.tag(noun)):
        return (word[0], noun)  # 这+事, 那+人: a demonstrative and a noun, no measure word between
    if tag in _NAME_TAGS or counting or _set_form(word):
        return None
    if complement := _complement(word, lexicon):
        return complement
    pieces = cut(word, lexicon)
    if pieces is None or any(a == b for a, b in zip(pieces, pieces[1:], strict=False)):
        return None  # 深深 inside 深深地 is one word, never two
    if all(lexicon.interjection(p) or p in FINAL_PARTICLES for p in pieces):
        return None  # 唉呀, 啊呀: an interjection drawn out by a particle is one interjection
    found = kind(pieces, lexicon)
    # two HSK words, an adverb and its verb or a verb and its object, are no idiom (自动+更新, 继续+前进)
    listed = len(pieces) == 2 and len(pieces[0]) == 2 and all(lexicon.listed(p) for p in pieces)
    two_words = listed and found in ("adverb", "object", "modifier", "verb after verb", "time")
    # a negation before listed words is no idiom either (不 + 敢 + 相信: "can't believe")
    two_words = two_words or (pieces[0] in ("不", "没") and all(lexicon.listed(p) for p in pieces[1:]))
    if tag == "i" and len(word) == 4 and found not in _NO_IDIOM and not two_words:
        return None  # four characters jieba calls an idiom: one unless a particle or pronoun shows otherwise
    return pieces if found else None


# Potential complements a verb of two characters or more is written apart from (解决 不了).
_POTENTIAL = frozenset({"不了", "得了"})
_COMPLEMENTS = DIRECTIONS | _POTENTIAL  # what a `_complement` phrase ends in


def _complement(word: str, lexicon: Lexicon) -> tuple[str, ...] | None:
    """A verb and the compound directional or potential complement after it (蹲+下来, 冷静+下来,
    解决+不了): GB/T 16159 writes them apart, and the cut must keep the complement whole (蹲下 + 来 is no
    reading of 蹲下来). A verb of one character and a one-character complement stay one word (看不懂, 走进).
    """
    head, end = word[:-2], word[-2:]
    if not head or not lexicon.is_word(head) or lexicon.tag(head)[:1] not in ("v", "a", "n"):
        return None
    if end in DIRECTIONS or (end in _POTENTIAL and len(head) > 1):
        return (head, end)
    return None


def must_cut(pieces: tuple[str, ...]) -> bool:
    """Whether a phrase of `pieces` must be cut into them where it comes out, rather than left to jieba's
    choice once removed (which would cut 蹲下来 as 蹲下 + 来)."""
    return pieces[-1] in _COMPLEMENTS


def place(word: str, tag: str, lexicon: Lexicon) -> tuple[str, ...] | None:
    """A place word (tag s) CC-CEDICT has only as a proper name that is a noun and its localizer: 山上
    "Shanshang township" is mostly 山 + 上 "on the mountain", 湖里 湖 + 里 "in the lake"."""
    if len(word) == 2 and tag == "s" and word[1] in "上下里" and is_noun(lexicon.tag(word[0])):
        return (word[0], word[1])
    return None


def cut(word: str, lexicon: Lexicon) -> tuple[str, ...] | None:
    """`word` as the fewest words (two or more), the most frequent among equally short cuts; None when
    it cannot be written as words."""
    return fewest_pieces(
        word, lambda piece: piece != word and lexicon.is_word(piece), lambda p: lexicon.frequency.get(p, 0)
    )


def is_compound(word: str, lexicon: Lexicon) -> bool:
    """Whether the CC-CEDICT word `word`, which jieba lacks, is a compound to add to its dictionary (棉花糖,
    so it is not cut 棉花 + 糖): three characters or more, no phrase by the rules, no numeral or
    demonstrative chunk (那个人), no particle (看得见) and not an HSK word followed by one of two
    characters or more (有 + 本事, 保持 + 克制: a learner's two words; 棉花 + 糖 is added)."""
    if len(word) < 3 or not HAN_RUN.fullmatch(word) or word[0] in _COUNTING or set(word) & _PARTICLES:
        return False
    if any(lexicon.listed(word[:k]) and lexicon.listed(word[k:]) for k in range(1, len(word) - 1)):
        return False
    return phrase_pieces(word, "", lexicon) is None
