"""newsrake's cleaning library: raw HTML in, clean article out. No Scrapy, no SQLite.

`clean_page` (and with it the extractor and the language model) is loaded on
first use, so that a process that only handles articles - the crawl's main
process, whose pages are cleaned in worker processes - never pays for it.
`CLEANER_VERSION` too is worked out on first use (`cleaners.version`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cleaners.article import Article, FeedEntry

if TYPE_CHECKING:
    from cleaners.page import clean_page

    CLEANER_VERSION: str

__all__ = ["CLEANER_VERSION", "Article", "FeedEntry", "clean_page"]


def __getattr__(name: str) -> Any:
    if name == "clean_page":
        from cleaners.page import clean_page

        return clean_page
    if name == "CLEANER_VERSION":
        from cleaners.version import cleaner_version

        return cleaner_version()
    raise AttributeError(f"module 'cleaners' has no attribute {name!r}")
