"""Readings of one sentence → the pinyin line a learner textbook prints (GB/T 16159-2012).

Syllables of a word are joined (``Zhōngguó``) with an apostrophe before a, o, e (``Xī'ān``); numerals
and measure words are written apart (``yí gè``); erhua is ``-r`` (``yíhuìr``); neutral tones are
unmarked; person names are ``Surname Given``; places, organisations and the first word of the sentence
are capitalised. 一 and 不 are written with their spoken tone (``yí gè``, ``bú shì``) unless
`citation_tones`; third-tone sandhi is never written (``nǐ hǎo``).

Word joining (GB/T 16159 §5): a word of up to three syllables is one written word; a compound of four or
more that is made of several dictionary words of two or more syllables is written as those words
(公共汽车 gōnggòng qìchē; 第二次世界大战 Dì-èr Cì Shìjiè Dàzhàn, capitalised as the proper noun it is), a
single-syllable piece staying with its neighbour (国际妇女节 is CC-CEDICT's own Guójì Fùnǚ Jié; 电子邮件地址
diànzǐ yóujiàn dìzhǐ); idioms (jieba's ``i``/``l``: 一模一样) stay whole, and a number is written in groups
that end at 百, 千, 万 and 亿 (èrshíyī, yìbǎi èrshí, sānqiān wǔbǎi). The aspect particles
are joined to their verb: 着 and 过 always (zǒuzhe, kànguo), 了 when a verb comes before it and more of
the clause after it (kànle yì běn shū, zǒule guòlai). 了 at the end of a clause or before a sentence
particle (他走了。 来了吗？) is written apart, since there it is, or includes, the modal particle: the
ambiguous V了 at a clause end is written ``zǒu le``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from deckbuilder.addressing import FAMILIAR, SURNAME_TAG
from deckbuilder.chinese import MEASURES
from deckbuilder.chinese import NUMERALS as CHINESE_NUMERALS
from deckbuilder.pinyin.lexicon import (
    char_readings,
    dictionary_pieces,
    is_proper_noun,
    is_surname,
    proper_noun_starts,
    readable,
)
from deckbuilder.pinyin.syllable import display_number, mark, tone
from deckbuilder.segmenter import is_name, word_tag
from deckbuilder.segmenter import is_proper_noun as is_proper

if TYPE_CHECKING:
    from deckbuilder.pinyin.readings import Reading

NUMERALS = CHINESE_NUMERALS | frozenset("0123456789０１２３４５６７８９")
COMPOUND_SURNAMES = frozenset(
    {"欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "慕容", "司徒", "夏侯", "端木"}
)
PRONOUNS = frozenset("我你他她它您")
# Characters of transliterated names (鲍勃, 玛莉, 梅格): a name written with these alone is one word.
TRANSLITERATION = frozenset(
    "阿埃艾爱安奥巴柏拜邦鲍贝本比彼波伯勃布达戴丹道德迪蒂丁杜多厄恩尔法菲费芬弗福盖戈格古哈汉赫亨胡霍"
    "基吉加贾杰金卡凯坎考柯科克肯库拉莱兰朗劳勒雷蕾里利莉琳丽隆卢鲁路伦罗洛马玛迈麦曼梅蒙米敏莫姆穆纳娜"
    "内尼妮纽努诺帕潘佩皮普奇乔琼萨塞桑瑟森沙莎舍施斯苏索塔泰汤唐特托瓦威韦维温沃乌西希谢辛休亚扬伊"
    "尤约詹兹佐"
)
# Aspect particles written joined to their verb (GB/T 16159: kànguo, zǒuzhe); 了 may be modal, stays apart.
ASPECT = frozenset({"过", "着"})
# Sentence-final particles: a 了 before them ends the clause (来了吗, 走了吧) and is written apart.
SENTENCE_PARTICLES = frozenset({"吗", "呢", "吧", "啊", "呀", "啦", "嘛", "哦", "哇", "么"})
_CLOSE = {
    "，": ",",
    "。": ".",
    "！": "!",
    "？": "?",
    "：": ":",
    "；": ";",
    "、": ",",
    "”": "\u201d",
    "’": "\u2019",
    "）": ")",
    "》": "\u300b",
    "…": "...",
    "—": "\u2014",
    ",": ",",
    ".": ".",
    "!": "!",
    "?": "?",
    ":": ":",
    ";": ";",
    ")": ")",
    "」": "\u201d",
    "』": "\u2019",
    "】": "]",
}
_OPEN = {
    "“": "\u201c",
    "‘": "\u2018",
    "（": "(",
    "《": "\u300a",
    "(": "(",
    "「": "\u201c",
    "『": "\u2018",
    "【": "[",
}


_AOE = frozenset("aoeāáǎàōóǒòēéěè")


def join_syllables(marked: Sequence[str]) -> str:
    """Join the marked syllables of one word: apostrophe before a non-initial a/o/e syllable."""
    out = ""
    for i, syl in enumerate(marked):
        if i and syl == "r":
            out += "r"
        elif i and syl[:1].lower() in _AOE:
            out += "'" + syl
        else:
            out += syl
    return out


def mark_word(word: str, syllables: Sequence[str]) -> str:
    """Citation-tone textbook spelling of one token; non-Chinese characters are kept as they are."""
    parts: list[str] = []
    it = iter(syllables)
    run: list[str] = []
    for ch in word:
        if readable(ch):
            run.append(mark(next(it)))
        else:
            if run:
                parts.append(join_syllables(run))
                run = []
            parts.append(ch)
    if run:
        parts.append(join_syllables(run))
    return "".join(parts)


def _spoken(chars: list[str], syls: list[str], citation_tones: bool, closing: list[bool]) -> list[str]:
    """Tone-change 一 and 不 for display (yí gè, bú shì); everything else keeps its citation tone. A 一
    `closing` a word of several characters keeps yī whatever follows (统一 考试, 唯一 的)."""
    out = list(syls)
    if citation_tones:
        return out
    for i, (ch, syl) in enumerate(zip(chars, syls, strict=True)):
        if ch not in "一不" or not syl or syl[-1] == "5":
            continue
        nxt = i + 1 < len(chars) and chars[i + 1] and readable(chars[i + 1])
        if not nxt:
            continue
        next_tone = tone(syls[i + 1]) if syls[i + 1] else 0
        if next_tone == 5:  # neutral 个 → its citation tone decides
            cands = char_readings(chars[i + 1])
            next_tone = tone(cands[0]) if cands else 0
        if ch == "不" and syl == "bu4" and next_tone == 4:
            out[i] = "bu2"
        elif ch == "一" and syl == "yi1" and not closing[i]:
            prev = chars[i - 1] if i else ""
            counting = chars[i + 1] in NUMERALS and chars[i + 1] not in "百千万亿"  # 一二三, 一九九〇
            if prev == "第" or prev in NUMERALS or counting:
                continue
            if chars[i + 1] == "月" or (prev == "月" and chars[i + 1] in "日号"):
                continue  # dates: 一月, 五月一日 (yī); but 一日三餐 is yí rì
            out[i] = "yi2" if next_tone == 4 else ("yi4" if next_tone in (1, 2, 3) else syl)
    return out


def _pieces(
    reading: Reading,
    syls: list[str],
    render: Callable[[str, Sequence[str]], str] | None = None,
    cap: Callable[[str], str] | None = None,
) -> list[str]:
    """Split one token into written words: numeral | measure, 看 一 看, 听 不 懂, Surname Given."""
    word = reading.word
    _render = render or mark_word
    _cap = cap or _capital
    if len(syls) != len(word):  # mixed Chinese / other characters: one piece
        return [_render(word, syls)]
    if is_name(word) or is_proper(word) or reading.flag == SURNAME_TAG:  # the decision annotate's kinds share
        return _name_pieces(word, syls, reading.flag, _render, _cap)
    if word[0] == "第" and len(word) > 1 and word[1] in NUMERALS:  # ordinals: dì-yī míng
        j = 1
        while j < len(word) and word[j] in NUMERALS:
            j += 1
        first = _render("第", syls[:1]) + "-" + _render(word[1:j], syls[1:j])
        return [first] + ([_render(word[j:], syls[j:])] if j < len(word) else [])
    if len(word) > 1 and all(c in CHINESE_NUMERALS for c in word) and _a_number(word):  # èrshíyī, yìbǎi èrshí
        cuts = [0, *(k + 1 for k, c in enumerate(word[:-1]) if c in "百千万亿"), len(word)]
        return [_render(word[a:b], syls[a:b]) for a, b in zip(cuts, cuts[1:], strict=False)]
    if reading.parts:  # a token jieba invented: write its dictionary pieces apart
        bounds = [0, *reading.parts, len(word)]
        out: list[str] = []
        for a, b in zip(bounds, bounds[1:], strict=False):
            piece = _render(word[a:b], syls[a:b])
            # qùguo, chīle fàn, péngyoumen: a particle or 们 joins the word before it
            if out and (word[a:b] in ASPECT or word[a:b] == "们" or (word[a:b] == "了" and b < len(word))):
                out[-1] += piece
            else:
                out.append(_cap(piece) if b - a > 1 and is_proper_noun(word[a:b]) else piece)
        return out
    if word[:1] in PRONOUNS and len(word) == 2 and word[1] != "们":
        return [_render(word[:1], syls[:1]), _render(word[1:], syls[1:])]  # 你好 → nǐ hǎo
    if word[:1] in ("很", "不") and len(word) == 2 and (word[0] == "很" or _free_bu(word)):
        return [_render(word[:1], syls[:1]), _render(word[1:], syls[1:])]  # 很多 → hěn duō, 不是 → bú shì
    if len(word) == 3 and word[1] in "一不得" and reading.flag.startswith("v"):
        return [_render(c, [s]) for c, s in zip(word, syls, strict=True)]
    numeral = all(c in NUMERALS for c in word[:-1])
    if reading.flag == "m" and len(word) >= 2 and word[-1] in MEASURES and numeral:
        return [_render(word[:-1], syls[:-1]), _render(word[-1], syls[-1:])]
    if len(word) >= 4 and reading.flag not in ("i", "l", "m"):
        groups = _compound_words(word)
        if groups:
            bounds = [0]
            for g in groups:
                bounds.append(bounds[-1] + len(g))
            return [_render(word[a:b], syls[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]
    return [_render(word, syls)]


def _a_number(word: str) -> bool:
    """Numeral characters that make a number, not a word of their own (万一 "just in case", 千万 "be sure
    to", 一一 "one by one" are CC-CEDICT words)."""
    from deckbuilder.cedict import headwords

    return word not in headwords().ordinary


def _compound_words(word: str) -> list[str] | None:
    """The written words of a long compound, or None when it is one word (see the module docstring)."""
    pieces = dictionary_pieces(word, whole=False)
    if sum(len(p) > 1 for p in pieces) < 2:
        return None
    groups: list[str] = []
    for piece in pieces:  # a single-syllable piece joins the word before it (a suffix) …
        if len(piece) == 1 and groups:
            groups[-1] += piece
        else:
            groups.append(piece)
    if len(groups[0]) == 1:  # … or, at the start, the word after it (a prefix)
        groups[:2] = [groups[0] + groups[1]]
    return groups if len(groups) > 1 else None


Render = Callable[[str, Sequence[str]], str]


def _name_pieces(
    word: str, syls: list[str], flag: str, render: Render, cap: Callable[[str], str]
) -> list[str]:
    """A name's written words, capitalised: CC-CEDICT's own division (Tiān'ānmén Guǎngchǎng, Tāngmǔ),
    Surname Given for a Chinese name (Wáng Xiǎomíng, Ōuyáng Míng), one word for a transliteration
    (Nígǔlāsī, Bàobó: every character one that transliterations use, or jieba's tag ``nrt``)."""
    if is_proper_noun(word):
        bounds = [*proper_noun_starts(word), len(word)]
        ordinal = _ordinal(render)  # 第二次世界大战: Dì-èr Cì Shìjiè Dàzhàn
        return [cap(ordinal(word[a:b], syls[a:b])) for a, b in zip(bounds, bounds[1:], strict=False)]
    else:
        surname = 2 if word[:2] in COMPOUND_SURNAMES and len(word) > 2 else 1
        if len(word) == 2 and word[0] in FAMILIAR:  # 小李, 老王: Xiǎo Lǐ, Lǎo Wáng
            return [cap(render(word[:1], syls[:1])), cap(render(word[1:], syls[1:]))]
        foreign = flag == "nrt" or all(ch in TRANSLITERATION for ch in word)
        chinese = 2 <= len(word) <= 4 and is_surname(word[:surname]) and not foreign
        bounds = [0, surname, len(word)] if chinese else [0, len(word)]
    return [cap(render(word[a:b], syls[a:b])) for a, b in zip(bounds, bounds[1:], strict=False)]


def _ordinal(render: Render) -> Render:
    """`render`, with an ordinal written dì-yī (第 and its numeral joined by a hyphen)."""

    def written(word: str, syls: Sequence[str]) -> str:
        if len(word) > 1 and word[0] == "第" and all(c in NUMERALS for c in word[1:]):
            return render(word[:1], syls[:1]) + "-" + render(word[1:], syls[1:])
        return render(word, syls)

    return written


def _free_bu(word: str) -> bool:
    """不 + verb is written apart (bú shì, bù lái); lexicalised 不错, 不过, 不但 stay one word."""
    return word == "不是" or word_tag(word) not in ("a", "c", "l", "i")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _numbered(word: str, syls: Sequence[str]) -> str:
    return "".join(display_number(x) for x in syls)


def numbered_words(readings: Sequence[Reading]) -> list[str]:
    """Per reading, tone-number pinyin divided into the same written words as `written_words`
    (``yin2hang2``, ``hen3 duo1``, ``yi1 ge4``); citation tones; "" for punctuation."""
    return [" ".join(_pieces(r, list(r.syllables), _numbered, str)) if r.syllables else "" for r in readings]


def spoken_syllables(readings: Sequence[Reading], *, citation_tones: bool = False) -> list[list[str]]:
    """Per reading, its syllables as the line prints them: 一 and 不 with their spoken tone (一个 yi2 ge4)
    unless `citation_tones`; neutral tones as read."""
    chars: list[str] = []
    flat: list[str] = []
    closing: list[bool] = []  # the character closes a word of several (统一)
    for r in readings:  # punctuation stays in, as a break: 一、 (a list's first item) keeps yī
        own = [c for c in r.word if readable(c)] if r.syllables else [r.word[:1] or " "]
        chars.extend(own)
        flat.extend(r.syllables or [""])
        closing.extend(k == len(own) - 1 and len(own) > 1 for k in range(len(own)))
    spoken = _spoken(chars, flat, citation_tones, closing)
    out = []
    k = 0
    for r in readings:
        out.append(spoken[k : k + len(r.syllables)])
        k += len(r.syllables) or 1
    return out


def written_words(readings: Sequence[Reading], *, citation_tones: bool = False) -> list[str]:
    """Per reading, its written pinyin (``yí gè``, ``Wáng Xiǎomíng``, ``yínháng``); "" for punctuation.

    The same words `line` prints, without sentence capitals or punctuation: for callers that keep their
    own tokens (the annotate stage stores one per token).
    """
    out = []
    for r, syls in zip(readings, spoken_syllables(readings, citation_tones=citation_tones), strict=True):
        out.append(" ".join(_pieces(r, syls)) if r.syllables else "")
    return out


def _joins_verb(readings: Sequence[Reading], i: int) -> bool:
    """Whether reading `i` is an aspect particle written joined to the verb before it (see the module
    docstring): 着/过 as particles; 了 after a verb with more of the clause after it."""
    r = readings[i]
    if r.word in ASPECT and r.flag in ("ug", "uz") and r.syllables[-1:] in (("guo5",), ("zhe5",)):
        return True  # not the verb guò (在箱根过了夜: "spent the night")
    if r.word != "了" or r.syllables != ("le5",) or not i or not _takes_aspect(readings[i - 1]):
        return False
    after = next((x for x in readings[i + 1 :] if x.word.strip()), None)
    return after is not None and bool(after.syllables) and after.word not in SENTENCE_PARTICLES


def _takes_aspect(r: Reading) -> bool:
    """Whether a word before 了 is its verb: a verb or adjective (红了脸, 高了一点), or a one-character
    preposition or localizer the tagger took for what it is elsewhere (给了他, 下了一阵雨)."""
    return r.flag[:1] in ("v", "a") or (len(r.word) == 1 and r.flag in ("p", "f"))


def _plural(readings: Sequence[Reading], i: int) -> bool:
    """Whether reading `i` is 们 cut from the noun before it, which GB/T 16159 joins to it (háizimen)."""
    return readings[i].word == "们" and i > 0 and bool(readings[i - 1].syllables)


def _continues(before: str, first: str) -> bool:
    """Whether `first` continues the character sequence that ended with `before` (U+200D joins emoji;
    variation selectors, skin tones and combining marks modify the character before them)."""
    return before == "\u200d" or first == "\u200d" or unicodedata.category(first) in ("Mn", "Me", "Sk")


def line(readings: Sequence[Reading], *, citation_tones: bool = False) -> str:
    """The sentence's pinyin as a textbook prints it, e.g. ``Wǒ shì Zhōngguó rén.``"""
    per_reading = spoken_syllables(readings, citation_tones=citation_tones)
    out = ""
    need_space = False
    first = True
    for i, (r, syls) in enumerate(zip(readings, per_reading, strict=True)):
        stripped = r.word.strip()
        if not stripped:
            continue
        if not r.syllables and out and _continues(out[-1], stripped[0]):
            out += stripped  # an emoji sequence (joiners, modifiers, keycaps) stays one sequence
            continue
        if not r.syllables and all(c in _CLOSE for c in stripped):
            out += "".join(_CLOSE[c] for c in stripped)
            need_space = True
            first = first or stripped[-1] in "。！？!?."
            continue
        if not r.syllables and all(c in _OPEN for c in stripped):
            out += (" " if need_space else "") + "".join(_OPEN[c] for c in stripped)
            need_space = False
            continue
        if not first and need_space and (_joins_verb(readings, i) or _plural(readings, i)):
            out += _pieces(r, list(syls))[0]  # kànguo, zǒuzhe, kànle; háizimen
            continue
        for piece in _pieces(r, list(syls)) if r.syllables else [stripped]:
            text = _capital(piece) if first else piece
            first = False
            out += (" " if need_space else "") + text
            need_space = True
    return out.strip()
