"""The news desk's Datasette plugin (entry point ``newsrake``): its hooks. Each does nothing unless the metadata
configures a desk (`crawler.desk.config`), so that Datasette on another file is left as it is."""

from __future__ import annotations

import sqlite3
import urllib.parse
from collections.abc import Awaitable, Callable, MutableMapping
from typing import TYPE_CHECKING, Any

from datasette import hookimpl
from markupsafe import Markup

from crawler.desk.config import DASHBOARD, PLUGIN, READING_COLUMNS, SHOW_ALL
from crawler.desk.plugin import pages
from crawler.desk.plugin.pages import desk_database
from crawler.desk.text import fts_query, xml_text

if TYPE_CHECKING:  # Datasette loads this plugin while it imports itself
    from datasette.app import Datasette

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

ARTICLE_TABLES = ("articles", "articles_browse")
"""The tables whose title cells link to the reading view."""

_KEEP_COLUMNS_AS_ASKED = {"_col", "_nocol", SHOW_ALL, "_format"}


@hookimpl
def prepare_connection(conn: sqlite3.Connection) -> None:
    """``newsrake_fts(text)``: what a reader typed as an FTS5 query that never fails; ``newsrake_xml(text)``: the
    text without what XML cannot hold, for the Atom feeds (`crawler.desk.text`)."""
    conn.create_function("newsrake_fts", 1, fts_query, deterministic=True)
    conn.create_function("newsrake_xml", 1, xml_text, deterministic=True)


@hookimpl
def register_routes(datasette: Datasette) -> list[tuple[str, Callable[..., Awaitable[object]]]]:
    """The front page, the search, the reading view and the raw page download."""
    if desk_database(datasette) is None:
        return []
    return [
        (r"^/$", pages.front),
        (r"^/-/search$", pages.search),
        (r"^/-/article/(?P<id>[0-9]{1,18})$", pages.article),
        (r"^/-/article/(?P<id>[0-9]{1,18})/raw$", pages.raw_page),
    ]


@hookimpl
def menu_links(datasette: Datasette) -> list[dict[str, str]]:
    """The desk's pages in Datasette's menu."""
    if desk_database(datasette) is None:
        return []
    return [
        {"href": datasette.urls.path(f"-/dashboards/{DASHBOARD}"), "label": "News desk: the crawl at a glance"},
        {"href": datasette.urls.path("-/search"), "label": "Search the articles"},
    ]


@hookimpl
def extra_css_urls(database: str | None, datasette: Datasette) -> list[str]:
    """The desk's style on the desk database's pages."""
    if database is None or database != desk_database(datasette):
        return []
    return [datasette.urls.static_plugins(PLUGIN, "tables.css")]


@hookimpl
def extra_js_urls(database: str | None, datasette: Datasette) -> list[str]:
    """On the desk database's pages: column descriptions folded below the table, "Show all columns" kept."""
    if database is None or database != desk_database(datasette):
        return []
    return [datasette.urls.static_plugins(PLUGIN, "tables.js")]


@hookimpl
def render_cell(row: Any, value: object, column: str, table: str | None, database: str, datasette: Datasette) -> object:
    """An article's title, in the articles table and view, links to its reading view (escaped, as every cell)."""
    if column != "title" or table not in ARTICLE_TABLES or not isinstance(value, str) or not value:
        return None
    if database != desk_database(datasette):
        return None
    try:
        article_id = int(row["id"])
    except (KeyError, IndexError, TypeError, ValueError):
        return None
    return Markup('<a href="{}">{}</a>').format(datasette.urls.path(f"-/article/{article_id}"), value)


@hookimpl
def asgi_wrapper(datasette: Datasette) -> Callable[[App], App]:
    """Two defaults of the desk, at the door:

    - the articles table opens on the columns chosen for reading (`READING_COLUMNS`) by a redirect that adds them
      as ``_col``; a URL that says which columns it wants, or ``_all_columns=1``, is served as asked;
    - the plugins' scripts and styles (``/-/static-plugins/``, a megabyte on the front page) may be cached for
      `STATIC_MAX_AGE` seconds: Datasette sends them with no caching header, so a browser fetches them again on
      every view."""

    def wrap(app: App) -> App:
        async def desk_defaults(scope: Scope, receive: Receive, send: Send) -> None:
            target = await _reading_columns_url(datasette, scope)
            if target is not None:
                await send({"type": "http.response.start", "status": 302,
                            "headers": [(b"location", target.encode()), (b"content-length", b"0")]})  # fmt: skip
                await send({"type": "http.response.body", "body": b""})
            elif _is_plugin_asset(datasette, scope):
                await app(scope, receive, _cached(send))
            else:
                await app(scope, receive, send)

        return desk_defaults

    return wrap


STATIC_MAX_AGE = 3600


def _is_plugin_asset(datasette: Datasette, scope: Scope) -> bool:
    path = scope.get("path")
    return (
        scope.get("type") == "http"
        and isinstance(path, str)
        and path.startswith(datasette.urls.path("-/static-plugins/"))
        and desk_database(datasette) is not None
    )


def _cached(send: Send) -> Send:
    """``send`` with a Cache-Control header added to a successful response that has none."""

    async def send_cached(message: MutableMapping[str, Any]) -> None:
        if message.get("type") == "http.response.start" and message.get("status") == 200:
            headers = list(message.get("headers") or [])
            if not any(bytes(name).lower() == b"cache-control" for name, _ in headers):
                headers.append((b"cache-control", f"max-age={STATIC_MAX_AGE}".encode()))
            message = {**message, "headers": headers}
        await send(message)

    return send_cached


async def _reading_columns_url(datasette: Datasette, scope: Scope) -> str | None:
    """Where a bare request for the articles table's page is sent, or None to serve the request as it is."""
    if scope.get("type") != "http" or scope.get("method") != "GET":
        return None
    name = desk_database(datasette)
    if name is None or scope.get("path") != datasette.urls.table(name, "articles"):
        return None
    query = scope.get("query_string", b"").decode("latin-1")
    if _KEEP_COLUMNS_AS_ASKED & {key for key, _ in urllib.parse.parse_qsl(query, keep_blank_values=True)}:
        return None
    try:
        present = set(await datasette.get_database(name).table_columns("articles"))
    except (KeyError, sqlite3.Error):
        return None
    columns = urllib.parse.urlencode([("_col", column) for column in READING_COLUMNS if column in present])
    return f"{scope['path']}?{query + '&' if query else ''}{columns}"
