"""No article left behind (issue 17, points 6, 8 and 9), over real crawls of loopback servers into a real file.

- An article that fails for now (5xx, timeout, Retry-After over the cap, robots.txt unreachable) is kept in
  `pending_articles` and tried again in the next runs whatever its feed says (here: 304), until it is stored
  or given up; a permanent failure of a pending article, or too many attempts, gives it up.
- GUIDs are matched within their feed only.
- Links are fetched exactly as published; the article's key drops tracking parameters only; a page with
  the canonical URL of a stored article is a duplicate: recorded, not stored, not fetched again.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from cleaners import Article, FeedEntry
from crawler.datasette_metadata import QUERIES
from crawler.demo.feedgen import CONTENT_TYPES
from crawler.demo.server import ROBOTS_ALLOW_ALL, LoopbackServer, Resource, Routes
from pipelines.records import RawPage
from pipelines.store import MIGRATIONS, Store

from conftest import FAST, Run, article_page, newsrake, scripted_dns

ALL_FEEDS = ("--all-feeds",)  # the runs follow each other at once: each polls the feeds all the same
QUICK = ("-s", "RETRY_TIMES=0", "-s", "NEWSRAKE_ARTICLE_RETRY_BACKOFF=0", "-s", "NEWSRAKE_CLEAN_WORKERS=0")
"""No retry within a run (the next run is the retry), a next try due at once, cleaning in the crawl's process."""


@dataclass(frozen=True)
class Entry:
    """A feed item: its link as written in the feed (under the feed's server unless absolute), and its GUID."""

    path: str
    guid: str | None = None


def rss(base: str, entries: Sequence[Entry]) -> Resource:
    """An RSS 2.0 feed of ``entries`` (links under ``base``)."""
    links = [e.path if "://" in e.path else base + e.path for e in entries]
    items = "".join(
        f"<item><title>Story {escape(e.path)}</title><link>{escape(link)}</link>"
        + (f'<guid isPermaLink="false">{escape(e.guid)}</guid>' if e.guid else "")
        + "</item>"
        for e, link in zip(entries, links, strict=True)
    )
    body = (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>{base}/</link>{items}</channel></rss>'
    )
    return Resource(body.encode(), CONTENT_TYPES["rss2"])


def page(number: int, canonical: str | None = None) -> Resource:
    """An article page, with a canonical URL if given."""
    body = article_page(number)
    if canonical is not None:
        body = body.replace(b"<head>", f'<head><link rel="canonical" href="{canonical}">'.encode(), 1)
    return Resource(body)


@dataclass
class Site:
    """A crawl folder and the seeds of its runs."""

    tmp: Path
    sources: dict[str, str] = field(default_factory=dict)
    """Source name to feed URL."""

    @property
    def db(self) -> Path:
        return self.tmp / "news.db"

    def crawl(self, *settings: str, sources: Sequence[str] | None = None) -> Run:
        names = list(self.sources) if sources is None else sources
        seeds = "".join(f'[[source]]\nname = "{name}"\nfeeds = ["{self.sources[name]}"]\n\n' for name in names)
        (self.tmp / "seeds.toml").write_text(seeds)
        return newsrake("crawl", "--db", "news.db", "--seeds", "seeds.toml", "--allow-private-addresses", *FAST,
                        *QUICK, *ALL_FEEDS, *settings, cwd=self.tmp)  # fmt: skip

    def rows(self, sql: str, *params: object) -> list[tuple[object, ...]]:
        with sqlite3.connect(self.db) as conn:
            return list(conn.execute(sql, params))

    def rows_if_any(self, sql: str) -> list[tuple[object, ...]]:
        """`rows`, or none when the table is missing (a database of code older than the table)."""
        try:
            return self.rows(sql)
        except sqlite3.OperationalError:
            return []

    def last_stats(self) -> dict[str, object]:
        [(text,)] = self.rows("SELECT stats FROM runs ORDER BY id DESC LIMIT 1")
        stats: dict[str, object] = json.loads(str(text))
        return stats


