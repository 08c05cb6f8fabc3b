"""Feed parsing and feed discovery: pure functions over bytes, used by the spider."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

import feedparser
import lxml.html
from lxml import etree

from cleaners import FeedEntry
from cleaners.dates import parse_date, struct_time_to_iso
from crawler import settings as defaults
from crawler.urls import normalise_url, published_link
from pipelines.polling import syndication_period, ttl_seconds

FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/feed+json",
        "application/xml",
        "text/xml",
    }
)


@dataclass(frozen=True)
class ParsedFeed:
    """A feed as newsrake uses it: its title, its entries with usable links, and whether it was ill-formed."""

    title: str | None
    site_url: str | None
    version: str
    entries: tuple[FeedEntry, ...]
    bozo: bool
    bozo_reason: str | None
    skipped_entries: int = 0
    ttl: float | None = None
    """RSS ``<ttl>``, in seconds."""
    update_period: float | None = None
    """Seconds between updates, as ``sy:updatePeriod`` / ``sy:updateFrequency`` say."""

    @property
    def is_feed(self) -> bool:
        """False when the document was not a feed at all (an HTML page, an empty body)."""
        return bool(self.version) or bool(self.entries)


def _text(value: Any) -> str | None:
    """A feed field as plain text: markup (tags, comments) dropped, whitespace collapsed."""
    if not isinstance(value, str):
        return None
    if "<" in value:
        try:
            value = lxml.html.fragment_fromstring(value, create_parent="div").text_content()
        except (etree.ParserError, ValueError):
            value = re.sub(r"<[^>]*>", " ", value)
    text = " ".join(value.split())
    return text or None


def _entry(raw: Any, base: str) -> FeedEntry | None:
    link = raw.get("link")
    if not link:
        link = next((ln.get("href") for ln in raw.get("links", []) if ln.get("rel") == "alternate"), None)
    if not isinstance(link, str):
        guid = raw.get("id")
        link = guid if isinstance(guid, str) and guid.startswith(("http://", "https://")) else None
    if not link:
        return None
    absolute = published_link(urljoin(base, link.strip()))  # fetched as published
    if absolute is None:
        return None
    # dict.get: feedparser's own get() maps missing `updated*` keys to `published*` with a DeprecationWarning.
    published_raw = dict.get(raw, "published") or dict.get(raw, "updated")
    parsed_time = dict.get(raw, "published_parsed") or dict.get(raw, "updated_parsed")
    published = struct_time_to_iso(parsed_time) or parse_date(published_raw if isinstance(published_raw, str) else None)
    authors = tuple(
        name for name in (_text(a.get("name")) for a in raw.get("authors", []) if isinstance(a, dict)) if name
    )
    tags = tuple(term for term in (_text(t.get("term")) for t in raw.get("tags", []) if isinstance(t, dict)) if term)
    return FeedEntry(
        link=absolute,
        title=_text(raw.get("title")),
        summary=(raw.get("summary") or None),
        guid=_text(raw.get("id")),
        published_raw=published_raw if isinstance(published_raw, str) else None,
        published=published,
        updated_raw=_text(dict.get(raw, "updated")),
        authors=authors,
        tags=tags,
    )


def parse_feed(
    body: bytes, url: str, content_type: str | None = None, max_entries: int = defaults.NEWSRAKE_MAX_FEED_ENTRIES
) -> ParsedFeed:
    """Parse RSS 0.9x/1.0/2.0 or Atom bytes; ill-formed feeds are recovered and flagged (bozo).

    Only entries with an absolute http(s) link are kept; others are counted
    in ``skipped_entries``. At most ``max_entries`` entries are read.
    """
    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(body, response_headers=headers, resolve_relative_uris=True, sanitize_html=True)
    entries: list[FeedEntry] = []
    skipped = 0
    for raw in parsed.entries[:max_entries]:
        entry = _entry(raw, url)
        if entry is None:
            skipped += 1
        else:
            entries.append(entry)
    skipped += max(0, len(parsed.entries) - max_entries)
    reason = parsed.get("bozo_exception")
    if isinstance(reason, feedparser.NonXMLContentType):
        reason = None  # a well-formed feed served with a non-XML Content-Type is not ill-formed
    return ParsedFeed(
        title=_text(parsed.feed.get("title")),
        site_url=parsed.feed.get("link") if isinstance(parsed.feed.get("link"), str) else None,
        version=parsed.get("version") or "",
        entries=tuple(entries),
        bozo=reason is not None,
        bozo_reason=" ".join(str(reason).split())[:300] if reason else None,
        skipped_entries=skipped,
        ttl=ttl_seconds(parsed.feed.get("ttl")),
        update_period=syndication_period(parsed.feed.get("sy_updateperiod"), parsed.feed.get("sy_updatefrequency")),
    )


def discover_feeds(body: bytes | str, base_url: str) -> list[str]:
    """Feed URLs a page announces with ``<link rel="alternate" type="application/rss+xml" ...>``."""
    try:
        tree = lxml.html.fromstring(body) if body else None
    except (etree.ParserError, ValueError):
        return []
    if tree is None:
        return []
    found: list[str] = []
    for link in tree.xpath("//link[@href]"):
        rel = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").lower().split(";")[0].strip()
        if "alternate" in rel and kind in FEED_TYPES:
            url = normalise_url(urljoin(base_url, link.get("href").strip()))
            if url and url not in found:
                found.append(url)
    return found
