import re

import pytest

from deckbuilder.cards import (
    CLOZE_FIELDS,
    SENTENCE_FIELDS,
    CardKind,
    CardOptions,
    check_tag,
    clean,
    cloze_text,
    field_text,
    notes_for,
    parse_kinds,
    ruby_html,
    source_text,
    stable_guid,
)
from deckbuilder.errors import OptionError
from deckbuilder.models import CLOZE, SENTENCE, Choice, Kind, Level, Pair, Sentence, Token

LEVEL = Level("2.0", 5)


def bank_sentence(en: str = "I'm going to the bank to get money.") -> Sentence:
    toks = (
        Token("我", pinyin="wǒ", gloss="I; me"),
        Token("去", pinyin="qù", gloss="to go"),
        Token("银行", pinyin="yínháng", gloss="bank"),
        Token("取", pinyin="qǔ", gloss="to take"),
        Token("钱", pinyin="qián", gloss="money"),
        Token("。", Kind.PUNCT, pinyin="。"),
    )
    return Sentence(Pair("我去银行取钱。", en, "tatoeba:1/2"), toks, "Wǒ qù yínháng qǔ qián.")


def test_cloze_text_with_pinyin_hint() -> None:
    assert cloze_text(bank_sentence(), "银行", "yínháng") == "我去{{c1::银行::yínháng}}取钱。"
    assert cloze_text(bank_sentence(), "银行", "") == "我去{{c1::银行}}取钱。"


def test_pinyin_field_is_the_enriched_line_escaped() -> None:
    """The Pinyin field is the line `deckbuild pinyin` prints (set by enrichment), only escaped."""
    base = bank_sentence()
    cloze, _ = notes_for(Choice(base, "银行", 2, 0, 1.0), CardOptions(LEVEL))
    assert cloze.field("Pinyin") == "Wǒ qù yínháng qǔ qián."
    odd = Sentence(base.pair, base.tokens, "<b>{{x}}</b>")
    cloze, _ = notes_for(Choice(odd, "银行", 2, 0, 1.0), CardOptions(LEVEL))
    assert cloze.field("Pinyin") == "&lt;b&gt;&#123;&#123;x&#125;&#125;&lt;/b&gt;"


