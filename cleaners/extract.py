"""The main-text extraction step: trafilatura over an already-parsed tree."""

from __future__ import annotations

from lxml import etree
from lxml.html import HtmlElement
from trafilatura.core import bare_extraction
from trafilatura.settings import Document

SHORT_TEXT = 400
"""Below this many characters the fast extraction is retried with trafilatura's fallback extractors."""
PROSE_SHARE = 0.5
"""Below this share of characters in lines of 8+ words, a text looks like a menu or a link list."""
_INERT = etree.XPath(
    "//aside | //footer | //fencedframe | //style | //svg | //script[not(@type='application/ld+json')]"
)
"""What every one of trafilatura's paths deletes, with its text, before it reads any (its tree cleaning, and
the basic cleaning of its page measure, its baseline and its jusText fallback): asides, footers, styles,
SVG, and scripts but the JSON-LD ones, which its baseline and forum check read first. A quarter of a news
page's elements, which trafilatura would otherwise walk in a dozen passes over the raw tree and copy three
or four times before deleting them."""


def prose_share(text: str) -> float:
    """The share of a text's characters that stand in lines of eight or more words (prose, not menus)."""
    lines = text.split("\n")
    total = sum(len(line) for line in lines) or 1
    return sum(len(line) for line in lines if len(line.split()) >= 8) / total


def _extract(tree: HtmlElement, url: str | None, *, fast: bool) -> str:
    doc = bare_extraction(tree, url=url, fast=fast, include_comments=False, with_metadata=False)
    return (doc.text or "").strip() if isinstance(doc, Document) else ""


def drop_inert(tree: HtmlElement) -> None:
    """Drop from ``tree`` what trafilatura would delete unread (`_INERT`), keeping the text after each.

    A node inside one dropped before it is then dropped from that detached node, which costs less than
    finding out that it need not be."""
    for node in _INERT(tree):
        if node.getparent() is not None:  # the root has nothing to be dropped from
            node.drop_tree()


def extract_main_text(tree: HtmlElement, url: str | None) -> str:
    """The main text of a page as lines of plain text; comments are excluded. ``tree`` loses what
    trafilatura would delete unread (`drop_inert`): read what else is needed from it first.

    trafilatura runs in its fast mode (its own extractor only), which scores
    better on the benchmark and costs a quarter less; when that finds little
    text, or text that reads like a menu rather than prose, the full mode with
    its readability and jusText fallbacks runs too and the better result wins.
    trafilatura works on copies of the tree, so ``tree`` is otherwise left as it was; its metadata extraction is
    not used (newsrake reads metadata itself, at a fraction of the cost).
    """
    drop_inert(tree)
    text = _extract(tree, url, fast=True)
    if len(text) < SHORT_TEXT:
        fallback = _extract(tree, url, fast=False)
        return fallback if len(fallback) > len(text) else text
    share = prose_share(text)
    if share < PROSE_SHARE:
        fallback = _extract(tree, url, fast=False)
        return fallback if prose_share(fallback) > share and len(fallback) >= SHORT_TEXT else text
    return text
