"""Frozen dataclasses shared by the stages: the only vocabulary stages have in common.

ingest → Pair; align → Pair (with a confidence score); annotate → Sentence of Token;
grade → Choice (a sentence chosen to teach a target word) in study order; cards → NoteSpec; apkg → file.
`Level` is defined with the standards it belongs to (`deckbuilder.standards`) and shared from here.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from enum import StrEnum
from functools import cache
from operator import attrgetter
from typing import Any

from deckbuilder.standards import Level

# Note type names, shared by the cards and apkg stages. Anki matches note types by ID, decks show names.
CLOZE = "deckbuilder Cloze"
SENTENCE = "deckbuilder Sentence"


class Origin(StrEnum):
    """Which side of a pair was written first, when its corpus tells (graded costs follow it)."""

    UNKNOWN = ""  # a user's file: nothing is assumed
    ZH = "zh"  # Chinese written first, the English a volunteer's translation (Tatoeba: the smaller ID)
    EN = "en"  # English written first, the Chinese a translation of it (Tatoeba: the larger ID)
    GRADED = "graded"  # written in Chinese for learners, with an edited translation (hsk-sentences)


def reduce_fields(self: Any) -> tuple[type, tuple[Any, ...]]:
    """Pickle a record as its constructor's arguments. A slotted dataclass's own pickling looks its fields
    up for every object (`dataclasses.fields`), which was most of the cost of sending a million pairs to
    the worker processes."""
    cls = type(self)
    return cls, _fields_of(cls)(self)


@cache
def _fields_of(cls: type) -> Callable[[Any], tuple[Any, ...]]:
    """A record's field values as a tuple, read in C (`attrgetter` of two or more names gives a tuple)."""
    names = [f.name for f in fields(cls)]
    return attrgetter(*names) if len(names) > 1 else lambda record: tuple(getattr(record, n) for n in names)


@dataclass(frozen=True, slots=True)
class Pair:
    """One Chinese sentence and its English translation.

    `zh` is the simplified text used for grading and display; `zh_original` the text as read (possibly
    traditional). `source` names where it came from (e.g. ``tatoeba:1276/413788`` or ``speech.txt:12``);
    `score` is the alignment confidence in [0, 1] (1.0 for pre-aligned input).
    """

    __reduce__ = reduce_fields

    zh: str
    en: str
    source: str
    zh_original: str = ""
    score: float = 1.0
    builtin: bool = False  # from a built-in corpus, not the user's files (their sentences win ties)
    origin: Origin = Origin.UNKNOWN


@dataclass(frozen=True, slots=True)
class Skipped:
    """A malformed row a reader left out (the wrong number of columns, a JSON line without zh/en)."""

    path: str
    line: int
    reason: str


class Kind(StrEnum):
    """What a token is, for grading: only WORD tokens are graded; the rest are free."""

    WORD = "word"
    PUNCT = "punct"
    NUMBER = "number"
    LATIN = "latin"
    NAME = "name"


@dataclass(frozen=True, slots=True)
class Token:
    """One segmented word.

    `freq` is the word's count in the segmenter's dictionary (0 when unknown), used to rank sentences and
    order study. `pos`, `pinyin` and `gloss` are empty until the sentence is enriched (chosen for a card).
    `gloss` is what a card prints for the word: its `senses` on one line.
    """

    __reduce__ = reduce_fields

    text: str
    kind: Kind = Kind.WORD
    freq: int = 0
    pos: str = ""
    pinyin: str = ""
    gloss: str = ""
    # Added by issue 4 (pinyin), set when enriched: tone-number pinyin with the syllables of a written word
    # joined ("yin2hang2", "yi1 ge4"; one syllable per Chinese character), the CC-CEDICT classifiers of
    # the chosen reading ("家 jiā; 个 gè"), and whether the reading was decided with confidence (False:
    # listed in the build's review file for a teacher).
    numbered: str = ""
    classifier: str = ""
    confident: bool = True
    # Rendered from the same reading for the card (so cards need no pinyin code): the tone of each character
    # of `text` ("1"…"5", "0" where there is none: "22" for 银行) and the Zhuyin of each written word.
    tones: str = ""
    zhuyin: str = ""
    # Added by issue 12 (glosses), set when enriched: the CC-CEDICT entry the sentence uses, as its
    # traditional headword and reading ("後", "hou4"), and the senses to show, the used one first; `gloss`
    # joins them.
    # `composed`: the word has no entry and its gloss was built from its parts ("很 very + 多 many").
    trad: str = ""
    cedict_pinyin: str = ""
    senses: tuple[str, ...] = ()
    composed: bool = False


