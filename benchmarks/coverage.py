"""Coverage of every standard and level from the built-in corpora, with an independent i+1 re-check.

    python benchmarks/coverage.py [--max-new 1] [--builtin tatoeba,hsk-sentences]

For each level: target words covered / level words, notes (cloze + sentence), mean sentence length in
characters, and the share of cards whose non-target words are all known when the chosen sentence is
re-segmented from its text and re-graded (the readability rule checked independently of the selection).
The last line is HSK 2.0 level 5: `hsk2.0-5 covered=1193/1298 notes=2386 ...`.
"""

from __future__ import annotations

import argparse
import statistics
import time

from deckbuilder import annotate, grade, ingest
from deckbuilder.models import Choice, Pair
from deckbuilder.standards import level_counts


def recheck(choice: Choice, grader: grade.Grader, introduced: set[str]) -> bool:
    """Whether every non-target word of the chosen sentence is known, re-segmented from its text."""
    pair = choice.sentence.pair
    sentence = annotate.segment(Pair(zh=pair.zh, en=pair.en, source="recheck"))
    for tok, cls in zip(sentence.tokens, grader.classify(sentence), strict=True):
        if tok.text == choice.target:
            continue
        if grader.is_new(cls) or (cls is grade.Reading.TARGET and tok.text not in introduced):
            return False
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-new", type=int, default=1)
    parser.add_argument("--builtin", default=",".join(ingest.BUILTIN))
    args = parser.parse_args()

    started = time.perf_counter()
    sentences = [annotate.segment(p) for p in ingest.read_builtin(tuple(args.builtin.split(",")))]
    print(f"segmented {len(sentences):,} pairs in {time.perf_counter() - started:.1f} s")
    options = grade.SelectOptions(max_new=args.max_new)
    headline = ""
    for standard in ("2.0", "2021", "2025"):
        for level, _count in level_counts(standard):
            t = time.perf_counter()
            grader = grade.Grader(level)
            sel = grade.select(sentences, grader, options)
            introduced: set[str] = set()
            ok = 0
            for choice in sel.choices:
                ok += recheck(choice, grader, introduced)
                introduced.add(choice.target)
            n = len(sel.choices)
            mean_len = statistics.mean(grade.hanzi_count(c.sentence) for c in sel.choices) if n else 0.0
            tag = f"hsk{standard}-{level.label}"
            line = (
                f"{tag} covered={sel.covered}/{sel.level_words} "
                f"({sel.covered / max(sel.level_words, 1):.1%}) "
                f"notes={2 * n} mean_chars={mean_len:.1f} all_known={ok / max(n, 1):.1%} "
                f"seconds={time.perf_counter() - t:.1f}"
            )
            print(line)
            if tag == "hsk2.0-5":
                headline = line
    print(headline)


if __name__ == "__main__":
    main()
