"""Time and peak memory of aligning one long document (a benchmark, not a test).

Builds a Chinese file and an English file of about 5,000 Chinese sentences by concatenating the dev documents'
gold splits, then reads and aligns them as one document, the way ``deckbuild align zh.txt en.txt`` does.
With ``--raw`` it concatenates the interleaved raw.txt files instead (one file holding many documents).

    python benchmarks/align_scale.py [--sentences 5000] [--raw] [--eval-root ../shared/eval/align]
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from deckbuilder.align import align
from deckbuilder.ingest.readers import read_document

DEFAULT_ROOT = Path(__file__).resolve().parents[2] / "shared" / "eval" / "align"


def build(root: Path, target: int, out: Path, raw: bool) -> list[Path]:
    docs = sorted(p for p in (root / "dev").iterdir() if (p / "gold.txt").is_file())
    zh: list[str] = []
    en: list[str] = []
    raws: list[str] = []
    while len(zh) < target:
        for doc in docs:
            zh += (doc / "zh.txt").read_text(encoding="utf-8").splitlines()
            en += (doc / "en.txt").read_text(encoding="utf-8").splitlines()
            raws.append((doc / "raw.txt").read_text(encoding="utf-8"))
    if raw:
        path = out / "raw.txt"
        path.write_text("\n\n".join(raws), encoding="utf-8")
        return [path]
    (out / "zh.txt").write_text("\n".join(zh[:target]) + "\n", encoding="utf-8")
    (out / "en.txt").write_text("\n".join(en[: round(target * len(en) / len(zh))]) + "\n", encoding="utf-8")
    return [out / "zh.txt", out / "en.txt"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sentences", type=int, default=5000)
    ap.add_argument(
        "--raw", action="store_true", help="concatenate raw.txt files (many documents in one file)"
    )
    ap.add_argument("--eval-root", type=Path, default=DEFAULT_ROOT)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = build(args.eval_root, args.sentences, Path(tmp), args.raw)
        start = time.perf_counter()
        docs = read_document(paths)
        pairs = [p for d in docs for p in align(d)]
        seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    paired = sum(1 for p in pairs if p.zh and p.en)
    print(f"documents={len(docs)} beads={len(pairs)} paired={paired}")
    print(f"seconds={seconds:.1f} peak_rss_mb={peak_mb:.0f}")


if __name__ == "__main__":
    main()
