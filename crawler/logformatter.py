"""Log lines for items that name the item's URL instead of dumping it (raw pages are large)."""

from __future__ import annotations

import logging
from typing import Any

from scrapy.http import Response
from scrapy.logformatter import LogFormatter, LogFormatterResult
from twisted.python.failure import Failure


def _debugging() -> bool:
    return logging.getLogger("scrapy").isEnabledFor(logging.DEBUG)


def _describe(item: Any) -> str:
    if isinstance(getattr(item, "url", None), str):
        return f"{type(item).__name__} {item.url}"
    fetched = getattr(item, "fetched", None)
    if fetched is not None:
        return f"{type(item).__name__} {fetched.page.url}"
    page = getattr(item, "page", None)
    if page is not None:
        return f"{type(item).__name__} {page.url}"
    return type(item).__name__


class ShortLogFormatter(LogFormatter):
    """Scrapy's log formatter, with items described in a few words; the debug line of every response and of
    every item is not even composed when debug lines are not logged."""

    # Scrapy's LogFormatter documents None as "do not log this"; its annotations do not say so.
    def crawled(self, request: Any, response: Response, spider: Any = None) -> LogFormatterResult | None:  # type: ignore[override]
        return super().crawled(request, response, spider) if _debugging() else None

    def scraped(  # type: ignore[override]
        self, item: Any, response: Response | Failure | None, spider: Any = None
    ) -> LogFormatterResult | None:
        if not _debugging():
            return None
        return {"level": logging.DEBUG, "msg": "stored %(item)s", "args": {"item": _describe(item)}}

    def dropped(
        self, item: Any, exception: BaseException, response: Response | Failure | None, spider: Any = None
    ) -> LogFormatterResult:
        level = getattr(exception, "log_level", None)
        return {
            "level": logging.getLevelName(level) if isinstance(level, str) else logging.WARNING,
            "msg": "dropped %(item)s: %(exception)s",
            "args": {"item": _describe(item), "exception": exception},
        }
