"""Pinyin: readings of polyphones in context, textbook orthography, renderings, overrides.

Every sentence here was written for these tests. jieba and CC-CEDICT load once per session (cached).
"""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

import deckbuilder.pinyin as pinyin_pkg
from deckbuilder.errors import InputError
from deckbuilder.pinyin import (
    line,
    load_overrides,
    numbered,
    numbered_words,
    per_character,
    pinyin_lines,
    read_sentence,
    read_tokens,
    tones,
    written_words,
    zhuyin_words,
)
from deckbuilder.pinyin.syllable import mark, normalize


@pytest.fixture(scope="session", autouse=True)
def warm() -> None:
    """Load jieba and CC-CEDICT once for the whole session."""
    read_sentence("我们在银行。")


def syllables_of(sentence: str, char: str, **kwargs: object) -> list[str]:
    """Readings given to every occurrence of `char` in `sentence`."""
    readings = read_sentence(sentence, **kwargs)  # type: ignore[arg-type]
    out = []
    for r in readings:
        han = [c for c in r.word if "\u4e00" <= c <= "\u9fff"]
        out.extend(s for c, s in zip(han, r.syllables, strict=True) if c == char)
    return out


# ---------------------------------------------------------------- syllables
@pytest.mark.parametrize(
    ("syllable", "marked"),
    [
        ("hao3", "hǎo"),
        ("lv4", "lǜ"),
        ("nv3", "nǚ"),
        ("gui4", "guì"),
        ("liu2", "liú"),
        ("zhou1", "zhōu"),
        ("de5", "de"),
        ("er2", "ér"),
        ("xue2", "xué"),
        ("r5", "r"),
    ],
)
def test_tone_mark_goes_on_the_right_vowel(syllable: str, marked: str) -> None:
    assert mark(syllable) == marked


@pytest.mark.parametrize(
    ("raw", "norm"),
    [("lu:4", "lv4"), ("lü4", "lv4"), ("lǜ", "lv4"), ("HAO3", "hao3"), ("de", "de5"), ("ma0", "ma5")],
)
def test_syllable_spellings_normalise(raw: str, norm: str) -> None:
    assert normalize(raw) == norm


