"""Timed cues (a subtitle Document) → beads of cue groups → Pairs, by time overlap and the lexical score.

The English cues are first shifted by the constant offset that makes most cue starts (and ends) of the two
files coincide. Then a monotonic dynamic programme over cue groups (up to three cues a side, or one cue
left unpaired) scores each candidate bead by how much its two time spans overlap (intersection over union)
blended with the aligner's own similarity of the texts (`dp._Scorer`, one owner of the lexical score). A
cue that does not end a sentence (a comma, no final stop on a side that uses them, the next English cue
going on in lower case) is charged for ending a bead, so a sentence split over cues comes back whole; a cue
that does end one is charged a little for being merged, so whole sentences stay apart.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from deckbuilder.align.dp import Options as ScoreOptions
from deckbuilder.align.dp import _Scorer
from deckbuilder.chinese import to_simplified
from deckbuilder.lexical import en_features, zh_features
from deckbuilder.models import Bead, Document, Pair

Span = tuple[float, float]


@dataclass(frozen=True, slots=True)
class Options:
    """Constants of the cue aligner (seconds and score units); general, not tuned to one film."""

    max_group: int = 3  # cues of one side in one bead
    time_weight: float = 0.6  # share of the time overlap in a bead's similarity; the rest is lexical
    threshold: float = 0.3  # similarity below which cues are better left unpaired
    null_cost: float = 0.15  # leaving one cue unpaired
    open_cost: float = 0.5  # ending a bead on a cue whose sentence goes on in the next cue
    merge_cost: float = 0.1  # merging a cue that ends a sentence into a bead with the next one
    max_offset: float = 600.0  # the largest timing offset between the files looked for
    tolerance: float = 0.25  # how close two cue starts must be to vote for one offset
    band: int = 6  # cues either side of the time-expected position searched


_ZH_FINAL = "。！？!?…"
_EN_FINAL = ".!?…"
_CLOSERS = "”’」』）)》】\"' \u3000"
_GOES_ON = ",，、;；:：-‐–—"


def _ending(text: str, zh: bool) -> bool | None:
    """True when a cue's text stops mid-sentence, False when it ends one, None when bare (no mark)."""
    core = text.rstrip(_CLOSERS)
    if not core:
        return False
    if core.endswith(("...", "…")):
        return None  # trailing off, or going on: the next cue tells
    last = core[-1]
    if last in (_ZH_FINAL if zh else _EN_FINAL):
        return False
    if last in _GOES_ON:
        return True
    return None


def goes_on(texts: Sequence[str], zh: bool) -> list[bool | None]:
    """For each cue of one side, whether its sentence goes on in the next cue (None: cannot tell).

    A bare ending counts as going on only on a side that ends most cues with a stop; an English cue going on
    in lower case (or after "...") continues the one before.

    >>> goes_on(["I think", "we should go.", "Wait...", "...what?"], zh=False)
    [True, False, True, False]
    >>> goes_on(["我觉得", "我们该走了"], zh=True)
    [None, False]
    """
    ends = [_ending(t, zh) for t in texts]
    punctuated = sum(e is False for e in ends) * 2 >= len(texts)
    out: list[bool | None] = []
    for k, end in enumerate(ends):
        nxt = texts[k + 1].lstrip(" \"“'‘([") if k + 1 < len(texts) else ""
        if not nxt:
            out.append(False)
        elif not zh and (nxt[:1].islower() or nxt.startswith(("...", "…"))):
            out.append(True)
        elif end is None:
            dots = texts[k].rstrip(_CLOSERS).endswith(("...", "…"))
            out.append(False if dots else True if punctuated else None)
        else:
            out.append(end)
    return out


