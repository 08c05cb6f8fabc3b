"""Reading Retry-After: what a host that answers 429 or 503 asks newsrake to wait.

The host policy (`crawler.middlewares.host_policy`) applies it: the host waits what it asks, up to a cap,
and never less later; a host asking for more than ``NEWSRAKE_MAX_RETRY_AFTER`` seconds is left alone for
the rest of the run.
"""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from scrapy.exceptions import IgnoreRequest

BACKOFF_STATUSES = frozenset({429, 503})
DEFAULT_WAIT = 10.0
"""Seconds to wait after a 429/503 without a usable Retry-After (doubles each time)."""


class HostBackedOff(IgnoreRequest):
    """The host asked to be left alone for longer than this run may wait."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after
        """The seconds the host asked for (its Retry-After), when it said."""


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds a Retry-After header asks for (delta-seconds or an HTTP date), or None if unusable."""
    if not value:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())
