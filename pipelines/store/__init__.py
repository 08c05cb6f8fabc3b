"""The SQLite store: the only module that knows newsrake's schema.

One file holds the articles (with FTS5 on title and text), the raw pages
(compressed, in a table of their own), the feeds with their polling
state and a row per run. Migrations are explicit, numbered and recorded in
``newsrake_migrations``; opening a store applies the missing ones.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipelines import raw_body
from pipelines.raw_body import Compressed
from pipelines.records import ArticleFailure, FeedFetch, RawPage, utc_now
from pipelines.url_identity import url_key

if TYPE_CHECKING:  # the storage driver is loaded when a store is opened (`last_crawl_stored_articles` needs none)
    import sqlite_utils

    from cleaners import Article, FeedEntry

BUSY_TIMEOUT_MS = 5000


class StoreError(Exception):
    """The database cannot be opened, read or written; the message is for the user."""


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


@dataclass(frozen=True)
class ArticleRecord:
    """One article to store with `Store.save_articles`: the arguments of `Store.save_article`."""

    page: RawPage
    article: Article
    source: str | None
    feed_url: str | None
    run_id: int | None
    replace: bool = False
    stored_body: Compressed | None = None
    """The page's body already compressed (then ``page.body`` may be empty); compressed when stored if not."""


@dataclass(frozen=True)
class Saved:
    """What `Store.save_articles` did with one article."""

    article_id: int | None
    """The stored article's id; None if it was already stored, a duplicate, or not stored because of ``error``."""
    error: str | None = None
    """Why this article alone could not be stored (its writes were rolled back); None if it was."""
    duplicate_of: int | None = None
    """The stored article this page duplicates (the same canonical URL): recorded in `duplicates`, not stored."""


ARTICLE_ERRORS = (sqlite3.DataError, ValueError, OverflowError)
"""Errors that concern one article's values (text that cannot be encoded, a value too big), not the
database: that article is skipped, the rest stored. Any other `sqlite3.Error` is the database's."""


@dataclass(frozen=True)
class StoredPage:
    """A stored article's raw page and the feed data it was cleaned with (for recleaning)."""

    id: int
    url: str
    final_url: str | None
    source: str | None
    title: str | None
    text: str | None
    guid: str | None
    feed_title: str | None
    feed_summary: str | None
    feed_published: str | None
    feed_published_raw: str | None
    feed_updated: str | None
    content_type: str | None
    body: Compressed
    """The raw page, compressed as stored."""
    fetched_at: str | None = None
    """When the raw page was fetched (ISO 8601 UTC): a reclean reads the page's dates against it."""


@dataclass(frozen=True)
class StoredFilter:
    """Which stored articles to select: stale ones (another cleaner version), or all; by source, date, URL."""

    stale_for: str | None = None
    """Select articles whose cleaner_version differs from this; None selects every version."""
    stale_for_sources: tuple[tuple[str, str], ...] = ()
    """(source, version) pairs for sources whose current version differs (their own rules)."""
    sources: tuple[str, ...] = ()
    since: str | None = None
    """Only articles fetched at or after this ISO 8601 time."""
    urls: tuple[str, ...] = ()

    def sql(self) -> tuple[str, list[Any]]:
        """The WHERE clause over ``articles a`` and its parameters."""
        clauses: list[str] = ["1"]
        params: list[Any] = []
        if self.stale_for is not None:
            cases = " ".join("WHEN ? THEN ?" for _ in self.stale_for_sources)
            clauses.append(f"a.cleaner_version IS NOT (CASE a.source {cases} ELSE ? END)" if cases else
                           "a.cleaner_version IS NOT ?")  # fmt: skip
            params.extend(value for pair in self.stale_for_sources for value in pair)
            params.append(self.stale_for)
        if self.sources:
            clauses.append(f"a.source IN ({','.join('?' * len(self.sources))})")
            params.extend(self.sources)
        if self.since:
            clauses.append("a.fetched_at >= ?")
            params.append(self.since)
        if self.urls:
            clauses.append(f"a.url IN ({','.join('?' * len(self.urls))})")
            params.extend(self.urls)
        return " AND ".join(clauses), params


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


