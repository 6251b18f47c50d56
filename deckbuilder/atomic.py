"""Atomic output: write to a temporary file beside the target, rename only when complete.

A failed or interrupted run (an exception, Ctrl-C) removes its temporary file and never truncates or
replaces the previous output. A run's files are renamed together, with Ctrl-C and SIGTERM held until all
of them are in place (`signals_deferred`).
"""

from __future__ import annotations

import contextlib
import os
import signal
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from deckbuilder.errors import OutputError

_SIGNALS = {signal.SIGINT, signal.SIGTERM}


@contextlib.contextmanager
def signals_deferred() -> Iterator[None]:
    """Hold SIGINT and SIGTERM until the block is done (making a temporary file, renaming a run's files
    together, forking workers): one that comes meanwhile reaches its handler after the block.

    Two layers, because blocking covers only this thread: the kernel hands a signal to any thread that
    does not block it (a progress bar's), and Python then runs the handler in the main thread. So the
    handler is swapped for one that only remembers the signal; the block keeps children forked here from
    dying of it. A handler someone installs during the block (the CLI's, once the outputs are in place)
    is kept.
    """
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread handles signals
        return
    caught: list[int] = []

    def hold(signum: int, frame: object) -> None:
        caught.append(signum)

    previous = {signum: signal.getsignal(signum) for signum in _SIGNALS}
    for signum, handler in previous.items():
        if handler is not signal.SIG_IGN:
            signal.signal(signum, hold)
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        for signum, handler in previous.items():
            if signal.getsignal(signum) is hold:
                signal.signal(signum, handler)
        if caught:
            signal.raise_signal(caught[0])


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
def atomic_targets(*outputs: Path, committed: Callable[[], None] | None = None) -> Iterator[tuple[Path, ...]]:
    """Yield one temporary path per output; on success each replaces its output, on any failure (an
    exception, Ctrl-C) all are removed and every output is left as it was.

    The renames come last, after all the outputs are complete: a deck and its side files change together.
    `committed` runs as soon as they are in place, while signals are still held: from there on an
    interrupt cannot change what the run wrote, and the caller can say so.
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
            if committed is not None:
                committed()
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