def article_hits(server: LoopbackServer, path: str) -> int:
    return server.requests.count(path)


# -- point 6: a failed article is tried again in the next run, whatever its feed says -------------------------

BUSY = Resource(b"busy\n", "text/plain", 503)
Failing = Callable[[str, str], tuple[Routes, Routes, list[str]]]


def _same_host(first: Resource, *extra: str) -> Failing:
    """The article on the feed's host answers ``first``, then its page; ``extra`` settings for the runs."""

    def build(base: str, other: str) -> tuple[Routes, Routes, list[str]]:
        routes = {"/robots.txt": ROBOTS_ALLOW_ALL, "/feed.xml": rss(base, [Entry("/news/1.html")]),
                  "/news/1.html": [first, page(1)]}  # fmt: skip
        return routes, {}, list(extra)

    return build


def _robots_unreachable(base: str, other: str) -> tuple[Routes, Routes, list[str]]:
    """The article is on another host whose robots.txt answers 503 in the first run."""
    routes = {"/robots.txt": ROBOTS_ALLOW_ALL, "/feed.xml": rss(base, [Entry(f"{other}/news/1.html")])}
    other_routes: Routes = {"/robots.txt": [BUSY, ROBOTS_ALLOW_ALL], "/news/1.html": page(1)}
    return routes, other_routes, []


TRANSIENT = [
    pytest.param(_same_host(BUSY, "-s", "NEWSRAKE_MAX_RETRY_AFTER=0"), 503, id="http-503"),
    pytest.param(_same_host(Resource(b"oops\n", "text/plain", 500)), 500, id="http-500"),
    pytest.param(_same_host(Resource(article_page(1), delay=3.0), "-s", "DOWNLOAD_TIMEOUT=1"), None, id="timeout"),
    pytest.param(
        _same_host(Resource(b"later\n", "text/plain", 503, headers=(("Retry-After", "7200"),))),
        None,
        id="retry-after-over-the-cap",
    ),
    pytest.param(_robots_unreachable, None, id="robots-unreachable"),
]


@pytest.mark.parametrize(("build", "status"), TRANSIENT)
def test_an_article_that_failed_is_fetched_by_the_next_run_though_its_feed_is_unchanged(
    tmp_path: Path, build: Failing, status: int | None
) -> None:
    other = LoopbackServer(lambda base: {}, host="127.0.0.62")
    with other, LoopbackServer(lambda base: build(base, other.base_url)[0], host="127.0.0.61") as server:
        _, other_routes, settings = build(server.base_url, other.base_url)
        other.routes = other_routes
        site = Site(tmp_path, {"Busy": f"{server.base_url}/feed.xml"})
        first = site.crawl(*settings)
        stored_first = site.rows("SELECT count(*) FROM articles")
        pending = site.rows_if_any("SELECT link, attempts, last_status, last_error, given_up_at FROM pending_articles")
        second = site.crawl(*settings)
    assert (first.returncode, second.returncode) == (0, 0), second.stderr
    assert (stored_first, site.rows("SELECT count(*) FROM articles")) == ([(0,)], [(1,)])
    stats = site.last_stats()
    assert (stats.get("newsrake/feeds_unchanged"), stats.get("newsrake/articles_retried")) == (1, 1)
    [(link, attempts, last_status, error, given_up)] = pending
    assert (str(link).rsplit("/", 2)[-2:], attempts, last_status, given_up) == (["news", "1.html"], 1, status, None)
    assert error
    assert site.rows("SELECT count(*) FROM pending_articles") == [(0,)]