_TEXT = attrgetter("text")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A pair with its Chinese side segmented into tokens; `pinyin` (the textbook line) comes from enrich,
    `traditional` (the sentence in traditional characters) only when a deck asks for it."""

    __reduce__ = reduce_fields

    pair: Pair
    tokens: tuple[Token, ...]
    pinyin: str = ""
    traditional: str = ""

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(map(_TEXT, self.tokens))


# The layout `encode_sentence` writes; change it whenever Token or the layout changes (cached values are
# keyed by it, so an old layout is never read back).
SENTENCE_CODEC = "4"


def encode_sentence(sentence: Sentence) -> str:
    """An enriched sentence's tokens and pinyin line as compact JSON (the pair is stored by the caller)."""
    tokens = [[getattr(t, f.name) for f in fields(Token)] for t in sentence.tokens]
    return json.dumps({"pinyin": sentence.pinyin, "tokens": tokens}, ensure_ascii=False)


# Token fields JSON writes as lists and a decoded token must hold as tuples (frozen tokens compare equal).
_TUPLE_FIELDS = tuple(k for k, f in enumerate(fields(Token)) if str(f.type).startswith("tuple"))


def decode_sentence(pair: Pair, text: str) -> Sentence:
    """The sentence `encode_sentence` wrote, given back its pair."""
    value = json.loads(text)
    tokens = []
    for row in value["tokens"]:
        for k in _TUPLE_FIELDS:
            row[k] = tuple(row[k])
        tokens.append(Token(row[0], Kind(row[1]), *row[2:]))
    return Sentence(pair, tuple(tokens), value["pinyin"])


@dataclass(frozen=True, slots=True)
class Choice:
    """A sentence chosen to teach `target` (a word of the level), with its rank in the study order."""

    sentence: Sentence
    target: str
    target_index: int
    order: int
    difficulty: float
    level: Level | None = None


@dataclass(frozen=True, slots=True)
class NoteSpec:
    """One Anki note, independent of genanki: note type name, field values (HTML), GUID, tags, due."""

    note_type: str
    fields: tuple[tuple[str, str], ...]
    guid: str
    tags: tuple[str, ...]
    due: int
    deck: str = ""  # sub-deck name; empty means the package's main deck
    # (template ordinal, new-card position) of each of the note's cards; empty: one card, at `due`.
    card_dues: tuple[tuple[int, int], ...] = ()
    mod: int | None = (
        None  # modification time (the lock's: when this content first shipped); None: the build's
    )

    def field(self, name: str) -> str:
        for key, value in self.fields:
            if key == name:
                return value
        raise KeyError(name)


_SKIPPED = "Rows skipped: {:,} malformed (see the warnings; --strict to fail)"


