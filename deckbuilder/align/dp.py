"""Sentence features → beads: a monotonic dynamic programme over bead types, searched in a band.

Each candidate bead (up to five sentences on a side) is scored as one unit: the share of its words that find
a dictionary translation on the other side (pooled over both sides) blended with how well its lengths agree.
A bead adds ``(similarity − threshold) × √size`` to the path (size: its matched words relative to a mean
pair), so merging pays only when it brings matched words; the weakest sentence's own coverage is part of
the similarity, so an unrelated sentence is not swallowed by a neighbour; an unpaired sentence costs a little.

The band follows the diagonal implied by cumulative character counts or, for long documents, the path found
by aligning blocks of sentences first; when the best path touches the band's edge the band is doubled and
the search repeated, so time and memory stay about linear in the document's length.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from typing import TYPE_CHECKING

from deckbuilder.lexical import Features, key_index, match
from deckbuilder.models import Bead

if TYPE_CHECKING:
    from deckbuilder.align.embed import Spans

# 1-5 too: English translations of long Chinese sentences (speeches) often run to five sentences; 2-3, 3-2
# and 3-3: novels' translators regroup a short run of sentences (2.4% of literary beads).
BEADS: tuple[tuple[int, int], ...] = (
    (1, 1), (1, 2), (2, 1), (1, 3), (3, 1), (2, 2), (1, 4), (4, 1), (1, 5), (2, 3), (3, 2), (3, 3),
    (1, 0), (0, 1),
)  # fmt: skip
MAX_SPAN = 5
# For the r-th sentence back from a boundary, how many sentences back on the other side any bead reaches.
_ROW_SPAN = tuple(max(b for a, b in BEADS if a > r) for r in range(max(a for a, _ in BEADS)))
_COL_SPAN = tuple(max(a for a, b in BEADS if b > c) for c in range(max(b for _, b in BEADS)))
WIDEST = (len(_ROW_SPAN), len(_COL_SPAN))  # the most sentences a bead takes on each side


def _default_priors() -> dict[tuple[int, int], float]:
    return {
        (1, 2): 0.02, (2, 1): 0.02, (1, 3): 0.04, (3, 1): 0.04, (2, 2): 0.1,
        (1, 4): 0.06, (4, 1): 0.06, (1, 5): 0.08, (2, 3): 0.1, (3, 2): 0.1, (3, 3): 0.2,
    }  # fmt: skip


@dataclass(frozen=True, slots=True)
class Options:
    """Scoring constants; the defaults are general (chosen for zh–en, not for one document)."""

    threshold: float = 0.3  # similarity below which two sentences are better left unpaired
    lexical_weight: float = 0.7  # share of the lexical signal in the similarity; the rest is length
    length_sigma: float = 0.4  # spread of log(en chars / expected en chars) for a long true pair
    length_slack: float = 30.0  # extra variance for short pairs, in expected-English characters
    band: int = 12  # initial half-width of the search band, in sentences
    sentence_weight: float = 0.3  # share of the weakest sentence's coverage in the lexical signal
    merge_floor: float = 0.3  # least similarity of a bead of three sentences or more
    paragraph_cost: float = 0.2  # cost of a bead whose sentences on one side span two paragraphs
    paragraph_start_cost: float = 0.05  # cost of a bead that opens a paragraph on one side only
    null_cost: float = 0.1  # cost of leaving one sentence unpaired (translations rarely drop sentences)
    size_exponent: float = 0.5  # a bead's value grows with (matched words / a mean pair's) ** this
    embed_weight: float = 0.2  # share of the sentence encoder's span cosine in the similarity, when given
    embed_threshold: float = 0.05  # the encoder's score below which spans are unrelated (blended likewise)
    priors: dict[tuple[int, int], float] = field(default_factory=_default_priors)


class _Masks:
    """Lazily computed word-match masks between zh sentence i and en sentence j, and their vectors' dot."""

    def __init__(self, zh: Sequence[Features], en: Sequence[Features], spans: Spans | None) -> None:
        self.en, self.spans = en, spans
        self.index = [key_index(f) for f in zh]
        self.cache: list[dict[int, tuple[int, int, float]]] = [{} for _ in zh]

    def get(self, i: int, j: int) -> tuple[int, int, float]:
        row = self.cache[i]
        hit = row.get(j)
        if hit is None:
            zmask, emask = match(self.index[i], self.en[j])
            hit = row[j] = (zmask, emask, self.spans.dot(i, j) if self.spans is not None else 0.0)
        return hit


