"""`cleaner_version` changes when what a cleaner or a rule table does could change, and only then."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from cleaners import CLEANER_VERSION, clean_page
from cleaners.rules import SourceRules
from cleaners.version import (
    DEPENDENCIES,
    PACKAGE_DIR,
    code_digest,
    combined_digest,
    component_digests,
    dependency_versions,
    package_digest,
)


@pytest.fixture
def package_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "cleaners"
    shutil.copytree(PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def edit(path: Path, change: Callable[[str], str]) -> None:
    text = path.read_text(encoding="utf-8")
    changed = change(text)
    assert changed != text, "the edit must change the file"
    path.write_text(changed, encoding="utf-8")


def test_digest_is_stable(package_copy: Path) -> None:
    assert package_digest(package_copy) == package_digest(PACKAGE_DIR)
    assert CLEANER_VERSION.endswith("." + package_digest(PACKAGE_DIR))


# Edits that change what the code or a table does: the version changes.
DOING = {
    "text-rule-table-data": ("rules/text.toml", lambda t: t + '\n[changed]\nwords = ["an added rule"]\n'),
    "html-rule-table-data": ("rules/html.toml", lambda t: t + '\n[changed]\nwords = ["an added rule"]\n'),
    "text-cleaner-code": ("text_cleaners.py", lambda t: t + "\n_ADDED = 1\n"),
    "registry-code": ("catalog.py", lambda t: t + "\n_ADDED = 1\n"),
    "subpackage-module-code": ("hydration/flight.py", lambda t: t + "\n_ADDED = 1\n"),
    "a-string-value": ("dates.py", lambda t: t.replace("%Y-%m-%dT%H:%M:%SZ", "%Y-%m-%d %H:%M:%SZ")),
}
# Edits that change nothing the code does: the version stays.
INERT = {
    "module-docstring": ("text_cleaners.py", lambda t: t.replace('"""', '"""Reworded. ', 1)),
    "function-docstring": ("dates.py", lambda t: t.replace("Parse a date as written", "Read a date as written")),
    "attribute-docstring": ("version.py", lambda t: t.replace("Bump by hand", "Raise by hand")),
    "comment": ("dates.py", lambda t: t.replace("# unknown zone names", "# zone names nobody knows")),
    "added-comment-lines": ("page.py", lambda t: t + "\n# a note\n# another\n"),
    "blank-lines-and-layout": ("decode.py", lambda t: t.replace("\n\n\n", "\n\n\n\n")),
    "type-hint": ("dates.py", lambda t: t.replace("def to_iso_utc(value: datetime) -> str:", "def to_iso_utc(value):")),
    "rule-table-comment": ("rules/text.toml", lambda t: "# a comment on the table\n" + t),
}


@pytest.mark.parametrize(("changed", "change"), DOING.values(), ids=DOING.keys())
def test_the_version_changes_with_what_a_cleaner_or_table_does(
    package_copy: Path, changed: str, change: Callable[[str], str]
) -> None:
    edit(package_copy / changed, change)
    assert package_digest(package_copy) != package_digest(PACKAGE_DIR)
    before, after = component_digests(PACKAGE_DIR), component_digests(package_copy)
    assert [name for name in before if before[name] != after[name]] == [changed]  # each is versioned alone


@pytest.mark.parametrize(("changed", "change"), INERT.values(), ids=INERT.keys())
def test_the_version_stays_when_nothing_the_code_does_changes(
    package_copy: Path, changed: str, change: Callable[[str], str]
) -> None:
    edit(package_copy / changed, change)
    assert package_digest(package_copy) == package_digest(PACKAGE_DIR)


def test_a_function_that_was_only_a_docstring_is_still_code() -> None:
    assert code_digest('def f():\n    """Nothing."""\n') == code_digest("def f():\n    pass\n")
    assert code_digest("def f():\n    pass\n") != code_digest("def g():\n    pass\n")


@pytest.mark.parametrize("dependency", DEPENDENCIES)
def test_the_version_changes_with_each_dependency_that_shapes_the_output(dependency: str) -> None:
    components = component_digests(PACKAGE_DIR)
    installed = dependency_versions()
    upgraded = {**installed, dependency: installed[dependency] + ".1"}
    assert combined_digest(components, upgraded) != combined_digest(components, installed)


def test_per_source_rules_are_part_of_the_version() -> None:
    page = "<html><body><article><p>" + "Plain words of an article. " * 20 + "</p></article></body></html>"
    plain = clean_page(page, "https://example.org/a")
    ruled = clean_page(page, "https://example.org/a", rules=SourceRules(drop_lines=("Promoted by .*",)))
    assert plain.cleaner_version == CLEANER_VERSION
    assert ruled.cleaner_version.startswith(CLEANER_VERSION + ".rules-")
