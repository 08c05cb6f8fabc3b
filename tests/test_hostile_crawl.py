"""One crawl of a loopback site mixing 200 good articles with every hostile endpoint."""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from benchmarks.proctree import run_measured
from crawler.demo.server import LoopbackServer

from hostile_site import GOOD, hostile_routes, rate_limited_routes

TIME_BOUND = 90.0
MEMORY_BOUND = 500 * 1024 * 1024


@dataclass(frozen=True)
class HostileCrawl:
    returncode: int
    stderr: str
    seconds: float
    peak: int
    db: Path
    requests: list[str]
    cookies: list[str]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HostileCrawl]:
    tmp = tmp_path_factory.mktemp("hostile")
    with (
        LoopbackServer(rate_limited_routes, host="127.0.0.51") as limited,
        LoopbackServer(lambda base: hostile_routes(base, limited.base_url), host="127.0.0.50") as server,
    ):
        command = [sys.executable, "-m", "crawler.cli", "crawl", "--feed", f"{server.base_url}/feed.xml",
                   "--feed", f"{server.base_url}/huge-feed.xml",
                   "--db", str(tmp / "news.db"), "--allow-address", server.address, "--allow-address", limited.address,
                   "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_TIMEOUT=3",
                   "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=4"]  # fmt: skip
        measured = run_measured(command)
        done = measured.process
        yield HostileCrawl(done.returncode, done.stderr, measured.seconds, measured.peak_pss, tmp / "news.db",
                           list(server.requests), list(server.cookies))  # fmt: skip


def query(db: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as conn:
        return list(conn.execute(sql))


def run_stats(crawl: HostileCrawl) -> dict[str, object]:
    [(stats,)] = query(crawl.db, "SELECT stats FROM runs")
    data: dict[str, object] = json.loads(str(stats))
    return data


def test_the_run_finishes_cleanly(hostile: HostileCrawl) -> None:
    assert hostile.returncode == 0, hostile.stderr[-3000:]
    assert "Traceback" not in hostile.stderr


def test_every_good_article_is_stored(hostile: HostileCrawl) -> None:
    stored = query(hostile.db, "SELECT count(*) FROM articles WHERE url LIKE '%/news/%' AND text != ''")
    assert stored[0][0] == GOOD


def test_the_run_stays_within_its_time_bound(hostile: HostileCrawl) -> None:
    assert hostile.seconds < TIME_BOUND


def test_peak_memory_stays_bounded(hostile: HostileCrawl) -> None:
    assert 0 < hostile.peak < MEMORY_BOUND


def test_the_database_is_intact(hostile: HostileCrawl) -> None:
    assert query(hostile.db, "PRAGMA integrity_check")[0][0] == "ok"


@pytest.mark.parametrize(
    ("counter", "at_least"),
    [
        pytest.param("newsrake/refused/AddressRefused", 6, id="redirects-to-private-addresses-refused"),
        pytest.param("newsrake/failed/http_302", 2, id="redirects-to-file-and-data-not-followed"),
        pytest.param("newsrake/failed/DownloadTimeoutError", 2, id="trickle-and-no-headers-timed-out"),
        pytest.param("newsrake/failed/ResponseDataLossError", 1, id="truncated-body-failed"),
        pytest.param("newsrake/failed/DownloadCancelledError", 3, id="bombs-and-huge-bodies-cut-at-the-size-limit"),
        pytest.param("newsrake/failed/IgnoreRequest", 3, id="redirect-loops-chains-and-5GB-content-length"),
        pytest.param("newsrake/failed/http_503", 1, id="503-given-up-after-retries"),
        pytest.param("newsrake/failed/http_403", 1, id="empty-403"),
    ],
)
def test_runs_row_counts_each_refusal_and_failure_by_reason(hostile: HostileCrawl, counter: str, at_least: int) -> None:
    assert int(run_stats(hostile).get(counter, 0)) >= at_least  # type: ignore[call-overload]


def test_no_request_reaches_another_address(hostile: HostileCrawl) -> None:
    assert not [line for line in hostile.stderr.splitlines() if "Connection was refused by other side" in line]


@pytest.mark.parametrize(
    "path",
    ["/h/429-then-ok", "/h/colspan", "/h/nul-and-control", "/h/cp1252-labelled-utf8"],
)
def test_odd_but_harmless_pages_are_stored(hostile: HostileCrawl, path: str) -> None:
    rows = query(hostile.db, f"SELECT text FROM articles WHERE url LIKE '%{path}'")
    assert rows
    assert "\x00" not in str(rows[0][0])


def test_a_truncated_body_is_retried_and_never_stored(hostile: HostileCrawl) -> None:
    assert hostile.requests.count("/h/truncated") == 3  # the first try and two retries
    assert query(hostile.db, "SELECT count(*) FROM articles WHERE url LIKE '%/h/truncated'")[0][0] == 0


def test_a_feed_over_the_size_limit_fails_and_is_recorded(hostile: HostileCrawl) -> None:
    [(status, error)] = query(hostile.db, "SELECT last_status, last_error FROM feeds WHERE url LIKE '%huge-feed.xml'")
    assert status is None
    assert "DownloadCancelledError" in str(error)


def test_cookies_are_never_sent_back(hostile: HostileCrawl) -> None:
    assert hostile.cookies == []
