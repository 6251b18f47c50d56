"""Issue 7: bad input is one clear line, a failed or interrupted run loses no work, the same input gives the
same deck, and hostile text never reaches a card field raw."""

from __future__ import annotations

import json
import re
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from deckbuilder.cli import app
from deckbuilder.errors import OutputError

runner = CliRunner()

ZH = ["图书馆早上九点开门。", "学生一次可以借三本书。", "二楼的阅览室很安静。"]
EN = [
    "The library opens at nine in the morning.",
    "Students can borrow three books at a time.",
    "The reading room on the second floor is quiet.",
]
GOOD_TSV = "".join(f"{z}\t{e}\n" for z, e in zip(ZH, EN, strict=True))


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def one_error_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("deckbuild: error: ")
    return lines[0]


def make_args(inputs: list[Path], out: Path, *extra: str) -> list[str]:
    return ["make", "-l", "hsk4", *map(str, inputs), "-o", str(out), "--workers", "1", *extra]


def align_args(inputs: list[Path], out: Path, *extra: str) -> list[str]:
    return ["align", *map(str, inputs), "-o", str(out), "--review", str(out.with_suffix(".review")), *extra]


COMMANDS: dict[str, Callable[..., list[str]]] = {"make": make_args, "align": align_args}


# ---------------------------------------------------------------------------------------------- bad input
def _write(data: bytes | str, name: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return path

    return make


def _directory(folder: Path) -> Path:
    (folder / "texts").mkdir()
    return folder / "texts"


LONG = "很" * 10_001
BAD_INPUTS: dict[str, tuple[Callable[[Path], Path], str, tuple[str, ...]]] = {
    # case: (write the input, what the message says, extra options)
    "empty": (_write("", "empty.tsv"), "the file is empty", ()),
    "blank lines only": (_write("\n \n\t\n", "blank.txt"), "the file is empty", ()),
    "binary": (_write(b"\x00\x01\x02binary\x00" * 50, "data.txt"), "binary file", ()),
    "a PDF saved as .txt": (_write(b"%PDF-1.7\n\xe2\xe3\xcf\xd3\n", "paper.txt"), "a PDF document", ()),
    "undecodable bytes": (
        _write("Caf\u00e9 na\u00efve d\u00e9j\u00e0 vu\t\u00e9t\u00e9\n".encode("latin-1") * 5, "latin.tsv"),
        "cannot decode",
        (),
    ),
    "undecodable byte late in the file": (
        _write(GOOD_TSV.encode() * 2000 + b"\xff\xfe\tbroken\n", "late.tsv"),
        "late.tsv:6001: cannot decode",
        (),
    ),
    "English only": (
        _write("Only English here.\n\nAnd more of it.\n", "en.txt"),
        "no Chinese file to pair",
        (),
    ),
    "English-only pairs": (_write("hello\tworld\ngood\tmorning\n", "en.tsv"), "no Chinese text", ()),
    "Chinese-only pairs": (_write("".join(f"{z}\t{z}\n" for z in ZH), "zh.tsv"), "no English column", ()),
    "Chinese only": (_write("只有中文。\n\n还是中文。\n", "zh.txt"), "no English file to pair", ()),
    "one column": (_write("".join(f"{z}\n" for z in ZH), "one.tsv"), "at least two columns", ()),
    "wrong column count, --strict": (
        _write(GOOD_TSV + f"{ZH[0]}\n", "short.tsv"),
        "short.tsv:4: expected 2 columns, found 1",
        ("--strict",),
    ),
    "TMX syntax error": (
        _write('<?xml version="1.0"?>\n<tmx><body><tu>\n<tuv></tmx>', "m.tmx"),
        "malformed TMX",
        (),
    ),
    "JSONL syntax error": (
        _write(json.dumps({"zh": ZH[0], "en": EN[0]}) + '\n{"zh": "坏"\n', "p.jsonl"),
        "p.jsonl:2: invalid JSON",
        (),
    ),
    "JSONL without zh/en, --strict": (
        _write(json.dumps({"zh": ZH[0], "en": EN[0]}) + '\n{"chinese": "坏"}\n', "p.jsonl"),
        'p.jsonl:2: expected an object with "zh" and "en" strings',
        ("--strict",),
    ),
    "CSV with an unclosed quote": (
        _write(
            f'{ZH[0]},{EN[0]}\n{ZH[1]},"{EN[1]}\n' + "x" * 9000 + "\n" * 20 + ("y" * 9000 + "\n") * 15,
            "q.csv",
        ),
        "q.csv:2: malformed CSV",
        (),
    ),
    "line over the length limit": (
        _write(GOOD_TSV + f"{LONG}\tvery\n", "long.tsv"),
        "long.tsv:4: line longer",
        (),
    ),
    "missing file": (lambda folder: folder / "nope.tsv", "no such file", ()),
    "directory": (_directory, "is a directory", ()),
}


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("case", BAD_INPUTS)
def test_bad_input_is_one_line_exit_1_and_no_output(tmp_path: Path, command: str, case: str) -> None:
    write, message, extra = BAD_INPUTS[case]
    src, out_dir = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    out_dir.mkdir()
    path = write(src)
    out = out_dir / ("deck.apkg" if command == "make" else "pairs.tsv")
    result = runner.invoke(app, COMMANDS[command]([path], out, *extra))
    assert result.exit_code == 1, (result.stdout, result.stderr)
    line = one_error_line(result.stderr)
    assert str(path) in line and message in line
    assert result.stdout == ""
    assert files_in(out_dir) == []  # no output, no side file, no temporary file


@pytest.mark.parametrize("command", COMMANDS)
def test_permission_denied_input(tmp_path: Path, command: str, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.tsv"
    path.write_text(GOOD_TSV, encoding="utf-8")
    real_open = Path.open

    def guarded(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", guarded)
    out = tmp_path / "out" / "o.apkg"
    out.parent.mkdir()
    result = runner.invoke(app, COMMANDS[command]([path], out))
    assert result.exit_code == 1
    line = one_error_line(result.stderr)
    assert str(path) in line and "Permission denied" in line
    assert files_in(out.parent) == []


def _no_dir(tmp_path: Path) -> Path:
    return tmp_path / "missing-dir" / "o.out"


def _a_dir(tmp_path: Path) -> Path:
    (tmp_path / "taken").mkdir()
    return tmp_path / "taken"


BAD_OUTPUTS = {
    "directory missing": (_no_dir, "does not exist"),
    "output is a directory": (_a_dir, "is a directory"),
}


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("case", BAD_OUTPUTS)
def test_bad_output_is_one_line_exit_1(tmp_path: Path, command: str, case: str) -> None:
    target, message = BAD_OUTPUTS[case]
    src = tmp_path / "p.tsv"
    src.write_text(GOOD_TSV, encoding="utf-8")
    out = target(tmp_path)
    result = runner.invoke(app, COMMANDS[command]([src], out))
    assert result.exit_code == 1, result.stderr
    line = one_error_line(result.stderr)
    assert str(out) in line and message in line
    assert [p for p in tmp_path.rglob("*") if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize("command", COMMANDS)
def test_unwritable_output_directory(tmp_path: Path, command: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from deckbuilder import atomic

    locked = tmp_path / "locked"
    locked.mkdir()
    real_access = atomic.os.access
    monkeypatch.setattr(atomic.os, "access", lambda p, mode: Path(p) != locked and real_access(p, mode))
    src = tmp_path / "p.tsv"
    src.write_text(GOOD_TSV, encoding="utf-8")
    result = runner.invoke(app, COMMANDS[command]([src], locked / "o.out"))
    assert result.exit_code == 1
    assert "is not writable" in one_error_line(result.stderr)
    assert files_in(locked) == []


# ------------------------------------------------------------------------------------ malformed rows
@pytest.mark.parametrize("command", COMMANDS)
def test_wrong_column_count_is_skipped_with_a_warning_and_a_count(tmp_path: Path, command: str) -> None:
    src = tmp_path / "p.tsv"
    src.write_text(GOOD_TSV + f"{ZH[0]}\n{ZH[1]}\t{EN[1]}\textra\n" + GOOD_TSV, encoding="utf-8")
    out = tmp_path / ("d.apkg" if command == "make" else "pairs.tsv")
    level = ["-l", "hsk3"] if command == "make" else []  # a level these sentences teach something of
    result = runner.invoke(app, COMMANDS[command]([src], out, *level))
    assert result.exit_code == 0, result.stderr
    assert "Rows skipped: 2 malformed" in result.stdout
    warning = [ln for ln in result.stderr.splitlines() if "malformed" in ln]
    assert len(warning) == 1 and warning[0].startswith("deckbuild: warning: ")
    assert f"{src}: left out 2 malformed row(s) (line 4, 5;" in warning[0] and "--strict" in warning[0]
    if command == "align":
        assert out.read_text(encoding="utf-8").count("\n") == 6


# ---------------------------------------------------------------------------------------- no lost work
def _previous_build(tmp_path: Path, corpus: Path) -> tuple[Path, dict[str, bytes]]:
    """A deck and its side files from a good run, to be kept by every failed run after it."""
    src = tmp_path / "good.tsv"
    src.write_bytes(corpus.read_bytes())
    out_dir = tmp_path / "decks"
    out_dir.mkdir()
    out = out_dir / "d.apkg"
    result = runner.invoke(app, make_args([src], out))
    assert result.exit_code == 0, result.stderr
    before = {p.name: p.read_bytes() for p in out_dir.iterdir()}
    assert set(before) == {"d.apkg", "d.missing.txt", "d.review.tsv", "d.lock.json"}
    assert "Notes:        0" not in result.stdout
    return out, before


def _late_bad_line(tmp_path: Path) -> Path:
    bad = tmp_path / "late.tsv"
    bad.write_text(GOOD_TSV * 3000 + f"{LONG}\tx\n", encoding="utf-8")  # past the sample, past a batch
    return bad


def _boom(exc: BaseException) -> Callable[..., object]:
    def fail(*args: object, **kwargs: object) -> object:
        raise exc

    return fail


def _half_deck_then(exc: BaseException) -> Callable[..., object]:
    def fail(spec: object, path: Path, timestamp: float | None = None) -> object:
        Path(path).write_bytes(b"half a deck")
        raise exc

    return fail


# (module, attribute, replacement): a failure in each stage after the output checks.
STAGE_FAILURES = {
    "grading": ("deckbuilder.grade", "Selector.finish", _boom(KeyboardInterrupt())),
    "pinyin": ("deckbuilder.annotate", "enrich", _boom(KeyboardInterrupt())),
    "cards": ("deckbuilder.cards", "notes_for", _boom(KeyboardInterrupt())),
    "deck write (disk full)": (
        "deckbuilder.apkg",
        "write_package",
        _half_deck_then(OSError(28, "No space left")),
    ),
    "deck write (Ctrl-C)": ("deckbuilder.apkg", "write_package", _half_deck_then(KeyboardInterrupt())),
    "verification": ("deckbuilder.apkg", "_verify", _boom(OutputError("x: failed verification"))),
    "side files (Ctrl-C)": ("deckbuilder.pipeline.outputs", "review_rows", _boom(KeyboardInterrupt())),
}


@pytest.mark.parametrize("stage", STAGE_FAILURES)
def test_a_failure_at_any_stage_keeps_the_previous_deck(
    tmp_path: Path, stage: str, monkeypatch: pytest.MonkeyPatch, mini_corpus: Path
) -> None:
    import importlib

    out, before = _previous_build(tmp_path, mini_corpus)
    module, attribute, replacement = STAGE_FAILURES[stage]
    owner: object = importlib.import_module(module)
    *path, name = attribute.split(".")
    for part in path:
        owner = getattr(owner, part)
    monkeypatch.setattr(owner, name, replacement)
    src = tmp_path / "good.tsv"
    result = runner.invoke(app, make_args([src], out, "--no-cache"))
    line = one_error_line(result.stderr)
    if "Ctrl-C" in stage or stage in ("grading", "pinyin", "cards"):
        assert result.exit_code == 130 and "interrupted" in line
    else:
        assert result.exit_code == 1 and ("No space left" in line or "failed verification" in line), line
    assert {p.name: p.read_bytes() for p in out.parent.iterdir()} == before  # untouched, no temporary file


def test_bad_line_late_in_a_streamed_file_keeps_the_previous_deck(tmp_path: Path, mini_corpus: Path) -> None:
    out, before = _previous_build(tmp_path, mini_corpus)
    bad = _late_bad_line(tmp_path)
    result = runner.invoke(app, make_args([bad], out))
    assert result.exit_code == 1
    assert f"{bad}:9001: line longer than 10,000 characters" in one_error_line(result.stderr)
    assert {p.name: p.read_bytes() for p in out.parent.iterdir()} == before


def test_interrupted_align_keeps_output_and_review(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from deckbuilder import align

    src = tmp_path / "doc.txt"
    src.write_text("\n\n".join([*EN, *ZH]) + "\n", encoding="utf-8")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "pairs.tsv"
    out.write_text("previous pairs\n", encoding="utf-8")
    out.with_suffix(".review").write_text("previous review\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in out_dir.iterdir()}
    monkeypatch.setattr(align, "align", _boom(KeyboardInterrupt()))
    result = runner.invoke(app, align_args([src], out))
    assert result.exit_code == 130
    assert "interrupted" in one_error_line(result.stderr)
    assert {p.name: p.read_bytes() for p in out_dir.iterdir()} == before


def test_align_refuses_the_same_file_for_output_and_review(tmp_path: Path) -> None:
    src = tmp_path / "p.tsv"
    src.write_text(GOOD_TSV, encoding="utf-8")
    out = tmp_path / "pairs.tsv"
    result = runner.invoke(app, ["align", str(src), "-o", str(out), "--review", str(out)])
    assert result.exit_code == 1
    assert "same file" in one_error_line(result.stderr)
    assert not out.exists()


# ----------------------------------------------------------------------------------------- determinism
def dump(apkg: Path) -> tuple[str, str, set[int], set[int]]:
    """JSON of the notes (guid, fields, tags, due, in order) and of the note types without `mod`; the
    modification times of notes and note types."""
    with zipfile.ZipFile(apkg) as zf, tempfile.TemporaryDirectory() as tmp:
        zf.extract("collection.anki2", tmp)
        con = sqlite3.connect(Path(tmp) / "collection.anki2")
        try:
            notes = con.execute(
                "select n.guid, n.flds, n.tags, min(c.due), n.mid, n.mod from notes n "
                "join cards c on c.nid = n.id group by n.id order by min(c.due), n.guid"
            ).fetchall()
            models = json.loads(con.execute("select models from col").fetchone()[0])
        finally:
            con.close()
    model_mods = {m.pop("mod") for m in models.values()}
    note_json = json.dumps([row[:5] for row in notes], ensure_ascii=False)
    model_json = json.dumps(models, ensure_ascii=False, sort_keys=True)
    return note_json, model_json, {row[5] for row in notes}, model_mods


def test_same_input_same_notes_and_note_types_only_newer_times(mini_corpus: Path, tmp_path: Path) -> None:
    from deckbuilder.pipeline import BuildOptions, build
    from deckbuilder.standards import parse_levels

    dumps = []
    for n, stamp in enumerate((1_700_000_000, 1_700_086_400)):
        options = BuildOptions(
            levels=parse_levels("hsk4"), output=tmp_path / f"{n}.apkg", inputs=(mini_corpus,), timestamp=stamp
        )
        report = build(options)
        assert report.notes > 0
        dumps.append(dump(tmp_path / f"{n}.apkg"))
    (notes_a, models_a, note_mods_a, model_mods_a), (notes_b, models_b, note_mods_b, model_mods_b) = dumps
    assert notes_a == notes_b and models_a == models_b
    assert note_mods_a == model_mods_a == {1_700_000_000}
    assert note_mods_b == model_mods_b == {1_700_086_400}  # a rebuild is newer: Anki's import applies it


def test_a_build_without_a_fixed_time_stamps_now(mini_corpus: Path, tmp_path: Path) -> None:
    import time

    from deckbuilder.pipeline import BuildOptions, build
    from deckbuilder.standards import parse_levels

    started = int(time.time())
    build(BuildOptions(levels=parse_levels("hsk4"), output=tmp_path / "now.apkg", inputs=(mini_corpus,)))
    _, _, note_mods, model_mods = dump(tmp_path / "now.apkg")
    assert all(started <= m <= time.time() + 1 for m in note_mods | model_mods)


# ------------------------------------------------------------------------------------------ hostile text
HOSTILE = [
    (
        "我们<script>alert(1)</script>一起去商店。",
        'We go <script>alert("x")</script> to the {{c2::shop}} together.',
    ),
    # Upper case: Latin words inside the Chinese are left out as weak sentences, acronyms are not (and
    # HTML and Anki's {{c1::}} do not care about case).
    ("他{{C1::X}}今天非常高兴。", "He is very happy today :: {{Hanzi}} }}"),
    ("我的\u202e朋友\u200b已经在医院工作了。", "My friend works at the hospital. \u202egnp.exe\u2066x\u2069"),
    ("孩子想吃<B>米饭</B>吗？", "Does the child want <i>rice</i>? &amp; <img src=x onerror=alert(1)>"),
    ("我们::明天\x07去\x1f旁边的医院。", "Tomorrow\x07 we go::to the hospital next door.\x1b[31m"),
]
_INVISIBLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def test_hostile_text_is_neutralised_in_every_field(tmp_path: Path) -> None:
    src = tmp_path / "hostile.tsv"
    src.write_text("".join(f"{zh}\t{en}\n" for zh, en in HOSTILE), encoding="utf-8")
    out = tmp_path / "h.apkg"
    options = ["--min-chars", "1", "--zhuyin", "--traditional", "standard", "--pinyin-style", "ruby"]
    result = runner.invoke(app, ["make", "-l", "hsk2", str(src), "-o", str(out), "--hint", "both", *options])
    assert result.exit_code == 0, result.stderr
    from deckbuilder.preview import read_deck

    deck = read_deck(out)
    assert len(deck.notes) >= 6  # at least three hostile sentences became cards
    field_names = {nt.id: nt.fields for nt in deck.note_types.values()}
    for note in deck.notes.values():
        mid, values, tags = note.note_type_id, note.fields, " ".join(note.tags)
        assert len(values) == len(field_names[mid])  # no field separator smuggled in
        for name, value in zip(field_names[mid], values, strict=True):
            where = f"{name}: {value!r}"
            lower = value.lower()
            assert "<script" not in lower and "<img" not in lower and "<b>" not in lower, where
            assert not _INVISIBLE.search(value), where
            outside = re.sub(r"\{\{c1::[^{}]*\}\}", "", value) if name == "Text" else value
            assert "{{" not in outside and "}}" not in outside and "::" not in outside, where
            if name == "Text":
                assert value.count("{{c1::") == 1, where
        assert not _INVISIBLE.search(tags) and "<" not in tags


# ------------------------------------------------------------------ property: documents through alignment
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = st.sampled_from(
    [
        *ZH,
        *EN,
        "学生可以借书，",
        "“好！”他说。",
        'Mr. Li said "yes."',
        "\n\n",
        "\n",
        "\t",
        " ",
        "。",
        ".",
        "…",
    ]
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.lists(st.one_of(_PIECES, st.text(max_size=4)), max_size=50).map("".join))
def test_any_text_file_aligns_or_is_an_input_error(tmp_path: Path, text: str) -> None:
    text = text.replace("\t", " ")  # tab-separated lines are a TSV file, whose third column is not kept
    from deckbuilder.errors import InputError
    from deckbuilder.pipeline.grading import input_pairs

    path = tmp_path / "doc.txt"
    path.write_bytes(text.encode("utf-8", errors="replace"))
    try:
        pairs = list(input_pairs([path]))
    except InputError as exc:
        assert str(exc).startswith(str(path)) and "\n" not in str(exc)
        return
    # Every Chinese character and English letter of the file is in some pair (paired or unpaired; a
    # mostly-English paragraph with some Chinese in it is on the English side).
    from collections import Counter

    kept = Counter(re.findall(r"[\u4e00-\u9fffA-Za-z]", "".join(p.zh_original + p.en for p in pairs)))
    assert kept == Counter(re.findall(r"[\u4e00-\u9fffA-Za-z]", text))


@pytest.mark.parametrize("command", COMMANDS)
def test_output_over_an_input_file_is_refused(tmp_path: Path, command: str) -> None:
    # A deck's name always ends in .apkg; its side file `d.review.tsv` can still be the input.
    src = tmp_path / ("d.review.tsv" if command == "make" else "p.tsv")
    src.write_text(GOOD_TSV, encoding="utf-8")
    result = runner.invoke(app, COMMANDS[command]([src], tmp_path / "d.apkg" if command == "make" else src))
    assert result.exit_code == 1
    assert "is an input file" in one_error_line(result.stderr)
    assert src.read_text(encoding="utf-8") == GOOD_TSV


def test_a_failed_run_removes_the_default_deck_folder_it_created(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty.tsv").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["make", "-l", "hsk4", "empty.tsv"])
    assert result.exit_code == 1
    assert "empty.tsv: the file is empty" in one_error_line(result.stderr)
    assert files_in(tmp_path) == ["empty.tsv"]  # no decks/ folder left behind


# ------------------------------------------------------------------------- signals held around renames
def test_signals_are_held_until_the_block_ends_even_with_another_thread() -> None:
    """The kernel may hand a signal to any thread (a progress bar's); it must still wait for the block."""
    import os
    import signal
    import threading
    import time

    from deckbuilder.atomic import signals_deferred

    stop = threading.Event()
    bar = threading.Thread(target=stop.wait)
    bar.start()
    done = []
    try:
        with pytest.raises(KeyboardInterrupt), signals_deferred():
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(0.2)  # an unheld Ctrl-C would interrupt here
            done.append("renamed")
        assert done == ["renamed"]
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # the run's handler is back
    finally:
        stop.set()
        bar.join()


def test_files_are_committed_together_and_said_so(tmp_path: Path) -> None:
    from deckbuilder.atomic import atomic_targets

    deck, side = tmp_path / "d.apkg", tmp_path / "d.missing.txt"
    seen: list[list[str]] = []
    with atomic_targets(deck, side, committed=lambda: seen.append(files_in(tmp_path))) as (a, b):
        a.write_text("deck", encoding="utf-8")
        b.write_text("side", encoding="utf-8")
        assert not deck.exists()
    assert seen == [["d.apkg", "d.missing.txt"]]  # called once both are in place, no temporary file left
