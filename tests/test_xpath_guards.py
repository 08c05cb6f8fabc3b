"""cleaners.xpath_guards: trafilatura's expressions, guarded, select exactly the elements they selected."""

from __future__ import annotations

import functools
import gzip
import importlib
import re
import types
from pathlib import Path
from typing import cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree, html
from trafilatura import xpaths

from cleaners.prefilter import required_literals
from cleaners.xpath_guards import (
    ANSWERS_KEPT,
    DIRECT_TESTS,
    EXSLT_REGEXP,
    GUARD_LITERALS,
    GuardedXPaths,
    direct_tests,
    guard,
    guarded_path,
    trafilatura_guarded,
)

HERE = Path(__file__).parent
TWINS = trafilatura_guarded()

GUARDS = {
    "one-literal": ("@class", "share", "contains(@class, 'share')"),
    "an-anchor-is-not-a-literal": ("@id|@class", "^shar", "contains(@id|@class, 'shar')"),
    "a-lookahead-ends-the-literal": (
        "@id",
        "^[Cc]omment(?!ary)|comol",
        "contains(@id, 'omment') or contains(@id, 'comol')",
    ),
    "an-optional-part": ("@class", "infinite-?scroll", "contains(@class, 'infinite')"),
    "case-kept": ("@id", "Footer|footer", "contains(@id, 'Footer') or contains(@id, 'footer')"),
    "a-literal-holding-another-goes": ("@class", "hide-|hide-print", "contains(@class, 'hide-')"),
    "many-literals-the-attributes-alone": (
        "@id|@style",
        "|".join(f"w{n}x" for n in range(GUARD_LITERALS + 1)),
        "@id or @style",
    ),
    "a-quote-in-a-literal": ("@class", "it's", "@class"),
    "may-match-nothing": ("@class", "x?", None),
    "a-branch-without-a-literal": ("@class", r"share|\w+", None),
    "case-insensitive-in-the-pattern": ("@class", "(?i)share", None),
    "unreadable": ("@class", "(share", None),
}


@pytest.mark.parametrize(("attributes", "pattern", "expected"), GUARDS.values(), ids=GUARDS.keys())
def test_the_guard_of_a_test(attributes: str, pattern: str, expected: str | None) -> None:
    assert guard(attributes, pattern) == expected


FLAGGED = {
    "case-insensitive-the-attributes-alone": ("@class|@id", "share", "i", "@class or @id"),
    "case-insensitive-may-match-nothing": ("@class", "x?", "i", None),
    "another-flag-as-none": ("@class", "share", "g", "contains(@class, 'share')"),
}


@pytest.mark.parametrize(("attributes", "pattern", "flags", "expected"), FLAGGED.values(), ids=FLAGGED.keys())
def test_the_guard_of_a_test_with_flags(attributes: str, pattern: str, flags: str, expected: str | None) -> None:
    assert guard(attributes, pattern, flags) == expected


PATHS = {
    "guarded": (".//*[re:test(@class, 'share')]", ".//*[((contains(@class, 'share')) and re:test(@class, 'share'))]"),
    "case-insensitive": (".//*[re:test(@class, 'share', 'i')]", ".//*[((@class) and re:test(@class, 'share', 'i'))]"),
    "no-guard-left-alone": (".//*[re:test(@id, 'x?')]", ".//*[re:test(@id, 'x?')]"),
    "each-test-its-own": (
        ".//div[re:test(@id, 'nav') or re:test(@class, 'bar')]",
        ".//div[((contains(@id, 'nav')) and re:test(@id, 'nav')) or "
        "((contains(@class, 'bar')) and re:test(@class, 'bar'))]",
    ),
}


@pytest.mark.parametrize(("path", "expected"), PATHS.values(), ids=PATHS.keys())
def test_guarded_path(path: str, expected: str) -> None:
    assert guarded_path(path) == expected


DIRECT = {
    "one-test": (".//*[re:test(@class, 'share')]", ".//*[nr:t0(string(@class))]", 1),
    "flags-read": (".//*[re:test(@class, 'share', 'i')]", ".//*[nr:t0(string(@class))]", 1),
    "attributes-joined": (".//*[re:test(@id|@class, '^nav')]", ".//*[nr:t0(string(@id|@class))]", 1),
    "one-function-a-pattern": (
        ".//div[re:test(@id, 'nav') or re:test(@class, 'nav')] | .//p[re:test(@class, 'nav', 'i')]",
        ".//div[nr:t0(string(@id)) or nr:t0(string(@class))] | .//p[nr:t1(string(@class))]",
        2,
    ),
    "unreadable-left-alone": (".//*[re:test(@class, '(share')]", ".//*[re:test(@class, '(share')]", 0),
}


