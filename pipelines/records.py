"""Plain records of fetched pages and feeds, shared by the spider, the cleaning workers and the store.

They are kept apart from `pipelines.store` so that what only carries a page (the cleaning workers above
all) does not import the storage driver.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from pipelines.polling import PollHints

if TYPE_CHECKING:
    from cleaners import FeedEntry


def utc_now() -> str:
    """The current time as ISO 8601 UTC."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class RawPage:
    """A fetched page as the server sent it."""

    url: str
    final_url: str
    status: int
    body: bytes
    headers: Mapping[str, str] = field(default_factory=dict)
    fetched_at: str = field(default_factory=utc_now)

    @property
    def content_type(self) -> str | None:
        """The Content-Type header, if any."""
        return next((v for k, v in self.headers.items() if k.lower() == "content-type"), None)


@dataclass(frozen=True)
class FeedFetch:
    """The outcome of fetching and parsing one feed."""

    url: str
    source: str
    status: int | None
    title: str | None = None
    site_url: str | None = None
    entries: int = 0
    bozo: bool = False
    bozo_reason: str | None = None
    error: str | None = None
    fetched_at: str = field(default_factory=utc_now)
    etag: str | None = None
    last_modified: str | None = None
    moved_to: str | None = None
    """Where a permanent redirect (301/308) sent the feed; polled there from now on."""
    retired: bool = False
    """The server said the feed is gone for good (410)."""
    body_sha256: str | None = None
    """The digest of the body, when it was parsed."""
    unchanged: bool = False
    """The body is the one parsed last time (the server sent no validators, or ignored them): not parsed."""
    entry_keys: tuple[str, ...] | None = None
    """The short digests of the entries' GUIDs or links (`pipelines.polling.entry_key`), when it was parsed:
    which entries are new, next time."""
    hints: PollHints = field(default_factory=PollHints)
    """What the feed and its server said of how often to poll it (ttl, max-age, Retry-After, ...)."""

    @property
    def not_modified(self) -> bool:
        """A 304 answer, or the same body as last time: nothing new, nothing parsed."""
        return self.status == 304 or self.unchanged


@dataclass(frozen=True)
class ArticleFailure:
    """An article page that could not be fetched: kept in `pending_articles` and tried again in a later run
    (whatever its feed says) until it is stored or given up."""

    link: str
    """The URL that was requested, as published."""
    source: str
    feed_url: str | None
    entry: FeedEntry | None
    """What the feed said of the article: stored with it when a later try succeeds."""
    status: int | None
    """The HTTP status, when the server answered."""
    error: str
    """Why it failed, in one line ("HTTP 503", "TimeoutError: ...")."""
    attempts: int
    """Failed attempts so far, this one included."""
    next_try_at: str | None
    """When to try again (ISO 8601 UTC); None when given up."""
    given_up: bool = False
    """No more tries: a permanent failure (404, 410, robots.txt Disallow) or too many attempts."""
    failed_at: str = field(default_factory=utc_now)
