"""Adaptive feed polling: when to poll a feed (or news sitemap) next, from what its polls have shown.

A pure policy (no Scrapy, no SQLite): `next_poll` takes what was remembered of a feed (`PollState`, None for a
feed never polled) and what this poll saw (`PollObservation`), and gives the new state, the interval until the
next poll and why (`PollDecision`). The crawler's store, the cluster's writer and ``benchmarks/polling.py`` all
call it.

How the interval is chosen:

- The feed's publishing rate is estimated from the new entries of its polls over the time they covered, each
  poll's evidence fading with age (`MEMORY`, six hours: the estimate follows the day and the night).
- A poll is made when about one new entry is expected (`ENTRIES_PER_POLL`, 0.85): T = 0.85 / r. A feed
  that publishes one article an hour is polled every 51 min, 4 an hour every 13 min, one a day every 20 h.
  This puts the polls where the articles are, which is what keeps the median delay low; the square-root rule
  (T ~ 1/sqrt(r), least *mean* delay for a number of polls) was measured too and could not meet both targets
  of issue 21 (see docs/polling.md).
- A feed's window holds only its last entries: the interval never lets more than half of them be new
  (entries / (2 r)), and a poll that finds all of them new (some may have been lost) halves the next interval.
- A poll with nothing new (or a 304, or the same body) lowers the estimate; the interval grows at most
  `BACKOFF` (x2) per poll, so a quiet feed backs off step by step.
- Never sooner than the feed's own ``<ttl>``, ``sy:updatePeriod`` / ``sy:updateFrequency`` or ``Cache-Control:
  max-age`` say, unless waiting that long would push entries out of the feed's window before a poll sees them
  (then the window wins, and the reason says so); never before a ``Retry-After``; always within the bounds
  (`PollBounds`, 10 min to 24 h).
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from pipelines import defaults

ENTRIES_PER_POLL = 0.85
"""The new entries a poll is expected to bring: a poll that expects fewer is mostly wasted, more and they wait.
The trade-off between requests and delay: 1.0 saves more requests, 0.75 waits less (docs/polling.md)."""
MEMORY = 6 * 3600.0
"""Seconds over which a poll's evidence of the publishing rate fades by a factor e."""
BACKOFF = 2.0
"""The most the interval grows from one poll to the next."""
KEY_CHARS = 10
"""Hex digits kept of each entry's digest (`entry_key`): 40 bits, no collision to fear in a window of entries."""

_PERIODS = {"hourly": 3600.0, "daily": 86400.0, "weekly": 7 * 86400.0, "monthly": 30 * 86400.0, "yearly": 365 * 86400.0}


@dataclass(frozen=True)
class PollBounds:
    """The shortest and longest interval, and the interval of a feed never polled before (seconds)."""

    minimum: float = defaults.POLL_MIN
    maximum: float = defaults.POLL_MAX
    default: float = defaults.POLL_DEFAULT

    def clamp(self, seconds: float) -> float:
        """``seconds`` brought within the bounds (the maximum wins over a minimum set above it)."""
        return min(self.maximum, max(self.minimum, seconds))


@dataclass(frozen=True)
class PollHints:
    """What the feed or its server say of how often to poll (seconds each; None when not said)."""

    ttl: float | None = None
    """RSS ``<ttl>`` (given in minutes in the feed)."""
    update_period: float | None = None
    """``sy:updatePeriod`` divided by ``sy:updateFrequency``."""
    max_age: float | None = None
    """``Cache-Control: max-age``."""
    retry_after: float | None = None
    """``Retry-After`` (on a 429 or 503)."""

    def floor(self) -> tuple[float, str] | None:
        """The longest of the hints, and which it is; None without hints."""
        named = [(value, label) for value, label in self._labelled() if value is not None and value > 0]
        return max(named, key=lambda pair: pair[0]) if named else None

    def _labelled(self) -> list[tuple[float | None, str]]:
        return [
            (self.ttl, "ttl"),
            (self.update_period, "sy:updatePeriod"),
            (self.max_age, "Cache-Control max-age"),
            (self.retry_after, "Retry-After"),
        ]


