"""The `feeds` spider: reads sources, fetches their feeds, requests each entry's article page.

It schedules requests and parses feeds, nothing more: the seen-URL check and
the address guard are downloader middlewares, cleaning and storage pipelines.

    scrapy crawl feeds -a seeds=seeds/default.toml -a feed=URL -a feeds_file=FILE -s NEWSRAKE_DB=news.db
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
from collections.abc import AsyncIterator, Iterable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import scrapy
from scrapy.http import Response
from twisted.python.failure import Failure

from cleaners import FeedEntry
from cleaners.rules import SourceRules
from crawler import settings as defaults
from crawler.failures import REFUSALS, failure_reason, transient
from crawler.feeds import discover_feeds, parse_feed
from crawler.middlewares.feed_state import FeedSkipped
from crawler.middlewares.retry_after import HostBackedOff, retry_after_seconds
from crawler.middlewares.seen_urls import AlreadyStored, NotDue
from crawler.middlewares.store_reader import StoreReader
from crawler.options import parse_duration
from crawler.sitemaps import parse_sitemap
from crawler.sources import Gathered, SourceError, gather
from crawler.urls import normalise_url
from pipelines import stats
from pipelines.items import FetchedPage
from pipelines.polling import PollHints, entry_key, max_age
from pipelines.records import ArticleFailure, FeedFetch, RawPage, utc_now
from pipelines.request_context import RequestContext, context_meta, context_of

logger = logging.getLogger(__name__)


def _as_list(value: str | list[str] | tuple[str, ...] | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return list(value)


def _headers(response: Response) -> dict[str, str]:
    return {key.decode("latin-1"): b", ".join(values).decode("latin-1") for key, values in response.headers.items()}


def body_digest(body: bytes) -> str:
    """The SHA-256 of a body, to tell a feed that has not changed from one whose server sends no validators."""
    return hashlib.sha256(body).hexdigest()


def _listed_url(request: Any) -> str:
    """The URL a feed or sitemap request (or its response) was listed under: its feed URL, whatever the moves
    and redirects on the way."""
    context = context_of(request)
    return context.feed_url if context is not None and context.feed_url is not None else str(request.url)


def _parsed(response: Response, source: str, digest: str, **fields: Any) -> FeedFetch:
    """The record of a feed or sitemap that was parsed: what it held, and what tells next time whether it
    changed (the server's validators, the body's digest, a permanent move)."""
    return FeedFetch(
        url=_listed_url(response),
        source=source,
        status=response.status,
        body_sha256=digest,
        etag=_header(response, "ETag"),
        last_modified=_header(response, "Last-Modified"),
        moved_to=_permanent_redirect(response),
        **fields,
    )


def _entry_keys(identities: Iterable[str]) -> tuple[str, ...]:
    """The digests that tell next time which of these entries (GUIDs or links) are new."""
    return tuple(dict.fromkeys(entry_key(identity) for identity in identities))


def _server_hints(response: Response, **feed_hints: float | None) -> PollHints:
    """How often the feed asks to be polled: its own hints, and its response's ``Cache-Control: max-age``."""
    return PollHints(max_age=max_age(_header(response, "Cache-Control")), **feed_hints)


def _header(response: Response, name: str) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1").strip() or None if value else None


def _permanent_redirect(response: Response) -> str | None:
    """The final URL, when every redirect on the way was permanent (301/308)."""
    reasons = response.meta.get("redirect_reasons") or []
    if reasons and all(reason in (301, 308) for reason in reasons):
        return response.url
    return None


def _cutoff(since: float | None) -> str | None:
    if since is None:
        return None
    return (datetime.now(UTC) - timedelta(seconds=since)).strftime("%Y-%m-%dT%H:%M:%SZ")


