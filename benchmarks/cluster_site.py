"""The cluster benchmark's parts: a news site of many hosts behind one loopback server that answers each request
after a latency (as a server across the Internet would), and a throwaway Redis.

Every host name (``h00.test``, ``h01.test``, ...) resolves to 127.0.0.1 in the crawl's processes, through the
tests' scripted DNS (``tests/scripted_dns``, put on their PYTHONPATH by `scripted_dns_environment`); a path
starts with its host's name, so one server serves them all, and the crawler still sees as many hosts, each with
its own politeness delay. The server logs each request (path, Host, arrival time) for the benchmark's checks.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import os
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import NamedTuple

from benchmarks.lean_server import LeanServer
from crawler.demo.feedgen import CONTENT_TYPES, Item, render_feed
from crawler.demo.server import ROBOTS_ALLOW_ALL, Resource, Routes

ROOT = Path(__file__).resolve().parent.parent
SCRIPTED_DNS = ROOT / "tests" / "scripted_dns"
REDIS_SERVER = "/usr/bin/redis-server"

_PLACES = ["harbour", "orchard", "tramway", "archive", "quarry", "fair", "viaduct", "covered market", "lido", "mill"]
_EVENTS = ["reopens", "gets a new roof", "changes hands", "closes for the winter", "wins a grant", "turns a hundred"]


def article_body(number: int) -> bytes:
    """An original article page of some 2 KB, different for every ``number``, with a little page furniture
    (navigation, a footer) for the cleaners to remove."""
    place, event = _PLACES[number % len(_PLACES)], _EVENTS[number % len(_EVENTS)]
    paragraphs = "".join(
        f"<p>Report {number}, paragraph {part}: the {place} {event}, and the neighbourhood council met on the "
        f"evening of day {number % 28 + 1} to weigh what it means for the {part + 2} streets around it. Traders "
        f"said takings had moved by {(number * part) % 17 + 3} percent since the spring, and residents asked for "
        f"a written plan before the next meeting.</p>"
        for part in range(1, 7)
    )
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The {place} {event} ({number})'
        f'</title></head><body><nav><a href="/">Home</a> <a href="/local/">Local</a></nav><main><article>'
        f"<h1>The {place} {event} ({number})</h1>{paragraphs}</article></main>"
        "<footer>Copyright the Valley Courier. All rights reserved.</footer></body></html>"
    ).encode()


def host_names(count: int) -> list[str]:
    return [f"h{number:02d}.test" for number in range(count)]


def site_routes(base_url: str, hosts: list[str], articles: int, feeds_per_host: int) -> Routes:
    """``articles`` article pages dealt round-robin over the hosts, and on each host over its feeds; every
    path starts with its host's name. ``base_url`` is the server's (``http://127.0.0.1:PORT``)."""
    port = int(base_url.rsplit(":", 1)[1])
    routes: dict[str, Resource] = {"/robots.txt": ROBOTS_ALLOW_ALL}
    start = datetime(2026, 11, 1, tzinfo=UTC)
    entries: dict[tuple[str, int], list[Item]] = {(host, f): [] for host in hosts for f in range(feeds_per_host)}
    for number in range(articles):
        host = hosts[number % len(hosts)]
        feed = (number // len(hosts)) % feeds_per_host
        path = f"/{host}/news/{number}.html"
        routes[path] = Resource(article_body(number))
        entries[host, feed].append(
            Item(
                url=f"http://{host}:{port}{path}", title=f"Report {number}", published=start + timedelta(minutes=number)
            )
        )
    for (host, feed), items in entries.items():
        path = f"/{host}/feed-{feed}.xml"
        home = f"http://{host}:{port}/"
        routes[path] = Resource(
            render_feed("rss2", f"{host} {feed}", home, f"http://{host}:{port}{path}", items), CONTENT_TYPES["rss2"]
        )
    return routes


def feed_urls(routes: Routes, port: int) -> list[str]:
    return [f"http://{path.split('/')[1]}:{port}{path}" for path in routes if "/feed-" in path]


def article_urls(routes: Routes, port: int) -> set[str]:
    return {f"http://{path.split('/')[1]}:{port}{path}" for path in routes if "/news/" in path}


class Hit(NamedTuple):
    path: str
    host: str
    at: float


class LatencyServer(LeanServer):
    """`LeanServer` that answers each request ``latency`` seconds after it arrived (an asyncio sleep: no thread
    and next to no CPU per waiting request), and logs it."""

    def __init__(self, build: Callable[[str], Routes], latency: float) -> None:
        self.latency = latency
        self.hits: list[Hit] = []
        super().__init__(build)

    async def _received(self, request: bytes, target: str) -> None:
        """Log the request (path, Host, arrival), then wait ``latency`` before it is answered."""
        arrived = time.monotonic()
        host = ""
        for line in request.split(b"\r\n")[1:]:
            if line[:5].lower() == b"host:":
                host = line[5:].strip().decode("latin-1").rsplit(":", 1)[0]
        self.hits.append(Hit(target.split("?")[0], host, arrived))  # one thread: no lock needed
        await asyncio.sleep(self.latency)

    def __enter__(self) -> LatencyServer:
        super().__enter__()
        return self

    @property
    def port(self) -> int:
        return int(self.address.rsplit(":", 1)[1])


def scripted_dns_environment(hosts: list[str]) -> dict[str, str]:
    """The environment of a crawl process in which each of ``hosts`` resolves to 127.0.0.1; no proxy variables."""
    environment = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    path = os.pathsep.join(filter(None, [str(SCRIPTED_DNS), str(ROOT), os.environ.get("PYTHONPATH")]))
    return environment | {"PYTHONPATH": path, "NEWSRAKE_TEST_DNS": json.dumps({h: ["127.0.0.1"] for h in hosts})}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Redis:
    """A throwaway ``redis-server`` on a free loopback port, no persistence; a context manager."""

    folder: Path | None = None
    port: int = 0
    _process: subprocess.Popen[bytes] | None = None
    _tmp: tempfile.TemporaryDirectory[str] | None = None

    def url(self, db: int) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"

    def flush(self, db: int) -> None:
        """Empty database ``db``."""
        import redis

        client = redis.Redis.from_url(self.url(db))
        client.flushdb()
        client.close()

    def __enter__(self) -> Redis:
        if not Path(REDIS_SERVER).exists():
            raise SystemExit(f"cluster.py: {REDIS_SERVER} not found (apt-get install redis-server)")
        if self.folder is None:
            self._tmp = tempfile.TemporaryDirectory()
            self.folder = Path(self._tmp.name)
        self.port = _free_port()
        command = [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                   "--dir", str(self.folder), "--logfile", str(self.folder / "redis.log")]  # fmt: skip
        self._process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port), timeout=1) as sock:
                sock.sendall(b"PING\r\n")
                if sock.recv(64).startswith(b"+PONG"):
                    return self
            if self._process.poll() is not None or time.monotonic() > deadline:
                self.__exit__(None, None, None)
                raise SystemExit(f"cluster.py: redis-server did not start on port {self.port}")
            time.sleep(0.05)

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.wait(timeout=30)
        if self._tmp is not None:
            self._tmp.cleanup()


def closest_gap(hits: list[Hit]) -> Mapping[str, float]:
    """Per host, the smallest time between two successive requests to it (hosts asked only once left out)."""
    by_host: dict[str, list[float]] = {}
    for hit in hits:
        by_host.setdefault(hit.host, []).append(hit.at)
    gaps = {}
    for host, times in by_host.items():
        times.sort()
        if len(times) > 1:
            gaps[host] = min(b - a for a, b in itertools.pairwise(times))
    return gaps
