"""A file → its input format, from its extension, else from its first lines (unless the caller forces one).

Formats:
  ``tsv``, ``csv``  two text columns, or Tatoeba ``id<TAB>zh<TAB>id<TAB>en``, or ``en<TAB>zh<TAB>attribution``
  ``jsonl``         one ``{"zh": …, "en": …}`` object a line
  ``tmx``           TMX 1.4 translation units with zh* and en* variants
  ``text``          one file of interleaved English and Chinese blocks, or a Chinese and an English file
  ``srt``, ``vtt``  subtitles (SubRip, WebVTT): a Chinese and an English file, or one with both per cue
  ``moses``         a Chinese and an English file of as many lines, paired line by line (OPUS ``X.en-zh.zh``);
                    never sniffed from one file: `inputs.py` recognises the pair (see `moses.py`)

Any of them may be compressed (``.gz``, ``.bz2``, ``.xz``): the inner name and the decompressed text decide.

The decision worth knowing: the extension wins; without a known one, a file is TSV when at least 80% of its
first non-blank lines hold a tab after stripping (so tab-indented prose stays text).
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path

from deckbuilder.errors import OptionError
from deckbuilder.ingest import encoding, streams


class InputFormat(StrEnum):
    """How an input file is read; `text`, `srt` and `vtt` are aligned, the rest pre-aligned (see the module
    docstring)."""

    text = "text"
    tsv = "tsv"
    csv = "csv"
    jsonl = "jsonl"
    tmx = "tmx"
    srt = "srt"
    vtt = "vtt"
    moses = "moses"


def sniff(path: Path) -> InputFormat:
    """The format of `path`, from its extension, else from its first lines."""
    path = Path(path)
    ext = streams.inner(path).suffix.lower()  # corpus.tsv.gz is TSV
    by_ext = {
        ".tmx": InputFormat.tmx,
        ".jsonl": InputFormat.jsonl,
        ".ndjson": InputFormat.jsonl,
        ".tsv": InputFormat.tsv,
        ".csv": InputFormat.csv,
        ".srt": InputFormat.srt,
        ".vtt": InputFormat.vtt,
    }
    sample = encoding.read_sample(path)
    codec = encoding.detect(path, sample)
    if ext in by_ext:
        return by_ext[ext]
    head = sample.decode(codec, errors="ignore").lstrip("\ufeff")
    rows = [line for line in head.splitlines()[:50] if line.strip()]
    first = rows[0].lstrip() if rows else ""
    if first.startswith(("<?xml", "<tmx")):
        return InputFormat.tmx
    if first.startswith("{"):
        return InputFormat.jsonl
    if first.startswith("WEBVTT"):
        return InputFormat.vtt
    if rows and sum("\t" in r.strip() for r in rows) >= 0.8 * len(rows):  # not tab-indented prose
        return InputFormat.tsv
    return InputFormat.text


def check_format(fmt: InputFormat | None, path: Path) -> InputFormat:
    """The format to read `path` as: `fmt` when given (OptionError when unknown), else the sniffed one.

    A plain string naming a format is accepted too (a StrEnum member equals its value).
    """
    if fmt is None:
        return sniff(path)
    try:
        return InputFormat(fmt)
    except ValueError:
        message = f"unknown format {fmt!r}; choose one of {', '.join(InputFormat)}"
        raise OptionError(message, option="--input-format") from None


def check_inputs(paths: Sequence[Path]) -> None:
    """InputError for the first input that is missing, a directory, unreadable, empty or not text.

    Cheap (the first 64 KiB of each file): the pipeline calls it before any work.
    """
    for path in (Path(p) for p in paths):
        encoding.detect(path, encoding.read_sample(path))