# ---------------------------------------------------------------- readings in context
@pytest.mark.parametrize(
    ("sentence", "char", "reading"),
    [
        ("他唱歌唱得很好听。", "得", "de5"),
        ("妹妹跑得比我快。", "得", "de5"),
        ("我明天得早点起床。", "得", "dei3"),
        ("这件事你得听我的。", "得", "dei3"),
        ("她考试得了一百分。", "得", "de2"),
        ("孩子们高高兴兴地回家了。", "地", "de5"),
        ("地上有很多水。", "地", "di4"),
        ("你吃了饭再走吧。", "了", "le5"),
        ("这么多菜我吃不了。", "了", "liao3"),
        ("门开着呢。", "着", "zhe5"),
        ("昨天晚上我睡不着。", "着", "zhao2"),
        ("我去过上海两次。", "过", "guo5"),
        ("他还在睡觉。", "还", "hai2"),
        ("你什么时候还我钱？", "还", "huan2"),
        ("我要去图书馆还书。", "还", "huan2"),
        ("这条路很长。", "长", "chang2"),
        ("小狗长得很快。", "长", "zhang3"),
        ("我为你感到骄傲。", "为", "wei4"),
        ("大家都选他为班长。", "为", "wei2"),
        ("这个箱子很重。", "重", "zhong4"),
        ("请你重说一遍。", "重", "chong2"),
        ("我昨天睡了一觉。", "觉", "jiao4"),
        ("妈妈教我做饭。", "教", "jiao1"),
        ("你数一数有多少人。", "数", "shu3"),
        ("这种水果很好吃。", "种", "zhong3"),
        ("农民在地里种花生。", "种", "zhong4"),
        ("你在干什么？", "干", "gan4"),
        ("现在差五分八点。", "差", "cha4"),
        ("你应该多休息。", "应", "ying1"),
        ("我们放假了。", "假", "jia4"),
        ("这个消息是假的。", "假", "jia3"),
        ("她背着孩子去医院。", "背", "bei1"),
        ("他在房间里看书。", "里", "li5"),
        ("这个字我看不懂。", "不", "bu5"),
        ("请把这行字读一下。", "行", "hang2"),
        ("我们得快一点。", "得", "dei3"),
        ("今天我很累。", "累", "lei4"),
        ("他会弹钢琴。", "弹", "tan2"),
        ("我们过马路吧。", "过", "guo4"),
        ("请你帮我还一下书。", "还", "huan2"),
        ("他把我们弄糊涂了。", "弄", "nong4"),
        ("他的鼻子上长了一个小疙瘩。", "长", "zhang3"),  # grew, on a place
        ("他长了很多白头发。", "长", "zhang3"),  # grew what follows
        ("时间长了就好了。", "长", "chang2"),  # "after a long time"
        ("请倒二百毫升开水。", "倒", "dao4"),  # an amount of a drink: poured
        ("我给你倒开水。", "倒", "dao4"),
        ("他摔倒了。", "倒", "dao3"),
        ("这个县有十万户人家。", "家", "jia1"),  # 人家 counted by 户, which the "household" entry lists
        ("人家不喜欢你。", "家", "jia5"),  # "other people"
        ("我买了一件东西。", "西", "xi5"),
        ("女人瞪了我们。", "人", "ren2"),  # 女人 "woman"; nǚren is "wife"
        ("他被公司聘请为顾问。", "为", "wei2"),  # appointed "as"
        ("父母不该过多干预。", "过", "guo4"),  # 过多 "excessive", a word however posseg cuts it
        ("今年苹果树结了很多果子。", "结", "jie1"),  # 结了: bear fruit, not 结了 "that's that"
        ("你挑一个吧。", "挑", "tiao1"),  # alone "choose", "carry", "nitpick"; tiǎo only in words
        ("他总是挑别人的毛病。", "挑", "tiao1"),
        ("这是一个挑战。", "挑", "tiao3"),
        ("他看过这本书。", "过", "guo5"),
        ("这块地很大。", "地", "di4"),
        ("他慢慢地走了过来。", "地", "de5"),
        ("你得好好学习。", "得", "dei3"),
        ("我睡不着觉。", "觉", "jiao4"),
        ("北京是中国的首都。", "都", "du1"),
        ("他的爱好是画画。", "好", "hao4"),
        ("她吃坏了肚子，吐了。", "吐", "tu4"),  # no object: "vomit"
        ("我头晕，想吐。", "吐", "tu4"),
        ("孩子吐得很厉害。", "吐", "tu4"),
        ("他病得吐血了。", "吐", "tu4"),
        ("请不要在地上吐痰。", "吐", "tu3"),  # what is spat follows: "spit"
        ("他吐出一颗葡萄籽。", "吐", "tu3"),
        ("她把核吐出来了。", "吐", "tu3"),
    ],
)
def test_polyphone_in_context(sentence: str, char: str, reading: str) -> None:
    assert reading in syllables_of(sentence, char)


