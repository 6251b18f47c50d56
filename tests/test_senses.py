"""Senses: the CC-CEDICT entry and senses a sentence uses, chosen by reading, traditional form, the English,
the part of speech and the neighbours; composed glosses for words the dictionary lacks; clean display text.

Every sentence here was written for these tests. Most tests call `gloss_sentence` with the tags and
readings spelled out, so they test sense choice and not the tagger or the pinyin layer.
"""

from __future__ import annotations

import doctest

import pytest

from deckbuilder import cedict, english, senses
from deckbuilder.annotate import enrich, segment
from deckbuilder.models import Pair, Token
from deckbuilder.senses import Gloss, gloss_sentence, shapes
from deckbuilder.senses.context import english_keys


def _tokens(text: str, en: str = "") -> tuple[Token, ...]:
    """A sentence of ours segmented and enriched as a card's words are."""
    return enrich(segment(Pair(text, en, "t"))).tokens


def _words(text: str, en: str = "") -> dict[str, Token]:
    """`_tokens` by word (a repeated word: its last use)."""
    return {t.text: t for t in _tokens(text, en)}


@pytest.mark.parametrize("module", [senses, shapes, cedict, english])
def test_docstring_examples(module: object) -> None:
    assert doctest.testmod(module).failed == 0  # type: ignore[arg-type]


def _one(
    words: list[str],
    tags: list[str],
    readings: list[str],
    target: str,
    en: str = "",
    original: str = "",
    names: list[bool] | None = None,
) -> Gloss:
    """The gloss of `target` in a sentence given as words, tags and space-separated readings."""
    zh = "".join(words)
    syllables = [tuple(r.split()) for r in readings]
    out = gloss_sentence(words, tags, syllables, zh=zh, en=en, original=original, names=names)
    found = out[words.index(target)]
    assert found is not None
    return found


# ---------------------------------------------------------------- entry choice
def test_traditional_form_in_context_picks_the_entry() -> None:
    # OpenCC writes 後 here: "after", not 后 "empress; queen".
    g = _one(["下课", "后", "我们", "去", "吃饭"], ["v", "f", "r", "v", "v"],
             ["xia4 ke4", "hou4", "wo3 men5", "qu4", "chi1 fan4"], "后")  # fmt: skip
    assert (g.trad, g.pinyin) == ("後", "hou4")
    assert "empress" not in g.text


def test_the_learners_traditional_text_wins_over_opencc() -> None:
    words, tags, readings = (
        ["他", "干", "了", "一天"],
        ["r", "v", "ul", "m"],
        ["ta1", "gan4", "le5", "yi1 tian1"],
    )
    assert _one(words, tags, readings, "干", original="他幹了一天").trad == "幹"
    # Read as written: a (nonsensical) 乾 in the learner's text is taken at its word.
    assert _one(words, tags, ["ta1", "gan1", "le5", "yi1 tian1"], "干", original="他乾了一天").trad == "乾"


def test_a_variant_spelling_selects_the_entry_it_points_to() -> None:
    # OpenCC's 麪 is "variant of 麵": the card shows 麵's senses, never the cross-reference.
    g = _one(["我", "吃", "了", "一碗", "面"], ["r", "v", "ul", "m", "n"],
             ["wo3", "chi1", "le5", "yi1 wan3", "mian4"], "面")  # fmt: skip
    assert g.trad == "麵"
    assert "noodles" in g.senses
    assert not any("variant" in s for s in g.senses)


@pytest.mark.parametrize(
    ("reading", "expected", "not_expected"),
    [("hang2", "row", "walk"), ("xing2", "all right", "row")],  # 这行: "this works"
)
def test_the_reading_picks_the_entry(reading: str, expected: str, not_expected: str) -> None:
    g = _one(["这", "行"], ["r", "n"], ["zhe4", reading], "行")
    assert g.pinyin == reading
    assert expected in g.senses and not_expected not in g.text


def test_a_neutral_tone_reading_still_finds_its_entry() -> None:
    g = _one(["你", "要", "几个", "？"], ["r", "v", "m", "x"], ["ni3", "yao4", "ji3 ge4", ""], "几个")
    assert (g.trad, g.pinyin) == ("幾個", "ji3 ge5")


def test_an_entry_of_variant_senses_folds_into_its_main_entry() -> None:
    # OpenCC may write 纔, whose senses are "(variant of 才) …": the card shows 才 and its senses.
    g = _one(["他", "十点", "才", "睡"], ["r", "m", "d", "v"], ["ta1", "shi2 dian3", "cai2", "shui4"], "才",
             original="他十點纔睡")  # fmt: skip
    assert (g.trad, g.pinyin) == ("才", "cai2")
    assert not any("variant" in sense for sense in g.senses)


def test_common_nouns_before_proper_nouns_unless_a_name() -> None:
    words, tags, readings = ["这", "是", "叶"], ["r", "v", "n"], ["zhe4", "shi4", "ye4"]
    assert _one(words, tags, readings, "叶").pinyin == "ye4"  # leaf, not the surname Ye
    assert _one(words, tags, readings, "叶", names=[False, False, True]).pinyin == "Ye4"


def test_a_word_with_only_a_proper_noun_entry_is_glossed_from_its_parts() -> None:
    g = _one(["山上", "很", "冷"], ["s", "d", "a"], ["shan1 shang4", "hen3", "leng3"], "山上")
    assert g.composed and g.senses[0].startswith("山 mountain + 上 ")


def test_a_part_gloss_leaves_out_where_else_its_sense_is_written() -> None:
    g = _one(
        ["用", "笔", "画线"],
        ["p", "n", "v"],
        ["yong4", "bi3", "hua4 xian4"],
        "画线",
        "Draw a line with a pen.",
    )
    assert g.composed and g.senses[0] == "画 to draw (a line) + 线 line", g.senses


def test_a_capitalised_common_word_is_never_composed_from_its_parts() -> None:
    # CC-CEDICT capitalises days and festivals like names; they are words of their own, not 星期 + 日.
    g = _one(["考试", "在", "星期日"], ["vn", "p", "t"], ["kao3 shi4", "zai4", "xing1 qi1 ri4"], "星期日")
    assert not g.composed and g.senses[0] == "Sunday"
    words, tags = ["春节", "快", "到", "了"], ["t", "d", "v", "ul"]
    g = _one(words, tags, ["chun1 jie2", "kuai4", "dao4", "le5"], "春节")
    assert not g.composed and g.senses[0].startswith("Spring Festival")


def test_an_entry_of_only_slang_senses_gives_way_to_its_parts() -> None:
    # 几号 "(slang) heroin" in a question about a date: 几 + 号, with or without a translation.
    words, tags, readings = (
        ["你", "的", "生日", "是", "几号", "？"],
        ["r", "uj", "n", "v", "m", "x"],
        ["ni3", "de5", "sheng1 ri4", "shi4", "ji3 hao4", ""],
    )
    for en in ("", "When is your birthday?"):
        g = _one(words, tags, readings, "几号", en)
        assert g.composed and g.senses[0].startswith("几 "), g.senses


def test_a_marked_entry_the_translation_supports_stays() -> None:
    # 今岁 "(literary) this year": the English says "this year", so the entry is the word's gloss.
    words, tags, readings = ["今岁", "丰收"], ["t", "v"], ["jin1 sui4", "feng1 shou1"]
    g = _one(words, tags, readings, "今岁", "This year the harvest was good.")
    assert not g.composed and "this year" in g.senses[0]


# ---------------------------------------------------------------- sense order
def test_the_english_puts_the_sense_it_uses_first() -> None:
    words, tags = ["这个", "字", "是", "什么", "意思", "？"], ["r", "n", "v", "r", "n", "x"]
    readings = ["zhe4 ge5", "zi4", "shi4", "shen2 me5", "yi4 si5", ""]
    assert _one(words, tags, readings, "意思").senses[0] == "idea"
    assert _one(words, tags, readings, "意思", en="What does this character mean?").senses[0] == "meaning"


def test_a_translators_synonym_comes_after_the_core_meaning() -> None:
    # "heart of the town" chooses 中心's second sense; the card keeps "center" first, the synonym after it.
    words, tags = ["他们", "住", "在", "小镇", "的", "中心"], ["r", "v", "p", "n", "uj", "n"]
    readings = ["ta1 men5", "zhu4", "zai4", "xiao3 zhen4", "de5", "zhong1 xin1"]
    g = _one(words, tags, readings, "中心", en="They live in the heart of the town.")
    assert g.senses[:2] == ("center", "heart")
    many = _one(["这个", "城市", "有", "五百万", "人口"], ["r", "n", "v", "m", "n"],
                ["zhe4 ge5", "cheng2 shi4", "you3", "wu3 bai3 wan4", "ren2 kou3"], "人口",
                en="The city has five million people.")  # fmt: skip
    assert many.senses[:2] == ("population", "people")
    # A character's senses are often different words: the translation decides (地 "ground", not "earth").
    ground = _one(["地", "很", "湿"], ["n", "d", "a"], ["di4", "hen3", "shi1"], "地", en="The ground is wet.")
    assert ground.senses[0] == "ground"


def test_the_sense_matching_more_of_the_english_and_its_exact_words_comes_first() -> None:
    # Two senses both reach the cap ("broadcasting" is 广播's): the one matching both words wins.
    words, tags = ["电台", "在", "广播", "新闻"], ["n", "p", "vn", "n"]
    readings = ["dian4 tai2", "zai4", "guang3 bo1", "xin1 wen2"]
    g = _one(words, tags, readings, "电台", en="The radio station is broadcasting the news.")
    assert g.senses[0] == "radio station"
    # "classic" and "classical" share a stem; the sense with the translation's own word comes first.
    words, tags = ["这", "是", "一部", "经典", "电影"], ["r", "v", "m", "n", "n"]
    readings = ["zhe4", "shi4", "yi1 bu4", "jing1 dian3", "dian4 ying3"]
    g = _one(words, tags, readings, "经典", en="This is a classic film.")
    assert g.senses[0].startswith("classic ")
    # "accountant" and "accounting" share a stem; the translation writes "accounting": no derivation.
    words, tags = ["他", "在", "会计", "部门", "工作"], ["r", "p", "n", "n", "vn"]
    readings = ["ta1", "zai4", "kuai4 ji4", "bu4 men2", "gong1 zuo4"]
    g = _one(words, tags, readings, "会计", en="She works in accounting.")
    assert g.senses[0] == "accounting", g.senses


def test_a_sense_the_english_matches_whole_comes_before_one_it_matches_in_part() -> None:
    words, tags = ["我", "住", "在", "城", "里"], ["r", "v", "p", "n", "f"]
    g = _one(words, tags, ["wo3", "zhu4", "zai4", "cheng2", "li3"], "城", "I live in the city.")
    assert g.senses[0] == "city", g.senses


def test_an_adjective_of_a_person_fits_a_person_not_a_thing_it_names() -> None:
    free = _one(
        ["你", "空闲", "时间", "做", "什么"],
        ["r", "n", "n", "v", "r"],
        ["ni3", "kong4 xian2", "shi2 jian1", "zuo4", "shen2 me5"],
        "空闲",
        "What do you do in free time?",
    )
    assert free.senses[0] == "leisure; spare time", free.senses
    green = _one(["他", "太", "嫩", "了"], ["r", "d", "a", "ul"], ["ta1", "tai4", "nen4", "le5"], "嫩")
    assert green.senses[0] == "(of a person) inexperienced; unskilled", green.senses


