"""Item pipeline: write feeds and articles to the store, and keep the run's `runs` row."""

from __future__ import annotations

import logging
from typing import Any

from scrapy.crawler import Crawler

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
        assert self.store is not None
        if isinstance(item, FeedFetch):
            self.store.record_feed_fetch(item)
        elif isinstance(item, CleanedPage):
            fetched = item.fetched
            new_id = self.store.save_article(
                fetched.page, item.article, source=fetched.source, feed_url=fetched.feed_url, run_id=self.run_id
            )
            self._stats.inc_value(stats.ARTICLES_NEW if new_id is not None else stats.ARTICLES_SKIPPED)
        return item

    def close_spider(self) -> None:
        if self.store is None:
            return
        current = self._stats.get_stats()
        if self.run_id is not None:
            self.store.finish_run(self.run_id, stats.outcome(current), stats.run_counts(current), _jsonable(current))
        logger.info("%s", stats.summary_line(current))
        self.store.close()
        self.store = None


def _jsonable(values: dict[str, Any]) -> dict[str, Any]:
    return {key: value if isinstance(value, (int, float, str, bool)) else str(value) for key, value in values.items()}
