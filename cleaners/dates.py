"""Turning the many ways pages and feeds write dates into ISO 8601 UTC."""

from __future__ import annotations

import re
import time
import warnings
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

from dateutil import parser as dateutil_parser
from lxml.html import HtmlElement

_EARLIEST = datetime(1990, 1, 1, tzinfo=UTC)
_FUTURE_SLACK = timedelta(days=2)
_RFC822 = re.compile(r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d")


def to_iso_utc(value: datetime) -> str:
    """Format a datetime as ``YYYY-MM-DDTHH:MM:SSZ``; a naive value is taken as UTC."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_date(raw: str | None) -> str | None:
    """Parse a date as written in a page or feed; ISO 8601 UTC, or None if unusable.

    Accepts ISO 8601 / RFC 3339, RFC 822 (RSS) and the common free forms that
    dateutil understands. Dates before 1990 or more than two days in the
    future are treated as wrong and give None.
    """
    if not raw:
        return None
    text = raw.strip()
    if not text or len(text) > 100:
        return None
    parsed: datetime | None = None
    parsed = _parse(text)
    if parsed is None:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    now = datetime.now(UTC)
    if parsed < _EARLIEST or parsed - now > _FUTURE_SLACK:
        return None
    return to_iso_utc(parsed)


def _parse(text: str) -> datetime | None:
    try:
        return dateutil_parser.isoparse(text)
    except (ValueError, OverflowError):
        pass
    if _RFC822.match(text):
        try:
            return parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            pass
    with warnings.catch_warnings(action="ignore"):  # unknown zone names are taken as UTC
        try:
            return dateutil_parser.parse(text, fuzzy=False)
        except (ValueError, OverflowError, TypeError):
            return None


def struct_time_to_iso(value: time.struct_time | None) -> str | None:
    """Convert feedparser's UTC ``*_parsed`` struct_time to ISO 8601 UTC."""
    if value is None:
        return None
    try:
        return to_iso_utc(datetime(*value[:6], tzinfo=UTC))
    except (TypeError, ValueError):
        return None


def guess_date(tree: HtmlElement, url: str | None) -> str | None:
    """The publication date htmldate finds in the page's text and URL (``YYYY-MM-DD``), or None.

    The last resort when neither the page's metadata nor the feed gave a
    date: slower, and a day without a time.
    """
    from htmldate import find_date  # only where pages are cleaned: the crawl's main process never needs it

    try:
        return find_date(tree, extensive_search=False, original_date=True, url=url)
    except (ValueError, TypeError):
        return None