class FeedsSpider(scrapy.Spider):
    """Fetch the feeds of every source and the article pages they list."""

    name = "feeds"

    def __init__(
        self,
        seeds: str | list[str] | None = None,
        feed: str | list[str] | None = None,
        feeds_file: str | None = None,
        since: str | float | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.since = parse_duration(since) if since not in (None, "") else None
        self.seed_paths = [Path(p) for p in _as_list(seeds)]
        self.feed_urls = _as_list(feed)
        self.feeds_file = Path(feeds_file) if feeds_file else None
        self.rules: dict[str, SourceRules] = {}
        self._requested: set[str] = set()  # keys of the articles requested in this run

    def sources(self) -> Gathered:
        """The sources of this run and the URLs left out (raises `SourceError` for a missing or bad file)."""
        return gather(self.seed_paths, self.feed_urls, self.feeds_file)

    async def start(self) -> AsyncIterator[scrapy.Request]:
        try:
            gathered = self.sources()
        except SourceError as error:
            logger.error("%s", error)
            return
        for skipped in gathered.skipped:  # one line each; every other source is crawled
            logger.warning("%s", skipped)
            self.crawler.stats.inc_value(stats.SOURCES_SKIPPED)
        sources = gathered.sources
        if not sources:
            logger.error("no sources: give seeds files, feed URLs or a feeds file")
            return
        self.rules = {source.name: source.rules for source in sources if source.rules}
        for source in sources:
            for url in source.feeds:
                yield self.feed_request(url, source.name)
            for url in source.sitemaps:
                yield self.sitemap_request(url, source.name)
            if not source.feeds and not source.sitemaps and source.homepage:
                yield self.homepage_request(source.homepage, source.name)
        for request in self.pending_requests([source.name for source in sources]):
            yield request

    def pending_requests(self, sources: list[str]) -> Iterator[scrapy.Request]:
        """A request for each article of ``sources`` that failed in an earlier run and is due again, whatever
        its feed says now (the feed may well answer 304)."""
        reader = StoreReader(self.crawler)
        store = reader.get()
        if store is None:
            return
        try:
            pending = store.due_pending(utc_now(), sources)
        except sqlite3.Error as error:  # a database of an older schema (read-only: not migrated yet)
            logger.info("no pending articles read: %s", error)
            pending = []
        finally:
            reader.close()
        for article in pending:
            entry = article.entry or FeedEntry(link=article.link)  # its feed data unreadable: the link will do
            if self._first_request(entry):
                yield self.article_request(entry, article.source or "", article.feed_url or "")

    def _first_request(self, entry: FeedEntry) -> bool:
        """Whether no request for this entry's article (by its key) was made in this run yet."""
        key = normalise_url(entry.link) or entry.link
        if key in self._requested:
            return False
        self._requested.add(key)
        return True

    def _poll_request(self, url: str, source: str, callback: Any, **cb_kwargs: Any) -> scrapy.Request:
        """A request for a feed or sitemap: polled conditionally; its context keeps its listed URL."""
        return scrapy.Request(
            url,
            callback=callback,
            errback=self.feed_failed,
            cb_kwargs={"source": source, **cb_kwargs},
            meta={
                **context_meta(RequestContext(kind="feed", source=source, feed_url=url)),
                "handle_httpstatus_list": [304],
            },
        )

    def homepage_request(self, url: str, source: str) -> scrapy.Request:
        """The request for a source's homepage, to find its feeds on."""
        return scrapy.Request(
            url,
            callback=self.parse_homepage,
            errback=self.feed_failed,
            cb_kwargs={"source": source},
            meta=context_meta(RequestContext(kind="homepage", source=source)),
        )

    def feed_request(self, url: str, source: str) -> scrapy.Request:
        """The request for one feed."""
        return self._poll_request(url, source, self.parse_feed)

    def _not_modified(self, response: Response, source: str, digest: str) -> FeedFetch | None:
        """The record of a 304 answer, or of the very body parsed last time (a server without validators):
        nothing to parse. None for any other answer."""
        context = context_of(response)
        if response.status != 304 and (context.body_sha256 if context is not None else None) != digest:
            return None
        self.crawler.stats.inc_value(stats.FEEDS_FETCHED)
        self.crawler.stats.inc_value(stats.FEEDS_UNCHANGED)
        key = _listed_url(response)
        hints = _server_hints(response)
        return FeedFetch(url=key, source=source, status=response.status, unchanged=response.status != 304, hints=hints)

    def _polled(self, response: Response, source: str) -> tuple[str, str, int] | FeedFetch:
        """A polled feed's or sitemap's body digest, its URL as listed and how many entries to read; or, if
        it has not changed since the last poll, the `FeedFetch` that says so."""
        digest = body_digest(response.body)
        unchanged = self._not_modified(response, source, digest)
        if unchanged is not None:
            return unchanged
        limit = self.crawler.settings.getint("NEWSRAKE_MAX_FEED_ENTRIES", defaults.NEWSRAKE_MAX_FEED_ENTRIES)
        return digest, _listed_url(response), limit

    def sitemap_request(self, url: str, source: str, depth: int = 0) -> scrapy.Request:
        """The request for a news sitemap or sitemap index (polled like a feed)."""
        return self._poll_request(url, source, self.parse_sitemap, depth=depth)

    def parse_sitemap(self, response: Response, source: str, depth: int) -> Iterator[scrapy.Request | FeedFetch]:
        """Follow a sitemap index (two levels at most); request the articles a news sitemap lists."""
        polled = self._polled(response, source)
        if isinstance(polled, FeedFetch):
            yield polled
            return
        digest, key, limit = polled
        sitemap = parse_sitemap(response.body, response.url, limit)
        if sitemap.kind == "invalid":
            logger.warning("not a sitemap: %s (%s)", response.url, sitemap.error)
            self.crawler.stats.inc_value(stats.FEEDS_FAILED)
            yield FeedFetch(url=key, source=source, status=response.status, error=f"not a sitemap: {sitemap.error}")
            return
        self.crawler.stats.inc_value(stats.FEEDS_FETCHED)
        listed = [entry.guid or entry.link for entry in sitemap.entries] or list(sitemap.sitemaps)
        yield _parsed(response, source, digest, entries=len(listed), entry_keys=_entry_keys(listed),
                      hints=_server_hints(response))  # fmt: skip
        if sitemap.kind == "index":
            if depth >= 2:
                logger.warning("sitemap index nested too deep, not followed: %s", response.url)
                return
            for child in sitemap.sitemaps:
                yield self.sitemap_request(child, source, depth + 1)
            return
        yield from self.article_requests(sitemap.entries, source, key)

    def parse_homepage(self, response: Response, source: str) -> Iterator[scrapy.Request | FeedFetch]:
        """Find the feeds a homepage announces and request them."""
        feeds = discover_feeds(response.body, response.url)
        if not feeds:
            logger.warning("no feed found on homepage %s (%s)", response.url, source)
            self.crawler.stats.inc_value(stats.FEEDS_FAILED)
            yield FeedFetch(url=response.url, source=source, status=response.status, error="no feed link on homepage")
            return
        logger.info("discovered %d feed(s) on %s", len(feeds), response.url)
        for url in feeds:
            yield self.feed_request(url, source)

    def parse_feed(self, response: Response, source: str) -> Iterator[scrapy.Request | FeedFetch]:
        """Parse a feed and request each entry's article page (a 304 costs no parse)."""
        polled = self._polled(response, source)
        if isinstance(polled, FeedFetch):
            yield polled
            return
        digest, key, limit = polled
        content_type = response.headers.get("Content-Type")
        feed = parse_feed(response.body, response.url, content_type.decode("latin-1") if content_type else None, limit)
        if not feed.is_feed:
            logger.warning("not a feed: %s (%s)", response.url, feed.bozo_reason or "no entries")
            self.crawler.stats.inc_value(stats.FEEDS_FAILED)
            yield FeedFetch(url=key, source=source, status=response.status, error="not a feed")
            return
        if feed.bozo:
            logger.warning("ill-formed feed, recovered: %s (%s)", response.url, feed.bozo_reason)
            self.crawler.stats.inc_value(stats.FEEDS_BOZO)
        if feed.skipped_entries:
            logger.info("%s: %d entries without a usable link skipped", response.url, feed.skipped_entries)
        self.crawler.stats.inc_value(stats.FEEDS_FETCHED)
        hints = _server_hints(response, ttl=feed.ttl, update_period=feed.update_period)
        yield _parsed(response, source, digest, title=feed.title, site_url=feed.site_url, entries=len(feed.entries),
                      bozo=feed.bozo, bozo_reason=feed.bozo_reason, hints=hints,
                      entry_keys=_entry_keys(entry.guid or entry.link for entry in feed.entries))  # fmt: skip
        yield from self.article_requests(feed.entries, source, key)

    def article_requests(self, entries: Iterable[FeedEntry], source: str, feed_url: str) -> Iterator[scrapy.Request]:
        """One request per entry, leaving out entries older than ``since``."""
        cutoff = _cutoff(self.since)
        for entry in entries:
            if cutoff is not None and entry.published is not None and entry.published < cutoff:
                self.crawler.stats.inc_value(stats.ARTICLES_TOO_OLD)
                continue
            if self._first_request(entry):
                yield self.article_request(entry, source, feed_url)

    def article_request(self, entry: FeedEntry, source: str, feed_url: str) -> scrapy.Request:
        """The request for an entry's article page: its link exactly as published."""
        return scrapy.Request(
            entry.link,
            callback=self.parse_article,
            errback=self.article_failed,
            cb_kwargs={"entry": entry, "source": source, "feed_url": feed_url},
            meta=context_meta(
                RequestContext(
                    kind="article",
                    source=source,
                    feed_url=feed_url,
                    link=entry.link,
                    guid=entry.guid,
                    updated=entry.updated_raw,
                )
            ),
        )

    def parse_article(self, response: Response, entry: FeedEntry, source: str, feed_url: str) -> Iterator[FetchedPage]:
        """Hand the downloaded page to the pipelines."""
        page = RawPage(
            url=entry.link,
            final_url=response.url,
            status=response.status,
            body=response.body,
            headers=_headers(response),
        )
        rules = self.rules.get(source, SourceRules())
        context = context_of(response)
        refetch = context is not None and context.refetch
        yield FetchedPage(page=page, source=source, feed_url=feed_url, entry=entry, rules=rules, refetch=refetch)

    def feed_failed(self, failure: Failure) -> Iterator[FeedFetch]:
        """A feed or homepage could not be fetched: log one line, record it (a 410 retires the feed)."""
        if isinstance(failure.value, FeedSkipped):
            return  # not due yet, or retired: counted by the middleware
        request = failure.request  # type: ignore[attr-defined]
        status, reason = failure_reason(failure)
        key = _listed_url(request)
        retired = status == 410
        logger.warning("feed failed: %s (%s)%s", request.url, reason, "; retired" if retired else "")
        self.crawler.stats.inc_value(stats.FEEDS_FAILED)
        context = context_of(request)
        source = context.source if context is not None else ""
        answer = getattr(failure.value, "response", None)
        wait = retry_after_seconds(_header(answer, "Retry-After")) if isinstance(answer, Response) else None
        if wait is None and isinstance(failure.value, HostBackedOff):  # asked more than this run may wait
            wait = failure.value.retry_after
        hints = PollHints(retry_after=wait)
        yield FeedFetch(url=key, source=source, status=status, error=reason, retired=retired, hints=hints)

    def article_failed(self, failure: Failure) -> Iterator[ArticleFailure]:
        """An article page could not be fetched: log one line and count it; if it may well be fetched later
        (`crawler.failures.transient`), or failed before, record it in `pending_articles` (given up after too
        many tries)."""
        if isinstance(failure.value, (AlreadyStored, NotDue)):
            return  # counted by the middleware
        request = failure.request  # type: ignore[attr-defined]
        status, reason = failure_reason(failure)
        key = f"http_{status}" if status is not None else type(failure.value).__name__
        if isinstance(failure.value, REFUSALS):  # logged by the middleware that refused it
            self.crawler.stats.inc_value(stats.ARTICLES_REFUSED)
            self.crawler.stats.inc_value(f"{stats.REFUSED_BY_REASON}/{key}")
        else:
            logger.warning("article failed: %s (%s)", request.url, reason)
            self.crawler.stats.inc_value(stats.ARTICLES_FAILED)
            self.crawler.stats.inc_value(f"{stats.FAILED_BY_REASON}/{key}")
        record = self._pending_failure(request, status, reason, failure.value is not None and transient(failure.value))
        if record is not None:
            yield record

    def _pending_failure(self, request: Any, status: int | None, reason: str, transient: bool) -> ArticleFailure | None:
        """The `pending_articles` record of a failed article: a transient failure, or any failure of an article
        that failed before (its context's ``attempts``); None for a first permanent failure (not recorded)."""
        context = context_of(request)
        before = context.attempts if context is not None else None
        entry = request.cb_kwargs.get("entry")
        if entry is None or (before is None and not transient):
            return None
        settings = self.crawler.settings
        attempts = int(before or 0) + 1
        given_up = not transient or attempts >= max(
            1, settings.getint("NEWSRAKE_ARTICLE_RETRY_MAX", defaults.NEWSRAKE_ARTICLE_RETRY_MAX)
        )
        base = settings.getfloat("NEWSRAKE_ARTICLE_RETRY_BACKOFF", defaults.NEWSRAKE_ARTICLE_RETRY_BACKOFF)
        cap = settings.getfloat("NEWSRAKE_ARTICLE_RETRY_BACKOFF_MAX", defaults.NEWSRAKE_ARTICLE_RETRY_BACKOFF_MAX)
        wait = min(cap, base * 2 ** (attempts - 1))
        next_try = (datetime.now(UTC) + timedelta(seconds=wait)).strftime("%Y-%m-%dT%H:%M:%SZ")
        if given_up:
            self.crawler.stats.inc_value(stats.ARTICLES_GIVEN_UP)
            logger.warning("article given up after %d attempt(s): %s (%s)", attempts, request.url, reason)
        else:
            self.crawler.stats.inc_value(stats.ARTICLES_PENDING)
        source = request.cb_kwargs.get("source") or (context.source if context is not None else "")
        return ArticleFailure(
            link=entry.link, source=source, feed_url=request.cb_kwargs.get("feed_url") or None, entry=entry,
            status=status, error=reason, attempts=attempts, next_try_at=None if given_up else next_try,
            given_up=given_up,
        )  # fmt: skip
