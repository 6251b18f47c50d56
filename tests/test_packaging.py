"""The wheel ships the card templates, and both a checkout and an installed wheel find them."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from deckbuilder.resources import TEMPLATE_NAMES, templates_dir

ROOT = Path(__file__).resolve().parent.parent


def test_templates_found_from_this_installation() -> None:
    folder = templates_dir()
    for name in TEMPLATE_NAMES:
        assert (folder / name).is_file(), name


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (ROOT / "pyproject.toml").is_file():
        pytest.skip("needs the source tree")
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("deckbuilder-*.whl")
    return built


def test_wheel_contains_templates(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in TEMPLATE_NAMES:
        assert f"deckbuilder/templates/{name}" in names
    assert "deckbuilder/py.typed" in names
    assert "deckbuilder/cli.py" in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "deckbuild = deckbuilder.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_installed_wheel_finds_its_templates(wheel: Path, tmp_path: Path) -> None:
    """Unpack the wheel's package alone into a folder and ask it where its templates are."""
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    code = "from deckbuilder.resources import templates_dir; print(templates_dir())"
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env={"PYTHONPATH": str(target)},
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    assert Path(out) == target / "deckbuilder" / "templates"
