"""The Dask engine makes the local engine's deck: parts of a corpus graded apart, then merged, choose as
one stream does."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from deckbuilder.cli import app
from deckbuilder.errors import OptionError
from deckbuilder.grade import Grader, SelectOptions, Selector
from deckbuilder.ingest import read_builtin
from deckbuilder.models import Pair
from deckbuilder.pipeline import BuildOptions, build, dask_engine
from deckbuilder.pipeline.options import shards
from deckbuilder.preview import read_deck
from deckbuilder.standards import parse_levels


def deck_notes(path: Path) -> list[tuple[str, tuple[str, ...], tuple[str, ...], int]]:
    """(guid, fields, tags, due) of every card's note, in study order."""
    deck = read_deck(path)
    cards = sorted(deck.cards, key=lambda c: (c.due, c.ord))
    return [(n.guid, n.fields, n.tags, c.due) for c in cards for n in (deck.notes[c.note_id],)]


def _pairs() -> list[Pair]:
    return [p for p in read_builtin(("hsk-sentences",)) if "\t" not in p.zh + p.en][:2400]


def _overlapping(pairs: list[Pair], parts: int) -> list[list[Pair]]:
    """Consecutive parts, each repeating the end of the one before: near-duplicates across parts."""
    size = len(pairs) // parts
    return [pairs[max(0, n * size - size // 3) : (n + 1) * size] for n in range(parts)]


def test_parts_graded_apart_and_merged_as_a_tree_choose_as_one_stream() -> None:
    pairs = _overlapping(_pairs(), 4)
    graders = [Grader(lv) for lv in parse_levels("hsk2-3")]
    options = BuildOptions(levels=parse_levels("hsk2-3"), inputs=(Path("unused"),))
    one = Selector(graders, SelectOptions())
    grading = dask_engine.Grading.of(one)
    from deckbuilder import annotate
    from deckbuilder.pipeline import grading as local

    grade = local.grader(one)
    seq = 0
    for part in pairs:
        graded = grade([(p, None) for p in part])
        for pair, ((words, key, records, verdict), _) in zip(part, graded, strict=True):
            sentence = annotate.from_words(pair, words) if records else None
            one.offer(seq, sentence, key, records, verdict)
            seq += 1

    parts = [dask_engine.Part(n, pairs=tuple(p)) for n, p in enumerate(pairs)]
    graded = [dask_engine._grade_part(part, grading, options) for part in parts]
    keys = dask_engine._merged([dask_engine._keys([graded[0], graded[1]]), dask_engine._keys(graded[2:])])
    assert keys.shared  # the overlaps are near-duplicates the parts cannot settle alone
    partials = [dask_engine._select_part(g, grading, keys.firsts()) for g in graded]
    merged = dask_engine._merged([dask_engine._merged(partials[:3]), dask_engine._merged(partials[3:])])
    many = Selector(graders, SelectOptions()).merge(merged)
    for flaw in keys.rejected():
        many.rejected[flaw] += 1
        many.candidates += 1
    a, b = one.finish(), many.finish()
    assert len(a.choices) > 50
    assert [(c.target, c.sentence.pair, c.difficulty) for c in a.choices] == [
        (c.target, c.sentence.pair, c.difficulty) for c in b.choices
    ]
    assert (a.graded, a.candidates, a.rejected, a.weighed) == (b.graded, b.candidates, b.rejected, b.weighed)


def test_cluster_tasks_run_without_the_cyclic_collector(monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker keeps its graded parts until the build ends: its tasks make them with the collector paused
    (its passes over them cost a local cluster's workers about a third of their time), then restore it."""
    states: list[bool] = []
    real = dask_engine.local_engine.grader

    def spy(selector: Selector) -> object:
        work = real(selector)

        def part(items: list[tuple[Pair, str | None]]) -> object:
            states.append(gc.isenabled())
            return work(items)

        return part

    monkeypatch.setattr(dask_engine.local_engine, "grader", spy)
    grading = dask_engine.Grading.of(Selector([Grader(lv) for lv in parse_levels("hsk3")]))
    options = BuildOptions(levels=parse_levels("hsk3"), inputs=(Path("unused"),))
    part = dask_engine.Part(1, pairs=tuple(_pairs()[:300]))
    froze: list[bool] = []
    monkeypatch.setattr(dask_engine.gc, "freeze", lambda: froze.append(True))
    dask_engine._load_for_life.cache_clear()  # as in a fresh worker process
    assert gc.isenabled()
    graded = dask_engine._grade_part(part, grading, options)
    assert states and not any(states) and gc.isenabled() and graded.goods
    assert froze == [True]  # what the worker loaded: out of the collector's passes, once
    offered: list[bool] = []
    offer = Selector.offer
    monkeypatch.setattr(Selector, "offer", lambda *a: offered.append(gc.isenabled()) or offer(*a))
    assert dask_engine._select_part(graded, grading, {}).heaps[0]
    assert offered and not any(offered) and gc.isenabled() and froze == [True]


def test_dask_engine_on_a_local_cluster_makes_the_local_engines_deck(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    pytest.importorskip("dask.bag")
    folder = tmp_path / "shards"
    folder.mkdir()
    for n, part in enumerate(_overlapping(_pairs(), 3)):
        rows = (f"{i}\t{p.zh}\t{i}\t{p.en}\n" for i, p in enumerate(part))
        (folder / f"part{n}.tsv").write_text("".join(rows), encoding="utf-8")
    decks = {}
    for engine in ("local", "dask"):
        out = tmp_path / f"{engine}.apkg"
        options = BuildOptions.parse(
            "hsk3", inputs=[folder], output=out, timestamp=1_700_000_000, engine=engine, workers=2
        )
        build(options)
        decks[engine] = deck_notes(out)
    assert len(decks["local"]) > 50
    assert decks["dask"] == decks["local"]


def test_a_dask_rebuild_puts_back_what_the_cluster_chose(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("distributed")
    pytest.importorskip("dask.bag")
    corpus = tmp_path / "pairs.tsv"
    rows = (f"{i}\t{p.zh}\t{i}\t{p.en}\n" for i, p in enumerate(_pairs()))
    corpus.write_text("".join(rows), encoding="utf-8")
    store = tmp_path / "cache.sqlite"

    def make(name: str) -> list[tuple[str, tuple[str, ...], tuple[str, ...], int]]:
        out = tmp_path / f"{name}.apkg"
        options = BuildOptions.parse(
            "hsk3", inputs=[corpus], output=out, timestamp=1_700_000_000, engine="dask", workers=1,
            cache_path=store, lock_file=False,
        )  # fmt: skip
        build(options)
        return deck_notes(out)

    first = make("first")
    assert len(list(tmp_path.glob("cache.sqlite.graded-*"))) == 1  # the merged choice, kept

    def no_cluster(*args: object) -> None:
        raise AssertionError("graded again")

    monkeypatch.setattr(dask_engine, "grade", no_cluster)
    assert make("again") == first and len(first) > 50


def test_a_merged_choice_is_kept_per_set_of_pins() -> None:
    from deckbuilder.pipeline import graded

    graders = [Grader(lv) for lv in parse_levels("hsk3")]
    plain = Selector(graders, SelectOptions())
    pinned = Selector(graders, SelectOptions(pins={"银行": ("我去银行。\tI go to the bank.",)}))
    assert graded.merged_name("k", plain) == graded.merged_name("k", Selector(graders, SelectOptions()))
    assert graded.merged_name("k", plain) != graded.merged_name("k", pinned)


def test_the_dask_engine_without_dask_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if not installed
    out = tmp_path / "x.apkg"
    result = CliRunner().invoke(app, ["make", "--level", "hsk1", "--engine", "dask", "-o", str(out)])
    assert result.exit_code == 1
    assert "pip install 'deckbuilder[dask]'" in result.output
    assert not out.exists()


def test_a_scheduler_needs_the_dask_engine() -> None:
    with pytest.raises(OptionError, match="--engine dask"):
        BuildOptions.parse("hsk1", scheduler="tcp://127.0.0.1:8786")


def test_a_folder_or_a_glob_stands_for_its_files_in_name_order(tmp_path: Path) -> None:
    for name in ("b.tsv", "a.tsv", "c.txt", ".hidden"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert shards([tmp_path]) == (tmp_path / "a.tsv", tmp_path / "b.tsv", tmp_path / "c.txt")
    assert shards([tmp_path / "*.tsv"]) == (tmp_path / "a.tsv", tmp_path / "b.tsv")
    assert shards([tmp_path / "none*.tsv"]) == (tmp_path / "none*.tsv",)  # reported missing later
    (tmp_path / "empty").mkdir()
    assert shards([tmp_path / "empty"]) == (tmp_path / "empty",)  # reported as a folder later
