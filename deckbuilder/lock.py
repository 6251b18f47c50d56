"""The lock file: what a deck has shipped, so a rebuild updates students' copies only where it changed.

A teacher hands out a deck, fixes something and hands it out again. Anki's default import replaces a note
only when the file's copy is newer (`mod`) than the student's, so the lock keeps, per note, a hash of its
content and the modification time at which that content first shipped: an untouched note keeps its old time
(a student's own later edit wins), a changed one gets the build's time (the fix reaches everyone). It also
pins the sentence chosen for each word, so a deckbuilder upgrade that ranks sentences differently changes
nothing a class has started, and it remembers which card types each note shipped with, so leaving a type
out never blanks cards students already study (only `--retire` empties them).

The file is JSON with one line per word and per note, sorted: it diffs well under version control.
Pure: `release` turns a build's notes and the previous lock into the notes to write and the next lock.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from deckbuilder.errors import InputError
from deckbuilder.models import SENTENCE, NoteSpec

LOCK_SUFFIX = ".lock.json"
FORMAT = 1
RETIRED_TAG = "deckbuilder::retired"


@dataclass(frozen=True, slots=True)
class Shipped:
    """One note as it last shipped: content hash, modification time, its sentence, its card switches."""

    hash: str
    mod: int
    sentence: str
    cards: tuple[str, ...] = ()  # switch fields that were on (sentence notes)
    retired: bool = False  # shipped once more tagged deckbuilder::retired; not shipped again


@dataclass(frozen=True, slots=True)
class Lock:
    deck: str
    key: str
    pins: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # word → its chosen sentences
    notes: Mapping[str, Shipped] = field(default_factory=dict)  # GUID → what shipped


@dataclass(frozen=True, slots=True)
class Changes:
    """What a build changes against the lock (GUIDs), and the card types kept or retired."""

    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    retired: tuple[str, ...] = ()
    kept: tuple[tuple[str, int], ...] = ()  # (switch field, notes that keep it though the build left it out)
    emptied: tuple[tuple[str, int], ...] = ()  # (switch field, notes whose cards --retire empties)
    first: bool = False  # no lock before this build

    def line(self) -> str:
        if self.first:
            return f"{len(self.added):,} notes, first build (no lock yet)"
        parts = [
            f"{len(self.changed):,} changed",
            f"{len(self.added):,} added",
            f"{len(self.retired):,} retired",
        ]
        return ", ".join(parts)


def content_hash(note: NoteSpec) -> str:
    """What a student's copy holds of a note: type, fields, tags and deck (not its study position)."""
    text = "\x1e".join(
        (note.note_type, "\x1f".join(f"{k}={v}" for k, v in note.fields), " ".join(note.tags), note.deck)
    )
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def read(path: Path) -> Lock | None:
    """The lock at `path`, None when there is none; InputError (naming the file) when it is unreadable."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise InputError(f"cannot read the lock file ({exc.strerror or exc})", str(path)) from None
    try:
        data = json.loads(text)
        if data.get("format") != FORMAT:
            raise ValueError(f"format {data.get('format')!r}, expected {FORMAT}")
        notes = {
            guid: Shipped(
                n["hash"], int(n["mod"]), n["sentence"], tuple(n.get("cards", ())), n.get("retired", False)
            )
            for guid, n in data["notes"].items()
        }
        pins = {word: tuple(s) for word, s in data["pins"].items()}
        return Lock(str(data["deck"]), str(data["key"]), pins, notes)
    except json.JSONDecodeError as exc:
        raise InputError(f"not a lock file: {exc.msg}", f"{path}:{exc.lineno}") from None
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(f"not a deckbuilder lock file ({exc})", str(path)) from None


def dumps(lock: Lock) -> str:
    """The lock as JSON, one word or note per line, sorted, so two versions diff line by line."""

    def one(value: object) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True)

    def table(rows: Mapping[str, object]) -> str:
        lines = [f"    {one(k)}: {one(v)}" for k, v in sorted(rows.items())]
        return "{\n" + ",\n".join(lines) + "\n  }" if lines else "{}"

    notes = {}
    for guid, n in lock.notes.items():
        row: dict[str, object] = {"hash": n.hash, "mod": n.mod, "sentence": n.sentence}
        if n.cards:
            row["cards"] = list(n.cards)
        if n.retired:
            row["retired"] = True
        notes[guid] = row
    pins = {word: list(s) for word, s in lock.pins.items()}
    return (
        "{\n"
        f'  "format": {FORMAT},\n  "deck": {one(lock.deck)},\n  "key": {one(lock.key)},\n'
        f'  "pins": {table(pins)},\n  "notes": {table(notes)}\n'
        "}\n"
    )


def release(
    notes: Iterable[NoteSpec],
    pins: Mapping[str, tuple[str, ...]],
    old: Lock | None,
    new: Lock,
    now: int,
    switches: Mapping[str, int],
    retire: Iterable[str] = (),
    previous: Mapping[str, NoteSpec] | None = None,
) -> tuple[tuple[NoteSpec, ...], Lock, Changes]:
    """The notes to write (each with its modification time), the next lock and what changed.

    `switches` maps each sentence card switch field to its template ordinal; a switch a note shipped with
    stays on unless it is in `retire`. A note the old lock has and this build lacks ships once more, tagged
    `deckbuilder::retired`, when `previous` (the last deck file's notes by GUID) still holds it.
    """
    shipped = dict(old.notes) if old is not None else {}
    retire = frozenset(retire)
    out: list[NoteSpec] = []
    entries: dict[str, Shipped] = {}
    added, changed = [], []
    kept: dict[str, int] = {}
    emptied: dict[str, int] = {}
    last_due = 0
    for note in notes:
        before = shipped.get(note.guid)
        if before is not None and note.note_type == SENTENCE:
            note = _keep_switches(note, before, switches, retire, kept, emptied)
        digest = content_hash(note)
        if before is None or before.retired:
            added.append(note.guid)
            mod = now
        elif before.hash != digest:
            changed.append(note.guid)
            mod = now
        else:
            mod = before.mod
        note = replace(note, mod=mod)
        out.append(note)
        last_due = max(last_due, note.due, *(d for _, d in note.card_dues))
        values = dict(note.fields)
        on = tuple(f for f in switches if values.get(f)) if note.note_type == SENTENCE else ()
        entries[note.guid] = Shipped(digest, mod, _sentence(note), on)
    retired = []
    for guid, before in sorted(shipped.items()):
        if guid in entries or before.retired or previous is None or guid not in previous:
            continue
        last = previous[guid]
        tags = tuple(dict.fromkeys((*last.tags, RETIRED_TAG)))
        last_due += 1
        note = replace(last, tags=tags, mod=now, due=last_due, card_dues=())
        out.append(note)
        retired.append(guid)
        entries[guid] = Shipped(content_hash(note), now, before.sentence, before.cards, retired=True)
    lock = replace(new, pins=dict(pins), notes=entries)
    kept_, emptied_ = tuple(sorted(kept.items())), tuple(sorted(emptied.items()))
    changes = Changes(tuple(added), tuple(changed), tuple(retired), kept_, emptied_, first=old is None)
    return tuple(out), lock, changes


def _keep_switches(
    note: NoteSpec,
    before: Shipped,
    switches: Mapping[str, int],
    retire: frozenset[str],
    kept: dict[str, int],
    emptied: dict[str, int],
) -> NoteSpec:
    """A sentence note with the card switches it shipped with still on, unless retired."""
    fields = dict(note.fields)
    dues = dict(note.card_dues)
    for switch in before.cards:
        if switch not in fields or fields[switch]:
            continue
        if switch in retire:
            emptied[switch] = emptied.get(switch, 0) + 1
            continue
        fields[switch] = "y"
        dues.setdefault(switches[switch], note.due)
        kept[switch] = kept.get(switch, 0) + 1
    if fields == dict(note.fields):
        return note
    return replace(note, fields=tuple(fields.items()), card_dues=tuple(sorted(dues.items())))


def _sentence(note: NoteSpec) -> str:
    return note.field("Hanzi")
