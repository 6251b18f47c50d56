"""Pinyin of one segmented word (pypinyin over jieba's word, memoised per word).

Syllables of a word are joined as textbooks print them (`yínháng`), with an apostrophe before a syllable
that starts with a, o or e (`Xī'ān`).
"""

from __future__ import annotations

from functools import lru_cache

_VOWEL_START = set("aāáǎàoōóǒòeēéěè")


def join_syllables(syllables: list[str]) -> str:
    """Join a word's syllables, adding the apostrophe where a syllable boundary would be ambiguous."""
    out = ""
    for i, syl in enumerate(syllables):
        if i and syl[:1].lower() in _VOWEL_START and out[-1:].isalpha():
            out += "'"
        out += syl
    return out


@lru_cache(maxsize=200_000)
def word_syllables(word: str) -> tuple[str, ...]:
    """Tone-marked syllables of `word`, read as one segment (so phrase readings apply: 银行 → yín, háng)."""
    from pypinyin import Style, pinyin

    return tuple(s[0] for s in pinyin([word], style=Style.TONE, errors="default"))


@lru_cache(maxsize=200_000)
def word_numbered(word: str) -> tuple[str, ...]:
    """Tone-number syllables of `word` in CC-CEDICT's spelling (`yin2`, `lu:4`, neutral tone 5)."""
    from pypinyin import Style, pinyin

    syl = pinyin([word], style=Style.TONE3, errors="default", neutral_tone_with_five=True)
    return tuple(s[0].replace("v", "u:").replace("ü", "u:") for s in syl)


def word_pinyin(word: str) -> str:
    """Word-joined, tone-marked pinyin of `word` (`yínháng`)."""
    return join_syllables(list(word_syllables(word)))
