"""Constructions jieba glues across, undone as the segmenter cuts: 才 "only then" glued to the modal after it
(才能 "talent") or the noun before it (人才 "talent"), a subject pronoun glued to its verb (他用 "other
use" in 他用刀切菜), 还 "also" + 是 (不仅…还是), 的 + 话 "words" (她的话), 哪 + 一 + measure (哪一路), a verb
and its durative 着 (穿着 "attire", 跟 + 随着) and 请 + a verb and its complement (请坐 + 好); and it cuts
apart a one-character verb said twice, joined here (吹 + 吹 → 吹吹 "have a blow"), a verb and its potential
complement (买 + 得到 → 买得到 "can buy") and 小/老 + a surname (小 + 李 → 小李, `addressing`); 与其 is
与 + 其 "with its" unless 不如/宁可 … answers its "rather than".
`segmenter.cut` applies them to its words (`undo`).
"""

from __future__ import annotations

from functools import lru_cache

from deckbuilder import addressing
from deckbuilder.chinese import COUNTING, COUNTS, HAN, HAN_RUN, MEASURES, MONEY, NUMERALS, PERSONAL_PRONOUNS
from deckbuilder.erhua import erhua_suffix

# Verbs whose doubling is no tentative form (是是 "yes, yes"; 有有).
_NOT_TENTATIVE = frozenset("是有")
# One-character personal pronouns: the subject a verb after them is glued to (他用, 他杀, 我载).
_PRONOUNS = frozenset(p for p in PERSONAL_PRONOUNS if len(p) == 1)

# 才 "only then" (只有 … 才, 除非 … 才, 要 … 才能) glues to the modal after it (才能 "talent") or to the noun
# before it (人才 "talent"). 才能 is the noun only next to these words, at a clause end, or after 的, 有 …
_TALENT_BEFORE = frozenset({"其", "之", "和", "与", "是", "展现", "发挥", "缺乏", "施展", "显示", "表现"})
_TALENT_AFTER = frozenset({"的", "和", "与", "是", "很", "也", "都", "还", "非常", "十分", "不够", "有限"})
# 人才 is 人 + 才 before a modal or 行/对 when 只有, 除非 … opened the construction (只有努力的人才能成功).
_ONLY_IF = frozenset({"只有", "除非", "必须", "非得", "一定要", "需要"})
_AFTER_CAI = frozenset({"能", "会", "可以", "能够", "肯", "敢", "行", "对", "明白", "懂", "知道"})


# 还是 is 还 "also" + 是 "is" right after "and" or in a clause after "not only" (不仅是老师，还是作家).
_AND = frozenset({"而", "而且", "并且", "并", "且"})
_NOT_ONLY = frozenset({"不仅", "不但", "不只", "不光", "不单", "不止"})
# What opens a conditional clause 的话 "if" closes (如果你不来的话); 若 as a word of its own (not 要 "must").
_IF = frozenset({"如果", "要是", "假如", "假若", "倘若", "假使", "万一", "若", "若是", "只要"})
# Verbs of speaking whose 的话 is "the words" said (他说的话).
_SAY = frozenset({"说", "讲", "问", "写", "骂", "听", "告诉", "说过", "讲过"})
# What starts a counted or pointed-at object (一件, 两本, 这个).
_COUNTING = frozenset("一二两三四五六七八九十几这那每")
_SENTENCE_ENDS = frozenset({"", "。", "！", "？", "!", "?", "…", "”", "」"})
_CLAUSE_ENDS = _SENTENCE_ENDS - {""} | frozenset({"，", ",", "；", ";", "：", ":"})
# Adverbs that stand only before an action (not modal verbs, which may take a noun: 要工作人员).
_BEFORE_ACTION = frozenset({"正在", "已经", "开始", "继续", "一直", "经常", "常常", "认真", "仔细", "努力"})