@pytest.mark.parametrize(
    ("sentence", "char", "readings"),
    [
        ("他大声地说话。", "地", ["de5"]),  # adverbial 地 after an adjective phrase
        ("她高兴地笑了。", "地", ["de5"]),
        ("这片地很大。", "地", ["di4"]),
        ("灯一直亮着。", "着", ["zhe5"]),  # durative after a verb or adjective
        ("灯亮着了。", "着", ["zhe5"]),
        ("门没关着。", "着", ["zhe5"]),
        ("我找了半天也没找着。", "着", ["zhao2"]),  # result "succeed in" after 找, 睡, 见 …
        ("我们为和平而战。", "为", ["wei4"]),  # 为 … 而 "for the sake of"
        ("他为这件事而高兴。", "为", ["wei4"]),
        ("他被选为班长。", "为", ["wei2"]),
        ("我们视他为英雄。", "为", ["wei2"]),  # 视 X 为 "regard X as"
        ("我为你高兴。", "为", ["wei4"]),  # the preposition "for"
        ("别把我当小孩。", "当", ["dang4"]),  # 把 X 当 Y "treat X as Y"
        ("他把这里当成自己的家。", "当", ["dang4"]),
        ("他当真了。", "当", ["dang4"]),
        ("他炸了土豆。", "炸", ["zha2"]),  # deep-fries a food
        ("他把桥炸了。", "炸", ["zha4"]),  # blows up
        ("鱼刺卡在嗓子里了。", "卡", ["qia3"]),  # stuck where it sticks
        ("我有一张卡。", "卡", ["ka3"]),  # a card
        ("我就当你夸我了。", "当", ["dang4"]),  # 就当 + a clause: "take it that"
        ("我买了一卷纸。", "卷", ["juan3"]),  # a roll of paper
        ("他弯下腰系鞋。", "系", ["ji4"]),  # 系 "to tie" what is tied: jì
        ("那场战争很可怕。", "场", ["chang2"]),  # an event or happening: cháng (a game, a show: chǎng)
        ("她的脸涨得通红。", "涨", ["zhang4"]),  # a face swells and flushes: zhàng
        ("今年房价又涨了。", "涨", ["zhang3"]),  # prices rise: zhǎng
        ("这本书有三卷。", "卷", ["juan4"]),  # volumes
        ("他就当了老师。", "当", ["dang1"]),  # became a teacher
        ("当我回家的时候，他在睡觉。", "当", ["dang1"]),
        ("他们去教会做礼拜。", "教", ["jiao4"]),  # the church
        ("这个教会很大。", "教", ["jiao4"]),
        ("妈妈教会了我游泳。", "教", ["jiao1"]),  # teach (someone) to
        ("老师教会我们唱歌。", "教", ["jiao1"]),
        ("这个箱子有多重？", "重", ["zhong4"]),  # how heavy
        ("你的行李多重？", "重", ["zhong4"]),
        ("我们在洗衣服。", "服", ["fu5"]),  # 衣服 keeps its neutral tone inside a longer phrase
        ("他穿着红衣服。", "服", ["fu5"]),
        ("过去的事情就让它过去吧。", "去", ["qu4", "qu4"]),  # the past; the verb "to pass, be over"
        ("我的病已经过去了。", "去", ["qu4"]),
        ("他过去是老师。", "去", ["qu4"]),
        ("在过去，人们很穷。", "去", ["qu4"]),
        ("你过去看看。", "去", ["qu5"]),
        ("他走过去了。", "去", ["qu5"]),
        ("他急忙跑了出去。", "去", ["qu5"]),  # a directional complement's 去/来 is neutral
        ("他拿出来一本书。", "来", ["lai5"]),
        ("我出去了。", "去", ["qu4"]),  # the verb itself keeps the dictionary's tone
        ("开会要集中精神。", "神", ["shen2"]),  # 精神 as a noun: jīngshén "mind"
        ("你今天很精神。", "神", ["shen5"]),  # as a predicate adjective: jīngshen "lively"
        ("他们在挖地道。", "道", ["dao4"]),  # 地道 the noun "tunnel"
        ("他的北京话很地道。", "道", ["dao5"]),  # the adjective "authentic"
        ("你太大意了。", "意", ["yi5"]),  # careless
        ("我爸爸做生意。", "意", ["yi5"]),  # 做生意 reads 生意 as the entry its senses share: "business"
        ("唉呀，我忘了。", "唉", ["ai1"]),  # 唉 drawn out by a particle
        ("他的手机中了病毒。", "中", ["zhong4"]),  # "be hit by; contract"
        ("我上个月中了一次奖。", "中", ["zhong4"]),
        ("他在比赛中了解了自己。", "中", ["zhong1"]),  # the localizer framed by 在
        ("这块土地很肥。", "地", ["di4"]),  # 土地 "land", not tǔdi "the earth god"
        ("我常跟他打交道。", "道", ["dao5"]),  # the standard neutral tone
        ("她是个很有学问的人。", "问", ["wen5"]),  # xuéwen, as Xiandai Hanyu Cidian reads it
        ("我从网上下载了一首歌。", "载", ["zai4"]),  # xiàzài, not CC-CEDICT's first reading zǎi
        ("这篇文章很有逻辑。", "辑", ["ji2"]),  # luójí
    ],
)
def test_readings_by_word_class_and_neighbours(sentence: str, char: str, readings: list[str]) -> None:
    assert syllables_of(sentence, char) == readings


def test_only_reading_of_zhi_depends_on_its_neighbour() -> None:
    assert syllables_of("我只有一只猫。", "只") == ["zhi3", "zhi1"]
    # with 一 left out after a verb: 有只狗, 买了只鸡; before a verb it is "only"
    assert syllables_of("他家有只狗，他只喂鱼。", "只") == ["zhi1", "zhi3"]
    assert syllables_of("她买了只鸡。", "只") == ["zhi1"]


def test_multi_character_words_take_their_dictionary_reading() -> None:
    readings = read_sentence("他在银行工作。")
    bank = next(r for r in readings if r.word == "银行")
    assert bank.syllables == ("yin2", "hang2")
    assert bank.source == "dict"
    assert bank.marked == "yínháng"


def test_read_tokens_keeps_one_reading_per_token() -> None:
    tokens = [("我", "r"), ("得", "ud"), ("走", "v"), ("了", "ul"), ("。", "x")]
    readings = read_tokens(tokens)
    assert [r.word for r in readings] == ["我", "得", "走", "了", "。"]
    assert [r.syllables for r in readings] == [("wo3",), ("dei3",), ("zou3",), ("le5",), ()]
    assert readings[1].source == "rule"
    assert readings[-1].source == "text"


