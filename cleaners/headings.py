"""How a heading (or any element) reads on the page: as a browser shows it, without a permalink's mark."""

from __future__ import annotations

import re

from lxml.html import HtmlElement

BLOCK_TAGS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "pre")
"""Elements a browser shows as blocks of their own: their text stands apart from the words around them."""
_MARK = re.compile(r"[\s#¶§🔗⚓\ufe0f]+")
"""A heading's permalink or copy-link mark, alone in an element of its own: "#", "¶", "§", "🔗"."""


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
