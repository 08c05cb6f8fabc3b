"""Stories over a whole database: `rebuild` every fingerprint and story from the stored texts, `summarise` them,
and find an article by URL (`find_article`). The story of each article as it is stored is the store's
(`pipelines.store.stories`); this is what ``newsrake stories`` runs."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from pipelines.fingerprint import fingerprint_or_problem
from pipelines.store import Store, StoreError
from pipelines.url_identity import url_key

Progress = Callable[[int, int], None]
"""Called with (articles done, articles in all)."""


@dataclass(frozen=True)
class StoryCounts:
    """How the stored articles fall into stories."""

    articles: int
    placed: int
    """Articles with a story (the others were stored before stories existed: ``--rebuild`` places them)."""
    stories: int
    copies: int
    stories_with_copies: int
    stories_across_sources: int
    """Stories carried by more than one source."""
    unfingerprinted: int
    """Articles placed alone because their text is too short (or could not be fingerprinted)."""

    def summary(self) -> str:
        """The one-line summary."""
        line = (
            f"newsrake stories: {_count(self.articles, 'article')} in {_count(self.stories, 'story')}; "
            f"{_count(self.copies, 'copy')} in {_count(self.stories_with_copies, 'story')}, "
            f"{self.stories_across_sources} carried by more than one source; "
            f"{self.unfingerprinted} too short to fingerprint"
        )
        if self.placed < self.articles:
            line += f"; {self.articles - self.placed} not placed yet (run newsrake stories --rebuild)"
        return line


def _count(number: int, noun: str) -> str:
    plural = noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
    return f"{number} {noun if number == 1 else plural}"


def summarise(store: Store) -> StoryCounts:
    """Count the stories of ``store``; a database error (one from before stories, read-only) raises `StoreError`."""
    try:
        row = store.db.conn.execute(
            """SELECT count(*), count(story_id), count(DISTINCT story_id),
                      count(*) FILTER (WHERE story_role = 'copy'),
                      count(DISTINCT story_id) FILTER (WHERE story_role = 'copy'),
                      count(*) FILTER (WHERE story_id IS NOT NULL AND text_hash IS NULL)
               FROM articles"""
        ).fetchone()
        across = store.db.conn.execute(
            """SELECT count(*) FROM (SELECT story_id FROM articles WHERE story_id IN
                   (SELECT DISTINCT story_id FROM articles WHERE story_role = 'copy')
               GROUP BY story_id HAVING count(DISTINCT source) > 1)"""
        ).fetchone()[0]
    except sqlite3.Error as error:
        raise StoreError(f"cannot read {store.path}: {error}") from error
    articles, placed, stories, copies, with_copies, unfingerprinted = (int(value) for value in row)
    return StoryCounts(articles, placed, stories, copies, with_copies, int(across), unfingerprinted)


def find_article(store: Store, url: str) -> int | None:
    """The id of the stored article at ``url`` (its URL, the URL it was served from, or its canonical URL)."""
    key = url_key(url) or url
    row = store.db.conn.execute(
        """SELECT id FROM articles WHERE url = ? UNION ALL SELECT id FROM articles WHERE canonical_key = ?
           UNION ALL SELECT id FROM articles WHERE final_url = ? ORDER BY 1 LIMIT 1""",
        (key, key, url),
    ).fetchone()
    return None if row is None else int(row[0])


def rebuild(store: Store, *, progress: Progress | None = None, batch: int = 500) -> StoryCounts:
    """Compute every fingerprint and story again from the stored texts, in id order (the order they were
    stored), ``batch`` articles a transaction, streamed (memory stays flat). The same articles always make the
    same stories. Killed midway, the articles not reached yet have no story until the next rebuild. A database
    error raises `StoreError`."""
    conn = store.db.conn
    try:
        with store.db.atomic():
            conn.execute("DELETE FROM story_bands")
            conn.execute("DELETE FROM fingerprints")
            conn.execute(
                "UPDATE articles SET story_id = NULL, similarity = NULL, story_role = NULL, story_match = NULL,"
                " text_hash = NULL"
            )
        total = store.count("articles")
        done = last = 0
        while True:
            rows = conn.execute(
                "SELECT id, url, canonical_key, text FROM articles WHERE id > ? ORDER BY id LIMIT ?", (last, batch)
            ).fetchall()
            if not rows:
                break
            with store.db.atomic():
                for article_id, url, canonical_key, text in rows:
                    _place(store, article_id, url, canonical_key, text)
            done += len(rows)
            last = rows[-1][0]
            if progress is not None:
                progress(done, total)
    except sqlite3.Error as error:
        raise StoreError(f"cannot write to {store.path}: {error}") from error
    return summarise(store)


def _place(store: Store, article_id: int, url: str, canonical_key: str | None, text: str | None) -> None:
    """Place one stored article, as the crawl does (`pipelines.cleaning.one_page.fingerprinted`): a text too
    short, or one that cannot be fingerprinted, stays alone with the reason in its problems."""
    found, problem = fingerprint_or_problem(text)
    store.place(article_id, url, canonical_key, found)
    if problem is not None:
        store.add_problem(article_id, problem)
