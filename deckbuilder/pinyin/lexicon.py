"""Dictionary readings: pypinyin's phrase and character tables and CC-CEDICT, in one syllable form.

Input: a word or character. Output: candidate readings as tuples of ``hao3``-style syllables.
The one decision: for a multi-character word pypinyin's phrase table (curated for reading, with
obligatory neutral tones) is asked before CC-CEDICT (curated for meaning); see `word_reading`.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path

from deckbuilder import cedict, segmenter
from deckbuilder.chinese import fewest_pieces, is_han
from deckbuilder.pinyin import neutral
from deckbuilder.pinyin.syllable import normalize


@cache
def _pypinyin_tables() -> tuple[dict[str, list[list[str]]], dict[int, str]]:
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT

    return PHRASES_DICT, PINYIN_DICT


def _syllables(raw: list[list[str]] | list[str]) -> tuple[str, ...]:
    out = []
    for item in raw:
        text = item[0] if isinstance(item, list) else item
        out.append(normalize(text))
    return tuple(out)


@cache
def char_readings(ch: str) -> tuple[str, ...]:
    """Every reading pypinyin knows for one character, most common first (``得`` → de2, de5, dei3).

    A compatibility ideograph (U+F900…, U+2F800…) reads as the character it stands for. The table is
    derived from pypinyin's once and kept (`derived`), so grading reads it without importing pypinyin.
    """
    if len(ch) != 1:
        return ()
    return _char_table().get(ch, ())


@cache
def _char_table() -> dict[str, tuple[str, ...]]:
    import importlib.metadata

    from deckbuilder import derived

    key = derived.key_of("char-readings", "1", importlib.metadata.version("pypinyin"))
    return derived.stored("char-readings", key, _derive_char_table)


def _derive_char_table() -> dict[str, tuple[str, ...]]:
    """Character → its readings, for every character pypinyin reads and every character that stands for
    one (compatibility ideographs, radicals: their NFKC form)."""
    table = _pypinyin_tables()[1]

    def readings(raw: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(normalize(r) for r in raw.split(",")))

    out = {chr(code): readings(raw) for code, raw in table.items() if raw}
    for code in range(0x110000):
        if 0xD800 <= code < 0xE000 or chr(code) in out:
            continue
        same = unicodedata.normalize("NFKC", chr(code))
        if len(same) == 1 and same != chr(code) and table.get(ord(same)):
            out[chr(code)] = readings(table[ord(same)])
    return out


def marked_pair(word: str) -> bool:
    """Whether pypinyin's phrase table reads the two-character `word` otherwise than its characters'
    most common readings (看门 kān mén, not kàn): the pair carries a reading its characters apart lose."""
    return word in _marked_pairs()


@cache
def _marked_pairs() -> frozenset[str]:
    import importlib.metadata

    from deckbuilder import derived

    key = derived.key_of(
        "marked-pairs", "1", importlib.metadata.version("pypinyin"), sources=(Path(__file__),)
    )
    return frozenset(derived.stored("marked-pairs", key, _derive_marked_pairs))


def _derive_marked_pairs() -> list[str]:
    phrases, chars = _pypinyin_tables()
    out = []
    for word, raw in phrases.items():
        if len(word) == 2 and len(raw) == 2 and all(chars.get(ord(c)) for c in word):
            first = [normalize(chars[ord(c)].split(",")[0]) for c in word]
            if list(_syllables(raw)) != first:
                out.append(word)
    return sorted(out)


@cache
def readable(ch: str) -> bool:
    """Whether `ch` is a Chinese character with a known reading: the characters pinyin gives a syllable.

    A rare character no table reads (㘃, most of the extension blocks) is kept as it is, like punctuation.
    """
    return is_han(ch) and bool(char_readings(ch))


def _cedict_readings(word: str, proper: bool) -> list[tuple[tuple[str, ...], bool]]:
    """CC-CEDICT readings of `word` as (syllables, is_proper_noun), file order, duplicates dropped."""
    seen: dict[tuple[str, ...], bool] = {}
    for entry in cedict.lookup(word):
        parts = entry.pinyin.split()
        if len(parts) != len(word):
            continue
        syl = tuple("r5" if p.lower() == "r5" else normalize(p) for p in parts)
        if any(not s[:-1].isalpha() for s in syl):
            continue
        is_name = entry.pinyin[:1].isupper()
        if syl not in seen:
            seen[syl] = is_name
        else:
            seen[syl] = seen[syl] and is_name
    items = list(seen.items())
    # Common-noun readings first unless the tagger says this is a name; between two readings that differ
    # only by a neutral tone, the neutral one is the everyday word (东西 dōngxi "thing", not "east-west"),
    # except after 不, where it is a lexicalised noun (不是 búshi "fault").
    prefer_neutral = not word.startswith("不")

    def rank(kv: tuple[tuple[str, ...], bool]) -> tuple[bool, bool, bool]:
        # A reading that starts neutral is a bound form (出来 chu5 lai5 after a verb), not the word itself.
        return (kv[1] != proper, kv[0][0].endswith("5"), kv[0][-1].endswith("5") != prefer_neutral)

    items.sort(key=rank)
    return items


def is_proper_noun(word: str) -> bool:
    """True when every CC-CEDICT entry of `word` is a proper noun (北京, 上海), so it is capitalised."""
    entries = cedict.lookup(word)
    return bool(entries) and all(e.pinyin[:1].isupper() for e in entries)


def proper_noun_starts(word: str) -> list[int]:
    """Offsets where CC-CEDICT capitalises the syllables of a proper noun (天安门广场 → [0, 3])."""
    for entry in cedict.lookup(word):
        parts = entry.pinyin.split()
        if len(parts) == len(word) and parts[0][:1].isupper():
            return [i for i, p in enumerate(parts) if p[:1].isupper()]
    return [0]


@cache
def is_surname(ch: str) -> bool:
    """True when CC-CEDICT lists `ch` (or a two-character compound) as a surname."""
    for entry in cedict.lookup(ch):
        if entry.pinyin[:1].isupper() and any("surname" in s for s in entry.senses):
            return True
    return False


def word_reading(word: str, proper: bool = False) -> tuple[tuple[str, ...], bool] | None:
    """Dictionary reading of a multi-character word and whether it is unambiguous, or None if unknown.

    CC-CEDICT first when it has one reading (it writes obligatory neutral tones: 衣服 yi1 fu5); when
    its entries disagree (地道 dì dao / dìdào), pypinyin's phrase table, made for reading, breaks the tie.
    """
    if word in neutral.STANDARD:
        return neutral.STANDARD[word], True
    found = _cedict_readings(word, proper)
    phrase = _pypinyin_tables()[0].get(word)
    if len(found) == 1:
        syl, unambiguous = found[0][0], True
        senses = tuple(s for e in cedict.lookup(word) for s in e.senses)
        syl = neutral.in_compound(word, syl, senses)  # 做生意 zuò shēngyi, as 生意 "business" is read
    elif phrase is not None:
        syl, unambiguous = _syllables(phrase), True
        if not found:
            syl = _neutral_from_parts(word, syl)
        # Keep CC-CEDICT's neutral tones when it has the same reading otherwise (not after 不: 不是 bú shì).
        for cand, _ in found if not word.startswith("不") else ():
            if all(a == b or b.endswith("5") and a[:-1] == b[:-1] for a, b in zip(syl, cand, strict=True)):
                syl = cand
                break
    elif found:
        first = _spoken_key(found[0][0])
        unambiguous = all(_same_for_learner(first, _spoken_key(syl)) for syl, _ in found)
        syl = found[0][0]
    else:
        return None
    if word.endswith("儿") and syl[-1] in ("er5", "r5") and word not in _ER_WORDS:
        syl = syl[:-1] + ("r5",)
    return syl, unambiguous


def _neutral_from_parts(word: str, syllables: tuple[str, ...]) -> tuple[str, ...]:
    """A phrase CC-CEDICT lacks keeps the obligatory neutral tones of the CC-CEDICT words inside it
    (洗衣服 xǐ yīfu, not yīfú: pypinyin's phrase table writes full tones)."""
    out = list(syllables)
    for i in range(len(word) - 1):
        for j in range(i + 2, len(word) + (i > 0)):
            found = _cedict_readings(word[i:j], False)
            if len(found) != 1:
                continue
            for k, s in enumerate(found[0][0], i):
                if s.endswith("5") and out[k][:-1] == s[:-1]:
                    out[k] = s
    return tuple(out)


def _spoken_key(syllables: tuple[str, ...]) -> tuple[str, ...]:
    """Citation form: 一/不 tone changes undone (一个 yí gè → yī gè)."""
    return tuple({"yi2": "yi1", "yi4": "yi1", "bu2": "bu4"}.get(s, s) for s in syllables)


def _same_for_learner(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Equal, or differing only where one side has the neutral tone (起来 qǐlai / qǐlái)."""
    return all(x == y or (x[:-1] == y[:-1] and "5" in (x[-1], y[-1])) for x, y in zip(a, b, strict=True))


# Words ending in 儿 where it is the full syllable ér (a child), not the erhua suffix.
_ER_WORDS = frozenset(
    {"女儿", "儿子", "婴儿", "孤儿", "幼儿", "健儿", "胎儿", "孙儿", "男儿", "宠儿", "少儿"}
)


@cache
def is_known_word(word: str) -> bool:
    return word in _pypinyin_tables()[0] or bool(cedict.lookup(word))


@cache
def is_polyphone(ch: str) -> bool:
    """True when a learner could plausibly read `ch` two ways (several CC-CEDICT readings, not counting
    surnames, variants and neutral-tone duplicates). Used to flag low-confidence fallbacks."""
    readings = set()
    for entry in cedict.lookup(ch):
        noise = ("surname", "variant of", "old variant of", "used in", "see ")
        senses = [s for s in entry.senses if not s.startswith(noise)]
        if not senses:
            continue
        readings.add(normalize(entry.pinyin.lower()))
    # A neutral-tone variant of a toned reading (个 gè / ge) is the same syllable for a learner.
    toned = {r for r in readings if not r.endswith("5")}
    readings = toned | {r for r in readings if r.endswith("5") and not any(t[:-1] == r[:-1] for t in toned)}
    return len(readings) > 1


def dictionary_pieces(run: str, *, whole: bool = True) -> list[str]:
    """`run` cut into the fewest dictionary words (single characters where none fits; not `run` itself
    unless `whole`); between cuts with as many pieces, the one whose words are most frequent (红衣服 →
    红 + 衣服, not 红衣 + 服)."""

    def is_piece(piece: str) -> bool:
        return len(piece) == 1 or (is_known_word(piece) and (whole or len(piece) < len(run)))

    pieces = fewest_pieces(run, is_piece, lambda p: segmenter.dictionary_entry(p)[0], longest=6)
    return list(pieces or ())
