"""Shared fixtures: a real HTTP site on 127.0.0.1, and a real `newsrake` run in a subprocess."""

from __future__ import annotations

import gzip
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from lxml.html import HtmlElement

from cleaners import FeedEntry, clean_page
from cleaners.html_tree import parse_html
from crawler.demo.feedgen import CONTENT_TYPES, Item, render_feed
from crawler.demo.server import ROBOTS_ALLOW_ALL, LoopbackServer, Resource, Routes
from pipelines.records import ArticleFailure, RawPage
from pipelines.store import Store

TESTS = Path(__file__).resolve().parent
DATA = TESTS / "data"
PAGES = sorted((DATA / "article-extraction").glob("*.html.gz"))

# An original page written for the tests, listed only in the ill-formed feed.
BOZO_PAGE = b"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Glassblowers revive the quarry kilns | Test Gazette</title></head><body>
<article><h1>Glassblowers revive the quarry kilns</h1>
<p>Three glassblowers have relit the old quarry kilns above the village, firing them with waste wood
from the sawmill. The first batch of zanzibarite-green bottles sold out within an hour of the market opening.</p>
<p>The kilns were last used in the nineteen-sixties, when the quarry closed and the workers moved to the coast.
Volunteers spent two summers clearing the flues and rebuilding the brick arches by hand.</p>
<p>The group now plans evening classes for beginners, and hopes to train four apprentices by next spring.</p>
</article></body></html>"""

# RSS 2.0 with an unescaped ampersand: feedparser recovers it and flags it (bozo).
BOZO_FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Arts & Crafts</title><link>{base}/</link>
<item><title>Glassblowers revive the quarry kilns</title><link>{base}/news/bozo-story.html</link>
<pubDate>Mon, 23 Nov 2026 09:00:00 GMT</pubDate></item></channel></rss>"""

HOMEPAGE = b"""<!doctype html><html><head><title>Home</title>
<link rel="alternate" type="application/rss+xml" href="/feeds/discovered.xml"></head><body>Hello</body></html>"""


def body_tree(body: str) -> HtmlElement:
    """A page whose body is ``body``, parsed as the cleaners parse a page."""
    tree = parse_html(f"<html><head><title>t</title></head><body>{body}</body></html>")
    assert tree is not None
    return tree


def page_name(path: Path) -> str:
    """The 16-hex-digit name of a fixture page."""
    return path.name.split(".")[0]


def fixture_routes(base: str) -> Routes:
    """The fixture site: six real pages behind one feed per dialect, a bozo feed, a homepage to discover."""
    routes: dict[str, Resource] = {"/robots.txt": ROBOTS_ALLOW_ALL}
    start = datetime(2026, 11, 20, tzinfo=UTC)
    items = []
    for index, path in enumerate(PAGES):
        routes[f"/news/{page_name(path)}.html"] = Resource(gzip.decompress(path.read_bytes()))
        items.append(
            Item(
                url=f"{base}/news/{page_name(path)}.html?utm_source=rss",
                title=f"Story {index}",
                published=start + timedelta(hours=index),
                author="Feed Author",
                summary="Feed summary.",
            )
        )
    for number, dialect in enumerate(("rss2", "atom", "rss1")):
        chunk = items[number * 2 : number * 2 + 2]
        routes[f"/feeds/{dialect}.xml"] = Resource(
            render_feed(dialect, f"Test {dialect}", base + "/", f"{base}/feeds/{dialect}.xml", chunk),
            CONTENT_TYPES[dialect],
        )
    routes["/news/bozo-story.html"] = Resource(BOZO_PAGE)
    routes["/feeds/bozo.xml"] = Resource(BOZO_FEED.format(base=base).encode(), CONTENT_TYPES["rss2"])
    routes["/home/"] = Resource(HOMEPAGE)
    routes["/feeds/discovered.xml"] = Resource(
        render_feed("rss2", "Discovered", base + "/home/", f"{base}/feeds/discovered.xml", items[:1]),
        CONTENT_TYPES["rss2"],
    )
    return routes


@pytest.fixture(scope="session", autouse=True)
def cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """newsrake's cache (the decompressed language model) in a folder of the session, not the user's home:
    for this process and every `newsrake` it starts."""
    folder = tmp_path_factory.mktemp("newsrake-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NEWSRAKE_CACHE_DIR", str(folder))
        yield folder


@pytest.fixture(scope="session")
def site() -> Iterator[LoopbackServer]:
    """The fixture site, served on 127.0.0.1 for the whole session."""
    with LoopbackServer(fixture_routes) as server:
        yield server


@dataclass(frozen=True)
class Run:
    """A finished `newsrake` process."""

    returncode: int
    stdout: str
    stderr: str


