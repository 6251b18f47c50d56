"""The collection inside an Anki file, read with zipfile and sqlite3 only (no Anki needed).

Handles .apkg/.colpkg packages (the `collection.anki2`/`.anki21` that genanki and Anki's "support older
versions" export write) and bare `.anki2`/`.anki21` collections. A newer export's zstd-compressed
`collection.anki21b` is read only where the caller allows it and the `zstandard` package is installed;
otherwise it is a clear InputError, never misread.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

from deckbuilder.errors import InputError

COLLECTION_SUFFIXES = (".anki2", ".anki21")
EXPORT_AGAIN = "export it again with 'Support older Anki versions' ticked"


def _decompressed(zf: zipfile.ZipFile, path: Path, folder: str) -> Path:
    try:
        import zstandard
    except ImportError:
        raise InputError(
            f"exported by a newer Anki in its compressed format; {EXPORT_AGAIN}, or install 'zstandard'",
            str(path),
        ) from None
    db = Path(folder) / "collection.sqlite"
    try:
        db.write_bytes(zstandard.ZstdDecompressor().decompressobj().decompress(zf.read("collection.anki21b")))
    except zstandard.ZstdError as exc:
        raise InputError(f"unreadable compressed Anki collection ({exc})", str(path)) from exc
    return db


def _extracted(path: Path, folder: str, decompress: bool) -> Path:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if "collection.anki21b" in names:  # its collection.anki2, if any, is a placeholder
                if not decompress:
                    raise InputError(
                        f"exported by a newer Anki in its compressed format; {EXPORT_AGAIN}", str(path)
                    )
                return _decompressed(zf, path, folder)
            inner = next((n for n in ("collection.anki21", "collection.anki2") if n in names), None)
            if inner is None:
                raise InputError("not an Anki package (no collection inside)", str(path))
            zf.extract(inner, folder)
            return Path(folder) / inner
    except zipfile.BadZipFile as exc:
        raise InputError("not an Anki package (not a zip file)", str(path)) from exc


@contextlib.contextmanager
def open_collection(path: Path, *, decompress: bool = False) -> Iterator[sqlite3.Connection]:
    """A read-only connection to the collection in `path`; errors reading it become InputError."""
    path = Path(path)
    with tempfile.TemporaryDirectory() as folder:
        db = path if path.suffix.lower() in COLLECTION_SUFFIXES else _extracted(path, folder, decompress)
        try:
            con = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
        except sqlite3.Error as exc:
            raise InputError(f"unreadable Anki collection ({exc})", str(path)) from exc
        try:
            yield con
        except (sqlite3.Error, KeyError, ValueError, TypeError) as exc:
            raise InputError(f"unreadable Anki collection ({exc})", str(path)) from exc
        finally:
            con.close()


def field_names(con: sqlite3.Connection) -> dict[int, tuple[str, ...]]:
    """Note type ID → its field names in order, from the current schema or the legacy `col.models` JSON."""
    tables = {name for (name,) in con.execute("select name from sqlite_master where type='table'")}
    names: dict[int, list[str]] = {}
    if "fields" in tables:  # current schema: one row per field
        for ntid, name in con.execute("select ntid, name from fields order by ntid, ord"):
            names.setdefault(int(ntid), []).append(str(name))
    else:
        (models,) = con.execute("select models from col").fetchone()
        for mid, model in json.loads(models).items():
            names[int(mid)] = [f["name"] for f in sorted(model["flds"], key=lambda f: f["ord"])]
    return {k: tuple(v) for k, v in names.items()}
