"""A word CC-CEDICT lacks (很多, 交通事故) → a gloss built from its parts: "很 very + 多 many".

The parts are the word's longest dictionary sub-words; each is glossed like a token of its own (its slice
of the reading and of the traditional spellings, the same English and neighbours) and contributes the
first part of its best translating sense (a description such as "(adverb of degree)" is skipped).
A word whose only entries are proper nouns (山上, a township) is glossed from its parts too when it is
not a name itself. Such a gloss is marked `composed`, so a card can say it was built, not
looked up.
"""

from __future__ import annotations

import re
from dataclasses import replace

from deckbuilder import cedict, constructions, english, erhua, segmenter
from deckbuilder.senses.classes import RESULTS, bare_measure, time_localizer
from deckbuilder.senses.context import English, Slot
from deckbuilder.senses.entries import candidates, first_shape
from deckbuilder.senses.fit import choose
from deckbuilder.senses.shapes import Sense, Shape, is_reference

_SHORT = re.compile(r"[;,]")
_LONGEST = 30  # characters of a part's sense
_NOTES = re.compile(r"^(\([^)]*\)\s*)+")
_KINDS = re.compile(r"^(classifier|measure word) for (.+?)\.?$", re.I)  # "classifier for gifts, papers etc"
# Before 小/老 a one-character surname is a person's (小李 "little Li", 老王), not the character's sense.
_FAMILIAR = frozenset("小老")
_NOT_COUNTED = frozenset("vdpucyxe")  # tags of a next word that is not what a classifier counts (or none)
_PERSON_TAGS = frozenset({"nr", "nrt", "nrfg"})
# One-character complements a verb part may take inside a word CC-CEDICT lacks (换掉, 做好, 拍下).
_COMPLEMENTS = RESULTS | frozenset("掉好走光")
# A complement's note, what it says the verb reached ("(verb complement indicating completion)").
_AFTER_VERB = re.compile(
    r"^\((?:verb complement|used after (?:a|certain) verbs?)\b.*?"
    r"(?:indicating|to indicate|to express|expressing) ([^),]{1,20})"
)
_OPEN_NOTE = re.compile(r"\s*\([^)]*$")  # a note the cut at "," or ";" left open
_VARIANT_NOTE = re.compile(r"\s*\((?:[a-z]+ )?variant of [^)]*\)")  # where else the sense is written
# The hours of a clock: 九点 is "nine o'clock" unless a noun follows (三点意见 "three points").
_CLOCK = frozenset({"一", "两", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"})


def _short(senses: tuple[Sense, ...], counted: str = "", en: English | None = None) -> str:
    """A part's sense in a few words: the first that translates (else the first), notes and lists cut
    ("(bound form) up; upper" → "up", "classifier for books, periodicals …" → "classifier for books"). A
    classifier before the noun it counts (`counted`) names that noun's kind from its list (两座 山: "for
    mountains", not "for buildings"), else the start of its list (一份 文件: not only "for gifts")."""
    if senses and not senses[0].words and (note := _AFTER_VERB.search(senses[0].raw)):
        return f"(after a verb: {note.group(1)})"  # 做好: 好 "(after a verb: completion)"
    best = next((s for s in senses if s.words), senses[0] if senses else None)
    if best is None:
        return ""
    if counted and best.shape is Shape.CLASSIFIER and (listed := _KINDS.match(best.text)):
        return _kind(listed.group(1), listed.group(2), counted)
    # notes cut, and where else the sense is written: "to draw (a line) (variant of 划)" → "to draw (a line)"
    whole = _VARIANT_NOTE.sub("", _NOTES.sub("", best.text))
    text = _SHORT.split(whole, maxsplit=1)[0].strip() or best.text
    if whole[len(text) :].lstrip(",; ").startswith("and ") and " for " in text:
        text = text.split(" for ")[0]  # "plural marker for pronouns, and nouns …": "plural marker"
    elif en is not None and not _said(text, en):  # the alternative the translation says (裤 "trousers")
        text = next((a.strip() for a in _SHORT.split(whole) if a.strip() and _said(a, en)), text)
    text = _OPEN_NOTE.sub("", text).strip() or text  # "hither (directional complement for …, as in …)"
    if len(text) <= _LONGEST:
        return text
    cut = text[: text.rfind(" ", 0, _LONGEST)]
    return cut + (" …)" if cut.count("(") > cut.count(")") else " …")  # "(prefix indicating ordinal …)"


def _said(alternative: str, en: English) -> bool:
    """Whether the translation says one of the alternative's words ("trousers" of "underpants; trousers")."""
    return any(english.en_keys(w) & en.content for w in english.tokens(alternative))


def _kind(head: str, listed: str, counted: str) -> str:
    """ "classifier for" the kind in `listed` whose head word is the counted noun's (座 山: "mountains"), else
    "classifier for" the list's first kinds, as many as fit a short line."""
    words = {
        w.lower() for c in candidates(counted) for s in c.senses if s.shown and s.prior > -1 for w in s.words
    }
    wanted = {k for w in words for k in english.en_keys(w)}
    listed = _OPEN_NOTE.sub("", re.sub(r"\s*\([^)]*\)", "", listed)).removesuffix(" etc")
    kinds = [k.strip() for k in re.split(r",|:|\band\b|\bor\b", listed) if k.strip()]
    for kind in kinds:
        last = kind.split()[-1].lower()
        if last in words or last.removesuffix("s") in words or english.en_keys(last) & wanted:
            return f"{head} for {kind}"
    shown: list[str] = []
    for kind in kinds:
        if shown and len(", ".join([*shown, kind])) > _LONGEST:
            return f"{head} for {', '.join(shown)} …"
        shown.append(kind)
    return f"{head} for {', '.join(shown)}"


def one_left_out(part: str) -> str:
    """A classifier after a verb stands for 一 + it: 买点 is 买 + (一)点 "a bit" when 一点 is a quantity
    (一点儿, a variant of 一点, as 一点)."""
    found = candidates("一" + part)
    senses = found[0].senses if found else ()
    referred = cedict.references(senses[0].raw) if senses and is_reference(senses[0].raw) else []
    if referred:
        found = candidates(referred[0][1])
        senses = found[0].senses if found else ()
    return _short(senses) if senses and english.QUANTITY.match(senses[0].text) else ""


def _tags(parts: list[str]) -> list[str]:
    """The parts' dictionary tags, a part before a closing localizer of place read as the thing it locates
    (树上: 树 "tree", tagged a verb alone, and then 上 "on" after a noun; 盒里: 盒 "box", tagged a
    classifier)."""
    tags = [segmenter.word_tag(p) for p in parts]
    for k, part in enumerate(parts[:-1]):  # before its complement a part is the verb (换掉: 换 nz alone)
        if parts[k + 1] in _COMPLEMENTS and first_shape(part) is Shape.VERB:
            tags[k] = "v"
    if len(parts) < 2 or tags[-1] != "f" or time_localizer(parts[-1]):
        return tags
    return [_thing(p, t) for p, t in zip(parts[:-1], tags[:-1], strict=True)] + tags[-1:]


def _thing(part: str, tag: str) -> str:
    return "n" if tag[:1] in ("v", "q") and first_shape(part) is Shape.NOUN else tag


def compose(slot: Slot, en: English) -> tuple[str, str] | None:
    """("很 very + 多 many", traditional spelling) for an unknown word of two or more known parts, or None."""
    word = slot.word
    parts = cedict.split(word, whole=False)
    if erhua.erhua(word):
        parts = [word[:-1], "儿"]  # 画画儿: the doubled word and the erhua suffix
    elif len(word) > 2 and word[-1] == "儿" and cedict.lookup(word[-2:]) and parts[-1] == "儿":
        parts = [*cedict.split(word[:-2], whole=False), word[-2:]]  # 早点儿: 早 + 点儿, no 早点 "breakfast"
    if len(parts) < 2 or not any(cedict.lookup(p) for p in parts):
        return None
    aligned = len(slot.syllables) == len(word)
    tags = _tags(parts)
    familiar = len(word) == 2 and word[0] in _FAMILIAR and (slot.name or slot.tag in _PERSON_TAGS)
    pieces, trads, at = [], [], 0
    for k, part in enumerate(parts):
        end = at + len(part)
        first, last = k == 0, k == len(parts) - 1
        sub = replace(
            slot,
            word=part,
            tag=tags[k],
            syllables=slot.syllables[at:end] if aligned else (),
            trad=frozenset(t[at:end] for t in slot.trad if len(t) == len(word)),
            # The token's neighbours are the first part's before and the last part's after; inside, the
            # other parts.
            prev=slot.prev if first else parts[k - 1],
            prev_tag=slot.prev_tag if first else tags[k - 1],
            next=slot.next if last else parts[k + 1],
            next_tag=slot.next_tag if last else tags[k + 1],
            name=familiar and k == 1,
            part=True,
            left=(*slot.left, *parts[:k]),
            left_tags=(*slot.left_tags, *tags[:k]),
            right=(*parts[k + 1 :], *slot.right),
            right_tags=(*tags[k + 1 :], *slot.right_tags),
        )
        choice = choose(sub, en)
        counted = slot.next if last and slot.next_tag[:1] not in _NOT_COUNTED else ""
        sense = _short(choice.senses, counted, en) if choice else ""
        # a classifier for 一 + it: after a verb (读点书), or 点(儿) after an adjective (早点儿 "a bit")
        if bare_measure(sub) or (k and part in ("点", "点儿") and tags[k - 1][:1] == "a"):
            sense = one_left_out(part) or sense
        if choice and k and part == "点" and parts[k - 1] in _CLOCK and slot.next_tag[:1] != "n":
            sense = next((x.text for x in choice.candidate.senses if x.text == "o'clock"), sense)  # 九点
        pieces.append(f"{part} {sense}" if sense else part)
        trads.append(choice.candidate.entry.traditional if choice else min(sub.trad, default=part))
        at = end
    if erhua.erhua(word):  # 名牌儿: the word, its 儿 the erhua suffix, no "child"
        return f"{pieces[0]} (+ erhua 儿)", "".join(trads)
    if constructions.tentative(word):  # 试试: the verb once, and what saying it twice adds
        return f"{pieces[0]} (said twice: a little, briefly)", "".join(trads)
    return " + ".join(pieces), "".join(trads)
