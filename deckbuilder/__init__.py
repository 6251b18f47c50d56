"""deckbuilder: bilingual Chinese-English text in, Anki decks for Mandarin learners out.

Importing the package is cheap: heavy resources (jieba, CC-CEDICT, OpenCC) load lazily on first use.
"""

__version__ = "0.1.0"
