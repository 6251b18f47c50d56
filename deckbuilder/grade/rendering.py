"""Rendering: a candidate sentence and its target word → whether the English leaves the target out.

A card's English must translate the word the card teaches (他努力挣钱养家 → "He works hard to support his
family" has no word for 挣钱). Volunteers translate with synonyms the dictionary does not list, so a target
whose senses meet no English word is not yet proof; the English leaves it out when, besides, every English
content word is accounted for by the sentence's other words: nothing is left over that could be the
target's translation. Matching is the lexical model's (`lexical.py`: CC-CEDICT senses, stemmed), loosened
for the target: its senses' words keep the grammar and vague words the model drops (是否 "whether", 方式
"way"), its dictionary sub-words count (扇子 → 扇 "fan"), and a stem meets another it begins or is inside
(fan ~ fans, virus ~ coronavirus).

Only content words are judged (nouns, verbs, adjectives by the segmenter's tags; a classifier aside: "a
pencil" rightly drops 支); function words are rendered by grammar, not by a word.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from deckbuilder import cedict, english, lexical, segmenter
from deckbuilder.models import Sentence
from deckbuilder.senses.counting import is_classifier

UNRENDERED = "target not in English"  # the report's name for what this check weighs
# More than a translated Tatoeba pair costs (`quality.ORIGIN_COSTS`): whole-deck reviews 6-8 failed graded
# cards whose English leaves the word out (呼吸, 挣钱, 规模) on E each time, and Tatoeba's cards are
# flawless nine times in ten, so a translated sentence that says the word wins.
UNRENDERED_COST = 9.0


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


CONTENT_TAGS = _words("n v a vn an nz ad vd")
# What a sense's wording adds to any word, pronouns included (劳驾 "excuse me" is not rendered by "Give me").
_SENSE_STOP = _words("to a an the of sth sb see i me you him her it us them my your his its our their")
MIN_STEM = 3  # letters a stem must have to meet a longer one it begins (one more: that it is inside)


def unrendered(sentence: Sentence, target: str) -> bool:
    """Whether the English of `sentence` leaves out `target` (a content word of it)."""
    if not _content(target) or (len(target) == 1 and is_classifier(target)):
        return False
    keys = _target_keys(target)
    if not keys:
        return False
    en = lexical.en_features(sentence.pair.en)
    offered = set().union(*en.units, map(str.lower, english.tokens(sentence.pair.en)))
    if _meets(keys, offered):
        return False
    others = set().union(*map(_word_keys, set(sentence.words) - {target}))
    return all(_meets(others, unit) for unit in en.units if not unit <= _MARKS)


_MARKS = frozenset("?!")  # the lexical model's units for a question or an exclamation: no word of either side


def _content(word: str) -> bool:
    """A noun, verb or adjective by the segmenter's tag; a name tag counts for a word CC-CEDICT has in lower
    case (劳驾 nr "excuse me")."""
    tag = segmenter.dictionary_entry(word)[1]
    if tag in CONTENT_TAGS:
        return True
    return tag[:1] == "n" and any(e.pinyin[:1].islower() for e in cedict.lookup(word))


def _close(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= MIN_STEM and long.startswith(short) or len(short) > MIN_STEM and short in long


def _meets(keys: Iterable[str], offered: Iterable[str]) -> bool:
    """Whether some key is `_close` to some offered key. The same answer as comparing every pair, from a
    substring search per key: a stem begins or is inside a longer (or equal) key of the other side where
    it follows a separator or occurs at all in that side's keys joined by it (grading compared 180,000
    pairs of keys for an hsk5 deck)."""
    keys = keys if isinstance(keys, (set, frozenset)) else frozenset(keys)
    offered = offered if isinstance(offered, (set, frozenset)) else frozenset(offered)
    if not offered.isdisjoint(keys):  # the same key: no need to compare stems
        return True
    joined_keys, joined_offered = _SEP + _SEP.join(keys), _SEP + _SEP.join(offered)
    if joined_keys.count(_SEP) != len(keys) or joined_offered.count(_SEP) != len(offered):
        return any(_close(k, e) for k in keys for e in offered)  # a key holding the separator
    return _inside(offered, joined_keys) or _inside(keys, joined_offered)


_SEP = "\x00"


def _inside(stems: Iterable[str], joined: str) -> bool:
    """Whether a stem begins (three letters or more) or is inside (four or more) a key of `joined`."""
    return any(len(s) > MIN_STEM and s in joined or len(s) == MIN_STEM and _SEP + s in joined for s in stems)


@lru_cache(maxsize=20_000)
def _word_keys(word: str) -> frozenset[str]:
    """The lexical model's keys of a word and of its dictionary sub-words."""
    keys = set(lexical.zh_word_keys(word))
    for part in cedict.split(word, whole=False) if len(word) > 1 else ():
        keys |= lexical.zh_word_keys(part)
    return frozenset(keys)


@lru_cache(maxsize=20_000)
def _target_keys(word: str) -> frozenset[str]:
    """Every key a translation of the target may show (empty for a word the model gives none)."""
    if not lexical.zh_word_keys(word):
        return frozenset()
    keys = set(_word_keys(word))
    for entry in cedict.lookup(word):
        for sense in entry.senses:
            for w in cedict.sense_words(sense):
                keys |= english.en_keys(w, _SENSE_STOP)
    return frozenset(keys)
