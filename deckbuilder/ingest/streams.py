"""A path → a binary stream of its bytes, decompressed as read when it is a ``.gz``, ``.bz2`` or ``.xz`` file.

Every reader opens its input here (through `encoding`), so every format can come compressed: the format is
then the inner name's (``corpus.tsv.gz`` is TSV), and the text is sniffed on the decompressed prefix.

The decision worth knowing: the compression is named by the extension, else by the file's magic bytes (a
compressed file saved without its extension still reads); a file that fails to decompress is an InputError
naming it, whether its first bytes are bad or its end is missing.
"""

from __future__ import annotations

import bz2
import gzip
import lzma
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

_OPENERS: dict[str, tuple[str, Callable[..., Any]]] = {
    ".gz": ("gzip", gzip.open),
    ".bz2": ("bzip2", bz2.open),
    ".xz": ("xz", lzma.open),
}
_MAGIC = ((b"\x1f\x8b", ".gz"), (b"BZh", ".bz2"), (b"\xfd7zXZ\x00", ".xz"))
# What the decompressors raise on bad or truncated data (OSError covers gzip.BadGzipFile and bz2's errors).
CORRUPT = (OSError, EOFError, lzma.LZMAError, zlib.error)


def compression(path: Path) -> str:
    """``.gz``, ``.bz2``, ``.xz`` or "" (not compressed): by extension, else by magic bytes."""
    suffix = path.suffix.lower()
    if suffix in _OPENERS:
        return suffix
    try:
        with path.open("rb") as fh:
            head = fh.read(6)
    except OSError:
        return ""  # the reader reports it
    return next((ext for magic, ext in _MAGIC if head.startswith(magic)), "")


def inner(path: Path) -> Path:
    """The name the format is judged by: `corpus.tsv.gz` → `corpus.tsv`; an uncompressed path as is."""
    return path.with_suffix("") if path.suffix.lower() in _OPENERS else path


def open_binary(path: Path) -> BinaryIO:
    """The file's bytes, decompressed as they are read (OSError when it cannot be opened)."""
    ext = compression(path)
    stream: BinaryIO = _OPENERS[ext][1](path, "rb") if ext else path.open("rb")
    return stream


def corrupt(path: Path, exc: BaseException) -> str:
    """The message for a compressed file that fails to decompress (`exc` as raised by the decompressor)."""
    what = _OPENERS[compression(path) or ".gz"][0]
    detail = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return f"corrupt or truncated {what} file ({detail}); check the download"
