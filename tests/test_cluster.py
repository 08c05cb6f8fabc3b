"""The crawl cluster on Redis (issue 21): real `newsrake crawl --cluster` nodes in subprocesses, a real Redis
(`tests/redis_server.py`), and a real loopback site of several hosts whose server logs every request it gets
(path, Host, User-Agent, arrival time).

Each node sends its own User-Agent (``-s USER_AGENT=...``), so the server's log tells which node asked for
what. A scenario that kills something waits for a condition (a node has fetched pages, the database holds
articles) with a generous timeout, never for a time.
"""

from __future__ import annotations

import itertools
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

import pytest
from redis_server import RedisServer, redis_server  # noqa: F401 - redis_server is a fixture

from crawler.cluster.gate import sent_late
from crawler.demo.feedgen import CONTENT_TYPES, Item, render_feed
from crawler.demo.server import ROBOTS_ALLOW_ALL, LoopbackServer, Resource, Routes

from conftest import FAST, article_page, free_port, scripted_dns

HOSTS = ("a.test", "b.test", "c.test")
DNS = {host: ["127.0.0.1"] for host in HOSTS}
LEASE = ("-s", "NEWSRAKE_CLUSTER_LEASE=5")
"""How long a taken request is leased to a node in the fault tests: short, so that the requests of a killed node
are taken again soon, and still long enough for a living node on a busy machine to finish a page (the runs in
which no node dies keep the default)."""
TIMEOUT = 120.0
"""Generous bound on any one wait: a run takes seconds; a node that hangs fails the test instead."""
WRITER, WORKER_1, WORKER_2 = "writer", "worker-1", "worker-2"


class Hit(NamedTuple):
    """One request as the server saw it."""

    path: str
    host: str
    agent: str
    at: float
    """``time.monotonic()`` in this process when the request line and headers had arrived."""


class LoggedSite(LoopbackServer):
    """A `LoopbackServer` that logs every request: path, Host (without the port), User-Agent, arrival time."""

    def __init__(self, build: Callable[[str], Routes], *, slow_first: float = 0.0) -> None:
        self.hits: list[Hit] = []
        self.slow_first = slow_first
        """Seconds the server takes to read a host's first request (a busy server slow to take a new
        connection): the request reaches it that much after it was sent."""
        self._hosts_seen: set[str] = set()
        super().__init__(build)

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        site = self
        served = super()._handler_class()

        class Logged(served):  # type: ignore[misc,valid-type]
            def do_GET(self) -> None:  # noqa: N802 - the http.server API
                host = self.headers.get("Host", "").rsplit(":", 1)[0]
                with site._lock:
                    first = host not in site._hosts_seen
                    site._hosts_seen.add(host)
                if first and site.slow_first:
                    time.sleep(site.slow_first)
                arrived = time.monotonic()
                with site._lock:
                    site.hits.append(Hit(urlsplit(self.path).path, host, self.headers.get("User-Agent", ""), arrived))
                super().do_GET()

        return Logged

    def __enter__(self) -> LoggedSite:
        self.start()
        return self

    def snapshot(self) -> list[Hit]:
        with self._lock:
            return list(self.hits)


@dataclass(frozen=True)
class Shape:
    """A site of ``len(HOSTS)`` hosts, ``feeds`` feeds a host, ``articles`` articles a feed; each article page
    answers after ``delay`` seconds."""

    feeds: int = 2
    articles: int = 15
    delay: float = 0.3

    def build(self, base: str) -> Routes:
        """The routes of every host (all served by one server: a path starts with its host's name)."""
        port = urlsplit(base).port
        routes: dict[str, Resource] = {"/robots.txt": ROBOTS_ALLOW_ALL}
        start = datetime(2026, 11, 1, tzinfo=UTC)
        number = 0
        for host in HOSTS:
            for feed in range(self.feeds):
                items = []
                for _ in range(self.articles):
                    path = f"/{host}/news/{number}.html"
                    routes[path] = Resource(article_page(number), delay=self.delay)
                    items.append(Item(url=f"http://{host}:{port}{path}", title=f"Story {number}",
                                      published=start + timedelta(hours=number)))  # fmt: skip
                    number += 1
                feed_url = f"http://{host}:{port}/{host}/feed-{feed}.xml"
                routes[f"/{host}/feed-{feed}.xml"] = Resource(
                    render_feed("rss2", f"{host} {feed}", f"http://{host}:{port}/", feed_url, items),
                    CONTENT_TYPES["rss2"],
                )
        return routes


