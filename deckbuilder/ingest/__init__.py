"""Ingest stage: files → Pair streams (pre-aligned input) or documents to align.

The built-in corpus is Tatoeba's Chinese-English pairs as shipped by the `hsg` package (`tatoeba.py`).
"""

from deckbuilder.ingest.tatoeba import read_builtin, read_tatoeba

__all__ = ["read_builtin", "read_tatoeba"]
