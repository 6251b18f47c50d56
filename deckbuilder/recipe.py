"""A recipe: `deckbuild.toml` → the decks it describes, each as the `BuildOptions` of one `deckbuild make`.

Schema (every key but ``level`` is optional; the keys are `make`'s options, without the dashes)::

    [defaults]              # values every deck takes unless it sets its own
    tags = ["class-7b"]

    [decks.hsk4]            # one table per deck; NAME is what `deckbuild make NAME` builds
    level = "hsk4"
    deck-name = "Class 7b::HSK 4"
    key = "class-7b-hsk4"   # the deck's identity; default: derived from the deck name
    inputs = ["texts/unit1.txt"]
    exclude-words = ["…"]
    exclude-sentences = ["…"]
    extra = [{ zh = "…", en = "…" }, "more.tsv"]   # the teacher's own sentences, or files of them
    retire = ["listening"]

    [decks.hsk4.english]    # corrected English, by sentence
    "…" = "…"

Paths are relative to the recipe's folder; a deck without ``output`` is written to ``decks/NAME.apkg`` there.
The command line's own options override the recipe's values (`plan`). Every mistake is a `RecipeError`
naming the recipe and the line: TOML syntax, an unknown key, a wrong type, a missing file, two decks with
one key (or one deck name, from which the default key derives) or one output.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from deckbuilder.errors import InputError, OptionError, OutputError, RecipeError
from deckbuilder.pipeline.options import DECK_SUFFIX, DECKS_FOLDER, BuildOptions

RECIPE_FILE = "deckbuild.toml"


class _Wrong(Exception):
    """A value of the wrong type; the message says what was expected."""


def _text(value: Any, folder: Path) -> str:
    if isinstance(value, str):
        return value
    raise _Wrong("text")


def _label(value: Any, folder: Path) -> str:
    """A level or standard: ``"hsk4"``, ``4``, ``"2.0"``, ``2021``."""
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return str(value)
    raise _Wrong('text such as "hsk4" or "2.0"')


def _int(value: Any, folder: Path) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise _Wrong("a whole number")


def _number(value: Any, folder: Path) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    raise _Wrong("a number")


def _bool(value: Any, folder: Path) -> bool:
    if isinstance(value, bool):
        return value
    raise _Wrong("true or false")


def _texts(value: Any, folder: Path) -> tuple[str, ...]:
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise _Wrong('a list of texts, such as ["a", "b"]')


def _joined(value: Any, folder: Path) -> str:
    """A list of choices as the command line gives them: comma-separated."""
    return ",".join(_texts(value, folder))


def _path(value: Any, folder: Path) -> Path:
    return folder / Path(_text(value, folder)).expanduser()


def _file(value: Any, folder: Path) -> Path:
    path = _path(value, folder)
    if not path.is_file():
        raise _Wrong(f"an existing file; no file {path}")
    return path


def _files(value: Any, folder: Path) -> tuple[Path, ...]:
    return tuple(_file(v, folder) for v in _texts(value, folder))


def _folder(value: Any, folder: Path) -> Path:
    path = _path(value, folder)
    if not path.is_dir():
        raise _Wrong(f"an existing folder; no folder {path}")
    return path


def _extra(value: Any, folder: Path) -> tuple[tuple[str, str] | Path, ...]:
    """``[{ zh = "…", en = "…" }, "file.tsv", …]``."""
    wanted = 'a list of { zh = "…", en = "…" } tables or file names'
    if not isinstance(value, list):
        raise _Wrong(wanted)
    out: list[tuple[str, str] | Path] = []
    for item in value:
        if isinstance(item, str):
            out.append(_file(item, folder))
        elif (
            isinstance(item, dict)
            and set(item) == {"zh", "en"}
            and all(isinstance(v, str) for v in item.values())
        ):
            out.append((item["zh"], item["en"]))
        else:
            raise _Wrong(wanted)
    return tuple(out)


def _english(value: Any, folder: Path) -> tuple[tuple[str, str], ...]:
    """A table ``"Chinese sentence" = "corrected English"``."""
    if isinstance(value, dict) and all(isinstance(v, str) for v in value.values()):
        return tuple(value.items())
    raise _Wrong('a table of "Chinese sentence" = "English"')


# Recipe key → (the `BuildOptions.parse` keyword it sets, which is also `make`'s parameter; how its value is
# read; the command-line option that sets it, which names it in an OptionError).
_KEYS: dict[str, tuple[str, Callable[[Any, Path], Any], str]] = {
    "level": ("level", _label, "--level"),
    "standard": ("standard", _label, "--standard"),
    "inputs": ("inputs", _files, "inputs"),
    "with-builtin": ("with_builtin", _bool, "--with-builtin"),
    "builtin": ("builtin", _joined, "--builtin"),
    "input-format": ("input_format", _text, "--input-format"),
    "strict": ("strict", _bool, "--strict"),
    "min-score": ("min_score", _number, "--min-score"),
    "per-word": ("per_word", _int, "--per-word"),
    "max-notes": ("max_notes", _int, "--max-notes"),
    "max-new": ("max_new", _int, "--max-new"),
    "min-chars": ("min_chars", _int, "--min-chars"),
    "max-chars": ("max_chars", _int, "--max-chars"),
    "known": ("known", _file, "--known"),
    "assume-below": ("assume_below", _bool, "--assume-below"),
    "deck-name": ("deck_name", _text, "--deck-name"),
    "key": ("deck_key", _text, "--deck-key"),
    "output": ("output", _path, "--output"),
    "tags": ("tags", _texts, "--tag"),
    "cards": ("cards", _joined, "--cards"),
    "retire": ("retire", _texts, "--retire"),
    "hint": ("hint", _text, "--hint"),
    "pinyin-style": ("pinyin_style", _text, "--pinyin-style"),
    "templates": ("templates_dir", _folder, "--templates"),
    "readings": ("readings", _file, "--readings"),
    "zhuyin": ("zhuyin", _bool, "--zhuyin"),
    "traditional": ("traditional", _text, "--traditional"),
    "exclude-sentences": ("exclude_sentences", _texts, "--exclude-sentences"),
    "exclude-words": ("exclude_words", _texts, "--exclude-words"),
    "extra": ("extra", _extra, "--extra"),
    "english": ("english", _english, "--english"),
}
_BY_OPTION = {option: key for key, (_, _, option) in _KEYS.items()}
_NOT_A_NAME = re.compile(r"[/\\:*?\"<>|\x00-\x1f]")  # the name is a file name: decks/NAME.apkg


@dataclass(frozen=True, slots=True)
class Deck:
    """One deck of a recipe: `values` are `BuildOptions.parse` keywords, `lines` where each was set."""

    name: str
    line: int  # its table's header
    values: Mapping[str, Any]
    lines: Mapping[str, int]


@dataclass(frozen=True, slots=True)
class Recipe:
    """A recipe's decks, in the order it lists them."""

    path: Path
    decks: tuple[Deck, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(deck.name for deck in self.decks)

    def error(self, message: str, line: int | None) -> RecipeError:
        return RecipeError(message, str(self.path), line)


def load(path: Path) -> Recipe:
    """The recipe at `path`, every value checked and every path resolved; RecipeError naming the line."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise RecipeError("no such recipe (deckbuild init writes one)", str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RecipeError(
            f"cannot read the recipe ({getattr(exc, 'strerror', None) or exc})", str(path)
        ) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r" \(at line (\d+), column (\d+)\)$", str(exc))
        message = str(exc)[: found.start()] if found else str(exc)
        line = int(found.group(1)) if found else None
        column = f" (column {found.group(2)})" if found else ""
        raise RecipeError(f"not valid TOML: {message}{column}", str(path), line) from None
    lines = _key_lines(text)
    recipe = Recipe(path, ())
    for key in data:
        if key not in ("decks", "defaults"):
            raise recipe.error(
                f"unknown table {key!r}; a recipe has [decks.NAME] tables and [defaults]", lines.get((key,))
            )
    decks = data.get("decks")
    if not isinstance(decks, dict) or not decks or not all(isinstance(d, dict) for d in decks.values()):
        line = lines.get(("decks",))
        raise recipe.error("no decks: describe each in a [decks.NAME] table, with at least a level", line)
    folder = path.parent
    defaults = _values(recipe, data.get("defaults", {}), ("defaults",), lines, folder)
    out = []
    for name, table in decks.items():
        header = lines.get(("decks", name))
        if not name.strip() or _NOT_A_NAME.search(name):
            raise recipe.error(
                f"deck name {name!r} cannot name a file ({DECKS_FOLDER}/NAME{DECK_SUFFIX})", header
            )
        own = _values(recipe, table, ("decks", name), lines, folder)
        values = {**defaults[0], **own[0]}
        if "level" not in values:
            raise recipe.error(f'[decks.{name}] has no level (such as level = "hsk4")', header)
        out.append(Deck(name, header or 1, values, {**defaults[1], **own[1]}))
    return Recipe(path, tuple(out))


def _values(
    recipe: Recipe, table: Any, where: tuple[str, ...], lines: Mapping[tuple[str, ...], int], folder: Path
) -> tuple[dict[str, Any], dict[str, int]]:
    """A deck's (or the defaults') table → (`BuildOptions.parse` keywords, the line of each)."""
    values: dict[str, Any] = {}
    at: dict[str, int] = {}
    title = ".".join(where)
    if not isinstance(table, dict):
        raise recipe.error(f"[{title}] must be a table", lines.get(where))
    for key, value in table.items():
        line = lines.get((*where, key), lines.get(where))
        if key not in _KEYS:
            close = difflib.get_close_matches(key.replace("_", "-"), _KEYS, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f"; valid keys: {', '.join(_KEYS)}"
            raise recipe.error(f"unknown key {key!r} in [{title}]{hint}", line)
        field, read, _ = _KEYS[key]
        try:
            values[field] = read(value, folder)
        except _Wrong as exc:
            raise recipe.error(f"{key} in [{title}] must be {exc}", line) from None
        at[field] = line or 1
    return values, at


_KEY = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')"""
_HEADER = re.compile(rf"^\s*\[\s*({_KEY}(?:\s*\.\s*{_KEY})*)\s*\]\s*(?:#.*)?$")
_ASSIGN = re.compile(rf"^\s*({_KEY}(?:\s*\.\s*{_KEY})*)\s*=")


