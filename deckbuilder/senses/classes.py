"""A token in its clause → its word class as the tagger and the neighbours show it, and how well each sense
shape fits that class.

The tagger's tag is the first clue, the neighbours correct it: no particle opens a clause, a word that takes
了 and an object is a verb (准了我两天假), a word after a degree adverb is said of something (非常棒
"wonderful", not "stick"), a word between a numeral with its classifier and a noun modifies the noun (第二条
横马路 "horizontal"), a word before 后/前 names an event (便后 "to relieve oneself"), a word alone before a
comma at the head of a sentence links it to what went before (接着，… "then"), a phrase that opens the
sentence and ends at a comma is adverbial (作为学生，… "as").
"""

from __future__ import annotations

from functools import lru_cache

from deckbuilder.chinese import COUNTS, DIRECTIONS, MEASURES, NUMERALS
from deckbuilder.senses import patterns
from deckbuilder.senses.context import ASPECT, Slot
from deckbuilder.senses.entries import candidates, counters
from deckbuilder.senses.patterns import DEGREE, PLACE_LOCALIZERS, PUNCT, attributed, closes, closes_place
from deckbuilder.senses.shapes import Shape

# Single characters. After these a token heads a noun phrase (的 书, 把 门); these never are a preposition's
# object, so a "preposition" before them is something else (不对的, 对了, 对吗: "right").
_NOUN_BEFORE = frozenset("的之把")
_NO_OBJECT = frozenset("的了吗呢吧啊")
# Localizers of time: what stands before them is an event or a time (便后, 吃饭以前).
_TIME_LOCALIZERS = frozenset({"后", "前", "以后", "以前", "之后", "之前"})
_COMMA = frozenset("，,")
# Verbs whose complement is said of the subject (变得 困难, 感到 困难): an adjective after them stays one.
_LINKING = frozenset({"是", "变", "变成", "成为", "觉得", "感到", "感觉", "显得", "认为", "越来越"})
# What makes the next word the predicate: an aspect or negation before it (在/正在 退步, 已经 过去, 不 退步).
_PREDICATE_BEFORE = frozenset({"在", "正在", "正", "已经", "曾经", "不", "没", "没有", "还在", "刚", "刚刚"})
_NEGATIONS = frozenset({"不", "别", "从不", "没", "没有", "并不", "不要", "不太", "不够"})
# One-character directional and result complements: after a verb the tagger cut apart from them they are
# its result (诊断 出, 跑 开).
RESULTS = frozenset("出起上下进回开到完住")
# Prepositions that open a place phrase a localizer closes (在 床 上, 到 山 上, 从 桌子 下).
_PLACE_PREPOSITIONS = frozenset({"在", "到", "从", "往", "向"})
# Classifiers that count actions or spans of time (看 一次, 读 一遍, 等 一天): no noun follows them.
_ACTION_MEASURES = frozenset("次遍趟回顿场阵步天年月日岁")
# Person-name tags: when the tokenizer found no name, the tagger's guess says nothing of the word's class.
_PERSON_TAGS = frozenset({"nr", "nrt", "nrfg"})
# Personal pronouns: a quantity right after one counts it (他们俩, 我们三个).
_PERSONS = frozenset(
    {"我", "你", "您", "他", "她", "它", "我们", "你们", "他们", "她们", "它们", "咱们", "咱", "大家"}
)
# Tags of words that are never a bare classifier: verbs, adverbs, adjectives, particles, pronouns, time words.
_NO_MEASURE = frozenset("vdaucryet")

