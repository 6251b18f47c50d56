"""Sentence splitters: one paragraph of Chinese or English → its sentences, text kept verbatim.

The decision both splitters share: a sentence ends at a terminator followed by any closing quotes or
brackets, which stay with it (spaces allowed between them, as in ``制度 。 ”``).
"""

from __future__ import annotations

import re

from deckbuilder.chinese import is_han

_ZH_END = "。！？!?"
_CLOSERS = "”’」』）)》】〉\"'"
_CONTINUERS = "，,、；;：:"

# Words whose trailing period is not a sentence end (lower-cased, without the period).
_ABBREVIATIONS = frozenset(
    " ".join(
        (
            "mr mrs ms dr prof sr jr st mt gen col lt sgt capt cmdr adm gov sen rep pres rev hon fr",
            "vs cf al approx dept est fig figs vol vols pp ed eds no nos art sec ch para op",
            "jan feb mar apr jun jul aug sep sept oct nov dec inc ltd co corp bros messrs",
            "e.g i.e a.m p.m u.s u.k u.n u.s.a e.u d.c ph.d b.a m.a",
        )
    ).split(" ")
)
# Abbreviations that end a sentence when a capitalised word follows (``... and so on, etc. Then``).
_MAY_END = frozenset(
    {"etc", "a.m", "p.m", "u.s", "u.k", "u.n", "u.s.a", "e.u", "d.c", "inc", "ltd", "co", "corp"}
)
_AFTER_ABBREVIATION = frozenset(
    {
        "Army", "Navy", "Air", "Congress", "Government", "President", "Senate", "House", "Secretary",
        "State", "Department", "Embassy", "Ambassador", "Treasury", "Federal", "Supreme", "Court", "Dollar",
        "Dollars", "Forces", "Military", "Administration", "Constitution", "Census", "Open",
    }
)  # fmt: skip

# ASCII quotes only count as closers right after the terminator; after a space they open the next sentence.
_EN_CANDIDATE = re.compile(r"(?:\.{3}|…|[.!?])+(?:[”’\"')\]]|\s+[”’)\]])*(?=\s|$)")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_NEXT_START = re.compile(r"\s+([“‘\"'(\[]*)(\S)")


def split_zh(text: str) -> list[str]:
    """Split a Chinese paragraph into sentences.

    A terminator inside a quotation ends a sentence too (the closing quote stays with it), unless the
    sentence continues after the quotation with a comma-like mark (``“好！”，他说。`` is one sentence).

    >>> split_zh("他说：“好。我们走。”我们走吧！真的？")
    ['他说：“好。', '我们走。”', '我们走吧！', '真的？']
    >>> split_zh("“走吧！”，他说。价格是3.5元。")
    ['“走吧！”，他说。', '价格是3.5元。']
    """
    out: list[str] = []
    start = 0
    i = 0
    n = len(text)
    while i < n:
        if text[i] not in _ZH_END and not _latin_stop(text, i):
            i += 1
            continue
        j = i + 1
        while j < n and text[j] in _ZH_END:
            j += 1
        latin_word = text[i] in "!?" and i > 0 and text[i - 1].isascii() and text[i - 1].isalnum()
        if latin_word and j < n and not text[j].isspace() and text[j] not in _CLOSERS:
            i = j  # ASCII !? ending a Latin word inside the sentence ("Yahoo!公司")
            continue
        end = j  # swallow spaces and closers that belong to this sentence
        k = j
        while k < n and (text[k] in _CLOSERS or text[k].isspace()):
            if not text[k].isspace():
                end = k + 1
            k += 1
        if k < n and text[k] in _CONTINUERS and end > j:
            i = k  # the quotation closes and the sentence goes on
            continue
        piece = text[start:end].strip()
        if piece:
            out.append(piece)
        start = i = end
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out


def _latin_stop(text: str, i: int) -> bool:
    """An ASCII full stop used as a Chinese one: between Chinese characters (``一起.今天``) or at the end."""
    if text[i] != "." or i == 0 or not is_han(text[i - 1]):
        return False
    return i + 1 == len(text) or is_han(text[i + 1]) or text[i + 1] in _CLOSERS


def _is_boundary(text: str, m: re.Match[str]) -> bool:
    """Whether the terminator run `m` in `text` ends an English sentence."""
    end = m.end()
    nxt = _NEXT_START.match(text, end)
    if nxt is None:
        return True  # end of the paragraph
    first = nxt.group(2)
    punct = m.group(0).rstrip("”’\"')] ")
    if not (first.isupper() or first.isdigit() or nxt.group(1) or not first.isascii()):
        return False  # a lower-case continuation: "e.g. apples", "3 p.m. yesterday", "Wait... what"
    if punct != ".":
        return True  # ! ? ... before a capital
    before = _WORD_BEFORE.search(text, 0, m.start())
    if before is None:
        return True  # "in 2012. The" — digits or a closing bracket before the period
    word = before.group(1).lower()
    if len(word) == 1 and word.isalpha():
        return not before.group(1).isupper()  # an initial: "J. K. Rowling"
    if word in _ABBREVIATIONS:
        if word in ("no", "nos", "art", "sec", "ch", "para", "fig", "figs", "vol", "vols", "pp", "op"):
            return not first.isdigit()  # "No. 1" continues; "said no. Then" ends
        return word in _MAY_END and not _looks_like_name(text, nxt.start(2))
    if "." in word:  # other dotted forms: "U.S.A.", "Ph.D."
        return not _looks_like_name(text, nxt.start(2))
    return True


def _looks_like_name(text: str, pos: int) -> bool:
    """A capitalised word that typically follows a title or country abbreviation (``U.S. Army``)."""
    word = re.match(r"[A-Za-z]+", text[pos:])
    return word is not None and word.group(0) in _AFTER_ABBREVIATION


def split_en(text: str) -> list[str]:
    """Split an English paragraph into sentences.

    >>> split_en("Mr. Li arrived at 3.30 p.m. in the U.S. capital. He left. Why?")
    ['Mr. Li arrived at 3.30 p.m. in the U.S. capital.', 'He left.', 'Why?']
    >>> split_en('He said, "We are ready." Then he left, e.g. by car... Really.')
    ['He said, "We are ready."', 'Then he left, e.g. by car...', 'Really.']
    """
    out: list[str] = []
    start = 0
    for m in _EN_CANDIDATE.finditer(text):
        if _is_boundary(text, m):
            piece = text[start : m.end()].strip()
            if piece:
                out.append(piece)
            start = m.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out
