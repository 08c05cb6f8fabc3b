"""Feed state: each feed's fetches, polling back-off, validators and the state read back before a poll."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from pipelines.polling import PollDecision, PollState
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
    poll_interval: int | None = None
    """Seconds between polls (`pipelines.polling`), saved by the last finished run that polled it."""
    poll_reason: str | None = None


@dataclass(frozen=True)
class Schedule:
    """What a run decided of a feed's polling, saved when the run has finished (`FeedWrites.save_schedules`)."""

    decision: PollDecision
    keys: tuple[str, ...]
    """The entries' digests of the poll (the previous ones again, for a feed that had not changed)."""


def timestamp(iso: str) -> float:
    """An ISO 8601 UTC time (as stored) in seconds since the epoch."""
    return datetime.strptime(iso, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC).timestamp()


def iso(seconds: float) -> str:
    """Seconds since the epoch as stored: ISO 8601 UTC."""
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _after(timestamp: str, seconds: float) -> str:
    start = datetime.strptime(timestamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    return (start + timedelta(seconds=seconds)).strftime("%Y-%m-%dT%H:%M:%SZ")


class FeedWrites(StoreBase):
    """What the store remembers about feeds."""

    def feed_state(self, url: str) -> FeedState | None:
        """The remembered state of a feed (by the URL it is listed under), or None if never fetched."""
        row = self.db.conn.execute(
            "SELECT url, etag, last_modified, failures_in_row, next_poll_at, moved_to, retired_at, body_sha256,"
            " poll_interval, poll_reason FROM feeds WHERE url = ?",
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
            next_poll = None  # a success: due until a finished run saves its schedule (`save_schedules`)
            if failed and backoff is not None:
                next_poll = _after(fetch.fetched_at, max(backoff(failures), fetch.hints.retry_after or 0))
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

    def poll_state(self, url: str) -> tuple[PollState | None, tuple[str, ...]]:
        """What the adaptive policy remembers of a feed (None if no finished run polled it), and the digests of
        the entries of its last poll."""
        row = self.db.conn.execute(
            "SELECT polled_at, poll_interval, poll_rate, poll_exposure, poll_quiet, poll_keys FROM feeds WHERE url = ?",
            (url,),
        ).fetchone()
        if row is None or row[0] is None:
            return None, ()
        polled_at, interval, rate, exposure, quiet, keys = row
        state = PollState(timestamp(polled_at), float(interval or 0), (rate or 0.0) / 3600, exposure or 0.0, quiet or 0)
        return state, tuple((keys or "").split())

    def save_schedules(self, schedules: Mapping[str, Schedule]) -> None:
        """Store each polled feed's interval, reason, policy state and next poll time, in one transaction.

        Called only when a run has finished, like `save_validators`: a run killed or stopped before its
        articles were stored leaves the feed due (its ``next_poll_at`` cleared by `record_feed_fetch`), and
        its next poll measures what is new against the last finished run's poll.
        """
        rows = []
        for url, schedule in schedules.items():
            state = schedule.decision.state
            rows.append((
                round(schedule.decision.interval), schedule.decision.reason, iso(state.polled_at), state.rate * 3600,
                state.exposure, state.quiet, " ".join(schedule.keys), iso(schedule.decision.next_at), url,
            ))  # fmt: skip
        with self.db.atomic():
            self.db.conn.executemany(
                """UPDATE feeds SET poll_interval = ?, poll_reason = ?, polled_at = ?, poll_rate = ?,
                       poll_exposure = ?, poll_quiet = ?, poll_keys = ?, next_poll_at = ?
                   WHERE url = ? AND failures_in_row = 0""",
                rows,
            )