V, M, F, P, C = Shape.VERB, Shape.MODAL, Shape.FUNCTION, Shape.PREPOSITION, Shape.CONJUNCTION
A, N, J = Shape.ADVERB, Shape.NOUN, Shape.ADJECTIVE
# How each word class rates each sense shape (absent: 0).
_FITS: dict[str, dict[Shape, float]] = {
    "before a localizer": {V: 1.0, A: -1.5, C: -1.5, M: -1.5, F: -1.0, P: -1.0, J: -0.5},
    "noun phrase": {N: 0.5, V: -1.0, M: -1.0, F: -1.5, P: -1.0},
    "attributed noun": {N: 1.5, J: -1.5, V: -1.5, M: -1.0, F: -1.5, P: -1.0},
    "subject": {N: 1.5, V: -2.0, M: -1.0, F: -1.5, P: -1.0},
    "counted noun": {N: 1.5, V: -2.0, F: -1.5, P: -1.0, A: -1.0},
    "nominal adjective": {N: 1.5, J: -1.0, V: -1.0},
    "misread particle": {F: -4.5, V: 1.0},
    "particle": {F: 2.0, V: -1.0, M: -1.0, N: -1.0, J: -1.0},
    "connective": {A: 1.5, C: 1.5, V: -1.0},
    "degree": {J: 1.5, N: -1.0, V: -0.5, A: -0.5, F: -1.0, P: -1.0},
    "modifier": {J: 1.5, V: -1.5},
    "adverbial phrase": {P: 2.0, N: -1.0, J: -1.0},
    "hidden verb": {V: 1.5, F: -1.5, P: -1.5, N: -1.0, J: -1.0, A: -1.0},
    "verbal preposition": {C: 1.5, F: 1.5, P: 1.5, N: -1.0, J: -1.0, V: -0.5, M: -0.5},
    "preposition": {F: 1.5, P: 1.5, N: -1.0, J: -1.0, V: -0.5, M: -0.5},
    "no object": {F: -2.0, P: -2.0},
    "conjunction": {C: 1.5, F: 1.0, V: -1.5},
    "adverb": {A: 1.0, M: 1.0, V: -1.0, N: -0.5, J: -0.5},
    "verb": {V: 0.3, M: 0.3, F: -0.5},
    "verb with object": {V: 1.0, F: -0.5, N: -1.0, J: -1.0, A: -1.0},
    "change of state": {V: 0.5, J: 0.5, F: -0.5},  # 鞋带松了: "loose" as much as "to loosen"
    "verb with aspect": {V: 1.0, F: -0.5, N: -3.0},  # no noun takes 了
    "state with aspect": {V: 1.0, J: 1.0, F: -0.5, N: -3.0},  # no object after 了: 错 了 也 … "wrong"
    "predicate verb": {V: 2.0, M: 0.5, N: -1.5, F: -0.5, P: -0.5},
    "adverbial": {A: 2.0, J: -1.0, C: -1.0, N: -1.0},
    "after a verb": {P: 2.5, V: -1.5, F: -1.0},
    "complement": {F: 1.5, V: -1.0, P: -1.0},
    "noun part": {V: -0.5},  # a part's dictionary tag (交通 n: "traffic", not "to be connected")
}  # fmt: skip


def class_fit(shape: Shape, slot: Slot) -> float:
    """How well a sense of `shape` fits the token's word class (0: no evidence either way)."""
    counting = classifier_slot(slot)
    if shape is Shape.CLASSIFIER:  # 这把 椅子; after 了 a classifier may stand for 一 + it (抓了把 米)
        # (after 了 only where something follows to be counted: 捐 了 钱 。 is money, not a weight)
        return 2.0 if counting or (slot.prev == "了" and bool(slot.next) and slot.next not in PUNCT) else -1.5
    if counting and not _one_by_one(slot):
        return -1.0
    return _FITS.get(word_class(slot), {}).get(shape, 0.0)


def classifier_slot(slot: Slot) -> bool:
    """After a numeral or a determiner (`Slot.classifier_slot`), or a classifier with 一 left out: also the
    general 个 after a verb before whatever it counts (是 个 很 坦率 的 人, 睡 个 好觉)."""
    if slot.word == "个" and slot.prev_tag[:1] == "v" and slot.next and slot.next not in PUNCT:
        return True
    return slot.classifier_slot or bare_measure(slot)


def bare_measure(slot: Slot) -> bool:
    """A classifier with 一 left out, between a verb (and its person, or its 了) and the noun that ends the
    verb's object: 给 我 根 牙签, 借 我 把 伞, 喝 了 点儿 汤. A word that is also a preposition is one only
    where the noun lists it as its classifier (伞: 把), and never before a further verb (请 把 书 给 我, 吃糖
    对 身体 好)."""
    word = slot.word.removesuffix("儿")
    if len(word) != 1 or slot.tag[:1] in _NO_MEASURE or not slot.next_tag.startswith("n"):
        return False
    # 给 is p to the tagger (给 我 根 牙签)
    verb_before = slot.prev_tag[:1] == "v" or (
        slot.prev_tag[:1] in ("r", "u") and slot.left_tags[-2:-1] != () and slot.left_tags[-2][:1] in "vp"
    )
    if not verb_before:
        return False
    if _grammatical(word):
        further = any(t[:1] in ("v", "p") for t in slot.right_tags[1:])
        return not further and word in counters(slot.next)
    return True


