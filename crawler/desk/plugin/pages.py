"""The desk's own pages, served by Datasette through the plugin (`crawler.desk`): the front page (the crawl's
dashboard), the search with its snippets, the reading view of one article and its raw page as a download.

Each page reads the database the plugin's configuration names, with the same permissions as Datasette's pages on
its ``articles`` table, and renders a template that extends Datasette's own, so that the desk looks like the rest.
"""

from __future__ import annotations

import urllib.parse
from typing import TYPE_CHECKING, Any

from datasette.utils.asgi import NotFound, Request, Response

from crawler.desk import config, sql
from crawler.desk.config import DASHBOARD
from crawler.desk.text import authors, marked, paragraphs, web_link
from pipelines.raw_body import decompress

if TYPE_CHECKING:  # Datasette loads this plugin while it imports itself
    from datasette.app import Datasette
    from datasette.database import Database

MAX_PAGE = 500
"""The deepest page of results offered: past it, narrow the search."""


def desk_database(datasette: Datasette) -> str | None:
    """The database the desk serves, or None when the metadata configures no desk."""
    return config.desk_database(datasette.plugin_config(config.PLUGIN))


async def _database(datasette: Datasette, request: Request) -> tuple[str, Database]:
    """The desk's database, once the reader may see its articles (Datasette's permissions); 404 without one."""
    name = desk_database(datasette)
    if name is None or name not in datasette.databases:
        raise NotFound("newsrake: no database for the news desk (plugins.newsrake.database in the metadata)")
    await datasette.ensure_permissions(
        request.actor, [("view-table", (name, "articles")), ("view-database", name), "view-instance"]
    )
    return name, datasette.get_database(name)


def feed_args(args: dict[str, str], about: str) -> str:
    """The query string of a desk feed (datasette-atom over a stored query) with its title, about ``about``."""
    return urllib.parse.urlencode(args | {"_feed_title": f"newsrake: {about}"})


async def front(datasette: Datasette, request: Request) -> Response:
    """``/``: the crawl at a glance (the dashboard); Datasette's list of databases stays at ``/.json`` and
    under the database's own page."""
    await _database(datasette, request)
    return Response.redirect(datasette.urls.path(f"-/dashboards/{DASHBOARD}"))


def _positive(value: str | None, default: int) -> int:
    try:
        number = int(value or default)
    except ValueError:
        return default
    return max(1, number)


async def search(datasette: Datasette, request: Request) -> Response:
    """``/-/search?q=words[&order=newest][&page=N]``: matching articles with their snippets, best first."""
    name, db = await _database(datasette, request)
    typed = (request.args.get("q") or "").strip()
    order = request.args.get("order") if request.args.get("order") in sql.SEARCH_ORDERS else "relevance"
    page = min(_positive(request.args.get("page"), 1), MAX_PAGE)
    results: list[dict[str, Any]] = []
    if typed:
        params = {"q": typed, "size": sql.PAGE_SIZE + 1, "offset": (page - 1) * sql.PAGE_SIZE}
        rows = (await db.execute(sql.search_sql(order), params)).rows
        results = [dict(row) | {"snippet": marked(row["snippet"])} for row in rows[: sql.PAGE_SIZE]]
        more = len(rows) > sql.PAGE_SIZE
    else:
        more = False

    def link(**changes: object) -> str:
        args = {"q": typed, "order": order, "page": page} | changes
        kept = {key: value for key, value in args.items() if value not in ("", None, 1, "relevance")}
        path: str = datasette.urls.path("-/search")
        return path + ("?" + urllib.parse.urlencode(kept) if kept else "")

    context = {
        "q": typed,
        "order": order,
        "page": page,
        "results": results,
        "database": name,
        "first": (page - 1) * sql.PAGE_SIZE + 1,
        "next_url": link(page=page + 1) if more and page < MAX_PAGE else None,
        "previous_url": link(page=page - 1) if page > 1 else None,
        "relevance_url": link(order="relevance", page=1),
        "newest_url": link(order="newest", page=1),
        "feed_url": datasette.urls.path(f"{name}/search_feed.atom?" + feed_args({"q": typed}, f"“{typed}”")),
        "query_url": datasette.urls.path(f"{name}/search?" + urllib.parse.urlencode({"q": typed, "order": order})),
    }
    html = await datasette.render_template("newsrake_search.html", context, request=request)
    return Response.html(html)


async def article(datasette: Datasette, request: Request) -> Response:
    """``/-/article/ID``: one article to read, with its story, what the cleaners removed and its raw page."""
    name, db = await _database(datasette, request)
    article_id = int(request.url_vars["id"])
    row = (await db.execute(sql.ARTICLE, {"id": article_id})).first()
    if row is None:
        raise NotFound(f"no article {article_id}")
    story = (await db.execute(sql.STORY, {"story": row["story_id"]})).rows if row["story_id"] is not None else []
    removals = (await db.execute(sql.REMOVALS, {"id": article_id})).rows
    address = row["canonical_url"] or row["final_url"] or row["url"]
    context = {
        "database": name,
        "article": dict(row),
        "authors": authors(row["authors"]),
        "paragraphs": paragraphs(row["text"]),
        "address": address,
        "link": web_link(address),
        "story": [dict(member) for member in story] if len(story) > 1 else [],
        "removals": [dict(removal) for removal in removals],
        "row_url": datasette.urls.row(name, "articles", str(article_id)),
        "raw_url": datasette.urls.path(f"-/article/{article_id}/raw") if row["raw"] else None,
        "source_feed_url": datasette.urls.path(
            f"{name}/source_feed.atom?" + feed_args({"source": row["source"] or ""}, row["source"] or "no source")
        ),
    }
    html = await datasette.render_template("newsrake_article.html", context, request=request)
    return Response.html(html)


async def raw_page(datasette: Datasette, request: Request) -> Response:
    """``/-/article/ID/raw``: the page as fetched, decompressed, as a download that a browser never renders."""
    _name, db = await _database(datasette, request)
    article_id = int(request.url_vars["id"])
    row = (await db.execute(sql.RAW_PAGE, {"id": article_id})).first()
    if row is None or row["body"] is None:
        raise NotFound(f"no raw page for article {article_id}")
    try:
        body = decompress(row["body"], row["body_encoding"])
    except ValueError as error:
        return Response.text(f"newsrake: the raw page of article {article_id} cannot be read: {error}", status=500)
    return Response(
        body,
        content_type="application/octet-stream",
        headers={
            "content-disposition": f'attachment; filename="article-{article_id}.html"',
            "x-content-type-options": "nosniff",
        },
    )