@pytest.mark.parametrize(
    ("words", "tags", "readings", "target", "en", "expected"),
    [
        # "promote" is no "promotion": a match through another derivation is weaker than the verb's place.
        (["我们", "要", "推广", "普通话"], ["r", "v", "v", "n"],
         ["wo3 men5", "yao4", "tui1 guang3", "pu3 tong1 hua4"], "推广", "We should promote Mandarin.",
         "to extend"),
        # The subject before 是 is a thing, whatever English words a verb sense shares.
        (["借口", "是", "没用", "的"], ["n", "v", "v", "uj"], ["jie4 kou3", "shi4", "mei2 yong4", "de5"],
         "借口", "There is no use in making excuses.", "excuse; pretext"),
        # A translator's word stays first unless the entry's core is one word (中心 "center"): 形式 "form".
        (["活动", "的", "形式", "很", "多"], ["vn", "uj", "n", "zg", "m"],
         ["huo2 dong4", "de5", "xing2 shi4", "hen3", "duo1"], "形式", "The activity takes many forms.",
         "form"),
        # 都 opening its clause after 除了 … 以外 quantifies everyone else: "all".
        (["除了", "他", "以外", "，", "都", "来", "了"], ["p", "r", "f", "x", "d", "v", "ul"],
         ["chu2 le5", "ta1", "yi3 wai4", "", "dou1", "lai2", "le5"], "都", "Everyone came except him.",
         "all; both; entirely"),
        # A result and 了 after a word make it a verb (体会 到 了), and a sense's "understanding" is a noun,
        # not the English "understand"; a distinguishing word with 了 and an object is a verb (轻视 了 我们).
        (["我", "体会", "到", "了", "他", "的", "感情"], ["r", "n", "v", "ul", "r", "uj", "n"],
         ["wo3", "ti3 hui4", "dao4", "le5", "ta1", "de5", "gan3 qing2"], "体会",
         "I came to understand his feelings.", "to know from experience"),
        (["那", "队", "轻视", "了", "我们"], ["r", "n", "b", "ul", "r"],
         ["na4", "dui4", "qing1 shi4", "le5", "wo3 men5"], "轻视", "That team took us lightly.",
         "to despise"),
        (["我", "写", "了", "一", "篇", "作文"], ["r", "v", "ul", "m", "q", "n"],
         ["wo3", "xie3", "le5", "yi4", "pian1", "zuo4 wen2"], "作文", "I wrote an essay.",
         "composition (student essay)"),
        # 一 X 一 X is "X by X": X the unit, whatever the English verb (一 滴 一 滴 地 落 "drips").
        (["水", "一", "滴", "一", "滴", "地", "落"], ["n", "m", "v", "m", "v", "uv", "v"],
         ["shui3", "yi4", "di1", "yi4", "di1", "de5", "luo4"], "滴", "Water drips down.", "a drop"),
        # The first verb after 被 and its agent is the predicate: a verb sense, whatever English adjective.
        (["我们", "被", "笑话", "逗", "得", "很", "开心"], ["r", "p", "n", "v", "ud", "zg", "a"],
         ["wo3 men5", "bei4", "xiao4 hua4", "dou4", "de5", "hen3", "kai1 xin1"], "逗",
         "We were all greatly amused by his jokes.", "(coll.) to joke"),
        # "told" is no "tell off": a phrasal verb's idiom needs its particle.
        (["他", "说", "了", "实话"], ["r", "v", "ul", "n"], ["ta1", "shuo1", "le5", "shi2 hua4"], "说",
         "He told the truth.", "to speak; to talk; to say"),
        # One alternative matched whole ("to eat" of "to eat; to consume") is as whole as a one-word sense.
        (["我们", "晚饭", "吃", "面条"], ["r", "n", "v", "n"],
         ["wo3 men5", "wan3 fan4", "chi1", "mian4 tiao2"], "吃", "We eat noodles for dinner.",
         "to eat; to consume"),
        # The translation's modal says which modal sense: "must" is a duty.
        (["我们", "要", "客观", "地", "判断"], ["r", "v", "n", "uv", "v"],
         ["wo3 men5", "yao4", "ke4 guan1", "de5", "pan4 duan4"], "要", "We must judge objectively.",
         "need to; should"),
        # The copula before what it names is "to be", whatever adjective ("true") or adverb ("very") of the
        # English another sense shares.
        (["他", "是", "真正", "的", "英雄"], ["r", "v", "d", "uj", "n"],
         ["ta1", "shi4", "zhen1 zheng4", "de5", "ying1 xiong2"], "是", "He is a true hero.",
         "to be (followed by substantives only)"),
        (["她", "是", "个", "很", "坦率", "的", "人"], ["r", "v", "q", "d", "a", "uj", "n"],
         ["ta1", "shi4", "ge4", "hen3", "tan3 shuai4", "de5", "ren2"], "是",
         "She has a very open personality.", "to be (followed by substantives only)"),
        # A figurative sense the English matches comes after the literal one it extends, unless the
        # neighbours bear out its note (前途 "prospects"); -ing and -ent words can be adjectives.
        (["天空", "中", "一片", "光明"], ["n", "f", "m", "n"], ["tian1 kong1", "zhong1", "yi2 pian4",
         "guang1 ming2"], "光明", "The sky is bright.", "light"),
        (["前途", "一片", "光明"], ["n", "m", "n"], ["qian2 tu2", "yi2 pian4", "guang1 ming2"], "光明",
         "The future is bright.", "(fig.) bright (prospects etc)"),
        (["他", "的", "表现", "很", "突出"], ["r", "uj", "v", "d", "a"],
         ["ta1", "de5", "biao3 xian4", "hen3", "tu1 chu1"], "突出", "His performance stands out.",
         "prominent"),
        # A participle in the English ("honored") says the adjective, not the noun it comes from; a
        # sentence particle after 的 is still the particle.
        (["他", "很", "自豪", "，", "也", "很", "光荣"], ["r", "d", "n", "x", "d", "d", "nr"],
         ["ta1", "hen3", "zi4 hao2", "", "ye3", "hen3", "guang1 rong2"], "光荣",
         "He feels proud and honored.", "glorious"),
        (["这", "是", "你", "的", "吗", "？"], ["r", "v", "r", "uj", "y", "x"],
         ["zhe4", "shi4", "ni3", "de5", "ma5", ""], "吗", "Is this yours?",
         '(question particle for "yes-no" questions)'),
        # A note's generic words name no company: "(as opposed to becoming a monk)" is no match for a
        # neighbour that "becomes" something.
        (["周末", "我", "在家", "做", "家务"], ["t", "r", "v", "v", "n"],
         ["zhou1 mo4", "wo3", "zai4 jia1", "zuo4", "jia1 wu4"], "在家", "On weekends I do housework.",
         "to be at home"),
        # 就 after "soon" is "immediately after", not "merely".
        (["飞机", "很", "快", "就", "到达", "了"], ["n", "d", "a", "d", "v", "ul"],
         ["fei1 ji1", "hen3", "kuai4", "jiu4", "dao4 da2", "le5"], "就", "The plane arrived soon.",
         "(after a clause of action) as soon as; immediately after"),
        # What goes into a container is loaded or packed (装 在 盒 里), not adorned.
        (["他", "把", "礼物", "装", "在", "盒", "里"], ["r", "p", "n", "v", "p", "q", "f"],
         ["ta1", "ba3", "li3 wu4", "zhuang1", "zai4", "he2", "li3"], "装", "He put the gift in a box.",
         "to load"),
        # 好 closing the clause after a verb is its result, not "good" (把 纸 贴 好).
        (["把", "纸", "贴", "好", "。"], ["p", "n", "v", "a", "x"], ["ba3", "zhi3", "tie1", "hao3", ""], "好",
         "Stick the paper on properly.", "(verb complement indicating completion)"),
        # 要 opening a sentence is advice; 了 can close the condition 就 follows ("then").
        (["要", "节省", "用", "电"], ["v", "n", "p", "n"], ["yao4", "jie2 sheng3", "yong4", "dian4"], "要",
         "Save electricity.", "need to; should"),
        (["累", "了", "就", "歇", "一会儿"], ["a", "ul", "d", "v", "m"],
         ["lei4", "le5", "jiu4", "xie1", "yi1 hui4 r5"], "就", "Rest a while when tired.",
         "(after a suppositional clause) in that case; then"),
        # What an adjective and 的 describe is a thing: 决心 "resolution" (the translator's noun), not
        # "firm and resolute".
        (["他", "下", "了", "很", "大", "的", "决心"], ["r", "f", "ul", "zg", "a", "uj", "v"],
         ["ta1", "xia4", "le5", "hen3", "da4", "de5", "jue2 xin1"], "决心", "He made a firm resolution.",
         "resolution"),
        # So is what an owner and 的 describe when it closes its clause, however the English puts it.
        (["我们", "尊重", "孩子", "的", "感受", "。"], ["r", "v", "n", "uj", "v", "x"],
         ["wo3 men5", "zun1 zhong4", "hai2 zi5", "de5", "gan3 shou4", ""], "感受",
         "We respect how children feel.", "a feeling"),
        # A word with aspect 了 is a verb or a state, never a thing, whatever noun the English uses.
        (["错", "了", "也", "不要紧"], ["v", "ul", "d", "l"], ["cuo4", "le5", "ye3", "bu4 yao4 jin3"], "错",
         "It's okay to make mistakes.", "wrong"),
        # The general classifier after a verb counts what follows, with 一 left out (是 个 … 人).
        (["她", "是", "个", "很", "坦率", "的", "人"], ["r", "v", "q", "d", "a", "uj", "n"],
         ["ta1", "shi4", "ge4", "hen3", "tan3 shuai4", "de5", "ren2"], "个",
         "She has a very open personality.",
         "(classifier used before a noun that has no specific classifier)"),
        # A translator's word as precise as the compound's core comes first (兔子 "rabbit", not "hare").
        (["你", "喜欢", "兔子", "吗"], ["r", "v", "n", "y"], ["ni3", "xi3 huan5", "tu4 zi5", "ma5"], "兔子",
         "Do you like rabbits?", "rabbit"),
        # A closed compound of the English says its two words ("workplace": work, place).
        (["单位", "离", "我", "家", "很", "近"], ["n", "p", "r", "n", "d", "a"],
         ["dan1 wei4", "li2", "wo3", "jia1", "hen3", "jin4"], "单位", "My workplace is near my home.",
         "work unit (place of employment, esp. in the PRC prior to economic reform)"),
        # A British spelling meets CC-CEDICT's American one (flavour ~ flavor).
        (["这", "是", "什么", "口味"], ["r", "v", "r", "n"], ["zhe4", "shi4", "shen2 me5", "kou3 wei4"],
         "口味", "What flavour is this?", "flavor"),
        # A phrasal verb says its one-word sense ("bring … up" ~ "to mention").
        (["这个", "问题", "以后", "再", "提"], ["r", "n", "f", "d", "v"],
         ["zhe4 ge5", "wen4 ti2", "yi3 hou4", "zai4", "ti2"], "提", "Let's bring it up later.",
         "to raise (an issue)"),
        # A noun closing its clause after another noun heads their compound: "record", not "to record".
        (["我", "看", "了", "比赛", "记录"], ["r", "v", "ul", "n", "n"],
         ["wo3", "kan4", "le5", "bi3 sai4", "ji4 lu4"], "记录", "I looked at the match record.",
         "record (written account)"),
        # Kept whole, a numeral and its classifier still count the word closing the clause (一种 象征): a
        # thing, whatever verb the English derives ("signifiers").
        (["那", "是", "一种", "象征"], ["r", "v", "m", "v"], ["na4", "shi4", "yi1 zhong3", "xiang4 zheng1"],
         "象征", "That is one of the signifiers.", "emblem"),
    ],
)  # fmt: skip
def test_the_translation_weighs_with_the_words_place(
    words: list[str], tags: list[str], readings: list[str], target: str, en: str, expected: str
) -> None:
    assert _one(words, tags, readings, target, en).senses[0] == expected


def test_an_english_word_another_token_explains_does_not_decide() -> None:
    # "came back" translates 回来; 后 is "later", not "back".
    words, tags = ["两天", "后", "他", "回来", "了"], ["m", "f", "r", "v", "ul"]
    readings = ["liang3 tian1", "hou4", "ta1", "hui2 lai5", "le5"]
    g = _one(words, tags, readings, "后", en="He came back two days later.")
    assert g.senses[0] == "later"


def test_a_note_matching_a_neighbour_fits() -> None:
    # "to order (food in a restaurant)" next to 菜 "dish (type of food)".
    words, tags = ["我们", "点", "了", "三个", "菜"], ["r", "m", "ul", "m", "n"]
    readings = ["wo3 men5", "dian3", "le5", "san1 ge4", "cai4"]
    assert _one(words, tags, readings, "点").senses[0] == "to order (food in a restaurant)"


def test_a_run_of_one_word_synonyms_takes_one_place() -> None:
    # After a degree adverb 棒's adjectives come as a run: the fourth ("wonderful") is not cut off.
    g = _one(["今天", "的", "天气", "真", "棒"], ["t", "uj", "n", "d", "zg"],
             ["jin1 tian1", "de5", "tian1 qi4", "zhen1", "bang4"], "棒")  # fmt: skip
    assert "wonderful" in g.senses and len(g.senses) == 4


def test_at_most_three_senses_and_no_noise() -> None:
    g = _one(["他", "打", "人"], ["r", "v", "n"], ["ta1", "da3", "ren2"], "打")
    assert 1 <= len(g.senses) <= 3
    assert not any(s.startswith(("surname", "variant", "see ")) for s in g.senses)


# ---------------------------------------------------------------- part of speech and neighbours
@pytest.mark.parametrize(
    ("words", "tags", "readings", "target", "expected"),
    [
        # 被 before its agent and verb is the passive marker; after 一床 it is a quilt.
        (["钱包", "被", "小偷", "偷", "了"], ["n", "p", "n", "v", "ul"],
         ["qian2 bao1", "bei4", "xiao3 tou1", "tou1", "le5"], "被", "passive"),
        (["她", "买", "了", "一床", "被"], ["r", "v", "ul", "m", "p"],
         ["ta1", "mai3", "le5", "yi1 chuang2", "bei4"], "被", "quilt"),
        # 把 marks the object, or counts things with handles after 这.
        (["请", "把", "书", "给", "我"], ["v", "p", "n", "p", "r"],
         ["qing3", "ba3", "shu1", "gei3", "wo3"], "把", "object before the verb"),
        (["这", "把", "伞", "是", "我", "的"], ["r", "p", "n", "v", "r", "uj"],
         ["zhe4", "ba3", "san3", "shi4", "wo3", "de5"], "把", "classifier"),
        # 给 is "to give" when 了 follows it, a preposition otherwise.
        (["他", "给", "了", "我", "一本书"], ["r", "p", "ul", "r", "m"],
         ["ta1", "gei3", "le5", "wo3", "yi1 ben3 shu1"], "给", "to give"),
        (["我", "给", "你", "写信"], ["r", "p", "r", "v"], ["wo3", "gei3", "ni3", "xie3 xin4"], "给", "to"),
        # 才 before a number is "only"; 好 after a verb says the action is complete.
        (["她", "才", "八岁"], ["r", "d", "m"], ["ta1", "cai2", "ba1 sui4"], "才", "only"),
        (["饭", "做", "好", "了"], ["n", "v", "a", "ul"], ["fan4", "zuo4", "hao3", "le5"], "好",
         "completion"),
        # 了 before a directional complement is still the particle.
        (["月亮", "露", "了", "出来"], ["n", "v", "ul", "v"],
         ["yue4 liang5", "lu4", "le5", "chu1 lai5"], "了", "completed action marker"),
        # 将 as an adverb is "will"; 过去 with no verb before it is the past, not a verb suffix.
        (["我们", "将", "出发"], ["r", "d", "v"], ["wo3 men5", "jiang1", "chu1 fa1"], "将", "will"),
        (["过去", "的", "事"], ["t", "uj", "n"], ["guo4 qu5", "de5", "shi4"], "过去", "past"),
        # 过 after a verb is the experience marker; 别 as an adverb is "don't".
        (["我", "去", "过", "长城"], ["r", "v", "ug", "ns"], ["wo3", "qu4", "guo5", "chang2 cheng2"], "过",
         "experienced action marker"),
        (["别", "走", "！"], ["d", "v", "x"], ["bie2", "zou3", ""], "别", "don't"),
        # 对 with nothing after it is "right", not a preposition; 想 before a verb wants to do it.
        (["这样", "才", "对", "。"], ["r", "d", "p", "x"], ["zhe4 yang4", "cai2", "dui4", ""], "对", "right"),
        (["我", "想", "喝", "茶"], ["r", "v", "v", "n"], ["wo3", "xiang3", "he1", "cha2"], "想", "to want"),
        # 行 as a clause of its own says "OK!"; 花 with 了 and an object is spending.
        (["行", "，", "走", "吧"], ["v", "x", "v", "y"], ["xing2", "", "zou3", "ba5"], "行", "OK!"),
        (["他", "花", "了", "三年"], ["r", "v", "ul", "m"], ["ta1", "hua1", "le5", "san1 nian2"], "花",
         "to spend"),
        # "smelly" is an adjective, not a manner adverb; 多亏 before whom it thanks is "thanks to".
        (["房间", "里", "很", "臭"], ["n", "f", "d", "a"], ["fang2 jian1", "li5", "hen3", "chou4"], "臭",
         "smelly"),
        (["多亏", "了", "你", "，", "我", "还", "活着"], ["v", "ul", "r", "x", "r", "d", "v"],
         ["duo1 kui1", "le5", "ni3", "", "wo3", "hai2", "huo2 zhe5"], "多亏", "thanks to"),
        # 来 before a serving orders it: the verb it stands for, not "to come".
        (["劳驾", "，", "来", "一", "杯", "咖啡"], ["l", "x", "v", "m", "q", "n"],
         ["lao2 jia4", "", "lai2", "yi4", "bei1", "ka1 fei1"], "来",
         "(used as a substitute for a more specific verb)"),
        # A localizer after an event tells time, after a thing place.
        (["考试", "结束", "后", "回家"], ["vn", "v", "f", "v"],
         ["kao3 shi4", "jie2 shu4", "hou4", "hui2 jia1"], "后", "after"),
        (["他", "站", "在", "门", "后"], ["r", "v", "p", "n", "f"], ["ta1", "zhan4", "zai4", "men2", "hou4"],
         "后", "back"),
        # 让 with a subject and a verb after it lets someone do something.
        (["老师", "让", "我们", "回家"], ["n", "v", "r", "v"],
         ["lao3 shi1", "rang4", "wo3 men5", "hui2 jia1"], "让", "to let sb do sth"),
    ],
)  # fmt: skip
def test_grammatical_senses_follow_the_part_of_speech(
    words: list[str], tags: list[str], readings: list[str], target: str, expected: str
) -> None:
    assert expected in _one(words, tags, readings, target).senses[0]


