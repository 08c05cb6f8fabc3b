"""The SQLite store: the only package that knows newsrake's schema.

One file holds the articles (with FTS5 on title and text), the raw pages (compressed, in a table of their
own), the feeds with their polling state and a row per run. The schema and its migrations are `schema`; the
columns of ``articles`` and how each is written are `columns` (one registry); `Store` is made of the article
writes (`articles`), the reads before a fetch (`reads`), pending articles (`pending`), feed state (`feeds`),
the run log (`runs`), reclean streaming (`recleaning`) and stories (`stories`).
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path
from typing import TYPE_CHECKING

from pipelines.records import utc_now
from pipelines.store.articles import ARTICLE_ERRORS, ArticleRecord, ArticleWrites, Saved
from pipelines.store.base import BUSY_TIMEOUT_MS, StoreError
from pipelines.store.columns import ARTICLE_COLUMNS, ArticleColumns, Column
from pipelines.store.feeds import FeedState, FeedWrites, Validators
from pipelines.store.pending import PendingArticle, PendingQueue
from pipelines.store.reads import ArticleState, Reads
from pipelines.store.recleaning import Recleaning, StoredFilter, StoredPage
from pipelines.store.runs import RunLog, last_crawl_stored_articles
from pipelines.store.schema import MIGRATIONS
from pipelines.store.stories import StoryMember, StoryPlace

__all__ = [
    "ARTICLE_COLUMNS",
    "ARTICLE_ERRORS",
    "BUSY_TIMEOUT_MS",
    "MIGRATIONS",
    "ArticleColumns",
    "ArticleRecord",
    "ArticleState",
    "Column",
    "FeedState",
    "PendingArticle",
    "Saved",
    "Store",
    "StoreError",
    "StoredFilter",
    "StoredPage",
    "StoryMember",
    "StoryPlace",
    "Validators",
    "last_crawl_stored_articles",
]


if TYPE_CHECKING:
    import sqlite_utils

WAL_RETRY_SECONDS = 0.05
"""How long a store waits before it asks again to put a file in write-ahead mode (`_write_ahead`)."""


def _write_ahead(db: sqlite_utils.Database) -> None:
    """Put the file in write-ahead-log mode, unless another process has. SQLite answers "database is locked" at
    once, without waiting out the busy timeout, when the change would deadlock with a process that switched the
    file meanwhile (three processes opening one new file at once): ask again until the busy timeout has passed."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            if db.journal_mode != "wal":
                db.enable_wal()
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(WAL_RETRY_SECONDS)


class Store(ArticleWrites, Reads, PendingQueue, FeedWrites, RunLog, Recleaning):
    """A newsrake SQLite file. Open with `Store.open`; close when done."""

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, readonly: bool = False) -> Store:
        """Open (creating and migrating if needed) the store at ``path``.

        Raises `StoreError` with a one-line message when the file cannot be
        created, is not a database, or is read-only while writes are wanted.
        """
        target = Path(path)
        if not readonly and not target.parent.is_dir():
            raise StoreError(f"cannot create database {target}: directory {target.parent} does not exist")
        import sqlite_utils  # before the file is created: a run killed while it loads leaves no empty database

        try:
            if readonly:
                conn = sqlite3.connect(f"file:{target}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
            else:
                conn = sqlite3.connect(str(target), timeout=BUSY_TIMEOUT_MS / 1000)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            db = sqlite_utils.Database(conn)
            store = cls(db, str(target))
            if not readonly:
                _write_ahead(db)
                conn.execute("PRAGMA synchronous = NORMAL")
                conn.execute("PRAGMA foreign_keys = ON")
                store.migrate()
            else:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as error:
            raise StoreError(f"cannot open database {target}: {error}") from error
        return store

    def close(self) -> None:
        """Close the connection."""
        self.db.conn.close()

    def migrate(self) -> list[str]:
        """Apply the migrations this file lacks, each in its own transaction; return their names.

        Each one is checked again and applied under ``BEGIN IMMEDIATE`` (the database's write lock, taken
        before reading): two processes upgrading one file at once apply each migration once, the second
        finding it done.

        Not sqlite-utils' own ``Migrations`` (looked at in 4.2.1): it reads which migrations are pending before
        it opens each one's transaction, and opens it with a plain ``BEGIN``, so two processes upgrading one
        file at once could both apply the same migration; and it records them in ``_sqlite_migrations``, where
        every newsrake file records them in ``newsrake_migrations``. The migrations themselves are written with
        sqlite-utils (``create``, ``enable_fts``, ``add_column``), in `schema`.
        """
        conn = self.db.conn
        conn.execute("CREATE TABLE IF NOT EXISTS newsrake_migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
        conn.commit()
        done = {row[0] for row in conn.execute("SELECT name FROM newsrake_migrations")}
        applied = []
        for name, migration in MIGRATIONS:
            if name in done:
                continue
            conn.execute("BEGIN IMMEDIATE")
            try:
                query = "SELECT 1 FROM newsrake_migrations WHERE name = ?"
                if conn.execute(query, (name,)).fetchone() is None:  # not applied meanwhile by another process
                    migration(self.db)
                    conn.execute("INSERT INTO newsrake_migrations VALUES (?, ?)", (name, utc_now()))
                    applied.append(name)
                conn.execute("COMMIT")
            except BaseException:
                self.db.rollback()
                raise
        return applied

    # -- reads ------------------------------------------------------------
