"""A feed's state in the cluster (validators, failures, polling) and when to poll it next.

The state is a JSON object in the frontier's ``feedstate`` hash: what `crawler.middlewares.feed_state` reads
from the database in a one-machine crawl.
"""

from __future__ import annotations

import time
from dataclasses import asdict
from typing import Any

import scrapy
from scrapy.settings import BaseSettings

from crawler.middlewares import feed_state
from pipelines import defaults
from pipelines.polling import PollBounds, PollObservation, PollState, failure_backoff, next_poll
from pipelines.records import FeedFetch


def conditional(request: scrapy.Request, state: dict[str, Any]) -> scrapy.Request:
    """A feed request made conditional on the feed's state in the cluster (`crawler.middlewares.feed_state`)."""
    return feed_state.conditional(
        request, state.get("etag"), state.get("last_modified"), state.get("body_sha256"), state.get("moved_to")
    )


def bounds(settings: BaseSettings) -> PollBounds:
    """The polling bounds of the run's settings."""
    return PollBounds(
        minimum=settings.getfloat("NEWSRAKE_POLL_MIN", defaults.POLL_MIN),
        maximum=settings.getfloat("NEWSRAKE_POLL_MAX", defaults.POLL_MAX),
        default=settings.getfloat("NEWSRAKE_POLL_DEFAULT", defaults.POLL_DEFAULT),
    )


def _poll_state(state: dict[str, Any]) -> PollState | None:
    fields = state.get("poll")
    if not isinstance(fields, dict):
        return None
    try:
        return PollState(**fields)
    except TypeError:
        return None


def after_poll(
    state: dict[str, Any], fetch: FeedFetch | None, new: int, settings: BaseSettings
) -> tuple[dict[str, Any], float | None]:
    """The feed's new state after a poll, and the seconds until its next poll (None: never again, retired):
    the adaptive interval of `pipelines.polling`, with ``new`` the articles the poll queued (not seen before
    anywhere in the cluster); failures back off as in a one-machine crawl."""
    state = dict(state)
    limits = bounds(settings)
    if fetch is None:  # nothing recorded (a homepage, a skipped feed): poll again after the default interval
        return state, limits.default
    if fetch.retired:
        state["retired_at"] = fetch.fetched_at
        return state, None
    if fetch.error is not None:
        failures = int(state.get("failures", 0)) + 1
        state["failures"] = failures
        base = settings.getfloat("NEWSRAKE_FEED_BACKOFF", defaults.FEED_BACKOFF)
        cap = settings.getfloat("NEWSRAKE_FEED_BACKOFF_MAX", defaults.FEED_BACKOFF_MAX)
        wait = max(failure_backoff(failures, base, cap), fetch.hints.retry_after or 0)
        state["poll_reason"] = f"failed {failures} time(s) in a row: backing off"
        return state, wait
    state["failures"] = 0
    if not fetch.not_modified:
        state.update(etag=fetch.etag, last_modified=fetch.last_modified, body_sha256=fetch.body_sha256)
        if fetch.moved_to:
            state["moved_to"] = fetch.moved_to
    observed = PollObservation(
        entries=fetch.entries, new=new, unchanged=fetch.not_modified,
        status=fetch.status or 200, hints=fetch.hints,
    )  # fmt: skip
    decision = next_poll(_poll_state(state), observed, time.time(), limits)
    state["poll"] = asdict(decision.state)
    state["poll_reason"] = decision.reason
    return state, decision.interval
