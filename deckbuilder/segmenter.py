"""The one jieba: Chinese text → words (and part-of-speech tags), with every HSK word added to the dictionary.

Bulk cutting uses jieba's algorithm and dictionary through `rjieba` (the Rust port, ~8x faster); tags come
from Python jieba's `posseg`, loaded only when a sentence needs them (the ones chosen for cards, `deckbuild
pinyin`). Every listed HSK word missing from the dictionary is added to both, at the frequency jieba's own
`suggest_freq` rule gives it, so listed words come out whole and both cut a sentence the same way. Align,
annotate and pinyin all segment here; `version()` names the dictionary state for content-keyed caches.
"""

from __future__ import annotations

import hashlib
import logging
from functools import cache, lru_cache
from typing import Any

from deckbuilder.chinese import HAN, script_kind
from deckbuilder.models import Kind

# jieba's part-of-speech tags for proper names: person, transliterated person, place, organisation, other.
NAME_TAGS = frozenset({"nr", "nrt", "nrfg", "ns", "nt", "nz"})


@cache
def _rjieba() -> Any:
    import rjieba

    return rjieba.Jieba()


@cache
def added_words() -> tuple[tuple[str, int], ...]:
    """(word, frequency) of every listed HSK word the dictionary lacks, in a fixed order."""
    from deckbuilder.standards import all_words

    jb = _rjieba()
    out = []
    for word in sorted(all_words()):
        if len(word) > 1 and HAN.search(word) and not jb.has_word(word):
            freq = int(jb.suggest_freq(word))
            jb.add_word(word, freq, None)
            out.append((word, freq))
    return tuple(out)


@cache
def segmenter() -> Any:
    """The rjieba segmenter with HSK words added (loaded once)."""
    added_words()
    return _rjieba()


def cut(text: str) -> list[str]:
    """Words of `text` (whitespace-only pieces dropped)."""
    return [w for w in segmenter().cut(text, True) if w.strip()]


@lru_cache(maxsize=500_000)
def dictionary_entry(word: str) -> tuple[int, str]:
    """(frequency, part-of-speech tag) of `word` in the segmenter's dictionary; (0, "") when absent."""
    jb = segmenter()
    if not jb.has_word(word):
        return 0, ""
    tags = jb.tag(word, False)
    tag = tags[0][1] if len(tags) == 1 else ""
    return int(jb.suggest_freq(word)), tag


@cache
def version() -> str:
    """Identity of the segmentation: rjieba's version and the added words (for cache keys)."""
    import importlib.metadata

    h = hashlib.blake2b(digest_size=8)
    h.update(importlib.metadata.version("rjieba").encode())
    for word, freq in added_words():
        h.update(f"{word}\t{freq}\n".encode())
    return h.hexdigest()


@cache
def _posseg() -> Any:
    """Python jieba's part-of-speech tokenizer, with the same added words (loaded once, quietly)."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)  # jieba writes to stderr on first use otherwise
    jieba.dt.initialize()
    for word, freq in added_words():
        jieba.dt.add_word(word, freq)
    return jieba.posseg.dt


def tag(words: list[str] | tuple[str, ...], text: str) -> list[tuple[str, str]]:
    """(word, part-of-speech tag) for `words`, the cut of `text`.

    posseg may split differently from the plain cut; the words are kept and tags borrowed where the two
    agree. A word posseg cut differently gets its dictionary tag (上 → f), punctuation "x", else "" (the
    pinyin rules then look at its parts).
    """
    tokenizer = _posseg()
    tags: dict[str, str] = {p.word: p.flag for p in tokenizer.cut(text)}
    table = tokenizer.word_tag_tab
    return [(w, tags.get(w) or table.get(w) or ("x" if script_kind(w) is Kind.PUNCT else "")) for w in words]


def tagged(text: str) -> list[tuple[str, str]]:
    """Cut and tag one sentence: exactly the words and tags a card gets."""
    return tag(cut(text), text)


@cache
def pieces(text: str) -> tuple[tuple[str, str], ...]:
    """posseg's own (word, tag) pieces of a short text taken on its own."""
    return tuple((p.word, p.flag) for p in _posseg().cut(text))


def word_tag(word: str) -> str:
    """jieba's dictionary part-of-speech tag for `word`, or "" when its dictionary lacks it."""
    return _posseg().word_tag_tab.get(word, "")
