"""`cleaner_version` changes when any cleaner or rule table changes, and only then."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cleaners import CLEANER_VERSION, clean_page
from cleaners.rules import SourceRules
from cleaners.version import PACKAGE_DIR, package_digest


@pytest.fixture
def package_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "cleaners"
    shutil.copytree(PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def test_digest_is_stable(package_copy: Path) -> None:
    assert package_digest(package_copy) == package_digest(PACKAGE_DIR)
    assert package_digest(PACKAGE_DIR) in CLEANER_VERSION


@pytest.mark.parametrize(
    "changed",
    [
        pytest.param("rules/text.toml", id="text-rule-table"),
        pytest.param("rules/html.toml", id="html-rule-table"),
        pytest.param("text_cleaners.py", id="text-cleaner-code"),
        pytest.param("catalog.py", id="registry"),
    ],
)
def test_digest_changes_with_any_cleaner_or_table(package_copy: Path, changed: str) -> None:
    path = package_copy / changed
    path.write_text(path.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert package_digest(package_copy) != package_digest(PACKAGE_DIR)


def test_per_source_rules_are_part_of_the_version() -> None:
    page = "<html><body><article><p>" + "Plain words of an article. " * 20 + "</p></article></body></html>"
    plain = clean_page(page, "https://example.org/a")
    ruled = clean_page(page, "https://example.org/a", rules=SourceRules(drop_lines=("Promoted by .*",)))
    assert plain.cleaner_version == CLEANER_VERSION
    assert ruled.cleaner_version.startswith(CLEANER_VERSION + ".rules-")