def undo(words: list[str], text: str) -> list[str]:
    """`words` (the cut of `text`) with the constructions above undone."""
    if any(p in text for p in _PRONOUNS):
        words = subject_verb(words)
    if "不想" in text:
        words = negated_want(words)
    words = only_then(words) if "才" in text else words
    words = also_is(words) if "还是" in text else words
    words = said_words(words) if "的话" in text else words
    words = verb_particle(words) if "着" in text else words
    words = please_complement(words) if "请" in text else words
    words = counted(words)
    words = erhua_suffix(words) if "儿" in words else words
    words = [p for w in words for p in ((w[0], w[1]) if len(w) == 2 and loose_object(w) else (w,))]
    words = tentative_verbs(words)
    words = potentials(words) if "得" in text else words
    words = addressing.familiar(words) if any(c in text for c in addressing.FAMILIAR) else words
    words = a_not_a(words) if "不" in text else words
    words = verb_object(words) if any(w in _BEFORE_ACTION for w in words) else words
    words = which_one(words) if "哪一" in text else words
    words = rather_than(words) if "与其" in text else words
    return as_soon_as(words) if ("一" in text and "就" in text) or ("以" in text and "为" in text) else words


# What answers 与其 "rather than" later in its sentence (与其 等待，不如 行动).
_BETTER = ("不如", "宁可", "宁愿", "宁肯", "毋宁")  # also inside a word (不如说, 还不如)


def rather_than(words: list[str]) -> list[str]:
    """`words` with 与其 cut into 与 "with" + 其 "its" where nothing after it answers "rather than"
    (公司与其分公司: "the company and its branches")."""
    out: list[str] = []
    for k, word in enumerate(words):
        if word == "与其" and not any(b in w for w in words[k + 1 :] for b in _BETTER):
            out += ["与", "其"]
        else:
            out.append(word)
    return out


def counted(words: list[str]) -> list[str]:
    """`words` with a numeral or demonstrative glued to its measure word cut into the two, as GB/T 16159
    writes them and textbooks gloss them (一个 → 一 + 个, 这本 → 这 + 本, 一百块 → 一百 + 块; an ordinal too,
    第二个 → 第二 + 个; and the noun counted when jieba glued it on, 一朵花 → 一 + 朵 + 花), unless the chunk
    is a word of its own: listed (这个, 一样) or in CC-CEDICT (每天 "every day", 一种, 几个 "a few", 十月
    "October", 第一次). A number glued to a word it counts or times is cut off it too (一分钟 → 一 + 分钟,
    七点 → 七 + 点, 三年级 → 三 + 年级)."""
    from deckbuilder.cedict import headwords
    from deckbuilder.standards import all_words

    lists, listed = headwords(), all_words()
    out: list[str] = []
    for k, word in enumerate(words):
        if len(word) == 2 and word[0] in NUMERALS and word[1] in "加减乘除":
            out.extend(word)  # 五加五: five plus five, not the plant 五加
            continue
        if word.startswith("好几") and len(word) > 2 and word[2:] in lists.ordinary and word not in listed:
            out.extend(("好几", word[2:]))  # 好几种 "several kinds": 好几 + 种
            continue
        if len(word) < 2 or (word[0] not in COUNTS and word[0] != "第"):
            out.append(word)  # most words: no count in front of them
            continue
        count = word[1:-1] if word[:1] == "第" and len(word) > 2 else word[:-1]  # 第二个 → 第二 + 个
        chunk = len(word) > 1 and word[-1] in MEASURES and all(ch in COUNTS for ch in count)
        noun = word[2:] in lists.ordinary and word not in listed and word not in lists.ordinary
        if len(word) > 2 and word[0] in COUNTS and word[1] in MEASURES and noun:  # 一朵花 → 一 + 朵 + 花
            out.extend((word[0], word[1], word[2:]))
            continue
        month = word[-1] == "月" and word in lists.proper  # 十月 "October"; not the county 三门
        whole = word in listed or word in lists.ordinary
        if whole and word not in listed and _counts_next(word, words[k + 1 : k + 3]):
            whole = False  # 三条 鱼, 一元 有 十毛: no "three of a kind (poker)", no "univariate"
        if chunk and not whole and not month:
            out.extend((word[:-1], word[-1]))
            continue
        # A number before a word of its own that it counts or times (一分钟, 七点, 一队, 三年级): apart.
        run = len(word) - len(word.lstrip("".join(NUMERALS)))
        if 0 < run < len(word) and not whole and word not in lists.proper and word[run:] in lists.ordinary:
            out.extend((word[:run], word[run:]))
        else:
            out.append(word)
    return out