@lru_cache(maxsize=2_000)
def _grammatical(word: str) -> bool:
    """Whether a word has a preposition or function-word sense (对, 把), more likely than a classifier."""
    return any(s.shape in (Shape.PREPOSITION, Shape.FUNCTION) for c in candidates(word) for s in c.senses)


def time_localizer(word: str) -> bool:
    """A localizer of time (后, 以前): what stands before it is an event or a time."""
    return word in _TIME_LOCALIZERS


def word_class(slot: Slot) -> str:
    """What the tagger and the neighbours say the token is ("" when they say nothing useful).

    Remembered for the slot asked about last: each sense of a word asks again for its slot's (26,000 asks
    for 6,300 slots in an hsk5 deck). A slot is frozen and the class depends on nothing else."""
    global _LAST
    last = _LAST
    if last[0] is slot:
        return last[1]
    found = _word_class(slot)
    _LAST = (slot, found)
    return found


_LAST: tuple[Slot | None, str] = (None, "")


def _word_class(slot: Slot) -> str:
    tag = "" if slot.tag in _PERSON_TAGS and not slot.name else slot.tag  # 光荣 nr: no name
    aspect = slot.next in ASPECT and slot.next_tag.startswith("u")
    said = _said_of(slot, tag)
    if said:
        return said
    if slot.next in _TIME_LOCALIZERS and tag[:1] not in ("m", "t", "q", "f"):
        return "before a localizer"
    if _modifier(slot):
        return "modifier"
    done = slot.word == "好" and (slot.part or not slot.next or slot.next in PUNCT or slot.next == "了")
    if patterns.directs(slot):
        return "complement"  # 冷静 下来, 记录 下来: a compound directional complement
    after_verb = slot.prev_tag[:1] == "v" and not patterns.thing_before(slot)
    if (slot.word in RESULTS or done) and after_verb and not closes_place(slot):  # 做好
        return "complement"  # 诊断 出 了 病, 认 出 来: the verb's result, not a verb of its own
    if slot.word == "给" and patterns.after_action(slot):
        return "after a verb"  # 传染 给 我, 指派 给 了 你: the recipient's "to", whatever follows
    if slot.word == "给" and _gives(slot):
        return "verb with object"  # 想 给 我 钱: a person and a thing, and no verb after them
    if tag[:1] in ("v", "n") and slot.left[-2:-1] == ("把",) and _has_sense(slot.word, Shape.VERB):
        return "predicate verb"  # 把 感冒 传染 给 我: after 把 and its object comes the verb
    if _acts_on_person(slot, tag):
        return "hidden verb"  # 我 会 责备 他: a person right after it is its object, whatever the tag
    if _counted(slot, tag) or _one_by_one(slot):
        return "counted noun"  # 一 篇 作文: what a classifier counts is a thing ("composition")
    if not slot.left and not slot.clause_before and tag[:1] in ("n", "v") and _subject(slot):
        return "subject"  # 借口 是 没用 的; 导演 和 演员 都 在: a thing, more than any English word says
    if slot.prev == "的" and tag[:1] in ("n", "v") and attributed(slot):
        return "attributed noun"  # 很 大 的 决心, 你 的 感受: what an adjective or an owner and 的 describe
    if _noun_context(slot, tag) or _localized(slot):
        return "noun phrase"
    if tag == "an" and not slot.next_tag.startswith("n") and (not slot.left or _object_of(slot)):
        return "nominal adjective"  # 困难 很 多, 克服 困难: a difficulty, not "difficult"
    if tag[:1] == "u" or tag in ("y", "e"):  # no particle opens a clause or takes 了: then the tag is wrong
        return "misread particle" if slot.clause_initial or aspect else "particle"
    if slot.clause_initial and slot.next in _COMMA:
        return "connective"
    if slot.prev in DEGREE or (slot.prev == "得" and slot.prev_tag.startswith("u")) or _denied(slot, tag):
        return "degree"
    if slot.prev in _PREDICATE_BEFORE and (tag == "v" or (tag == "t" and closes(slot))):
        return "predicate verb"  # 在退步, 已经过去: a time word ending its clause after 已经 is no time
    if tag == "v" and _passive_verb(slot):
        return "predicate verb"  # 被 他 的 笑话 逗 得 很 开心: what 被's agent did
    if _adverbial_phrase(slot):
        return "adverbial phrase"
    if (tag[:1] == "a" or _sure(slot, tag)) and _subject_before(slot) and _verb_follows(slot.right_tags):
        return (
            "adverbial"  # 我 一般 六点 起床, 雨季 一般 在 六月: between its subject and the verb, "generally"
        )
    obj = aspect and _object(slot.following[1:])
    # a verb's marks: a direction (露了出来 keeps its particle 了), or a result and 了 (体会 到 了)
    result = slot.next in RESULTS and slot.right[1:2] in (("了",), ("过",))
    aspect = aspect or slot.next in DIRECTIONS or result  # only a verb takes them (长 出来 了)
    placed = tag == "f" and any(w in _PLACE_PREPOSITIONS for w in slot.left)  # 放 在 床 上 了: a place
    hidden = tag[:1] in ("p", "m", "q", "n", "f", "t", "z") or (tag[:1] in "ab" and obj)  # 升(zg) 起来
    if aspect and not placed and hidden:
        return "hidden verb"  # 给了我, 点了四个菜, 准了我两天假: a verb the tagger did not see
    if (
        tag == "p"
    ):  # a preposition takes an object: 不对, 是对的 are no prepositions; before a verb 以 is "so as to"
        if not slot.next or slot.next in PUNCT or slot.next in _NO_OBJECT:
            return "no object"
        return "verbal preposition" if slot.next_tag[:1] == "v" else "preposition"
    if tag == "c":
        return "conjunction"
    # The tagger's zg is mostly 很; an adverb never ends its clause (做 行 吗: the tag is wrong).
    if tag[:1] == "d" or tag == "zg":
        return "" if closes(slot) else "adverb"
    if tag[:1] == "v":  # 花了三年
        # after a modal or an adverb and before a noun or pronoun: a predicate and its object (要 推广 普通话)
        predicate_object = tag == "v" and slot.prev_tag[:1] in ("v", "d") and slot.next_tag[:1] in ("n", "r")
        if obj or predicate_object:
            return "verb with object"
        if slot.next == "了" and all(w in PUNCT or w in _NO_OBJECT for w in slot.right[1:]):
            return "change of state"
        if not aspect:
            return "verb"
        objected = slot.right_tags[1:2] != () and slot.right_tags[1][:1] in ("n", "m", "r", "q", "t")
        return "verb with aspect" if objected else "state with aspect"  # 花 了 三年; 错 了 也
    if tag[:1] == "n" and slot.part:
        return "noun part"
    return ""


