"""Two `DeckFile`s (an earlier and a later build of one deck) → `DeckDiff`: what `deckbuild diff` lists.

Notes are matched by GUID, as Anki matches them on import. A note is added when only the new build has
it, retired when only the old one has it or the new one ships it tagged `deckbuilder::retired`, changed
when a field (compared by field name, so an appended field shows as new) or its tags differ. Card types
are compared by their card counts per note type and template: a type that went to zero cards was retired,
one that came from zero was added. Everything is sorted, so the same two files always give the same lines.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from deckbuilder.errors import OptionError
from deckbuilder.lock import RETIRED_TAG, Lock, Shipped
from deckbuilder.preview.deckfile import Card, DeckFile, Note
from deckbuilder.preview.render import strip_html

TAGS = "Tags"  # the pseudo-field --fields names to show tag changes
LABEL_WIDTH = 40
VALUE_WIDTH = 60


@dataclass(frozen=True, slots=True)
class NoteRef:
    """One note, as a person finds it in Anki's browser: its sort field, note type and GUID."""

    label: str
    note_type: str
    guid: str

    def line(self, sign: str) -> str:
        return f"  {sign} {self.label} ({self.note_type}, guid {self.guid})"


@dataclass(frozen=True, slots=True)
class FieldChange:
    field: str
    old: str
    new: str

    def line(self) -> str:
        old, new = _clip(self.old, self.new)
        return f"      {self.field}: {old} → {new}"


@dataclass(frozen=True, slots=True)
class NoteChange:
    note: NoteRef
    fields: tuple[FieldChange, ...]
    tags_added: tuple[str, ...]
    tags_removed: tuple[str, ...]

    def lines(self) -> list[str]:
        out = [self.note.line("~"), *(change.line() for change in self.fields)]
        if self.tags_added or self.tags_removed:
            tags = [f"+{t}" for t in self.tags_added] + [f"-{t}" for t in self.tags_removed]
            out.append(f"      tags: {' '.join(tags)}")
        return out


@dataclass(frozen=True, slots=True)
class CardTypeChange:
    note_type: str
    card_type: str
    old: int
    new: int

    def line(self) -> str:
        what = "added" if not self.old else "retired" if not self.new else "changed"
        return f"  {self.note_type} / {self.card_type}: {self.old:,} → {self.new:,} cards ({what})"


@dataclass(frozen=True, slots=True)
class DeckDiff:
    """What re-importing `new` over `old` changes, note by note; `lines()` is the report."""

    old: str
    new: str
    old_notes: int
    new_notes: int
    added: tuple[NoteRef, ...]
    retired: tuple[NoteRef, ...]
    changed: tuple[NoteChange, ...]
    card_types: tuple[CardTypeChange, ...]
    unchanged: int
    summary_only: bool = False

    def lines(self) -> list[str]:
        out = [
            f"Old: {self.old} ({self.old_notes:,} notes)",
            f"New: {self.new} ({self.new_notes:,} notes)",
            f"Notes: {len(self.changed):,} changed, {len(self.added):,} added, "
            f"{len(self.retired):,} retired, {self.unchanged:,} unchanged",
        ]
        out.append("Card types:" if self.card_types else "Card types: unchanged")
        out.extend(change.line() for change in self.card_types)
        if self.summary_only:
            return out
        for title, refs, sign in (("Added", self.added, "+"), ("Retired", self.retired, "-")):
            if refs:
                out.append(f"{title}:")
                out.extend(ref.line(sign) for ref in refs)
        if self.changed:
            out.append("Changed:")
            for change in self.changed:
                out.extend(change.lines())
        return out


def diff_decks(
    old: DeckFile, new: DeckFile, fields: Iterable[str] | None = None, summary_only: bool = False
) -> DeckDiff:
    """Compare two builds; `fields` limits the compared fields (``Tags`` for the tags), OptionError when
    one names no field of either deck."""
    shown = _check_fields(old, new, fields)
    old_by, new_by = _by_guid(old), _by_guid(new)
    added = [_ref(new, n) for guid, n in new_by.items() if guid not in old_by]
    retired, changed, unchanged = [], [], 0
    for guid, before in old_by.items():
        after = new_by.get(guid)
        was_retired = RETIRED_TAG in before.tags
        if after is None:
            # A note that already shipped retired is gone for good: nothing new for students.
            if not was_retired:
                retired.append(_ref(old, before))
        elif RETIRED_TAG in after.tags and not was_retired:
            retired.append(_ref(new, after))
        else:
            change = _note_change(old, before, new, after, shown)
            if change is not None:
                changed.append(change)
            else:
                unchanged += 1
    return DeckDiff(
        str(old.path),
        str(new.path),
        len(old.notes),
        len(new.notes),
        tuple(sorted(added, key=_order)),
        tuple(sorted(retired, key=_order)),
        tuple(sorted(changed, key=lambda c: _order(c.note))),
        _card_types(old, new),
        unchanged,
        summary_only,
    )


