"""Item pipeline: clean each fetched page with `cleaners.clean_page`."""

from __future__ import annotations

import logging

from cleaners import CLEANER_VERSION, Article, clean_page
from crawler.items import CleanedPage, FetchedPage

logger = logging.getLogger(__name__)


def clean_fetched(fetched: FetchedPage) -> Article:
    """Clean one fetched page; a cleaner crash becomes an empty article with the reason, never lost."""
    page = fetched.page
    try:
        return clean_page(
            page.body,
            page.url,
            final_url=page.final_url,
            content_type=page.content_type,
            feed_entry=fetched.entry,
            rules=fetched.rules,
        )
    except Exception as error:  # noqa: BLE001 - a bad page must not stop the run; the raw page is kept
        logger.warning("cleaning failed: %s (%s: %s)", page.url, type(error).__name__, error)
        return Article(
            url=page.url,
            final_url=page.final_url,
            title=fetched.entry.title if fetched.entry else None,
            feed_entry=fetched.entry,
            cleaner_version=CLEANER_VERSION,
            problems=(f"clean-error: {type(error).__name__}",),
        )


class CleanPipeline:
    """Turns `FetchedPage` items into `CleanedPage` items; passes other items through."""

    def process_item(self, item: object) -> object:
        if isinstance(item, FetchedPage):
            return CleanedPage(fetched=item, article=clean_fetched(item))
        return item
