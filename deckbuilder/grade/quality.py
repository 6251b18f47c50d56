"""Sentence quality: one candidate sentence → a penalty added to its cost, or a flaw that leaves it out.

A card teaches from its sentence, so the sentence must be worth learning: natural modern Mandarin in Han
characters, about something other than a name, and its English a translation of it. The checks, cheapest
first, run only on candidates (sentences that teach a word), so a million-pair corpus pays for them only
where it matters:

- script: Latin words, pinyin or another script inside the Chinese (upper-case acronyms such as CD or DVD
  aside), or Chinese inside the English;
- names: two or more proper names (`Kind.NAME` tokens, as annotate decides them, and names the English has
  that the Chinese shows neither as a word nor as a name: `lexical.unseen_names`), or one name making up
  half the sentence; one name costs a little, a long transliteration or an unseen name more;
- literary: classical function words (之 乎 者 矣 …), written-style ones (于 则 与 …) and scripture
  vocabulary (上帝 耶稣 圣经 …), the target word itself aside;
- fragment: notice-board wording (a sentence opening with 禁止 or 请勿, a formula such as 便后请洗手), labels,
  and text that ends in no sentence punctuation on either side;
- origin: Chinese translated from English (`Pair.origin`, from Tatoeba's sentence IDs) keeps English
  grammar more often than Chinese written first, whose English is in turn a volunteer's; a graded learner
  corpus, written in Chinese and edited with its English, is the safest;
- wording: translationese, formula and typo patterns (`wording.py`: 和 joining predicates, a bare adjective
  predicate, 那是 + adjective + 的, 对于我，…, a tone drill, a subjectless 是…, a slogan, 在 + adjective,
  的 for 得, a variant spelling);
- agreement: persons and quantity words one side has and the other lacks (`agreement.py`);
- translation: how much of each side finds its translation on the other, from the aligner's lexical model
  (`lexical.py`, the one dictionary matcher between Chinese and English).

Each check either rejects the sentence (a clear failure: `Quality.flaw`, counted in the build report) or
adds to its cost, so that among a word's candidates the good ones win and a weak one is used only when it
is all the corpus has. The origin, wording and agreement checks name what they weighed in `Quality.marks`,
so the build report can say how many candidates each weighed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from enum import StrEnum

from deckbuilder import lexical, segmenter
from deckbuilder.chinese import HAN, MEASURES, NUMERALS, PERSONAL_PRONOUNS
from deckbuilder.grade import agreement, wording
from deckbuilder.models import Kind, Origin, Pair, Sentence, reduce_fields
from deckbuilder.senses.entries import dictionary_noun


class Flaw(StrEnum):
    """Why a candidate sentence was left out, in the order the checks run (the report lists them so)."""

    SCRIPT = "script"  # Latin words, pinyin or another script in the Chinese; Chinese in the English
    NAMES = "names"  # two or more names, or a name as the point of the sentence
    LITERARY = "literary"  # classical or scripture wording
    FRAGMENT = "fragment"  # a notice, a label, a fragment
    REMARK = "remark"  # a remark on someone's body (an insult costs)
    TRANSLATION = "translation"  # the English is not this sentence's translation
    WEAK = "too weak"  # weaknesses that together cost WEAK_LIMIT or more


@dataclass(frozen=True, slots=True)
class Quality:
    """A candidate's verdict: a clear failure (`flaw`) or the cost its weaknesses add (`penalty`), with the
    names of the weighed signals that added to it (`marks`: an origin, wording patterns, mismatches)."""

    __reduce__ = reduce_fields  # a graded stream holds one per candidate

    penalty: float = 0.0
    flaw: Flaw | None = None
    marks: tuple[str, ...] = ()
    left_out: frozenset[str] = frozenset()  # the words it would teach that its English leaves out


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Letters that are not Han characters (Latin, accented Latin as in pinyin, kana, Hangul, Greek, Cyrillic …);
# 〇 is a numeral. An upper-case run of at most five letters is an acronym (CD, DVD, T恤, 卡拉OK): allowed.
_FOREIGN_LETTERS = re.compile(r"[^\W\d_\u3400-\u9fff\uf900-\ufaff\U00020000-\U0002ffff〇]+")
_ACRONYM = re.compile(r"[A-ZＡ-Ｚ]{1,5}")
ACRONYM_COST = 0.5

# Any name (free to read): more than the pronoun it replaces would cost. Reviews (rounds 14-20) failed one
# Tatoeba sentence in ten as built around a name (汤姆, 比尔, 正 for Tadashi) at 2.0: at 4.0 a word's
# sentences without one win unless they are clearly harder.
NAME_COST = 4.0
NAME_SHARE_COST = 4.0  # times the share of the sentence's characters that are the name
NAME_POINT = 0.5  # a name making up this share of the characters is the point of the sentence
LONG_NAME = 4  # characters: a transliteration this long (阿尔及利亚) is obscure for a learner
LONG_NAME_COST = 2.0

# Classical function words standing alone (之前 and 或者 are words of their own and never match).
_CLASSICAL = _words("之 乎 者 矣 焉 哉 兮 曰 吾 汝 尔 乃 亦 皆 莫 勿 毋 岂 欤 其 若 甚 凡 非 无 彼 故")
# Written-style function words: modern, but formal; a little cost each.
_WRITTEN = _words("于 此 则 须 且 及 与 而 余")
_SCRIPTURE = _words(
    "上帝 耶稣 基督 耶稣基督 耶和华 圣灵 圣经 福音 真主 安拉 佛祖 菩萨 天父 救世主 天主 先知 使徒 撒旦 "
    "阿门 弥撒 神明 圣母 诸神 众神 上天"
)
# Every word `_literary` counts (也 ending a sentence too): a sentence with none costs nothing there.
_LITERARY_WORDS = _CLASSICAL | _WRITTEN | _SCRIPTURE | {"也"}
CLASSICAL_COST = 2.0
WRITTEN_COST = 0.75
SCRIPTURE_COST = 3.0
LITERARY_LIMIT = 2  # classical and scripture words (the target aside): this many is literary text

# A notice opens with a prohibition; a label is a short heading before a colon (not speech: 他说：“…”).
_NOTICE_OPENERS = _words("禁止 严禁 请勿 谢绝 切勿 不得 闲人 非请勿入")
_NOTICE_WORDS = _words("禁止 严禁 请勿 谢绝 切勿 免进 违者 敬请 须知")
# A notice's formula: a short condition, then a request (便后请洗手, 离开时请关灯).
_NOTICE_FORMULA = re.compile(r"^[\u4e00-\u9fff]{1,4}[后前时]请")
NOTICE_COST = 2.0
LABEL_COST = 2.0
_QUOTES = ("“", "「", "『", '"', "‘")
_ZH_END = frozenset('。！？!?…．.」』”"）)～~')
_EN_END = frozenset(".!?\"')…”’")
NO_END_COST = 0.5  # a side that ends in no sentence punctuation: often a fragment or a heading
ZH_NO_END_COST = 1.5  # the Chinese side: a card shows it, and a reviewer reads it as unfinished
# ASCII punctuation between Chinese words (一个地方, 完全娱乐; 复制/粘贴): unedited text a card shows as is.
_ASCII_INSIDE = re.compile(r"[\u3400-\u9fff][,;/]|[,;/!?]\s*[\u3400-\u9fff]")
ASCII_INSIDE_COST = 2.0
# Chinese ending in an ASCII full stop: unfinished editing (178 of the built-in pairs), more than no end
ASCII_END_COST = 2.0
FRAGMENT_COST = 1.5  # neither side does
PHRASE_COST = 4.0  # a noun phrase with a full stop (恶劣的天气。): reviewers fail it as a fragment
_ADJECTIVE_TAGS = frozenset({"a", "an", "z"})
_LIST_MARKS = frozenset("、和")

# Chinese translated from English risks translationese (in a teacher's review, 15% of such cards against
# 3% of graded ones); Chinese written first risks a loose English (about 8%, against 1%). Over 220 cards of
# three later reviews, graded sentences were flawless 85% of the time and Tatoeba's 61% (sentence 97% vs
# 84%): a Tatoeba pair wins only when the graded sentences for its word are clearly harder. At these
# costs 109 of the hsk5 deck's 1,207 sentences move to graded ones, coverage is unchanged and sentences
# grow by 0.1 character on average (2.5/2.0 before). A fourth review (240 cards) still found graded
# sentences flawless 85% of the time and Tatoeba's 66%: at 8/7 (5/4 before) the hsk5 deck's Tatoeba
# sentences fall from 455 to 410 of 1,206 (37.7% to 34.0%), coverage unchanged at every level of the three
# standards, sentences 0.1 character longer (0.2-0.4 at levels 1-3). Higher costs gain little: 405 at
# 10/9, 399 at 15/14 and beyond (399 words have no graded candidate), for longer sentences.
ORIGIN_COSTS = {Origin.EN: 8.0, Origin.ZH: 7.0}
# Weaknesses that together cost this much leave a sentence out: in reviews 13-21 (329 Tatoeba cards), cards
# costing under 10 were flawless 77% of the time, those costing 10 or more 42% (54 cards).
WEAK_LIMIT = 10.0
# What the build report calls each weighed signal.
ORIGIN_MARKS = {Origin.EN: "from English", Origin.ZH: "into English"}
WORDING = "wording"  # a translationese or formula pattern (`wording.py`)
MISMATCH = "mismatch"  # persons or quantities the English does not share (`agreement.py`)

TRANSLATION_COST = 3.0  # times the share of units (both sides) that find no translation on the other
# As much again when candidates are ranked, not towards WEAK_LIMIT: in a review of the whole hsk5 deck (1,181
# cards), graded cards whose translation cost was under 0.5 were flawless 97% of the time, 93% under 1, 89%
# above; Tatoeba's 92% under 0.5, 81% above. Ranking by it moves 41 of the deck's 1,181 sentences to better
# translated ones, coverage unchanged at 91.0%.
RANK_TRANSLATION_COST = 3.0
SHORT_ENGLISH = 0.2  # English words per Chinese character under which an unmatched English is no translation
_EN_LETTER = re.compile(r"[A-Za-z]")
# One lower-case word with no sentence punctuation (a graded corpus's "placeholder", "placeholder-p1").
_EN_STUB = re.compile(r"[a-z]+(?:-[a-z0-9]+)?")


# (zh units matched, zh units, en units matched, en units) of a pair, by the aligner's lexical model.
Coverage = tuple[int, int, int, int]


def coverage(sentence: Sentence) -> Coverage:
    """How much of each side of the sentence's pair finds its translation on the other."""
    pair = sentence.pair
    zh = lexical.zh_features(pair.zh, sentence.words, romanised=False)
    return lexical.coverage(zh, lexical.en_features(pair.en))


