"""Sentence-alignment quality on the dev documents, scored by the shared scorer (a benchmark, not a test).

Two runs per document:
  split  the gold sentence split (zh.txt, en.txt) → beads → score.py against gold.txt;
  raw    raw.txt through reader, splitters and aligner → a ``zh<TAB>en`` row per bead → score.py text mode.
Prints strict F1 per document and pooled, and ends with ``strict_f1_split=… strict_f1_raw=…``.

    python benchmarks/align_eval.py [--eval-root ../shared/eval/align] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from deckbuilder.align import align, align_sentences
from deckbuilder.ingest import read_document

DEFAULT_ROOT = Path(__file__).resolve().parents[2] / "shared" / "eval" / "align"


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def _score(root: Path, pred_root: Path, pred_name: str) -> dict:
    cmd = [
        sys.executable, str(root / "score.py"), "--gold-root", str(root / "dev"),
        "--pred-root", str(pred_root), "--pred-name", pred_name, "--json", "--per-doc", "--quiet",
    ]  # fmt: skip
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def run(root: Path, out: Path) -> tuple[dict, dict]:
    for doc in sorted(p for p in (root / "dev").iterdir() if (p / "gold.txt").is_file()):
        target = out / doc.name
        target.mkdir(parents=True, exist_ok=True)
        beads = align_sentences(_lines(doc / "zh.txt"), _lines(doc / "en.txt"))
        with (target / "pred.txt").open("w", encoding="utf-8") as fh:
            for b in beads:
                fh.write(f"[{','.join(map(str, b.zh))}]:[{','.join(map(str, b.en))}]\n")
        with (target / "pred.tsv").open("w", encoding="utf-8") as fh:
            for document in read_document([doc / "raw.txt"]):
                for pair in align(document):
                    fh.write(f"{pair.zh_original}\t{pair.en}\n")
    return _score(root, out, "pred.txt"), _score(root, out, "pred.tsv")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval-root", type=Path, default=DEFAULT_ROOT)
    ap.add_argument("--keep", type=Path, help="write predictions here instead of a temporary directory")
    args = ap.parse_args()
    if args.keep:
        split, raw = run(args.eval_root, args.keep)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            split, raw = run(args.eval_root, Path(tmp))
    print(f"{'document':<20} {'split':>7} {'raw':>7}")
    for name, res in split["per_doc"].items():
        print(f"{name:<20} {res['strict_f1']:>7.3f} {raw['per_doc'][name]['strict_f1']:>7.3f}")
    print(f"{'pooled':<20} {split['total']['strict_f1']:>7.3f} {raw['total']['strict_f1']:>7.3f}")
    print(f"strict_f1_split={split['total']['strict_f1']:.3f} strict_f1_raw={raw['total']['strict_f1']:.3f}")


if __name__ == "__main__":
    main()
