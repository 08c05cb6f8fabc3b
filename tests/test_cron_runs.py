"""Runs as cron starts them: overlapping, killed at random moments, stopped by --max-runtime, limited by --since."""

from __future__ import annotations

import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import pytest

from crawler.demo.feedgen import CONTENT_TYPES, Item, render_feed
from crawler.demo.server import ROBOTS_ALLOW_ALL, LoopbackServer, Resource, Routes

from conftest import FAST, article_page, generated_site, get, newsrake

ARTICLES = 40
SLOW = ("-s", "DOWNLOAD_DELAY=0.05", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "RANDOMIZE_DOWNLOAD_DELAY=False")


@pytest.fixture(scope="module")
def site() -> Iterator[LoopbackServer]:
    with LoopbackServer(generated_site(ARTICLES), host="127.0.0.40") as server:
        yield server


def crawl_args(site: LoopbackServer, db: str, *extra: str) -> list[str]:
    return ["crawl", "--feed", f"{site.base_url}/feed.xml", "--db", db, "--allow-address", site.address, *extra]


def start(args: list[str], cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "crawler.cli", *args], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def articles(db: Path) -> set[tuple[str, str, str]]:
    with sqlite3.connect(db) as conn:
        return set(conn.execute("SELECT url, title, text FROM articles"))


def scalar(db: Path, sql: str) -> Any:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchone()[0]


def test_a_second_run_exits_at_once_with_the_lock_code(site: LoopbackServer, tmp_path: Path) -> None:
    first = start(crawl_args(site, "news.db", "-s", "DOWNLOAD_DELAY=0.2"), tmp_path)
    try:
        lock = tmp_path / "news.db.lock"
        deadline = time.monotonic() + 20
        while not (lock.exists() and lock.read_text().strip()) and time.monotonic() < deadline:
            time.sleep(0.05)
        first.send_signal(signal.SIGSTOP)  # holds the lock and cannot end: a second run that waited would not end
        second = newsrake(*crawl_args(site, "news.db"), cwd=tmp_path, timeout=60)
        first_still_running = first.poll() is None
    finally:
        first.send_signal(signal.SIGTERM)
        first.send_signal(signal.SIGCONT)
        first.communicate(timeout=60)
    assert second.returncode == 75
    assert second.stderr.strip() == (
        f"newsrake: another newsrake run (pid {first.pid}) is using news.db; not starting (exit 75)"
    )
    assert "database is locked" not in second.stderr
    assert first_still_running


def test_killed_runs_leave_a_consistent_database_and_the_next_run_completes(
    site: LoopbackServer, tmp_path: Path
) -> None:
    reference = newsrake(*crawl_args(site, "reference.db", *FAST), cwd=tmp_path)
    assert reference.returncode == 0, reference.stderr
    expected = articles(tmp_path / "reference.db")
    assert len(expected) == ARTICLES

    db = tmp_path / "killed.db"
    moments = random.Random(9309)
    for _ in range(10):
        run = start(crawl_args(site, "killed.db", *SLOW), tmp_path)
        time.sleep(moments.uniform(0.3, 3.5))
        os.kill(run.pid, signal.SIGKILL)
        run.communicate(timeout=30)
        if db.exists():
            assert scalar(db, "PRAGMA integrity_check") == "ok"
            if not scalar(db, "SELECT count(*) FROM sqlite_master WHERE name = 'articles'"):
                continue  # killed while the file was being set up: the next run sets it up
            assert scalar(db, "SELECT count(*) - count(DISTINCT url) FROM articles") == 0
            assert scalar(db, "SELECT count(*) FROM articles a LEFT JOIN raw_pages r ON r.article_id = a.id "
                              "WHERE r.article_id IS NULL") == 0  # fmt: skip
    final = newsrake(*crawl_args(site, "killed.db", *FAST), cwd=tmp_path)
    assert final.returncode == 0, final.stderr
    assert articles(db) == expected
    assert scalar(db, "SELECT count(*) FROM articles") == ARTICLES
    assert scalar(db, "SELECT count(*) FROM raw_pages") == ARTICLES