@pytest.mark.parametrize(("path", "expected", "functions"), DIRECT.values(), ids=DIRECT.keys())
def test_direct_tests(path: str, expected: str, functions: int) -> None:
    written, found = direct_tests(path)
    assert written == expected
    assert len(found) == functions
    assert all(namespace == DIRECT_TESTS for namespace, _ in found)


_DIRECT_PAGE = (
    "<body><div class='Share-box' id='navbar'><p class='x'>a</p></div><div id='top' class='nav share'></div>"
    "<div></div><div class='SHARE'></div><div class=''></div><div id='navigation'></div><span class='share'/></body>"
)
_DIRECT_EXPRESSIONS = {
    "case-kept": ".//div[re:test(@class, 'share')]",
    "case-insensitive": ".//div[re:test(@class, '^share', 'i')]",
    "first-attribute-of-a-union": ".//*[re:test(@id|@class, '^nav')]",
    "may-match-empty": ".//div[re:test(@class, '^$')]",
    "no-such-attribute": ".//div[re:test(@title, 'x?')]",
    "another-flag": ".//*[re:test(@class, 'share', 'g')]",
}


@pytest.mark.parametrize("path", _DIRECT_EXPRESSIONS.values(), ids=_DIRECT_EXPRESSIONS.keys())
def test_a_direct_test_selects_what_exslt_selects(path: str) -> None:
    tree = html.fromstring(_DIRECT_PAGE)
    written, functions = direct_tests(path)
    direct = etree.XPath(written, namespaces={"nr": DIRECT_TESTS}, extensions=functions)
    exslt = etree.XPath(path, namespaces={"re": EXSLT_REGEXP})
    assert list(direct(tree)) == list(exslt(tree))
    assert list(direct(tree)) == list(exslt(tree))  # again, from the answers kept


def test_a_direct_test_keeps_a_bounded_number_of_answers() -> None:
    _, functions = direct_tests(".//*[re:test(@class, 'share')]")
    [search] = functions.values()
    answers = cast("functools.partial[bool]", search).args[1]
    for n in range(ANSWERS_KEPT + 10):
        assert search(None, f"share-{n}") is True
    assert search(None, "other") is False
    assert 0 < len(answers) <= ANSWERS_KEPT


def test_exact_literals_keep_their_case() -> None:
    assert required_literals("Footer", exact=True) == ("Footer",)
    assert required_literals("Footer") == ("footer",)
    assert required_literals("(?i:share)-box", exact=True) == ("-box",)
    assert required_literals("share", re.IGNORECASE, exact=True) is None


def _lists() -> dict[str, tuple[list[etree.XPath], tuple[etree.XPath, ...], tuple[etree.XPath, ...]]]:
    names = {id(value): name for name, value in vars(xpaths).items()}
    return {names[id(held)]: (held, originals, twins) for held, originals, twins in TWINS.lists}


LISTS = _lists()


@pytest.mark.parametrize(
    "name", ["OVERALL_DISCARD_XPATH", "RAW_TREE_PRUNE_XPATH", "REMOVE_COMMENTS_AND_LISTS_XPATH", "BODY_XPATH"]
)
def test_the_expressions_every_extraction_runs_are_guarded(name: str) -> None:
    held, originals, twins = LISTS[name]
    assert held == list(originals)
    assert any(twin.path != original.path for twin, original in zip(twins, originals, strict=True))


def test_the_twins_are_in_place_within_the_block_only() -> None:
    held, originals, twins = LISTS["OVERALL_DISCARD_XPATH"]
    seen: list[list[etree.XPath]] = []

    def run() -> None:
        with TWINS.in_place():
            seen.append(list(xpaths.OVERALL_DISCARD_XPATH))
            raise RuntimeError

    with pytest.raises(RuntimeError):
        run()
    assert seen == [list(twins)]
    assert held == list(originals)


def test_an_expression_bound_to_a_name_is_swapped_in_every_module_that_binds_it() -> None:
    baseline = importlib.import_module("trafilatura.baseline")  # the package's name is also a function's
    settings = importlib.import_module("trafilatura.settings")
    original = baseline.BASIC_CLEAN_XPATH
    bound = {(module.__name__, name) for module, name, _, _ in TWINS.bound}
    assert {("trafilatura.baseline", "BASIC_CLEAN_XPATH"), ("trafilatura.settings", "BASIC_CLEAN_XPATH")} <= bound
    with TWINS.in_place():
        assert baseline.BASIC_CLEAN_XPATH is settings.BASIC_CLEAN_XPATH
        assert baseline.BASIC_CLEAN_XPATH is not original
    assert baseline.BASIC_CLEAN_XPATH is original
    assert settings.BASIC_CLEAN_XPATH is original


