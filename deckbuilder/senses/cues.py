"""Kinds of meaning and the construction each needs: a sense's wording and a token's clause → a fit.

Cues are kinds of meaning that need a construction whatever word carries them: "please" opens a request
(请坐), "should" gives advice with no subject or to "you" (要多喝水), "likely" and "will" speak of the future
(明天会下雨吗), "OK" closes a clause (这样行吗), a nominaliser follows 所 + verb or "what" (做什么的),
"exactly" is said of a quantity or 是, not of an action (正从花园来 "just"), duration and frequency ("once",
"a while") follow the verb in Chinese, so before it they are something else (一下就明白 "all at once").
Every cue that matches a sense applies (`cue_fit`). CC-CEDICT's own usage notes are `patterns`'.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from deckbuilder.senses.context import Slot
from deckbuilder.senses.entries import candidates, eventive, first_shape
from deckbuilder.senses.patterns import (
    CONCESSIONS,
    DEGREE,
    PUNCT,
    Rule,
    closes,
    numeral,
    object_then_verb,
    set_of,
    verb_follows,
)
from deckbuilder.senses.shapes import Shape

# Words that name several people: "all" quantifies them (大家 都 来 了).
_MANY = frozenset({"大家", "大伙", "大伙儿", "所有", "人人", "全家", "全班", "每个人", "俩", "各位"})

_SECOND_PERSON = frozenset({"你", "您", "你们"})


# Time words that place a clause in the future (明天会下雨, 以后要注意).
_FUTURE = set_of("明天 后天 明年 后年 将来 以后 今后 未来 下周 下星期 下个月 下次 明早 明晚 马上 快")


_SERVINGS = frozenset("杯瓶碗份盘斤碟壶罐串个")  # what one orders: 来 一 杯


_INTO = frozenset("在进满到")  # where what is loaded goes: 装 在 盒 里


_HOURS = frozenset(
    ["一", "两", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]
)  # the hours of a clock


# Negations after which "(not) at all" is said (并 不, 并 没有), and what 以 … stands before when it is a
# reason: 以 … 闻名 "famous for".
_NEGATIONS = frozenset({"不", "没", "没有", "未", "非", "无", "不是", "不会", "不能"})


_FAME = frozenset({"闻名", "著名", "出名", "知名", "著称", "闻名于世", "为荣", "自豪", "骄傲"})


_MEASURES_OF_ACTION = frozenset({"一下", "下", "一下儿", "一会儿", "一遍", "一次"})


# What 跟/和 … ends in when it means "with": 跟 他 有关, 跟 朋友 一起 去, 跟 她 结婚.
_WITH = set_of(
    "有关 无关 相关 有关系 没关系 一起 一块 一块儿 在一起 合作 结婚 见面 商量 聊天 打交道 联系 分手 吵架"
)


# Body and health words: a 毛病 there is an ailment, not a fault (我 的 胃 有 毛病).
_BODY = set_of(
    "身体 头 腿 脚 手 手臂 胳膊 眼睛 眼 耳朵 鼻子 嘴 牙 牙齿 胃 心脏 肚子 嗓子 喉咙 腰 背 皮肤 "
    "肝 肺 肩膀 膝盖 脖子 健康 医生 病 看病 检查"
)


# Objects 做 does rather than makes, besides actions (做 运动, 做 练习): 做 事, 做 作业, 做 生意.
_DONE = set_of("事 事情 作业 生意 家务 工作 功课 好事 坏事")


# Verbs a directional complement 起来 raises (站 起来 "up") and verbs it completes by putting away or
# together (藏 起来, 收 起来, 联合 起来).
_RAISING = set_of("站 坐 抬 举 拿 捡 拾 飞 跳 爬 升 扶 抱 提 立 竖 拉 吊 挂 翘 跃 浮 扬 撑 支")
_GATHERING = set_of(
    "藏 收 存 包 关 锁 盖 围 堆 积 集 合 连 捆 绑 装 攒 躲 叠 "
    "保存 收拾 收藏 隐藏 联合 团结 组织 集中 联系 结合"
)


# Objects that make a verb a special sense: what one suffers (吃 亏, 吃 耳光), deposits (存 钱), cites as
# an example (举 例子), enters into a form or machine (输入 密码); people one serves as (做 老师).
_SUFFERED = set_of("亏 苦 苦头 耳光 惊 一惊 败仗 官司 罚单 闭门羹 大亏 一拳 巴掌")
_DEPOSITED = set_of("钱 款 存款 现金 工资 银行")
_CITED = set_of("例 例子 个例子 事例 实例")
_ENTERED = set_of("密码 姓名 名字 数据 信息 文字 号码 地址 内容 账号 验证码")
_DECIDED = set_of("决心 决定 结论 定义 判断 命令 决议")  # what one arrives at: 下 了 很 大 的 决心
_PEOPLE = set_of("老师 医生 学生 朋友 妻子 丈夫 父亲 母亲 爸爸 妈妈 演员 记者 工人 司机 律师 翻译 好人 坏人")


def _object_is(words: frozenset[str]) -> Callable[[Slot], bool]:
    """A cue's test: the token's object (after its 了, 过 or a number and measure: 吃 了 大亏, 举 个 例子)
    is one of `words`."""
    return lambda s: bool(words & set(s.right[:3]))


# Verbs of saying, answering and knowing, after which 上来 tells they succeeded (答 上来, 叫 不 上来).
_SAYING = set_of("答 回答 说 叫 背 想 认 写 念 讲 唱 喊 猜 算 记 说不 叫不 答不 想不")


_COLOURS = frozenset("红黄蓝绿白黑紫灰粉橙棕青金银")  # colour words without 色


_WITH_WHOM = frozenset({"和", "跟", "与", "同"})  # who one does a thing with: 和 很多 人 接触


def _wants_one(slot: Slot) -> bool:
    """The clause after the token is a thing 的 names and nothing more (要 红 的, 要 数码 的)."""
    right, tags = slot.right, slot.right_tags
    return len(right) >= 2 and right[-1] == "的" and not any(t[:1] == "v" for t in tags[:-1])


def _verb_before(slot: Slot) -> str:
    """The verb the token follows, across its aspect particle (站 了 起来)."""
    if slot.prev in ("了", "着") and len(slot.left) >= 2:
        return slot.left[-2]
    return slot.prev


def _concessive(slot: Slot) -> bool:
    """再 + a predicate, then 也 or 都 in its clause or, after 哪怕/即使 …, the next (再 忙 也 要 吃饭)."""
    if slot.next in PUNCT:
        return False
    return bool({"也", "都"} & set(slot.right[1:4])) or bool(CONCESSIONS & set(slot.left))


# What a camera or a film names (摄像机 拍 下, 拍 照片): 拍 "to take (a photo)", "to shoot (a film)".
_FILMED = set_of("照片 相片 相机 照相机 摄像机 摄影机 电影 视频 录像 镜头 照 像 画面 过程 风景")


# What tells an action or state goes on (他 正在 吃饭 呢, 门 开 着 呢, 还 早 呢).
_GOING_ON = set_of("在 正在 正 着 还 呢")


def _names_a_thing(slot: Slot) -> bool:
    """的 closes its clause right after a noun, adjective or pronoun, with no 是 or 会 before (要 数码 的,
    我 要 红 的): "a digital one", "the red one"."""
    closing = not slot.next or slot.next in PUNCT
    framed = "是" in slot.left or "会" in slot.left  # 是 … 的, 会 … 的: the statement's own stress
    return closing and not framed and slot.prev_tag[:1] in ("n", "a", "b", "r")


def _person_object(slot: Slot) -> bool:
    """The token's object names a person by its last character (做 翻译员, 做 志愿者), or, closing the
    clause, by one of its senses (做 编辑 "editor")."""
    word = next((w for w in slot.right[:3] if len(w) > 1), "")
    if word[-1:] in ("者", "员", "师", "家") and word not in ("国家", "大家"):
        return True
    return bool(word) and slot.right[-1:] == (word,) and _names_person(word)


_AGENT = re.compile(r"^\w+(er|or|ist|ian)$")  # editor, teacher, pianist, librarian


@lru_cache(maxsize=5_000)
def _names_person(word: str) -> bool:
    """Whether one of the word's senses is a person's role (编辑 "editor", 翻译 "interpreter")."""
    return any(_AGENT.match(s.text) for c in candidates(word) for s in c.senses if s.shown)


def _takes_object(tag: str) -> bool:
    """A verb's tag, or an aspect particle's, which only follows a verb (the tagger's ug for a verb 过)."""
    return tag[:1] == "v" or tag in ("ul", "ug", "uz")


def _no_subject(slot: Slot, allowed: frozenset[str] = frozenset()) -> bool:
    """Nothing before the token in its clause names who acts (adverbs and time words may stand there, and a
    noun a verb before it takes as object: 过 马路 要 小心, 吃 了 饭 要 休息 have no subject)."""
    tags = ("",) + slot.left_tags
    return all(
        t[:1] not in ("n", "r") or w in allowed or t == "t" or (t[:1] == "n" and _takes_object(tags[k]))
        for k, (w, t) in enumerate(zip(slot.left, slot.left_tags, strict=True))
    )


def _complement(slot: Slot) -> bool:
    """After a verb and before 了: a result the verb reached (做 好 了), not a verdict on the matter."""
    return slot.prev_tag[:1] == "v" and slot.next == "了"


def _many(slot: Slot) -> bool:
    """The clause names several before the token (大家 都, 孩子们 都, 你 和 我 都): what 都 sums up."""
    return any(w in _MANY or w.endswith("们") or w in ("和", "、", "跟") for w in slot.left)


def _all_but(slot: Slot) -> bool:
    return "除" in slot.others or "除了" in slot.others


def _object_word(slot: Slot) -> str:
    """The first word after the token and its aspect particle (过 了 红绿灯: 红绿灯)."""
    rest = [w for w in slot.right[:2] if w not in ("了", "过", "着")]
    return rest[0] if rest else ""


def _place_object(slot: Slot) -> bool:
    """After the token (and its 了) comes a thing or a place, not a time or a number (过 了 桥)."""
    k = 1 if slot.next == "了" else 0
    word, tag = slot.right[k : k + 1], slot.right_tags[k : k + 1]
    return bool(word) and tag[0][:1] in ("n", "s") and not numeral(word[0])


_PURE_MODAL = re.compile(
    r"^((need to|should|will|shall|about to|must|may|might|could|would|ought to|can)(; |$))+$"
)


# Kinds of meaning and the construction each needs: (sense wording, where it fits, worth there).
CUES: tuple[Rule, ...] = (
    # "o'clock" tells the hour of a number before it (三 时, 九 点); elsewhere 时 is a time or "when".
    (re.compile(r"^o'clock$"), lambda s: not numeral(s.prev), -1.5),
    # … and is the hour after the number of one (九 点 到, 12 点) unless a noun follows (三 点 意见).
    (
        re.compile(r"^o'clock$"),
        lambda s: (s.prev in _HOURS or s.prev.isdigit()) and s.next_tag[:1] != "n",
        5.0,
    ),
    # 多 before an adjective asks or exclaims how much (多 美 的 风景, 有 多 重): "how", not "many".
    (
        re.compile(r"^how \(to what extent\)"),
        lambda s: s.next_tag[:1] == "a" or first_shape(s.next) is Shape.ADJECTIVE,
        2.5,
    ),
    # "thanks to" whom or what follows (多亏 了 你), not "luckily" opening a clause.
    (
        re.compile(r"^thanks to\b"),
        lambda s: _place_object(s) or s.right_tags[s.next == "了" :][:1] == ("r",),
        2.0,
    ),
    # 来 before a count orders or asks for it (来 一 杯 咖啡, 再 来 两 瓶): the verb it stands for.
    (
        re.compile(r"^\(used as a substitute for a more specific verb"),
        lambda s: numeral(s.next) and s.right[1:2] != () and s.right[1][:1] in _SERVINGS,
        3.0,
    ),  # fmt: skip
    # 一 before a verb, with 就 to follow: "as soon as" (他 一 来 我 就 走).
    (re.compile(r"^as soon as$"), lambda s: s.next_tag[:1] == "v" and "就" in s.right, 3.0),
    # 要 opening a sentence before what to do is advice (要 节省 用电 "should"), not a want.
    (re.compile(r"^need to; should$"), lambda s: not s.left and bool(s.next) and s.next not in PUNCT, 2.0),
    # What is put in a container or place (装 在 盒 里, 瓶子 里 装 的): "to load; to pack", not "to adorn".
    (re.compile(r"^to (load|pack)$"), lambda s: s.next in _INTO or s.prev in ("里", "中"), 3.0),
    # 号 after a number or 几 is the day of the month (五 号, 几 号).
    (re.compile(r"\bday of a month\b"), lambda s: numeral(s.prev) or s.prev == "几", 3.0),
    # Motion over to a place: 过去 before where or what for (你 过去 到 那里, 过去 看看) is no "past".
    (re.compile(r"^to go over\b"), lambda s: s.next_tag[:1] in ("v", "p"), 2.0),
    # Negations before a verb: 别 去 "don't", 没有 失望 "haven't".
    (re.compile(r"^don't\b"), lambda s: verb_follows(s), 3.0),
    (re.compile(r"^(haven't|hasn't)\b"), lambda s: s.next_tag[:1] == "v", 2.5),
    # "to regard as" takes what it regards and what as: a clause (就 当 你 夸 我 了) or 把's object (把 我 当
    # 孩子).
    (re.compile(r"^to (regard|treat) as\b"), lambda s: "把" in s.left or object_then_verb(s), 2.0),
    # A degree closing the clause after the complement's 得 (高兴 得 不得了 "extremely", 累 得 要命).
    (
        re.compile(r"^(extremely|exceedingly|very much|awfully|terribly|to death)\b"),
        lambda s: s.prev == "得" and closes(s),
        2.5,
    ),
    # (a preposition after 请 opens the request's action: 请 用 剪刀 剪纸, whatever the tagger calls the verb)
    (re.compile(r"^please\b"), lambda s: _no_subject(s) and (verb_follows(s) or s.next_tag[:1] == "p"), 2.0),
    (
        re.compile(r"\b(should|must|ought to|have to|need to)\b"),
        lambda s: _no_subject(s, _SECOND_PERSON) and verb_follows(s),
        1.0,
    ),
    (
        re.compile(r"\blikely\b|^will\b(?! do)|\bshall\b|\babout to\b"),
        lambda s: bool(_FUTURE & set(s.left)) or (s.right[-1:] == ("了",) and verb_follows(s)),
        1.0,
    ),
    # "OK", said of the matter at hand, closes its clause: 这样 行 吗, 也 行, not 他 很 行 "capable".
    (
        re.compile(r"^(all right|ok|okay|will do|fine)!?$"),
        lambda s: closes(s) and s.prev_tag[:1] != "n" and s.prev not in DEGREE and not _complement(s),
        2.0,
    ),
    # A nominaliser: after 所 + verb or "what" (做 什么 的), or closing its clause after what it describes
    # with no 是 … 的 frame (要 数码 的 "a digital one").
    (
        re.compile(r"used to form a nominal expression"),
        lambda s: "所" in s.left or s.prev in ("什么", "啥") or _names_a_thing(s),
        2.0,
    ),
    # A modal needs a verb: 要 一杯 咖啡 is "to want".
    (_PURE_MODAL, lambda s: s.next_tag[:1] in ("n", "r", "m", "q") and not verb_follows(s), -1.0),
    # "exactly" is said of a quantity, a time or 是, not of an action (正 从 花园 来: "just").
    (
        re.compile(r"^(exactly|precisely)\b"),
        lambda s: s.next_tag[:1] in ("v", "p") and s.next not in ("是", "好"),
        -1.0,
    ),
    # Duration and frequency follow the verb: before a predicate 一下 is "all at once", not "once".
    (
        re.compile(r"^(once|twice|one time|in a while|a while|a moment)\b|\bfor a bit\b|give it a (try|go)"),
        lambda s: s.next_tag[:1] in ("v", "d", "p") and s.prev_tag[:1] != "v",
        -1.0,
    ),
    # "to regard as" needs what it regards sth as: 算 一下 is "to calculate".
    (
        re.compile(r"^to \w+ as$"),
        lambda s: s.next in _MEASURES_OF_ACTION or not s.right or s.next_tag[:1] == "u",
        -1.5,
    ),
    # "all" quantifies what stands before it: 都 opening its clause (都 十二点 了) is "already", unless an
    # earlier clause said all but whom (除了 他 以外 ， 都 来 了).
    (re.compile(r"^(all|both)\b"), lambda s: s.tag[:1] == "d" and not s.left and not _all_but(s), -1.0),
    (re.compile(r"^already\b"), lambda s: s.right[-1:] == ("了",) and not _all_but(s) and not _many(s), 0.5),
    # "with" where the clause ends in what is done or related together (跟 他 有关, 跟 朋友 一起 去).
    (re.compile(r"^with$"), lambda s: bool(_WITH & set(s.right[1:])), 2.0),
    # "to do" an action or a task (做 练习, 做 作业), where "to make" is for things (做 饭).
    (re.compile(r"^to do\b"), lambda s: _object_word(s) in _DONE or eventive(_object_word(s)), 1.5),
    # "(time)" passes where a time or a number follows, not a place (过 了 桥 "to cross").
    (re.compile(r"\(time\)$"), lambda s: _place_object(s), -1.5),
    # Flowers bloom: elsewhere 开放 is "to be open".
    (re.compile(r"^to (bloom|blossom)\b"), lambda s: "花" not in "".join(s.left + s.right), -2.0),
    (re.compile(r"^ailment\b"), lambda s: bool(_BODY & set(s.left + s.right)), 3.0),
    # "(not) at all" strengthens a negation: 并 不, 并 没有.
    # (连 … 都 不 is "even": the emphasis is on what 连 names.)
    (re.compile(r"^\(not\) at all"), lambda s: s.next in _NEGATIONS and "连" not in s.left, 3.0),
    # "because of" where the clause ends in what one is known for: 以 … 闻名.
    (re.compile(r"^because of\b"), lambda s: any(w in _FAME for w in s.right[1:]), 3.0),
    # 起来 after a verb of raising is "up" (站 了 起来), after one of putting away "completion" (藏 起来).
    (re.compile(r"^indicating an upward movement"), lambda s: _verb_before(s) in _RAISING, 3.0),
    (re.compile(r"^indicating completion"), lambda s: _verb_before(s) in _GATHERING, 3.0),
    # 上来 "success" after saying or knowing (答 上来, 说不上来); after handing or walking it is "to come up".
    (re.compile(r"indicating success"), lambda s: _verb_before(s) not in _SAYING, -3.0),
    (re.compile(r"^to suffer \("), _object_is(_SUFFERED), 3.0),
    (re.compile(r"^to deposit$"), lambda s: _object_is(_DEPOSITED)(s) or bool(_DEPOSITED & set(s.left)), 2.5),
    (re.compile(r"^to cite$"), _object_is(_CITED), 3.0),
    (re.compile(r"^to input$"), _object_is(_ENTERED), 2.5),
    (re.compile(r"^\(of a person\) to be \("), lambda s: _object_is(_PEOPLE)(s) or _person_object(s), 2.5),
    # 再 + an adjective or verb … 也/都: "no matter how" (再 忙 也 要 吃饭).
    (re.compile(r"^no matter how\b"), _concessive, 3.0),
    # 呢 closing a statement: "strong affirmation" unless something goes on (正在 …, 着, 还): "continuation".
    (
        re.compile(r"strong affirmation"),
        lambda s: not _GOING_ON & set(s.left) and s.clause_end in ("。", "！", ""),
        2.0,
    ),
    # 拍 with a camera or film in the sentence takes photos and shoots films; 股 among stocks is a share.
    (re.compile(r"^to (take \(a photo\)|shoot \(a film\))"), lambda s: bool(_FILMED & set(s.others)), 3.0),
    (re.compile(r"^\(stock\) share"), lambda s: any("股" in w or "票" in w for w in s.others), 3.0),
    # 要 + what 的 names, closing the clause (要 红 的, 这次 要 数码 的): "to want" that one.
    (re.compile(r"^to want; to need"), lambda s: s.word == "要" and _wants_one(s), 3.0),
    # "to engage in" a field of work (从事 商务 工作); 和/跟 someone, one is "in touch" (和 很多 人 接触).
    (
        re.compile(r"^to engage in\b"),
        lambda s: s.tag[:1] == "v" and (s.next_tag[:1] == "n" or s.next_tag == "vn"),
        2.0,
    ),
    (re.compile(r"^(to contact|in touch with)\b"), lambda s: bool(_WITH_WHOM & set(s.left)), 2.5),
    # A sense said of colour where the sentence names one (浅 的 绿色 "light (color)", 淡 蓝).
    (re.compile(r"\bcolou?r\b"), lambda s: any("色" in w or w in _COLOURS for w in (*s.left, *s.right)), 2.5),
    # 成 after a verb is what its action turns a thing into (剪 成 花, 翻译 成 中文).
    (re.compile(r"^to (become|turn into)$"), lambda s: s.word == "成" and s.prev_tag[:1] == "v", 3.0),
    # 下 "to decline" is rare: it goes down (流 下, 下 了 一阵 雨), or arrives at a decision (下 决心).
    (re.compile(r"^to decline$"), lambda s: s.word == "下", -2.0),
    (re.compile(r"^to arrive at \(a decision"), lambda s: bool(_DECIDED & set(s.right[:6])), 3.0),
    # 与其 … 不如: "it would be better to" (与其 说 他 聪明，不如 说 他 努力).
    (re.compile(r"^it would be better to\b"), lambda s: "与其" in s.others, 3.0),
    # 连 … 也/都: "even" (连 小孩 也 知道).
    (re.compile(r"^\(used with 也, 都 etc\) even"), lambda s: bool({"也", "都"} & set(s.right[1:])), 3.0),
    # 不 太 is "not very": 太 after 不 is "very", not "too (much)".
    (re.compile(r"^very$"), lambda s: s.prev == "不", 3.0),
    # A body part that is 酸 aches ("sore"), food is "sour".
    (re.compile(r"^sore$"), lambda s: bool(_BODY & set(s.left)), 3.0),
    # 相对 于 B: "relative" to it, not "to oppose".
    (re.compile(r"^(relative|vis-a-vis)$"), lambda s: s.next == "于", 3.0),
)


def cue_fit(text: str, slot: Slot) -> float:
    """The worth of every cue the shown sense `text` matches where `slot` stands."""
    return sum(CUES[k][2] for k in _cues(text) if CUES[k][1](slot))


@lru_cache(maxsize=50_000)
def _cues(text: str) -> tuple[int, ...]:
    """The indices of the cues whose wording `text` matches (memoised)."""
    low = text.lower()
    return tuple(k for k, (rx, _, _) in enumerate(CUES) if rx.search(low))