def test_max_runtime_stops_the_run_cleanly(site: LoopbackServer, tmp_path: Path) -> None:
    before = len(site.requests)
    run = newsrake(*crawl_args(site, "news.db", "--max-runtime", "2s", "-s", "DOWNLOAD_DELAY=0.3"), cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "stopped at --max-runtime 2s" in run.stderr
    stored = scalar(tmp_path / "news.db", "SELECT count(*) FROM articles")
    served = len([path for path in site.requests[before:] if path.startswith("/news/")])
    assert stored == served  # every page fetched before the stop is kept
    assert served < ARTICLES  # stopped: at least 0.3 s between pages, 40 pages cannot fit in 2 s
    assert scalar(tmp_path / "news.db", "SELECT outcome FROM runs") == "stopped"
    again = newsrake(*crawl_args(site, "news.db", *FAST), cwd=tmp_path)  # the next run completes the rest
    assert again.returncode == 0, again.stderr
    assert scalar(tmp_path / "news.db", "SELECT count(*) FROM articles") == ARTICLES


def since_covering(site: LoopbackServer, newest: int) -> str:
    """A ``--since`` that takes in the ``newest`` entries of the site's feed and none older: half an hour older
    than the last of them (the entries are an hour apart), from now, so that it never expires."""
    if newest == 0:
        return "1s"
    status, feed = get(f"{site.base_url}/feed.xml")
    assert status == 200
    dates = sorted(
        (parsedate_to_datetime(date) for date in re.findall(r"<pubDate>(.*?)</pubDate>", feed)), reverse=True
    )
    assert len(dates) == ARTICLES
    return f"{(datetime.now(UTC) - dates[newest - 1]).total_seconds() + 1800:.0f}s"


@pytest.mark.parametrize(
    "expected",
    [pytest.param(ARTICLES, id="all-recent"), pytest.param(10, id="the-ten-newest"), pytest.param(0, id="all-too-old")],
)
def test_since_skips_old_entries_before_any_request(site: LoopbackServer, tmp_path: Path, expected: int) -> None:
    since = since_covering(site, expected)
    before = len(site.requests)
    run = newsrake(*crawl_args(site, "news.db", "--since", since, *FAST), cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert scalar(tmp_path / "news.db", "SELECT count(*) FROM articles") == expected
    assert len([p for p in site.requests[before:] if p.startswith("/news/")]) == expected


def test_bad_duration_is_a_usage_error(site: LoopbackServer, tmp_path: Path) -> None:
    run = newsrake(*crawl_args(site, "news.db", "--since", "soon"), cwd=tmp_path)
    assert run.returncode == 2
    assert run.stderr.startswith("newsrake: error: ")


def updating_site(base: str) -> Routes:
    """One Atom entry whose page and <updated> date change between the first and the second fetch."""
    published = datetime(2026, 11, 20, 8, tzinfo=UTC)
    feeds = [
        render_feed("atom", "Updates", base + "/", f"{base}/feed.xml",
                    [Item(url=f"{base}/news/0.html", title="Story 0", published=published + timedelta(hours=h))])
        for h in (0, 5)
    ]  # fmt: skip
    return {
        "/robots.txt": ROBOTS_ALLOW_ALL,
        "/feed.xml": [Resource(feed, CONTENT_TYPES["atom"]) for feed in feeds],
        "/news/0.html": [
            Resource(article_page(0)),
            Resource(article_page(0).replace(b"part 1", b"part one, corrected")),
        ],
    }


@pytest.mark.parametrize(
    ("refetch", "versions"),
    [pytest.param(False, 0, id="off-by-default"), pytest.param(True, 1, id="on-keeps-previous-version")],
)
def test_updated_entries_can_be_fetched_again(tmp_path: Path, refetch: bool, versions: int) -> None:
    with LoopbackServer(updating_site, host="127.0.0.41") as server:
        args = ["crawl", "--feed", f"{server.base_url}/feed.xml", "--db", "news.db", "--allow-address", server.address,
                *FAST, "-s", f"NEWSRAKE_REFETCH_UPDATED={refetch}"]  # fmt: skip
        assert newsrake(*args, cwd=tmp_path).returncode == 0
        second = newsrake(*args, "--all-feeds", cwd=tmp_path)  # the feed polled again at once
    assert second.returncode == 0, second.stderr
    db = tmp_path / "news.db"
    assert scalar(db, "SELECT count(*) FROM articles") == 1
    assert scalar(db, "SELECT count(*) FROM article_versions") == versions
    assert ("part one, corrected" in str(scalar(db, "SELECT text FROM articles"))) == refetch
    if refetch:
        assert "part 1:" in str(scalar(db, "SELECT text FROM article_versions"))
        assert second.stdout.strip().endswith("1 updated")


def test_log_file_gets_one_line_per_problem(site: LoopbackServer, tmp_path: Path) -> None:
    args = crawl_args(site, "news.db", "--log-file", "crawl.log", "--feed", f"{site.base_url}/missing.xml", *FAST)
    run = newsrake(*args, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    problems = [line for line in (tmp_path / "crawl.log").read_text().splitlines() if "missing.xml" in line]
    assert len(problems) == 1
    assert problems[0].endswith(f"feed failed: {site.base_url}/missing.xml (HTTP 404)")


@pytest.mark.parametrize(
    ("level", "per_page"),
    [pytest.param("WARNING", False, id="default-none"), pytest.param("DEBUG", True, id="debug-every-page")],
)
def test_the_log_has_a_line_per_page_only_at_debug_level(
    site: LoopbackServer, tmp_path: Path, level: str, per_page: bool
) -> None:
    args = crawl_args(site, "news.db", "--log-file", "crawl.log", *FAST, "-s", f"LOG_LEVEL={level}")
    run = newsrake(*args, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    log = (tmp_path / "crawl.log").read_text()
    stored = scalar(tmp_path / "news.db", "SELECT count(*) FROM articles")
    assert stored > 0
    assert log.count("stored CleanedPage ") == (stored if per_page else 0)
    assert ("Crawled (200)" in log) is per_page


def test_no_debug_record_is_even_made_per_page_by_default(site: LoopbackServer, tmp_path: Path) -> None:
    args = crawl_args(site, "news.db", *FAST)
    code = (
        "import atexit, logging, sys\n"
        "made = []\n"
        "make = logging.Logger.makeRecord\n"
        "logging.Logger.makeRecord = lambda self, *a, **k: made.append(a[1]) or make(self, *a, **k)\n"
        "atexit.register(lambda: print('DEBUG RECORDS', made.count(logging.DEBUG)))\n"
        f"sys.argv = ['newsrake', *{args!r}]\n"
        "from crawler.cli import main\n"
        "main()\n"
    )
    run = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    stored = scalar(tmp_path / "news.db", "SELECT count(*) FROM articles")
    assert stored > 0
    debug_records = int(run.stdout.strip().splitlines()[-1].split()[-1])
    assert debug_records < stored  # a few while Scrapy starts; none per request or item


def moving_site(base: str) -> Routes:
    """A feed that moved for good (301 to its new address) and one that is gone (410)."""
    routes = dict(generated_site(2)(base))
    routes["/old-feed.xml"] = Resource(b"", "text/plain", 301, (("Location", f"{base}/feed.xml"),))
    routes["/gone.xml"] = Resource(b"gone", "text/plain", 410)
    return routes


@pytest.fixture(scope="module")
def moved(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, list[str], list[str]]]:
    tmp = tmp_path_factory.mktemp("moved")
    with LoopbackServer(moving_site, host="127.0.0.42") as server:
        args = ["crawl", "--feed", f"{server.base_url}/old-feed.xml", "--feed", f"{server.base_url}/gone.xml",
                "--db", "news.db", "--allow-address", server.address, *FAST]  # fmt: skip
        newsrake(*args, cwd=tmp)
        middle = len(server.requests)
        newsrake(*args, "--all-feeds", cwd=tmp)  # polled again at once (the retired feed is not, even so)
        yield tmp / "news.db", server.requests[:middle], server.requests[middle:]


def test_a_moved_feed_is_polled_at_its_new_address(moved: tuple[Path, list[str], list[str]]) -> None:
    db, first, second = moved
    assert "/old-feed.xml" in first
    assert "/old-feed.xml" not in second
    assert "/feed.xml" in second
    assert str(scalar(db, "SELECT moved_to FROM feeds WHERE url LIKE '%/old-feed.xml'")).endswith("/feed.xml")


def test_a_gone_feed_is_retired(moved: tuple[Path, list[str], list[str]]) -> None:
    db, first, second = moved
    assert "/gone.xml" in first
    assert "/gone.xml" not in second
    assert scalar(db, "SELECT retired_at IS NOT NULL FROM feeds WHERE url LIKE '%/gone.xml'") == 1


def _started_early(db: Path) -> list[int | None]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT stats FROM runs WHERE command = 'crawl' ORDER BY id").fetchall()
    return [json.loads(stats).get("newsrake/clean_fork_server_started_early") for (stats,) in rows]


def test_the_workers_fork_server_starts_with_the_command_when_the_last_crawl_stored_articles(
    site: LoopbackServer, tmp_path: Path
) -> None:
    for _ in range(3):  # a new database; then nothing new after a run that stored; then after one that did not
        run = newsrake(*crawl_args(site, "news.db", *FAST), cwd=tmp_path)
        assert run.returncode == 0, run.stderr
    assert scalar(tmp_path / "news.db", "SELECT group_concat(articles_new) FROM runs") == f"{ARTICLES},0,0"
    assert _started_early(tmp_path / "news.db") == [1, 1, None]


def test_no_fork_server_is_started_early_when_cleaning_is_in_process(site: LoopbackServer, tmp_path: Path) -> None:
    run = newsrake(*crawl_args(site, "news.db", *FAST, "-s", "NEWSRAKE_CLEAN_WORKERS=0"), cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert _started_early(tmp_path / "news.db") == [None]
