"""A build as a release of its deck: the previous lock's pins going in, notes stamped against it coming out.

`previous` reads the lock beside the deck (and checks it belongs to this deck); `pins` is what selection
must keep; `stamp` gives every note its modification time, keeps card types students already have, ships
dropped sentences once more as retired, and returns the next lock with what changed.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from deckbuilder import apkg, cards, lock
from deckbuilder.errors import InputError
from deckbuilder.grade import pin_key
from deckbuilder.models import CLOZE, SENTENCE, Choice, NoteSpec
from deckbuilder.pipeline import outputs
from deckbuilder.pipeline.options import BuildOptions


@dataclass(frozen=True, slots=True)
class Previous:
    """The lock a rebuild starts from (None: a first build), with a warning when one was set aside."""

    path: Path  # the lock's
    deck: Path  # the deck file it describes
    lock: lock.Lock | None
    warning: str = ""


def lock_path(output: Path) -> Path:
    return outputs.side_file(output, lock.LOCK_SUFFIX)


def previous(options: BuildOptions, output: Path) -> Previous:
    """The deck's lock, unless it belongs to another deck key (then it is set aside with a warning)."""
    path = lock_path(output)
    old = lock.read(path) if options.lock_file else None
    if old is not None and old.key != options.key:
        why = f"{path} is the lock of deck key {old.key!r}, not {options.key!r}; starting a new lock"
        return Previous(path, output, None, why)
    return Previous(path, output, old)


def pins(options: BuildOptions, old: lock.Lock | None) -> dict[str, tuple[str, ...]]:
    """The sentences selection keeps: the lock's, less the words `--refresh` names (every word, when it
    names none)."""
    if old is None or options.refresh is not None and not options.refresh:
        return {}
    fresh = frozenset(options.refresh or ())
    return {word: sentences for word, sentences in old.pins.items() if word not in fresh}


@dataclass(frozen=True, slots=True)
class Stamped:
    spec: apkg.DeckSpec
    lock: lock.Lock
    changes: lock.Changes
    warnings: tuple[str, ...]


def stamp(spec: apkg.DeckSpec, options: BuildOptions, prev: Previous, chosen: Iterable[Choice]) -> Stamped:
    """The deck's notes stamped against the previous lock, the next lock (pinning the `chosen` sentences),
    and what students should know. New and changed notes get the build's time."""
    chosen_pins: dict[str, tuple[str, ...]] = {}
    for c in chosen:
        pair = c.sentence.pair
        chosen_pins[c.target] = (*chosen_pins.get(c.target, ()), pin_key(pair.zh, pair.en))
    now = int(options.timestamp if options.timestamp is not None else time.time())
    switches = {cards.CARD_KINDS[k]: ord_ for ord_, k in enumerate(cards.CARD_KINDS)}
    retire = [cards.CARD_KINDS[k] for k in options.retire]
    # The last deck file's notes are read only when a note of the previous lock is gone from this build
    # (it ships once more from there); an unchanged set of notes never looks at them (0.1 s of an hsk5
    # rebuild: the file is unzipped and its collection read).
    guids = {note.guid for note in spec.notes}
    gone = prev.lock is not None and any(
        guid not in guids and not before.retired for guid, before in prev.lock.notes.items()
    )
    last = _last_notes(options, prev) if gone else None
    notes, new, changes = lock.release(
        spec.notes, chosen_pins, prev.lock, lock.Lock(spec.name, options.key), now, switches, retire, last
    )
    warnings = [prev.warning] if prev.warning else []
    for switch, n in changes.kept:
        kind = _kind(switch)
        warnings.append(
            f"{n:,} notes keep their {kind} cards though --cards leaves them out (students study them); "
            f"--retire {kind} empties them"
        )
    description = spec.description
    if changes.emptied:
        kinds = ", ".join(_kind(s) for s, _ in changes.emptied)
        description += f" This version retires the {kinds} cards: in Anki, Tools → Empty Cards removes them."
    return Stamped(replace(spec, notes=notes, description=description), new, changes, tuple(warnings))


def _kind(switch: str) -> str:
    return next(str(k) for k, f in cards.CARD_KINDS.items() if f == switch)


def _last_notes(options: BuildOptions, prev: Previous) -> dict[str, NoteSpec] | None:
    """The notes of the deck file being replaced, by GUID: what a retired sentence ships as once more."""
    output = prev.deck
    if prev.lock is None or not output.is_file():
        return None
    from deckbuilder.preview.deckfile import read_deck

    try:
        deck = read_deck(output)
    except InputError:
        return None
    kinds = {nt.id: nt for nt in deck.note_types.values()}
    out = {}
    for note in deck.notes.values():
        nt = kinds[note.note_type_id]
        kind = CLOZE if nt.is_cloze else SENTENCE
        if note.guid in prev.lock.notes:
            fields = tuple(zip(nt.fields, note.fields, strict=False))
            out[note.guid] = NoteSpec(kind, _current(kind, fields), note.guid, note.tags, 0)
    return out


def _current(kind: str, fields: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    """An old note's fields in the note type's current order (a field it lacks stays empty)."""
    values = dict(fields)
    return tuple((name, values.get(name, "")) for name in cards.FIELDS[kind])
