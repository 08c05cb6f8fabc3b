"""Imports run one way: `crawler` -> `pipelines` -> `cleaners`.

Every module of the three packages is read (not imported) and each of its imports checked, those inside
functions included (lazy ones), and ``importlib.import_module("...")`` with a written name: a module may
import its own package and the ones below it, never one above.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = {"cleaners": 0, "pipelines": 1, "crawler": 2}
"""Each package's layer: a module may import from its own layer and the ones below it."""


def package_modules() -> list[Path]:
    return sorted(path for package in LAYERS for path in (ROOT / package).rglob("*.py"))


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_names(source: str, module: str, is_package: bool = False) -> Iterator[tuple[int, str]]:
    """Each import of a module's source: its line and the absolute name imported (relative ones resolved)."""
    package = module.split(".") if is_package else module.split(".")[:-1]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                yield node.lineno, ".".join([*base, *([node.module] if node.module else [])])
            elif node.module:
                yield node.lineno, node.module
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute | ast.Name)
            and (node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id)
            in ("import_module", "__import__")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            yield node.lineno, node.args[0].value


def upward_imports(source: str, module: str, is_package: bool = False) -> list[str]:
    """The imports of ``source`` (the module ``module``) that reach a package above its own."""
    own = LAYERS[module.split(".")[0]]
    return [
        f"line {line}: {name}"
        for line, name in imported_names(source, module, is_package)
        if LAYERS.get(name.split(".")[0], -1) > own
    ]


@pytest.mark.parametrize("path", package_modules(), ids=lambda path: str(path.relative_to(ROOT)))
def test_imports_run_one_way(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert upward_imports(source, module_name(path), path.name == "__init__.py") == []


@pytest.mark.parametrize(
    ("source", "module", "found"),
    [
        pytest.param(
            "from crawler.items import X\n", "pipelines.clean_pipeline", ["line 1: crawler.items"], id="from-import"
        ),
        pytest.param(
            "import crawler.stats\n", "pipelines.clean_pipeline", ["line 1: crawler.stats"], id="plain-import"
        ),
        pytest.param(
            "def f():\n    from pipelines import store\n", "cleaners.page", ["line 2: pipelines"], id="lazy-import"
        ),
        pytest.param(
            "import importlib\nimportlib.import_module('crawler.cli')\n",
            "cleaners.page",
            ["line 2: crawler.cli"],
            id="import-module-call",
        ),
        pytest.param("from ..crawler import cli\n", "pipelines.sub.mod", [], id="relative-stays-in-its-package"),
        pytest.param("from .. import cli\n", "crawler.middlewares.robots", [], id="relative-within-crawler"),
        pytest.param("from cleaners import Article\n", "pipelines.store", [], id="downward"),
        pytest.param("from pipelines.records import RawPage\n", "crawler.items", [], id="crawler-to-pipelines"),
        pytest.param("import scrapy\n", "cleaners.page", [], id="third-party"),
    ],
)
def test_the_import_check_finds_upward_imports(source: str, module: str, found: list[str]) -> None:
    assert upward_imports(source, module) == found
