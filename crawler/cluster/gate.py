"""Downloader middleware of a cluster node: politeness across the whole cluster.

Right before a request is sent, the node asks the frontier whether its host may be fetched now: the host's
``gate`` key in Redis holds when the next request to it may go, whichever node sends it. The delay is the
node's own for that host (``DOWNLOAD_DELAY``, raised by Crawl-delay or Retry-After) or the floor another node
learnt for it (shared in Redis), whichever is longer. robots.txt requests and redirects pass here too.
"""

from __future__ import annotations

import asyncio

from scrapy import Request
from scrapy.crawler import Crawler

from crawler import settings
from crawler.cluster.spider import ClusterSpider
from crawler.cluster.tasks import host_of
from crawler.middlewares.host_policy import HostPolicyMiddleware


class PolitenessGateMiddleware:
    """Waits, before each request, until the cluster lets its host be fetched."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.delay = max(0.0, crawler.settings.getfloat("NEWSRAKE_CLUSTER_DELAY"))
        self.margin = max(
            0.0, crawler.settings.getfloat("NEWSRAKE_CLUSTER_GATE_MARGIN", settings.NEWSRAKE_CLUSTER_GATE_MARGIN)
        )
        self._policy: HostPolicyMiddleware | None = None
        self._shared: dict[str, float] = {}

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
        while True:
            wait = await spider.frontier.gate(host, delay + self.margin if delay else 0.0)
            if wait <= 0:
                return
            await asyncio.sleep(wait)
