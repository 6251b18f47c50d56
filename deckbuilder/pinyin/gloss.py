"""Word + chosen reading → (concise gloss, classifier text) from the CC-CEDICT entry with that reading.

行 read háng in 银行 glosses as "row; line; profession", not "to walk". Senses that are noise for a
learner's card (variant / "see also" cross-references, Taiwan readings, surnames when other senses
exist) are dropped; ``CL:`` senses become the separate classifier text (``个 gè; 本 běn``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from deckbuilder import cedict
from deckbuilder.pinyin.syllable import mark, normalize

MAX_SENSES = 3
_NOISE = re.compile(
    r"^(see also|see |also written|also pr\.|Taiwan pr\.|old variant of|variant of|erhua variant of"
    r"|archaic variant of|used in |(?:\(old\) )?Japanese variant of|\(bound form\)$)",
    re.IGNORECASE,
)
_CL_ITEM = re.compile(r"(?:[^|,\[]+\|)?([^|,\[]+)\[([^\]]+)\]")
_REF = re.compile(r"[^\s|\[\]]+\|([^\s|\[\]]+)\[[^\]]*\]|([^\s|\[\]]+)\[[^\]]*\]")


def _key(syllables: Sequence[str]) -> tuple[str, ...]:
    return tuple(normalize(s) for s in syllables)


def _toneless(syllables: Sequence[str]) -> tuple[str, ...]:
    return tuple(s[:-1] for s in _key(syllables))


def _classifiers(sense: str) -> list[str]:
    found = _CL_ITEM.findall(sense[3:])
    return [f"{simp} {' '.join(mark(normalize(p)) for p in pin.split())}" for simp, pin in found]


def _clean(sense: str) -> str:
    # "to travel; see also 旅行|旅行[lu:3 xing2]" style references keep just the simplified word.
    return _REF.sub(lambda m: m.group(1) or m.group(2), sense).strip()


def gloss_for(word: str, syllables: Sequence[str]) -> tuple[str, str]:
    """Concise gloss of `word` read as `syllables` (``("yin2", "hang2")``), and its classifiers or ""."""
    entries = cedict.lookup(word)
    if not entries:
        return "", ""
    want = _key(syllables)
    exact = [e for e in entries if _key(e.pinyin.split()) == want]
    loose = [e for e in entries if _toneless(e.pinyin.split()) == _toneless(want)]
    chosen = exact or loose or list(entries)
    # A common-noun entry before a proper-noun one (surname 行 Háng vs háng "row").
    chosen.sort(key=lambda e: e.pinyin[:1].isupper())
    senses: list[str] = []
    classifiers: list[str] = []
    for entry in chosen:
        for sense in entry.senses:
            if sense.startswith("CL:"):
                classifiers.extend(c for c in _classifiers(sense) if c not in classifiers)
            elif not _NOISE.match(sense):
                cleaned = _clean(sense)
                if cleaned and cleaned not in senses:
                    senses.append(cleaned)
        if senses and not entry.pinyin[:1].isupper():
            break
    if len(senses) > 1:
        senses = [s for s in senses if not s.lower().startswith("surname")] or senses
    return "; ".join(senses[:MAX_SENSES]), "; ".join(classifiers)