def load() -> None:
    """Load the dictionary `coverage` reads, pypinyin (the names check romanises names with it) and the
    character readings the wording checks read, once, before worker processes fork (each worker would load
    them again; enrichment reads them later)."""
    from deckbuilder.pinyin.lexicon import char_readings

    lexical.load()
    char_readings("一")


def assess(sentence: Sentence, targets: Collection[str] = ()) -> Quality:
    """The verdict on one candidate; `targets` are the words it would teach (never counted against it)."""
    return assess_all([(sentence, targets)])[0]


def assess_all(candidates: Sequence[tuple[Sentence, Collection[str]]]) -> list[Quality]:
    """The verdicts on candidates (each a sentence and its targets), as `assess` gives each one: every check
    runs over the candidates still standing before the next check runs (a check's code and data stay warm:
    15% less time than candidate by candidate over 22,151 candidates of the 1M benchmark corpus)."""
    verdicts: list[Quality | None] = [None] * len(candidates)
    penalty, translation = [0.0] * len(candidates), [0.0] * len(candidates)
    marks: list[list[str]] = [[] for _ in candidates]

    def passed(i: int, verdict: _Verdict, costs: list[float]) -> bool:
        """Whether candidate `i` passed a check (then its cost is added to `costs[i]`; else its flaw kept)."""
        cost, flaw = verdict
        if flaw is not None:
            verdicts[i] = Quality(0.0, flaw)
            return False
        costs[i] += cost
        return True

    def weigh(i: int, signal: Callable[[Sentence], tuple[float, str]]) -> None:
        """Add what a weighed signal of candidate `i` costs, and its mark (none when it has no mark)."""
        added, mark = signal(candidates[i][0])
        if mark:
            penalty[i] += added
            marks[i].append(mark)

    def weak(i: int) -> bool:
        """Whether candidate `i`'s costs so far reach WEAK_LIMIT; if so, a weak verdict is its verdict.
        Costs only add up, so a weak sentence is not weighed further (a weak verdict names the signals
        weighed until then; nothing reads its marks)."""
        if round(penalty[i] + translation[i], 6) < WEAK_LIMIT:
            return False
        verdicts[i] = Quality(0.0, Flaw.WEAK, tuple(marks[i]))
        return True

    standing = list(range(len(candidates)))
    for check in _CHECKS:
        standing = [i for i in standing if passed(i, check(*candidates[i]), penalty)]
    # The side written first is weighed before the translation, which does not depend on it: a sentence it
    # brings to the limit is weak before its coverage is measured (4,857 of the 22,151 candidates of the 1M
    # benchmark corpus's second 100,000 pairs), unless the translation check could flaw it, which comes
    # first (`_may_be_untranslated`).
    measured = []
    for i in standing:
        weigh(i, _origin)
        if round(penalty[i], 6) >= WEAK_LIMIT and not _may_be_untranslated(candidates[i][0].pair):
            weak(i)  # its verdict: weak, the translation unmeasured
        else:
            measured.append(i)
    standing = [i for i in measured if passed(i, _translated(candidates[i][0]), translation) and not weak(i)]
    for signal in (_wording, _agreement):
        for i in standing:
            weigh(i, signal)
        standing = [i for i in standing if not weak(i)]
    for i in standing:
        total = round(penalty[i] + translation[i], 6)
        ranked = total + RANK_TRANSLATION_COST * translation[i] / TRANSLATION_COST  # among candidates only
        verdicts[i] = Quality(round(ranked, 6), None, tuple(marks[i]))
    return verdicts  # type: ignore[return-value] # every candidate has its verdict now


