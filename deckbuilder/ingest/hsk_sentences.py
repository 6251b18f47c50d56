"""The second built-in corpus: HSK-graded learner sentences from the `hsk-sentences-audio` package.

4,354 short everyday sentences with English translations (dataset CC BY-SA 4.0), read in place from the
installed package. Its pinyin, glosses and audio links are not used: deckbuilder annotates every corpus the
same way. Pairs keep the dataset's sentence ID in `source` for attribution; they are written in Chinese for
learners, the English edited with them (`Origin.GRADED`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from deckbuilder.chinese import to_simplified
from deckbuilder.errors import InputError
from deckbuilder.models import Origin, Pair
from deckbuilder.resources import hsk_sentences_path


def read_hsk_sentences() -> Iterator[Pair]:
    """Pairs of the hsk-sentences-audio dataset, in its order (level 1 first)."""
    path = hsk_sentences_path()
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read the hsk-sentences-audio dataset: {exc}", str(path)) from exc
    for record in records:
        zh = str(record.get("chinese") or "").strip()
        en = str((record.get("translation") or {}).get("en") or "").strip()
        if zh and en:
            yield Pair(
                zh=to_simplified(zh),
                en=en,
                source=f"hsk-sentences-audio:{record.get('id', '?')}",
                zh_original=zh,
                origin=Origin.GRADED,
            )
