"""Command line: parse options → one pipeline call → print the report → exit code.

Exit codes: 0 success, 1 a DeckbuilderError (one line on stderr), 2 a usage error. Heavy modules are imported
inside the commands so `deckbuild --help` stays fast.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from deckbuilder import __version__

app = typer.Typer(
    name="deckbuild",
    help="Turn bilingual Chinese-English text into Anki decks for Mandarin learners.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _fail(message: str, code: int = 1) -> typer.Exit:
    typer.echo(f"deckbuild: error: {message}", err=True)
    return typer.Exit(code=code)


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


@app.command()
def make(
    level: Annotated[
        str,
        typer.Option(
            "--level",
            "-l",
            help="Target level: [bold]hsk1[/bold] … [bold]hsk6[/bold] (HSK 2.0).",
            rich_help_panel="Selection",
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Deck file to write. Default: decks/LEVEL.apkg (decks/ is created).",
            rich_help_panel="Output",
            dir_okay=False,
        ),
    ] = None,
    per_word: Annotated[
        int, typer.Option("--per-word", min=1, help="Sentences per target word.", rich_help_panel="Selection")
    ] = 1,
    max_notes: Annotated[
        int | None,
        typer.Option(
            "--max-notes",
            min=1,
            rich_help_panel="Selection",
            help="At most this many sentences (each gives one cloze and one sentence note), "
            "the first in study order.",
        ),
    ] = None,
) -> None:
    """Build an Anki deck that teaches every word of a level, one readable sentence at a time.

    With no input files, sentences come from the built-in corpus (Tatoeba, CC BY 2.0 FR).
    """
    from deckbuilder import grade, pipeline
    from deckbuilder.errors import DeckbuilderError, OptionError

    try:
        parsed = grade.parse_level(level)
    except OptionError as exc:
        raise typer.BadParameter(str(exc), param_hint="'--level'") from None
    if output is None:
        output = Path("decks") / f"{parsed.slug}.apkg"
        output.parent.mkdir(parents=True, exist_ok=True)
    options = pipeline.BuildOptions(level=parsed, output=output, per_word=per_word, max_notes=max_notes)
    try:
        with _progress() as progress:
            report = pipeline.build(options, progress)
    except DeckbuilderError as exc:
        raise _fail(str(exc)) from None
    typer.echo(f"Level:        {report.level_name}")
    typer.echo(f"Pairs read:   {report.pairs_read:,}")
    typer.echo(f"Candidates:   {report.candidates:,} readable sentences with a target word")
    typer.echo(f"Notes:        {report.notes:,}")
    share = report.covered / report.level_words if report.level_words else 0.0
    typer.echo(f"Target words: {report.covered:,} of {report.level_words:,} covered ({share:.1%})")
    typer.echo(f"Output:       {report.output}")
    typer.echo(f"Time:         {report.seconds:.1f} s")


class _progress:
    """A progress bar on stderr for steps that last over a second (silent when stderr is not a terminal)."""

    def __enter__(self) -> _progress:
        import time

        self._time = time.monotonic
        self._started: dict[str, float] = {}
        self._bar = None
        self._tasks: dict[str, int] = {}
        return self

    def __call__(self, label: str, done: int, total: int | None) -> None:
        start = self._started.setdefault(label, self._time())
        if self._bar is None:
            if self._time() - start < 1.0 or not sys.stderr.isatty():
                return
            from rich.console import Console
            from rich.progress import Progress

            self._bar = Progress(console=Console(stderr=True), transient=True)
            self._bar.start()
        if label not in self._tasks:
            self._tasks[label] = self._bar.add_task(label, total=total)
        self._bar.update(self._tasks[label], completed=done, total=total)

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()


def main() -> None:
    app()
