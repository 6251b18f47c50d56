"""Command line: parse → one library call → print the report's own lines → exit code.

Exit codes: 0 success; 1 a DeckbuilderError (one line on stderr); 2 a usage error (an OptionError too, in
Click's usage style); 130 Ctrl-C and 143 SIGTERM (one line; temporary files removed, earlier outputs kept).
Choices are the stages' own enums (Typer validates and lists them); stages load lazily (fast `--help`)."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

from deckbuilder import __version__, pipeline  # light: the stages load when a run starts
from deckbuilder import recipe as recipes
from deckbuilder.cli_help import COMMANDS, HELP, MAKE, PANEL, STARTER
from deckbuilder.pipeline import COMMITTED
from deckbuilder.pipeline import options as opts  # the choices, as the stages declare them


class _FlagsAsFlags:
    """Typer's help shows a type after every option, `<bool>` too; a flag takes no value, so show none."""

    def get_params(self, ctx: Any) -> list[Any]:
        params = super().get_params(ctx)  # type: ignore[misc]
        for param in (p for p in params if getattr(p, "is_flag", False)):
            param.metavar = ""
        return params


_Group = type("_Group", (_FlagsAsFlags, TyperGroup), {})
_Command = type("_Command", (_FlagsAsFlags, TyperCommand), {})


