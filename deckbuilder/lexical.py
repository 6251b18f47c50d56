"""The bilingual lexical model: sentences → comparable features, each sentence a list of units, each unit a
set of match keys. Shared by the aligner (which pairs score beads) and the grader (whether a pair's English
translates its Chinese).

A Chinese unit is a word of the shared segmenter (or a dictionary sub-word of an unknown compound) whose
keys are the stemmed English words of its CC-CEDICT senses; numbers (Arabic or Chinese), Latin tokens and
?/! are units whose key is themselves. An English unit is a content word whose keys are its stem (plus its
number for number words and month names). A Chinese and an English unit match when their key sets meet; no
training, no network.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import chain

from deckbuilder import cedict, segmenter
from deckbuilder.chinese import HAN
from deckbuilder.english import STOP, en_keys
from deckbuilder.english import tokens as tokens_of
from deckbuilder.memo import Memo


def _words(text: str) -> list[str]:
    return text.split()


# Function words whose dictionary senses are explanations rather than translations.
_ZH_STOP = frozenset(
    _words(
        "的 了 着 过 地 得 之 其 所 而 与 及 和 或 并 且 也 都 就 还 又 再 才 被 把 对 从 向 以 于 在 为 "
        "由 将 要 会 能 可 该 此 这 那 些 个 们 是 有 等 则 即 但 却 如 若 吗 呢 吧 啊 呀 嘛 么 很 最 更 太 "
        "已 已经 正 在于 我 你 他 她 它 我们 你们 他们 她们 它们 自己 一个 这个 那个 这些 那些 这样 那样 "
        "以及 各 每"
    )
)
_ZH_DIGITS = dict(zip("零〇一二两三四五六七八九", (0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9), strict=True))
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}
_ZH_NUMBER = re.compile(r"^第?([零〇一二两三四五六七八九十百千万亿]+)")


def zh_number(text: str) -> str | None:
    """The value of a Chinese numeral (``十九`` → ``19``, ``五千`` → ``5000``), or None."""
    m = _ZH_NUMBER.match(text)
    if m is None:
        return None
    total, section, digit = 0, 0, 0
    for ch in m.group(1):
        if ch in _ZH_DIGITS:
            digit = _ZH_DIGITS[ch]
            continue
        unit = _ZH_UNITS[ch]
        if unit >= 10_000:
            total += (section + digit) * unit
            section = 0
        else:
            section += (digit or 1) * unit
        digit = 0
    value = total + section + digit
    return str(value) if value or m.group(1) in ("零", "〇") else None


@cache
def _cedict_keys() -> dict[str, frozenset[str]]:
    """Memo of zh word → English keys; filled lazily, word by word."""
    return {}


def zh_word_keys(word: str) -> frozenset[str]:
    """English keys of a Chinese word from its CC-CEDICT senses (empty when unknown or a function word)."""
    memo = _cedict_keys()
    keys = memo.get(word)
    if keys is None:
        found: set[str] = set()
        if word not in _ZH_STOP:
            for entry in cedict.lookup(word):
                for sense in entry.senses:
                    for w in cedict.sense_words(sense):
                        found |= en_keys(w) if not w.isdigit() else {w}
        number = zh_number(word)
        if number is not None:
            found.add(number)
        keys = memo[word] = frozenset(found)
    return keys


@dataclass(frozen=True, slots=True)
class Features:
    """One sentence, ready for comparison: its length in characters and its units' match keys."""

    chars: int
    units: tuple[frozenset[str], ...]


def zh_features(sentence: str, words: Sequence[str] | None = None, romanised: bool = True) -> Features:
    """Features of a Chinese sentence (simplified characters expected); `words` is its segmentation when
    the caller has it already (the shared segmenter's cut). Without `romanised`, an unknown word gets no
    romanised-name unit (the aligner wants them; a judge of one pair can do without pypinyin)."""
    memo = _ROMANISED if romanised else _PLAIN
    tokens = segmenter.cut(sentence) if words is None else words
    return Features(len("".join(sentence.split())), tuple(chain.from_iterable(map(memo.__getitem__, tokens))))


