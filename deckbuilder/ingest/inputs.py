"""Input files, in order → Pairs (pre-aligned formats), Documents (plain text to align) and Skipped rows.

The decision worth knowing: plain-text files holding one language each are paired in order of appearance,
the first Chinese file with the first English one; such a pair is read line by line when it is a Moses pair
(`moses.is_pair`: as many lines, line-aligned), else aligned as a document. A file holding both languages
is a document on its own.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from deckbuilder.errors import InputError
from deckbuilder.ingest import moses
from deckbuilder.ingest.documents import language, read_document
from deckbuilder.ingest.pairs import read_pairs
from deckbuilder.ingest.sniff import InputFormat, check_format
from deckbuilder.ingest.subtitles import read_subtitles
from deckbuilder.models import Document, Pair, Skipped

_FORCED_SAMPLE = 1000  # lines a file given as `--input-format moses` is judged Chinese or English by


def read_inputs(
    paths: Sequence[Path], fmt: InputFormat | None = None, strict: bool = False
) -> Iterator[Pair | Document | Skipped]:
    """Every input in order: pre-aligned files as Pairs, plain text as Documents still to align, and the
    malformed rows left out as `Skipped` (InputError instead when `strict`).

    A plain-text file holding both languages is one interleaved document (or several); files holding one
    language are paired in order of appearance, the first Chinese file with the first English one, and read
    line by line when they are a Moses pair (always with ``fmt=moses``).
    """
    waiting: dict[str, list[tuple[Path, moses.Profile | None]]] = {"zh": [], "en": []}
    subtitles: list[Path] = []  # paired among themselves (by script), after the other inputs
    for path in (Path(p) for p in paths):
        found = check_format(fmt, path)
        if found in (InputFormat.srt, InputFormat.vtt):
            subtitles.append(path)
            continue
        if found not in (InputFormat.text, InputFormat.moses):
            yield from read_pairs(path, found, strict)
            continue
        if found is InputFormat.moses:  # forced: no need to read it all to know its side
            profile = None
            lang = "zh" if moses.profile(path, _FORCED_SAMPLE).share >= 0.5 else "en"
        else:
            profile = moses.profile(path)  # one streaming pass; a mixed file is judged by its paragraphs
            lang = profile.language or language(path)
        if lang == "both":
            yield from read_document([path], InputFormat.text)
            continue
        waiting[lang].append((path, profile))
        if waiting["zh"] and waiting["en"]:
            (zh, zh_profile), (en, en_profile) = waiting["zh"].pop(0), waiting["en"].pop(0)
            if zh_profile is None or en_profile is None or moses.is_pair(zh, en, zh_profile, en_profile):
                yield from moses.read_moses(zh, en)
            else:
                yield from read_document([zh, en], InputFormat.text)
    yield from read_subtitles(subtitles)
    for lang, other in (("zh", "English"), ("en", "Chinese")):
        if waiting[lang]:
            raise InputError(f"no {other} file to pair with this one-language file", str(waiting[lang][0][0]))
