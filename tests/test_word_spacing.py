"""cleaners.word_spacing: the copy of a page that trafilatura's full mode reads keeps its words apart."""

from __future__ import annotations

import lxml.html
import pytest
from justext.core import ParagraphMaker  # what trafilatura's full mode asks for a second opinion

from cleaners.word_spacing import spaced

GOLDEN = {  # a paragraph's markup -> the same paragraph in the copy
    "bold-words-side-by-side": (
        "<p><strong>Learning</strong> <strong>algorithms</strong> and scheduling.</p>",
        "<p><strong>Learning </strong> <strong>algorithms</strong> and scheduling.</p>",
    ),
    "a-line-break-between-two-links": (
        '<p><a href="/a">Energy</a>\n<a href="/b">savings</a> this winter.</p>',
        '<p><a href="/a">Energy </a>\n<a href="/b">savings</a> this winter.</p>',
    ),
    "the-space-goes-after-the-last-child": (
        "<p><a><b>Remote</b></a> <em>control</em> by phone.</p>",
        "<p><a><b>Remote</b> </a> <em>control</em> by phone.</p>",
    ),
    "a-space-that-is-there-already-stays-one": (
        "<p><b>Smart </b> <b>thermostats</b> save energy.</p>",
        "<p><b>Smart  </b> <b>thermostats</b> save energy.</p>",
    ),
    "text-after-an-inline-element-is-left-alone": (
        "<p><b>Smart</b> thermostats save energy.</p>",
        "<p><b>Smart</b> thermostats save energy.</p>",
    ),
    "a-space-at-the-end-of-a-paragraph-is-left-alone": (
        "<p>They save <b>energy</b> </p>",
        "<p>They save <b>energy</b> </p>",
    ),
    "a-line-break-between-list-items-is-left-alone": (
        "<ul><li>First point</li>\n<li>Second point</li></ul>",
        "<ul><li>First point</li>\n<li>Second point</li></ul>",
    ),
    "a-line-break-between-a-block-and-an-inline-element-is-left-alone": (
        "<div><p>First point</p>\n<b>Second point</b></div>",
        "<div><p>First point</p>\n<b>Second point</b></div>",
    ),
}


def _page(body: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(f"<html><body>{body}</body></html>")


def _body(tree: lxml.html.HtmlElement) -> str:
    body = tree.find("body")
    assert body is not None
    return "".join(lxml.html.tostring(child, encoding="unicode") for child in body)


@pytest.mark.parametrize(("markup", "expected"), GOLDEN.values(), ids=GOLDEN.keys())
def test_the_copy(markup: str, expected: str) -> None:
    tree = _page(markup)
    copy = spaced(tree)
    assert _body(copy) == expected
    assert _body(tree) == markup  # the page itself is left as it was
    assert copy.text_content().split() == tree.text_content().split()


READ_APART = {  # markup -> the paragraph jusText reads from the copy
    "bold-words": (
        "<p><strong>Learning</strong> <strong>algorithms</strong> and scheduling.</p>",
        "Learning algorithms and scheduling.",
    ),
    "links-on-two-lines": (
        '<p><a href="/a">Energy</a>\n<a href="/b">savings</a> this winter.</p>',
        "Energy savings this winter.",
    ),
    "nested-in-a-span": (
        "<p><b>Geofencing</b>\n<span> <i>and</i> occupancy</span> detection.</p>",
        "Geofencing and occupancy detection.",
    ),
}


@pytest.mark.parametrize(("markup", "paragraph"), READ_APART.values(), ids=READ_APART.keys())
def test_justext_reads_the_words_of_the_copy_apart(markup: str, paragraph: str) -> None:
    assert [p.text for p in ParagraphMaker.make_paragraphs(spaced(_page(markup)))] == [paragraph]