@dataclass(frozen=True)
class PollObservation:
    """What one successful poll saw."""

    entries: int
    """Entries in the feed (0 when the body was not parsed: unchanged)."""
    new: int
    """Entries not in the previous poll (`count_new`); ignored when ``unchanged``."""
    unchanged: bool = False
    """A 304, or the very body of the previous poll."""
    status: int = 200
    hints: PollHints = field(default_factory=PollHints)


@dataclass(frozen=True)
class PollState:
    """What is remembered of a feed's polls between runs."""

    polled_at: float
    """When it was last polled (seconds since the epoch)."""
    interval: float
    """The interval chosen after that poll (seconds)."""
    rate: float
    """The estimated publishing rate (articles per second)."""
    exposure: float
    """The fading sum of the seconds the estimate covers (its weight)."""
    quiet: int = 0
    """Polls in a row with nothing new."""


@dataclass(frozen=True)
class PollDecision:
    """When to poll next, and why."""

    state: PollState
    interval: float
    reason: str
    """A short human text: "3 of 20 entries new in 42 min: ~4.3 articles/h", "ttl 60 min", ..."""

    @property
    def next_at(self) -> float:
        """When the feed is due again (seconds since the epoch)."""
        return self.state.polled_at + self.interval


def duration_text(seconds: float) -> str:
    """``seconds`` for people: "45 s", "42 min", "2 h", "2.5 h", "3 d"."""
    if seconds < 60:
        return f"{seconds:.0f} s"
    if seconds < 5400:
        return f"{seconds / 60:.0f} min"
    if seconds < 2 * 86400:
        return f"{seconds / 3600:.1f} h".replace(".0 h", " h")
    return f"{seconds / 86400:.1f} d".replace(".0 d", " d")


def _rate_text(rate: float) -> str:
    per_hour = rate * 3600
    return f"~{per_hour:.1f} articles/h" if per_hour >= 0.95 else f"~{per_hour * 24:.1f} articles/day"


def rate_interval(rate: float) -> float:
    """The interval in which ``rate`` (articles per second) brings `ENTRIES_PER_POLL` new entries (seconds);
    infinite for a feed that publishes nothing."""
    return ENTRIES_PER_POLL / rate if rate > 0 else math.inf


def next_poll(
    previous: PollState | None, observed: PollObservation, now: float, bounds: PollBounds = PollBounds()
) -> PollDecision:
    """The feed's new state, and the interval until its next poll with the reason, after a successful poll at
    ``now`` (seconds since the epoch) that saw ``observed``."""
    limit = math.inf
    if previous is None:
        state = PollState(polled_at=now, interval=bounds.default, rate=0.0, exposure=0.0)
        interval, reason = bounds.default, f"first poll, {observed.entries} entries: rate not known yet"
    else:
        interval, reason, state, limit = _adapted(previous, observed, now)
    hints = observed.hints
    cache = PollHints(ttl=hints.ttl, update_period=hints.update_period, max_age=hints.max_age).floor()
    if cache is not None and cache[0] > interval:
        if cache[0] > limit:  # a cache hint must not cost articles: the feed's window wins
            interval = max(interval, limit)
            reason = f"{reason} ({cache[1]} {duration_text(cache[0])} not waited for: entries would be lost)"
        else:
            interval, reason = cache[0], f"{reason}; {cache[1]} {duration_text(cache[0])}"
    if hints.retry_after is not None and hints.retry_after > interval:  # the server's order: always obeyed
        interval, reason = hints.retry_after, f"{reason}; Retry-After {duration_text(hints.retry_after)}"
    clamped = bounds.clamp(interval)
    if clamped != interval:
        edge = "minimum" if clamped > interval else "maximum"
        reason = f"{reason}; at the {duration_text(clamped)} {edge}"
    state = PollState(state.polled_at, clamped, state.rate, state.exposure, state.quiet)
    return PollDecision(state=state, interval=clamped, reason=reason)


