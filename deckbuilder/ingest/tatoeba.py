"""Tatoeba pairs (`zh_id<TAB>zh<TAB>en_id<TAB>en`, one line per translation) → Pair stream.

A Chinese sentence with several English translations appears on consecutive lines; the first translation
is kept (Tatoeba lists the direct translation first); later lines for the same sentence ID
are skipped. Pairs keep both sentence IDs in `source` for the
CC BY 2.0 FR attribution, and the original (often traditional) Chinese in `zh_original`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from deckbuilder.chinese import to_simplified
from deckbuilder.errors import InputError
from deckbuilder.models import Pair
from deckbuilder.resources import tatoeba_path


def read_tatoeba(path: Path) -> Iterator[Pair]:
    """Stream the pairs of a Tatoeba-layout TSV file; a malformed line raises InputError naming it."""
    seen: set[str] = set()
    try:
        fh = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", str(path)) from exc
    with fh:
        for lineno, line in enumerate(fh, start=1):
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            cols = line.split("\t")
            if len(cols) != 4:
                raise InputError(
                    f"expected 4 tab-separated columns (zh_id, zh, en_id, en), found {len(cols)}",
                    str(path),
                    lineno,
                )
            zh_id, zh, en_id, en = cols
            zh, en = zh.strip(), en.strip()
            if zh_id in seen or not zh or not en:
                continue
            seen.add(zh_id)
            yield Pair(
                zh=to_simplified(zh),
                en=en,
                source=f"tatoeba:{zh_id}/{en_id}",
                zh_original=zh,
            )


def read_tatoeba_builtin() -> Iterator[Pair]:
    """The built-in corpus: Tatoeba Chinese-English pairs from the `hsg` package (CC BY 2.0 FR)."""
    return read_tatoeba(tatoeba_path())
