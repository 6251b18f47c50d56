import pytest

from deckbuilder.annotate import enrich, segment
from deckbuilder.models import Kind, Pair


def _seg(text: str):
    return segment(Pair(zh=text, en="-", source="test"))


def _assert_run(text: str, words: list[str]) -> None:
    """`text` is cut with `words` in a row, in this order."""
    found = _seg(text).words
    at = found.index(words[0])
    assert list(found[at : at + len(words)]) == words, found


def test_segment_words_and_kinds() -> None:
    s = _seg("汤姆去银行取了3000块钱。")
    kinds = {t.text: t.kind for t in s.tokens}
    assert kinds["银行"] is Kind.WORD
    assert kinds["汤姆"] is Kind.NAME
    assert kinds["3000"] is Kind.NUMBER
    assert kinds["。"] is Kind.PUNCT
    assert "".join(s.words) == "汤姆去银行取了3000块钱。"


def test_latin_tokens_are_latin() -> None:
    s = _seg("我喜欢用iPhone。")
    assert any(t.kind is Kind.LATIN and t.text == "iPhone" for t in s.tokens)


def test_frequencies_come_from_the_dictionary() -> None:
    s = _seg("我去银行。")
    freq = {t.text: t.freq for t in s.tokens}
    assert freq["我"] > freq["银行"] > 0


def test_hsk_words_are_single_tokens() -> None:
    # 一丝不苟 is an HSK word; it must not be cut into pieces.
    assert "一丝不苟" in _seg("他工作一丝不苟。").words


def test_enrich_adds_pos_pinyin_and_gloss() -> None:
    s = enrich(_seg("我去银行取钱。"))
    bank = next(t for t in s.tokens if t.text == "银行")
    assert bank.pinyin == "yínháng"
    assert "bank" in bank.gloss
    assert bank.pos.startswith("n")
    assert next(t for t in s.tokens if t.text == "。").gloss == ""


@pytest.mark.parametrize("text", ["我吃过饭了。", "他穿着一件红衣服，看着我。", "你得走了，路很长。"])
def test_card_pinyin_line_is_what_deckbuild_pinyin_prints(text: str) -> None:
    """One code path: the line a card shows equals `deckbuild pinyin`'s output for the same sentence."""
    from deckbuilder.pinyin import pinyin_lines

    enriched = enrich(_seg(text))
    assert enriched.pinyin and enriched.pinyin == next(pinyin_lines([text]))
    card_numbers = " ".join(t.numbered for t in enriched.tokens if t.numbered)  # the PinyinNumbered field
    assert card_numbers == next(pinyin_lines([text], numbers=True))


def test_enrich_stores_what_a_card_renders() -> None:
    """Tones per character and Zhuyin per written word: cards render them without any pinyin code."""
    s = enrich(_seg("我去银行取了一个A。"))
    by_text = {t.text: t for t in s.tokens}
    assert (by_text["银行"].tones, by_text["银行"].zhuyin) == ("22", "ㄧㄣˊㄏㄤˊ")
    assert (by_text["一"].numbered, by_text["一"].zhuyin) == ("yi1", "ㄧ")  # a numeral apart from its measure
    assert (by_text["个"].numbered, by_text["个"].zhuyin) == ("ge4", "ㄍㄜˋ")
    assert by_text["了"].tones == "5"
    assert by_text["。"].tones == "" and by_text["A"].tones == ""


def test_with_traditional_keeps_traditional_input() -> None:
    from deckbuilder.annotate import with_traditional
    from deckbuilder.chinese import Traditional

    simplified = _seg("我们的银行很大。")
    assert with_traditional(simplified, Traditional.standard).traditional == "我們的銀行很大。"
    assert with_traditional(simplified, Traditional.taiwan).traditional == "我們的銀行很大。"
    read = segment(Pair(zh="这里的头发", en="-", source="t", zh_original="這裏的頭髮"))
    assert with_traditional(read, Traditional.taiwan).traditional == "這裏的頭髮"  # as the learner wrote it
    assert with_traditional(_seg("这里"), Traditional.taiwan).traditional == "這裡"  # Taiwan's own form


def test_enrich_reads_traditional_input_as_written() -> None:
    pair = Pair(zh="他在合内。", en="-", source="t", zh_original="他在閤内。")
    tokens = {t.text: t for t in enrich(segment(pair)).tokens}
    assert tokens["合"].numbered == "ge2"


