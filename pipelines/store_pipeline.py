"""Item pipeline: write feeds and articles to the store, and keep the run's `runs` row.

Articles (and the articles that failed, for `pending_articles`) are written in batches: one transaction
for up to ``NEWSRAKE_STORE_BATCH`` articles, committed
at the latest ``NEWSRAKE_STORE_BATCH_SECONDS`` after the first of them arrived, and when the run ends.
Each article is still all-or-nothing (a savepoint of its own). A run killed before a commit loses only
that batch's work: nothing of it was stored, so the next run fetches those articles again.
"""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import logging
import sqlite3
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from pipelines import defaults, stats
from pipelines.items import CleanedPage
from pipelines.polling import PollBounds, PollObservation, count_new, failure_backoff, next_poll
from pipelines.process_memory import release_free_memory
from pipelines.records import ArticleFailure, FeedFetch
from pipelines.store import ArticleRecord, Store, Validators
from pipelines.store.feeds import Schedule, timestamp

logger = logging.getLogger(__name__)


class StorePipeline:
    """Stores every `CleanedPage` (raw page + article + feed counters, all or nothing) and `FeedFetch`."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        settings = crawler.settings
        self.db_path: str = settings.get("NEWSRAKE_DB", defaults.DB)
        self.batch_size = max(1, settings.getint("NEWSRAKE_STORE_BATCH", defaults.STORE_BATCH))
        self.batch_seconds = max(0.0, settings.getfloat("NEWSRAKE_STORE_BATCH_SECONDS", defaults.STORE_BATCH_SECONDS))
        self.store: Store | None = None
        self.run_id: int | None = None
        self._closing: asyncio.Task[None] | None = None
        self._failed = False  # the database could not be written: nothing more is, this run
        self._pending: list[ArticleRecord] = []
        self._failures: list[ArticleFailure] = []
        self._timer: asyncio.TimerHandle | None = None
        self.feed_counts: dict[str, dict[str, Any]] = {}
        self.validators: dict[str, Validators] = {}
        self.schedules: dict[str, Schedule] = {}
        self.poll_bounds = PollBounds(
            settings.getfloat("NEWSRAKE_POLL_MIN", defaults.POLL_MIN),
            settings.getfloat("NEWSRAKE_POLL_MAX", defaults.POLL_MAX),
            settings.getfloat("NEWSRAKE_POLL_DEFAULT", defaults.POLL_DEFAULT),
        )
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)
        base = settings.getfloat("NEWSRAKE_FEED_BACKOFF", defaults.FEED_BACKOFF)
        cap = settings.getfloat("NEWSRAKE_FEED_BACKOFF_MAX", defaults.FEED_BACKOFF_MAX)
        self.backoff = functools.partial(failure_backoff, base=base, cap=cap)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        return cls(crawler)

    @property
    def failed(self) -> bool:
        """The database could not be written: nothing more is stored this run."""
        return self._failed

    @property
    def holds_unstored(self) -> bool:
        """Articles or failures wait for the next batch's commit."""
        return bool(self._pending or self._failures)

    @property
    def _stats(self) -> Any:
        return self.crawler.stats

    def open_spider(self) -> None:
        self.store = Store.open(self.db_path)
        settings = self.crawler.settings
        self.store.stories_enabled = settings.getbool("NEWSRAKE_STORIES", defaults.STORIES)
        self.store.story_threshold = settings.getfloat("NEWSRAKE_STORY_THRESHOLD", defaults.STORY_THRESHOLD)
        spider = self.crawler.spider
        options = {
            "seeds": [str(p) for p in getattr(spider, "seed_paths", [])],
            "feeds": list(getattr(spider, "feed_urls", [])),
            "feeds_file": str(getattr(spider, "feeds_file", None) or "") or None,
        }
        self.run_id = self.store.start_run("crawl", options)
        self.store.settle_pending()
        self._stats.set_value("newsrake/run_id", self.run_id)

    def process_item(self, item: object) -> object:
        if self._failed:
            if isinstance(item, CleanedPage):
                self._stats.inc_value(stats.ARTICLES_FAILED)
            raise DropItem("not stored: the database cannot be written", log_level="DEBUG")
        if isinstance(item, (CleanedPage, ArticleFailure)):
            if isinstance(item, CleanedPage):
                self._pending.append(self._record(item))
            else:
                self._failures.append(item)
            if len(self._pending) + len(self._failures) >= self.batch_size:
                self.flush()
            elif self._timer is None:
                self._timer = asyncio.get_running_loop().call_later(self.batch_seconds, self.flush)
            return item
        if isinstance(item, FeedFetch):
            try:
                self._record_feed(item)
            except sqlite3.Error as error:
                self._store_failed(error)
                raise DropItem(f"not stored: {error}", log_level="DEBUG") from None
        return item

    def _record(self, item: CleanedPage) -> ArticleRecord:
        """What a batch keeps of a cleaned page: its compressed body, not the page's own."""
        fetched = item.fetched
        return ArticleRecord(
            dataclasses.replace(fetched.page, body=b""),
            item.article,
            source=fetched.source,
            feed_url=fetched.feed_url,
            run_id=self.run_id,
            replace=fetched.refetch,
            stored_body=item.stored_body,
            fingerprint=item.fingerprint,
        )

    def _record_feed(self, item: FeedFetch) -> None:
        assert self.store is not None
        self.store.record_feed_fetch(item, self.backoff)
        if item.error is None and not item.not_modified:
            self.validators[item.url] = Validators(item.etag, item.last_modified, item.body_sha256)
        if item.error is None:
            self._schedule(item)
        counts = self.feed_counts.setdefault(item.url, {"new": 0})
        counts["status"] = item.status
        counts["outcome"] = "failed" if item.error else "unchanged" if item.not_modified else "fetched"

    def _schedule(self, item: FeedFetch) -> None:
        """Decide when to poll the feed next (`pipelines.polling`); saved only if the run finishes."""
        assert self.store is not None
        previous, previous_keys = self.store.poll_state(item.url)
        keys = previous_keys if item.entry_keys is None else item.entry_keys
        observed = PollObservation(
            entries=len(keys),
            new=0 if item.entry_keys is None else count_new(previous_keys if previous else None, item.entry_keys),
            unchanged=item.not_modified,
            status=item.status or 200,
            hints=item.hints,
        )
        decision = next_poll(previous, observed, timestamp(item.fetched_at), self.poll_bounds)
        self.schedules[item.url] = Schedule(decision, keys)

    def flush(self, *, stop_on_error: bool = True) -> None:
        """Write the pending articles in one transaction and count what became of each."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        batch, self._pending = self._pending, []
        failures, self._failures = self._failures, []
        if not (batch or failures) or self.store is None:
            return
        release_free_memory()  # what the pages stored since the last batch held goes back to the system
        try:
            saved = self.store.save_articles(batch, failures, self.run_id)
        except sqlite3.Error as error:
            self._stats.inc_value(stats.ARTICLES_FAILED, len(batch))
            self._store_failed(error, stop=stop_on_error)
            return
        for record, outcome in zip(batch, saved, strict=True):
            if outcome.error is not None:
                logger.warning("article not stored: %s (%s)", record.page.url, outcome.error)
                self._stats.inc_value(stats.ARTICLES_FAILED)
            elif outcome.duplicate_of is not None:
                logger.info("duplicate of article %d: %s", outcome.duplicate_of, record.page.url)
                self._stats.inc_value(stats.ARTICLES_DUPLICATES)
            elif record.replace:
                self._stats.inc_value(stats.ARTICLES_UPDATED)
            elif outcome.article_id is None:
                self._stats.inc_value(stats.ARTICLES_SKIPPED)
            else:
                self._stats.inc_value(stats.ARTICLES_NEW)
                if record.feed_url:
                    self.feed_counts.setdefault(record.feed_url, {"new": 0})["new"] += 1

    def _store_failed(self, error: sqlite3.Error, *, stop: bool = True) -> None:
        """The database cannot be written: one error line, and the crawl stops (unless it is stopping)."""
        self._stats.inc_value(stats.STORE_ERRORS)
        if not self._failed:
            self._failed = True
            logger.error("cannot write to %s: %s%s", self.db_path, error, "; stopping the crawl" if stop else "")
        if stop and self._closing is None:
            engine = self.crawler.engine
            assert engine is not None
            self._closing = asyncio.get_running_loop().create_task(engine.close_spider_async(reason="store_error"))

    def spider_closed(self, reason: str) -> None:
        """Finish the run once every item is stored: validators (only if the run finished), `runs` row."""
        if self.store is None:
            return
        if not self._failed:
            self.flush(stop_on_error=False)
        else:
            self._stats.inc_value(stats.ARTICLES_FAILED, len(self._pending))
            self._pending.clear()
            self._failures.clear()
        current = self._stats.get_stats()
        outcome = "failed" if self._failed else stats.outcome(current)
        if reason == "closespider_timeout" and not self._failed:
            outcome = "stopped"
        try:
            if reason == "finished" and not self._failed:
                self.store.save_validators(self.validators)
                self.store.save_schedules(self.schedules)
            if self.run_id is not None:
                self.store.finish_run(
                    self.run_id, outcome, stats.run_counts(current), _jsonable(current), self.feed_counts
                )
        except sqlite3.Error as error:
            logger.error("cannot record the end of run %s in %s: %s", self.run_id, self.db_path, error)
        logger.info("%s", stats.summary_line(current))
        self.store.close()
        self.store = None


def _jsonable(values: dict[str, Any]) -> dict[str, Any]:
    return {key: value if isinstance(value, (int, float, str, bool)) else str(value) for key, value in values.items()}
