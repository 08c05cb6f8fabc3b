"""Adaptive feed polling (`pipelines.polling`): the policy, the hints it reads, and real crawls on loopback that
poll a feed (or a sitemap) only when it is due, or when --all-feeds says so."""

from __future__ import annotations

import math
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crawler.demo.feedgen import CONTENT_TYPES, Item, render_feed
from crawler.demo.server import ROBOTS_ALLOW_ALL, LoopbackServer, Resource, Routes
from crawler.feeds import parse_feed
from pipelines.polling import (
    ENTRIES_PER_POLL,
    PollBounds,
    PollHints,
    PollObservation,
    PollState,
    count_new,
    entry_key,
    max_age,
    next_poll,
    syndication_period,
    ttl_seconds,
)

from conftest import FAST, article_page, newsrake

NOW = datetime(2026, 11, 2, 12, 0, tzinfo=UTC).timestamp()
BOUNDS = PollBounds(minimum=600, maximum=86400, default=900)
HALF_HOUR_AGO = PollState(polled_at=NOW - 1800, interval=1800, rate=ENTRIES_PER_POLL / 1800, exposure=6 * 3600)
"""A feed polled every 30 min, the interval its estimated rate (about two articles an hour) gives."""


@dataclass(frozen=True)
class Case:
    previous: PollState | None
    observed: PollObservation
    check: Callable[[float], bool]
    """What the interval must satisfy."""
    reason: str
    """A part of the reason."""


POLICY = {
    "first-poll-default-interval": Case(
        None, PollObservation(entries=20, new=20), lambda s: s == 900, "first poll, 20 entries: rate not known yet"
    ),
    "mostly-new-sooner": Case(
        HALF_HOUR_AGO, PollObservation(entries=30, new=12), lambda s: s < 1800, "12 of 30 entries new in 30 min"
    ),
    "all-known-later": Case(
        HALF_HOUR_AGO, PollObservation(entries=20, new=0), lambda s: 1800 < s <= 3600, "nothing new 1 time: backing off"
    ),
    "not-modified-304-later": Case(
        HALF_HOUR_AGO,
        PollObservation(entries=0, new=0, unchanged=True, status=304),
        lambda s: 1800 < s <= 3600,
        "unchanged (304) 1 time: backing off",
    ),
    "same-body-later": Case(
        HALF_HOUR_AGO,
        PollObservation(entries=0, new=0, unchanged=True),
        lambda s: 1800 < s <= 3600,
        "unchanged 1 time",
    ),
    "quiet-for-long-backs-off-to-the-maximum": Case(
        PollState(NOW - 80000, 80000, 0.0, 86400, quiet=6),
        PollObservation(entries=10, new=0),
        lambda s: s == 86400,
        "nothing new 7 times: backing off; at the 24 h maximum",
    ),
    "window-overflow-sooner": Case(
        HALF_HOUR_AGO,
        PollObservation(entries=20, new=20),
        lambda s: s <= 900,
        "20 of 20 entries new in 30 min: some may be lost, polled sooner",
    ),
    "busiest-at-the-minimum": Case(
        PollState(NOW - 600, 600, 60 / 3600, 6 * 3600),
        PollObservation(entries=50, new=10),
        lambda s: s == 600,
        "at the 10 min minimum",
    ),
    "ttl-respected": Case(
        HALF_HOUR_AGO, PollObservation(entries=30, new=12, hints=PollHints(ttl=3600)), lambda s: s == 3600, "ttl 60 min"
    ),
    "sy-update-period-respected": Case(
        HALF_HOUR_AGO,
        PollObservation(entries=30, new=12, hints=PollHints(update_period=7200)),
        lambda s: s == 7200,
        "sy:updatePeriod 2 h",
    ),
    "max-age-respected": Case(
        HALF_HOUR_AGO,
        PollObservation(entries=30, new=12, hints=PollHints(max_age=2700)),
        lambda s: s == 2700,
        "Cache-Control max-age 45 min",
    ),
    "retry-after-respected": Case(
        None,
        PollObservation(entries=5, new=5, hints=PollHints(retry_after=7200)),
        lambda s: s == 7200,
        "Retry-After 2 h",
    ),
    "the-window-beats-a-ttl": Case(
        HALF_HOUR_AGO,
        PollObservation(entries=20, new=20, hints=PollHints(ttl=3600)),
        lambda s: s <= 900,
        "ttl 60 min not waited for: entries would be lost",
    ),
    "the-window-beats-a-ttl-before-it-overflows": Case(
        HALF_HOUR_AGO,
        PollObservation(entries=8, new=2, hints=PollHints(ttl=6 * 3600)),
        lambda s: s < 6 * 3600,
        "(ttl 6 h not waited for: entries would be lost)",
    ),
    "retry-after-beats-the-window": Case(
        HALF_HOUR_AGO,
        PollObservation(entries=20, new=20, hints=PollHints(retry_after=7200)),
        lambda s: s == 7200,
        "Retry-After 2 h",
    ),
    "a-short-hint-changes-nothing": Case(
        HALF_HOUR_AGO,
        PollObservation(entries=20, new=0, hints=PollHints(ttl=60)),
        lambda s: 1800 < s <= 3600,
        "backing off",
    ),
    "a-hint-beyond-the-maximum-is-clamped": Case(
        PollState(NOW - 3600, 3600, 1 / 86400, 86400),  # a quiet feed: its window holds weeks of entries
        PollObservation(entries=30, new=0, hints=PollHints(ttl=3 * 86400)),
        lambda s: s == 86400,
        "ttl 3 d; at the 24 h maximum",
    ),
}


