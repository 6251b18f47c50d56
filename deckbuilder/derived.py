"""Tables derived from the installed data packages, kept as binary files so that a start reads them.

Parsing CC-CEDICT, deriving the segmenter's removed and split words and the phrase rules' verdicts take
seconds; reading their result back takes milliseconds. `stored(name, key, derive)` returns the value
kept under `key` or derives it once and keeps it: `<cache dir>/resources/<name>-<key>.marshal`.

The key names everything the value derives from (`key_of`: the data packages' versions, the deriving
code's source, a layout number), so an upgrade or a code change gives a new file and a stale one is never
read. Values are plain data (str, int, tuple, list, dict, frozenset) in `marshal`'s format, written to a
temporary file and renamed, so a half-written file is never read either. Processes sharing the folder
derive a value one at a time, taking turns on an empty `<name>.lock` beside it. A folder that cannot be
written, or a file that cannot be read, costs only the time to derive again. The sentence cache
(`cache.py`) is separate: clearing it, or building with a fresh one, keeps these files.
"""

from __future__ import annotations

import array
import contextlib
import hashlib
import importlib.metadata
import marshal
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TypeVar

from deckbuilder import __version__

T = TypeVar("T")
V = TypeVar("V", str, int)
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
    """The value kept for (`name`, `key`), or `derive()` kept now. Processes sharing the folder derive a
    value one at a time (`_one_at_a_time`): the workers of a first build on a local Dask cluster, and the
    build itself, would otherwise each derive the same tables at once."""
    path = directory() / f"{name}-{key}{_SUFFIX}"
    found = _read(path)
    if found is not _NONE:
        return found  # type: ignore[return-value]
    with _one_at_a_time(path.parent / f"{name}.lock"):
        found = _read(path)  # kept by another process while this one waited
        if found is not _NONE:
            return found  # type: ignore[return-value]
        value = derive()
        with contextlib.suppress(OSError, ValueError):
            _write(path, marshal.dumps(value))
            kept = sorted(
                path.parent.glob(f"{name}-*{_SUFFIX}"), key=lambda p: p.stat().st_mtime_ns, reverse=True
            )
            for old in kept[KEEP:]:  # tables of other versions: an upgrade leaves no growing folder behind
                old.unlink(missing_ok=True)
    return value


_NONE = object()  # no value kept (or none that could be read)


def _read(path: Path) -> object:
    with contextlib.suppress(OSError, EOFError, ValueError, TypeError):
        return marshal.loads(path.read_bytes())
    return _NONE


@contextlib.contextmanager
def _one_at_a_time(lock: Path) -> Iterator[None]:
    """Hold `lock` (an advisory lock on a file, released when the process ends, however it ends), or,
    where the folder cannot be written or the system has no such locks, go on without it: two processes
    then only derive the same value twice."""
    try:
        import fcntl

        lock.parent.mkdir(parents=True, exist_ok=True)
        handle = lock.open("a")
    except (ImportError, OSError):
        yield
        return
    with handle:
        with contextlib.suppress(OSError):
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield


# Separates the keys of a `stored_table`; no key may hold it.
_SEP = "\x00"


def stored_table(name: str, key: str, derive: Callable[[], Mapping[str, V]]) -> dict[str, V]:
    """`stored` for a large str → str (or str → int) table: its keys joined into one string, its values
    joined too (or packed as 64-bit integers). marshal reads one long string several times faster than
    half a million short ones (jieba's dictionary: 0.13 s, not 0.45 s). Returns a new dict each call."""

    def packed() -> tuple[str, str | bytes]:
        table = derive()
        keys, values = _SEP.join(table), list(table.values())
        if not table or keys.count(_SEP) != len(table) - 1:  # a programming error, not a damaged file
            raise ValueError(f"{name}: empty, or a key holds {_SEP!r}")
        if all(isinstance(v, str) for v in values):
            joined = _SEP.join(values)  # type: ignore[arg-type]
            if joined.count(_SEP) != len(values) - 1:
                raise ValueError(f"{name}: a value holds {_SEP!r}")
            return keys, joined
        return keys, array.array("q", values).tobytes()

    keys, values = stored(name, key, packed)
    with contextlib.suppress(ValueError, TypeError):  # a damaged file: derive again, as `stored` does
        split = keys.split(_SEP)
        if isinstance(values, str):
            return dict(zip(split, values.split(_SEP), strict=True))  # type: ignore[arg-type]
        return dict(zip(split, array.array("q", values), strict=True))  # type: ignore[arg-type]
    return dict(derive())


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