@pytest.mark.parametrize(
    ("raw", "safe"),
    [
        ("a < b & c", "a &lt; b &amp; c"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("{{c2::x}}", "&#123;&#123;c2&#58;&#58;x&#125;&#125;"),
        ("plain: text", "plain: text"),
        ("bidi\u202eevil\u200b zero", "bidievil zero"),
        ("tab\tand\x00nul", "tab andnul"),
    ],
)
def test_field_text_neutralises_html_and_anki_syntax(raw: str, safe: str) -> None:
    assert field_text(raw) == safe
    assert "{{" not in field_text(raw) and "::" not in field_text(raw)


def test_clean_removes_invisible_characters() -> None:
    assert clean("\u200f我\u2066们\u2069 ") == "我们"


def test_guid_depends_only_on_identity() -> None:
    a = stable_guid(CLOZE, "我去银行取钱。")
    assert a == stable_guid(CLOZE, "我去银行取钱。")
    assert a != stable_guid(SENTENCE, "我去银行取钱。")
    assert a != stable_guid(CLOZE, "我去银行存钱。")
    assert re.fullmatch(r"[!-~]+", a)


def test_source_text_credits_tatoeba() -> None:
    assert source_text("tatoeba:1/1276") == "Tatoeba #1 / #1276 (CC BY 2.0 FR)"
    assert source_text("speech.txt:12") == "speech.txt:12"


def test_notes_for_builds_both_note_types() -> None:
    choice = Choice(bank_sentence(), "银行", 2, order=7, difficulty=1.0)
    cloze, sentence = notes_for(choice, CardOptions(LEVEL))
    assert [f for f, _ in cloze.fields] == list(CLOZE_FIELDS)
    assert [f for f, _ in sentence.fields] == list(SENTENCE_FIELDS)
    assert cloze.field("Text") == "我去{{c1::银行::yínháng}}取钱。"
    assert cloze.field("TargetGloss") == "bank"
    assert cloze.field("Level") == "HSK 2.0 level 5"
    assert cloze.field("Source") == "Tatoeba #1 / #2 (CC BY 2.0 FR)"
    assert sentence.field("Pinyin") == "Wǒ qù yínháng qǔ qián."
    assert "<li>" in sentence.field("Glosses") and "yínháng" in sentence.field("Glosses")
    assert cloze.tags == ("hsk2.0::5", "source::tatoeba")
    assert (cloze.due, sentence.due) == (14, 15)
    # The GUID is the note type and the sentence, hashed as shipped: this literal must never change.
    assert cloze.guid == stable_guid(CLOZE, "我去银行取钱。") == "g$qM~*}[zp"
    assert sentence.guid == "m{4ZSLQCZ@"
    # Only the identity matters: another translation keeps the GUID.
    again, _ = notes_for(Choice(bank_sentence("Off to the bank."), "银行", 2, 7, 1.0), CardOptions(LEVEL))
    assert again.guid == cloze.guid


def test_hostile_english_is_escaped_in_every_field() -> None:
    choice = Choice(bank_sentence("<b>{{Hanzi}}</b> :: & }}"), "银行", 2, 0, 1.0)
    for note in notes_for(choice, CardOptions(LEVEL)):
        english = note.field("English")
        assert english == "&lt;b&gt;&#123;&#123;Hanzi&#125;&#125;&lt;/b&gt; &#58;&#58; &amp; &#125;&#125;"


# --- property-based: hostile text never breaks a field or a cloze ----------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_ALPHABET = st.characters(
    codec="utf-8",
    include_characters="{}:<>&\"'/\\\u202e\u200b\u0000\n\t银行我去。",
)
_WORDS = st.lists(st.text(alphabet=_ALPHABET, min_size=1, max_size=6), min_size=1, max_size=12)


def _unescape(text: str) -> str:
    import html

    return html.unescape(text)


@settings(max_examples=300, deadline=None)
@given(_WORDS, st.integers(min_value=0, max_value=11), st.text(alphabet=_ALPHABET, max_size=8))
def test_cloze_round_trip(words: list[str], pick: int, hint: str) -> None:
    target = words[pick % len(words)]
    if not clean(target):
        return
    sentence = Sentence(Pair("".join(words), "x", "t"), tuple(Token(w) for w in words))
    text = cloze_text(sentence, target, hint)
    # Anki's cloze syntax appears exactly where we put it, once per occurrence of the target token.
    occurrences = sum(1 for w in words if w == target)
    assert text.count("{{c1::") == occurrences
    assert text.count("{{") == occurrences and text.count("}}") == occurrences
    inner = re.findall(r"\{\{c1::(.*?)\}\}", text)
    assert len(inner) == occurrences
    for item in inner:
        parts = item.split("::")
        assert len(parts) in (1, 2)  # answer and optional hint, nothing else
        assert _unescape(parts[0]) == clean(target)
    # Removing the cloze markup gives back the cleaned sentence.
    plain = re.sub(r"\{\{c1::(.*?)(?:::.*?)?\}\}", lambda m: m.group(1), text)
    assert _unescape(plain) == "".join(clean(w) for w in words)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=40))
def test_field_text_is_inert(raw: str) -> None:
    safe = field_text(raw)
    assert "<" not in safe and ">" not in safe
    assert "{{" not in safe and "}}" not in safe and "::" not in safe
    assert not any(c in safe for c in "\u202e\u200b\u0000")
    assert _unescape(safe) == clean(raw)


