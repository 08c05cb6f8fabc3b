"""The front page: the crawl at a glance, as a dashboard of datasette-dashboards (Vega-Lite charts drawn in the
browser from scripts the plugin serves itself). Each chart's SQL is a stored query of the same name, listed on the
page with a link, and each chart's own page (its title's link) shows and edits that SQL.

Times in the file are written as ``utc_now`` writes them (``2026-12-04T05:30:00Z``): comparing strings compares
times, and ``fetched_at`` has an index.
"""

from __future__ import annotations

from typing import Any

from crawler.desk.config import DASHBOARD
from crawler.desk.sql import top_stories

SHORT_TEXT = 500
"""An article whose text is shorter than this many characters counts as poorly extracted."""

TOP = 12
"""Sources drawn one by one in a chart; the rest are drawn together as "other sources"."""

JUMP_POINTS = 20
"""A source's share of poorly extracted articles that rose by this many points in the last week is listed."""

MIN_ARTICLES_JUMP = 3
"""Weeks with fewer articles from a source than this are too few to compare."""


def _since(modifier: str) -> str:
    return f"strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '{modifier}')"


_POOR = f"(length(coalesce(text, '')) < {SHORT_TEXT} OR coalesce(title, '') = '' OR coalesce(published, '') = '')"

CHART_QUERIES: dict[str, dict[str, str]] = {
    "articles_per_day": {
        "title": "Articles stored per day, by source (last 30 days)",
        "description": f"How many articles were stored each day of the last 30, for the {TOP} sources with the most "
        "(the others together as other sources).",
        "sql": f"""WITH days AS MATERIALIZED (
  SELECT substr(fetched_at, 1, 10) AS day, coalesce(source, 'unknown') AS source
  FROM articles WHERE fetched_at >= {_since("-30 days")}
), top AS (SELECT source FROM days GROUP BY source ORDER BY count(*) DESC, source LIMIT {TOP})
SELECT day, CASE WHEN source IN (SELECT source FROM top) THEN source ELSE 'other sources' END AS source,
       count(*) AS articles
FROM days GROUP BY 1, 2 ORDER BY 1, 2""",
    },
    "feeds_failing_since": {
        "title": "Feeds failing, and since when",
        "description": "Feeds whose last fetch failed: for how many days they have failed (since their last success, "
        "or since they were first tried), the failures in a row and the last error.",
        "sql": f"""SELECT coalesce(source, '') || ': ' || url AS feed, failures_in_row,
       coalesce(last_success, first_seen) AS failing_since,
       round(julianday('now') - julianday(coalesce(last_success, first_seen)), 1) AS days_failing,
       last_status, last_error, url
FROM feeds WHERE failures_in_row > 0 AND retired_at IS NULL
ORDER BY days_failing DESC, failures_in_row DESC, url LIMIT {TOP * 2}""",
    },
    "removals_per_source": {
        "title": "What the cleaners removed, per source",
        "description": f"Removals per cleaner for the {TOP} sources with the most: a cleaner that over-reaches on "
        "one site shows here.",
        "sql": f"""WITH per AS MATERIALIZED (
  SELECT coalesce(a.source, 'unknown') AS source, r.cleaner, count(*) AS removals
  FROM removals r JOIN articles a ON a.id = r.article_id GROUP BY 1, 2
), top AS (SELECT source FROM per GROUP BY source ORDER BY sum(removals) DESC, source LIMIT {TOP})
SELECT source, cleaner, removals FROM per WHERE source IN (SELECT source FROM top)
ORDER BY source, removals DESC""",
    },
    "extraction_health": {
        "title": "Extraction health: poorly extracted articles per source and day (last 30 days)",
        "description": f"For each day and each of the {TOP} sources with the most articles: the share of its "
        f"articles with text under {SHORT_TEXT} characters, no title or no date. A publisher's layout change shows "
        "as a jump in its line.",
        "sql": f"""WITH days AS MATERIALIZED (
  SELECT substr(fetched_at, 1, 10) AS day, coalesce(source, 'unknown') AS source, {_POOR} AS poor
  FROM articles WHERE fetched_at >= {_since("-30 days")}
), top AS (SELECT source FROM days GROUP BY source ORDER BY count(*) DESC, source LIMIT {TOP})
SELECT day, source, count(*) AS articles, sum(poor) AS poor,
       round(100.0 * sum(poor) / count(*), 1) AS percent_poor
FROM days WHERE source IN (SELECT source FROM top) GROUP BY day, source ORDER BY day, source""",
    },
    "extraction_jumps": {
        "title": "Sources whose extraction got worse this week",
        "description": f"Sources whose share of poorly extracted articles (text under {SHORT_TEXT} characters, no "
        f"title or no date) in the last 7 days is at least {JUMP_POINTS} points above their share in the 4 weeks "
        f"before, each period with {MIN_ARTICLES_JUMP} articles or more: most likely a changed page layout.",
        "sql": f"""WITH recent AS MATERIALIZED (
  SELECT coalesce(source, 'unknown') AS source, fetched_at >= {_since("-7 days")} AS this_week, {_POOR} AS poor
  FROM articles WHERE fetched_at >= {_since("-35 days")}
), shares AS (
  SELECT source, sum(this_week) AS week, sum(NOT this_week) AS before,
         100.0 * sum(poor AND this_week) / nullif(sum(this_week), 0) AS percent_week,
         100.0 * sum(poor AND NOT this_week) / nullif(sum(NOT this_week), 0) AS percent_before
  FROM recent GROUP BY source
)
SELECT source, week AS articles_this_week, round(percent_week, 1) AS percent_poor_this_week,
       before AS articles_4_weeks_before, round(percent_before, 1) AS percent_poor_before,
       round(percent_week - percent_before, 1) AS points_worse
FROM shares
WHERE week >= {MIN_ARTICLES_JUMP} AND before >= {MIN_ARTICLES_JUMP} AND percent_week - percent_before >= {JUMP_POINTS}
ORDER BY points_worse DESC, source""",
    },
}