def usable_paragraphs(paras: Sequence[int] | None, count: int) -> Sequence[int] | None:
    """Paragraph numbers worth using: not when (nearly) every sentence is its own paragraph (a file with one
    sentence a line says nothing about where beads end)."""
    if paras is None or len(paras) != count or len(set(paras)) > 0.67 * count:
        return None
    return paras


class _Scorer:
    def __init__(
        self,
        zh: Sequence[Features],
        en: Sequence[Features],
        options: Options,
        zh_paras: Sequence[int] | None = None,
        en_paras: Sequence[int] | None = None,
        spans: Spans | None = None,
    ) -> None:
        self.zh, self.en, self.options = zh, en, options
        self.zh_paras = usable_paragraphs(zh_paras, len(zh))
        self.en_paras = usable_paragraphs(en_paras, len(en))
        self.masks = _Masks(zh, en, spans)
        self.spans = spans
        self.w_embed = options.embed_weight if spans is not None else 0.0
        self.threshold = (1 - self.w_embed) * options.threshold + self.w_embed * options.embed_threshold
        zc, ec = sum(f.chars for f in zh), sum(f.chars for f in en)
        self.ratio = ec / zc if zc and ec else 1.0
        # Mean units of a sentence pair, to measure bead size by matched content, not by sentence count.
        self.mean_units = max(1.0, sum(len(f.units) for f in (*zh, *en)) / max(len(zh), len(en)))
        self.zh_units = [len(f.units) for f in zh]
        self.en_units = [len(f.units) for f in en]
        self.zh_chars = list(accumulate((f.chars for f in zh), initial=0))
        self.en_chars = list(accumulate((f.chars for f in en), initial=0))
        self.weakest_share = options.sentence_weight
        self.pooled_share = 1 - options.sentence_weight
        self.w_lex, self.w_len = options.lexical_weight, 1 - options.lexical_weight
        self.sigma2, self.slack = options.length_sigma**2, options.length_slack
        self._cell: tuple[int, int] = (-1, -1)
        self._zr: list[list[int]] = []
        self._er: list[list[int]] = []
        self._dots: list[list[float]] = []

    def _prepare(self, i1: int, j1: int) -> None:
        """Word-match masks of the sentences just before boundary (i1, j1), OR-ed over growing spans.

        ``_zr[r][c]``: zh sentence i1-1-r's units matched by en sentences [j1-1-c, j1); ``_er[c][r]`` likewise
        for en sentence j1-1-c. Every bead ending at (i1, j1) reads these, so they are built once per cell.
        """
        get = self.masks.get
        self._cell = (i1, j1)
        zr: list[list[int]] = []
        er: list[list[int]] = [[] for _ in range(min(j1, len(_COL_SPAN)))]
        dots: list[list[float]] = []  # dots[r][c]: vector dots summed over the r+1 by c+1 sentences
        for r in range(min(i1, len(_ROW_SPAN))):
            row: list[int] = []
            dot_row: list[float] = []
            acc = 0
            dot_acc = 0.0
            for c in range(min(j1, _ROW_SPAN[r])):
                zmask, emask, dot = get(i1 - 1 - r, j1 - 1 - c)
                acc |= zmask
                row.append(acc)
                col = er[c]
                col.append(emask | col[-1] if col else emask)
                dot_acc += dot
                dot_row.append(dot_acc + (dots[r - 1][c] if r else 0.0))
            zr.append(row)
            dots.append(dot_row)
        self._zr, self._er, self._dots = zr, er, dots

    def similarity(self, i0: int, i1: int, j0: int, j1: int) -> tuple[float, float]:
        """(similarity in [0, 1], size) of zh sentences [i0, i1) with en sentences [j0, j1), both non-empty.

        Size counts matched words: unrelated text merged into a bead lowers similarity and adds no size.
        """
        a, b = i1 - i0, j1 - j0
        if self._cell != (i1, j1):
            self._prepare(i1, j1)
        zr, er = self._zr, self._er
        zu, eu = self.zh_units, self.en_units
        zh_hit = zh_all = en_hit = en_all = 0
        weakest = 1.0  # the least covered sentence: an unrelated sentence merged into a bead shows up here
        for r in range(a):
            hit, units = zr[r][b - 1].bit_count(), zu[i1 - 1 - r]
            zh_hit += hit
            zh_all += units
            weakest = min(weakest, (hit + 0.5) / (units + 1))
        for c in range(b):
            hit, units = er[c][a - 1].bit_count(), eu[j1 - 1 - c]
            en_hit += hit
            en_all += units
            weakest = min(weakest, (hit + 0.5) / (units + 1))
        lexical = self.pooled_share * (zh_hit + en_hit) / (zh_all + en_all + 1) + self.weakest_share * weakest
        lz = self.zh_chars[i1] - self.zh_chars[i0]
        le = self.en_chars[j1] - self.en_chars[j0]
        expected = self.ratio * (lz + 3)
        r = math.log((le + 3 * self.ratio) / expected)
        length = math.exp(-r * r / (2 * (self.sigma2 + self.slack / expected)))
        sim = self.w_lex * lexical + self.w_len * length
        if self.spans is not None:  # the encoder's cosine of the two spans, from its floor (unrelated) to 1
            norm = self.spans.zh_norm(i0, a) * self.spans.en_norm(j0, b)
            cosine = self._dots[a - 1][b - 1] / norm if norm > 0 else 0.0
            floor = self.spans.floor
            embedded = min(1.0, max(0.0, (cosine - floor) / (1 - floor)))
            sim = (1 - self.w_embed) * sim + self.w_embed * embedded
        return sim, (zh_hit + en_hit + 2) / self.mean_units


