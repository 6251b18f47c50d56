"""Where a cold build's grading time goes: each step's cost per input pair, on a sample of a corpus.

    python benchmarks/grading.py --corpus big.tsv                    # the first 100,000 pairs, one process
    python benchmarks/grading.py --corpus big.tsv --pairs 300000 --level hsk4

One process, as a worker meets the pairs: read them as `deckbuild make` reads them, then each step of
grading over the pairs that reach it, in the pipeline's order: the `hopeless` test (before segmenting),
segmenting, the `teaches_none` test and tokens, and `Selector.grade_all` by parts (reading classes, i+1
and length, the quality verdict of every candidate, and for those without a flaw the rendering check and
difficulty).
Then, on a second pass over the candidates (the per-word memos now warm), the parts of the verdict and
of what follows it, each timed alone over every candidate it could apply to: the verdict skips some of
them (a sentence already too weak is not measured for its translation), so the parts need not add up.
CPU time (`time.process_time`), the garbage collector paused as grading pauses it.
Each row prints how many items reached the step, its cost per item and per input pair, and its share of
the whole; multiply a per-pair figure by a corpus's size for its CPU-seconds (a build with two workers
spends them on two cores, plus this process's reading and filing).
"""

from __future__ import annotations

import argparse
import gc
import itertools
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from deckbuilder import annotate, segmenter
from deckbuilder.grade import Grader, Selector, agreement, coverage, quality, wording
from deckbuilder.grade.rendering import unrendered
from deckbuilder.grade.select import _skeleton
from deckbuilder.pipeline.dask_engine import BLOCK
from deckbuilder.pipeline.grading import input_pairs, load
from deckbuilder.standards import parse_levels

PART = BLOCK  # pairs graded at a time: about a local worker's part of a chunk, a Dask worker's block


def timed(items: Sequence[Any], work: Callable[[Any], Any]) -> tuple[list[Any], float]:
    start = time.process_time()
    out = [work(item) for item in items]
    return out, time.process_time() - start


def timed_parts(items: Sequence[Any], work: Callable[[Sequence[Any]], list[Any]]) -> tuple[list[Any], float]:
    """`work` over consecutive parts of PART items, as a worker grades (`Selector.grade_all`)."""
    start = time.process_time()
    out = [r for i in range(0, len(items), PART) for r in work(items[i : i + PART])]
    return out, time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", required=True, type=Path, help="a corpus deckbuild make reads")
    parser.add_argument("--pairs", type=int, default=100_000)
    parser.add_argument("--level", default="hsk5")
    args = parser.parse_args()

    start = time.process_time()
    pairs = list(itertools.islice(input_pairs([args.corpus]), args.pairs))
    rows = [("read", len(pairs), time.process_time() - start)]
    load()
    selector = Selector([Grader(level) for level in parse_levels(args.level)])
    gc.freeze()
    gc.disable()

    hopeless, seconds = timed(pairs, lambda p: selector.hopeless(p.zh, p.en))
    rows.append(("hopeless test", len(pairs), seconds))
    pairs = [p for p, h in zip(pairs, hopeless, strict=True) if not h]
    cuts, seconds = timed(pairs, lambda p: segmenter.cut(p.zh))
    rows.append(("segment", len(pairs), seconds))
    teaching = [(p, w) for p, w in zip(pairs, cuts, strict=True) if not selector.teaches_none(w)]
    sentences, seconds = timed(teaching, lambda pw: annotate.from_words(*pw))
    rows.append(("tokens", len(teaching), seconds))
    graded, seconds = timed_parts(sentences, selector.grade_all)
    rows.append(("grade (all of it)", len(sentences), seconds))

    found = [(s, records, v) for s, (_, records, v) in zip(sentences, graded, strict=True) if v is not None]
    candidates = [(s, {f[1] for f in selector._found(s)}) for s, _, _ in found]  # as `grade_all` asks
    sound = [st for st, (_, _, v) in zip(candidates, found, strict=True) if v.flaw is None]
    grader = selector.graders[-1]
    parts: list[tuple[str, list[Any], Callable[[Any], Any] | None]] = [
        ("  verdict (assess_all)", candidates, None),
        ("    coverage", candidates, lambda st: coverage(st[0])),
        ("    wording", candidates, lambda st: wording.patterns(st[0])),
        ("    agreement", candidates, lambda st: agreement.mismatches(st[0].words, st[0].pair.en)),
        ("  rendering", sound, lambda st: [unrendered(st[0], w) for w in st[1]]),
        ("  difficulty", sound, lambda st: [grader.difficulty(st[0], w) for w in st[1]]),
        ("  near-duplicate key", candidates, lambda st: _skeleton(st[0])),
    ]
    for label, items, work in parts:
        seconds = timed(items, work)[1] if work else timed_parts(items, quality.assess_all)[1]
        rows.append((label, len(items), seconds))

    total = sum(seconds for label, _, seconds in rows if not label.startswith(" "))
    size = rows[0][1]
    print(f"{args.corpus}: {size:,} pairs, --level {args.level}; candidates {len(candidates):,}, "
          f"{len(sound):,} without a flaw")  # fmt: skip
    print(f"{'step':<22} {'items':>9} {'us/item':>9} {'us/pair':>9} {'share':>7}")
    for label, items, seconds in rows:
        per_item, per_pair = seconds / max(items, 1) * 1e6, seconds / size * 1e6
        print(f"{label:<22} {items:>9,} {per_item:>9.1f} {per_pair:>9.1f} {seconds / total:>7.1%}")
    print(f"{'total':<22} {size:>9,} {'':>9} {total / size * 1e6:>9.1f} {1:>7.0%}")


if __name__ == "__main__":
    main()
