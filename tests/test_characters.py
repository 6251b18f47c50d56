"""No character makes the reading path fail: every code point of the CJK blocks, and a sample of emoji, goes
through `pinyin_lines` (what `deckbuild pinyin` prints) and `annotate.enrich` (what a card gets).

Characters go in batches of lines so the whole sweep stays fast; each line is also checked for sane output
(one line out per line in, one syllable per Chinese character that has a reading, every token's tones as
long as its text).
"""

from __future__ import annotations

import unicodedata

import pytest

from deckbuilder.annotate import enrich, segment
from deckbuilder.chinese import to_simplified
from deckbuilder.models import Kind, Pair
from deckbuilder.pinyin import pinyin_lines
from deckbuilder.pinyin.lexicon import readable

# (name, first, last) of every block swept; code points unicodedata does not know (unassigned in this
# Python's Unicode version) are left out.
BLOCKS = (
    ("CJK Unified Ideographs", 0x4E00, 0x9FFF),
    ("Extension A", 0x3400, 0x4DBF),
    ("Extension B", 0x20000, 0x2A6DF),
    ("Extension C", 0x2A700, 0x2B73F),
    ("Extension D", 0x2B740, 0x2B81F),
    ("Extension E", 0x2B820, 0x2CEAF),
    ("Extension F", 0x2CEB0, 0x2EBEF),
    ("Extension G", 0x30000, 0x3134F),
    ("Extension H", 0x31350, 0x323AF),
    ("Compatibility Ideographs", 0xF900, 0xFAFF),
    ("Compatibility Ideographs Supplement", 0x2F800, 0x2FA1F),
    ("Radicals Supplement", 0x2E80, 0x2EFF),
    ("Kangxi Radicals", 0x2F00, 0x2FDF),
    ("CJK Symbols and Punctuation", 0x3000, 0x303F),
    ("Halfwidth and Fullwidth Forms", 0xFF00, 0xFFEF),
)
# A sample of emoji: faces, hands, a flag pair, a skin-tone and a zero-width-joiner sequence, keycaps.
EMOJI = "😀😂🥲🙏👍🏽👨‍👩‍👧🇨🇳❤️✅⭐🔥🍜🐼🎉1️⃣#️⃣"
LINE = 400  # characters per swept line, each between "、" (jieba's HMM is slow on long unknown runs)
RUN = 20  # characters per line of the sample read in context (side by side, as a word or sentence would be)


def _assigned(first: int, last: int) -> list[str]:
    chars = (chr(cp) for cp in range(first, last + 1))
    return [ch for ch in chars if unicodedata.category(ch) != "Cn" and not ch.isspace()]


def _lines() -> list[str]:
    blocks = [_assigned(first, last) for _, first, last in BLOCKS]
    chars = [ch for block in blocks for ch in block]
    swept = ["、".join(chars[i : i + LINE]) for i in range(0, len(chars), LINE)]
    in_context = ["".join(block[i : i + RUN]) for block in blocks for i in range(0, 3 * RUN, RUN)]
    return [*swept, *in_context, EMOJI, "我们" + EMOJI + "在银行。"]


@pytest.fixture(scope="module")
def lines() -> list[str]:
    return _lines()


def test_the_sweep_covers_the_blocks(lines: list[str]) -> None:
    swept = set("".join(lines))
    assert {"一", "㐀", "\U00020000", "豈", "⺀", "⼀", "、", "Ａ", "😀"} <= swept
    assert len(swept) > 90_000


def test_every_character_reads_in_every_mode(lines: list[str]) -> None:
    plain = list(pinyin_lines(lines, model=False))
    per_char = list(pinyin_lines(lines, numbers=True, per_char=True, model=False))
    assert len(plain) == len(per_char) == len(lines)
    for text, out, syllables in zip(lines, plain, per_char, strict=True):
        assert "\n" not in out
        read = sum(readable(ch) for ch in text)
        if to_simplified(text) == text:
            assert len(syllables.split()) == read
        else:  # a character OpenCC simplifies may gain a reading (an unread variant → a common character)
            assert len(syllables.split()) >= read


@pytest.mark.parametrize("emoji", list(EMOJI) + ["👨‍👩‍👧", "1️⃣"])
def test_emoji_alone(emoji: str) -> None:
    assert list(pinyin_lines([emoji])) == [emoji]


def test_every_character_enriches(lines: list[str]) -> None:
    for text in lines:
        sentence = enrich(segment(Pair(zh=text, en="-", source="fuzz")))
        assert "".join(sentence.words) == text
        for tok in sentence.tokens:
            assert tok.tones == "" or len(tok.tones) == len(tok.text)
            assert tok.kind in Kind


@pytest.mark.parametrize("text", ["㘃", "䤈", "他叫㘃明。"])
def test_deckbuild_pinyin_keeps_a_character_no_table_reads(text: str) -> None:
    from typer.testing import CliRunner

    from deckbuilder.cli import app

    result = CliRunner().invoke(app, ["pinyin", text])
    assert result.exit_code == 0, result.output
    assert text.strip("。").replace("他叫", "")[:1] in result.stdout
