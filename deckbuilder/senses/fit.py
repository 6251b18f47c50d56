"""Candidates and senses scored against one token in its sentence → the entry and senses the sentence uses.

Every (entry, sense) gets one score, so entry and sense are chosen together: the entry by its best sense
plus what speaks for the entry itself (its reading against the pinyin layer's, its traditional form against
the sentence's, proper nouns only for names). A sense scores by, strongest first: words it shares with the
card's English translation; its shape against the token's tag and neighbours (a classifier after 这 or a
numeral, a marker where the tagger sees a preposition, no particle opening a clause); its usage note
against the neighbours ("(after a verb)", "(before an expression of quantity)"); the words of its other
notes against the neighbours' senses ("to order (food in a restaurant)" next to 菜); its prior (surname,
variant, archaic … demoted); and CC-CEDICT's own order, which puts common senses first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from deckbuilder import cedict, english
from deckbuilder.chinese import NUMERALS
from deckbuilder.senses.context import ASPECT, DIRECTIONAL, English, Slot
from deckbuilder.senses.entries import Candidate, candidates, reading_distance
from deckbuilder.senses.shapes import PLACE_WORDS, TIME_WORDS, Sense, Shape, keys

MAX_SHOWN = 3
_MARGIN = 2.5  # a further sense is shown when it scores within this of the best
_PUNCT = frozenset("，。！？；：、,.!?;:…“”\"'（）()")
# Single characters. After these a token heads a noun phrase (的 书, 把 门); these never are a preposition's
# object, so a "preposition" before them is something else (不对的, 对了, 对吗: "right").
_NOUN_BEFORE = frozenset("的之把")
_NO_OBJECT = frozenset("的了吗呢吧啊")
_SUBJECT = re.compile(r"^\(of [^)]*\)")


@dataclass(frozen=True, slots=True)
class Choice:
    """The chosen candidate and the senses to show, best first."""

    candidate: Candidate
    senses: tuple[Sense, ...]


def choose(slot: Slot, en: English) -> Choice | None:
    """The entry and senses of `slot`'s word that fit its sentence best; None for a word CC-CEDICT lacks."""
    found = candidates(slot.word)
    if not found:
        return None
    near, claimed = _near_keys(slot.neighbours), _near_keys(slot.others) if en else frozenset()
    best: tuple[float, Candidate, list[tuple[float, int, Sense]]] | None = None
    for cand in found:
        name = slot.name and cand.proper  # a name's own entry: its "surname …" is the gloss
        ranked = sorted(
            (
                (_sense_score(s, k, slot, en, near, claimed), k, s)
                for k, s in enumerate(cand.senses)
                if s.shown or (name and s.text)
            ),
            key=lambda row: (-row[0], row[1]),
        )
        top = ranked[0][0] if ranked else -5.0
        total = top + _entry_score(cand, slot)
        if best is None or total > best[0]:
            best = (total, cand, ranked)
    assert best is not None
    _, cand, ranked = best
    if not ranked:  # only references: show them rather than nothing ("used in 便宜")
        return Choice(cand, tuple(s for s in cand.senses if s.text)[:1])
    top, first = ranked[0][0], ranked[0][2]
    # Further senses only when they fit nearly as well, carry no strong note (archaic, jocular …) and, after
    # a translation ("he; him"), are no description of a use ("(used before sb's name for emphasis)").
    more = [
        s
        for score, _, s in ranked[1:]
        if score >= top - _MARGIN
        and s.prior >= -1.0
        and (s.shape is not Shape.FUNCTION or first.shape is Shape.FUNCTION)
    ]
    return Choice(cand, (first, *more[: MAX_SHOWN - 1]))


def _entry_score(cand: Candidate, slot: Slot) -> float:
    score = -reading_distance(cand, slot.syllables) if slot.syllables else 0.0
    if cand.spellings & slot.trad:
        score += 2.0
    if cand.proper:
        score += 0.5 if slot.name else -3.0
    return score - 0.05 * cand.index


def _sense_score(
    sense: Sense, k: int, slot: Slot, en: English, near: frozenset[str], claimed: frozenset[str]
) -> float:
    score = sense.prior - 0.1 * min(k, 10)
    if slot.name and sense.prior <= -3.0 and sense.raw.lower().startswith("surname"):
        score -= sense.prior  # for a name, "surname Ye" is exactly right
    if slot.part and sense.raw.startswith("(bound form)"):
        score += 1.0  # inside a word is where a bound form belongs (山上: 上 "up; upper; above")
    notes = _note_keys(sense.notes)
    if en:
        score += _english(sense, en, claimed, notes)
    if notes and notes & near and (sense.shape is Shape.VERB or _SUBJECT.match(sense.raw)):
        score += 1.5  # "to order (food …)" next to 菜; other notes are examples, not company
    elif _SUBJECT.match(sense.raw) and not (notes & en.content):
        score -= 1.5  # "(of water) to dash against" with no water in sight
    return score + _shape_fit(sense, slot) + _usage_fit(sense.raw, slot)