def _counts_next(word: str, after: list[str]) -> bool:
    """A numeral and a measure word CC-CEDICT lists for another sense than a quantity (三条 "three of a kind
    (poker)", not 一种 "one kind of"), counting the noun after it (三条 鱼) or an amount of money (一元): the
    count, as the cards gloss it; not before a word 的 makes a modifier (一口 地道 的 中文)."""
    from deckbuilder import english, segmenter

    if len(word) < 2 or not all(ch in COUNTING for ch in word[:-1]) or word[-1] not in MEASURES:
        return False
    sense = first_sense(word)
    if not sense or english.QUANTITY.match(sense):
        return False
    if word[-1] in MONEY:
        return True
    noun = bool(after) and segmenter.dictionary_entry(after[0])[1] in ("n", "nz", "ng")
    return noun and after[1:2] != ["的"]


@lru_cache(maxsize=20_000)
def loose_object(word: str) -> bool:
    """A two-character token that is a one-character verb and its noun object, no word of CC-CEDICT or the
    HSK lists (倒水, 喂狗): written apart, as GB/T 16159 writes them, so each is glossed; not one whose
    reading pypinyin lists apart from its characters'. Cut after the segmenter: taken out of its
    dictionary, the pair would leave room for another wrong word (刀切菜)."""
    from deckbuilder import segmenter
    from deckbuilder.cedict import headwords
    from deckbuilder.standards import all_words

    lists = headwords()
    if word in lists.ordinary or word in lists.proper or word in all_words() or not HAN_RUN.fullmatch(word):
        return False
    from deckbuilder.pinyin.lexicon import marked_pair

    verb_object = segmenter.word_tag(word[0])[:1] == "v" and segmenter.word_tag(word[1]) == "n"
    return verb_object and not marked_pair(word)  # 看门 kān mén keeps its reading whole


def as_soon_as(words: list[str]) -> list[str]:
    """`words` with 一 glued to a verb cut off it when 就 follows in the clause: 他 一来 我 就 走 is 一 + 来
    "as soon as he comes", not 一来 "firstly"; and 为 glued to its noun after 以 (以 花蜜 为食 → 为 + 食)."""
    from deckbuilder.cedict import headwords

    out: list[str] = []
    for k, word in enumerate(words):
        rest = words[k + 1 :]
        end = next((i for i, w in enumerate(rest) if w in _CLAUSE_ENDS), len(rest))
        if len(word) == 2 and word[0] == "一" and verb_char(word[1]) and "就" in rest[:end]:
            out.extend(("一", word[1]))
        elif len(word) == 2 and word[0] == "为" and "以" in words[:k] and word not in headwords().ordinary:
            out.extend(("为", word[1]))  # 以 花蜜 为 食: "take … as" food
        else:
            out.append(word)
    return out


def a_not_a(words: list[str]) -> list[str]:
    """`words` with an A-not-A question glued into one token cut into its words: 去不去 → 去 + 不 + 去,
    喜欢不喜欢 → 喜欢 + 不 + 喜欢 (as jieba already cuts 来不来)."""
    out: list[str] = []
    for word in words:
        half = len(word) // 2
        asked = len(word) in (3, 5) and word[half] == "不" and word[:half] == word[half + 1 :]
        out.extend((word[:half], "不", word[:half]) if asked else (word,))
    return out


