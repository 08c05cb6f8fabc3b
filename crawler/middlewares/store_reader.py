"""A read-only view of the store for downloader middlewares, opened on first use."""

from __future__ import annotations

import logging
from pathlib import Path

from scrapy import signals
from scrapy.crawler import Crawler

from pipelines import defaults
from pipelines.store import Store, StoreError

logger = logging.getLogger(__name__)


class StoreReader:
    """Opens the crawl's database read-only when first asked, closes it when the spider closes."""

    def __init__(self, crawler: Crawler) -> None:
        self.path: str = crawler.settings.get("NEWSRAKE_DB", defaults.DB)
        self._store: Store | None = None
        self._failed = False
        crawler.signals.connect(self.close, signal=signals.spider_closed)

    def get(self) -> Store | None:
        """The store, or None when the file does not exist yet or cannot be read."""
        if self._store is None and not self._failed and Path(self.path).exists():
            try:
                self._store = Store.open(self.path, readonly=True)
            except StoreError as error:
                self._failed = True
                logger.warning("cannot read %s: %s", self.path, error)
        return self._store

    def close(self) -> None:
        """Close the read connection."""
        if self._store is not None:
            self._store.close()
            self._store = None