def _translated(sentence: Sentence) -> _Verdict:
    return _translation(sentence, coverage(sentence))


_Verdict = tuple[float, Flaw | None]


def _origin(sentence: Sentence) -> tuple[float, str]:
    """What the side written first costs, and its mark ("" when nothing is weighed)."""
    origin = sentence.pair.origin
    return (ORIGIN_COSTS[origin], ORIGIN_MARKS[origin]) if origin in ORIGIN_COSTS else (0.0, "")


def _wording(sentence: Sentence) -> tuple[float, str]:
    patterns = wording.patterns(sentence)
    return (sum(wording.COSTS[p] for p in patterns), WORDING) if patterns else (0.0, "")


def _agreement(sentence: Sentence) -> tuple[float, str]:
    mismatches = agreement.mismatches(sentence.words, sentence.pair.en)
    return (sum(agreement.COSTS[m] for m in mismatches), MISMATCH) if mismatches else (0.0, "")


def _script(sentence: Sentence, targets: Collection[str]) -> _Verdict:
    pair = sentence.pair
    if HAN.search(pair.en) or not _EN_LETTER.search(pair.en):
        return 0.0, Flaw.SCRIPT
    cost = 0.0
    for run in _FOREIGN_LETTERS.findall(pair.zh):
        if not _ACRONYM.fullmatch(run):
            return 0.0, Flaw.SCRIPT
        cost += ACRONYM_COST
    return cost, None


