"""Input files, in order → Pairs (pre-aligned formats), Documents (plain text to align) and Skipped rows.

The decision worth knowing: plain-text files holding one language each are paired in order of appearance,
the first Chinese file with the first English one; a file holding both is a document on its own.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from deckbuilder.errors import InputError
from deckbuilder.ingest.documents import language, read_document
from deckbuilder.ingest.pairs import read_pairs
from deckbuilder.ingest.sniff import InputFormat, check_format
from deckbuilder.ingest.subtitles import read_subtitles
from deckbuilder.models import Document, Pair, Skipped


def read_inputs(
    paths: Sequence[Path], fmt: InputFormat | None = None, strict: bool = False
) -> Iterator[Pair | Document | Skipped]:
    """Every input in order: pre-aligned files as Pairs, plain text as Documents still to align, and the
    malformed rows left out as `Skipped` (InputError instead when `strict`).

    A plain-text file holding both languages is one interleaved document (or several); files holding one
    language are paired in order of appearance, the first Chinese file with the first English one.
    """
    waiting: dict[str, list[Path]] = {"zh": [], "en": []}
    subtitles: list[Path] = []  # paired among themselves (by script), after the other inputs
    for path in (Path(p) for p in paths):
        found = check_format(fmt, path)
        if found in (InputFormat.srt, InputFormat.vtt):
            subtitles.append(path)
            continue
        if found is not InputFormat.text:
            yield from read_pairs(path, found, strict)
            continue
        lang = language(path)
        if lang == "both":
            yield from read_document([path], InputFormat.text)
            continue
        waiting[lang].append(path)
        if waiting["zh"] and waiting["en"]:
            yield from read_document([waiting["zh"].pop(0), waiting["en"].pop(0)], InputFormat.text)
    yield from read_subtitles(subtitles)
    for lang, other in (("zh", "English"), ("en", "Chinese")):
        if waiting[lang]:
            raise InputError(f"no {other} file to pair with this one-language file", str(waiting[lang][0]))
