"""Wording: one candidate's Chinese → the translationese and formula patterns it shows, each with a cost.

Much of a bilingual corpus is Chinese translated from English, and a translation keeps English grammar a
learner should not copy. Each rule below is a pattern that is wrong or unidiomatic in Mandarin whatever the
sentence is about, found by comparing what Tatoeba's translated sentences do with its original ones:

- 和 joining two predicates (她非常周到和耐心: 和 joins nouns; predicates take 又…又…, 而且 or a comma);
- a bare adjective predicate (我的眼睛疲劳。: a statement needs 很 or another degree word, or 了);
- 那是/这是 + adjective + 的 for "That's ADJ" (那是疯狂的。: 太疯狂了, 真疯狂);
- 对于 + a bare pronoun opening the sentence for "as for me" (对于我，…: 至于我, 对我来说);
- 不要/别 + 感觉 + 那么/这么 for "don't feel so ADJ" (不要感觉那么悲观: 别那么悲观);
- a tone drill: one syllable in several tones making up the sentence (妈妈骂马吗), a formula, not speech;
- a subjectless fragment opening with 是 (是什么道理？, 是一幅漂亮的画。) and a slogan (为理想奋斗！);
- 在 "be …ing" before an adjective (我眼睛在痒: 我眼睛很痒, 我眼睛发痒);
- 的 for the complement's 得 (他唱的很好) or the adverbial's 地 (计划彻底的失败了), a variant or misspelt word
  (甚么, 锻练 for 锻炼) and a word written twice (什么什么时候): typos; 某人/某事 standing for anyone: a
  dictionary's example;
- a strong degree word before a verb and 了 ending the clause (他非常醉了 for "he is very drunk": 醉 is a
  change of state, graded by a complement, 醉得很厉害);
- an adverbial with 地, then a bare verb that takes an object, 了 and the clause's end (她温柔地唱了 for
  "she sang softly": Mandarin names what was sung or says 唱得很温柔; 她高兴地笑了 is fine);
- 嫁 "(of a woman) to marry" said of a man (他想嫁给我的女儿 for "he wants to marry my daughter": 娶).

Patterns read words and jieba's dictionary tags (adjectives are tagged ``a``); they never reject a sentence,
they add to its cost, so a word's other sentences win.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from enum import StrEnum

from deckbuilder import segmenter
from deckbuilder.chinese import DEGREE_ADVERBS, DIRECTIONS, HAN
from deckbuilder.grade.variants import is_variant
from deckbuilder.memo import Memo
from deckbuilder.models import Kind, Sentence
from deckbuilder.senses.entries import dictionary_noun


class Pattern(StrEnum):
    """A translationese or formula pattern, by the name the build report counts it under."""

    AND_PREDICATES = "和 predicates"
    BARE_ADJECTIVE = "bare adjective"
    THAT_IS_ADJ = "是 adjective 的"
    AS_FOR_PRONOUN = "对于 pronoun"
    FEEL_SO = "感觉 so"
    TONE_DRILL = "tone drill"
    SUBJECTLESS = "subjectless"
    SLOGAN = "slogan"
    ZAI_ADJECTIVE = "在 adjective"
    DE_FOR_DE = "的 for 得"
    DE_FOR_DI = "的 for 地"
    VARIANT = "variant form"
    VERY_VERB_LE = "非常 verb 了"
    MANNER_BARE_VERB = "地 bare verb 了"
    PLACEHOLDER = "某人"
    DOUBLED = "doubled word"
    MAN_MARRIES = "嫁 of a man"


COSTS = {
    Pattern.AND_PREDICATES: 5.0,
    Pattern.BARE_ADJECTIVE: 4.0,
    Pattern.THAT_IS_ADJ: 4.0,
    Pattern.AS_FOR_PRONOUN: 5.0,
    Pattern.FEEL_SO: 5.0,
    Pattern.TONE_DRILL: 8.0,
    Pattern.SUBJECTLESS: 4.0,
    Pattern.SLOGAN: 5.0,
    Pattern.ZAI_ADJECTIVE: 5.0,
    Pattern.DE_FOR_DE: 5.0,
    Pattern.DE_FOR_DI: 5.0,
    Pattern.VARIANT: 5.0,
    Pattern.VERY_VERB_LE: 4.0,
    Pattern.MANNER_BARE_VERB: 4.0,
    Pattern.PLACEHOLDER: 4.0,
    Pattern.DOUBLED: 5.0,
    Pattern.MAN_MARRIES: 5.0,
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
# What may follow 是 opening a sentence that is a reply, not a fragment (是的, 是啊, 是吗？).
_REPLY_AFTER_SHI = _words("的 啊 吗 呀 吧 嘛 呢")
# Progressive and state markers 在 reads as "be …ing" before a verb; before an adjective it is English.
_ZAI = _words("在 正在")
# Degree words and the manner a verb's 得 complement states (唱得很好, 跑得非常快): after 的, a typo.
_COMPLEMENT_DEGREE = _words("很 非常 太 真 特别 十分 挺 比较 相当 极其")
_MANNER = _words(
    "好 快 慢 早 晚 远 高 流利 清楚 认真 开心 高兴 熟练 仔细 标准 地道 顺利 不错 精彩 辛苦 明白 干净 准 "
    "优美 动听 好听 流畅 生动 出色 漂亮 棒 糟糕 熟 差 用心 轻松 努力"
)
# Tags of what stands adverbially before a verb, and what follows a verb (its aspect or direction).
_MANNER_TAGS = frozenset({"a", "ad", "an", "z", "d"})
_VERB_MARKS = frozenset({"了", "着", "过"}) | DIRECTIONS
# A dictionary example's stand-ins for anyone or anything (表示某人的爱): a definition, not a sentence.
_PLACEHOLDERS = _words("某人 某事 某物 某地")
# Tags of words that double as a form of their own (休息休息, 高高兴兴, 看看, 常常): verbs and adjectives.
_DOUBLING_TAGS = frozenset("vaz")
# Degree words that grade an adjective but not a verb's change of state (很 is left out: 很久了, 很晚了).
_STRONG_DEGREE = _words("非常 十分 特别 极其 相当")
_VERB_TAGS = frozenset({"v"})  # verbs only: 非常好了, 相当温和了 grade adjectives and are fine
# One-syllable action verbs that need their object (or a place) once done: 唱了 alone says nothing sung.
_OBJECT_VERBS = _words("唱 读 写 吃 喝 看 做 买 卖 说 学 听 玩 拿 找 用 去 送 画 洗 教 问 带 穿 打 弹")
# A tone drill: one toneless syllable in at least this many tones makes up this share of the text.
DRILL_TONES = 3
DRILL_SHARE = 0.6


def patterns(sentence: Sentence) -> list[Pattern]:
    """The patterns `sentence` shows, each once. A check with words that set it off (`_CHECKS`) runs only
    on a sentence that has one of them: most sentences have words for a few checks of the sixteen."""
    words = [t.text for t in sentence.tokens]
    kinds = [t.kind for t in sentence.tokens]
    present = frozenset(words)
    found = []
    for pattern, check, trigger in _CHECKS:
        if (trigger is None or not trigger.isdisjoint(present)) and check(words, kinds):
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


_COUNTED = frozenset("一两这那")


def _subjectless(words: list[str], kinds: list[Kind]) -> bool:
    """A sentence opening with the copula 是, with no subject and no verb after it (是什么道理？,
    是一幅画。): a reply's fragment; not a reply (是的, 是啊) or a cleft sentence (是我错了, 是谁来了？)."""
    if not words or words[0] != "是" or _at(words, 1) in _REPLY_AFTER_SHI | _CLAUSE_END:
        return False
    if _at(words, 1)[:1] in _COUNTED:
        return True  # 是一幅漂亮的画。: what is counted is the predicate, and no subject comes before
    return not any(_tag(w)[:1] in ("v", "a") for w in words[1:] if w != "是")


