"""Item pipeline: clean each fetched page with `cleaners.clean_page` (through `pipelines.cleaning.one_page`)."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from scrapy import Request, signals
from scrapy.crawler import Crawler

from pipelines.cleaning.one_page import Cleaned, cleaned, cleaned_without_fingerprint
from pipelines.items import CleanedPage, FetchedPage
from pipelines.request_context import is_kind

if TYPE_CHECKING:
    from pipelines.cleaning.worker_pool import CleanWorkers


class CleanPipeline:
    """Turns `FetchedPage` items into `CleanedPage` items in worker processes; passes other items through.

    ``NEWSRAKE_CLEAN_WORKERS`` processes (0: clean in the crawl's own process, unbounded),
    ``NEWSRAKE_CLEAN_TIMEOUT`` seconds and ``NEWSRAKE_CLEAN_MEMORY_MB`` per page; each text fingerprinted there too
    unless ``NEWSRAKE_STORIES`` is off.
    """

    def __init__(self, workers: CleanWorkers | None, work: Callable[[FetchedPage], Cleaned] = cleaned) -> None:
        self.workers = workers
        self.work = work
        """What cleaning a page is, here or in a worker: with its fingerprint, or (stories off) without."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CleanPipeline:
        from pipelines import defaults
        from pipelines.cleaning.worker_pool import CleanWorkers

        settings = crawler.settings
        size = settings.getint("NEWSRAKE_CLEAN_WORKERS", defaults.CLEAN_WORKERS)
        size = os.cpu_count() or 1 if size < 0 else size
        work = cleaned if settings.getbool("NEWSRAKE_STORIES", defaults.STORIES) else cleaned_without_fingerprint
        workers = None
        if size:
            workers = CleanWorkers(
                size,
                settings.getfloat("NEWSRAKE_CLEAN_TIMEOUT", defaults.CLEAN_TIMEOUT),
                settings.getint("NEWSRAKE_CLEAN_MEMORY_MB", defaults.CLEAN_MEMORY_MB),
                work,
            )
        if workers is not None and settings.getbool("NEWSRAKE_CLEAN_STARTED_EARLY"):
            assert crawler.stats is not None
            crawler.stats.set_value("newsrake/clean_fork_server_started_early", 1)
        pipeline = cls(workers, work)
        crawler.signals.connect(pipeline.close, signal=signals.spider_closed)
        crawler.signals.connect(pipeline.request_scheduled, signal=signals.request_scheduled)
        return pipeline

    def request_scheduled(self, request: Request) -> None:
        """Start the workers with the first article request: they start while its page downloads, and a run
        with nothing new (every feed unchanged) never starts them. (Their fork server may already be up:
        `newsrake crawl` starts it with the command when the database's last crawl stored articles.)"""
        if self.workers is not None and is_kind(request, "article"):
            self.workers.start()

    async def process_item(self, item: object) -> object:
        if not isinstance(item, FetchedPage):
            return item
        if self.workers is not None:
            article, stored_body, found = await self.workers.clean(item)
        else:
            article, stored_body, found = self.work(item)
        return CleanedPage(fetched=item, article=article, stored_body=stored_body, fingerprint=found)

    def close(self) -> None:
        """Stop the workers."""
        if self.workers is not None:
            self.workers.close()