@pytest.mark.parametrize("case", POLICY.values(), ids=POLICY.keys())
def test_the_interval_follows_what_the_polls_show(case: Case) -> None:
    decision = next_poll(case.previous, case.observed, NOW, BOUNDS)
    assert case.check(decision.interval), (decision.interval, decision.reason)
    assert case.reason in decision.reason
    assert decision.state.polled_at == NOW
    assert decision.next_at == NOW + decision.interval


def test_a_busier_feed_is_polled_sooner() -> None:
    intervals = [
        next_poll(HALF_HOUR_AGO, PollObservation(entries=50, new=new), NOW, BOUNDS).interval for new in (1, 3, 6, 12)
    ]
    assert intervals == sorted(intervals, reverse=True)
    assert intervals[0] > intervals[-1]


def test_a_steady_feed_settles_on_one_new_entry_a_poll() -> None:
    """Two articles an hour, polled as the policy says: the rate is found and the interval settles at 30 min."""
    state: PollState | None = None
    now, published, seen = NOW, 0.0, 0
    for _ in range(60):
        decision = next_poll(state, PollObservation(entries=30, new=int(published) - seen), now, BOUNDS)
        state, seen = decision.state, int(published)
        now += decision.interval
        published += decision.interval * 2 / 3600
    assert state is not None
    assert state.rate * 3600 == pytest.approx(2, rel=0.25)
    assert decision.interval == pytest.approx(1800, rel=0.25)


states = st.one_of(
    st.none(),
    st.builds(
        PollState,
        polled_at=st.floats(NOW - 10 * 86400, NOW),
        interval=st.floats(1, 10 * 86400),
        rate=st.floats(0, 1),
        exposure=st.floats(0, 30 * 86400),
        quiet=st.integers(0, 1000),
    ),
)
hints = st.builds(
    PollHints, *(st.one_of(st.none(), st.floats(0, 30 * 86400)) for _ in range(4))
)  # ttl, update_period, max_age, retry_after
observations = st.builds(
    PollObservation,
    entries=st.integers(0, 1000),
    new=st.integers(0, 1000),
    unchanged=st.booleans(),
    status=st.sampled_from([200, 304]),
    hints=hints,
)


