"""Agreement: one pair → where its English says something its Chinese does not (persons, quantities).

The lexical model (`lexical.py`) tells how much of a pair translates; these checks catch the small words it
skips on purpose, where a volunteer's translation most often drifts:

- persons: the Chinese says 我 and the English "we" (or the reverse), 他 and "she", or the Chinese opens
  with a pronoun whose person the English never mentions while its own subject is another person
  (他们出席了… → "I attend …");
- quantities: the English says "all", "every…" or "only" and the Chinese has no word for it (这是我所知道的
  → "This is all I know"), idioms such as "at all", "after all" or "not only" aside; or the Chinese says
  "many" (许多, 很多, 无数 …) and the English no quantity at all;
- demonstratives: the Chinese points far (那本书, 那里) and the English near ("this book", "here"), or the
  reverse (这些 → "those"), with no word of the other kind on either side (她开始喜欢那套房子 → "She's
  starting to like this house");
- degree: a statement 太 + predicate + 了 ("too …") whose English has no degree word at all
  (你们的效率太低了。 → "It is inefficient of you"); the exclamation (太棒了！ "Great!") and
  predicates that are excessive in themselves (太过分了) aside; 有点(儿) with nothing for "a bit"
  (这孩子有点儿调皮 → "The kid is naughty");
- tense: a question whose English puts a 是 in the past ("was", "were") where the Chinese shows no past at
  all (你是士兵吗 → "Were you a soldier?"), the 是 … 的 frame of a past event aside;
- connective: the English opens with "And", "But", "So" … and the Chinese has no connective (每个人都有能力
  作贡献 → "And everyone has the ability to contribute").

Both are costs, not flaws: an English can restructure a sentence (我的钱 → "our money" in a family) and still
be a fair translation, but a card should show the sentence whose English follows it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import StrEnum
from functools import lru_cache

from deckbuilder.english import tokens as english_tokens


class Mismatch(StrEnum):
    """A disagreement between the two sides, by the name the build report counts it under."""

    PERSON = "person"
    QUANTITY = "quantity"
    DEGREE = "degree"
    DEMONSTRATIVE = "demonstrative"
    TENSE = "tense"
    CONNECTIVE = "connective"


COSTS = {
    Mismatch.PERSON: 4.0,
    Mismatch.QUANTITY: 2.0,
    Mismatch.DEGREE: 2.0,
    Mismatch.DEMONSTRATIVE: 3.0,
    Mismatch.TENSE: 2.0,
    Mismatch.CONNECTIVE: 2.0,
}

# Persons: 1 singular, 1 plural, 2, 3 masculine, 3 feminine, 3 plural, 3 neuter.
_ZH_PERSONS = {
    "我": "1s", "我们": "1p", "咱们": "1p", "咱": "1p", "你": "2", "您": "2", "你们": "2",
    "他": "3m", "她": "3f", "他们": "3p", "她们": "3p", "它们": "3p", "它": "3n",
}  # fmt: skip
_EN_PERSONS = {
    "i": "1s", "me": "1s", "my": "1s", "mine": "1s", "myself": "1s",
    "we": "1p", "us": "1p", "our": "1p", "ours": "1p", "ourselves": "1p", "let's": "1p",
    "you": "2", "your": "2", "yours": "2", "yourself": "2", "yourselves": "2",
    "he": "3m", "him": "3m", "his": "3m", "himself": "3m",
    "she": "3f", "her": "3f", "hers": "3f", "herself": "3f",
    "they": "3p", "them": "3p", "their": "3p", "theirs": "3p", "themselves": "3p",
    "it": "3n", "its": "3n", "itself": "3n",
}  # fmt: skip
_EN_SUBJECTS = {"i": "1s", "we": "1p", "you": "2", "he": "3m", "she": "3f", "they": "3p"}
# Persons a translation must not swap: number of the first person, gender of the third.
_SWAPS = (("1s", "1p"), ("1p", "1s"), ("3m", "3f"), ("3f", "3m"))
_YOU_AND_ME = re.compile(r"\b(?:you and (?:me|i)|(?:me|i) and you)\b", re.IGNORECASE)

# English quantity words and the Chinese words that can carry them.
_QUANTITIES = (
    (
        re.compile(r"\ball\b", re.IGNORECASE),
        "都 所有 全 一切 整 统统 通通 凡 皆 各 每 大家 人人 完 光 满 尽 总共 一共 任何 彻底 到处 们 些 种种",
    ),
    (
        re.compile(r"\bevery(?:one|body|thing|where)?\b", re.IGNORECASE),
        "每 都 所有 各 一切 大家 全 到处 任何 人人 处处 谁 什么 哪 凡 事事 天天 众 们",
    ),
    (re.compile(r"\bonly\b", re.IGNORECASE), "只 仅 才 就 唯一 单 光 不过 而已 罢了 独 特有 但"),
)
_EN_QUANTITY = re.compile(r"\b(?:all|every|only)", re.IGNORECASE)  # what each of those patterns needs
# Idioms in which those words quantify nothing the Chinese must say.
_IDIOMS = re.compile(
    r"\b(?:at all|after all|all at once|all of a sudden|first of all|above all|all right|all along|"
    r"all the (?:time|way|same|better|more|less|year round)|all (?:my|his|her|their|our|your) li(?:fe|ves)|"
    r"all (?:day|night|year|over|but|in all|about|for)|best of all|most of all|for all|"
    r"all (?:sorts|kinds) of|"
    r"not only|only if|if only|every (?:reason|so often|now and then|other)|at all costs?)\b",
    re.IGNORECASE,
)


def mismatches(zh_words: Sequence[str], en: str) -> list[Mismatch]:
    """Where the English of a pair disagrees with its Chinese (given as words)."""
    found = []
    if _persons_disagree(zh_words, en):
        found.append(Mismatch.PERSON)
    if _quantity_missing("".join(zh_words), en):
        found.append(Mismatch.QUANTITY)
    if _degree_missing(zh_words, en):
        found.append(Mismatch.DEGREE)
    if _demonstrative_swapped(zh_words, en):
        found.append(Mismatch.DEMONSTRATIVE)
    if _past_state(zh_words, en):
        found.append(Mismatch.TENSE)
    if _connective_added(zh_words, en):
        found.append(Mismatch.CONNECTIVE)
    return found


# An English that opens with a connective links to a sentence before it; the Chinese should say so too.
_EN_OPENING = re.compile(r"^\s*(?:and|but|so|or|also)\b", re.IGNORECASE)
_ZH_CONNECTIVES = frozenset(
    {"和", "而", "而且", "并且", "但", "但是", "可是", "不过", "然而", "所以", "因此", "于是", "或者", "还是",
     "也", "还", "又", "那", "那么", "另外", "此外", "况且", "再说", "只是", "就"}
)  # fmt: skip


def _connective_added(zh_words: Sequence[str], en: str) -> bool:
    """The English opens with "And", "But", "So" … where the Chinese has no connective at all (每个人都有能力
    作贡献 → "And everyone has the ability to contribute"): a fragment of a longer translation."""
    return bool(_EN_OPENING.match(en)) and not _ZH_CONNECTIVES.intersection(zh_words)


# The copula's past in English, and what shows a past in Chinese: aspect, a time gone by, 曾/原来.
_EN_PAST_BE = re.compile(r"\b(?:was|were)\b", re.IGNORECASE)
_ZH_PAST = frozenset(
    {"了", "过", "以前", "之前", "当时", "那时", "那时候", "曾", "曾经", "昨天", "前天", "去年", "小时候",
     "原来", "本来", "刚才", "那天", "当年", "从前", "上周", "上个月", "上次", "刚", "刚刚", "已经"}
)  # fmt: skip


def _past_state(zh_words: Sequence[str], en: str) -> bool:
    """A question whose English says "was"/"were" of a Chinese 是 with no past anywhere in it (你是士兵吗 →
    "Were you a soldier?"); a 是 … 的 frame, which tells of a past event (宇宙是怎样形成的), aside."""
    if "是" not in zh_words or not _EN_PAST_BE.search(en) or not _ZH_PAST.isdisjoint(zh_words):
        return False
    words = [w for w in zh_words if w.strip()]
    if words[-1] not in ("？", "?"):
        return False  # a statement may be set in the past (总之它是个很棒的派对 "it was a great party")
    body = [w for w in words if w not in "。！？!?，,"]
    return not (body and body[-1] == "的")


# Words that point near or far; a bare 那 opening a clause before a pronoun is "then" (那我们走吧).
_ZH_NEAR = frozenset(["这", "这个", "这些", "这里", "这儿", "这边", "这种", "这次", "这时", "这天"])
_ZH_FAR = frozenset(["那", "那个", "那些", "那里", "那儿", "那边", "那种", "那次", "那时", "那天"])
_EN_NEAR = frozenset(("this", "these", "here"))
_EN_FAR = frozenset(("that", "those", "there"))  # "that" may be a conjunction: only "those" proves far


def _demonstrative_swapped(zh_words: Sequence[str], en: str) -> bool:
    if _ZH_NEAR.isdisjoint(zh_words) and _ZH_FAR.isdisjoint(zh_words):
        return False  # most sentences: no demonstrative at all
    words = [w for w in zh_words if w.strip()]
    near = not _ZH_NEAR.isdisjoint(words)
    far = any(
        w in _ZH_FAR and not (w == "那" and (k == 0 or words[k - 1] in "，,") and words[k + 1 : k + 2] != ()
                              and words[k + 1] in _ZH_PERSONS)
        for k, w in enumerate(words)
    )  # fmt: skip
    if near == far:
        return False  # neither, or both: nothing to swap
    said = set(_en_words(en))
    if far:
        return bool(said & _EN_NEAR) and not said & _EN_FAR
    return "those" in said and not said & _EN_NEAR


@lru_cache(maxsize=1024)  # the persons and demonstratives checks read one English each
def _en_words(en: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in english_tokens(en.replace("’", "'")))


def _persons_disagree(zh_words: Sequence[str], en: str) -> bool:
    if _ZH_PERSONS.keys().isdisjoint(zh_words):
        return False  # both tests below need a person in the Chinese (the first word is one of its words)
    zh_persons = {_ZH_PERSONS[w] for w in zh_words if w in _ZH_PERSONS}
    words = _en_words(en)
    en_persons = {_EN_PERSONS[w] for w in words if w in _EN_PERSONS}
    en_persons |= {_EN_PERSONS[w.split("'")[0]] for w in words if w.split("'")[0] in _EN_PERSONS}
    if _YOU_AND_ME.search(en):
        en_persons.add("1p")
    for said, other in _SWAPS:
        if said in zh_persons and other not in zh_persons and other in en_persons and said not in en_persons:
            return True
    first = next((w for w in zh_words if w.strip()), "")
    if first in _ZH_PERSONS and words:
        person = _ZH_PERSONS[first]
        subject = _EN_SUBJECTS.get(words[0].split("'")[0])
        return subject is not None and subject != person and person not in en_persons
    return False


# English words that carry the degree 太…了 says; predicates that need none (过分 is "excessive" already).
_EN_DEGREE = re.compile(
    r"\b(?:too|so|very|really|extremely|such|terribly|awfully|overly|excessive(?:ly)?|way|far|much|quite|"
    r"incredibly|how|what)\b",
    re.IGNORECASE,
)
_EXCESSIVE = frozenset(("过分", "过度", "过火", "可惜"))
_DEGREE_SPAN = 4  # words between 太 and the 了 that closes its statement


# What says "a bit" in English, for 有点(儿) before a predicate (这孩子有点儿调皮 → "The kid is naughty").
_EN_A_BIT = re.compile(
    r"\b(?:bit|little|slightly|slight|somewhat|rather|kind of|kinda|sort of|tad|pretty|fairly|touch|mildly|"
    r"quite|some|something|too|so|very|getting)\b",
    re.IGNORECASE,
)
_A_BIT = frozenset(("有点", "有点儿", "有一点", "有一点儿"))


def _degree_missing(zh_words: Sequence[str], en: str) -> bool:
    """太 + a predicate + 了 closing a statement with a full stop, and no degree word in the English; or
    有点(儿) before a predicate and nothing for "a bit"."""
    if _A_BIT.isdisjoint(zh_words) and "太" not in zh_words:
        return False  # most sentences: neither
    words = [w for w in zh_words if w.strip()]
    if not _A_BIT.isdisjoint(words[:-1]) and not _EN_A_BIT.search(en):
        return True
    if not words or words[-1] != "。" or "太" not in words or _EN_DEGREE.search(en):
        return False
    for i, w in enumerate(words):
        if w == "太" and "了" in words[i + 1 : i + 1 + _DEGREE_SPAN]:
            end = words.index("了", i + 1)
            closes = words[end + 1] in ("。", "，") if end + 1 < len(words) else True
            if closes and not _EXCESSIVE.intersection(words[i + 1 : end]):
                return True
    return False


def _quantity_missing(zh: str, en: str) -> bool:
    if _EN_QUANTITY.search(en):  # most English says none of them: no idioms to take out
        text = _IDIOMS.sub(" ", en)
        for pattern, carriers in _QUANTITIES:
            if pattern.search(text) and not any(c in zh for c in carriers.split()):
                return True
    return any(w in zh for w in _ZH_MANY) and not _EN_MANY.search(en)


# Chinese words for "many" and the English that can carry them (她捡了许多小石头 → "She picked up stones").
_ZH_MANY = ("许多", "很多", "好多", "不少", "大量", "无数", "众多")
_EN_MANY = re.compile(
    r"\b(?:many|much|lots?|plenty|numerous|several|countless|number|loads|tons|deal|various|multiple|"
    r"most|few|all|every\w*|mass\w*|huge|large|great|full|heaps|variety|wide|whole|so|too|quantit\w*|"
    r"more|a\s+bunch)\b",
    re.IGNORECASE,
)
