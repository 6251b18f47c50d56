"""Study days: a deck's notes, one group per sentence in study order → every card's new-card position.

Anki's default options introduce 20 new cards a day, gathered deck by deck in position order (then shown
sorted by card type). A sentence has a cloze card and one to three sentence cards (Reading, Production,
Listening); meeting two of them on one day gives the second one's answer away. So a deck's sentences go in
cohorts of at least a day's worth, and the cards of kind k (the cloze is kind 0) of cohort c are studied in
stage c + k, each stage interleaving its cohorts' runs, oldest cohort first. Two cards of one sentence are
then at least 20 positions apart, so they never fall on one day wherever the days begin (a level range's
sub-deck starts mid-day), and a sentence's cloze always comes before its sentence cards. Day 1 introduces
20 words; later days mix new words with the sentence cards of earlier ones.

A deck with fewer sentences than a day's worth cannot be spread (Anki takes all of its cards on one day):
its cards go kind by kind, every cloze first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from deckbuilder.models import NoteSpec
from deckbuilder.preview.deckfile import NEW_PER_DAY

# (sentence, card): the card-th card of the sentence-th sentence of a deck, cards counted over its notes.
Slot = tuple[int, int]


def schedule(sentences: Sequence[Sequence[NoteSpec]], per_day: int = NEW_PER_DAY) -> tuple[NoteSpec, ...]:
    """The notes of every sentence (in study order; each sentence's cloze note first), with every card's
    position (`card_dues`, and the note's first card's as its `due`) spread over study days; positions run
    on across decks in the order the decks first appear."""
    decks: dict[str, list[int]] = {}
    for i, notes in enumerate(sentences):
        decks.setdefault(notes[0].deck, []).append(i)
    dues: dict[tuple[int, int], int] = {}  # (sentence, card) → position
    position = 0
    for members in decks.values():
        counts = [sum(len(_cards(note)) for note in sentences[i]) for i in members]
        for local, card in spread(counts, per_day):
            dues[(members[local], card)] = position
            position += 1
    out = []
    for i, notes in enumerate(sentences):
        card = 0
        for note in notes:
            ords = _cards(note)
            placed = tuple((ord_, dues[(i, card + k)]) for k, ord_ in enumerate(ords))
            card += len(ords)
            out.append(replace(note, due=min(d for _, d in placed), card_dues=placed))
    return tuple(out)


def _cards(note: NoteSpec) -> tuple[int, ...]:
    """Template ordinals of the note's cards, in order."""
    return tuple(ord_ for ord_, _ in note.card_dues) or (0,)


def spread(cards: Sequence[int], per_day: int = NEW_PER_DAY) -> list[Slot]:
    """Every card of a deck, in study order: `cards[i]` is how many cards sentence i has (its cloze first).

    Cohorts of at least `per_day` sentences (sizes differing by one at most); stage t holds the cards of
    kind t - c of every cohort c, each cohort's run spread evenly over the stage.
    """
    count = len(cards)
    cohorts = max(1, count // per_day)
    size, extra = divmod(count, cohorts)
    starts = [c * size + min(c, extra) for c in range(cohorts + 1)]
    kinds = max(cards, default=0)
    order: list[Slot] = []
    for stage in range(cohorts + kinds - 1):
        runs = []
        for cohort in range(max(0, stage - kinds + 1), min(stage, cohorts - 1) + 1):
            kind = stage - cohort
            run = [(i, kind) for i in range(starts[cohort], starts[cohort + 1]) if kind < cards[i]]
            if run:
                runs.append(run)
        # Each run's cards at even steps through the stage, the oldest cohort first on a tie.
        order.extend(
            slot
            for _, _, slot in sorted((n / len(r), q, s) for q, r in enumerate(runs) for n, s in enumerate(r))
        )
    return order
