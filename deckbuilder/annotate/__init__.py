"""Annotate stage: Pair → Sentence of Tokens.

Two steps with different costs. `segment` (jieba words, token kinds, dictionary frequency) is cheap and runs
on every pair so every sentence can be graded. `enrich` (part-of-speech tags, pinyin, glosses) is costly and
runs only on the sentences chosen for cards. HSK words are added to jieba's dictionary so a listed word
comes out as one token.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from functools import cache, lru_cache
from typing import Any

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
def listed_words() -> frozenset[str]:
    """Every word of every HSK standard (these are never treated as proper names)."""
    out: set[str] = set()
    for std in STANDARDS:
        out.update(hsk_words(std))
    return frozenset(out)


@cache
def tokenizer() -> Any:
    """jieba's tokenizer, initialised once, with every HSK word added so listed words stay whole."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.dt
    tok.initialize()
    for word in sorted(listed_words()):
        if len(word) > 1 and word not in tok.FREQ and _HAN.search(word):
            tok.add_word(word)  # frequency suggested by jieba so the word is cut whole
    return tok


@cache
def _name_tags() -> dict[str, str]:
    import jieba.posseg

    return jieba.posseg.dt.word_tag_tab


def _kind(word: str) -> Kind:
    if all(unicodedata.category(c)[0] in "PSZC" for c in word):
        return Kind.PUNCT
    if _NUMBER.match(word):
        return Kind.NUMBER
    if not _HAN.search(word):
        return Kind.LATIN if _LATIN.search(word) else Kind.PUNCT
    if len(word) > 1 and word not in listed_words() and _name_tags().get(word) in _NAME_TAGS:
        return Kind.NAME
    return Kind.WORD


@lru_cache(maxsize=200_000)
def _token(word: str) -> Token:
    return Token(text=word, kind=_kind(word), freq=tokenizer().FREQ.get(word, 0))


def segment(pair: Pair) -> Sentence:
    """Segment the (simplified) Chinese of `pair` into tokens with kinds and frequencies."""
    tok = tokenizer()
    words = [w for w in tok.cut(pair.zh, HMM=True) if w.strip()]
    return Sentence(pair=pair, tokens=tuple(_token(w) for w in words))


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
