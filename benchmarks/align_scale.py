"""Time and peak memory of aligning one long document (a benchmark, not a test).

Builds a Chinese file and an English file of at least 5,000 Chinese sentences by concatenating the dev
documents' gold splits, then reads and aligns them as one document, the way ``deckbuild align zh.txt en.txt``
does (timed), and checks the beads against the concatenated gold (not timed).
With ``--raw`` it concatenates the interleaved raw.txt files instead (one file holding many documents).

    python benchmarks/align_scale.py [--sentences 5000] [--raw] [--embed] [--eval-root ../shared/eval/align]
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from pathlib import Path

from deckbuilder.align import align, align_sentences
from deckbuilder.cache import Cache
from deckbuilder.ingest import read_document

DEFAULT_ROOT = Path(__file__).resolve().parents[2] / "shared" / "eval" / "align"


Gold = set[tuple[tuple[int, ...], ...]]


def build(root: Path, target: int, out: Path, raw: bool) -> tuple[list[Path], Gold, list[str], list[str]]:
    """Input files of whole dev documents repeated up to `target` Chinese sentences, their gold beads and
    gold sentences."""
    docs = sorted(p for p in (root / "dev").iterdir() if (p / "gold.txt").is_file())
    zh: list[str] = []
    en: list[str] = []
    raws: list[str] = []
    gold: Gold = set()
    while len(zh) < target:
        for doc in docs:
            for line in (doc / "gold.txt").read_text(encoding="utf-8").split():
                left, right = (json.loads(side) for side in line.split(":"))
                gold.add((tuple(i + len(zh) for i in left), tuple(j + len(en) for j in right)))
            zh += (doc / "zh.txt").read_text(encoding="utf-8").splitlines()
            en += (doc / "en.txt").read_text(encoding="utf-8").splitlines()
            raws.append((doc / "raw.txt").read_text(encoding="utf-8"))
    if raw:
        path = out / "raw.txt"
        path.write_text("\n\n".join(raws), encoding="utf-8")
        return [path], gold, zh, en
    (out / "zh.txt").write_text("\n".join(zh) + "\n", encoding="utf-8")
    (out / "en.txt").write_text("\n".join(en) + "\n", encoding="utf-8")
    return [out / "zh.txt", out / "en.txt"], gold, zh, en


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sentences", type=int, default=5000)
    ap.add_argument(
        "--raw", action="store_true", help="concatenate raw.txt files (many documents in one file)"
    )
    ap.add_argument("--eval-root", type=Path, default=DEFAULT_ROOT)
    ap.add_argument("--embed", action="store_true", help="blend the sentence encoder in (vectors not cached)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths, gold, zh, en = build(args.eval_root, args.sentences, Path(tmp), args.raw)
        start, cpu = time.perf_counter(), time.process_time()
        docs = read_document(paths)
        cold = Cache(enabled=False)  # with --embed: every vector computed, none read from earlier runs
        pairs = [p for d in docs for p in align(d, embed=args.embed, store=cold)]
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        if not args.raw:  # the splitters may cut a gold sentence, so score the gold split itself (not timed)
            beads = {(b.zh, b.en) for b in align_sentences(zh, en, embed=args.embed, store=cold)}
            f1 = 2 * len(beads & gold) / (len(beads) + len(gold))
            print(f"zh_sentences={len(zh)} en_sentences={len(en)} strict_f1={f1:.3f}")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    paired = sum(1 for p in pairs if p.zh and p.en)
    print(f"documents={len(docs)} beads={len(pairs)} paired={paired}")
    print(f"seconds={seconds:.1f} cpu_seconds={cpu:.1f} peak_rss_mb={peak_mb:.0f}")  # cpu: a loaded machine


if __name__ == "__main__":
    main()