# For each zh boundary 0..n, the lowest and highest en boundary the path is expected at.
Band = tuple[list[float], list[float]]


def _diagonal(zh: Sequence[Features], en: Sequence[Features]) -> Band:
    """For each zh boundary i (0..n), the en boundary expected there from cumulative character counts."""
    zc = list(accumulate((f.chars + 1 for f in zh), initial=0))
    ec = list(accumulate((f.chars + 1 for f in en), initial=0))
    zt, et = zc[-1], ec[-1]
    out = []
    for c in zc:
        target = c / zt * et
        k = bisect_left(ec, target)
        if k == 0:
            out.append(0.0)
        elif k >= len(ec):
            out.append(float(len(en)))
        else:
            lo, hi = ec[k - 1], ec[k]
            out.append(k - 1 + (target - lo) / (hi - lo if hi > lo else 1))
    return out, out


def _blocks(feats: Sequence[Features], size: int) -> list[Features]:
    """Consecutive sentences merged `size` at a time, for the coarse pass."""
    return [
        Features(
            sum(f.chars for f in feats[s : s + size]), tuple(u for f in feats[s : s + size] for u in f.units)
        )
        for s in range(0, len(feats), size)
    ]


def _projected(beads: list[Bead], size: int, n: int, m: int) -> Band:
    """The band a coarse path over blocks of `size` sentences implies for the sentences themselves."""
    lo = [math.inf] * (n + 1)
    hi = [-math.inf] * (n + 1)
    z0 = e0 = 0
    lo[0] = hi[0] = 0.0
    for bead in beads:
        z1 = min(n, (bead.zh[-1] + 1) * size) if bead.zh else z0
        e1 = min(m, (bead.en[-1] + 1) * size) if bead.en else e0
        for i in range(z0, z1 + 1):
            e = e0 + (e1 - e0) * (i - z0) / (z1 - z0) if z1 > z0 else e0
            lo[i], hi[i] = min(lo[i], e, e1 if z1 == z0 else e), max(hi[i], e, e1 if z1 == z0 else e)
        z0, e0 = z1, e1
    return lo, hi