def test_an_expression_with_a_prefix_of_its_own_is_left_as_it_is() -> None:
    module = types.ModuleType("other_extractor")
    own = etree.XPath(".//*[re:test(@class, 'share') and x:y(.)]", namespaces={"re": EXSLT_REGEXP, "x": "urn:x"})
    plain = etree.XPath(".//*[re:test(@class, 'share')]", namespaces={"re": EXSLT_REGEXP})
    module.LIST = [own, plain]  # type: ignore[attr-defined]
    [(_, _, twins)] = GuardedXPaths.of([module]).lists
    assert twins[0] is own
    assert twins[1] is not plain


def test_a_module_without_expressions_gives_none() -> None:
    assert GuardedXPaths.of([re]) == GuardedXPaths((), ())


def _pairs() -> dict[str, tuple[etree.XPath, etree.XPath]]:
    pairs = {
        f"{name}[{index}]": (original, twin)
        for name, (_, originals, twins) in LISTS.items()
        for index, (original, twin) in enumerate(zip(originals, twins, strict=True))
        if twin is not original
    }
    pairs.update({f"{module.__name__}.{name}": (original, twin) for module, name, original, twin in TWINS.bound})
    return pairs


PAIRS = _pairs()


def _same_selection(tree: etree._Element) -> list[str]:
    return [name for name, (original, twin) in PAIRS.items() if list(original(tree)) != list(twin(tree))]


def _pages() -> dict[str, bytes]:
    found = {p.parent.name: p.read_bytes() for p in sorted((HERE / "fixtures").glob("*/page.html"))}
    for path in sorted((HERE / "fixtures").glob("*/page.html.gz")) + sorted((HERE / "data").glob("*/*.html.gz")):
        found[f"{path.parent.name}-{path.name.split('.')[0]}"] = gzip.decompress(path.read_bytes())
    return found


PAGES = _pages()


@pytest.mark.parametrize("page", PAGES.values(), ids=PAGES.keys())
def test_the_twins_select_what_the_originals_select_on_real_pages(page: bytes) -> None:
    assert _same_selection(html.fromstring(page)) == []


def _pattern_words() -> list[str]:
    words: set[str] = set()
    for original, _ in PAIRS.values():
        for pattern in re.findall(r"re:test\([^,]+,\s*'([^']*)'", original.path):
            words.update(w for w in re.split(r"[^\w-]+", pattern) if w)
    return sorted(words)


_WORDS = _pattern_words()
_VALUE = st.lists(
    st.one_of(
        st.sampled_from(_WORDS),
        st.sampled_from(_WORDS).map(str.capitalize),
        st.sampled_from(
            ["comment", "Comment", "commentary", "ad", "-", "_", " ", "hidden", "display:none", "ary", "COOKIE", "Ⅰ"]
        ),
        st.text(alphabet="abcdefghijklmnopqrstuvwxyz -_ABC", max_size=5),
    ),
    max_size=4,
).map("".join)
_TAGS = ["div", "section", "p", "span", "list", "item", "aside", "ol", "ul", "details", "article", "main", "a", "h1"]
_ATTRIBUTES = ["class", "id", "style", "role", "aria-hidden", "data-component", "itemprop"]
_ELEMENT = st.tuples(
    st.sampled_from(_TAGS),
    st.lists(st.tuples(st.sampled_from(_ATTRIBUTES), _VALUE), max_size=3, unique_by=lambda pair: pair[0]),
    st.integers(min_value=0, max_value=4),
)


@settings(max_examples=300, deadline=None)
@given(elements=st.lists(_ELEMENT, min_size=1, max_size=25))
def test_the_twins_select_what_the_originals_select(
    elements: list[tuple[str, list[tuple[str, str]], int]],
) -> None:
    root = etree.Element("body")
    stack = [root]
    for tag, attributes, depth in elements:
        parent = stack[min(depth, len(stack) - 1)]
        element = etree.SubElement(parent, tag, dict(attributes))
        element.text = "text"
        stack = [*stack[: stack.index(parent) + 1], element]
    assert _same_selection(root) == []