# ---------------------------------------------------------------- word classes the neighbours show
@pytest.mark.parametrize(
    ("words", "tags", "readings", "target", "expected"),
    [
        # A phrase opening the sentence and ending at a comma is adverbial: 作为 "as", not "one's conduct".
        (["作为", "老师", "，", "他", "很", "忙"], ["v", "n", "x", "r", "zg", "v"],
         ["zuo4 wei2", "lao3 shi1", "", "ta1", "hen3", "mang2"], "作为", "as (in the capacity of)"),
        # Alone before a comma at the head of a sentence, 接着 links it to what went before.
        (["接着", "，", "他", "打开", "了", "门"], ["c", "x", "r", "v", "ul", "n"],
         ["jie1 zhe5", "", "ta1", "da3 kai1", "le5", "men2"], "接着", "then"),
        # After a degree adverb a word is said of something: 棒 is no stick, 花 no flower.
        (["这", "个", "主意", "非常", "棒"], ["r", "q", "n", "d", "zg"],
         ["zhe4", "ge4", "zhu3 yi5", "fei1 chang2", "bang4"], "棒", "smart"),
        (["这件", "衣服", "太", "花", "了"], ["mq", "n", "d", "v", "ul"],
         ["zhe4 jian4", "yi1 fu5", "tai4", "hua1", "le5"], "花", "florid"),
        # Between a numeral with its classifier and a noun, a word says what kind: 横 "horizontal".
        (["他", "画", "了", "一条", "横", "线"], ["r", "v", "ul", "m", "v", "n"],
         ["ta1", "hua4", "le5", "yi1 tiao2", "heng2", "xian4"], "横", "horizontal"),
        (["这", "是", "一部", "经典", "电影"], ["r", "v", "m", "n", "n"],
         ["zhe4", "shi4", "yi1 bu4", "jing1 dian3", "dian4 ying3"], "经典", "classical"),
        # Before 后 a word names an event: 便 is the body's, not "then".
        (["便", "后", "请", "冲水"], ["d", "f", "v", "vn"], ["bian4", "hou4", "qing3", "chong1 shui3"], "便",
         "to urinate or defecate"),
        # Before a verb the adverb 便 is "then" (= 就), its senses as a word ("plain") wait.
        (["他", "吃完饭", "便", "走", "了"], ["r", "l", "d", "v", "ul"],
         ["ta1", "chi1 wan2 fan4", "bian4", "zou3", "le5"], "便", "then"),
        # A word that takes 了 and an object is a verb: 准 "to allow", whatever OpenCC writes.
        (["经理", "准", "了", "他", "三天", "假"], ["n", "a", "ul", "r", "m", "n"],
         ["jing1 li3", "zhun3", "le5", "ta1", "san1 tian1", "jia4"], "准", "to allow"),
        # 了 closing the clause after an adjective tells a change of state: the rope is loose.
        (["绳子", "松", "了"], ["n", "v", "ul"], ["sheng2 zi5", "song1", "le5"], "松", "loose"),
        # Before a verb 以 is "so as to", between two verb phrases.
        (["他", "举手", "以", "表示", "同意"], ["r", "v", "p", "v", "v"],
         ["ta1", "ju3 shou3", "yi3", "biao3 shi4", "tong2 yi4"], "以", "in order to"),
        # A noun as a verb's object is the noun: 借口 "excuse", not "to use as an excuse".
        (["他", "没有", "借口"], ["r", "v", "n"], ["ta1", "mei2 you3", "jie4 kou3"], "借口",
         "excuse; pretext"),
        # Between 是 and a closing 的, and before 的 and a noun, a word is said of something; the tagger's
        # person-name tag on a word the tokenizer found no name says nothing.
        (["工作", "是", "光荣", "的"], ["vn", "v", "nr", "uj"], ["gong1 zuo4", "shi4", "guang1 rong2", "de5"],
         "光荣", "glorious"),
        (["一个", "光荣", "的", "任务"], ["m", "nr", "uj", "n"],
         ["yi1 ge4", "guang1 rong2", "de5", "ren4 wu5"], "光荣", "glorious"),
        # After 在 or 已经 a word is the predicate: the verb senses first (退步, 过去 "to pass by").
        (["成绩", "在", "退步"], ["n", "p", "v"], ["cheng2 ji4", "zai4", "tui4 bu4"], "退步",
         "to do less well than before"),
        (["冬天", "已经", "过去"], ["t", "d", "t"], ["dong1 tian1", "yi3 jing1", "guo4 qu4"], "过去",
         "to pass by"),
        (["三年", "过去", "了"], ["m", "t", "ul"], ["san1 nian2", "guo4 qu4", "le5"], "过去", "to pass by"),
        # 先 before a verb tells the order of events.
        (["你", "先", "走", "吧"], ["r", "d", "v", "y"], ["ni3", "xian1", "zou3", "ba5"], "先", "in advance"),
        # A subject (before 是, or 和 and a noun), after a distinguishing word, after a verb's 了: a thing.
        (["导演", "和", "演员", "都", "来", "了"], ["v", "c", "n", "d", "v", "ul"],
         ["dao3 yan3", "he2", "yan3 yuan2", "dou1", "lai2", "le5"], "导演", "director (film etc)"),
        (["学校", "有", "大型", "活动"], ["n", "v", "b", "vn"],
         ["xue2 xiao4", "you3", "da4 xing2", "huo2 dong4"], "活动", "activity"),
        # A person right after a word tagged a noun is its object: a verb (会 责备 他).
        (["老师", "会", "责备", "他"], ["n", "v", "n", "r"],
         ["lao3 shi1", "hui4", "ze2 bei4", "ta1"], "责备", "to blame"),
        # 给 after a verb of action is the recipient's "to" (寄 给 了 他), after 想 the verb "to give".
        (["信", "寄", "给", "了", "他"], ["n", "v", "p", "ul", "r"],
         ["xin4", "ji4", "gei3", "le5", "ta1"], "给", "to"),
        (["他", "想", "给", "我", "钱"], ["r", "v", "p", "r", "n"],
         ["ta1", "xiang3", "gei3", "wo3", "qian2"], "给", "to give"),
        # Before a noun naming people an adjective "(of people)" fits (广大 观众); said of no one it does not.
        (["广大", "观众", "很", "喜欢", "这个", "节目"], ["a", "n", "zg", "v", "r", "n"],
         ["guang3 da4", "guan1 zhong4", "hen3", "xi3 huan5", "zhe4 ge5", "jie2 mu4"], "广大",
         "(of people) numerous"),
        (["那", "片", "土地", "很", "广大"], ["r", "q", "n", "zg", "a"],
         ["na4", "pian4", "tu3 di4", "hen3", "guang3 da4"], "广大", "vast or extensive"),
        # A localizer closing the place 在 opens is "on", whatever the tagger calls the word between (会 v).
        (["他", "在", "会", "上", "发言"], ["r", "p", "v", "f", "v"],
         ["ta1", "zai4", "hui4", "shang4", "fa1 yan2"], "上", "(noun suffix) on; above"),
        # 起来 after a verb of raising is "up", after one of putting away it completes the action.
        (["他", "慢慢", "站", "了", "起来"], ["r", "d", "v", "ul", "v"],
         ["ta1", "man4 man4", "zhan4", "le5", "qi5 lai5"], "起来",
         "indicating an upward movement (e.g. after 站)"),
        (["她", "把", "钱", "收", "起来"], ["r", "p", "n", "v", "v"],
         ["ta1", "ba3", "qian2", "shou1", "qi5 lai5"], "起来", "indicating completion"),
        # After 把 and its object comes the verb (把 病 传染 给 我).
        (["他", "把", "感冒", "传染", "给", "我"], ["r", "p", "v", "vn", "p", "r"],
         ["ta1", "ba3", "gan3 mao4", "chuan2 ran3", "gei3", "wo3"], "传染", "to infect"),
    ],
)  # fmt: skip
def test_the_word_class_the_neighbours_show(
    words: list[str], tags: list[str], readings: list[str], target: str, expected: str
) -> None:
    g = _one(words, tags, readings, target)
    assert g.senses[0] == expected or g.senses[0].endswith(expected), g.senses


def test_a_quantity_counting_the_subject_leaves_the_copula_a_verb() -> None:
    # 俩 counts 她们 (the subject), so 是 before the noun is "to be", not a word saying what kind.
    words, tags = ["她们", "俩", "是", "姐妹"], ["r", "m", "v", "n"]
    g = _one(words, tags, ["ta1 men5", "lia3", "shi4", "jie3 mei4"], "是")
    assert g.senses[0].startswith("to be"), g.senses


def test_any_form_of_be_in_the_english_matches_to_be() -> None:
    for sentence in ("They were sisters.", "I am a nurse.", "You're late."):
        assert "be" in english_keys(sentence).grammar
    assert ("be", True) in shapes.keys(("to", "be"))
    assert ("be", True) in shapes.keys(("to", "be", "at"))
    assert ("be", True) not in shapes.keys(("to", "be", "able", "to"))


# ---------------------------------------------------------------- constructions a kind of meaning needs
NOMINAL = "(used to form a nominal expression)"