app = typer.Typer(
    name="deckbuild",
    cls=_Group,
    help="Turn bilingual Chinese-English text into Anki decks for Mandarin learners.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


_SIGNALS = (signal.SIGINT, signal.SIGTERM)
_HELD: set[int] = set()  # signals `_settle` holds back


class _Terminated(BaseException):
    """SIGTERM, raised like Ctrl-C (same clean-up); exit 143. Not a KeyboardInterrupt, which Typer ends."""


def _on_signal(signum: int, frame: object) -> None:
    for each in _SIGNALS:  # one interrupt is enough: later ones would cut short the clean-up of the first
        signal.signal(each, signal.SIG_IGN)
    raise _Terminated() if signum == signal.SIGTERM else KeyboardInterrupt()


def _fail(message: str, code: int = 1) -> typer.Exit:
    typer.echo(f"deckbuild: error: {message}", err=True)
    return typer.Exit(code=code)


@contextlib.contextmanager
def _errors_as_exit(interrupted: str = "interrupted", prefix: str = "") -> Iterator[None]:
    """An OptionError is a usage error (exit 2); any other DeckbuilderError one stderr line (exit 1);
    Ctrl-C one line and exit 130, SIGTERM 143."""
    from deckbuilder.errors import DeckbuilderError, OptionError

    try:
        yield
    except OptionError as exc:
        hint = f"'{exc.option}'" if exc.option else None
        raise typer.BadParameter(str(exc), param_hint=hint) from None
    except DeckbuilderError as exc:
        raise _fail(prefix + str(exc)) from None
    except _Terminated:
        raise _fail(interrupted.replace("interrupted", "terminated", 1), 143) from None
    except KeyboardInterrupt:
        raise _fail(interrupted, 130) from None


def _settle() -> None:
    """The outputs are in place: an interrupt now would only cut the report short, so none is taken."""
    for signum in _SIGNALS:
        if signal.getsignal(signum) is _on_signal:
            signal.signal(signum, signal.SIG_IGN)
            _HELD.add(signum)


def _arm() -> None:
    """The next deck of a recipe starts: an interrupt is taken again."""
    for signum in _HELD:
        signal.signal(signum, _on_signal)
    _HELD.clear()


def _print(lines: list[str], warnings: tuple[str, ...] = ()) -> None:
    _settle()
    for line in lines:
        typer.echo(line)
    for warning in warnings:  # after the report, not in the middle of it
        typer.echo(f"deckbuild: warning: {warning}", err=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"deckbuild {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Turn bilingual Chinese-English text into Anki decks for Mandarin learners."""


def _opt(*names: str, help: str | None = None, **kw: Any) -> Any:
    """An option with its help (unless given) and panel from `cli_help`."""
    name = names[0].split("/")[0]
    return typer.Option(*names, help=help or HELP[name], rich_help_panel=PANEL.get(name), **kw)


def _arg(name: str, **kw: Any) -> Any:
    return typer.Argument(help=kw.pop("help", None) or HELP[name], show_default=False, **kw)


# Options `make` and `align` share, declared once.
InputFormatOption = Annotated[opts.InputFormat | None, _opt("--input-format")]
StrictOption = Annotated[bool, _opt("--strict")]
MinScore = Annotated[float, _opt("--min-score", min=0.0, max=1.0)]
AlignMinScore = Annotated[float, _opt("--min-score", min=0.0, max=1.0, help=HELP["align-min-score"])]
ReadingsOption = Annotated[Path | None, _opt("--readings")]  # read (or missed) like every input: exit 1
EmbedOption = Annotated[bool, _opt("--embed")]


@app.command(cls=_Command, help=MAKE)
def make(
    ctx: typer.Context,
    level: Annotated[str | None, _opt("--level", "-l")] = None,
    inputs: Annotated[list[Path] | None, _arg("make-inputs", metavar="NAME|INPUT")] = None,
    recipe: Annotated[Path | None, _opt("--recipe", dir_okay=False)] = None,
    standard: Annotated[opts.Standard, _opt("--standard")] = opts.Standard.HSK2,
    output: Annotated[Path | None, _opt("--output", "-o")] = None,
    per_word: Annotated[int, _opt("--per-word", min=1)] = 1,
    max_notes: Annotated[int | None, _opt("--max-notes", min=1)] = None,
    max_new: Annotated[int, _opt("--max-new", min=1, max=3)] = 1,
    known: Annotated[Path | None, _opt("--known", dir_okay=False)] = None,
    assume_below: Annotated[bool, _opt("--assume-below/--no-assume-below")] = True,
    min_chars: Annotated[int | None, _opt("--min-chars", min=1)] = None,
    max_chars: Annotated[int | None, _opt("--max-chars", min=1)] = None,
    builtin: Annotated[str, _opt("--builtin")] = "tatoeba,hsk-sentences",
    workers: Annotated[int, _opt("--workers", min=1)] = os.cpu_count() or 1,
    engine: Annotated[opts.Engine, _opt("--engine")] = opts.Engine.local,
    scheduler: Annotated[str | None, _opt("--scheduler")] = None,
    use_cache: Annotated[bool, _opt("--cache/--no-cache")] = True,
    cards: Annotated[str, _opt("--cards")] = opts.CardKind.reading,
    hint: Annotated[opts.Hint, _opt("--hint")] = opts.Hint.pinyin,
    pinyin_style: Annotated[opts.PinyinStyle, _opt("--pinyin-style")] = opts.PinyinStyle.line,
    deck_name: Annotated[str | None, _opt("--deck-name")] = None,
    tags: Annotated[list[str] | None, _opt("--tag")] = None,
    templates_dir: Annotated[Path | None, _opt("--templates", exists=True, file_okay=False)] = None,
    with_builtin: Annotated[bool, _opt("--with-builtin")] = False,
    min_score: MinScore = opts.MIN_SCORE,
    input_format: InputFormatOption = None,
    strict: StrictOption = False,
    readings: ReadingsOption = None,
    embed: EmbedOption = False,
    zhuyin: Annotated[bool, _opt("--zhuyin")] = False,
    traditional: Annotated[opts.Traditional | None, _opt("--traditional")] = None,
    deck_key: Annotated[str | None, _opt("--deck-key")] = None,
    lock_file: Annotated[bool, _opt("--lock/--no-lock")] = True,
    refresh: Annotated[str | None, _opt("--refresh")] = None,
    retire: Annotated[str, _opt("--retire")] = "",
) -> None:
    values = dict(locals())  # every option, by the name of the field it sets
    source = values.pop("ctx").get_parameter_source  # only the options given override a recipe's values
    given = {name for name in values if getattr(source(name), "name", "DEFAULT") != "DEFAULT"}
    interrupted = "interrupted; no deck written, the previous one (if any) is untouched"
    with _errors_as_exit(interrupted):
        planned = recipes.plan(values, given)
    for n, (name, options) in enumerate(planned):  # a recipe's decks one after the other, each reported
        with _errors_as_exit(interrupted, f"{name}: " if name else ""), _Progress() as progress:
            _arm()
            report = pipeline.build(options, progress)
        _print([""] * bool(n) + [f"Deck:         {name}"] * bool(name) + report.lines(), report.warnings)


@app.command(cls=_Command)
def init(
    path: Annotated[Path, _arg("recipe-path", metavar="PATH")] = Path(recipes.RECIPE_FILE),
    force: Annotated[bool, _opt("--force")] = False,
) -> None:
    """Write a commented starter recipe (deckbuild.toml) to edit; then deckbuild make builds its decks."""
    with _errors_as_exit():
        written = recipes.write_starter(path, STARTER, force)
    typer.echo(f"Wrote {written}: describe your decks in it, then run deckbuild make")


@app.command(cls=_Command, help=COMMANDS["align"])
def align(
    inputs: Annotated[list[Path], _arg("inputs")],
    output: Annotated[Path, _opt("--output", "-o", help=HELP["pairs-output"])],
    output_format: Annotated[opts.OutputFormat, _opt("--format")] = opts.OutputFormat.tsv,
    review: Annotated[Path | None, _opt("--review")] = None,
    min_score: AlignMinScore = opts.MIN_SCORE,
    input_format: InputFormatOption = None,
    strict: StrictOption = False,
    all_beads: Annotated[bool, _opt("--all")] = False,
    embed: EmbedOption = False,
) -> None:
    with _errors_as_exit("interrupted; no pairs written, the previous file (if any) is untouched"):
        options = pipeline.AlignOptions(
            tuple(inputs), output, output_format, review, min_score, input_format, strict, all_beads, embed
        )
        with _Progress() as progress:
            report = pipeline.align_files(options, progress)
    _print(report.lines(), report.warnings)


@app.command(cls=_Command)
def pinyin(
    text: Annotated[str | None, _arg("text")] = None,
    numbers: Annotated[bool, _opt("--numbers")] = False,
    per_char: Annotated[bool, _opt("--per-char")] = False,
    citation_tones: Annotated[bool, _opt("--citation-tones")] = False,
    readings: ReadingsOption = None,
    model: Annotated[bool, _opt("--model/--no-model")] = True,
) -> None:
    """Print the pinyin of Chinese text through exactly the code path the cards use."""
    from deckbuilder.pinyin import load_overrides, pinyin_lines

    with _errors_as_exit():
        overrides = load_overrides(readings) if readings else None
        lines = text.splitlines() if text is not None else sys.stdin
        options = {"numbers": numbers, "per_char": per_char, "citation_tones": citation_tones}
        for out in pinyin_lines(lines, overrides=overrides, model=model, **options):
            typer.echo(out)


@app.command(cls=_Command)
def gloss(
    text: Annotated[str | None, _arg("gloss-text")] = None,
    readings: ReadingsOption = None,
) -> None:
    """Print, as JSON lines, the dictionary entry and senses the cards show for every word of Chinese text.

    One object per token: {"line": n, "word", "pinyin", "trad", "senses": [...], "composed"}, n counting
    input lines from 1. Same code path as the cards; an English translation after a tab helps choose.
    """
    from deckbuilder.pinyin import load_overrides

    with _errors_as_exit():
        overrides = load_overrides(readings) if readings else None
        for row in pipeline.gloss_lines(text.splitlines() if text is not None else sys.stdin, overrides):
            typer.echo(row.json())


@app.command(cls=_Command)
def levels() -> None:
    """List the HSK standards deckbuilder knows, with the number of words per level."""
    with _errors_as_exit():
        _print(pipeline.listing().lines())


cache_app = typer.Typer(cls=_Group, help="Inspect or clear the content-keyed cache.", no_args_is_help=True)
app.add_typer(cache_app, name="cache")


@cache_app.command("info", cls=_Command)
def cache_info() -> None:
    """Show where the cache is, its size and how many sentences it holds."""
    from deckbuilder import cache

    with _errors_as_exit():
        _print(cache.info().lines())


@cache_app.command("clear", cls=_Command)
def cache_clear() -> None:
    """Delete the cache (it is rebuilt on the next build)."""
    from deckbuilder import cache

    with _errors_as_exit():
        freed = cache.clear()
    typer.echo(f"Cleared {cache.cache_dir()} ({freed / 1e6:.1f} MB freed)")


@app.command(cls=_Command)
def inspect(
    deck: Annotated[Path, _arg("deck", dir_okay=False)],
    first: Annotated[int, _opt("--first", "-n", min=0)] = 10,
    against: Annotated[Path | None, _opt("--against", dir_okay=False)] = None,
) -> None:
    """Summarise a deck file: note types, counts per type and tag, study order, identity hints."""
    from deckbuilder import preview

    with _errors_as_exit():
        summary = preview.inspect(deck, first=first, against=against)
    _print(summary.lines())


@app.command(cls=_Command)
def diff(
    old: Annotated[Path, _arg("old")],
    new: Annotated[Path, _arg("new")],
    fields: Annotated[str | None, _opt("--fields")] = None,
    summary: Annotated[bool, _opt("--summary")] = False,
) -> None:
    """List what re-importing NEW over OLD changes: notes added, retired, changed; card types."""
    from deckbuilder import preview

    with _errors_as_exit():
        report = preview.diff(old, new, fields.split(",") if fields else None, summary_only=summary)
    _print(report.lines())


_PAGE = "HTML page to write."


@app.command(cls=_Command)
def preview(
    deck: Annotated[Path, _arg("deck", dir_okay=False, help="The .apkg file to preview.")],
    output: Annotated[Path, _opt("--output", "-o", dir_okay=False, help=_PAGE)] = Path("preview.html"),
    cards: Annotated[int, _opt("--cards", "-n", min=1, help="How many cards of the study order.")] = 20,
    night: Annotated[bool, _opt("--night")] = False,
) -> None:
    """Write a static HTML page showing the first cards front and back, as Anki renders them."""
    from deckbuilder import preview as preview_lib

    with _errors_as_exit("interrupted; no preview written"):
        written = preview_lib.preview(deck, output, preview_lib.PreviewOptions(cards, night))
    _print(written.lines())


class _Progress:
    """The running step on stderr (a terminal only), from the first second of a build: a spinner, the
    count and, when the step knows its total, a bar. A step's line goes when the next step starts."""

    def __enter__(self) -> _Progress:
        self._bar: Any = None
        self._label, self._task = "", None
        return self

    def __call__(self, label: str, done: int, total: int | None) -> None:
        if label == COMMITTED:
            _settle()
            return
        if self._bar is None:
            if not sys.stderr.isatty():
                return
            import rich.console as rc
            import rich.progress as rp

            columns = (rp.SpinnerColumn(), rp.TextColumn("{task.description}"), rp.BarColumn(),
                       rp.MofNCompleteColumn(), rp.TimeElapsedColumn())  # fmt: skip
            self._bar = rp.Progress(*columns, console=rc.Console(stderr=True), transient=True)
            self._bar.start()
        if label != self._label:
            if self._task is not None:
                self._bar.remove_task(self._task)
            self._label, self._task = label, self._bar.add_task(label, total=total)
        self._bar.update(self._task, completed=done, total=total)

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()


def main() -> None:
    """Entry point: Ctrl-C, SIGTERM, an unexpected error: one line each (DECKBUILDER_DEBUG=1: traceback)."""
    for each in _SIGNALS:
        signal.signal(each, _on_signal)
    try:
        app()
    except _Terminated:  # outside a command's own handler (Typer ends a KeyboardInterrupt there with 130)
        typer.echo("deckbuild: error: terminated", err=True)
        sys.exit(143)
    except Exception as exc:  # the last line of defence: no traceback for users
        if os.environ.get("DECKBUILDER_DEBUG"):
            raise
        message = f"{type(exc).__name__}: {exc} (DECKBUILDER_DEBUG=1 shows more)"
        typer.echo(f"deckbuild: internal error: {message}", err=True)
        sys.exit(1)
