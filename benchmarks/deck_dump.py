"""Dump what a set of builds means (not how long they take) to JSON, to prove a refactor changed nothing.

    python benchmarks/deck_dump.py before.json            # on the old code
    python benchmarks/deck_dump.py after.json             # on the new code
    python benchmarks/deck_dump.py --compare before.json after.json
    python benchmarks/deck_dump.py before.json --corpus big.tsv   # also a generated corpus, cold and warm

Each case runs the installed `deckbuild` in a fresh process with an empty private cache. A deck is dumped as
its meaning (STYLE.md, golden tests): deck names and descriptions, note types (ID, name, kind, fields,
templates, CSS, card requirements), every note (GUID, note type, fields, tags) and every card (note, template,
deck, due). Modification times and zip bytes are left out: they differ between any two builds. Side files
(`.missing.txt`, `.review.tsv`), `align` outputs and `pinyin` outputs are dumped as text; the report on stdout
without its timing line. Optional inputs from `../shared` are used when present.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
FIXTURE = HERE.parent / "tests" / "fixtures" / "mini_tatoeba.tsv"


def _cases(work: Path, corpus: Path | None = None) -> list[tuple[str, list[str]]]:
    """(name, deckbuild arguments) of every case; '{out}' is replaced by the case's output folder."""
    known = work / "known.txt"
    known.write_text("银行\n工作\n讨论\n态度\n安排\n", encoding="utf-8")
    readings = work / "readings.tsv"
    readings.write_text("银行\tyin2 hang2\n长大\tzhang3 da4\n", encoding="utf-8")
    cases = [
        ("hsk5-default", ["make", "--level", "hsk5"]),
        ("hsk1", ["make", "--level", "hsk1"]),
        (
            "range-all-options",
            [
                "make",
                "--level",
                "hsk3-4",
                "--cards",
                "reading,production,listening",
                "--hint",
                "both",
                "--pinyin-style",
                "ruby",
                "--zhuyin",
                "--traditional",
                "taiwan",
                "--tag",
                "class::7b",
                "--tag",
                "week1",
                "--deck-name",
                "Class 7b::HSK",
            ],
        ),
        ("band-2021", ["make", "--level", "hsk7-9", "--standard", "2021", "--max-notes", "300"]),
        ("syllabus-2025", ["make", "--level", "hsk2", "--standard", "2025", "--hint", "gloss"]),
        (
            "known-max-new",
            [
                "make",
                "--level",
                "hsk4",
                "--known",
                str(known),
                "--max-new",
                "2",
                "--no-assume-below",
                "--builtin",
                "hsk-sentences",
                "--traditional",
                "standard",
            ],
        ),
        (
            "readings-per-word",
            [
                "make",
                "--level",
                "hsk4",
                "--readings",
                str(readings),
                "--per-word",
                "2",
                "--min-chars",
                "6",
                "--max-chars",
                "15",
                "--builtin",
                "tatoeba",
                "--hint",
                "none",
            ],
        ),
        ("fixture-forced-tsv", ["make", "--level", "hsk4", "--input-format", "tsv", str(FIXTURE)]),
    ]
    seed = SHARED / "seeds" / "000_044dba403f5a7280.txt"
    if seed.is_file():
        cases.append(
            ("seed-with-builtin", ["make", "--level", "hsk5", str(seed), "--with-builtin", "--builtin",
                                   "hsk-sentences"])
        )  # fmt: skip
        cases.append(("align-seed", ["align", str(seed), "--review", "{out}/review.tsv"]))
    pol = SHARED / "eval" / "align" / "dev" / "pol_01"
    if pol.is_dir():
        two = [str(pol / "zh.txt"), str(pol / "en.txt")]
        cases.append(("align-two-files-jsonl", ["align", *two, "--format", "jsonl"]))
        cases.append(
            ("two-files-make", ["make", "--level", "hsk3", *two,
                                "--with-builtin", "--builtin", "hsk-sentences", "--min-score", "0.3"])
        )  # fmt: skip
    # The same builds again on the cache the cases above filled: a warm build must give the cold one's deck.
    cases.append(("hsk5-default-warm", ["make", "--level", "hsk5"]))
    cases.append(("range-warm", cases[2][1]))
    if corpus is not None:  # a generated corpus (make_corpus.py), cold then warm
        cases.append(("corpus", ["make", "--level", "hsk5", str(corpus), "--workers", "2"]))
        cases.append(("corpus-warm", ["make", "--level", "hsk5", str(corpus), "--workers", "2"]))
    return cases


PINYIN_LINES = (
    "我在银行工作。\n他跑得很快。\n你得走了。\n我们一起去看看吧。\n这个问题还没解决。\n"
    "他长大了，长得很高。\n我們的銀行很大。\n一个人也没有。\n不是我的。\n第二次世界大战\n"
)