def _adapted(previous: PollState, observed: PollObservation, now: float) -> tuple[float, str, PollState, float]:
    """The interval, its reason and the state after a poll of a feed polled before (bounds not applied), and
    the longest wait the feed's window allows (longer would lose entries; inf when not known)."""
    elapsed = max(1.0, now - previous.polled_at)
    new = 0 if observed.unchanged else max(0, observed.new)
    fade = math.exp(-elapsed / MEMORY)
    exposure = previous.exposure * fade + elapsed
    rate = (previous.rate * previous.exposure * fade + new) / exposure
    quiet = 0 if new else previous.quiet + 1
    state = PollState(polled_at=now, interval=previous.interval, rate=rate, exposure=exposure, quiet=quiet)
    interval = min(rate_interval(rate), previous.interval * BACKOFF)
    if new:
        reason = f"{new} of {observed.entries} entries new in {duration_text(elapsed)}: {_rate_text(rate)}"
    else:
        what = "unchanged (304)" if observed.status == 304 else "unchanged" if observed.unchanged else "nothing new"
        reason = f"{what} {quiet} time{'s' if quiet > 1 else ''}: backing off"
    limit = observed.entries / (2 * rate) if observed.entries and rate > 0 else math.inf
    if limit < interval:
        interval = limit
        reason = f"{reason}; before half its {observed.entries} entries are new"
    if observed.entries and new >= observed.entries:
        limit = interval = min(interval, elapsed / 2)
        reason = f"{new} of {observed.entries} entries new in {duration_text(elapsed)}: some may be lost, polled sooner"
    return interval, reason, state, limit


def failure_backoff(failures: int, base: float, cap: float) -> float:
    """Seconds before a feed that failed ``failures`` times in a row is polled again: ``base``, doubling per
    failure, at most ``cap``."""
    return float(min(cap, base * 2.0 ** max(0, failures - 1)))


def entry_key(identity: str) -> str:
    """A short digest of an entry's GUID or link: what tells whether it was in the previous poll."""
    return hashlib.sha256(identity.encode("utf-8", "surrogatepass")).hexdigest()[:KEY_CHARS]


def count_new(previous_keys: Iterable[str] | None, keys: Iterable[str]) -> int:
    """How many of ``keys`` were not in the previous poll (all of them when nothing was remembered)."""
    seen = frozenset(previous_keys or ())
    return sum(1 for key in dict.fromkeys(keys) if key not in seen)


def syndication_period(period: str | None, frequency: str | int | None) -> float | None:
    """Seconds between updates said by ``sy:updatePeriod`` (hourly, daily, ...) and ``sy:updateFrequency``
    (times per period, default 1); None if the period is missing or unknown."""
    seconds = _PERIODS.get((period or "").strip().lower())
    if seconds is None:
        return None
    try:
        times = int(str(frequency).strip()) if frequency not in (None, "") else 1
    except ValueError:
        times = 1
    return seconds / max(1, times)


def ttl_seconds(ttl: str | int | None) -> float | None:
    """RSS ``<ttl>`` (minutes) in seconds; None if missing or not a positive number."""
    try:
        minutes = float(str(ttl).strip()) if ttl not in (None, "") else 0.0
    except ValueError:
        return None
    return minutes * 60 if 0 < minutes < math.inf else None


def max_age(cache_control: str | None) -> float | None:
    """``Cache-Control: max-age`` in seconds (``s-maxage`` is for shared caches); None if absent."""
    match = re.search(r"(?:^|[,\s])max-age\s*=\s*\"?(\d+)", cache_control or "", re.IGNORECASE)
    return float(match.group(1)) if match else None
