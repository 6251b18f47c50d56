"""Pipeline speed against the segmentation floor, cold and warm, with peak memory.

    python benchmarks/pipeline.py                      # the built-in corpora
    python benchmarks/pipeline.py --corpus big.tsv     # a Tatoeba-layout TSV (see make_corpus.py)
    python benchmarks/pipeline.py --runs 3 --workers 2

In one run on the same input it measures (a) the floor: reading the input (the Tatoeba-layout TSV line by
line, or the built-in corpora's files) and cutting every Chinese side with rjieba (jieba's algorithm in
Rust, what deckbuilder segments with), single core, dictionary load included; (b) `deckbuild make --level
hsk5` end to end in a fresh process: first (an empty cache folder: the derived dictionary tables of
`deckbuilder/derived.py` are made too, once per installation), cold (those tables kept, the sentence cache
empty: a new corpus) and warm (the cache the cold run filled: a rebuild). It prints per-stage times and
each stage's share as a multiple of the floor, peak RSS and the ratios (b)/(a), as medians over `--runs`
runs. Each measurement runs in its own process so peak RSS is that run's own.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

FLOOR = textwrap.dedent(
    """
    import json, resource, sys, time
    t = time.perf_counter()
    import rjieba
    corpus = sys.argv[1]
    if corpus:  # the TSV as make reads it: zh in column 2 (Tatoeba layout) or column 1 (two columns)
        def texts():
            with open(corpus, encoding="utf-8") as f:
                for line in f:
                    cols = line.rstrip("\\n").split("\\t")
                    yield cols[1] if len(cols) >= 4 else cols[0]
    else:  # the corpora's files as their readers parse them (not the table builds keep of them)
        from deckbuilder.ingest.builtin import BUILTIN
        def texts():
            return (p.zh for read in BUILTIN.values() for p in read())
    chars = pairs = 0
    for text in texts():
        pairs += 1
        chars += len(text)
        rjieba.cut(text)
    seconds = time.perf_counter() - t
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "chars": chars, "pairs": pairs, "rss_mb": rss}))
    """
)

BUILD = textwrap.dedent(
    """
    import json, resource, sys, time
    from pathlib import Path
    t = time.perf_counter()
    from deckbuilder.standards import parse_levels
    from deckbuilder.pipeline import BuildOptions, build
    corpus, out, workers = sys.argv[1], sys.argv[2], int(sys.argv[3])
    inputs = (Path(corpus),) if corpus else ()
    options = BuildOptions(parse_levels("hsk5"), output=Path(out), inputs=inputs, workers=workers)
    report = build(options)
    wall = time.perf_counter() - t
    usage = resource.getrusage
    rss = max(usage(resource.RUSAGE_SELF).ru_maxrss, usage(resource.RUSAGE_CHILDREN).ru_maxrss)
    print(json.dumps({"seconds": wall, "rss_mb": rss / 1024, "timings": report.timings,
                      "notes": report.notes, "covered": report.covered, "pairs": report.pairs_read}))
    """
)


def run(script: str, *args: str, env: dict[str, str] | None = None) -> dict:
    import os

    full_env = dict(os.environ, **(env or {}))
    out = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, env=full_env, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="", help="Tatoeba-layout TSV (default: the built-in corpora)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()

    floors, firsts, colds, warms = [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(args.runs):
            floor = run(FLOOR, args.corpus)
            floors.append(floor)
            folder = Path(tmp) / f"cache{n}"
            env = {"DECKBUILDER_CACHE_DIR": str(folder)}
            out = str(Path(tmp) / "deck.apkg")
            firsts.append(run(BUILD, args.corpus, out, str(args.workers), env=env))
            for path in folder.glob("cache.sqlite*"):  # the sentence cache; resources/ stays
                path.unlink()
            colds.append(run(BUILD, args.corpus, out, str(args.workers), env=env))
            warms.append(run(BUILD, args.corpus, out, str(args.workers), env=env))
            print(
                f"run {n + 1}: floor {floor['seconds']:.1f} s, first {firsts[-1]['seconds']:.1f} s, "
                f"cold {colds[-1]['seconds']:.1f} s, warm {warms[-1]['seconds']:.1f} s",
                flush=True,
            )

    def med(rows: list[dict], key: str) -> float:
        return statistics.median(r[key] for r in rows)

    floor_s = med(floors, "seconds")
    print(f"input: {floors[0]['pairs']:,} pairs, {floors[0]['chars']:,} Chinese characters")
    print(
        f"(a) floor, reading the input and rjieba over its Chinese side: {floor_s:.2f} s "
        f"({floors[0]['chars'] / floor_s:,.0f} chars/s)"
    )
    for label, rows in (("first", firsts), ("cold", colds), ("warm", warms)):
        print(
            f"(b) deckbuilder {label}: {med(rows, 'seconds'):.2f} s wall, "
            f"peak RSS {med(rows, 'rss_mb'):.0f} MB, "
            f"notes {rows[0]['notes']:,}, covered {rows[0]['covered']:,}"
        )
        for i, (stage, _) in enumerate(rows[0]["timings"]):
            stage_s = statistics.median(r["timings"][i][1] for r in rows)
            print(f"      {stage:<28} {stage_s:7.2f} s  {stage_s / floor_s:6.2f}x floor")
    ratio = {label: med(rows, "seconds") / floor_s for label, rows in (("first", firsts), ("cold", colds))}
    print(
        f"first/floor={ratio['first']:.2f} cold/floor={ratio['cold']:.2f} "
        f"warm/floor={med(warms, 'seconds') / floor_s:.2f} first={med(firsts, 'seconds'):.1f}s "
        f"cold={med(colds, 'seconds'):.1f}s warm={med(warms, 'seconds'):.1f}s "
        f"rss_mb={max(r['rss_mb'] for r in firsts + colds + warms):.0f} workers={args.workers}"
    )


if __name__ == "__main__":
    main()