@pytest.mark.parametrize(
    ("words", "tags", "readings", "target", "expected"),
    [
        # "please" opens a request with no one before it; after a subject 请 treats (吃饭 is its company).
        (["请", "坐", "吧"], ["v", "v", "y"], ["qing3", "zuo4", "ba5"], "请", "please (do sth)"),
        (["我", "请", "你", "吃饭"], ["r", "v", "r", "v"], ["wo3", "qing3", "ni3", "chi1 fan4"], "请",
         "to treat (to a meal etc)"),
        # Advice with no subject (or to "you") is "should"; a time to come makes 会 "likely".
        (["天", "冷", "了", "，", "要", "多", "穿", "衣服"], ["n", "a", "ul", "x", "v", "m", "v", "n"],
         ["tian1", "leng3", "le5", "", "yao4", "duo1", "chuan1", "yi1 fu5"], "要", "need to; should"),
        (["后天", "会", "下雪", "吗", "？"], ["t", "v", "v", "y", "x"],
         ["hou4 tian1", "hui4", "xia4 xue3", "ma5", ""], "会", "to be likely to; to be sure to"),
        # "OK" closes its clause, also after a verb or 也.
        (["这样", "做", "行", "吗", "？"], ["r", "v", "zg", "y", "x"],
         ["zhe4 yang4", "zuo4", "xing2", "ma5", ""], "行", "all right"),
        (["明天", "去", "也", "行"], ["t", "v", "d", "v"], ["ming2 tian1", "qu4", "ye3", "xing2"], "行",
         "all right"),
        # The nominaliser after 所 + verb or after "what".
        (["你", "哥哥", "是", "教", "什么", "的", "？"], ["r", "n", "v", "v", "r", "uj", "x"],
         ["ni3", "ge1 ge5", "shi4", "jiao1", "shen2 me5", "de5", ""], "的", NOMINAL),
        (["这", "就是", "他", "所", "说", "的"], ["r", "d", "r", "u", "v", "uj"],
         ["zhe4", "jiu4 shi4", "ta1", "suo3", "shuo1", "de5"], "的", NOMINAL),
        # 是 … verb … 的 stresses how an event happened, also in a question; 是 我 的 is whose.
        (["你", "是", "怎么", "来", "的", "？"], ["r", "v", "r", "v", "uj", "x"],
         ["ni3", "shi4", "zen3 me5", "lai2", "de5", ""], "的",
         "(used at the end of a declarative sentence for emphasis)"),
        (["书", "是", "我", "的"], ["n", "v", "r", "uj"], ["shu1", "shi4", "wo3", "de5"], "的",
         "of; ~'s (possessive particle)"),
        # "exactly" is not said of an action: 正 + verb is the progressive "just (at that time)".
        (["妈妈", "正", "做饭"], ["n", "d", "v"], ["ma1 ma5", "zheng4", "zuo4 fan4"], "正",
         "just (at that time)"),
        # Duration and frequency follow the verb: before 就 一下 is "all of a sudden".
        (["灯", "一下", "就", "亮", "了"], ["n", "m", "d", "v", "ul"],
         ["deng1", "yi1 xia4", "jiu4", "liang4", "le5"], "一下", "all of a sudden"),
        # "to regard as" needs what it regards sth as: 算一下 is "to figure".
        (["你", "算", "一下"], ["r", "v", "m"], ["ni3", "suan4", "yi1 xia4"], "算", "to figure"),
        # 都 opening its clause has nothing to quantify: "already".
        (["都", "八点", "了", "，", "快", "起床"], ["d", "m", "ul", "x", "a", "v"],
         ["dou1", "ba1 dian3", "le5", "", "kuai4", "qi3 chuang2"], "都", "already"),
        # 看 "to try" only after a tentative verb; after 去 it is seeing.
        (["你", "尝尝", "看"], ["r", "v", "v"], ["ni3", "chang2 chang5", "kan4"], "看",
         "(after a verb) to give it a try"),
        (["我们", "去", "看", "电影"], ["r", "v", "v", "n"], ["wo3 men5", "qu4", "kan4", "dian4 ying3"], "看",
         "to see; to look at"),
        # A complement after a verb's 了 (哭 了 起来 "began to cry") or a verb tagged a noun (体会 到 了).
        (["孩子", "哭", "了", "起来"], ["n", "v", "ul", "v"], ["hai2 zi5", "ku1", "le5", "qi3 lai5"], "起来",
         "(after a verb) indicating the beginning and continuation of an action or a state"),
        (["我", "体会", "到", "了", "困难"], ["r", "n", "v", "ul", "n"],
         ["wo3", "ti3 hui4", "dao4", "le5", "kun4 nan5"], "到",
         "(verb complement indicating arriving at a place or reaching a point)"),
        # A verb with an adverb's senses between its subject and 会 or 是 says how sure: "assuredly"; with an
        # object it is the verb.
        (["她", "肯定", "会", "喜欢"], ["r", "v", "v", "v"], ["ta1", "ken3 ding4", "hui4", "xi3 huan5"],
         "肯定", "assuredly"),
        (["老师", "肯定", "了", "他"], ["n", "v", "ul", "r"], ["lao3 shi1", "ken3 ding4", "le5", "ta1"],
         "肯定", "to be certain"),
        # 里 is a place or scope, "inside", after anything (一 q 里, 传说 v 里), never "lining".
        (["我", "把", "糖", "放", "在", "罐", "里"], ["r", "p", "n", "v", "p", "q", "f"],
         ["wo3", "ba3", "tang2", "fang4", "zai4", "guan4", "li3"], "里", "inside"),
        # 下 goes down (after a verb: "down") or arrives at a decision; "to decline" is rare.
        (["汗", "流", "下", "了", "脸"], ["n", "v", "f", "ul", "n"], ["han4", "liu2", "xia4", "le5", "lian3"],
         "下", "down"),
        (["天", "下", "了", "雪"], ["n", "f", "ul", "n"], ["tian1", "xia4", "le5", "xue3"], "下",
         "to go down"),
        (["她", "下", "了", "决心"], ["r", "f", "ul", "n"], ["ta1", "xia4", "le5", "jue2 xin1"], "下",
         "to arrive at (a decision, conclusion etc)"),
        # 在 after a verb is where (坐 在 最 底下): a preposition; 一片 before a scene or feeling, not before
        # what it slices.
        (["他", "坐", "在", "最", "前面"], ["r", "v", "p", "d", "f"],
         ["ta1", "zuo4", "zai4", "zui4", "qian2 mian4"], "在",
         "(preposition before a place or time) at; in; on"),
        (["外面", "一", "片", "黑暗"], ["s", "m", "q", "n"], ["wai4 mian4", "yi2", "pian4", "hei1 an4"], "片",
         "used with numeral 一: classifier for scenario, scene, feeling, atmosphere, sound etc"),
        (["我", "吃", "了", "一", "片", "面包"], ["r", "v", "ul", "m", "q", "n"],
         ["wo3", "chi1", "le5", "yi2", "pian4", "mian4 bao1"], "片",
         "classifier for slices, tablets, tract of land, area of water"),
        # A one-character result after a two-character verb is its complement (诊断 出 了 病); 和 joining two
        # activities is "and", whatever sport the sentence names.
        (["医生", "诊断", "出", "了", "病"], ["n", "v", "v", "ul", "n"],
         ["yi1 sheng1", "zhen3 duan4", "chu1", "le5", "bing4"], "出",
         "(used after a verb to indicate an outward direction or a positive result)"),
        (["我", "爱", "运动", "，", "比如", "打球", "和", "爬山"], ["r", "v", "vn", "x", "v", "v", "c", "n"],
         ["wo3", "ai4", "yun4 dong4", "", "bi3 ru2", "da3 qiu2", "he2", "pa2 shan1"], "和",
         "(joining two nouns) and; together with; with"),
        # A complement after a verb the tagger took for an abbreviation (藏 j); a localizer closing 在's place
        # before 了 is no verb (放 在 床 上 了).
        (["他", "把", "秘密", "藏", "起来"], ["r", "p", "n", "j", "v"],
         ["ta1", "ba3", "mi4 mi4", "cang2", "qi3 lai5"], "起来", "indicating completion"),
        (["我", "把", "被子", "放", "在", "床", "上", "了"], ["r", "p", "n", "v", "p", "n", "f", "ul"],
         ["wo3", "ba3", "bei4 zi5", "fang4", "zai4", "chuang2", "shang5", "le5"], "上",
         "(noun suffix) on; above"),
        # A person's tag on a word that is no name (采取措施 nr) gives way to the dictionary's verb: 来 links
        # the means to the purpose.
        (["我们", "采取措施", "来", "解决", "问题"], ["r", "nr", "v", "v", "n"],
         ["wo3 men5", "cai3 qu3 cuo4 shi1", "lai2", "jie3 jue2", "wen4 ti2"], "来",
         "(between two verbs) in order to"),
        # "to regard as" takes something and what it is taken as (就 当 你 夸 我 了).
        (["我", "就", "当", "你", "夸", "我", "了"], ["r", "d", "p", "r", "v", "r", "ul"],
         ["wo3", "jiu4", "dang4", "ni3", "kua1", "wo3", "le5"], "当", "to regard as"),
        # Negations before a verb: 别 "don't", 没有 "haven't"; 都 after 大家 sums them up, even before 了.
        (["你", "别", "去", "了"], ["r", "d", "v", "ul"], ["ni3", "bie2", "qu4", "le5"], "别", "don't ...!"),
        (["他", "没有", "失望"], ["r", "v", "v"], ["ta1", "mei2 you3", "shi1 wang4"], "没有", "haven't"),
        (["大家", "都", "哭", "了"], ["r", "d", "v", "ul"], ["da4 jia1", "dou1", "ku1", "le5"], "都",
         "all; both; entirely"),
        # 里 after a place is "inside"; 时 after an event is no hour; a count is no company for a note (去 办
        # 一下: "to go", not "(of a time etc) last"); after 了 with nothing to count, 钱 is no weight.
        (["沙漠", "里", "很", "少", "下雨"], ["n", "f", "zg", "a", "v"],
         ["sha1 mo4", "li3", "hen3", "shao3", "xia4 yu3"], "里", "inside"),
        (["他", "走路", "时", "看", "书"], ["r", "n", "n", "v", "n"],
         ["ta1", "zou3 lu4", "shi2", "kan4", "shu1"], "时", "time"),
        (["我们", "去", "办", "一下", "手续"], ["r", "v", "v", "m", "n"],
         ["wo3 men5", "qu4", "ban4", "yi2 xia4", "shou3 xu4"], "去", "to go"),
        (["他", "捐", "了", "钱", "。"], ["r", "v", "ul", "n", "x"],
         ["ta1", "juan1", "le5", "qian2", ""], "钱", "coin"),
        # A one-character complement after a one-character verb (跑 开 了 "away; off"); 过去 before where
        # one goes is motion, not the past.
        (["他", "跑", "开", "了"], ["r", "v", "v", "ul"], ["ta1", "pao3", "kai1", "le5"], "开",
         "(directional complement) away; off"),
        (["你", "过去", "到", "那里"], ["r", "t", "v", "r"], ["ni3", "guo4 qu5", "dao4", "na4 li3"], "过去",
         "to go over; to pass by"),
        # A direction after a word tagged zg makes it a verb (升 起来); what a classifier counts is a thing
        # (一 篇 作文 "composition", whatever English verb the translation shares).
        (["太阳", "升", "起来", "了"], ["ns", "zg", "v", "ul"],
         ["tai4 yang2", "sheng1", "qi3 lai5", "le5"], "升", "to ascend"),
        # 号 after 几 or a number is the day of the month; 的 closing 怎么 + verb stresses how it happened.
        (["今天", "是", "几", "号"], ["t", "v", "m", "q"], ["jin1 tian1", "shi4", "ji3", "hao4"], "号",
         "day of a month"),
        (["你", "怎么", "搞", "的", "？"], ["r", "r", "v", "uj", "x"],
         ["ni3", "zen3 me5", "gao3", "de5", ""], "的",
         "(used at the end of a declarative sentence for emphasis)"),
        # 多 before an adjective (tagged a place: 美 ns) is "how"; before a verb it stays "many; much".
        (["你", "瞧", "，", "多", "美", "的", "风景"], ["r", "v", "x", "m", "ns", "uj", "n"],
         ["ni3", "qiao2", "", "duo1", "mei3", "de5", "feng1 jing3"], "多", "how (to what extent)"),
        # A localizer after a word the tagger left untagged that is a noun (沙滩 上 的 人): "on".
        (["沙滩", "上", "的", "人"], ["", "f", "uj", "n"], ["sha1 tan1", "shang5", "de5", "ren2"], "上",
         "(noun suffix) on; above"),
        # 把 before its object and a verb marks the object, whatever classifier the noun lists.
        (["别", "把", "东西", "乱", "摆"], ["d", "p", "ns", "d", "v"],
         ["bie2", "ba3", "dong1 xi5", "luan4", "bai3"], "把",
         "(used to put the object before the verb: 把 + noun + verb)"),
        # "to want (to)" needs a verb after it, also after an adverb (想 单独 谈谈).
        (["我", "想", "单独", "谈谈"], ["r", "v", "d", "v"], ["wo3", "xiang3", "dan1 du2", "tan2 tan5"], "想",
         "to desire; to want (to)"),
        # A degree closing the clause after the complement's 得.
        (["她", "高兴", "得", "不得了"], ["r", "a", "ud", "a"], ["ta1", "gao1 xing4", "de5", "bu4 de2 liao3"],
         "不得了", "extremely"),
        # Advice with a manner before the verb (要 认真 检查): still "should".
        (["考试", "前", "要", "认真", "复习"], ["vn", "f", "v", "n", "vn"],
         ["kao3 shi4", "qian2", "yao4", "ren4 zhen1", "fu4 xi2"], "要", "need to; should"),
        # 拍 where a camera films; 股 among stocks.
        (["相机", "拍", "了", "照片"], ["n", "v", "ul", "n"],
         ["xiang4 ji1", "pai1", "le5", "zhao4 pian4"], "拍", "to take (a photo)"),
        (["他", "有", "一", "股", "股票"], ["r", "v", "m", "q", "n"],
         ["ta1", "you3", "yi4", "gu3", "gu3 piao4"], "股", "(stock) share"),
        # An object that makes the verb a sense of its own: suffered (吃 了 亏), cited (举 个 例子),
        # entered (输入 密码), a person one is (做 医生).
        (["他", "吃", "了", "亏"], ["r", "v", "ul", "n"], ["ta1", "chi1", "le5", "kui1"], "吃",
         "to suffer (shock, injury, defeat etc)"),
        (["我", "举", "个", "例子"], ["r", "v", "q", "n"], ["wo3", "ju3", "ge4", "li4 zi5"], "举", "to cite"),
        (["请", "输入", "密码"], ["v", "v", "n"], ["qing3", "shu1 ru4", "mi4 ma3"], "输入", "to input"),
        (["她", "想", "做", "医生"], ["r", "v", "v", "n"], ["ta1", "xiang3", "zuo4", "yi1 sheng1"], "做",
         "(of a person) to be (an intermediary, a good student etc); "
         "to become (husband and wife, friends etc)"),
        # A body part that is 酸 is "sore"; 相对 于 is "relative"; money put away is deposited (把 钱
        # 存 起来).
        (["我", "的", "腿", "很", "酸"], ["r", "uj", "n", "d", "a"],
         ["wo3", "de5", "tui3", "hen3", "suan1"], "酸", "sore"),
        (["城市", "相对", "于", "农村", "很", "吵"], ["n", "d", "p", "n", "d", "a"],
         ["cheng2 shi4", "xiang1 dui4", "yu2", "nong2 cun1", "hen3", "chao3"], "相对",
         "relative"),
        (["他", "把", "钱", "存", "起来"], ["r", "p", "n", "v", "v"],
         ["ta1", "ba3", "qian2", "cun2", "qi5 lai5"], "存", "to deposit"),
        # A condition and its consequence in one clause (有 问题 就 问): 就 "then".
        (["有", "问题", "就", "问", "老师"], ["v", "n", "d", "v", "n"],
         ["you3", "wen4 ti2", "jiu4", "wen4", "lao3 shi1"], "就",
         "(after a suppositional clause) in that case; then"),
        # 让 + a person + a verb of feeling: "to make sb (feel …)".
        (["他", "的", "话", "让", "人", "感动"], ["r", "uj", "n", "v", "n", "v"],
         ["ta1", "de5", "hua4", "rang4", "ren2", "gan3 dong4"], "让", "to make sb (feel sad etc)"),
        # … also when 哪怕 opens the concession and 也 the next clause.
        (["哪怕", "再", "累", "，", "也", "要", "坚持"], ["c", "d", "a", "x", "d", "v", "v"],
         ["na3 pa4", "zai4", "lei4", "", "ye3", "yao4", "jian1 chi2"], "再",
         "no matter how ... (followed by an adjective or verb, and then (usually) 也 or 都 for emphasis)"),
        # 再 + a predicate … 也: "no matter how" (再 忙 也 要 吃饭).
        (["再", "忙", "也", "要", "吃饭"], ["d", "a", "d", "v", "v"],
         ["zai4", "mang2", "ye3", "yao4", "chi1 fan4"], "再",
         "no matter how ... (followed by an adjective or verb, and then (usually) 也 or 都 for emphasis)"),
    ],
)  # fmt: skip
def test_a_kind_of_meaning_needs_its_construction(
    words: list[str], tags: list[str], readings: list[str], target: str, expected: str
) -> None:
    assert _one(words, tags, readings, target).senses[0] == expected