def test_citation_tones_for_yi_and_bu_in_readings() -> None:
    assert syllables_of("一个不对。", "一") == ["yi1"]
    assert syllables_of("一个不对。", "不") == ["bu4"]


# ---------------------------------------------------------------- orthography
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("我是中国人。", "Wǒ shì Zhōngguó rén."),
        ("中国人民很勤劳。", "Zhōngguó rénmín hěn qínláo."),
        ("你好！", "Nǐ hǎo!"),
        ("我不是学生。", "Wǒ bú shì xuésheng."),
        ("我买了一个苹果。", "Wǒ mǎile yí gè píngguǒ."),
        ("我们一起走吧。", "Wǒmen yìqǐ zǒu ba."),
        ("一会儿见。", "Yíhuìr jiàn."),
        ("他一点儿也不累。", "Tā yìdiǎnr yě bú lèi."),
        ("王小明去北京了。", "Wáng Xiǎomíng qù Běijīng le."),
        ("欧阳明是我的朋友。", "Ōuyáng Míng shì wǒ de péngyou."),
        ("耶稣是玛利亚所生。", "Yēsū shì Mǎlìyà suǒ shēng."),
        ("我们去天安门广场。", "Wǒmen qù Tiān'ānmén Guǎngchǎng."),
        ("绿色的衣服很好看。", "Lǜsè de yīfu hěn hǎokàn."),
        ("他去过西安吗？", "Tā qùguo Xī'ān ma?"),
        ("门开着呢。", "Mén kāizhe ne."),
        ("今天是一月一日。", "Jīntiān shì yī yuè yī rì."),  # ordinals keep yī, a date's day too
        ("他是第一名。", "Tā shì dì-yī míng."),
        ("全国统一考试很难。", "Quánguó tǒngyī kǎoshì hěn nán."),  # 一 closing a word keeps yī
        ("他喜欢画画儿。", "Tā xǐhuan huàhuàr."),  # 画 + 画儿 "picture": a verb and its object, no softening
        ("猫从树上跳了下来。", "Māo cóng shù shang tiàole xiàlai."),  # a place 从/在 opened: neutral 上
        # a potential complement's 不 is light, whether it stands alone or joins its complement
        ("我听不清楚。", "Wǒ tīng bu qīngchu."),
        ("他控制不住自己。", "Tā kòngzhì bu zhù zìjǐ."),
        ("他不住地点头。", "Tā bú zhù de diǎntóu."),  # 不住 "repeatedly", no verb before it
        ("光靠生气解决不了事情。", "Guāng kào shēngqì jiějué bu liǎo shìqing."),  # verb + 不了: apart, light
        ("天太热了，我受不了。", "Tiān tài rè le, wǒ shòubuliǎo."),  # inside a dictionary word: light too
        ("我永远忘不了那一天。", "Wǒ yǒngyuǎn wàng bu liǎo nà yì tiān."),
        ("她慢慢冷静下来了。", "Tā mànmàn lěngjìng xiàlai le."),  # a two-syllable complement: apart
        ("小猫蹲下来喝水。", "Xiǎomāo dūn xiàlai hē shuǐ."),
        ("他在会上发言。", "Tā zài huì shang fāyán."),
        ("会上他发言了。", "Huì shang tā fāyán le."),  # a place opening the sentence before its subject
        ("树上有一个鸟窝。", "Shù shang yǒu yí gè niǎowō."),  # … or before 有, what is there
        ("这是唯一的路。", "Zhè shì wéiyī de lù."),
        ("我二十一岁。", "Wǒ èrshíyī suì."),  # a number in groups ending at 百, 千, 万, 亿
        ("一百二十个人。", "Yìbǎi èrshí gè rén."),
        ("万一下雨，就改天去。", "Wànyī xiàyǔ, jiù gǎitiān qù."),  # a word of numerals is no number
        ("尽量早点儿来。", "Jǐnliàng zǎo diǎnr lái."),  # 早 + 点儿, not 早点 "breakfast" + 儿
    ],
)
def test_textbook_line(sentence: str, expected: str) -> None:
    assert line(read_sentence(sentence)) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # GB/T 16159 word joining: long compounds as their words, a proper noun capitalised word by word
        ("第二次世界大战结束了。", "Dì-èr Cì Shìjiè Dàzhàn jiéshù le."),
        ("我坐公共汽车去学校。", "Wǒ zuò gōnggòng qìchē qù xuéxiào."),
        ("请把电子邮件地址告诉我。", "Qǐng bǎ diànzǐ yóujiàn dìzhǐ gàosu wǒ."),
        ("中华人民共和国成立了。", "Zhōnghuá Rénmín Gònghéguó chénglì le."),
        ("图书馆在哪儿？", "Túshūguǎn zài nǎr?"),  # three syllables: one word
        ("澳大利亚很大。", "Àodàlìyà hěn dà."),  # one name, not 澳大 + 利亚
        ("他工作一丝不苟。", "Tā gōngzuò yìsībùgǒu."),  # an idiom stays whole
        # the aspect particle 了 joins its verb like 着 and 过; at a clause end it stays apart
        ("我看了一本书。", "Wǒ kànle yì běn shū."),
        ("他走了过来。", "Tā zǒule guòlai."),
        ("我吃了饭了。", "Wǒ chīle fàn le."),
        ("他走了。", "Tā zǒu le."),
        ("你来了吗？", "Nǐ lái le ma?"),
        ("天气好了。", "Tiānqì hǎo le."),  # after an adjective: the modal 了
        ("门开着呢。", "Mén kāizhe ne."),
        ("他在唱歌儿。", "Tā zài chànggēr."),  # the erhua r of 歌儿, though jieba cut 儿 off
        ("看来他不会来了。", "Kànlái tā bú huì lái le."),  # 看来 "it seems": no direction, no neutral 来
        # also after a verb the tagger calls a preposition or localizer, and after an adjective
        ("昨天下了一场雨。", "Zuótiān xiàle yì cháng yǔ."),
        ("他给了我一本书。", "Tā gěile wǒ yì běn shū."),
        ("她红了脸。", "Tā hóngle liǎn."),
        ("我们上了车。", "Wǒmen shàngle chē."),  # 上 with its aspect and object is the verb shàng
        # a one-character verb said twice is one word with a neutral second syllable, also when cut in two
        ("你尝尝这个菜。", "Nǐ chángchang zhège cài."),
        ("大家吹吹风。", "Dàjiā chuīchui fēng."),
        ("是是是。", "Shì shì shì."),
        ("我们谈谈吧。", "Wǒmen tántan ba."),  # CC-CEDICT writes tántán: the tentative form all the same
        ("大家说说吧。", "Dàjiā shuōshuo ba."),  # and joined where the tagger cut it
        ("他的眼睛溜溜地转。", "Tā de yǎnjing liūliū de zhuàn."),  # a listed word, not a verb: as listed
        # how people are addressed: 小 + surname as two capitalised words, a surname before a title
        ("我和小李是朋友。", "Wǒ hé Xiǎo Lǐ shì péngyou."),
        ("我认识李主任。", "Wǒ rènshi Lǐ zhǔrèn."),
        # a word with the erhua 儿 that no dictionary lists takes the r (a word ending in 女儿 keeps ér)
        ("这是名牌儿。", "Zhè shì míngpáir."),
        # 们 joins the noun before it, cut apart or not
        ("孩子们在玩。", "Háizimen zài wán."),
        ("亲爱的朋友们，欢迎！", "Qīn'ài de péngyoumen, huānyíng!"),
        # a potential complement: 得 neutral (CC-CEDICT writes 看得见 de2), 了 liǎo, apart like 看 得 见
        ("几乎什么都买得到。", "Jīhū shénme dōu mǎi de dào."),
        ("我看得见你。", "Wǒ kàn de jiàn nǐ."),
        ("我吃得了。", "Wǒ chī de liǎo."),
        # a complement after a verb's 了 (晕了过去: guòqu); 结 bearing fruit glued to its complement: jiē
        ("他晕了过去。", "Tā yūnle guòqu."),
        ("果树上结满了果实。", "Guǒshù shang jiē mǎnle guǒshí."),
        ("她是我的小女儿。", "Tā shì wǒ de xiǎo nǚ'ér."),
    ],
)
def test_word_joining(sentence: str, expected: str) -> None:
    assert line(read_sentence(sentence)) == expected


