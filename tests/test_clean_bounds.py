"""Cleaning is bounded in time and memory per page: a page over a bound is stored with the reason and its raw
body, its worker is replaced, and the crawl goes on."""

from __future__ import annotations

import asyncio
import gzip
import sqlite3
from pathlib import Path

from cleaners import Article
from crawler.demo.server import LoopbackServer
from crawler.items import FetchedPage
from pipelines.clean_workers import CleanWorkers
from pipelines.store import RawPage

from conftest import FAST, newsrake


def test_a_page_over_the_time_bound_is_stored_with_the_reason(site: LoopbackServer, tmp_path: Path) -> None:
    feed = f"{site.base_url}/feeds/rss2.xml"
    bound = "NEWSRAKE_CLEAN_TIMEOUT=0.000001"
    run = newsrake("crawl", "--feed", feed, "--db", "news.db", "--allow-address", site.address, *FAST, "-s", bound,
                   cwd=tmp_path)  # fmt: skip
    assert run.returncode == 0, run.stderr
    with sqlite3.connect(tmp_path / "news.db") as conn:
        rows = list(
            conn.execute(
                "SELECT a.problems, a.text, length(r.body) FROM articles a JOIN raw_pages r ON r.article_id = a.id"
            )
        )
    assert len(rows) == 2
    for problems, text, body in rows:
        assert "clean-timeout" in problems
        assert text == ""
        assert body > 0  # the raw page is kept: a later reclean can try again


def test_cleaning_in_the_crawl_process_still_works(site: LoopbackServer, tmp_path: Path) -> None:
    run = newsrake("crawl", "--feed", f"{site.base_url}/feeds/rss2.xml", "--db", "news.db",
                   "--allow-address", site.address, *FAST, "-s", "NEWSRAKE_CLEAN_WORKERS=0", cwd=tmp_path)  # fmt: skip
    assert run.returncode == 0, run.stderr
    with sqlite3.connect(tmp_path / "news.db") as conn:
        assert conn.execute("SELECT count(*) FROM articles WHERE text != ''").fetchone()[0] == 2


def test_a_page_over_the_memory_bound_is_recorded_and_the_worker_replaced() -> None:
    big = b"<html><body>" + b"<p>" + b"many words here " * 800_000 + b"</p></body></html>"
    small = (
        b"<html><head><title>Small</title></head><body><article><p>"
        + b"A short and ordinary paragraph of text. " * 20
        + b"</p></article></body></html>"
    )

    async def clean_both() -> tuple[Article, Article]:
        workers = CleanWorkers(size=1, timeout=60, memory_mb=5)
        try:
            (over, over_body), (after, after_body) = (
                await workers.clean(fetched(big)),
                await workers.clean(fetched(small)),
            )
        finally:
            workers.close()
        assert gzip.decompress(over_body.data) == big  # the raw page is kept, compressed for storage
        assert gzip.decompress(after_body.data) == small
        return over, after

    over, after = asyncio.run(clean_both())
    assert over.problems
    assert over.problems[0].startswith(("clean-memory", "clean-crashed"))
    assert over.text == ""
    assert after.problems == ()
    assert after.text.startswith("A short and ordinary paragraph")


def fetched(body: bytes) -> FetchedPage:
    page = RawPage("https://example.org/a", "https://example.org/a", 200, body)
    return FetchedPage(page=page, source="test", feed_url=None, entry=None)
