"""How a failed request is read: a refusal by policy or a failure; for now or for good; and its reason."""

from __future__ import annotations

from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawler.middlewares.address_guard import AddressRefused
from crawler.middlewares.retry_after import HostBackedOff
from crawler.middlewares.robots import RobotsRefused

REFUSALS = (AddressRefused, RobotsRefused, HostBackedOff)
"""Requests newsrake chose not to make (policy), as against requests that failed."""


def transient(error: BaseException) -> bool:
    """Whether an article that failed this way may well be fetched later: a 5xx, 408 or 429 answer, a host
    backing off for longer than the run waits, robots.txt unreachable, a host that does not resolve, a timeout
    or a connection error. A 404, 410 or other 4xx, a robots.txt Disallow or a private address are
    permanent."""
    if isinstance(error, HttpError):
        status = error.response.status
        return status >= 500 or status in (408, 425, 429)
    if isinstance(error, HostBackedOff):
        return True
    if isinstance(error, RobotsRefused | AddressRefused):
        return error.transient
    return not isinstance(error, IgnoreRequest)  # refused by policy vs network errors


def failure_reason(failure: Failure) -> tuple[int | None, str]:
    """The HTTP status of a failed request (None if it got no answer) and a one-line reason."""
    if isinstance(failure.value, HttpError):
        response = failure.value.response
        return response.status, f"HTTP {response.status}"
    return None, " ".join(f"{type(failure.value).__name__}: {failure.value}".split())[:300]