@dataclass(frozen=True)
class ArticleState:
    """What the store knows of an article before it is requested (`Store.article_state`): one query."""

    stored: bool = False
    """An article is stored under this URL, this canonical URL, or this GUID of the same feed."""
    feed_updated: str | None = None
    """The feed's updated date the article stored under this very URL was stored with."""
    url_stored: bool = False
    """An article is stored under this very URL (as against its canonical URL or GUID)."""
    duplicate: bool = False
    """The URL was fetched before and found to duplicate a stored article."""
    attempts: int | None = None
    """Failed attempts so far when the article is pending (`pending_articles`); None when it is not."""
    next_try_at: str | None = None
    given_up_at: str | None = None


@dataclass(frozen=True)
class PendingArticle:
    """An article that failed in an earlier run and is due to be tried again."""

    link: str
    """The URL to fetch, as published."""
    source: str | None
    feed_url: str | None
    entry: FeedEntry | None
    attempts: int


def _canonical_key(canonical_url: str | None) -> str | None:
    """The key of a page's canonical URL, or None when it has none or names a site's home page (a site that
    gives every page its home page as canonical URL would make every article a duplicate of the first)."""
    key = url_key(canonical_url) if canonical_url else None
    if key is None:
        return None
    path_and_query = key.split("/", 3)[3] if key.count("/") >= 3 else ""
    return key if path_and_query else None


def _entry_json(entry: FeedEntry | None) -> str | None:
    return _json(entry.to_dict()) if entry is not None else None


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


def _m001_initial(db: sqlite_utils.Database) -> None:
    db.table("feeds").create(
        {
            "url": str,
            "source": str,
            "title": str,
            "site_url": str,
            "first_seen": str,
            "last_fetched": str,
            "last_status": int,
            "etag": str,
            "last_modified": str,
            "failures_in_row": int,
            "next_poll_at": str,
            "last_error": str,
            "bozo": int,
            "bozo_reason": str,
            "entries_last": int,
            "articles_stored": int,
            "last_article_at": str,
        },
        pk="url",
        defaults={"failures_in_row": 0, "articles_stored": 0, "bozo": 0},
    )
    db.table("articles").create(
        {
            "id": int,
            "url": str,
            "final_url": str,
            "canonical_url": str,
            "source": str,
            "feed_url": str,
            "guid": str,
            "title": str,
            "text": str,
            "authors": str,
            "published": str,
            "published_raw": str,
            "language": str,
            "description": str,
            "image": str,
            "tags": str,
            "site_name": str,
            "feed_title": str,
            "feed_summary": str,
            "feed_published": str,
            "feed_published_raw": str,
            "problems": str,
            "fetched_at": str,
            "cleaned_at": str,
            "cleaner_version": str,
            "run_id": int,
        },
        pk="id",
        not_null=["url"],
    )
    db.table("articles").create_index(["url"], unique=True)
    db.table("articles").create_index(["guid"])
    db.table("articles").create_index(["source", "published"])
    db.table("articles").create_index(["published"])
    db.table("articles").create_index(["cleaner_version"])
    db.table("articles").enable_fts(["title", "text"], fts_version="FTS5", create_triggers=True)
    db.table("raw_pages").create(
        {
            "article_id": int,
            "url": str,
            "final_url": str,
            "status": int,
            "headers": str,
            "content_type": str,
            "body": bytes,
            "body_encoding": str,
            "body_size": int,
            "fetched_at": str,
        },
        pk="article_id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db.table("runs").create(
        {
            "id": int,
            "command": str,
            "started_at": str,
            "finished_at": str,
            "outcome": str,
            "pid": int,
            "feeds_fetched": int,
            "feeds_failed": int,
            "articles_new": int,
            "articles_skipped": int,
            "articles_failed": int,
            "options": str,
            "stats": str,
        },
        pk="id",
    )


