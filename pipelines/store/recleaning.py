"""Reclean streaming: the stored pages a reclean selects, read in batches, and its results written back. The
columns read and rewritten are the registry's (`columns.ARTICLE_COLUMNS`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pipelines.raw_body import Compressed
from pipelines.store.articles import write_removals
from pipelines.store.stories import Stories

if TYPE_CHECKING:
    from cleaners import Article
    from pipelines.fingerprint import Fingerprint


@dataclass(frozen=True)
class StoredPage:
    """A stored article's raw page and the feed data it was cleaned with (for recleaning)."""

    values: Mapping[str, Any]
    """The article's columns that the registry reads back (`Column.read_back`): id, url, title, feed entry ..."""
    content_type: str | None
    body: Compressed
    """The raw page, compressed as stored."""
    fetched_at: str | None = None
    """When the raw page was fetched (ISO 8601 UTC): a reclean reads the page's dates against it."""

    @property
    def id(self) -> int:
        return int(self.values["id"])

    @property
    def url(self) -> str:
        return str(self.values["url"])

    def get(self, column: str) -> str | None:
        """The stored value of a text column read back (None when empty)."""
        value = self.values.get(column)
        return None if value is None else str(value)


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


class Recleaning(Stories):
    """Reading stored pages for a reclean and writing its results."""

    def stored_pages(self, where: StoredFilter, batch: int = 200) -> Iterator[StoredPage]:
        """Stream the stored pages that ``where`` selects, in id order, ``batch`` rows a query.

        Keyset pagination: no read cursor stays open between batches, so the
        caller may write in between and memory stays flat.
        """
        names = self.columns.read_back
        selected = ", ".join(f"a.{name}" for name in names)
        last = 0
        while True:
            sql, params = where.sql()
            rows = self.db.conn.execute(
                f"""SELECT {selected}, r.content_type, r.body, r.body_size, r.body_encoding, r.fetched_at
                    FROM articles a JOIN raw_pages r ON r.article_id = a.id
                    WHERE a.id > ? AND {sql} ORDER BY a.id LIMIT ?""",
                [last, *params, batch],
            ).fetchall()
            if not rows:
                return
            for row in rows:
                content_type, body, size, encoding, fetched_at = row[len(names) :]
                values = dict(zip(names, row, strict=False))
                yield StoredPage(values, content_type, Compressed(body, size or 0, encoding), fetched_at)
            last = int(values["id"])

    def count_pages(self, where: StoredFilter) -> int:
        """How many stored pages ``where`` selects."""
        sql, params = where.sql()
        query = f"SELECT count(*) FROM articles a JOIN raw_pages r ON r.article_id = a.id WHERE {sql}"
        return int(self.db.conn.execute(query, params).fetchone()[0])

    def save_recleaned(
        self, results: Iterable[tuple[int, Article]], new_texts: Mapping[int, Fingerprint | None] | None = None
    ) -> None:
        """Write re-cleaned articles (their cleaned fields, version and audit trail) in one transaction; those in
        ``new_texts`` (whose text changed, with its new fingerprint) are placed in their story again."""
        conn = self.db.conn
        update = self.columns.reclean_update
        with self.db.atomic():
            for article_id, article in results:
                conn.execute(update, [*self.columns.recleaned_values(article), article_id])
                write_removals(conn, article_id, article)
                if new_texts is not None and article_id in new_texts and self.stories_enabled:
                    self.place_again(article_id, new_texts[article_id])
