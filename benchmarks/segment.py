"""Per-pair cost of segmenting (`segmenter.cut`) and building tokens (`annotate.from_words`), in microseconds.

    python benchmarks/segment.py --corpus big.tsv               # the first 50,000 pairs, 3 runs
    python benchmarks/segment.py --corpus big.tsv --pairs 200000 --runs 5

The pairs are read as `deckbuild make` reads them (the grading step's `input_pairs`). Each run is a fresh
process, so it is timed as a cold build meets the pairs: a first pass (`cold`: the per-word memos fill) and
a second over the same pairs (`warm`: the cost every pair pays once its words are known), beside the floor
of rjieba alone. CPU time of that process (`time.process_time`), the garbage collector paused as grading
pauses it; medians over `--runs`.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import textwrap

RUN = textwrap.dedent(
    """
    import gc, itertools, json, sys, time
    from pathlib import Path
    from deckbuilder import annotate, segmenter
    from deckbuilder.pipeline.grading import load, input_pairs
    pairs = list(itertools.islice(input_pairs([Path(sys.argv[1])]), int(sys.argv[2])))
    load()  # what grading loads before its workers fork
    jieba = segmenter.segmenter()
    gc.disable()

    def timed(work):
        start = time.process_time()
        work()
        return (time.process_time() - start) / len(pairs) * 1e6

    out = {"rjieba": timed(lambda: [jieba.cut(p.zh, True) for p in pairs])}
    words = []
    out["cut cold"] = timed(lambda: words.extend(segmenter.cut(p.zh) for p in pairs))
    out["cut warm"] = timed(lambda: [segmenter.cut(p.zh) for p in pairs])
    out["from_words cold"] = timed(lambda: [annotate.from_words(p, w) for p, w in zip(pairs, words)])
    out["from_words warm"] = timed(lambda: [annotate.from_words(p, w) for p, w in zip(pairs, words)])
    print(json.dumps(out))
    """
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", required=True, help="Tatoeba-layout TSV")
    parser.add_argument("--pairs", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    rows = []
    for _ in range(args.runs):
        command = [sys.executable, "-c", RUN, args.corpus, str(args.pairs)]
        out = subprocess.run(command, capture_output=True, text=True, check=True)
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    for key in rows[0]:
        print(f"{key:<16} {statistics.median(r[key] for r in rows):7.2f} us/pair")


if __name__ == "__main__":
    main()