@given(states, observations, st.floats(0, 3600), st.floats(3600, 3 * 86400))
def test_the_interval_is_always_within_the_bounds(
    previous: PollState | None, observed: PollObservation, minimum: float, maximum: float
) -> None:
    bounds = PollBounds(minimum=minimum, maximum=maximum, default=900)
    decision = next_poll(previous, observed, NOW, bounds)
    assert minimum <= decision.interval <= maximum
    assert decision.state.interval == decision.interval
    assert decision.reason
    assert math.isfinite(decision.state.rate)
    assert decision.state.rate >= 0


HINTS: dict[str, tuple[Callable[[], float | None], float | None]] = {
    "ttl-minutes": (lambda: ttl_seconds("60"), 3600),
    "ttl-not-a-number": (lambda: ttl_seconds("soon"), None),
    "ttl-zero": (lambda: ttl_seconds("0"), None),
    "ttl-missing": (lambda: ttl_seconds(None), None),
    "sy-hourly-twice": (lambda: syndication_period("hourly", "2"), 1800),
    "sy-daily-no-frequency": (lambda: syndication_period(" Daily ", None), 86400),
    "sy-bad-frequency": (lambda: syndication_period("weekly", "often"), 7 * 86400),
    "sy-unknown-period": (lambda: syndication_period("fortnightly", "1"), None),
    "max-age": (lambda: max_age("public, max-age=300"), 300),
    "max-age-only-shared": (lambda: max_age("s-maxage=60"), None),
    "max-age-missing": (lambda: max_age(None), None),
}


@pytest.mark.parametrize(("read", "expected"), HINTS.values(), ids=HINTS.keys())
def test_hints_are_read(read: Callable[[], float | None], expected: float | None) -> None:
    assert read() == expected


def test_the_feed_hints_are_parsed() -> None:
    body = (
        b'<?xml version="1.0"?><rss version="2.0" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">'
        b"<channel><title>T</title><ttl>45</ttl><sy:updatePeriod>hourly</sy:updatePeriod>"
        b"<sy:updateFrequency>4</sy:updateFrequency><item><link>https://example.org/a</link></item></channel></rss>"
    )
    feed = parse_feed(body, "https://example.org/feed.xml")
    assert (feed.ttl, feed.update_period) == (2700, 900)


@pytest.mark.parametrize(
    ("previous", "keys", "new"),
    [
        pytest.param(None, ["a", "b"], 2, id="nothing-remembered"),
        pytest.param(["a", "b"], ["a", "b"], 0, id="all-known"),
        pytest.param(["a", "b"], ["c", "a", "b"], 1, id="one-new"),
        pytest.param(["a"], ["c", "c"], 1, id="counted-once"),
    ],
)
def test_new_entries_are_counted(previous: list[str] | None, keys: list[str], new: int) -> None:
    remembered = None if previous is None else [entry_key(key) for key in previous]
    assert count_new(remembered, [entry_key(key) for key in keys]) == new


# --- real crawls on loopback -------------------------------------------------------------------------------------

START = datetime(2026, 11, 1, tzinfo=UTC)
ARTICLES = 12


def items(base: str, count: int) -> list[Item]:
    return [Item(url=f"{base}/news/{n}.html", title=f"Story {n}", published=START + timedelta(hours=n)) for n in
            range(count)]  # fmt: skip


def urlset(base: str, count: int) -> bytes:
    urls = "".join(f"<url><loc>{base}/news/{n}.html</loc></url>" for n in range(count))
    return f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'.encode()


