"""Shared fixtures: a small Tatoeba-layout corpus written for these tests, and one build of it per session."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def mini_corpus() -> Path:
    return FIXTURES / "mini_tatoeba.tsv"
