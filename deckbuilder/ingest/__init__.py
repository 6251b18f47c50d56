"""Ingest stage: files → Pair streams (pre-aligned input) or documents to align.

Built-in corpora: Tatoeba's Chinese-English pairs as shipped by the `hsg` package (`tatoeba.py`) and the
learner sentences of the `hsk-sentences-audio` package (`hsk_sentences.py`).
"""

from collections.abc import Iterator

from deckbuilder.errors import OptionError
from deckbuilder.ingest.hsk_sentences import read_hsk_sentences
from deckbuilder.ingest.known import read_known
from deckbuilder.ingest.tatoeba import read_tatoeba, read_tatoeba_builtin
from deckbuilder.models import Pair

# The built-in corpora, by the name `--builtin` uses. Each is read in place from the package that ships it.
BUILTIN = {
    "tatoeba": read_tatoeba_builtin,
    "hsk-sentences": read_hsk_sentences,
}


def read_builtin(names: tuple[str, ...] = tuple(BUILTIN)) -> Iterator[Pair]:
    """Pairs of the named built-in corpora, one after the other (all of them by default)."""
    for name in names:
        if name not in BUILTIN:
            raise OptionError(f"unknown built-in corpus {name!r}; valid values: {', '.join(BUILTIN)}")
    for name in names:
        yield from BUILTIN[name]()


__all__ = ["BUILTIN", "read_builtin", "read_hsk_sentences", "read_known", "read_tatoeba"]
