"""Sentences → comparable features: each sentence becomes a list of units, each unit a set of match keys.

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
from functools import cache

from deckbuilder import cedict, segmenter
from deckbuilder.chinese import HAN


def _words(text: str) -> list[str]:
    return text.split()


_EN_STOP = frozenset(
    _words(
        "a an the of to in on at by for from with without as into onto upon about over under than then "
        "and or but nor so if because while though although whether that which who whom whose what "
        "is are was were be been being am do does did doing have has had having will would shall should "
        "can could may might must it its itself this these those there here they them their theirs "
        "we us our ours you your yours he him his she her hers i me my mine one ones sth sb etc "
        "also such very just only both each either neither all any some other another more most much "
        "many not no up out off again further once same own too s t used usu esp lit fig abbr variant pr "
        "surname old see term kind form person thing something someone somebody way"
    )
)
# Function words whose dictionary senses are explanations rather than translations.
_ZH_STOP = frozenset(
    _words(
        "的 了 着 过 地 得 之 其 所 而 与 及 和 或 并 且 也 都 就 还 又 再 才 被 把 对 从 向 以 于 在 为 "
        "由 将 要 会 能 可 该 此 这 那 些 个 们 是 有 等 则 即 但 却 如 若 吗 呢 吧 啊 呀 嘛 么 很 最 更 太 "
        "已 已经 正 在于 我 你 他 她 它 我们 你们 他们 她们 它们 自己 一个 这个 那个 这些 那些 这样 那样 "
        "以及 各 每"
    )
)
_MONTHS = {
    m: str(i)
    for i, m in enumerate(
        _words("january february march april may june july august september october november december"), 1
    )
}
_NUMBER_WORDS = {
    w: str(i)
    for i, w in enumerate(
        _words(
            "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
            "sixteen seventeen eighteen nineteen twenty"
        )
    )
}
_NUMBER_WORDS.update({"thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70"})
_NUMBER_WORDS.update({"eighty": "80", "ninety": "90", "hundred": "100", "thousand": "1000"})
_NUMBER_WORDS.update({"million": "1000000", "billion": "1000000000", "dozen": "12", "half": "0.5"})
_ORDINALS = {
    "first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5",
    "sixth": "6", "seventh": "7", "eighth": "8", "ninth": "9", "tenth": "10",
}  # fmt: skip

# Irregular English forms → the form dictionary senses use ("went" must meet 去 "to go").
_IRREGULAR = dict(
    pair.split(":")
    for pair in _words(
        "went:go gone:go took:take taken:take made:make came:come saw:see seen:see gave:give given:give "
        "got:get gotten:get said:say told:tell thought:think brought:bring bought:buy found:find "
        "knew:know known:know left:leave felt:feel kept:keep held:hold stood:stand understood:understand "
        "met:meet ran:run sat:sit spoke:speak spoken:speak wrote:write written:write ate:eat eaten:eat "
        "drank:drink began:begin begun:begin became:become grew:grow grown:grow built:build sent:send "
        "spent:spend paid:pay lost:lose won:win fell:fall fallen:fall led:lead heard:hear sold:sell "
        "taught:teach caught:catch fought:fight chose:choose chosen:choose drove:drive driven:drive "
        "rose:rise risen:rise broke:break broken:break forgot:forget slept:sleep children:child men:man "
        "women:woman people:people feet:foot teeth:tooth mice:mouse better:good best:good worse:bad worst:bad"
    )
)
_EN_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[A-Za-z]+(?:'[A-Za-z]+)?|[?!]")
_ORDINAL_DIGITS = re.compile(r"^(\d+)(?:st|nd|rd|th)$")
_ZH_DIGITS = dict(zip("零〇一二两三四五六七八九", (0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9), strict=True))
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}
_ZH_NUMBER = re.compile(r"^第?([零〇一二两三四五六七八九十百千万亿]+)")


def stem(word: str) -> str:
    """A crude English stem: lower case, inflection stripped, cut to 6 letters (development ~ develop).

    >>> [stem(w) for w in ("Contributions", "developing", "development", "studies", "held", "smiled")]
    ['contri', 'develo', 'develo', 'study', 'held', 'smil']
    """
    w = word.lower()
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 4:
        if w.endswith("ies"):
            w = w[:-3] + "y"
        elif w.endswith(("sses", "ches", "shes", "xes")):
            w = w[:-2]
        elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
            w = w[:-1]
        elif w.endswith("ied"):
            w = w[:-3] + "y"
        elif w.endswith("ness") and len(w) > 6:
            w = w[:-4]
        elif w.endswith("ing") and len(w) > 5:
            w = w[:-3]
        elif w.endswith("ed") and len(w) > 4:
            w = w[:-2]
        if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
            w = w[:-1]  # running → runn → run
    if len(w) > 3 and w.endswith("e") and not w.endswith("ee"):
        w = w[:-1]  # smile ~ smiled ~ smiling
    return w[:6]


def en_keys(token: str) -> frozenset[str]:
    """Match keys of one English token (empty for stop words)."""
    low = token.lower()
    if low[0].isdigit():
        m = _ORDINAL_DIGITS.match(low)
        return frozenset({m.group(1) if m else low.replace(",", "")})
    if low in "?!":
        return frozenset({low})
    if low in _EN_STOP:
        return frozenset()
    keys = {stem(_IRREGULAR.get(low, low))}
    for table in (_MONTHS, _NUMBER_WORDS, _ORDINALS):
        if low in table:
            keys.add(table[low])
    return frozenset(keys)


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


def _sense_words(sense: str) -> list[str]:
    if sense.startswith(("CL:", "also pr.", "old variant", "variant of", "see ")):
        return []
    sense = re.sub(r"\([^)]*\)|\[[^\]]*\]|\S*\|\S*", " ", sense)
    return re.findall(r"[A-Za-z]+|\d+", sense)


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
                    for w in _sense_words(sense):
                        found |= en_keys(w) if not w.isdigit() else {w}
        number = zh_number(word)
        if number is not None:
            found.add(number)
        keys = memo[word] = frozenset(found)
    return keys


def _split_unknown(word: str) -> list[str]:
    """An unknown compound → its longest dictionary sub-words, left to right (single characters last)."""
    table = cedict.dictionary()
    out, i = [], 0
    while i < len(word):
        for j in range(min(len(word), i + 6), i, -1):
            if word[i:j] in table or j == i + 1:
                out.append(word[i:j])
                i = j
                break
    return out


@dataclass(frozen=True, slots=True)
class Features:
    """One sentence, ready for comparison: its length in characters and its units' match keys."""

    chars: int
    units: tuple[frozenset[str], ...]


