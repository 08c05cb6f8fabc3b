"""Names of the crawl statistics newsrake keeps (Scrapy stats), and the run summary built from them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

FEEDS_FETCHED = "newsrake/feeds_fetched"
FEEDS_FAILED = "newsrake/feeds_failed"
FEEDS_BOZO = "newsrake/feeds_bozo"
FEEDS_UNCHANGED = "newsrake/feeds_unchanged"
FEEDS_NOT_DUE = "newsrake/feeds_not_due"  # not polled: interval not over (`pipelines.polling`), or backing off
FEEDS_RETIRED = "newsrake/feeds_retired"
ARTICLES_TOO_OLD = "newsrake/articles_too_old"
ARTICLES_NEW = "newsrake/articles_new"
ARTICLES_SKIPPED = "newsrake/articles_skipped"
ARTICLES_FAILED = "newsrake/articles_failed"
ARTICLE_REQUESTS = "newsrake/article_requests"
ADDRESSES_REFUSED = "newsrake/addresses_refused"
STORE_ERRORS = "newsrake/store_errors"
ROBOTS_REFUSED = "newsrake/robots_refused"
HOSTS_BACKED_OFF = "newsrake/hosts_backed_off"
ARTICLES_REFUSED = "newsrake/articles_refused"
ARTICLES_UPDATED = "newsrake/articles_updated"
ARTICLES_PENDING = "newsrake/articles_pending"  # failed for now (5xx, timeout, ...): tried again in a later run
ARTICLES_RETRIED = "newsrake/articles_retried"  # requested again after failing in an earlier run
ARTICLES_GIVEN_UP = "newsrake/articles_given_up"  # failed for good, or too many times: not tried again
ARTICLES_NOT_DUE = "newsrake/articles_not_due"  # failed before, next try not due yet (or given up)
ARTICLES_DUPLICATES = "newsrake/articles_duplicates"  # same canonical URL as a stored article: not stored
FAILED_BY_REASON = "newsrake/failed"  # + "/<reason>": articles that failed, by reason
SOURCES_SKIPPED = "newsrake/sources_skipped"  # URLs of seeds and feeds files left out (not http(s) URLs)
REFUSED_BY_REASON = "newsrake/refused"  # + "/<reason>": articles not requested (address, robots, back-off)


def run_counts(stats: Mapping[str, Any]) -> dict[str, int]:
    """The counts of a run, as stored in its `runs` row."""
    return {
        "feeds_fetched": int(stats.get(FEEDS_FETCHED, 0)),
        "feeds_failed": int(stats.get(FEEDS_FAILED, 0)),
        "feeds_unchanged": int(stats.get(FEEDS_UNCHANGED, 0)),
        "articles_new": int(stats.get(ARTICLES_NEW, 0)),
        "articles_skipped": int(stats.get(ARTICLES_SKIPPED, 0)),
        "articles_failed": int(stats.get(ARTICLES_FAILED, 0)),
    }


def summary_line(stats: Mapping[str, Any]) -> str:
    """The one-line summary printed at the end of a crawl."""
    c = run_counts(stats)
    notes = [f"{c['feeds_unchanged']} unchanged"] if c["feeds_unchanged"] else []
    notes += [f"{c['feeds_failed']} failed"] if c["feeds_failed"] else []
    failed_feeds = f" ({', '.join(notes)})" if notes else ""
    not_due = int(stats.get(FEEDS_NOT_DUE, 0))
    failed_feeds += f", {not_due} not due" if not_due else ""
    refused = int(stats.get(ARTICLES_REFUSED, 0))
    updated = int(stats.get(ARTICLES_UPDATED, 0))
    extra = [(int(stats.get(name, 0)), label) for name, label in _EXTRA_COUNTS]
    return (
        f"newsrake: {c['feeds_fetched']} feeds fetched{failed_feeds}, {c['articles_new']} articles new, "
        f"{c['articles_skipped']} skipped, {c['articles_failed']} failed"
        + (f", {refused} refused" if refused else "")
        + (f", {updated} updated" if updated else "")
        + "".join(f", {count} {label}" for count, label in extra if count)
    )


_EXTRA_COUNTS = (
    (ARTICLES_DUPLICATES, "duplicates"),
    (ARTICLES_RETRIED, "retried"),
    (ARTICLES_PENDING, "pending"),
    (ARTICLES_GIVEN_UP, "given up"),
)


def outcome(stats: Mapping[str, Any]) -> str:
    """``ok``, ``partial`` (some feeds failed) or ``failed`` (every feed failed)."""
    c = run_counts(stats)
    tried = c["feeds_fetched"] + c["feeds_failed"]
    if tried and c["feeds_failed"] == tried:
        return "failed"
    if c["feeds_failed"] or c["articles_failed"]:
        return "partial"
    return "ok"
