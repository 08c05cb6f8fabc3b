"""The schema of newsrake's SQLite file and its migrations: the only place with DDL.

Migrations are explicit, numbered and recorded in ``newsrake_migrations``; opening a store applies the missing
ones (`Store.migrate`). What each column of ``articles`` holds and how it is written is `columns.ARTICLE_COLUMNS`;
a test checks that a database built by these migrations has exactly the registry's columns.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from pipelines.store.values import canonical_key as _canonical_key

if TYPE_CHECKING:
    import sqlite_utils


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


def _m011_stories(db: sqlite_utils.Database) -> None:
    """Stories: each article's story, its similarity to the article it joined and how it was joined, its text
    hash; the MinHash fingerprints and their LSH band keys (`pipelines.fingerprint`); the story's size in
    ``articles_browse``. Articles stored before this have no story until ``newsrake stories --rebuild``."""
    articles = db.table("articles")
    articles.add_column("story_id", int)
    articles.add_column("similarity", float)
    articles.add_column("story_role", str)
    articles.add_column("story_match", str)
    articles.add_column("text_hash", str)
    articles.create_index(["story_id"])
    articles.create_index(["text_hash"])
    articles.create_index(["fetched_at"])  # the stories of the last day or week (Datasette's stored queries)
    db.execute(
        """CREATE TABLE fingerprints (
             article_id INTEGER PRIMARY KEY REFERENCES articles(id),
             scheme TEXT NOT NULL,
             signature BLOB NOT NULL,
             shingles INTEGER NOT NULL
           )"""
    )
    db.execute(  # one row per band: a candidate look-up is one index search per band, at any size
        """CREATE TABLE story_bands (
             key INTEGER NOT NULL,
             article_id INTEGER NOT NULL REFERENCES articles(id),
             PRIMARY KEY (key, article_id)
           ) WITHOUT ROWID"""
    )
    db.execute("CREATE INDEX story_bands_article_id ON story_bands (article_id)")
    db.execute("DROP VIEW IF EXISTS articles_browse")
    db.create_view(
        "articles_browse",
        """SELECT a.id, a.published, a.source, f.title AS feed, a.title, a.language,
                  length(a.text) AS chars,
                  CASE WHEN a.story_id IS NOT NULL
                       THEN (SELECT count(*) FROM articles s WHERE s.story_id = a.story_id) END AS story_size,
                  a.story_role, a.url, a.feed_url
           FROM articles a LEFT JOIN feeds f ON f.url = a.feed_url""",
    )


def _m012_adaptive_polling(db: sqlite_utils.Database) -> None:
    """Adaptive polling (`pipelines.polling`): each feed's interval and why, and what the policy remembers."""
    feeds = db.table("feeds")
    feeds.add_column("poll_interval", int)
    feeds.add_column("poll_reason", str)
    feeds.add_column("polled_at", str)
    feeds.add_column("poll_rate", float)
    feeds.add_column("poll_exposure", float)
    feeds.add_column("poll_quiet", int)
    feeds.add_column("poll_keys", str)


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
    ("011_stories", _m011_stories),
    ("012_adaptive_polling", _m012_adaptive_polling),
)
"""Every schema change, in order. Append; never edit one that has shipped."""
