"""Stories: each stored article joins the story of the earliest stored article it copies, found by canonical URL,
by text hash, or by MinHash similarity over LSH band keys kept in SQLite (``fingerprints``, ``story_bands``).

A candidate look-up is one index search per band (`fingerprint.BANDS`) and a check of the candidates' signatures,
earliest first, stopping at the first at or over the threshold: its cost does not grow with the database. Only
articles stored before this one (a lower id) are looked at, so that the same articles stored in the same order
always make the same stories.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from pipelines import defaults
from pipelines.fingerprint import Fingerprint, containment, scheme, similarity
from pipelines.store.base import StoreBase

CANDIDATE_BATCH = 64
"""Candidates whose signatures are read at a time, earliest first."""
CANDIDATES_PER_BAND = 100
"""The earliest articles taken from one band's bucket: a bucket that many articles share (a site's templated
briefs, a flood of near-identical pages) costs no more than this, whatever the database's size."""

ORIGINAL = "original"
COPY = "copy"
BY_CANONICAL_URL = "canonical URL"
BY_TEXT = "same text"
BY_SIMILAR_TEXT = "similar text"
STORY_ERROR = "story-error"
"""The ``problems`` entry of an article whose story could not be found (it is stored, alone)."""


@dataclass(frozen=True)
class StoryPlace:
    """Where an article went: its story, and the article it was found to copy (None for an original)."""

    story_id: int
    copy_of: int | None = None
    similarity: float | None = None
    match: str | None = None


@dataclass(frozen=True)
class StoryMember:
    """One article of a story (`Store.story_of`)."""

    id: int
    url: str
    source: str | None
    title: str | None
    published: str | None
    role: str | None
    similarity: float | None
    match: str | None


