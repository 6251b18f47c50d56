"""Layered readings: jieba (word, flag) tokens of one sentence → one `Reading` per token.

Layers, first decisive wins: teacher override → dictionary (multi-character words; characters with a
single reading) → rules over POS and neighbours (`rules.py`) → context model (optional, `model.py`) →
fallback (pypinyin's most common reading, flagged low-confidence when the character is a polyphone).

Tokens jieba invents (HMM words such as 里教, 上有) are not trusted as words: they are re-split into
dictionary words and single characters ("units") before rules look at neighbours.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from deckbuilder import constructions, erhua, segmenter
from deckbuilder.chinese import NUMERALS
from deckbuilder.pinyin import lexicon, rules, words
from deckbuilder.pinyin.context import Unit
from deckbuilder.pinyin.lexicon import readable

# Whether the context model (g2pM, when installed) decides polyphones the rules leave open: it lifts CPP
# dev from 89.5% to 96.7% and leaves learner dev unchanged (see model.py).
USE_MODEL_BY_DEFAULT = True


@dataclass(frozen=True, slots=True)
class Reading:
    """The pinyin chosen for one token.

    `syllables` has one ``hao3``-style citation syllable per Chinese character of `word` (ü as ``v``,
    neutral tone 5, erhua 儿 as ``r5``); `marked` is the word in textbook orthography (``yínháng``);
    `source` names the deciding layer (override, dict, rule, model, fallback; ``text`` for tokens without
    Chinese characters); `confident` is False when a fallback decided a polyphone.
    `flag` is jieba's POS tag (``nr`` person name, ``ns`` place …), kept for orthography; `sources`
    names the layer per character; `parts` the offsets where written words start inside a token jieba
    invented (太冷 is written ``tài lěng``), empty for a dictionary word.
    """

    word: str
    syllables: tuple[str, ...]
    marked: str
    source: str
    confident: bool
    flag: str = ""
    sources: tuple[str, ...] = ()
    parts: tuple[int, ...] = ()


@dataclass(slots=True)
class Slot:
    """A mutable per-character decision while a sentence is read."""

    char: str
    syllable: str = ""
    source: str = ""
    confident: bool = True


def split_units(tokens: Sequence[tuple[str, str]]) -> list[Unit]:
    """jieba tokens → units: dictionary words, single characters and non-Chinese runs, with offsets."""
    units: list[Unit] = []
    for ti, (word, flag) in enumerate(tokens):
        k = 0
        while k < len(word):
            if not readable(word[k]):
                j = k
                while j < len(word) and not readable(word[j]):
                    j += 1
                units.append(Unit(word[k:j], "x", ti, k))
                k = j
                continue
            j = k
            while j < len(word) and readable(word[j]):
                j += 1
            units.extend(_split_han(word[k:j], flag, ti, k, whole=(k == 0 and j == len(word))))
            k = j
    return units


def _split_han(run: str, flag: str, ti: int, start: int, whole: bool) -> list[Unit]:
    if whole and constructions.said_twice(run):
        return [Unit(run, flag or "v", ti, start, whole)]  # 试试: one word, shìshi
    if not flag and len(run) > 1 and whole and not _read_whole(run):
        # No tag: the caller's segmenter cut this differently from jieba.posseg (结了 as one word); a
        # dictionary word stays one (过多 guòduō, not the aspect particle 过 + 多).
        # posseg tags the pieces of the token on its own.
        pieces = segmenter.pieces(run)
        if len(pieces) > 1:
            out, k = [], 0
            for word, tag in pieces:
                out.append(Unit(word, tag, ti, start + k, True))
                k += len(word)
            return out
    if len(run) == 1 or (whole and flag != "m" and lexicon.is_known_word(run)):
        return [Unit(run, flag, ti, start, whole)]
    out: list[Unit] = []
    k = 0
    if flag == "m":  # 十分钟 is 十 + 分钟, not 十分 + 钟; 一场 is 一 + measure 场; 好几个 is 好几 + 个
        k = 1 if run.startswith("好几") else 0
        while k < len(run) - 1 and run[k] in NUMERALS:
            k += 1
        if k:
            out.append(Unit(run[:k], "m", ti, start))
            if k == len(run) - 1:
                out.append(Unit(run[k], "q", ti, start + k, whole))
                return out
        elif whole and lexicon.is_known_word(run):
            return [Unit(run, flag, ti, start, whole)]
    for piece in lexicon.dictionary_pieces(run[k:]):
        out.append(Unit(piece, segmenter.word_tag(piece) or flag, ti, start + k, False))
        k += len(piece)
    return out


def _read_whole(run: str) -> bool:
    """An untagged token read as one word: an ordinary dictionary word (过多), not one ending in an aspect
    particle (结了 is a word too, "that's that") nor a name (帖木儿 Tiěmù'ér: the model reads it)."""
    return lexicon.is_known_word(run) and run[-1] not in "了着过" and not lexicon.is_proper_noun(run)


def _read_unit(units: Sequence[Unit], ui: int, slots: list[Slot]) -> None:
    unit = units[ui]
    if unit.flag == "x" and not readable(unit.text[0]):
        return
    if len(unit.text) > 1:
        found = lexicon.word_reading(unit.text)
        if found is not None:
            syl, unambiguous = found
            decided = words.decide_word(units, ui, syl)
            source = "rule" if decided is not None else "dict"
            for slot, s in zip(slots, decided or syl, strict=True):
                slot.syllable, slot.source, slot.confident = s, source, unambiguous or decided is not None
            # a listed verb said twice, also where CC-CEDICT writes it full (谈谈 tántán)
            doubled = constructions.doubled_verb(unit.text)
        else:
            for slot in slots:  # numerals (十三, 两百) and other unknown runs: per character
                _read_char(units, ui, slot)
            doubled = constructions.tentative(unit.text)  # 试试, no dictionary's word
        # A verb said twice has a neutral second syllable
        if doubled and slots[1].syllable[-1:] != "5":
            slots[1].syllable = slots[0].syllable[:-1] + "5"
            slots[1].source, slots[1].confident = "rule", True
        return
    _read_char(units, ui, slots[0])


def _read_char(units: Sequence[Unit], ui: int, slot: Slot) -> None:
    candidates = lexicon.char_readings(slot.char)
    decided = rules.decide_char(units, ui)
    if decided is not None:
        slot.syllable, strong = decided
        slot.source, slot.confident = "rule", strong
        return
    if len(candidates) <= 1:
        slot.syllable = candidates[0] if candidates else ""
        slot.source, slot.confident = ("dict", True) if candidates else ("fallback", False)
        return
    slot.syllable = candidates[0]
    # The context model may still replace this (葛 read Gě as a surname). For the teacher's review list,
    # pypinyin's rare readings (他 tuó) do not count: only a character CC-CEDICT reads two ways does.
    slot.source, slot.confident = "fallback", not lexicon.is_polyphone(slot.char)


def read_tokens(
    tokens: Sequence[tuple[str, str]],
    overrides: Mapping[str, str] | None = None,
    *,
    model: bool | None = None,
    written: str = "",
) -> list[Reading]:
    """Readings for the jieba posseg tokens of ONE sentence (see the module docstring for the layers).

    `overrides` maps a word to its pinyin (``yin2 hang2`` or ``yín háng``); it always wins, also inside
    a longer token. `model` lets the optional context model decide polyphones the rules leave open
    (None: the package default, `USE_MODEL_BY_DEFAULT`). `written` is the sentence as the learner wrote
    it when the tokens are its simplified form (see `_as_written`).
    """
    from deckbuilder.pinyin.orthography import mark_word
    from deckbuilder.pinyin.overrides import parse_pinyin

    table = {w: parse_pinyin(p) for w, p in (overrides or {}).items()}
    per_token: list[list[Slot]] = [[Slot(ch) for ch in word] for word, _ in tokens]
    units = split_units(tokens)
    for ui, unit in enumerate(units):
        slots = per_token[unit.token][unit.start : unit.start + len(unit.text)]
        _read_unit(units, ui, slots)
    for (word, _flag), slots in zip(tokens, per_token, strict=True) if table else ():
        _apply_overrides(word, slots, table)
    parts: dict[int, list[int]] = {}
    for unit in units:
        parts.setdefault(unit.token, []).append(unit.start)
    for ti, (word, _flag) in enumerate(tokens):
        if erhua.erhua_ending(word) and per_token[ti][-1].source != "override":  # 名牌儿 míngpáir
            per_token[ti][-1].syllable, per_token[ti][-1].source = "r5", "rule"
            parts[ti] = [p for p in parts.get(ti, []) if p != len(word) - 1]
        if constructions.potential(word) and per_token[ti][1].source != "override":  # 买得到: mǎi de dào,
            per_token[ti][1].syllable, per_token[ti][1].source = "de5", "rule"  # written as 看 得 见 is
            if word[2] == "了":  # 吃得了 "can finish": liǎo
                per_token[ti][2].syllable, per_token[ti][2].source = "liao3", "rule"
            parts[ti] = [1, 2]
    if model is None:
        model = USE_MODEL_BY_DEFAULT
    if model:
        from deckbuilder.pinyin import model as context_model

        context_model.fill(per_token)
    if written:
        _as_written(per_token, written)
    out = []
    for ti, ((word, flag), slots) in enumerate(zip(tokens, per_token, strict=True)):
        han = [s for s in slots if readable(s.char)]
        syl = tuple(_citation(s.char, s.syllable) for s in han)
        sources = tuple(s.source for s in han)
        if not han:
            source = "text"
        else:
            order = ("override", "fallback", "model", "rule", "dict")
            source = next(o for o in order if o in sources)
        out.append(
            Reading(
                word=word,
                syllables=syl,
                marked=mark_word(word, syl),
                source=source,
                confident=all(s.confident for s in han),
                flag=flag,
                sources=sources,
                parts=tuple(p for p in parts.get(ti, ()) if p) if not lexicon.is_known_word(word) else (),
            )
        )
    return out


def _as_written(per_token: Sequence[Sequence[Slot]], written: str) -> None:
    """Traditional text is read through its simplified form; a character whose reading the written
    character never has takes the written character's own (閤 simplifies to 合 hé, but 閤 is gé)."""
    slots = [s for token in per_token for s in token if not s.char.isspace()]
    chars = [c for c in written if not c.isspace()]
    if len(slots) != len(chars):
        return
    for slot, ch in zip(slots, chars, strict=True):
        if ch == slot.char or slot.source == "override" or not slot.syllable or slot.syllable == "r5":
            continue  # (the erhua r of 兒 is no reading a dictionary gives the character: 鳥兒 niǎor)
        candidates = lexicon.char_readings(ch)
        if candidates and slot.syllable[:-1] not in {c[:-1] for c in candidates}:  # 頭髮 tóufa keeps fa
            slot.syllable = candidates[0]


def _citation(ch: str, syllable: str) -> str:
    """Dictionaries sometimes store the spoken tone of 一/不 (一样 yíyàng); readings keep citation tones."""
    if ch == "一" and syllable in ("yi2", "yi4"):
        return "yi1"
    if ch == "不" and syllable == "bu2":
        return "bu4"
    return syllable


def _apply_overrides(word: str, slots: list[Slot], table: Mapping[str, tuple[str, ...]]) -> None:
    # Longer override words first, so 银行家 beats 银行 inside the same token.
    for key in sorted(table, key=len, reverse=True):
        start = word.find(key)
        while start != -1:
            if all(s.source != "override" for s in slots[start : start + len(key)]):
                for slot, syl in zip(slots[start : start + len(key)], table[key], strict=True):
                    slot.syllable, slot.source, slot.confident = syl, "override", True
            start = word.find(key, start + 1)
