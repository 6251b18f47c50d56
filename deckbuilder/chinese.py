"""Chinese script facts shared by the stages: what a Han character is, the numeral characters, what kind of
token a piece of text is, the fewest-words cut of a string (`fewest_pieces`, whose notion of a word each
caller gives), and the one OpenCC converter per direction (simplified ↔ traditional), each created on
first use.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from enum import StrEnum
from functools import cache
from typing import Any

from deckbuilder.models import Kind

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
HAN_RUN = re.compile(HAN.pattern + "+")
# Characters of Chinese numerals (一百二十, 两千, 几), as the pinyin rules and orthography count them.
NUMERALS = frozenset("〇零一二三四五六七八九十百千万亿两几半")
COUNTING = NUMERALS - frozenset("几半")  # numerals that count a number of things (not 几 "a few", 半 "half")
MONEY = frozenset("元角")  # units of money CC-CEDICT gives no classifier sense: after a numeral, an amount
# What counts or points at a thing before its measure word (一个, 两百块, 这本, 每位): never a name's start.
COUNTS = NUMERALS | frozenset("这那哪每各某")
# Measure words written apart from a preceding numeral (一个 → yí gè) and that never start a name (这封信).
# 下/些/点 are left out on purpose: 一下, 一些, 一点儿 are single words in textbooks.
MEASURES = frozenset(
    "个本只张条件位次天年岁块口家杯瓶双辆台份把支首部座棵篇节层遍场句顿封间所门套碗斤米元角"
    "毛号月日页届名群头匹朵片趟回种样类户项道颗根枝架班批圈步串滴堆排段笔阵粒幅枚顶盘扇束桶盒袋包箱"
    "集册栋艘卷"
)
# Degree adverbs before an adjective (很美, 多美的): what follows them is no name.
DEGREE_ADVERBS = frozenset({
    "很", "太", "真", "非常", "最", "更", "比较", "这么", "那么", "多", "多么", "挺", "好", "特别",
    "十分", "相当", "越来越", "有点", "有点儿", "更加", "极",
})  # fmt: skip


# Compound directional complements (蹲 下来, 冷静 下来, 交 上来): a word of their own after a verb, as
# GB/T 16159 writes them.
DIRECTIONS = frozenset({
    "上来", "下来", "出来", "起来", "过来", "回来", "进来", "上去", "下去", "出去", "过去", "回去", "进去",
})  # fmt: skip


# Personal pronouns: a word of their own in any phrase (我会, 感谢您), the subject or object rules look for.
PERSONAL_PRONOUNS = frozenset(
    {"我", "你", "他", "她", "它", "您", "我们", "你们", "他们", "她们", "咱们", "大家", "自己", "人家"}
)


class Traditional(StrEnum):
    """Which traditional characters to write: OpenCC's standard set or Taiwan's."""

    standard = "standard"
    taiwan = "taiwan"


_OPENCC = {"t2s": "t2s", Traditional.standard: "s2t", Traditional.taiwan: "s2tw"}


def is_han(ch: str) -> bool:
    """Whether the character `ch` is a Han character."""
    return HAN.match(ch) is not None


_NUMBER = re.compile(r"^[0-9０-９.,，．%％:：/+\-]+$|^[〇零一二两三四五六七八九十百千万亿点第]{2,}$")
_LATIN = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ]")


def script_kind(word: str) -> Kind:
    """What a token is by its characters alone: punctuation (or symbols, or text in another script), a
    number, Latin text, or a Chinese word (which the tagger may still show to be a name)."""
    if all(unicodedata.category(c)[0] in "PSZC" for c in word):
        return Kind.PUNCT
    if _NUMBER.match(word):
        return Kind.NUMBER
    if not HAN.search(word):
        return Kind.LATIN if _LATIN.search(word) else Kind.PUNCT
    return Kind.WORD


@cache
def _converter(config: str) -> Any:
    import opencc

    return opencc.OpenCC(f"{config}.json")


def to_simplified(text: str) -> str:
    """Simplified form of `text` (already-simplified text is returned unchanged)."""
    return _converter("t2s").convert(text)


def to_simplified_all(texts: list[str]) -> list[str]:
    """`to_simplified` of each text, in one call: OpenCC's cost per call outweighs a short sentence's, and
    no phrase of its dictionaries spans a newline, so converting the texts joined by newlines gives the
    same result."""
    if len(texts) < 2 or any("\n" in t for t in texts):
        return [to_simplified(t) for t in texts]
    out = _converter("t2s").convert("\n".join(texts)).split("\n")
    return out if len(out) == len(texts) else [to_simplified(t) for t in texts]


def to_traditional(text: str, variant: Traditional = Traditional.standard) -> str:
    """Traditional form of simplified `text`: OpenCC's standard characters, or Taiwan's."""
    return _converter(_OPENCC[variant]).convert(text)


def fewest_pieces(
    text: str,
    is_piece: Callable[[str], bool],
    frequency: Callable[[str], int] | None = None,
    longest: int | None = None,
) -> tuple[str, ...] | None:
    """`text` cut into the fewest pieces `is_piece` accepts (each at most `longest` characters); between cuts
    with as many pieces, the one whose pieces are most frequent by `frequency` (else the first found).
    None when no cut exists."""
    n = len(text)
    best: list[tuple[int, float, int] | None] = [None] * (n + 1)  # (pieces, -log frequency, start)
    best[0] = (0, 0.0, 0)
    for i in range(n):
        here = best[i]
        if here is None:
            continue
        for j in range(i + 1, (n if longest is None else min(n, i + longest)) + 1):
            piece = text[i:j]
            if not is_piece(piece):
                continue
            cost = -math.log(frequency(piece) + 1) if frequency is not None else 0.0
            cand = (here[0] + 1, here[1] + cost, i)
            there = best[j]
            if there is None or cand[:2] < there[:2]:
                best[j] = cand
    if best[n] is None:
        return None
    pieces, j = [], n
    while j:
        i = best[j][2]  # type: ignore[index]
        pieces.append(text[i:j])
        j = i
    return tuple(reversed(pieces))
