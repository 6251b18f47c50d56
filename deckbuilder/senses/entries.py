"""A word → its CC-CEDICT entries as candidates, variant entries folded into the entry they point to.

An entry whose every sense is a reference ("variant of 麵|面[mian4]") is no gloss of its own: its
traditional form becomes one more spelling of the entry it names, so OpenCC's 麪 selects 麵 "noodles" and a
card shows noodles rather than a cross-reference. Readings are compared as the pinyin layer writes them:
exact, differing only by a neutral tone, by tone, or not at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from deckbuilder import cedict
from deckbuilder.pinyin.syllable import base, normalize
from deckbuilder.senses.shapes import Sense, Shape, classifier_words, is_reference, parse

# What a sense that names one place, person or body says it is.
_PLACE_OR_PERSON = re.compile(
    r"\b(townships?|county|city|town|village|district|province|prefecture|region|capital|river|lake|"
    r"mountains?|mount|island|peninsula|surname|name|dynasty|emperor|king|queen|prince|princess|state|"
    r"country|kingdom|company|corporation|university|college|street|road|station|port|bay|temple|park|"
    r"banner|autonomous|municipality|poet|writer|painter|general|author|politician|minister|official|"
    r"scholar|philosopher|abbr|see|variant)\b|\b\d{3,4}\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One entry a token may mean: the entry, its traditional spellings (its own and its variants'), its
    parsed senses, its reading as normalised syllables and its place in the file."""

    entry: cedict.Entry
    spellings: frozenset[str]
    senses: tuple[Sense, ...]
    syllables: tuple[str, ...]
    index: int
    # Per sense, the classifiers that count it: its own CL: list or the one CC-CEDICT writes right after it
    # (領導 "leader", CL:位: two 位 of them are leaders, not leadership).
    counters: tuple[frozenset[str], ...] = ()

    @property
    def proper(self) -> bool:
        """A proper-noun entry (CC-CEDICT capitalises their pinyin: 葉 Ye4 the surname, 葉 ye4 a leaf)."""
        return self.entry.pinyin[:1].isupper()

    @property
    def place_or_person(self) -> bool:
        """A proper noun that names one place, person or body (山上 "Shanshang township …", 北京 "Beijing,
        capital …", a surname, an abbreviation of a name): a token that is no name reads better from its
        parts. A capitalised common word (星期日 "Sunday", 春节 "Spring Festival", 互联网 "Internet") is
        the word itself."""
        return self.proper and any(_PLACE_OR_PERSON.search(s.raw) for s in self.senses[:1])


@cache
def candidates(word: str) -> tuple[Candidate, ...]:
    """The entries `word` may mean, variants folded into the entries they point to (memoised per word)."""
    entries = cedict.lookup(word)
    spellings = {e: {e.traditional} for e in entries}
    folded = set()
    for e in entries:
        pure = all(is_reference(s) for s in e.senses)
        for sense in e.senses:
            if not is_reference(sense):
                continue
            for trad, simp, pinyin in cedict.references(sense):
                target = _entry(entries, trad, simp, pinyin or e.pinyin, word)
                if target is not None and target is not e:
                    spellings[target].add(e.traditional)
                    if pure:
                        folded.add(e)
    out = []
    for k, e in enumerate(entries):
        if e in folded:
            continue
        syllables = tuple(normalize(p) for p in e.pinyin.split())
        senses = tuple(parse(s) for s in e.senses)
        out.append(Candidate(e, frozenset(spellings[e]), senses, syllables, k, _counters(e.senses, senses)))
    return tuple(out)


def _counters(raw: tuple[str, ...], senses: tuple[Sense, ...]) -> tuple[frozenset[str], ...]:
    """For each sense, its own CL: list, else the CL: pseudo-sense that follows it. A list that ends the
    entry counts the whole run of same-shape senses before it (事 "matter; …; affair", CL:件: every one),
    one between senses only the sense before it (電話 "telephone", CL:部, "phone call", CL:通)."""
    out = [classifier_words(s) if not s.startswith("CL:") else frozenset() for s in raw]
    for k, sense in enumerate(raw):
        if not sense.startswith("CL:") or k == 0:
            continue
        listed, last = classifier_words(sense), all(s.startswith("CL:") for s in raw[k:])
        j = k - 1
        while j >= 0 and not raw[j].startswith("CL:"):
            out[j] = out[j] or listed
            if not last or j == 0 or senses[j - 1].shape is not senses[k - 1].shape:
                break
            j -= 1
    return tuple(out)


@cache
def counters(word: str) -> frozenset[str]:
    """Every classifier CC-CEDICT lists for `word` (椅子 → 把, 套), memoised."""
    return frozenset(c for cand in candidates(word) for listed in cand.counters for c in listed)


def _entry(
    entries: tuple[cedict.Entry, ...], trad: str, simp: str, pinyin: str, word: str
) -> cedict.Entry | None:
    """The entry of `word` a reference names (same traditional form and reading), if it is one of them."""
    if simp != word:
        return None
    want = [normalize(p) for p in pinyin.split()]
    for e in entries:
        if e.traditional == trad and [normalize(p) for p in e.pinyin.split()] == want:
            return e
    return None


def reading_distance(candidate: Candidate, syllables: tuple[str, ...]) -> float:
    """How far the entry's reading is from the token's: 0 the same, 0.3 apart from a neutral tone (几个
    ji3 ge4 ~ ge5), 1.5 by tone only, 4 different syllables."""
    have, want = candidate.syllables, tuple(normalize(s) for s in syllables)
    if have == want:
        return 0.0
    if len(have) != len(want) or any(base(a) != base(b) for a, b in zip(have, want, strict=True)):
        return 4.0
    if all(a == b or "5" in (a[-1], b[-1]) for a, b in zip(have, want, strict=True)):
        return 0.3
    return 1.5


@lru_cache(maxsize=20_000)
def first_shape(word: str) -> Shape | None:
    """The shape of the first shown sense of the word's first ordinary entry (美 ADJECTIVE "beautiful",
    体会 VERB "to know from experience", whatever the tagger says), None without one."""
    found = [c for c in candidates(word) if not c.proper]
    first = next((s for s in found[0].senses if s.shown), None) if found else None
    return first.shape if first is not None else None


@lru_cache(maxsize=20_000)
def dictionary_noun(word: str) -> bool:
    """The word's first entry means a thing: its first sense is a noun and none of its first three a verb."""
    found = candidates(word)
    if not found:
        return False
    shown = [s for s in found[0].senses if s.shown][:3]
    return bool(shown) and shown[0].shape is Shape.NOUN and all(s.shape is not Shape.VERB for s in shown)


@lru_cache(maxsize=20_000)
def eventive(word: str) -> bool:
    """Whether a word names an event: one of its first senses is a verb (毕业 "to graduate"; a word the
    dictionary lacks by its parts: 大学毕业, 吃完饭)."""
    found = candidates(word)
    if not found:
        return len(word) > 1 and any(eventive(part) for part in cedict.split(word) if part != word)
    return any(s.shape is Shape.VERB for c in found[:2] for s in c.senses[:3])
