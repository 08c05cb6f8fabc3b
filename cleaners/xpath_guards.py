"""trafilatura's own XPath expressions, with a cheaper test before each of their regular expressions.

trafilatura tells boilerplate by its names with XPath expressions whose tests are EXSLT regular
expressions (``re:test(@class, 'share|social|...')``). lxml runs each such test as a call back into
Python, once for every element the step reaches, whether the element has the attribute or not: on the
974 pages of the two benchmark sets, about a quarter of what trafilatura's extraction spends. But
every match of these expressions holds one of a few literals ("share", "omment"), found by
`cleaners.prefilter.required_literals`; an element whose attribute holds none of them, or that has no
such attribute, cannot pass. XPath's own ``contains`` and attribute tests, which run inside libxml2,
say so first (`guard`), and the regular expression is asked only when they pass: the same elements, a
small share of the calls. The calls left go to a function of the twin's own for each pattern
(`direct_tests`), which takes the attribute's value as a string that knows no element, and keeps its answers.

`guarded_path` rewrites one expression; a twin is also rewritten to name the tags of its steps in the
steps themselves (`cleaners.xpath_steps.by_tag`), which libxml2 tests as it walks the tree instead of
asking each element. `GuardedXPaths` holds the rewritten twins of the expressions
of trafilatura's modules, in lists or bound to names, and `GuardedXPaths.in_place` puts them in those
lists and names for as long as a ``with`` block runs (trafilatura reads its expressions from them each
time it runs), then the originals back: trafilatura called from anywhere else runs as it was.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import ModuleType
from typing import TypeGuard

from lxml import etree

from cleaners.prefilter import fewest, required_literals
from cleaners.xpath_steps import blank_strings, by_tag

EXSLT_REGEXP = "http://exslt.org/regular-expressions"
GUARD_LITERALS = 4
"""A regular expression whose matches hold one of at most this many literals is guarded by a ``contains``
of each; one with more, by the presence of its attributes alone (many ``contains`` cost more than the
call they spare)."""
_TEST = re.compile(r"re:test\(\s*(@[\w:.-]+(?:\s*\|\s*@[\w:.-]+)*)\s*,\s*'([^']*)'\s*(?:,\s*'([^']*)'\s*)?\)")
"""``re:test(@a|@b, 'pattern')`` or ``re:test(@a|@b, 'pattern', 'flags')``: attributes, pattern, flags."""


def guard(attributes: str, pattern: str, flags: str = "") -> str | None:
    """An XPath test that every element passing ``re:test(attributes, 'pattern', 'flags')`` passes
    (``attributes``: ``@class``, or a union such as ``@id|@class``), or None when none is known: a pattern
    that may match the empty string, or whose matches hold no literal in common.

    A case-insensitive pattern (an ``i`` among the ``flags``, as lxml reads them) is guarded by the
    presence of its attributes alone: XPath 1.0 has no case-insensitive ``contains``.
    """
    present = " or ".join(name.strip() for name in attributes.split("|"))
    if "i" in flags:
        return present if required_literals(pattern, re.IGNORECASE) else None
    literals = required_literals(pattern, exact=True)
    if not literals:
        return None
    literals = fewest(literals)
    if len(literals) <= GUARD_LITERALS and not any("'" in literal for literal in literals):
        # XPath's contains() reads a node-set as its first node's string, as the EXSLT test reads it
        return " or ".join(f"contains({attributes}, '{literal}')" for literal in literals)
    return present


def guarded_path(path: str) -> str:
    """``path`` with each ``re:test`` of attributes that `guard` knows a test for behind that test."""

    def guarded(match: re.Match[str]) -> str:
        test = guard(match.group(1), match.group(2), match.group(3) or "")
        return match.group(0) if test is None else f"(({test}) and {match.group(0)})"

    return _TEST.sub(guarded, path)


Twins = tuple[list[etree.XPath], tuple[etree.XPath, ...], tuple[etree.XPath, ...]]
Bound = tuple[ModuleType, str, etree.XPath, etree.XPath]


@dataclass(frozen=True)
class GuardedXPaths:
    """The XPath expressions of some modules that have a test to guard, with their guarded twins."""

    lists: tuple[Twins, ...]
    """Lists of expressions (one list object is shared by every module that imports it): the list, its
    original expressions and their twins."""
    bound: tuple[Bound, ...] = ()
    """Expressions bound to a name, once for each module that binds it: module, name, original, twin."""

    @classmethod
    def of(cls, modules: Iterable[ModuleType]) -> GuardedXPaths:
        """The guarded twins of the XPath expressions of ``modules``, alone or in lists."""
        lists: dict[int, Twins] = {}
        bound: list[Bound] = []
        twins: dict[int, etree.XPath] = {}
        for module in modules:
            for name, value in vars(module).items():
                if isinstance(value, etree.XPath):
                    twin = twins.setdefault(id(value), _twin(value))
                    if twin is not value:
                        bound.append((module, name, value, twin))
                elif _is_list_of_xpaths(value) and id(value) not in lists:
                    originals = tuple(value)
                    guarded = tuple(twins.setdefault(id(x), _twin(x)) for x in originals)
                    if any(twin is not x for twin, x in zip(guarded, originals, strict=True)):
                        lists[id(value)] = (value, originals, guarded)
        return cls(tuple(lists.values()), tuple(bound))

    @contextmanager
    def in_place(self) -> Iterator[None]:
        """Within the block, the lists and names hold the guarded twins; after it, the originals again. (A
        twin selects what its original selects: a thread that runs trafilatura meanwhile gets the same
        elements from either.)"""
        for held, _, twins in self.lists:
            held[:] = twins
        for module, name, _, twin in self.bound:
            setattr(module, name, twin)
        try:
            yield
        finally:
            for held, originals, _ in self.lists:
                held[:] = originals
            for module, name, original, _ in self.bound:
                setattr(module, name, original)


def _is_list_of_xpaths(value: object) -> TypeGuard[list[etree.XPath]]:
    return isinstance(value, list) and bool(value) and all(isinstance(x, etree.XPath) for x in value)


def _twin(expression: etree.XPath) -> etree.XPath:
    path = by_tag(guarded_path(expression.path))
    if path == expression.path or set(_PREFIXES.findall(blank_strings(path))) - {"re"}:
        return expression  # nothing to rewrite, or a prefix of the original's own that the twin would not know
    path, functions = direct_tests(path)
    try:
        return etree.XPath(path, namespaces={"re": EXSLT_REGEXP, "nr": DIRECT_TESTS}, extensions=functions)
    except etree.XPathError:
        return expression


DIRECT_TESTS = "urn:newsrake:direct-tests"
"""The namespace of the functions `direct_tests` writes in an expression's ``re:test`` calls' place."""
Searcher = Callable[[object, str], bool]


def direct_tests(path: str) -> tuple[str, dict[tuple[str, str], Searcher]]:
    """``path`` with each ``re:test(attributes, 'pattern', 'flags')`` written as a call of a function of its
    own (``nr:t0(string(attributes))``), and those functions, for ``etree.XPath``'s ``extensions``.

    The two give the same answer: EXSLT's test, as lxml runs it, searches the string value of the first
    attribute of the node-set (or "") with the pattern, compiled case-insensitive when the flags hold an
    "i"; so does the function, on what XPath's ``string()`` gives, which is that value. But lxml hands the
    EXSLT test each attribute as a string object that knows its element, and the pattern and flags to be
    read and looked up again, once for every element the step reaches; the function gets a string that
    knows no element and holds its compiled pattern, and the answers it gave (`ANSWERS_KEPT`). A test whose
    pattern this Python cannot compile stays as it was."""
    functions: dict[tuple[str, str], Searcher] = {}
    names: dict[tuple[str, bool], str] = {}

    def direct(match: re.Match[str]) -> str:
        attributes, pattern, flags = match.group(1), match.group(2), match.group(3) or ""
        key = (pattern, "i" in flags)
        if key not in names:
            try:
                regex = re.compile(pattern, re.IGNORECASE if key[1] else 0)
            except re.error:
                return match.group(0)
            names[key] = f"t{len(names)}"
            functions[(DIRECT_TESTS, names[key])] = functools.partial(_search, regex, {})
        return f"nr:{names[key]}(string({attributes}))"

    return _TEST.sub(direct, path), functions


ANSWERS_KEPT = 512
"""The answers a direct test keeps (a page repeats its class names from element to element), cleared when
there are this many."""


def _search(regex: re.Pattern[str], answers: dict[str, bool], _context: object, value: str) -> bool:
    found = answers.get(value)
    if found is None:
        if len(answers) >= ANSWERS_KEPT:
            answers.clear()
        found = answers[value] = regex.search(value) is not None
    return found


_PREFIXES = re.compile(r"(?<![\w:.-])([A-Za-z_][\w.-]*):(?!:)")
"""A namespace prefix in an XPath expression (its string literals left out): ``re:`` in ``re:test(``; not an
axis (``self::``)."""


@functools.cache
def trafilatura_guarded() -> GuardedXPaths:
    """The guarded twins of the expressions of trafilatura's modules (those its extraction has loaded:
    `trafilatura.xpaths`'s lists, the basic cleaning's expression of its baseline and page measure), made
    once a process."""
    import trafilatura.core  # noqa: F401  (loads every module of the extraction)

    names = sorted(name for name in sys.modules if name == "trafilatura" or name.startswith("trafilatura."))
    return GuardedXPaths.of(sys.modules[name] for name in names)
