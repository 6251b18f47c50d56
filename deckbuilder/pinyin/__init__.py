"""Pinyin learners can trust: Chinese text → layered readings → textbook line, tone numbers, tones, Zhuyin.

>>> line(read_sentence("我在银行工作。"))
'Wǒ zài yínháng gōngzuò.'
>>> numbered(read_sentence("银行"))
'yin2hang2'

`read_tokens` is the entry point for callers that already segmented and tagged a sentence (the annotate
stage passes its own tokens); `read_sentence` cuts and tags with the shared segmenter first, exactly as the
cards are. Everything else renders readings: `line`, `written_words`, `numbered`, `numbered_words`,
`per_character`, `tones` (per character, for tone colours) and `zhuyin_words` (glosses are chosen by
`deckbuilder.senses`, from these readings). `pinyin_lines` is what ``deckbuild pinyin`` and the benchmarks
print.
Loading is lazy: jieba, CC-CEDICT and the g2pM model load on first use, once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace

from deckbuilder import segmenter
from deckbuilder.chinese import to_simplified
from deckbuilder.pinyin.lexicon import readable
from deckbuilder.pinyin.orthography import line, numbered_words, spoken_syllables, written_words
from deckbuilder.pinyin.overrides import load_overrides
from deckbuilder.pinyin.readings import Reading, read_tokens
from deckbuilder.pinyin.syllable import display_number, mark
from deckbuilder.pinyin.zhuyin import zhuyin_words

__all__ = [
    "Reading",
    "display_number",
    "line",
    "load_overrides",
    "mark",
    "numbered",
    "numbered_words",
    "per_character",
    "pinyin_lines",
    "read_sentence",
    "read_tokens",
    "spoken_syllables",
    "tones",
    "written_words",
    "zhuyin_words",
]


def read_sentence(
    text: str, overrides: Mapping[str, str] | None = None, *, model: bool | None = None, written: str = ""
) -> list[Reading]:
    """Cut and tag one sentence as the cards are, and read it (see `read_tokens`)."""
    return read_tokens(segmenter.tagged(text), overrides, model=model, written=written)


def numbered(readings: Sequence[Reading]) -> str:
    """Tone-number pinyin in written words, as a card's PinyinNumbered field: ``wo3 zai4 yin2hang2``,
    ``yi1 ge4 ren2``."""
    return " ".join(word for word in numbered_words(readings) if word)


def per_character(readings: Sequence[Reading]) -> str:
    """One tone-number syllable per Chinese character (the evaluation format); erhua 儿 as ``er5``."""
    out = []
    for r in readings:
        out.extend("er5" if s == "r5" else display_number(s) for s in r.syllables)
    return " ".join(out)


def tones(reading: Reading, spoken: Sequence[str] | None = None) -> str:
    """The tone of each character of the reading's word: ``"22"`` for 银行 (yínháng), ``"0"`` where a
    character has no reading (punctuation, Latin letters, a character no table reads).

    With `spoken` (the reading's entry of `spoken_syllables`), the tones the line prints: 一 in 一个 is
    ``2`` (yí gè), so tone colours agree with the pinyin under them.
    """
    syllables = iter(reading.syllables if spoken is None else spoken)
    return "".join((next(syllables, "")[-1:] or "0") if readable(ch) else "0" for ch in reading.word)


def _as_written(readings: Sequence[Reading], text: str) -> list[Reading]:
    """Readings of the simplified text, with the tokens that have no syllables as `text` wrote them."""
    out, k = [], 0
    for r in readings:
        original = text[k : k + len(r.word)]
        keep = r.syllables or any(readable(ch) for ch in original)
        out.append(r if keep else replace(r, word=original, marked=original))
        k += len(r.word)
    return out


def pinyin_lines(
    lines: Iterable[str],
    *,
    numbers: bool = False,
    per_char: bool = False,
    citation_tones: bool = False,
    overrides: Mapping[str, str] | None = None,
    model: bool | None = None,
) -> Iterator[str]:
    """One output line per input line: textbook pinyin, or tone numbers (per word, or per character),
    through exactly the segmentation and readings the cards get.

    Traditional text is read through its simplified form, as the input readers give it to the cards
    (我們的銀行 reads 銀行 as yínháng); text kept as it is (Latin, symbols) is printed as written.
    """
    for line_text in lines:
        text = line_text.rstrip("\n")
        simplified = to_simplified(text)
        if len(simplified) == len(text):  # a character OpenCC turns into one no table reads stays as written
            pairs = zip(text, simplified, strict=True)
            simplified = "".join(s if readable(s) or not readable(t) else t for t, s in pairs)
        readings = read_sentence(simplified, overrides, model=model, written=text)
        if simplified != text and len(simplified) == len(text):
            readings = _as_written(readings, text)
        if numbers and per_char:
            yield per_character(readings)
        elif numbers:
            yield numbered(readings)
        else:
            yield line(readings, citation_tones=citation_tones)
