"""Conditional GET and back-off for feeds, from the state the store keeps between runs.

Adds ``If-None-Match`` / ``If-Modified-Since`` from the stored ETag and
Last-Modified (and hands the spider the digest of the body last parsed, for
servers that send neither), sends a moved feed (301/308) to its new URL, and skips a feed
that is retired (410), backing off after failures, or not due yet: its adaptive interval
(`pipelines.polling`) since its last poll is not over (``NEWSRAKE_ALL_FEEDS``, ``newsrake crawl
--all-feeds``, polls those now; not the retired nor the failing ones).
"""

from __future__ import annotations

import logging

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest

from crawler.middlewares.store_reader import StoreReader
from pipelines import stats
from pipelines.polling import duration_text
from pipelines.records import utc_now
from pipelines.request_context import context_of, with_context

logger = logging.getLogger(__name__)


def conditional(
    request: Request, etag: str | None, last_modified: str | None, body_sha256: str | None, moved_to: str | None
) -> Request:
    """A feed request made conditional on what its last poll stored (its validators, and the digest of the
    body last parsed for servers that send none), sent to where a permanent redirect moved it (a new request
    then; else the same one)."""
    if etag:
        request.headers["If-None-Match"] = etag
    if last_modified:
        request.headers["If-Modified-Since"] = last_modified
    with_context(request, conditional=True, body_sha256=body_sha256 or None)
    if moved_to and moved_to != request.url:
        return request.replace(url=moved_to, dont_filter=True)
    return request


class FeedSkipped(IgnoreRequest):
    """The feed is not polled in this run (retired, backing off, or not due)."""


class FeedStateMiddleware:
    """Downloader middleware for feed requests (their context's kind ``feed``)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.reader = StoreReader(crawler)
        self.all_feeds = crawler.settings.getbool("NEWSRAKE_ALL_FEEDS")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FeedStateMiddleware:
        return cls(crawler)

    def _skip(self, stat: str, message: str) -> FeedSkipped:
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(stat)
        logger.info("%s", message)
        return FeedSkipped(message)

    def process_request(self, request: Request) -> Request | None:
        context = context_of(request)
        if context is None or context.kind != "feed" or context.conditional:
            return None
        store = self.reader.get()
        url = context.feed_url if context.feed_url is not None else request.url
        state = store.feed_state(url) if store else None
        if state is None:
            return None
        if state.retired_at:
            raise self._skip(stats.FEEDS_RETIRED, f"feed retired (410 on {state.retired_at}): {state.url}")
        if state.next_poll_at and state.next_poll_at > utc_now():
            if state.failures_in_row:
                message = f"feed backing off after {state.failures_in_row} failures until {state.next_poll_at}: {url}"
                raise self._skip(stats.FEEDS_NOT_DUE, message)
            if not self.all_feeds:
                every = duration_text(state.poll_interval or 0)
                message = f"feed not due until {state.next_poll_at} (every {every}: {state.poll_reason}): {url}"
                raise self._skip(stats.FEEDS_NOT_DUE, message)
        conditioned = conditional(request, state.etag, state.last_modified, state.body_sha256, state.moved_to)
        return conditioned if conditioned is not request else None
