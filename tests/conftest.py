"""Shared fixtures: a small Tatoeba-layout corpus written for these tests, and one build of it per session."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def mini_corpus() -> Path:
    return FIXTURES / "mini_tatoeba.tsv"


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Builds in tests use a cache of their own, never the user's."""
    import os

    os.environ["DECKBUILDER_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
