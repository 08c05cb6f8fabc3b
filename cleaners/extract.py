"""The main-text extraction step: trafilatura over an already-parsed tree."""

from __future__ import annotations

from dataclasses import dataclass

from lxml.html import HtmlElement
from trafilatura.core import bare_extraction
from trafilatura.settings import Document


@dataclass(frozen=True)
class Extracted:
    """What trafilatura found on a page (text and its own metadata)."""

    text: str = ""
    title: str | None = None
    author: str | None = None
    date: str | None = None
    description: str | None = None
    sitename: str | None = None
    image: str | None = None
    tags: tuple[str, ...] = ()


def _split_tags(values: list[str] | None) -> list[str]:
    return [part.strip() for value in values or [] for part in value.split(",") if part.strip()]


def extract_main_text(tree: HtmlElement, url: str | None) -> Extracted:
    """Extract the main text and trafilatura's metadata; comments are excluded.

    trafilatura works on its own copy of the tree, so ``tree`` is left as it was.
    """
    doc = bare_extraction(tree, url=url, include_comments=False, with_metadata=True)
    if not isinstance(doc, Document):
        return Extracted()
    return Extracted(
        text=(doc.text or "").strip(),
        title=doc.title or None,
        author=doc.author or None,
        date=doc.date or None,
        description=doc.description or None,
        sitename=doc.sitename or None,
        image=doc.image or None,
        tags=tuple(dict.fromkeys(_split_tags(doc.categories) + _split_tags(doc.tags))),
    )