TOP_STORIES_QUERY = "top_stories_week"
"""The stored query (`crawler.datasette_metadata`) the top stories chart draws, its first rows."""


def _vega(mark: dict[str, Any], encoding: dict[str, Any], empty: str) -> dict[str, Any]:
    """A Vega-Lite chart of ``mark`` and ``encoding``, with tooltips, which says ``empty`` when there is nothing to
    draw (a bare axis says nothing)."""
    says_empty = {
        "data": {"values": [{}]},  # drawn once, when the chart's own data (Vega-Lite's source_0) is empty
        "transform": [{"filter": "length(data('source_0')) == 0"}],
        "mark": {"type": "text", "fontSize": 14, "color": "#555"},
        "encoding": {"text": {"value": empty}},
    }
    return {"layer": [{"mark": mark | {"tooltip": True}, "encoding": encoding}, says_empty]}


_COUNT_AXIS = {"tickMinStep": 1}
"""An axis of counts: whole numbers only."""

_MANY = {"symbolLimit": 0, "orient": "bottom", "columns": 3, "labelLimit": 180}
"""A legend of many entries (cleaners, sources): below the chart, in columns, none left out."""


def _chart(query: dict[str, str], display: dict[str, Any], database: str) -> dict[str, Any]:
    """A Vega-Lite chart of the stored ``query`` (its title and SQL) on ``database``."""
    return {"title": query["title"], "db": database, "query": query["sql"], "library": "vega-lite", "display": display}


def _intro(database: str, queries: dict[str, dict[str, str]]) -> str:
    links = "\n".join(f'<li><a href="../../{database}/{name}">{queries[name]["title"]}</a></li>' for name in queries)
    return f"""<form action="../search" method="get" role="search">
<input type="search" name="q" placeholder="Search the articles" aria-label="Words to search for">
<input type="submit" value="Search">
</form>

<p>The queries behind the charts:</p>
<ul>
{links}
</ul>

<p>Every table: <a href="../../{database}">{database}</a>. The articles, newest first:
<a href="../../{database}/articles">articles</a>.</p>"""


