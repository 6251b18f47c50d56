"""The graded stream: a rebuild from the same inputs replays grading's offers, and any change re-grades."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from deckbuilder.pipeline import BuildOptions, build, graded, grading
from deckbuilder.standards import parse_levels
from tests.test_speed_paths import deck_notes

ROWS = [
    ("我在银行工作了三年。", "I worked at the bank for three years."),
    ("我们明天讨论这个计划吧。", "Let's discuss this plan tomorrow."),
    ("他的态度很认真。", "His attitude is very serious."),
    ("这件事情你安排一下。", "Please arrange this matter."),
    ("他每天早上跑步。", "He runs every morning."),
]


def _corpus(path: Path, rows: list[tuple[str, str]]) -> Path:
    path.write_text("".join(f"{i}\t{zh}\t{i}\t{en}\n" for i, (zh, en) in enumerate(rows)), encoding="utf-8")
    return path


def _options(corpus: Path, tmp_path: Path, **kw: object) -> BuildOptions:
    return BuildOptions(
        levels=parse_levels("hsk4"),
        output=tmp_path / "deck.apkg",
        inputs=(corpus,),
        with_builtin=True,
        builtin=("hsk-sentences",),
        timestamp=1_700_000_000,
        cache_path=tmp_path / "cache.sqlite",
        lock_file=False,  # no pins: each build chooses afresh
        **kw,  # type: ignore[arg-type]
    )


def test_rebuild_replays_the_stream_and_gives_the_same_deck(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    options = _options(_corpus(tmp_path / "pairs.tsv", ROWS), tmp_path)
    cold = build(options)
    notes = deck_notes(tmp_path / "deck.apkg")
    assert list(tmp_path.glob("cache.sqlite.graded-*"))

    def no_grading(*args: object) -> None:
        raise AssertionError("a rebuild from the same inputs grades nothing")

    monkeypatch.setattr(grading, "grader", no_grading)
    warm = build(replace(options, workers=2))  # how grading runs is not part of the key
    assert deck_notes(tmp_path / "deck.apkg") == notes
    figures = (warm.pairs_read, warm.candidates, warm.covered)
    assert figures == (cold.pairs_read, cold.candidates, cold.covered)


def test_a_changed_input_or_option_gives_a_new_key(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "pairs.tsv", ROWS)
    options = _options(corpus, tmp_path)
    first = graded.key(options)
    assert first is not None and graded.key(options) == first
    assert graded.key(replace(options, workers=3, output=tmp_path / "other.apkg")) == first
    assert graded.key(replace(options, max_new=2)) != first
    assert graded.key(replace(options, exclude_words=("态度",))) != first
    _corpus(corpus, [*ROWS[:-1], ("他每天晚上跑步。", "He runs every evening.")])  # same size, new bytes
    assert graded.key(options) != first


def test_an_input_that_is_no_file_is_not_kept(tmp_path: Path) -> None:
    assert graded.key(_options(tmp_path, tmp_path)) is None  # a folder


def test_a_damaged_stream_is_recomputed(tmp_path: Path) -> None:
    options = _options(_corpus(tmp_path / "pairs.tsv", ROWS), tmp_path)
    build(options)
    notes = deck_notes(tmp_path / "deck.apkg")
    for path in tmp_path.glob("cache.sqlite.graded-*"):
        path.write_bytes(b"not a pickle")
    build(options)
    assert deck_notes(tmp_path / "deck.apkg") == notes


def test_a_stream_cut_short_is_recomputed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(graded, "_BATCH", 2)  # many small batches: some are replayed before the cut
    options = _options(_corpus(tmp_path / "pairs.tsv", ROWS), tmp_path)
    build(options)
    notes = deck_notes(tmp_path / "deck.apkg")
    for path in tmp_path.glob("cache.sqlite.graded-*"):
        data = path.read_bytes()
        path.write_bytes(data[: len(data) * 2 // 3])  # offers read, the count and skipped rows missing
    again = build(options)
    assert deck_notes(tmp_path / "deck.apkg") == notes and again.candidates > 0


def test_a_merged_choice_keeps_all_a_selector_accumulates(tmp_path: Path) -> None:
    """`keep` stores a selector's `STATE`: every field but its configuration (graders, options, pins)."""
    from deckbuilder.grade import Grader, Selector
    from deckbuilder.pipeline.outputs import Skips

    graders = [Grader(lv) for lv in parse_levels("hsk4")]
    assert set(vars(Selector(graders))) - set(Selector.STATE) == {"graders", "options", "pinned"}
    kept = Selector(graders)
    kept.graded, kept.seen, kept.freq = 7, {b"k"}, {"银行": 3}
    graded.keep(tmp_path / "cache.sqlite", "name", kept, Skips())
    back = Selector(graders)
    assert graded.restore(tmp_path / "cache.sqlite", "name", back, Skips())
    assert all(getattr(back, f) == getattr(kept, f) for f in Selector.STATE if f != "repeats")
    assert back.repeats.counts == kept.repeats.counts and back.repeats.total == kept.repeats.total
