"""What an installed newsrake needs besides its modules: every data file in its packages is package data.

A wheel (``pip install .``, or from an index) holds a package's modules and only the data files that
``[tool.setuptools.package-data]`` in ``pyproject.toml`` names; an editable install reads the source tree
and hides a file left out.
"""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("crawler", "cleaners", "pipelines")
DECLARED: dict[str, list[str]] = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
    "setuptools"
]["package-data"]


def _data_files() -> list[Path]:
    return sorted(
        path
        for top in PACKAGES
        for path in (ROOT / top).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".py", ".pyc")
    )


def _package_of(path: Path) -> Path:
    folder = path.parent
    while not (folder / "__init__.py").exists():
        folder = folder.parent
    return folder


def _globbed(inside: str, pattern: str) -> bool:
    """Whether setuptools' glob ``pattern`` takes the file ``inside`` its package: a ``*`` stays within one
    folder (``fnmatch`` alone would let "static/*" take "static/fonts/a.woff")."""
    parts, wanted = inside.split("/"), pattern.split("/")
    return len(parts) == len(wanted) and all(map(fnmatch.fnmatchcase, parts, wanted))


@pytest.mark.parametrize("path", _data_files(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_data_file_of_the_packages_is_declared_package_data(path: Path) -> None:
    package = _package_of(path)
    name = package.relative_to(ROOT).as_posix().replace("/", ".")
    inside = path.relative_to(package).as_posix()
    assert any(_globbed(inside, pattern) for pattern in DECLARED.get(name, [])), (
        f"{path.relative_to(ROOT)} is not in [tool.setuptools.package-data] {name!r}: a wheel would leave it out"
    )


def test_the_packages_hold_data_files() -> None:
    assert len(_data_files()) >= 3


@pytest.mark.parametrize(
    ("inside", "pattern", "taken"),
    [("static/desk.css", "static/*", True), ("static/fonts/a.woff", "static/*", False), ("a.toml", "*.toml", True)],
    ids=["in-the-folder", "in-a-folder-below", "at-the-top"],
)
def test_a_glob_stays_within_one_folder(inside: str, pattern: str, taken: bool) -> None:
    assert _globbed(inside, pattern) is taken