def _english(sense: Sense, en: English, claimed: frozenset[str], notes: frozenset[str]) -> float:
    """Evidence from the translation: content words shared with it count most, grammar words less, and a
    word another token of the sentence can account for ("came back" for 回来, not 后 "back") little."""
    score = 0.0
    for key, grammar in keys(sense.words):
        if key in (en.grammar if grammar else en.content):
            score += (1.5 if grammar else 3.0) / (2.0 if key in claimed else 1.0)
    if notes & en.content:
        score += 1.0
    return min(score, 4.5)


@lru_cache(maxsize=20_000)
def _note_keys(notes: tuple[str, ...]) -> frozenset[str]:
    return frozenset(key for w in notes for key in english.en_keys(w))


def _shape_fit(sense: Sense, slot: Slot) -> float:
    """How well a sense of this shape fits the token's tag and neighbours (0: no evidence either way)."""
    fit = _word_class_fit(sense.shape, slot)
    if slot.tag == "f" and slot.prev_tag and _word_class(slot) != "hidden verb":
        # A localizer tells time after an event (a verb, a number, a time, 毕业 "to graduate": 毕业后) and
        # mostly place after a thing (厨房里, 门后, 阳光下).
        if slot.prev_tag[:1] in ("v", "m", "t", "q") or _eventive(slot.prev):
            fit += 1.0 if sense.lead in TIME_WORDS else 0.0
        elif slot.prev_tag[:1] in ("n", "r", "s"):
            fit += 1.0 if sense.lead in PLACE_WORDS else 0.25 if sense.lead in TIME_WORDS else 0.0
    if sense.interrogative:
        fit += 1.0 if slot.question else -1.0
    if sense.abstract and _predicate(slot):  # 头发特别长: "long", not "length"
        fit -= 1.0
    if sense.raw.endswith("!") and slot.clause_initial and (not slot.next or slot.next in _PUNCT):
        fit += 1.5  # a clause of its own: 行，我们走吧 "OK!"
    return fit


# How each word class, as the tag and the neighbours show it, rates each sense shape (absent: 0).
_FITS: dict[str, dict[Shape, float]] = {
    "noun phrase": {Shape.NOUN: 0.5, Shape.VERB: -1.0, Shape.MODAL: -1.0, Shape.FUNCTION: -1.5,
                    Shape.PREPOSITION: -1.0},
    "misread particle": {Shape.FUNCTION: -4.5, Shape.VERB: 1.0},
    "particle": {Shape.FUNCTION: 2.0, Shape.VERB: -1.0, Shape.MODAL: -1.0, Shape.NOUN: -1.0},
    "hidden verb": {Shape.VERB: 1.5, Shape.FUNCTION: -1.5, Shape.PREPOSITION: -1.5},
    "preposition": {Shape.FUNCTION: 1.5, Shape.PREPOSITION: 1.5, Shape.NOUN: -1.0, Shape.VERB: -0.5,
                    Shape.MODAL: -0.5},
    "no object": {Shape.FUNCTION: -2.0, Shape.PREPOSITION: -2.0},
    "conjunction": {Shape.CONJUNCTION: 1.5, Shape.FUNCTION: 1.0},
    "adverb": {Shape.ADVERB: 1.0, Shape.MODAL: 1.0, Shape.VERB: -1.0, Shape.NOUN: -0.5},
    "verb": {Shape.VERB: 0.3, Shape.MODAL: 0.3, Shape.FUNCTION: -0.5},
    "verb with aspect": {Shape.VERB: 1.0, Shape.FUNCTION: -0.5},
    "noun part": {Shape.VERB: -0.5},  # a part's dictionary tag (交通 n: "traffic", not "to be connected")
}  # fmt: skip


def _word_class_fit(shape: Shape, slot: Slot) -> float:
    if shape is Shape.CLASSIFIER:  # 这把 椅子; after 了 a classifier may stand for 一 + it (抓了把 米)
        return 2.0 if slot.classifier_slot or slot.prev == "了" else -1.5
    if slot.classifier_slot:
        return -1.0
    return _FITS.get(_word_class(slot), {}).get(shape, 0.0)