def dashboard(database: str, queries: dict[str, dict[str, str]]) -> dict[str, Any]:
    """The datasette-dashboards settings of the front page for ``database``; ``queries`` are the stored queries,
    among them `CHART_QUERIES` and `TOP_STORIES_QUERY`."""
    chart_queries = {name: queries[name] for name in (*CHART_QUERIES, TOP_STORIES_QUERY)}
    nominal, quantitative = "nominal", "quantitative"
    charts: dict[str, dict[str, Any]] = {
        "intro": {
            "library": "markdown",
            "display": _intro(database, chart_queries),
            "settings": {
                "extensions": ["extra"],
                "extra_tags": ["form", "input", "p", "ul", "li", "a"],
                "extra_attrs": {
                    "form": ["action", "method", "role"],
                    "input": ["type", "name", "placeholder", "aria-label", "value"],
                    "a": ["href", "title"],
                },
            },
        },
        "articles-per-day": _chart(
            CHART_QUERIES["articles_per_day"],
            _vega(
                {"type": "bar"},
                {
                    "x": {"field": "day", "type": "ordinal", "title": "day"},
                    "y": {"field": "articles", "type": quantitative, "stack": True, "axis": _COUNT_AXIS},
                    "color": {"field": "source", "type": nominal, "legend": _MANY},
                },
                "No article stored in the last 30 days.",
            ),
            database,
        ),
        "extraction-health": _chart(
            CHART_QUERIES["extraction_health"],
            _vega(
                {"type": "line", "point": True},
                {
                    "x": {"field": "day", "type": "ordinal", "title": "day"},
                    "y": {
                        "field": "percent_poor",
                        "type": quantitative,
                        "title": "% poorly extracted",
                        "scale": {"domain": [0, 100]},
                    },
                    "color": {"field": "source", "type": nominal, "legend": _MANY},
                },
                "No article stored in the last 30 days.",
            ),
            database,
        ),
        "failing-feeds": _chart(
            CHART_QUERIES["feeds_failing_since"],
            _vega(
                {"type": "bar"},
                {
                    "y": {"field": "feed", "type": nominal, "sort": "-x", "title": None},
                    "x": {"field": "days_failing", "type": quantitative, "title": "days failing"},
                    "color": {"field": "failures_in_row", "type": quantitative, "title": "failures in a row"},
                },
                "No feed is failing.",
            ),
            database,
        ),
        "removals": _chart(
            CHART_QUERIES["removals_per_source"],
            _vega(
                {"type": "bar"},
                {
                    "y": {"field": "source", "type": nominal, "title": None},
                    "x": {"field": "removals", "type": quantitative, "stack": True, "axis": _COUNT_AXIS},
                    "color": {"field": "cleaner", "type": nominal, "legend": _MANY, "scale": {"scheme": "tableau20"}},
                },
                "The cleaners removed nothing yet.",
            ),
            database,
        ),
        "top-stories": _chart(
            top_stories("7 days", "-7 days", TOP),
            _vega(
                {"type": "bar"},
                {
                    "y": {"field": "title", "type": nominal, "sort": "-x", "title": None},
                    "x": {"field": "sources", "type": quantitative, "title": "sources", "axis": _COUNT_AXIS},
                },
                "No story carried by two sources or more in the last 7 days.",
            ),
            database,
        ),
    }
    return {
        DASHBOARD: {
            "title": "newsrake: the crawl at a glance",
            "description": "What was stored, how well it was extracted, what failed, what the cleaners removed and "
            "which stories many sources carried. A chart's title opens it with its SQL.",
            "layout": [
                ["intro", "articles-per-day"],
                ["extraction-health", "failing-feeds"],
                ["removals", "top-stories"],
            ],
            "charts": charts,
        }
    }
