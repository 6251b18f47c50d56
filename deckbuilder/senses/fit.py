"""Candidates and senses scored against one token in its sentence → the entry and senses the sentence uses.

Every (entry, sense) gets one score, so entry and sense are chosen together: the entry by its best sense
plus what speaks for the entry itself (its reading against the pinyin layer's, its traditional form against
the sentence's, proper nouns only for names). A sense scores by, strongest first: words it shares with the
card's English translation; its shape against the token's word class (`classes`: a classifier after 这 or
a numeral, an adjective after 非常, no particle opening a clause); its usage note and the construction its
kind of meaning needs (`patterns`: "(after a verb)", "please" opening a request); the words of its other
notes against the neighbours' senses ("to order (food in a restaurant)" next to 菜); its prior (surname,
variant, archaic … demoted); and CC-CEDICT's own order, which puts common senses first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from deckbuilder import cedict, english
from deckbuilder.chinese import NUMERALS, PERSONAL_PRONOUNS
from deckbuilder.senses.classes import class_fit, predicate, word_class
from deckbuilder.senses.context import English, Slot, lemma
from deckbuilder.senses.counting import count_fit
from deckbuilder.senses.cues import cue_fit
from deckbuilder.senses.entries import Candidate, candidates, eventive, reading_distance
from deckbuilder.senses.patterns import PUNCT, TIME_OF, usage_fit
from deckbuilder.senses.shapes import PLACE_WORDS, SENSE_STOP, TIME_WORDS, Sense, Shape, keys, register

MAX_SHOWN = 3
WHOLE = 0.3  # a sense the translation matches in every content word, over one it matches in part
MODAL_MATCH = 1.5  # a modal sense of the kind the translation's modal verb says (must, will, can)
DERIVED = 0.6  # what a match through a differently derived word is worth ("promotion" for "promote")
MARGIN = 2.5  # a further sense is shown when it scores within this of the best (a part of a composed gloss)
# A word's own gloss line: a reviewer needs the sense the sentence uses somewhere on it, and the best-scoring
# sense is not always that one (就 "then" after a time, 饭 "meal"), so the next senses follow it unless they
# carry a strong note (archaic, jocular …) or describe a use after a translation.
WIDE_MARGIN = 8.0
_MAX_RUN = 4  # the most senses shown when a run of one-word synonyms counts as one place
_VARIANT = re.compile(r"^(\(?(old |archaic |unofficial )?variant of|erhua variant of|also written)\b", re.I)
_SUBJECT = re.compile(r"^\(of [^)]*\)")
_PERSON_SUBJECT = re.compile(
    r"^\(of (a |an |the |one's )?(woman|women|man|men|person|people|child|children|girl|boy|sb|someone"
    r"|couple|parents?|students?|baby|infant)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Choice:
    """The chosen candidate and the senses to show, best first."""

    candidate: Candidate
    senses: tuple[Sense, ...]


def choose(slot: Slot, en: English, follow: bool = True, margin: float = MARGIN) -> Choice | None:
    """The entry and senses of `slot`'s word that fit its sentence best; None for a word CC-CEDICT lacks.
    An entry that is only another word's variant (快点儿 "erhua variant of 快点") shows that word's senses
    as they fit the sentence (`follow`: one step, never a chain). Further senses are shown when they score
    within `margin` of the best (a word's own line takes WIDE_MARGIN: MAX_SHOWN senses where it has them)."""
    found = candidates(slot.word)
    if not found:
        return None
    # A count is no company for a note (一下 "one time" says nothing of 去 "(of a time etc) last").
    company = tuple(w for w in slot.neighbours if w[:1] not in NUMERALS)
    near, claimed = _near_keys(company), _near_keys(slot.others) if en else frozenset()
    best: tuple[float, Candidate, list[tuple[float, int, Sense]]] | None = None
    for cand in found:
        name = slot.name and cand.proper  # a name's own entry: its "surname …" is the gloss
        ranked = sorted(
            (
                (_sense_score(s, k, slot, en, near, claimed) + count_fit(cand, k, s, slot), k, s)
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
    if (
        not ranked
    ):  # only references: the variant's word, else the reference rather than nothing ("used in 便宜")
        referred = _referred(cand, slot, en) if follow else None
        return Choice(cand, referred.senses if referred else tuple(s for s in cand.senses if s.text)[:1])
    top, first = ranked[0][0], ranked[0][2]
    # Further senses only when they fit nearly as well, carry no strong note (archaic, jocular …) and, after
    # a translation ("he; him"), are no description of a use ("(used before sb's name for emphasis)").
    rows = [
        (k, s)
        for score, k, s in ranked[1:]
        if score >= top - margin
        and s.prior >= -1.0
        and (s.shape is not Shape.FUNCTION or first.shape is Shape.FUNCTION)
    ]
    more = [s for _, s in rows]
    core = _core(cand, ranked[0][1], slot, near) if en else None
    core = core if core is not None else _literal(cand, first, near)
    if core is not None:  # the translation's synonym second, after the word's core meaning
        return Choice(cand, (core, first, *[s for s in more if s is not core][: MAX_SHOWN - 2]))
    return Choice(cand, _runs([(ranked[0][1], first), *rows]))


def _referred(cand: Candidate, slot: Slot, en: English) -> Choice | None:
    """The choice for the word a variant entry names (快点儿 → 快点 as the sentence uses it), if any."""
    for sense in cand.senses:
        if not _VARIANT.match(sense.raw):
            continue
        for trad, simp, pinyin in cedict.references(sense.raw):
            if simp == slot.word or not simp:
                continue
            target = replace(slot, word=simp, syllables=tuple(pinyin.split()), trad=frozenset({trad}))
            found = choose(target, en, follow=False)
            if found is not None and any(s.shown for s in found.senses):
                return found
    return None


def far_fetched(choice: Choice, en: English) -> bool:
    """Every sense of the chosen entry carries a usage mark the sentence gives no reason for: slang always
    (几号 "heroin" in 今天是几号？), archaic, literary or dialect when a translation supports none of them.
    Then the word is better read from its parts (几 "how many" + 号 "day of a month")."""
    shown = [s for s in choice.candidate.senses if s.shown]
    marks = {register(s.raw) for s in shown}
    if not shown or "" in marks:
        return False
    if en and any(_english(s, en, frozenset(), _note_keys(s.notes)) > 0 for s in shown):
        return False
    return marks == {"slang"} or bool(en)


def _runs(rows: list[tuple[int, Sense]]) -> tuple[Sense, ...]:
    """The senses to show, best first, MAX_SHOWN of them; a run of one-word synonyms of one shape that follow
    each other in the entry (棒 "smart", "capable", "strong", "wonderful") takes one place, so a synonym run
    does not push the rest of the word's meanings off the card (at most _MAX_RUN senses in all)."""
    out: list[Sense] = []
    places, last = 0, -2
    for k, sense in rows:
        joined = bool(out) and k == last + 1 and _one_word(out[-1]) and _one_word(sense)
        if joined and sense.shape is out[-1].shape:
            if len(out) >= _MAX_RUN:
                break
        elif places == MAX_SHOWN or len(out) >= _MAX_RUN:
            break
        else:
            places += 1
        out.append(sense)
        last = k
    return tuple(out)


def _one_word(sense: Sense) -> bool:
    return len(sense.words) == 1 and sense.text == sense.words[0]


def _core(cand: Candidate, chosen: int, slot: Slot, near: frozenset[str]) -> Sense | None:
    """The entry's first sense, when the translation chose the one right after it and both are plain words
    of one kind in a compound (中心 "center", then "heart" for "the heart of the city"; 人口 "population",
    then "people"): CC-CEDICT lists a compound's near-synonyms in a row, its core first, and a translator's
    word must not reduce the card to a minor synonym. A character's senses are often different words (地
    "earth", "ground"), and the sentence itself may prefer the second: then the translation decides."""
    shown = [k for k, s in enumerate(cand.senses) if s.shown]
    if len(slot.word) < 2 or len(shown) < 2 or shown[1] != chosen:
        return None
    base, second = cand.senses[shown[0]], cand.senses[chosen]
    if not (_one_word(base) and _plain(second)) or base.shape is not second.shape:
        return None  # a core of one word: 形式 "outer appearance" is no core for "form"
    if second.text.lower() not in _BROAD:  # as precise as the core: the sense used (品种 "variety")
        return None
    if base.shape not in (Shape.NOUN, Shape.ADJECTIVE, Shape.VERB):
        return None
    plain = English()
    context = [
        _sense_score(s, k, slot, plain, near, frozenset()) for k, s in ((shown[0], base), (chosen, second))
    ]
    return base if context[0] >= context[1] else None


# Broad words a translator may use for a compound's precise core (人口 "people" for "population", 中心
# "heart" for "center"): the core stays first. Reviews 26 and 28 failed a precise second sense put after the
# core (品种 "breed" before "variety", 交际 "communication" before "social intercourse", 兔子 "hare").
_BROAD = frozenset({
    "people", "heart", "thing", "things", "place", "way", "part", "side", "time", "matter", "stuff", "body",
    "person", "man", "world", "life", "work",
})  # fmt: skip


def _literal(cand: Candidate, first: Sense, near: frozenset[str]) -> Sense | None:
    """The entry's first sense, when the best is a figurative one of the same shape whose note the
    neighbours do not bear out (光明 "(fig.) bright (prospects etc)" for 天空中一片光明 "The sky is bright.",
    not 前途一片光明): the English word may be meant literally, and the literal sense ("light") is what the
    figurative one extends."""
    if not first.raw.startswith("(fig.)") or _note_keys(first.notes) & near:
        return None
    base = next((s for s in cand.senses if s.shown), None)
    return base if base is not None and base is not first and base.shape is first.shape else None


def _plain(sense: Sense) -> bool:
    """A sense that is a bare word or two ("center", "to engage in"): no notes, no alternatives."""
    return (
        ";" not in sense.text and "(" not in sense.text and len(sense.words) <= 3 and not sense.interrogative
    )


def _entry_score(cand: Candidate, slot: Slot) -> float:
    score = -reading_distance(cand, slot.syllables) if slot.syllables else 0.0
    if _interjection(cand) and not slot.clause_initial and (not slot.next or slot.next in PUNCT):
        score -= 3.0  # 这是什么啊？: closing a clause it is the particle; an interjection opens one
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
        score += 1.25  # inside a word is where a bound form belongs (山上: 上 "up; upper; above")
    notes = _note_keys(sense.notes)
    if en:
        score += _english(sense, en, claimed, notes)
        said = {_MODALS[w] for w in en.words & _MODALS.keys()}
        if sense.shape is Shape.MODAL and _modal_kinds(sense.text) & said:
            score += MODAL_MATCH  # "We must judge": 要 "need to; should", not "to want"
    if notes and notes & near and (sense.shape is Shape.VERB or _SUBJECT.match(sense.raw)):
        score += 1.5  # "to order (food …)" next to 菜; other notes are examples, not company
    elif _SUBJECT.match(sense.raw) and not (notes & en.content) and not _PERSON_SUBJECT.match(sense.raw):
        score -= 1.5  # "(of water) to dash against" with no water in sight; a person is mostly a pronoun
    elif sense.shape is Shape.ADJECTIVE and _PERSON_SUBJECT.match(sense.raw):
        score += _person_fit(slot)
    return score + _shape_fit(sense, slot) + usage_fit(sense.raw, slot) + cue_fit(sense.text, slot)


def _interjection(cand: Candidate) -> bool:
    """An entry CC-CEDICT gives as an interjection (啊 á "interjection expressing doubt …")."""
    first = next((s.raw for s in cand.senses if s.raw), "")
    return first.lower().startswith(("interjection", "(interjection)"))


def _person_fit(slot: Slot) -> float:
    """An adjective said "(of a person)": before a thing it names it does not fit (空闲 时间 "spare time");
    said of a person the clause names (汤姆 … 太 嫩 了 "inexperienced") it does."""
    if slot.next_tag[:1] == "n" and _person_noun(slot.next):
        return 1.0  # 广大 读者: "(of people) numerous"
    if slot.next_tag[:1] == "n" and slot.next not in PERSONAL_PRONOUNS and slot.next_tag[:2] != "nr":
        return -2.0  # more than a shared English word ("free" time)
    left = zip(slot.left, slot.left_tags, strict=True)
    named = any(w in PERSONAL_PRONOUNS or t[:2] == "nr" or _person_noun(w) for w, t in left)
    if not predicate(slot):
        return 0.0
    return 1.0 if named else -1.0  # 领土 很 广大: said of no person, "vast", not "(of people) numerous"


# Last characters of nouns that name people (读者, 演员, 工人, 群众, 老师, 战士, 朋友, 顾客).
_PERSON_ENDINGS = frozenset("者员人众师士友客")


def _person_noun(word: str) -> bool:
    """A noun naming people by its last character (读者, 群众) or a plural 们 (孩子们)."""
    return len(word) > 1 and (word[-1] in _PERSON_ENDINGS or word.endswith("们"))


def translates(sense: Sense, en: English) -> bool:
    """Whether the translation says the sense in a content word ("spoon" for 勺 "spoon; ladle")."""
    return _english(sense, en, frozenset(), frozenset()) >= 1.5


def _english(sense: Sense, en: English, claimed: frozenset[str], notes: frozenset[str]) -> float:
    """Evidence from the translation: content words shared with it count most, grammar words less, and a
    word another token of the sentence can account for ("came back" for 回来, not 后 "back") little."""
    score = 0.0
    # A phrasal verb whose idiom's particle the translation lacks matches nothing ("tell off" for "told").
    kin, phrasal = _derived_only(sense, en), _phrasal_only(sense, en)
    for key, grammar in keys(sense.words):
        if key in (en.grammar if grammar else en.content) and key not in phrasal:
            worth = (1.5 if grammar else 3.0) / (2.0 if key in claimed else 1.0)
            score += worth * (DERIVED if key in kin else 1.0)
    if score and _whole(sense.text, en.content - phrasal):
        score += WHOLE  # "city" for "the city", over "city walls"
    if notes & en.content:
        score += 1.0
    # Past the cap, a sense that matches more of the translation ("radio station" for "radio station") and
    # one that matches its words as written ("classic", not "classical") still come first.
    written = [w for w in sense.words if w.lower() in en.words]
    exact = sum(1 for w in written if en.content & english.en_keys(w, SENSE_STOP))
    return min(score, 4.5) + 0.1 * min(max(score - 4.5, 0.0), 3.0) + 0.15 * min(exact, 2) if score else 0.0


@lru_cache(maxsize=50_000)
def _alternative_keys(text: str) -> tuple[frozenset[str], ...]:
    """The content keys of each alternative of a sense ("to eat; to consume": eat, consume), notes aside."""
    out = []
    for alt in re.sub(r"\([^)]*\)", " ", text).split(";"):
        found = frozenset(k for w in english.tokens(alt) if w.lower() not in english.GRAMMAR
                          for k in english.en_keys(w, SENSE_STOP))  # fmt: skip
        if found:
            out.append(found)
    return tuple(out)


def _whole(text: str, content: frozenset[str]) -> bool:
    """One alternative of the sense is matched in every content word ("to eat" of "to eat; to consume")."""
    return any(keys <= content for keys in _alternative_keys(text))


# English modal verbs by the kind of modality they say (a stop word each, so no key matches them).
_MODALS = {"must": "duty", "should": "duty", "need": "duty", "ought": "duty", "will": "future",
           "shall": "future", "can": "ability", "could": "ability", "able": "ability", "may": "chance",
           "might": "chance"}  # fmt: skip
_MODAL_WORD = re.compile(r"\b(" + "|".join(_MODALS) + r")\b")


@lru_cache(maxsize=20_000)
def _modal_kinds(text: str) -> frozenset[str]:
    return frozenset(_MODALS[m] for m in _MODAL_WORD.findall(text.lower()))


def _derived_only(sense: Sense, en: English) -> frozenset[str]:
    """Keys the sense shares with the translation only through a word derived differently ("promotion" for
    "promote", "to direct" for "director"): weaker evidence, the translation uses another part of speech."""
    out = set()
    for w in sense.words:
        found = english.en_keys(w, SENSE_STOP) & en.content
        # A sense's "-ing" word is a noun (CC-CEDICT writes verbs "to …"): understanding is no understand.
        written = w.lower() in en.words  # "accounting" for "accounting", not "accountant"
        if found and not written and (w.lower() if w.lower().endswith("ing") else lemma(w)) not in en.lemmas:
            out |= found
        elif found and sense.shape is Shape.NOUN and _participle_of(w, en):
            out |= found  # "honored" says 很光荣 "glorious", not the noun "honor and glory"
    return frozenset(out)


def _participle_of(word: str, en: English) -> bool:
    """The translation has `word` only as a participle ("honored" for "honor"), not as written."""
    low = word.lower()
    return low not in en.words and any(x.endswith("ed") and lemma(x) == lemma(low) for x in en.words)


def _phrasal_only(sense: Sense, en: English) -> frozenset[str]:
    """Keys of a phrasal verb whose particle the translation lacks ("to tell off" for "told the truth"):
    another verb, whose match counts for nothing."""
    out: set[str] = set()
    for verb, particle in _phrasal_verbs(sense.text):
        if particle not in en.words:
            out |= english.en_keys(verb, SENSE_STOP) & en.content
    return frozenset(out)


@lru_cache(maxsize=50_000)
def _phrasal_verbs(text: str) -> list[tuple[str, str]]:
    return _PHRASAL.findall(text.lower())


# Particles that make a phrasal verb idiomatic (tell off, pass away, take over); out, up and down mostly add
# a direction (pour out, stand up), and "poured" still says "pour out".
_PHRASAL = re.compile(r"\b([a-z]+) (off|away|over|back)\b")


# Words of a note that name no company ("(as opposed to becoming a monk)": not "become"; "(of sth) being …").
_NOTE_STOP = frozenset({"becoming", "become", "becomes", "being", "opposed", "etc", "used", "usually",
                        "especially", "esp", "something", "someone"})  # fmt: skip


@lru_cache(maxsize=20_000)
def _note_keys(notes: tuple[str, ...]) -> frozenset[str]:
    return frozenset(key for w in notes if w.lower() not in _NOTE_STOP for key in english.en_keys(w))


_PLACE_ONLY = frozenset(("里", "内"))  # localizers of place or scope only, whatever stands before them


def _shape_fit(sense: Sense, slot: Slot) -> float:
    """How well a sense of this shape fits the token's tag and neighbours (0: no evidence either way)."""
    fit = class_fit(sense.shape, slot)
    localizer = slot.tag == "f" or slot.word in TIME_OF  # 时 the tagger calls a noun (走路 时: "when")
    if localizer and slot.prev_tag and word_class(slot) not in ("hidden verb", "complement"):
        # A localizer tells time after an event (a verb, a number, a time, 毕业 "to graduate": 毕业后) and
        # mostly place after a thing (厨房里, 门后, 阳光下).
        if slot.word in _PLACE_ONLY:  # 盒 q 里, 一年 里, 传说 里: "inside", never "lining"
            fit += 1.0 if sense.lead in PLACE_WORDS else 0.0
        elif slot.prev_tag[:1] in ("v", "m", "t", "q") or eventive(slot.prev):
            fit += 1.0 if sense.lead in TIME_WORDS else 0.0
        elif slot.prev_tag[:1] in ("n", "r", "s"):
            fit += 1.0 if sense.lead in PLACE_WORDS else 0.25 if sense.lead in TIME_WORDS else 0.0
    if sense.interrogative:
        fit += 1.0 if slot.question else -1.0
    if sense.abstract and predicate(slot):  # 头发特别长: "long", not "length"
        fit -= 1.0
    if sense.raw.endswith("!") and slot.clause_initial and (not slot.next or slot.next in PUNCT):
        fit += 1.5  # a clause of its own: 行，我们走吧 "OK!"
    return fit


@lru_cache(maxsize=20_000)
def _near_keys(words: tuple[str, ...]) -> frozenset[str]:
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