def _subject_before(slot: Slot) -> bool:
    """A subject stands right before the token: a noun or pronoun, or a time or place word no preposition
    governs (雨季 一般 在 六月; not 对 将来 充满 希望)."""
    if slot.prev_tag[:1] in ("r", "n"):
        return True
    return slot.prev_tag[:1] in ("t", "s") and not any(t[:1] == "p" for t in slot.left_tags[:-1])


def _object_of(slot: Slot) -> bool:
    """The token is a verb's or a preposition's object, not a linking verb's complement (变得 困难)."""
    if slot.prev_tag[:1] not in ("v", "p"):
        return False
    return slot.prev[-1:] != "得" and slot.prev not in _LINKING


def _localized(slot: Slot) -> bool:
    """Between a preposition of place and a localizer of place or scope the token heads a noun phrase,
    whatever the tagger says (在 实践 中: "practice")."""
    return slot.prev in ("在", "从", "于") and slot.next in PLACE_LOCALIZERS and slot.next_tag[:1] == "f"


def _denied(slot: Slot, tag: str) -> bool:
    """An adjective after a negation is said of someone (不 骄傲 "conceited", not "pride"), unless a verb
    follows, which it then says how to do (不 好 写)."""
    return tag[:1] == "a" and slot.prev in _NEGATIONS and not slot.next_tag.startswith("v")


def _verb_follows(tags: tuple[str, ...]) -> bool:
    """A verb or a preposition's phrase comes next, or a verb after one time word, number or adverb (一般
    六点 起床, 一般 不 喝, 一般 在 家 吃饭)."""
    return tags[:1] != () and (
        tags[0][:1] in ("v", "p")
        or (tags[0][:1] in ("m", "t", "d") and tags[1:2] != () and tags[1][:1] == "v")
    )