def site(base: str) -> Routes:
    """A feed and a sitemap: 3 entries on the first poll, 5 from the second on; slow article pages past 5."""
    routes: dict[str, Resource | list[Resource]] = {"/robots.txt": ROBOTS_ALLOW_ALL}
    for number in range(ARTICLES):
        routes[f"/news/{number}.html"] = Resource(article_page(number), delay=0.5 if number >= 5 else 0.0)
    rss = CONTENT_TYPES["rss2"]
    routes["/feed.xml"] = [
        Resource(render_feed("rss2", "Polled", base + "/", f"{base}/feed.xml", items(base, count)), rss)
        for count in (3, 5)
    ]
    routes["/big.xml"] = Resource(render_feed("rss2", "Big", base + "/", f"{base}/big.xml", items(base, ARTICLES)), rss)
    routes["/sitemap.xml"] = [Resource(urlset(base, count), "application/xml") for count in (3, 5)]
    routes["/busy.xml"] = Resource(b"Busy", "text/plain", status=503, headers=(("Retry-After", "7200"),))
    return routes


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer(site, host="127.0.0.41") as running:
        yield running


def crawl(server: LoopbackServer, folder: Path, kind: str, *extra: str) -> tuple[str, list[str]]:
    """Run a crawl of the feed or the sitemap; its summary line and the paths it requested."""
    if kind == "feed":
        sources = ("--feed", f"{server.base_url}/feed.xml")
    else:
        seeds = f'[[source]]\nname = "sitemap"\nsitemaps = ["{server.base_url}/sitemap.xml"]\n'
        (folder / "seeds.toml").write_text(seeds, encoding="utf-8")
        sources = ("--seeds", "seeds.toml")
    start = len(server.requests)
    args = ("crawl", *sources, "--db", "news.db", "--allow-address", server.address, *FAST, *extra)
    run = newsrake(*args, cwd=folder)
    assert run.returncode == 0, run.stderr
    return run.stdout.strip().splitlines()[-1], server.requests[start:]


def feed_row(folder: Path) -> dict[str, Any]:
    with sqlite3.connect(folder / "news.db") as conn:
        conn.row_factory = sqlite3.Row
        [row] = conn.execute("SELECT * FROM feeds")
        return dict(row)


def shift_back(folder: Path, seconds: float) -> None:
    """Move the feed's last poll (and so its next) ``seconds`` into the past, as if that time had gone by."""
    row = feed_row(folder)
    back = {name: _iso(_parse(row[name]) - timedelta(seconds=seconds)) for name in ("polled_at", "next_poll_at")}
    with sqlite3.connect(folder / "news.db") as conn:
        conn.execute("UPDATE feeds SET polled_at = ?, next_poll_at = ?", (back["polled_at"], back["next_poll_at"]))


def _parse(value: str) -> datetime:
    return datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


def _iso(value: datetime) -> str:
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


POLLED = {"feed": "/feed.xml", "sitemap": "/sitemap.xml"}


@pytest.mark.parametrize("kind", POLLED, ids=POLLED.keys())
def test_a_run_right_after_the_first_does_not_poll_and_all_feeds_does(
    server: LoopbackServer, tmp_path: Path, kind: str
) -> None:
    first, first_paths = crawl(server, tmp_path, kind)
    second, second_paths = crawl(server, tmp_path, kind)
    forced, forced_paths = crawl(server, tmp_path, kind, "--all-feeds")
    assert POLLED[kind] in first_paths
    assert "3 articles new" in first
    assert POLLED[kind] not in second_paths
    assert second.startswith("newsrake: 0 feeds fetched, 1 not due, 0 articles new")
    assert POLLED[kind] in forced_paths
    assert "2 articles new" in forced


@pytest.mark.parametrize("kind", POLLED, ids=POLLED.keys())
def test_the_feeds_table_shows_the_interval_and_why(server: LoopbackServer, tmp_path: Path, kind: str) -> None:
    crawl(server, tmp_path, kind)
    row = feed_row(tmp_path)
    assert (row["poll_interval"], row["poll_reason"]) == (900, "first poll, 3 entries: rate not known yet")
    assert _parse(row["next_poll_at"]) - _parse(row["polled_at"]) == timedelta(seconds=900)
    assert row["poll_keys"].count(" ") == 2


