"""Counting: where a numeral and its classifier stand, which senses fit — a classifier's own kind before the
noun it counts (这把 椅子: "classifier for things with handles", not "handful"), a counted noun's concrete
sense (两位 领导 "leader", not "leadership")."""

from __future__ import annotations

import re
from functools import lru_cache

from deckbuilder import english
from deckbuilder.chinese import COUNTS, MEASURES, NUMERALS
from deckbuilder.senses.context import Slot
from deckbuilder.senses.entries import Candidate, candidates, counters
from deckbuilder.senses.shapes import SENSE_STOP, Sense, Shape

_GENERAL = re.compile(r"^(classifier|measure word) for\b", re.I)
_KINDS = frozenset("种类样项")  # classifiers of kinds, which count abstract things too (一种幸福)


def count_fit(cand: Candidate, k: int, sense: Sense, slot: Slot) -> float:
    """Counting: after a numeral with its classifier a noun is a thing counted, so a sense CC-CEDICT gives a
    classifier fits (两位 领导 "leader", more so when 位 is among them); a classifier the next noun lists is
    its counter, not a measure (这把 椅子: "classifier for things with handles", not "handful")."""
    if sense.shape is Shape.CLASSIFIER:
        general = bool(_GENERAL.match(sense.raw))
        if not general:
            return 0.0
        # A classifier the noun's list names fits; of its classifier senses, the kind that names the noun (门
        # 课: "for lessons, subjects", not "for large guns"), else the broader list (一门学问).
        stems, kinds = _kind_stems(sense.raw)
        broad = 0.1 * (min(kinds, 4) - 1)
        if slot.word in counters(slot.next):
            return 1.0 + (0.5 if stems & _noun_stems(slot.next) else 0.0) + broad
        # Not listed: only among the entry's "classifier for" senses (not before 把 "handful" of 抓了把米).
        only_kinds = all(_GENERAL.match(x.raw) for x in cand.senses if x.shape is Shape.CLASSIFIER)
        return broad if only_kinds else 0.0
    if slot.word in MEASURES and slot.prev[-1:] in COUNTS and not is_classifier(slot.word):
        # A measure word CC-CEDICT gives no classifier sense, counted (一堆 沙子, 一包 烟): its noun senses
        # ("pile", "package") before the verb's ("to pile up", "to wrap").
        return -1.0 if sense.shape is Shape.VERB else 0.0
    cls = slot.prev[-1:]
    if slot.tag[:1] != "n" or slot.prev_tag[:1] not in ("m", "q") or not is_classifier(cls):
        return 0.0
    listed = cand.counters[k] if k < len(cand.counters) else frozenset()
    fit = (1.0 + (0.5 if cls in listed else 0.0)) if listed else 0.0
    return fit - (1.0 if sense.abstract and cls not in _KINDS else 0.0)  # 位 counts leaders, not leadership


@lru_cache(maxsize=2_000)
def _kind_stems(raw: str) -> tuple[frozenset[str], int]:
    """Stems of the kinds a classifier sense lists, and how many kinds it lists ("classifier for lessons,
    subjects, branches of technology" → lesson, subject, branch, technology; 3); notes in parentheses
    left out ("for binary bits (e.g. 十六位 16-bit)": 1 kind)."""
    listed = re.sub(r"\([^)]*\)", " ", raw.split(" for ", 1)[-1])
    kinds = [k for k in re.split(r",|;|\band\b|\bor\b", listed) if k.strip()]
    words = re.findall(r"[A-Za-z]+", listed)
    return frozenset(_base(w) for w in words if w.lower() not in SENSE_STOP), len(kinds)


@lru_cache(maxsize=20_000)
def _noun_stems(word: str) -> frozenset[str]:
    """Stems of the words of every sense of `word` (课: subject, course, class, lesson …)."""
    return frozenset(_base(w) for c in candidates(word) for s in c.senses for w in s.words)


def _base(word: str) -> str:
    """A stem that also takes a short plural's s off (guns ~ gun), which `english.stem` leaves on."""
    stem = english.stem(word)
    return stem[:-1] if len(stem) > 3 and stem.endswith("s") and not stem.endswith("ss") else stem


@lru_cache(maxsize=2_000)
def is_classifier(char: str) -> bool:
    """A character with a classifier sense (位, 条, 把), not a numeral (两, 俩)."""
    if not char or char in NUMERALS or char in "俩仨" or char.isdigit():
        return False
    return any(s.shape is Shape.CLASSIFIER for c in candidates(char) for s in c.senses)