def _token_units(token: str, romanised: bool) -> tuple[frozenset[str], ...]:
    """The units one token of a Chinese sentence gives (none, one, or one per part of an unknown word)."""
    token = token.strip()
    if not token:
        return ()
    if token.isascii():
        if token[0].isalnum():
            return (en_keys(token) | {token.lower().replace(",", "")},)
        return (frozenset({token}),) if token in "?!" else ()
    if token in "？！":
        return (frozenset({"?" if token == "？" else "!"}),)
    if not HAN.search(token):
        return ()
    keys = zh_word_keys(token)
    if keys or token in _ZH_STOP:
        return (keys,) if keys else ()
    units = [_name_keys(token)] if romanised and 2 <= len(token) <= 4 else []  # an unknown word: often a name
    for part in cedict.split(token):
        part_keys = zh_word_keys(part)
        if part_keys:
            units.append(part_keys)
    return tuple(units)


# A token's units, worked out once per token: a sentence's are the concatenation of its tokens'.
_ROMANISED: Memo[str, tuple[frozenset[str], ...]] = Memo(lambda token: _token_units(token, True), 200_000)
_PLAIN: Memo[str, tuple[frozenset[str], ...]] = Memo(lambda token: _token_units(token, False), 200_000)


@cache
def _pinyin():  # type: ignore[no-untyped-def]
    from pypinyin import lazy_pinyin

    return lazy_pinyin


def load() -> None:
    """Load the dictionary and pypinyin's readings (romanised names) now, e.g. before workers fork."""
    zh_word_keys("翻译")
    _pinyin()("李")
    cedict.english_words()


def _unknown_word(word: str, after: str) -> bool:
    """A capitalised word no CC-CEDICT sense has (Dorothy), not an interjection (Argh) nor a contraction's
    first part (Isn't: `after` is the character that follows it)."""
    return (
        len(word) > 3
        and after not in ("'", "’")
        and not _INTERJECTION.fullmatch(word)
        and word.lower() not in cedict.english_words()
    )


def _with_parts(word: str) -> frozenset[str]:
    """The keys of a word and of its dictionary parts (a name cut into ordinary words still shows them)."""
    return zh_word_keys(word).union(*map(zh_word_keys, cedict.split(word)))


_WITH_PARTS: Memo[str, frozenset[str]] = Memo(_with_parts, 200_000)


@lru_cache(maxsize=20_000)
def _sound(name: str) -> str:
    """A name's toneless romanisation, run together (萨米 → sami)."""
    return "".join(_pinyin()(name))


def _name_keys(word: str) -> frozenset[str]:
    """Romanised keys of a possible name: ``崔天凯`` → ``py:cuitiankai`` and the given name ``py:tiankai``."""
    syllables = [s.replace("v", "u") for s in _pinyin()(word)]
    return frozenset({"py:" + "".join(syllables), "py:" + "".join(syllables[1:])})


@lru_cache(maxsize=4096)  # a candidate's English is read by the coverage and by the rendering checks
def en_features(sentence: str) -> Features:
    """Features of an English sentence; capitalised words also get romanised-name keys (``Cui Tiankai``)."""
    tokens = tokens_of(sentence)
    units = []
    for k, token in enumerate(tokens):
        keys = en_keys(token)
        if token[0].isupper() and token.isalpha() and token.lower() not in STOP:
            name = [token.lower()]
            for nxt in tokens[k + 1 : k + 3]:
                if not (nxt[0].isupper() and nxt.isalpha()):
                    break
                name.append(nxt.lower())
            keys = keys | {"py:" + "".join(name[:n]) for n in range(1, len(name) + 1)}
        if keys:
            units.append(keys)
    return Features(len("".join(sentence.split())), tuple(units))


def key_index(f: Features) -> dict[str, int]:
    """Key → bit mask of the units of `f` that have it (a Chinese sentence's, for `match`; an English one's,
    for `coverage`)."""
    index: dict[str, int] = {}
    for pos, keys in enumerate(f.units):
        bit = 1 << pos
        for key in keys:
            index[key] = index.get(key, 0) | bit
    return index


def match(index: dict[str, int], en: Features) -> tuple[int, int]:
    """(mask of zh units matched by `en`, mask of `en` units matched by the zh sentence behind `index`)."""
    zmask = emask = 0
    for pos, keys in enumerate(en.units):
        for key in keys:
            hit = index.get(key)
            if hit:
                zmask |= hit
                emask |= 1 << pos
    return zmask, emask


