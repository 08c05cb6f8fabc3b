"""Every setting in README's settings table has one default, in `crawler.settings` (or a constant it reads):
code that reads a setting with a default of its own (``settings.getint(NAME, 0)``) would define a second one,
and the two can drift apart (the cleaning workers' default was once -1 in one place and 0 in another)."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import pytest

from crawler import settings

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCUMENTED = re.findall(r"^\| `([A-Z_]+)` \|", README, re.MULTILINE)
READERS = {"get", "getint", "getfloat", "getbool", "getlist", "getdict", "getwithbase"}


def written_defaults() -> dict[str, list[tuple[str, Any]]]:
    """Each setting read somewhere in crawler/ or pipelines/ with a literal default: (file:line, default)."""
    found: dict[str, list[tuple[str, Any]]] = {}
    for path in sorted([*(ROOT / "crawler").rglob("*.py"), *(ROOT / "pipelines").rglob("*.py")]):
        if path == ROOT / "crawler" / "settings.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            if node.func.attr not in READERS or not node.args or not isinstance(node.args[0], ast.Constant):
                continue
            given = [*node.args[1:2], *(k.value for k in node.keywords if k.arg == "default")]
            for default in given:
                try:
                    value = ast.literal_eval(default)
                except ValueError:
                    continue  # a name: the one default, read from where it is defined
                where = f"{path.relative_to(ROOT)}:{node.lineno}"
                found.setdefault(str(node.args[0].value), []).append((where, value))
    return found


WRITTEN = written_defaults()


@pytest.mark.parametrize("name", DOCUMENTED)
def test_a_default_written_outside_the_settings_is_the_same_value(name: str) -> None:
    assert [(where, value) for where, value in WRITTEN.get(name, []) if value != getattr(settings, name)] == []


@pytest.mark.parametrize("name", DOCUMENTED)
def test_every_documented_setting_has_its_default_in_one_place(name: str) -> None:
    assert WRITTEN.get(name, []) == []
