"""Reads of the crawl: which articles are known (the seen check before a request), row counts, raw pages."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from pipelines import raw_body
from pipelines.store.base import StoreBase


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


class Reads(StoreBase):
    """What the store knows of articles before they are fetched."""

    def known_urls(self, urls: Iterable[str]) -> set[str]:
        """Those of ``urls`` that already have an article row (indexed look-ups)."""
        return self._known("url", urls)

    def known_guids(self, guids: Iterable[str]) -> set[str]:
        """Those of ``guids`` that a stored article already has (indexed look-ups)."""
        return self._known("guid", (g for g in guids if g))

    def seen_keys(self) -> Iterator[str]:
        """Every key an article is known by, for a frontier that must not fetch it again: the URL keys of
        stored articles, their canonical keys, ``guid <feed URL> <GUID>`` of their GUIDs, the URLs of known
        duplicates and of pending articles (which come back when due, by their own path)."""
        yield from self._column("SELECT url FROM articles")
        yield from self._column("SELECT canonical_key FROM articles WHERE canonical_key IS NOT NULL")
        yield from self._column(
            "SELECT 'guid ' || feed_url || ' ' || guid FROM articles WHERE guid IS NOT NULL AND feed_url IS NOT NULL"
        )
        yield from self._column("SELECT url FROM duplicates")
        yield from self._column("SELECT url FROM pending_articles")

    def _column(self, query: str) -> Iterator[str]:
        cursor = self.db.conn.execute(query)
        while rows := cursor.fetchmany(5000):
            yield from (row[0] for row in rows if row[0])

    def feed_states(self) -> list[tuple[str, str | None, str | None, str | None, str | None, str | None, int, Any]]:
        """Every feed's url, ETag, Last-Modified, body digest, moved-to URL, retired date, failures in a row
        and next poll time."""
        return [
            (row[0], row[1], row[2], row[3], row[4], row[5], int(row[6] or 0), row[7])
            for row in self.db.conn.execute(
                "SELECT url, etag, last_modified, body_sha256, moved_to, retired_at, failures_in_row, next_poll_at"
                " FROM feeds"
            )
        ]

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

    def count(self, table: str) -> int:
        """Rows in ``table``."""
        return int(self.db.conn.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0])

    def raw_body(self, article_id: int) -> bytes | None:
        """The decompressed raw page of an article."""
        query = "SELECT body, body_encoding FROM raw_pages WHERE article_id = ?"
        row = self.db.conn.execute(query, (article_id,)).fetchone()
        return raw_body.decompress(row[0], row[1]) if row and row[0] is not None else None

    def stored_updated(self, url: str) -> tuple[bool, str | None]:
        """Whether ``url`` is stored, and the feed's updated date it was stored with."""
        row = self.db.conn.execute("SELECT feed_updated FROM articles WHERE url = ?", (url,)).fetchone()
        return (row is not None, row[0] if row else None)
