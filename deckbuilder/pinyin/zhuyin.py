"""Tone-number pinyin → Zhuyin (bopomofo), one group per written word: ``yin2hang2`` → ``ㄧㄣˊㄏㄤˊ``."""

from __future__ import annotations

import re
from functools import cache

from deckbuilder.pinyin.syllable import mark, normalize

_SYLLABLE = re.compile(r"[a-zü:]+[1-5]", re.IGNORECASE)


@cache
def syllable_zhuyin(syllable: str) -> str:
    """``hao3`` → ``ㄏㄠˇ``; neutral tone gets the dot (``ㄉㄜ˙``); erhua ``r5`` → ``ㄦ``."""
    if syllable == "r5":
        return "ㄦ"
    from pypinyin.style.bopomofo import BopomofoConverter

    text = mark(syllable) if syllable[-1] != "5" else syllable[:-1].replace("v", "ü")
    return BopomofoConverter().to_bopomofo(text)


def zhuyin_words(numbered: str) -> str:
    """Zhuyin of tone-number words as `numbered_words` writes them (``yi1 ge4`` → ``ㄧ ㄍㄜˋ``)."""
    return " ".join(
        "".join(syllable_zhuyin(normalize(s)) for s in _SYLLABLE.findall(word)) for word in numbered.split()
    )