@pytest.mark.parametrize("kind", POLLED, ids=POLLED.keys())
def test_a_feed_that_is_due_is_polled_and_its_interval_adapts(
    server: LoopbackServer, tmp_path: Path, kind: str
) -> None:
    crawl(server, tmp_path, kind)
    shift_back(tmp_path, 3600)  # an hour has gone by: due since 45 min
    summary, paths = crawl(server, tmp_path, kind)
    assert POLLED[kind] in paths
    assert "2 articles new" in summary
    row = feed_row(tmp_path)
    assert row["poll_reason"].startswith("2 of 5 entries new in 60 min: ~2.0 articles/h")
    assert row["poll_rate"] == pytest.approx(2.0, rel=0.05)
    assert 600 <= row["poll_interval"] <= 86400


def test_a_feed_whose_server_asks_more_than_a_run_waits_is_not_polled_before_its_retry_after(
    server: LoopbackServer, tmp_path: Path
) -> None:
    """A 503 with Retry-After 2 h (over NEWSRAKE_MAX_RETRY_AFTER, 120 s): the host is left for the run, and the
    feed's next poll is not before those 2 hours, rather than the usual 15-minute back-off."""
    args = ("crawl", "--feed", f"{server.base_url}/busy.xml", "--db", "news.db", "--allow-address", server.address)
    run = newsrake(*args, *FAST, cwd=tmp_path)
    assert run.returncode == 1, run.stderr  # its only feed failed
    row = feed_row(tmp_path)
    assert _parse(row["next_poll_at"]) - _parse(row["last_fetched"]) >= timedelta(seconds=7200)


def test_a_run_stopped_before_storing_its_articles_leaves_the_feed_due(server: LoopbackServer, tmp_path: Path) -> None:
    """--max-runtime stops the run while slow article pages are still coming: the feed was polled, its articles
    not all stored; the next run polls it again (and completes them), it is not told to wait."""
    big = ("--feed", f"{server.base_url}/big.xml")
    args = ("crawl", *big, "--db", "news.db", "--allow-address", server.address, *FAST)
    stopped = newsrake(*args, "--max-runtime", "2s", "-s", "DOWNLOAD_DELAY=0.3", cwd=tmp_path)
    assert stopped.returncode == 0, stopped.stderr
    assert "stopped at --max-runtime" in stopped.stderr
    row = feed_row(tmp_path)
    assert (row["next_poll_at"], row["poll_interval"]) == (None, None)
    start = len(server.requests)
    again = newsrake(*args, cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert "/big.xml" in server.requests[start:]
    with sqlite3.connect(tmp_path / "news.db") as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == ARTICLES
    assert feed_row(tmp_path)["poll_interval"] == 900


def test_a_run_killed_after_polling_leaves_the_feed_due(server: LoopbackServer, tmp_path: Path) -> None:
    """Killed once the feed's poll is recorded but while its slow article pages are still coming: the next run
    polls the feed again."""
    args = ["crawl", "--feed", f"{server.base_url}/big.xml", "--db", "news.db", "--allow-address", server.address]
    run = subprocess.Popen([sys.executable, "-m", "crawler.cli", *args, *FAST, "-s", "DOWNLOAD_DELAY=0.3"],
                           cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not _polled(tmp_path / "news.db"):
            time.sleep(0.05)
    finally:
        run.kill()
        run.wait(timeout=30)
    assert _polled(tmp_path / "news.db")
    start = len(server.requests)
    again = newsrake(*args, *FAST, cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert "/big.xml" in server.requests[start:]
    assert feed_row(tmp_path)["poll_interval"] == 900


def _polled(db: Path) -> bool:
    """Whether the crawl has recorded the feed's poll."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return bool(conn.execute("SELECT count(*) FROM feeds WHERE last_status = 200").fetchone()[0])
    except sqlite3.Error:
        return False  # not created yet
