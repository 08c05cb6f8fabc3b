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


def reference_time(reference: datetime | str | None) -> datetime:
    """The time a date is read against, aware and in UTC: a datetime (naive taken as UTC), an ISO 8601 string
    as stored (``fetched_at``), or None (or an unreadable string) for now."""
    if isinstance(reference, str):
        try:
            reference = datetime.fromisoformat(reference.strip())
        except ValueError:
            reference = None
    if reference is None:
        return datetime.now(UTC)
    if reference.tzinfo is None:
        return reference.replace(tzinfo=UTC)
    return reference.astimezone(UTC)


def parse_date(raw: str | None, reference: datetime | str | None = None) -> str | None:
    """Parse a date as written in a page or feed; ISO 8601 UTC, or None if unusable.

    Accepts ISO 8601 / RFC 3339, RFC 822 (RSS) and the common free forms that
    dateutil understands. ``reference`` is when the page or feed was fetched
    (None: now): what a date leaves out (its year, its day) is taken from it,
    and a date without a year that would fall after it is taken as last
    year's. Dates before 1990 or more than two days after the reference are
    treated as wrong and give None. The wall clock plays no part when a
    reference is given.
    """
    if not raw:
        return None
    text = raw.strip()
    if not text or len(text) > 100:
        return None
    at = reference_time(reference)
    parsed = _parse(text, at)
    if parsed is None:
        return None
    if parsed < _EARLIEST or parsed - at > _FUTURE_SLACK:
        return None
    return to_iso_utc(parsed)


def _parse(text: str, reference: datetime) -> datetime | None:
    try:
        return _utc(dateutil_parser.isoparse(text))
    except (ValueError, OverflowError):
        pass
    if _RFC822.match(text):
        try:
            return _utc(parsedate_to_datetime(text))
        except (TypeError, ValueError, IndexError):
            pass
    default = reference.replace(tzinfo=None, hour=0, minute=0, second=0, microsecond=0)
    parsed = _free_form(text, default)
    if parsed is not None and parsed - reference > _FUTURE_SLACK and default.year > 1:
        earlier = _free_form(text, _year_before(default))
        if earlier is not None and earlier.year != parsed.year:  # the year came from the reference: last year's
            return earlier
    return parsed


def _free_form(text: str, default: datetime) -> datetime | None:
    """dateutil's reading of ``text``, with what it leaves out taken from ``default`` (naive, UTC)."""
    with warnings.catch_warnings(action="ignore"):  # unknown zone names are taken as UTC
        try:
            return _utc(dateutil_parser.parse(text, default=default, fuzzy=False))
        except (ValueError, OverflowError, TypeError):
            return None


def _year_before(day: datetime) -> datetime:
    return day.replace(year=day.year - 1, day=28) if (day.month, day.day) == (2, 29) else day.replace(year=day.year - 1)


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def struct_time_to_iso(value: time.struct_time | None) -> str | None:
    """Convert feedparser's UTC ``*_parsed`` struct_time to ISO 8601 UTC."""
    if value is None:
        return None
    try:
        return to_iso_utc(datetime(*value[:6], tzinfo=UTC))
    except (TypeError, ValueError):
        return None


def guess_date(tree: HtmlElement, url: str | None, reference: datetime | str | None = None) -> str | None:
    """The publication date htmldate finds in the page's text and URL (``YYYY-MM-DD``), or None.

    The last resort when neither the page's metadata nor the feed gave a
    date: slower, and a day without a time. Nothing after the day of
    ``reference`` (when the page was fetched; None: today) is taken.
    """
    from htmldate import find_date  # only where pages are cleaned: the crawl's main process never needs it

    last = reference_time(reference).replace(tzinfo=None, hour=23, minute=59, second=59, microsecond=999999)
    try:
        return find_date(tree, extensive_search=False, original_date=True, url=url, max_date=last)
    except (ValueError, TypeError):
        return None