def coverage(zh: Features, en: Features) -> tuple[int, int, int, int]:
    """(zh units matched, zh units, en units matched, en units): how much of each side of a pair finds its
    translation on the other, for judging a pair on its own (the aligner compares candidates instead).

    The same counts as `match(key_index(zh), en)`, from the English side: a Chinese unit holds dozens of
    keys (every sense of the word), the English units a few, so each Chinese unit is intersected with the
    English keys (one set operation) rather than each of its keys indexed."""
    index = key_index(en)  # English key → mask of the English units that have it
    said = index.keys()
    zh_hit = emask = 0
    for unit in zh.units:
        common = said & unit
        if common:
            zh_hit += 1
            for key in common:
                emask |= index[key]
    return zh_hit, len(zh.units), emask.bit_count(), len(en.units)


# A capitalised English word (Layla, Tai Ji), what may stand before a sentence's first word, and titles
# (Miss Smith: the name is Smith, which a title's full stop does not make a sentence's first word).
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+")
_OPENERS = frozenset(".!?:;\"“‘('")
_TITLES = frozenset(
    {"Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Sir", "Madam", "Mister", "Doctor", "Professor"}
)
_NATIONALITY = re.compile(r"(ese|ish|ian|ean|ch)$")  # Chinese, English, Korean, French: no names
# Sentence openers no dictionary sense has that are no names (Argh! 我的电脑又当机了; Ahhh, …).
_INTERJECTION = re.compile(
    r"(a+h+|a+r+g+h*|u+g+h+|o+h+|h+m+|e+r+m+|w+o+w+|o+o+p+s+|o+u+c+h+|y+a+y+|w+h+o+a+|p+h+e+w+|s+h+|b+r+r+"
    r"|a+w+|e+w+|h+u+h+|m+m+|alas|gosh|darn)",
    re.IGNORECASE,
)


def unseen_names(words: Sequence[str], names: Sequence[str], en: str) -> int:
    """How many names the English has (capitalised words inside a sentence, titles aside) beyond what its
    Chinese shows: as a dictionary word (China ~ 中国, Tom ~ 汤姆), by sound as one of its `names` (Sami ~
    萨米), or as a name the sound did not match (Thomas ~ 汤姆斯: one for one). What is left are names the
    segmenter missed and cut into ordinary words (Layla ~ 雷 + 拉, Qing Qing ~ 青 + 青)."""
    runs: list[str] = []
    firsts: list[str] = []  # a sentence's first words: names only if the Chinese has them (Sami ~ 萨米)
    last = ""
    for m in _CAPITALISED.finditer(en):
        word, before = m.group(0), en[: m.start()].rstrip()
        initial = not before or (before[-1] in _OPENERS and last not in _TITLES)
        if initial and word not in _TITLES and _unknown_word(word, en[m.end() : m.end() + 1]):
            runs.append(word)  # Dorothy sent him …: a name no dictionary sense has, not a first word
            last = word
            continue
        if word in _TITLES or initial:
            firsts += [word.lower()] if initial and word not in _TITLES else []
            last = word
            continue
        if runs and last and en[: m.start()].endswith(last + " ") and last not in _TITLES:
            runs[-1] += " " + word  # Tai Ji, Great Wall: one name
        else:
            runs.append(word)
        last = word
    if not runs:
        return 0
    keys: set[str] = set().union(*map(_WITH_PARTS.__getitem__, words))
    sounds = {name: _sound(name) for name in names}
    matched = {n for n, sound in sounds.items() for w in firsts if sound and (w in sound or sound in w)}
    left = 0
    for run in runs:
        parts, joined = run.split(), run.replace(" ", "").lower()
        if _NATIONALITY.search(parts[-1].lower()):
            continue
        said = {k for w in [joined, *parts] for k in en_keys(w)}
        if said & keys:  # a dictionary word, maybe one of the names (Tom ~ 汤姆 "Tom")
            matched.update(n for n in sounds if said & zh_word_keys(n))
            continue
        heard = [n for n, sound in sounds.items() if sound and (joined in sound or sound in joined)]
        if heard:
            matched.update(heard)
        else:
            left += 1
    return max(0, left - (len(sounds) - len(matched)))
