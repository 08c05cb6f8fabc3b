"""A real `newsrake crawl` of the fixture site into a real SQLite file, run twice."""

from __future__ import annotations

import gzip
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest
import zstandard

from crawler.demo.server import LoopbackServer

from conftest import FAST, PAGES, Run, newsrake, page_name

EXPECTED_ARTICLES = len(PAGES) + 1  # the six real pages and the bozo feed's page


@dataclass(frozen=True)
class Crawl:
    """Two identical crawls of the fixture site and what the server saw."""

    db: Path
    first: Run
    second: Run
    first_requests: list[str]
    second_requests: list[str]


@pytest.fixture(scope="module")
def crawl(site: LoopbackServer, tmp_path_factory: pytest.TempPathFactory) -> Crawl:
    tmp = tmp_path_factory.mktemp("crawl")
    base = site.base_url
    (tmp / "seeds.toml").write_text(
        f'[[source]]\nname = "Test RSS 2.0"\nfeeds = ["{base}/feeds/rss2.xml"]\n\n'
        f'[[source]]\nname = "Test Atom"\nfeeds = ["{base}/feeds/atom.xml"]\n\n'
        f'[[source]]\nname = "Discovered"\nhomepage = "{base}/home/"\n'
    )
    (tmp / "feeds.txt").write_text(f"# more feeds\n{base}/feeds/rss1.xml\n\n{base}/feeds/bozo.xml\n")
    args = (
        "crawl",
        "--db",
        "news.db",
        "--seeds",
        "seeds.toml",
        "--feeds-file",
        "feeds.txt",
        "--feed",
        f"{base}/feeds/missing.xml",
        "--allow-private-addresses",
        *FAST,
    )
    start = len(site.requests)
    first = newsrake(*args, cwd=tmp)
    middle = len(site.requests)
    second = newsrake(*args, "--all-feeds", cwd=tmp)  # right after the first: no feed would be due yet
    return Crawl(tmp / "news.db", first, second, site.requests[start:middle], site.requests[middle:])


def rows(db: Path, sql: str, *params: object) -> list[sqlite3.Row]:
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        return list(conn.execute(sql, params))


def article_requests(requests: list[str]) -> list[str]:
    return [path for path in requests if path.startswith("/news/")]


def test_first_run_succeeds_with_summary(crawl: Crawl) -> None:
    assert crawl.first.returncode == 0, crawl.first.stderr
    assert crawl.first.stdout.strip().splitlines()[-1] == (
        f"newsrake: 5 feeds fetched (1 failed), {EXPECTED_ARTICLES} articles new, 0 skipped, 0 failed"
    )


def test_every_listed_article_is_stored(crawl: Crawl) -> None:
    assert rows(crawl.db, "SELECT count(*) AS n FROM articles")[0]["n"] == EXPECTED_ARTICLES


@pytest.mark.parametrize("column", ["title", "text", "published", "language", "fetched_at", "cleaner_version"])
def test_articles_have(crawl: Crawl, column: str) -> None:
    empty = rows(crawl.db, f"SELECT url FROM articles WHERE trim(coalesce({column}, '')) = ''")
    assert [r["url"] for r in empty] == []


def test_urls_are_normalised(crawl: Crawl) -> None:
    urls = [r["url"] for r in rows(crawl.db, "SELECT url FROM articles")]
    assert not [url for url in urls if "utm_" in url]


@pytest.mark.parametrize("path", PAGES, ids=page_name)
def test_raw_page_is_kept_compressed(crawl: Crawl, path: Path) -> None:
    [row] = rows(
        crawl.db,
        "SELECT r.body, r.status, r.body_encoding FROM raw_pages r JOIN articles a ON a.id = r.article_id "
        "WHERE a.url LIKE ?",
        f"%/news/{page_name(path)}.html",
    )
    assert (row["status"], row["body_encoding"]) == (200, "zstd")
    assert zstandard.ZstdDecompressor().decompress(row["body"]) == gzip.decompress(path.read_bytes())


def test_full_text_search_finds_article_by_a_word_of_its_text(crawl: Crawl) -> None:
    found = rows(
        crawl.db,
        "SELECT a.url FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
        "WHERE articles_fts MATCH ? ORDER BY rank",
        "zanzibarite",
    )
    assert len(found) == 1
    assert found[0]["url"].endswith("/news/bozo-story.html")


def test_feed_entry_data_is_kept(crawl: Crawl) -> None:
    [row] = rows(crawl.db, "SELECT feed_title, feed_published, source FROM articles WHERE url LIKE '%bozo-story%'")
    assert dict(row) == {
        "feed_title": "Glassblowers revive the quarry kilns",
        "feed_published": "2026-11-23T09:00:00Z",
        "source": "127.0.0.1",
    }


