"""`newsrake serve`: a real Datasette over the file of a real fixture crawl."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import pytest

from crawler.datasette_metadata import QUERIES

from conftest import SCRIPT, Served, free_port, get, newsrake


def rows(served: Served, path: str) -> list[dict[str, object]]:
    status, body = get(f"{served.base}/news/{path}")
    assert status == 200, body[:500]
    data: list[dict[str, object]] = json.loads(body)
    return data


def test_search_finds_the_article_with_the_word_first(served: Served) -> None:
    found = rows(served, "articles.json?_search=zanzibarite&_shape=array")
    assert str(found[0]["url"]).endswith("/news/bozo-story.html")


STORY_QUERIES = {"top_stories_day", "top_stories_week", "story_copies", "republishing_sources"}
"""This crawl has no copies: their rows are checked on a file with stories, in test_datasette_stories.py."""

NO_ROWS_HERE = STORY_QUERIES | {"extraction_jumps"}
"""extraction_jumps needs weeks of articles: its rows are checked in test_desk.py."""

QUERY_ARGUMENTS = {"search": "&q=zanzibarite", "search_feed": "&q=zanzibarite", "source_feed": "&source=Test+Atom"}


@pytest.mark.parametrize("query", sorted(set(QUERIES) - NO_ROWS_HERE))
def test_stored_query_runs_and_returns_rows(served: Served, query: str) -> None:
    assert rows(served, f"{query}.json?_shape=array{QUERY_ARGUMENTS.get(query, '')}")


@pytest.mark.parametrize("query", sorted(NO_ROWS_HERE))
def test_stored_query_runs_on_a_file_without_its_rows(served: Served, query: str) -> None:
    assert rows(served, f"{query}.json?_shape=array") == []


def test_default_facets_list_the_sources(served: Served) -> None:
    status, body = get(f"{served.base}/news/articles.json")
    assert status == 200
    facets = json.loads(body)["facet_results"]
    sources = {result["value"] for result in facets["source"]["results"]}
    assert sources == {"Test RSS 2.0", "Test Atom", "127.0.0.1", "Empty"}  # the discovered feed's one entry
    # was stored first under "Test RSS 2.0", which lists it too
    assert {"language", "published"} <= set(facets)


def test_stored_markup_comes_back_escaped(served: Served) -> None:
    status, page = get(f"{served.base}/news/articles/{served.script_article}")
    assert status == 200
    assert SCRIPT not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_raw_html_is_never_rendered(served: Served) -> None:
    status, page = get(f"{served.base}/news/raw_pages?_size=2")
    assert status == 200
    assert "<html><body><h1>Only a headline" not in page
    assert ".blob" in page  # bodies are offered as downloads


def test_raw_pages_table_is_hidden(served: Served) -> None:
    status, body = get(f"{served.base}/news.json")
    assert status == 200
    tables = {t["name"]: t for t in json.loads(body)["tables"]}
    assert tables["raw_pages"]["hidden"] is True
    assert tables["articles"]["hidden"] is False


def test_browse_view_joins_articles_with_their_feeds(served: Served) -> None:
    found = rows(served, "articles_browse.json?_shape=array&source=Test+Atom")
    assert len(found) == 2
    assert {row["feed"] for row in found} == {"Test atom"}


def test_titles_and_descriptions_come_from_the_code(served: Served) -> None:
    status, page = get(f"{served.base}/news/feeds")
    assert status == 200
    assert "One row per feed or news sitemap, with its polling state." in page


@pytest.mark.parametrize(
    "sql",
    ["DELETE FROM articles", "UPDATE articles SET title = 'x'", "DROP TABLE runs"],
    ids=["delete", "update", "drop"],
)
def test_datasette_cannot_write(served: Served, sql: str) -> None:
    status, _body = get(f"{served.base}/news.json?sql={urllib.parse.quote(sql)}")
    assert status == 400
    with sqlite3.connect(served.db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] > 0


def test_plain_datasette_uses_the_written_config(served: Served, tmp_path: Path) -> None:
    config = tmp_path / "newsrake-datasette.json"
    written = newsrake("serve", "--db", str(served.db), "--write-config", str(config), cwd=tmp_path)
    assert written.returncode == 0, written.stderr
    done = subprocess.run(
        [sys.executable, "-m", "datasette", str(served.db), "-m", str(config), "--get",
         "/news/failing_feeds.json?_shape=array"],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)[0]["url"].endswith("/feeds/missing.xml")


def test_every_column_of_the_schema_is_described(served: Served) -> None:
    from pipelines.schema_docs import TABLES

    with sqlite3.connect(served.db) as conn:
        for table, doc in TABLES.items():
            columns = {row[1] for row in conn.execute(f"PRAGMA table_info([{table}])")}
            assert columns, f"{table} is not in the schema"
            assert columns == set(doc.columns), table
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    user_tables = {t for t in tables if not t.startswith(("articles_fts", "sqlite_")) and t != "newsrake_migrations"}
    assert user_tables == set(TABLES)


def answers(url: str) -> bool:
    try:
        return get(url)[0] == 200
    except OSError:
        return False


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGINT], ids=["sigterm", "ctrl-c"])
def test_stopping_serve_stops_datasette_too(served: Served, tmp_path: Path, how: signal.Signals) -> None:
    port = free_port()
    command = [sys.executable, "-m", "crawler.cli", "serve", "--db", str(served.db), "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        children: list[int] = []
        while time.monotonic() < deadline and not children:
            children = [int(pid) for task in Path(f"/proc/{server.pid}/task").glob("*")
                        for pid in (task / "children").read_text().split()]  # fmt: skip
            time.sleep(0.1)
        assert children, "newsrake serve started no Datasette"
        while time.monotonic() < deadline and not answers(f"http://127.0.0.1:{port}/news.json"):
            time.sleep(0.2)
        server.send_signal(how)
        assert server.wait(timeout=30) == 0
        for child in children:  # reaped by serve: gone, not left running without a parent
            assert not Path(f"/proc/{child}").exists()
    finally:
        server.kill()
        server.wait()