def verb_object(words: list[str]) -> list[str]:
    """`words` with a dictionary compound of a verb and a noun cut into the two where an adverb that only
    comes before an action stands right before it and the clause ends after it: 系统正在统计数据。 is 统计
    "to count" + 数据 "data", not 统计数据 "statistical data"."""
    from deckbuilder import cedict, segmenter

    out: list[str] = []
    for i, word in enumerate(words):
        after = words[i + 1] if i + 1 < len(words) else ""
        pieces = (
            cedict.split(word, whole=False) if len(word) == 4 and out and out[-1] in _BEFORE_ACTION else []
        )
        tags = [segmenter.word_tag(p)[:1] for p in pieces]
        if len(pieces) == 2 and tags == ["v", "n"] and (after in _CLAUSE_ENDS or not after):
            out.extend(pieces)
        else:
            out.append(word)
    return out


def also_is(words: list[str]) -> list[str]:
    """`words` with 还是 cut into 还 "also" + 是 "is" after 而/并且 or where 不仅/不但 … came before: 他不仅
    是老师，还是作家; 而还是 (but 你还是去吧, 茶还是咖啡 keep 还是 "had better", "or")."""
    out: list[str] = []
    for word in words:
        also = word == "还是" and out and (out[-1] in _AND or any(w in _NOT_ONLY for w in out))
        out.extend(("还", "是") if also else (word,))
    return out


def said_words(words: list[str]) -> list[str]:
    """`words` with 的话 cut into 的 + 话 "words" after a pronoun, noun, name or verb of speaking (她的话很
    有道理, 听小明的话, 他说的话) or at the end of the sentence (他不需要很多的话。) unless a conditional
    opened in its clause (如果…的话) or a comma follows it (我的话，…: "if it were me"): 的话 "if" only
    closes a conditional clause."""
    from deckbuilder import segmenter

    out: list[str] = []
    for i, word in enumerate(words):
        after = words[i + 1] if i + 1 < len(words) else ""
        clause = out[max((k for k, w in enumerate(out) if w in _CLAUSE_ENDS), default=-1) + 1 :]
        if word == "的话" and out and not any(w in _IF for w in clause) and after not in ("，", ",", "、"):
            before = out[-1]
            owner = before in PERSONAL_PRONOUNS or segmenter.dictionary_entry(before)[1][:1] in ("n", "r")
            if owner or before in _SAY or segmenter.is_name(before) or after in _SENTENCE_ENDS:
                out.extend(("的", "话"))
                continue
        out.append(word)
    return out


def which_one(words: list[str]) -> list[str]:
    """`words` with a word of 一 after 哪 "which" cut into 一 "one" and its measure: 哪 + 一 + 路 "which (bus)
    route", not 一路 "all the way"; 哪一样, 哪一家 likewise; 哪一个, 哪一些 keep their chunk."""
    out: list[str] = []
    for word in words:
        counted = len(word) == 2 and word[0] == "一" and word not in ("一个", "一些", "一点", "一下")
        out.extend(word if counted and out and out[-1] == "哪" else (word,))
    return out


def negated_want(words: list[str]) -> list[str]:
    """`words` with 不想 cut into 不 + 想 "not want to / not think" where it follows something in its
    clause (我不想去, 他从来不想): the dictionary word 不想 "unexpectedly" opens its clause (不想他竟来了)."""
    out: list[str] = []
    for word in words:
        opens = not out or not out[-1][-1:].isalnum()
        out.extend(("不", "想") if word == "不想" and not opens else (word,))
    return out


def subject_verb(words: list[str]) -> list[str]:
    """`words` with a personal pronoun cut from the verb, preposition or adjective it is glued to when a word
    follows, so the pronoun is the subject: 他用 + 刀 "he uses a knife" (not 他用 "other use"), 他杀 + 了
    "he killed", 你明 + 不 (明白); kept where nothing follows (挪作他用。, 这是他杀。) and where the rest is a
    noun (他国, 我方, 他人) or the word is listed (我们, 你好)."""
    from deckbuilder import segmenter
    from deckbuilder.standards import all_words

    out: list[str] = []
    for i, word in enumerate(words):
        after = words[i + 1] if i + 1 < len(words) else ""
        glued = len(word) == 2 and word[0] in _PRONOUNS and after[:1].isalnum() and word not in all_words()
        wished = word in ("你好", "您好") and i > 0 and after[:1].isalnum()  # 祝 你 好运气, not "hello"
        if wished or (glued and segmenter.dictionary_entry(word[1])[1][:1] in ("v", "p", "a")):
            out.extend(word)
        else:
            out.append(word)
    return out


