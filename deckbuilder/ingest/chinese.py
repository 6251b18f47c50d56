"""Traditional → simplified conversion (OpenCC), created once on first use."""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def _t2s() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Simplified form of `text` (already-simplified text is returned unchanged)."""
    return _t2s().convert(text)
