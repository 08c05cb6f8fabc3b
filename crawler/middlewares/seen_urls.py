"""Skip article requests whose URL or GUID is already stored, before any byte is sent.

With ``NEWSRAKE_REFETCH_UPDATED`` on, an article whose feed entry now carries
another updated date than the one it was stored with is fetched again
(``meta["newsrake_refetch"]``); the stored text is kept as a previous version.
"""

from __future__ import annotations

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest

from crawler import stats
from crawler.middlewares.store_reader import StoreReader


class AlreadyStored(IgnoreRequest):
    """The article behind this request is in the database already."""


class SeenUrlsMiddleware:
    """Drops article requests (``meta["newsrake"] == "article"``) whose URL or feed GUID the store has."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.reader = StoreReader(crawler)
        self.refetch_updated = crawler.settings.getbool("NEWSRAKE_REFETCH_UPDATED")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SeenUrlsMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        if request.meta.get("newsrake") != "article":
            return
        store = self.reader.get()
        if store is None:
            return
        if self.refetch_updated:
            stored, updated = store.stored_updated(request.url)
            new_updated = request.meta.get("newsrake_updated")
            if stored and new_updated and new_updated != updated:
                request.meta["newsrake_refetch"] = True
                return
        guid = request.meta.get("newsrake_guid")
        if store.known_urls([request.url]) or (guid and store.known_guids([guid])):
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value(stats.ARTICLES_SKIPPED)
            raise AlreadyStored(f"already stored: {request.url}")
