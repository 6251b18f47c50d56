"""Words CC-CEDICT lists twice, once with a neutral tone and once without (精神 jīngshén "spirit; mind" and
jīngshen "vigor; lively", 大意 dàyì "gist" and dàyi "careless", 地道 dìdào "tunnel" and dìdao "authentic"):
the sentence decides which, so that the reading and the entry a card glosses agree.

The pairs come from CC-CEDICT at run time (a word's ordinary entries have exactly two readings, the same but
for a neutral tone on a later syllable). The word's use decides between them: as a noun (the object of a
verb or preposition, after 的) or as a predicate adjective (after a degree adverb, before 极了): the entry
whose senses are clearly more of that kind wins (精神 after 集中 is the noun jīngshén; 很精神 jīngshen).
Where both entries are equally nouns (生意 "business" / "vitality", 东西), or the use is unclear, the
dictionary's choice stands. A compound CC-CEDICT reads with the full tone takes the neutral one when its
senses are the neutral entry's (做生意 "to do business": shēngyi "business", not shēngyì "vitality").
"""

from __future__ import annotations

from functools import cache

from deckbuilder import cedict
from deckbuilder.english import en_keys
from deckbuilder.pinyin.context import COMPLEMENT_DEGREE, DEGREE, Context
from deckbuilder.pinyin.syllable import normalize

# How much more of the wanted kind one entry's senses must be than the other's (精神 as a noun: 7 of 8
# senses against 2 of 4).
MARGIN = 0.3
# What follows a predicate adjective (好极了, 精神得很).
_AFTER_ADJECTIVE = ("极了", "得很", "极")


@cache
def pair(word: str) -> dict[tuple[str, ...], tuple[str, ...]] | None:
    """reading → that entry's senses when `word` is such a pair (精神 → {jing1 shen2: …, jing1 shen5: …})."""
    readings: dict[tuple[str, ...], list[str]] = {}
    for entry in cedict.lookup(word):
        if entry.pinyin[:1].isupper():
            continue
        syl = tuple(normalize(p) for p in entry.pinyin.split())
        readings.setdefault(syl, []).extend(entry.senses)
    if len(word) < 2 or len(readings) != 2:
        return None
    a, b = readings
    if len(a) != len(word) or len(b) != len(word):
        return None
    apart = [k for k, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    if len(apart) != 1 or apart[0] == 0 or a[apart[0]][:-1] != b[apart[0]][:-1]:
        return None
    if "5" not in (a[apart[0]][-1], b[apart[0]][-1]):
        return None
    return {syl: tuple(senses) for syl, senses in readings.items()}


def _share(senses: tuple[str, ...], kind: str) -> float:
    """The share of `senses` (classifier lists and cross-references left out) that are of `kind`."""
    from deckbuilder.senses.shapes import is_reference, parse

    shapes = [parse(s).shape.value for s in senses if not s.startswith("CL:") and not is_reference(s)]
    return sum(s == kind for s in shapes) / len(shapes) if shapes else 0.0


def _use(c: Context) -> str | None:
    """How the word is used: "noun" (after a verb, preposition or 的, not before 的), "adjective" (after a
    degree adverb, before 极了 / 得很), or None."""
    prev, pflag = c.prev_text(), c.prev_flag()
    if prev in DEGREE | COMPLEMENT_DEGREE or c.next_text() in _AFTER_ADJECTIVE:
        return "adjective"
    if c.next_text() == "的":
        return None  # 地道的菜: an attribute, noun or adjective
    if prev == "的" or pflag.startswith("p") or (pflag.startswith("v") and pflag != "vd"):
        return "noun"
    return None


def decide(c: Context) -> tuple[str, ...] | None:
    """The reading of the pair word at `c` its use points to, or None. Counted by a classifier one entry
    lists, the word is that entry's (十万户人家 rénjiā "households", CL:户; 一件东西 dōngxi "thing")."""
    found = pair(c.unit.text)
    if found is not None and (counted := _counted_by(found, c.prev_text())):
        return counted
    use = _use(c) if found else None
    if found is None or use is None:
        return None
    (a, senses_a), (b, senses_b) = found.items()
    share_a, share_b = _share(senses_a, use), _share(senses_b, use)
    if share_a - share_b >= MARGIN:
        return a
    if share_b - share_a >= MARGIN:
        return b
    return None


def _counted_by(found: dict[tuple[str, ...], tuple[str, ...]], before: str) -> tuple[str, ...] | None:
    """The reading whose entry lists the classifier `before` ends in, when only one of them does."""
    from deckbuilder.senses.shapes import classifiers

    if not before:
        return None
    listing = [
        syl for syl, senses in found.items() for s in senses for cl in classifiers(s) if cl[:1] == before[-1]
    ]
    return listing[0] if len(set(listing)) == 1 else None


# Words whose standard reading (Xiandai Hanyu Cidian) CC-CEDICT gets wrong: 打交道 dǎ jiāodao (CC-CEDICT
# writes dào), 学问 xuéwen (CC-CEDICT: wèn; reviewers failed it twice), 土地 tǔdì "land" (CC-CEDICT's tǔdi,
# "the earth god", would win the tie), 下载 xiàzài (CC-CEDICT's first is zǎi, "also pr." zài), 逻辑 luójí
# (CC-CEDICT: luóji), 女人 nǚrén "woman" (CC-CEDICT's nǚren is "wife", colloquial).
STANDARD = {
    "打交道": ("da3", "jiao1", "dao5"),
    "学问": ("xue2", "wen5"),
    "土地": ("tu3", "di4"),
    "下载": ("xia4", "zai4"),
    "逻辑": ("luo2", "ji2"),
    "女人": ("nv3", "ren2"),
}


def in_compound(word: str, syllables: tuple[str, ...], senses: tuple[str, ...]) -> tuple[str, ...]:
    """`syllables` of a compound (two or three characters) with a pair word inside read as the entry its
    senses share words with (做生意 "to do business" → shēngyi "business")."""
    if len(word) > 3:
        return syllables  # four-character idioms keep the dictionary's full tones (粗心大意)
    mine = _keys(senses)
    for i in range(len(word) - 1):
        for j in range(i + 2, len(word) + (i > 0)):
            found = pair(word[i:j])
            if found is None or syllables[i:j] not in found:
                continue
            other = next(syl for syl in found if syl != syllables[i:j])
            if mine & _keys(found[other]) and not mine & _keys(found[syllables[i:j]]):
                return syllables[:i] + other + syllables[j:]
    return syllables


def _keys(senses: tuple[str, ...]) -> frozenset[str]:
    return frozenset(k for s in senses for w in cedict.sense_words(s) for k in en_keys(w))