def zh_features(sentence: str, words: Sequence[str] | None = None, romanised: bool = True) -> Features:
    """Features of a Chinese sentence (simplified characters expected); `words` is its segmentation when
    the caller has it already (the shared segmenter's cut). Without `romanised`, an unknown word gets no
    romanised-name unit (the aligner wants them; a judge of one pair can do without pypinyin)."""
    units: list[frozenset[str]] = []
    for token in segmenter.cut(sentence) if words is None else words:
        token = token.strip()
        if not token:
            continue
        if token.isascii():
            if token[0].isalnum():
                units.append(en_keys(token) | {token.lower().replace(",", "")})
            elif token in "?!":
                units.append(frozenset({token}))
            continue
        if token in "？！":
            units.append(frozenset({"?" if token == "？" else "!"}))
            continue
        if not HAN.search(token):
            continue
        keys = zh_word_keys(token)
        if keys or token in _ZH_STOP:
            if keys:
                units.append(keys)
            continue
        if romanised and 2 <= len(token) <= 4:
            units.append(_name_keys(token))  # an unknown word is often a name: match its romanisation
        for part in _split_unknown(token):
            part_keys = zh_word_keys(part)
            if part_keys:
                units.append(part_keys)
    return Features(len("".join(sentence.split())), tuple(units))


@cache
def _pinyin():  # type: ignore[no-untyped-def]
    from pypinyin import lazy_pinyin

    return lazy_pinyin


def _name_keys(word: str) -> frozenset[str]:
    """Romanised keys of a possible name: ``崔天凯`` → ``py:cuitiankai`` and the given name ``py:tiankai``."""
    syllables = [s.replace("v", "u") for s in _pinyin()(word)]
    return frozenset({"py:" + "".join(syllables), "py:" + "".join(syllables[1:])})


def en_features(sentence: str) -> Features:
    """Features of an English sentence; capitalised words also get romanised-name keys (``Cui Tiankai``)."""
    tokens = _EN_TOKEN.findall(sentence)
    units = []
    for k, token in enumerate(tokens):
        keys = en_keys(token)
        if token[0].isupper() and token.isalpha() and token.lower() not in _EN_STOP:
            name = [token.lower()]
            for nxt in tokens[k + 1 : k + 3]:
                if not (nxt[0].isupper() and nxt.isalpha()):
                    break
                name.append(nxt.lower())
            keys = keys | {"py:" + "".join(name[:n]) for n in range(1, len(name) + 1)}
        if keys:
            units.append(keys)
    return Features(len("".join(sentence.split())), tuple(units))


def zh_index(f: Features) -> dict[str, int]:
    """Key → bit mask of the Chinese units that have it."""
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
    translation on the other, for judging a pair on its own (the aligner compares candidates instead)."""
    zmask, emask = match(zh_index(zh), en)
    return zmask.bit_count(), len(zh.units), emask.bit_count(), len(en.units)
