"""Ctrl-C and SIGTERM during a real two-worker build, signalled as a terminal does (the whole process group):
one line on stderr, exit 130 or 143, no temporary file left, the previous deck untouched, done quickly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

MAIN = "from deckbuilder.cli import main; main()"
PREVIOUS = b"the previous deck, which an interrupted build must not touch"


def _run_and_signal(tmp_path: Path, signum: int, after: float) -> tuple[int, list[str], float, Path]:
    out = tmp_path / "decks" / "hsk5.apkg"
    out.parent.mkdir()
    out.write_bytes(PREVIOUS)
    env = {**os.environ, "DECKBUILDER_CACHE_DIR": str(tmp_path / "cache")}  # cold: the run lasts seconds
    args = [sys.executable, "-c", MAIN, "make", "--level", "hsk5", "--workers", "2", "-o", str(out)]
    proc = subprocess.Popen(
        args, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    )
    time.sleep(after)
    signalled = time.monotonic()
    os.killpg(proc.pid, signum)  # the parent and its workers, as a terminal's Ctrl-C reaches them
    try:
        _, stderr = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    return proc.returncode, stderr.decode().splitlines(), time.monotonic() - signalled, out


# Moments spread over a cold build (about 5 s on two cores): start-up, grading with the workers, enrichment.
@pytest.mark.parametrize(
    ("signum", "after"),
    [(signal.SIGINT, 0.4), (signal.SIGTERM, 1.5), (signal.SIGINT, 2.5), (signal.SIGTERM, 3.5)],
    ids=["INT-start", "TERM-grading", "INT-later", "TERM-later"],
)
def test_a_signal_ends_the_build_cleanly(tmp_path: Path, signum: int, after: float) -> None:
    code, stderr, seconds, out = _run_and_signal(tmp_path, signum, after)
    assert seconds < 10, f"took {seconds:.1f} s to stop"
    assert len(stderr) <= 2, stderr
    leftovers = [p.name for p in tmp_path.rglob("*.tmp")]
    assert leftovers == []
    if code == 0:  # it finished before the signal: a whole new deck
        assert out.read_bytes()[:2] == b"PK"
        return
    expected = {signal.SIGINT: (130, "interrupted"), signal.SIGTERM: (143, "terminated")}[signum]
    assert code == expected[0], (code, stderr)
    assert len(stderr) == 1 and stderr[0].startswith(f"deckbuild: error: {expected[1]}")
    assert out.read_bytes() == PREVIOUS
    assert sorted(p.name for p in out.parent.iterdir()) == ["hsk5.apkg"]