def _slogan(words: list[str], kinds: list[Kind]) -> bool:
    """A slogan: 为/为了 + a cause + a verb as the whole sentence, no subject (为理想奋斗, 为人民服务！)."""
    body = [w for w in words if w not in _CLAUSE_END]
    if len(body) < 3 or body[0] not in ("为", "为了") or any(w in _CLAUSE_END for w in words[:-1]):
        return False
    verb = _tag(body[-1]).startswith("v") or _tag(body[-1]) == "ad"  # 奋斗 v, 努力 ad
    return verb and not any(w in _PRONOUNS for w in body)


def _zai_adjective(words: list[str], kinds: list[Kind]) -> bool:
    """在 "be …ing" before an adjective ending the clause (我眼睛在痒): English progressive on a state."""
    return any(
        w in _ZAI
        and _adjective(_at(words, i + 1))
        and (_ends_clause(words, i + 2) or _at(words, i + 2) == "了")
        for i, w in enumerate(words)
        if i
    )


def _de_for_de(words: list[str], kinds: list[Kind]) -> bool:
    """A verb, 的, a degree word and how it was done (他唱的很好): the complement's 得 mistyped as 的."""
    for i, w in enumerate(words):
        if (
            w != "的"
            or not _tag(_at(words, i - 1)).startswith("v")
            or _at(words, i + 1) not in _COMPLEMENT_DEGREE
        ):
            continue
        if _at(words, i + 2) in _MANNER and _ends_clause(words, i + 3):
            return True
    return False


