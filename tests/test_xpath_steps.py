"""cleaners.xpath_steps: a step that names its tags in a predicate, rewritten to select the same elements."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from cleaners.xpath_guards import EXSLT_REGEXP, trafilatura_guarded
from cleaners.xpath_steps import by_tag, is_boolean

REWRITTEN = {
    "no-predicate": (".//*[self::div or self::p]", "(descendant::div | descendant::p)"),
    "one-tag": (".//*[self::div][@id='a']", "(descendant::div[@id='a'])"),
    "each-predicate-follows-each-tag": (
        ".//*[self::div or self::p][@id='a' or @id='b'][not(.//h1)]",
        "(descendant::div[@id='a' or @id='b'][not(.//h1)] | descendant::p[@id='a' or @id='b'][not(.//h1)])",
    ),
    "from-the-root": (
        "//*[self::h1 or self::h2][contains(@class, 'title')]",
        "(/descendant::h1[contains(@class, 'title')] | /descendant::h2[contains(@class, 'title')])",
    ),
    "the-first-of-a-union": (
        "(.//*[self::div or self::main][@id='x'])[1]|(.//main)[1]",
        "((descendant::div[@id='x'] | descendant::main[@id='x']))[1]|(.//main)[1]",
    ),
    "a-path-after-it": (".//*[self::div][@id='x']//a[@href]", "(descendant::div[@id='x'])//a[@href]"),
    "a-guarded-test-in-parentheses": (
        ".//*[self::div][((contains(@id, 'x')) and re:test(@id, 'x'))]",
        "(descendant::div[((contains(@id, 'x')) and re:test(@id, 'x'))])",
    ),
    "whitespace-and-lines": (
        "\n  .//*[self::div or\n self::p][\n @id='a']\n",
        "\n  (descendant::div[\n @id='a'] | descendant::p[\n @id='a'])\n",
    ),
    "a-bracket-in-a-string": (".//*[self::div][@title=']']", "(descendant::div[@title=']'])"),
}

LEFT_ALONE = {
    "a-position": ".//*[self::div or self::p][@id='a'][1]",
    "position()": ".//*[self::div][position() < 3 or @id='a']",
    "last()": ".//*[self::div][@id='a' and last() > 1]",
    "a-number-in-parentheses": ".//*[self::div][(2)]",
    "a-node-set": ".//*[self::div][.//h1]",
    "a-number": ".//*[self::div][count(p)]",
    "in-the-middle-of-a-path": ".//section/.//*[self::div][@id='a']",
    "after-a-name": "x//*[self::div][@id='a']",
    "in-a-string": './/p[@title=".//*[self::div]"]',
    "any-element": ".//*[@id='a']",
    "a-tag-test-among-others": ".//*[self::div and @id='a']",
}


@pytest.mark.parametrize(("path", "expected"), REWRITTEN.values(), ids=REWRITTEN.keys())
def test_a_step_is_rewritten(path: str, expected: str) -> None:
    assert by_tag(path) == expected


@pytest.mark.parametrize("path", LEFT_ALONE.values(), ids=LEFT_ALONE.keys())
def test_a_step_is_left_alone(path: str) -> None:
    assert by_tag(path) == path


BOOLEANS = {
    "or": ("@a or @b", True),
    "and": ("contains(@a, 'x') and @b", True),
    "comparison": ("@a='x'", True),
    "inequality": ("string-length(@a) > 2", True),
    "not": ("not(.//h1)", True),
    "contains": ("contains(@class, 'a or b')", True),
    "starts-with": ("starts-with(@id, 'x')", True),
    "re-test": ("re:test(@id, 'x')", True),
    "parenthesised": ("((contains(@id, 'x')) and re:test(@id, 'x'))", True),
    "a-number": ("1", False),
    "a-count": ("count(p)", False),
    "a-path": (".//p", False),
    "an-attribute": ("@class", False),
    "or-in-a-name": ("@order", False),
    "or-in-a-string": ("'a or b'", False),
    "a-number-in-parentheses": ("(1)", False),
    "two-groups": ("(1) + (2)", False),
}


@pytest.mark.parametrize(("predicate", "expected"), BOOLEANS.values(), ids=BOOLEANS.keys())
def test_is_boolean(predicate: str, expected: bool) -> None:
    assert is_boolean(predicate) is expected


_EXPRESSIONS = [path for path, _ in REWRITTEN.values()] + list(LEFT_ALONE.values())
_TAGS = ["div", "p", "section", "main", "h1", "h2", "a", "span"]
_ELEMENT = st.tuples(
    st.sampled_from(_TAGS),
    st.sampled_from([{}, {"id": "a"}, {"id": "b"}, {"id": "x"}, {"class": "title"}, {"href": "/"}]),
    st.integers(min_value=0, max_value=4),
)


@settings(max_examples=300, deadline=None)
@given(elements=st.lists(_ELEMENT, min_size=1, max_size=25))
def test_a_rewritten_step_selects_what_the_original_selects(
    elements: list[tuple[str, dict[str, str], int]],
) -> None:
    root = etree.Element("body")
    stack = [root]
    for tag, attributes, depth in elements:
        parent = stack[min(depth, len(stack) - 1)]
        element = etree.SubElement(parent, tag, attributes)
        stack = [*stack[: stack.index(parent) + 1], element]
    context = root[0]  # a relative step reads from its context node, not from the root
    different = []
    for path in _EXPRESSIONS:
        original = etree.XPath(path, namespaces={"re": EXSLT_REGEXP})
        rewritten = etree.XPath(by_tag(path), namespaces={"re": EXSLT_REGEXP})
        if list(original(context)) != list(rewritten(context)):
            different.append(path)
    assert different == []


def test_the_twins_of_trafilatura_s_expressions_name_their_tags_in_their_steps() -> None:
    rewritten = [twin.path for _, _, twins in trafilatura_guarded().lists for twin in twins]
    assert any(path.lstrip().startswith("(descendant::div[") for path in rewritten)
