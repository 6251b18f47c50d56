"""``python -m deckbuilder.pinyin``: the same path as ``deckbuild pinyin`` until the CLI carries it."""

from __future__ import annotations

import argparse
import sys

from deckbuilder.errors import DeckbuilderError
from deckbuilder.pinyin import load_overrides, pinyin_lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m deckbuilder.pinyin", description="Print the pinyin of Chinese text."
    )
    ap.add_argument("text", nargs="?", help="text to read (default: stdin, one sentence per line)")
    ap.add_argument("--numbers", action="store_true", help="tone numbers instead of tone marks")
    ap.add_argument("--per-char", action="store_true", help="with --numbers: one syllable per character")
    ap.add_argument("--citation-tones", action="store_true", help="dictionary tones for 一 and 不")
    ap.add_argument("--readings", help="teacher override file (word<TAB>pinyin)")
    ap.add_argument(
        "--model", choices=("auto", "on", "off"), default="auto", help="context model for polyphones"
    )
    a = ap.parse_args(argv)
    try:
        overrides = load_overrides(a.readings) if a.readings else None
    except DeckbuilderError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    lines = a.text.splitlines() if a.text is not None else sys.stdin
    model = {"auto": None, "on": True, "off": False}[a.model]
    for out in pinyin_lines(
        lines, numbers=a.numbers, per_char=a.per_char, citation_tones=a.citation_tones, overrides=overrides,
        model=model,
    ):
        print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