def _search(scorer: _Scorer, width: int, band: Band) -> tuple[list[Bead], bool]:
    """Best path within `width` of the band; also whether it came near an inner edge of the search."""
    n, m = len(scorer.zh), len(scorer.en)
    lo = [max(0, int(c) - width) for c in band[0]]
    hi = [min(m, int(c) + 1 + width) for c in band[1]]
    for i in range(1, n + 1):  # keep the band monotonic so every cell stays reachable
        lo[i] = max(lo[i], lo[i - 1])
    for i in range(n - 1, -1, -1):
        hi[i] = min(hi[i], hi[i + 1])
    lo[0], hi[n] = 0, m
    neg = -math.inf
    score: list[list[float]] = []
    back: list[bytearray] = []  # bead type index per cell: one byte, so long documents stay small
    threshold, priors = scorer.threshold, scorer.options.priors
    null_cost = scorer.options.null_cost
    merge_floor = scorer.options.merge_floor
    para_cost = scorer.options.paragraph_cost
    start_cost = scorer.options.paragraph_start_cost
    zp, ep = scorer.zh_paras, scorer.en_paras
    exponent = scorer.options.size_exponent
    for i in range(n + 1):
        row_s = [neg] * (hi[i] - lo[i] + 1)
        row_b = bytearray(hi[i] - lo[i] + 1)
        for j in range(lo[i], hi[i] + 1):
            if i == 0 and j == 0:
                row_s[0] = 0.0
                continue
            best, arg = neg, -1
            for k, (a, b) in enumerate(BEADS):
                pi, pj = i - a, j - b
                if pi < 0 or pj < 0 or pj < lo[pi] or pj > hi[pi]:
                    continue
                prev = score[pi][pj - lo[pi]] if pi < i else row_s[pj - lo[i]]
                if prev == neg:
                    continue
                if a and b:
                    sim, size = scorer.similarity(pi, i, pj, j)
                    value = prev + (sim - threshold) * size**exponent - priors.get((a, b), 0.0)
                    if a + b > 2 and sim < merge_floor:
                        continue  # three sentences or more with little in common: not a bead
                    if a > 1 and zp is not None and zp[pi] != zp[i - 1]:
                        value -= para_cost  # translations rarely carry a sentence across paragraphs
                    if b > 1 and ep is not None and ep[pj] != ep[j - 1]:
                        value -= para_cost
                    if zp is not None and ep is not None:  # a paragraph usually opens on both sides
                        opens_zh = pi == 0 or zp[pi] != zp[pi - 1]
                        opens_en = pj == 0 or ep[pj] != ep[pj - 1]
                        if opens_zh != opens_en:
                            value -= start_cost
                else:
                    value = prev - null_cost
                if value > best:
                    best, arg = value, k
            row_s[j - lo[i]] = best
            row_b[j - lo[i]] = max(arg, 0)
        score.append(row_s)
        back.append(row_b)
        if i > MAX_SPAN:  # rows further back than the longest bead are never read again
            score[i - MAX_SPAN - 1] = []
            scorer.masks.cache[i - MAX_SPAN - 1].clear()  # recomputed if the final path needs it
    beads: list[Bead] = []
    near_edge = False
    i, j = n, m
    while i > 0 or j > 0:
        if (j - lo[i] < 2 and lo[i] > 0) or (hi[i] - j < 2 and hi[i] < m):
            near_edge = True
        a, b = BEADS[back[i][j - lo[i]]]
        sim = scorer.similarity(i - a, i, j - b, j)[0] if a and b else 0.0
        beads.append(Bead(tuple(range(i - a, i)), tuple(range(j - b, j)), round(min(1.0, max(0.0, sim)), 4)))
        i, j = i - a, j - b
    beads.reverse()
    return beads, near_edge


# Documents longer than this (in sentences) are first aligned in blocks of COARSE sentences; the block path
# then guides a narrow band, so a long omission does not force a wide search over the whole document.
DIRECT_LIMIT = 400
COARSE = 8


def align_features(
    zh: Sequence[Features],
    en: Sequence[Features],
    options: Options | None = None,
    zh_paras: Sequence[int] | None = None,
    en_paras: Sequence[int] | None = None,
    spans: Spans | None = None,
) -> list[Bead]:
    """Beads covering every zh and en sentence exactly once, in order.

    `zh_paras`/`en_paras` give each sentence's paragraph (any number that changes with the paragraph):
    a bead whose sentences on one side span two paragraphs is charged `paragraph_cost`. `spans` (optional)
    holds the sentences' vectors: their span cosine is blended into every bead's similarity.
    """
    options = options or Options()
    if not zh or not en:
        return [Bead((i,), (), 0.0) for i in range(len(zh))] + [Bead((), (j,), 0.0) for j in range(len(en))]
    scorer = _Scorer(zh, en, options, zh_paras, en_paras, spans)
    if max(len(zh), len(en)) <= DIRECT_LIMIT:
        band = _diagonal(zh, en)
    else:
        coarse = align_features(_blocks(zh, COARSE), _blocks(en, COARSE), options)
        band = _projected(coarse, COARSE, len(zh), len(en))
    width = options.band
    while True:
        beads, near_edge = _search(scorer, width, band)
        if not near_edge or width > max(len(zh), len(en)):
            return beads
        width *= 2
