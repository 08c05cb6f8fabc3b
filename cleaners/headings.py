"""Headings: how a heading reads, and the section headings an extraction left out.

When trafilatura finds no box it knows for the article, it reads the page's
loose paragraphs instead (its recovery of "wild" text), and that reader takes
paragraphs, quotations, code and tables, but no heading: the article comes
out whole, without its section headings. A text that holds none of the
page's headings came that way (or from a page without any). Each heading of
the page (``<h2>`` to ``<h6>``, of at most `MAX_HEADING_WORDS` words) that
stands between two paragraphs of the text (the paragraph before it on the
page and the one after it are both in the text, in that order) is then put
back, on a line of its own, before the paragraph that follows it (or before
the list or table between the two that follows it on the page).
"""

from __future__ import annotations

import bisect
import re

from lxml.html import HtmlElement

from cleaners.prose import PageProse, squeeze

BLOCK_TAGS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "pre")
"""Elements a browser shows as blocks of their own: their text stands apart from the words around them."""
SECTION_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
MAX_HEADING_WORDS = 25
"""A heading longer than this is not a section's heading (a paragraph marked up as one)."""
_MARK = re.compile(r"[\s#¶§🔗⚓\ufe0f]+")
"""A heading's permalink or copy-link mark, alone in an element of its own: "#", "¶", "§", "🔗"."""
_NOT_WORD = re.compile(r"\W+")


def shown_text(element: HtmlElement) -> str:
    """An element's text as a browser shows it on one line: a line break or a block inside it (`BLOCK_TAGS`)
    stands apart from the words around it ("Top Programs of 2025<br>Your Guide" is not "2025Your"), and an
    element that holds nothing but a permalink's mark (`_MARK`: ``<a href="#intro">#</a>``) is left out."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and not _is_mark(child):
            apart = " " if child.tag == "br" or child.tag in BLOCK_TAGS else ""
            parts.append(f"{apart}{shown_text(child)}{apart}")
        parts.append(child.tail or "")
    return "".join(parts)


def _is_mark(element: HtmlElement) -> bool:
    text = element.text_content()
    return bool(text.strip()) and _MARK.fullmatch(text) is not None


def _in(line: str, text: str) -> bool:
    """Whether a line of the text (a list's "- " item, a table's "| " row) stands in ``text``, its words
    compared (`_text_after`)."""
    words = _NOT_WORD.sub("", line)
    return bool(words) and words in text


def _text_after(heading: HtmlElement, block: HtmlElement) -> str:
    """The words (what is not a letter or a digit removed) of what follows ``heading`` in its parent, up to
    the element that is or holds ``block``: a list or a table that the heading introduces, and that the text
    holds before the paragraph after it."""
    parts = [heading.tail or ""]
    for sibling in heading.itersiblings():
        if sibling is block or block in sibling.iterdescendants():
            break
        parts.append(sibling.text_content() if isinstance(sibling.tag, str) else "")
        parts.append(sibling.tail or "")
    return _NOT_WORD.sub("", "".join(parts))


def _line_of(probe: str, lines: list[str]) -> int | None:
    return next((i for i, line in enumerate(lines) if probe in line), None)


def restore_headings(tree: HtmlElement, prose: PageProse, text: str) -> tuple[str, int]:
    """``text`` with the section headings of ``tree`` that stand between two of its paragraphs put back, when
    it holds none of the page's headings; and how many were put back. ``prose`` is the page's prose as it
    stands in ``tree``."""
    flat = squeeze(text)
    headings: list[tuple[HtmlElement, list[str]]] = []
    for heading in tree.iter(*SECTION_HEADINGS) if flat else ():
        words = shown_text(heading).split()
        if 0 < len(words) <= MAX_HEADING_WORDS:
            if "".join(words) in flat:  # the extraction reads headings here
                return text, 0
            headings.append((heading, words))
    if not headings:
        return text, 0
    found = prose.found_in(text)
    wanted = {block.node for block in prose.blocks} | {heading for heading, _ in headings}
    place = {element: i for i, element in enumerate(tree.iter()) if element in wanted}
    blocks = sorted((place[block.node], i) for i, block in enumerate(prose.blocks) if block.node in place)
    places = [where for where, _ in blocks]
    lines = text.split("\n")
    squeezed = [squeeze(line) for line in lines]
    before: dict[int, list[str]] = {}
    for heading, words in headings:
        after = bisect.bisect_right(places, place[heading])
        if after == 0 or after == len(blocks):
            continue
        previous, following = blocks[after - 1][1], blocks[after][1]
        if previous not in found or following not in found:
            continue
        start = _line_of(prose.blocks[previous].probe, squeezed)
        end = _line_of(prose.blocks[following].probe, squeezed)
        if start is not None and end is not None and start < end:
            after_it = _text_after(heading, prose.blocks[following].node)
            at = next((i for i in range(start + 1, end) if _in(lines[i], after_it)), end)
            before.setdefault(at, []).append(" ".join(words))
    if not before:
        return text, 0
    restored = [out for i, line in enumerate(lines) for out in (*before.get(i, ()), line)]
    return "\n".join(restored), sum(len(added) for added in before.values())