def only_then(words: list[str]) -> list[str]:
    """`words` with 才 cut from a word it is glued to where it is the adverb "only then": 才能 (努力才能
    成功, 他要一个小时才能来; but 她的才能, 很有才能, 才能和品德, 发挥才能。) and 人才 after 只有, 除非 …
    (只有努力的人才能成功: 人 + 才 + 能, but 公司需要人才, 人才流失)."""
    out: list[str] = []
    for i, word in enumerate(words):
        after = words[i + 1] if i + 1 < len(words) else ""
        before = out[-1] if out else ""
        if word == "才能":
            talent = before in _TALENT_BEFORE or before.endswith(("的", "有", "多", "些", "种"))
            if not (talent or after in _TALENT_AFTER or not HAN.match(after[:1])):
                out.extend(("才", "能"))
                continue
        if word == "人才" and after in _AFTER_CAI and any(w in _ONLY_IF for w in out):
            out.extend(("人", "才"))
            continue
        out.append(word)
    return out


def verb_particle(words: list[str]) -> list[str]:
    """`words` with the durative 着 cut from its verb where jieba glued them into a noun or adjective read
    zhuó (穿着 "attire": 他穿着一件大衣 → 穿 + 着) before an object, and where it took the verb's second
    character into a preposition (跟 + 随着 → 跟随 + 着)."""
    from deckbuilder import cedict, segmenter

    out: list[str] = []
    for i, word in enumerate(words):
        after = words[i + 1] if i + 1 < len(words) else ""
        if len(word) != 2 or word[1] != "着":
            out.append(word)
            continue
        before = out[-1] if out else ""
        if len(before) == 1 and segmenter.dictionary_entry(before + word[0])[1].startswith("v"):
            out[-1:] = [before + word[0], "着"]  # 跟 + 随着: the verb 跟随
            continue
        zhuo = any(e.pinyin.endswith("zhuo2") for e in cedict.lookup(word))
        verb = segmenter.word_tag(word[0])[:1] in ("v", "z")  # jieba tags 穿 zg
        obj = after[:1] in _COUNTING or segmenter.dictionary_entry(after)[1][:1] in ("n", "m", "q")
        out.extend(word if zhuo and verb and obj and before != "的" else (word,))
    return out


def please_complement(words: list[str]) -> list[str]:
    """`words` with 请 cut from the verb jieba glued it to when the verb's complement follows: 请坐 + 好 →
    请 + 坐好 "sit properly", 请进 + 来 → 请 + 进来."""
    from deckbuilder import segmenter

    out: list[str] = []
    for word in words:
        before = out[-1] if out else ""
        glued = len(word) == 1 and len(before) == 2 and before[0] == "请"
        if glued and segmenter.dictionary_entry(before[1] + word)[0]:
            out[-1:] = ["请", before[1] + word]
            continue
        out.append(word)
    return out


@lru_cache(maxsize=4_096)
def first_sense(word: str) -> str:
    """The first sense of the word's first ordinary CC-CEDICT entry ("" without one)."""
    from deckbuilder import cedict

    entries = [e for e in cedict.lookup(word) if not e.pinyin[:1].isupper()]
    return entries[0].senses[0] if entries else ""


