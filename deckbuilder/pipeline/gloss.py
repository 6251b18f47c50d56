"""`deckbuild gloss`: lines of Chinese (each optionally ``sentence<TAB>english``) → one row per token with the
CC-CEDICT entry and senses a card shows for it.

The path is the cards' own: the text simplified as the readers simplify it (traditional input keeps its own
spelling for the choice of entry), cut by `annotate.segment`, read and glossed by `annotate.enrich` with the
pair's English when the line has one. Nothing here chooses a gloss.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from deckbuilder import annotate
from deckbuilder.chinese import to_simplified
from deckbuilder.models import Pair


@dataclass(frozen=True, slots=True)
class GlossRow:
    """One token of line `line` (1-based): the chosen entry's reading and traditional form, the senses shown,
    best first, and whether they were composed from the word's parts."""

    line: int
    word: str
    pinyin: str
    trad: str
    senses: tuple[str, ...]
    composed: bool = False

    def json(self) -> str:
        """The row as one JSON line (what `deckbuild gloss` prints)."""
        row = {"line": self.line, "word": self.word, "pinyin": self.pinyin, "trad": self.trad}
        row |= {"senses": list(self.senses), "composed": self.composed}
        return json.dumps(row, ensure_ascii=False)


def gloss_lines(lines: Iterable[str], overrides: Mapping[str, str] | None = None) -> Iterator[GlossRow]:
    """Rows for every token of every line; a blank line gives none but keeps its number."""
    for n, raw in enumerate(lines, 1):
        zh, _, en = raw.rstrip("\r\n").partition("\t")
        zh, en = zh.strip(), en.strip()
        if not zh:
            continue
        pair = Pair(zh=to_simplified(zh), en=en, source=f"gloss:{n}", zh_original=zh)
        for tok in annotate.enrich(annotate.segment(pair), overrides).tokens:
            yield GlossRow(n, tok.text, tok.cedict_pinyin, tok.trad, tok.senses, tok.composed)