@pytest.mark.parametrize(
    ("text", "word", "pinyin", "tones"),
    [
        ("我买了一个苹果。", "一", "yí", "2"),  # 一 before a fourth tone is printed yí: tone 2
        ("我们一起走吧。", "一起", "yìqǐ", "43"),
        ("这不是我的。", "不是", "bú shì", "24"),
        ("他是第一名。", "第一", "dì-yī", "41"),  # 第一名: an ordinal and its measure word apart
        ("我们的衣服。", "衣服", "yīfu", "15"),  # neutral tones as printed
    ],
)
def test_tone_colours_follow_the_tone_printed(text: str, word: str, pinyin: str, tones: str) -> None:
    tok = next(t for t in enrich(_seg(text)).tokens if t.text == word)
    assert (tok.pinyin, tok.tones) == (pinyin, tones)


# ---------------------------------------------------------------- names only on evidence
@pytest.mark.parametrize(
    ("text", "words", "names"),
    [
        ("这封信是谁写的？", ["这", "封", "信"], []),  # demonstrative + measure: never a name
        ("那本书很好看。", ["那"], []),
        ("汤里有盐。", ["汤", "里"], []),  # noun + locative, not the name Tāng Li
        ("他弓起背。", ["弓", "起"], []),
        ("水和桌子齐平。", ["齐", "平"], []),
        ("左移一格。", ["左", "移"], []),
        ("她穿着毛皮大衣。", ["毛皮", "大衣"], []),  # a cloze blanks a whole word
        ("我和玛丽去花园里玩。", ["和", "玛丽", "花园", "里"], ["玛丽"]),
        ("尼古拉斯来了。", ["尼古拉斯"], ["尼古拉斯"]),  # a transliterated name stays whole
        ("汤姆去银行了。", ["汤姆", "银行"], ["汤姆"]),  # a CC-CEDICT proper noun
        ("鲍勃和玛莉是朋友。", ["鲍勃", "玛莉"], ["鲍勃", "玛莉"]),  # names no dictionary has, no words
        ("这里的风景多美的啊！", ["多", "美", "的"], []),  # degree + adjective + 的, not the brand 美的
        ("谁能把你的那颗石心融化？", ["石心"], []),  # ordinary characters the HMM glued: no name
        (
            "小明和老李是朋友。",
            ["小明", "老李"],
            ["小明", "老李"],
        ),  # 小/老 + surname: how people are addressed
        ("我和小李是朋友。", ["我", "和", "小李"], ["小李"]),  # joined where jieba cut 小 + 李
        ("小丁爸爸来了。", ["小丁", "爸爸"], ["小丁"]),  # also before a noun: Xiao Ding's father
        ("我买了一小张纸。", ["一", "小", "张", "纸"], []),  # a count before: a small sheet
        ("我认识李主任。", ["李", "主任"], ["李"]),  # a surname before a title: a name there only
        ("这个李很甜。", ["李"], []),
    ],
)
def test_names_only_on_evidence(text: str, words: list[str], names: list[str]) -> None:
    tokens = _seg(text).tokens
    found = [t.text for t in tokens]
    assert all(w in found for w in words), found
    assert [t.text for t in tokens if t.kind is Kind.NAME] == names


@pytest.mark.parametrize(
    "text",
    [
        "我和玛丽去花园里玩。",
        "这封信是汤姆写的。",
        "尼古拉斯住在北京。",
        "鲍勃的汤里有盐。",
        "王小明很忙。",
        "我认识李主任。",
        "我和小李是朋友。",
    ],
)
def test_one_name_decision_for_pinyin_ruby_and_colours(text: str) -> None:
    """A token is capitalised in the line, its Ruby and its gloss list exactly when annotate calls it a name
    (or CC-CEDICT writes it as a proper noun); every token's pinyin is in the line as it stands."""
    from deckbuilder.segmenter import is_proper_noun

    sentence = enrich(_seg(text))
    for tok in sentence.tokens:
        if not tok.pinyin or tok.kind not in (Kind.WORD, Kind.NAME):
            continue
        capital = tok.pinyin[:1].isupper()
        assert capital == (tok.kind is Kind.NAME or is_proper_noun(tok.text)), tok
        assert tok.pinyin.lower() in sentence.pinyin.lower()
        assert len(tok.tones) == len(tok.text)


