"""One CC-CEDICT sense → what sense choice needs to know about it: its shape, its prior, its words, and the
clean text a card shows.

The shape is read from the wording CC-CEDICT uses for each kind of sense ("to …" for verbs, "classifier for
…", "(… particle)", "used to indicate passive voice", a bare "for" or "towards"), the prior from its notes
(surname, variant, archaic, dialect, Taiwan-only, onomatopoeia, "used in …", "see …"). The display text
drops the file's markup (references become the simplified word, pinyin and ``CL:`` lists go, braces and
stray parentheses too); ``CL:`` lists become the separate classifier text instead.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from enum import Enum
from functools import cache, lru_cache

from deckbuilder import cedict, english
from deckbuilder.pinyin.syllable import mark, normalize
from deckbuilder.senses.adjectives import is_adjective


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


class Shape(Enum):
    """The part of speech a sense's wording shows (NOUN: none of the others)."""

    VERB = "verb"
    MODAL = "modal"  # can, will, must …
    CLASSIFIER = "classifier"
    FUNCTION = "function"  # a grammatical use described rather than translated ("(passive marker)")
    PREPOSITION = "preposition"
    CONJUNCTION = "conjunction"
    ADVERB = "adverb"
    ADJECTIVE = "adjective"  # one adjective ("florid", "classic (example, case etc)"): said of something
    NOUN = "noun"


