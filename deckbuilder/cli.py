"""Command line: parse options → one pipeline call → print the report → exit code.

Exit codes: 0 success, 1 a DeckbuilderError (one line on stderr), 2 a usage error. Heavy modules are imported
inside the commands so `deckbuild --help` stays fast.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from enum import StrEnum
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


class Traditional(StrEnum):
    """OpenCC conversion for the Traditional field."""

    standard = "standard"
    taiwan = "taiwan"


_OPENCC = {Traditional.standard: "s2t", Traditional.taiwan: "s2tw"}


def _fail(message: str, code: int = 1) -> typer.Exit:
    typer.echo(f"deckbuild: error: {message}", err=True)
    return typer.Exit(code=code)


@contextlib.contextmanager
def _errors_as_exit(interrupted: str = "interrupted", created: Path | None = None) -> Iterator[None]:
    """A DeckbuilderError becomes one stderr line and exit 1, Ctrl-C one line and exit 130; either way a
    folder this run created is removed again if it is still empty."""
    from deckbuilder.errors import DeckbuilderError

    try:
        yield
    except DeckbuilderError as exc:
        _remove_empty(created)
        raise _fail(str(exc)) from None
    except KeyboardInterrupt:
        _remove_empty(created)
        raise _fail(interrupted, 130) from None


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


_STRICT_HELP = (
    "Fail on a malformed input row (the wrong number of columns, a JSON line without zh/en) instead of "
    "leaving it out with a warning."
)
_INPUT_HELP = (
    "Bilingual files: interleaved English/Chinese text, a Chinese and an English text file, or "
    "pre-aligned TSV/CSV/JSONL/TMX (format sniffed; see --input-format)."
)
# Options `make` and `align` share, declared once.
InputFormat = Annotated[
    str | None,
    typer.Option(
        "--input-format",
        help="Read every input as: text, tsv, csv, jsonl or tmx (default: sniffed per file).",
        rich_help_panel="Input",
    ),
]
Strict = Annotated[bool, typer.Option("--strict", help=_STRICT_HELP, rich_help_panel="Input")]


@app.command()
def make(
    level: Annotated[
        str,
        typer.Option(
            "--level",
            "-l",
            help="Target level: [bold]hsk1[/bold] … [bold]hsk6[/bold], [bold]5[/bold], [bold]hsk7-9[/bold] "
            "(HSK 3.0 band) or a range such as [bold]hsk3-5[/bold] (one sub-deck per level).",
            rich_help_panel="Selection",
        ),
    ],
    inputs: Annotated[
        list[Path] | None,
        typer.Argument(help=_INPUT_HELP + " Default: the built-in corpora.", show_default=False),
    ] = None,
    standard: Annotated[
        str,
        typer.Option(
            "--standard",
            help="Word lists: [bold]2.0[/bold] (HSK 2.0), [bold]2021[/bold] (HSK 3.0 grading standard) or "
            "[bold]2025[/bold] (HSK 3.0 exam syllabus).",
            rich_help_panel="Selection",
        ),
    ] = "2.0",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Deck file to write. Default: decks/LEVEL.apkg (decks/ is created).",
            rich_help_panel="Output",
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
    max_new: Annotated[
        int,
        typer.Option(
            "--max-new",
            min=1,
            max=3,
            help="New words allowed per sentence, the target included: 1 is i+1.",
            rich_help_panel="Learner",
        ),
    ] = 1,
    known: Annotated[
        Path | None,
        typer.Option(
            "--known",
            help="Words the learner knows: one per line, a TSV/CSV export with a word column, or an "
            ".apkg/.colpkg/.anki2 file. Known words are never targets and always readable.",
            rich_help_panel="Learner",
            dir_okay=False,
        ),
    ] = None,
    assume_below: Annotated[
        bool,
        typer.Option(
            "--assume-below/--no-assume-below",
            help="Count every word below the target level as known.",
            rich_help_panel="Learner",
        ),
    ] = True,
    min_chars: Annotated[
        int | None,
        typer.Option(
            "--min-chars",
            min=1,
            help="Shortest sentence, in characters (default: by level).",
            rich_help_panel="Selection",
        ),
    ] = None,
    max_chars: Annotated[
        int | None,
        typer.Option(
            "--max-chars",
            min=1,
            help="Longest sentence, in characters (default: by level).",
            rich_help_panel="Selection",
        ),
    ] = None,
    builtin: Annotated[
        str,
        typer.Option(
            "--builtin",
            help="Built-in corpora, comma-separated: tatoeba (CC BY 2.0 FR), hsk-sentences (CC BY-SA 4.0).",
            rich_help_panel="Input",
        ),
    ] = "tatoeba,hsk-sentences",
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            min=1,
            help="Processes for segmentation (default: the number of cores).",
            rich_help_panel="Speed",
        ),
    ] = os.cpu_count() or 1,
    use_cache: Annotated[
        bool,
        typer.Option(
            "--cache/--no-cache",
            help="Reuse segmentation and annotation from earlier builds.",
            rich_help_panel="Speed",
        ),
    ] = True,
    cards: Annotated[
        str,
        typer.Option(
            "--cards",
            help="Sentence cards to make, comma-separated: reading (Chinese → English), "
            "production (English → Chinese), listening (audio → meaning).",
            rich_help_panel="Cards",
        ),
    ] = "reading",
    hint: Annotated[
        str,
        typer.Option(
            "--hint", help="What the cloze blank shows: pinyin, gloss, both or none.", rich_help_panel="Cards"
        ),
    ] = "pinyin",
    pinyin_style: Annotated[
        str,
        typer.Option(
            "--pinyin-style",
            help="Pinyin on the back: line (under the sentence) or ruby (above each word).",
            rich_help_panel="Cards",
        ),
    ] = "line",
    deck_name: Annotated[
        str | None,
        typer.Option(
            "--deck-name",
            help="Deck name (use :: for sub-decks). Default: deckbuilder::HSK 2.0::Level N.",
            rich_help_panel="Output",
        ),
    ] = None,
    tag: Annotated[
        list[str] | None,
        typer.Option("--tag", help="Tag added to every note (repeatable).", rich_help_panel="Output"),
    ] = None,
    templates: Annotated[
        Path | None,
        typer.Option(
            "--templates",
            exists=True,
            file_okay=False,
            help="Folder of template files replacing the built-in ones with the same name "
            "(cloze_front.html, sentence_back.html, style.css, …).",
            rich_help_panel="Cards",
        ),
    ] = None,
    with_builtin: Annotated[
        bool,
        typer.Option(
            "--with-builtin", help="Add the built-in corpora to the input files.", rich_help_panel="Input"
        ),
    ] = False,
    min_score: Annotated[
        float,
        typer.Option(
            "--min-score",
            min=0.0,
            max=1.0,
            help="Aligned pairs with a lower confidence never become cards.",
            rich_help_panel="Input",
        ),
    ] = 0.4,
    input_format: InputFormat = None,
    strict: Strict = False,
    readings: Annotated[
        Path | None,
        typer.Option(
            "--readings",
            exists=True,
            dir_okay=False,
            help="Teacher's pinyin overrides, one [bold]word<TAB>pinyin[/bold] per line; they always win.",
            rich_help_panel="Pinyin",
        ),
    ] = None,
    zhuyin: Annotated[
        bool, typer.Option("--zhuyin", help="Fill the Zhuyin (bopomofo) field.", rich_help_panel="Pinyin")
    ] = False,
    traditional: Annotated[
        Traditional | None,
        typer.Option(
            "--traditional",
            help="Fill the Traditional field through OpenCC: [bold]standard[/bold] or [bold]taiwan[/bold].",
            rich_help_panel="Pinyin",
        ),
    ] = None,
) -> None:
    """Build an Anki deck that teaches every word of a level, one readable sentence at a time.

    Each sentence brings exactly one new word (i+1); cards come in study order, most frequent word first.
    With no input files, sentences come from the built-in corpora; bilingual documents are aligned first.
    """
    from deckbuilder import grade, ingest, pipeline
    from deckbuilder.errors import OptionError

    try:
        std = grade.parse_standard(standard)
    except OptionError as exc:
        raise typer.BadParameter(str(exc), param_hint="'--standard'") from None
    try:
        levels = grade.parse_levels(level, std)
    except OptionError as exc:
        raise typer.BadParameter(str(exc), param_hint="'--level'") from None
    corpora = tuple(n.strip() for n in builtin.split(",") if n.strip())
    if not corpora or any(n not in ingest.BUILTIN for n in corpora):
        raise typer.BadParameter(f"valid values: {', '.join(ingest.BUILTIN)}", param_hint="'--builtin'")
    from deckbuilder import apkg
    from deckbuilder import cards as card_stage

    try:
        kinds = card_stage.parse_kinds(cards)
        card_stage.CardOptions(
            levels[-1], hint=hint, pinyin_style=pinyin_style, kinds=kinds, tags=tuple(tag or ())
        )
        apkg.check_templates_dir(templates)
        if deck_name is not None:
            apkg.check_deck_name(deck_name)
    except OptionError as exc:
        raise typer.BadParameter(str(exc)) from None
    created = None  # the default deck folder, when this run creates it (removed again if the run fails)
    if output is None:
        slug = levels[0].slug if len(levels) == 1 else f"{levels[0].slug}-{levels[-1].label}"
        output = Path("decks") / f"{slug}.apkg"
        try:
            if not output.parent.exists():
                created = output.parent
            output.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise _fail(
                f"{output.parent}: cannot create the deck folder ({exc.strerror or exc}); use -o"
            ) from None
    options = pipeline.BuildOptions(
        level=levels[-1],
        levels=levels,
        output=output,
        per_word=per_word,
        max_notes=max_notes,
        max_new=max_new,
        known=known,
        assume_below=assume_below,
        min_chars=min_chars,
        max_chars=max_chars,
        builtin=corpora,
        workers=workers,
        use_cache=use_cache,
        deck_name=deck_name,
        templates_dir=templates,
        hint=hint,
        pinyin_style=pinyin_style,
        cards=kinds,
        tags=tuple(tag or ()),
        inputs=tuple(inputs or ()),
        input_format=_input_format(input_format),
        strict=strict,
        with_builtin=with_builtin,
        min_score=min_score,
        readings=readings,
        zhuyin=zhuyin,
        traditional=_OPENCC[traditional] if traditional else "",
    )
    interrupted = "interrupted; no deck written, the previous one (if any) is untouched"
    with _errors_as_exit(interrupted, created), _progress() as progress:
        report = pipeline.build(options, progress)
    typer.echo(f"Level:        {report.level_name}")
    typer.echo(f"Pairs read:   {report.pairs_read:,}")
    if report.skipped:
        typer.echo(f"Rows skipped: {report.skipped:,} malformed (see the warnings; --strict to fail)")
    typer.echo(f"Candidates:   {report.candidates:,} readable sentences with a target word")
    typer.echo(f"Notes:        {report.notes:,}")
    share = report.covered / report.level_words if report.level_words else 0.0
    typer.echo(f"Target words: {report.covered:,} of {report.level_words:,} covered ({share:.1%})")
    if len(report.per_level) > 1:
        for name, covered, total in report.per_level:
            typer.echo(f"  {name}: {covered:,} of {total:,}")
    typer.echo(f"Output:       {report.output}")
    if report.missing_file:
        typer.echo(f"Missing:      {report.missing_file}")
    if report.review_file:
        typer.echo(f"Review:       {report.review_file}")
    for warning in report.warnings:
        typer.echo(f"deckbuild: warning: {warning}", err=True)
    typer.echo(f"Time:         {report.seconds:.1f} s")


def _remove_empty(folder: Path | None) -> None:
    """Remove a folder this run created, if it is still empty: a failed run leaves nothing behind."""
    if folder is not None:
        with contextlib.suppress(OSError):
            folder.rmdir()


def _input_format(value: str | None) -> str | None:
    from deckbuilder.ingest import InputFormat

    if value is not None and value not in tuple(InputFormat):  # `in InputFormat` raises TypeError on 3.11
        raise typer.BadParameter(f"valid values: {', '.join(InputFormat)}", param_hint="'--input-format'")
    return value


@app.command()
def align(
    inputs: Annotated[list[Path], typer.Argument(help=_INPUT_HELP, show_default=False)],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="Pairs file to write.", rich_help_panel="Output"),
    ],
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            help="[bold]tsv[/bold] (zh, en, score) or [bold]jsonl[/bold] (zh, en, score, source).",
            rich_help_panel="Output",
        ),
    ] = "tsv",
    review: Annotated[
        Path | None,
        typer.Option(
            "--review",
            help="Also write the low-confidence pairs and unpaired sentences here, for a person to check.",
            rich_help_panel="Output",
        ),
    ] = None,
    min_score: Annotated[
        float,
        typer.Option(
            "--min-score",
            min=0.0,
            max=1.0,
            help="Pairs with a lower confidence go to the review list instead of the output.",
            rich_help_panel="Output",
        ),
    ] = 0.4,
    input_format: InputFormat = None,
    strict: Strict = False,
) -> None:
    """Align bilingual documents sentence by sentence and write the pairs with a confidence score.

    Give one interleaved English/Chinese file, or a Chinese and an English file; blocks cut mid-sentence are
    rejoined. Pre-aligned files pass through. The Chinese text is written as read.
    """
    from deckbuilder import pipeline

    if output_format not in pipeline.OUTPUT_FORMATS:
        raise typer.BadParameter("valid values: tsv, jsonl", param_hint="'--format'")
    options = pipeline.AlignOptions(
        inputs=tuple(inputs),
        output=output,
        output_format=output_format,
        review=review,
        min_score=min_score,
        input_format=_input_format(input_format),
        strict=strict,
    )
    with _errors_as_exit("interrupted; no pairs written, the previous file (if any) is untouched"):
        report = pipeline.align_files(options)
    typer.echo(f"Documents:    {report.documents:,} aligned")
    typer.echo(f"Pairs:        {report.pairs:,} written to {report.output}")
    typer.echo(f"Low score:    {report.low:,} under {min_score:g}")
    typer.echo(f"Unpaired:     {report.unpaired:,} sentences")
    if report.skipped:
        typer.echo(f"Rows skipped: {report.skipped:,} malformed (see the warnings; --strict to fail)")
    for warning in report.warnings:
        typer.echo(f"deckbuild: warning: {warning}", err=True)
    if report.review:
        typer.echo(f"Review:       {report.review}")
    typer.echo(f"Time:         {report.seconds:.1f} s")


@app.command()
def pinyin(
    text: Annotated[
        str | None, typer.Argument(help="Chinese text; default: read stdin, one sentence per line.")
    ] = None,
    numbers: Annotated[
        bool, typer.Option("--numbers", help="Tone numbers (yin2hang2) instead of tone marks.")
    ] = False,
    per_char: Annotated[
        bool, typer.Option("--per-char", help="With --numbers: one syllable per Chinese character.")
    ] = False,
    citation_tones: Annotated[
        bool, typer.Option("--citation-tones", help="Dictionary tones for 一 and 不 (yī gè, not yí gè).")
    ] = False,
    readings: Annotated[
        Path | None,
        typer.Option("--readings", exists=True, dir_okay=False, help="Teacher's overrides: word<TAB>pinyin."),
    ] = None,
    model: Annotated[
        bool,
        typer.Option(
            "--model/--no-model", help="Let the context model (g2pM) decide polyphones the rules leave open."
        ),
    ] = True,
) -> None:
    """Print the pinyin of Chinese text through exactly the code path the cards use."""
    from deckbuilder.annotate import tagged_text
    from deckbuilder.pinyin import load_overrides, pinyin_lines

    with _errors_as_exit():
        overrides = load_overrides(readings) if readings else None
        lines = text.splitlines() if text is not None else sys.stdin
        options = {"numbers": numbers, "per_char": per_char, "citation_tones": citation_tones}
        for out in pinyin_lines(lines, overrides=overrides, tagger=tagged_text, model=model, **options):
            typer.echo(out)


@app.command()
def levels() -> None:
    """List the HSK standards deckbuilder knows, with the number of words per level."""
    from deckbuilder import grade

    for std, title in grade.STANDARD_NAMES.items():
        typer.echo(f"{title}  (--standard {std})")
        total = 0
        for lv, count in grade.level_counts(std):
            total += count
            typer.echo(
                f"  {lv.slug if std == '2.0' else 'hsk' + lv.label:<8} {count:>6,} words  "
                f"(cumulative {total:,})"
            )


cache_app = typer.Typer(
    help="Inspect or clear the content-keyed cache of segmentation and annotation.", no_args_is_help=True
)
app.add_typer(cache_app, name="cache")


@cache_app.command("info")
def cache_info() -> None:
    """Show where the cache is, its size and how many sentences it holds."""
    from deckbuilder import cache

    info = cache.info()
    typer.echo(f"Path:      {info.path}")
    typer.echo(f"Size:      {info.size_bytes / 1e6:.1f} MB")
    for table, rows in info.rows.items():
        typer.echo(f"{table + ':':<10} {rows:,} sentences")


@cache_app.command("clear")
def cache_clear() -> None:
    """Delete the cache (it is rebuilt on the next build)."""
    from deckbuilder import cache

    freed = cache.clear()
    typer.echo(f"Cleared {cache.cache_dir()} ({freed / 1e6:.1f} MB freed)")


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


@app.command()
def inspect(
    deck: Annotated[Path, typer.Argument(help="The .apkg file to look into.", dir_okay=False)],
    first: Annotated[
        int, typer.Option("--first", "-n", min=0, help="How many cards of the study order to list.")
    ] = 10,
    against: Annotated[
        Path | None,
        typer.Option(
            "--against",
            dir_okay=False,
            help="An earlier build of the deck: report what re-importing this one over it would update.",
        ),
    ] = None,
) -> None:
    """Summarise a deck file: note types, counts per type and tag, study order, identity hints."""
    from dataclasses import replace

    from deckbuilder import preview

    with _errors_as_exit():
        new = preview.read_deck(deck)
        summary = preview.summarise(new, first=first)
        if against is not None:
            summary = replace(summary, against=preview.compare(preview.read_deck(against), new))
    for line in summary.lines():
        typer.echo(line)


@app.command()
def preview(
    deck: Annotated[Path, typer.Argument(help="The .apkg file to preview.", dir_okay=False)],
    output: Annotated[
        Path, typer.Option("--output", "-o", dir_okay=False, help="HTML page to write.")
    ] = Path("preview.html"),
    cards: Annotated[
        int, typer.Option("--cards", "-n", min=1, help="How many cards, from the start of the study order.")
    ] = 20,
    night: Annotated[bool, typer.Option("--night", help="Open the page in night mode.")] = False,
) -> None:
    """Write a static HTML page showing the first cards front and back, as Anki renders them."""
    from deckbuilder import preview as preview_lib

    with _errors_as_exit("interrupted; no preview written"):
        deck_file = preview_lib.read_deck(deck)
        written = preview_lib.write_preview(deck_file, output, preview_lib.PreviewOptions(cards, night))
    shown = min(cards, len(deck_file.cards))
    typer.echo(f"Preview of {shown} cards: {written}")


def main() -> None:
    """Console entry point: an unexpected error is one line (set DECKBUILDER_DEBUG=1 for the traceback)."""
    try:
        app()
    except Exception as exc:  # the last line of defence: no traceback for users
        if os.environ.get("DECKBUILDER_DEBUG"):
            raise
        typer.echo(
            f"deckbuild: internal error: {type(exc).__name__}: {exc} (DECKBUILDER_DEBUG=1 shows more)",
            err=True,
        )
        sys.exit(1)
