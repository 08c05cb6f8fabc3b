"""Politeness over real loopback servers: robots.txt per RFC 9309, Crawl-delay, 429 with Retry-After, sitemaps.

Each case is its own server (its own host:port), and one real crawl covers them all.
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import pytest

from crawler.demo.server import LoopbackServer, Resource, Routes

from conftest import FAST, Run, article_page, generated_site, newsrake

ROBOTS = "text/plain; charset=utf-8"
CASES: dict[str, Resource | None] = {
    "disallow": Resource(b"User-agent: *\nDisallow: /news/\n", ROBOTS),
    "robots-503": Resource(b"busy", ROBOTS, 503),
    "robots-404": None,
    "crawl-delay": Resource(b"User-agent: *\nCrawl-delay: 1\n", ROBOTS),
    "crawl-delay-over-cap": Resource(b"User-agent: *\nCrawl-delay: 3600\n", ROBOTS),
    "robots-huge": Resource(b"User-agent: *\nAllow: /\n" + b"# padding\n" * 200_000, ROBOTS),
    "robots-binary": Resource(bytes(range(256)) * 4000, "application/octet-stream"),
}


SLOW_429 = 1.0
"""Seconds the rate-limited site takes to answer its 429: the wait it asks for counts from the answer."""


def rate_limited(base: str) -> Routes:
    """A site whose first article answers 429 with Retry-After: 1, slowly, then 200."""
    routes = dict(generated_site(2)(base))
    routes["/news/0.html"] = [
        Resource(b"slow down", "text/plain", 429, (("Retry-After", "1"),), delay=SLOW_429),
        Resource(article_page(0)),
    ]
    return routes


def news_sitemap(base: str) -> Routes:
    """A site that lists its articles in a Google News sitemap behind a sitemap index."""
    routes = {k: v for k, v in generated_site(2)(base).items() if k != "/feed.xml"}
    urls = "".join(
        f"<url><loc>{base}/news/{n}.html</loc><news:news><news:title>Story {n}</news:title>"
        f"<news:publication_date>2026-11-0{n + 1}T08:00:00Z</news:publication_date></news:news></url>"
        for n in range(2)
    )
    routes["/sitemap-news.xml"] = Resource(
        f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>'.encode(),
        "application/xml",
    )
    routes["/sitemap.xml"] = Resource(
        f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{base}/sitemap-news.xml</loc></sitemap></sitemapindex>".encode(),
        "application/xml",
    )
    return routes


@dataclass(frozen=True)
class PoliteCrawl:
    run: Run
    db: Path
    servers: dict[str, LoopbackServer]


@pytest.fixture(scope="module")
def polite(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PoliteCrawl]:
    tmp = tmp_path_factory.mktemp("polite")
    with ExitStack() as stack:
        # Each case on its own loopback address: a host of its own, with its own robots.txt and delays.
        servers = {
            name: stack.enter_context(LoopbackServer(generated_site(3, robots=robots), host=f"127.0.0.{10 + i}"))
            for i, (name, robots) in enumerate(CASES.items())
        }
        servers["rate-limited"] = stack.enter_context(LoopbackServer(rate_limited, host="127.0.0.20"))
        servers["sitemap"] = stack.enter_context(LoopbackServer(news_sitemap, host="127.0.0.21"))
        seeds = "".join(
            f'[[source]]\nname = "{name}"\nfeeds = ["{server.base_url}/feed.xml"]\n\n'
            for name, server in servers.items()
            if name != "sitemap"
        )
        seeds += f'[[source]]\nname = "sitemap"\nsitemaps = ["{servers["sitemap"].base_url}/sitemap.xml"]\n'
        (tmp / "seeds.toml").write_text(seeds)
        run = newsrake("crawl", "--seeds", "seeds.toml", "--db", "news.db", "--allow-private-addresses", *FAST,
                       cwd=tmp)  # fmt: skip
        yield PoliteCrawl(run, tmp / "news.db", servers)


def stored(crawl: PoliteCrawl, name: str) -> int:
    with sqlite3.connect(crawl.db) as conn:
        return int(conn.execute("SELECT count(*) FROM articles WHERE source = ?", (name,)).fetchone()[0])


def test_crawl_finishes(polite: PoliteCrawl) -> None:
    assert polite.run.returncode == 0, polite.run.stderr
    assert "Traceback" not in polite.run.stderr


@pytest.mark.parametrize(
    ("case", "articles"),
    [
        pytest.param("disallow", 0, id="disallow-obeyed"),
        pytest.param("robots-503", 0, id="robots-5xx-means-disallow-all"),
        pytest.param("robots-404", 3, id="robots-4xx-means-allow"),
        pytest.param("crawl-delay", 3, id="crawl-delay-within-cap"),
        pytest.param("crawl-delay-over-cap", 0, id="crawl-delay-over-cap-skips-host"),
        pytest.param("robots-huge", 3, id="huge-robots-read-up-to-its-limit"),
        pytest.param("robots-binary", 3, id="binary-robots-no-rules"),
        pytest.param("rate-limited", 2, id="429-retried-after-waiting"),
        pytest.param("sitemap", 2, id="news-sitemap-index"),
    ],
)
def test_articles_stored_per_case(polite: PoliteCrawl, case: str, articles: int) -> None:
    assert stored(polite, case) == articles


def test_disallowed_pages_are_never_requested(polite: PoliteCrawl) -> None:
    assert [p for p in polite.servers["disallow"].requests if p.startswith("/news/")] == []


def test_robots_5xx_host_gets_no_request_but_robots(polite: PoliteCrawl) -> None:
    assert set(polite.servers["robots-503"].requests) == {"/robots.txt"}
    assert "robots.txt answered 503" in polite.run.stderr


def test_crawl_delay_over_cap_is_logged(polite: PoliteCrawl) -> None:
    assert "Crawl-delay 3600 s is over the cap" in polite.run.stderr


def test_crawl_delay_spaces_requests(polite: PoliteCrawl) -> None:
    times = [t for path, t in polite.servers["crawl-delay"].request_times if path != "/robots.txt"]
    gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
    assert len(gaps) >= 3
    assert min(gaps) >= 0.99  # the delay counts from each answer, so from each arrival too


def test_429_retry_waits_for_retry_after(polite: PoliteCrawl) -> None:
    """Retry-After counts from the answer: the retry comes at least 1 s after the slow 429 was sent, not 1 s
    after the request that drew it (the server stamps a request when it arrives)."""
    times = [t for path, t in polite.servers["rate-limited"].request_times if path == "/news/0.html"]
    assert len(times) == 2
    assert times[1] - times[0] >= SLOW_429 + 0.99
    assert "answered 429: waiting 1 s" in polite.run.stderr


def test_user_agent_names_newsrake_and_a_contact(polite: PoliteCrawl) -> None:
    [agent] = polite.servers["robots-404"].user_agents
    assert agent.startswith("newsrake/")
    assert "(+https://" in agent
