"""Back off a host that answers 429 or 503: wait what Retry-After asks, up to a cap, and never less later.

Runs before Scrapy's RetryMiddleware sees the response, so its retry waits
for the new delay. A host asking for more than ``NEWSRAKE_MAX_RETRY_AFTER``
seconds is left alone for the rest of the run.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response

from crawler.middlewares.host_delay import HostDelays
from pipelines import stats

logger = logging.getLogger(__name__)

BACKOFF_STATUSES = frozenset({429, 503})
DEFAULT_WAIT = 10.0
"""Seconds to wait after a 429/503 without a usable Retry-After (doubles each time)."""


class HostBackedOff(IgnoreRequest):
    """The host asked to be left alone for longer than this run may wait."""


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds a Retry-After header asks for (delta-seconds or an HTTP date), or None if unusable."""
    if not value:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class RetryAfterMiddleware:
    """Downloader middleware: raise a host's delay on 429/503 and keep it raised."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.cap = crawler.settings.getfloat("NEWSRAKE_MAX_RETRY_AFTER", 120.0)
        self.delays = HostDelays(crawler)
        self.given_up: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RetryAfterMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        host = request.url.split("/", 3)[2] if "://" in request.url else ""
        if host in self.given_up:
            raise HostBackedOff(f"{request.url}: the host asked to wait longer than {self.cap:g} s")

    def process_response(self, request: Request, response: Response) -> Response:
        if response.status in BACKOFF_STATUSES and request.meta.get("newsrake") != "robots":
            header = response.headers.get("Retry-After")
            asked = retry_after_seconds(header.decode("latin-1") if header else None)
            if asked is not None and asked > self.cap:
                host = request.url.split("/", 3)[2]
                self.given_up.add(host)
                logger.warning("%s answered %d, Retry-After %g s (cap %g s): host left for this run",
                               request.url, response.status, asked, self.cap)  # fmt: skip
                assert self.crawler.stats is not None
                self.crawler.stats.inc_value(stats.HOSTS_BACKED_OFF)
                raise HostBackedOff(f"{request.url}: Retry-After {asked:g} s is over the cap")
            key = self.delays._slot_key(request) or ""
            wait = asked if asked is not None else max(DEFAULT_WAIT, 2 * self.delays.floors.get(key, 0.0))
            floor = self.delays.raise_floor(request, min(wait, self.cap))
            logger.warning("%s answered %d: waiting %g s between requests to this host", request.url,
                           response.status, floor)  # fmt: skip
        else:
            self.delays.apply(request)
        return response
