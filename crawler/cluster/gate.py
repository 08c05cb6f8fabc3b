"""Downloader middleware of a cluster node: politeness across the whole cluster.

Right before a request is sent, the node asks the frontier whether its host may be fetched now: the host's
``gate`` key in Redis holds when the next request to it may go, whichever node sends it. The delay is the
node's own for that host (``DOWNLOAD_DELAY``, raised by Crawl-delay or Retry-After) or the floor another node
learnt for it (shared in Redis), whichever is longer. robots.txt requests and redirects pass here too.

A request let go holds its host until it is answered: no other request to the host, from any node, is let go
meanwhile (one request at a time per host, as ``CONCURRENT_REQUESTS_PER_DOMAIN`` asks of one node). The hold
lasts at most the request's download timeout, or the cluster's lease if that is shorter, so that a node that
dies with a request out holds its host no longer than its tasks.

The gate knows when a request was let go, not when it reached the host. ``NEWSRAKE_CLUSTER_GATE_MARGIN`` is
added to the delay for the time between the two, and it is enough when the node is not held up on the way. When
it may not have been (`sent_late`), the gate is stamped again as the request is answered, before the host is
let go: the next request to the host waits the delay after that answer. So a request that went out late, on a
busy machine or behind a slow first connection, keeps the delay after it, however late it went.
"""

from __future__ import annotations

import asyncio
import itertools
import uuid

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.http import Response

from crawler import settings
from crawler.cluster.spider import ClusterSpider
from crawler.cluster.tasks import host_of
from crawler.middlewares.host_policy import HostPolicyMiddleware


def sent_late(waited: float, latency: float | None, *, first: bool, margin: float) -> bool:
    """Whether a request answered ``waited`` s after it asked the gate may have reached its host later than
    ``margin`` s after the gate let it go. ``latency``: Scrapy's ``download_latency``, from the download
    handler's start to the answer (None: the download failed); ``first``: the node's first request to the host,
    which resolves the host and opens a connection after the gate, so that a slow network or a busy host can
    hold it up there."""
    if waited <= margin:
        return False  # answered within the margin: it went out within it
    if latency is None or first:
        return True  # it may have gone out as late as the answer
    return waited - latency > margin  # it reached the download handler late: the node was held up


PASSED_META = "newsrake_cluster_gate"
"""The meta key of a request that passed the gate: when the gate was asked (the loop's clock), the delay and the
token it holds its host under."""


class PolitenessGateMiddleware:
    """Waits, before each request, until the cluster lets its host be fetched."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.delay = max(0.0, crawler.settings.getfloat("NEWSRAKE_CLUSTER_DELAY"))
        self.margin = max(
            0.0, crawler.settings.getfloat("NEWSRAKE_CLUSTER_GATE_MARGIN", settings.NEWSRAKE_CLUSTER_GATE_MARGIN)
        )
        self.longest_hold = max(
            1.0, crawler.settings.getfloat("NEWSRAKE_CLUSTER_LEASE", settings.NEWSRAKE_CLUSTER_LEASE)
        )
        node = uuid.uuid4().hex
        self._tokens = (f"{node}-{number}" for number in itertools.count())
        self._policy: HostPolicyMiddleware | None = None
        self._shared: dict[str, float] = {}
        self._answered_hosts: set[str] = set()
        """Hosts that have answered this node: its connection to them is open."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> PolitenessGateMiddleware:
        return cls(crawler)

    def _floor(self, request: Request) -> float:
        """The host's floor this node knows (Crawl-delay, Retry-After), from its host-policy middleware."""
        engine = self.crawler.engine
        if engine is None:
            return 0.0
        if self._policy is None:
            for middleware in engine.downloader.middleware.middlewares:
                if isinstance(middleware, HostPolicyMiddleware):
                    self._policy = middleware
        if self._policy is None:
            return 0.0
        key = self._policy.delays._slot_key(request)
        return self._policy.delays.floors.get(key or "", 0.0)

    async def process_request(self, request: Request) -> None:
        spider = self.crawler.spider
        if not isinstance(spider, ClusterSpider) or spider.frontier is None:
            return
        host = host_of(request.url)
        floor = self._floor(request)
        if floor > self._shared.get(host, 0.0):
            await spider.frontier.raise_floor(host, floor)
            self._shared[host] = floor
        delay = max(self.delay, floor)
        token = next(self._tokens) if delay else ""
        hold = self._hold(request) if delay else 0.0
        loop = asyncio.get_running_loop()
        while True:
            asked = loop.time()
            wait = await spider.frontier.gate(host, delay + self.margin if delay else 0.0, token=token, hold=hold)
            if wait <= 0:
                if delay:
                    request.meta[PASSED_META] = (asked, delay, token)
                return
            await asyncio.sleep(wait)

    def _hold(self, request: Request) -> float:
        """How long (s) the request may hold its host: its download timeout and a margin, within the lease."""
        timeout = request.meta.get("download_timeout")
        if not isinstance(timeout, (int, float)) or timeout <= 0:
            timeout = self.crawler.settings.getfloat("DOWNLOAD_TIMEOUT", settings.DOWNLOAD_TIMEOUT)
        return min(timeout + 1.0 + self.margin, self.longest_hold)

    async def process_response(self, request: Request, response: Response) -> Response:
        latency = request.meta.get("download_latency")
        await self._answered(request, latency if isinstance(latency, (int, float)) else None)
        return response

    async def process_exception(self, request: Request, exception: Exception) -> None:
        await self._answered(request, None)

    async def _answered(self, request: Request, latency: float | None) -> None:
        """Let the host go, stamping the gate again first if the request may have gone out later than the
        margin allowed for."""
        passed = request.meta.pop(PASSED_META, None)
        spider = self.crawler.spider
        if passed is None or not isinstance(spider, ClusterSpider) or spider.frontier is None:
            return
        asked, delay, token = passed
        host = host_of(request.url)
        first = host not in self._answered_hosts
        if latency is not None:
            self._answered_hosts.add(host)
        waited = asyncio.get_running_loop().time() - asked
        late = sent_late(waited, latency, first=first, margin=self.margin)
        await spider.frontier.answered(host, delay, token=token, late=late)
