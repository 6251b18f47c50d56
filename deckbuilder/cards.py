"""Cards stage: chosen sentences → note specs (pure data; the apkg stage turns them into genanki notes).

Deck options that change how a card looks (cloze hint, ruby or line pinyin, which sentence cards exist) live
in each note's fields, not in the templates: the note types are shared by every deckbuilder deck in a
collection (fixed model IDs), so a template switch would restyle every other deck too, and a different set of
templates would make Anki import a second copy of the note type instead of updating the notes.

Every text is neutralised on the way into a field: control and invisible format characters (bidi marks,
zero-width) removed, HTML escaped, and Anki's template/cloze syntax (`{{`, `}}`, `::`) written as character
references so a sentence can never open a cloze or a field reference. GUIDs derive from the note's identity
(note type + deck key + simplified sentence), never from all fields, so a rebuild with fixed glosses updates
notes in place instead of duplicating them, and two decks holding one sentence keep a note each.
"""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from deckbuilder.errors import OptionError
from deckbuilder.models import CLOZE, SENTENCE, Choice, Kind, Level, NoteSpec, Sentence, Token

# Field order and names are a contract with every deck already imported: append, never rename or reorder.
# Both note types share the sentence fields and the pinyin fields; Sentence adds its card switches between.
_SENTENCE_PART = ("Hanzi", "Pinyin", "English", "Target", "TargetPinyin", "TargetGloss", "Level", "Source",
                  "Glosses", "Ruby")  # fmt: skip
_PINYIN_PART = ("PinyinNumbered", "HanziColored", "Classifier", "Zhuyin", "Traditional")
CLOZE_FIELDS = ("Text", *_SENTENCE_PART, *_PINYIN_PART)
SENTENCE_FIELDS = (*_SENTENCE_PART, "CardReading", "CardProduction", "CardListening", *_PINYIN_PART)
FIELDS = {CLOZE: CLOZE_FIELDS, SENTENCE: SENTENCE_FIELDS}

_BASE91 = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~"
_SPACES = re.compile(r"\s+")


def _short_gloss(tok: Token) -> str:
    """The first part of the sense the sentence uses (the first shown): a hint must not crowd the sentence."""
    first = tok.senses[0] if tok.senses else tok.gloss
    return first.split(";")[0].strip()


class Hint(StrEnum):
    """What the cloze blank shows: the target's pinyin, its first gloss, both, or Anki's `[...]`."""

    pinyin = "pinyin"
    gloss = "gloss"
    both = "both"
    none = "none"


HINTS: dict[str, Callable[[Token], str]] = {
    Hint.pinyin: lambda tok: tok.pinyin,
    Hint.gloss: _short_gloss,
    Hint.both: lambda tok: " · ".join(p for p in (tok.pinyin, _short_gloss(tok)) if p),
    Hint.none: lambda tok: "",
}


class PinyinStyle(StrEnum):
    """Pinyin on the backs: a line under the sentence, or above each word (ruby)."""

    line = "line"
    ruby = "ruby"


class CardKind(StrEnum):
    """A sentence card: Chinese → English, English → Chinese, or speech → meaning."""

    reading = "reading"
    production = "production"
    listening = "listening"


# Each sentence card kind is switched on per note by a field its front template tests ({{#CardProduction}}).
CARD_KINDS = {
    CardKind.reading: "CardReading",
    CardKind.production: "CardProduction",
    CardKind.listening: "CardListening",
}


@dataclass(frozen=True, slots=True)
class CardOptions:
    """Deck-wide facts each note carries, and how its cards look. `subdecks` puts each level's notes in a
    deck of its own."""

    level: Level
    deck_prefix: str = ""
    subdecks: bool = False
    hint: Hint = Hint.pinyin
    pinyin_style: PinyinStyle = PinyinStyle.line
    kinds: tuple[CardKind, ...] = (CardKind.reading,)
    tags: tuple[str, ...] = ()
    zhuyin: bool = False  # fill the Zhuyin field (the Traditional field is filled when the sentence has it)
    key: str = ""  # the deck key: it namespaces GUIDs, so two decks never take over each other's notes

    def __post_init__(self) -> None:
        for name, choice, option in (
            ("hint", Hint, "--hint"),
            ("pinyin_style", PinyinStyle, "--pinyin-style"),
        ):
            value = getattr(self, name)
            if value not in choice.__members__:
                raise OptionError(f"invalid value {value!r}; valid values: {', '.join(choice)}", option)
            object.__setattr__(self, name, choice(value))
        object.__setattr__(self, "kinds", parse_kinds(",".join(self.kinds)))
        for tag in self.tags:
            check_tag(tag)


def parse_kinds(text: str) -> tuple[CardKind, ...]:
    """`"reading,production"` → (reading, production); OptionError on an unknown or empty list."""
    kinds = tuple(dict.fromkeys(k.strip().lower() for k in text.split(",") if k.strip()))
    unknown = [k for k in kinds if k not in CardKind.__members__]
    if unknown or not kinds:
        what = f"unknown card type {unknown[0]!r}" if unknown else "no card type given"
        raise OptionError(f"{what}; valid values: {', '.join(CardKind)} (comma-separated)", "--cards")
    return tuple(CardKind(k) for k in kinds)