def _m002_cleaning_audit(db: sqlite_utils.Database) -> None:
    """The `credit` column and the `removals` audit table (one row per thing a cleaner removed)."""
    db.table("articles").add_column("credit", str)
    db.table("removals").create(
        {"article_id": int, "position": int, "cleaner": str, "stage": str, "text": str},
        pk=("article_id", "position"),
        foreign_keys=[("article_id", "articles", "id")],
    )
    db.table("removals").create_index(["cleaner"])


def _m003_polling_state(db: sqlite_utils.Database) -> None:
    """Feed polling state beyond ETag/Last-Modified, and per-feed counts of each run."""
    feeds = db.table("feeds")
    feeds.add_column("moved_to", str)
    feeds.add_column("retired_at", str)
    feeds.add_column("last_success", str)
    runs = db.table("runs")
    runs.add_column("feeds_unchanged", int)
    runs.add_column("feed_counts", str)


def _m004_article_versions(db: sqlite_utils.Database) -> None:
    """The feed's updated date per article, and earlier versions of re-fetched articles."""
    db.table("articles").add_column("feed_updated", str)
    db.table("article_versions").create(
        {
            "id": int, "article_id": int, "title": str, "text": str, "cleaner_version": str,
            "fetched_at": str, "feed_updated": str, "replaced_at": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
    )  # fmt: skip
    db.table("article_versions").create_index(["article_id"])


def _m005_fts_on_text_changes(db: sqlite_utils.Database) -> None:
    """Re-index full text only when the title or text change (not when a version or counter does)."""
    db.execute("DROP TRIGGER IF EXISTS [articles_au]")
    db.execute(
        """CREATE TRIGGER [articles_au] AFTER UPDATE OF [title], [text] ON [articles] BEGIN
             INSERT INTO [articles_fts] ([articles_fts], rowid, [title], [text])
               VALUES ('delete', old.rowid, old.[title], old.[text]);
             INSERT INTO [articles_fts] (rowid, [title], [text]) VALUES (new.rowid, new.[title], new.[text]);
           END"""
    )


def _m006_browse_view(db: sqlite_utils.Database) -> None:
    """A view of articles with the feed that listed them, for browsing in Datasette."""
    db.create_view(
        "articles_browse",
        """SELECT a.id, a.published, a.source, f.title AS feed, a.title, a.language,
                  length(a.text) AS chars, a.url, a.feed_url
           FROM articles a LEFT JOIN feeds f ON f.url = a.feed_url""",
    )


def _m007_feed_body_digest(db: sqlite_utils.Database) -> None:
    """The digest of each feed's last parsed body: an unchanged body from a server without validators is
    not parsed again."""
    db.table("feeds").add_column("body_sha256", str)


def _m008_syndicated_from(db: sqlite_utils.Database) -> None:
    """The publication a syndication note names as the article's first publisher."""
    db.table("articles").add_column("syndicated_from", str)


def _m009_pending_articles(db: sqlite_utils.Database) -> None:
    """Articles that failed (5xx, timeout, back-off, robots unreachable) and are tried again in later runs,
    whatever their feed says, until they are stored or given up."""
    db.table("pending_articles").create(
        {
            "url": str, "link": str, "source": str, "feed_url": str, "guid": str, "entry": str, "attempts": int,
            "last_status": int, "last_error": str, "first_failed_at": str, "last_tried_at": str,
            "next_try_at": str, "given_up_at": str, "run_id": int,
        },
        pk="url",
        not_null=["link"],
        defaults={"attempts": 0},
    )  # fmt: skip
    db.table("pending_articles").create_index(["next_try_at"])


def _m010_canonical_duplicates(db: sqlite_utils.Database) -> None:
    """The key of each article's canonical URL, and the pages found to duplicate a stored article. Existing
    articles get their canonical key here."""
    articles = db.table("articles")
    articles.add_column("canonical_key", str)
    rows = db.execute("SELECT id, canonical_url FROM articles WHERE canonical_url IS NOT NULL").fetchall()
    db.conn.executemany(
        "UPDATE articles SET canonical_key = ? WHERE id = ?",
        [(key, article_id) for article_id, canonical in rows if (key := _canonical_key(canonical))],
    )
    articles.create_index(["canonical_key"])
    db.table("duplicates").create(
        {
            "url": str, "link": str, "duplicate_of": int, "canonical_url": str, "source": str, "feed_url": str,
            "found_at": str, "run_id": int,
        },
        pk="url",
        foreign_keys=[("duplicate_of", "articles", "id")],
    )  # fmt: skip
    db.table("duplicates").create_index(["duplicate_of"])


MIGRATIONS: tuple[tuple[str, Callable[[sqlite_utils.Database], None]], ...] = (
    ("001_initial", _m001_initial),
    ("002_cleaning_audit", _m002_cleaning_audit),
    ("003_polling_state", _m003_polling_state),
    ("004_article_versions", _m004_article_versions),
    ("005_fts_on_text_changes", _m005_fts_on_text_changes),
    ("006_browse_view", _m006_browse_view),
    ("007_feed_body_digest", _m007_feed_body_digest),
    ("008_syndicated_from", _m008_syndicated_from),
    ("009_pending_articles", _m009_pending_articles),
    ("010_canonical_duplicates", _m010_canonical_duplicates),
)
"""Every schema change, in order. Append; never edit one that has shipped."""


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


def _after(timestamp: str, seconds: float) -> str:
    start = datetime.strptime(timestamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    return (start + timedelta(seconds=seconds)).strftime("%Y-%m-%dT%H:%M:%SZ")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


class Store:
    """A newsrake SQLite file. Open with `Store.open`; close when done."""

    def __init__(self, db: sqlite_utils.Database, path: str) -> None:
        self.db = db
        self.path = path

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
                if db.journal_mode != "wal":
                    db.enable_wal()
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

    def known_urls(self, urls: Iterable[str]) -> set[str]:
        """Those of ``urls`` that already have an article row (indexed look-ups)."""
        return self._known("url", urls)

    def known_guids(self, guids: Iterable[str]) -> set[str]:
        """Those of ``guids`` that a stored article already has (indexed look-ups)."""
        return self._known("guid", (g for g in guids if g))

    def _known(self, column: str, values: Iterable[str]) -> set[str]:
        """Those of ``values`` found in ``articles.<column>`` (an indexed column), 500 at a time."""
        wanted = list(dict.fromkeys(values))
        found: set[str] = set()
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.db.conn.execute(f"SELECT {column} FROM articles WHERE {column} IN ({marks})", chunk)
            found.update(row[0] for row in rows)
        return found

    def article_state(self, keys: Sequence[str], guid: str | None = None, feed_url: str | None = None) -> ArticleState:
        """What the store knows of the article at one of ``keys`` (its key, then older spellings of it), or
        with ``guid`` in the feed ``feed_url``: stored, a known duplicate, pending. One query, index searches."""
        key = keys[0]
        spellings = list(dict.fromkeys(keys))
        marks = ",".join("?" * len(spellings))
        rows = self.db.conn.execute(
            f"""SELECT 'url', feed_updated, NULL, NULL, NULL FROM articles WHERE url IN ({marks})
                UNION ALL SELECT 'canonical', NULL, NULL, NULL, NULL FROM articles WHERE canonical_key = ?
                UNION ALL SELECT 'guid', NULL, NULL, NULL, NULL FROM articles WHERE guid = ? AND feed_url = ?
                UNION ALL SELECT 'duplicate', NULL, NULL, NULL, NULL FROM duplicates WHERE url = ?
                UNION ALL SELECT 'pending', NULL, attempts, next_try_at, given_up_at
                    FROM pending_articles WHERE url = ?""",
            [*spellings, key, guid, feed_url, key, key],
        ).fetchall()
        kinds = {row[0]: row for row in rows}
        pending = kinds.get("pending")
        return ArticleState(
            stored=bool(kinds.keys() & {"url", "canonical", "guid"}),
            feed_updated=kinds["url"][1] if "url" in kinds else None,
            url_stored="url" in kinds,
            duplicate="duplicate" in kinds,
            attempts=int(pending[2] or 0) if pending else None,
            next_try_at=pending[3] if pending else None,
            given_up_at=pending[4] if pending else None,
        )

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

    def feed_state(self, url: str) -> FeedState | None:
        """The remembered state of a feed (by the URL it is listed under), or None if never fetched."""
        row = self.db.conn.execute(
            "SELECT url, etag, last_modified, failures_in_row, next_poll_at, moved_to, retired_at, body_sha256"
            " FROM feeds WHERE url = ?",
            (url,),
        ).fetchone()
        return FeedState(*row) if row else None

    def count(self, table: str) -> int:
        """Rows in ``table``."""
        return int(self.db.conn.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0])

    def raw_body(self, article_id: int) -> bytes | None:
        """The decompressed raw page of an article."""
        query = "SELECT body, body_encoding FROM raw_pages WHERE article_id = ?"
        row = self.db.conn.execute(query, (article_id,)).fetchone()
        return raw_body.decompress(row[0], row[1]) if row and row[0] is not None else None

    # -- writes -----------------------------------------------------------

    def save_article(
        self,
        page: RawPage,
        article: Article,
        *,
        source: str | None,
        feed_url: str | None,
        run_id: int | None,
        replace: bool = False,
        stored_body: Compressed | None = None,
    ) -> int | None:
        """Store the raw page, the article and the feed's counters in one transaction.

        Returns the article's id, or None when an article with that URL was
        already stored (nothing is written then) - unless ``replace``: then
        the stored text goes to `article_versions` and the new page and
        article take its place. ``stored_body`` is the page's body already
        compressed (compressed here if not given). Inside a transaction
        (`save_articles`) it is a savepoint.
        """
        return self._write(ArticleRecord(page, article, source, feed_url, run_id, replace, stored_body)).article_id

    def _write(self, record: ArticleRecord) -> Saved:
        """`save_article` for one record: its own transaction, or a savepoint inside one.

        The article is stored under the key of its URL (`url_key`). A page whose canonical URL is the key or
        the canonical URL of another stored article is a duplicate: recorded in `duplicates`, not stored.
        """
        page, article, feed_url = record.page, record.article, record.feed_url
        entry = article.feed_entry
        canonical_key = _canonical_key(article.canonical_url)
        row = {
            "url": url_key(article.url) or article.url,
            "final_url": article.final_url,
            "canonical_url": article.canonical_url,
            "canonical_key": canonical_key,
            "source": record.source,
            "feed_url": feed_url,
            "guid": entry.guid if entry else None,
            "title": article.title,
            "text": article.text,
            "authors": _json(list(article.authors)),
            "published": article.published,
            "published_raw": article.published_raw,
            "language": article.language,
            "description": article.description,
            "image": article.image,
            "tags": _json(list(article.tags)),
            "site_name": article.site_name,
            "feed_title": entry.title if entry else None,
            "feed_summary": entry.summary if entry else None,
            "feed_published": entry.published if entry else None,
            "feed_published_raw": entry.published_raw if entry else None,
            "feed_updated": entry.updated_raw if entry else None,
            "problems": _json(list(article.problems)),
            "credit": article.credit,
            "syndicated_from": article.syndicated_from,
            "fetched_at": page.fetched_at,
            "cleaned_at": utc_now(),
            "cleaner_version": article.cleaner_version,
            "run_id": record.run_id,
        }
        columns = ", ".join(row)
        marks = ", ".join("?" * len(row))
        conn = self.db.conn
        with self.db.atomic():
            if canonical_key is None:
                insert = f"INSERT OR IGNORE INTO articles ({columns}) VALUES ({marks})"
                cursor = conn.execute(insert, list(row.values()))
            else:  # not if its canonical URL is stored already: one statement still
                insert = (f"INSERT OR IGNORE INTO articles ({columns}) SELECT {marks} WHERE NOT EXISTS"
                          " (SELECT 1 FROM articles WHERE canonical_key = ? OR url = ?)")  # fmt: skip
                cursor = conn.execute(insert, [*row.values(), canonical_key, canonical_key])
            is_new = bool(cursor.rowcount)
            if is_new:
                article_id = cursor.lastrowid
            elif conn.execute("SELECT 1 FROM articles WHERE url = ?", (row["url"],)).fetchone() is None:
                return Saved(None, duplicate_of=self._record_duplicate(record, row))
            elif record.replace:
                article_id = self._archive_and_update(row)
            else:
                return Saved(None)
            body = record.stored_body or raw_body.compress(page.body)
            conn.execute(
                "INSERT OR REPLACE INTO raw_pages VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    article_id,
                    page.url,
                    page.final_url,
                    page.status,
                    _json(dict(page.headers)),
                    page.content_type,
                    body.data,
                    body.encoding,
                    body.size,
                    page.fetched_at,
                ),
            )
            self._write_removals(article_id, article)
            if feed_url and is_new:
                conn.execute(
                    "UPDATE feeds SET articles_stored = articles_stored + 1, last_article_at = ? WHERE url = ?",
                    (page.fetched_at, feed_url),
                )
        return Saved(article_id)

    def _record_duplicate(self, record: ArticleRecord, row: Mapping[str, Any]) -> int:
        """Record that the page of ``row`` duplicates a stored article (inside `_write`); return that one's id."""
        conn = self.db.conn
        key = row["canonical_key"]
        query = "SELECT id FROM articles WHERE url = ? OR canonical_key = ? ORDER BY id LIMIT 1"
        original = int(conn.execute(query, (key, key)).fetchone()[0])
        conn.execute(
            """INSERT OR REPLACE INTO duplicates (url, link, duplicate_of, canonical_url, source, feed_url, found_at,
                   run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
            (row["url"], record.page.url, original, row["canonical_url"], record.source, record.feed_url,
             record.page.fetched_at, record.run_id),
        )  # fmt: skip
        return original

    def save_articles(
        self, records: Sequence[ArticleRecord], failures: Sequence[ArticleFailure] = (), run_id: int | None = None
    ) -> list[Saved]:
        """Store many articles, and the articles that failed, in one transaction (one commit), each article
        in a savepoint of its own; articles stored (or found duplicates) are no longer pending.

        Each article is all-or-nothing: one whose values cannot be written
        (`ARTICLE_ERRORS`) is rolled back alone and reported in its `Saved`.
        An error of the database itself (disk full, I/O, locked) raises
        `sqlite3.Error` and rolls the whole batch back: nothing of it is
        stored, so nothing of it counts as seen, and the next run fetches it.
        """
        saved = []
        with self.db.atomic():
            self._record_failures(failures, run_id)
            for record in records:
                try:
                    saved.append(self._write(record))
                except ARTICLE_ERRORS as error:
                    saved.append(Saved(None, f"{type(error).__name__}: {error}"))
            done = [url_key(r.article.url) or r.article.url for r, s in zip(records, saved, strict=True) if not s.error]
            for start in range(0, len(done), 500):
                chunk = done[start : start + 500]
                self.db.conn.execute(f"DELETE FROM pending_articles WHERE url IN ({','.join('?' * len(chunk))})", chunk)
        return saved

    def _record_failures(self, failures: Iterable[ArticleFailure], run_id: int | None) -> None:
        """Add or update the `pending_articles` rows of articles that failed (inside a transaction)."""
        self.db.conn.executemany(
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

    def _archive_and_update(self, row: Mapping[str, Any]) -> int:
        """Keep the stored version of ``row["url"]`` in `article_versions`, then update the article."""
        conn = self.db.conn
        article_id = int(conn.execute("SELECT id FROM articles WHERE url = ?", (row["url"],)).fetchone()[0])
        conn.execute(
            """INSERT INTO article_versions (article_id, title, text, cleaner_version, fetched_at, feed_updated,
                   replaced_at)
               SELECT id, title, text, cleaner_version, fetched_at, feed_updated, ? FROM articles WHERE id = ?""",
            (utc_now(), article_id),
        )
        assignments = ", ".join(f"{column} = ?" for column in row if column != "url")
        values = [value for column, value in row.items() if column != "url"]
        conn.execute(f"UPDATE articles SET {assignments} WHERE id = ?", [*values, article_id])
        return article_id

    def stored_updated(self, url: str) -> tuple[bool, str | None]:
        """Whether ``url`` is stored, and the feed's updated date it was stored with."""
        row = self.db.conn.execute("SELECT feed_updated FROM articles WHERE url = ?", (url,)).fetchone()
        return (row is not None, row[0] if row else None)

    def _write_removals(self, article_id: int | None, article: Article) -> None:
        """Replace an article's audit trail (call inside a transaction)."""
        self.db.conn.execute("DELETE FROM removals WHERE article_id = ?", (article_id,))
        self.db.conn.executemany(
            "INSERT INTO removals (article_id, position, cleaner, stage, text) VALUES (?, ?, ?, ?, ?)",
            [(article_id, i, r.cleaner, r.stage, r.text) for i, r in enumerate(article.removals)],
        )

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

    # -- recleaning ---------------------------------------------------------

    def stored_pages(self, where: StoredFilter, batch: int = 200) -> Iterator[StoredPage]:
        """Stream the stored pages that ``where`` selects, in id order, ``batch`` rows a query.

        Keyset pagination: no read cursor stays open between batches, so the
        caller may write in between and memory stays flat.
        """
        last = 0
        while True:
            sql, params = where.sql()
            rows = self.db.conn.execute(
                f"""SELECT a.id, a.url, a.final_url, a.source, a.title, a.text, a.guid, a.feed_title,
                           a.feed_summary, a.feed_published, a.feed_published_raw, a.feed_updated,
                           r.content_type, r.body, r.body_size, r.body_encoding, r.fetched_at
                    FROM articles a JOIN raw_pages r ON r.article_id = a.id
                    WHERE a.id > ? AND {sql} ORDER BY a.id LIMIT ?""",
                [last, *params, batch],
            ).fetchall()
            if not rows:
                return
            for row in rows:
                body, size, encoding, fetched_at = row[-4:]
                yield StoredPage(*(*row[:-4], Compressed(body, size or 0, encoding), fetched_at))
            last = rows[-1][0]

    def count_pages(self, where: StoredFilter) -> int:
        """How many stored pages ``where`` selects."""
        sql, params = where.sql()
        query = f"SELECT count(*) FROM articles a JOIN raw_pages r ON r.article_id = a.id WHERE {sql}"
        return int(self.db.conn.execute(query, params).fetchone()[0])

    def save_recleaned(self, results: Iterable[tuple[int, Article]]) -> None:
        """Write re-cleaned articles (their cleaned fields, version and audit trail) in one transaction."""
        conn = self.db.conn
        with self.db.atomic():
            for article_id, article in results:
                conn.execute(
                    """UPDATE articles SET canonical_url = ?, canonical_key = ?, title = ?, text = ?, authors = ?,
                           published = ?,
                           published_raw = ?, language = ?, description = ?, image = ?, tags = ?, site_name = ?,
                           credit = ?, syndicated_from = ?, problems = ?, cleaned_at = ?, cleaner_version = ?
                       WHERE id = ?""",
                    (
                        article.canonical_url, _canonical_key(article.canonical_url), article.title, article.text,
                        _json(list(article.authors)),
                        article.published, article.published_raw, article.language, article.description,
                        article.image, _json(list(article.tags)), article.site_name, article.credit,
                        article.syndicated_from, _json(list(article.problems)), utc_now(), article.cleaner_version,
                        article_id,
                    ),
                )  # fmt: skip
                self._write_removals(article_id, article)

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
                (command, utc_now(), os.getpid(), _json(dict(options))),
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
                    _json(dict(stats)),
                    _json({k: dict(v) for k, v in (feed_counts or {}).items()}),
                    run_id,
                ),
            )