@dataclass(frozen=True, slots=True)
class Report:
    """What a build did, for the CLI to print."""

    level_name: str
    pairs_read: int
    candidates: int
    notes: int
    covered: int
    level_words: int
    output: str
    seconds: float
    warnings: tuple[str, ...] = field(default_factory=tuple)
    per_level: tuple[tuple[str, int, int], ...] = field(default_factory=tuple)  # (level name, covered, words)
    missing_file: str = ""
    timings: tuple[tuple[str, float], ...] = field(default_factory=tuple)  # (stage, seconds)
    review_file: str = ""  # <deck>.review.tsv: readings decided by a fallback, for a teacher to check
    skipped: int = 0  # malformed input rows left out (see `warnings` for where)
    left_out: tuple[tuple[str, int], ...] = ()  # (quality check, candidates it left out)
    weighed: tuple[tuple[str, int], ...] = ()  # (weighed signal, candidates it added a cost to)
    own_notes: int | None = None  # notes from the user's files, when built-in corpora were added to them
    lock_file: str = ""  # <deck>.lock.json: what the deck shipped
    changes: str = ""  # against the previous lock: "12 changed, 3 added, 1 retired"
    weak_words: int = 0  # words left out because every sentence for them was too weak (they are missing)

    def lines(self) -> list[str]:
        """The report as `deckbuild make` prints it (warnings are printed apart, on stderr)."""
        out = [f"Level:        {self.level_name}", f"Pairs read:   {self.pairs_read:,}"]
        if self.skipped:
            out.append(_SKIPPED.format(self.skipped))
        out.append(f"Candidates:   {self.candidates:,} readable sentences with a target word")
        if self.left_out:
            reasons = ", ".join(f"{n:,} {check}" for check, n in self.left_out)
            total = sum(n for _, n in self.left_out)
            out.append(f"Left out:     {total:,} of them as weak sentences ({reasons})")
        if self.weighed:
            signals = ", ".join(f"{n:,} {signal}" for signal, n in self.weighed)
            out.append(f"Weighed:      {signals}")
        out.append(f"Notes:        {self.notes:,}")
        if self.own_notes is not None:
            out.append(f"From files:   {self.own_notes:,} of the notes from your files, the rest built-in")
        share = self.covered / self.level_words if self.level_words else 0.0
        out.append(f"Target words: {self.covered:,} of {self.level_words:,} covered ({share:.1%})")
        if len(self.per_level) > 1:
            out.extend(f"  {name}: {covered:,} of {total:,}" for name, covered, total in self.per_level)
        if self.weak_words:
            out.append(f"Too weak:     {self.weak_words:,} words whose sentences were all too weak (missing)")
        out.append(f"Output:       {self.output}")
        if self.missing_file:
            out.append(f"Missing:      {self.missing_file}")
        if self.review_file:
            out.append(f"Review:       {self.review_file}")
        if self.lock_file:
            out.append(f"Lock:         {self.lock_file}")
            out.append(f"Changes:      {self.changes}")
        out.append(f"Time:         {self.seconds:.1f} s")
        return out


@dataclass(frozen=True, slots=True)
class Document:
    """Bilingual text that still needs sentence alignment: Chinese and English paragraphs in reading order.

    Paragraphs are as read (`zh` possibly traditional); a paragraph cut mid-sentence by the layout has been
    rejoined, so no sentence spans two paragraphs. `zh_lines`/`en_lines` give each paragraph's first line
    in `name` (for ``Pair.source``). Subtitles are timed documents: each paragraph is a cue and
    `zh_times`/`en_times` give its (start, end) in seconds, so the aligner pairs cues by time.
    """

    name: str
    zh: tuple[str, ...]
    en: tuple[str, ...]
    zh_lines: tuple[int, ...] = ()
    en_lines: tuple[int, ...] = ()
    zh_times: tuple[tuple[float, float], ...] = ()
    en_times: tuple[tuple[float, float], ...] = ()


@dataclass(frozen=True, slots=True)
class Bead:
    """One alignment step: Chinese and English sentence indices (either may be empty), a score in [0, 1]."""

    zh: tuple[int, ...]
    en: tuple[int, ...]
    score: float


@dataclass(frozen=True, slots=True)
class AlignReport:
    """What `deckbuild align` did, for the CLI to print."""

    documents: int
    pairs: int  # written to the output
    low: int  # paired but under the minimum score (listed for review)
    unpaired: int  # sentences left without a counterpart (listed for review)
    output: str
    review: str
    seconds: float
    skipped: int = 0  # malformed input rows left out
    warnings: tuple[str, ...] = field(default_factory=tuple)
    min_score: float = 0.0  # pairs under it were not written (unless `every`)
    every: bool = False  # low pairs and unpaired sentences were written too, flagged

    def lines(self) -> list[str]:
        """The report as `deckbuild align` prints it (warnings are printed apart, on stderr)."""
        flagged = ", written flagged {}" if self.every else ""
        out = [
            f"Documents:    {self.documents:,} aligned",
            f"Pairs:        {self.pairs:,} written to {self.output}",
            f"Low score:    {self.low:,} under {self.min_score:g}" + flagged.format("low"),
            f"Unpaired:     {self.unpaired:,} sentences" + flagged.format("unpaired"),
        ]
        if self.skipped:
            out.append(_SKIPPED.format(self.skipped))
        if self.review:
            out.append(f"Review:       {self.review}")
        out.append(f"Time:         {self.seconds:.1f} s")
        return out
