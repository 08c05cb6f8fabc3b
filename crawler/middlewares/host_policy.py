"""The host policy: what each host asks of newsrake, in one downloader middleware.

- robots.txt, as RFC 9309 has it (`crawler.middlewares.robots`; off when ``ROBOTSTXT_OBEY`` is);
- Crawl-delay and Retry-After (on 429 and 503, `crawler.middlewares.retry_after`) both raise the host's
  delay floor (`crawler.middlewares.host_delay`), which nothing may shrink: this middleware owns the one
  `HostDelays`, so nothing else writes Scrapy's download slots;
- a host asking (Retry-After) for more than ``NEWSRAKE_MAX_RETRY_AFTER`` seconds is left for the run.

A host's answer is read twice. As soon as it arrives (Scrapy's ``response_downloaded`` signal, before the
downloader sends the host's next request), a 429/503 raises the floor, and a host with a floor has its wait
count from that answer. Then, as a middleware at 560, it sees the 429/503 before Scrapy's RetryMiddleware
(550) does, and drops the request of a host that asked for more than the cap. It replaces
``scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware`` (see settings).
"""

from __future__ import annotations

import logging

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.http import Response

from crawler import settings as defaults
from crawler.middlewares.host_delay import HostDelays
from crawler.middlewares.retry_after import BACKOFF_STATUSES, DEFAULT_WAIT, HostBackedOff, retry_after_seconds
from crawler.middlewares.robots import RobotsTxt
from pipelines import stats
from pipelines.request_context import is_kind

logger = logging.getLogger(__name__)


class HostPolicyMiddleware:
    """Downloader middleware: obey robots.txt, Crawl-delay and Retry-After; keep each host's delay floor."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.robots = RobotsTxt(crawler) if crawler.settings.getbool("ROBOTSTXT_OBEY") else None
        self.cap = crawler.settings.getfloat("NEWSRAKE_MAX_RETRY_AFTER", defaults.NEWSRAKE_MAX_RETRY_AFTER)
        self.delays = HostDelays(crawler)
        self.given_up: dict[str, float] = {}
        """Hosts left for the run, and the Retry-After each asked for."""
        crawler.signals.connect(self._answered, signal=signals.response_downloaded)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> HostPolicyMiddleware:
        return cls(crawler)

    async def process_request(self, request: Request) -> None:
        if self.robots is not None:
            crawl_delay = await self.robots.check(request)
            if crawl_delay:
                self.delays.raise_floor(request, crawl_delay)
        host = request.url.split("/", 3)[2] if "://" in request.url else ""
        if host in self.given_up:
            message = f"{request.url}: the host asked to wait longer than {self.cap:g} s"
            raise HostBackedOff(message, self.given_up[host])

    def _answered(self, response: Response, request: Request) -> None:
        """On arrival, before the host's next request may go: back off on a 429/503, lift the host's delay
        back to its floor (AutoThrottle, whose handler runs first, may have lowered it), and count the wait
        from now."""
        if self._asks_to_back_off(request, response):
            asked = self._asked(response)
            if asked is None or asked <= self.cap:
                self._back_off(request, response, asked)
        self.delays.apply(request)
        self.delays.count_from_answer(request)

    def process_response(self, request: Request, response: Response) -> Response:
        """Drop the request of a host that asks for more than the cap (the floor was raised on arrival)."""
        if self._asks_to_back_off(request, response):
            asked = self._asked(response)
            if asked is not None and asked > self.cap:
                self._give_up(request, response, asked)
        return response

    @staticmethod
    def _asks_to_back_off(request: Request, response: Response) -> bool:
        return response.status in BACKOFF_STATUSES and not is_kind(request, "robots")

    @staticmethod
    def _asked(response: Response) -> float | None:
        """The seconds the answer's Retry-After asks for, if it says."""
        header = response.headers.get("Retry-After")
        return retry_after_seconds(header.decode("latin-1") if header else None)

    def _back_off(self, request: Request, response: Response, asked: float | None) -> None:
        """Raise the host's delay floor to what its Retry-After asks (or double it)."""
        key = self.delays._slot_key(request) or ""
        wait = asked if asked is not None else max(DEFAULT_WAIT, 2 * self.delays.floors.get(key, 0.0))
        floor = self.delays.raise_floor(request, min(wait, self.cap))
        logger.warning("%s answered %d: waiting %g s between requests to this host", request.url,
                       response.status, floor)  # fmt: skip

    def _give_up(self, request: Request, response: Response, asked: float) -> None:
        """Leave a host that asks for more than the cap for the rest of the run, and drop this request."""
        host = request.url.split("/", 3)[2]
        self.given_up[host] = asked
        logger.warning("%s answered %d, Retry-After %g s (cap %g s): host left for this run",
                       request.url, response.status, asked, self.cap)  # fmt: skip
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(stats.HOSTS_BACKED_OFF)
        raise HostBackedOff(f"{request.url}: Retry-After {asked:g} s is over the cap", asked)
