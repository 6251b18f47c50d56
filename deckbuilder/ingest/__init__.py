"""Ingest stage: files → Pair streams (pre-aligned input) or documents to align.

`sniff.py` names a file's format, `pairs.py` reads the pre-aligned ones (handing Tatoeba-layout TSV to
`tatoeba.py`), `documents.py` the plain text that still needs aligning, and `inputs.read_inputs` dispatches
a list of files between them. `builtin.py` reads the built-in corpora, `known.py` a learner's known words.
"""

from deckbuilder.ingest.builtin import BUILTIN, read_builtin
from deckbuilder.ingest.documents import read_document
from deckbuilder.ingest.hsk_sentences import read_hsk_sentences
from deckbuilder.ingest.inputs import read_inputs
from deckbuilder.ingest.known import read_known
from deckbuilder.ingest.pairs import read_pairs
from deckbuilder.ingest.sniff import InputFormat, check_inputs, sniff

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
    "sniff",
]
