"""Whether a card's English translates the word the card teaches (`grade.rendering`). Every sentence here is
written for these tests."""

from __future__ import annotations

import pytest

from deckbuilder.annotate import segment
from deckbuilder.grade import Grader, select
from deckbuilder.grade.rendering import UNRENDERED, unrendered
from deckbuilder.models import Level, Origin, Pair, Sentence


def real(text: str, en: str) -> Sentence:
    return segment(Pair(text, en, "t"))


@pytest.mark.parametrize(
    ("text", "en", "target", "left_out"),
    [
        ("她每天努力挣钱。", "She tries hard every day.", "挣钱", True),  # nothing in the English is 挣钱
        ("她每天努力挣钱。", "She tries hard every day to earn money.", "挣钱", False),
        ("他拒绝了我。", "He turned me down.", "拒绝", False),  # a synonym the dictionary lacks: left over
        ("我不知道他是否来。", "I don't know if he comes.", "是否", False),  # a grammar word of its senses
        ("她用扇子扇风。", "She fans herself.", "扇子", False),  # a sub-word's sense, an inflected stem
        ("新病毒很危险。", "The new coronavirus is dangerous.", "病毒", False),  # inside a longer word
        ("我想买一支笔。", "I want to buy a pen.", "支", False),  # a classifier: English has none
        # A question mark is no word left over; a word the segmenter tags as a name but CC-CEDICT has in
        # lower case is judged like any other.
        ("她每天努力挣钱吗？", "Does she try hard every day?", "挣钱", True),
        ("劳驾，给我一杯水。", "Give me a glass of water.", "劳驾", True),
    ],
)
def test_whether_the_english_leaves_the_target_out(text: str, en: str, target: str, left_out: bool) -> None:
    assert unrendered(real(text, en), target) is left_out


def test_a_sentence_whose_english_translates_the_word_wins() -> None:
    known = ("她", "每天", "努力", "想", "多", "了", "。", "他", "为了", "家人", "，")
    table = dict.fromkeys(known, 1) | {"挣钱": 2}
    grader = Grader(Level("2.0", 2), table)
    loose = real("她每天努力挣钱。", "She tries hard every day.")
    close = real("他为了家人，想多挣钱。", "He wants to earn more money for his family.")
    sel = select([loose, close], grader)
    assert [c.sentence for c in sel.choices] == [close]
    assert dict(sel.weighed)[UNRENDERED] == 1


def test_a_translated_sentence_that_says_the_word_beats_a_graded_one_that_leaves_it_out() -> None:
    known = ("她", "每天", "努力", "想", "多", "了", "。", "他", "为了", "家人", "，")
    grader = Grader(Level("2.0", 2), dict.fromkeys(known, 1) | {"挣钱": 2})
    loose = segment(Pair("她每天努力挣钱。", "She tries hard every day.", "t", origin=Origin.GRADED))
    close = segment(Pair("他想多挣钱。", "He wants to earn more money.", "t", origin=Origin.ZH))
    assert [c.sentence for c in select([loose, close], grader).choices] == [close]


def test_meets_gives_what_comparing_every_pair_gives() -> None:
    """`_meets` by substring search is `_close` over every pair of keys, on every small case."""
    import itertools

    from deckbuilder.grade.rendering import _close, _meets

    stems = ["", "ab", "abc", "abcd", "abcde", "bcd", "bcde", "cab", "xabcd", "a\x00bcd", "fan", "fans"]
    sides = [frozenset(c) for n in range(3) for c in itertools.combinations(stems, n)]
    for keys, offered in itertools.product(sides, repeat=2):
        brute = any(_close(k, e) for k in keys for e in offered)
        assert _meets(keys, offered) is brute, (keys, offered)