# Notes that make a sense unlikely to be the one an everyday sentence uses, and by how much.
_PRIORS = (
    (re.compile(r"^(\(\w+\) )?surname\b|\bsurname$", re.I), -3.0),
    (
        re.compile(
            r"^(see also|see|also written|(also|taiwan|colloquial|dialect|old|formerly) pr\.|used in|"
            r"erhua variant)(?!\w)",
            re.I,
        ),
        -3.0,
    ),
    (re.compile(r"^\(?(old |archaic |japanese |unofficial |euphemistic )?variant of\b", re.I), -3.0),
    (re.compile(r"\((archaic|old|classical|literary|dialect|tw|onom\.|cantonese)\)", re.I), -1.5),
    (re.compile(r"\(since c\. \d+\)|\b(jocular|sarcastic)\b", re.I), -2.0),
    (
        re.compile(
            r"^\((bound form|math\.|physics|chemistry|slang|vulgar|euph\.|internet slang|chess)\)", re.I
        ),
        -1.0,
    ),
    (re.compile(r"^abbr\. (for|of)\b|\(abbr\.", re.I), -1.0),
    # A character's place in the radical index (一 '"one" radical … (Kangxi radical 1)'): never a meaning
    (re.compile(r"\bKangxi radical \d+", re.I), -3.0),
)
# Usage marks of a register an everyday sentence seldom uses; slang most seldom of all (几号 "heroin").
_SLANG = re.compile(r"\((internet )?slang\)", re.I)
_REGISTER = re.compile(r"\((archaic|old|classical|literary|dialect|(internet )?slang)\)", re.I)
_LEADING_NOTES = re.compile(r"^(\((?!used|verb|before|after|of |in |at )[^)]*\)\s*)+")
# Classifiers, and units of measure, which stand after a numeral as classifiers do (三里路).
_CLASSIFIER = re.compile(
    r"^\(?(classifier|measure word)\b|\b(measure|unit) of (length|weight|area|volume)", re.I
)
_FUNCTION = re.compile(
    r"\b(particle|marker|passive|aspect|suffix|prefix|intensifier|interjection|grammatical|structural"
    r"|complement|modal|introduces|introducing|indicates|indicating"
    r"|used (?:to|for|after|before|at|with|as))\b"
    r"|^-\w+$",
    re.I,
)
# The grammatical terms that make a sense a function word even inside its notes ("of; ~'s (possessive
# particle)"); a note such as "(used for either sex …)" on "he; him" does not.
_GRAMMAR_NOTE = re.compile(
    r"\b(particle|marker|aspect|structural|modal|passive|intensifier|interjection)\b", re.I
)
_VERB = re.compile(r"^to (?!(the|a|an|sb|sth|and|or|this|that|what|which)\b)[a-z]", re.I)
# The modals CC-CEDICT writes without "to" ("can; to have the skill", "will; shall"): verbs to the tagger
# (会 v) or adverbs (将 d).
_MODAL = re.compile(r"^(can|could|may|might|must|should|shall|will(?! do)|would|ought to|need to)\b", re.I)
_PREPOSITION = re.compile(
    r"^(to|towards?|at|for|by|from|with|in|on|into|via|through|than|concerning|regarding|about|since|until|as"
    r"|according to|based on|as for|vis-à-vis|for the benefit of|thanks to)"
    r"(?=$|[;,(]| \(|\s(sb|sth)\b)",
    re.I,
)
_CONJUNCTION = re.compile(
    r"^(in order to|so as to|so that|and|but|or|if|because|so|although|though|even if|in that case|yet"
    r"|moreover)\b",
    re.I,
)
# A prepositional phrase with no object to fill is an adverb ("in advance", "all at once", "after that"); one
# that ends in a preposition is a preposition ("in the light of").
_ADVERBIAL = re.compile(
    r"^(?:(?:in|at|after|for|by|on|of) (?!(?:sb|sth)\b)[\w' ]+|all at once|all of a sudden|all along)$", re.I
)
_ENDS_IN_PREPOSITION = re.compile(r"\b(of|with|to|for|from|by|on|at|about|into)$", re.I)
# "equivalent to 就[jiu4]: then": the shape is the translation's after the colon.
_EQUIVALENT = re.compile(r"^(?:equivalent to|same as)\b[^:]*:\s*(.+)$", re.I)
_ADVERBS = _set(
    "still yet already even again just then first only also never ever always soon now really quite rather "
    "almost nearly once immediately merely simply exactly precisely fairly somewhat entirely completely "
    "very most more too all both"
)
# First words that make a sense temporal or spatial (a localizer's two uses: 三天后 after, 门后 behind), and
# English noun endings that make a one-word sense an abstract noun ("length" where 长 means "long").
TIME_WORDS = _set("after afterwards later before earlier since until when during then next ago previous")
PLACE_WORDS = _set(
    "on inside outside behind back rear front top bottom below above under beneath near "
    "beside side middle between among within"
)
_QUESTION = re.compile(r"^(how|what|which|who|whom|whose|where|when|why)\b|\?$", re.I)
_ABSTRACT = re.compile(r"^[a-z]+(th|ness|ity|tion|sion|ment|ance|ence|ship|dom)$", re.I)
_NOTE = re.compile(r"\(([^)]*)\)")
_PLACEHOLDER = re.compile(r"\b(sb|sth|one's|oneself|someone|something)\b")
# Notes about grammar ("(before a verb)", "(verb complement …)") say where a sense is used, not what company
# it keeps.
_GRAMMAR_TERMS = re.compile(
    r"\b(verbs?|nouns?|adjectives?|adverbs?|clauses?|sentences?|complement|suffix|prefix|particle|pronoun"
    r"|classifier|number|quantity|expression)\b",
    re.I,
)
_CL_GROUP = re.compile(r"\s*[(,;]?\s*CL:[^)]*\)?")
_CL_ITEM = re.compile(r"(?:[^|,\[]+\|)?([^|,\[]+)\[([^\]]+)\]")
_PRONUNCIATION = re.compile(r"\s*\([^()]*\bpr\. \[[^\]]*\][^()]*\)")  # "(Taiwan pr. [hui3])" and the like