def test_the_verb_guo_is_not_joined_as_a_particle() -> None:
    assert "Xiānggēn guò" in line(read_sentence("我们在箱根过了夜。"))  # "spent the night", not -guo


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("我买了一个苹果。", "Wǒ mǎile yī gè píngguǒ."),
        ("我不是学生。", "Wǒ bù shì xuésheng."),
        ("一会儿见。", "Yīhuìr jiàn."),
    ],
)
def test_citation_tones_line(sentence: str, expected: str) -> None:
    assert line(read_sentence(sentence), citation_tones=True) == expected


def test_third_tone_sandhi_is_never_written() -> None:
    assert "nǐ hǎo" in line(read_sentence("你好。")).lower()


def test_names_invented_by_the_tagger_are_not_capitalised() -> None:
    assert line(read_sentence("外面太冷了。")) == "Wàimiàn tài lěng le."


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("真想马上飞到你的身边。", "Zhēn xiǎng mǎshàng fēi dào nǐ de shēnbiān."),
        ("我觉得汤姆和玛丽满足了。", "Wǒ juéde Tāngmǔ hé Mǎlì mǎnzú le."),
        ("张大山是老师。", "Zhāng Dàshān shì lǎoshī."),
        ("尼古拉斯来了。", "Nígǔlāsī lái le."),  # a transliteration is one written word
        ("鲍勃和玛莉是朋友。", "Bàobó hé Mǎlì shì péngyou."),
        ("这封信是谁写的？", "Zhè fēng xìn shì shuí xiě de?"),  # ordinary words are never capitalised
        ("汤里有盐。", "Tāng li yǒu yán."),
        ("他弓起背。", "Tā gōng qǐ bèi."),
        ("这里的风景多美的啊！", "Zhèlǐ de fēngjǐng duō měi de a!"),
    ],
)
def test_names_through_the_cards_segmentation(sentence: str, expected: str) -> None:
    from deckbuilder.segmenter import tagged

    assert line(read_tokens(tagged(sentence))) == expected