def check_tag(tag: str) -> str:
    """A tag as Anki stores it: non-empty, no whitespace (Anki splits tags on spaces)."""
    if not tag or any(c.isspace() for c in tag) or clean(tag) != tag:
        raise OptionError(f"invalid tag {tag!r}: tags cannot be empty or contain spaces", "--tag")
    return tag


def clean(text: str) -> str:
    """Remove control and invisible format characters (bidi marks, zero-width), collapse whitespace."""
    if text.isprintable():  # no control, format or private-use characters, no whitespace but ' '
        return _SPACES.sub(" ", text).strip() if "  " in text else text.strip()
    kept = "".join(c for c in text if unicodedata.category(c) not in ("Cc", "Cf", "Co", "Cs") or c in "\t\n")
    return _SPACES.sub(" ", kept).strip()


def field_text(text: str) -> str:
    """Plain text → safe Anki field HTML: escaped, and no `{{`, `}}` or `::` left to be parsed."""
    out = html.escape(clean(text), quote=False)
    return out.replace("{", "&#123;").replace("}", "&#125;").replace("::", "&#58;&#58;")


def stable_guid(note_type: str, identity: str) -> str:
    """A GUID from the note's identity, stable across builds, machines and Python versions."""
    digest = int.from_bytes(hashlib.sha256(f"{note_type}\x1f{identity}".encode()).digest()[:8], "big")
    chars = []
    while digest:
        digest, rem = divmod(digest, len(_BASE91))
        chars.append(_BASE91[rem])
    return "".join(reversed(chars)) or "a"


def _identity(key: str, hanzi: str) -> str:
    """A note's identity: its sentence, within its deck's key (none: the sentence alone)."""
    return f"{key}\x1e{hanzi}" if key else hanzi


def _cloze_part(text: str) -> str:
    """Field text for a piece joined to others (a token, a character, a cloze part): a lone ':' is escaped
    too, or two pieces ending and starting with ':' would write '::' (and `{{c1:::::x}}` be ambiguous)."""
    return field_text(text).replace(":", "&#58;")


def numbered_line(tokens: tuple[Token, ...]) -> str:
    """Tone-number pinyin, one group per word: ``wo3 qu4 yin2hang2``."""
    return " ".join(t.numbered for t in tokens if t.numbered)


def colored_hanzi(tokens: tuple[Token, ...]) -> str:
    """Field HTML: each Chinese character in ``<span class="toneN">`` (N = 1–5) from its token's reading."""
    parts = []
    for tok in tokens:
        for k, ch in enumerate(tok.text):
            tone = tok.tones[k : k + 1] or "0"
            # A space stays a space; any other whitespace (a field separator \x1f counts as one) and every
            # control or invisible character goes through field_text like all text.
            text = " " if ch.isspace() else _cloze_part(ch)
            parts.append(f'<span class="tone{tone}">{text}</span>' if tone != "0" else text)
    return "".join(parts)


def zhuyin_line(tokens: tuple[Token, ...]) -> str:
    """Zhuyin (bopomofo) per written word, from the tokens' readings."""
    return " ".join(t.zhuyin for t in tokens if t.zhuyin)


def cloze_text(sentence: Sentence, target: str, hint: str) -> str:
    """The sentence as field HTML with every occurrence of `target` clozed (`{{c1::银行::yínháng}}`)."""
    parts = []
    for tok in sentence.tokens:
        if tok.text == target:
            parts.append("{{c1::" + _cloze_part(tok.text) + (f"::{_cloze_part(hint)}" if hint else "") + "}}")
        else:
            parts.append(_cloze_part(tok.text))
    return "".join(parts)


def ruby_html(tokens: tuple[Token, ...]) -> str:
    """The sentence with each word's pinyin above it (`<ruby>银行<rt>yínháng</rt></ruby>`)."""
    parts = []
    for tok in tokens:
        if tok.kind in (Kind.WORD, Kind.NAME) and tok.pinyin and tok.pinyin != tok.text:
            parts.append(f"<ruby>{_cloze_part(tok.text)}<rt>{_cloze_part(tok.pinyin)}</rt></ruby>")
        else:
            parts.append(_cloze_part(tok.text))
    return "".join(parts)


_COMPOSED = ' class="composed" title="not in the dictionary: glossed from its parts"'


