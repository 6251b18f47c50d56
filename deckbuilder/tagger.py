"""Python jieba's part-of-speech tagger with the segmenter's dictionary: (word, tag) pieces of a text.

`segmenter` cuts with rjieba and asks this module for tags only (cards, `deckbuild pinyin`). The tagger's
dictionary is jieba's own with the segmenter's added words and without its removed ones
(`segmenter.added_words`, `segmenter.removed_words`); jieba's dictionary file also gives the tag table.

Both are derived once and kept (`derived.stored_table`), so that loading the tagger reads two tables
instead of unpickling jieba's dictionary (0.45 s), adding and removing 70,000 words in it and reading its
dictionary file a second time for the tags (0.3 s). The result is the tagger jieba builds itself: the same
frequencies, total and tag table (`tests/test_annotate.py` compares them).
"""

from __future__ import annotations

import io
import logging
import sys
from functools import cache
from pathlib import Path
from typing import Any

from deckbuilder import derived

_LAYOUT = "2"  # bump when the layout of a table below changes


@cache
def word_tags() -> dict[str, str]:
    """jieba's dictionary tags, word → tag, as posseg's `load_word_tag` reads its dictionary file."""
    from deckbuilder.resources import jieba_dictionary_path

    def derive() -> dict[str, str]:
        lines = jieba_dictionary_path().read_text(encoding="utf-8").splitlines()
        return {p[0]: p[2] for p in (line.strip().split(" ") for line in lines) if len(p) == 3}

    key = derived.key_of("jieba-tags", _LAYOUT, packages=("jieba",))
    return derived.stored_table("jieba-tags", key, derive)


@cache
def posseg() -> Any:
    """jieba's POSTokenizer over the segmenter's dictionary (loaded once, quietly)."""
    import jieba
    from jieba import finalseg

    from deckbuilder import segmenter

    jieba.setLogLevel(logging.WARNING)  # jieba writes to stderr on first use otherwise
    tokenizer = jieba.dt
    if tokenizer.initialized:  # loaded by someone else: add and remove the words on it
        _apply(tokenizer)
    else:
        key = derived.key_of("tagger", _LAYOUT, segmenter.version(), sources=(Path(__file__),))
        freq = derived.stored_table("tagger-dictionary", key, lambda: _derive()[0])
        total = derived.stored("tagger-total", key, lambda: _derive()[1])
        _derive.cache_clear()
        with tokenizer.lock:
            tokenizer.FREQ, tokenizer.total, tokenizer.initialized = freq, total, True
        # What `add_word` does besides the frequencies, for every word it was given frequency 0.
        for word in _forced():
            finalseg.add_force_split(word)
    return _posseg_module().dt


@cache
def _derive() -> tuple[dict[str, int], int]:
    """jieba's dictionary as `posseg` would have it after `initialize` and the segmenter's words."""
    import jieba

    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    _apply(tokenizer)
    return tokenizer.FREQ, tokenizer.total


def _apply(tokenizer: Any) -> None:
    """Add the segmenter's added words and remove its removed words, as jieba's own API does it."""
    from deckbuilder import segmenter

    for word, freq in segmenter.added_words():
        tokenizer.add_word(word, freq)
    for word in segmenter.removed_words():
        tokenizer.del_word(word)


def _forced() -> list[str]:
    from deckbuilder import segmenter

    return [w for w, f in segmenter.added_words() if f == 0] + list(segmenter.removed_words())


def _posseg_module() -> Any:
    """`jieba.posseg`, imported without its tokenizer reading jieba's dictionary file for the tags (the
    import builds one): `word_tags` has them."""
    import jieba

    if "jieba.posseg" in sys.modules:
        return sys.modules["jieba.posseg"]
    jieba.dt.get_dict_file = lambda: io.BytesIO()  # an instance attribute, removed again below
    try:
        import jieba.posseg
    finally:
        del jieba.dt.get_dict_file
    jieba.posseg.dt.word_tag_tab = dict(word_tags())
    jieba.posseg.viterbi = _viterbi  # the module's global its tokenizer calls for unknown words
    _incoming(jieba.posseg.trans_P)  # before worker processes fork
    return jieba.posseg


_MIN_FLOAT = -3.14e100  # jieba's log probability of a character a state never emits


def _viterbi(
    obs: str,
    states: dict[str, Any],
    start_p: dict[Any, float],
    trans_p: dict[Any, dict[Any, float]],
    emit_p: dict[Any, dict[str, float]],
) -> tuple[float, list[Any]]:
    """`jieba.posseg.viterbi`, the same path and probability, 2.7 times as fast (an hsk5 deck's
    enrichment took 1.84 s of CPU with jieba's, 1.52 s with this). jieba weighs every state before a
    character against every state after it, most of them with no transition between them (minus
    infinity, never the best while one state has one); here each state's best predecessor is taken among
    those with a transition to it, with the same sums in the same order and the same tie-break (the
    greater state), so the result is identical."""
    incoming = _INCOMING.get(id(trans_p)) or _incoming(trans_p)
    all_states = trans_p.keys()
    first = obs[0]
    prev = {y: start_p[y] + emit_p[y].get(first, _MIN_FLOAT) for y in states.get(first, all_states)}
    paths: list[dict[Any, Any]] = [dict.fromkeys(prev, "")]
    for ch in obs[1:]:
        expect = {y for x in prev for y in trans_p[x]}
        if not expect:  # no state before has a transition: jieba's own fails here the same way
            raise ValueError("max() arg is an empty sequence")
        obs_states = set(states.get(ch, all_states)) & expect or expect
        here: dict[Any, float] = {}
        path: dict[Any, Any] = {}
        for y in obs_states:
            emit = emit_p[y].get(ch, _MIN_FLOAT)
            here[y], path[y] = max((prev[y0] + p + emit, y0) for y0, p in incoming[y] if y0 in prev)
        prev = here
        paths.append(path)
    prob, state = max((p, y) for y, p in prev.items())
    route = [state] * len(obs)
    for i in range(len(obs) - 1, 0, -1):
        state = paths[i][state]
        route[i - 1] = state
    return prob, route


_INCOMING: dict[int, dict[Any, list[tuple[Any, float]]]] = {}  # id of jieba's (constant) table → its inverse


def _incoming(trans_p: dict[Any, dict[Any, float]]) -> dict[Any, list[tuple[Any, float]]]:
    """State → (state before it, log probability of the transition) for every transition into it."""
    out: dict[Any, list[tuple[Any, float]]] = {y: [] for y in trans_p}
    for y0, nexts in trans_p.items():
        for y, p in nexts.items():
            out.setdefault(y, []).append((y0, p))
    _INCOMING[id(trans_p)] = out
    return out
