"""Generate a large Tatoeba-layout TSV by varying the built-in pairs (for the scale benchmarks).

    python benchmarks/make_corpus.py OUT.tsv [--pairs 1000000]
    python benchmarks/make_corpus.py OUT --moses [--pairs 1000000]   # OUT.en-zh.zh + OUT.en-zh.en (OPUS)

Pair i is built-in pair i mod n on the first pass; later passes join it with another pair chosen by a
fixed stride (both orders), so sentences differ and the file is not a repeat of one corpus. IDs are unique.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from deckbuilder.ingest import read_builtin


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pairs", type=int, default=1_000_000)
    parser.add_argument("--moses", action="store_true", help="write a line-aligned pair of files instead")
    args = parser.parse_args()
    base = [(p.zh_original or p.zh, p.en) for p in read_builtin() if "\t" not in p.zh + p.en]
    n = len(base)
    if args.moses:
        zh_file = args.out.with_name(args.out.name + ".en-zh.zh").open("w", encoding="utf-8")
        en_file = args.out.with_name(args.out.name + ".en-zh.en").open("w", encoding="utf-8")
    else:
        tsv = args.out.open("w", encoding="utf-8")
    for i in range(args.pairs):
        zh, en = base[i % n]
        rnd = i // n
        if rnd:
            other_zh, other_en = base[(i * 7919 + rnd * 104729) % n]
            if rnd % 2:
                zh, en = zh + other_zh, f"{en} {other_en}"
            else:
                zh, en = other_zh + zh, f"{other_en} {en}"
        if args.moses:
            zh_file.write(f"{' '.join(zh.split())}\n")
            en_file.write(f"{' '.join(en.split())}\n")
        else:
            tsv.write(f"{i + 1}\t{zh}\t{i + 1}\t{en}\n")
    for fh in (zh_file, en_file) if args.moses else (tsv,):
        fh.close()
    print(f"wrote {args.pairs:,} pairs to {args.out}")


if __name__ == "__main__":
    main()
