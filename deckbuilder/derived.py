"""Tables derived from the installed data packages, kept as binary files so that a start reads them.

Parsing CC-CEDICT, deriving the segmenter's removed and split words and the phrase rules' verdicts take
seconds; reading their result back takes milliseconds. `stored(name, key, derive)` returns the value
kept under `key` or derives it once and keeps it: `<cache dir>/resources/<name>-<key>.marshal`.

The key names everything the value derives from (`key_of`: the data packages' versions, the deriving
code's source, a layout number), so an upgrade or a code change gives a new file and a stale one is never
read. Values are plain data (str, int, tuple, list, dict, frozenset) in `marshal`'s format, written to a
temporary file and renamed, so a half-written file is never read either. A folder that cannot be
written, or a file that cannot be read, costs only the time to derive again. The sentence cache
(`cache.py`) is separate: clearing it, or building with a fresh one, keeps these files.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import marshal
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from deckbuilder import __version__

T = TypeVar("T")
_SUFFIX = ".marshal"
KEEP = 2  # tables kept per name (two installations sharing a cache folder each keep theirs)


def directory(cache_folder: Path | None = None) -> Path:
    """Where the tables are kept: `resources/` in the cache folder (`cache.cache_dir()` by default)."""
    from deckbuilder.cache import cache_dir

    return (cache_folder or cache_dir()) / "resources"


def footprint(cache_folder: Path | None = None) -> tuple[int, int]:
    """(tables kept, their bytes)."""
    folder = directory(cache_folder)
    sizes = [p.stat().st_size for p in folder.glob(f"*{_SUFFIX}")] if folder.is_dir() else []
    return len(sizes), sum(sizes)


def key_of(*parts: str, packages: Iterable[str] = (), sources: Iterable[Path] = ()) -> str:
    """A key for a derived value: `parts` (a layout name and number), the installed versions of
    `packages` and the bytes of `sources` (the code that derives it)."""
    h = hashlib.blake2b(digest_size=12)
    for part in (__version__, *parts, *(importlib.metadata.version(p) for p in packages)):
        h.update(part.encode() + b"\x1f")
    for source in sources:
        h.update(source.read_bytes())
    return h.hexdigest()


def stored(name: str, key: str, derive: Callable[[], T]) -> T:
    """The value kept for (`name`, `key`), or `derive()` kept now."""
    path = directory() / f"{name}-{key}{_SUFFIX}"
    with contextlib.suppress(OSError, EOFError, ValueError, TypeError):
        return marshal.loads(path.read_bytes())  # type: ignore[no-any-return]
    value = derive()
    with contextlib.suppress(OSError, ValueError):
        _write(path, marshal.dumps(value))
        kept = sorted(
            path.parent.glob(f"{name}-*{_SUFFIX}"), key=lambda p: p.stat().st_mtime_ns, reverse=True
        )
        for old in kept[KEEP:]:  # tables of other versions: an upgrade leaves no growing folder behind
            old.unlink(missing_ok=True)
    return value


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def clear() -> int:
    """Delete every kept table; returns the bytes freed."""
    freed = 0
    folder = directory()
    for path in folder.glob(f"*{_SUFFIX}") if folder.is_dir() else ():
        with contextlib.suppress(OSError):
            freed += path.stat().st_size
            path.unlink()
    return freed
