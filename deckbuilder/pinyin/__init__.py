"""Pinyin learners can trust: Chinese text → layered readings → textbook line, tone numbers, colours.

>>> line(read_sentence("我在银行工作。"))
'Wǒ zài yínháng gōngzuò.'
>>> numbered(read_sentence("银行"))
'yin2hang2'

`read_tokens` is the entry point for callers that already segmented and tagged a sentence (the annotate
stage passes its own tokens); `read_sentence` segments with jieba.posseg itself. Everything else (`line`,
`written_words`, `numbered`, `numbered_words`, `per_character`, `colored_html`, `zhuyin`) renders a list of
`Reading`; `gloss_for` picks the CC-CEDICT gloss matching a reading. `pinyin_lines` is the path the
``deckbuild pinyin`` command and the benchmarks use (given the annotate stage's tagger, as the CLI does).
Loading is lazy: jieba, CC-CEDICT and the g2pM model load on first use, once.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cache

from deckbuilder.chinese import is_han
from deckbuilder.pinyin.gloss import gloss_for
from deckbuilder.pinyin.orthography import line, numbered_words, written_words
from deckbuilder.pinyin.overrides import load_overrides
from deckbuilder.pinyin.readings import Reading, read_tokens
from deckbuilder.pinyin.syllable import display_number, mark
from deckbuilder.pinyin.zhuyin import zhuyin

__all__ = [
    "Reading",
    "colored_html",
    "display_number",
    "gloss_for",
    "line",
    "load_overrides",
    "mark",
    "numbered",
    "numbered_words",
    "per_character",
    "pinyin_lines",
    "read_sentence",
    "read_tokens",
    "segment",
    "uncertain",
    "written_words",
    "zhuyin",
]


@cache
def _posseg():  # type: ignore[no-untyped-def]
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba.posseg


def segment(text: str) -> list[tuple[str, str]]:
    """jieba.posseg (word, flag) pairs for one sentence."""
    return [(p.word, p.flag) for p in _posseg().cut(text)]


def read_sentence(
    text: str, overrides: Mapping[str, str] | None = None, *, model: bool | None = None
) -> list[Reading]:
    """Segment one sentence with jieba.posseg and read it (see `read_tokens`)."""
    return read_tokens(segment(text), overrides, model=model)


def numbered(readings: Sequence[Reading]) -> str:
    """Tone-number pinyin, words joined, separated by spaces: ``wo3 zai4 yin2hang2``."""
    words = ["".join(display_number(s) for s in r.syllables) for r in readings if r.syllables]
    return " ".join(words)


def per_character(readings: Sequence[Reading]) -> str:
    """One tone-number syllable per Chinese character (the evaluation format); erhua 儿 as ``er5``."""
    out = []
    for r in readings:
        out.extend("er5" if s == "r5" else display_number(s) for s in r.syllables)
    return " ".join(out)


def colored_html(readings: Sequence[Reading]) -> str:
    """Each Chinese character in ``<span class="toneN">`` (N = 1–5), everything HTML-escaped."""
    parts = []
    for r in readings:
        it = iter(r.syllables)
        for ch in r.word:
            if is_han(ch):
                parts.append(f'<span class="tone{next(it)[-1]}">{html.escape(ch)}</span>')
            else:
                parts.append(html.escape(ch))
    return "".join(parts)


def uncertain(readings: Sequence[Reading]) -> list[Reading]:
    """Readings a teacher should check: a polyphone decided by the fallback, an unsure context model, a rule
    inside a word jieba invented, or an ambiguous dictionary entry."""
    return [r for r in readings if r.syllables and not r.confident]


def pinyin_lines(
    lines: Iterable[str],
    *,
    numbers: bool = False,
    per_char: bool = False,
    citation_tones: bool = False,
    overrides: Mapping[str, str] | None = None,
    model: bool | None = None,
    tagger: Callable[[str], Sequence[tuple[str, str]]] | None = None,
) -> Iterator[str]:
    """One output line per input line: textbook pinyin, or tone numbers (per word, or per character).

    `tagger` segments and tags one sentence (default: jieba.posseg); the CLI and the benchmarks pass the
    annotate stage's, so they measure exactly what the cards get.
    """
    for text in lines:
        tokens = (tagger or segment)(text.rstrip("\n"))
        readings = read_tokens(tokens, overrides, model=model)
        if numbers and per_char:
            yield per_character(readings)
        elif numbers:
            yield numbered(readings)
        else:
            yield line(readings, citation_tones=citation_tones)
