"""Polyphone rules over jieba POS tags and neighbours."""

from __future__ import annotations

from collections.abc import Sequence


def decide_char(tokens: Sequence[tuple[str, str]], ti: int, k: int, candidates: tuple[str, ...]) -> str | None:
    return None


def decide_word(tokens: Sequence[tuple[str, str]], ti: int, syllables: tuple[str, ...]) -> tuple[str, ...] | None:
    return None
