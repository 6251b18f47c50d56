"""Everything `deckbuild make` and `deckbuild align` decide, as two frozen options objects.

Each is validated once, when it is made: a bad value is an `OptionError` naming the option (the CLI's usage
error, exit 2), raised before any work; a choice given as text becomes its enum member. `BuildOptions.parse`
turns the command line's text (a level such as ``hsk3-5``, comma-separated lists) into the typed values; the
choices themselves are enums declared in the stage that owns them, re-exported here for the CLI.
"""

from __future__ import annotations

import glob
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from deckbuilder import ingest
from deckbuilder.cards import FIELDS, CardKind, Hint, PinyinStyle, check_tag, parse_kinds
from deckbuilder.chinese import Traditional
from deckbuilder.errors import OptionError
from deckbuilder.ingest import InputFormat
from deckbuilder.models import Level
from deckbuilder.standards import Standard, parse_levels, standard_deck

__all__ = [
    "AlignOptions",
    "BuildOptions",
    "CardKind",
    "Engine",
    "Hint",
    "InputFormat",
    "OutputFormat",
    "PinyinStyle",
    "Standard",
    "Traditional",
]

# Aligned pairs scoring below this never become cards: on the dev speeches 9 in 10 correct beads score
# above 0.53 and the lowest 0.28, while an unrelated pairing scores about 0.2.
MIN_SCORE = 0.4
DECK_SUFFIX = ".apkg"  # Anki's import dialog lists only these
DECKS_FOLDER = Path("decks")
MAX_NEW = 3


class Engine(StrEnum):
    """Where `deckbuild make` grades: this machine's processes (``--workers``), or a Dask cluster."""

    local = "local"
    dask = "dask"


class OutputFormat(StrEnum):
    """`deckbuild align` output: ``zh<TAB>en<TAB>score`` lines, or JSON objects with the source too."""

    tsv = "tsv"
    jsonl = "jsonl"


def _at_least(value: int | None, low: int, option: str) -> None:
    if value is not None and value < low:
        raise OptionError(f"{value} is below the minimum {low}", option)


def _choice(value: object, choice: type[StrEnum], option: str) -> StrEnum:
    """`value` as a member of `choice` (its text is enough); OptionError listing the valid values."""
    if value not in choice.__members__.values():
        raise OptionError(f"invalid value {value!r}; valid values: {', '.join(choice)}", option)
    return choice(value)


def _score(value: float) -> None:
    if not 0.0 <= value <= 1.0:
        raise OptionError(f"{value:g} is not a confidence between 0 and 1", "--min-score")


def _words(text: str) -> tuple[str, ...]:
    """`"银行,学校"` → the words; ``all`` → () (every word)."""
    words = tuple(dict.fromkeys(w.strip() for w in text.replace("，", ",").split(",") if w.strip()))
    return () if words in ((), ("all",)) else words


def _texts(values: Iterable[str], option: str) -> None:
    for value in values:
        if not value.strip():
            raise OptionError("an empty text", option)


def _kinds(text: str | Iterable[str]) -> tuple[CardKind, ...]:
    """Card kinds to retire, comma-separated or listed (none: ())."""
    joined = text if isinstance(text, str) else ",".join(text)
    try:
        return parse_kinds(joined) if joined.strip() else ()
    except OptionError as exc:
        raise OptionError(str(exc), "--retire") from None


def parse_builtin(text: str) -> tuple[str, ...]:
    """`"tatoeba,hsk-sentences"` → the built-in corpora's names, checked."""
    return ingest.check_builtin(tuple(dict.fromkeys(n.strip() for n in text.split(",") if n.strip())))


def shards(inputs: Iterable[Path]) -> tuple[Path, ...]:
    """The input files, a folder standing for its files and a quoted glob (``'corpus/*.tsv'``) for its
    matches, each in name order; an empty folder or a glob that matches nothing stays, for the check to
    report."""
    out: list[Path] = []
    for path in map(Path, inputs):
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
            out.extend(files or [path])
        elif not path.exists() and any(c in str(path) for c in "*?["):
            found = sorted(p for p in map(Path, glob.glob(str(path))) if p.is_file())
            out.extend(found or [path])
        else:
            out.append(path)
    return tuple(out)


def _check_embed() -> None:
    """--embed without the encoder installed is a usage error, before any work."""
    from deckbuilder.align.embed import check

    check()


