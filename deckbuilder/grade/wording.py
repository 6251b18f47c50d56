"""Wording: one candidate's Chinese → the translationese and formula patterns it shows, each with a cost.

Much of a bilingual corpus is Chinese translated from English, and a translation keeps English grammar a
learner should not copy. Each rule below is a pattern that is wrong or unidiomatic in Mandarin whatever the
sentence is about, found by comparing what Tatoeba's translated sentences do with its original ones:

- 和 joining two predicates (她非常周到和耐心: 和 joins nouns; predicates take 又…又…, 而且 or a comma);
- a bare adjective predicate (我的眼睛疲劳。: a statement needs 很 or another degree word, or 了);
- 那是/这是 + adjective + 的 for "That's ADJ" (那是疯狂的。: 太疯狂了, 真疯狂);
- 对于 + a bare pronoun opening the sentence for "as for me" (对于我，…: 至于我, 对我来说);
- 不要/别 + 感觉 + 那么/这么 for "don't feel so ADJ" (不要感觉那么悲观: 别那么悲观);
- a tone drill: one syllable in several tones making up the sentence (妈妈骂马吗), a formula, not speech.

Patterns read words and jieba's dictionary tags (adjectives are tagged ``a``); they never reject a sentence,
they add to its cost, so a word's other sentences win.
"""

from __future__ import annotations

from collections import Counter
from enum import StrEnum
from functools import lru_cache

from deckbuilder import segmenter
from deckbuilder.chinese import DEGREE_ADVERBS, HAN
from deckbuilder.models import Kind, Sentence


class Pattern(StrEnum):
    """A translationese or formula pattern, by the name the build report counts it under."""

    AND_PREDICATES = "和 predicates"
    BARE_ADJECTIVE = "bare adjective"
    THAT_IS_ADJ = "是 adjective 的"
    AS_FOR_PRONOUN = "对于 pronoun"
    FEEL_SO = "感觉 so"
    TONE_DRILL = "tone drill"


COSTS = {
    Pattern.AND_PREDICATES: 5.0,
    Pattern.BARE_ADJECTIVE: 4.0,
    Pattern.THAT_IS_ADJ: 4.0,
    Pattern.AS_FOR_PRONOUN: 5.0,
    Pattern.FEEL_SO: 5.0,
    Pattern.TONE_DRILL: 8.0,
}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_DEGREE = DEGREE_ADVERBS | _words("极其 极为 如此 格外 异常 颇 尤其")
_PRONOUNS = _words("我 你 您 他 她 它 我们 你们 他们 她们 它们 咱们")
_DEMONSTRATIVES = _words("这 那 它 这个 那个")
# Words that make an adjective predicate a complete statement when they come right before it.
_BEFORE_PREDICATE = _DEGREE | _words(
    "不 没 没有 也 都 还 就 才 又 更加 最 越 挺 蛮 够 真是 太 十分 有点 有点儿 有些 比 比较 令人 让人"
)
# Adjectives that stand bare as a predicate (我头疼, 你的领带不错): graded or stative in themselves.
_PREDICATE_ADJECTIVES = _words("痛 疼 不错 一样 对 错 够 行 多 少")
# Adjectives a 是…的 frame states as a fact rather than an evaluation (这是真的, 那是免费的): natural.
_FACT_ADJECTIVES = _words("真 假 对 错 新 旧 一样 免费 公平 正常 可能 必要 空 满 活 死")
_ADJECTIVE_TAGS = frozenset({"a"})
_PREDICATE_TAGS = frozenset({"a", "ad", "an"})  # adjectives, also as adverbs or nouns (认真, 困难)
# Tags of the words a subject noun phrase is made of (nouns, pronouns, 的, numbers, measures, places, times).
_NOMINAL_TAGS = _words("n nr ns nt nz nrt nrfg ng r rr rz uj m q f s t")
_DEGREE_CHARS = frozenset("很太真最更挺好")  # 很大, 最好: one word, graded already
_CLAUSE_END = frozenset("。！？!?；;，,、：:…")
_SENTENCE_END = frozenset("。！!…")
_FEEL = _words("感觉 感到")
_DONT = _words("不要 别 不用 不必 用不着")
_SO = _words("那么 这么 如此")
# A tone drill: one toneless syllable in at least this many tones makes up this share of the text.
DRILL_TONES = 3
DRILL_SHARE = 0.6


def patterns(sentence: Sentence) -> list[Pattern]:
    """The patterns `sentence` shows, each once."""
    words = [t.text for t in sentence.tokens]
    kinds = [t.kind for t in sentence.tokens]
    found = []
    for pattern, check in _CHECKS:
        if check(words, kinds):
            found.append(pattern)
    if _tone_drill(sentence.pair.zh):
        found.append(Pattern.TONE_DRILL)
    return found