@pytest.mark.parametrize(
    ("feed", "status", "failures", "bozo"),
    [
        pytest.param("/feeds/rss2.xml", 200, 0, 0, id="rss2"),
        pytest.param("/feeds/atom.xml", 200, 0, 0, id="atom"),
        pytest.param("/feeds/rss1.xml", 200, 0, 0, id="rss1"),
        pytest.param("/feeds/discovered.xml", 200, 0, 0, id="discovered-from-homepage"),
        pytest.param("/feeds/bozo.xml", 200, 0, 1, id="ill-formed-recovered"),
        pytest.param("/feeds/missing.xml", 404, 1, 0, id="missing"),
    ],
)
def test_feed_state_is_recorded(crawl: Crawl, feed: str, status: int, failures: int, bozo: int) -> None:
    [row] = rows(crawl.db, "SELECT * FROM feeds WHERE url LIKE ?", f"%{feed}")
    assert (row["last_status"] in (status, 304), row["bozo"]) == (True, bozo)
    assert row["failures_in_row"] == failures  # the second run does not poll a failed feed: it backs off
    assert row["next_poll_at"] is not None  # a failing feed backs off; the others wait for their poll interval
    assert (row["poll_interval"] is not None) == (not failures)


def test_ill_formed_feed_is_flagged_in_the_log(crawl: Crawl) -> None:
    assert "ill-formed feed, recovered" in crawl.first.stderr
    assert "/feeds/bozo.xml" in crawl.first.stderr


def test_failed_feed_is_one_log_line(crawl: Crawl) -> None:
    lines = [line for line in crawl.first.stderr.splitlines() if "missing.xml" in line]
    assert len(lines) == 1
    assert "HTTP 404" in lines[0]
    assert "Traceback" not in crawl.first.stderr


def test_second_run_fetches_no_article_page(crawl: Crawl) -> None:
    assert len(article_requests(crawl.first_requests)) == EXPECTED_ARTICLES
    assert article_requests(crawl.second_requests) == []


def test_second_run_feeds_are_answered_304(crawl: Crawl) -> None:
    [row] = rows(crawl.db, "SELECT stats FROM runs ORDER BY id DESC LIMIT 1")
    statuses = json.loads(row["stats"])
    assert statuses.get("downloader/response_status_count/304") == 5
    assert "downloader/response_status_count/200" in statuses  # robots.txt and the homepage


def test_failing_feed_is_not_polled_while_it_backs_off(crawl: Crawl) -> None:
    assert "/feeds/missing.xml" in crawl.first_requests
    assert "/feeds/missing.xml" not in crawl.second_requests


def test_runs_keep_per_feed_counts(crawl: Crawl) -> None:
    first, second = (json.loads(r["feed_counts"]) for r in rows(crawl.db, "SELECT feed_counts FROM runs ORDER BY id"))
    assert sum(counts["new"] for counts in first.values()) == EXPECTED_ARTICLES
    assert {counts["outcome"] for counts in second.values()} == {"unchanged"}


def test_second_run_adds_no_row(crawl: Crawl) -> None:
    assert crawl.second.returncode == 0, crawl.second.stderr
    assert crawl.second.stdout.strip().splitlines()[-1] == (
        "newsrake: 5 feeds fetched (5 unchanged), 1 not due, 0 articles new, 0 skipped, 0 failed"
    )
    assert rows(crawl.db, "SELECT count(*) AS n FROM articles")[0]["n"] == EXPECTED_ARTICLES
    assert rows(crawl.db, "SELECT count(*) AS n FROM raw_pages")[0]["n"] == EXPECTED_ARTICLES


def test_each_run_has_a_runs_row(crawl: Crawl) -> None:
    runs = rows(crawl.db, "SELECT * FROM runs ORDER BY id")
    assert [(r["command"], r["outcome"], r["articles_new"], r["feeds_unchanged"]) for r in runs] == [
        ("crawl", "partial", EXPECTED_ARTICLES, 0),
        ("crawl", "ok", 0, 5),
    ]
    assert all(r["finished_at"] and json.loads(r["stats"]) for r in runs)


def test_database_is_in_wal_mode(crawl: Crawl) -> None:
    assert rows(crawl.db, "PRAGMA journal_mode")[0][0] == "wal"
    assert rows(crawl.db, "PRAGMA integrity_check")[0][0] == "ok"


@pytest.mark.parametrize("batch", [1, 2, 1000], ids=lambda b: f"batch-{b}")
def test_any_store_batch_size_stores_the_same_articles(
    crawl: Crawl, site: LoopbackServer, tmp_path: Path, batch: int
) -> None:
    feeds = [f"{site.base_url}/feeds/rss2.xml", f"{site.base_url}/feeds/atom.xml"]
    run = newsrake("crawl", "--feed", feeds[0], "--feed", feeds[1], "--db", "news.db", "--allow-private-addresses",
                   *FAST, "-s", f"NEWSRAKE_STORE_BATCH={batch}", cwd=tmp_path)  # fmt: skip
    assert run.returncode == 0, run.stderr
    stored = {row["url"] for row in rows(tmp_path / "news.db", "SELECT url FROM articles")}
    marks = ", ".join("?" * len(feeds))
    expected = {row["url"] for row in rows(crawl.db, f"SELECT url FROM articles WHERE feed_url IN ({marks})", *feeds)}
    assert expected
    assert stored == expected
    counts = rows(tmp_path / "news.db", "SELECT count(*) AS n FROM raw_pages r JOIN articles a ON a.id = r.article_id")
    assert counts[0]["n"] == len(expected)
