"""The command line's option help and help panels, by option name: `deckbuilder.cli`'s signatures stay
readable. Text only (Rich markup); importing it loads nothing.
"""

HELP = {
    "--level": "Target level: [bold]hsk1[/bold] … [bold]hsk6[/bold], [bold]5[/bold], [bold]hsk7-9[/bold] "
    "(HSK 3.0 band) or a range such as [bold]hsk3-5[/bold] (one sub-deck per level).",
    "inputs": "Bilingual files: interleaved English/Chinese text, a Chinese and an English text file, a "
    "line-aligned Moses pair (X.en-zh.zh X.en-zh.en), Chinese and English .srt/.vtt subtitles (or one "
    "bilingual .srt), or pre-aligned TSV/CSV/JSONL/TMX (format sniffed; see --input-format); any of them may "
    "be .gz, .bz2 or .xz.",
    "make-inputs": "Bilingual files (as for align; default: the built-in corpora), or with a recipe the "
    "names of its decks to build (default: all). An argument is a deck's name when the recipe has a deck of "
    "that name and no file of that name exists.",
    "--recipe": "Recipe describing the decks (default: deckbuild.toml in this folder, if there is one); the "
    "options given here override its values.",
    "recipe-path": "Recipe file to write, or a folder to write deckbuild.toml into.",
    "--force": "Replace an existing recipe.",
    "--standard": "Word lists: [bold]2.0[/bold] (HSK 2.0), [bold]2021[/bold] (HSK 3.0 grading standard) or "
    "[bold]2025[/bold] (HSK 3.0 exam syllabus).",
    "--output": "Deck file to write (.apkg is added). Default: decks/LEVEL.apkg (decks/ is created).",
    "--per-word": "Sentences per target word.",
    "--max-notes": "At most this many sentences, the first in study order.",
    "--max-new": "New words allowed per sentence, the target included: 1 is i+1.",
    "--known": "Words the learner knows: one per line, a TSV/CSV export with a word column, or an "
    ".apkg/.colpkg/.anki2 file. Known words are never targets and always readable.",
    "--assume-below": "Count every word below the target level as known.",
    "--min-chars": "Shortest sentence, in characters (default: by level).",
    "--max-chars": "Longest sentence, in characters (default: by level).",
    "--builtin": "Built-in corpora, comma-separated: tatoeba (CC BY 2.0 FR), hsk-sentences (CC BY-SA 4.0).",
    "--with-builtin": "Add the built-in corpora to the input files.",
    "--min-score": "Aligned pairs with a lower confidence never become cards.",
    "--input-format": "Read every input as this format (default: sniffed per file; a Chinese and an "
    "English file of as many lines, one sentence each, are moses).",
    "--strict": "Fail on a malformed input row (the wrong number of columns, a JSON line without zh/en) "
    "instead of leaving it out with a warning.",
    "--workers": "Processes for segmentation and annotation (default: the number of cores).",
    "--engine": "Where sentences are graded: [bold]local[/bold] (--workers processes here) or "
    "[bold]dask[/bold] (a Dask cluster: pip install 'deckbuilder\\[dask]').",
    "--scheduler": "With --engine dask: the address of a running Dask scheduler (tcp://host:8786); "
    "default: a local cluster of --workers processes.",
    "--cache": "Reuse annotation and grading from earlier builds.",
    "--cards": "Sentence cards to make, comma-separated: reading (Chinese → English), production "
    "(English → Chinese), listening (audio → meaning).",
    "--hint": "What the cloze blank shows.",
    "--pinyin-style": "Pinyin on the back: under the sentence, or above each word.",
    "--templates": "Folder of template files replacing the built-in ones with the same name "
    "(cloze_front.html, sentence_back.html, style.css, …).",
    "--deck-name": "Deck name (use :: for sub-decks). Default: deckbuilder::HSK 2.0::Level N.",
    "--tag": "Tag added to every note (repeatable).",
    "--deck-key": "The deck's identity (default: its name): notes and own note types are keyed by it, so a "
    "renamed deck that keeps its key updates students' copies, and two decks never share notes.",
    "--lock": "Read and write <deck>.lock.json: the sentence pinned per word and what each note shipped as, "
    "so a rebuild changes students' notes only where their content changed.",
    "--refresh": "Choose these words' sentences afresh instead of the lock's, comma-separated "
    "(all: every word).",
    "--retire": "Card types to empty in students' decks, comma-separated (a type left out of --cards is "
    "otherwise kept for notes that shipped with it).",
    "--readings": "Teacher's pinyin overrides, one [bold]word<TAB>pinyin[/bold] per line (as the cards "
    "print it: jiàohuì, jiao4hui4), or a review.tsv with its pinyin corrected; they always win.",
    "--zhuyin": "Fill the Zhuyin (bopomofo) field.",
    "--traditional": "Fill the Traditional field through OpenCC.",
    "--format": "tsv (zh, en, score) or jsonl (zh, en, score, source).",
    "pairs-output": "Pairs file to write.",
    "align-min-score": "Lower pairs go to --review (and are left out unless --all).",
    "--all": "Write every bead, low pairs and unpaired sentences too, with a last column (jsonl: status) "
    "saying ok, low or unpaired: to score the aligner, or to keep everything.",
    "--review": "Also write the low-confidence pairs and unpaired sentences here, for a person to check.",
    "text": "Chinese text; default: read stdin, one sentence per line.",
    "gloss-text": "Chinese text; default: read stdin, one sentence per line, each optionally followed by a "
    "tab and its English translation (which helps choose the sense).",
    "--numbers": "Tone numbers (yin2hang2) instead of tone marks.",
    "--per-char": "With --numbers: one syllable per Chinese character.",
    "--citation-tones": "Dictionary tones for 一 and 不 (yī gè, not yí gè).",
    "--model": "Let the context model (g2pM) decide polyphones the rules leave open.",
    "deck": "The .apkg file to look into.",
    "--first": "How many cards of the study order to list.",
    "--against": "An earlier build of the deck: report what re-importing this one over it would update.",
    "--night": "Open the page in night mode.",
    "old": "The earlier build (.apkg).",
    "new": "The later build of the same deck (.apkg).",
    "--fields": "Compare only these fields, comma-separated (Tags for the tags).",
    "--summary": "Counts only, no note by note list.",
    "--embed": "Also score beads with an offline sentence encoder (more accurate on novels, slower); needs "
    "pip install 'deckbuilder[embed]'.",
}
# Commands whose help is longer than a line.
COMMANDS = {
    "align": "Align bilingual documents sentence by sentence and write the pairs with a confidence score.\n\n"
    "Give one interleaved English/Chinese file, or a Chinese and an English file; blocks cut mid-sentence "
    "are rejoined. Pre-aligned files pass through. The Chinese text is written as read.",
}
PANELS = {
    "Selection": ("--level", "--standard", "--per-word", "--max-notes", "--min-chars", "--max-chars"),
    "Learner": ("--max-new", "--known", "--assume-below"),
    "Input": ("--builtin", "--with-builtin", "--min-score", "--input-format", "--strict"),
    "Output": ("--recipe", "--output", "--deck-name", "--tag"),
    "Redistribution": ("--deck-key", "--lock", "--refresh", "--retire"),
    "Cards": ("--cards", "--hint", "--pinyin-style", "--templates"),
    "Pinyin": ("--readings", "--zhuyin", "--traditional"),
    "Speed": ("--workers", "--engine", "--scheduler", "--cache", "--embed"),
}
PANEL = {name: panel for panel, names in PANELS.items() for name in names}  # option → its panel