def _de_for_di(words: list[str], kinds: list[Kind]) -> bool:
    """A subject, an adjective or adverb, 的 and a verb with its object, 了 or direction, or closing its
    clause if no noun (计划彻底的失败了, 法案安全的通过): 地 mistyped (荒谬的迷信, 最好的是 are nominal)."""
    for i in range(2, len(words) - 1):
        head, verb, after = words[i - 1], words[i + 1], _at(words, i + 2)
        if words[i] != "的" or len(head) < 2 or _tag(head) not in _MANNER_TAGS or verb == "是":
            continue
        if _tag(verb) not in ("v", "p") or not all(_tag(w) in _NOMINAL_TAGS for w in words[: i - 1]):
            continue
        marked = after in _VERB_MARKS or _tag(after)[:1] in ("n", "r")
        if marked or (_ends_clause(words, i + 2) and not dictionary_noun(verb)):
            return True
    return False


def _very_verb_le(words: list[str], kinds: list[Kind]) -> bool:
    """非常/十分 + a verb + 了 ending the clause (他非常醉了): English "very + adjective" kept on a verb."""
    return any(
        w in _STRONG_DEGREE
        and _tag(_at(words, i + 1)) in _VERB_TAGS
        and _at(words, i + 2) == "了"
        and _ends_clause(words, i + 3)
        for i, w in enumerate(words)
    )


def _manner_bare_verb(words: list[str], kinds: list[Kind]) -> bool:
    """地 + a one-syllable verb that takes an object + 了 ending the clause (她温柔地唱了)."""
    return any(
        w == "地"
        and i
        and _at(words, i + 1) in _OBJECT_VERBS
        and _at(words, i + 2) == "了"
        and _ends_clause(words, i + 3)
        for i, w in enumerate(words)
    )


def _variant(words: list[str], kinds: list[Kind]) -> bool:
    """A word CC-CEDICT has only as a variant of another (a nonstandard form: 甚么), or a jieba word
    CC-CEDICT lacks, written with no words, that a far commoner listed word of its part of speech sounds
    like with one character changed (锻练 for 锻炼)."""
    return any(k is Kind.WORD and len(w) > 1 and is_variant(w) for w, k in zip(words, kinds, strict=False))


def _placeholder(words: list[str], kinds: list[Kind]) -> bool:
    """某人/某事 stand for anyone or anything (公开表示某人的爱): a dictionary's example, not a sentence."""
    return any(w in _PLACEHOLDERS for w in words)