def glosses_html(tokens: tuple[Token, ...]) -> str:
    """A compact list of the sentence's words with pinyin and gloss (each word once, or once per use where
    its reading or gloss differs: 一把 花生 … 把 它们, numbers with a gloss too); a gloss built from the
    word's parts is marked (class "composed", styled apart)."""
    items = []
    shown: dict[str, set[str]] = {}  # a word → the senses its lines show (一 yì and yí: one word)
    for tok in tokens:
        # A number with a gloss gets a line too (第一 "first", 四百 "四 four + 百 hundred", 九点 …).
        number = tok.kind is Kind.NUMBER
        if (tok.kind not in (Kind.WORD, Kind.NAME) and not number) or not tok.gloss:
            continue
        senses = tok.senses or (tok.gloss,)
        said = shown.setdefault(tok.text, set())
        if senses[0] in said:
            continue  # the use a line shows already (去 不 去: one line)
        said.update(senses)
        items.append(
            f'<li{_COMPOSED if tok.composed else ""}><span class="hz">{field_text(tok.text)}</span>'
            f' <span class="py">{field_text(tok.pinyin)}</span>'
            f' <span class="gl">{field_text(tok.gloss)}</span></li>'
        )
    return f'<ul class="glosses">{"".join(items)}</ul>' if items else ""


_SUBTITLE_SOURCE = re.compile(r"(.+)\.(?:srt|vtt)@(\d\d:\d\d:\d\d)(?:\.\d+)?")


def source_tag(source: str) -> str:
    """Tag naming where a sentence came from: `source::tatoeba`, `source::speech` (for speech.txt:12),
    `source::episode01` (for the subtitle cue episode01.srt@00:12:03.450)."""
    origin = source.split("@", 1)[0].split(":", 1)[0]
    origin = origin.rsplit("/", 1)[-1].rsplit(".", 1)[0] if "." in origin or "/" in origin else origin
    return "source::" + (re.sub(r"[^\w-]+", "_", origin).strip("_") or "input")


def source_text(source: str) -> str:
    """`tatoeba:1/1276` → 'Tatoeba #1 / #1276 (CC BY 2.0 FR)'; a subtitle cue `episode01.srt@00:12:03.450` →
    'episode01 at 00:12:03' (the second to seek to in the video); other sources as given."""
    if source.startswith("tatoeba:"):
        ids = source.split(":", 1)[1].split("/")
        return "Tatoeba " + " / ".join(f"#{i}" for i in ids) + " (CC BY 2.0 FR)"
    if source.startswith("hsk-sentences-audio:"):
        return f"hsk-sentences-audio {source.split(':', 1)[1]} (CC BY-SA 4.0)"
    cue = _SUBTITLE_SOURCE.fullmatch(source)
    if cue:
        return f"{cue.group(1)} at {cue.group(2)}"
    return source


def notes_for(choice: Choice, options: CardOptions) -> tuple[NoteSpec, NoteSpec]:
    """The cloze note and the sentence note for one chosen sentence."""
    sentence = choice.sentence
    level = choice.level or options.level
    target_tok = sentence.tokens[choice.target_index]
    hanzi = clean(sentence.pair.zh)
    common = {
        "Hanzi": field_text(hanzi),
        "Pinyin": field_text(sentence.pinyin),
        "English": field_text(sentence.pair.en),
        "Target": field_text(target_tok.text),
        "TargetPinyin": field_text(target_tok.pinyin),
        "TargetGloss": field_text(target_tok.gloss),
        "Level": field_text(level.name),
        "Source": field_text(source_text(sentence.pair.source)),
        "Glosses": glosses_html(sentence.tokens),
        "PinyinNumbered": field_text(numbered_line(sentence.tokens)),
        "HanziColored": colored_hanzi(sentence.tokens),
        "Classifier": field_text(target_tok.classifier),
        "Zhuyin": field_text(zhuyin_line(sentence.tokens)) if options.zhuyin else "",
        "Traditional": field_text(sentence.traditional),
    }
    common["Ruby"] = ruby_html(sentence.tokens) if options.pinyin_style is PinyinStyle.ruby else ""
    # Switches, not text: a non-empty value makes Anki show that card ("y" so a teacher can type it too).
    switches = {field: "y" if kind in options.kinds else "" for kind, field in CARD_KINDS.items()}
    tags = (level.tag, source_tag(sentence.pair.source), *options.tags)
    tags = tuple(dict.fromkeys(tags))
    deck = f"{options.deck_prefix}::Level {level.label}" if options.subdecks else ""
    hint = HINTS[options.hint](target_tok)
    cloze_fields = {"Text": cloze_text(sentence, choice.target, hint), **common}
    sentence_fields = {**common, **switches}
    # New-card positions in sentence order: the cloze card of the n-th sentence, then its sentence cards
    # (one per card kind the deck has, in template order); `study.schedule` spreads a deck's cards over days.
    ords = tuple(k for k, kind in enumerate(CARD_KINDS) if kind in options.kinds)
    return (
        NoteSpec(
            CLOZE,
            tuple((f, cloze_fields[f]) for f in CLOZE_FIELDS),
            stable_guid(CLOZE, _identity(options.key, hanzi)),
            tags,
            2 * choice.order,
            deck,
            ((0, 2 * choice.order),),
        ),
        NoteSpec(
            SENTENCE,
            tuple((f, sentence_fields[f]) for f in SENTENCE_FIELDS),
            stable_guid(SENTENCE, _identity(options.key, hanzi)),
            tags,
            2 * choice.order + 1,
            deck,
            tuple((ord_, 2 * choice.order + 1) for ord_ in ords),
        ),
    )
