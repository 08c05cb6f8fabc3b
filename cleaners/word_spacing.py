"""`spaced`: a copy of a page whose word breaks survive an extractor that skips blank text."""

from __future__ import annotations

import copy

from lxml.html import HtmlElement

INLINE = frozenset(
    {
        *("a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "dfn", "em", "font", "i", "kbd"),
        *("mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var"),
    }
)
"""Elements that stand inside a line of text rather than make a block of their own."""


def spaced(tree: HtmlElement) -> HtmlElement:
    """A copy of ``tree`` in which an inline element followed by white space alone and then by another inline
    element (``<b>Learning</b> <b>algorithms</b>``) ends with a space of its own.

    jusText, which trafilatura's full mode asks for a second opinion, skips every text that is white space
    alone, so that the words on either side of one run together ("Learningalgorithms"); trafilatura's own
    extraction reads the page alike either way. Only spaces between inline elements are moved: one between
    two blocks (list items, paragraphs) is where jusText starts a new paragraph anyway. The copy shows the
    same text as the page, white space collapsed."""
    page = copy.deepcopy(tree)
    for element in page.iter(*INLINE):
        tail = element.tail
        if not tail or tail.strip():
            continue
        after = element.getnext()
        if after is None or after.tag not in INLINE:
            continue
        if len(element):
            last = element[-1]
            last.tail = f"{last.tail or ''} "
        else:
            element.text = f"{element.text or ''} "
    return page