def _names(sentence: Sentence, targets: Collection[str]) -> _Verdict:
    names = {t.text for t in sentence.tokens if t.kind is Kind.NAME}
    # Names the English has and the Chinese was not seen to (雷拉 cut 雷 + 拉 for "Layla"): a card could
    # blank half a name, so they count as names, and one alone costs like a long one.
    unseen = lexical.unseen_names(sentence.words, sorted(names), sentence.pair.en)
    if len(names) + unseen > 1 or (unseen and any(len(t) == 1 for t in targets)):
        return 0.0, Flaw.NAMES  # two names; or a character to teach that may be a piece of the unseen one
    if unseen:
        return NAME_COST + LONG_NAME_COST, None
    if not names:
        return 0.0, None
    (name,) = names
    chars = sum(len(t.text) for t in sentence.tokens if t.kind is Kind.NAME)
    share = chars / max(1, sum(len(t.text) for t in sentence.tokens if t.kind is not Kind.PUNCT))
    if share >= NAME_POINT:
        return 0.0, Flaw.NAMES
    cost = NAME_COST + NAME_SHARE_COST * share
    return cost + (LONG_NAME_COST if len(name) >= LONG_NAME else 0.0), None


def _literary(sentence: Sentence, targets: Collection[str]) -> _Verdict:
    if _LITERARY_WORDS.isdisjoint(sentence.words):
        return 0.0, None  # most sentences: no word this check counts
    words = [t.text for t in sentence.tokens if t.kind is Kind.WORD and t.text not in targets]
    classical = sum(1 for w in words if w in _CLASSICAL)
    if words and words[-1] == "也":  # 也 ends a sentence only in classical Chinese
        classical += 1
    scripture = sum(1 for w in words if w in _SCRIPTURE)
    if classical + scripture >= LITERARY_LIMIT:
        return 0.0, Flaw.LITERARY
    written = sum(1 for w in words if w in _WRITTEN)
    return CLASSICAL_COST * classical + SCRIPTURE_COST * scripture + WRITTEN_COST * written, None