# ---------------------------------------------------------------- renderings
def test_numbered_per_character_and_tones() -> None:
    readings = read_sentence("我在银行。")
    assert numbered(readings) == "wo3 zai4 yin2hang2"
    assert per_character(readings) == "wo3 zai4 yin2 hang2"
    assert [tones(r) for r in readings] == ["3", "4", "22", "0"]


def test_tones_mark_characters_without_a_reading() -> None:
    (reading,) = read_tokens([("A股", "n")])
    assert tones(reading) == "03"


def test_umlaut_in_numbered_and_erhua_per_character() -> None:
    assert numbered(read_sentence("女")) == "nü3"
    assert per_character(read_sentence("一会儿")) == "yi1 hui4 er5"


def test_zhuyin_per_written_word() -> None:
    assert zhuyin_words(numbered(read_sentence("银行"))) == "ㄧㄣˊㄏㄤˊ"
    words = numbered_words(read_sentence("一个人"))
    assert [zhuyin_words(w) for w in words] == ["ㄧ", "ㄍㄜˋ", "ㄖㄣˊ"]  # numeral and measure apart


def test_pinyin_lines_modes() -> None:
    text = ["我得走了。", "你好"]
    assert list(pinyin_lines(text)) == ["Wǒ děi zǒu le.", "Nǐ hǎo"]
    assert list(pinyin_lines(text, numbers=True, per_char=True)) == ["wo3 dei3 zou3 le5", "ni3 hao3"]
    assert list(pinyin_lines(["不对"], numbers=True, per_char=True, citation_tones=True)) == ["bu4 dui4"]


def test_only_fallback_readings_are_unsure() -> None:
    assert all(r.confident for r in read_sentence("我在银行工作。", model=False))


@pytest.mark.parametrize(
    "sentence",
    [
        "我和玛丽去花园里玩。",  # 和 before a name, locative 里 after a noun
        "鲍勃的汤里有盐。",
        "他的脸上有一道伤疤。",  # 上 inside a token jieba invented: the locative rule holds there too
        "田里种着小麦。",
        "金和银都很贵。",  # 和 in a fragment, seconded by the context model
        "公司的资金不多了。",  # 不 in a fragment: the model's bú is the same 不
    ],
)
def test_readings_decided_by_rules_or_dictionary_are_confident(sentence: str) -> None:
    assert [r.word for r in read_sentence(sentence) if not r.confident] == []


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("他晕了过去。", "晕"),  # yūn or yùn: no rule, no dictionary word decides
        ("唉！我的电脑又当机了。", "唉"),  # the model overrules the common reading: a teacher should look
    ],
)
def test_fallback_decisions_on_polyphones_are_unsure(sentence: str, word: str) -> None:
    for model in (False, True):
        unsure = [r.word for r in read_sentence(sentence, model=model) if not r.confident]
        assert unsure == [word]


def test_package_docstring_examples() -> None:
    result = doctest.testmod(pinyin_pkg, verbose=False)
    assert result.failed == 0 and result.attempted > 0


