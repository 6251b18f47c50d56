"""Sentence-alignment quality on the dev documents, scored by the shared scorer (a benchmark, not a test).

Three runs per document, all scored end to end or on the gold split by ``score.py`` (strict F1, every bead
counted, null beads included: the metric of the published Vecalign/Bertalign tables):
  raw    raw.txt (interleaved blocks cut mid-sentence) through reader, splitters and aligner;
  files  zh.txt and en.txt read as two documents' files, the way ``deckbuild align zh.txt en.txt`` does;
  blocks raw.txt's Chinese and English paragraphs copied into two files (blocks still cut mid-sentence);
  split  the gold sentence split aligned directly (beads scored against gold.txt by index).
Prints strict F1 per document, pooled per genre (speeches: pol_*, seed_*; novels: mac_*) and overall, and ends
with one ``genre_mode=F1`` line for scripts.

    python benchmarks/align_eval.py [--eval-root ../shared/eval/align] [--keep DIR] [--embed]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from deckbuilder.align import Options, align, align_sentences
from deckbuilder.cache import Cache
from deckbuilder.ingest import read_document
from deckbuilder.ingest.documents import is_chinese

DEFAULT_ROOT = Path(__file__).resolve().parents[2] / "shared" / "eval" / "align"
MODES = ("raw", "files", "blocks", "split")
GENRES = {"speeches": ("pol_", "seed_"), "novels": ("mac_",)}


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def _score(root: Path, pred_root: Path, pred_name: str) -> dict:
    cmd = [
        sys.executable, str(root / "score.py"), "--gold-root", str(root / "dev"),
        "--pred-root", str(pred_root), "--pred-name", pred_name, "--json", "--per-doc", "--quiet",
    ]  # fmt: skip
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)["per_doc"]


def _write_pairs(path: Path, inputs: list[Path], options: Options, embed: bool, store: Cache) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for document in read_document(inputs):
            for pair in align(document, options, embed, store):
                fh.write(f"{pair.zh_original}\t{pair.en}\n")


def run(root: Path, out: Path, options: Options, embed: bool = False) -> dict[str, dict]:
    """Per mode, the scorer's per-document results."""
    with Cache() as store:
        _predict(root, out, options, embed, store)
    return {mode: _score(root, out, f"{mode}.txt" if mode == "split" else f"{mode}.tsv") for mode in MODES}


def _predict(root: Path, out: Path, options: Options, embed: bool, store: Cache) -> None:
    for doc in sorted(p for p in (root / "dev").iterdir() if (p / "gold.txt").is_file()):
        target = out / doc.name
        target.mkdir(parents=True, exist_ok=True)
        beads = align_sentences(
            _lines(doc / "zh.txt"), _lines(doc / "en.txt"), options, embed=embed, store=store
        )
        with (target / "split.txt").open("w", encoding="utf-8") as fh:
            for b in beads:
                fh.write(f"[{','.join(map(str, b.zh))}]:[{','.join(map(str, b.en))}]\n")
        _write_pairs(target / "raw.tsv", [doc / "raw.txt"], options, embed, store)
        _write_pairs(target / "files.tsv", [doc / "zh.txt", doc / "en.txt"], options, embed, store)
        paras = [p.strip() for p in (doc / "raw.txt").read_text(encoding="utf-8").split("\n\n") if p.strip()]
        for side, zh in (("zh", True), ("en", False)):
            text = "\n\n".join(p for p in paras if is_chinese(p) == zh)
            (target / f"blocks.{side}.txt").write_text(text + "\n", encoding="utf-8")
        _write_pairs(
            target / "blocks.tsv", [target / "blocks.zh.txt", target / "blocks.en.txt"], options, embed, store
        )


def pooled(per_doc: dict, prefixes: tuple[str, ...]) -> float:
    """Strict F1 from summed counts over the documents whose names start with one of `prefixes`."""
    docs = [r for name, r in per_doc.items() if name.startswith(prefixes)]
    hit = sum(r["exact_matches"] for r in docs)
    pred = sum(r["pred_beads"] for r in docs)
    gold = sum(r["gold_beads"] for r in docs)
    return 2 * hit / (pred + gold) if pred + gold else 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval-root", type=Path, default=DEFAULT_ROOT)
    ap.add_argument("--keep", type=Path, help="write predictions here instead of a temporary directory")
    ap.add_argument("--embed", action="store_true", help="blend the sentence encoder into bead scores")
    args = ap.parse_args()
    options = Options()
    if args.keep:
        res = run(args.eval_root, args.keep, options, args.embed)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            res = run(args.eval_root, Path(tmp), options, args.embed)
    print(f"{'document':<20}" + "".join(f"{m:>8}" for m in MODES))
    for name in res["raw"]:
        print(f"{name:<20}" + "".join(f"{res[m][name]['strict_f1']:>8.3f}" for m in MODES))
    everything = tuple(p for ps in GENRES.values() for p in ps)
    for genre, prefixes in (*GENRES.items(), ("all", everything)):
        print(f"{genre:<20}" + "".join(f"{pooled(res[m], prefixes):>8.3f}" for m in MODES))
    print(" ".join(f"{g}_{m}={pooled(res[m], p):.3f}" for g, p in GENRES.items() for m in MODES))


if __name__ == "__main__":
    main()
