"""Constructions jieba glues across, undone as the segmenter cuts: 才 "only then" glued to the modal after it
(才能 "talent") or the noun before it (人才 "talent"), and a subject pronoun glued to its verb (他用 "other
use" in 他用刀切菜). `segmenter.cut` applies them to its words (`undo`).
"""

from __future__ import annotations

from deckbuilder.chinese import HAN, PERSONAL_PRONOUNS

# One-character personal pronouns: the subject a verb after them is glued to (他用, 他杀, 我载).
_PRONOUNS = frozenset(p for p in PERSONAL_PRONOUNS if len(p) == 1)

# 才 "only then" (只有 … 才, 除非 … 才, 要 … 才能) glues to the modal after it (才能 "talent") or to the noun
# before it (人才 "talent"). 才能 is the noun only next to these words, at a clause end, or after 的, 有 …
_TALENT_BEFORE = frozenset({"其", "之", "和", "与", "是", "展现", "发挥", "缺乏", "施展", "显示", "表现"})
_TALENT_AFTER = frozenset({"的", "和", "与", "是", "很", "也", "都", "还", "非常", "十分", "不够", "有限"})
# 人才 is 人 + 才 before a modal or 行/对 when 只有, 除非 … opened the construction (只有努力的人才能成功).
_ONLY_IF = frozenset({"只有", "除非", "必须", "非得", "一定要", "需要"})
_AFTER_CAI = frozenset({"能", "会", "可以", "能够", "肯", "敢", "行", "对", "明白", "懂", "知道"})


def undo(words: list[str], text: str) -> list[str]:
    """`words` (the cut of `text`) with the constructions above undone."""
    if any(p in text for p in _PRONOUNS):
        words = subject_verb(words)
    if "不想" in text:
        words = negated_want(words)
    return only_then(words) if "才" in text else words


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
        if glued and segmenter.dictionary_entry(word[1])[1][:1] in ("v", "p", "a"):
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