def _object(tags: tuple[str, ...]) -> bool:
    """The tags after a verb's 了 begin an object: a noun or pronoun, or a number with what it counts (四个
    菜); a number alone is a duration (干了一天)."""
    if not tags:
        return False
    return tags[0][:1] in ("n", "r") or (tags[0][:1] in ("m", "q") and tags[1:2] != () and tags[1][:1] == "n")


def _noun_context(slot: Slot, tag: str) -> bool:
    """After 的, or after 把 or a numeral with its classifier (一床 被) unless the tagger saw a verb (把 借 的
    钱), after 这个/那个, or a noun as a verb's object (没有 借口): the token heads a noun phrase. A verbal
    noun (vn) counts as a noun there (一个 活动 "activity", 参加 活动); a sentence particle never does (是 你
    的 吗？)."""
    if tag in ("y", "e"):
        return False
    if slot.prev in _NOUN_BEFORE and (slot.prev != "把" or tag[:1] != "v"):
        return True
    if slot.prev[-1:] == "个" and (tag == "vn" or tag[:1] not in ("v", "a", "d")):
        return True
    if tag in ("n", "nz", "vn") and slot.prev_tag[:1] == "v" and slot.prev_tag != "vn":
        return True
    nominal = tag in ("n", "nz", "vn")
    if nominal and (slot.prev_tag == "b" or _after_verb_aspect(slot)):
        return True  # 大型 活动 "event"; 买 了 保险 "insurance"
    if (
        tag == "n"
        and slot.prev_tag in ("n", "vn", "nz")
        and closes(slot)
        and _in_phrase(slot.left[:-1], slot.left_tags[:-1])
    ):
        return True  # 他 的 犯规 记录。: a noun closing a phrase after another is the head of their compound
    if slot.next in ASPECT and slot.next_tag.startswith("u"):
        return False  # 三年 过去 了: what takes 了 is the verb
    counted = slot.prev_tag == "m" and not slot.classifier_slot
    return counted and (tag == "vn" or tag[:1] not in ("v", "a", "d"))


def _in_phrase(left: tuple[str, ...], tags: tuple[str, ...]) -> bool:
    """What stands before a noun opens a noun phrase: 的, or a verb and its 了 (他 的 犯规 记录, 看 了
    比赛 记录), not a subject (身体 结实: the tagger's noun is the predicate) or a counted object (一条 鱼
    做菜)."""
    return bool(left) and (left[-1] in ("的", "了") or tags[-1][:1] == "v")


def _counted(slot: Slot, tag: str) -> bool:
    """The token follows a numeral or demonstrative and its classifier, cut apart (一 篇 作文, 这 本 书), and
    ends the noun phrase: the thing counted."""
    before = slot.left[-2:-1]
    counting = bool(before) and before[0] in COUNTS
    noun_ends = not slot.next_tag.startswith("n") and slot.next != "的"
    if slot.prev in MEASURES and counting and tag[:1] in ("n", "v", "") and noun_ends:
        return True
    # kept whole (一种 象征。): a word that ends its clause right after a numeral and a classifier of things
    # is what they count; a count of actions (看 一次, 一遍) counts no noun
    whole = len(slot.prev) > 1 and slot.prev[-1] in MEASURES and slot.prev[-1] not in _ACTION_MEASURES
    counting = whole and all(c in COUNTS for c in slot.prev[:-1])
    return counting and tag[:1] in ("n", "v") and closes(slot)


def _passive_verb(slot: Slot) -> bool:
    """The token is the first verb after 被 and its agent (被 他 的 笑话 逗 得 …)."""
    if "被" not in slot.left:
        return False
    after = slot.left_tags[len(slot.left) - slot.left[::-1].index("被") :]
    return bool(after) and not any(t[:1] == "v" for t in after)


def _one_by_one(slot: Slot) -> bool:
    """一 X 一 X, "X by X" (一 滴 一 滴, 一 步 一 步): X is a unit counted, not an action."""
    if slot.prev != "一" or len(slot.word) != 1:
        return False
    return slot.right[:2] == ("一", slot.word) or slot.left[-3:-1] == ("一", slot.word)


def _after_verb_aspect(slot: Slot) -> bool:
    """The token follows a verb's 了 or 过 (买 了 保险, 看 过 电影): the verb's object."""
    return slot.prev in ("了", "过") and slot.prev_tag[:1] == "u" and slot.left_tags[-2:-1][:1] == ("v",)


