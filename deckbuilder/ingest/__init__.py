"""Ingest stage: files → Pair streams (pre-aligned input) or documents to align.

`sniff.py` names a file's format, `pairs.py` reads the pre-aligned ones (handing Tatoeba-layout TSV to
`tatoeba.py`), `documents.py` the plain text that still needs aligning, and `inputs.read_inputs` dispatches
a list of files between them. `builtin.py` reads the built-in corpora, `known.py` a learner's known words.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

# Light, and `sniff` is also its module's name: bound here, after the module, so the name is the function.
from deckbuilder.ingest.sniff import InputFormat, check_inputs, sniff

# Public name → the module defining it, loaded on first use: naming a corpus (one of the CLI's choices)
# does not import every reader.
_EXPORTS = {
    "BUILTIN": "builtin",
    "check_builtin": "builtin",
    "read_builtin": "builtin",
    "read_document": "documents",
    "read_hsk_sentences": "hsk_sentences",
    "read_inputs": "inputs",
    "read_known": "known",
    "read_pairs": "pairs",
}
__all__ = [
    "BUILTIN",
    "InputFormat",
    "check_builtin",
    "check_inputs",
    "read_builtin",
    "read_document",
    "read_hsk_sentences",
    "read_inputs",
    "read_known",
    "read_pairs",
    "sniff",
]

if TYPE_CHECKING:
    from deckbuilder.ingest.builtin import BUILTIN, check_builtin, read_builtin
    from deckbuilder.ingest.documents import read_document
    from deckbuilder.ingest.hsk_sentences import read_hsk_sentences
    from deckbuilder.ingest.inputs import read_inputs
    from deckbuilder.ingest.known import read_known
    from deckbuilder.ingest.pairs import read_pairs


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{_EXPORTS[name]}"), name)
    globals()[name] = value
    return value
