"""Pending articles: those that failed in a run and are tried again in later runs until stored or given up."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pipelines.records import ArticleFailure
from pipelines.store.base import StoreBase
from pipelines.store.values import json_text
from pipelines.url_identity import url_key

if TYPE_CHECKING:
    from cleaners import FeedEntry


@dataclass(frozen=True)
class PendingArticle:
    """An article that failed in an earlier run and is due to be tried again."""

    link: str
    """The URL to fetch, as published."""
    source: str | None
    feed_url: str | None
    entry: FeedEntry | None
    attempts: int


def _entry_json(entry: FeedEntry | None) -> str | None:
    return json_text(entry.to_dict()) if entry is not None else None


def _entry_from_json(text: str | None) -> FeedEntry | None:
    """The feed entry stored with a pending article; None when there is none or it cannot be read."""
    from cleaners import FeedEntry

    try:
        data = json.loads(text) if text else None
        if not isinstance(data, dict):
            return None
        return FeedEntry(**{**data, "authors": tuple(data.get("authors") or ()), "tags": tuple(data.get("tags") or ())})
    except (ValueError, TypeError):
        return None


def record_failures(conn: sqlite3.Connection, failures: Iterable[ArticleFailure], run_id: int | None) -> None:
    """Add or update the `pending_articles` rows of articles that failed (inside a transaction)."""
    conn.executemany(
        """INSERT INTO pending_articles (url, link, source, feed_url, guid, entry, attempts, last_status,
               last_error, first_failed_at, last_tried_at, next_try_at, given_up_at, run_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT(url) DO UPDATE SET link = excluded.link, source = excluded.source,
               feed_url = excluded.feed_url, guid = excluded.guid, entry = excluded.entry,
               attempts = max(excluded.attempts, pending_articles.attempts + 1),
               last_status = excluded.last_status, last_error = excluded.last_error,
               last_tried_at = excluded.last_tried_at, next_try_at = excluded.next_try_at,
               given_up_at = excluded.given_up_at, run_id = excluded.run_id""",
        [
            (
                url_key(f.link) or f.link, f.link, f.source, f.feed_url, f.entry.guid if f.entry else None,
                _entry_json(f.entry), f.attempts, f.status, f.error, f.failed_at, f.failed_at,
                None if f.given_up else f.next_try_at, f.failed_at if f.given_up else None, run_id,
            )
            for f in failures
        ],
    )  # fmt: skip


class PendingQueue(StoreBase):
    """Reading and settling pending articles (they are recorded with a batch of articles: `save_articles`)."""

    def due_pending(self, now: str, sources: Iterable[str], limit: int = 10000) -> list[PendingArticle]:
        """The pending articles of ``sources`` whose next try is due at ``now`` (not given up), oldest first."""
        names = list(dict.fromkeys(sources))
        if not names:
            return []
        rows = self.db.conn.execute(
            f"""SELECT link, source, feed_url, entry, attempts FROM pending_articles
                WHERE given_up_at IS NULL AND next_try_at <= ? AND source IN ({",".join("?" * len(names))})
                ORDER BY next_try_at LIMIT ?""",
            [now, *names, limit],
        ).fetchall()
        return [
            PendingArticle(link, source, feed_url, _entry_from_json(entry), int(attempts or 0))
            for link, source, feed_url, entry, attempts in rows
        ]

    def settle_pending(self) -> int:
        """Drop the pending rows of articles stored or found duplicates since (by another path); return how
        many."""
        with self.db.atomic():
            cursor = self.db.conn.execute(
                """DELETE FROM pending_articles AS p
                   WHERE EXISTS (SELECT 1 FROM articles a WHERE a.url = p.url)
                      OR EXISTS (SELECT 1 FROM duplicates d WHERE d.url = p.url)"""
            )
        return cursor.rowcount
