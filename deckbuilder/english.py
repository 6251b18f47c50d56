"""English words as CC-CEDICT glosses and translations use them: tokens, stop words, stems, match keys.

One owner for the English side of every comparison between a translation and dictionary senses: the
bilingual model (``lexical``: alignment, sentence quality) and the choice of the sense a sentence uses
(``senses``) both call `en_keys`.
A key is a crude stem (``development`` ~ ``develop``), or a number for number words, ordinals and months; stop
words have none. No resources: plain tables and rules.
"""

from __future__ import annotations

import re
from functools import lru_cache


def _words(text: str) -> list[str]:
    return text.split()


# Stop words in four groups; alignment drops them all (`STOP`), sense choice keeps the last two, which
# carry meaning when a sense is itself a function word (就 "only", 几个 "how many", 表 "a form").
FUNCTION = frozenset(
    _words(
        "a an the of to in on at by for from with without as into onto upon about over under and or nor "
        "that which who whom whose what is are was were be been being am do does did doing have has had "
        "having will would shall should can could may might must it its itself this these those there here "
        "they them their theirs we us our ours you your yours he him his she her hers i me my mine s t up "
        "out off same own such"
    )
)
NOTES = frozenset(
    _words("sth sb etc used usu esp lit fig abbr variant pr surname old see")
)  # CC-CEDICT's own notes
GRAMMAR = frozenset(
    _words(
        "than then but so if because while though although whether also very just only both each either "
        "neither all any some other another more most much many not no again further once too one ones"
    )
)
VAGUE = frozenset(_words("term kind form person thing something someone somebody way"))
STOP = FUNCTION | NOTES | GRAMMAR | VAGUE
BE = frozenset(_words("be am is are was were been being"))  # the copula's forms: one key, "be"
# A sense that is itself a quantity (一点 "a bit", 一些 "some", 一种 "one kind of"), not a count of things.
QUANTITY = re.compile(r"^(a bit|a little|some|a few|several|a couple|one (kind|type|sort) of)\b", re.I)

_MONTHS = {
    m: str(i)
    for i, m in enumerate(
        _words("january february march april may june july august september october november december"), 1
    )
}
_NUMBER_WORDS = {
    w: str(i)
    for i, w in enumerate(
        _words(
            "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
            "sixteen seventeen eighteen nineteen twenty"
        )
    )
}
_NUMBER_WORDS.update({"thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70"})
_NUMBER_WORDS.update({"eighty": "80", "ninety": "90", "hundred": "100", "thousand": "1000"})
_NUMBER_WORDS.update({"million": "1000000", "billion": "1000000000", "dozen": "12", "half": "0.5"})
_ORDINALS = {
    "first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5",
    "sixth": "6", "seventh": "7", "eighth": "8", "ninth": "9", "tenth": "10",
}  # fmt: skip

