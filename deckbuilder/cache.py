"""A content-keyed cache of per-sentence work (SQLite in the user's cache directory).

Keys are hashes of the sentence text together with everything that shapes the result (the segmenter's
dictionary state, the annotation code's version, deckbuilder's version), so a stale entry is never read:
a change gives new keys and old rows are simply not asked for. `clear()` empties it.

Location: `$DECKBUILDER_CACHE_DIR`, else `$XDG_CACHE_HOME/deckbuilder`, else `~/.cache/deckbuilder`.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from deckbuilder import __version__

TABLES = ("enrich",)  # the pipeline's tables, made up front; others are made on first use
# Tables earlier versions wrote that nothing reads now (grading's segmentation): dropped when a cache that
# has one is opened, and the file compacted once, so an upgrade leaves no dead rows behind.
RETIRED = ("segment",)
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_BATCH = 900  # SQLite's default limit on host parameters is 999


def cache_dir() -> Path:
    env = os.environ.get("DECKBUILDER_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "deckbuilder"


def key(namespace: str, text: str) -> bytes:
    """16-byte key for `text` under `namespace` (which names every input that shapes the value)."""
    return hashlib.blake2b(f"{__version__}\x1f{namespace}\x1f{text}".encode(), digest_size=16).digest()


@dataclass(frozen=True, slots=True)
class Info:
    """What `deckbuild cache info` prints."""

    path: str
    size_bytes: int
    rows: dict[str, int]
    derived: tuple[int, int] = (0, 0)  # derived tables (`derived.py`): how many, bytes

    def lines(self) -> list[str]:
        out = [f"Path:      {self.path}", f"Size:      {self.size_bytes / 1e6:.1f} MB"]
        out.extend(f"{table + ':':<10} {rows:,} sentences" for table, rows in self.rows.items())
        tables, size = self.derived
        out.append(f"Derived:   {tables} dictionary tables, {size / 1e6:.1f} MB")
        return out


class Cache:
    """Get and put string values by key, in batches. A cache that cannot be opened behaves as empty."""

    def __init__(self, path: Path | None = None, enabled: bool = True) -> None:
        self.path = path or cache_dir() / "cache.sqlite"
        self._con: sqlite3.Connection | None = None
        self._tables: set[str] = set()
        if enabled:
            with contextlib.suppress(OSError, sqlite3.Error):
                self.path.parent.mkdir(parents=True, exist_ok=True)
                con = sqlite3.connect(self.path, timeout=10)
                con.execute("pragma journal_mode=wal")
                con.execute("pragma synchronous=off")  # a cache: a crash costs recomputation, not data
                con.execute("pragma cache_size=-65536")
                self._con = con
                for table in TABLES:
                    self._table(table)
            if self._con is not None:
                with contextlib.suppress(sqlite3.Error):  # another build holding the cache: next time
                    _retire(self._con)

    @property
    def enabled(self) -> bool:
        return self._con is not None

    def _table(self, name: str) -> str:
        """`name`, its table created if this cache has not made it yet (names are plain identifiers)."""
        if name not in self._tables and self._con is not None:
            if not _NAME.match(name):
                raise ValueError(f"not a cache table name: {name!r}")
            self._con.execute(f"create table if not exists {name} (k blob primary key, v text) without rowid")
            self._tables.add(name)
        return name

    def get_many(self, table: str, keys: Sequence[bytes]) -> dict[bytes, str]:
        if self._con is None or not keys:
            return {}
        found: dict[bytes, str] = {}
        try:
            table = self._table(table)
            for start in range(0, len(keys), _BATCH):
                batch = keys[start : start + _BATCH]
                marks = ",".join("?" * len(batch))
                found.update(self._con.execute(f"select k, v from {table} where k in ({marks})", batch))
        except sqlite3.Error:
            return found  # a damaged or locked cache only costs time
        return found

    def put_many(self, table: str, items: Iterable[tuple[bytes, str]]) -> None:
        if self._con is None:
            return
        with contextlib.suppress(sqlite3.Error), self._con:
            table = self._table(table)
            self._con.executemany(f"insert or replace into {table} (k, v) values (?, ?)", items)

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    def __enter__(self) -> Cache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _retire(con: sqlite3.Connection) -> None:
    """Drop the RETIRED tables `con` has and give their space back (once: later opens find none)."""
    marks = ",".join("?" * len(RETIRED))
    query = f"select name from sqlite_master where type = 'table' and name in ({marks})"
    found = [row[0] for row in con.execute(query, RETIRED)]
    if not found:
        return
    with con:
        for name in found:
            con.execute(f"drop table if exists {name}")
    con.execute("vacuum")


def info(path: Path | None = None) -> Info:
    path = path or cache_dir() / "cache.sqlite"
    rows: dict[str, int] = {}
    size = sum(p.stat().st_size for p in path.parent.glob(path.name + "*")) if path.exists() else 0
    if path.exists():
        con = sqlite3.connect(path)
        try:
            for table in TABLES:
                with contextlib.suppress(sqlite3.Error):
                    rows[table] = con.execute(f"select count(*) from {table}").fetchone()[0]
        finally:
            con.close()
    from deckbuilder import derived

    return Info(str(path), size, rows, derived.footprint(path.parent))


def clear(path: Path | None = None) -> int:
    """Delete the cache files (and, for the default cache, the derived tables beside it: `derived`);
    returns the bytes freed."""
    freed = 0
    if path is None:
        from deckbuilder import derived

        freed += derived.clear()
    path = path or cache_dir() / "cache.sqlite"
    for p in list(path.parent.glob(path.name + "*")) if path.parent.exists() else []:
        freed += p.stat().st_size
        p.unlink()
    return freed
