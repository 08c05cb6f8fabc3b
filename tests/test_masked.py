"""cleaners.masked: the boxes of the article that trafilatura deletes for their names, found and set aside."""

from __future__ import annotations

import pytest
from lxml import etree
from lxml.html import HtmlElement

from cleaners.html_tree import parse_html
from cleaners.masked import discarded_by_name, masked_boxes, names_set_aside, naming_attributes
from cleaners.prose import PageProse

PARAGRAPH = "<p>Paragraph {n} of the story says what happened on the quay, who saw it and what came next.</p>"


def element(markup: str) -> HtmlElement:
    tree = parse_html(f"<html><body>{markup}</body></html>")
    assert tree is not None
    found = tree.get_element_by_id("x")
    assert isinstance(found, HtmlElement)
    return found


@pytest.mark.parametrize(
    ("markup", "discarded"),
    [
        ("<div id='x' class='w-embed'></div>", True),
        ("<div id='x' class='ck-widget ck-widget row'></div>", True),
        ("<div id='x' class='site-footer'></div>", True),
        ("<section id='x' class='related-posts'></section>", True),
        ("<div id='x' style='display: none'></div>", True),
        ("<div id='x' aria-hidden='true'></div>", True),
        ("<div id='x' :class='open' class='w-embed'></div>", True),
        ("<div id='x' class='article-body'></div>", False),
        ("<div id='x' class='entry-content'></div>", False),
        ("<div id='x'></div>", False),
        ("<div id='x' :class='embed'></div>", False),
        ("<article id='x' class='w-embed'></article>", False),
    ],
    ids=[
        "embed",
        "widget",
        "footer",
        "related",
        "hidden-by-style",
        "aria-hidden",
        "with-a-name-lxml-refuses",
        "article-body",
        "entry-content",
        "no-class",
        "only-a-name-lxml-refuses",
        "article-tag",
    ],
)
def test_which_elements_trafilatura_deletes_for_their_names(markup: str, discarded: bool) -> None:
    assert discarded_by_name(element(markup)) is discarded


def test_the_attributes_that_each_get_a_box_deleted() -> None:
    box = element("<div id='x' class='w-embed' data-kind='code' style='display:none'></div>")
    box.set("id", "sidebar-main")
    assert naming_attributes(box) == ["id", "class", "style"]


def test_names_are_set_aside_within_the_block_and_given_back_after_it() -> None:
    box = element("<div id='x' class='w-embed' data-kind='code' title='Tide table'><p>Text</p></div>")
    before = etree.tostring(box)
    with names_set_aside([box]):
        assert not discarded_by_name(box)
        assert box.get("class") == ""
        assert box.get("title") == "Tide table"
    assert etree.tostring(box) == before


def test_a_name_whose_presence_gets_a_box_deleted_is_taken_away_and_given_back() -> None:
    box = element("<div id='x' data-lp-replacement-content='' class='story'></div>")
    assert discarded_by_name(box)
    with names_set_aside([box]):
        assert not discarded_by_name(box)
        assert "data-lp-replacement-content" not in box.attrib
    assert dict(box.attrib) == {"id": "x", "data-lp-replacement-content": "", "class": "story"}


def page(box_class: str, in_box: int, outside: int) -> HtmlElement:
    """A page of ``outside`` paragraphs in a plain box, then ``in_box`` in a box of class ``box_class``."""
    lede = "".join(PARAGRAPH.format(n=n) for n in range(outside))
    rest = "".join(PARAGRAPH.format(n=n) for n in range(outside, outside + in_box))
    body = f"<div class='post'>{lede}<div id='x' class='{box_class}'>{rest}</div></div>"
    tree = parse_html(f"<html><body>{body}</body></html>")
    assert tree is not None
    return tree


@pytest.mark.parametrize(
    ("box_class", "in_box", "outside", "found_in_box", "masked"),
    [
        ("w-embed", 6, 4, False, True),
        ("w-embed", 6, 4, True, False),
        ("w-embed", 2, 8, False, False),
        ("article-body", 6, 4, False, False),
    ],
    ids=["embed-box-missed", "embed-box-found", "embed-box-small", "box-not-discarded"],
)
def test_which_boxes_are_masked(box_class: str, in_box: int, outside: int, found_in_box: bool, masked: bool) -> None:
    tree = page(box_class, in_box, outside)
    prose = PageProse.of(tree)
    box = tree.get_element_by_id("x")
    found = [i for i, block in enumerate(prose.blocks) if (box in block.node.iterancestors()) is found_in_box]
    assert masked_boxes(tree, prose, found) == ([box] if masked else [])


def test_an_element_with_thousands_of_attributes_is_read_by_its_first_ones() -> None:
    many = " ".join(f"data-a{i}='x'" for i in range(5000))
    box = element(f"<div id='x' {many} class='w-embed'></div>")
    assert not discarded_by_name(box)
    assert naming_attributes(box) == []


def test_the_other_boxes_of_the_same_name_are_masked_with_the_box() -> None:
    lede = "".join(PARAGRAPH.format(n=n) for n in range(3))
    big = "".join(PARAGRAPH.format(n=n) for n in range(3, 9))
    small = PARAGRAPH.format(n=9)
    body = (
        f"<div class='post'>{lede}<div id='x' class='w-embed'>{big}</div>"
        f"<div id='y' class='w-embed'>{small}</div><div id='z' class='w-embed wide'>{small}</div></div>"
    )
    tree = parse_html(f"<html><body>{body}</body></html>")
    assert tree is not None
    prose = PageProse.of(tree)
    lede_blocks = [i for i, block in enumerate(prose.blocks) if block.node.getparent().get("class") == "post"]
    masked = masked_boxes(tree, prose, lede_blocks)
    assert [box.get("id") for box in masked] == ["x", "y"]
