"""Skip article requests whose article is already stored, before any byte is sent; pace pending ones.

An article is known by the key of its URL (`crawler.urls.normalise_url`; also the spelling older versions
stored it under), by the canonical URL of a stored page, as a known duplicate, or by its GUID within the
same feed. One query a request tells all of it (`Store.article_state`).

An article that failed in an earlier run (`pending_articles`) is requested again only when its next try is
due, and never once given up; a request for it carries its attempts so far (its context's ``attempts``).

With ``NEWSRAKE_REFETCH_UPDATED`` on, an article whose feed entry now carries
another updated date than the one it was stored with is fetched again
(its context's ``refetch``); the stored text is kept as a previous version.
"""

from __future__ import annotations

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest

from crawler.middlewares.store_reader import StoreReader
from crawler.urls import legacy_key, normalise_url
from pipelines import stats
from pipelines.records import utc_now
from pipelines.request_context import context_of, with_context


class AlreadyStored(IgnoreRequest):
    """The article behind this request is in the database already."""


class NotDue(IgnoreRequest):
    """The article failed before and its next try is not due yet, or it was given up."""


class SeenUrlsMiddleware:
    """Drops article requests (their context's kind ``article``) whose article the store has."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.reader = StoreReader(crawler)
        self.refetch_updated = crawler.settings.getbool("NEWSRAKE_REFETCH_UPDATED")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SeenUrlsMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        context = context_of(request)
        if context is None or context.kind != "article":
            return
        store = self.reader.get()
        if store is None:
            return
        link = context.link if context.link is not None else request.url
        key = normalise_url(link) or request.url
        state = store.article_state([key, legacy_key(link) or key], context.guid, context.feed_url)
        assert self.crawler.stats is not None
        if self.refetch_updated and state.url_stored:
            new_updated = context.updated
            if new_updated and new_updated != state.feed_updated:
                with_context(request, refetch=True)
                return
        if state.stored or state.duplicate:
            self.crawler.stats.inc_value(stats.ARTICLES_SKIPPED)
            raise AlreadyStored(f"already stored: {request.url}")
        if state.attempts is None:
            return
        if state.given_up_at or (state.next_try_at and state.next_try_at > utc_now()):
            self.crawler.stats.inc_value(stats.ARTICLES_NOT_DUE)
            when = f"given up on {state.given_up_at}" if state.given_up_at else f"next try at {state.next_try_at}"
            raise NotDue(f"failed before, {when}: {request.url}")
        with_context(request, attempts=state.attempts)
        self.crawler.stats.inc_value(stats.ARTICLES_RETRIED)
