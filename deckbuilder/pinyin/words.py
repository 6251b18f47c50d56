"""Readings of dictionary words that depend on the sentence: a word in its units → its syllables, or None.

The dictionary gives 教会, 过去, 多重 one reading each (or two it cannot choose between); their neighbours
decide: 去教会 (the church, jiàohuì) but 教会了我 (taught me, jiāohuì); 过去的事 (the past, guòqù) but 走过去
(guòqu), 已经过去 (it is over, guòqù); 有多重 (how heavy, duō zhòng) but 多重国籍 (multiple, duōchóng); 还得
+ verb (děi), 穿着 (zhe); 集中精神 (jīngshén) but 很精神 (jīngshen): see `neutral`.
"""

from __future__ import annotations

from collections.abc import Sequence

from deckbuilder import constructions
from deckbuilder.chinese import DIRECTIONS
from deckbuilder.pinyin import neutral
from deckbuilder.pinyin.context import (
    CHURCH_BEFORE,
    COMPLEMENTS,
    MODAL_BEFORE,
    ONLY_COMPLEMENTS,
    PAST_FOLLOWERS,
    PERSONAL,
    QUESTION_ENDS,
    Context,
    Unit,
)
from deckbuilder.pinyin.rules import verbal


def _jiaohui(c: Context) -> tuple[str, ...]:
    """教会: the verb jiāohuì "teach (someone) to" before 了/过, a person or a verb; else the church."""
    nxt, pflag = c.next_text(), c.prev_flag()
    if c.prev_text() in CHURCH_BEFORE or pflag.startswith(("p", "uj", "m", "q")):
        return ("jiao4", "hui4")  # 去教会, 在教会里, 我们的教会, 一个教会
    taught = nxt in ("了", "过") or nxt in PERSONAL or c.next_flag().startswith(("v", "nr"))
    if taught or pflag.startswith("d") or c.prev_text() in ("要", "想", "能", "会", "得", "没", "没有"):
        return ("jiao1", "hui4")
    return ("jiao4", "hui4")


def _duozhong(c: Context) -> tuple[str, ...] | None:
    """多重: duō zhòng "how heavy" (有多重？, 多重呢) at the end of a clause or after 有; else duōchóng."""
    if c.prev_text() in ("有", "没有", "这么", "那么") or c.at_end() or c.next_text() in QUESTION_ENDS:
        return ("duo1", "zhong4")
    return None


def _guoqu(c: Context) -> tuple[str, ...]:
    """过去: the complement guòqu after a one-character verb (走过去, 晕过去了), the motion "go over" before
    the verb of its purpose (你过去看看); otherwise guòqù, the noun "the past" (过去的事, 在过去, 过去是) or
    the verb "to pass; to be over" CC-CEDICT reads the same (痛苦已经过去了, 让它过去吧)."""
    nxt = c.next_text()
    verb, flag = (c.prev_text(2), c.prev_flag(2)) if c.prev_text() == "了" else (c.prev_text(), c.prev_flag())
    if flag.startswith("v") and len(verb) == 1 and nxt != "的":
        return ("guo4", "qu5")  # 走过去, 晕了过去
    if c.next_flag().startswith("v") and nxt not in PAST_FOLLOWERS:
        return ("guo4", "qu5")
    return ("guo4", "qu4")


def _zhenshi(c: Context) -> tuple[str, ...]:
    """真是: the exclamation of annoyance zhēnshi only alone or as 真是的 (你真是的！, 真是！); before what
    it asserts, the adverb 真 and 是 "truly is" (他真是个好人, 这真是太好了: zhēnshì)."""
    if c.at_end() or (c.next_text() == "的" and Context(c.units, c.ui + 1).at_end()):
        return ("zhen1", "shi5")
    return ("zhen1", "shi4")


# Compound directional complements whose 来/去 a verb before makes light (过去 has its own rule, 起来 and
# 回来 are neutral in the dictionary).
_DIRECTIONS = DIRECTIONS - {"过去", "起来", "回来"}


def _no_direction(word: str) -> bool:
    """A word ending in 来 CC-CEDICT reads lai5 whose senses are no action and no grammatical note (看来
    "apparently; it seems that"): its 来 is no directional complement."""
    from deckbuilder import cedict

    senses = [s for e in cedict.lookup(word) if e.pinyin.lower().endswith("lai5") for s in e.senses]
    return bool(senses) and not any(s.startswith(("to ", "(", "see ")) for s in senses)


def decide_word(units: Sequence[Unit], ui: int, syllables: tuple[str, ...]) -> tuple[str, ...] | None:
    """Context-dependent readings of dictionary words: adverb + modal 得 (还得, 就得 → děi), 教会, 多重,
    过去, a verb + 着 as the durative, and words CC-CEDICT reads two ways apart from a neutral tone
    (`neutral`), 真是 (zhēnshì but the exclamation 真是的 zhēnshi)."""
    word = units[ui].text
    if word == "教会":
        return _jiaohui(Context(units, ui))
    if word == "多重":
        return _duozhong(Context(units, ui))
    if word == "过去":
        return _guoqu(Context(units, ui))
    if word == "真是":
        return _zhenshi(Context(units, ui))
    if word in _DIRECTIONS and len(syllables) == 2:
        c = Context(units, ui)
        flag = c.prev_flag(2) if c.prev_text() == "了" else c.prev_flag()
        if flag.startswith("v"):  # 跑了出去 pǎole chūqu, 拿出来 ná chūlai: a complement's 来/去 is neutral
            return (syllables[0], syllables[1][:-1] + "5")
    if len(word) == 2 and word[1] == "来" and syllables[1] == "lai5" and _no_direction(word):
        return (syllables[0], "lai2")  # 看来 kànlái "it seems": no verb's direction to make light
    potential = len(word) == 3 and word[1] in "得不" and constructions.verb_char(word[0])
    if potential and syllables[1] == "de2":
        return (syllables[0], "de5", syllables[2])  # 看得见: CC-CEDICT's de2, a potential complement's de
    if potential and syllables[1] == "bu4" and word[2] in COMPLEMENTS:
        return (syllables[0], "bu5", syllables[2])  # 忘不了, 受不了: a potential complement's 不 is light
    if (
        len(word) == 2
        and word[0] == "不"
        and word[1] in ONLY_COMPLEMENTS
        and Context(units, ui).prev_flag()[:1] == "v"
    ):
        return ("bu5", syllables[1])  # 控制 不住, 搬 不动: a potential complement's 不 is light
    if len(word) == 2 and word[1] == "着" and syllables[1] == "zhuo2" and units[ui].flag.startswith("v"):
        return (syllables[0], "zhe5")  # 穿着 as a verb: "wearing", not the noun zhuózhuāng sense
    if len(word) == 2 and word[1] == "得" and word[0] in MODAL_BEFORE:
        c = Context(units, ui)
        next_ok = verbal(c.next_flag()) or c.next_flag().startswith(tuple("dpm"))
        if not c.at_end() and next_ok:
            return (syllables[0], "dei3")
    return neutral.decide(Context(units, ui))  # 集中精神 jīngshén, 很精神 jīngshen