def _fragment(sentence: Sentence, targets: Collection[str]) -> _Verdict:
    words = [t.text for t in sentence.tokens if t.kind is Kind.WORD]
    if words and words[0] in _NOTICE_OPENERS and words[0] not in targets:
        return 0.0, Flaw.FRAGMENT
    zh, en = sentence.pair.zh.strip(), sentence.pair.en.strip()
    notice = _NOTICE_FORMULA.match(zh) or (
        not _NOTICE_WORDS.isdisjoint(words) and any(w in _NOTICE_WORDS and w not in targets for w in words)
    )
    cost = NOTICE_COST if notice else 0.0
    head, colon, rest = zh.replace(":", "：").partition("：")
    if colon and len(head) <= 8 and not rest.lstrip().startswith(_QUOTES):
        cost += LABEL_COST
    zh_open, en_open = zh[-1:] not in _ZH_END, en[-1:] not in _EN_END
    if zh.endswith(".") and not zh.endswith(".."):
        cost += ASCII_END_COST
    if _ASCII_INSIDE.search(zh):
        cost += ASCII_INSIDE_COST
    if zh.endswith("。") and _no_predicate([t.text for t in sentence.tokens[:-1]]):
        cost += PHRASE_COST
    if zh_open and en_open:
        cost += FRAGMENT_COST
    elif zh_open:
        cost += ZH_NO_END_COST
    elif en_open:
        cost += NO_END_COST
    return cost, None


def _no_predicate(words: list[str]) -> bool:
    """A noun phrase given a full stop (`words`: every token but the last mark): an adjective (after a
    pronoun), 的 and a noun (恶劣的天气。), or counted nouns alone (一个木头碗。, 一根吸管、一卷纸。):
    a label, not a sentence (一台电脑一万块左右。 states a price: no 、 between its counts)."""
    if 3 <= len(words) <= 4 and words[-2] == "的":
        tag = segmenter.dictionary_entry
        if tag(words[-1])[1][:1] == "n" and tag(words[-3])[1] in _ADJECTIVE_TAGS:
            return len(words) == 3 or words[0] in PERSONAL_PRONOUNS
    if not words or words[0][:1] not in NUMERALS:  # (most sentences: the list below needs a count first)
        return False
    items: list[list[str]] = [[]]
    for w in words:
        if w in _LIST_MARKS:
            items.append([])
        else:
            items[-1].append(w)
    return all(_counted_noun(item) for item in items)


def _counted_noun(item: list[str]) -> bool:
    """A numeral, a measure word and the noun it counts, nouns before it (一 根 吸管, 一个 木头 碗)."""
    if item and len(item[0]) > 1 and item[0][-1] in MEASURES:  # 一个: the segmenter's numeral chunk
        item = [item[0][:-1], item[0][-1], *item[1:]]
    if len(item) < 3 or not all(c in NUMERALS for c in item[0]) or item[1] not in MEASURES:
        return False
    tags = [segmenter.dictionary_entry(w)[1][:1] for w in item[2:]]
    # the counted noun whatever its tag (吸管 v, 米 q: "meter"), the words before it nouns or adjectives
    return all(t in ("n", "a") for t in tags[:-1]) and (tags[-1] in ("n", "q") or dictionary_noun(item[-1]))


