"""The SQL behind the news desk's pages: one text per query, used by the pages and by the stored queries of the same
name (`crawler.datasette_metadata`), so that what a page shows and the query it links to never differ.

Search goes through ``newsrake_fts(:q)``, an SQL function the desk's plugin adds to Datasette's connections: it
quotes each word of what the reader typed (phrases in double quotes stay phrases), so that no input is an FTS5
syntax error. Snippets mark the matched words with the control characters ``MARK_START`` and ``MARK_END``, which the
page turns into ``<mark>`` only after escaping the text (`crawler.desk.text.marked`).
"""

from __future__ import annotations

MARK_START = "\x02"
MARK_END = "\x03"
SNIPPET_WORDS = 32
PAGE_SIZE = 20
FEED_SIZE = 50

_PUBLISHED = "coalesce(a.published, a.fetched_at)"

_STORY_SIZE = (
    "CASE WHEN a.story_id IS NOT NULL THEN (SELECT count(*) FROM articles s WHERE s.story_id = a.story_id) END"
)

SEARCH_ORDERS = {
    "relevance": f"articles_fts.rank, {_PUBLISHED} DESC, a.id DESC",
    "newest": f"{_PUBLISHED} DESC, a.id DESC",
}
"""How results can be ordered: by relevance (FTS5's bm25 rank), or newest first."""


def search_sql(order: str) -> str:
    """The search: the articles matching ``:q``, ordered as ``order`` says (a key of ``SEARCH_ORDERS``), a page of
    ``:size`` from ``:offset``, each with its snippet (the matched words between ``MARK_START`` and ``MARK_END``)."""
    start, end = f"char({ord(MARK_START)})", f"char({ord(MARK_END)})"
    return f"""SELECT a.id, a.title, a.source, {_PUBLISHED} AS published, {_STORY_SIZE} AS story_size,
       snippet(articles_fts, 1, {start}, {end}, '…', {SNIPPET_WORDS}) AS snippet, a.url
FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
WHERE articles_fts MATCH newsrake_fts(:q)
ORDER BY {SEARCH_ORDERS[order]}
LIMIT :size OFFSET :offset"""


SEARCH_QUERY = f"""SELECT a.id, a.title, a.source, {_PUBLISHED} AS published, {_STORY_SIZE} AS story_size,
       snippet(articles_fts, 1, '[', ']', '…', {SNIPPET_WORDS}) AS snippet, a.url
FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
WHERE articles_fts MATCH newsrake_fts(:q)
ORDER BY CASE WHEN :order = 'newest' THEN NULL ELSE articles_fts.rank END, {_PUBLISHED} DESC, a.id DESC
LIMIT 100"""
"""The stored query behind the search page: matched words between [ and ], relevance first unless ``:order`` is
``newest``."""

_ATOM_COLUMNS = """'newsrake:article:' || a.id AS atom_id,
       newsrake_xml(coalesce(nullif(a.title, ''), a.url)) AS atom_title,
       coalesce(CASE WHEN datetime(a.published) IS NOT NULL THEN a.published END, a.fetched_at) AS atom_updated,
       a.url AS atom_link, newsrake_xml(nullif(a.source, '')) AS atom_author_name,
       newsrake_xml(substr(coalesce(nullif(a.description, ''), a.text, ''), 1, 600)) AS atom_content,
       a.source, a.id"""
"""An article as an Atom entry (datasette-atom's columns). ``newsrake_xml`` (`crawler.desk.text.xml_text`) takes
out what XML cannot hold, and a ``published`` that is no date gives way to ``fetched_at``: one odd row never makes
the whole feed an error."""

_NOTHING_YET = """SELECT 'newsrake:nothing-yet', 'Nothing yet', '1970-01-01T00:00:00Z', {link}, NULL,
       'No stored article matches yet: they appear in this feed as they are stored.', NULL, NULL
WHERE NOT EXISTS (SELECT 1 FROM found)"""
"""One entry that says so when a feed has no article yet: an Atom feed needs a time it was updated, and a reader
app marks a feed that answers with an error as broken."""


def _feed(source: str, where: str, link: str) -> str:
    """A feed's query: the newest articles of ``source`` where ``where`` holds, or the one entry that says there
    is none yet, which links to the desk's page ``link``."""
    return f"""WITH found AS (
  SELECT {_ATOM_COLUMNS}
  FROM {source} WHERE {where}
  ORDER BY {_PUBLISHED} DESC, a.id DESC LIMIT {FEED_SIZE}
)
SELECT * FROM found
UNION ALL {_NOTHING_YET.format(link=f"'{link}'")}"""


SEARCH_FEED_QUERY = _feed(
    "articles_fts JOIN articles a ON a.id = articles_fts.rowid", "articles_fts MATCH newsrake_fts(:q)", "/-/search"
)
"""The newest articles matching ``:q``, with the columns datasette-atom makes an Atom entry of."""

SOURCE_FEED_QUERY = _feed("articles a", "a.source = :source", "/")
"""The newest articles of the source ``:source``, as Atom entries."""

ARTICLE = """SELECT a.id, a.title, a.source, a.authors, a.published, a.fetched_at, a.language, a.url, a.final_url,
       a.canonical_url, a.text, a.description, a.credit, a.syndicated_from, a.site_name, a.problems, a.story_id,
       a.story_role, a.similarity, a.feed_url, (SELECT count(*) FROM raw_pages r WHERE r.article_id = a.id) AS raw
FROM articles a WHERE a.id = :id"""

STORY = f"""SELECT a.id, a.title, a.source, {_PUBLISHED} AS published, a.story_role, a.story_match,
       round(a.similarity, 2) AS similarity, a.url
FROM articles a WHERE a.story_id = :story OR a.id = :story
ORDER BY a.story_role IS 'copy', a.id LIMIT 200"""

REMOVALS = """SELECT position, cleaner, stage, text FROM removals WHERE article_id = :id ORDER BY position LIMIT 500"""

RAW_PAGE = """SELECT body, body_encoding, final_url FROM raw_pages WHERE article_id = :id"""


def top_stories(period: str, modifier: str, limit: int = 100) -> dict[str, str]:
    """The stored query of the first ``limit`` stories carried by the most sources among the articles fetched in
    ``period`` (``modifier``: SQLite's date modifier for it). ``fetched_at`` is written as ``utc_now`` writes it
    (``2026-12-04T05:30:00Z``), so that comparing strings compares times."""
    return {
        "title": f"Stories carried by the most sources, last {period}",
        "description": f"The stories that two or more sources carried among the articles fetched in the last "
        f"{period}, most sources first: the title, source and URL of each story's first article, the sources that "
        "carried it, when it was first seen and last fetched. To list a story's articles, give one of its URLs to "
        "the stored query Copies of an article.",
        "sql": f"""WITH recent AS MATERIALIZED (
  SELECT story_id, source, fetched_at FROM articles
  WHERE fetched_at >= strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '{modifier}')
), carried AS (
  SELECT story_id, count(DISTINCT source) AS sources, count(*) AS articles, max(fetched_at) AS last_seen,
         replace(group_concat(DISTINCT source), ',', ', ') AS carried_by
  FROM recent GROUP BY story_id HAVING count(DISTINCT source) > 1
)
SELECT c.story_id AS story, o.title, c.sources, c.articles, o.source AS first_source, o.fetched_at AS first_seen,
       c.last_seen, c.carried_by, o.url
FROM carried c JOIN articles o ON o.id = c.story_id
ORDER BY c.sources DESC, c.articles DESC, c.last_seen DESC, c.story_id LIMIT {limit}""",
    }