# ---------------------------------------------------------------- overrides
def test_override_file_wins_everywhere(tmp_path: Path) -> None:
    path = tmp_path / "readings.tsv"
    path.write_text("# teacher's readings\n\n银行\tyin2 xing2\n长\tzhang3\n", encoding="utf-8")
    table = load_overrides(path)
    assert table == {"银行": "yin2 xing2", "长": "zhang3"}
    readings = read_sentence("银行家的头发很长。", table)
    flat = [s for r in readings for s in r.syllables]
    assert flat[:2] == ["yin2", "xing2"]
    assert flat[-1] == "zhang3"
    assert readings[-2].source == "override"


@pytest.mark.parametrize(
    ("content", "line_no"),
    [
        ("银行 yin2 hang2\n", 1),
        ("好\thao3\n银行\tyin2\n", 2),
        ("ab\thao3\n", 1),
        ("好\tnot-pinyin!\n", 1),
    ],
)
def test_override_file_errors_name_the_line(tmp_path: Path, content: str, line_no: int) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_overrides(path)
    assert info.value.line == line_no
    assert str(path) in str(info.value)


def test_override_tone_marks_accepted(tmp_path: Path) -> None:
    path = tmp_path / "marks.tsv"
    path.write_text("银行\tyín háng\n", encoding="utf-8")
    assert load_overrides(path) == {"银行": "yin2 hang2"}


def test_missing_override_file(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        load_overrides(tmp_path / "nope.tsv")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("西安", "Xī'ān"), ("天安门", "Tiān'ānmén"), ("女儿", "nǚ'ér"), ("可爱", "kě'ài"), ("银行", "yínháng")],
)
def test_apostrophe_marks_syllable_boundaries_inside_words(text: str, expected: str) -> None:
    assert written_words(read_sentence(text))[0] == expected


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("我們的銀行很大。", "我们的银行很大。"),
        ("他還沒還錢。", "他还没还钱。"),
        ("頭髮長了。", "头发长了。"),
    ],  # fmt: skip
)
def test_traditional_text_reads_as_its_simplified_form(traditional: str, simplified: str) -> None:
    for mode in ({}, {"numbers": True}, {"numbers": True, "per_char": True}):
        assert list(pinyin_lines([traditional], **mode)) == list(pinyin_lines([simplified], **mode))


def test_traditional_text_kept_as_written_where_it_has_no_pinyin() -> None:
    assert list(pinyin_lines(["這是「銀行」，OK？"])) == ["Zhè shì \u201cyínháng\u201d, OK?"]


def test_a_traditional_character_keeps_a_reading_of_its_own() -> None:
    """閤 simplifies to 合 (hé), but 閤 itself is only ever read gé: the written character wins."""
    assert list(pinyin_lines(["他在閤内。"], numbers=True, per_char=True)) == ["ta1 zai4 ge2 nei4"]


def test_the_erhua_of_a_traditional_word_stays_an_r() -> None:
    """兒 has no dictionary reading r of its own, but the word 鳥兒 is niǎor, written as it is simplified."""
    assert (
        list(pinyin_lines(["那隻鳥兒很小。"]))
        == list(pinyin_lines(["那只鸟儿很小。"]))
        == ["Nà zhī niǎor hěn xiǎo."]
    )


# ---------------------------------------------------------------- issue 13: corrections flow back
@pytest.mark.parametrize(
    ("word", "written", "expected"),
    [
        ("教会", "jiàohuì", "jiao4 hui4"),  # as the cards print it
        ("教会", "jiào huì", "jiao4 hui4"),
        ("教会", "jiao4hui4", "jiao4 hui4"),  # as PinyinNumbered and review.tsv print it
        ("教会", "jiao4 hui4", "jiao4 hui4"),
        ("东西", "dōngxi", "dong1 xi5"),  # neutral tone unmarked
        ("东西", "dong1xi0", "dong1 xi5"),
        ("一会儿", "yíhuìr", "yi2 hui4 r5"),  # erhua
        ("女儿", "nǚ'ér", "nv3 er2"),
        ("女儿", "nv3er2", "nv3 er2"),
        ("女儿", "nu:3 er2", "nv3 er2"),
        ("西安", "Xī'ān", "xi1 an1"),
        ("西安", "xī ān", "xi1 an1"),
        ("方案", "fāngàn", "fang1 an4"),  # fan'gan or fang'an: the characters' readings decide
        ("中国人", "Zhōngguórén", "zhong1 guo2 ren2"),
    ],
)
def test_override_takes_what_the_cards_print(tmp_path: Path, word: str, written: str, expected: str) -> None:
    path = tmp_path / "readings.tsv"
    path.write_text(f"{word}\t{written}\n", encoding="utf-8")
    assert load_overrides(path) == {word: expected}


