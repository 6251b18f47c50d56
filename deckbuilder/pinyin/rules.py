"""Polyphone rules: a character in its sentence (units with jieba POS tags) → its reading, or None.

Each rule looks only at the character's unit, its POS tag and its neighbours (the previous and next
units, sometimes the whole sentence for a construction such as 把 … 倒). A rule returns None when the
context does not decide; the next layer (context model or fallback) then chooses. Characters whose
stand-alone reading never depends on context are rows of `ALONE`, not rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from deckbuilder.pinyin.alone import ALONE
from deckbuilder.pinyin.context import (
    ADVERBIAL,
    CARRIED,
    CHANG2_EVENTS,
    CHANG2_WORDS,
    COMPLEMENT_DEGREE,
    COMPLEMENTS,
    DEGREE,
    LONG_COMPLEMENTS,
    MODAL_BEFORE,
    NUMERALS,
    ONLY_COMPLEMENTS,
    PERSONAL,
    PUNCT_FLAGS,
    REGARD_AS,
    RESULT_ZHAO,
    TIBET_BEFORE,
    WEI2_AFTER,
    Context,
    Unit,
)


def verbal(flag: str) -> bool:
    """Whether a POS tag is a verb, adjective or a verbal idiom (what a complement or modal follows)."""
    return flag.startswith(tuple("vaz")) or flag in ("ad", "an", "vd", "vn", "i", "l")


def _de(c: Context) -> str | None:  # 得
    prev, nxt, pflag = c.prev_text(), c.next_text(), c.prev_flag()
    if nxt in ("了", "过") and (not verbal(pflag) or c.next_flag(2).startswith(("m", "n"))):
        return "de2"  # 他得了第一名, 考试得了一百分: "obtain"
    if nxt in COMPLEMENT_DEGREE:
        return "de5"  # 唱得很好: a degree adverb follows a complement 得, never a modal one
    if not prev or pflag in PUNCT_FLAGS:
        return "dei3"  # sentence-initial 得 is modal
    subject = prev in PERSONAL or pflag.startswith(tuple("rnt")) or prev in MODAL_BEFORE
    next_ok = verbal(c.next_flag()) or c.next_flag().startswith(tuple("dpmr")) or nxt.startswith(ADVERBIAL)
    if subject and prev not in DEGREE - MODAL_BEFORE and not c.at_end() and next_ok:
        return "dei3"
    return "de5"


def _di(c: Context) -> str | None:  # 地 as a single unit
    pflag, nflag = c.prev_flag(), c.next_flag()
    if _reduplicated(c.prev_text()) and not c.at_end():
        return "de5"  # 慢慢地, 高高兴兴地
    # 这块地, 一片地: the noun dì after a number or demonstrative and a measure (大声地 counts nothing)
    prev = c.prev_text()
    counted = prev[-1:] in frozenset("块片亩") or (pflag.startswith(("r", "m", "q")) and prev[:1] in NUMERALS)
    if c.unit.flag == "uv" and not c.at_end() and not counted:
        return "de5"  # but 这块地, 一片地: the noun dì
    adverbial = pflag.startswith(tuple("dazil")) or _reduplicated(c.prev_text())
    if adverbial and nflag.startswith(("v", "p")):
        return "de5"
    return "di4"


def _reduplicated(word: str) -> bool:
    return len(word) >= 2 and (word[-1] == word[-2] or (len(word) == 4 and word[0] == word[1]))


def _le(c: Context) -> str | None:  # 了
    prev = c.prev_text()
    if prev.endswith("不") or (prev == "得" and c.prev_flag(2).startswith("v") and c.at_end()):
        return "liao3"  # 来不了, 去得了: potential complement "manage to"
    return "le5"


def _zhe(c: Context) -> str | None:  # 着
    prev = c.prev_text()
    result = prev[-1:] in RESULT_ZHAO and (c.prev_text(2) in ("没", "没有") or c.next_text() == "了")
    if result or (prev == "不" and c.prev_text(2)[-1:] in RESULT_ZHAO):
        return "zhao2"  # 没找着, 找着了, 睡不着: the result "succeed in" after a verb that takes it
    return "zhe5"  # 亮着, 开着, 看着: durative, also before 了 (灯亮着了)


def _guo(c: Context) -> str | None:  # 过 as aspect particle after a verb
    after_verb = verbal(c.prev_flag()) and c.prev_flag() not in PUNCT_FLAGS
    if after_verb and (c.unit.flag in ("ug", "uguo") or c.unit.flag.startswith("u")):
        return "guo5"
    return None  # 过马路, 过了一会儿: the verb guò


def _hai(c: Context) -> str | None:  # 还
    nxt, nflag = c.next_text(), c.next_flag()
    if nxt in frozenset("给了清钱债书") or c.at_end() or c.after().startswith(("一下", "回去", "回来")):
        return "huan2"  # 还给他, 还一下书, 还回去: the verb "return"
    after = c.next_flag(2)
    if nxt in PERSONAL and (c.next(2) is None or after in PUNCT_FLAGS or after.startswith(("m", "n"))):
        return "huan2"  # 我下个月还你, 还我一本书
    if nflag.startswith("n") and len(nxt) <= 2 and (c.next(2) is None or c.next_flag(2) in PUNCT_FLAGS):
        return "huan2"  # 去图书馆还书
    return "hai2"


_TIMES = frozenset({"时间", "日子", "时候", "年头"})
_GROWN = NUMERALS | {"很", "些"}  # what follows 长了 when it says what grew (长了一个, 长了很多)


def _chang(c: Context) -> str | None:  # 长
    prev, nxt = c.prev_text(), c.next_text()
    grows = nxt[:1] in frozenset("大高胖得出成满着")
    # 长了 after a noun (头发长了) or a place (鼻子上长了一个疙瘩), or before what grew (长了一个, 长了很多)
    grown = nxt == "了" and (c.prev_flag()[:1] in ("n", "f") or c.next_text(2)[:1] in _GROWN)
    grown = grown and prev not in _TIMES  # 时间长了 "after a long time": long
    if grows or grown:
        return "zhang3"
    if prev in DEGREE or prev[-1:] in frozenset("多很太又真最更") or c.unit.flag.startswith("a"):
        return "chang2"
    if c.unit.flag.startswith("v"):
        return "zhang3"
    return "chang2"


def _wei(c: Context) -> str | None:  # 为: wèi "for" before NP + VP; wéi "be, become, as" otherwise
    regard = any(v in c.before()[-5:-1] for v in REGARD_AS)  # 视他为, 称她为, 选他为: "as"
    after_verb = "以" in c.before()[-6:] or c.prev_text()[-1:] in WEI2_AFTER or regard
    if not after_verb and "而" in _clause_after(c):
        return "wei4"  # 为人民而死, 为和平而战: 为 … 而 "for the sake of"
    if c.unit.flag.startswith("v") or after_verb:
        return "wei2"
    counted = c.next_flag() in PUNCT_FLAGS or c.next_flag().startswith("m")  # 女性为63%: "is"
    if c.unit.flag == "p" and "所" not in _clause_after(c) and not counted:
        return "wei4"  # the preposition "for" (我为你高兴); 为 … 所 "by" is wéi
    for u in c.units[c.ui + 1 :]:
        if u.flag in PUNCT_FLAGS:
            break
        if u.flag.startswith(("v", "a")):
            return "wei4"  # 为你高兴, 为人民服务
    return "wei2" if c.prev() is not None and c.next() is not None else "wei4"


def _clause_after(c: Context) -> str:
    """The text after this character's unit up to the next punctuation."""
    out = []
    for u in c.units[c.ui + 1 :]:
        if u.flag in PUNCT_FLAGS:
            break
        out.append(u.text)
    return "".join(out)