def _deck(path: Path) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp, zipfile.ZipFile(path) as zf:
        name = next(n for n in ("collection.anki21", "collection.anki2") if n in zf.namelist())
        zf.extract(name, tmp)
        con = sqlite3.connect(Path(tmp) / name)
        models_json, decks_json = con.execute("select models, decks from col").fetchone()
        models = {}
        for m in json.loads(models_json).values():
            models[str(m["id"])] = {
                "name": m["name"],
                "type": m.get("type"),
                "fields": [f["name"] for f in m["flds"]],
                "templates": [[t["name"], t["qfmt"], t["afmt"]] for t in m["tmpls"]],
                "css": m.get("css"),
                "req": m.get("req"),
                "sortf": m.get("sortf"),
            }
        decks = {str(d["id"]): [d["name"], d.get("desc", "")] for d in json.loads(decks_json).values()}
        notes = {
            guid: {"mid": mid, "fields": flds.split("\x1f"), "tags": tags.split()}
            for guid, mid, flds, tags in con.execute("select guid, mid, flds, tags from notes")
        }
        query = (
            "select n.guid, c.ord, c.did, c.due, c.type, c.queue from cards c join notes n on n.id = c.nid"
        )
        cards = sorted(con.execute(query).fetchall())
        con.close()
    return {"models": models, "decks": decks, "notes": notes, "cards": cards}


def _lock(path: Path) -> object:
    """The lock without its notes' modification times (the build's clock)."""
    lock = json.loads(path.read_text(encoding="utf-8"))
    for note in lock.get("notes", {}).values():
        note.pop("mod", None)
    return lock


def _run(args: list[str], out: Path, env: dict[str, str], stdin: str | None = None) -> dict[str, object]:
    args = [a.replace("{out}", str(out)) for a in args]
    if args[0] == "make":
        args += ["-o", str(out / "deck.apkg")]
    elif args[0] == "align":
        args += ["-o", str(out / "pairs.out")]
    proc = subprocess.run(
        ["deckbuild", *args], capture_output=True, text=True, env=env, input=stdin, cwd=out, check=False
    )
    work = str(out.parent)  # a fresh temporary folder each run: not part of the meaning
    stdout = [ln.replace(work, "<work>") for ln in proc.stdout.splitlines() if not ln.startswith("Time:")]
    stderr = proc.stderr.replace(work, "<work>")
    result: dict[str, object] = {"exit": proc.returncode, "stdout": stdout, "stderr": stderr}
    for path in sorted(out.iterdir()):
        if path.suffix == ".apkg":
            result[path.name] = _deck(path)
        elif path.name.endswith(".lock.json"):
            result[path.name] = _lock(path)
        elif path.is_file():
            result[path.name] = path.read_text(encoding="utf-8").replace(work, "<work>")
    return result


def dump(target: Path, corpus: Path | None = None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        env = {**os.environ, "DECKBUILDER_CACHE_DIR": str(work / "cache")}
        results: dict[str, object] = {}
        for name, args in _cases(work, corpus):
            out = work / name
            out.mkdir()
            print(f"{name} …", file=sys.stderr, flush=True)
            results[name] = _run(args, out, env)
        for name, args in (
            ("pinyin-line", ["pinyin"]),
            ("pinyin-numbers", ["pinyin", "--numbers", "--per-char", "--citation-tones"]),
        ):
            out = work / name
            out.mkdir()
            results[name] = _run(args, out, env, PINYIN_LINES)
    target.write_text(json.dumps(results, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    print(f"wrote {target}", file=sys.stderr)


def compare(a: Path, b: Path) -> int:
    old, new = json.loads(a.read_text(encoding="utf-8")), json.loads(b.read_text(encoding="utf-8"))
    differences = 0
    for case in sorted(old.keys() | new.keys()):
        if old.get(case) == new.get(case):
            print(f"same       {case}")
            continue
        differences += 1
        x, y = old.get(case) or {}, new.get(case) or {}
        parts = sorted(k for k in x.keys() | y.keys() if x.get(k) != y.get(k))
        print(f"DIFFERENT  {case}: {', '.join(parts)}")
        for part in parts:
            if isinstance(x.get(part), dict) and isinstance(y.get(part), dict):
                for key in sorted(x[part].keys() | y[part].keys()):
                    if x[part].get(key) != y[part].get(key):
                        print(f"    {part}.{key} differs")
            elif part in ("stdout", "stderr"):
                print(f"    before: {x.get(part)!r}\n    after:  {y.get(part)!r}")
    print(f"{differences} case(s) differ")
    return 1 if differences else 0


def main() -> None:
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=raw)
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--compare", action="store_true", help="compare two dumps instead of writing one")
    parser.add_argument("--corpus", type=Path, help="also build this corpus, cold then warm")
    args = parser.parse_args()
    if args.compare:
        sys.exit(compare(*args.paths))
    dump(args.paths[0], args.corpus)


if __name__ == "__main__":
    main()
