"""The local engine against the Dask engine on one sharded corpus: wall time first, cold and warm, same deck.

    python benchmarks/engines.py                           # 200,000 generated pairs in 8 shards, 2 workers
    python benchmarks/engines.py --pairs 1000000 --runs 3
    python benchmarks/engines.py --scheduler tcp://host:8786   # the Dask engine on a running cluster

The corpus comes from `make_corpus.py`, cut into consecutive shards (a folder: both engines read the same
pairs in the same order). Each build is `deckbuild make --level LEVEL FOLDER` in a fresh process: the local
engine with `--workers N`, the Dask engine with `--engine dask` on a local cluster of N workers (its start
included) or on `--scheduler`. First: an empty cache folder (the derived dictionary tables are made too,
once per installation, as in `pipeline.py`); cold: those tables kept, the sentence cache empty (a new
corpus); warm: the cache the cold build filled (the local engine replays its graded stream, the Dask
engine puts back its merged choice). Times are medians over `--runs`; the decks are compared note by note
(GUID, fields, tags, due).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
STATES = ("first", "cold", "warm")
# The installed command, as a user runs it: Dask's local cluster spawns its workers, which import the
# command's script as their main module (`python -c` would measure another start).
DECKBUILD = shutil.which("deckbuild", path=str(Path(sys.executable).parent)) or shutil.which("deckbuild")


def _shard(corpus: Path, folder: Path, shards: int) -> int:
    lines = corpus.read_text(encoding="utf-8").splitlines(keepends=True)
    size = -(-len(lines) // shards)
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(shards):
        (folder / f"part{n:03d}.tsv").write_text("".join(lines[n * size : (n + 1) * size]), encoding="utf-8")
    return len(lines)


def _build(args: argparse.Namespace, engine: str, folder: Path, out: Path, cache: Path) -> float:
    if DECKBUILD is None:
        raise SystemExit("engines.py: no deckbuild command (pip install -e . in this environment)")
    command = [str(DECKBUILD), "make"]
    command += ["--level", args.level, str(folder), "-o", str(out), "--no-lock"]
    command += ["--workers", str(args.workers)]
    if engine == "dask":
        command += ["--engine", "dask"] + (["--scheduler", args.scheduler] if args.scheduler else [])
    env = {**os.environ, "DECKBUILDER_CACHE_DIR": str(cache)}
    started = time.perf_counter()
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def _notes(path: Path) -> list[tuple[object, ...]]:
    from deckbuilder.preview import read_deck

    deck = read_deck(path)
    cards = sorted(deck.cards, key=lambda c: (c.due, c.ord))
    return [(n.guid, n.fields, n.tags, c.due) for c in cards for n in (deck.notes[c.note_id],)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=200_000)
    parser.add_argument("--corpus", type=Path, help="shard this TSV instead of generating one")
    parser.add_argument("--shards", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--level", default="hsk5")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--scheduler")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus = args.corpus
        if corpus is None:
            corpus = work / "big.tsv"
            make = [sys.executable, str(HERE / "make_corpus.py"), str(corpus), "--pairs", str(args.pairs)]
            subprocess.run(make, check=True)
        pairs = _shard(corpus, work / "shards", args.shards)
        times: dict[tuple[str, str], list[float]] = {}
        for run in range(args.runs):
            for engine in ("local", "dask"):
                cache = work / f"cache-{engine}-{run}"
                for state in STATES:
                    if state == "cold":  # the sentence cache emptied, the derived tables (resources/) kept
                        for path in cache.glob("cache.sqlite*"):
                            path.unlink()
                    seconds = _build(args, engine, work / "shards", work / f"{engine}.apkg", cache)
                    times.setdefault((engine, state), []).append(seconds)
        same = _notes(work / "local.apkg") == _notes(work / "dask.apkg")
    where = args.scheduler or f"local cluster of {args.workers}"
    print(f"{pairs:,} pairs in {args.shards} shards, --level {args.level}, {args.workers} workers, ", end="")
    print(f"median of {args.runs}")
    for engine in ("local", "dask"):
        first, cold, warm = (statistics.median(times[engine, s]) for s in STATES)
        label = "local (--workers)" if engine == "local" else f"dask ({where})"
        print(f"  {label:<34} first {first:6.1f} s   cold {cold:6.1f} s   warm {warm:6.1f} s")
    print(f"  identical decks (GUIDs, fields, tags, due): {'yes' if same else 'NO'}")


if __name__ == "__main__":
    main()