def _zhong_heavy(c: Context) -> str | None:  # 重
    if c.prev_text() in DEGREE or c.at_end() or c.next_text() == "了":
        return "zhong4"
    if c.next_flag().startswith("v") and len(c.next_text()) == 1:
        return "chong2"  # 重说, 重写: "again"
    return "zhong4"


def _zhong_hit(c: Context) -> str | None:  # 中 alone
    """zhòng "be hit by; contract; win" before 了/过 and what hit (中了病毒, 中了一枪, 中过奖), unless a
    preposition framed it as the localizer (在学习中了); else zhōng."""
    framed = any(u.text in ("在", "从", "于") for u in c.units[: c.ui])
    return "zhong4" if c.next_text() in ("了", "过") and not c.at_end() and not framed else None


def _xing(c: Context) -> str | None:  # 行
    if c.prev_text()[-1:] in NUMERALS and c.next_text() != "人":
        return "hang2"  # 一行字 (but 一行人 "a party")
    return "xing2"


def _jue(c: Context) -> str | None:  # 觉
    prev = c.prev_text()
    if prev[-1:] in NUMERALS or prev in frozenset("个午") or "睡" in c.before()[-3:]:  # 睡不着觉, 一觉
        return "jiao4"
    return "jue2"


def _shu(c: Context) -> str | None:  # 数
    counting = c.next_text()[:1] in frozenset("一不到了清得") or c.prev_text() == "数"
    if c.unit.flag.startswith("v") or counting:
        return "shu3"
    return "shu4"