def feed_urls(site: LoggedSite) -> list[str]:
    port = urlsplit(site.base_url).port
    return [f"http://{path.split('/')[1]}:{port}{path}" for path in site.routes if "/feed-" in path]


def article_urls(site: LoggedSite) -> set[str]:
    port = urlsplit(site.base_url).port
    return {f"http://{path.split('/')[1]}:{port}{path}" for path in site.routes if "/news/" in path}


def is_article(hit: Hit) -> bool:
    return "/news/" in hit.path


def url_of(hit: Hit, site: LoggedSite) -> str:
    return f"http://{hit.host}:{urlsplit(site.base_url).port}{hit.path}"


def agent(name: str) -> str:
    return f"newsrake-test-node/{name}"


@dataclass
class Node:
    """A `newsrake crawl --cluster` process (the leader of its own process group, with its cleaning workers)."""

    name: str
    process: subprocess.Popen[bytes]
    out: Path
    err: Path

    def kill(self) -> None:
        """SIGKILL the node and its cleaning workers, as a machine that died."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)

    @property
    def stderr(self) -> str:
        return self.err.read_text(errors="replace")


class Cluster:
    """Starts nodes of one cluster on one site, and kills whatever is left of them at the end. Each node takes
    two requests at a time (``CONCURRENT_REQUESTS=2``): a run then lasts long enough to kill something in it."""

    def __init__(self, folder: Path, site: LoggedSite, redis_url: str, *settings: str) -> None:
        self.folder = folder
        self.site = site
        self.redis_url = redis_url
        self.settings = settings
        self.nodes: list[Node] = []
        self.feeds = folder / "feeds.txt"
        self.feeds.write_text("\n".join(feed_urls(site)) + "\n")

    def start(self, name: str, db: Path | None = None) -> Node:
        """A node named ``name`` (its User-Agent says so); the writer if ``db`` is given."""
        run = len(self.nodes) + 1
        out, err = self.folder / f"{run}-{name}.out", self.folder / f"{run}-{name}.err"
        command = [
            sys.executable, "-m", "crawler.cli", "crawl", "--cluster", self.redis_url,
            *(["--db", str(db)] if db is not None else []), "--feeds-file", str(self.feeds),
            "--allow-private-addresses", *FAST, "-s", f"USER_AGENT={agent(name)}", "-s", "CONCURRENT_REQUESTS=2",
            *self.settings,
        ]  # fmt: skip
        with out.open("wb") as stdout, err.open("wb") as stderr:
            process = subprocess.Popen(command, cwd=self.folder, env=scripted_dns(DNS), stdout=stdout, stderr=stderr,
                                       start_new_session=True)  # fmt: skip
        node = Node(name, process, out, err)
        self.nodes.append(node)
        return node

    def close(self) -> None:
        for node in self.nodes:
            node.kill()


def wait_for(condition: Callable[[], bool], what: str, nodes: list[Node], timeout: float = TIMEOUT) -> None:
    """Wait until ``condition()`` holds; a failure naming ``what`` (and the nodes' ends) if it does not in time."""
    deadline = time.monotonic() + timeout
    while not condition():
        ended = [f"{node.name} exited {node.process.returncode}" for node in nodes if node.process.poll() is not None]
        if time.monotonic() > deadline or len(ended) == len(nodes):
            logs = "\n".join(f"--- {node.name}:\n{node.stderr[-2000:]}" for node in nodes)
            pytest.fail(f"never saw {what} ({', '.join(ended) or 'all nodes running'})\n{logs}")
        time.sleep(0.05)


def finish(nodes: list[Node], timeout: float = TIMEOUT) -> dict[str, int | None]:
    """Wait for every node, all within one ``timeout``; a node still running then is killed (its exit: None)."""
    deadline = time.monotonic() + timeout
    exits: dict[str, int | None] = {}
    for node in nodes:
        try:
            exits[node.name] = node.process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            node.kill()
            exits[node.name] = None
    return exits


def exit_problems(nodes: list[Node], timeout: float = TIMEOUT) -> list[str]:
    """`finish` the nodes; a line for each that did not exit 0 (or at all), with the end of its stderr."""
    exits = finish(nodes, timeout)
    return [
        f"{node.name} {'hung' if exits[node.name] is None else f'exited {exits[node.name]}'}: {node.stderr[-1500:]}"
        for node in nodes
        if exits[node.name] != 0
    ]


def stored(db: Path) -> dict[str, str]:
    """URL to text of every article in ``db`` (empty if the database is not there yet, or busy)."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return dict(conn.execute("SELECT url, text FROM articles"))
    except sqlite3.OperationalError:
        return {}


def stored_twice(db: Path) -> list[str]:
    """Articles stored more than once: a URL in two rows, or a row with an earlier version (fetched again)."""
    with sqlite3.connect(db) as conn:
        rows = [url for url, count in conn.execute("SELECT url, count(*) FROM articles GROUP BY url") if count > 1]
        versions = conn.execute(
            "SELECT DISTINCT url FROM article_versions JOIN articles ON articles.id = article_versions.article_id"
        ).fetchall()
    return sorted(rows + [url for (url,) in versions])


def requested_twice(hits: list[Hit]) -> dict[str, list[Hit]]:
    """The article pages requested more than once, with their requests."""
    counts = Counter(hit.path for hit in hits if is_article(hit))
    return {path: [hit for hit in hits if hit.path == path] for path, count in counts.items() if count > 1}


@pytest.fixture
def site() -> Iterator[LoggedSite]:
    with LoggedSite(Shape().build) as server:
        yield server


@pytest.fixture
def cluster(tmp_path: Path, site: LoggedSite, redis_server: RedisServer) -> Iterator[Cluster]:  # noqa: F811
    made = Cluster(tmp_path, site, redis_server.url(1), *LEASE)
    yield made
    made.close()


# Three nodes against one plain crawl, on one site (the URLs name its port), in one module-wide run.


@dataclass(frozen=True)
class Compared:
    site: LoggedSite
    plain: dict[str, str]
    cluster: dict[str, str]
    cluster_hits: list[Hit]
    exits: dict[str, int | None]
    stderr: dict[str, str]


@pytest.fixture(scope="module")
def compared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Compared]:
    folder = tmp_path_factory.mktemp("cluster-vs-plain")
    with ExitStack() as stack:
        site = stack.enter_context(LoggedSite(Shape().build))
        redis = stack.enter_context(RedisServer(tmp_path_factory.mktemp("redis")))
        feeds = folder / "plain-feeds.txt"
        feeds.write_text("\n".join(feed_urls(site)) + "\n")
        plain = subprocess.run(
            [sys.executable, "-m", "crawler.cli", "crawl", "--db", str(folder / "plain.db"), "--feeds-file",
             str(feeds), "--allow-private-addresses", *FAST],
            cwd=folder, env=scripted_dns(DNS), capture_output=True, text=True, timeout=TIMEOUT, check=False,
        )  # fmt: skip
        assert plain.returncode == 0, plain.stderr
        before = len(site.snapshot())
        cluster = Cluster(folder, site, redis.url(2))
        stack.callback(cluster.close)
        nodes = [cluster.start(WRITER, folder / "cluster.db"), cluster.start(WORKER_1), cluster.start(WORKER_2)]
        exits = finish(nodes)
        yield Compared(site, stored(folder / "plain.db"), stored(folder / "cluster.db"), site.snapshot()[before:],
                       exits, {node.name: node.stderr for node in nodes})  # fmt: skip


@pytest.mark.parametrize("name", [WRITER, WORKER_1, WORKER_2])
def test_each_node_of_three_exits_0(compared: Compared, name: str) -> None:
    assert compared.exits[name] == 0, compared.stderr[name][-3000:]


def test_three_nodes_store_the_articles_one_plain_crawl_stores(compared: Compared) -> None:
    assert set(compared.plain) == article_urls(compared.site)  # the plain crawl itself is complete
    assert sorted(compared.cluster) == sorted(compared.plain)
    differ = [url for url, text in compared.plain.items() if compared.cluster.get(url) != text]
    assert differ == []


def test_three_nodes_request_each_article_page_once(compared: Compared) -> None:
    assert requested_twice(compared.cluster_hits) == {}
    assert {url_of(hit, compared.site) for hit in compared.cluster_hits if is_article(hit)} == article_urls(
        compared.site
    )


@pytest.mark.parametrize("host", HOSTS)
def test_three_nodes_fetch_each_hosts_robots_txt_once(compared: Compared, host: str) -> None:
    """robots.txt is shared across the cluster: one node fetches it, the others use what it found."""
    assert sum(1 for hit in compared.cluster_hits if hit.host == host and hit.path == "/robots.txt") == 1


@pytest.mark.parametrize("name", [WRITER, WORKER_1, WORKER_2])
def test_each_of_three_nodes_fetches_articles(compared: Compared, name: str) -> None:
    """The work is shared: every node fetched article pages (a "cluster" of one busy node would pass the
    other tests)."""
    assert any(is_article(hit) and hit.agent == agent(name) for hit in compared.cluster_hits)


# Faults.


def article_hits_of(site: LoggedSite, name: str) -> int:
    return sum(1 for hit in site.snapshot() if is_article(hit) and hit.agent == agent(name))


def test_a_worker_killed_mid_run_loses_nothing_and_repeats_only_its_own_pages(
    cluster: Cluster, site: LoggedSite, tmp_path: Path
) -> None:
    db = tmp_path / "news.db"
    writer, doomed, other = cluster.start(WRITER, db), cluster.start(WORKER_1), cluster.start(WORKER_2)
    wait_for(lambda: article_hits_of(site, WORKER_1) >= 3, "worker-1 fetch 3 article pages", cluster.nodes)
    doomed.kill()  # its last requests are still being answered (each page takes 0.3 s): it dies holding them
    killed_at = time.monotonic()
    problems = exit_problems([writer, other])
    after_run = len(site.snapshot())
    again = cluster.start(WRITER, db)  # the writer once more: nothing left to fetch or store
    problems += [f"second run: {problem}" for problem in exit_problems([again])]
    hits = site.snapshot()
    if missing := article_urls(site) - set(stored(db)):
        problems.append(f"{len(missing)} articles not stored, e.g. {sorted(missing)[:3]}")
    if twice := stored_twice(db):
        problems.append(f"stored twice: {twice}")
    for path, requests in requested_twice(hits).items():
        if not any(hit.agent == agent(WORKER_1) and hit.at < killed_at for hit in requests):
            problems.append(f"{path} requested twice, and not by the killed node: {requests}")
    if rerun := [hit.path for hit in hits[after_run:] if is_article(hit)]:
        problems.append(f"the writer's second run fetched articles again: {rerun}")
    assert problems == [], "\n".join(problems)


def test_the_writer_killed_mid_run_then_run_again_stores_the_rest_once(
    cluster: Cluster, site: LoggedSite, tmp_path: Path
) -> None:
    db = tmp_path / "news.db"
    writer = cluster.start(WRITER, db)
    workers = [cluster.start(WORKER_1), cluster.start(WORKER_2)]
    wait_for(lambda: len(stored(db)) >= 10, "the writer store 10 articles", cluster.nodes)
    writer.kill()
    killed_at = time.monotonic()
    again = cluster.start(WRITER, db)
    problems = exit_problems([again, *workers])
    if missing := article_urls(site) - set(stored(db)):
        problems.append(f"{len(missing)} articles not stored, e.g. {sorted(missing)[:3]}")
    if twice := stored_twice(db):
        problems.append(f"stored twice: {twice}")
    for path, requests in requested_twice(site.snapshot()).items():
        if not any(hit.agent == agent(WRITER) and hit.at < killed_at for hit in requests):
            problems.append(f"{path} requested twice, and not by the killed writer: {requests}")
    assert problems == [], "\n".join(problems)


def test_redis_restarted_empty_mid_run_refetches_no_stored_article(
    cluster: Cluster,
    site: LoggedSite,
    redis_server: RedisServer,  # noqa: F811
    tmp_path: Path,
) -> None:
    db = tmp_path / "news.db"
    nodes = [cluster.start(WRITER, db), cluster.start(WORKER_1), cluster.start(WORKER_2)]
    wait_for(lambda: len(stored(db)) >= 10, "the writer store 10 articles", cluster.nodes)
    before = set(stored(db))  # committed before Redis goes: the writer must seed them into the new one
    restarted_at = time.monotonic()
    redis_server.restart_empty()
    problems = exit_problems(nodes)
    refetched = sorted({url_of(hit, site) for hit in site.snapshot() if hit.at > restarted_at} & before)
    if refetched:
        problems.append(f"{len(refetched)} stored articles fetched again after the restart, e.g. {refetched[:3]}")
    if missing := article_urls(site) - set(stored(db)):
        problems.append(f"{len(missing)} articles not stored after the run, e.g. {sorted(missing)[:3]}")
    if twice := stored_twice(db):
        problems.append(f"stored twice: {twice}")
    assert problems == [], "\n".join(problems)


def test_a_second_writer_exits_75_with_one_line(cluster: Cluster, site: LoggedSite, tmp_path: Path) -> None:
    first = cluster.start(WRITER, tmp_path / "news.db")
    wait_for(lambda: any(hit.agent == agent(WRITER) for hit in site.snapshot()), "the writer's first request",
             cluster.nodes)  # fmt: skip
    second = cluster.start("second-writer", tmp_path / "other.db")  # another file: only the cluster can say no
    code = finish([second])["second-writer"]
    first.kill()
    assert (code, len(second.stderr.strip().splitlines())) == (75, 1), second.stderr
    assert second.stderr.startswith("newsrake: "), second.stderr
    assert "writer" in second.stderr


# Politeness across nodes.

DELAY = 0.5
CLOCK_SLACK = 0.005
"""The server stamps a request when its handler thread runs, a little after the bytes arrived, and a thread
may be scheduled some milliseconds late: two requests sent exactly DELAY apart can be stamped a few ms
closer than that."""


@dataclass(frozen=True)
class Polite:
    site: LoggedSite
    hits: list[Hit]
    exits: dict[str, int | None]
    stderr: dict[str, str]


def polite_run(
    tmp_path_factory: pytest.TempPathFactory, site: LoggedSite, workers: tuple[str, ...]
) -> Iterator[Polite]:
    """The writer and ``workers`` crawl ``site`` with ``DOWNLOAD_DELAY`` = `DELAY`, to the end."""
    folder = tmp_path_factory.mktemp("polite-cluster")
    with ExitStack() as stack:
        stack.enter_context(site)
        redis = stack.enter_context(RedisServer(tmp_path_factory.mktemp("redis")))
        cluster = Cluster(folder, site, redis.url(3), "-s", f"DOWNLOAD_DELAY={DELAY}")  # after FAST's: it wins
        stack.callback(cluster.close)
        nodes = [cluster.start(WRITER, folder / "news.db"), *(cluster.start(name) for name in workers)]
        exits = finish(nodes)
        yield Polite(site, site.snapshot(), exits, {node.name: node.stderr for node in nodes})


@pytest.fixture(scope="module")
def polite(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Polite]:
    site = LoggedSite(Shape(feeds=1, articles=10, delay=0).build)
    yield from polite_run(tmp_path_factory, site, (WORKER_1, WORKER_2))


@pytest.fixture(scope="module")
def slow_first(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Polite]:
    """A polite run on a server that takes longer to read each host's first request (its robots.txt) than
    the delay: the request that waited for that robots.txt must still wait the delay after it."""
    site = LoggedSite(Shape(feeds=1, articles=2, delay=0).build, slow_first=2 * DELAY)
    yield from polite_run(tmp_path_factory, site, (WORKER_1,))


def closest(hits: list[Hit]) -> tuple[float, Hit | None, Hit | None]:
    """The smallest gap between two successive requests of ``hits``, and the two."""
    ordered = sorted(hits, key=lambda hit: hit.at)
    gaps = [(b.at - a.at, a, b) for a, b in itertools.pairwise(ordered)]
    return min(gaps, key=lambda gap: gap[0]) if gaps else (float("inf"), None, None)


def test_the_polite_run_is_shared_and_complete(polite: Polite) -> None:
    assert polite.exits == {WRITER: 0, WORKER_1: 0, WORKER_2: 0}, polite.stderr
    fetched = {name: sum(1 for hit in polite.hits if is_article(hit) and hit.agent == agent(name))
               for name in (WRITER, WORKER_1, WORKER_2)}  # fmt: skip
    assert sum(fetched.values()) == len(article_urls(polite.site)), fetched
    assert sum(1 for count in fetched.values() if count) >= 2, fetched  # else no two nodes shared a host


@pytest.mark.parametrize("requests", ["feeds-and-articles", "every-request"])
@pytest.mark.parametrize("host", HOSTS)
def test_no_two_requests_to_a_host_closer_than_the_delay_across_nodes(polite: Polite, host: str, requests: str) -> None:
    """Robots.txt too, in ``every-request``: each node reads it, and it is a request to the host as any other."""
    every = requests == "every-request"
    hits = [hit for hit in polite.hits if hit.host == host and (every or hit.path != "/robots.txt")]
    gap, first, then = closest(hits)
    assert gap >= DELAY - CLOCK_SLACK, (first, then)


# Without --cluster nothing changes; bad input.

IMPORTED = re.compile(r"^import time:.*\|\s+(redis(?:\.\S+)?)\s*$", re.M)


def test_a_plain_crawl_does_not_import_redis(tmp_path: Path) -> None:
    with LoggedSite(Shape(feeds=1, articles=2, delay=0).build) as small:
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "crawler.cli", "crawl", "--db", str(tmp_path / "news.db"),
             "--feed", feed_urls(small)[0], "--allow-private-addresses", *FAST],
            cwd=tmp_path, env=scripted_dns(DNS), capture_output=True, text=True, timeout=TIMEOUT, check=False,
        )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    assert "import time:" in done.stderr  # the check below reads something
    assert IMPORTED.findall(done.stderr) == []


@pytest.mark.parametrize(
    ("cluster_url", "code", "says"),
    [
        pytest.param("http://x", 2, "newsrake: error: ", id="not-a-redis-url"),
        pytest.param("redis://127.0.0.1:{free}/0", 1, "newsrake: ", id="nobody-listening"),
    ],
)
def test_a_bad_cluster_is_one_line(tmp_path: Path, cluster_url: str, code: int, says: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "crawler.cli", "crawl", "--cluster", cluster_url.format(free=free_port()),
         "--feed", "http://a.test:9/feed.xml", "--allow-private-addresses", *FAST],
        cwd=tmp_path, env=scripted_dns(DNS), capture_output=True, text=True, timeout=TIMEOUT, check=False,
    )  # fmt: skip
    assert (done.returncode, len(done.stderr.strip().splitlines())) == (code, 1), done.stderr
    assert done.stderr.startswith(says), done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("host", HOSTS)
def test_a_request_sent_late_still_keeps_the_delay_before_the_next(slow_first: Polite, host: str) -> None:
    """The gate lets a request go; it may reach the host much later (a new connection to a busy host, a node
    that stalls). The next request to that host, sent once the first was answered, waits the delay after it."""
    assert slow_first.exits == {WRITER: 0, WORKER_1: 0}, slow_first.stderr
    hits = [hit for hit in slow_first.hits if hit.host == host]
    assert len(hits) == 4, hits  # robots.txt, the feed, two articles
    gap, first, then = closest(hits)
    assert gap >= DELAY - CLOCK_SLACK, (first, then)


SENT_LATE = {  # waited (s from asking the gate to the answer), download latency, first to the host -> late?
    "answered-within-the-margin": (0.05, 0.04, True, False),
    "failed-within-the-margin": (0.05, None, False, False),
    "first-request-answered-late": (0.9, 0.85, True, True),
    "slow-answer-on-an-open-connection": (0.9, 0.88, False, False),
    "node-held-up-before-the-download": (0.9, 0.2, False, True),
    "failed-late": (0.9, None, False, True),
}


@pytest.mark.parametrize(("waited", "latency", "first", "late"), SENT_LATE.values(), ids=SENT_LATE.keys())
def test_when_a_request_may_have_gone_out_late(waited: float, latency: float | None, first: bool, late: bool) -> None:
    assert sent_late(waited, latency, first=first, margin=0.1) is late
