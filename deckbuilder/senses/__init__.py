"""Senses: a tagged, read sentence (and its translation, when there is one) → for every word the CC-CEDICT
entry and senses the sentence uses.

>>> [g.senses[0] for g in gloss_sentence(["三天", "后"], ["m", "f"], [("san1", "tian1"), ("hou4",)],
...                                      zh="三天后", en="three days later")][1:]
['later']

The entry is chosen by the reading the pinyin layer decided and by the traditional form in context (后
after is 後, 后 queen is 后); the senses are ordered by fit (the translation's words, the token's part of
speech and neighbours, priors against surnames, variants, archaic and dialect senses), one to three
shown (a run of one-word synonyms counts as one: 棒 "smart", "capable", "strong", "wonderful").
A word without an entry is glossed from its parts and marked `composed`. The one decision a reader needs:
entry and sense are scored together (`fit`), so strong evidence for a sense (the translation says
"ground") can outweigh a weaker one for an entry (a neutral-tone reading), never the other way round
for no reason. Everything loads lazily: CC-CEDICT on the first word, OpenCC on the first sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from deckbuilder import cedict, english, segmenter
from deckbuilder.chinese import COUNTING, MONEY
from deckbuilder.senses.classes import bare_measure
from deckbuilder.senses.compose import compose, one_left_out
from deckbuilder.senses.context import ASPECT, English, Slot, english_keys, slots, traditional_spellings
from deckbuilder.senses.counting import is_classifier
from deckbuilder.senses.entries import candidates, first_shape, reading_distance
from deckbuilder.senses.fit import (
    MAX_SHOWN,
    WIDE_MARGIN,
    Choice,
    choose,
    far_fetched,
    translates,
)
from deckbuilder.senses.notes import grammar_note, separated
from deckbuilder.senses.shapes import Shape, classifiers, clean

__all__ = ["NAME", "SEPARATOR", "Gloss", "clean", "gloss_sentence"]

SEPARATOR = " / "  # between senses in a gloss line; a sense may itself hold "; " ("right; correct")
NAME = "(name)"  # the gloss of a proper name the dictionary lacks
# The tagger's person names: never glossed from their characters (王小明 is no "king + small + bright"); a
# place or organisation (联合航空公司) reads well from its parts.
_PERSON = frozenset({"nr", "nrt", "nrfg"})
# A usage note for a verb that follows ("(before a verb) easy to"), and verbs that are no action to do.
_BEFORE_VERB = re.compile(r"^\(before a verb\)")
_NOTE = re.compile(r"^\([^)]*\)\s*")  # a construction note's bracket before what it says
_SAID_OF = frozenset({Shape.NOUN, Shape.ADJECTIVE})
_NO_ACTION = frozenset({"是", "有", "会", "能", "要", "可以", "让", "在", "像"})


@dataclass(frozen=True, slots=True)
class Gloss:
    """One word's gloss: the chosen entry's traditional form and reading (``後``, ``hou4``), the senses to
    show (best first), the classifiers its entry lists, and whether it was composed from parts."""

    trad: str
    pinyin: str
    senses: tuple[str, ...]
    classifier: str = ""
    composed: bool = False

    @property
    def text(self) -> str:
        """The senses as one line."""
        return SEPARATOR.join(self.senses)


def gloss_sentence(
    words: Sequence[str],
    tags: Sequence[str],
    syllables: Sequence[tuple[str, ...]],
    *,
    zh: str,
    en: str = "",
    original: str = "",
    names: Sequence[bool] | None = None,
) -> list[Gloss | None]:
    """A gloss for every token of a sentence (None where there is nothing to gloss: punctuation, numbers,
    Latin text, a token without a reading).

    `words` is the cut of the simplified `zh`, `tags` the tagger's, `syllables` the pinyin layer's reading
    of each token (tone-number syllables), `original` the sentence as read when that was traditional, `en`
    its translation ("" when there is none), `names` which tokens the tokenizer found to be names.
    """
    trad = traditional_spellings(words, zh, original)
    names = names or [False] * len(words)
    # A person's tag on a word that is no name (采取措施 nr) says nothing: the dictionary's word class does.
    tags = [
        _dictionary_tag(w) if t in _PERSON and not n else t
        for w, t, n in zip(words, tags, names, strict=True)
    ]
    sentence = slots(words, tags, syllables, trad, names)
    keys = english_keys(en)
    return [_gloss(slot, keys) if slot.syllables else None for slot in sentence]


def _dictionary_tag(word: str) -> str:
    """A verb's tag when CC-CEDICT's first ordinary sense is a verb (采取措施 "to take measures"), else none
    (the word's class is then read from its neighbours: 光荣 的 传统 "glorious")."""
    return "v" if first_shape(word) is Shape.VERB else ""


def _gloss(slot: Slot, keys: English) -> Gloss | None:
    """One token's gloss: from its entry; else from its parts (also when its only entries name a place or
    person and the token is no name: 山上 "mountain + on", not a township); else, for a person's name,
    NAME."""
    choice = choose(slot, keys, margin=WIDE_MARGIN)
    named = slot.name or slot.tag in segmenter.NAME_TAGS
    fetched = choice is not None and not named and len(slot.word) > 1 and far_fetched(choice, keys)
    fetched = fetched or (choice is not None and (_part_construction(slot, choice) or _placed(slot, choice)))
    # read with other syllables than any entry (有 多重 duō zhòng "how heavy", not duōchóng "multiple"):
    # the sentence uses the characters as two words
    fetched = fetched or (choice is not None and not named and _read_otherwise(slot, choice))
    if choice is not None and (named or not choice.candidate.place_or_person) and not _counting(slot, choice):
        if not fetched or (built := compose(slot, keys)) is None:
            first = grammar_note(slot) or (one_left_out(slot.word) if bare_measure(slot) else "")
            first = first or _stem_sense(slot, choice, keys)
            return _from_entry(choice, first, separated(slot))
        return _composed(slot, built)
    built = None if slot.name and slot.tag in _PERSON else compose(slot, keys)
    if built is not None:
        return _composed(slot, built)
    if choice is not None:  # a proper noun after all: better than nothing
        return _from_entry(choice)
    return Gloss(min(slot.trad, default=slot.word), " ".join(slot.syllables), (NAME,)) if slot.name else None


def _stem_sense(slot: Slot, choice: Choice, en: English) -> str:
    """A noun made with the suffix 子 (勺子 sháozi) means what its first character means as a noun, and
    CC-CEDICT's entry may lack a sense its character's has: the one the translation says, first (勺子
    "scoop; ladle", 勺 "spoon": "My spoon is bigger!"), when none of the entry's senses is said."""
    word = slot.word
    if not en or len(word) != 2 or word[1] != "子" or slot.syllables[-1:] != ("zi5",):
        return ""
    if any(translates(s, en) for s in choice.candidate.senses if s.shown):
        return ""
    stem = (s for c in candidates(word[0]) for s in c.senses if s.shown and s.shape is Shape.NOUN)
    return next((s.text for s in stem if translates(s, en)), "")


def _composed(slot: Slot, built: tuple[str, str]) -> Gloss:
    """A gloss built from the word's parts, after the note on its construction if it has one (对 … 来说:
    "for", where 来 + 说 says "to come + to speak")."""
    text, spelled = built
    note = grammar_note(slot)
    return Gloss(spelled, " ".join(slot.syllables), (note, text) if note else (text,), composed=True)


def _part_construction(slot: Slot, choice: Choice) -> bool:
    """Before an action verb, the entry (only things or qualities) has no sense for the construction its last
    part makes there: 不好 写 is 不 + 好 "(before a verb) easy to" ("hard to write"), which 不好 "no good"
    does not say."""
    if slot.next_tag != "v" or slot.next in _NO_ACTION or len(slot.word) < 2:
        return False
    if any(s.shape not in _SAID_OF or _BEFORE_VERB.match(s.raw) for s in choice.candidate.senses if s.shown):
        return False  # 好好 "carefully" says how to do it
    last = cedict.split(slot.word, whole=False)[-1]
    return last != slot.word and any(_BEFORE_VERB.match(s.raw) for c in candidates(last) for s in c.senses)


def _read_otherwise(slot: Slot, choice: Choice) -> bool:
    """The token's reading has other syllables than its entry's (not only other tones)."""
    if len(slot.word) < 2 or len(slot.syllables) != len(slot.word):  # (X光, AA制: letters read no syllable)
        return False
    return reading_distance(choice.candidate, slot.syllables) >= 4.0


_PLACES = frozenset({"on", "in", "at", "under", "above", "below", "inside", "up", "down"})  # opening a sense


def _placed(slot: Slot, choice: Choice) -> bool:
    """A noun and its localizer (天上, X上/里/下) whose entry describes and names no place (天上 "celestial;
    heavenly") where the sentence names a place: opening it before its verb (天上 出现 了 星星) or after
    在/从/到. It reads from its parts: 天 "sky" + 上 "on"."""
    if len(slot.word) != 2 or slot.word[1] not in "上里下":
        return False
    shown = [s for s in choice.candidate.senses if s.shown]
    describes = any(s.shape is Shape.ADJECTIVE for s in shown)
    if not describes or any(s.text.split(maxsplit=1)[0] in _PLACES for s in shown if s.text):
        return False  # (地上 "on the ground" says the place itself)
    return (slot.clause_initial and slot.next_tag[:1] == "v") or slot.prev in ("在", "从", "到")


def _counting(slot: Slot, choice: Choice) -> bool:
    """A numeral with its classifier before the noun it counts (三条 鱼, 两位 领导) is glossed from its parts,
    never as an entry that means something else (三条 "three of a kind (poker)"); an entry that is itself a
    quantity stays (一点 "a bit", 一些 "some")."""
    word = slot.word
    money = word[-1] in MONEY  # 一元: one yuan, whatever follows, no "univariate"
    if len(word) < 2 or not (money or (slot.next_tag.startswith("n") and is_classifier(word[-1]))):
        return False
    if not money and slot.right[1:2] and slot.right[1] in ASPECT:
        return False  # 一起 整理 了: a verb the tagger took for a noun, done "together", no count of it
    if not all(ch in COUNTING or ch.isdigit() for ch in word[:-1]):
        return False
    if choice.senses and "after a verb" in choice.senses[0].raw and slot.prev_tag[:1] == "v":
        return False  # 概括 一下 内容: the verb's "give it a go", counting nothing
    return not english.QUANTITY.match(choice.senses[0].text) if choice.senses else True


def _from_entry(choice: Choice, first: str = "", second: str = "") -> Gloss:
    """The chosen entry's gloss, `first` before its senses: a construction's note (多 锻炼 "(before a verb)
    more", `notes`), or the quantity a classifier standing for 一 + it says (读 点 书 "a bit"), as its part
    of a composed word does (喝点 "喝 to drink + 点 a bit"); `second` after its best sense (下 了 一阵 雨:
    "(in 下…雨) to rain")."""
    entry = choice.candidate.entry
    listed = dict.fromkeys(c for s in choice.candidate.senses for c in classifiers(s.raw))
    shown = tuple(s.text for s in choice.senses)
    if first:
        said = _NOTE.sub("", first)  # "(before a verb) less" says "less" already
        shown = (first, *[s for s in shown if s not in (first, said)][: MAX_SHOWN - 1])
    if second and shown and _NOTE.sub("", second) not in shown:  # what a split verb and object make
        shown = (shown[0], second, *shown[1 : MAX_SHOWN - 1])
    return Gloss(entry.traditional, entry.pinyin, shown, "; ".join(listed))