def _word_class(slot: Slot) -> str:
    """What the tagger and the neighbours say the token is ("" when they say nothing useful)."""
    tag = slot.tag
    aspect = slot.next in ASPECT and slot.next_tag.startswith("u")
    if _noun_context(slot):
        return "noun phrase"
    if tag[:1] == "u" or tag in ("y", "e"):  # no particle opens a clause or takes 了: then the tag is wrong
        return "misread particle" if slot.clause_initial or aspect else "particle"
    aspect = aspect or slot.next in DIRECTIONAL  # a verb's marks (露了出来 keeps its particle 了)
    if aspect and tag[:1] in ("p", "m", "q", "n", "f"):  # 给了我, 点了四个菜: a verb the tagger did not see
        return "hidden verb"
    if tag == "p":  # a preposition takes an object: 不对, 是对的 are no prepositions
        return (
            "no object" if not slot.next or slot.next in _PUNCT or slot.next in _NO_OBJECT else "preposition"
        )
    if tag == "c":
        return "conjunction"
    if tag[:1] == "d" or tag == "zg":  # the tagger's zg is mostly 很
        return "adverb"
    if tag[:1] == "v":  # 花了三年
        return "verb with aspect" if aspect else "verb"
    if tag[:1] == "n" and slot.part:
        return "noun part"
    return ""


def _noun_context(slot: Slot) -> bool:
    """After 的, or after 把 or a numeral with its classifier (一床 被) unless the tagger saw a verb (把 借 的
    钱): the token heads a noun phrase."""
    if slot.prev in _NOUN_BEFORE and (slot.prev != "把" or slot.tag[:1] != "v"):
        return True
    return slot.prev_tag == "m" and not slot.classifier_slot and slot.tag[:1] not in ("v", "a", "d")


@lru_cache(maxsize=20_000)
def _eventive(word: str) -> bool:
    """Whether a word names an event: one of its first senses is a verb (毕业 "to graduate"; a word the
    dictionary lacks by its parts: 大学毕业, 吃完饭)."""
    found = candidates(word)
    if not found:
        return len(word) > 1 and any(_eventive(part) for part in cedict.split(word) if part != word)
    return any(s.shape is Shape.VERB for c in found[:2] for s in c.senses[:3])


def _predicate(slot: Slot) -> bool:
    """The token is said of something (an adjective, or after an adverb), so it is no abstract noun."""
    return slot.tag[:1] == "a" or (slot.prev_tag[:1] in ("d", "z") and slot.tag[:1] != "n")


# Usage notes CC-CEDICT writes in a sense, the neighbourhood each needs, and what a fit is worth (a narrower
# pattern more: "to make sb (feel sad etc)" where an adjective follows, over the general "to let sb do sth").
_USAGE: tuple[tuple[re.Pattern[str], Callable[[Slot], bool], float], ...] = (
    (
        re.compile(r"after a verb|verb (complement|suffix)|directional complement"),
        lambda s: s.prev_tag[:1] == "v",
        2.0,
    ),
    (re.compile(r"before a verb"), lambda s: s.next_tag.startswith("v"), 1.5),
    (re.compile(r"before an adjective"), lambda s: s.next_tag.startswith("a"), 1.5),
    (
        re.compile(r"expression of quantity|before a number|followed by a number"),
        lambda s: _numeral(s.next),
        1.5,
    ),
    (re.compile(r"after a (suppositional )?clause"), lambda s: s.clause_before, 1.5),
    (re.compile(r"noun suffix"), lambda s: s.prev_tag.startswith("n"), 1.5),
    (re.compile(r"\bmake sb \("), lambda s: _clause_follows(s, ("a", "b", "zg")), 2.0),
    (re.compile(r"\bsb (to )?do sth|\(that\)"), lambda s: _clause_follows(s, ("",)), 1.5),
    (re.compile(r"\(to\)"), lambda s: s.next_tag.startswith("v"), 1.5),  # 想喝 "to want (to)" drink
    (
        re.compile(r"end of a (declarative )?sentence|sentence-final"),
        lambda s: not s.next or s.next in _PUNCT,
        1.5,
    ),
)


def _usage_fit(raw: str, slot: Slot) -> float:
    low = raw.lower()
    for rx, fits, worth in _USAGE:
        if rx.search(low):
            return worth if fits(slot) else -1.0
    return 0.0


def _clause_follows(slot: Slot, heads: tuple[str, ...]) -> bool:
    """A subject, then a predicate whose tag starts with one of `heads` ("": any): 让 我 早点 回家, 想 他
    不会 来, 让 大家 很 高兴."""
    after = slot.following
    return (
        len(after) > 1
        and after[0][:1] in ("n", "r")
        and any(t.startswith(heads) and t != "x" for t in after[1:])
    )


def _numeral(word: str) -> bool:
    return bool(word) and (word[0] in NUMERALS or word[0].isdigit())


def _near_keys(words: Iterable[str]) -> frozenset[str]:
    out: set[str] = set()
    for w in words:
        out |= _word_keys(w)
    return frozenset(out)


@lru_cache(maxsize=50_000)
def _word_keys(word: str) -> frozenset[str]:
    """Content keys of every sense of `word`, notes included (what a neighbour offers a note like "(food …)":
    菜 is "dish (type of food)")."""
    out: set[str] = set()
    for cand in candidates(word):
        for sense in cand.senses:
            for w in sense.words + sense.notes:
                out |= english.en_keys(w)
    return frozenset(out)