@dataclass(frozen=True, slots=True)
class Sense:
    """One sense of an entry: its text as written and as shown, shape, prior, and its English words.

    `words` are the translating words (notes left out); `notes` the words in its parentheses, which often
    name what the sense goes with ("to order (food in a restaurant)").
    """

    raw: str
    text: str
    shape: Shape
    prior: float
    words: tuple[str, ...]
    notes: tuple[str, ...]
    lead: str = ""  # its first translating word, lower case
    interrogative: bool = False  # "how many?", "where?"
    abstract: bool = False  # one abstract noun ("length", "happiness")

    @property
    def shown(self) -> bool:
        """Whether a card may show it at all (a classifier list or a bare cross-reference is no gloss)."""
        return bool(self.text) and self.prior > -3.0


def register(raw: str) -> str:
    """The usage mark of a sense: "slang", "marked" (archaic, old, literary, dialect) or "" (none)."""
    return "slang" if _SLANG.search(raw) else "marked" if _REGISTER.search(raw) else ""


def is_reference(raw: str) -> bool:
    """A sense that only points elsewhere ("variant of 麵|面[mian4]", "see 儘快|尽快[jin3 kuai4]")."""
    return any(rx.search(raw) for rx, weight in _PRIORS[1:3])


@cache
def parse(raw: str) -> Sense:
    """The facts about one raw CC-CEDICT sense (memoised: the same senses recur across sentences)."""
    prior = sum(weight for rx, weight in _PRIORS if rx.search(raw))
    text = clean(raw)
    # The shape is read from the sense without its notes ("he; him (used for either sex …)" is a pronoun);
    # a sense that is only a note is read as it is ("(experienced action marker)").
    body = _NOTE.sub("", _LEADING_NOTES.sub("", raw)).strip(" ;,") or raw.strip("() ")
    words = tuple(cedict.sense_words(raw))
    # Notes that name company ("(food in a restaurant)"), not a placeholder ("(sb a certain way)").
    company = [
        n
        for n in _NOTE.findall(cedict.REFERENCE.sub(" ", raw))
        if not _PLACEHOLDER.search(n) and not _GRAMMAR_TERMS.search(n)
    ]
    notes = tuple(w for note in company for w in re.findall(r"[A-Za-z]+", note))
    lead = words[0].lower() if words and words[0].lower() not in ("to", "a", "an", "the") else ""
    lead = lead or (words[1].lower() if len(words) > 1 else "")
    asks = bool(_QUESTION.search(body.rstrip(". ")))
    abstract = len(words) == 1 and bool(_ABSTRACT.match(words[0]))
    kind = shape(body, words, " ".join(_NOTE.findall(raw)))
    return Sense(raw, text, kind, max(prior, -4.0), words, notes, lead, asks, abstract)


def shape(body: str, words: tuple[str, ...], notes: str = "") -> Shape:
    """The shape of a sense from its wording (`body`: the sense without its notes, `notes` their text).

    >>> [shape(b, tuple(b.split())) for b in ("florid", "in advance", "in order to", "as", "the classics")]
    [<Shape.ADJECTIVE: 'adjective'>, <Shape.ADVERB: 'adverb'>, <Shape.CONJUNCTION: 'conjunction'>, \
<Shape.PREPOSITION: 'preposition'>, <Shape.NOUN: 'noun'>]
    """
    equivalent = _EQUIVALENT.match(body)
    if equivalent:
        rest = equivalent.group(1)
        return shape(rest, tuple(re.findall(r"[A-Za-z]+", rest)))
    if _CLASSIFIER.search(body):
        return Shape.CLASSIFIER
    if _MODAL.search(body):
        return Shape.MODAL
    if _VERB.search(body):
        return Shape.VERB
    if (_FUNCTION.search(body) and not body.lower().startswith("used in")) or _GRAMMAR_NOTE.search(notes):
        return Shape.FUNCTION
    if _PREPOSITION.search(body):
        return Shape.PREPOSITION
    if _CONJUNCTION.search(body):
        return Shape.CONJUNCTION
    if _ADVERBIAL.match(body):
        return Shape.PREPOSITION if _ENDS_IN_PREPOSITION.search(body) else Shape.ADVERB
    first = words[0].lower() if words else ""
    head = body.split(";")[0]
    manner = first.endswith("ly") and len(first) > 5 and not is_adjective(first)  # not "early", "ugly"
    if (first in _ADVERBS and body.lower() != "all right") or (manner and len(words) <= 3):
        return Shape.ADVERB
    return Shape.ADJECTIVE if is_adjective(head) else Shape.NOUN