def crawl_with_dns(site: Site, dns: dict[str, list[str]], *args: str) -> Run:
    """`Site.crawl` with the look-ups of ``*.test`` names scripted (``tests/scripted_dns``) and the address
    guard on (only the servers in ``args``' ``--allow-address`` let through)."""
    seeds = "".join(f'[[source]]\nname = "{n}"\nfeeds = ["{u}"]\n\n' for n, u in site.sources.items())
    (site.tmp / "seeds.toml").write_text(seeds)
    done = subprocess.run(
        [sys.executable, "-m", "crawler.cli", "crawl", "--db", "news.db", "--seeds", "seeds.toml", *FAST, *QUICK,
         *ALL_FEEDS, *args],
        cwd=site.tmp, env=scripted_dns(dns), capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    return Run(done.returncode, done.stdout, done.stderr)


def test_an_article_whose_host_did_not_resolve_is_fetched_by_the_next_run(tmp_path: Path) -> None:
    """A failed look-up is refused by the address guard (it fails closed), but it is a failure for now (a DNS
    outage looks the same): the article is kept pending, not given up."""
    articles = LoopbackServer(lambda base: {"/robots.txt": ROBOTS_ALLOW_ALL, "/news/1.html": page(1)},
                              host="127.0.0.68")  # fmt: skip
    with articles:
        link = f"http://news.flaky.test:{articles.address.rsplit(':', 1)[1]}/news/1.html"
        routes = {"/robots.txt": ROBOTS_ALLOW_ALL}
        with LoopbackServer(lambda base: routes | {"/feed.xml": rss(base, [Entry(link)])}, host="127.0.0.69") as feeds:
            site = Site(tmp_path, {"Flaky": f"{feeds.base_url}/feed.xml"})
            allowed = ("--allow-address", feeds.address, "--allow-address", articles.address)
            first = crawl_with_dns(site, {"news.flaky.test": [""]}, *allowed)
            pending = site.rows_if_any("SELECT attempts, last_error, given_up_at FROM pending_articles")
            second = crawl_with_dns(site, {"news.flaky.test": ["127.0.0.68"]}, *allowed)
    assert (first.returncode, second.returncode) == (0, 0), first.stderr + second.stderr
    assert "does not resolve" in first.stderr
    [(attempts, error, given_up)] = pending
    assert (attempts, given_up) == (1, None)
    assert "does not resolve" in str(error)
    assert site.rows("SELECT count(*) FROM articles") == [(1,)]
    assert site.last_stats().get("newsrake/feeds_unchanged") == 1
    assert articles.requests.count("/news/1.html") == 1


def always_busy(base: str) -> Routes:
    return {"/robots.txt": ROBOTS_ALLOW_ALL, "/feed.xml": rss(base, [Entry("/news/1.html")]), "/news/1.html": BUSY}


def test_an_article_is_given_up_after_the_last_attempt_and_not_requested_again(tmp_path: Path) -> None:
    with LoopbackServer(always_busy, host="127.0.0.63") as server:
        site = Site(tmp_path, {"Busy": f"{server.base_url}/feed.xml"})
        runs = [site.crawl("-s", "NEWSRAKE_ARTICLE_RETRY_MAX=2", "-s", "NEWSRAKE_MAX_RETRY_AFTER=0") for _ in range(3)]
        hits = article_hits(server, "/news/1.html")
    assert [run.returncode for run in runs] == [0, 0, 0], runs[-1].stderr
    assert hits == 2
    assert site.rows("SELECT attempts, last_status, next_try_at, given_up_at IS NOT NULL FROM pending_articles") == [
        (2, 503, None, 1)
    ]
    assert "article given up after 2 attempt(s)" in runs[1].stderr
    assert "given up" not in runs[0].stderr + runs[2].stderr


def test_a_pending_article_that_answers_404_is_given_up_at_once(tmp_path: Path) -> None:
    def routes(base: str) -> Routes:
        gone = Resource(b"gone\n", "text/plain", 404)
        return {"/robots.txt": ROBOTS_ALLOW_ALL, "/feed.xml": rss(base, [Entry("/news/1.html")]),
                "/news/1.html": [BUSY, gone]}  # fmt: skip

    with LoopbackServer(routes, host="127.0.0.64") as server:
        site = Site(tmp_path, {"Busy": f"{server.base_url}/feed.xml"})
        runs = [site.crawl("-s", "NEWSRAKE_MAX_RETRY_AFTER=0") for _ in range(3)]
        hits = article_hits(server, "/news/1.html")
    assert [run.returncode for run in runs] == [0, 0, 0], runs[-1].stderr
    assert hits == 2
    assert site.rows("SELECT attempts, last_status, last_error, given_up_at IS NOT NULL FROM pending_articles") == [
        (2, 404, "HTTP 404", 1)
    ]


def test_a_first_permanent_failure_is_not_kept_pending(tmp_path: Path) -> None:
    def routes(base: str) -> Routes:
        return {"/robots.txt": ROBOTS_ALLOW_ALL, "/feed.xml": rss(base, [Entry("/news/missing.html")])}

    with LoopbackServer(routes, host="127.0.0.65") as server:
        site = Site(tmp_path, {"Gone": f"{server.base_url}/feed.xml"})
        run = site.crawl()
    assert run.returncode == 0, run.stderr
    assert site.rows("SELECT count(*) FROM pending_articles") == [(0,)]


def test_a_pending_article_waits_for_its_next_try(tmp_path: Path) -> None:
    """With the default back-off (15 minutes, doubling) the next run does not ask again at once."""
    with LoopbackServer(always_busy, host="127.0.0.66") as server:
        site = Site(tmp_path, {"Busy": f"{server.base_url}/feed.xml"})
        runs = [site.crawl("-s", "NEWSRAKE_ARTICLE_RETRY_BACKOFF=900", "-s", "NEWSRAKE_MAX_RETRY_AFTER=0")
                for _ in range(2)]  # fmt: skip
        hits = article_hits(server, "/news/1.html")
    assert [run.returncode for run in runs] == [0, 0], runs[-1].stderr
    assert hits == 1
    [(attempts, first_failed, next_try)] = site.rows(
        "SELECT attempts, first_failed_at, next_try_at FROM pending_articles"
    )
    assert attempts == 1
    assert str(next_try) > str(first_failed)


def test_the_stored_query_lists_pending_and_given_up_articles_with_the_reason(tmp_path: Path) -> None:
    with LoopbackServer(always_busy, host="127.0.0.67") as server:
        site = Site(tmp_path, {"Busy": f"{server.base_url}/feed.xml"})
        run = site.crawl("-s", "NEWSRAKE_MAX_RETRY_AFTER=0")
        assert run.returncode == 0, run.stderr
        listed = site.rows(QUERIES["pending_articles"]["sql"])
    assert [(row[0], row[1], row[5]) for row in listed] == [("pending", f"{server.base_url}/news/1.html", "HTTP 503")]


# -- point 8: GUIDs are matched within their feed -------------------------------------------------------------


def test_a_guid_is_matched_within_its_feed_only(tmp_path: Path) -> None:
    def routes(base: str) -> Routes:
        return {
            "/robots.txt": ROBOTS_ALLOW_ALL,
            "/alpha.xml": [rss(base, [Entry("/alpha/1.html", "1")]), rss(base, [Entry("/alpha/1-moved.html", "1")])],
            "/beta.xml": rss(base, [Entry("/beta/1.html", "1")]),
            "/alpha/1.html": page(1),
            "/alpha/1-moved.html": page(1),
            "/beta/1.html": page(2),
        }

    with LoopbackServer(routes, host="127.0.0.68") as server:
        site = Site(tmp_path, {"Alpha": f"{server.base_url}/alpha.xml", "Beta": f"{server.base_url}/beta.xml"})
        runs = [site.crawl(sources=["Alpha"]), site.crawl()]
        moved = article_hits(server, "/alpha/1-moved.html")
    assert [run.returncode for run in runs] == [0, 0], runs[-1].stderr
    stored = site.rows("SELECT source, guid FROM articles ORDER BY source")
    assert (stored, moved) == ([("Alpha", "1"), ("Beta", "1")], 0)


# -- point 9: links fetched as published; keys; duplicates by canonical URL ----------------------------------

AS_PUBLISHED = [
    # (link as published, the article's key, relative to the server)
    ("/q?id", "/q?id"),
    ("/q?x=1;y=2", "/q?x=1;y=2"),
    ("/q?s=a%20b+c", "/q?s=a%20b+c"),
    ("/t?id=3&ref=rss&CMP=x&utm_source=feed", "/t?id=3"),
    ("/u?ocid=1&mc_cid=2&mc_eid=3&p=4", "/u?p=4"),
]


def test_links_are_fetched_as_published_and_stored_under_their_key(tmp_path: Path) -> None:
    def routes(base: str) -> Routes:
        found: dict[str, Resource | Sequence[Resource]] = {"/robots.txt": ROBOTS_ALLOW_ALL}
        found["/feed.xml"] = rss(base, [Entry(link) for link, _ in AS_PUBLISHED])
        found.update({link: page(number) for number, (link, _) in enumerate(AS_PUBLISHED)})
        return found

    with LoopbackServer(routes, host="127.0.0.69") as server:
        site = Site(tmp_path, {"Spelling": f"{server.base_url}/feed.xml"})
        run = site.crawl()
        requested = sorted(path for path in server.requests if path.startswith(("/q", "/t", "/u")))
        base = server.base_url
    assert run.returncode == 0, run.stderr
    assert requested == sorted(link for link, _ in AS_PUBLISHED)
    stored = site.rows("SELECT a.url, r.url FROM articles a JOIN raw_pages r ON r.article_id = a.id ORDER BY a.url")
    assert stored == sorted((base + key, base + link) for link, key in AS_PUBLISHED)


def test_an_article_stored_under_the_old_spelling_of_its_key_is_not_fetched_again(tmp_path: Path) -> None:
    def routes(base: str) -> Routes:
        return {"/robots.txt": ROBOTS_ALLOW_ALL, "/feed.xml": rss(base, [Entry("/old?b=x%20y")]),
                "/old?b=x%20y": page(1)}  # fmt: skip

    with LoopbackServer(routes, host="127.0.0.70") as server:
        old = f"{server.base_url}/old?b=x+y"  # how newsrake 0.1 spelled it
        store = Store.open(tmp_path / "news.db")
        store.save_article(RawPage(old, old, 200, b"<p>x</p>"), Article(url=old), source="Old", feed_url=None,
                           run_id=None)  # fmt: skip
        store.close()
        site = Site(tmp_path, {"Old": f"{server.base_url}/feed.xml"})
        run = site.crawl()
        hits = article_hits(server, "/old?b=x%20y")
    assert run.returncode == 0, run.stderr
    assert (hits, site.rows("SELECT count(*) FROM articles")) == (0, [(1,)])


def test_a_page_with_the_canonical_url_of_a_stored_article_is_a_duplicate_and_not_fetched_again(
    tmp_path: Path,
) -> None:
    def routes(base: str) -> Routes:
        first = [Entry("/x.html"), Entry("/y.html?from=home"), Entry("/h1.html"), Entry("/h2.html")]
        return {
            "/robots.txt": ROBOTS_ALLOW_ALL,
            "/feed.xml": [rss(base, first), rss(base, [*first, Entry("/canon/1"), Entry("/z.html")])],
            "/x.html": page(1, f"{base}/canon/1"),
            "/y.html": page(1, f"{base}/canon/1?utm_source=share"),
            "/canon/1": page(1, f"{base}/canon/1"),
            "/z.html": page(3),
            "/h1.html": page(4, f"{base}/"),  # a site giving its home page as every page's canonical URL
            "/h2.html": page(5, f"{base}/"),
        }

    with LoopbackServer(routes, host="127.0.0.71") as server:
        site = Site(tmp_path, {"Copies": f"{server.base_url}/feed.xml"})
        first = site.crawl()
        start = len(server.requests)
        second = site.crawl()
        again = [path for path in server.requests[start:] if path not in ("/feed.xml", "/robots.txt")]
        base = server.base_url
    assert (first.returncode, second.returncode) == (0, 0), second.stderr
    stored = {str(url)[len(base) :] for (url,) in site.rows("SELECT url FROM articles")}
    assert stored - {"/x.html", "/y.html?from=home"} == {"/h1.html", "/h2.html", "/z.html"}
    assert len(stored & {"/x.html", "/y.html?from=home"}) == 1
    [(duplicate, of)] = site.rows("SELECT d.url, a.url FROM duplicates d JOIN articles a ON a.id = d.duplicate_of")
    assert {duplicate, of} == {f"{base}/x.html", f"{base}/y.html?from=home"}
    assert "1 duplicates" in first.stdout
    assert again == ["/z.html"]


# -- the store ------------------------------------------------------------------------------------------------


def test_existing_articles_get_the_key_of_their_canonical_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with monkeypatch.context() as patch:
        patch.setattr("pipelines.store.MIGRATIONS", MIGRATIONS[:8])
        Store.open(tmp_path / "news.db").close()
    with sqlite3.connect(tmp_path / "news.db") as conn:
        conn.executemany(
            "INSERT INTO articles (url, canonical_url) VALUES (?, ?)",
            [("https://e.example/a", "https://E.example/c?utm_source=x"), ("https://e.example/b", "https://e.example/"),
             ("https://e.example/n", None)],
        )  # fmt: skip
    store = Store.open(tmp_path / "news.db")
    keys = list(store.db.execute("SELECT url, canonical_key FROM articles ORDER BY url").fetchall())
    store.close()
    assert keys == [("https://e.example/a", "https://e.example/c"), ("https://e.example/b", None),
                    ("https://e.example/n", None)]  # fmt: skip


def test_the_seen_check_is_one_query_of_index_searches(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "news.db")
    statements: list[str] = []
    store.db.conn.set_trace_callback(statements.append)
    store.article_state(["https://e.example/a", "https://e.example/a?b="], "1", "https://e.example/feed")
    store.db.conn.set_trace_callback(None)
    [statement] = statements
    plan = " ".join(row[-1] for row in store.db.conn.execute(f"EXPLAIN QUERY PLAN {statement}"))
    store.close()
    assert "SCAN" not in plan, plan


def test_a_stored_article_is_no_longer_pending(tmp_path: Path) -> None:
    from pipelines.records import ArticleFailure  # here: the module's other tests also run on older code

    link = "https://e.example/a?id&utm_source=x"
    entry = FeedEntry(link=link, title="A", guid="g")
    failure = ArticleFailure(link, "S", "https://e.example/feed", entry, 503, "HTTP 503", 1, "2026-01-01T00:00:00Z")
    store = Store.open(tmp_path / "news.db")
    store.save_articles([], [failure])
    [pending] = store.due_pending("2026-01-01T00:00:00Z", ["S"])
    before = store.article_state(["https://e.example/a?id"])
    store.save_article(RawPage(link, link, 200, b"<p>x</p>"), Article(url=link, feed_entry=entry), source="S",
                       feed_url="https://e.example/feed", run_id=None)  # fmt: skip
    settled = store.settle_pending()
    after = store.article_state(["https://e.example/a?id"])
    store.close()
    assert (pending.link, pending.entry, pending.attempts) == (link, entry, 1)
    assert (before.attempts, before.stored, settled, after.attempts, after.stored) == (1, False, 1, None, True)