def test_override_file_with_bom_header_and_review_rows(tmp_path: Path) -> None:
    path = tmp_path / "hsk4.review.tsv"
    rows = ["sentence\tword\tpinyin", "老师教会了我。\t教会\tjiao4hui4", "他还书了。\t还\thuan2", "还\thuán"]
    path.write_text("\ufeff" + "\n".join(rows) + "\n", encoding="utf-8")
    assert load_overrides(path) == {"教会": "jiao4 hui4", "还": "huan2"}
    bom_only = tmp_path / "readings.tsv"
    bom_only.write_text("\ufeff银行\tyínháng\n", encoding="utf-8")
    assert load_overrides(bom_only) == {"银行": "yin2 hang2"}


@pytest.mark.parametrize(
    ("content", "line_no", "message"),
    [
        ("教会\tjiàohuìle\n", 1, "教会 has 2 characters but 'jiàohuìle' reads as"),
        ("# c\n好\thǎoo\n", 2, "好 has 1 character but"),
        ("好\thǎo\n好\thào\n", 2, "好 reads hao4 here but hao3 on line 1"),
        ("银行\tyin2\n", 1, "'yin2' does not split into readings of 银行"),  # not yi'n2: 行 is never n
        ("a\tb\tc\td\n", 1, "expected 'word<TAB>pinyin'"),
        ("word\tpinyin\nab\thao3\n", 2, "the word must be Chinese characters only"),
    ],
)
def test_override_errors_name_file_and_line(tmp_path: Path, content: str, line_no: int, message: str) -> None:
    path = tmp_path / "readings.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message) as info:
        load_overrides(path)
    assert info.value.line == line_no and str(path) in str(info.value)


def test_a_reading_that_starts_neutral_is_a_bound_form_not_the_word() -> None:
    # CC-CEDICT lists 出来 twice: chu1 lai2 "to come out" and chu5 lai5, the complement after a verb.
    assert list(pinyin_lines(["太阳出来了。", "你快出来！"])) == ["Tàiyang chūlái le.", "Nǐ kuài chūlái!"]
    assert list(pinyin_lines(["东西很多。"])) == ["Dōngxi hěn duō."]  # a neutral second syllable still wins


def test_pouring_and_giving() -> None:
    # 倒 is dào when a drink or a container's measure follows; 给 alone is always gěi (jǐ only in words).
    lines = ["我帮你倒一杯水。", "他倒了一碗汤。", "树倒了。", "请给我倒一杯茶。", "他倒在地上。"]
    assert list(pinyin_lines(lines)) == [
        "Wǒ bāng nǐ dào yì bēi shuǐ.",
        "Tā dàole yì wǎn tāng.",
        "Shù dǎo le.",
        "Qǐng gěi wǒ dào yì bēi chá.",
        "Tā dǎo zài dìshang.",
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("一、洗手；二、吃饭。", "Yī, xǐshǒu; èr, chīfàn."),  # a list's first item, before its 、
        ("一月一日放假。", "Yī yuè yī rì fàngjià."),  # a date
        ("十月一号开学。", "Shíyuè yī hào kāixué."),
        ("他一天喝一杯。", "Tā yì tiān hē yì bēi."),  # counting keeps the spoken tone
    ],
)
def test_yi_keeps_its_tone_as_an_ordinal(sentence: str, expected: str) -> None:
    assert line(read_sentence(sentence)) == expected


@pytest.mark.parametrize(
    ("sentence", "readings"),
    [
        ("他真是一个好老师。", ["shi4"]),  # "truly is"
        ("今天真是太冷了。", ["shi4"]),
        ("你这个人真是的！", ["shi5"]),  # the exclamation of annoyance
        ("真是！", ["shi5"]),
    ],
)
def test_zhenshi_is_neutral_only_as_the_exclamation(sentence: str, readings: list[str]) -> None:
    assert syllables_of(sentence, "是") == readings


@pytest.mark.parametrize(
    ("sentence", "readings"),
    [
        ("叶子都打卷了。", ["juan3"]),  # 打卷 "to curl"
        ("她的头发打着卷。", ["juan3"]),
        ("把纸卷好。", ["juan3"]),
        ("这套书有三卷。", ["juan4"]),  # volumes
    ],
)
def test_juan_rolls_as_a_verb(sentence: str, readings: list[str]) -> None:
    assert syllables_of(sentence, "卷") == readings