# `deckbuild make`'s description (its --help).
MAKE = """Build an Anki deck that teaches every word of a level, one readable sentence at a time.

Each sentence brings one new word (i+1), most frequent word first; without input files, sentences come
from the built-in corpora. With a deckbuild.toml here (or --recipe), builds its decks or those named.
"""

# What `deckbuild init` writes: a recipe (see `deckbuilder.recipe`) for a teacher to edit.
STARTER = """\
# deckbuild.toml: the decks of a class. `deckbuild make` in this folder builds every deck below,
# `deckbuild make NAME` the deck [decks.NAME]. Options given on the command line override the values here.
# Paths are relative to this file. Every key is optional but level; they are make's options (see
# `deckbuild make --help`), written without the leading dashes.

# Values every deck takes unless it sets its own.
[defaults]
standard = "2.0"                # 2.0 (HSK 2.0), 2021 (HSK 3.0 standard) or 2025 (HSK 3.0 syllabus)
cards = ["reading"]             # reading, production, listening
# tags = ["class-7b"]           # added to every note
# readings = "readings.tsv"     # your pinyin corrections: word<TAB>pinyin, one per line
# known = "known.txt"           # words the class knows: never targets, always readable

# One table per deck; it is written to decks/NAME.apkg unless it sets output.
[decks.hsk1]
level = "hsk1"                  # hsk1 … hsk6, hsk7-9, or a range such as hsk1-2
deck-name = "My class::HSK 1"
# key = "my-class-hsk1"         # the deck's identity: keep it when you rename the deck
# inputs = ["texts/unit1.txt"]  # your bilingual texts (default: the built-in corpora)
# with-builtin = true           # add the built-in corpora to your texts
# max-new = 1                   # new words per sentence, the target included
# hint = "pinyin"
# exclude-words = ["我们"]      # words of the level to leave out
# exclude-sentences = ["我们明天去公园。"]  # sentences never to use
# extra = [                     # your own sentences (they win ties), or files of them
#   { zh = "我们明天去公园。", en = "We are going to the park tomorrow." },
#   "more-sentences.tsv",
# ]
# retire = ["listening"]        # empty a card type students already have

# Corrected English, by sentence.
# [decks.hsk1.english]
# "我们明天去公园。" = "We'll go to the park tomorrow."
"""