def _zhong_kind(c: Context) -> str | None:  # 种
    prev = c.prev_text()
    demonstrative = prev[:1] in frozenset("这那哪每各某") and c.prev_flag() == "r"
    if prev[-1:] in NUMERALS or prev.endswith("多少") or c.prev_flag() in ("m", "q") or demonstrative:
        return "zhong3"
    verb = c.unit.flag.startswith("v") or c.next_text() in ("了", "着", "过", "在")
    if verb or c.next_flag().startswith("n"):
        return "zhong4"  # 种花, 种了很多树
    return "zhong3"


def _zhi(c: Context) -> str | None:  # 只
    prev = c.prev_text()
    if prev[-1:] in NUMERALS or c.prev_flag() == "m":
        return "zhi1"
    verb = c.prev_flag().startswith("v") or (prev == "了" and c.prev_flag(2).startswith("v"))
    if verb and c.next_flag().startswith("n"):
        return "zhi1"  # 有 只 鸟, 买 了 只 鸡: the classifier with 一 left out ("only" comes before a verb)
    return "zhi3"


def _gan(c: Context) -> str | None:  # 干
    if c.prev_text() in DEGREE - {"不", "没", "没有", "还", "也"} or c.unit.flag.startswith("a"):
        return "gan1"
    return "gan4"


def _dang(c: Context) -> str | None:  # 当: dàng "treat as, take for; proper; be fooled", dāng otherwise
    if c.next_text()[:1] in frozenset("作成做真") or c.prev_text()[-1:] in frozenset("上恰妥适得正"):
        return "dang4"  # 当作, 当成, 当真; 上当, 恰当 written apart
    if "把" in c.before()[-8:] and not c.at_end():
        return "dang4"  # 把我当小孩: 把 X 当 Y "treat X as Y"
    if c.prev_text() in ("就", "只", "权") and (c.next_text() in PERSONAL or c.next_text()[:1] in "没是"):
        return "dang4"  # 我就当你夸我了, 就当没听见: "take it that"
    return "dang1"


def _shang_li(c: Context) -> str | None:  # 上 / 里 as locatives after a noun: neutral
    pflag, opened = c.prev_flag(), c.prev_text(2) in ("在", "从", "于") or c.opens()
    # after a noun, or closing a place a preposition opened (在 会 v 上, 从 树 上), whatever the tagger says
    placed = c.unit.text == "上" and bool(c.prev_text()) and opened
    after_noun = pflag.startswith(tuple("nsr")) or pflag == "vn" or len(c.prev_text()) > 1 or placed
    boarded = c.next_text() in ("了", "过") and c.next_flag(2) not in ("", "x")
    if c.unit.text == "上" and boarded:
        return None  # 我们 上 了 车: a verb with its aspect and object, shàng
    if c.unit.flag == "f" and after_noun:
        return c.unit.text and {"上": "shang5", "里": "li5"}[c.unit.text]
    if c.unit.text == "里" and c.prev_text() in frozenset("这那哪"):
        return "li3"
    return None


def _bu(c: Context) -> str | None:  # 不 between a verb and its result complement: neutral
    prev, nxt = c.prev_text(), c.next_text()
    short = len(prev) == 1 and (nxt in LONG_COMPLEMENTS or (nxt[:1] in COMPLEMENTS and len(nxt) == 1))
    light = short or (len(prev) > 1 and len(nxt) == 1 and nxt in ONLY_COMPLEMENTS)
    return "bu5" if light and c.prev_flag().startswith("v") else "bu4"


def _jia(c: Context) -> str | None:  # 假
    prev = c.prev_text()
    if prev[-1:] in frozenset("请放休度天周月期个") or c.next_text() in ("期",):
        return "jia4"
    return "jia3"


def _bei(c: Context) -> str | None:  # 背
    if c.unit.flag.startswith("n") or c.next_text().startswith(CARRIED):
        return "bei1" if c.next_text().startswith(CARRIED) else "bei4"
    return "bei4"


def _liang(c: Context) -> str | None:  # 量 alone: verb "measure" when an object follows
    if c.unit.flag.startswith("v") or c.next_flag().startswith("n"):
        return "liang2"
    return "liang4"


