"""Corpus names (`--builtin`) → Pairs of the built-in corpora, read in place from the packages shipping them.

`tatoeba`: Tatoeba's Chinese-English pairs as shipped by the `hsg` package (CC BY 2.0 FR), read through the
TSV reader like any Tatoeba-layout file (`tatoeba.py` owns the layout). `hsk-sentences`: the learner
sentences of the `hsk-sentences-audio` package (`hsk_sentences.py`).

Both are read once per installation and kept as a table (`derived`: keyed by the packages' versions, the
corpus file's size and time and the reading code), since every new corpus builds them in: reading the table
back takes 0.1 s, parsing and converting to simplified characters 0.4 s.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from deckbuilder.errors import InputError, OptionError
from deckbuilder.models import Origin, Pair, Skipped
from deckbuilder.resources import hsk_sentences_path, tatoeba_path


def read_tatoeba_builtin() -> Iterator[Pair]:
    """The Tatoeba pairs of the `hsg` package; a malformed row is an InputError naming it (no `Skipped`:
    the data ships with the installation, so a bad row means a broken one)."""
    from deckbuilder.ingest.pairs import read_pairs  # the readers load when a corpus is read
    from deckbuilder.ingest.sniff import InputFormat

    for item in read_pairs(tatoeba_path(), InputFormat.tsv):
        if isinstance(item, Skipped):
            raise InputError(item.reason, item.path, item.line)
        yield item


def read_hsk_sentences_builtin() -> Iterator[Pair]:
    """The learner sentences of the `hsk-sentences-audio` package."""
    from deckbuilder.ingest.hsk_sentences import read_hsk_sentences

    return read_hsk_sentences()


# The built-in corpora, by the name `--builtin` uses.
BUILTIN: dict[str, Callable[[], Iterator[Pair]]] = {
    "tatoeba": read_tatoeba_builtin,
    "hsk-sentences": read_hsk_sentences_builtin,
}


def check_builtin(names: tuple[str, ...]) -> tuple[str, ...]:
    """`names` when each is a built-in corpus and there is at least one; OptionError otherwise."""
    unknown = [n for n in names if n not in BUILTIN]
    if unknown or not names:
        what = f"unknown built-in corpus {unknown[0]!r}" if unknown else "no built-in corpus given"
        raise OptionError(f"{what}; valid values: {', '.join(BUILTIN)}", option="--builtin")
    return names


# Where each corpus lives and the packages that ship or convert it (part of the kept table's key).
_SOURCES: dict[str, tuple[Callable[[], Path], tuple[str, ...]]] = {
    "tatoeba": (tatoeba_path, ("hsg", "opencc")),
    "hsk-sentences": (hsk_sentences_path, ("hsk-sentences-audio", "opencc")),
}
_LAYOUT = "1"  # bump when the rows below change shape
Row = tuple[str, str, str, str, float, str]  # zh, en, source, zh_original, score, origin


def read_builtin(names: tuple[str, ...] = tuple(BUILTIN)) -> Iterator[Pair]:
    """Pairs of the named built-in corpora, one after the other (all of them by default), marked `builtin`."""
    check_builtin(names)
    origins = {o.value: o for o in Origin}
    for name in names:
        for zh, en, source, original, score, origin in _rows(name):
            yield Pair(zh, en, source, original, score, True, origins[origin])


def _rows(name: str) -> list[Row]:
    """The corpus's pairs as kept (`derived`), read from the corpus when not kept yet."""
    from deckbuilder import derived  # imported here: `deckbuild --help` never needs it

    path, packages = _SOURCES[name]
    stat = path().stat()
    here = Path(__file__).resolve().parent
    code = [
        *sorted(here.glob("*.py")),
        *(here.parent / f"{m}.py" for m in ("chinese", "models", "resources")),
    ]
    key = derived.key_of(
        "builtin", name, _LAYOUT, str(stat.st_size), str(stat.st_mtime_ns), packages=packages, sources=code
    )

    def derive() -> list[Row]:
        return [(p.zh, p.en, p.source, p.zh_original, p.score, p.origin.value) for p in BUILTIN[name]()]

    return derived.stored(f"builtin-{name}", key, derive)
