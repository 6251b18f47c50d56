"""Peak memory and time for big inputs: 100k and 1M generated pairs, read as a stream.

    python benchmarks/stream.py [--sizes 100000,1000000] [--workers 2] [--keep DIR] [--moses]

Generates the inputs with make_corpus.py (varied built-in pairs), then builds an HSK 5 deck from each in a
fresh process with an empty cache and prints wall time and peak RSS (the process or its largest worker).
The build goes through the user-file path, `BuildOptions(inputs=(path,))`, as `deckbuild make --level hsk5
big.tsv` does: format sniffing, the streaming TSV reader, malformed-row accounting.
With --moses the input is a line-aligned pair (`big.en-zh.zh big.en-zh.en`): recognised by its names and
line counts, both files streamed side by side. Target: peak RSS under 1.5 GB at 1M pairs.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pipeline import run  # noqa: E402  (the same measuring harness as benchmarks/pipeline.py)

HERE = Path(__file__).resolve().parent

# The user-file path: inputs=(path,), read by ingest.read_inputs like any file the user gives.
BUILD = textwrap.dedent(
    """
    import json, resource, sys, time
    from pathlib import Path
    t = time.perf_counter()
    from deckbuilder.standards import parse_levels
    from deckbuilder.pipeline import BuildOptions, build
    corpus, out, workers = tuple(map(Path, sys.argv[1].split(","))), Path(sys.argv[2]), int(sys.argv[3])
    options = BuildOptions(levels=parse_levels("hsk5"), output=out, inputs=corpus, workers=workers)
    report = build(options)
    wall = time.perf_counter() - t
    usage = resource.getrusage
    rss = max(usage(resource.RUSAGE_SELF).ru_maxrss, usage(resource.RUSAGE_CHILDREN).ru_maxrss)
    print(json.dumps({"seconds": wall, "rss_mb": rss / 1024, "timings": report.timings,
                      "notes": report.notes, "covered": report.covered, "pairs": report.pairs_read,
                      "skipped": report.skipped}))
    """
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="folder for the generated inputs (reused when present)")
    parser.add_argument("--moses", action="store_true", help="a Moses pair of files instead of one TSV")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        last = ""
        for size in (int(s) for s in args.sizes.split(",")):
            corpus = folder / f"pairs-{size}{'' if args.moses else '.tsv'}"
            files = [corpus.with_name(corpus.name + ext) for ext in (".en-zh.zh", ".en-zh.en")]
            files = files if args.moses else [corpus]
            if not all(f.exists() for f in files):
                make = [sys.executable, str(HERE / "make_corpus.py"), str(corpus), "--pairs", str(size)]
                subprocess.run(make + ["--moses"] * args.moses, check=True, capture_output=True)
            out = Path(tmp) / f"deck-{size}.apkg"
            env = {"DECKBUILDER_CACHE_DIR": str(Path(tmp) / f"cache-{size}")}  # cold: an empty cache
            result = run(BUILD, ",".join(map(str, files)), str(out), str(args.workers), env=env)
            wall, rss_mb = result["seconds"], result["rss_mb"]
            covered = (
                f"pairs read {result['pairs']:,}, skipped {result['skipped']:,}, "
                f"covered {result['covered']:,}, notes {result['notes']:,}"
            )
            kind = "moses" if args.moses else "tsv"
            last = f"{kind} pairs={size} seconds={wall:.1f} peak_rss_mb={rss_mb:.0f} workers={args.workers}"
            print(f"{last}  [{covered}]", flush=True)
        print(last)


if __name__ == "__main__":
    main()
