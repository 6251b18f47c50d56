"""A sentence as sense choice sees it: per token its traditional spellings in context and its neighbours'
tags, and for the sentence its English match keys.

The traditional form is the strongest clue to the entry of a merged character (后 after = 後, 后 queen =
后): the learner's own text when the input was traditional, else OpenCC's phrase-level conversion of the
whole sentence (standard and Taiwan forms both count), cut at the token's characters. Both conversions
keep the sentence's length character for character; where one does not, the token is converted alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from deckbuilder import english
from deckbuilder.chinese import NUMERALS, Traditional, is_han, to_traditional
from deckbuilder.senses.shapes import SENSE_STOP


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that open a classifier slot: 这本 书, 每个 人, 几只 鸟 (numerals are recognised by their characters).
_DETERMINERS = _set("这 那 哪 每 某 几 半 第")
ASPECT = _set("了 着 过")
_YES_NO = _set("吗 吧 么 嘛")  # particles that make a yes/no question: 多少 in it is "some"
_CLAUSE_END = frozenset("，。！？；：、,.!?;:")


@dataclass(frozen=True, slots=True)
class Slot:
    """One token in its sentence: word, tag, reading, traditional spellings and the neighbours sense
    shapes are judged by."""

    word: str
    tag: str
    syllables: tuple[str, ...]
    trad: frozenset[str]
    prev: str = ""
    prev_tag: str = ""
    next: str = ""
    next_tag: str = ""
    clause_before: bool = False  # a clause ends somewhere before the token ("如果下雨，我们就…")
    name: bool = False  # the tokenizer's verdict that the token is a proper name
    neighbours: tuple[str, ...] = ()  # three content words either side, for notes like "(food …)"
    others: tuple[str, ...] = ()  # every other content word, which may account for a word of the English
    following: tuple[str, ...] = ()  # tags of the next three tokens, for patterns like "to let sb do sth"
    question: bool = False  # the sentence asks with a question word (你们要几个房间？), not with 吗
    part: bool = False  # a part of a word being composed (很 of 很多), not a token
    # The token's clause: the words before it (nearest last) and after it, with their tags, and the mark that
    # closes it ("" at the end of the text): 作为 学生 "，" reads as "as a student".
    left: tuple[str, ...] = ()
    left_tags: tuple[str, ...] = ()
    right: tuple[str, ...] = ()
    right_tags: tuple[str, ...] = ()
    clause_end: str = ""

    @property
    def clause_initial(self) -> bool:
        return not self.prev or self.prev in _CLAUSE_END

    @property
    def classifier_slot(self) -> bool:
        """After a numeral or a determiner (这把 椅子; not 一床 被: 床 is the classifier there), or tagged a
        classifier with a word after it that is no verb, preposition or adverb: that word is counted. With
        nothing counted before it and a verb or nothing after (用 壶 倒水, 来 我 家。) the token is a noun."""
        p = self.prev
        if p and (p in _DETERMINERS or p[-1] in NUMERALS or p[-1].isdigit()):
            return True
        return self.tag == "q" and self.next_tag[:1] not in ("v", "p", "d", "x", "")


@dataclass(frozen=True, slots=True)
class English:
    """Match keys of a sentence's translation: content keys and grammar words (weaker evidence), and its
    words as written (lower case), which tell an exact word from one that only shares its stem ("classic" is
    "classic", not "classical")."""

    content: frozenset[str] = field(default_factory=frozenset)
    grammar: frozenset[str] = field(default_factory=frozenset)
    words: frozenset[str] = field(default_factory=frozenset)
    lemmas: frozenset[str] = field(default_factory=frozenset)  # its words, inflection stripped (`lemma`)

    def __bool__(self) -> bool:
        return bool(self.content or self.grammar)


def english_keys(text: str) -> English:
    """The keys `text` (an English sentence) offers to sense words."""
    content: set[str] = set()
    grammar: set[str] = set()
    written = english.tokens(text)
    for token in written:
        low = token.lower()
        if low in english.GRAMMAR:
            grammar.add(low)
        elif low in english.BE or low.endswith(("'re", "'m")):
            grammar.add("be")  # "are", "was": the copula ("to be"), weak evidence like a grammar word
        else:
            content |= english.en_keys(token, SENSE_STOP)
    for meaning in english.phrasal_meanings([t.lower() for t in written]):
        content |= english.en_keys(meaning, SENSE_STOP)  # "bring it up": a sense "to mention" is said
    for token in written:
        for part in _compound_parts(token.lower()):
            content |= english.en_keys(part, SENSE_STOP)  # "workplace": "work", "place"
    lower = frozenset(t.lower() for t in written)
    return English(frozenset(content), frozenset(grammar), lower, frozenset(lemma(t) for t in lower))


@lru_cache(maxsize=50_000)
def _compound_parts(word: str) -> tuple[str, ...]:
    """A closed English compound's two words, each a word of CC-CEDICT's senses (workplace → work, place;
    bookshelf → book, shelf), or () when it is none or opaque (understand)."""
    if len(word) < 8 or not word.isalpha():
        return ()
    from deckbuilder import cedict

    vocabulary = cedict.english_words()
    for k in range(4, len(word) - 3):
        head, tail = word[:k], word[k:]
        if head in vocabulary and tail in vocabulary:
            # a grammar word inside makes the compound opaque (under + stand, there + fore, over + come)
            return () if head in english.STOP or tail in english.STOP else (head, tail)
    return ()


@lru_cache(maxsize=50_000)
def lemma(word: str) -> str:
    """`word` without its inflection, so that only derivation tells two words apart: promoted, promotes and
    promote are "promot", promotion is "promotion"; director is not direct."""
    w = word.lower().removesuffix("'s")
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    for suffix in ("ing", "ed", "es", "s"):
        if len(w) > len(suffix) + 2 and w.endswith(suffix) and not w.endswith(("ss", "us", "is")):
            w = w[: -len(suffix)]
            break
    return w.removesuffix("e")


def traditional_spellings(words: Sequence[str], zh: str, original: str = "") -> list[frozenset[str]]:
    """For each word of `zh` (simplified, cut into `words`), its traditional spellings in context."""
    texts = [original] if original and original != zh and len(original) == len(zh) else []
    texts += [to_traditional(zh, variant) for variant in Traditional]
    texts = [t for t in texts if len(t) == len(zh)]
    out: list[frozenset[str]] = []
    at = 0
    for word in words:
        found = zh.find(word, at)
        if found < 0 or not texts:
            out.append(frozenset(to_traditional(word, v) for v in Traditional))
            continue
        at = found + len(word)
        out.append(frozenset(t[found:at] for t in texts))
    return out


def slots(
    words: Sequence[str],
    tags: Sequence[str],
    syllables: Sequence[tuple[str, ...]],
    trad: Sequence[frozenset[str]],
    names: Sequence[bool],
) -> list[Slot]:
    """One slot per token (tags from the tagger, syllables from the pinyin layer)."""
    out = []
    n = len(words)
    content = [any(is_han(c) for c in w) and w not in ASPECT for w in words]
    question = bool(words) and words[-1] in ("？", "?") and not _YES_NO & set(words)
    for i, word in enumerate(words):
        start, end = _clause(words, i)
        before = [words[j] for j in range(i) if content[j] and words[j] != word][-3:]
        near = before + [words[j] for j in range(i + 1, n) if content[j] and words[j] != word][:3]
        out.append(
            Slot(
                word=word,
                tag=tags[i],
                syllables=tuple(syllables[i]),
                trad=trad[i],
                prev=words[i - 1] if i else "",
                prev_tag=tags[i - 1] if i else "",
                next=words[i + 1] if i + 1 < n else "",
                next_tag=tags[i + 1] if i + 1 < n else "",
                clause_before=any(w in _CLAUSE_END for w in words[:i]),
                name=names[i],
                neighbours=tuple(near),
                others=tuple(w for j, w in enumerate(words) if j != i and content[j] and w != word),
                following=tuple(tags[i + 1 : i + 4]),
                question=question,
                left=tuple(words[start:i]),
                left_tags=tuple(tags[start:i]),
                right=tuple(words[i + 1 : end]),
                right_tags=tuple(tags[i + 1 : end]),
                clause_end=words[end] if end < n else "",
            )
        )
    return out


def _clause(words: Sequence[str], i: int) -> tuple[int, int]:
    """The span of the clause around token `i`: from after the mark before it to the mark after it."""
    start = i
    while start > 0 and words[start - 1] not in _CLAUSE_END:
        start -= 1
    end = i + 1
    while end < len(words) and words[end] not in _CLAUSE_END:
        end += 1
    return start, end