class Stories(StoreBase):
    """Finding each article's story as it is stored, and reading stories back."""

    story_threshold: float = defaults.STORY_THRESHOLD
    """The estimated similarity at or above which an article joins an earlier one's story (an instance may set
    its own: ``NEWSRAKE_STORY_THRESHOLD``)."""
    stories_enabled: bool = defaults.STORIES
    """Whether articles are placed in stories as they are stored (``NEWSRAKE_STORIES``)."""

    def place(
        self, article_id: int, url: str, canonical_key: str | None, found: Fingerprint | None, *, again: bool = False
    ) -> StoryPlace:
        """`place_in_story` in a savepoint: a failure there (a stored signature that cannot be read, say) leaves
        the article stored, alone, with the reason in its problems. An error of the database itself is raised."""
        try:
            with self.db.atomic():
                return self.place_in_story(article_id, url, canonical_key, found, again=again)
        except sqlite3.Error as error:
            if not isinstance(error, (sqlite3.DataError, sqlite3.IntegrityError)):
                raise
            problem = f"{STORY_ERROR}: {type(error).__name__}"
        except Exception as error:  # noqa: BLE001 - the article is stored whatever its story
            problem = f"{STORY_ERROR}: {type(error).__name__}"
        self.place_alone(article_id, problem)
        return StoryPlace(article_id)

    def place_again(self, article_id: int, found: Fingerprint | None) -> StoryPlace:
        """Place a stored article again after its text changed (a reclean): its new fingerprint replaces the
        old, and it joins the story of the earliest earlier article it copies now. Articles that joined its
        story keep it (``newsrake stories --rebuild`` recomputes every story)."""
        row = self.db.conn.execute("SELECT url, canonical_key FROM articles WHERE id = ?", (article_id,)).fetchone()
        return self.place(article_id, row[0], row[1], found, again=True)

    def place_in_story(
        self, article_id: int, url: str, canonical_key: str | None, found: Fingerprint | None, *, again: bool = False
    ) -> StoryPlace:
        """Find the story of the stored article ``article_id`` and record it, with its fingerprint (call inside
        a transaction). ``again``: the article had a story and a fingerprint, replaced here (a reclean)."""
        conn = self.db.conn
        place = self._find_story(article_id, url, canonical_key, found)
        if again:
            conn.execute("DELETE FROM story_bands WHERE article_id = ?", (article_id,))
            conn.execute("DELETE FROM fingerprints WHERE article_id = ?", (article_id,))
        if found is not None:
            conn.execute(
                "INSERT OR REPLACE INTO fingerprints (article_id, scheme, signature, shingles) VALUES (?, ?, ?, ?)",
                (article_id, scheme(), found.signature, found.shingles),
            )
            conn.executemany(
                "INSERT OR IGNORE INTO story_bands (key, article_id) VALUES (?, ?)",
                [(key, article_id) for key in found.band_keys()],
            )
        conn.execute(
            "UPDATE articles SET story_id = ?, similarity = ?, story_role = ?, story_match = ?, text_hash = ?"
            " WHERE id = ?",
            (place.story_id, place.similarity, COPY if place.copy_of else ORIGINAL, place.match,
             found.text_hash if found else None, article_id),
        )  # fmt: skip
        return place

    def place_alone(self, article_id: int, problem: str) -> None:
        """Record ``article_id`` as alone in its story, with ``problem`` added to its problems (its story could
        not be found)."""
        self.db.conn.execute(
            "UPDATE articles SET story_id = id, similarity = NULL, story_role = ?, story_match = NULL WHERE id = ?",
            (ORIGINAL, article_id),
        )
        self.add_problem(article_id, problem)

    def add_problem(self, article_id: int, problem: str) -> None:
        """Add ``problem`` to the article's problems, unless it is there."""
        self.db.conn.execute(
            """UPDATE articles SET problems = json_insert(coalesce(problems, '[]'), '$[#]', ?)
               WHERE id = ? AND NOT EXISTS (SELECT 1 FROM json_each(coalesce(problems, '[]')) WHERE value = ?)""",
            (problem, article_id, problem),
        )

    def _find_story(
        self, article_id: int, url: str, canonical_key: str | None, found: Fingerprint | None
    ) -> StoryPlace:
        if found is None:  # too short to tell a copy: alone, whatever it shares with another
            return StoryPlace(article_id)
        conn = self.db.conn
        keys = [key for key in (url, canonical_key) if key]
        marks = ",".join("?" * len(keys))
        query = f"""SELECT id, coalesce(story_id, id) FROM articles WHERE id < ? AND (canonical_key IN ({marks})
                    {"OR url = ?" if canonical_key else ""}) ORDER BY id LIMIT 1"""
        params: list[object] = [article_id, *keys, *([canonical_key] if canonical_key else [])]
        row = conn.execute(query, params).fetchone()
        if row is not None:
            return StoryPlace(int(row[1]), int(row[0]), 1.0, BY_CANONICAL_URL)
        query = "SELECT id, coalesce(story_id, id) FROM articles WHERE text_hash = ? AND id < ? ORDER BY id LIMIT 1"
        row = conn.execute(query, (found.text_hash, article_id)).fetchone()
        if row is not None:
            return StoryPlace(int(row[1]), int(row[0]), 1.0, BY_TEXT)
        for candidate, story, estimate in self._similar(article_id, found):
            if estimate >= self.story_threshold:
                return StoryPlace(story, candidate, estimate, BY_SIMILAR_TEXT)
        return StoryPlace(article_id)

    def _similar(self, article_id: int, found: Fingerprint) -> Iterator[tuple[int, int, float]]:
        """The earlier articles that share a band with ``found``, earliest first: (id, story, similarity)."""
        conn = self.db.conn
        keys = found.band_keys()
        params: list[object] = []
        for key in keys:
            params += [key, article_id]
        candidates = sorted({row[0] for row in conn.execute(_candidates_query(len(keys)), params)})
        current = scheme()
        for start in range(0, len(candidates), CANDIDATE_BATCH):
            chunk = candidates[start : start + CANDIDATE_BATCH]
            rows = conn.execute(
                f"""SELECT f.article_id, coalesce(a.story_id, a.id), f.signature, f.shingles FROM fingerprints f
                    JOIN articles a ON a.id = f.article_id
                    WHERE f.article_id IN ({",".join("?" * len(chunk))}) AND f.scheme = ? ORDER BY f.article_id""",
                [*chunk, current],
            )
            for candidate, story, signature, shingles in rows:
                estimate = containment(similarity(found.signature, signature), found.shingles, shingles)
                yield int(candidate), int(story), estimate

    def story_of(self, article_id: int) -> list[StoryMember]:
        """The articles of ``article_id``'s story, first stored first."""
        rows = self.db.conn.execute(
            """SELECT id, url, source, title, published, story_role, similarity, story_match FROM articles
               WHERE story_id = (SELECT story_id FROM articles WHERE id = ?) ORDER BY id""",
            (article_id,),
        ).fetchall()
        return [StoryMember(*row) for row in rows]


@lru_cache(maxsize=4)
def _candidates_query(bands: int) -> str:
    """The earliest `CANDIDATES_PER_BAND` earlier articles of each band's bucket: one index range per band."""
    one = (f"SELECT article_id FROM (SELECT article_id FROM story_bands WHERE key = ? AND article_id < ?"
           f" ORDER BY article_id LIMIT {CANDIDATES_PER_BAND})")  # fmt: skip
    return " UNION ALL ".join([one] * bands)