def test_a_surname_before_a_title_is_glossed_as_the_surname() -> None:
    li = next(t for t in enrich(_seg("我认识李主任。")).tokens if t.text == "李")
    assert li.senses[0].startswith("surname"), li.senses


# ---------------------------------------------------------------- phrases are not words
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("她跑得很快。", ["很", "快"]),  # a degree adverb and its adjective
        ("这个箱子很大。", ["很", "大"]),
        ("我有很多朋友。", ["很", "多"]),
        ("你要好好学习。", ["好好", "学习"]),  # an adverb and its verb
        ("明天我不来。", ["不", "来"]),
        ("我们去超市买点水果吧。", ["买", "点"]),  # a verb and (一)点
        ("你检查一下。", ["检查", "一下"]),
        ("他坐在椅子上。", ["坐", "在", "椅子", "上"]),  # a verb and 在; a noun and its localizer
        ("我会打网球。", ["我", "会", "打", "网球"]),  # a pronoun and a modal; a verb and its object
        ("他看着我笑。", ["看", "着"]),  # a verb and its particle
        ("他是从上海来的。", ["是", "从"]),
        ("我在这本书里找到了答案。", ["这", "本", "书"]),  # 这 + 本书 is 这 + 本 + 书
        ("别总向后看。", ["向后", "看"]),  # a phrase whose word jieba lacks: 向后, not 向 + 后
        ("手机会自动更新软件。", ["自动", "更新"]),  # a two-character adverb and its verb
        ("我们要不断完善自己。", ["不断", "完善"]),
        ("士兵们保卫国家。", ["保卫", "国家"]),  # a verb and its object
        ("我帮你倒水。", ["倒", "水"]),  # one character each, cut after segmenting
        ("他用刀切菜。", ["用", "刀", "切", "菜"]),  # (taken out of the dictionary, 刀切 would win)
        ("我们家的狗会看门。", ["会", "看门"]),  # kān mén: a reading the pair carries stays whole
        ("傍晚天变凉了。", ["变", "凉", "了"]),  # 变 "to become" and the state
        ("昨天中午有雾。", ["昨天", "中午", "有"]),  # a day and a time of it
        ("今天天气很好。", ["今天", "天气", "很"]),  # a day and what it has: two words
        ("英语在当今世界很重要。", ["当今", "世界"]),
        ("妈妈正在做生日蛋糕。", ["做", "生日蛋糕"]),  # a compound stays whole (not 做生日 + 蛋糕)
        ("农民在地里种玉米。", ["在", "地", "里"]),  # 地 "field" and its localizer, though tagged a particle
        ("用双手创造美好生活。", ["美好", "生活"]),  # an adjective and its noun (jieba: an idiom)
        ("努力工作，从而获得成功。", ["获得", "成功"]),  # a verb and its object
        ("他累了，不能继续前进。", ["继续", "前进"]),  # a verb and the action it goes on with
        ("我买了好几种水果。", ["好几", "种", "水果"]),  # "several" and its measure word
        ("盒里有三支笔。", ["盒", "里", "有"]),  # a container's measure word and the localizer
        ("请回到座位上。", ["请", "回到"]),  # "please" and the verb
        ("正如他所说。", ["所", "说"]),
        ("五加五等于十。", ["五", "加", "五"]),  # arithmetic, not the plant 五加
        ("祝你好运气！", ["祝", "你", "好", "运气"]),  # a wish, not 你好 "hello"
        ("不要为这事发愁。", ["为", "这", "事", "发愁"]),  # a demonstrative and its noun
        ("我喜欢画画儿。", ["喜欢", "画画儿", "。"]),  # the erhua suffix jieba cut off a doubled word
        ("他在唱歌儿。", ["在", "唱歌儿", "。"]),  # … or off any word
        ("公司与其分公司合作。", ["与", "其", "分公司"]),  # "with its", no 不如 to answer "rather than"
        ("与其等待，不如行动。", ["与其", "等待"]),
        ("你好，我是老师。", ["你好", "，"]),
        ("他一来我就走。", ["他", "一", "来", "我", "就"]),  # 一 … 就 "as soon as", not 一来 "firstly"
        ("一来我没钱，二来我没时间。", ["一来", "我"]),
        ("蜜蜂以花蜜为食。", ["以", "花蜜", "为", "食"]),  # 以 … 为 "take … as"
        ("这批货很便宜。", ["批", "货"]),  # a measure glued to its noun after 这
        ("我还有两件事要做。", ["两", "件", "事"]),  # a numeral chunk glued to its noun
        ("我们一起克服困难。", ["克服", "困难"]),  # a verb and its object jieba tags an
        ("他这个人很有本事。", ["有", "本事"]),  # a CC-CEDICT word of a verb and its object: not added
        ("小猫蹲下来喝水。", ["蹲", "下来", "喝"]),  # a verb and its compound directional complement,
        ("她慢慢冷静下来了。", ["冷静", "下来", "了"]),  # the complement whole (not 蹲下 + 来)
        ("光靠生气解决不了事情。", ["解决", "不了", "事情"]),  # a longer verb and its potential complement
        ("我们等到了好消息。", ["好", "消息"]),  # "good" or "bad" and the noun it describes
        ("熬夜是坏习惯。", ["坏", "习惯"]),
    ],
)
def test_phrases_are_cut_into_their_words(text: str, words: list[str]) -> None:
    _assert_run(text, words)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("他出了交通事故。", "交通事故"),  # a compound of content words
        ("小女孩在哭。", "小女孩"),
        ("我有几个朋友。", "几个"),  # a numeral and measure chunk that is a word: "a few"
        ("我们每天都看看报纸。", "看看"),  # a repeated form
        ("你喜不喜欢吃饺子？", "喜不喜欢"),  # an A-not-A question
        ("我看不懂这个字。", "看不懂"),  # a potential complement
        ("他已经做好了。", "做好"),  # a verb and its result: one written word
        ("我想吃烤肉串。", "烤肉串"),  # 烤肉 + 串 or 烤 + 肉串: left whole
        ("唉呀，我忘了带钥匙。", "唉呀"),  # an interjection drawn out by a particle
        ("孩子们爱吃棉花糖。", "棉花糖"),  # a CC-CEDICT compound jieba lacks, not 棉花 + 糖
        ("菜倒是不贵。", "倒是"),  # a listed word the removed phrases must not tip apart
        ("她老是迟到。", "老是"),
    ],
)
def test_words_and_set_forms_stay_whole(text: str, word: str) -> None:
    assert word in _seg(text).words