# ---------------------------------------------------------------- counting
def test_a_classifier_the_noun_lists_is_its_counter() -> None:
    # 椅子 lists 把 as its classifier: "things with handles", not the measure "handful".
    words, tags = ["那", "把", "椅子", "很", "旧"], ["r", "q", "n", "d", "a"]
    g = _one(words, tags, ["na4", "ba3", "yi3 zi5", "hen3", "jiu4"], "把")
    assert g.senses[0] == "classifier for things with handles"


@pytest.mark.parametrize(
    ("words", "tags", "readings"),
    [
        (["她", "拿", "壶", "浇", "花"], ["r", "v", "q", "v", "n"], ["ta1", "na2", "hu2", "jiao1", "hua1"]),
        (["她拿", "壶", "浇花"], ["r", "q", "v"], ["ta1 na2", "hu2", "jiao1 hua1"]),
    ],
)
def test_a_classifier_tag_with_a_verb_after_and_no_count_before_is_a_noun(
    words: list[str], tags: list[str], readings: list[str]
) -> None:
    # Nothing counts 壶 and a verb follows: it is the pot she holds, not "classifier for bottled liquid".
    assert _one(words, tags, readings, "壶").senses[0] == "pot"


def test_a_classifier_with_one_left_out() -> None:
    # Between a verb (with its person) and a noun a classifier stands for 一 + it: 借 我 把 伞.
    g = _one(
        ["借", "我", "把", "伞", "吧"], ["v", "r", "p", "n", "y"], ["jie4", "wo3", "ba3", "san3", "ba5"], "把"
    )
    assert g.senses[0].startswith("classifier for")
    # Glued to its verb by the segmenter, 点 is (一)点 "a bit": 喝点 茶.
    drink = _one(["喝点", "茶", "吧"], ["v", "n", "y"], ["he1 dian3", "cha2", "ba5"], "喝点")
    assert drink.composed and drink.senses == ("喝 to drink + 点 a bit",)


def test_a_numeral_with_its_classifier_is_glossed_from_its_parts() -> None:
    # 一道 is an entry ("together"), but before a noun it counts it: 一 + 道 (the classifier).
    g = _one(["他", "做", "了", "一道", "题"], ["r", "v", "ul", "m", "n"],
             ["ta1", "zuo4", "le5", "yi1 dao4", "ti2"], "一道")  # fmt: skip
    assert g.composed and g.senses[0].startswith("一 one + 道 classifier")
    # An entry that is itself a quantity stays: 一点 "a bit".
    some = _one(["我", "买", "了", "一点", "水果"], ["r", "v", "ul", "m", "n"],
                ["wo3", "mai3", "le5", "yi1 dian3", "shui3 guo3"], "一点")  # fmt: skip
    assert not some.composed and some.senses[0] == "a bit"


def test_a_counted_noun_is_the_sense_its_classifiers_count() -> None:
    # CC-CEDICT lists 位 after 领导's "leader": three 位 of them are leaders, not leadership.
    g = _one(["三位", "领导", "都", "来", "了"], ["m", "n", "d", "v", "ul"],
             ["san1 wei4", "ling3 dao3", "dou1", "lai2", "le5"], "领导")  # fmt: skip
    assert g.senses[0] == "leader"


def test_a_person_named_in_a_note_is_no_missing_company() -> None:
    # "(of a woman) to marry": the woman is the subject, mostly a pronoun, not a word to find nearby.
    g = _one(
        ["她", "要", "嫁", "人", "了"],
        ["r", "v", "v", "n", "ul"],
        ["ta1", "yao4", "jia4", "ren2", "le5"],
        "嫁",
    )
    assert g.senses[0] == "(of a woman) to marry"


def test_a_question_asks_how_many_a_statement_says_a_few() -> None:
    tags = ["r", "v", "m", "n", "x"]
    asked = _one(
        ["你", "有", "几个", "朋友", "？"], tags, ["ni3", "you3", "ji3 ge4", "peng2 you5", ""], "几个"
    )
    told = _one(
        ["我", "有", "几个", "朋友", "。"], tags, ["wo3", "you3", "ji3 ge4", "peng2 you5", ""], "几个"
    )
    assert (asked.senses[0], told.senses[0]) == ("how many", "a few")


def test_no_particle_opens_a_clause_so_a_misread_particle_is_a_noun() -> None:
    # The pinyin layer may read 地 as the particle de; at the start of a clause it is the ground.
    g = _one(["地", "太", "湿", "了", "，", "别", "坐"], ["uv", "d", "a", "ul", "x", "d", "v"],
             ["de5", "tai4", "shi1", "le5", "", "bie2", "zuo4"], "地")  # fmt: skip
    assert (g.pinyin, g.senses[0]) == ("di4", "earth")


# ---------------------------------------------------------------- composed glosses
def test_a_word_without_an_entry_is_glossed_from_its_parts() -> None:
    g = _one(["我", "有", "很多", "书"], ["r", "v", "m", "n"], ["wo3", "you3", "hen3 duo1", "shu1"], "很多")
    assert g.composed and g.senses == ("很 quite + 多 many",)
    accident = _one(["交通事故"], ["n"], ["jiao1 tong1 shi4 gu4"], "交通事故")
    assert accident.composed and accident.senses == ("交通 traffic + 事故 accident",)
    assert (accident.trad, accident.pinyin) == ("交通事故", "jiao1 tong1 shi4 gu4")


def test_a_verb_said_twice_is_glossed_once_with_what_doubling_adds() -> None:
    g = _one(["你", "尝尝"], ["r", "v"], ["ni3", "chang2 chang5"], "尝尝")
    assert g.composed and g.senses[0].startswith("尝 to taste") and "said twice" in g.senses[0]


def test_a_verbs_yixia_before_its_object_is_no_count() -> None:
    readings = ["qing3", "gai4 kuo4", "yi2 xia4", "nei4 rong2"]
    g = _one(["请", "概括", "一下", "内容"], ["v", "v", "m", "n"], readings, "一下")
    assert not g.composed and g.senses[0] == "(used after a verb) give it a go", g.senses


def test_a_word_the_tagger_took_for_a_noun_but_done_is_no_count() -> None:
    # The tagger calls 整理 a noun after 一起; 了 after it shows a verb: 一起 is "together", no 一 + 起.
    readings = ["wo3 men5", "yi4 qi3", "zheng3 li3", "le5", "wu1 zi5"]
    words, tags = ["我们", "一起", "整理", "了", "屋子"], ["r", "m", "n", "ul", "n"]
    g = _one(words, tags, readings, "一起")
    assert not g.composed and "together" in g.senses, g.senses
    counted = _one(
        ["河", "里", "有", "三条", "船"],
        ["n", "f", "v", "m", "n"],
        ["he2", "li3", "you3", "san1 tiao2", "chuan2"],
        "三条",
    )
    assert counted.composed, counted.senses  # a count, still: three + classifier


def test_a_radical_index_entry_is_no_meaning_and_a_plural_marker_is_short() -> None:
    one = _one(
        ["一口", "中文"], ["m", "nz"], ["yi4 kou3", "zhong1 wen2"], "一口", "He speaks fluent Chinese."
    )
    assert "radical" not in one.senses[0], one.senses
    friends = _one(["朋友们"], ["n"], ["peng2 you5 men5"], "朋友们")
    assert friends.senses == ("朋友 friend + 们 plural marker",)


def test_a_composed_complement_is_its_result_not_a_time() -> None:
    g = _one(
        ["他", "拍下", "了", "照片"],
        ["r", "v", "ul", "n"],
        ["ta1", "pai1 xia4", "le5", "zhao4 pian4"],
        "拍下",
    )
    assert g.composed and g.senses[0].endswith("下 down"), g.senses
    # a part before its complement is the verb, whatever its tag alone (换 nz), and the complement says so
    done = _one(["要", "做好", "准备"], ["v", "v", "v"], ["yao4", "zuo4 hao3", "zhun3 bei4"], "做好")
    assert done.senses[0].endswith("好 (after a verb: completion)"), done.senses
    away = _one(["把", "它", "换掉"], ["p", "r", "v"], ["ba3", "ta1", "huan4 diao4"], "换掉")
    assert away.senses[0].endswith("掉 (after a verb: completion)"), away.senses


def test_a_localizer_after_a_thing_tagged_a_classifier_is_a_place() -> None:
    g = _one(["装", "在", "盒里"], ["v", "p", "s"], ["zhuang1", "zai4", "he2 li3"], "盒里", "In the box.")
    assert g.composed and g.senses[0].endswith("里 inside"), g.senses


def test_a_composed_part_says_the_alternative_the_translation_uses() -> None:
    from deckbuilder.senses.compose import _short
    from deckbuilder.senses.context import english_keys
    from deckbuilder.senses.shapes import parse

    sense = (parse("to eat; to consume"),)
    assert _short(sense, en=english_keys("The fire consumed the house.")) == "to consume"
    assert _short(sense, en=english_keys("He went home.")) == "to eat"


def test_an_erhua_quantity_after_an_adjective_is_a_bit() -> None:
    g = _one(["你", "早点儿", "回来"], ["r", "d", "v"], ["ni3", "zao3 dian3 r5", "hui2 lai2"], "早点儿")
    assert g.senses == ("早 early + 点儿 a bit",), g.senses


def test_an_erhua_word_is_glossed_as_its_stem() -> None:
    g = _one(["这", "是", "名牌儿"], ["r", "v", "n"], ["zhe4", "shi4", "ming2 pai2 r5"], "名牌儿")
    assert g.composed and g.senses[0].startswith("名牌 famous brand") and "child" not in g.senses[0]


def test_a_composed_part_between_two_verbs_takes_its_grammatical_sense_without_notes() -> None:
    # 来 between 分析 and 看 links them ("in order to"), not "hither (directional complement …" cut open;
    # the construction's note comes first ("judging from").
    words, tags = ["分析", "来看", "，", "结果", "很", "好"], ["vn", "v", "x", "n", "d", "a"]
    readings = ["fen1 xi1", "lai2 kan4", "", "jie2 guo3", "hen3", "hao3"]
    g = _one(words, tags, readings, "来看")
    assert g.composed and g.senses[0].startswith("(in 从…来看"), g.senses
    assert g.senses[1].startswith("来 in order to + 看 "), g.senses
    assert g.senses[1].count("(") == g.senses[1].count(")")


def test_up_after_handing_over_is_a_direction_not_success() -> None:
    # 交 上来: handed up to the teacher, not CC-CEDICT's "(verb complement indicating success)" (答上来).
    g = _one(
        ["请", "把", "作业", "交上来"],
        ["v", "p", "n", "v"],
        ["qing3", "ba3", "zuo4 ye4", "jiao1 shang4 lai5"],
        "交上来",
    )
    assert g.composed and g.senses[0].endswith("上来 to come up"), g.senses


