"""What the spider hands to the pipelines: records of the pipelines' own, so that they import nothing of the
crawler (`FeedFetch` is in `pipelines.records`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from cleaners import Article, FeedEntry
from cleaners.rules import SourceRules
from pipelines.fingerprint import Fingerprint
from pipelines.raw_body import Compressed
from pipelines.records import RawPage


@dataclass(frozen=True)
class FetchedPage:
    """An article page as downloaded, with where it came from."""

    page: RawPage
    source: str
    feed_url: str | None
    entry: FeedEntry | None
    rules: SourceRules = field(default_factory=SourceRules)
    refetch: bool = False
    """Fetched again because its feed entry was updated: replaces the stored article."""


@dataclass(frozen=True)
class CleanedPage:
    """A fetched page and the article cleaned from it, ready to store."""

    fetched: FetchedPage
    article: Article
    stored_body: Compressed
    """The page's body as it is stored, compressed where the page was cleaned."""
    fingerprint: Fingerprint | None = None
    """The text's fingerprint, computed where the page was cleaned (None: too short, or stories off)."""
