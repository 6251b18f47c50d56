"""The fast paths change nothing: worker processes and the content-keyed cache give identical decks."""

from __future__ import annotations

import marshal
from pathlib import Path

import pytest

from deckbuilder import cache
from deckbuilder.pipeline import BuildOptions, build
from deckbuilder.preview import read_deck
from deckbuilder.standards import parse_levels


def deck_notes(path: Path) -> list[tuple[str, tuple[str, ...], tuple[str, ...], int]]:
    """(guid, fields, tags, due) of every card's note, in study order: what must not change."""
    deck = read_deck(path)
    cards = sorted(deck.cards, key=lambda c: (c.due, c.ord))
    return [(n.guid, n.fields, n.tags, c.due) for c in cards for n in (deck.notes[c.note_id],)]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A few thousand built-in pairs in Tatoeba layout: enough for several worker batches."""
    from deckbuilder.ingest import read_builtin

    path = tmp_path_factory.mktemp("corpus") / "pairs.tsv"
    pairs = read_builtin(("hsk-sentences",))
    with path.open("w", encoding="utf-8") as fh:
        for i, pair in enumerate(pairs):
            fh.write(f"{i}\t{pair.zh}\t{i}\t{pair.en}\n")
    return path


def _build(corpus: Path, out: Path, **kw: object) -> list[tuple[str, tuple[str, ...], tuple[str, ...], int]]:
    options = BuildOptions(
        levels=parse_levels("hsk4"), output=out, inputs=(corpus,), timestamp=1_700_000_000, **kw
    )
    build(options)  # type: ignore[arg-type]
    return deck_notes(out)


def test_one_and_two_workers_give_identical_decks(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from deckbuilder.pipeline import batch

    monkeypatch.setattr(batch, "CHUNK", 500)  # several batches, so batches overlap with workers
    one = _build(corpus, tmp_path / "one.apkg", workers=1, use_cache=False)
    two = _build(corpus, tmp_path / "two.apkg", workers=2, use_cache=False)
    assert len(one) > 100
    assert one == two


def test_cache_gives_identical_decks_and_is_used(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "cache.sqlite"
    plain = _build(corpus, tmp_path / "plain.apkg", use_cache=False, cache_path=store)
    assert not store.exists()
    cold = _build(corpus, tmp_path / "cold.apkg", cache_path=store)
    rows = cache.info(store).rows
    # Annotation of the chosen sentences is kept; segmentation is cheaper to redo than to key and store.
    assert rows["enrich"] > 100 and "segment" not in rows
    assert len(list(tmp_path.glob("cache.sqlite.graded-*"))) == 1  # what a rebuild replays
    warm = _build(corpus, tmp_path / "warm.apkg", cache_path=store)
    assert plain == cold == warm


def test_cache_keys_depend_on_namespace_and_text() -> None:
    assert cache.key("a", "我去银行。") == cache.key("a", "我去银行。")
    assert cache.key("a", "我去银行。") != cache.key("b", "我去银行。")
    assert cache.key("a", "我去银行。") != cache.key("a", "我去银行！")


def test_cache_clear_and_damaged_cache(tmp_path: Path) -> None:
    store = tmp_path / "c.sqlite"
    with cache.Cache(store) as c:
        c.put_many("enrich", [(b"k" * 16, "我\\x1f去")])
        assert c.get_many("enrich", [b"k" * 16]) == {b"k" * 16: "我\\x1f去"}
    assert cache.clear(store) > 0 and not store.exists()
    store.write_bytes(b"this is not a database")
    with cache.Cache(store) as c:  # a damaged cache only costs time
        assert c.get_many("enrich", [b"k" * 16]) == {}
        c.put_many("enrich", [(b"k" * 16, "x")])


def test_a_cache_drops_the_tables_nothing_reads_any_more(tmp_path: Path) -> None:
    import sqlite3

    store = tmp_path / "old.sqlite"
    con = sqlite3.connect(store)
    con.execute("create table segment (k blob primary key, v text) without rowid")
    con.executemany("insert into segment values (?, ?)", [(bytes([i, j]), "我\x1f去" * 50) for i in range(200)
                                                          for j in range(20)])  # fmt: skip
    con.commit()
    con.close()
    before = store.stat().st_size
    with cache.Cache(store) as c:
        c.put_many("enrich", [(b"k" * 16, "kept")])
    tables = {row[0] for row in sqlite3.connect(store).execute("select name from sqlite_master")}
    assert "segment" not in tables and "enrich" in tables
    assert store.stat().st_size < before / 4  # the rows' space given back, not only unlinked
    with cache.Cache(store) as c:  # and the cache works as before
        assert c.get_many("enrich", [b"k" * 16]) == {b"k" * 16: "kept"}


def test_processes_sharing_the_cache_folder_derive_a_table_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first build on a local Dask cluster: the workers and the build need the same tables at once; one
    derives each, the others wait and read its file."""
    import multiprocessing
    import os
    import time

    from deckbuilder import derived

    monkeypatch.setenv("DECKBUILDER_CACHE_DIR", str(tmp_path))
    log = tmp_path / "derived.log"
    context = multiprocessing.get_context("fork")
    start = context.Barrier(3)

    def slowly() -> dict[str, str]:
        with log.open("a") as fh:
            fh.write("derived\n")
        time.sleep(0.5)
        return {"a": "b"}

    def one() -> None:
        start.wait(10)
        os._exit(0 if derived.stored("slow", "k1", slowly) == {"a": "b"} else 1)

    processes = [context.Process(target=one) for _ in range(3)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(20)
    assert [p.exitcode for p in processes] == [0, 0, 0]
    assert log.read_text().count("derived") == 1


def test_derived_tables_are_kept_by_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from deckbuilder import derived

    monkeypatch.setenv("DECKBUILDER_CACHE_DIR", str(tmp_path))
    calls: list[int] = []

    def derive() -> dict[str, tuple[str, ...]]:
        calls.append(1)
        return {"很快": ("很", "快"), "买点": ()}

    key = derived.key_of("test", "1")
    assert derived.stored("t", key, derive) == {"很快": ("很", "快"), "买点": ()}
    assert derived.stored("t", key, derive) == {"很快": ("很", "快"), "买点": ()} and len(calls) == 1
    derived.stored("t", derived.key_of("test", "2"), derive)  # another layout: derived again
    assert len(calls) == 2
    derived.stored("t", derived.key_of("test", "3"), derive)  # a third: the oldest goes
    assert len(calls) == 3 and len(list((tmp_path / "resources").glob("t-*"))) == derived.KEEP
    derived.stored("t", derived.key_of("test", "2"), derive)
    files = sorted((tmp_path / "resources").glob("t-*"))
    assert len(files) == 2
    files[0].write_bytes(b"\x00damaged")  # a damaged file costs only the time to derive again
    for f in files:
        derived.stored("t", f.name[2:].removesuffix(".marshal"), derive)
    assert len(calls) == 4
    assert cache.clear() > 0 and not list((tmp_path / "resources").glob("t-*"))


def test_large_tables_are_kept_packed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from deckbuilder import derived

    monkeypatch.setenv("DECKBUILDER_CACHE_DIR", str(tmp_path))
    calls: list[int] = []
    tags, freqs = {"银行": "n", "很快": "d", "": "x"}, {"银行": 2, "很快": 0, "银": 2**40}

    def derive(table: dict) -> dict:
        calls.append(1)
        return table

    for name, table in (("tags", tags), ("freqs", freqs)):
        key = derived.key_of(name, "1")
        assert derived.stored_table(name, key, lambda t=table: derive(t)) == table
        kept = derived.stored_table(name, key, lambda t=table: derive(t))
        assert kept == table and list(kept) == list(table) and kept is not table
    assert len(calls) == 2
    (path,) = (tmp_path / "resources").glob("tags-*")
    path.write_bytes(marshal.dumps(("a\x00b", "n")))  # keys and values that do not pair up: derived again
    assert derived.stored_table("tags", derived.key_of("tags", "1"), lambda: derive(tags)) == tags
    assert len(calls) == 3
    with pytest.raises(ValueError):
        derived.stored_table("bad", derived.key_of("bad", "1"), lambda: {"a\x00b": "n"})


def test_derived_tables_without_a_writable_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from deckbuilder import derived

    (tmp_path / "file").write_text("not a folder")
    monkeypatch.setenv("DECKBUILDER_CACHE_DIR", str(tmp_path / "file"))
    assert derived.stored("t", derived.key_of("x"), lambda: ("一", "二")) == ("一", "二")


def test_simplified_in_one_call_is_simplified_one_by_one() -> None:
    from deckbuilder.chinese import to_simplified, to_simplified_all

    texts = [
        "我們藉由這本書瞭解歷史。",
        "乾隆皇帝很喜歡頭髮。",
        "他乾了這杯酒。",
        "",
        "已經是簡體字了。",
        "回覆",
    ]
    assert to_simplified_all(texts) == [to_simplified(t) for t in texts]
    assert to_simplified_all(["一行\n兩行", "書"]) == [to_simplified("一行\n兩行"), "书"]