def _parts(dotted: str) -> tuple[str, ...]:
    """``decks."class 7b"`` → ("decks", "class 7b"); a quoted part as TOML reads it (escapes too)."""
    return tuple(next(iter(tomllib.loads(f"{p} = 0"))) for p in re.findall(_KEY, dotted))


def _key_lines(text: str) -> dict[tuple[str, ...], int]:
    """Where each table and key is written: its path (``("decks", "hsk4", "level")``) → its line."""
    lines: dict[tuple[str, ...], int] = {}
    table: tuple[str, ...] = ()
    for number, line in enumerate(text.splitlines(), 1):
        if header := _HEADER.match(line):
            table = _parts(header.group(1))
            for depth in range(1, len(table) + 1):
                lines.setdefault(table[:depth], number)
        elif assign := _ASSIGN.match(line):
            key = (*table, *_parts(assign.group(1)))
            for depth in range(len(table) + 1, len(key) + 1):
                lines.setdefault(key[:depth], number)
    return lines


def find(recipe: Path | None, folder: Path = Path()) -> Path | None:
    """The recipe to use: the one given, else ``deckbuild.toml`` in `folder` if there is one."""
    if recipe is not None:
        return recipe
    found = folder / RECIPE_FILE
    return found if found.is_file() else None


def plan(
    values: Mapping[str, Any], given: Collection[str], folder: Path = Path()
) -> list[tuple[str, BuildOptions]]:
    """What `deckbuild make` builds: (deck name, options) per deck, in the recipe's order.

    `values` are `make`'s parameters (``recipe`` and ``inputs`` among them), `given` the names of those the
    user gave. Without a recipe (none given, none in `folder`) the one deck is the command line's, named "".
    With one, an argument naming one of its decks (and no existing file) selects that deck, the others are
    input files; the given options override every selected deck's values.
    """
    values = dict(values)
    path = find(values.pop("recipe", None), folder)
    if path is None:
        return [("", BuildOptions.parse(**values))]
    recipe = load(path)
    names, files = [], []
    for arg in values.get("inputs") or ():
        if str(arg) in recipe.names and not Path(arg).exists():
            names.append(str(arg))
        elif Path(arg).exists():
            files.append(Path(arg))
        else:
            decks = ", ".join(recipe.names)
            raise InputError(f"neither a deck of {path} (its decks: {decks}) nor an input file", str(arg))
    decks = [d for d in recipe.decks if d.name in names] if names else list(recipe.decks)
    if "output" in given and len(decks) > 1:
        raise OptionError(
            f"{len(decks)} decks cannot share one output: name one (deckbuild make NAME -o FILE)", "--output"
        )
    overrides = {name: values[name] for name in given if name in values}
    if files:
        overrides["inputs"] = tuple(files)
    else:
        overrides.pop("inputs", None)
    out = [(deck.name, _options(recipe, deck, values, overrides)) for deck in decks]
    _check_distinct(recipe, out)
    return out


