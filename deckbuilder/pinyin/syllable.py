"""Tone-number syllables (``lv4``, ``hao3``, ``de5``, ``r5``) ↔ tone-marked pinyin (``lǜ``, ``hǎo``, ``de``).

Internally a syllable is lowercase letters with ``v`` for ü and a final tone digit 1–5 (5 = neutral);
erhua 儿 is ``r5``. Everything else in the package renders from this one form.
"""

from __future__ import annotations

import re
import unicodedata

_MARKS = {"a": "āáǎà", "e": "ēéěè", "i": "īíǐì", "o": "ōóǒò", "u": "ūúǔù", "v": "ǖǘǚǜ"}
_UNMARK = {m: (base, tone) for base, marks in _MARKS.items() for tone, m in enumerate(marks, 1)}
_UNMARK.update({"ń": ("n", 2), "ň": ("n", 3), "ǹ": ("n", 4), "ḿ": ("m", 2)})
_SYLLABLE = re.compile(r"^[a-zv]+[1-5]$")


def normalize(raw: str) -> str:
    """Any common spelling of one syllable → ``lv4`` form: ``lu:4``, ``lü4``, ``lǜ``, ``de`` (→ de5)."""
    text = unicodedata.normalize("NFC", raw.strip().lower()).replace("u:", "v").replace("ü", "v")
    tone = 0
    letters = []
    for ch in text:
        if ch in _UNMARK:
            base, tone = _UNMARK[ch]
            letters.append(base)
        else:
            letters.append(ch)
    body = "".join(letters)
    if body and body[-1] in "012345":
        digit = int(body[-1])
        body = body[:-1]
        tone = digit if digit else 5
    if not tone:
        tone = 5
    return f"{body}{tone}"


def is_syllable(text: str) -> bool:
    """True for a normalised syllable such as ``hao3``."""
    return bool(_SYLLABLE.match(text))


def tone(syllable: str) -> int:
    """The tone digit of a normalised syllable (5 = neutral)."""
    return int(syllable[-1])


def base(syllable: str) -> str:
    """The letters of a syllable without its tone digit (``v`` kept)."""
    return syllable[:-1]


def mark(syllable: str) -> str:
    """``lv4`` → ``lǜ``; neutral tone unmarked (``de5`` → ``de``); erhua ``r5`` → ``r``.

    The mark goes on a or e when present, on o in ``ou``, otherwise on the last vowel (``guǐ``, ``liù``).
    """
    letters, t = syllable[:-1], int(syllable[-1])
    if t == 5 or t == 0:
        return letters.replace("v", "ü")
    if "a" in letters:
        i = letters.index("a")
    elif "e" in letters:
        i = letters.index("e")
    elif "ou" in letters:
        i = letters.index("o")
    else:
        vowels = [k for k, ch in enumerate(letters) if ch in "aeiouv"]
        if not vowels:  # syllabic n / m / ng (ń, ňg, ḿ)
            i = 0
            marks = {"n": "ńňǹ", "m": "ḿ"}.get(letters[0], "")
            if t - 2 < 0 or t - 2 >= len(marks):
                return letters
            return marks[t - 2] + letters[1:]
        i = vowels[-1]
    marked = _MARKS[letters[i]][t - 1]
    return (letters[:i] + marked + letters[i + 1 :]).replace("v", "ü")


def display_number(syllable: str) -> str:
    """``lv4`` → ``lü4``: tone-number form as learners read it."""
    return syllable.replace("v", "ü")
