"""Ingest stage: files → Pair streams (pre-aligned input) or documents to align.

`sniff.py` names a file's format, `pairs.py` reads the pre-aligned ones, `documents.py` the plain text that
still needs aligning, and `inputs.read_inputs` dispatches a list of files between them.

Built-in corpora: Tatoeba's Chinese-English pairs as shipped by the `hsg` package (`tatoeba.py`) and the
learner sentences of the `hsk-sentences-audio` package (`hsk_sentences.py`).
"""

from collections.abc import Iterator

from deckbuilder.errors import OptionError
from deckbuilder.ingest.documents import read_document
from deckbuilder.ingest.hsk_sentences import read_hsk_sentences
from deckbuilder.ingest.inputs import read_inputs
from deckbuilder.ingest.known import read_known
from deckbuilder.ingest.pairs import read_pairs
from deckbuilder.ingest.sniff import InputFormat, check_inputs, sniff
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


__all__ = [
    "BUILTIN",
    "InputFormat",
    "check_inputs",
    "read_builtin",
    "read_document",
    "read_hsk_sentences",
    "read_inputs",
    "read_known",
    "read_pairs",
    "read_tatoeba",
    "sniff",
]
