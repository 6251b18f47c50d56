"""Chinese script helpers shared by the stages: what counts as a Han character, and traditional → simplified.

One definition of a Han character (the unified ideographs with extension A, the compatibility ideographs
and the supplementary planes' extensions) and one OpenCC converter, created once on first use.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
HAN_RUN = re.compile(HAN.pattern + "+")


def is_han(ch: str) -> bool:
    """Whether the character `ch` is a Han character."""
    return HAN.match(ch) is not None


@cache
def _t2s() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Simplified form of `text` (already-simplified text is returned unchanged)."""
    return _t2s().convert(text)
