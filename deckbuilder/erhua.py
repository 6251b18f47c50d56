"""The erhua suffix 儿: where jieba cut it off a word (画画 + 儿, 唱歌 + 儿) and which words end in it (名牌儿
míngpáir, 唱歌儿 chànggēr) rather than in a word of their own (小女儿: 女儿 "daughter").

`constructions.undo` joins a lone 儿 to its word (`erhua_suffix`); the pinyin layer reads a suffix r
(`erhua_ending`) and the senses gloss such a word as its stem (`erhua`).
"""

from __future__ import annotations

from functools import lru_cache

from deckbuilder.chinese import HAN


def erhua_suffix(words: list[str]) -> list[str]:
    """`words` with a lone 儿 joined to the word before it, the erhua suffix jieba cut off (画画 + 儿 →
    画画儿, 唱歌 + 儿 → 唱歌儿, not 儿 ér "child" on its own)."""
    out: list[str] = []
    for word in words:
        if word == "儿" and out and HAN.match(out[-1]) and not out[-1].endswith("儿") and _takes_er(out[-1]):
            out[-1] += word
        else:
            out.append(word)
    return out


def _takes_er(word: str) -> bool:
    """A word the erhua suffix may follow: two characters or more, or one whose erhua form is a word (玩儿);
    a lone character before 儿 is more likely a name's (瑚儿 Hú'ér)."""
    from deckbuilder import cedict

    return len(word) > 1 or bool(cedict.lookup(word + "儿"))


@lru_cache(maxsize=4_096)
def erhua(word: str) -> bool:
    """A word CC-CEDICT lacks made of a CC-CEDICT word and the suffix 儿 (名牌儿, 小孩儿 … when jieba keeps
    them whole): read with the r of erhua (míngpáir), glossed as its stem; not a word ending in a word of
    its own (小女儿: 女儿 "daughter")."""
    from deckbuilder import cedict

    if len(word) < 2 or word[-1] != "儿" or cedict.lookup(word):
        return False
    doubled = len(word) == 3 and word[0] == word[1]  # 画画儿: 画画 + 儿, though 画儿 is a word too
    if cedict.lookup(word[-2:]) and not doubled:
        return False
    return bool(cedict.lookup(word[:-1]))


@lru_cache(maxsize=4_096)
def erhua_ending(word: str) -> bool:
    """A word CC-CEDICT lacks whose 儿 ends an erhua word of its own (唱歌儿: 歌儿 gēr), or `erhua`: its
    儿 is read r."""
    from deckbuilder import cedict

    if erhua(word):
        return True
    if len(word) < 3 or word[-1] != "儿" or cedict.lookup(word):
        return False
    return any(e.pinyin.lower().endswith("r5") for e in cedict.lookup(word[-2:]))
