"""The shared vocabulary: the Sentence codec the enrichment cache stores, and the reports' printed lines."""

from __future__ import annotations

import json
from dataclasses import fields

from hypothesis import given
from hypothesis import strategies as st

from deckbuilder.models import (
    AlignReport,
    Kind,
    Pair,
    Report,
    Sentence,
    Token,
    decode_sentence,
    encode_sentence,
)

PAIR = Pair("我去银行。", "I go to the bank.", "tatoeba:1/2", "我去銀行。", 0.9)


def test_codec_round_trip_keeps_every_token_field() -> None:
    tokens = (
        Token("我", Kind.WORD, 9000, "r", "wǒ", "I; me", "wo3", "", True, "3", "ㄨㄛˇ"),
        Token(
            "银行",
            Kind.WORD,
            500,
            "n",
            "yínháng",
            "bank",
            "yin2hang2",
            "家 jiā",
            False,
            "22",
            "ㄧㄣˊㄏㄤˊ",
            "銀行",
            "yin2 hang2",
            ("bank", "CL:-free sense; with a semicolon"),
        ),  # fmt: skip
        Token(
            "很多",
            Kind.WORD,
            80,
            "m",
            "hěn duō",
            "很 very + 多 many",
            senses=("很 very + 多 many",),
            composed=True,
        ),
        Token("汤姆", Kind.NAME, 0, "nrt", "Tāngmǔ"),
        Token("。", Kind.PUNCT, 0, "x", "。"),
    )
    sentence = Sentence(PAIR, tokens, "Wǒ qù yínháng.")
    back = decode_sentence(PAIR, encode_sentence(sentence))
    assert back == sentence
    assert all(type(t.kind) is Kind for t in back.tokens)
    assert all(type(t.senses) is tuple for t in back.tokens)  # a list would not compare equal
    # Every Token field is in the encoding: a new field changes its length (and must bump SENTENCE_CODEC).
    assert len(json.loads(encode_sentence(sentence))["tokens"][0]) == len(fields(Token))


_TEXT = st.text(max_size=6)


@given(
    st.lists(
        st.builds(
            Token, _TEXT, st.sampled_from(list(Kind)), st.integers(0, 10**9), _TEXT, _TEXT, _TEXT, _TEXT,
            _TEXT, st.booleans(), _TEXT, _TEXT, _TEXT, _TEXT, st.tuples(_TEXT, _TEXT) | st.tuples(),
            st.booleans(),
        ),
        max_size=6,
    ),
    _TEXT,
)  # fmt: skip
def test_codec_round_trips_any_tokens(tokens: list[Token], line: str) -> None:
    sentence = Sentence(PAIR, tuple(tokens), line)
    assert decode_sentence(PAIR, encode_sentence(sentence)) == sentence


def test_build_report_lines() -> None:
    report = Report(
        level_name="HSK 2.0 level 3, HSK 2.0 level 4", pairs_read=55_133, candidates=13_044, notes=1_734,
        covered=867, level_words=896, output="decks/hsk3-4.apkg", seconds=4.25, skipped=2,
        per_level=(("HSK 2.0 level 3", 289, 298), ("HSK 2.0 level 4", 578, 598)),
        missing_file="decks/hsk3-4.missing.txt", warnings=("not printed with the report",),
    )  # fmt: skip
    assert report.lines() == [
        "Level:        HSK 2.0 level 3, HSK 2.0 level 4",
        "Pairs read:   55,133",
        "Rows skipped: 2 malformed (see the warnings; --strict to fail)",
        "Candidates:   13,044 readable sentences with a target word",
        "Notes:        1,734",
        "Target words: 867 of 896 covered (96.8%)",
        "  HSK 2.0 level 3: 289 of 298",
        "  HSK 2.0 level 4: 578 of 598",
        "Output:       decks/hsk3-4.apkg",
        "Missing:      decks/hsk3-4.missing.txt",
        "Time:         4.2 s",
    ]


def test_build_report_lines_with_weak_sentences_and_notes_from_files() -> None:
    report = Report(
        level_name="HSK 2.0 level 5", pairs_read=60_000, candidates=9_000, notes=2_400, covered=1_200,
        level_words=1_298, output="decks/hsk5.apkg", seconds=6.0,
        left_out=(("script", 102), ("names", 1_160)), own_notes=1_000,
        weighed=(("from English", 5_000), ("wording", 12), ("repeated topic", 300)), weak_words=17,
    )  # fmt: skip
    lines = report.lines()
    assert lines[7:9] == [
        "Target words: 1,200 of 1,298 covered (92.4%)",
        "Too weak:     17 words whose sentences were all too weak (missing)",
    ]
    assert lines[2:7] == [
        "Candidates:   9,000 readable sentences with a target word",
        "Left out:     1,262 of them as weak sentences (102 script, 1,160 names)",
        "Weighed:      5,000 from English, 12 wording, 300 repeated topic",
        "Notes:        2,400",
        "From files:   1,000 of the notes from your files, the rest built-in",
    ]
    plain = Report("HSK 2.0 level 5", 60_000, 9_000, 2_400, 1_200, 1_298, "decks/hsk5.apkg", 6.0)
    assert not any(
        line.startswith(("Left out", "Weighed", "From files", "Too weak")) for line in plain.lines()
    )


def test_align_report_lines() -> None:
    report = AlignReport(2, 51, 1, 3, "pairs.tsv", "review.tsv", 1.04, min_score=0.4)
    assert report.lines() == [
        "Documents:    2 aligned",
        "Pairs:        51 written to pairs.tsv",
        "Low score:    1 under 0.4",
        "Unpaired:     3 sentences",
        "Review:       review.tsv",
        "Time:         1.0 s",
    ]
