"""newsrake's cleaning library: raw HTML in, clean article out. No Scrapy, no SQLite."""

from cleaners.article import Article, FeedEntry
from cleaners.page import clean_page
from cleaners.version import CLEANER_VERSION

__all__ = ["CLEANER_VERSION", "Article", "FeedEntry", "clean_page"]
