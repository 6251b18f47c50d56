"""Polyphone accuracy on the CPP format through exactly the path cards use (`pinyin_lines`).

    python benchmarks/pinyin_eval.py --sent dev.sent --lb dev.lb [--model on|off|auto] [--errors N]

`--sent`: one sentence per line with one character marked ``▁X▁``; `--lb`: its gold reading (``le5``,
``lu:4``). The last line printed is ``accuracy=97.61% ms_per_sentence=1.3 n=9893``; time is per sentence
after resources are loaded (jieba, CC-CEDICT and the model load once, before the clock starts).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

from deckbuilder.pinyin import pinyin_lines
from deckbuilder.pinyin.syllable import normalize

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
MARK = "▁"


def load(sent_path: Path, lb_path: Path) -> list[tuple[str, int, str]]:
    """(plain sentence, index of the marked character among Chinese characters, gold syllable)."""
    items = []
    sents = sent_path.read_text(encoding="utf-8").splitlines()
    labels = lb_path.read_text(encoding="utf-8").splitlines()
    if len(sents) != len(labels):
        raise SystemExit(f"{sent_path} has {len(sents)} lines but {lb_path} has {len(labels)}")
    for s, lb in zip(sents, labels, strict=True):
        before = s.split(MARK, 1)[0]
        plain = s.replace(MARK, "")
        items.append((plain, len(_HAN.findall(before)), normalize(lb)))
    return items


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sent", type=Path, required=True)
    ap.add_argument("--lb", type=Path, required=True)
    ap.add_argument("--model", choices=("auto", "on", "off"), default="auto")
    ap.add_argument("--limit", type=int, default=0, help="only the first N sentences")
    ap.add_argument("--errors", type=int, default=0, help="print up to N errors")
    a = ap.parse_args(argv)
    items = load(a.sent, a.lb)
    if a.limit:
        items = items[: a.limit]
    model = {"auto": None, "on": True, "off": False}[a.model]
    opts = {"numbers": True, "per_char": True, "citation_tones": True, "model": model}
    list(pinyin_lines([items[0][0]], **opts))  # load jieba, CC-CEDICT, the model
    start = time.perf_counter()
    outputs = list(pinyin_lines([s for s, _, _ in items], **opts))
    elapsed = time.perf_counter() - start
    right = 0
    shown = 0
    for (sent, idx, gold), out in zip(items, outputs, strict=True):
        syl = out.split()
        pred = normalize(syl[idx]) if idx < len(syl) else "?"
        if pred == "er5" and gold == "r5":
            pred = "r5"
        if pred == gold:
            right += 1
        elif shown < a.errors:
            shown += 1
            print(f"ERR {sent[:60]} #{idx} {_HAN.findall(sent)[idx]} gold={gold} pred={pred}")
    n = len(items)
    print(f"accuracy={100.0 * right / n:.2f}% ms_per_sentence={1000.0 * elapsed / n:.2f} n={n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