def clean(raw: str) -> str:
    """The sense as a card shows it: no ``CL:`` list, no pinyin, references as the simplified word, no
    braces or entities, no parenthesis left open or empty ("" for a sense that is only a ``CL:`` list).

    >>> clean("(used to put the object before the verb: 把[ba3] + {noun} + {verb})")
    '(used to put the object before the verb: 把 + noun + verb)'
    >>> clean("world (CL:個|个[ge4])")
    'world'
    """
    if raw.startswith("CL:"):
        return ""
    text = _PRONUNCIATION.sub("", raw)
    text = _CL_GROUP.sub("", text)
    text = cedict.REFERENCE.sub(lambda m: m.group(2) or m.group(1) or m.group(5), text)
    text = re.sub(r"\s*\[[^\]]*\]", "", text)
    text = html.unescape(text).replace("{", "").replace("}", "")
    text = re.sub(r"\(\s*\)", "", text)
    text = _balance(text)
    text = re.sub(r"\s+", " ", text).replace("( ", "(").replace(" )", ")")
    return text.strip(" ,;:")


def _balance(text: str) -> str:
    """Drop parentheses that have no partner."""
    out, open_at = list(text), []
    for i, ch in enumerate(text):
        if ch == "(":
            open_at.append(i)
        elif ch == ")":
            if open_at:
                open_at.pop()
            else:
                out[i] = ""
    for i in open_at:
        out[i] = ""
    return "".join(out)


def classifiers(raw: str) -> list[str]:
    """The classifiers a sense lists (``CL:個|个[ge4],本[ben3]`` → ``个 gè``, ``本 běn``), marked pinyin."""
    return [f"{simp} {' '.join(mark(normalize(p)) for p in pin.split())}" for simp, pin in _listed(raw)]


def classifier_words(raw: str) -> frozenset[str]:
    """The simplified classifiers a sense lists (``CL:個|个[ge4],本[ben3]`` → 个, 本)."""
    return frozenset(simp for simp, _ in _listed(raw))


def _listed(raw: str) -> list[tuple[str, str]]:
    at = raw.find("CL:")
    return _CL_ITEM.findall(raw[at + 3 :]) if at >= 0 else []


@lru_cache(maxsize=50_000)
def keys(words: tuple[str, ...]) -> tuple[tuple[str, bool], ...]:
    """Match keys of sense words, each with whether it is a grammar word (weaker evidence than content);
    memoised: a sense is weighed in every sentence its word is glossed in."""
    out = []
    bare = [w.lower() for w in words if w.lower() != "to"]
    if bare[:1] == ["be"] and (len(bare) == 1 or (len(bare) == 2 and bare[1] in _COPULA_PREPOSITIONS)):
        out.append(("be", True))  # "to be", "to be (located) at": the copula the English says with "is"
    for w in words:
        low = w.lower()
        if low in english.GRAMMAR:
            out.append((low, True))
        else:
            out.extend((k, False) for k in english.en_keys(w, SENSE_STOP))
    return tuple(dict.fromkeys(out))


_COPULA_PREPOSITIONS = _set("at in on")
# Words that never tell two senses apart: articles, auxiliaries, pronouns and CC-CEDICT's own notes. Grammar
# words ("only", "many") and vague nouns ("form", "thing") stay: for function words they are the sense.
SENSE_STOP = english.FUNCTION | english.NOTES