def test_free_phrases_leave_the_dictionary() -> None:
    from deckbuilder.segmenter import dictionary_entry, removed_words

    removed = set(removed_words())
    assert {"很快", "很大", "好好学习", "买点", "向后看", "坐在", "看电视", "床上", "变凉"} <= removed
    assert {"蹲下来", "冷静下来", "解决不了"} <= removed  # kept in jieba, cut where they come out
    assert not {"交通事故", "一个", "看看", "做好", "汤姆", "唉呀"} & removed
    assert dictionary_entry("很快") == (0, "")


def test_listed_words_that_are_phrases_keep_jiebas_choice() -> None:
    assert list(_seg("他们都会来。").words[1:3]) == ["都", "会"]  # 都会 "metropolis" is listed; here 都 + 会
    assert list(_seg("我得了感冒。").words[1:3]) == ["得", "了"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("只有多练习才能说好汉语。", ["才", "能", "说好"]),  # 只有 … 才 "only then": the adverb and a modal
        ("你要坐两个小时的车才能到。", ["才", "能", "到"]),
        ("我怎样才能去火车站？", ["怎样", "才", "能"]),
        ("只有努力的人才能成功。", ["人", "才", "能"]),  # not 人才 "talent"
        ("他的才能让大家佩服。", ["的", "才能", "让"]),  # the noun "talent"
        ("他很有才能。", ["有", "才能"]),
        ("才能和品德都很重要。", ["才能", "和"]),
        ("这家公司需要人才。", ["需要", "人才"]),
    ],
)
def test_a_word_glued_to_only_then_is_cut_by_its_construction(text: str, words: list[str]) -> None:
    _assert_run(text, words)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("他不仅是医生，还是作家。", ["还", "是", "作家"]),  # 不仅 … 还 "also" + 是 "is"
        ("她很累，而还是不肯休息。", ["而", "还", "是"]),
        ("你还是早点睡吧。", ["你", "还是", "早点"]),  # "had better"
        ("你要米饭还是面条？", ["还是", "面条"]),  # "or"
        ("妈妈的话很有道理。", ["妈妈", "的", "话", "很"]),  # 的 + 话 "words"
        ("你要听老师的话。", ["老师", "的", "话"]),
        ("他说的话我不信。", ["说", "的", "话"]),
        ("如果明天下雨的话，我们就不去。", ["下雨", "的话"]),  # 的话 "if" closes a conditional
        ("我的话，就买红的。", ["我", "的话"]),
        ("小芳的话是对的。", ["小芳", "的", "话", "是"]),  # after a name
        ("他不爱说太多的话。", ["多", "的", "话", "。"]),  # at the sentence end
        ("要是有空，就听父母的话。", ["父母", "的", "话"]),  # 要是 opened another clause
        ("你忙的话就别来。", ["忙", "的话"]),
        ("她穿着一条长裙。", ["穿", "着", "一", "条"]),  # the durative, not 穿着 "attire"
        ("他的穿着很简单。", ["的", "穿着", "很"]),
        ("小猫跟随着她。", ["跟随", "着", "她"]),  # not 跟 + 随着
        ("上课了，请坐好。", ["请", "坐好"]),  # 坐好 "sit properly", not 请坐 + 好
        ("你坐哪一路公共汽车？", ["哪", "一", "路"]),  # "which (bus) route", not 一路 "all the way"
        ("你喜欢哪一个？", ["哪", "一", "个"]),
        ("明天你去不去公园？", ["去", "不", "去", "公园"]),  # an A-not-A question, as 来不来
        ("我买了两个苹果，花了一百块。", ["两", "个", "苹果"]),  # numeral and measure apart, as GB/T 16159
        ("他花了一百块。", ["一百", "块"]),
        ("他看了一集电视剧。", ["一", "集", "电视剧"]),
        ("他是第二个来的。", ["第二", "个", "来"]),  # an ordinal and its measure word apart too
        ("她买了一朵花。", ["一", "朵", "花"]),  # and the noun counted, when jieba glued it on
        # a chunk CC-CEDICT lists for another sense still counts the noun after it, or money
        ("河里有三条船。", ["三", "条", "船"]),  # not 三条 "three of a kind (poker)"
        ("一元能买什么？", ["一", "元", "能"]),  # not 一元 "univariate"
        ("这是一种水果。", ["一种", "水果"]),  # 一种 "one kind of": a quantity of its own
        ("他说一口流利的英语。", ["一口", "流利"]),  # before a modifier it counts no noun
        ("一分钟有六十秒。", ["一", "分钟", "有"]),  # a number and the word it counts or times: apart
        ("他七点起床。", ["七", "点", "起床"]),
        ("他的政权必定会崩溃。", ["必定", "会", "崩溃"]),  # an adverb and the modal it qualifies
        ("他的谦逊值得尊敬。", ["值得", "尊敬"]),  # 值得 and the action it deserves
        ("我不敢相信。", ["不", "敢", "相信"]),  # a negation and listed words: no idiom
        ("我欠他一百日元。", ["一百", "日元"]),  # jieba reads 一百日 "a hundred days" + 元
        ("我付了十美元。", ["十", "美元"]),
        ("我两天后再回答你。", ["两", "天", "后"]),  # no 天后 "Queen of Heaven"
        ("门口有个人。", ["有", "个", "人", "。"]),  # 一个人 "a person" with its 一 left out
        ("我今天雇了个人。", ["了", "个", "人"]),
        ("我知道有个人可能能帮忙。", ["有", "个", "人", "可能"]),
        ("他有个人的看法。", ["有", "个人", "的"]),  # 个人 "personal"
        ("这是我个人的意见。", ["我", "个人"]),
        ("我们休息了几天。", ["休息", "了", "几天"]),  # 几天 "a few days" is a word of its own
        ("这里买得到吗？", ["这里", "买得到", "吗"]),  # a verb and its potential complement: one word
        ("他爱看电影。", ["爱", "看", "电影"]),  # 爱 "to love (doing)" + a verb: a phrase jieba lists
        ("我们在山上拍照。", ["在", "山", "上", "拍照"]),  # not the township 山上: a noun and its localizer
        ("鱼在湖里游。", ["湖", "里", "游"]),
        ("他每天都来，十月走。", ["每天", "都"]),  # a chunk that is a word stays whole
        ("十月一号开学。", ["十月"]),
        ("你喜欢不喜欢这本书？", ["喜欢", "不", "喜欢"]),
        ("电脑正在统计数据。", ["正在", "统计", "数据", "。"]),  # a verb and its object
        ("这些统计数据很重要。", ["统计数据", "很"]),  # the noun "statistical data"
        ("公司正在招聘工作人员。", ["招聘", "工作人员"]),  # no verb-noun pair before the end
        ("大家吹吹风吧。", ["大家", "吹吹", "风"]),  # a verb said twice: one word
    ],
)
def test_constructions_jieba_glues_across_are_cut(text: str, words: list[str]) -> None:
    _assert_run(text, words)