def _options(
    recipe: Recipe, deck: Deck, values: Mapping[str, Any], overrides: Mapping[str, Any]
) -> BuildOptions:
    """A deck's options: the command line's defaults, then the recipe's values, then the given options."""
    output = recipe.path.parent / DECKS_FOLDER / f"{deck.name}{DECK_SUFFIX}"
    try:
        return BuildOptions.parse(**{**values, **deck.values, **overrides, "output_default": output})
    except OptionError as exc:
        key = _BY_OPTION.get(exc.option or "")
        field = _KEYS[key][0] if key else None
        if field in overrides:
            raise  # the command line's value: a usage error
        line = deck.lines.get(field, deck.line) if field else deck.line
        raise recipe.error(f"[decks.{deck.name}] {key or 'deck'}: {exc}", line) from None


def _check_distinct(recipe: Recipe, planned: Sequence[tuple[str, BuildOptions]]) -> None:
    """Two decks with one key (or one deck name, which the default key derives from) or one output file."""
    keys: dict[str, str] = {}
    outputs: dict[Path, str] = {}
    for name, options in planned:
        deck = next(d for d in recipe.decks if d.name == name)
        key = " ".join(options.key.casefold().split())
        if key in keys:
            what = f"key {options.deck_key!r}" if options.deck_key else f"deck name {options.deck!r}"
            line = deck.lines.get("deck_key" if options.deck_key else "deck_name", deck.line)
            raise recipe.error(
                f"[decks.{name}] has the {what} of [decks.{keys[key]}]; give it its own key", line
            )
        keys[key] = name
        output = (options.output or options.default_output()).resolve()
        if output in outputs:
            line = deck.lines.get("output", deck.line)
            raise recipe.error(f"[decks.{name}] writes {output}, as [decks.{outputs[output]}] does", line)
        outputs[output] = name


def write_starter(path: Path, text: str, force: bool = False) -> Path:
    """Write a starter recipe to `path` (a folder: its ``deckbuild.toml``); an OutputError if there is one
    already, unless `force`."""
    target = path / RECIPE_FILE if path.is_dir() else path
    try:
        with target.open("w" if force else "x", encoding="utf-8") as out:
            out.write(text)
    except FileExistsError:
        raise OutputError(f"{target} exists; edit it, or use --force to replace it") from None
    except OSError as exc:
        raise OutputError(f"{target}: cannot write the recipe ({exc.strerror or exc})") from None
    return target
