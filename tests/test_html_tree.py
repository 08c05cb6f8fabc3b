"""cleaners.html_tree.parse_html: one parse of the decoded page, as trafilatura's loader would make it."""

from __future__ import annotations

import pytest
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from cleaners.html_tree import parse_html

PAGES = {
    "plain-page": "<html><head><title>T</title></head><body><p>One paragraph.</p></body></html>",
    "declared-encoding": '<?xml version="1.0" encoding="utf-8"?><html><body><p>Déclaré.</p></body></html>',
    "control-characters": "<html><body><p>Bell\x07 and NUL\x00 in text.</p></body></html>",
    "no-html-tag": "<div><p>A fragment</p><p>with two blocks</p></div>",
    "self-closing-html": "<!DOCTYPE html>\n<html/>\n<body><p>Odd but served.</p></body>",
}
NOT_HTML = {"plain-text": "Just some words, no markup at all.", "one-block": "<p>only this</p>"}


def text_of(tree: HtmlElement | None) -> str | None:
    return None if tree is None else " ".join(tree.text_content().split())


@pytest.mark.parametrize("text", PAGES.values(), ids=PAGES.keys())
def test_a_page_parses_as_trafilatura_would_parse_it(text: str) -> None:
    tree = parse_html(text)
    assert tree is not None
    assert text_of(tree) == text_of(load_html(text))


@pytest.mark.parametrize("text", NOT_HTML.values(), ids=NOT_HTML.keys())
def test_what_is_not_html_gives_no_tree(text: str) -> None:
    assert parse_html(text) is None
    assert load_html(text) is None


def test_every_element_has_the_html_element_methods_and_copies_keep_them() -> None:
    from copy import copy

    tree = parse_html("<html><body><form><input name='q'><label>L</label></form><p>x</p></body></html>")
    assert tree is not None
    elements = list(tree.iter())
    assert all(isinstance(element, HtmlElement) for element in elements)
    assert all(isinstance(element, HtmlElement) for element in copy(tree).iter())
    assert tree.find(".//p").text_content() == "x"