def opens_with_place(word: str, following: str) -> bool:
    """A word opening the sentence, with a localizer after it and then a personal pronoun, the subject (会 上
    他 第一个 发言), or 有 saying what is there (树 上 有 几只 鸟): a place or time, unless CC-CEDICT's first
    sense makes it a verb (填 上 你 的 名字). One decision for the readings (上 shang) and glosses ("on")."""
    there = following == "有" and word not in PERSONAL_PRONOUNS  # (我 上 有 老: "above me")
    return (following in PERSONAL_PRONOUNS or there) and not first_sense(word).startswith("to ")


def verb_char(ch: str) -> bool:
    """A character whose first sense is a verb ("to try"): it can be said twice, or take 得 and a result."""
    return first_sense(ch).startswith("to ")


@lru_cache(maxsize=4_096)
def tentative(word: str) -> bool:
    """A one-character verb said twice to soften it, "have a go" (试试, 想想, 吹吹): a word CC-CEDICT does not
    list (看看 and 说说 it reads itself), whose character's first sense is a verb ("to try"). One word,
    read with a neutral second syllable (shìshi)."""
    from deckbuilder import cedict

    if len(word) != 2 or word[0] != word[1] or word[0] in _NOT_TENTATIVE or cedict.lookup(word):
        return False
    return verb_char(word[0])


@lru_cache(maxsize=4_096)
def doubled_verb(word: str) -> bool:
    """A one-character verb said twice that CC-CEDICT lists as a verb (谈谈 "to discuss; to have a chat"),
    which it may read with two full tones: the tentative form's second syllable is neutral all the same."""
    if len(word) != 2 or word[0] != word[1] or word[0] in _NOT_TENTATIVE:
        return False
    return first_sense(word).startswith("to ") and verb_char(word[0]) and not _er_noun(word[0])


def _er_noun(ch: str) -> bool:
    """The character with 儿 is a noun of CC-CEDICT's (画儿 "picture"): said twice it is a verb and its
    object (画画 huà huà, 画画儿 huà huàr), not a verb softened."""
    sense = first_sense(ch + "儿")
    return bool(sense) and not sense.startswith("to ")


def said_twice(word: str) -> bool:
    """Either form of a one-character verb said twice: one word (吹吹, 谈谈)."""
    return tentative(word) or doubled_verb(word)


def tentative_verbs(words: list[str]) -> list[str]:
    """`words` with a one-character verb cut from its repetition joined to it (吹 + 吹 → 吹吹), also where
    jieba glued the repetition to a one-character object (吹 + 吹风 → 吹吹 + 风)."""
    from deckbuilder import segmenter

    out: list[str] = []
    for word in words:
        before = out[-1] if out else ""
        if len(before) != 1 or not word.startswith(before) or not said_twice(before + before):
            out.append(word)
        elif len(word) == 1:
            out[-1] = word + word
        elif len(word) == 2 and segmenter.word_tag(word[1])[:1] == "n":
            out[-1:] = [before + before, word[1]]
        else:
            out.append(word)
    return out


# What follows a potential 得 (买得到, 看得见, 吃得了, 买得起): a result the verb can reach.
_POTENTIAL_RESULTS = frozenset("到起了上出见着动完下住懂清开")


@lru_cache(maxsize=4_096)
def potential(word: str) -> bool:
    """A one-character verb, 得 and a result (买得到 "can buy", 看得见 "can see") CC-CEDICT does not list: one
    word (GB/T 16159 writes mǎidedào), its 得 neutral, glossed from its parts."""
    from deckbuilder import cedict

    if len(word) != 3 or word[1] != "得" or word[2] not in _POTENTIAL_RESULTS or cedict.lookup(word):
        return False
    return verb_char(word[0])


def potentials(words: list[str]) -> list[str]:
    """`words` with a one-character verb joined to its 得 and result (买 + 得到 → 买得到, 看 + 得 + 见)."""
    out: list[str] = []
    for word in words:
        if out and len(word) == 2 and potential(out[-1] + word):
            out[-1] += word
        elif len(out) > 1 and out[-1] == "得" and len(word) == 1 and potential(out[-2] + "得" + word):
            out[-2:] = [out[-2] + "得" + word]
        else:
            out.append(word)
    return out
