"""What a run writes besides the deck, and how: side files, review rows, skipped-row accounting, pair rows.

A deck goes with `<deck>.missing.txt` (the level's words no sentence teaches) and `<deck>.review.tsv`
(readings decided without confidence, for a teacher to check); `deckbuild align` writes pairs as TSV or JSON
lines (with `--all` every bead, flagged ok/low/unpaired: `PairWriter`) and, on request, a review list. Every
target is checked before the work starts, and all of a run's files are renamed into place together at the
end (`atomic`), so a failed run leaves the previous ones as they were.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from deckbuilder import atomic
from deckbuilder.errors import OutputError
from deckbuilder.models import Choice, Pair, Skipped

if TYPE_CHECKING:
    from deckbuilder.grade import Selection
    from deckbuilder.pipeline.options import BuildOptions

MISSING_SUFFIX = ".missing.txt"
REVIEW_SUFFIX = ".review.tsv"


def side_file(output: Path, suffix: str) -> Path:
    """`decks/hsk5.apkg` → `decks/hsk5.missing.txt` for suffix `.missing.txt`."""
    return output.with_name(output.stem + suffix)


def check_targets(targets: Iterable[Path], inputs: Iterable[Path]) -> None:
    """OutputError unless every target can be written and none of them is one of the input files."""
    sources = [Path(i) for i in inputs if Path(i).is_file()]
    for target in targets:
        atomic.check_target(target)
        if target.exists() and any(os.path.samefile(target, source) for source in sources):
            raise OutputError(f"{target}: is an input file; write the output somewhere else")


class Skips:
    """Malformed input rows the readers left out: a count per file and the first few line numbers."""

    SHOWN = 3

    def __init__(self) -> None:
        self.by_file: dict[str, tuple[int, list[int], str]] = {}

    def add(self, item: Skipped) -> None:
        count, lines, reason = self.by_file.get(item.path, (0, [], item.reason))
        if len(lines) < self.SHOWN:
            lines.append(item.line)
        self.by_file[item.path] = (count + 1, lines, reason)

    @property
    def total(self) -> int:
        return sum(count for count, _, _ in self.by_file.values())

    def warnings(self) -> list[str]:
        out = []
        for path, (count, lines, reason) in self.by_file.items():
            where = ", ".join(str(n) for n in lines) + (", …" if count > len(lines) else "")
            out.append(
                f"{path}: left out {count:,} malformed row(s) (line {where}; first: {reason}); "
                "--strict makes this an error"
            )
        return out


def review_rows(chosen: Iterable[Choice]) -> list[str]:
    """`sentence<TAB>word<TAB>numbered pinyin` for every reading decided without confidence (a fallback,
    an unsure context model, a rule inside a word jieba invented)."""
    rows = []
    for choice in chosen:
        for tok in choice.sentence.tokens:
            if tok.numbered and not tok.confident:
                rows.append(f"{choice.sentence.pair.zh}\t{tok.text}\t{tok.numbered}")
    return rows


def write_missing(path: Path, levels_text: str, missing: Iterable[str]) -> None:
    words = list(missing)
    header = f"# {levels_text}: words with no acceptable sentence ({len(words)})\n"
    path.write_text(header + "".join(f"{w}\n" for w in words), encoding="utf-8")


def write_review(path: Path, rows: list[str]) -> None:
    path.write_text("sentence\tword\tpinyin\n" + "".join(f"{r}\n" for r in rows), encoding="utf-8")


def one_line(text: str) -> str:
    return " ".join(text.split())


def pair_row(pair: Pair, output_format: str, status: str = "") -> str:
    """One output line of `deckbuild align`: the Chinese as read, the English, the confidence, and with
    `status` (``deckbuild align --all``) whether the bead is ``ok``, ``low`` or ``unpaired``."""
    zh = one_line(pair.zh_original or pair.zh)
    if output_format == "jsonl":
        record: dict[str, object] = {"zh": zh, "en": one_line(pair.en), "score": pair.score}
        record |= {"source": pair.source} | ({"status": status} if status else {})
        return json.dumps(record, ensure_ascii=False) + "\n"
    return f"{zh}\t{one_line(pair.en)}\t{pair.score:.3f}" + (f"\t{status}" if status else "") + "\n"


OK, LOW, UNPAIRED = "ok", "low", "unpaired"


def status(pair: Pair, min_score: float) -> str:
    """What a bead is: ``unpaired`` (a side is empty), ``low`` (under `min_score`) or ``ok``."""
    return UNPAIRED if not (pair.zh and pair.en) else LOW if pair.score < min_score else OK


class PairWriter:
    """The pairs of `deckbuild align`, each written where it goes: ok pairs to the output (every bead,
    flagged, with `every`), the low and unpaired ones to the review list when there is one."""

    def __init__(
        self, out: TextIO, review: TextIO | None, output_format: str, min_score: float, every: bool
    ) -> None:
        self.out, self.review, self.output_format = out, review, output_format
        self.min_score, self.every = min_score, every
        self.counts = {OK: 0, LOW: 0, UNPAIRED: 0}
        if review is not None:
            review.write(REVIEW_HEADER)

    def write(self, pair: Pair) -> None:
        found = status(pair, self.min_score)
        self.counts[found] += 1
        if found == OK or self.every:
            self.out.write(pair_row(pair, self.output_format, found if self.every else ""))
        if found != OK and self.review is not None:
            self.review.write(review_row(pair, found))


REVIEW_HEADER = "source\tproblem\tscore\tzh\ten\n"


def review_row(pair: Pair, problem: str) -> str:
    """One line of `deckbuild align --review`: where, what is wrong ("low", "unpaired"), the pair."""
    zh, en = one_line(pair.zh_original or pair.zh), one_line(pair.en)
    return f"{pair.source}\t{problem}\t{pair.score:.3f}\t{zh}\t{en}\n"


def nothing_to_teach(options: BuildOptions, selection: Selection) -> str:
    """Why a build has no sentence, and what to try."""
    levels = ", ".join(lv.name for lv in options.levels)
    if not selection.graded:
        why = "no sentence pairs were read from the inputs"
    else:
        why = f"none of the {selection.graded:,} pairs read teaches a word of {levels} to this learner"
    tips = ["a lower level"] if options.levels[0].level > 1 else []
    from deckbuilder.pipeline.options import MAX_NEW

    tips += [f"--max-new {options.max_new + 1}"] if options.max_new < MAX_NEW else []
    tips += ["--with-builtin"] if options.inputs and not options.with_builtin else []
    tips += ["fewer known words"] if options.known else []
    tips = tips or ["other input files"]
    either = f"{', '.join(tips[:-1])} or {tips[-1]}" if len(tips) > 1 else tips[0]
    return f"{why}, so no deck was written; try {either}"