def _subject(slot: Slot) -> bool:
    """What follows makes the token a subject: 是 (借口 是 …), or 和 with a noun (导演 和 演员)."""
    if slot.next == "是":
        return True
    return slot.next in ("和", "跟") and slot.right_tags[1:2] != () and slot.right_tags[1][:1] == "n"


def _gives(slot: Slot) -> bool:
    """给 with a person and then a thing or a number, and no verb in the rest of its clause: "to give"."""
    right, tags = slot.right, slot.right_tags
    person = right[:1] != () and right[0] in _PERSONS
    thing = tags[1:2] != () and tags[1][:1] in ("n", "m")
    return person and thing and not any(t[:1] == "v" for t in tags[1:])


_SURE_OF = frozenset({"会", "是", "能", "可以"})


def _sure(slot: Slot, tag: str) -> bool:
    """A verb with an adverb's senses before a modal, 是 or a verb says how sure (肯定 v 会 来, 确实 是,
    肯定 认为), not what; after a measure or demonstrative it is a thing (这个 决定 符合)."""
    counted = slot.prev[-1:] in MEASURES or slot.prev in ("这", "那")
    before_verb = slot.next_tag == "v" and tag[:1] == "v" and not counted
    return (
        (slot.next in _SURE_OF or before_verb) and len(slot.word) > 1 and _has_sense(slot.word, Shape.ADVERB)
    )


@lru_cache(maxsize=2_000)
def _has_sense(word: str, shape: Shape) -> bool:
    return any(s.shape is shape for c in candidates(word) for s in c.senses)


def _acts_on_person(slot: Slot, tag: str) -> bool:
    """A word tagged a noun between a verb or adverb and a personal pronoun acts on that person (会 责备 他,
    不 原谅 我): nouns do not take a pronoun after them."""
    return (
        tag in ("n", "vn")
        and slot.next in _PERSONS
        and slot.prev_tag[:1] in ("v", "d")
        and _has_sense(slot.word, Shape.VERB)
    )


def _said_of(slot: Slot, tag: str) -> str:
    """Before 的: between 是 and a 的 that closes the clause the token is said of something (是 光荣 的
    "glorious"); an adjective before 的 and a noun says what kind (光荣 的 传统). "" when neither."""
    if slot.next != "的" or tag[:1] in ("v", "r", "m", "q", "t"):
        return ""
    after = slot.right[1:]
    if slot.prev == "是" and all(w in PUNCT for w in after):
        return "degree"
    if (tag[:1] in ("a", "b") or not tag) and slot.right_tags[1:2] and slot.right_tags[1][:1] == "n":
        return "modifier"
    return ""


def _modifier(slot: Slot) -> bool:
    """Between a numeral with its classifier (or 是) and a noun: the token says what kind (第二条 横 马路,
    是 经典 唱片); after 是 a verb is the predicate's own (是 教 英语), so only non-verbs count there."""
    if not slot.next_tag.startswith("n") or slot.tag[:1] not in ("n", "a", "b", "v"):
        return False
    counted = slot.prev_tag == "q" or (slot.prev_tag == "m" and not _number(slot.prev))
    return (counted and not _appositive(slot)) or (slot.prev == "是" and slot.tag[:1] != "v")


def _appositive(slot: Slot) -> bool:
    """The quantity before the token counts the person or noun before it (他们 俩 是 兄弟, 我们 三个 去): it
    closes the subject, so the token is the predicate, not a word that says what kind."""
    before, tag = slot.left[-2:-1], slot.left_tags[-2:-1]
    return bool(before) and (before[0] in _PERSONS or tag[0][:1] == "n")


def _number(word: str) -> bool:
    return all(ch in NUMERALS or ch.isdigit() for ch in word)


def _adverbial_phrase(slot: Slot) -> bool:
    """The token opens the sentence and its clause is a short phrase with no verb that a comma ends (作为 学生
    ，; 对于 这个 问题 ，): a preposition with its object, not a verb or a noun."""
    return (
        slot.tag[:1] in ("v", "p")
        and not slot.left
        and not slot.clause_before
        and slot.clause_end in _COMMA
        and 0 < len(slot.right) <= 3
        and not any(t[:1] == "v" for t in slot.right_tags)
    )


def predicate(slot: Slot) -> bool:
    """The token is said of something (an adjective, or after an adverb), so it is no abstract noun."""
    return slot.tag[:1] == "a" or (slot.prev_tag[:1] in ("d", "z") and slot.tag[:1] != "n")