def _tag(word: str) -> str:
    return segmenter.dictionary_entry(word)[1]


def _adjective(word: str) -> bool:
    return _tag(word) in _ADJECTIVE_TAGS


def _bare(word: str) -> bool:
    """An adjective without a degree word inside it (疲劳, not 很大 or 最好)."""
    return _adjective(word) and not (len(word) > 1 and word[0] in _DEGREE_CHARS)


def _at(words: list[str], i: int) -> str:
    return words[i] if 0 <= i < len(words) else ""


def _ends_clause(words: list[str], i: int) -> bool:
    """Whether position i is past the end or punctuation that closes a clause."""
    return i >= len(words) or words[i] in _CLAUSE_END


def _and_predicates(words: list[str], kinds: list[Kind]) -> bool:
    """A degree word and a word on both sides of 和 (很安静和很认真), or a degree word, a word, 和 and an
    adjective, both adjectives or the second ending the clause (非常周到和耐心。): predicates joined."""
    for i, w in enumerate(words):
        if w != "和" or i < 2 or words[i - 2] not in _DEGREE:
            continue
        if _at(words, i + 1) in _DEGREE:
            return True
        if _tag(_at(words, i + 1)) in _PREDICATE_TAGS and (
            _tag(words[i - 1]) in _PREDICATE_TAGS or _ends_clause(words, i + 2)
        ):
            return True
    return False


def _bare_adjective(words: list[str], kinds: list[Kind]) -> bool:
    """A whole sentence of a noun phrase with 的, then a bare adjective and the full stop (我的眼睛疲劳。)."""
    if len(words) < 5 or words[-1] not in _SENTENCE_END:
        return False
    *subject, adjective = words[:-1]
    if "的" not in subject[1:-1] or not _bare(adjective) or adjective in _PREDICATE_ADJECTIVES:
        return False
    return all(
        w not in _BEFORE_PREDICATE and (k in (Kind.NAME, Kind.NUMBER) or _tag(w) in _NOMINAL_TAGS)
        for w, k in zip(subject, kinds, strict=False)
    )


def _that_is_adjective(words: list[str], kinds: list[Kind]) -> bool:
    """这是/那是 + adjective + 的 + the full stop, no degree word (那是疯狂的。)."""
    body = [w for w in words if w not in _CLAUSE_END]
    if len(body) != 4 or words[-1] not in _SENTENCE_END:
        return False
    subject, copula, adjective, de = body
    return (
        subject in _DEMONSTRATIVES
        and copula == "是"
        and de == "的"
        and _bare(adjective)
        and adjective not in _FACT_ADJECTIVES
    )


def _as_for_pronoun(words: list[str], kinds: list[Kind]) -> bool:
    """对于 + a pronoun + a comma (对于我，…), where Mandarin says 至于我 or 对我来说."""
    for i, w in enumerate(words):
        if w == "对于" and _at(words, i + 1) in _PRONOUNS and _at(words, i + 2) in ("，", ","):
            return True
    return False


def _feel_so(words: list[str], kinds: list[Kind]) -> bool:
    """不要 + 感觉 + 那么/这么 (不要感觉那么悲观) for English "don't feel so …" (从没感觉这么好过 is fine)."""
    return any(
        w in _FEEL and _at(words, i - 1) in _DONT and _at(words, i + 1) in _SO for i, w in enumerate(words)
    )


_CHECKS = (
    (Pattern.AND_PREDICATES, _and_predicates),
    (Pattern.BARE_ADJECTIVE, _bare_adjective),
    (Pattern.THAT_IS_ADJ, _that_is_adjective),
    (Pattern.AS_FOR_PRONOUN, _as_for_pronoun),
    (Pattern.FEEL_SO, _feel_so),
)


def _tone_drill(text: str) -> bool:
    """One toneless syllable, written with several characters, makes up most of the text (妈妈骂马吗)."""
    chars = HAN.findall(text)
    if len(chars) < DRILL_TONES:
        return False
    syllables = [_syllable(ch) for ch in chars]
    top, n = Counter(syllables).most_common(1)[0]
    if not top or n < DRILL_SHARE * len(chars):  # only a syllable read by most characters can be one
        return False
    return len({_tone(ch) for ch in chars if _syllable(ch) == top}) >= DRILL_TONES


@lru_cache(maxsize=50_000)
def _syllable(ch: str) -> str:
    """The toneless syllable of a character's most common reading ("" when it has none)."""
    from deckbuilder.pinyin.lexicon import char_readings  # the one table of character readings

    readings = char_readings(ch)
    return readings[0][:-1] if readings else ""


def _tone(ch: str) -> str:
    from deckbuilder.pinyin.lexicon import char_readings

    return char_readings(ch)[0][-1]
