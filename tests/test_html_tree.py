"""cleaners.html_tree.parse_html: one parse of the decoded page, as trafilatura's loader would make it."""

from __future__ import annotations

import codecs
import gzip
from pathlib import Path

import pytest
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from cleaners.decode import decode_page, decoded
from cleaners.html_tree import parse_html, reopened

from conftest import PAGES as BUNDLED_PAGES

PAGES = {
    "plain-page": "<html><head><title>T</title></head><body><p>One paragraph.</p></body></html>",
    "declared-encoding": '<?xml version="1.0" encoding="utf-8"?><html><body><p>Déclaré.</p></body></html>',
    "control-characters": "<html><body><p>Bell\x07 and NUL\x00 in text.</p></body></html>",
    "no-html-tag": "<div><p>A fragment</p><p>with two blocks</p></div>",
    "self-closing-html": "<!DOCTYPE html>\n<html/>\n<body><p>Odd but served.</p></body>",
    "latin1-declared": '<?xml version="1.0" encoding="iso-8859-1"?><html><body><p>Déclaré.</p></body></html>',
    "meta-charset-other": '<html><head><meta charset="windows-1251"></head><body><p>Привет, ünï.</p></body></html>',
    "xml-forbidden-characters": "<html><body><p>Odd \ufffe and \uffff and \x1f here.</p></body></html>",
    "vertical-tab-before-html": "<!DOCTYPE html>\x0b<html/>\n<body><p>Split lines.</p></body>",
    "xhtml-doctype": '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "http://www.w3.org/TR/xhtml1/DTD/x.dtd">'
    "\n<html><body><p>x</p></body></html>",
    "xhtml-doctype-one-line": '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "http://www.w3.org/x.dtd">'
    "<html><body><p>x</p></body></html>",
    "wide-characters": "<html><body><p>Emoji 😀, 中文 and é.</p></body></html>",
    "byte-order-mark": "\ufeff<html><body><p>With a BOM.</p></body></html>",
    "empty-html": "<html></html>",
}
NOT_HTML = {
    "plain-text": "Just some words, no markup at all.",
    "one-block": "<p>only this</p>",
    "nul-bytes": "\x00\x00",
    "whitespace": "   \n  ",
}


def text_of(tree: HtmlElement | None) -> str | None:
    return None if tree is None else " ".join(tree.text_content().split())


@pytest.mark.parametrize("text", PAGES.values(), ids=PAGES.keys())
def test_a_page_parses_as_trafilatura_would_parse_it(text: str) -> None:
    tree = parse_html(text)
    assert tree is not None
    assert text_of(tree) == text_of(load_html(text))
    assert etree.tostring(tree) == etree.tostring(load_html(text))


@pytest.mark.parametrize("path", BUNDLED_PAGES, ids=[p.name.split(".")[0] for p in BUNDLED_PAGES])
def test_a_real_page_parses_to_the_very_tree_trafilatura_would_make(path: Path) -> None:
    text = decode_page(gzip.decompress(path.read_bytes()))
    tree = parse_html(text)
    assert tree is not None
    assert etree.tostring(tree) == etree.tostring(load_html(text))


def test_a_lone_surrogate_costs_no_text() -> None:
    """trafilatura's loader cuts the text at a lone surrogate (a str handed to `clean_page`; decoding never
    makes one); the parse from UTF-8 bytes keeps the rest of the page, the surrogate replaced."""
    tree = parse_html("<html><body><p>Before \ud800 after.</p></body></html>")
    assert tree is not None
    assert text_of(tree) == "Before \ufffd\ufffd\ufffd after."


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


UTF8_PAGE = "<html><body><p>Déjà vu, 中文.</p></body></html>".encode()
DECODED = {
    "utf-8-as-served": (UTF8_PAGE, "text/html; charset=utf-8", True),
    "utf-8-as-declared": (b'<html><head><meta charset="utf-8"></head><body><p>\xc3\xa9</p></body></html>', None, True),
    "byte-order-mark": (codecs.BOM_UTF8 + UTF8_PAGE, None, False),
    "latin-1": ("<html><body><p>Déjà vu.</p></body></html>".encode("latin-1"), "text/html; charset=iso-8859-1", False),
    "a-byte-that-does-not-decode": (
        b"<html><body><p>bad \xff byte</p></body></html>",
        "text/html; charset=utf-8",
        False,
    ),
    "nul-bytes": (b"<html><body><p>nul\x00 byte</p></body></html>", "text/html; charset=utf-8", False),
}


@pytest.mark.parametrize(("raw", "content_type", "same_bytes"), DECODED.values(), ids=DECODED.keys())
def test_the_raw_bytes_stand_for_the_texts_utf8_only_when_they_are_it(
    raw: bytes, content_type: str | None, same_bytes: bool
) -> None:
    text, utf8 = decoded(raw, content_type)
    assert text == decode_page(raw, content_type)
    assert (utf8 is not None) is same_bytes
    if utf8 is not None:
        assert utf8 == text.encode("utf-8")
    assert etree.tostring(parse_html(text, utf8)) == etree.tostring(parse_html(text))


ARTICLE_AFTER_THE_END = (
    "<!DOCTYPE html><html><head><title>Pay rise</title></head><body><nav><a href='/'>Home</a></nav>"
    "</body>\n</html>\n<div class='post'><h1>Pay rise</h1><p>The council agreed a pay rise on Monday.</p></div>"
    "<p>Staff will be paid from May.</p>\n</body>\n</html>\n"
)


@pytest.mark.parametrize(
    ("page", "kept"),
    [
        (ARTICLE_AFTER_THE_END, ["Home", "The council agreed a pay rise on Monday.", "Staff will be paid from May."]),
        (
            ARTICLE_AFTER_THE_END.upper(),
            ["HOME", "THE COUNCIL AGREED A PAY RISE ON MONDAY.", "STAFF WILL BE PAID FROM MAY."],
        ),
        ("<html><body><p>One.</p></body></html><p>Two.</p>", ["One.", "Two."]),
        ("<html><body><p>One.</body><div><p>Two.</p></div></html>", ["One.", "Two."]),
    ],
    ids=["article-after-an-early-end", "upper-case-tags", "paragraph-after-the-end", "box-after-the-body"],
)
def test_what_follows_an_early_end_of_the_page_is_read_into_its_body(page: str, kept: list[str]) -> None:
    tree = parse_html(page)
    assert tree is not None
    assert [" ".join(p.text_content().split()) for p in tree.iter("p", "a")] == kept


@pytest.mark.parametrize(
    "page",
    [
        "<html><body><p>One.</p></body></html>\n",
        "<html><body><p>One.</p></body></html><script>track()</script><!-- cached -->",
        "<html><body><p>One.</p></body></html>\n<style>p{}</style><link rel='x' href='y'>",
        "<html><body><p>One.</p>",
    ],
    ids=["nothing-after", "script-and-comment-after", "style-and-link-after", "no-end"],
)
def test_a_page_that_ends_where_it_should_is_left_as_it_is(page: str) -> None:
    assert reopened(page) is page
