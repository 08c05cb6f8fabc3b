"""`CLEANER_VERSION` (`cleaner_version()`): changes when what the cleaners do could change, and only then.

Each module of the package is versioned by its code as Python parses it, without its docstrings, comments or
function annotations (none of which the code runs); each rule table by its data as parsed; and the whole by
those, plus the installed versions of the libraries whose behaviour shapes an article (`DEPENDENCIES`). A
docstring, a comment, a type hint or a table's layout can change without making a single stored article stale.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import json
import tomllib
from collections.abc import Mapping
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
RELEASE = "2"
"""Bump by hand for a change the digest cannot see."""
DEPENDENCIES = ("trafilatura", "justext", "lxml", "htmldate", "py3langid", "python-dateutil", "w3lib")
"""Libraries whose behaviour is part of the cleaning: the extractor and its fallback, the HTML parser, the date
finder and parser, the language model, the decoder."""
FAILED_PREFIX = "failed:"
"""Starts the version stored with a page that could not be cleaned: never a current version, so the next
default reclean tries it again."""


class _Inert(ast.NodeTransformer):
    """Drops from a module's tree what never runs: docstrings and other bare strings, function annotations."""

    def visit_Expr(self, node: ast.Expr) -> ast.AST | None:
        if isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            return None
        return self.generic_visit(node)

    def visit_arg(self, node: ast.arg) -> ast.AST:
        node.annotation = None
        return node

    def visit_FunctionDef(self, node: ast.FunctionDef) -> ast.AST:
        return self._function(node)

    def visit_AsyncFunctionDef(self, node: ast.AsyncFunctionDef) -> ast.AST:
        return self._function(node)

    def _function(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> ast.AST:
        node.returns = None
        self.generic_visit(node)
        if not node.body:  # a function that was only its docstring
            node.body = [ast.Pass()]
        return node

    def visit_ClassDef(self, node: ast.ClassDef) -> ast.AST:
        self.generic_visit(node)
        if not node.body:
            node.body = [ast.Pass()]
        return node


def code_digest(source: str) -> str:
    """A digest of what Python code does: its parsed tree without docstrings, comments and function
    annotations."""
    tree = _Inert().visit(ast.parse(source))
    return hashlib.sha256(ast.dump(tree, include_attributes=False).encode()).hexdigest()[:12]


def data_digest(table: str) -> str:
    """A digest of a TOML rule table's data (not of its layout or comments)."""
    data = tomllib.loads(table)
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:12]


def component_digests(directory: Path) -> dict[str, str]:
    """The digest of each module and rule table under ``directory``, by its path there."""
    digests = {}
    for path in sorted(directory.rglob("*")):
        if "__pycache__" in path.parts or not path.is_file():
            continue
        name = path.relative_to(directory).as_posix()
        if path.suffix == ".py":
            digests[name] = code_digest(path.read_text(encoding="utf-8"))
        elif path.suffix == ".toml":
            digests[name] = data_digest(path.read_text(encoding="utf-8"))
        elif path.suffix in (".json", ".txt"):
            digests[name] = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    return digests


def dependency_versions(names: tuple[str, ...] = DEPENDENCIES) -> dict[str, str]:
    """The installed version of each library in ``names`` ("-" for one not installed)."""
    found = {}
    for name in names:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "-"
    return found


def combined_digest(components: Mapping[str, str], dependencies: Mapping[str, str]) -> str:
    """One digest of the components' digests and the dependencies' versions."""
    text = json.dumps({"components": dict(components), "dependencies": dict(dependencies)}, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:10]


def package_digest(directory: Path) -> str:
    """The digest of what the package under ``directory`` does, with the installed dependencies."""
    return combined_digest(component_digests(directory), dependency_versions())


def failed_version(version: str) -> str:
    """The version stored with a page that ``version`` could not clean: stale for every later reclean."""
    return f"{FAILED_PREFIX}{version}"


@functools.cache
def cleaner_version() -> str:
    """The version stored with every article (``CLEANER_VERSION``); ``newsrake reclean`` compares against it.

    Worked out on first use (parsing the package takes a fifth of a second): a process that only stores
    articles never pays for it."""
    return f"{RELEASE}.{package_digest(PACKAGE_DIR)}"


def __getattr__(name: str) -> str:
    if name == "CLEANER_VERSION":
        return cleaner_version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