@pytest.mark.parametrize(
    ("hint", "text"),
    [
        ("pinyin", "我去{{c1::银行::yínháng}}取钱。"),
        ("gloss", "我去{{c1::银行::bank}}取钱。"),
        ("both", "我去{{c1::银行::yínháng · bank}}取钱。"),
        ("none", "我去{{c1::银行}}取钱。"),
    ],
)
def test_hint_styles(hint: str, text: str) -> None:
    cloze, _ = notes_for(Choice(bank_sentence(), "银行", 2, 0, 1.0), CardOptions(LEVEL, hint=hint))
    assert cloze.field("Text") == text


def test_gloss_hint_is_the_first_sense_and_neutralised() -> None:
    toks = list(bank_sentence().tokens)
    toks[2] = Token("银行", pinyin="yínháng", gloss="bank {{x}} :: y; branch")
    sentence = Sentence(bank_sentence().pair, tuple(toks))
    cloze, _ = notes_for(Choice(sentence, "银行", 2, 0, 1.0), CardOptions(LEVEL, hint="gloss"))
    assert cloze.field("Text") == "我去{{c1::银行::bank &#123;&#123;x&#125;&#125; &#58;&#58; y}}取钱。"


def test_gloss_hint_is_the_sense_the_sentence_uses() -> None:
    toks = list(bank_sentence().tokens)
    toks[3] = Token("取", pinyin="qǔ", gloss="to withdraw; to take out / to get", senses=(
        "to withdraw; to take out", "to get"))  # fmt: skip
    sentence = Sentence(bank_sentence().pair, tuple(toks))
    cloze, _ = notes_for(Choice(sentence, "取", 3, 0, 1.0), CardOptions(LEVEL, hint="gloss"))
    assert "{{c1::取::to withdraw}}" in cloze.field("Text")


def test_glosses_and_target_gloss_show_the_chosen_senses() -> None:
    toks = list(bank_sentence().tokens)
    toks[3] = Token("取", pinyin="qǔ", gloss="to withdraw / to get", senses=("to withdraw", "to get"))
    toks.insert(4, Token("很多", pinyin="hěn duō", gloss="很 very + 多 many", senses=("很 very + 多 many",),
                         composed=True))  # fmt: skip
    sentence = Sentence(bank_sentence().pair, tuple(toks))
    cloze, note = notes_for(Choice(sentence, "取", 3, 0, 1.0), CardOptions(LEVEL))
    assert cloze.field("TargetGloss") == note.field("TargetGloss") == "to withdraw / to get"
    glosses = note.field("Glosses")
    assert '<span class="gl">to withdraw / to get</span>' in glosses
    # A gloss built from the word's parts is marked for the style sheet (and a tooltip), not hidden.
    item = re.search(r"<li[^>]*>(?:(?!</li>).)*很多.*?</li>", glosses)
    assert item is not None and 'class="composed"' in item.group(0) and "很 very + 多 many" in item.group(0)
    assert glosses.count('class="composed"') == 1


def test_enriched_cards_show_the_sense_in_context() -> None:
    from deckbuilder.annotate import enrich, segment

    pair = Pair("吃完饭后我们去散步。", "After dinner we go for a walk.", "test")
    sentence = enrich(segment(pair))
    target = sentence.words.index("后")
    cloze, _ = notes_for(Choice(sentence, "后", target, 0, 1.0), CardOptions(LEVEL, hint="gloss"))
    assert cloze.field("TargetGloss").startswith("after")
    assert "empress" not in cloze.field("Glosses")
    assert "{{c1::后::after}}" in cloze.field("Text")


