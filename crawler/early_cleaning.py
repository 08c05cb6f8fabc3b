"""Starting the cleaning workers' fork server with `newsrake crawl`, before Scrapy loads, when it will be needed."""

from __future__ import annotations


def start_cleaning_early(workers: int, last_crawl_stored: bool) -> bool:
    """Start the cleaning workers' fork server now, rather than with the first article request, when the last
    crawl stored articles (this one most likely will too) and ``workers`` (``NEWSRAKE_CLEAN_WORKERS``) is not 0.
    It then loads the cleaner while Scrapy starts; a run that finds nothing new after one that did costs half a
    second of CPU more, and a run after one that found nothing costs nothing more. True if it was started."""
    if not last_crawl_stored or workers == 0:
        return False
    from pipelines.cleaning.worker_pool import start_fork_server

    start_fork_server()
    return True
