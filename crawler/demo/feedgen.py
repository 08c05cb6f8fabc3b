"""Writing feeds in the three dialects newsrake reads: RSS 2.0, Atom 1.0 and RSS 1.0 (RDF)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime
from typing import Literal
from xml.sax.saxutils import escape, quoteattr

Dialect = Literal["rss2", "atom", "rss1"]
DIALECTS: tuple[Dialect, ...] = ("rss2", "atom", "rss1")
CONTENT_TYPES: dict[Dialect, str] = {
    "rss2": "application/rss+xml; charset=utf-8",
    "atom": "application/atom+xml; charset=utf-8",
    "rss1": "application/rdf+xml; charset=utf-8",
}


@dataclass(frozen=True)
class Item:
    """One feed entry."""

    url: str
    title: str
    published: datetime
    author: str = ""
    summary: str = ""


def _rss2(title: str, home: str, feed_url: str, items: Sequence[Item]) -> str:
    entries = "".join(
        f"<item><title>{escape(i.title)}</title><link>{escape(i.url)}</link>"
        f'<guid isPermaLink="true">{escape(i.url)}</guid>'
        f"<pubDate>{format_datetime(i.published)}</pubDate>"
        + (f"<author>{escape(i.author)}</author>" if i.author else "")
        + f"<description>{escape(i.summary)}</description></item>\n"
        for i in items
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>{escape(home)}</link><description>{escape(title)}</description>\n"
        f"{entries}</channel></rss>\n"
    )


def _atom(title: str, home: str, feed_url: str, items: Sequence[Item]) -> str:
    updated = max((i.published for i in items), default=None)
    entries = "".join(
        f'<entry><title>{escape(i.title)}</title><link rel="alternate" href={quoteattr(i.url)}/>'
        f"<id>{escape(i.url)}</id><published>{i.published.isoformat()}</published>"
        f"<updated>{i.published.isoformat()}</updated>"
        + (f"<author><name>{escape(i.author)}</name></author>" if i.author else "")
        + f"<summary>{escape(i.summary)}</summary></entry>\n"
        for i in items
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{escape(title)}</title><link href={quoteattr(home)}/>"
        f'<link rel="self" href={quoteattr(feed_url)}/><id>{escape(feed_url)}</id>'
        f"<updated>{updated.isoformat() if updated else ''}</updated>\n{entries}</feed>\n"
    )


def _rss1(title: str, home: str, feed_url: str, items: Sequence[Item]) -> str:
    seq = "".join(f"<rdf:li rdf:resource={quoteattr(i.url)}/>" for i in items)
    entries = "".join(
        f"<item rdf:about={quoteattr(i.url)}><title>{escape(i.title)}</title><link>{escape(i.url)}</link>"
        f"<dc:date>{i.published.isoformat()}</dc:date>"
        + (f"<dc:creator>{escape(i.author)}</dc:creator>" if i.author else "")
        + f"<description>{escape(i.summary)}</description></item>\n"
        for i in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<channel rdf:about={quoteattr(feed_url)}><title>{escape(title)}</title><link>{escape(home)}</link>"
        f"<description>{escape(title)}</description><items><rdf:Seq>{seq}</rdf:Seq></items></channel>\n"
        f"{entries}</rdf:RDF>\n"
    )


_WRITERS = {"rss2": _rss2, "atom": _atom, "rss1": _rss1}


def render_feed(dialect: Dialect, title: str, home: str, feed_url: str, items: Sequence[Item]) -> bytes:
    """A complete feed document in ``dialect``, UTF-8 encoded."""
    return _WRITERS[dialect](title, home, feed_url, items).encode("utf-8")
