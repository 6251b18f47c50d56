"""Optional context model (g2pM, a small BiLSTM whose weights ship in its package) for polyphones that
neither the dictionary nor the rules decide.

Input: the tokens of one sentence and the per-character decisions so far. Output: the same decisions,
with fallback readings of polyphones replaced by the model's prediction (source ``model``). The model
loads once, lazily; without the `g2pM` package installed this layer does nothing.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from deckbuilder.pinyin.syllable import normalize

if TYPE_CHECKING:
    from deckbuilder.pinyin.readings import Slot

# The model replaces fallback readings only. Measured (learner dev tn_char / CPP dev): fallback only
# 99.72% / 96.72% (without the model: the same / 89.5%); also overriding weak rules (rules on fragments
# of unknown jieba tokens) when ≥ 90% sure: 99.38% / 96.79%; also deciding ambiguous dictionary words:
# no change on either. The model is overconfident on learner sentences, so rules stay.
REPLACEABLE = frozenset({"fallback"})
# Weak readings the model is asked to second (for the teacher's review list only; it never changes them).
SECONDED = frozenset({"rule"})
# A model reading is reported as confident (kept out of the teacher's review list) above this probability.
CONFIDENT_SHARE = 0.95


@cache
def _model() -> Any | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from g2pM import G2pM
    except ImportError:
        return None
    return G2pM()


def _sigmoid(x: Any) -> Any:
    import numpy as np

    return 1.0 / (1.0 + np.exp(-x))


def _run(x: Any, w_ih: Any, w_hh: Any, b: Any, steps: range) -> dict[int, Any]:
    """One LSTM direction over `steps` (PyTorch gate order i, f, g, o); hidden state per step."""
    import numpy as np

    gates_x = x @ w_ih.T + b  # input projections for every step at once
    hidden = w_hh.shape[1]
    h = np.zeros(hidden)
    c = np.zeros(hidden)
    w_hh_t = w_hh.T
    out = {}
    for t in steps:
        g = gates_x[t] + h @ w_hh_t
        i, f = _sigmoid(g[:hidden]), _sigmoid(g[hidden : 2 * hidden])
        c = f * c + i * np.tanh(g[2 * hidden : 3 * hidden])
        h = _sigmoid(g[3 * hidden :]) * np.tanh(c)
        out[t] = h
    return out


def _probabilities(m: Any, ids: list[int], targets: list[int]) -> Any:
    """Softmax over g2pM's reading classes at each target position.

    The same BiLSTM + two-layer classifier as g2pM's own `predict`, with the input projections batched
    and each direction run only as far as the targets need (about 3x faster on long sentences).
    """
    import numpy as np

    x = m.embeddings[np.asarray(ids)]
    fw = _run(x, m.weight_ih, m.weight_hh, m.bias_ih + m.bias_hh, range(max(targets) + 1))
    bw = _run(
        x,
        m.weight_ih_reverse,
        m.weight_hh_reverse,
        m.bias_ih_reverse + m.bias_hh_reverse,
        range(len(ids) - 1, min(targets) - 1, -1),
    )
    hidden = np.stack([np.concatenate([fw[t], bw[t]]) for t in targets])
    logits = m.fc_layer(hidden)
    logits = logits - logits.max(axis=1, keepdims=True)
    probs = np.exp(logits)
    return probs / probs.sum(axis=1, keepdims=True)


@cache
def _class_ids(char: str) -> tuple[int, ...]:
    m = _model()
    index = _class_index()
    return tuple(index[p] for p in m.cedict.get(char, ()) if p in index)


@cache
def _class_index() -> dict[str, int]:
    return {pron: idx for idx, pron in _model().idx2class.items()}


def fill(per_token: Sequence[Sequence[Slot]]) -> None:
    """Replace undecided polyphone readings by the model's, in place (one model run per sentence), and
    let the model second weak rules (a rule on a fragment of a token jieba invented is confident when
    the model agrees).

    The model chooses among the character's own readings (the argmax over those classes only). Its
    reading of an undecided polyphone is confident only when it is sure and agrees with the character's
    most common reading: it is overconfident on learner sentences (地 dì, 为 wéi, 长 zhǎng at 99%), so
    where it overrules the common reading, a teacher should look.
    """
    m = _model()
    if m is None:
        return
    chars = [s for slots in per_token for s in slots]
    weak = [s.source in SECONDED and not s.confident for s in chars]
    undecided = [s.source in REPLACEABLE for s in chars]
    for slot, is_weak in zip(chars, weak, strict=True):
        classes = _class_ids(slot.char) if is_weak else ()
        if len(classes) == 1:  # one reading for the model: the rule agrees or it does not
            slot.confident = _same(normalize(m.idx2class[classes[0]]), slot.syllable)
    targets = [i for i, s in enumerate(chars) if (weak[i] or undecided[i]) and len(_class_ids(s.char)) > 1]
    if not targets:
        return
    unk = m.char2idx["<UNK>"]
    ids = [m.char2idx["시"]] + [m.char2idx.get(s.char, unk) for s in chars] + [m.char2idx["끝"]]
    probs = _probabilities(m, ids, [i + 1 for i in targets])
    for i, row in zip(targets, probs, strict=True):
        slot = chars[i]
        classes = _class_ids(slot.char)
        best = max(classes, key=lambda c: row[c])
        share = row[best] / sum(row[c] for c in classes)
        predicted = normalize(m.idx2class[best])
        if weak[i]:
            slot.confident = _same(predicted, slot.syllable)
            continue
        common = slot.syllable  # the fallback: the character's most common reading
        slot.syllable, slot.source = predicted, "model"
        slot.confident = bool(share >= CONFIDENT_SHARE) and _same(predicted, common)


def _same(a: str, b: str) -> bool:
    """Equal, or the same syllable where one side has the neutral tone (the model has few neutral tones)
    or the spoken tone of 一/不 (the model writes yí, bú where readings keep yī, bù)."""
    a, b = _CITATION.get(a, a), _CITATION.get(b, b)
    return a == b or (a[:-1] == b[:-1] and "5" in (a[-1], b[-1]))


_CITATION = {"yi2": "yi1", "yi4": "yi1", "bu2": "bu4"}