def test_ruby_field_only_in_ruby_style() -> None:
    choice = Choice(bank_sentence(), "银行", 2, 0, 1.0)
    line = notes_for(choice, CardOptions(LEVEL))
    ruby = notes_for(choice, CardOptions(LEVEL, pinyin_style="ruby"))
    assert all(n.field("Ruby") == "" for n in line)
    assert ruby[0].field("Ruby") == ruby_html(bank_sentence().tokens)
    assert ruby_html(bank_sentence().tokens) == (
        "<ruby>我<rt>wǒ</rt></ruby><ruby>去<rt>qù</rt></ruby><ruby>银行<rt>yínháng</rt></ruby>"
        "<ruby>取<rt>qǔ</rt></ruby><ruby>钱<rt>qián</rt></ruby>。"
    )


def test_card_kinds_switch_sentence_cards() -> None:
    choice = Choice(bank_sentence(), "银行", 2, 0, 1.0)
    _, default = notes_for(choice, CardOptions(LEVEL))
    assert [default.field(f) for f in ("CardReading", "CardProduction", "CardListening")] == ["y", "", ""]
    _, both = notes_for(choice, CardOptions(LEVEL, kinds=("production", "listening")))
    assert [both.field(f) for f in ("CardReading", "CardProduction", "CardListening")] == ["", "y", "y"]
    assert [f for f, _ in both.fields] == list(SENTENCE_FIELDS)


def test_parse_kinds() -> None:
    assert parse_kinds("Reading, production,reading") == (CardKind.reading, CardKind.production)
    with pytest.raises(OptionError, match="unknown card type 'speaking'"):
        parse_kinds("reading,speaking")
    with pytest.raises(OptionError, match="no card type"):
        parse_kinds(" , ")


def test_tags_are_added_once_and_checked() -> None:
    choice = Choice(bank_sentence(), "银行", 2, 0, 1.0)
    cloze, sentence = notes_for(choice, CardOptions(LEVEL, tags=("class::7b", "source::tatoeba")))
    assert cloze.tags == sentence.tags == ("hsk2.0::5", "source::tatoeba", "class::7b")
    for bad in ("two words", "", "tab\there"):
        with pytest.raises(OptionError, match="invalid tag"):
            check_tag(bad)


@pytest.mark.parametrize(
    "options", [{"hint": "color"}, {"pinyin_style": "above"}, {"kinds": ()}, {"tags": ("a b",)}]
)
def test_invalid_card_options(options: dict[str, object]) -> None:
    with pytest.raises(OptionError):
        CardOptions(LEVEL, **options)  # type: ignore[arg-type]


def test_colons_inside_a_cloze_are_escaped() -> None:
    toks = (Token("我"), Token("好:"), Token("。", Kind.PUNCT))
    sentence = Sentence(Pair("我好:。", "x", "t"), toks)
    assert cloze_text(sentence, "好:", ":x") == "我{{c1::好&#58;::&#58;x}}。"


# ---------------------------------------------------------------- pinyin fields (issue 4)
def test_pinyin_fields_are_appended_never_reordered() -> None:
    added = ("PinyinNumbered", "HanziColored", "Classifier", "Zhuyin", "Traditional")
    assert CLOZE_FIELDS[-len(added) :] == added and CLOZE_FIELDS[:2] == ("Text", "Hanzi")
    assert SENTENCE_FIELDS[-len(added) :] == added and SENTENCE_FIELDS[:2] == ("Hanzi", "Pinyin")


def _read_bank(traditional: str = "") -> Sentence:
    """A sentence as annotate leaves it: each token carries what the card renders (tones, Zhuyin)."""
    toks = (
        Token("我", pinyin="wǒ", numbered="wo3", tones="3", zhuyin="ㄨㄛˇ"),
        Token("去", pinyin="qù", numbered="qu4", tones="4", zhuyin="ㄑㄩˋ"),
        Token("银行", pinyin="yínháng", gloss="bank", numbered="yin2hang2", classifier="家 jiā; 个 gè",
              tones="22", zhuyin="ㄧㄣˊㄏㄤˊ"),
        Token("<", Kind.PUNCT, pinyin="<"),
        Token("。", Kind.PUNCT, pinyin="。"),
    )  # fmt: skip
    return Sentence(Pair("我去银行<。", "-", "test"), toks, traditional=traditional)


