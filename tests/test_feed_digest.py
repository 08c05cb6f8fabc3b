"""A server that sends no ETag or Last-Modified: the same feed body is not parsed twice; a changed one is."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from crawler.demo.feedgen import CONTENT_TYPES, Item, render_feed
from crawler.demo.server import LoopbackServer, Resource, Routes

from conftest import FAST, article_page, newsrake

START = datetime(2026, 11, 1, tzinfo=UTC)


def feed(base: str, count: int) -> Resource:
    items = [Item(url=f"{base}/news/{n}.html", title=f"Story {n}", published=START) for n in range(count)]
    body = render_feed("rss2", "No validators", base + "/", f"{base}/feed.xml", items)
    return Resource(body, CONTENT_TYPES["rss2"], validators=False)


def routes(base: str) -> Routes:
    pages = {f"/news/{n}.html": Resource(article_page(n), validators=False) for n in range(3)}
    # the same body on the first two polls, one more entry from the third on
    return {"/feed.xml": [feed(base, 2), feed(base, 2), feed(base, 3)], **pages}


def last_run(db: Path) -> tuple[dict[str, object], dict[str, dict[str, object]]]:
    with sqlite3.connect(db) as conn:
        stats, feeds = conn.execute("SELECT stats, feed_counts FROM runs ORDER BY id DESC LIMIT 1").fetchone()
    return json.loads(stats), json.loads(feeds)


def test_an_unchanged_body_is_not_parsed_again_and_a_changed_one_is(tmp_path: Path) -> None:
    with LoopbackServer(routes) as server:
        url = f"{server.base_url}/feed.xml"
        args = ("crawl", "--feed", url, "--db", "news.db", "--allow-address", server.address, *FAST, "--all-feeds")
        runs = []
        for _ in range(3):
            start = len(server.requests)
            run = newsrake(*args, cwd=tmp_path)
            assert run.returncode == 0, run.stderr
            runs.append(
                (
                    run.stdout,
                    [p for p in server.requests[start:] if p.startswith("/news/")],
                    last_run(tmp_path / "news.db"),
                )
            )
    (first, first_pages, _), (second, second_pages, (stats, feeds)), (third, third_pages, _) = runs
    assert "2 articles new" in first
    assert sorted(first_pages) == ["/news/0.html", "/news/1.html"]
    assert "0 articles new" in second
    assert second_pages == []
    assert stats.get("newsrake/feeds_unchanged") == 1
    assert feeds[url]["outcome"] == "unchanged"
    assert "1 articles new" in third
    assert third_pages == ["/news/2.html"]
