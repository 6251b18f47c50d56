"""Layered readings: jieba (word, flag) tokens of one sentence → one `Reading` per token.

Layers, first decisive wins: teacher override → dictionary (multi-character words; characters with a
single reading) → rules over POS and neighbours (`rules.py`) → context model (optional, `model.py`) →
fallback (pypinyin's most common reading, flagged low-confidence when the character is a polyphone).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from deckbuilder.pinyin import lexicon, rules
from deckbuilder.pinyin.lexicon import is_han

# Whether the optional context model decides polyphones the rules leave open (see model.py).
USE_MODEL_BY_DEFAULT = False
PROPER_FLAGS = frozenset({"nr", "nrt", "nrfg", "ns", "nt", "nz"})


@dataclass(frozen=True, slots=True)
class Reading:
    """The pinyin chosen for one token.

    `syllables` has one ``hao3``-style citation syllable per Chinese character of `word` (ü as ``v``,
    neutral tone 5, erhua 儿 as ``r5``); `marked` is the word in textbook orthography (``yínháng``);
    `source` names the deciding layer (override, dict, rule, model, fallback; ``text`` for tokens without
    Chinese characters); `confident` is False when a fallback or a weak rule decided a polyphone.
    `flag` is jieba's POS tag (``nr`` person name, ``ns`` place …), kept for orthography.
    """

    word: str
    syllables: tuple[str, ...]
    marked: str
    source: str
    confident: bool
    flag: str = ""
    sources: tuple[str, ...] = ()


@dataclass(slots=True)
class _Slot:
    """A mutable per-character decision while a sentence is read."""

    char: str
    syllable: str = ""
    source: str = ""
    confident: bool = True


def _dict_or_rule(tokens: Sequence[tuple[str, str]], ti: int, slots: list[_Slot]) -> None:
    word, flag = tokens[ti]
    han = [k for k, ch in enumerate(word) if is_han(ch)]
    if not han:
        return
    if len(han) == len(word) and len(word) > 1:
        found = lexicon.word_reading(word, flag in PROPER_FLAGS)
        if found is not None:
            syl, unambiguous = found
            decided = rules.decide_word(tokens, ti, syl)
            if decided is not None:
                for slot, s in zip(slots, decided, strict=True):
                    slot.syllable, slot.source, slot.confident = s, "rule", True
                return
            for slot, s in zip(slots, syl, strict=True):
                slot.syllable, slot.source, slot.confident = s, "dict", unambiguous
            return
    # Unknown word or single character: longest known sub-words, then character by character.
    k = 0
    while k < len(word):
        if not is_han(word[k]):
            k += 1
            continue
        end = k + 1
        for j in range(min(len(word), k + 6), k + 1, -1):
            piece = word[k:j]
            if all(is_han(c) for c in piece) and lexicon.is_known_word(piece):
                end = j
                break
        if end > k + 1:
            found = lexicon.word_reading(word[k:end], flag in PROPER_FLAGS)
            if found is not None:
                for slot, s in zip(slots[k:end], found[0], strict=True):
                    slot.syllable, slot.source, slot.confident = s, "dict", found[1]
                k = end
                continue
        _read_char(tokens, ti, k, slots[k])
        k += 1


def _read_char(tokens: Sequence[tuple[str, str]], ti: int, k: int, slot: _Slot) -> None:
    ch = slot.char
    candidates = lexicon.char_readings(ch)
    if len(candidates) <= 1:
        slot.syllable = candidates[0] if candidates else ""
        slot.source, slot.confident = ("dict", True) if candidates else ("fallback", False)
        return
    decided = rules.decide_char(tokens, ti, k, candidates)
    if decided is not None:
        slot.syllable, slot.source, slot.confident = decided, "rule", True
        return
    slot.syllable = candidates[0]
    slot.source = "fallback"
    slot.confident = not lexicon.is_polyphone(ch)


def read_tokens(
    tokens: Sequence[tuple[str, str]],
    overrides: Mapping[str, str] | None = None,
    *,
    model: bool | None = None,
) -> list[Reading]:
    """Readings for the jieba posseg tokens of ONE sentence (see the module docstring for the layers).

    `overrides` maps a word to its pinyin (``yin2 hang2`` or ``yín háng``); it always wins, also inside
    a longer token. `model` lets the optional context model decide polyphones the rules leave open.
    """
    from deckbuilder.pinyin.overrides import parse_pinyin

    table = {w: parse_pinyin(p) for w, p in (overrides or {}).items()}
    per_token: list[list[_Slot]] = []
    for ti, (word, _flag) in enumerate(tokens):
        slots = [_Slot(ch) for ch in word]
        _dict_or_rule(tokens, ti, slots)
        _apply_overrides(word, slots, table)
        per_token.append(slots)
    if model is None:
        model = USE_MODEL_BY_DEFAULT
    if model:
        from deckbuilder.pinyin import model as context_model

        context_model.fill(tokens, per_token)
    out = []
    for (word, flag), slots in zip(tokens, per_token, strict=True):
        han = [s for s in slots if is_han(s.char)]
        syl = tuple(_citation(s.char, s.syllable) for s in han)
        sources = tuple(s.source for s in han)
        if not han:
            source = "text"
        else:
            order = ("override", "fallback", "model", "rule", "dict")
            source = next(o for o in order if o in sources)
        from deckbuilder.pinyin.orthography import mark_word

        out.append(
            Reading(
                word=word,
                syllables=syl,
                marked=mark_word(word, syl),
                source=source,
                confident=all(s.confident for s in han),
                flag=flag,
                sources=sources,
            )
        )
    return out


def _citation(ch: str, syllable: str) -> str:
    """Dictionaries sometimes store the spoken tone of 一/不 (一样 yíyàng); readings keep citation tones."""
    if ch == "一" and syllable in ("yi2", "yi4"):
        return "yi1"
    if ch == "不" and syllable == "bu2":
        return "bu4"
    return syllable


def _apply_overrides(word: str, slots: list[_Slot], table: Mapping[str, tuple[str, ...]]) -> None:
    # Longer override words first, so 银行家 beats 银行 inside the same token.
    for key in sorted(table, key=len, reverse=True):
        start = word.find(key)
        while start != -1:
            if all(s.source != "override" for s in slots[start : start + len(key)]):
                for slot, syl in zip(slots[start : start + len(key)], table[key], strict=True):
                    slot.syllable, slot.source, slot.confident = syl, "override", True
            start = word.find(key, start + 1)
