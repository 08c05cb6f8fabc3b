"""Cleaning one fetched page, wherever it happens (a cleaning worker, or the crawl's own process): never
raising, and paired with its body compressed for storage. No Scrapy here: the workers import this."""

from __future__ import annotations

import logging

from cleaners import Article
from cleaners.version import cleaner_version, failed_version
from crawler.items import FetchedPage
from pipelines import raw_body

logger = logging.getLogger(__name__)


def failed_article(fetched: FetchedPage, problem: str) -> Article:
    """The record of a page that could not be cleaned: no text, the reason, the feed's title, and a version
    no cleaner has (`failed_version`), so that the next default reclean tries it again."""
    page = fetched.page
    return Article(
        url=page.url,
        final_url=page.final_url,
        title=fetched.entry.title if fetched.entry else None,
        feed_entry=fetched.entry,
        cleaner_version=failed_version(cleaner_version()),
        problems=(problem,),
    )


Cleaned = tuple[Article, raw_body.Compressed]
"""A cleaned page ready to store: the article and the page's body compressed."""


def with_body(fetched: FetchedPage, article: Article) -> Cleaned:
    """``article`` with its page's body compressed for storage, where the page was cleaned (a worker)."""
    return article, raw_body.compress(fetched.page.body)


def failed(fetched: FetchedPage, problem: str) -> Cleaned:
    """A page that could not be cleaned, ready to store: the reason, and its raw body kept for a reclean."""
    return with_body(fetched, failed_article(fetched, problem))


def cleaned(fetched: FetchedPage) -> Cleaned:
    """A page cleaned here and now (`clean_fetched`), ready to store."""
    return with_body(fetched, clean_fetched(fetched))


def clean_fetched(fetched: FetchedPage) -> Article:
    """Clean one fetched page; a cleaner crash becomes an empty article with the reason, never lost."""
    from cleaners.page import clean_page  # loaded where pages are cleaned: a worker, not the crawl's loop

    page = fetched.page
    try:
        return clean_page(
            page.body,
            page.url,
            final_url=page.final_url,
            content_type=page.content_type,
            feed_entry=fetched.entry,
            rules=fetched.rules,
            reference=page.fetched_at,  # the dates are read against the fetch time, not the clock
        )
    except Exception as error:  # noqa: BLE001 - a bad page must not stop the run; the raw page is kept
        logger.warning("cleaning failed: %s (%s: %s)", page.url, type(error).__name__, error)
        return failed_article(fetched, f"clean-error: {type(error).__name__}")
