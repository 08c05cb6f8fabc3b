"""Feed state: each feed's fetches, polling back-off, validators and the state read back before a poll."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from pipelines.records import FeedFetch
from pipelines.store.base import StoreBase


@dataclass(frozen=True)
class Validators:
    """What tells, on the next poll, that a feed has not changed: the server's validators and the digest
    of the body this run parsed."""

    etag: str | None
    last_modified: str | None
    body_sha256: str | None = None


@dataclass(frozen=True)
class FeedState:
    """What the store remembers about a feed between runs."""

    url: str
    etag: str | None
    last_modified: str | None
    failures_in_row: int
    next_poll_at: str | None
    moved_to: str | None
    retired_at: str | None
    body_sha256: str | None = None
    """The digest of the feed's body when it was last parsed in a finished run."""


def _after(timestamp: str, seconds: float) -> str:
    start = datetime.strptime(timestamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    return (start + timedelta(seconds=seconds)).strftime("%Y-%m-%dT%H:%M:%SZ")


class FeedWrites(StoreBase):
    """What the store remembers about feeds."""

    def feed_state(self, url: str) -> FeedState | None:
        """The remembered state of a feed (by the URL it is listed under), or None if never fetched."""
        row = self.db.conn.execute(
            "SELECT url, etag, last_modified, failures_in_row, next_poll_at, moved_to, retired_at, body_sha256"
            " FROM feeds WHERE url = ?",
            (url,),
        ).fetchone()
        return FeedState(*row) if row else None

    def record_feed_fetch(self, fetch: FeedFetch, backoff: Callable[[int], float] | None = None) -> None:
        """Record a feed fetch: status, validators, failures in a row and when to poll next.

        A failure schedules the next poll ``backoff(failures_in_row)`` seconds
        ahead; a success or a 304 clears it. A 304 keeps the stored validators
        and title; a 410 retires the feed.
        """
        failed = fetch.error is not None
        conn = self.db.conn
        with self.db.atomic():
            conn.execute(
                "INSERT INTO feeds (url, source, first_seen, failures_in_row) VALUES (?, ?, ?, 0)"
                " ON CONFLICT(url) DO NOTHING",
                (fetch.url, fetch.source, fetch.fetched_at),
            )
            failures = conn.execute("SELECT failures_in_row FROM feeds WHERE url = ?", (fetch.url,)).fetchone()[0]
            failures = (failures or 0) + 1 if failed else 0
            next_poll = None
            if failed and backoff is not None:
                next_poll = _after(fetch.fetched_at, backoff(failures))
            conn.execute(
                """UPDATE feeds SET source = ?, last_fetched = ?, last_status = ?, last_error = ?,
                       failures_in_row = ?, next_poll_at = ?,
                       last_success = CASE WHEN ? THEN last_success ELSE ? END,
                       moved_to = coalesce(?, moved_to),
                       retired_at = CASE WHEN ? THEN ? ELSE retired_at END
                   WHERE url = ?""",
                (
                    fetch.source,
                    fetch.fetched_at,
                    fetch.status,
                    fetch.error,
                    failures,
                    next_poll,
                    failed,
                    fetch.fetched_at,
                    fetch.moved_to,
                    fetch.retired,
                    fetch.fetched_at,
                    fetch.url,
                ),
            )
            if not failed and not fetch.not_modified:
                conn.execute(
                    """UPDATE feeds SET title = coalesce(?, title), site_url = coalesce(?, site_url),
                           entries_last = ?, bozo = ?, bozo_reason = ?
                       WHERE url = ?""",
                    (fetch.title, fetch.site_url, fetch.entries, int(fetch.bozo), fetch.bozo_reason, fetch.url),
                )

    def save_validators(self, validators: Mapping[str, Validators]) -> None:
        """Store each feed's ETag, Last-Modified and body digest, in one transaction.

        Called only when a run has finished: a run killed half-way leaves the
        old validators, so the next run fetches the feed in full and completes
        the articles that are missing instead of being told "304, nothing new".
        """
        with self.db.atomic():
            self.db.conn.executemany(
                "UPDATE feeds SET etag = ?, last_modified = ?, body_sha256 = ? WHERE url = ?",
                [(v.etag, v.last_modified, v.body_sha256, url) for url, v in validators.items()],
            )
