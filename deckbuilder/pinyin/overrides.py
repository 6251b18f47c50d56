"""Teacher override file: ``word<TAB>pinyin`` lines → {word: pinyin}; these readings always win.

Pinyin may be tone numbers (``yin2 hang2``, ``yin2hang2``) or tone marks with spaces (``yín háng``);
it must give one syllable per character. Blank lines and ``#`` comments are ignored.
"""

from __future__ import annotations

import re
from pathlib import Path

from deckbuilder.chinese import is_han
from deckbuilder.errors import InputError
from deckbuilder.pinyin.syllable import is_syllable, normalize

_NUMBERED = re.compile(r"[a-zA-ZüÜvV:]+[0-5]")


def parse_pinyin(text: str) -> tuple[str, ...]:
    """``yin2 hang2`` / ``yin2hang2`` / ``yín háng`` → ("yin2", "hang2"); ValueError when not pinyin."""
    compact = text.strip()
    if not compact:
        raise ValueError("empty pinyin")
    if re.fullmatch(r"(?:[a-zA-ZüÜvV:]+[0-5]\s*)+", compact):
        parts = _NUMBERED.findall(compact)
    else:
        parts = compact.replace("'", " ").split()
    syllables = tuple(normalize(p) for p in parts)
    bad = [p for p, s in zip(parts, syllables, strict=True) if not is_syllable(s)]
    if bad:
        raise ValueError(f"not a pinyin syllable: {bad[0]!r}")
    return syllables


def load_overrides(path: str | Path) -> dict[str, str]:
    """Read a teacher override file; raises InputError(message, path, line) on a malformed line."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise InputError("readings file not found", str(p)) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read readings file ({exc.__class__.__name__})", str(p)) from exc
    table: dict[str, str] = {}
    for n, raw in enumerate(text.splitlines(), 1):
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if "\t" not in raw:
            raise InputError("expected 'word<TAB>pinyin'", str(p), n)
        word, pinyin = (part.strip() for part in raw.split("\t", 1))
        if not word or not all(is_han(c) for c in word):
            raise InputError(f"the word must be Chinese characters only, got {word!r}", str(p), n)
        try:
            syllables = parse_pinyin(pinyin)
        except ValueError as exc:
            raise InputError(str(exc), str(p), n) from exc
        if len(syllables) != len(word):
            raise InputError(f"{word} has {len(word)} characters but {len(syllables)} syllables", str(p), n)
        table[word] = " ".join(syllables)
    return table