@pytest.mark.parametrize(
    ("words", "tags", "readings", "target", "first"),
    [
        # 多 before a verb asks for more of it; after a degree word it is "many; much" (很 多).
        (["你", "要", "多", "喝", "水"], ["r", "v", "m", "v", "n"],
         ["ni3", "yao4", "duo1", "he1", "shui3"], "多", "(before a verb) more"),
        (["他", "的", "书", "很", "多"], ["r", "uj", "n", "d", "m"],
         ["ta1", "de5", "shu1", "hen3", "duo1"], "多", "many; much"),
        # 天 before a word of weather is the weather; 这 after a verb of motion is a place.
        (["天", "冷", "了"], ["n", "a", "ul"], ["tian1", "leng3", "le5"], "天",
         "(before a word of weather) the weather"),
        (["快", "来", "这", "看看"], ["d", "v", "r", "v"], ["kuai4", "lai2", "zhe4", "kan4 kan5"], "这",
         "(after a verb of motion, for 这儿) here"),
        (["这", "是", "我", "的", "书"], ["r", "v", "r", "uj", "n"],
         ["zhe4", "shi4", "wo3", "de5", "shu1"], "这", "(pronoun) this; these"),
        # 在 before a place and the clause's verb is a preposition; before a verb it marks progress.
        (["我们", "在", "公园", "散步"], ["r", "p", "n", "v"],
         ["wo3 men5", "zai4", "gong1 yuan2", "san4 bu4"], "在",
         "(preposition before a place or time) at; in; on"),
        (["他", "在", "吃饭"], ["r", "p", "v"], ["ta1", "zai4", "chi1 fan4"], "在",
         "(used before a verb to indicate an action in progress)"),
        # (等 is u to the tagger, a verb all the same)
        (["他", "在", "外面", "等", "你"], ["r", "p", "f", "u", "r"],
         ["ta1", "zai4", "wai4 mian4", "deng3", "ni3"], "在",
         "(preposition before a place or time) at; in; on"),
        # After a verb 在 gives the place or time of its action, also when the tagger took the verb for a
        # noun after its subject; after a verb that takes a verb phrase (想) it opens a place as before.
        (["她", "躲", "在", "门", "后"], ["r", "v", "p", "n", "f"],
         ["ta1", "duo3", "zai4", "men2", "hou4"], "在", "(preposition before a place or time) at; in; on"),
        (["猫", "消失", "在", "树林", "里"], ["n", "n", "p", "n", "f"],
         ["mao1", "xiao1 shi1", "zai4", "shu4 lin2", "li3"], "在",
         "(preposition before a place or time) at; in; on"),
        (["我", "想", "在", "图书馆", "看书"], ["r", "v", "p", "n", "v"],
         ["wo3", "xiang3", "zai4", "tu2 shu1 guan3", "kan4 shu1"], "在",
         "(preposition before a place or time) at; in; on"),
        # After a verb, what follows need not be tagged a place: 存 在 安全 的 地方, 放 在 盒 q 里.
        (["把", "书", "放", "在", "干净", "的", "地方"], ["p", "n", "v", "p", "a", "uj", "n"],
         ["ba3", "shu1", "fang4", "zai4", "gan1 jing4", "de5", "di4 fang5"], "在",
         "(preposition before a place or time) at; in; on"),
        (["他", "把", "笔", "放", "在", "盒", "里"], ["r", "p", "n", "v", "p", "q", "f"],
         ["ta1", "ba3", "bi3", "fang4", "zai4", "he2", "li3"], "在",
         "(preposition before a place or time) at; in; on"),
        # A word the tagger took for a verb heading a noun phrase before the clause's verb is a place.
        (["她", "在", "销售", "部门", "上班"], ["r", "p", "vn", "n", "v"],
         ["ta1", "zai4", "xiao1 shou4", "bu4 men2", "shang4 ban1"], "在",
         "(preposition before a place or time) at; in; on"),
        (["他", "在", "学习", "汉语", "知识"], ["r", "p", "v", "nz", "v"],
         ["ta1", "zai4", "xue2 xi2", "han4 yu3", "zhi1 shi5"], "在",
         "(used before a verb to indicate an action in progress)"),
        # A place opening the sentence before a comma is where what follows happens.
        (["在", "山", "上", "，", "我们", "看到", "了", "雪"], ["p", "n", "f", "x", "r", "v", "ul", "n"],
         ["zai4", "shan1", "shang4", "", "wo3 men5", "kan4 dao4", "le5", "xue3"], "在",
         "(preposition before a place or time) at; in; on"),
        # 过去 after a verb, where CC-CEDICT has only "(verb suffix)": its direction.
        (["他", "晕", "了", "过去"], ["r", "v", "ul", "v"], ["ta1", "yun1", "le5", "guo4 qu5"], "过去",
         "(after a verb) over; away"),
        # 的 closing its clause after what it describes: "the red one".
        (["我", "要", "红", "的"], ["r", "v", "a", "uj"], ["wo3", "yao4", "hong2", "de5"], "的",
         "(used to form a nominal expression)"),
        # 与其 … 不如: "it would be better to".
        (["与其", "等待", "，", "不如", "行动"], ["c", "v", "x", "c", "v"],
         ["yu3 qi2", "deng3 dai4", "", "bu4 ru2", "xing2 dong4"], "不如", "it would be better to"),
        # 也 after a concession is "still"; 呢 ending a question with a question word softens it.
        (["即使", "很", "累", "，", "他", "也", "不", "休息"], ["c", "d", "a", "x", "r", "d", "d", "v"],
         ["ji2 shi3", "hen3", "lei4", "", "ta1", "ye3", "bu4", "xiu1 xi5"], "也",
         "(after 即使, 虽然 …) still; even so"),
        (["你", "去", "哪儿", "呢", "？"], ["r", "v", "r", "y", "x"], ["ni3", "qu4", "nar3", "ne5", ""], "呢",
         "(ending a question with a question word) softens the question"),
        # 也 before a negation after a count of one, 连 or a question word is "even"; elsewhere "also".
        (["这", "道", "题", "一点儿", "也", "不", "难"], ["r", "q", "n", "m", "d", "d", "a"],
         ["zhe4", "dao4", "ti2", "yi4 dian3 r5", "ye3", "bu4", "nan2"], "也",
         "(in 一…也不, 连…也, 什么也不) even; (not) at all"),
        (["屋", "里", "一", "个", "人", "也", "没有"], ["n", "f", "m", "q", "n", "d", "v"],
         ["wu1", "li3", "yi2", "ge4", "ren2", "ye3", "mei2 you3"], "也",
         "(in 一…也不, 连…也, 什么也不) even; (not) at all"),
        (["她", "什么", "也", "不", "想", "吃"], ["r", "r", "d", "d", "v", "v"],
         ["ta1", "shen2 me5", "ye3", "bu4", "xiang3", "chi1"], "也",
         "(in 一…也不, 连…也, 什么也不) even; (not) at all"),
        (["我", "也", "不", "想", "吃"], ["r", "d", "d", "v", "v"], ["wo3", "ye3", "bu4", "xiang3", "chi1"],
         "也", "(adverb) also; both ... and ... (before predicates only)"),
        # 开 before a meeting or a party holds it; 成 after a verb is what the action turns a thing into.
        (["公司", "开", "了", "一个", "晚会"], ["n", "v", "ul", "m", "n"],
         ["gong1 si1", "kai1", "le5", "yi2 ge4", "wan3 hui4"], "开", "(before a meeting or party) to hold"),
        (["他", "开", "了", "窗户"], ["r", "v", "ul", "n"], ["ta1", "kai1", "le5", "chuang1 hu5"], "开",
         "to open (transitive or intransitive)"),
        (["把", "这", "句", "话", "翻译", "成", "英文"], ["p", "r", "q", "n", "v", "v", "nz"],
         ["ba3", "zhe4", "ju4", "hua4", "fan1 yi4", "cheng2", "ying1 wen2"], "成", "to become"),
        # 啊 closing an exclamation adds feeling; elsewhere it affirms.
        (["这里", "的", "风景", "多么", "美", "啊", "！"], ["r", "uj", "n", "d", "a", "y", "x"],
         ["zhe4 li3", "de5", "feng1 jing3", "duo1 me5", "mei3", "a5", ""], "啊",
         "(ending an exclamation) adds feeling: how …!"),
        (["是", "啊", "，", "我", "知道"], ["v", "y", "x", "r", "v"],
         ["shi4", "a5", "", "wo3", "zhi1 dao5"], "啊",
         "modal particle ending sentence, showing affirmation, approval, or consent"),
        # 要 + what 的 names, closing the clause, is "to want" that one.
        (["这次", "要", "新", "的"], ["r", "v", "a", "uj"], ["zhe4 ci4", "yao4", "xin1", "de5"], "要",
         "to want; to need; to ask for"),
        # One engages in a field of work, and is in touch with the people 和 names.
        (["她", "从事", "教育", "工作"], ["r", "v", "vn", "vn"],
         ["ta1", "cong2 shi4", "jiao4 yu4", "gong1 zuo4"], "从事", "to engage in"),
        (["我", "常", "和", "邻居", "接触"], ["r", "d", "c", "n", "v"],
         ["wo3", "chang2", "he2", "lin2 ju1", "jie1 chu4"], "接触", "to contact"),
        # 做 + a person's role closing the clause is "to be" one (做 编辑 "editor").
        (["他", "想", "做", "编辑", "。"], ["r", "v", "v", "vn", "x"],
         ["ta1", "xiang3", "zuo4", "bian1 ji2", ""], "做",
         "(of a person) to be (an intermediary, a good student etc); to become (husband and wife, "
         "friends etc)"),
        # A colour's sense where the sentence names a colour: 浅 的 蓝色 "light (color)".
        (["她", "穿", "浅", "蓝色", "的", "裙子"], ["r", "v", "a", "n", "uj", "n"],
         ["ta1", "chuan1", "qian3", "lan2 se4", "de5", "qun2 zi5"], "浅", "light (color)"),
        # 般 closing a likeness 像 or 如同 opened is "like".
        (["她", "像", "花", "般", "美丽"], ["r", "v", "n", "u", "a"],
         ["ta1", "xiang4", "hua1", "ban1", "mei3 li4"], "般", "(in 像…般, 如同…般) like; as if"),
        # 连 with 也 or 都 after it is "even".
        (["连", "老师", "都", "不", "知道"], ["v", "n", "d", "d", "v"],
         ["lian2", "lao3 shi1", "dou1", "bu4", "zhi1 dao5"], "连", "(used with 也, 都 etc) even"),
    ],
)  # fmt: skip
def test_a_construction_the_dictionary_has_no_sense_for_gets_a_note(
    words: list[str], tags: list[str], readings: list[str], target: str, first: str
) -> None:
    assert _one(words, tags, readings, target).senses[0] == first


def test_a_word_built_from_its_parts_gets_the_note_of_its_construction() -> None:
    # 对 … 来说 is "for", 从 … 来看 "judging from"; 一口 before a language is a way of speaking it, before
    # food a mouthful (no note).
    for_me = _one(["对", "孩子", "来说", "，", "这", "很", "难"], ["p", "n", "v", "x", "r", "d", "a"],
                  ["dui4", "hai2 zi5", "lai2 shuo1", "", "zhe4", "hen3", "nan2"], "来说")  # fmt: skip
    judging = _one(["从", "结果", "来看", "，", "他", "错", "了"], ["p", "n", "v", "x", "r", "v", "ul"],
                   ["cong2", "jie2 guo3", "lai2 kan4", "", "ta1", "cuo4", "le5"], "来看")  # fmt: skip
    speech = _one(["她", "说", "一口", "流利", "的", "英语"], ["r", "v", "m", "a", "uj", "nz"],
                  ["ta1", "shuo1", "yi4 kou3", "liu2 li4", "de5", "ying1 yu3"], "一口")  # fmt: skip
    bite = _one(["他", "咬", "了", "一口", "苹果"], ["r", "v", "ul", "m", "n"],
                ["ta1", "yao3", "le5", "yi4 kou3", "ping2 guo3"], "一口")  # fmt: skip
    assert for_me.composed and for_me.senses[0] == "(in 对…来说) for; as far as … is concerned"
    assert judging.senses[0] == "(in 从…来看, 综合来看) judging from; looking at it"
    assert speech.senses[0] == "(in 说一口…话) one's way of speaking a language or accent"
    assert not bite.senses[0].startswith("(in 说一口")
    rather = _one(["与其", "说", "他", "懒", "，", "不如说", "他", "累"],
                  ["c", "v", "r", "a", "x", "c", "r", "a"],
                  ["yu3 qi2", "shuo1", "ta1", "lan3", "", "bu4 ru2 shuo1", "ta1", "lei4"],
                  "不如说")  # fmt: skip
    assert rather.senses[0] == "(in 与其说…不如说) it is truer to say; rather"


def test_a_verb_split_from_its_object_shows_the_word_they_make() -> None:
    # 下 了 一场 雨: CC-CEDICT's 下雨 "to rain", after 下's own best sense; no note where the object is
    # only the start of a noun phrase (做 了 一个 小 手术: not 做小).
    rain = _one(["昨天", "下", "了", "一场", "雨"], ["t", "f", "ul", "m", "n"],
                ["zuo2 tian1", "xia4", "le5", "yi4 chang2", "yu3"], "下")  # fmt: skip
    assert rain.senses[1] == "(in 下…雨) to rain", rain.senses
    regard = _one(["老师", "视", "他", "为", "朋友"], ["n", "v", "r", "p", "n"],
                  ["lao3 shi1", "shi4", "ta1", "wei2", "peng2 you5"], "视")  # fmt: skip
    assert "(in 视…为) to view as" in regard.senses, regard.senses
    cure = _one(["他", "做", "了", "一个", "小", "手术"], ["r", "v", "ul", "m", "a", "n"],
                ["ta1", "zuo4", "le5", "yi2 ge4", "xiao3", "shou3 shu4"], "做")  # fmt: skip
    assert not any(s.startswith("(in ") for s in cure.senses), cure.senses


def test_a_statement_closed_by_ne_affirms_unless_something_goes_on() -> None:
    plain = _one(["我", "想", "喝", "茶", "呢", "。"], ["r", "v", "v", "n", "y", "x"],
                 ["wo3", "xiang3", "he1", "cha2", "ne5", ""], "呢")  # fmt: skip
    going = _one(["他", "正在", "睡觉", "呢", "。"], ["r", "d", "v", "y", "x"],
                 ["ta1", "zheng4 zai4", "shui4 jiao4", "ne5", ""], "呢")  # fmt: skip
    assert plain.senses[0] == "particle indicating strong affirmation", plain.senses
    assert going.senses[0].endswith("particle indicating continuation of a state or action"), going.senses


def test_a_pronunciation_note_is_no_sense() -> None:
    # CC-CEDICT's 尾巴 "tail / colloquial pr. [yi3 ba5]": the note is no sense to show.
    g = _one(
        ["狗", "的", "尾巴", "很", "长"],
        ["n", "uj", "n", "d", "a"],
        ["gou3", "de5", "wei3 ba5", "hen3", "chang2"],
        "尾巴",
    )
    assert g.senses == ("tail",), g.senses


def test_not_very_and_a_request_opened_by_a_preposition() -> None:
    # 不 太: "very", not "too (much)"; 请 用 …: a request, "please", whatever the verb's tag.
    g = _one(["效率", "不太", "高"], ["n", "d", "a"], ["xiao4 lv4", "bu4 tai4", "gao1"], "不太")
    assert g.senses[0] == "不 not + 太 very", g.senses
    please = _one(
        ["请", "用", "铅笔", "写字"], ["v", "p", "n", "n"], ["qing3", "yong4", "qian1 bi3", "xie3 zi4"], "请"
    )
    assert please.senses[0] == "please (do sth)", please.senses


def test_a_numeral_and_a_unit_of_money_are_an_amount() -> None:
    # 一元 is "one yuan" wherever it stands, not CC-CEDICT's 一元 "univariate (math.)".
    g = _one(
        ["一元", "等于", "十", "角"],
        ["m", "v", "m", "q"],
        ["yi1 yuan2", "deng3 yu2", "shi2", "jiao3"],
        "一元",
    )
    assert g.composed and g.senses[0].startswith("一 one + 元 currency unit"), g.senses


def test_a_come_after_a_verb_of_direction_completes_it() -> None:
    # 蹲下 来 before another verb is "hither", the direction, not 来 "in order to" between two verbs.
    g = _one(
        ["他", "蹲下来", "系", "鞋"], ["r", "v", "v", "n"], ["ta1", "dun1 xia4 lai2", "ji4", "xie2"], "蹲下来"
    )
    assert g.composed and "来 hither" in g.senses[0], g.senses


def test_a_long_note_of_a_composed_part_is_cut_and_closed() -> None:
    # 第 "(prefix indicating ordinal number, as in …)": cut short, its bracket still closed.
    g = _one(["这", "是", "第三", "次"], ["r", "v", "m", "q"], ["zhe4", "shi4", "di4 san1", "ci4"], "第三")
    assert g.composed and g.senses[0].startswith("第 (prefix indicating ordinal"), g.senses
    assert g.senses[0].count("(") == g.senses[0].count(")"), g.senses


def test_a_name_the_dictionary_lacks_is_marked_as_a_name() -> None:
    g = _one(["王小明", "来", "了"], ["nr", "v", "ul"], ["wang2 xiao3 ming2", "lai2", "le5"], "王小明",
             names=[True, False, False])  # fmt: skip
    assert g.senses == (senses.NAME,) and not g.composed


