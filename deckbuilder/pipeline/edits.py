"""The teacher's edits to the pairs a build reads (a recipe's `extra`, `exclude-sentences`, `english`).

pairs → pairs: the teacher's own sentences come first (read before every input, so they win ties: see
`grade.select`), a left-out sentence is dropped wherever it comes from, and a corrected English replaces the
translation read with it. Sentences are matched as written, simplified or traditional, spaces ignored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from deckbuilder.chinese import to_simplified
from deckbuilder.models import Pair
from deckbuilder.pipeline.options import BuildOptions

EXTRA_SOURCE = "extra"  # the source of a sentence given in the recipe itself: extra:1, extra:2, …


def sentence_key(zh: str) -> str:
    """What two spellings of one sentence share: simplified, without spaces."""
    return "".join(to_simplified(zh).split())


def extra_pairs(options: BuildOptions, read: Callable[[tuple[Path, ...]], Iterable[Pair]]) -> Iterator[Pair]:
    """The teacher's own sentences in the recipe's order; `read` reads a file of them as an input."""
    for n, item in enumerate(options.extra, 1):
        if isinstance(item, Path):
            yield from read((item,))
        else:
            zh, en = (text.strip() for text in item)
            yield Pair(to_simplified(zh), en, f"{EXTRA_SOURCE}:{n}", zh_original=zh)


def edited(pairs: Iterable[Pair], options: BuildOptions) -> Iterator[Pair]:
    """`pairs` without the left-out sentences, with the corrected English."""
    if not (options.exclude_sentences or options.english):
        yield from pairs
        return
    left_out = {sentence_key(zh) for zh in options.exclude_sentences}
    english = {sentence_key(zh): en.strip() for zh, en in options.english}
    for pair in pairs:
        key = "".join(pair.zh.split())
        if key in left_out:
            continue
        en = english.get(key)
        yield pair if en is None or en == pair.en else replace(pair, en=en)