def diff_locks(old: Lock, new: Lock, paths: tuple[str, str], summary_only: bool = False) -> DeckDiff:
    """Compare two lock files: notes by GUID and content hash (a lock holds no fields, so a changed note
    is listed without them), card types by how many notes ship with each switch."""

    def ref(guid: str, shipped: Shipped) -> NoteRef:
        return NoteRef(_short(strip_html(shipped.sentence), LABEL_WIDTH), "note", guid)

    live_old = {g: n for g, n in old.notes.items() if not n.retired}
    added = [ref(g, n) for g, n in new.notes.items() if g not in live_old and not n.retired]
    retired = [ref(g, n) for g, n in live_old.items() if g not in new.notes or new.notes[g].retired]
    changed = [
        NoteChange(ref(g, n), (), (), ())
        for g, n in live_old.items()
        if g in new.notes and not new.notes[g].retired and new.notes[g].hash != n.hash
    ]
    unchanged = sum(1 for g, n in live_old.items() if g in new.notes and new.notes[g].hash == n.hash)
    before = Counter(c for n in live_old.values() for c in n.cards)
    after = Counter(c for n in new.notes.values() if not n.retired for c in n.cards)
    types = tuple(
        CardTypeChange("Sentence", switch.removeprefix("Card"), before[switch], after[switch])
        for switch in sorted(set(before) | set(after))
        if before[switch] != after[switch]
    )
    return DeckDiff(
        paths[0], paths[1], len(old.notes), len(new.notes), tuple(sorted(added, key=_order)),
        tuple(sorted(retired, key=_order)), tuple(sorted(changed, key=lambda c: _order(c.note))), types,
        unchanged, summary_only,
    )  # fmt: skip


def _order(ref: NoteRef) -> tuple[str, str, str]:
    return ref.note_type, ref.label, ref.guid


def _by_guid(deck: DeckFile) -> dict[str, Note]:
    return {note.guid: note for note in deck.notes.values()}


def _check_fields(old: DeckFile, new: DeckFile, fields: Iterable[str] | None) -> frozenset[str] | None:
    if fields is None:
        return None
    wanted = [f.strip() for f in fields if f.strip()]
    known = {f for deck in (old, new) for nt in deck.note_types.values() for f in nt.fields} | {TAGS}
    unknown = [f for f in wanted if f not in known]
    if unknown or not wanted:
        listed = ", ".join(sorted(known))
        named = ", ".join(unknown) or "nothing"
        raise OptionError(f"{named}: no field of these decks; fields: {listed}", "--fields")
    return frozenset(wanted)


def _ref(deck: DeckFile, note: Note) -> NoteRef:
    note_type = deck.note_types[note.note_type_id].name if note.note_type_id in deck.note_types else "?"
    return NoteRef(_short(strip_html(note.sort_text), LABEL_WIDTH), note_type, note.guid)


def _values(deck: DeckFile, note: Note) -> dict[str, str]:
    note_type = deck.note_types.get(note.note_type_id)
    names = note_type.fields if note_type else tuple(f"Field {i + 1}" for i in range(len(note.fields)))
    return dict(zip(names, note.fields, strict=False))


def _note_change(
    old: DeckFile, before: Note, new: DeckFile, after: Note, shown: frozenset[str] | None
) -> NoteChange | None:
    was, now = _values(old, before), _values(new, after)
    names = list(now) + [name for name in was if name not in now]
    fields = tuple(
        FieldChange(name, was.get(name, ""), now.get(name, ""))
        for name in names
        if (shown is None or name in shown) and was.get(name, "") != now.get(name, "")
    )
    old_type, new_type = _ref(old, before).note_type, _ref(new, after).note_type
    if old_type != new_type and (shown is None):
        fields = (FieldChange("note type", old_type, new_type), *fields)
    with_tags = shown is None or TAGS in shown
    added = tuple(sorted(set(after.tags) - set(before.tags))) if with_tags else ()
    removed = tuple(sorted(set(before.tags) - set(after.tags))) if with_tags else ()
    if not (fields or added or removed):
        return None
    return NoteChange(_ref(new, after), fields, added, removed)


def _card_type(deck: DeckFile, card: Card) -> tuple[str, str]:
    note_type = deck.note_type_of(card)
    name = f"Cloze {card.ord + 1}" if note_type.is_cloze else deck.template_of(card).name
    return note_type.name, name


def _card_types(old: DeckFile, new: DeckFile) -> tuple[CardTypeChange, ...]:
    counts = [Counter(_card_type(d, c) for c in d.cards if c.note_id in d.notes) for d in (old, new)]
    keys = sorted(set(counts[0]) | set(counts[1]))
    return tuple(
        CardTypeChange(nt, ct, counts[0][(nt, ct)], counts[1][(nt, ct)])
        for nt, ct in keys
        if counts[0][(nt, ct)] != counts[1][(nt, ct)]
    )


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _clip(old: str, new: str, width: int = VALUE_WIDTH) -> tuple[str, str]:
    """Both values as plain text (their HTML when only the markup changed), cut to the part that differs
    with a little context on each side."""
    a, b = " ".join(strip_html(old).split()), " ".join(strip_html(new).split())
    if a == b:
        a, b = " ".join(old.split()), " ".join(new.split())
    if len(a) <= width and len(b) <= width:
        return _shown(a), _shown(b)
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    context = 12
    cut = max(0, start - context)

    def window(text: str) -> str:
        stop = len(text) - max(0, end - context)
        piece = text[cut:stop]
        piece = ("…" if cut else "") + piece + ("…" if stop < len(text) else "")
        return _short(piece, width)

    return window(a), window(b)


def _shown(text: str) -> str:
    return text if text else "(empty)"