@pytest.mark.parametrize(("zhuyin", "traditional"), [(False, ""), (True, "我去銀行<。")])
def test_pinyin_fields(zhuyin: bool, traditional: str) -> None:
    choice = Choice(_read_bank(traditional), "银行", 2, 0, 1.0)
    options = CardOptions(level=LEVEL, zhuyin=zhuyin)
    cloze, sentence = notes_for(choice, options)
    for note in (cloze, sentence):
        assert note.field("PinyinNumbered") == "wo3 qu4 yin2hang2"
        assert note.field("HanziColored") == (
            '<span class="tone3">我</span><span class="tone4">去</span>'
            '<span class="tone2">银</span><span class="tone2">行</span>&lt;。'
        )
        assert note.field("Classifier") == "家 jiā; 个 gè"
        assert note.field("Zhuyin") == ("ㄨㄛˇ ㄑㄩˋ ㄧㄣˊㄏㄤˊ" if zhuyin else "")
        assert note.field("Traditional") == ("我去銀行&lt;。" if traditional else "")


def test_field_lists_are_the_published_contract() -> None:
    """Students' collections hold these note types: a rename or reorder makes Anki copy the type instead of
    updating notes. Extend these literals only by appending."""
    assert CLOZE_FIELDS == (
        "Text", "Hanzi", "Pinyin", "English", "Target", "TargetPinyin", "TargetGloss", "Level", "Source",
        "Glosses", "Ruby", "PinyinNumbered", "HanziColored", "Classifier", "Zhuyin", "Traditional",
    )  # fmt: skip
    assert SENTENCE_FIELDS == (
        "Hanzi", "Pinyin", "English", "Target", "TargetPinyin", "TargetGloss", "Level", "Source", "Glosses",
        "Ruby", "CardReading", "CardProduction", "CardListening", "PinyinNumbered", "HanziColored",
        "Classifier", "Zhuyin", "Traditional",
    )  # fmt: skip


def test_numbers_with_a_gloss_get_a_line() -> None:
    from deckbuilder.cards import glosses_html

    tokens = (
        Token("他", Kind.WORD, pinyin="tā", gloss="he"),
        Token("得", Kind.WORD, pinyin="dé", gloss="to obtain"),
        Token("第一", Kind.NUMBER, pinyin="dì-yī", gloss="first / number one"),
        Token("四百", Kind.NUMBER, pinyin="sìbǎi", gloss="四 four + 百 hundred", composed=True),
        Token("2024", Kind.NUMBER),
        Token("。", Kind.PUNCT),
    )
    html = glosses_html(tokens)
    assert "第一" in html and "first / number one" in html
    assert "四 four + 百 hundred" in html and 'class="composed"' in html  # reviewers missed its line
    assert "2024" not in html  # digits: no gloss


def test_a_word_used_twice_in_two_senses_gets_a_line_for_each() -> None:
    from deckbuilder.cards import glosses_html

    handful = Token("把", Kind.WORD, pinyin="bǎ", gloss="classifier: handful / to hold",
                    senses=("classifier: handful", "to hold"))  # fmt: skip
    marker = Token("把", Kind.WORD, pinyin="bǎ", gloss="(used to put the object before the verb) / to hold",
                   senses=("(used to put the object before the verb)", "to hold"))  # fmt: skip
    tokens = (Token("一", Kind.WORD, pinyin="yì", gloss="one"), handful, Token("米", Kind.WORD, pinyin="mǐ",
              gloss="rice"), Token("，", Kind.PUNCT), marker, Token("它", Kind.WORD, pinyin="tā", gloss="it"),
              handful)  # fmt: skip
    html = glosses_html(tokens)
    assert "classifier: handful" in html and "(used to put the object before the verb)" in html
    assert html.count("<li") == 5  # the same use twice is one line