# Irregular English forms → the form dictionary senses use ("went" must meet 去 "to go").
_IRREGULAR = dict(
    pair.split(":")
    for pair in _words(
        "went:go gone:go took:take taken:take made:make came:come saw:see seen:see gave:give given:give "
        "got:get gotten:get said:say told:tell thought:think brought:bring bought:buy found:find "
        "knew:know known:know left:leave felt:feel kept:keep held:hold stood:stand understood:understand "
        "met:meet ran:run sat:sit spoke:speak spoken:speak wrote:write written:write ate:eat eaten:eat "
        "drank:drink began:begin begun:begin became:become grew:grow grown:grow built:build sent:send "
        "spent:spend paid:pay lost:lose won:win fell:fall fallen:fall led:lead heard:hear sold:sell "
        "taught:teach caught:catch fought:fight chose:choose chosen:choose drove:drive driven:drive "
        "rose:rise risen:rise broke:break broken:break forgot:forget slept:sleep children:child men:man "
        "women:woman people:people feet:foot teeth:tooth mice:mouse better:good best:good worse:bad worst:bad"
    )
)
TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[A-Za-z]+(?:'[A-Za-z]+)?|[?!]")
_ORDINAL_DIGITS = re.compile(r"^(\d+)(?:st|nd|rd|th)$")


def stem(word: str) -> str:
    """A crude English stem: lower case, inflection stripped, cut to 6 letters (development ~ develop).

    >>> [stem(w) for w in ("Contributions", "developing", "development", "studies", "held", "smiled")]
    ['contri', 'develo', 'develo', 'study', 'held', 'smil']
    >>> [stem(w) for w in ("flavour", "centres", "realised", "four", "exercise")]
    ['flavor', 'center', 'realis', 'four', 'exerci']
    """
    w = word.lower()
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 4:
        if w.endswith("ies"):
            w = w[:-3] + "y"
        elif w.endswith(("sses", "ches", "shes", "xes")):
            w = w[:-2]
        elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
            w = w[:-1]
        elif w.endswith("ied"):
            w = w[:-3] + "y"
        elif w.endswith("ness") and len(w) > 6:
            w = w[:-4]
        elif w.endswith("ing") and len(w) > 5:
            w = w[:-3]
        elif w.endswith("ed") and len(w) > 4:
            w = w[:-2]
        if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
            w = w[:-1]  # running → runn → run
    w = _american(w)
    if len(w) > 3 and w.endswith("e") and not w.endswith("ee"):
        w = w[:-1]  # smile ~ smiled ~ smiling
    if len(w) > 4 and w.endswith(("iz", "yz")):
        w = w[:-1] + "s"  # realize ~ realise ~ realising, analyzed ~ analysed: one key for both spellings
    return w[:6]


def _american(w: str) -> str:
    """British spellings as CC-CEDICT writes them (American): flavour ~ flavor, centre ~ center (-ise and
    -ize meet in `stem`). Short words keep theirs (four, hour, your)."""
    if len(w) >= 6 and w.endswith("our"):
        return w[:-3] + "or"
    if len(w) >= 6 and w.endswith(("ourite", "ourable")):  # (before `stem` drops the final e)
        return w.replace("our", "or", 1)
    if len(w) >= 5 and w.endswith("tre"):
        return w[:-3] + "ter"
    return w


@lru_cache(maxsize=200_000)
def en_keys(token: str, stop: frozenset[str] = STOP) -> frozenset[str]:
    """Match keys of one English token (empty for a word of `stop`)."""
    low = token.lower()
    if low[0].isdigit():
        m = _ORDINAL_DIGITS.match(low)
        return frozenset({m.group(1) if m else low.replace(",", "")})
    if low in "?!":
        return frozenset({low})
    if low in stop:
        return frozenset()
    keys = {stem(_IRREGULAR.get(low, low))}
    for table in (_MONTHS, _NUMBER_WORDS, _ORDINALS):
        if low in table:
            keys.add(table[low])
    return frozenset(keys)


# Phrasal verbs and the one-word senses a dictionary writes for them ("bring it up" ~ "to mention"): a verb,
# its particle and the words it means.
_PHRASAL = {
    (stem(verb), particle): tuple(meaning.split("+"))
    for verb, particle, meaning in (
        item.split(":")
        for item in _words(
            "bring:up:mention+raise look:after:care look:for:seek+search find:out:discover "
            "give:up:abandon+quit "
            "put:off:postpone+delay set:up:establish+found turn:down:refuse+reject+decline "
            "pick:up:collect+fetch take:off:remove put:on:wear carry:out:implement+perform "
            "figure:out:understand+solve show:up:appear+arrive point:out:indicate turn:up:appear "
            "get:up:rise go:on:continue keep:on:continue come:back:return go:back:return hand:in:submit "
            "call:off:cancel put:out:extinguish wake:up:awake look:up:consult grow:up:mature "
            "make:up:invent+compose come:across:encounter deal:with:handle+treat depend:on:rely "
            "throw:away:discard clean:up:tidy calm:down:calm slow:down:slow hurry:up:hurry "
            "catch:up:overtake run:out:exhaust break:down:malfunction cheer:up:encourage"
        )
    )
}
_PARTICLE_REACH = 3  # words between a phrasal verb and its particle (bring this matter up)


def phrasal_meanings(words: list[str]) -> list[str]:
    """The one-word meanings of the phrasal verbs in `words` (lower case tokens of a sentence).

    >>> phrasal_meanings("let's bring this up later".split())
    ['mention', 'raise']
    """
    found: list[str] = []
    for i, word in enumerate(words):
        verb = stem(_IRREGULAR.get(word, word))
        for particle in words[i + 1 : i + 2 + _PARTICLE_REACH]:
            meaning = _PHRASAL.get((verb, particle))
            if meaning:
                found.extend(meaning)
                break
    return found


def tokens(text: str) -> list[str]:
    """The English tokens of `text`: words (with an apostrophe part), numbers, ? and !."""
    return TOKEN.findall(text)
