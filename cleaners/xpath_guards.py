"""trafilatura's own XPath expressions, with a cheaper test before each of their regular expressions.

trafilatura tells boilerplate by its names with XPath expressions whose tests are EXSLT regular
expressions (``re:test(@class, 'share|social|...')``). lxml runs each such test as a call back into
Python, once for every element the step reaches, whether the element has the attribute or not: on the
974 pages of the two benchmark sets, about a quarter of what trafilatura's extraction spends. But
every match of these expressions holds one of a few literals ("share", "omment"), found by
`cleaners.prefilter.required_literals`; an element whose attribute holds none of them, or that has no
such attribute, cannot pass. XPath's own ``contains`` and attribute tests, which run inside libxml2,
say so first (`guard`), and the regular expression is asked only when they pass: the same elements, a
small share of the calls.

`guarded_path` rewrites one expression. `GuardedXPaths` holds the rewritten twins of every list of
expressions of a module of trafilatura's, and `GuardedXPaths.in_place` puts them in those lists for
as long as a ``with`` block runs (trafilatura reads its expressions from the lists each time it runs),
then the originals back: trafilatura called from anywhere else runs as it was.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import ModuleType

from lxml import etree

from cleaners.prefilter import fewest, required_literals

EXSLT_REGEXP = "http://exslt.org/regular-expressions"
GUARD_LITERALS = 4
"""A regular expression whose matches hold one of at most this many literals is guarded by a ``contains``
of each; one with more, by the presence of its attributes alone (many ``contains`` cost more than the
call they spare)."""
_TEST = re.compile(r"re:test\(\s*(@[\w:.-]+(?:\s*\|\s*@[\w:.-]+)*)\s*,\s*'([^']*)'\s*\)")
"""``re:test(@a|@b, 'pattern')``: attributes, and a pattern without flags (a flag such as ``'i'`` is
left unguarded)."""


def guard(attributes: str, pattern: str) -> str | None:
    """An XPath test that every element passing ``re:test(attributes, 'pattern')`` passes (``attributes``:
    ``@class``, or a union such as ``@id|@class``), or None when none is known: a pattern that may match
    the empty string, or whose matches hold no literal in common."""
    literals = required_literals(pattern, exact=True)
    if not literals:
        return None
    literals = fewest(literals)
    if len(literals) <= GUARD_LITERALS and not any("'" in literal for literal in literals):
        # XPath's contains() reads a node-set as its first node's string, as the EXSLT test reads it
        return " or ".join(f"contains({attributes}, '{literal}')" for literal in literals)
    return " or ".join(name.strip() for name in attributes.split("|"))


def guarded_path(path: str) -> str:
    """``path`` with each ``re:test`` of attributes that `guard` knows a test for behind that test."""

    def guarded(match: re.Match[str]) -> str:
        test = guard(match.group(1), match.group(2))
        return match.group(0) if test is None else f"(({test}) and {match.group(0)})"

    return _TEST.sub(guarded, path)


Twins = tuple[list[etree.XPath], tuple[etree.XPath, ...], tuple[etree.XPath, ...]]


@dataclass(frozen=True)
class GuardedXPaths:
    """Lists of XPath expressions of a module, each with its original expressions and their guarded twins."""

    lists: tuple[Twins, ...]

    @classmethod
    def of(cls, module: ModuleType) -> GuardedXPaths:
        """The guarded twins of ``module``'s lists of XPath expressions (those with a test to guard)."""
        found: list[Twins] = []
        for value in vars(module).values():
            if not (isinstance(value, list) and value and all(isinstance(x, etree.XPath) for x in value)):
                continue
            originals = tuple(value)
            twins = tuple(_twin(expression) for expression in originals)
            if any(twin is not original for twin, original in zip(twins, originals, strict=True)):
                found.append((value, originals, twins))
        return cls(tuple(found))

    @contextmanager
    def in_place(self) -> Iterator[None]:
        """Within the block, each list holds the guarded twins; after it, the originals again."""
        for held, _, twins in self.lists:
            held[:] = twins
        try:
            yield
        finally:
            for held, originals, _ in self.lists:
                held[:] = originals


def _twin(expression: etree.XPath) -> etree.XPath:
    path = guarded_path(expression.path)
    if path == expression.path:
        return expression
    try:
        return etree.XPath(path, namespaces={"re": EXSLT_REGEXP})
    except etree.XPathError:  # a prefix of the original's own that the twin would not know: keep it
        return expression


@functools.cache
def trafilatura_guarded() -> GuardedXPaths:
    """The guarded twins of trafilatura's expressions (`trafilatura.xpaths`), made once a process."""
    from trafilatura import xpaths

    return GuardedXPaths.of(xpaths)