def estimate_offset(zh: Sequence[Span], en: Sequence[Span], options: Options | None = None) -> float:
    """Seconds to add to the English times so they match the Chinese ones: the offset most cue starts and
    ends of the two files agree on (0 when too few agree to tell).

    >>> estimate_offset([(1.0, 2.0), (5.0, 6.5), (9.0, 10.0)], [(3.5, 4.5), (7.5, 9.0), (11.5, 12.5)])
    -2.5
    """
    import numpy as np  # a dependency anyway; only subtitles need it here

    options = options or Options()
    if not zh or not en:
        return 0.0
    step = max(1, len(zh) // 400)  # a sample of cues is enough for one constant, and bounds the work
    z = np.asarray(zh[::step], dtype=float)
    e = np.asarray(en, dtype=float)
    diffs = np.concatenate([np.subtract.outer(z[:, k], e[:, k]).ravel() for k in (0, 1)])
    diffs = np.sort(diffs[np.abs(diffs) <= options.max_offset])
    if diffs.size == 0:
        return 0.0
    tol = options.tolerance
    votes = np.searchsorted(diffs, diffs + tol, "right") - np.searchsorted(diffs, diffs - tol, "left")
    best = int(np.argmax(votes))
    if votes[best] < max(3, 0.2 * min(len(z), len(e))):
        return 0.0
    near = diffs[np.abs(diffs - diffs[best]) <= tol]
    return round(float(np.median(near)), 3)


def _iou(a: Span, b: Span) -> float:
    overlap = min(a[1], b[1]) - max(a[0], b[0])
    if overlap <= 0:
        return 0.0
    return overlap / max(1e-3, max(a[1], b[1]) - min(a[0], b[0]))


class _Cues:
    """One episode's cues, ready for scoring: spans (English shifted), continuation flags, text features."""

    def __init__(self, zh: Sequence[str], en: Sequence[str], zt: Sequence[Span], et: Sequence[Span]) -> None:
        self.offset = estimate_offset(zt, et)
        self.zt = list(zt)
        self.et = [(s + self.offset, e + self.offset) for s, e in et]
        self.zgo, self.ego = goes_on(zh, True), goes_on(en, False)
        zf = [zh_features(to_simplified(t)) for t in zh]
        self.scorer = _Scorer(zf, [en_features(t) for t in en], ScoreOptions())

    def span(self, times: list[Span], k0: int, k1: int) -> Span:
        return times[k0][0], max(t[1] for t in times[k0:k1])

    def similarity(self, i0: int, i1: int, j0: int, j1: int, time_weight: float) -> float:
        iou = _iou(self.span(self.zt, i0, i1), self.span(self.et, j0, j1))
        if iou <= 0:
            return -1.0  # no overlap in time: never one bead
        lexical = self.scorer.similarity(i0, i1, j0, j1)[0]
        return time_weight * iou + (1 - time_weight) * lexical


def _boundary_cost(flags: list[bool | None], k0: int, k1: int, options: Options) -> float:
    """What grouping cues [k0, k1) of one side costs: ending on a cue that goes on, merging finished ones."""
    if k1 == k0:
        return 0.0
    cost = options.open_cost if flags[k1 - 1] else 0.0
    return cost + options.merge_cost * sum(flags[k] is False for k in range(k0, k1 - 1))


def _band(cues: _Cues, options: Options) -> tuple[list[int], list[int]]:
    """For each zh boundary (0..n), the en boundaries searched: those near the cues' times."""
    n, m = len(cues.zt), len(cues.et)
    middles = sorted((s + e) / 2 for s, e in cues.et)
    lo, hi = [0] * (n + 1), [m] * (n + 1)
    for i in range(1, n):
        expected = bisect_left(middles, cues.zt[i][0])
        lo[i] = max(0, expected - options.band)
        hi[i] = min(m, expected + options.band)
    for i in range(1, n + 1):
        lo[i] = max(lo[i], lo[i - 1])
    for i in range(n - 1, -1, -1):
        hi[i] = min(hi[i], hi[i + 1])
    lo[n] = min(lo[n], m)
    return lo, hi


def align_cues(
    zh: Sequence[str],
    en: Sequence[str],
    zh_times: Sequence[Span],
    en_times: Sequence[Span],
    options: Options | None = None,
) -> tuple[list[Bead], float]:
    """(beads of cue indices covering every cue once, in order; the offset added to the English times)."""
    options = options or Options()
    n, m = len(zh), len(en)
    if not n or not m:
        beads = [Bead((i,), (), 0.0) for i in range(n)] + [Bead((), (j,), 0.0) for j in range(m)]
        return beads, 0.0
    cues = _Cues(zh, en, zh_times, en_times)
    g = options.max_group
    types = [(1, 0), (0, 1)] + [(a, b) for a in range(1, g + 1) for b in range(1, g + 1)]
    lo, hi = _band(cues, options)
    score: list[list[float]] = []
    back: list[list[tuple[int, int, float]]] = []
    for i in range(n + 1):
        row = [-math.inf] * (hi[i] - lo[i] + 1)
        row_back = [(0, 0, 0.0)] * len(row)
        for j in range(lo[i], hi[i] + 1):
            if i == 0 and j == 0:
                row[0] = 0.0
                continue
            best, arg = -math.inf, (0, 0, 0.0)
            for a, b in types:
                pi, pj = i - a, j - b
                if pi < 0 or pj < lo[pi] or pj > hi[pi]:
                    continue
                prev = score[pi][pj - lo[pi]] if a else row[pj - lo[i]]
                if prev == -math.inf:
                    continue
                cost = _boundary_cost(cues.zgo, pi, i, options) + _boundary_cost(cues.ego, pj, j, options)
                if a and b:
                    sim = cues.similarity(pi, i, pj, j, options.time_weight)
                    if sim < 0:
                        continue
                    value = prev + sim - options.threshold - cost
                else:
                    sim, value = 0.0, prev - options.null_cost - cost
                if value > best:
                    best, arg = value, (a, b, sim)
            row[j - lo[i]] = best
            row_back[j - lo[i]] = arg
        score.append(row)
        back.append(row_back)
    beads: list[Bead] = []
    i, j = n, m
    while i > 0 or j > 0:
        a, b, sim = back[i][j - lo[i]]
        beads.append(Bead(tuple(range(i - a, i)), tuple(range(j - b, j)), round(min(1.0, max(0.0, sim)), 4)))
        i, j = i - a, j - b
    beads.reverse()
    return beads, cues.offset


def stamp(seconds: float) -> str:
    """``723.45`` → ``00:12:03.450``."""
    millis = round(max(0.0, seconds) * 1000)
    hours, minutes, secs = millis // 3_600_000, millis // 60_000 % 60, millis // 1000 % 60
    return f"{hours:02d}:{minutes:02d}:{secs:02d}.{millis % 1000:03d}"


def align_subtitles(doc: Document, options: Options | None = None) -> list[Pair]:
    """One Pair per bead of a timed document; its source is the episode and the bead's start on the Chinese
    file's clock (``episode01.srt@00:12:03.450``)."""
    beads, offset = align_cues(doc.zh, doc.en, doc.zh_times, doc.en_times, options)
    pairs = []
    for bead in beads:
        start = doc.zh_times[bead.zh[0]][0] if bead.zh else doc.en_times[bead.en[0]][0] + offset
        original = "".join(doc.zh[i] for i in bead.zh)
        pairs.append(
            Pair(
                zh=to_simplified(original),
                en=" ".join(doc.en[j] for j in bead.en),
                source=f"{doc.name}@{stamp(start)}",
                zh_original=original,
                score=bead.score,
            )
        )
    return pairs
