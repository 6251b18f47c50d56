from pathlib import Path

import pytest

from deckbuilder.pipeline import BuildOptions, build
from deckbuilder.standards import parse_levels


def test_build_from_a_small_corpus(mini_corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "hsk4.apkg"
    seen: list[str] = []
    report = build(
        BuildOptions(levels=parse_levels("hsk4"), output=out, inputs=(mini_corpus,)),
        progress=lambda label, done, total: seen.append(label),
    )
    assert out.is_file()
    assert report.level_name == "HSK 2.0 level 4"
    assert report.pairs_read == 11
    # 讨论, 态度, 保护, 复杂, 窗户 and 取 are the level-4 words of the fixture sentences.
    assert 3 <= report.covered <= 6
    assert report.notes == 2 * report.covered
    assert report.level_words == 598
    assert "Grading sentences" in seen
    missing = Path(report.missing_file).read_text(encoding="utf-8").splitlines()
    assert missing[0].startswith("# HSK 2.0 level 4") and len(missing) == 1 + 598 - report.covered


def test_output_directory_is_checked_before_the_work(mini_corpus: Path, tmp_path: Path) -> None:
    from deckbuilder.errors import OutputError

    with pytest.raises(OutputError, match="does not exist"):
        build(BuildOptions(parse_levels("hsk4"), output=tmp_path / "no" / "x.apkg", inputs=(mini_corpus,)))


def test_level_range_builds_one_subdeck_per_level(mini_corpus: Path, tmp_path: Path) -> None:
    levels = parse_levels("hsk3-4")
    report = build(BuildOptions(levels, output=tmp_path / "r.apkg", inputs=(mini_corpus,)))
    assert [name for name, _, _ in report.per_level] == ["HSK 2.0 level 3", "HSK 2.0 level 4"]
    assert report.level_words == 298 + 598


def test_deck_name_names_the_standard() -> None:
    assert BuildOptions(parse_levels("hsk5")).deck == "deckbuilder::HSK 2.0::Level 5"
    assert BuildOptions(parse_levels("hsk7-9", "2021")).deck == "deckbuilder::HSK 3.0 (2021)::Level 7-9"
    assert BuildOptions(parse_levels("hsk3-5")).deck == "deckbuilder::HSK 2.0"  # the levels are sub-decks
    assert BuildOptions(parse_levels("hsk3"), deck_name="Class 7b").deck == "Class 7b"


def _notes(path: Path) -> dict[str, tuple[int, str]]:
    """GUID → (note type id, Target field) of every note in an .apkg."""
    from deckbuilder.preview import read_deck

    deck = read_deck(path)
    target = {nt.id: nt.fields.index("Target") for nt in deck.note_types.values()}
    return {n.guid: (n.note_type_id, n.fields[target[n.note_type_id]]) for n in deck.notes.values()}


def test_known_words_remove_notes_and_keep_the_other_guids(tmp_path: Path) -> None:
    level = parse_levels("hsk5")
    first = tmp_path / "a.apkg"
    build(BuildOptions(levels=level, output=first, max_notes=12, builtin=("hsk-sentences",)))
    before = _notes(first)
    targets = sorted({t for _, t in before.values()})
    known = tmp_path / "known.txt"
    known.write_text("\n".join(targets[:3]) + "\n", encoding="utf-8")
    second = tmp_path / "b.apkg"
    build(BuildOptions(levels=level, output=second, max_notes=12, builtin=("hsk-sentences",), known=known))
    after = _notes(second)
    assert not {t for _, t in after.values()} & set(targets[:3])  # known words are never targets
    kept = [g for g, (_, t) in before.items() if t not in targets[:3]]
    assert kept and all(g in after for g in kept)  # the remaining notes keep their GUIDs


# ---------------------------------------------------------------- batch.cached_map: cache and workers
def _square(n: int, cached: str | None) -> tuple[int, str | None]:
    """Work that says whether it saw a cached value: the cached text, else n*n (stored)."""
    if cached is not None:
        return int(cached) + 1000, None
    return n * n, str(n * n)


def _map(store: object, items: list[int], workers: int = 1, **kw: object) -> list[tuple[int, int]]:
    from deckbuilder.pipeline.batch import cached_map

    run = cached_map("square:v1", items, _square, workers, store=store, text=str, chunk=3, **kw)  # type: ignore[arg-type]
    return list(run)


def test_cached_map_keeps_order_and_passes_cached_values(tmp_path: Path) -> None:
    from deckbuilder.cache import Cache

    with Cache(tmp_path / "c.sqlite") as store:
        items = list(range(10))
        assert _map(store, items) == [(n, n * n) for n in items]  # computed, then stored
        assert _map(store, items) == [(n, n * n + 1000) for n in items]  # every item got its cached value
        assert _map(store, [3, 11]) == [(3, 1009), (11, 121)]


def test_cached_map_reuse_skips_the_work_and_setup_when_all_is_cached(tmp_path: Path) -> None:
    from deckbuilder.cache import Cache

    loaded: list[int] = []
    with Cache(tmp_path / "c.sqlite") as store:
        first = _map(store, [1, 2, 3, 4], reuse=lambda n, v: -int(v), setup=lambda: loaded.append(1))
        assert first == [(1, 1), (2, 4), (3, 9), (4, 16)] and loaded == [1]  # setup once, before the work
        again = _map(store, [1, 2, 3, 4], reuse=lambda n, v: -int(v), setup=lambda: loaded.append(1))
        assert again == [(1, -1), (2, -4), (3, -9), (4, -16)] and loaded == [1]  # nothing to load for


def test_cached_map_with_workers_gives_the_same_results_and_reports_progress(tmp_path: Path) -> None:
    from deckbuilder.cache import Cache

    seen: list[tuple[str, int, int | None]] = []
    items = list(range(25))
    with Cache(tmp_path / "one.sqlite") as one, Cache(tmp_path / "two.sqlite") as two:
        inline = _map(one, items)
        forked = _map(two, items, workers=2, progress=lambda *a: seen.append(a), label="Squaring", total=25)
        assert forked == inline
        assert _map(two, items, workers=2) == _map(one, items)  # the workers' values were stored here
    done = [n for _, n, _ in seen]
    assert done == sorted(done) and done[-1] == 25 and all(t == 25 for _, _, t in seen)


def test_cached_map_without_a_cache(tmp_path: Path) -> None:
    from deckbuilder.cache import Cache

    with Cache(enabled=False) as store:
        assert _map(store, [2, 3]) == _map(store, [2, 3]) == [(2, 4), (3, 9)]


def test_cached_map_many_takes_a_part_at_once_and_needs_a_result_for_each_item() -> None:
    from deckbuilder.pipeline.batch import cached_map

    parts: list[int] = []

    def squares(part: list[tuple[int, str | None]]) -> list[tuple[int, str | None]]:
        parts.append(len(part))
        return [(n * n, None) for n, _ in part]

    items = list(range(7))
    run = cached_map("square:v1", items, squares, 1, many=True, store=None, text=str, chunk=3)
    assert list(run) == [(n, n * n) for n in items] and parts == [3, 3, 1]  # inline: a chunk at a time
    forked = cached_map("square:v1", items, squares, 2, many=True, store=None, text=str, chunk=4)
    assert list(forked) == [(n, n * n) for n in items]
    for wrong in (lambda part: part[1:], lambda part: [*part, part[0]]):  # one result short, one too many
        with pytest.raises(AssertionError, match="results than items"):
            list(cached_map("square:v1", items, wrong, 1, many=True, store=None, text=str, chunk=3))


def test_the_collector_runs_again_when_the_last_pause_of_any_thread_ends() -> None:
    """A Dask worker runs several tasks at once, each with the collector paused: the first to finish must
    not start it under the others."""
    import gc
    import threading

    from deckbuilder.pipeline.batch import collector_paused

    opened, release, states = threading.Event(), threading.Event(), []

    def other_task() -> None:
        with collector_paused():
            opened.set()
            release.wait(10)
            states.append(gc.isenabled())

    assert gc.isenabled()
    with collector_paused():
        thread = threading.Thread(target=other_task)
        thread.start()
        opened.wait(10)
    states.append(gc.isenabled())  # this thread's pause ended, the other's has not
    release.set()
    thread.join()
    assert states == [False, False] and gc.isenabled()
    with collector_paused(), collector_paused():  # nested in one thread
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_failed_build_waits_for_what_it_started_loading(
    mini_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Grading hands the workers the input, then loads what enrichment reads in a thread; a build that
    fails after that leaves no thread running (a later build in the process may fork)."""
    import threading
    import time

    from deckbuilder.pipeline import grading

    started: list[threading.Thread] = []
    real_thread = threading.Thread

    def tracked(*args: object, **kwargs: object) -> threading.Thread:
        thread = real_thread(*args, **kwargs)  # type: ignore[arg-type]
        if kwargs.get("name") == "preload":
            started.append(thread)
        return thread

    def fail_to_choose(*args: object) -> object:
        raise RuntimeError("no choice")

    monkeypatch.setattr(grading.threading, "Thread", tracked)
    monkeypatch.setattr(grading, "_preload", lambda: time.sleep(0.5))  # still loading when the build fails
    monkeypatch.setattr(grading.Selector, "finish", fail_to_choose)
    options = BuildOptions.parse(
        "hsk1", inputs=[mini_corpus], output=tmp_path / "d.apkg", workers=2, lock_file=False,
        cache_path=tmp_path / "cache.sqlite",
    )  # fmt: skip
    with pytest.raises(RuntimeError, match="no choice"):
        build(options)
    assert len(started) == 1 and started[0].ident is not None and not started[0].is_alive()


def test_progress_names_each_step_from_the_start(mini_corpus: Path, tmp_path: Path) -> None:
    events: list[tuple[str, int, int | None]] = []
    options = BuildOptions(parse_levels("hsk4"), output=tmp_path / "d.apkg", inputs=(mini_corpus,))
    report = build(options, lambda *event: events.append(event))
    steps = [label for label, done, total in events if done == 0 and total is None]
    assert steps == [
        "Checking inputs and outputs",
        "Grading sentences",
        "Choosing and ordering",
        "Adding pinyin and glosses",
        "Making notes",
        "Writing the deck",
    ]
    assert [label for label, _ in report.timings] == steps
    from deckbuilder.pipeline import COMMITTED

    assert events[-1] == (COMMITTED, 1, 1)  # said once the deck and side files are in place
    enrich = [
        (done, total) for label, done, total in events if label == "Adding pinyin and glosses" and total
    ]
    assert enrich[-1] == (report.notes // 2, report.notes // 2)  # the bar is full only once the work is done


def test_output_name_gets_the_deck_suffix(tmp_path: Path) -> None:
    assert BuildOptions(parse_levels("hsk4"), output=tmp_path / "mydeck").output == tmp_path / "mydeck.apkg"
    assert BuildOptions(parse_levels("hsk4"), output=tmp_path / "a.APKG").output == tmp_path / "a.APKG"
    assert BuildOptions(parse_levels("hsk4"), output=tmp_path).output == tmp_path  # a folder: an error later


@pytest.mark.parametrize(
    ("values", "option"),
    [
        ({"per_word": 0}, "--per-word"),
        ({"max_new": 4}, "--max-new"),
        ({"min_score": 1.5}, "--min-score"),
        ({"builtin": ("tatoeba", "opus")}, "--builtin"),
        ({"tags": ("two words",)}, "--tag"),
        ({"deck_name": "a::"}, "--deck-name"),
        ({"cards": ()}, "--cards"),
    ],
)
def test_options_are_checked_once_naming_the_option(values: dict[str, object], option: str) -> None:
    from deckbuilder.errors import OptionError

    with pytest.raises(OptionError) as info:
        BuildOptions(parse_levels("hsk4"), **values)  # type: ignore[arg-type]
    assert info.value.option == option


def test_parse_reads_the_command_line_text() -> None:
    from deckbuilder.errors import OptionError

    options = BuildOptions.parse(
        "hsk3-4", "2021", builtin="hsk-sentences", cards="listening,reading", tags=["a"]
    )
    assert [lv.level for lv in options.levels] == [3, 4] and options.top.standard == "2021"
    assert options.builtin == ("hsk-sentences",) and options.cards == ("listening", "reading")
    assert options.default_output() == Path("decks/hsk2021-3-4.apkg") and options.tags == ("a",)
    with pytest.raises(OptionError) as info:
        BuildOptions.parse("hsk5", "3.5")
    assert info.value.option == "--standard"


def test_a_rebuild_reuses_each_candidates_coverage(
    mini_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pair's lexical coverage is cached with its words: a rebuild neither measures nor needs the
    dictionary, and gives the same deck."""
    from deckbuilder import grade
    from deckbuilder.preview import read_deck

    options = {"levels": parse_levels("hsk4"), "inputs": (mini_corpus,), "cache_path": tmp_path / "c.db"}
    first = build(BuildOptions(output=tmp_path / "a.apkg", timestamp=1.0, **options))  # type: ignore[arg-type]

    def unexpected(sentence: object) -> object:
        raise AssertionError("measured again")

    monkeypatch.setattr(grade, "coverage", unexpected)
    again = build(BuildOptions(output=tmp_path / "b.apkg", timestamp=1.0, **options))  # type: ignore[arg-type]
    assert (again.notes, again.covered) == (first.notes, first.covered)
    guids = [sorted(n.guid for n in read_deck(tmp_path / f).notes.values()) for f in ("a.apkg", "b.apkg")]
    assert guids[0] == guids[1]
