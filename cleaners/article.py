"""The article record that cleaning produces, and the feed entry that feeds it."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from cleaners.registry import Removal


@dataclass(frozen=True)
class FeedEntry:
    """What a feed said about an article before its page was fetched."""

    link: str
    """The entry's link, absolute, as found in the feed."""
    title: str | None = None
    """The entry's title, as text."""
    summary: str | None = None
    """The entry's summary or description (feedparser-sanitised HTML or text)."""
    guid: str | None = None
    """The entry's GUID / Atom id, if any."""
    published_raw: str | None = None
    """The entry's publication date as written in the feed."""
    published: str | None = None
    """That date as ISO 8601 UTC, or None when it could not be parsed."""
    updated_raw: str | None = None
    """The entry's last-updated date as written in the feed (RSS has none; Atom ``<updated>``)."""
    authors: tuple[str, ...] = ()
    """Author names given by the feed."""
    tags: tuple[str, ...] = ()
    """Categories / tags given by the feed."""

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of the entry."""
        data = asdict(self)
        data["authors"] = list(self.authors)
        data["tags"] = list(self.tags)
        return data


@dataclass(frozen=True)
class Article:
    """A cleaned article: what `cleaners.clean_page` returns."""

    url: str
    """The article URL the page was requested as (normalised by the crawler)."""
    final_url: str | None = None
    """The URL the page was served from, after redirects."""
    canonical_url: str | None = None
    """The canonical URL the page declares (link rel=canonical or og:url), absolute."""
    title: str | None = None
    """The headline: from the page, else from the feed entry."""
    text: str = ""
    """The article body as plain text, paragraphs separated by newlines."""
    authors: tuple[str, ...] = ()
    """Author names: from the page, else from the feed entry."""
    published: str | None = None
    """Publication time as ISO 8601 UTC (``YYYY-MM-DDTHH:MM:SSZ``), or None."""
    published_raw: str | None = None
    """The publication date exactly as found (page metadata or feed entry)."""
    language: str | None = None
    """Language of the page (BCP 47 primary tag, lower case), if declared."""
    description: str | None = None
    """The page's description (meta description / og:description), else the feed summary."""
    image: str | None = None
    """The top image URL (og:image and the like), absolute."""
    tags: tuple[str, ...] = ()
    """Keywords, tags and categories from the page and the feed entry."""
    site_name: str | None = None
    """The publisher's name as the page gives it (og:site_name and the like)."""
    credit: str | None = None
    """Agency and contributor credits, and syndication notes, taken out of the text ("FRANCE 24 with AFP and
    REUTERS"; "This article originally appeared on The Conversation")."""
    syndicated_from: str | None = None
    """The publication a syndication note in the page names as the article's first publisher ("The
    Conversation"), or None: the article is a copy of that publication's."""
    feed_entry: FeedEntry | None = None
    """The feed entry the article came from, kept as it was."""
    cleaner_version: str = ""
    """Version of the cleaning code and rules that produced this record."""
    problems: tuple[str, ...] = field(default_factory=tuple)
    """Reasons the result may be incomplete (e.g. ``no-text``), empty when all is well."""
    removals: tuple[Removal, ...] = ()
    """The audit trail: what each cleaner removed, in the order it was removed."""

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of the article."""
        data = asdict(self)
        for key in ("authors", "tags", "problems"):
            data[key] = list(getattr(self, key))
        data["removals"] = [asdict(removal) for removal in self.removals]
        data["feed_entry"] = self.feed_entry.to_dict() if self.feed_entry else None
        return data
