"""robots.txt as RFC 9309 has it, which Scrapy's own middleware does not do in full.

- 2xx: the rules are obeyed (Disallow, Allow) for newsrake's user agent;
- 4xx: no rules: everything is allowed;
- 5xx or no answer (timeout, refused connection): the host is treated as
  disallowing everything for this run;
- ``Crawl-delay`` is honoured up to ``NEWSRAKE_MAX_CRAWL_DELAY`` seconds; a
  host asking for more is skipped for this run and logged.

Replaces ``scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware`` (see settings).
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

from protego import Protego
from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Response
from scrapy.http.request import NO_CALLBACK

from crawler import stats
from crawler.middlewares.host_delay import HostDelays

logger = logging.getLogger(__name__)

MAX_ROBOTS_BYTES = 512 * 1024
"""Robots files are read up to this size (RFC 9309 asks for at least 500 KiB)."""


class RobotsRefused(IgnoreRequest):
    """robots.txt (or its absence) does not let newsrake fetch this URL in this run."""


@dataclass(frozen=True)
class HostPolicy:
    """What robots.txt decided for one host."""

    rules: Protego | None = None
    refuse_all: str | None = None
    crawl_delay: float | None = None


class RobotsMiddleware:
    """Downloader middleware: fetch each host's robots.txt once per run and obey it."""

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        if not settings.getbool("ROBOTSTXT_OBEY"):
            raise NotConfigured
        self.crawler = crawler
        self.user_agent: str = settings.get("ROBOTSTXT_USER_AGENT") or settings.get("USER_AGENT")
        self.max_delay = settings.getfloat("NEWSRAKE_MAX_CRAWL_DELAY", 30.0)
        self.delays = HostDelays(crawler)
        self._policies: dict[str, asyncio.Future[HostPolicy]] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RobotsMiddleware:
        return cls(crawler)

    async def process_request(self, request: Request) -> None:
        if request.meta.get("dont_obey_robotstxt"):
            return
        parts = urlsplit(request.url)
        if parts.scheme not in ("http", "https"):
            return
        policy = await self._policy(parts.scheme, parts.netloc)
        if policy.refuse_all:
            raise self._refuse(request, policy.refuse_all)
        if policy.rules is not None and not policy.rules.can_fetch(request.url, self.user_agent):
            raise self._refuse(request, "disallowed by robots.txt")
        if policy.crawl_delay:
            self.delays.raise_floor(request, policy.crawl_delay)

    def process_response(self, request: Request, response: Response) -> Response:
        self.delays.apply(request)
        return response

    def _refuse(self, request: Request, reason: str) -> RobotsRefused:
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(stats.ROBOTS_REFUSED)
        logger.info("robots.txt: %s: %s", request.url, reason)
        return RobotsRefused(f"{request.url}: {reason}")

    async def _policy(self, scheme: str, netloc: str) -> HostPolicy:
        if netloc not in self._policies:
            future: asyncio.Future[HostPolicy] = asyncio.get_running_loop().create_future()
            self._policies[netloc] = future
            future.set_result(await self._fetch(f"{scheme}://{netloc}/robots.txt"))
        return await asyncio.shield(self._policies[netloc])

    async def _fetch(self, url: str) -> HostPolicy:
        request = Request(
            url,
            priority=1000,
            meta={
                "dont_obey_robotstxt": True,
                "handle_httpstatus_all": True,
                "dont_retry": True,  # a 5xx or no answer means: not this run
                "newsrake": "robots",
            },
            callback=NO_CALLBACK,
        )
        engine = self.crawler.engine
        assert engine is not None
        try:
            response = await engine.download_async(request)
        except IgnoreRequest as error:
            return self._host_refused(url, f"robots.txt not fetched ({error})")
        except Exception as error:  # noqa: BLE001 - any failure to get robots.txt means: stay away this run
            return self._host_refused(url, f"robots.txt unreachable ({type(error).__name__}: {error})")
        if response.status >= 500:
            return self._host_refused(url, f"robots.txt answered {response.status}")
        if response.status >= 400 or response.status < 200 or response.status >= 300:
            return HostPolicy()  # no robots.txt: no rules
        text = response.body[:MAX_ROBOTS_BYTES].decode("utf-8", errors="replace")
        rules = Protego.parse(text)
        delay = rules.crawl_delay(self.user_agent)
        if delay is not None and delay > self.max_delay:
            return self._host_refused(url, f"Crawl-delay {delay:g} s is over the cap of {self.max_delay:g} s")
        return HostPolicy(rules=rules, crawl_delay=float(delay) if delay else None)

    def _host_refused(self, url: str, reason: str) -> HostPolicy:
        logger.warning("skipping host %s for this run: %s", urlsplit(url).netloc, reason)
        return HostPolicy(refuse_all=reason)
