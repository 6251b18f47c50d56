"""A file → its input format, from its extension, else from its first lines (unless the caller forces one).

Formats:
  ``tsv``, ``csv``  two text columns, or Tatoeba ``id<TAB>zh<TAB>id<TAB>en``, or ``en<TAB>zh<TAB>attribution``
  ``jsonl``         one ``{"zh": …, "en": …}`` object a line
  ``tmx``           TMX 1.4 translation units with zh* and en* variants
  ``text``          one file of interleaved English and Chinese blocks, or a Chinese and an English file

The decision worth knowing: the extension wins; without a known one, a file is TSV when at least 80% of its
first non-blank lines hold a tab after stripping (so tab-indented prose stays text).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from deckbuilder.errors import OptionError
from deckbuilder.ingest import encoding

FORMATS = ("text", "tsv", "csv", "jsonl", "tmx")
PAIR_FORMATS = ("tsv", "csv", "jsonl", "tmx")


def sniff(path: Path) -> str:
    """The format name of `path` (one of FORMATS), from its extension, else from its first lines."""
    path = Path(path)
    ext = path.suffix.lower()
    by_ext = {".tmx": "tmx", ".jsonl": "jsonl", ".ndjson": "jsonl", ".tsv": "tsv", ".csv": "csv"}
    sample = encoding.read_sample(path)
    codec = encoding.detect(path, sample)
    if ext in by_ext:
        return by_ext[ext]
    head = sample.decode(codec, errors="ignore").lstrip("\ufeff")
    rows = [line for line in head.splitlines()[:50] if line.strip()]
    first = rows[0].lstrip() if rows else ""
    if first.startswith(("<?xml", "<tmx")):
        return "tmx"
    if first.startswith("{"):
        return "jsonl"
    if rows and sum("\t" in r.strip() for r in rows) >= 0.8 * len(rows):  # not tab-indented prose
        return "tsv"
    return "text"


def check_format(fmt: str | None, path: Path) -> str:
    """The format to read `path` as: `fmt` when given (OptionError when unknown), else the sniffed one."""
    if fmt is None:
        return sniff(path)
    if fmt not in FORMATS:
        raise OptionError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return fmt


def check_inputs(paths: Sequence[Path]) -> None:
    """InputError for the first input that is missing, a directory, unreadable, empty or not text.

    Cheap (the first 64 KiB of each file): the pipeline calls it before any work.
    """
    for path in (Path(p) for p in paths):
        encoding.detect(path, encoding.read_sample(path))