def test_undo_skips_only_passes_that_would_change_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """`constructions.undo` runs a pass only where a word sets it off (and the text holds what it needs):
    on real sentences, every pass it skips gives back the words unchanged."""
    from itertools import islice

    from deckbuilder import constructions, segmenter
    from deckbuilder.ingest import read_builtin

    cuts: list[tuple[list[str], str]] = []
    undo = constructions.undo
    monkeypatch.setattr(
        constructions, "undo", lambda words, text: cuts.append((words, text)) or undo(words, text)
    )
    for pair in islice(read_builtin(("hsk-sentences",)), 3000):
        segmenter.cut(pair.zh)
    ran = 0
    for words, text in cuts:
        for run, sets_off, needs in constructions._PASSES:
            if any(map(sets_off, words)) and needs in text:
                words, ran = run(words), ran + 1
            else:
                assert run(words) == words, (run.__name__, text)
    assert len(cuts) == 3000 and ran > 1000


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("他用刀切菜。", ["他", "用", "刀"]),  # the subject and its verb, not 他用 "other use"
        ("他杀了一条鱼。", ["他", "杀", "了"]),  # "he killed", not 他杀 "homicide"
        ("他用 20 分钟写完了。", ["他", "用"]),
        ("警察说这是他杀。", ["是", "他杀"]),
        ("我们不能去他国。", ["我们", "不能", "去", "他国"]),  # the rest is a noun: a word
        ("我不想去学校。", ["我", "不", "想", "去"]),  # "don't want to", not 不想 "unexpectedly"
        ("不想他竟然来了。", ["不想", "他"]),  # opening its clause, the dictionary word
    ],
)
def test_a_subject_pronoun_glued_to_its_verb_is_cut(text: str, words: list[str]) -> None:
    _assert_run(text, words)


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        ("学中文一点都不难。", "一点", Kind.WORD),  # "a bit; (not) at all": glossed on the card
        ("你万一迟到了怎么办？", "万一", Kind.WORD),  # "just in case"
        ("他出生于十四世纪。", "十四", Kind.NUMBER),  # a count only
        ("一共三十。", "三十", Kind.NUMBER),
    ],
)
def test_numerals_that_are_words_are_words(text: str, word: str, kind: Kind) -> None:
    tokens = {t.text: t.kind for t in _seg(text).tokens}
    assert tokens[word] is kind, tokens


