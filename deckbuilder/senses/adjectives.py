"""An English gloss → whether it reads as an adjective ("florid", "wonderful", "classic (example, case etc)").

CC-CEDICT writes nouns and adjectives alike (no "to", no marker), yet Chinese grammar tells them apart: after
a degree adverb (非常棒, 有点花) or before a noun (经典唱片) a word is said of something, so "wonderful" fits
and "stick" does not. The test is English morphology (-ful, -ous, -able, -ical …) and a list of common
adjectives; a gloss that starts with an article ("the classics") is a noun. No resources: plain tables.
"""

from __future__ import annotations

import re


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Common adjectives whose form does not show it (and -ly adjectives, which are no adverbs).
COMMON = _set(
    "good bad big small little large long short tall high low new old young hot cold warm cool fast slow "
    "quick easy hard difficult strong weak rich poor full empty clean dirty heavy light dark bright loose "
    "tight deep shallow wide narrow broad thick thin fat slim sharp blunt smooth rough soft sweet sour "
    "bitter salty spicy bland ugly pretty beautiful handsome happy sad glad angry busy free quiet noisy "
    "loud early late right wrong true false real sure ready safe cheap expensive dear near far great "
    "smart clever stupid foolish wise honest kind polite rude lazy brave shy proud strange familiar common "
    "rare simple complex plain fancy correct exact accurate proper main chief basic general special "
    "normal usual typical classic important necessary possible sick ill tired hungry thirsty healthy alive "
    "dead wet dry fresh ripe raw red white black green blue yellow brown grey gray purple pink golden "
    "different same similar equal whole entire complete perfect fine nice lovely awful terrible horrible "
    "wonderful excellent superb splendid marvelous fantastic terrific gorgeous elegant graceful naive "
    "innocent gullible sincere frank open closed private public secret serious funny silly crazy mad "
    "calm gentle fierce cruel mean generous stingy modest humble arrogant clumsy skilled able capable "
    "competent effective efficient convenient suitable appropriate reasonable current present former "
    "recent ancient modern old-fashioned formal informal casual official local regional national foreign "
    "native domestic urban rural central horizontal vertical upright straight crooked flat round square "
    "solid hollow liquid fluid rapid vivid florid stupid humid timid valid rigid splendid candid lucid "
    "sturdy steady firm stable loyal faithful frequent constant regular urgent important obvious evident "
    "clear vague distinct precise concrete abstract absolute relative positive negative active passive "
    "likely unlikely friendly lonely lively elderly costly deadly early daily holy oily chilly curly jolly "
    "drunk awake asleep afraid alone aware worth sorry unhappy unfair unkind unusual unable uneasy "
    "independent intelligent elegant pleasant brilliant significant relevant ignorant tolerant violent "
    "silent decent innocent excellent patient distant many much few enough shaky messy lucky sleepy cloudy "
    "rainy sunny windy snowy foggy tidy wealthy tricky risky sticky greasy juicy tasty salty filthy dusty "
    "rusty hasty nasty shabby sloppy clumsy fuzzy dizzy itchy sweaty sturdy gloomy moody lousy cosy cozy "
    "roomy bumpy rocky muddy grassy hilly stormy stuffy thirsty weary worthy smelly stinky prickly wrinkly "
    "bubbly cuddly orderly cowardly scholarly heavenly ghostly sickly lowly frilly woolly "
    # -ing and -ent/-ant adjectives, whose endings nouns share (building, student, plant)
    "outstanding interesting amazing surprising boring exciting striking charming loving caring willing "
    "promising touching moving annoying disgusting shocking confusing convincing pressing lasting "
    "existing missing living dying growing increasing following remaining outgoing easygoing hardworking "
    "prominent diligent obedient fluent permanent sufficient confident dependent apparent transparent "
    "abundant arrogant vacant redundant radiant vibrant fragrant resolute decisive vast huge tiny "
    "immense widespread"
)
# First parts of hyphenated adjectives besides the common adjectives (large-scale, well-known, part-time).
_HYPHEN_HEADS = _set("well ill part top first second")
_SUFFIX = re.compile(r"(ful|less|ous|ive|able|ible|ical|ional|ual|tic|ish|esque|(?<!e)ed)$")
# Nouns the suffixes would take for adjectives.
_NOUNS = _set(
    "critic attic arithmetic heretic mystic skeptic lunatic relative objective detective executive "
    "representative motive archive adjective alternative initiative incentive perspective explosive "
    "hundred hatred kindred radish parish relish polish english spanish manual ritual table cable fable "
    "vegetable syllable constable timetable bible handful mouthful spoonful cupful armful tactic"
)
_ARTICLE = re.compile(r"^(the|a|an)\s", re.I)


def is_adjective(gloss: str) -> bool:
    """Whether a gloss (a sense without its notes) reads as an adjective: one word, or "very"/"quite" and one.

    >>> [is_adjective(g) for g in ("florid", "wonderful", "the classics", "stick", "loose", "student")]
    [True, True, False, False, True, False]
    >>> [is_adjective(g) for g in ("large-scale", "well-known", "ex-wife", "widespread")]
    [True, True, False, True]
    """
    words = gloss.strip().lower().split()
    if not words or _ARTICLE.match(gloss.strip()):
        return False
    if len(words) == 2 and words[0] in ("very", "quite", "rather", "too", "not"):
        words = words[1:]
    if len(words) == 3 and words[1] in ("and", "or"):  # "firm and resolute"
        return is_adjective(words[0]) and is_adjective(words[2])
    if len(words) != 1:
        return False
    word = words[0].strip(".,!?")
    if word in COMMON:
        return True
    head, hyphen, tail = word.partition("-")
    if hyphen and tail and (head in COMMON or head in _HYPHEN_HEADS):
        return True  # large-scale, well-known, long-term

    return len(word) > 4 and word not in _NOUNS and not word.endswith("fish") and bool(_SUFFIX.search(word))
