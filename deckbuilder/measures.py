"""Numeral and demonstrative chunks jieba glues to their measure word, cut apart as GB/T 16159 writes them
and textbooks gloss them: 一个 → 一 + 个, 这本 → 这 + 本, 一朵花 → 一 + 朵 + 花 (`counted`, a pass of
`constructions.undo`).

A word's cut depends on its neighbours only where CC-CEDICT lists the chunk for another sense than a count
(三条 "three of a kind": `_counts_next`), so the cut is worked out once per word and that one answer
(`_chunk`): this pass sees a word with a count in front in most sentences.
"""

from __future__ import annotations

from functools import lru_cache

from deckbuilder.cedict import headwords
from deckbuilder.chinese import COUNTING, COUNTS, MEASURES, MONEY, NUMERALS
from deckbuilder.standards import all_words

# The first character of every word `counted` may cut: a count, an ordinal's 第, 好几 "several".
_STARTS = COUNTS | frozenset("第好")


def counted(words: list[str]) -> list[str]:
    """`words` with a numeral or demonstrative glued to its measure word cut into the two, as GB/T 16159
    writes them and textbooks gloss them (一个 → 一 + 个, 这本 → 这 + 本, 一百块 → 一百 + 块; an ordinal too,
    第二个 → 第二 + 个; and the noun counted when jieba glued it on, 一朵花 → 一 + 朵 + 花), unless the chunk
    is a word of its own: listed (这个, 一样) or in CC-CEDICT (每天 "every day", 一种, 几个 "a few", 十月
    "October", 第一次). A number glued to a word it counts or times is cut off it too (一分钟 → 一 + 分钟,
    七点 → 七 + 点, 三年级 → 三 + 年级)."""
    ordinary, listed = headwords().ordinary, all_words()
    words = _regrouped(words, headwords().proper)
    out: list[str] = []
    for k, word in enumerate(words):
        if word == "个人" and k and _one_person(words[k - 1], words[k + 1 : k + 2]):
            out.extend(("个", "人"))  # 门口有个人: 一 left out of 一个人 "a person"; not 个人 "individual"
            continue
        if len(word) < 2 or word[0] not in _STARTS:
            out.append(word)  # most words: no count in front of them
            continue
        counts_next = word in ordinary and word not in listed and _counts_next(word, words[k + 1 : k + 3])
        out.extend(_chunk(word, counts_next))
    return out


_CURRENCY_ENDS = frozenset("元币金")  # 日元, 美元, 港币, 美金


def _regrouped(words: list[str], proper: frozenset[str]) -> list[str]:
    """A number whose last character jieba took from the currency after it given back (一百日 + 元 →
    一百 + 日元 "yen"; it read 一百日 "a hundred days"): the character and the next make a currency
    CC-CEDICT has as a proper noun (no 三天 + 后 → 天后, no 一个 + 人 → 个人)."""
    if _CURRENCY_ENDS.isdisjoint(words):  # most sentences: no currency to give a character back to
        return words
    out: list[str] = []
    k = 0
    while k < len(words):
        word, after = words[k], words[k + 1] if k + 1 < len(words) else ""
        numbered = len(word) > 1 and len(after) == 1 and all(c in NUMERALS for c in word[:-1])
        if numbered and after in _CURRENCY_ENDS and word[-1] not in NUMERALS and word[-1] + after in proper:
            out += [word[:-1], word[-1] + after]
            k += 2
            continue
        out.append(word)
        k += 1
    return out


def cuts(word: str) -> bool:
    """Whether `counted` may cut `word`, whatever follows it (一个, 一朵花, 个人; not 一起, 这个, 我)."""
    if word == "个人":
        return True
    if len(word) < 2 or word[0] not in _STARTS:
        return False
    return _chunk(word, False) != (word,) or _chunk(word, True) != (word,)


@lru_cache(maxsize=100_000)
def _chunk(word: str, counts_next: bool) -> tuple[str, ...]:
    """The words `counted` cuts `word` into, where `counts_next` says whether it counts the words after it
    (`_counts_next`: then a chunk CC-CEDICT lists is a count all the same)."""
    lists, listed = headwords(), all_words()
    if len(word) == 2 and word[0] in NUMERALS and word[1] in "加减乘除":
        return tuple(word)  # 五加五: five plus five, not the plant 五加
    if word.startswith("好几") and len(word) > 2 and word[2:] in lists.ordinary and word not in listed:
        return ("好几", word[2:])  # 好几种 "several kinds": 好几 + 种
    if word[0] not in COUNTS and word[0] != "第":
        return (word,)
    count = word[1:-1] if word[:1] == "第" and len(word) > 2 else word[:-1]  # 第二个 → 第二 + 个
    chunk = len(word) > 1 and word[-1] in MEASURES and all(ch in COUNTS for ch in count)
    noun = word[2:] in lists.ordinary and word not in listed and word not in lists.ordinary
    noun = noun and word[1:] not in lists.proper  # (亿日元 is 亿 + 日元 "yen", below)
    if len(word) > 2 and word[0] in COUNTS and word[1] in MEASURES and noun:
        return (word[0], word[1], word[2:])  # 一朵花 → 一 + 朵 + 花
    month = word[-1] == "月" and word in lists.proper  # 十月 "October"; not the county 三门
    # 三条 鱼, 一元 有 十毛: no "three of a kind (poker)", no "univariate"
    whole = word in listed or (word in lists.ordinary and not counts_next)
    if chunk and not whole and not month:
        return (word[:-1], word[-1])
    # A number before a word of its own that it counts or times (一分钟, 七点, 一队, 三年级): apart.
    run = len(word) - len(word.lstrip("".join(NUMERALS)))
    counted_word = word[run:] in lists.ordinary or word[run:] in lists.proper  # 亿日元 → 亿 + 日元
    if 0 < run < len(word) and not whole and word not in lists.proper and counted_word:
        return (word[:run], word[run:])
    return (word,)


# Words after which 个 counts with its 一 left out (有个人, 雇了个人): a verb's object, "someone".
_BARE_COUNT_AFTER = frozenset({"有", "没有", "了"})


def _one_person(before: str, after: list[str]) -> bool:
    """个人 after 有 or a verb's 了 and before no 的 or noun it would describe (有个人的看法, 有个人意见:
    "personal"): 个 + 人, "someone"."""
    from deckbuilder import segmenter

    if before not in _BARE_COUNT_AFTER:
        return False
    return not after or (after[0] != "的" and segmenter.dictionary_entry(after[0])[1][:1] != "n")


def _counts_next(word: str, after: list[str]) -> bool:
    """A numeral and a measure word CC-CEDICT lists for another sense than a quantity (三条 "three of a kind
    (poker)", not 一种 "one kind of"), counting the noun after it (三条 鱼) or an amount of money (一元): the
    count, as the cards gloss it; not before a word 的 makes a modifier (一口 地道 的 中文)."""
    from deckbuilder import english, segmenter
    from deckbuilder.constructions import first_sense

    if len(word) < 2 or not all(ch in COUNTING for ch in word[:-1]) or word[-1] not in MEASURES:
        return False
    sense = first_sense(word)
    if not sense or english.QUANTITY.match(sense):
        return False
    if word[-1] in MONEY:
        return True
    noun = bool(after) and segmenter.dictionary_entry(after[0])[1] in ("n", "nz", "ng")
    return noun and after[1:2] != ["的"]
