"""How people are addressed: a surname after 小/老/阿 (小李, 老王), a surname before a title (李主任).

Both make a one-character surname a name in context, which jieba cannot see: it cuts 我和小李是朋友 into
小 + 李 and tags a lone 李 as a noun ("plum"). The segmenter joins 小 + 李 into one token (`familiar`), a name
as `segmenter.is_name` decides it; a surname before a title stays a token of its own, a name only there
(`surnames_before_titles`): annotate counts it as a name, the tagger's tag says so to the pinyin layer
(capitalised: Lǐ zhǔrèn) and to the glosses ("surname Li").
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from deckbuilder.chinese import COUNTS

# The tag a surname before a title gets (jieba's own name tags are guesses; this one is a decision).
SURNAME_TAG = "nrs"
FAMILIAR = frozenset("小老阿")
# Titles and forms of address that follow a surname (王老师, 李主任, 张先生).
TITLES = frozenset({
    "老师", "先生", "女士", "小姐", "太太", "夫人", "同学", "师傅", "阿姨", "叔叔", "大爷", "大妈",
    "大姐", "大哥", "主任", "经理", "校长", "局长", "部长", "科长", "处长", "厂长", "院长", "市长",
    "县长", "省长", "总理", "主席", "医生", "大夫", "教授", "博士", "护士", "律师", "记者", "老板",
    "队长", "班长", "书记", "警官", "总",
})  # fmt: skip
# What comes before a counted 小 (一小张纸) or an adjective's 老 (很老): never the start of a name.
_COUNTING = COUNTS | frozenset("很太真最更个张只本些点")


@lru_cache(maxsize=4_096)
def surname(ch: str) -> bool:
    """A character CC-CEDICT gives a surname sense and jieba tags a person's name when alone (李, 王, 陈)."""
    from deckbuilder import cedict, segmenter

    return len(ch) == 1 and ch in cedict.headwords().surnames and segmenter.word_tag(ch) == "nr"


def familiar(words: list[str]) -> list[str]:
    """`words` with 小/老/阿 and the surname after it joined where jieba cut them apart (小 + 李 → 小李, 小 +
    丁 + 爸爸 → 小丁 + 爸爸), unless a count comes before; after a count, cut apart where jieba joined them
    (一 + 小张 + 纸 → 一 + 小 + 张 + 纸: a small sheet)."""
    from deckbuilder import segmenter

    out: list[str] = []
    for word in words:
        before = out[-1] if out else ""
        counted = len(out) > 1 and out[-2][-1:] in _COUNTING
        if before in FAMILIAR and surname(word) and not counted:
            out[-1] = before + word
            continue
        if len(word) == 2 and word[0] in FAMILIAR and before[-1:] in _COUNTING and segmenter.is_name(word):
            out.extend(word)  # 一 + 小张 + 纸: "a small sheet of paper", no Xiao Zhang
            continue
        out.append(word)
    return out


def surnames_before_titles(words: Sequence[str]) -> frozenset[int]:
    """Positions of one-character surnames right before a title (李 主任, 王 老师), not after a count."""
    if TITLES.isdisjoint(words):
        return frozenset()
    return frozenset(
        k
        for k in range(len(words) - 1)
        if words[k + 1] in TITLES and surname(words[k]) and (k == 0 or words[k - 1][-1:] not in _COUNTING)
    )