def test_a_place_the_dictionary_lacks_is_glossed_from_its_parts() -> None:
    g = _one(["北京大学城"], ["ns"], ["bei3 jing1 da4 xue2 cheng2"], "北京大学城", names=[True])
    assert g.composed and g.senses[0].startswith("北京大学 Peking University + 城 ")


def test_a_translation_is_not_followed_by_descriptions_of_uses() -> None:
    # 他 "he; him", not also "(used before sb's name for emphasis)"; a particle keeps its several uses.
    he = _one(["他", "来", "了"], ["r", "v", "ul"], ["ta1", "lai2", "le5"], "他")
    assert len(he.senses) == 1 and he.senses[0].startswith("he; him")
    of = _one(["我", "的", "书"], ["r", "uj", "n"], ["wo3", "de5", "shu1"], "的")
    assert of.senses[0].startswith("of; ~'s") and len(of.senses) > 1


def test_tokens_without_a_reading_get_no_gloss() -> None:
    out = gloss_sentence(["我", "。"], ["r", "x"], [("wo3",), ()], zh="我。")
    assert out[1] is None and out[0] is not None


# ---------------------------------------------------------------- clean text
@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("world (CL:個|个[ge4])", "world"),
        ("light; ray (CL:道[dao4])", "light; ray"),
        ("(used to put the object before the verb: 把[ba3] + {noun} + {verb})",
         "(used to put the object before the verb: 把 + noun + verb)"),
        ("(bound form) a moment (Taiwan pr. [hui3])", "(bound form) a moment"),
        ("to travel; see also 旅行|旅行[lu:3 xing2]", "to travel; see also 旅行"),
        ("equivalent to 就[jiu4]: then", "equivalent to 就: then"),
        ("CL:本[ben3]", ""),
        ("stray ) parenthesis (", "stray parenthesis"),
    ],
)  # fmt: skip
def test_clean_removes_markup(raw: str, shown: str) -> None:
    assert senses.clean(raw) == shown


def test_no_shown_sense_anywhere_keeps_markup() -> None:
    for word in list(cedict.words())[::25]:  # a sample of the whole file
        for entry in cedict.lookup(word):
            for raw in entry.senses:
                text = senses.clean(raw)
                assert not any(mark in text for mark in ("[", "]", "{", "}", "|", "CL:", "&#")), raw
                assert text.count("(") == text.count(")"), raw


def test_classifiers_are_separate_from_the_senses() -> None:
    g = _one(["一", "本", "书"], ["m", "q", "n"], ["yi1", "ben3", "shu1"], "书")
    assert "本 běn" in g.classifier
    assert not any("CL:" in s for s in g.senses)


# ---------------------------------------------------------------- through the annotate stage
def test_enrich_stores_the_glosses_on_the_tokens() -> None:
    pair = Pair("吃完饭后我们去散步。", "After dinner we go for a walk.", "test")
    tokens = {t.text: t for t in enrich(segment(pair)).tokens}
    after = tokens["后"]
    assert (after.trad, after.cedict_pinyin) == ("後", "hou4")
    assert after.senses[0] == "after"
    assert after.gloss == senses.SEPARATOR.join(after.senses)
    assert tokens["。"].senses == () and tokens["。"].gloss == ""


def test_enrich_reads_traditional_input_as_written() -> None:
    pair = Pair("他三天后回来。", "", "test", zh_original="他三天後回來。")
    after = next(t for t in enrich(segment(pair)).tokens if t.text == "后")
    assert after.trad == "後"


def test_an_adjective_between_its_subject_and_the_verb_is_an_adverb() -> None:
    # The tagger calls 一般 an adjective; before the verb phrase it means "generally", not "same".
    words, tags = ["我们", "一般", "不", "喝", "酒"], ["r", "a", "d", "v", "n"]
    readings = ["wo3 men5", "yi4 ban1", "bu4", "he1", "jiu3"]
    assert _one(words, tags, readings, "一般").senses[0] == "generally"
    predicate = _one(["这个", "很", "一般"], ["r", "d", "a"], ["zhe4 ge5", "hen3", "yi4 ban1"], "一般")
    assert predicate.senses[0] != "generally"  # said of something: an adjective


def test_zai_before_a_place_is_located_at_and_before_a_verb_the_progressive() -> None:
    place = _one(
        ["他", "在", "公司", "工作"], ["r", "p", "n", "v"], ["ta1", "zai4", "gong1 si1", "gong1 zuo4"], "在"
    )
    assert place.senses[:2] == (
        "(preposition before a place or time) at; in; on",
        "(of sb or sth) to be (located) at",
    )
    doing = _one(["他", "在", "学习"], ["r", "p", "v"], ["ta1", "zai4", "xue2 xi2"], "在")
    assert doing.senses[0].startswith("(used before a verb")


def test_please_opens_a_request_through_a_prepositions_phrase() -> None:
    words, tags = ["请", "把", "窗帘", "拉开"], ["v", "p", "n", "v"]
    readings = ["qing3", "ba3", "chuang1 lian2", "la1 kai1"]
    assert _one(words, tags, readings, "请", en="Pull the curtains open.").senses[0] == "please (do sth)"
    asked = _one(
        ["他", "请", "我", "帮忙"], ["r", "v", "r", "v"], ["ta1", "qing3", "wo3", "bang1 mang2"], "请"
    )
    assert asked.senses[0] != "please (do sth)"  # someone asks someone: the verb


# ---------------------------------------------------------------- issue 12: composed parts and variants
def test_a_composed_classifier_names_the_kind_it_counts() -> None:
    # 座 counts buildings and mountains: before 山 the part says mountains; where the list names no kind of
    # the noun, its start is shown, not its first kind alone (一份 报纸 … ; 三把 椅子).
    hills = _one(["三座", "山"], ["m", "n"], ["san1 zuo4", "shan1"], "三座")
    assert hills.composed and hills.senses[0] == "三 three + 座 classifier for mountains"
    copy = _one(["两份", "合同"], ["m", "n"], ["liang3 fen4", "he2 tong5"], "两份")
    assert copy.senses[0] == "两 two + 份 classifier for contracts", copy.senses
    chairs = _one(["三把", "椅子"], ["m", "n"], ["san1 ba3", "yi3 zi5"], "三把")
    assert chairs.senses[0] == "三 three + 把 classifier for things with handles", chairs.senses


def test_a_part_before_a_place_localizer_is_a_thing_and_the_localizer_a_place() -> None:
    # 桌上 "on the table" reads 桌 + 上 "on"; 树 before 上 is the tree, not "to cultivate".
    tree = _one(["猫", "在", "树上"], ["n", "p", "s"], ["mao1", "zai4", "shu4 shang4"], "树上")
    assert tree.composed and tree.senses[0] == "树 tree + 上 on", tree.senses


def test_a_surname_after_xiao_or_lao_is_the_persons() -> None:
    g = _one(
        ["小李", "走", "了"],
        ["", "v", "ul"],
        ["xiao3 li3", "zou3", "le5"],
        "小李",
        names=[True, False, False],
    )
    assert g.composed and g.senses[0] == "小 small + 李 surname Li", g.senses


def test_an_erhua_variant_shows_the_meaning_of_the_word_it_varies() -> None:
    g = _one(
        ["他", "爱", "吃", "面条儿"], ["r", "v", "v", "n"], ["ta1", "ai4", "chi1", "mian4 tiao2 r5"], "面条儿"
    )
    assert g.senses == ("noodles",) and g.pinyin == "mian4 tiao2 r5"


def test_a_classifier_tagged_word_closing_the_sentence_counts_nothing() -> None:
    # 家 after 回 with nothing after it is "home", not "classifier for families".
    g = _one(["他", "回", "家", "。"], ["r", "v", "q", "x"], ["ta1", "hui2", "jia1", ""], "家")
    assert g.senses[0] == "home", g.senses


# ---------------------------------------------------------------- issue 12: grammatical senses
@pytest.mark.parametrize(
    ("words", "tags", "readings", "target", "expected"),
    [
        # 并 before a negation strengthens it: "(not) at all", not "and".
        (["她", "并", "没", "生气"], ["r", "c", "d", "v"], ["ta1", "bing4", "mei2", "sheng1 qi4"], "并",
         "(not) at all"),
        # 以 … 闻名: known "because of" something.
        (["这个", "小镇", "以", "温泉", "闻名"], ["r", "n", "p", "n", "v"],
         ["zhe4 ge4", "xiao3 zhen4", "yi3", "wen1 quan2", "wen2 ming2"], "以", "because of"),
        # A means, then 来 and a verb: 来 links means and purpose.
        (["他", "用", "手机", "来", "拍照"], ["r", "p", "n", "v", "v"],
         ["ta1", "yong4", "shou3 ji1", "lai2", "pai1 zhao4"], "来", "(between two verbs) in order to"),
        # 将 before its object and a verb is 把.
        (["请", "将", "窗户", "打开"], ["v", "d", "n", "v"], ["qing3", "jiang1", "chuang1 hu5", "da3 kai1"],
         "将", "(introduces object of main verb"),
        # 在 … 的时候 says when, not an action in progress.
        (["我", "在", "睡觉", "的", "时候", "他", "来", "了"], ["r", "p", "v", "uj", "n", "r", "v", "ul"],
         ["wo3", "zai4", "shui4 jiao4", "de5", "shi2 hou5", "ta1", "lai2", "le5"], "在",
         "to be (located) at"),
        # A declarative 呢 ends no question: 他们呢？ asks "what about them?".
        (["他们", "呢", "？"], ["r", "y", "x"], ["ta1 men5", "ne5", ""], "呢", "What about"),
        (["她", "还", "在", "睡", "呢", "。"], ["r", "d", "p", "v", "y", "x"],
         ["ta1", "hai2", "zai4", "shui4", "ne5", ""], "呢", "continuation of a state"),
        # A classifier standing for 一 + it after a verb: 吃 点 东西 "a bit".
        (["你", "吃", "点", "东西", "吧"], ["r", "v", "m", "n", "y"],
         ["ni3", "chi1", "dian3", "dong1 xi5", "ba5"], "点", "a bit"),
    ],
)  # fmt: skip
def test_grammatical_senses_of_constructions(
    words: list[str], tags: list[str], readings: list[str], target: str, expected: str
) -> None:
    g = _one(words, tags, readings, target)
    assert expected in g.senses[0], g.senses


# ---------------------------------------------------------------- issue 12: the class a word is used in
def test_a_verbal_noun_heading_a_noun_phrase_is_the_noun() -> None:
    # After 一个 or a verb, 活动 is an "activity", not "to exercise" or "shaky".
    held = _one(["学校", "办", "了", "一个", "活动"], ["n", "v", "ul", "m", "vn"],
                ["xue2 xiao4", "ban4", "le5", "yi1 ge4", "huo2 dong4"], "活动")  # fmt: skip
    assert held.senses[0] == "activity", held.senses
    moving = _one(["老人", "在", "公园", "活动"], ["n", "p", "n", "vn"],
                  ["lao3 ren2", "zai4", "gong1 yuan2", "huo2 dong4"], "活动")  # fmt: skip
    assert moving.senses[0].startswith("to "), moving.senses


def test_an_adjective_after_a_negation_is_said_of_someone() -> None:
    g = _one(["他", "不", "骄傲"], ["r", "d", "a"], ["ta1", "bu4", "jiao1 ao4"], "骄傲")
    assert g.senses[0] == "conceited", g.senses


def test_a_bare_erhua_classifier_after_a_verb_and_its_le_is_a_bit() -> None:
    g = _one(["他", "吃", "了", "点儿", "面包"], ["r", "v", "ul", "n", "n"],
             ["ta1", "chi1", "le5", "dian3 r5", "mian4 bao1"], "点儿")  # fmt: skip
    assert g.senses[0] == "a bit", g.senses


def test_lai_after_dui_or_you_links_no_means_and_purpose() -> None:
    # 对 我 来说 "as for me": 来 is no "in order to" there; after 用 + a means it is.
    g = _one(["对", "我", "来", "说", "，", "这", "很", "难"], ["p", "r", "v", "v", "x", "r", "d", "a"],
             ["dui4", "wo3", "lai2", "shuo1", "", "zhe4", "hen3", "nan2"], "来")  # fmt: skip
    assert "in order to" not in g.senses[0], g.senses


def test_an_entry_lacking_the_construction_its_last_part_makes_is_read_from_its_parts() -> None:
    # 不好 + an action verb: 不 + 好 "easy to" ("hard to do"); 不好 closing its clause stays "no good".
    hard = _one(["这", "门", "课", "不好", "学"], ["r", "n", "n", "d", "v"],
                ["zhe4", "men2", "ke4", "bu4 hao3", "xue2"], "不好")  # fmt: skip
    assert hard.composed and hard.senses[0] == "不 not + 好 easy to", hard.senses
    bad = _one(["他", "身体", "不好"], ["r", "n", "d"], ["ta1", "shen1 ti3", "bu4 hao3"], "不好")
    assert not bad.composed, bad.senses