@dataclass(frozen=True, slots=True)
class BuildOptions:
    """Everything `deckbuild make` decides. `levels` lowest first: a range gives one sub-deck per level.

    `output` None means ``decks/<level>.apkg`` (the folder is created, and removed again if the run fails
    before writing into it); a name without ``.apkg`` gets it appended.
    """

    levels: tuple[Level, ...]
    output: Path | None = None
    # Input: the user's bilingual files (else the built-in corpora), how to read them.
    inputs: tuple[Path, ...] = ()
    with_builtin: bool = False  # add the built-in corpora to `inputs`
    builtin: tuple[str, ...] = tuple(ingest.BUILTIN)
    input_format: InputFormat | None = None  # force one reader for every input (default: sniffed)
    strict: bool = False  # a malformed input row is an error instead of being left out with a warning
    min_score: float = MIN_SCORE  # aligned pairs under this confidence never become cards
    embed: bool = False  # blend the optional sentence encoder into alignment (deckbuilder[embed])
    # Selection and the learner.
    per_word: int = 1
    max_notes: int | None = None
    max_new: int = 1
    known: Path | None = None
    assume_below: bool = True
    min_chars: int | None = None
    max_chars: int | None = None
    # Cards and deck.
    deck_name: str | None = None
    templates_dir: Path | None = None
    hint: Hint = Hint.pinyin
    pinyin_style: PinyinStyle = PinyinStyle.line
    cards: tuple[CardKind, ...] = (CardKind.reading,)
    tags: tuple[str, ...] = ()  # added to every note
    readings: Path | None = None  # teacher override file (word<TAB>pinyin), always wins
    zhuyin: bool = False
    traditional: Traditional | None = None
    timestamp: float | None = None  # note and note type modification time (default: now)
    # Redistribution: the deck's identity and its lock (what it shipped).
    deck_key: str | None = None  # namespaces the deck's notes and own note types (default: the deck name)
    lock_file: bool = True  # <deck>.lock.json: pinned sentences and what each note shipped as
    refresh: tuple[str, ...] | None = None  # words whose pinned sentence is chosen afresh (empty: every word)
    retire: tuple[CardKind, ...] = ()  # card types students have that this build empties
    # The teacher's edits (a recipe's): sentences and level words left out, their own sentences (zh, en) or
    # files of pairs, read before every input so they win ties, and corrected English by sentence.
    exclude_sentences: tuple[str, ...] = ()
    exclude_words: tuple[str, ...] = ()
    extra: tuple[tuple[str, str] | Path, ...] = ()
    english: tuple[tuple[str, str], ...] = ()  # (zh, en)
    output_default: Path | None = None  # where the deck goes without `output` (default: decks/LEVEL.apkg)
    # Side files and speed.
    missing_file: bool = True  # <deck>.missing.txt: the level's words no sentence teaches
    review_file: bool = True  # <deck>.review.tsv: readings a teacher should check
    use_cache: bool = True
    cache_path: Path | None = None
    workers: int = 1
    engine: Engine = Engine.local
    scheduler: str | None = None  # a Dask scheduler's address (default: a local cluster of `workers`)

    def __post_init__(self) -> None:
        if not self.levels:
            raise OptionError("no level given", "--level")
        if len({lv.standard for lv in self.levels}) > 1:
            raise OptionError("the levels of one deck come from one standard", "--level")
        object.__setattr__(self, "levels", tuple(sorted(self.levels, key=lambda lv: lv.level)))
        output = self.output
        if output is not None and output.suffix.lower() != DECK_SUFFIX and not output.is_dir():
            object.__setattr__(self, "output", output.with_name(output.name + DECK_SUFFIX))
        ingest.check_builtin(self.builtin)
        for name, choice, option in (
            ("hint", Hint, "--hint"),
            ("pinyin_style", PinyinStyle, "--pinyin-style"),
            ("traditional", Traditional, "--traditional"),
            ("input_format", InputFormat, "--input-format"),
            ("engine", Engine, "--engine"),
        ):
            if getattr(self, name) is not None:
                object.__setattr__(self, name, _choice(getattr(self, name), choice, option))
        object.__setattr__(self, "cards", parse_kinds(",".join(self.cards)))
        if self.retire:
            try:
                object.__setattr__(self, "retire", parse_kinds(",".join(self.retire)))
            except OptionError as exc:
                raise OptionError(str(exc), "--retire") from None
        if both := [k for k in self.retire if k in self.cards]:
            raise OptionError(f"{both[0]} cards are both made (--cards) and retired", "--retire")
        if self.deck_key is not None and not (self.deck_key.strip() and self.deck_key.isprintable()):
            raise OptionError(f"invalid deck key {self.deck_key!r}: give printable text", "--deck-key")
        _texts(self.exclude_sentences, "--exclude-sentences")
        _texts(self.exclude_words, "--exclude-words")
        _texts([t for item in self.extra if isinstance(item, tuple) for t in item], "--extra")
        _texts([t for item in self.english for t in item], "--english")
        for value, low, option in (
            (self.per_word, 1, "--per-word"),
            (self.max_notes, 1, "--max-notes"),
            (self.max_new, 1, "--max-new"),
            (self.min_chars, 1, "--min-chars"),
            (self.max_chars, 1, "--max-chars"),
            (self.workers, 1, "--workers"),
        ):
            _at_least(value, low, option)
        if self.scheduler is not None and self.engine is not Engine.dask:
            raise OptionError("a scheduler is for the dask engine: add --engine dask", "--scheduler")
        if self.max_new > MAX_NEW:
            raise OptionError(f"{self.max_new} is above the maximum {MAX_NEW}", "--max-new")
        _score(self.min_score)
        if self.embed:
            _check_embed()
        for tag in self.tags:
            check_tag(tag)
        from deckbuilder import apkg  # the deck writer's rules, loaded only when options are made

        if self.deck_name is not None:
            apkg.check_deck_name(self.deck_name)
        apkg.check_templates_dir(self.templates_dir, FIELDS)

    @classmethod
    def parse(
        cls,
        level: str | None,
        standard: str = Standard.HSK2,
        *,
        builtin: str = ",".join(ingest.BUILTIN),
        cards: str = CardKind.reading,
        inputs: Iterable[Path] | None = None,
        tags: Iterable[str] | None = None,
        refresh: str | None = None,
        retire: str | Iterable[str] = "",
        **values: object,
    ) -> BuildOptions:
        """Options from the command line's values: the level (``hsk5``, ``hsk7-9``, ``hsk3-5``) of a
        standard, comma-separated built-in corpora, card kinds, words to refresh (``all``: every word) and
        card kinds to retire, lists of inputs and tags; `values` are the other fields as they are."""
        try:
            std = Standard(standard)
        except ValueError:
            valid = ", ".join(Standard)
            raise OptionError(f"unknown standard {standard!r}; valid values: {valid}", "--standard") from None
        if level is None:
            raise OptionError(
                "missing option: give a level, or build a recipe's decks (deckbuild init)", "--level"
            )
        levels = parse_levels(level, std)
        kinds = parse_kinds(cards)
        return cls(
            levels=levels,
            builtin=parse_builtin(builtin),
            cards=kinds,
            inputs=shards(inputs or ()),
            tags=tuple(tags or ()),
            refresh=None if refresh is None else _words(refresh),
            retire=_kinds(retire),
            **values,  # type: ignore[arg-type]
        )

    @property
    def top(self) -> Level:
        """The highest level: the deck's own (a range's lower levels are its sub-decks)."""
        return self.levels[-1]

    @property
    def deck(self) -> str:
        """The deck's name: given, or the standard's parent deck for a range, or the level's deck."""
        if self.deck_name:
            return self.deck_name
        return standard_deck(self.top.standard) if len(self.levels) > 1 else self.top.deck_name

    @property
    def key(self) -> str:
        """The deck key: given, else the deck's name (a renamed deck keeps its notes by keeping its key)."""
        return self.deck_key.strip() if self.deck_key else self.deck

    @property
    def extra_files(self) -> tuple[Path, ...]:
        """The files of the teacher's own sentences."""
        return tuple(item for item in self.extra if isinstance(item, Path))

    def default_output(self) -> Path:
        """``decks/hsk5.apkg``, ``decks/hsk3-5.apkg``, ``decks/hsk2021-7-9.apkg`` (a recipe: its own)."""
        if self.output_default is not None:
            return self.output_default
        first, top = self.levels[0], self.top
        slug = first.slug if len(self.levels) == 1 else f"{first.slug}-{top.label}"
        return DECKS_FOLDER / f"{slug}{DECK_SUFFIX}"


@dataclass(frozen=True, slots=True)
class AlignOptions:
    """Everything `deckbuild align` decides."""

    inputs: tuple[Path, ...]
    output: Path
    output_format: OutputFormat = OutputFormat.tsv
    review: Path | None = None  # low-confidence pairs and unpaired sentences, for a person to check
    min_score: float = MIN_SCORE
    input_format: InputFormat | None = None
    strict: bool = False  # a malformed input row is an error instead of being left out with a warning
    all_beads: bool = False  # write low pairs and unpaired sentences too, flagged (to score the aligner)
    embed: bool = False  # blend the optional sentence encoder into alignment (deckbuilder[embed])

    def __post_init__(self) -> None:
        if not self.inputs:
            raise OptionError("give one interleaved bilingual file, or a Chinese and an English file")
        object.__setattr__(self, "output_format", _choice(self.output_format, OutputFormat, "--format"))
        if self.input_format is not None:
            object.__setattr__(
                self, "input_format", _choice(self.input_format, InputFormat, "--input-format")
            )
        _score(self.min_score)
        if self.embed:
            _check_embed()
