"""Study days: a deck's cards spread so that Anki's 20 new cards a day never hold two cards of one sentence
(the real-Anki test of five study days is in test_anki)."""

from __future__ import annotations

import pytest

from deckbuilder.models import CLOZE, SENTENCE, NoteSpec
from deckbuilder.study import schedule, spread


def _days(order: list[tuple[int, int]], per_day: int, offset: int = 0) -> list[list[tuple[int, int]]]:
    """The slots Anki introduces each day when the deck starts `offset` cards into a day."""
    cut = [0, *range(per_day - offset, len(order), per_day), len(order)]
    return [order[a:b] for a, b in zip(cut, cut[1:], strict=False) if b > a]


@pytest.mark.parametrize("kinds", [2, 3, 4])
@pytest.mark.parametrize("count", [20, 21, 39, 40, 57, 100, 263])
def test_no_day_holds_two_cards_of_one_sentence(kinds: int, count: int) -> None:
    order = spread([kinds] * count)
    assert sorted(order) == [(i, k) for i in range(count) for k in range(kinds)]  # every card once
    position = {slot: n for n, slot in enumerate(order)}
    for i in range(count):  # a sentence's cards in kind order, the cloze first, a day's worth apart
        assert all(position[(i, k + 1)] - position[(i, k)] >= 20 for k in range(kinds - 1))
    for offset in (0, 7, 19):  # wherever the deck's first day begins (a sub-deck after another)
        for day in _days(order, 20, offset):
            assert len({i for i, _ in day}) == len(day)


def test_the_first_day_is_new_words_and_later_days_mix_them_with_earlier_ones() -> None:
    order = spread([2] * 100)
    days = _days(order, 20)
    assert days[0] == [(i, 0) for i in range(20)]
    assert days[1] == [s for i in range(10) for s in ((i, 1), (20 + i, 0))]  # reading of day 1, new word
    assert [i for i, k in order if k == 0] == list(range(100))  # new words in study order


def test_a_deck_smaller_than_a_day_goes_kind_by_kind() -> None:
    assert spread([3, 3, 3]) == [(0, 0), (1, 0), (2, 0), (0, 1), (1, 1), (2, 1), (0, 2), (1, 2), (2, 2)]
    assert spread([]) == []


def _sentence(i: int, deck: str = "", ords: tuple[int, ...] = (0, 1)) -> tuple[NoteSpec, NoteSpec]:
    cloze = NoteSpec(CLOZE, (), f"c{i}", (), 2 * i, deck, ((0, 2 * i),))
    return cloze, NoteSpec(SENTENCE, (), f"s{i}", (), 2 * i + 1, deck, tuple((o, 2 * i + 1) for o in ords))


def test_schedule_gives_every_card_a_position_and_decks_follow_each_other() -> None:
    sentences = [_sentence(i, "Level 3") for i in range(30)] + [
        _sentence(i, "Level 4") for i in range(30, 55)
    ]
    notes = schedule(sentences)
    assert [n.guid for n in notes] == [g for i in range(55) for g in (f"c{i}", f"s{i}")]
    dues = [d for n in notes for _, d in n.card_dues]
    assert sorted(dues) == list(range(3 * 55))  # one position per card, none shared
    assert all(n.due == min(d for _, d in n.card_dues) for n in notes)
    by_deck = {
        deck: [d for n in notes if n.deck == deck for _, d in n.card_dues] for deck in ("Level 3", "Level 4")
    }
    assert max(by_deck["Level 3"]) < min(by_deck["Level 4"])  # Anki gathers deck by deck
    cloze, sentence = notes[0], notes[1]
    assert cloze.due < sentence.card_dues[0][1] < sentence.card_dues[1][1]
    assert [o for o, _ in sentence.card_dues] == [0, 1]
