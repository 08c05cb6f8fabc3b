"""robots.txt once for the whole cluster: the first node that needs a host's robots.txt fetches it (through
the gate, like any request) and shares what it found in Redis; the other nodes wait for it and use that.

Shared for `SHARED_FOR` seconds (a cron interval): then the next node that needs it fetches it again.
"""

from __future__ import annotations

import asyncio
from typing import Any

from scrapy.crawler import Crawler

from crawler.cluster.spider import ClusterSpider
from crawler.middlewares.host_policy import HostPolicyMiddleware
from crawler.middlewares.robots import HostPolicy, RobotsTxt

SHARED_FOR = 900.0
"""Seconds a host's robots.txt, as one node found it, stands for every node."""
CLAIM_FOR = 60.0
"""Seconds one node has to fetch a robots.txt before another may try."""


class ClusterRobotsTxt(RobotsTxt):
    """`RobotsTxt` whose fetches are shared through the cluster."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self._texts: dict[str, str] = {}

    def rules_policy(self, url: str, text: str) -> HostPolicy:
        self._texts[url] = text  # what the other nodes will parse
        return super().rules_policy(url, text)

    async def _fetch(self, url: str) -> HostPolicy:
        spider = self.crawler.spider
        frontier = spider.frontier if isinstance(spider, ClusterSpider) else None
        if frontier is None:
            return await super()._fetch(url)
        while True:
            shared = await frontier.shared_robots(url)
            if shared is not None:
                return self._policy_from(url, shared)
            if await frontier.claim_robots(url, CLAIM_FOR):
                shared = await frontier.shared_robots(url)  # shared between the look and the claim?
                if shared is not None:
                    return self._policy_from(url, shared)
                break
            await asyncio.sleep(0.1)  # another node is fetching it
        policy = await super()._fetch(url)
        found: dict[str, Any]
        if policy.refuse_all is not None:
            found = {"refuse": policy.refuse_all}
        elif policy.rules is not None and url in self._texts:
            found = {"text": self._texts.pop(url)}
        else:
            found = {}  # no robots.txt: no rules
        await frontier.share_robots(url, found, SHARED_FOR)
        return policy

    def _policy_from(self, url: str, shared: dict[str, Any]) -> HostPolicy:
        """The policy another node found."""
        if isinstance(shared.get("refuse"), str):
            return HostPolicy(refuse_all=shared["refuse"])
        if isinstance(shared.get("text"), str):
            return super().rules_policy(url, shared["text"])
        return HostPolicy()


class ClusterHostPolicyMiddleware(HostPolicyMiddleware):
    """The host policy of a cluster node: robots.txt shared across the cluster."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        if self.robots is not None:
            self.robots = ClusterRobotsTxt(crawler)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ClusterHostPolicyMiddleware:
        return cls(crawler)
