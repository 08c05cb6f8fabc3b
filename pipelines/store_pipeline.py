"""Item pipeline: write feeds and articles to the store, and keep the run's `runs` row."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from crawler import stats
from crawler.items import CleanedPage, FeedFetch
from pipelines.store import Store

logger = logging.getLogger(__name__)


class StorePipeline:
    """Stores every `CleanedPage` (raw page + article + feed counters in one transaction) and `FeedFetch`."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.db_path: str = crawler.settings.get("NEWSRAKE_DB", "news.db")
        self.store: Store | None = None
        self.run_id: int | None = None
        self._closing: asyncio.Task[None] | None = None
        self.feed_counts: dict[str, dict[str, Any]] = {}
        self.validators: dict[str, tuple[str | None, str | None]] = {}
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)
        base = crawler.settings.getfloat("NEWSRAKE_FEED_BACKOFF", 900)
        cap = crawler.settings.getfloat("NEWSRAKE_FEED_BACKOFF_MAX", 86400)
        self.backoff = lambda failures: min(cap, base * 2 ** max(0, failures - 1))

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        return cls(crawler)

    @property
    def _stats(self) -> Any:
        return self.crawler.stats

    def open_spider(self) -> None:
        self.store = Store.open(self.db_path)
        spider = self.crawler.spider
        options = {
            "seeds": [str(p) for p in getattr(spider, "seed_paths", [])],
            "feeds": list(getattr(spider, "feed_urls", [])),
            "feeds_file": str(getattr(spider, "feeds_file", None) or "") or None,
        }
        self.run_id = self.store.start_run("crawl", options)
        self._stats.set_value("newsrake/run_id", self.run_id)

    def process_item(self, item: object) -> object:
        try:
            return self._store_item(item)
        except sqlite3.Error as error:
            self._stats.inc_value(stats.STORE_ERRORS)
            if isinstance(item, CleanedPage):
                self._stats.inc_value(stats.ARTICLES_FAILED)
            if self._closing is None:
                logger.error("cannot write to %s: %s; stopping the crawl", self.db_path, error)
                engine = self.crawler.engine
                assert engine is not None
                self._closing = asyncio.get_running_loop().create_task(engine.close_spider_async(reason="store_error"))
            raise DropItem(f"not stored: {error}", log_level="DEBUG") from None

    def _store_item(self, item: object) -> object:
        assert self.store is not None
        if isinstance(item, FeedFetch):
            self.store.record_feed_fetch(item, self.backoff)
            if item.error is None and not item.not_modified:
                self.validators[item.url] = (item.etag, item.last_modified)
            counts = self.feed_counts.setdefault(item.url, {"new": 0})
            counts["status"] = item.status
            counts["outcome"] = "failed" if item.error else "unchanged" if item.not_modified else "fetched"
        elif isinstance(item, CleanedPage):
            fetched = item.fetched
            new_id = self.store.save_article(
                fetched.page,
                item.article,
                source=fetched.source,
                feed_url=fetched.feed_url,
                run_id=self.run_id,
                replace=fetched.refetch,
            )
            if fetched.refetch:
                self._stats.inc_value(stats.ARTICLES_UPDATED)
            else:
                self._stats.inc_value(stats.ARTICLES_NEW if new_id is not None else stats.ARTICLES_SKIPPED)
            if new_id is not None and fetched.feed_url:
                self.feed_counts.setdefault(fetched.feed_url, {"new": 0})["new"] += 1
        return item

    def spider_closed(self, reason: str) -> None:
        """Finish the run once every item is stored: validators (only if the run finished), `runs` row."""
        if self.store is None:
            return
        current = self._stats.get_stats()
        outcome = "failed" if self._closing is not None else stats.outcome(current)
        if reason == "closespider_timeout":
            outcome = "stopped"
        try:
            if reason == "finished" and self._closing is None:
                self.store.save_validators(self.validators)
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
