"""`DeckFile` → `Summary`: what `deckbuild inspect` reports (types, counts, study order, identity hints)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime

from deckbuilder.preview.deckfile import DeckFile, study_order
from deckbuilder.preview.render import strip_html, unknown_fields


@dataclass(frozen=True, slots=True)
class NoteTypeCount:
    name: str
    id: int
    kind: str  # "cloze" or "standard"
    notes: int
    cards: tuple[tuple[str, int], ...]  # (template name, cards)
    mod: int


@dataclass(frozen=True, slots=True)
class StudyItem:
    position: int
    note_type: str
    template: str
    text: str  # the note's sort field, as plain text
    guid: str


@dataclass(frozen=True, slots=True)
class Summary:
    path: str
    decks: tuple[str, ...]
    notes: int
    cards: int
    note_types: tuple[NoteTypeCount, ...]
    tags: tuple[tuple[str, int], ...]  # most common first
    first: tuple[StudyItem, ...]
    hints: tuple[str, ...]  # problems with identity or order; empty when the deck is sound
    against: tuple[str, ...] = ()  # what re-importing over an earlier build would do (see `compare`)

    def lines(self) -> list[str]:
        out = [f"Deck file:   {self.path}", f"Decks:       {', '.join(self.decks)}"]
        out.append(f"Notes:       {self.notes:,}   Cards: {self.cards:,}")
        out.append("Note types:")
        for nt in self.note_types:
            per = ", ".join(f"{name} {n:,}" for name, n in nt.cards)
            out.append(
                f"  {nt.name} (id {nt.id}, {nt.kind}, modified {_when(nt.mod)}): {nt.notes:,} notes; {per}"
            )
        out.append("Tags:")
        out.extend(f"  {tag}: {n:,}" for tag, n in self.tags)
        out.append(f"First {len(self.first)} cards in study order (Anki's default new-card options):")
        for item in self.first:
            out.append(f"  {item.position:>3}. {item.note_type} / {item.template}: {item.text}")
        out.append("Identity and order:" if self.hints else "Identity and order: no problems found")
        out.extend(f"  - {hint}" for hint in self.hints)
        if self.against:
            out.append("Compared with the earlier build:")
            out.extend(f"  - {line}" for line in self.against)
        return out


def _when(stamp: int) -> str:
    return datetime.fromtimestamp(stamp, UTC).strftime("%Y-%m-%d %H:%M UTC") if stamp else "never"


def summarise(deck: DeckFile, first: int = 10) -> Summary:
    """Count, order and check `deck`; `first` is how many cards of the study order to list."""
    cards_per = Counter(
        (deck.notes[c.note_id].note_type_id, c.ord) for c in deck.cards if c.note_id in deck.notes
    )
    notes_per = Counter(n.note_type_id for n in deck.notes.values())
    types = []
    for nt in sorted(deck.note_types.values(), key=lambda t: t.name):
        if not notes_per[nt.id]:
            continue
        ords = sorted(o for (mid, o) in cards_per if mid == nt.id)
        names = [
            (f"Cloze {o + 1}" if nt.is_cloze else nt.templates[o].name, cards_per[(nt.id, o)]) for o in ords
        ]
        types.append(
            NoteTypeCount(
                nt.name, nt.id, "cloze" if nt.is_cloze else "standard", notes_per[nt.id], tuple(names), nt.mod
            )
        )
    tags = Counter(t for n in deck.notes.values() for t in n.tags)
    order = study_order(deck.cards)
    items = []
    for pos, card in enumerate(order[:first], start=1):
        nt, note = deck.note_type_of(card), deck.notes[card.note_id]
        template = f"Cloze {card.ord + 1}" if nt.is_cloze else deck.template_of(card).name
        items.append(StudyItem(pos, nt.name, template, strip_html(note.sort_text).strip(), note.guid))
    used = {c.deck_id for c in deck.cards}
    return Summary(
        path=str(deck.path),
        decks=tuple(sorted(name for did, (name, _) in deck.decks.items() if did in used)),
        notes=len(deck.notes),
        cards=len(deck.cards),
        note_types=tuple(types),
        tags=tuple(sorted(tags.items(), key=lambda kv: (-kv[1], kv[0]))),
        first=tuple(items),
        hints=tuple(_hints(deck)),
    )


def _hints(deck: DeckFile) -> list[str]:
    hints = []
    guids = Counter(n.guid for n in deck.notes.values())
    dups = [g for g, n in guids.items() if n > 1]
    if dups:
        hints.append(
            f"{len(dups)} GUIDs are used by more than one note (e.g. {dups[0]!r}): Anki keeps one of them"
        )
    with_cards = {c.note_id for c in deck.cards}
    empty = [n for n in deck.notes.values() if n.id not in with_cards]
    if empty:
        hints.append(f"{len(empty)} notes have no cards: Anki imports nothing for them")
    for note in deck.notes.values():
        nt = deck.note_types.get(note.note_type_id)
        if nt is None or len(nt.fields) != len(note.fields):
            hints.append(f"note {note.guid!r} does not match its note type's fields: Anki rejects the file")
            break
    new = [c for c in deck.cards if c.type == 0]
    if new and len({c.due for c in new}) == 1 and len(new) > 1:
        hints.append("every new card has the same position: Anki shows them all as 'New #0' in any order")
    else:
        owners: dict[int, set[int]] = {}
        for c in new:
            owners.setdefault(c.due, set()).add(c.note_id)
        shared = sum(1 for nids in owners.values() if len(nids) > 1)
        if shared:
            hints.append(
                f"{shared} positions are shared by cards of different notes: their order is arbitrary"
            )
    for nt in deck.note_types.values():
        if any(n.note_type_id == nt.id for n in deck.notes.values()):
            unknown = sorted(unknown_fields(nt))
            if unknown:
                hints.append(f"note type {nt.name} uses fields it does not have: {', '.join(unknown)}")
    mods = {n.mod for n in deck.notes.values()}
    if mods:
        hints_mod = min(mods)
        used_types = [
            nt for nt in deck.note_types.values() if any(n.note_type_id == nt.id for n in deck.notes.values())
        ]
        stale = [nt.name for nt in used_types if nt.mod < hints_mod]
        if stale:
            hints.append(
                f"note types {', '.join(stale)} are older than the notes: template changes will not reach "
                "collections that already have them"
            )
        if hints_mod == 0:
            hints.append("some notes have modification time 0: a re-import never updates them")
    return hints


def compare(old: DeckFile, new: DeckFile) -> tuple[str, ...]:
    """What importing `new` over a collection holding `old` does, under Anki's default import options."""
    old_by_guid = {n.guid: n for n in old.notes.values()}
    new_by_guid = {n.guid: n for n in new.notes.values()}
    kept = old_by_guid.keys() & new_by_guid.keys()
    changed = [g for g in kept if old_by_guid[g].fields != new_by_guid[g].fields]
    stale = [g for g in changed if new_by_guid[g].mod <= old_by_guid[g].mod]
    lines = [
        f"{len(kept):,} notes keep their GUID ({len(changed):,} with changed fields), "
        f"{len(new_by_guid.keys() - kept):,} are new, {len(old_by_guid.keys() - kept):,} are gone "
        "(Anki never deletes them)"
    ]
    if stale:
        lines.append(
            f"{len(stale):,} changed notes are not newer than the earlier build: Anki keeps the old text"
        )
    for nt in new.note_types.values():
        before = old.note_types.get(nt.id)
        if before is None or not any(n.note_type_id == nt.id for n in new.notes.values()):
            continue
        if before.fields != nt.fields or [t.name for t in before.templates] != [t.name for t in nt.templates]:
            lines.append(
                f"note type {nt.name} changed its field or card type names: Anki imports it as a copy and "
                "leaves existing notes alone unless 'Merge note types' is ticked"
            )
        elif (before.templates, before.css) != (nt.templates, nt.css) and nt.mod <= before.mod:
            lines.append(f"note type {nt.name} has new templates but is not newer: Anki keeps the old ones")
    if len(lines) == 1 and not changed and kept:
        lines.append("nothing to update: the notes are identical")
    return tuple(lines)