def _translation(sentence: Sentence, measured: Coverage) -> _Verdict:
    pair = sentence.pair
    zh_hit, zh_units, en_hit, en_units = measured
    # `assess_all` leaves a sentence at the weak limit out unmeasured unless `_may_be_untranslated`: every
    # flaw here must need it (a stub or too short an English), and the cost is never negative (hits never
    # exceed units). A new flaw belongs in `_may_be_untranslated` too.
    if _stub(pair):
        return 0.0, Flaw.TRANSLATION  # a sentence's English is a lower-case stub: an editor's placeholder
    if not zh_hit + en_hit and zh_units >= 2 and _too_short(pair):
        return 0.0, Flaw.TRANSLATION  # a word or two for a sentence, unrelated
    unmatched = 1.0 - (zh_hit + en_hit + 1) / (zh_units + en_units + 2)
    return TRANSLATION_COST * unmatched, None


def _may_be_untranslated(pair: Pair) -> bool:
    """Whether `_translation` may find the pair's English no translation, whatever its coverage."""
    return _stub(pair) or _too_short(pair)


def _stub(pair: Pair) -> bool:
    return bool(_EN_STUB.fullmatch(pair.en.strip())) and pair.zh.strip()[-1:] in _ZH_END


def _too_short(pair: Pair) -> bool:
    """An English of one word, or of fewer than SHORT_ENGLISH words a Chinese character."""
    en_words = len(pair.en.split())
    return en_words == 1 or en_words < SHORT_ENGLISH * sum(1 for c in pair.zh if HAN.match(c))


# A remark on someone's body (你的胸很小, 她的胸很大) is left out; one on the listener's looks (你真胖) costs:
# a reviewer reads either as offensive, whatever word it teaches.
_YOU = _words("你 您 你们")
_PERSON = _YOU | _words("他 她 他们 她们")
_BODY = _words("胸 胸部 乳房 屁股 身材")
_LOOKS = _words("胖 丑 难看 矮 笨 蠢 傻")
_SIZES = _LOOKS | _words("大 小 平 丰满 性感 好看 漂亮 美 肥")  # said of a body: how it looks
REMARK_COST = 4.0
# Calling someone names or striking them (那些一无是处的废物被炒了, 让行人吃耳光) costs as much: a teacher
# hands out neither, whatever word the sentence would teach.
_INSULTS = ("废物", "笨蛋", "白痴", "混蛋", "蠢货", "傻瓜", "傻子", "王八蛋", "蠢猪", "贱人", "婊子",
            "他妈的", "去死", "耳光", "揍")  # fmt: skip
_INSULT = re.compile("|".join(_INSULTS))


def _remark(sentence: Sentence, targets: Collection[str]) -> _Verdict:
    words = [t.text for t in sentence.tokens if t.kind is Kind.WORD]
    for k, word in enumerate(words):
        if word not in _PERSON:  # (_YOU is in _PERSON)
            continue
        near = words[k + 1 : k + 4]
        body = next((k + 1 + j for j, w in enumerate(near) if w in _BODY), -1)
        if body >= 0 and any(w in _SIZES for w in words[body + 1 : body + 4]):
            return 0.0, Flaw.REMARK  # no card to hand a class, whatever word it would teach (他的胸很疼 is)
        if word in _YOU and any(w in _LOOKS for w in near):
            return REMARK_COST, None
    if _INSULT.search(sentence.pair.zh) and any(_INSULT.search(w) for w in words if w not in targets):
        return REMARK_COST, None
    return 0.0, None


# A target the segmenter's dictionary calls a noun, with an aspect 了 after it and the clause going on
# (水灾害了不少人: 水灾 + 害了, cut 水 + 灾害), and CC-CEDICT means a thing by it (not 病 "to fall ill"): a
# noun takes no 了, so the cut is likely wrong there.
DOUBTFUL_CUT_COST = 3.0
_CLAUSE_CLOSES = _ZH_END | frozenset("，,；;：:、")


def _doubtful_cut(sentence: Sentence, targets: Collection[str]) -> _Verdict:
    words = [t.text for t in sentence.tokens]
    if "了" not in words:
        return 0.0, None  # what this check looks for: a target and 了 after it
    for k, word in enumerate(words[:-2]):
        if word not in targets or words[k + 1] != "了" or words[k + 2] in _CLAUSE_CLOSES:
            continue
        if segmenter.word_tag(word) == "n" and dictionary_noun(word):
            return DOUBTFUL_CUT_COST, None
    return 0.0, None


_CHECKS = (_script, _names, _literary, _fragment, _remark, _doubtful_cut)  # then _translation, which costs
