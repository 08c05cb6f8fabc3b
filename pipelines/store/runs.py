"""The run log: a row per crawl or reclean, opened when it starts and closed with its outcome and counts."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pipelines.records import utc_now
from pipelines.store.base import BUSY_TIMEOUT_MS, StoreBase
from pipelines.store.values import json_text


def _last_crawl_stored_articles(conn: sqlite3.Connection) -> bool:
    row = conn.execute(
        "SELECT articles_new FROM runs WHERE command = 'crawl' AND finished_at IS NOT NULL ORDER BY id DESC LIMIT 1"
    ).fetchone()
    return row is None or bool(row[0])


def last_crawl_stored_articles(path: str | os.PathLike[str]) -> bool:
    """`Store.last_crawl_stored_articles` of the database at ``path``, read without opening a `Store` (no
    migration, no storage driver: a few milliseconds, so that `newsrake crawl` can decide at once whether to
    start its cleaning workers). True when there is no such database or no finished crawl in it yet, and when
    it cannot be read: opening it as a `Store` then says why."""
    try:
        conn = sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error:
        return True
    try:
        return _last_crawl_stored_articles(conn)
    except sqlite3.Error:
        return True
    finally:
        conn.close()


def _process_alive(pid: object) -> bool:
    """Whether process ``pid`` of this machine still exists (a run's own row names its process)."""
    if not isinstance(pid, int) or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


class RunLog(StoreBase):
    """The `runs` rows."""

    def last_crawl_stored_articles(self) -> bool:
        """Whether the last finished crawl stored new articles; True when no crawl has finished yet."""
        return _last_crawl_stored_articles(self.db.conn)

    def start_run(self, command: str, options: Mapping[str, Any]) -> int:
        """Open a `runs` row; returns its id. Rows left ``running`` by a process that is gone (killed) become
        ``interrupted`` (their ``finished_at`` stays empty: when they ended is not known)."""
        with self.db.atomic():
            rows = self.db.conn.execute("SELECT id, pid FROM runs WHERE outcome = 'running'").fetchall()
            gone = [(run_id,) for run_id, pid in rows if not _process_alive(pid)]
            self.db.conn.executemany("UPDATE runs SET outcome = 'interrupted' WHERE id = ?", gone)
            cursor = self.db.conn.execute(
                "INSERT INTO runs (command, started_at, outcome, pid, options) VALUES (?, ?, 'running', ?, ?)",
                (command, utc_now(), os.getpid(), json_text(dict(options))),
            )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def finish_run(
        self,
        run_id: int,
        outcome: str,
        counts: Mapping[str, int],
        stats: Mapping[str, Any],
        feed_counts: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> None:
        """Close a `runs` row with its outcome, counts, per-feed counts and the crawl's stats."""
        with self.db.atomic():
            self.db.conn.execute(
                """UPDATE runs SET finished_at = ?, outcome = ?, feeds_fetched = ?, feeds_failed = ?,
                       feeds_unchanged = ?, articles_new = ?, articles_skipped = ?, articles_failed = ?,
                       stats = ?, feed_counts = ?
                   WHERE id = ?""",
                (
                    utc_now(),
                    outcome,
                    counts.get("feeds_fetched", 0),
                    counts.get("feeds_failed", 0),
                    counts.get("feeds_unchanged", 0),
                    counts.get("articles_new", 0),
                    counts.get("articles_skipped", 0),
                    counts.get("articles_failed", 0),
                    json_text(dict(stats)),
                    json_text({k: dict(v) for k, v in (feed_counts or {}).items()}),
                    run_id,
                ),
            )