# ---------------------------------------------------------------- constructions named by the neighbours
def test_zai_before_a_time_or_a_localized_phrase_is_at_not_the_progressive() -> None:
    at = "(of sb or sth) to be (located) at"
    # A time word or a month after 在, and a phrase a localizer closes (whatever the tagger calls its
    # word), are where or when: "at".
    winter = _one(["我们", "在", "冬天", "滑雪"], ["r", "p", "t", "v"],
                  ["wo3 men5", "zai4", "dong1 tian1", "hua2 xue3"], "在")  # fmt: skip
    may = _one(
        ["他", "在", "五月", "出生"], ["r", "p", "m", "v"], ["ta1", "zai4", "wu3 yue4", "chu1 sheng1"], "在"
    )
    work = _one(["他", "在", "工作", "中", "进步"], ["r", "p", "v", "f", "v"],
                ["ta1", "zai4", "gong1 zuo4", "zhong1", "jin4 bu4"], "在")  # fmt: skip
    preposition = "(preposition before a place or time) at; in; on"
    assert winter.senses[:2] == may.senses[:2] == (preposition, at) and work.senses[0] == preposition
    # A verb with its object is still the action in progress.
    busy = _one(["他", "在", "写", "信"], ["r", "p", "v", "n"], ["ta1", "zai4", "xie3", "xin4"], "在")
    assert busy.senses[0].startswith("(used before a verb")
    # ... also with an adverb between (在 不断 推进); a noun a description opens with 的 is a place.
    going = _one(["工作", "在", "不断", "推进"], ["vn", "p", "d", "v"],
                 ["gong1 zuo4", "zai4", "bu2 duan4", "tui1 jin4"], "在")  # fmt: skip
    assert going.senses[0].startswith("(used before a verb"), going.senses
    far = _one(["他", "在", "很", "远", "的", "地方"], ["r", "p", "zg", "a", "uj", "n"],
               ["ta1", "zai4", "hen3", "yuan3", "de5", "di4 fang5"], "在")  # fmt: skip
    assert not far.senses[0].startswith("(used before a verb"), far.senses
    # A verb or a noun the tagger took for one, opening the sentence before 在 and a place closing its
    # clause, is the subject: 在 is "to be at" (入口 在 东边), and 在 一起 is no place.
    entrance = _one(["入口", "在", "东边", "，", "请", "跟", "我", "来"],
                    ["vn", "p", "f", "x", "v", "p", "r", "v"],
                    ["ru4 kou3", "zai4", "dong1 bian5", "", "qing3", "gen1", "wo3", "lai2"],
                    "在")  # fmt: skip
    together = _one(["我们", "住", "在", "一起"], ["r", "v", "p", "m"],
                    ["wo3 men5", "zhu4", "zai4", "yi4 qi3"], "在")  # fmt: skip
    assert preposition not in (entrance.senses[0], together.senses[0])


def test_shang_after_a_noun_the_tagger_took_for_a_verb_is_on() -> None:
    g = _one(["盒子", "上", "有", "字"], ["v", "f", "v", "n"], ["he2 zi5", "shang4", "you3", "zi4"], "上")
    assert g.senses[0] == "(noun suffix) on; above"
    # a place opening the sentence before its subject (会 上 他 …), whatever the tagger calls it
    meeting = _one(["会", "上", "他", "发言", "了"], ["v", "f", "r", "v", "ul"],
                   ["hui4", "shang4", "ta1", "fa1 yan2", "le5"], "上")  # fmt: skip
    assert meeting.senses[0] == "(noun suffix) on; above"
    after_verb = _one(
        ["他", "写", "上", "名字"], ["r", "v", "f", "n"], ["ta1", "xie3", "shang4", "ming2 zi5"], "上"
    )
    assert after_verb.senses[0] != "(noun suffix) on; above"


def test_gen_before_what_is_related_or_done_together_is_with() -> None:
    g = _one(["这", "跟", "钱", "有关"], ["r", "p", "n", "v"], ["zhe4", "gen1", "qian2", "you3 guan1"], "跟")
    assert g.senses[0] == "with"


def test_yao_is_should_after_a_verb_and_its_object_and_before_an_action_tagged_noun() -> None:
    words, tags = ["过", "桥", "要", "小心"], ["ug", "n", "v", "n"]
    g = _one(words, tags, ["guo4", "qiao2", "yao4", "xiao3 xin1"], "要")
    assert g.senses[0] == "need to; should"
    want = _one(["我", "要", "一杯", "茶"], ["r", "v", "m", "n"], ["wo3", "yao4", "yi4 bei1", "cha2"], "要")
    assert want.senses[0].startswith("to want")


def test_yiban_between_a_time_subject_and_a_prepositional_phrase_is_generally() -> None:
    g = _one(
        ["冬天", "一般", "在", "家"],
        ["t", "a", "p", "n"],
        ["dong1 tian1", "yi4 ban1", "zai4", "jia1"],
        "一般",
    )
    assert g.senses[0] == "generally"


def test_a_noun_between_zai_and_a_localizer_and_an_adjective_as_subject_are_nouns() -> None:
    g = _one(["他", "在", "实践", "中", "学"], ["r", "p", "v", "f", "v"],
             ["ta1", "zai4", "shi2 jian4", "zhong1", "xue2"], "实践")  # fmt: skip
    assert g.senses[0] == "practice"
    hard = _one(["困难", "不", "少"], ["an", "d", "a"], ["kun4 nan5", "bu4", "shao3"], "困难")
    assert hard.senses[0] != "difficult"


def test_kaifang_blooms_only_with_flowers_and_maobing_is_an_ailment_of_the_body() -> None:
    park = _one(
        ["博物馆", "免费", "开放"], ["n", "vn", "v"], ["bo2 wu4 guan3", "mian3 fei4", "kai1 fang4"], "开放"
    )
    assert park.senses[0] != "to bloom"
    rose = _one(["花", "开放", "了"], ["n", "v", "ul"], ["hua1", "kai1 fang4", "le5"], "开放")
    assert rose.senses[0] == "to bloom"
    words, tags = ["我", "的", "牙", "有", "毛病"], ["r", "uj", "n", "v", "n"]
    sick = _one(words, tags, ["wo3", "de5", "ya2", "you3", "mao2 bing4"], "毛病")
    assert sick.senses[0] == "ailment"
    car = _one(["车", "有", "毛病"], ["n", "v", "n"], ["che1", "you3", "mao2 bing4"], "毛病")
    assert car.senses[0] == "fault"


def test_guo_before_a_place_is_to_cross_and_zuo_before_a_task_is_to_do() -> None:
    g = _one(["过", "了", "桥", "就", "到"], ["v", "ul", "n", "d", "v"],
             ["guo4", "le5", "qiao2", "jiu4", "dao4"], "过")  # fmt: skip
    assert "(time)" not in g.senses[0]
    task = _one(["他", "做", "练习"], ["r", "v", "vn"], ["ta1", "zuo4", "lian4 xi2"], "做")
    assert task.senses[0].startswith("to do")
    cake = _one(["他", "做", "蛋糕"], ["r", "v", "n"], ["ta1", "zuo4", "dan4 gao1"], "做")
    assert cake.senses[0].startswith("to make")


def test_a_words_own_line_shows_its_next_senses_after_the_best() -> None:
    # The English decides "to put" and "money" first; the entries' next senses still follow on their lines.
    pair = Pair("他把钱放在桌子上。", "He put the money on the table.", "t")
    tokens = {t.text: t for t in enrich(segment(pair)).tokens}
    assert tokens["放"].senses[0] == "to put" and len(tokens["放"].senses) >= 2
    assert tokens["钱"].senses[0] == "money" and len(tokens["钱"].senses) >= 2


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        ("这门课很有意思。", "门", "lessons"),  # the kind that names the noun
        ("他会说三门语言。", "门", "lessons"),  # the broader list, not "large guns"
        ("翻译是一门学问。", "门", "lessons"),  # the noun lists no classifier: the broader list too
        ("山上有一门大炮。", "门", "guns"),
    ],
)
def test_a_classifier_with_several_kinds_takes_the_one_its_noun_fits(text: str, word: str, kind: str) -> None:
    tokens = _words(text)
    assert kind in tokens[word].senses[0], tokens[word].senses


def test_a_measure_sense_keeps_its_place_before_a_noun_that_does_not_list_the_classifier() -> None:
    rice = _words("他抓了把米喂鸡。")
    assert "handful" in rice["把"].senses[0]  # not "for things with handles", the broader "classifier for"
    leaders = _words("两位领导见面了。")
    assert "people" in leaders["位"].senses[0]  # a note in parentheses is no kind ("binary bits (e.g. …)")


@pytest.mark.parametrize(
    ("text", "word", "sense"),
    [
        # no classifier sense in CC-CEDICT: the noun's, not "to pile up"
        ("院子里有一堆木头。", "堆", "pile"),
        ("他每天抽一包烟。", "包", "package"),  # not "to cover"
        ("这类电影我不爱看。", "类", "kind"),  # the noun senses keep their order
    ],
)
def test_a_counted_measure_without_a_classifier_sense_reads_as_its_noun(
    text: str, word: str, sense: str
) -> None:
    tokens = _words(text)
    senses = tokens[word].senses
    assert sense in senses[:2] and not senses[0].startswith("to "), senses


@pytest.mark.parametrize(
    ("text", "word", "part"),
    [
        ("我九点到。", "九", "o'clock"),  # an hour of the clock, written apart from its number (jiǔ diǎn)
        ("我们十二点吃饭。", "十二", "o'clock"),
        ("他提了三点意见。", "三", "classifier"),  # a noun follows: points of it
    ],
)
def test_a_clock_hour_reads_oclock(text: str, word: str, part: str) -> None:
    tokens = _tokens(text)
    k = [t.text for t in tokens].index(word)
    assert tokens[k + 1].text == "点" and tokens[k + 1].senses[0].startswith(part), tokens[k + 1].senses


def test_what_de_describes_is_a_thing_so_hao_after_it_is_no_complement() -> None:
    # 伤 is tagged a verb, but after 的 it is the subject: 好 "good" is its predicate, no verb's result.
    well = _words("她腿上的伤好了。")
    assert well["好"].senses[0] == "good", well["好"].senses


@pytest.mark.parametrize(
    "text",
    ["请把老师的话写下来。", "风停了，湖面平静下来了。"],  # after a verb tagged a noun, after an adjective
)
def test_a_compound_directional_complement_after_its_verb_reads_as_the_complement(text: str) -> None:
    tokens = _words(text)
    assert tokens["下来"].senses[0].startswith("("), tokens["下来"].senses  # not "to come down"


def test_a_complement_cedict_describes_only_as_success_keeps_its_motion() -> None:
    tokens = _words("请把作业交上来。")
    assert tokens["上来"].senses[0] == "to come up", tokens["上来"].senses


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("你肯定觉得我很笨。", "assuredly"),  # before a verb, after its subject: how sure
        ("老师肯定了我的进步。", "to be certain"),  # a verb with its object
    ],
)
def test_a_verb_with_adverb_senses_before_another_verb_says_how_sure(text: str, first: str) -> None:
    tokens = _tokens(text)
    word = next(t for t in tokens if t.text == "肯定")
    assert word.senses[0] == first, word.senses
    # after a measure it is a thing, though a verb follows: no adverb
    tokens = _tokens("这个决定影响了很多人。")
    assert next(t for t in tokens if t.text == "决定").senses[0] != "certainly"


def test_a_noun_with_the_suffix_zi_takes_its_characters_sense_the_translation_says() -> None:
    def first(text: str, en: str, word: str) -> str:
        return _words(text, en)[word].senses[0]

    # CC-CEDICT's 勺子 is "scoop; ladle"; its 勺 also says "spoon", which the translation says
    assert first("妈妈给了我一把勺子。", "Mom gave me a spoon.", "勺子") == "spoon"
    assert first("妈妈给了我一把勺子。", "", "勺子") == "scoop"  # nothing to go by: the entry's own order


def test_closing_words_read_full_are_no_particles_and_paired_words_pair_actions() -> None:
    # 啊 closing a question is the particle, not the interjection "Eh? what?" the English "What" meets.
    assert _words("这是什么啊？", "What is it?")["啊"].senses[0].startswith("modal particle")
    # 哪 after 在, read nǎ, is "where", not the particle na that closes a sentence.
    where = _words("我的伞在哪？", "Where is my umbrella?")["哪"]
    assert "where" in where.senses[0] and not any("particle" in s for s in where.senses), where.senses
    # 一边 said twice in a clause pairs two actions; once, it is a side.
    assert _words("他一边走一边唱。")["一边"].senses[0] == "doing while"
    assert _words("他站在一边。", "He stood to one side.")["一边"].senses[0] != "doing while"


def test_a_describing_entry_of_a_noun_and_localizer_naming_a_place_reads_from_its_parts() -> None:
    sky = _words("天上出现了很多星星。", "Many stars appeared in the sky.")["天上"]
    assert sky.composed and sky.senses[0] == "天 sky + 上 on", sky.senses
    music = _words("这是天上的音乐。", "This is heavenly music.")["天上"]  # describing: the entry
    assert not music.composed and "heavenly" in music.senses, music.senses


def test_gai_before_a_noun_is_the_one_mentioned() -> None:
    assert _words("该公司很大。", "The company is big.")["该"].senses[0] == "the above-mentioned"
    country = _words("该国盛产石油。", "That country abounds in oil.")["该国"]
    assert country.senses[0].startswith("该 the above-mentioned"), country.senses
    assert _words("你该走了。", "You should go.")["该"].senses[0] == "should"


def test_a_described_noun_phrase_after_zai_or_jiang_keeps_their_grammar() -> None:
    fields = _words("他们在不同的领域取得了成就。", "They have achieved results in different fields.")["在"]
    assert fields.senses[0].startswith("(preposition"), fields.senses
    threat = _words("这个国家将周边的所有国家都视作威胁。", "It sees all its neighbours as threats.")
    assert threat["将"].senses[0].startswith("(introduces object of main verb"), threat["将"].senses
    assert _words("我将去北京。", "I will go to Beijing.")["将"].senses[0] == "will"


def test_daodi_after_a_verb_is_to_the_end() -> None:
    persisted = _words("他不顾困难，坚持到底。", "Despite hardship, he persisted.")["坚持到底"]
    assert persisted.composed and persisted.senses[0].endswith("到底 to the end"), persisted.senses
    assert _words("他到底是谁？", "Who on earth is he?")["到底"].senses[0] != "to the end"


def test_a_word_read_with_other_syllables_than_its_entry_reads_from_its_parts() -> None:
    heavy = _words("您的行李箱有多重？", "How heavy is your suitcase?")["多重"]
    assert heavy.composed and heavy.senses[0].endswith("重 heavy"), heavy.senses  # duō zhòng, not duōchóng


def test_the_use_decides_yiban_guoqu_and_cha() -> None:
    assert _words("我一般六点起床。", "I usually get up at six.")["一般"].senses[0] == "generally"
    assert _words("他是一般的人。", "He is an ordinary person.")["一般"].senses[0] == "ordinary"
    over = _words("事情已经过去了，别想了。", "It is over; stop thinking about it.")["过去"]
    assert over.senses[0].startswith("to go over"), over.senses
    past = _words("过去的事情别想了。", "Don't think about the past.")["过去"]
    assert past.senses[0].startswith("(in the) past"), past.senses
    assert _words("今天天气很差。", "It is terrible weather today.")["差"].senses[0].startswith("not up to")
