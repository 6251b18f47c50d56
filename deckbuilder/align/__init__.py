"""Sentence alignment: Chinese and English sentences → beads (index lists with a confidence) → pairs.

``align(doc)`` is what the pipeline calls: it splits the document's paragraphs into sentences, aligns them and
returns one Pair per bead (an unpaired sentence gives a Pair with an empty side and score 0); a subtitle
document's cues are paired by time instead (`subtitles.py`).
``align_sentences(zh, en)`` aligns sentences that are already split, for evaluation and tests.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence

from deckbuilder.align.dp import WIDEST, Options, align_features, usable_paragraphs
from deckbuilder.align.split import split_en, split_zh
from deckbuilder.align.subtitles import align_subtitles
from deckbuilder.cache import Cache
from deckbuilder.chinese import to_simplified
from deckbuilder.lexical import en_features, zh_features
from deckbuilder.models import Bead, Document, Pair

__all__ = ["Options", "align", "align_sentences", "split_document", "split_en", "split_zh"]


def split_document(doc: Document) -> tuple[list[str], list[str], list[int], list[int]]:
    """(zh sentences, en sentences, source line of each zh sentence, of each en sentence)."""
    zh: list[str] = []
    zh_lines: list[int] = []
    for k, para in enumerate(doc.zh):
        for s in split_zh(para):
            zh.append(s)
            zh_lines.append(doc.zh_lines[k] if k < len(doc.zh_lines) else 0)
    en: list[str] = []
    en_lines: list[int] = []
    for k, para in enumerate(doc.en):
        for s in split_en(para):
            en.append(s)
            en_lines.append(doc.en_lines[k] if k < len(doc.en_lines) else 0)
    return zh, en, zh_lines, en_lines


def align_sentences(
    zh: Sequence[str],
    en: Sequence[str],
    options: Options | None = None,
    zh_paras: Sequence[int] | None = None,
    en_paras: Sequence[int] | None = None,
    embed: bool = False,
    store: Cache | None = None,
) -> list[Bead]:
    """Beads over already split sentences: every index used exactly once, both sides in order.

    `zh_paras`/`en_paras` (optional) number each sentence's paragraph; beads rarely cross paragraphs.
    With `embed`, a sentence encoder's cosine is blended into bead scores (vectors cached in `store`).
    """
    convert = to_simplified
    simplified = [convert(s) for s in zh]
    zf = [zh_features(s) for s in simplified]
    spans = None
    if embed and zh and en:
        from deckbuilder.align import embed as encoder  # numpy and the encoder load only here

        with contextlib.ExitStack() as stack:
            store = store if store is not None else stack.enter_context(Cache())
            spans = encoder.Spans(encoder.vectors(simplified, store), encoder.vectors(en, store), WIDEST)
    return align_features(zf, [en_features(s) for s in en], options, zh_paras, en_paras, spans)


def paragraph_ids(lines: Sequence[int]) -> Sequence[int]:
    """Each sentence's paragraph, from the line each was read from: the line itself, or in a file of one
    sentence a line (where lines say nothing), the run of lines between blank lines.

    >>> paragraph_ids([1, 1, 2, 4, 4]), paragraph_ids([1, 2, 3, 5, 6, 8])
    ([1, 1, 2, 4, 4], [0, 0, 0, 1, 1, 2])
    """
    if usable_paragraphs(lines, len(lines)) is not None:
        return lines
    ids = []
    block = 0
    for k, line in enumerate(lines):
        block += k > 0 and line > lines[k - 1] + 1  # a gap: blank lines (or a paragraph joined from several)
        ids.append(block)
    return ids


def align(
    doc: Document, options: Options | None = None, embed: bool = False, store: Cache | None = None
) -> list[Pair]:
    """One Pair per bead of the document, in reading order; ``Pair.zh`` is simplified."""
    if doc.zh_times or doc.en_times:  # subtitles: cues paired by time
        return align_subtitles(doc)
    zh, en, zh_lines, en_lines = split_document(doc)
    convert = to_simplified
    pairs = []
    zh_paras, en_paras = paragraph_ids(zh_lines), paragraph_ids(en_lines)
    for bead in align_sentences(zh, en, options, zh_paras, en_paras, embed, store):
        original = "".join(zh[i] for i in bead.zh)
        line = zh_lines[bead.zh[0]] if bead.zh else en_lines[bead.en[0]]
        pairs.append(
            Pair(
                zh=convert(original),
                en=" ".join(en[j] for j in bead.en),
                source=f"{doc.name}:{line}",
                zh_original=original,
                score=bead.score,
            )
        )
    return pairs