def test_the_kept_tagger_is_the_one_jieba_builds() -> None:
    """The tagger read from the kept tables (`tagger`) has the frequencies, total and tag table jieba itself
    gives after loading its dictionary and adding and removing the segmenter's words."""
    import jieba
    import jieba.posseg

    from deckbuilder import tagger

    kept = tagger.posseg()
    reference = jieba.Tokenizer()
    reference.initialize()
    tagger._apply(reference)
    assert kept.tokenizer.total == reference.total
    assert kept.tokenizer.FREQ == reference.FREQ
    own_tagger = jieba.posseg.POSTokenizer(reference)
    assert kept.word_tag_tab == own_tagger.word_tag_tab
    for text in ("我们在银行工作了一年。", "小李和王老师去北京了。"):
        own = [(p.word, p.flag) for p in own_tagger.cut(text)]
        assert [(p.word, p.flag) for p in kept.cut(text)] == own


@pytest.mark.parametrize(
    "text",
    ["迈克尔和鲍勃", "雷拉", "我们在银行工作了一年", "氪氙氡鿿", "x", "蝴蝶结和翡翠", "囧", "卡拉OK"],
)
def test_the_taggers_viterbi_is_jiebas(text: str) -> None:
    """The tagger's Viterbi over its HMM (unknown words) gives jieba's own path and probability."""
    import jieba.posseg
    from jieba.posseg.viterbi import viterbi

    from deckbuilder import tagger

    tagger.posseg()
    tables = (jieba.posseg.char_state_tab_P, jieba.posseg.start_P, jieba.posseg.trans_P, jieba.posseg.emit_P)
    assert tagger._viterbi(text, *tables) == viterbi(text, *tables)
