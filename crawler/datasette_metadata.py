"""Datasette's metadata for a newsrake file, generated from the code so it never drifts from the schema:
titles and descriptions (`pipelines.schema_docs`), full-text search, facets, sorting and stored queries."""

from __future__ import annotations

from typing import Any

from crawler.desk import sql as desk_sql
from crawler.desk.charts import CHART_QUERIES, dashboard
from crawler.desk.config import PLUGIN, desk_settings
from pipelines.schema_docs import TABLES

MIN_ARTICLES_REPUBLISHING = 5
"""Sources with fewer articles are left out of the stored query of sources that republish others' stories."""


QUERIES: dict[str, dict[str, str]] = {
    "latest_articles": {
        "title": "Latest articles",
        "description": "The 100 articles published (or fetched) last.",
        "sql": """SELECT id, coalesce(published, fetched_at) AS published, source, title, url
FROM articles ORDER BY coalesce(published, fetched_at) DESC LIMIT 100""",
    },
    "articles_per_source_per_day": {
        "title": "Articles per source per day",
        "description": "How many articles each source published each day.",
        "sql": """SELECT substr(coalesce(published, fetched_at), 1, 10) AS day, source, count(*) AS articles
FROM articles GROUP BY day, source ORDER BY day DESC, articles DESC""",
    },
    "failing_feeds": {
        "title": "Failing feeds",
        "description": "Feeds whose last fetch failed, since when, and when they are tried again.",
        "sql": """SELECT url, source, failures_in_row, last_status, last_error,
       coalesce(last_success, 'never') AS last_success, first_seen, next_poll_at
FROM feeds WHERE failures_in_row > 0 ORDER BY failures_in_row DESC, url""",
    },
    "pending_articles": {
        "title": "Articles pending or given up",
        "description": "Articles that failed and are tried again in later runs, or were given up, and why.",
        "sql": """SELECT CASE WHEN given_up_at IS NULL THEN 'pending' ELSE 'given up' END AS state, link, source,
       attempts, last_status, last_error, first_failed_at, coalesce(given_up_at, next_try_at) AS since_or_next,
       feed_url
FROM pending_articles ORDER BY given_up_at IS NOT NULL, next_try_at, given_up_at DESC, link""",
    },
    "duplicates": {
        "title": "Duplicate pages",
        "description": "Pages found under another URL with the canonical URL of a stored article: not stored twice.",
        "sql": """SELECT d.link, d.source, d.found_at, a.id AS article, a.title, a.url AS stored_url, d.canonical_url
FROM duplicates d JOIN articles a ON a.id = d.duplicate_of ORDER BY d.found_at DESC, d.link""",
    },
    "removals_by_cleaner": {
        "title": "What the cleaners removed, by cleaner",
        "description": "How many nodes and lines each cleaner removed, over how many articles.",
        "sql": """SELECT cleaner, stage, count(*) AS removals, count(DISTINCT article_id) AS articles
FROM removals GROUP BY cleaner, stage ORDER BY removals DESC""",
    },
    "removals_by_source": {
        "title": "What the cleaners removed, by source",
        "description": "Removals per source and cleaner: a cleaner that over-reaches on one site shows up here.",
        "sql": """SELECT a.source, r.cleaner, count(*) AS removals, count(DISTINCT r.article_id) AS articles
FROM removals r JOIN articles a ON a.id = r.article_id
GROUP BY a.source, r.cleaner ORDER BY removals DESC""",
    },
    "short_articles": {
        "title": "Empty or suspiciously short articles",
        "description": "Articles whose text is under 500 characters, shortest first.",
        "sql": """SELECT id, source, title, length(coalesce(text, '')) AS chars, problems, url
FROM articles WHERE length(coalesce(text, '')) < 500 ORDER BY chars, id""",
    },
    "last_runs": {
        "title": "Last runs",
        "description": "The last 50 crawls and recleans and how they ended.",
        "sql": """SELECT id, command, started_at, finished_at, outcome, feeds_fetched, feeds_unchanged, feeds_failed,
       articles_new, articles_skipped, articles_failed
FROM runs ORDER BY id DESC LIMIT 50""",
    },
    **CHART_QUERIES,
    "search": {
        "title": "Search the articles",
        "description": "The articles whose title or text holds every word of q (a phrase in double quotes stays a "
        "phrase), most relevant first, or newest first with order=newest; the matched words of the snippet are "
        "between [ and ]. The search page at /-/search shows the same, for reading.",
        "sql": desk_sql.SEARCH_QUERY,
    },
    "search_feed": {  # no title: datasette-atom would give it to every feed; _feed_title names each
        "description": "The 50 newest articles matching q, as the search does: add .atom to the URL to subscribe "
        "(and _feed_title=... to name the feed).",
        "sql": desk_sql.SEARCH_FEED_QUERY,
    },
    "source_feed": {
        "description": "The 50 newest articles of the source: add .atom to the URL to subscribe (and "
        "_feed_title=... to name the feed).",
        "sql": desk_sql.SOURCE_FEED_QUERY,
    },
    "top_stories_day": desk_sql.top_stories("day", "-1 day"),
    "top_stories_week": desk_sql.top_stories("7 days", "-7 days"),
    "story_copies": {
        "title": "Copies of an article",
        "description": "Every article of the story of the article at this URL (its URL, the URL it was served at, "
        "or its canonical URL), which is marked: the original first, then its copies, with how each was found and "
        "its estimated similarity to the article it copies.",
        "sql": """WITH given AS (SELECT trim(:url, char(32, 9, 10, 13)) AS url), asked AS MATERIALIZED (
  SELECT given.url, coalesce(
    (SELECT coalesce(story_id, id) FROM articles WHERE url = given.url),
    (SELECT coalesce(story_id, id) FROM articles WHERE given.url IN (final_url, canonical_url) ORDER BY id LIMIT 1)
  ) AS story FROM given
)
SELECT a.id, a.story_role AS role, a.source, round(a.similarity, 2) AS similarity, a.story_match AS found_by,
       coalesce(a.published, a.fetched_at) AS published, a.title,
       CASE WHEN asked.url IN (a.url, a.final_url, a.canonical_url) THEN 'this one' ELSE '' END AS asked, a.url
FROM asked JOIN articles a ON a.story_id = asked.story OR a.id = asked.story
ORDER BY a.story_role IS 'copy', a.id""",
    },
    "republishing_sources": {
        "title": "Sources that republish others' stories",
        "description": f"For each source of {MIN_ARTICLES_REPUBLISHING} articles or more: its articles, how many "
        "of them copy a story that another source carried first, and their share, highest first. Articles stored "
        "before stories existed count as originals until newsrake stories --rebuild.",
        "sql": f"""WITH copies AS MATERIALIZED (
  SELECT id, story_id FROM articles WHERE story_id > 0 AND story_id < id
), copied AS (
  SELECT a.source, count(*) AS copies
  FROM copies c JOIN articles a ON a.id = c.id JOIN articles o ON o.id = c.story_id
  WHERE o.source IS NOT a.source GROUP BY a.source
), per_source AS (
  SELECT source, count(*) AS articles FROM articles GROUP BY source
)
SELECT p.source, p.articles, coalesce(c.copies, 0) AS copies_of_others,
       round(100.0 * coalesce(c.copies, 0) / p.articles, 1) AS percent_copies
FROM per_source p LEFT JOIN copied c ON c.source IS p.source
WHERE p.articles >= {MIN_ARTICLES_REPUBLISHING}
ORDER BY percent_copies DESC, p.articles DESC, p.source""",
    },
}

