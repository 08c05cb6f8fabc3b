"""Article writes: a fetched page and its cleaned article (and its audit trail) in one savepoint, many in one
transaction; a page whose canonical URL is stored already is recorded as a duplicate instead."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pipelines import raw_body
from pipelines.raw_body import Compressed
from pipelines.records import ArticleFailure, RawPage, utc_now
from pipelines.store.pending import record_failures
from pipelines.store.stories import Stories
from pipelines.store.values import json_text
from pipelines.url_identity import url_key

if TYPE_CHECKING:
    from cleaners import Article
    from pipelines.fingerprint import Fingerprint


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
    fingerprint: Fingerprint | None = None
    """The fingerprint of the article's text (`pipelines.fingerprint`): None when too short, or not computed."""


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


def write_removals(conn: sqlite3.Connection, article_id: int | None, article: Article) -> None:
    """Replace an article's audit trail (call inside a transaction)."""
    conn.execute("DELETE FROM removals WHERE article_id = ?", (article_id,))
    conn.executemany(
        "INSERT INTO removals (article_id, position, cleaner, stage, text) VALUES (?, ?, ?, ?, ?)",
        [(article_id, i, r.cleaner, r.stage, r.text) for i, r in enumerate(article.removals)],
    )


class ArticleWrites(Stories):
    """Storing articles (`Store.save_articles`)."""

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
        The row is the registry's (`columns.ARTICLE_COLUMNS`); its INSERT is hand-written SQL, built once by the
        registry: this is the crawl's hot path, and sqlite-utils' ``table.insert(row, ignore=True)`` measured
        about 3x slower a row (about 300 against 90 microseconds, 2000 rows in one transaction); nor can it say
        "unless its canonical URL is stored" in the same statement.
        """
        page, article, feed_url = record.page, record.article, record.feed_url
        row = self.columns.row(record)
        canonical_key = row["canonical_key"]
        conn = self.db.conn
        with self.db.atomic():
            if canonical_key is None:
                cursor = conn.execute(self.columns.insert, list(row.values()))
            else:  # not if its canonical URL is stored already: one statement still
                insert = self.columns.insert_unless_canonical
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
                    json_text(dict(page.headers)),
                    page.content_type,
                    body.data,
                    body.encoding,
                    body.size,
                    page.fetched_at,
                ),
            )
            write_removals(conn, article_id, article)
            if self.stories_enabled and article_id is not None:
                self.place(article_id, row["url"], row["canonical_key"], record.fingerprint, again=not is_new)
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
            record_failures(self.db.conn, failures, run_id)
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
