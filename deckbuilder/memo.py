"""A bounded memo for the per-word work of the hot path (segmenting and grading every pair): a dict that
computes a missing key's value on first look-up.

A hit is a plain dict look-up, so a whole sentence goes through `map(memo.__getitem__, words)` without a
Python call per word (an `lru_cache` costs a call and its bookkeeping per word). The vocabulary is finite
but a corpus's is large: past `limit` keys the memo starts afresh, which bounds memory and changes no value.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Memo(dict[K, V]):
    """`memo[key]` is `compute(key)`, computed once (until more than `limit` keys are held)."""

    def __init__(self, compute: Callable[[K], V], limit: int = 1_000_000) -> None:
        super().__init__()
        self.compute, self.limit = compute, limit

    def __missing__(self, key: K) -> V:
        value = self.compute(key)
        if len(self) >= self.limit:
            self.clear()
        self[key] = value
        return value