_TABLE_SETTINGS: dict[str, dict[str, Any]] = {
    "articles": {
        "fts_table": "articles_fts",
        "fts_pk": "id",
        "searchmode": "escaped",
        "sort_desc": "published",
        "facets": ["source", "language", "story_role", {"date": "published"}],
        "label_column": "title",
        "size": 50,
    },
    "articles_browse": {"sort_desc": "published", "facets": ["source", "feed", "language", "story_role"]},
    "feeds": {"sort_desc": "failures_in_row", "facets": ["source", "last_status"]},
    "runs": {"sort_desc": "id", "facets": ["command", "outcome"]},
    "pending_articles": {"sort": "next_try_at", "facets": ["source", "last_status"]},
    "duplicates": {"sort_desc": "found_at", "facets": ["source"]},
    "removals": {"facets": ["cleaner", "stage"]},
    "raw_pages": {"hidden": True},
    "fingerprints": {"hidden": True},  # binary signatures and band keys: reachable, not listed
    "story_bands": {"hidden": True},
}


def datasette_metadata(database: str = "news") -> dict[str, Any]:
    """The metadata for a newsrake database that Datasette serves as ``database`` (the file's stem)."""
    tables: dict[str, Any] = {}
    for name, doc in TABLES.items():
        tables[name] = {"title": doc.title, "description": doc.description, "columns": dict(doc.columns)}
        tables[name].update(_TABLE_SETTINGS.get(name, {}))
    return {
        "title": "newsrake",
        "description": "News articles collected by newsrake: clean text in SQLite.",
        "databases": {database: {"tables": tables, "queries": QUERIES}},
        "plugins": {PLUGIN: desk_settings(database), "datasette-dashboards": dashboard(database, QUERIES)},
    }
