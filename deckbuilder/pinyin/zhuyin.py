"""Readings → Zhuyin (bopomofo), one group per character, words separated by spaces: ``ㄧㄣˊㄏㄤˊ``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from deckbuilder.pinyin.syllable import mark

if TYPE_CHECKING:
    from deckbuilder.pinyin.readings import Reading


def syllable_zhuyin(syllable: str) -> str:
    """``hao3`` → ``ㄏㄠˇ``; neutral tone gets the dot (``ㄉㄜ˙``); erhua ``r5`` → ``ㄦ``."""
    if syllable == "r5":
        return "ㄦ"
    from pypinyin.style.bopomofo import BopomofoConverter

    text = mark(syllable) if syllable[-1] != "5" else syllable[:-1].replace("v", "ü")
    return BopomofoConverter().to_bopomofo(text)


def zhuyin(readings: Sequence[Reading]) -> str:
    """Zhuyin for a sentence's readings; tokens without Chinese characters are left out."""
    return " ".join("".join(syllable_zhuyin(s) for s in r.syllables) for r in readings if r.syllables)
