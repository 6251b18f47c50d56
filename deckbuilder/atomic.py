"""Atomic output: write to a temporary file beside the target, rename only when complete.

A failed or interrupted run (an exception, Ctrl-C) removes its temporary file and never truncates or
replaces the previous output.
"""

from __future__ import annotations

import contextlib
import os
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path

from deckbuilder.errors import OutputError

_SIGNALS = {signal.SIGINT, signal.SIGTERM}


@contextlib.contextmanager
def signals_deferred() -> Iterator[None]:
    """Hold SIGINT and SIGTERM until the block is done (creating temporary files, renaming a run's files
    together, forking workers): a Ctrl-C then arrives after it, never halfway through."""
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def check_target(output: Path) -> Path:
    """The directory `output` will be written to; OutputError when it is missing or not writable."""
    parent = output.parent if str(output.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"{output}: the output directory {parent} does not exist")
    if not os.access(parent, os.W_OK):
        raise OutputError(f"{output}: the output directory {parent} is not writable")
    if output.is_dir():
        raise OutputError(f"{output}: is a directory; give a file name")
    return parent


def _file_mode(output: Path) -> int:
    """The existing file's mode, else 0666 less the umask."""
    try:
        return output.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextlib.contextmanager
def atomic_targets(*outputs: Path) -> Iterator[tuple[Path, ...]]:
    """Yield one temporary path per output; on success each replaces its output, on any failure (an
    exception, Ctrl-C) all are removed and every output is left as it was.

    The renames come last, after all the outputs are complete: a deck and its side files change together.
    """
    outputs = tuple(Path(o) for o in outputs)
    if len(set(outputs)) != len(outputs):
        raise OutputError(f"{outputs[0]}: the same file is given for two outputs")
    parents = [check_target(o) for o in outputs]
    temps: list[Path] = []
    try:
        for output, parent in zip(outputs, parents, strict=True):
            with signals_deferred():  # a temporary file is either not made or on the list to remove
                try:
                    fd, name = tempfile.mkstemp(dir=parent, prefix=f".{output.name}.", suffix=".tmp")
                except OSError as exc:
                    raise OutputError(f"{output}: cannot write to {parent}: {exc.strerror or exc}") from exc
                temps.append(Path(name))
            os.close(fd)
        try:
            yield tuple(temps)
        except OSError as exc:  # disk full while writing, and the like
            raise OutputError(f"{outputs[0]}: cannot write: {exc.strerror or exc}") from exc
        for tmp, output in zip(temps, outputs, strict=True):
            try:
                os.chmod(tmp, _file_mode(output))  # mkstemp creates 0600; outputs are ordinary files
            except OSError as exc:
                raise OutputError(f"{output}: cannot write: {exc.strerror or exc}") from exc
        with signals_deferred():  # the deck and its side files change together, or not at all
            for tmp, output in zip(temps, outputs, strict=True):
                try:
                    os.replace(tmp, output)
                except OSError as exc:
                    raise OutputError(f"{output}: cannot write: {exc.strerror or exc}") from exc
    finally:
        for tmp in temps:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()


@contextlib.contextmanager
def atomic_target(output: Path) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces `output`, on any failure it is removed."""
    with atomic_targets(output) as (tmp,):
        yield tmp


def write_text(output: Path, text: str) -> Path:
    """Write a text file atomically (UTF-8)."""
    with atomic_target(output) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return Path(output)