def newsrake(*args: str, cwd: Path, timeout: float = 120) -> Run:
    """Run the installed `newsrake` command (as ``python -m crawler.cli``) in a subprocess."""
    done = subprocess.run(
        [sys.executable, "-m", "crawler.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return Run(done.returncode, done.stdout, done.stderr)


def scripted_dns(dns: dict[str, list[str]]) -> dict[str, str]:
    """The environment of a `newsrake` subprocess whose look-ups of the names in ``dns`` get the scripted
    answers (``tests/scripted_dns``), with no proxy variables."""
    environment = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    path = os.pathsep.join(filter(None, [str(TESTS / "scripted_dns"), os.environ.get("PYTHONPATH")]))
    return environment | {"PYTHONPATH": path, "NEWSRAKE_TEST_DNS": json.dumps(dns)}


if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
    # Started in the background by a shell without job control, this process ignores Ctrl-C, and so would every
    # `newsrake` it starts: the tests of what Ctrl-C does would then test nothing. A handled signal is reset for
    # a child, so this gives them the usual Ctrl-C back.
    signal.signal(signal.SIGINT, signal.default_int_handler)


FAST = ("-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False")
"""Settings that make a loopback crawl quick."""


_TOPICS = ["harbour", "orchard", "railway", "library", "quarry", "festival", "bridge", "market", "school", "museum"]
_VERBS = ["reopened", "expanded", "was repaired", "was sold", "closed for winter", "won an award"]


def article_page(number: int) -> bytes:
    """A small original article page, different for every ``number``."""
    topic = _TOPICS[number % len(_TOPICS)]
    verb = _VERBS[number % len(_VERBS)]
    paragraphs = "".join(
        f"<p>Story {number}, part {part}: the {topic} in the valley {verb} this week, and residents met on "
        f"day {number + part} to talk about what the change means for families, traders and visitors, who "
        f"have waited {number % 7 + part} years for news of this kind.</p>"
        for part in range(1, 5)
    )
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Story {number}: the {topic} {verb}'
        f"</title></head><body><article><h1>Story {number}: the {topic} {verb}</h1>{paragraphs}</article>"
        "</body></html>"
    ).encode()


def generated_site(count: int, *, robots: Resource | None = ROBOTS_ALLOW_ALL) -> Callable[[str], Routes]:
    """Routes of a site of ``count`` generated articles behind one RSS feed at /feed.xml."""

    def build(base: str) -> Routes:
        start = datetime(2026, 11, 1, tzinfo=UTC)
        routes: dict[str, Resource | Sequence[Resource]] = {}
        if robots is not None:
            routes["/robots.txt"] = robots
        items = []
        for number in range(count):
            routes[f"/news/{number}.html"] = Resource(article_page(number))
            items.append(Item(url=f"{base}/news/{number}.html", title=f"Story {number}",
                              published=start + timedelta(hours=number)))  # fmt: skip
        routes["/feed.xml"] = Resource(
            render_feed("rss2", "Generated", base + "/", f"{base}/feed.xml", items), CONTENT_TYPES["rss2"]
        )
        return routes

    return build


SCRIPT = "<script>alert(1)</script>"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@dataclass(frozen=True)
class Served:
    base: str
    db: Path
    script_article: int


@pytest.fixture(scope="module")
def served(site: LoopbackServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    tmp = tmp_path_factory.mktemp("datasette")
    base = site.base_url
    (tmp / "seeds.toml").write_text(
        f'[[source]]\nname = "Test RSS 2.0"\nfeeds = ["{base}/feeds/rss2.xml"]\n\n'
        f'[[source]]\nname = "Test Atom"\nfeeds = ["{base}/feeds/atom.xml"]\n\n'
        f'[[source]]\nname = "Discovered"\nhomepage = "{base}/home/"\n'
    )
    run = newsrake("crawl", "--db", "news.db", "--seeds", "seeds.toml", "--feed", f"{base}/feeds/bozo.xml",
                   "--feed", f"{base}/feeds/missing.xml", "--allow-private-addresses", *FAST, cwd=tmp)  # fmt: skip
    assert run.returncode == 0, run.stderr
    db = tmp / "news.db"
    store = Store.open(db)  # a page with a headline and no text: an empty article
    empty = "http://127.0.0.1/empty.html"
    body = b"<html><body><h1>Only a headline</h1></body></html>"
    store.save_article(RawPage(empty, empty, 200, body), clean_page(body, empty), source="Empty", feed_url=None,
                       run_id=None)  # fmt: skip
    copy = f"{empty}?from=home"  # the same page under another URL: a duplicate, not stored
    copy_body = body.replace(b"<html>", f'<html><head><link rel="canonical" href="{empty}"></head>'.encode())
    store.save_article(RawPage(copy, copy, 200, copy_body), clean_page(copy_body, copy), source="Empty",
                       feed_url=None, run_id=None)  # fmt: skip
    busy = f"{base}/news/busy.html"  # an article that failed for now: pending
    store.save_articles([], [ArticleFailure(busy, "Test RSS 2.0", f"{base}/feeds/rss2.xml", FeedEntry(busy), 503,
                                            "HTTP 503", 1, "2026-11-30T00:00:00Z")])  # fmt: skip
    store.close()
    with sqlite3.connect(db) as conn:  # markup stored as text must come back as text
        [(script_id,)] = conn.execute("SELECT id FROM articles WHERE url LIKE '%bozo-story%'")
        conn.execute("UPDATE articles SET text = text || ? WHERE id = ?", (f"\n{SCRIPT}", script_id))
    with newsrake_serving(tmp) as url:
        yield Served(url, db, script_id)


@contextmanager
def newsrake_serving(folder: Path) -> Iterator[str]:
    """`newsrake serve` on ``folder``'s news.db, on a free loopback port, once it answers: its base URL."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "crawler.cli", "serve", "--db", "news.db", "--port", str(port)],
                              cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{url}/news.json", timeout=2).close()
                break
            except OSError:
                time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)
