"""Boxes of the article that trafilatura's extractor throws away for their names.

Before it reads a part of the page, trafilatura's extractor deletes every
element whose class, id, role or style matches one of its patterns of
boilerplate (`trafilatura.xpaths.OVERALL_DISCARD_XPATH`: "embed", "widget",
"bar", "footer", "related", "hidden" and some sixty more), in each of its
modes. A page builder's or a theme's names can match them on the box that
holds the article: a box of custom HTML named ``w-embed``, a rich-text
editor's ``ck-widget`` rows, an accordion whose closed panes are hidden. The
article's paragraphs in that box are then lost whatever mode reads the page.

`masked_boxes` finds such boxes with the page's prose (`cleaners.prose`);
`names_set_aside` lets trafilatura read them as plain boxes for as long as a
``with`` block runs. trafilatura's own patterns are tested, on a copy of each
element alone (its tag and attributes, none of its children or text), so a
trafilatura with other patterns is followed as it is.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from lxml import etree
from lxml.html import HtmlElement
from trafilatura.xpaths import OVERALL_DISCARD_XPATH

from cleaners.prose import ARTICLE_SHARE, PageProse

MOSTLY_MISSED = 0.5
"""A box of the article whose prose the text holds less than this share of was (mostly) thrown away."""
MAX_ATTRIBUTES = 64
"""Attributes of an element looked at (a hostile page's element may carry thousands)."""


def _alone(tag: str, attributes: dict[str, str]) -> etree._Element:
    """A copy of an element without its children, as the one child of a wrapper (the patterns look below the
    element they are run from)."""
    wrapper = etree.Element("div")
    copy = etree.SubElement(wrapper, tag)
    for name, value in itertools.islice(attributes.items(), MAX_ATTRIBUTES):
        try:
            copy.set(name, value)
        except ValueError:  # a name the HTML parser took and lxml's API refuses (":class", "@click")
            continue
    return wrapper


def _discarded(tag: str, attributes: dict[str, str]) -> bool:
    wrapper = _alone(tag, attributes)
    return any(pattern(wrapper) for pattern in OVERALL_DISCARD_XPATH)


def discarded_by_name(element: HtmlElement) -> bool:
    """Whether trafilatura's extractor deletes ``element`` for its attributes (its class, id, role, style...)
    before it reads the part of the page that holds it."""
    return isinstance(element.tag, str) and _discarded(element.tag, dict(element.attrib))


def naming_attributes(element: HtmlElement) -> list[str]:
    """The attributes of ``element`` that, each on its own, get it deleted (`discarded_by_name`)."""
    named = itertools.islice(element.attrib.items(), MAX_ATTRIBUTES)
    return [name for name, value in named if _discarded(str(element.tag), {name: value})]


def masked_boxes(tree: HtmlElement, prose: PageProse, found: Iterable[int]) -> list[HtmlElement]:
    """The boxes below ``<body>`` that hold `ARTICLE_SHARE` of the page's prose or more, of whose prose a text
    holding the paragraphs ``found`` holds less than `MOSTLY_MISSED`, and that trafilatura deletes for their
    names (`discarded_by_name`); with them, the other elements of ``tree`` of their tag that carry the same
    names (`naming_attributes`, the same values): a page builder names the boxes of one kind alike, and the
    article may stand in several."""
    boxes = [
        node
        for node in prose.missed(ARTICLE_SHARE, found, MOSTLY_MISSED)
        if node.tag not in ("html", "body") and discarded_by_name(node)
    ]
    kept = set(boxes)
    for box in list(boxes):
        names = [(name, box.get(name)) for name in naming_attributes(box)]
        for element in tree.iter(box.tag):
            if element not in kept and names and all(element.get(name) == value for name, value in names):
                boxes.append(element)
                kept.add(element)
    return boxes


@contextmanager
def names_set_aside(boxes: list[HtmlElement]) -> Iterator[None]:
    """Within the block, the attributes of ``boxes`` that get them deleted (`naming_attributes`) are empty (or,
    when their presence alone does, absent); after it, each box is as it was."""
    kept = [(box, {name: box.attrib[name] for name in naming_attributes(box)}) for box in boxes]
    for box, attributes in kept:
        for name in attributes:
            box.set(name, "")  # in its place: trafilatura reads the first of "@id|@class"
        if discarded_by_name(box):
            for name in attributes:
                del box.attrib[name]
    try:
        yield
    finally:
        for box, attributes in kept:
            for name, value in attributes.items():
                box.set(name, value)
