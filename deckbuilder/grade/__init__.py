"""Grade stage: segmented sentences → the sentences chosen to teach each word of a level, in study order.

`grader.py` classes tokens and prices sentences; `quality.py` judges a candidate as a sentence worth learning
(script, names, literary wording, fragments, translation) and prices or rejects it; `select.py` keeps the
best candidates as they stream; `order.py` puts the chosen ones in study order.

Every token of a sentence gets a reading class for the learner (`Reading`): the level's own words are
targets; known words (a `--known` list, and by default every word below the level) and free tokens
(punctuation, numbers, Latin text, proper names) cost nothing; an unlisted word whose characters are all
known is readable; anything else is new. A sentence teaches a target word when at most `max_new` of its
tokens are new: with the default 1 (i+1), the target is the only thing the learner has not met.

Sentences are graded as they stream past and only the best candidates per target word are kept, so memory
is bounded by the level's word count, not the corpus. Study order: target words from most to least frequent;
a word whose sentences all contain another not-yet-introduced word of the level waits until that word is
introduced, so no card uses a word that comes after it.
"""

from deckbuilder.grade.grader import LENGTH_BOUNDS, SWEET_SPOT, Grader, Reading, hanzi_count
from deckbuilder.grade.order import Selection, SelectOptions, near_duplicate
from deckbuilder.grade.quality import Coverage, Flaw, Quality, assess, coverage, load
from deckbuilder.grade.select import Record, Selector, pin_key, select

__all__ = [
    "pin_key",
    "LENGTH_BOUNDS",
    "SWEET_SPOT",
    "Coverage",
    "Flaw",
    "Grader",
    "Quality",
    "Reading",
    "Record",
    "SelectOptions",
    "Selection",
    "Selector",
    "assess",
    "coverage",
    "hanzi_count",
    "load",
    "near_duplicate",
    "select",
]
