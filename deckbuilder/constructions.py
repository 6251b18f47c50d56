"""Constructions jieba glues across, undone as the segmenter cuts: 才 "only then" glued to the modal after it
(才能 "talent") or the noun before it (人才 "talent"), a subject pronoun glued to its verb (他用 "other
use" in 他用刀切菜), 还 "also" + 是 (不仅…还是), 的 + 话 "words" (她的话), 哪 + 一 + measure (哪一路), a verb
and its durative 着 (穿着 "attire", 跟 + 随着) and 请 + a verb and its complement (请坐 + 好); and it cuts
apart a one-character verb said twice, joined here (吹 + 吹 → 吹吹 "have a blow"), a verb and its potential
complement (买 + 得到 → 买得到 "can buy") and 小/老 + a surname (小 + 李 → 小李, `addressing`); 与其 is
与 + 其 "with its" unless 不如/宁可 … answers its "rather than". `segmenter.cut` applies them (`undo`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, reduce
from operator import or_

from deckbuilder import addressing, measures
from deckbuilder.chinese import HAN, HAN_RUN, PERSONAL_PRONOUNS
from deckbuilder.erhua import erhua_suffix
from deckbuilder.memo import Memo

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
    """`words` (the cut of `text`) with the constructions above undone, pass by pass (`_PASSES`).

    A pass runs only where a word of the sentence can set it off (most sentences hold words for two or three
    of the eighteen): each word's triggers are worked out once (`_triggers`), and the words are scanned again
    only after a pass changed them, since a word a pass makes may set off a later one.
    """
    due = _triggered(words)
    while due:
        flag = due & -due  # the first pass due
        run, _, needs = _BY_FLAG[flag]
        if needs in text:
            done = run(words)
            if done != words:
                words = done
                due = _triggered(done)
        due &= -2 * flag  # the passes after it
    return words


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
    if "就" not in words and "以" not in words:
        return words  # neither construction: most sentences with a word of 一
    from deckbuilder.cedict import headwords

    out: list[str] = []
    for k, word in enumerate(words):
        if len(word) == 2 and word[0] == "一" and verb_char(word[1]) and _then_follows(words[k + 1 :]):
            out.extend(("一", word[1]))
        elif len(word) == 2 and word[0] == "为" and "以" in words[:k] and word not in headwords().ordinary:
            out.extend(("为", word[1]))  # 以 花蜜 为 食: "take … as" food
        else:
            out.append(word)
    return out


def _then_follows(rest: list[str]) -> bool:
    """就 "then" comes in the clause `rest` opens."""
    end = next((i for i, w in enumerate(rest) if w in _CLAUSE_ENDS), len(rest))
    return "就" in rest[:end]


def a_not_a(words: list[str]) -> list[str]:
    """`words` with an A-not-A question glued into one token cut into its words: 去不去 → 去 + 不 + 去,
    喜欢不喜欢 → 喜欢 + 不 + 喜欢 (as jieba already cuts 来不来)."""
    out: list[str] = []
    for word in words:
        half = len(word) // 2
        out.extend((word[:half], "不", word[:half]) if _asked(word) else (word,))
    return out


def _asked(word: str) -> bool:
    """A-not-A glued into one token: 去不去, 喜欢不喜欢."""
    half = len(word) // 2
    return len(word) in (3, 5) and word[half] == "不" and word[:half] == word[half + 1 :]


def verb_object(words: list[str]) -> list[str]:
    """`words` with a dictionary compound of a verb and a noun cut into the two where an adverb that only
    comes before an action stands right before it and the clause ends after it: 系统正在统计数据。 is 统计
    "to count" + 数据 "data", not 统计数据 "statistical data"."""
    from deckbuilder import cedict, segmenter

    out: list[str] = []
    for i, word in enumerate(words):
        after = words[i + 1] if i + 1 < len(words) else ""
        if len(word) == 4 and out and out[-1] in _BEFORE_ACTION and (after in _CLAUSE_ENDS or not after):
            pieces = cedict.split(word, whole=False)
            if len(pieces) == 2 and [segmenter.word_tag(p)[:1] for p in pieces] == ["v", "n"]:
                out.extend(pieces)
                continue
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
    if not any(map(str.startswith, words[1:], words)):
        return words  # no word starts with the one before it: nothing is said twice
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


def potential(word: str) -> bool:
    """A one-character verb, 得 and a result (买得到 "can buy", 看得见 "can see") CC-CEDICT does not list: one
    word (GB/T 16159 writes mǎidedào), its 得 neutral, glossed from its parts."""
    return len(word) == 3 and word[1] == "得" and word[2] in _POTENTIAL_RESULTS and _unlisted_potential(word)


@lru_cache(maxsize=4_096)  # after the test above: `potentials` asks of every pair of neighbouring words
def _unlisted_potential(word: str) -> bool:
    from deckbuilder import cedict  # (loaded on first use)

    return not cedict.lookup(word) and verb_char(word[0])


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


def loose_objects(words: list[str]) -> list[str]:
    """`words` with each `loose_object` cut into its verb and object (倒水 → 倒 + 水)."""
    return [p for w in words for p in ((w[0], w[1]) if len(w) == 2 and loose_object(w) else (w,))]


def _subject_glued(word: str) -> bool:
    """What `subject_verb` may cut: a pronoun glued to one character, no listed word (or 你好, 您好)."""
    from deckbuilder.standards import all_words

    return len(word) == 2 and word[0] in _PRONOUNS and (word in ("你好", "您好") or word not in all_words())


Pass = Callable[[list[str]], list[str]]
# The passes of `undo` in order, each with what a word must be for the pass to change anything (the test
# each pass makes first, of the word it cuts or of the word before: all it changes needs such a word) and
# a string the text must hold ("" for none: 哪 + 一路 must be adjacent, not 哪 一路 across a space).
_PASSES: tuple[tuple[Pass, Callable[[str], bool], str], ...] = (
    (subject_verb, _subject_glued, ""),
    (negated_want, "不想".__eq__, ""),
    (only_then, ("才能", "人才").__contains__, ""),
    (also_is, "还是".__eq__, ""),
    (said_words, "的话".__eq__, ""),
    (verb_particle, lambda w: len(w) == 2 and w[1] == "着", ""),
    (please_complement, lambda w: len(w) == 2 and w[0] == "请", ""),
    (measures.counted, measures.cuts, ""),
    (erhua_suffix, "儿".__eq__, ""),
    (loose_objects, lambda w: len(w) == 2 and loose_object(w), ""),
    (tentative_verbs, lambda w: len(w) == 1 and said_twice(w + w), ""),
    (potentials, lambda w: w[:1] == "得" and len(w) <= 2, ""),
    (addressing.familiar, lambda w: w[:1] in addressing.FAMILIAR and len(w) <= 2, ""),
    (a_not_a, _asked, ""),
    (verb_object, _BEFORE_ACTION.__contains__, ""),
    (which_one, "哪".__eq__, "哪一"),
    (rather_than, "与其".__eq__, ""),
    (as_soon_as, lambda w: len(w) == 2 and w[0] in "一为", ""),
)

_FLAGS = tuple(1 << k for k in range(len(_PASSES)))  # each pass's bit in a set of passes
_BY_FLAG = dict(zip(_FLAGS, _PASSES, strict=True))


def _triggers(word: str) -> int:
    """The passes `word` sets off, as a set of bits (`_FLAGS`)."""
    return sum(flag for flag, (_, sets_off, _) in zip(_FLAGS, _PASSES, strict=True) if sets_off(word))


_TRIGGERS = Memo(_triggers)


def _triggered(words: list[str]) -> int:
    """The passes some word of `words` sets off (`_FLAGS`)."""
    return reduce(or_, map(_TRIGGERS.__getitem__, words), 0)