def _nan(c: Context) -> str | None:  # 难 after 有/遇/逃/受 is the noun "disaster"
    if c.prev_text()[-1:] in frozenset("有遇逃受避患灾"):
        return "nan4"
    return "nan2"


def _chang_measure(c: Context) -> str | None:  # 场
    if c.prev_text()[-1:] in NUMERALS or c.prev_text() in ("这", "那", "每"):
        nxt = c.next_text()
        return "chang2" if nxt[-1:] in CHANG2_EVENTS or nxt in CHANG2_WORDS else "chang3"
    return "chang3"


def _chong(c: Context) -> str | None:  # 冲
    if c.prev_text() in DEGREE or c.next_text()[:1] in ("着", "向"):
        return "chong4"
    return "chong1"


def _zhuan(c: Context) -> str | None:  # 转: zhuàn "turn round, stroll" vs zhuǎn "change, pass on"
    if c.prev_text() == "地" or c.at_end() or c.next_text()[:1] in frozenset("圈来去"):
        return "zhuan4"
    return "zhuan3"


def _jie(c: Context) -> str | None:  # 结 fruit: jiē, as a verb or glued to its complement (结满了果实)
    return "jie1" if "果" in c.after()[:5] and (c.unit.flag.startswith("v") or not c.unit.whole) else "jie2"


# What 炸 "deep-fries" (炸了土豆, 油炸鸡腿): zhá; elsewhere it explodes or bombs: zhà.
_FRIED = frozenset({
    "鸡", "鱼", "虾", "肉", "蛋", "鸡蛋", "土豆", "薯条", "油条", "丸子", "豆腐", "饺子", "春卷", "年糕",
    "鸡腿", "鸡翅", "排骨", "茄子", "花生", "酱",
})  # fmt: skip


def _zha(c: Context) -> str | None:  # 炸
    food = c.next_text(2) if c.next_text() in ("了", "过", "着", "好") else c.next_text()
    return "zha2" if c.prev_text()[-1:] == "油" or food in _FRIED or food[-1:] in _FRIED else "zha4"


def _xi(c: Context) -> str | None:  # 系 "tie" (jì) before 好/上/紧 or a belt
    nxt = c.next_text()
    if nxt[:1] in frozenset("好上紧着") or "带" in nxt or nxt in _TIED:
        return "ji4"
    return "xi4"


_TIED = frozenset({"鞋", "扣子", "扣儿", "围巾", "围裙", "绳子", "结"})  # what 系 jì ties (系鞋, 系扣子)


def _zhang(c: Context) -> str | None:  # 涨: zhàng "swell, flush" of the face or head, zhǎng "rise"
    return "zhang4" if c.prev_text()[-1:] in ("脸", "头") or c.next_text()[:1] == "红" else "zhang3"


_POURED = re.compile(
    r"^(了|上|进|入|掉|满|出)?([一两半几这那]|[零一二三四五六七八九十百千两\d]+)?(杯|碗|瓶|壶|盆|桶|勺|些|毫升|升)"
)
_DRINKS = frozenset({"开水", "咖啡", "果汁"})  # and what 水茶酒汤油奶 open (倒水, 倒茶, 倒牛奶 …)


def _dao(c: Context) -> str | None:  # 倒: dào "pour, upside down, on the contrary" vs dǎo "fall"
    # Poured: a drink, rubbish or a container's measure follows (倒一杯茶, 倒了一碗汤, 倒进去).
    nxt = c.next_text()
    poured = nxt[:1] in frozenset("水茶酒垃是也车汤油奶") or nxt in _DRINKS or bool(_POURED.match(c.after()))
    if "把" in c.before() or poured or c.unit.flag == "d":
        return "dao4"
    return "dao3"


def _juan(c: Context) -> str | None:  # 卷: juǎn "roll" as a verb, juàn "volume" otherwise
    # A verb: tagged one, a result or direction after it (卷起, 卷好), or after 打 "to curl" (打卷, 打着卷)
    rolled = c.next_text()[:1] in frozenset("起成入走到着了进好") or c.prev_text()[-1:] in ("打", "着")
    # Counting a roll of something (一卷纸, 两卷胶带): juǎn; volumes of a book (三卷, 一卷书): juàn
    roll = c.next_flag().startswith("n") and c.next_text()[:1] not in "书诗经"
    counted = c.prev_text()[-1:] in NUMERALS and roll
    if c.unit.flag.startswith("v") or rolled or counted:
        return "juan3"
    return "juan4"


def _kong(c: Context) -> str | None:  # 空 "free time" after 有/没
    if c.prev_text()[-1:] in ("有", "没"):
        return "kong4"
    return None


