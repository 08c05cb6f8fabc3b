"""Skip article requests whose URL is already stored, before any byte is sent."""

from __future__ import annotations

import logging
from pathlib import Path

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest

from crawler import stats
from pipelines.store import Store, StoreError

logger = logging.getLogger(__name__)


class AlreadyStored(IgnoreRequest):
    """The article behind this request is in the database already."""


class SeenUrlsMiddleware:
    """Drops article requests (``meta["newsrake"] == "article"``) for URLs the store has."""

    def __init__(self, crawler: Crawler, db_path: str) -> None:
        self.crawler = crawler
        self.db_path = db_path
        self._store: Store | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SeenUrlsMiddleware:
        middleware = cls(crawler, crawler.settings.get("NEWSRAKE_DB", "news.db"))
        crawler.signals.connect(middleware.close, signal=signals.spider_closed)
        return middleware

    def _open(self) -> Store | None:
        if self._store is None and Path(self.db_path).exists():
            try:
                self._store = Store.open(self.db_path, readonly=True)
            except StoreError as error:
                logger.warning("seen-URL check off: %s", error)
        return self._store

    def process_request(self, request: Request) -> None:
        if request.meta.get("newsrake") != "article":
            return
        store = self._open()
        if store is not None and store.known_urls([request.url]):
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value(stats.ARTICLES_SKIPPED)
            raise AlreadyStored(f"already stored: {request.url}")

    def close(self) -> None:
        """Close the read connection."""
        if self._store is not None:
            self._store.close()
            self._store = None
