"""Corpus names (`--builtin`) → Pairs of the built-in corpora, read in place from the packages shipping them.

`tatoeba`: Tatoeba's Chinese-English pairs as shipped by the `hsg` package (CC BY 2.0 FR), read through the
TSV reader like any Tatoeba-layout file (`tatoeba.py` owns the layout). `hsk-sentences`: the learner
sentences of the `hsk-sentences-audio` package (`hsk_sentences.py`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

from deckbuilder.errors import InputError, OptionError
from deckbuilder.models import Pair, Skipped
from deckbuilder.resources import tatoeba_path


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


def read_builtin(names: tuple[str, ...] = tuple(BUILTIN)) -> Iterator[Pair]:
    """Pairs of the named built-in corpora, one after the other (all of them by default), marked `builtin`."""
    check_builtin(names)
    for name in names:
        for pair in BUILTIN[name]():
            yield replace(pair, builtin=True)