def _doubled(words: list[str], kinds: list[Kind]) -> bool:
    """A word of two or more characters written twice in a row that is no verb or adjective doubled as a
    form of its own (它是什么什么时候盖的): an editing slip."""
    if not any(map(str.__eq__, words, words[1:])):
        return False  # no word written twice in a row (almost every sentence)
    return any(
        w == _at(words, i + 1) and len(w) > 1 and k is Kind.WORD and _tag(w)[:1] not in _DOUBLING_TAGS
        for i, (w, k) in enumerate(zip(words, kinds, strict=True))
    )


# Men and boys: 嫁 "(of a woman) to marry" is never said of them (他想嫁给我的女儿: a man 娶s).
_MEN = _words("他 他们 男人 男孩 男孩子 丈夫 儿子 哥哥 弟弟 爸爸 父亲 先生 小伙子 新郎 王子")


def _man_marries(words: list[str], kinds: list[Kind]) -> bool:
    """嫁 with a man before it in its clause: a translation's "marry" in the woman's verb."""
    if "嫁" not in "".join(words):
        return False  # most sentences
    start = 0
    for i, w in enumerate(words):
        if w in _CLAUSE_END:
            start = i + 1
        elif w.startswith("嫁") and any(words[j] in _MEN and words[j + 1] != "的" for j in range(start, i)):
            return True  # (他的女儿嫁给了医生: his daughter marries)
    return False


# Each check with the words without one of which it never holds (None: it looks at every sentence).
_CHECKS: tuple[tuple[Pattern, Callable[[list[str], list[Kind]], bool], frozenset[str] | None], ...] = (
    (Pattern.AND_PREDICATES, _and_predicates, _words("和")),
    (Pattern.BARE_ADJECTIVE, _bare_adjective, _words("的")),
    (Pattern.THAT_IS_ADJ, _that_is_adjective, _words("是")),
    (Pattern.AS_FOR_PRONOUN, _as_for_pronoun, _words("对于")),
    (Pattern.FEEL_SO, _feel_so, _FEEL),
    (Pattern.SUBJECTLESS, _subjectless, _words("是")),
    (Pattern.SLOGAN, _slogan, _words("为 为了")),
    (Pattern.ZAI_ADJECTIVE, _zai_adjective, _ZAI),
    (Pattern.DE_FOR_DE, _de_for_de, _words("的")),
    (Pattern.DE_FOR_DI, _de_for_di, _words("的")),
    (Pattern.VARIANT, _variant, None),
    (Pattern.VERY_VERB_LE, _very_verb_le, _STRONG_DEGREE),
    (Pattern.MANNER_BARE_VERB, _manner_bare_verb, _words("地")),
    (Pattern.PLACEHOLDER, _placeholder, _PLACEHOLDERS),
    (Pattern.DOUBLED, _doubled, None),
    (Pattern.MAN_MARRIES, _man_marries, None),
)


def _tone_drill(text: str) -> bool:
    """One toneless syllable, written with several characters, makes up most of the text (妈妈骂马吗)."""
    chars = HAN.findall(text)
    if len(chars) < DRILL_TONES:
        return False
    syllables = list(map(_SYLLABLES.__getitem__, chars))
    if len(chars) - len(set(syllables)) + 1 < DRILL_SHARE * len(chars):
        return False  # so many syllables that none can be read by most characters (almost every sentence)
    top, n = Counter(syllables).most_common(1)[0]
    if not top or n < DRILL_SHARE * len(chars):  # only a syllable read by most characters can be one
        return False
    return len({_tone(ch) for ch, s in zip(chars, syllables, strict=True) if s == top}) >= DRILL_TONES


def _syllable(ch: str) -> str:
    """The toneless syllable of a character's most common reading ("" when it has none)."""
    from deckbuilder.pinyin.lexicon import char_readings  # the one table of character readings

    readings = char_readings(ch)
    return readings[0][:-1] if readings else ""


_SYLLABLES = Memo(_syllable)  # one dict look-up a character: every candidate's text is read


def _tone(ch: str) -> str:
    from deckbuilder.pinyin.lexicon import char_readings

    return char_readings(ch)[0][-1]