def _qia(c: Context) -> str | None:  # 卡 "stuck" (qiǎ) where it sticks: 卡 在 嗓子 里, 卡 住
    return "qia3" if c.next_text()[:1] in ("在", "住") else None


def _diao(c: Context) -> str | None:  # 调 "transfer" before a direction
    if c.next_text()[:1] in frozenset("到走去来回往"):
        return "diao4"
    return None


def _cang(c: Context) -> str | None:  # 藏: zàng Tibet(an) (abbreviation, names), cáng "hide, store"
    if c.prev_text()[-1:] in TIBET_BEFORE:
        return "zang4"
    if c.next_text()[:1] in frozenset("族语文区军王医药传历"):
        return "zang4"
    return "cang2"


def _shao(c: Context) -> str | None:  # 少
    if c.unit.flag.startswith("a") or c.prev_text() in DEGREE:
        return "shao3"
    return None


def _hao(c: Context) -> str | None:  # 好 alone: hǎo, except "to like" after 爱/喜/嗜 (爱好 is a word)
    if c.prev_text()[-1:] in frozenset("爱喜嗜"):
        return "hao4"
    return "hao3"


def _lei(c: Context) -> str | None:  # 累 alone: "tired"
    if c.prev_text()[-1:] in frozenset("积连日"):
        return "lei3"
    return "lei4"


def _tan(c: Context) -> str | None:  # 弹 alone: the verb "play (an instrument), pluck, bounce"
    if c.prev_text()[-1:] in NUMERALS or c.unit.flag.startswith("n"):
        return "dan4"
    return "tan2"


def _ai(c: Context) -> str | None:  # 唉 drawn out by a particle (唉呀, 唉哟) is āi; a bare sigh is left open
    if c.next_text()[:1] in frozenset("呀啊哟呦"):
        return "ai1"
    return None


def _tu(c: Context) -> str | None:  # 吐: tù "vomit" without an object, tǔ "spit out" before what is spat
    nxt, rest = c.next_text(), c.after()
    if nxt[:1] in frozenset("痰口字词籽核舌气") or (rest.startswith("出") and rest[1:2] not in "来了。，！"):
        return "tu3"  # 吐痰, 吐口水, 吐出一个字, 吐出籽
    if rest.startswith(("出来", "了出来")) and "把" in c.before():
        return None  # 把籽吐出来: what was spat out stands before it
    if nxt == "得" or rest.startswith(("血", "出来", "了出来", "了一地", "了一身", "了血")) or c.at_end():
        return "tu4"  # 吐得厉害, 吐血, 全吐出来, 吐了一地, 我想吐。
    if nxt == "了" and c.next_flag(2) in PUNCT_FLAGS:
        return "tu4"  # 他吐了。
    return None


RULES: dict[str, Callable[[Context], str | None]] = {
    "得": _de, "地": _di, "了": _le, "着": _zhe, "过": _guo, "还": _hai, "长": _chang, "为": _wei,
    "重": _zhong_heavy, "行": _xing, "中": _zhong_hit, "觉": _jue, "数": _shu, "种": _zhong_kind,
    "只": _zhi, "干": _gan, "当": _dang, "上": _shang_li, "里": _shang_li, "不": _bu, "假": _jia,
    "背": _bei, "量": _liang, "难": _nan, "场": _chang_measure, "冲": _chong, "转": _zhuan, "结": _jie,
    "系": _xi, "涨": _zhang, "倒": _dao, "卷": _juan, "空": _kong, "调": _diao, "藏": _cang, "少": _shao,
    "好": _hao, "累": _lei, "弹": _tan, "唉": _ai, "吐": _tu, "炸": _zha, "卡": _qia,
}  # fmt: skip

# Rules that hold wherever the character stands alone; the others are trusted only when jieba itself
# made the character a word (in a fragment of an unknown token, such as 重 in 重录, they are weak).
STRONG = frozenset("的地得了着过上里")  # 上/里 only decide as locatives after a noun (桌子上, 汤里)


def decide_char(units: Sequence[Unit], ui: int) -> tuple[str, bool] | None:
    """(reading, strong) of the single-character unit `ui` when a rule or `ALONE` decides it, else None."""
    unit = units[ui]
    if len(unit.text) != 1:
        return None
    rule = RULES.get(unit.text)
    decided = rule(Context(units, ui)) if rule is not None else ALONE.get(unit.text)
    if decided is None:
        return None
    return decided, unit.whole or unit.text in STRONG
