"""Adaptive feed polling (issue 21, point 0): a simulated day of feeds, polled by `pipelines.polling` against
polling every feed every 15 minutes.

    python benchmarks/polling.py [--feeds 10000] [--seed 1 ...] [--distribution lognormal pareto]

Each feed publishes at its own rate (heavy-tailed: log-normal by default, median 0.6 articles an hour, the
busiest about one a minute; or a Pareto tail clipped at one a minute), following a day/night cycle (x1.6 at
the local early afternoon, x0.4 at night; local noon spread over time zones), with Poisson arrivals. A feed holds
only its last 20 to 50 entries: an article pushed out before a poll sees it is missed. One feed in ten sends a
``<ttl>`` (15, 30 or 60 min), one in ten a ``Cache-Control: max-age`` (5 to 15 min). Adaptive: cron runs every
5 minutes and polls the feeds that are due, with the very `next_poll` the crawler calls. Baseline: cron every
15 minutes polls every feed. A warm-up day comes first (the policy converges); the figures are those of the day
after it (requests made that day; articles published that day, however late they are stored).

Reported per seed and distribution: feed requests (both, and the share saved), the delay from an article's
publication to the poll that finds it (median, p90, mean, both, and the adaptive/baseline ratio of medians), and
the articles missed. Targets: >= 70% fewer requests, median delay <= 1.5 x the baseline's. Exit 0 once it ran,
1 if a target was missed (``MISSED`` printed).
"""

from __future__ import annotations

import argparse
import bisect
import math
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np

from pipelines.polling import PollBounds, PollHints, PollObservation, PollState, next_poll

DAY = 86400.0
MAX_RATE = 60.0  # articles an hour: the busiest feeds, one a minute
DIURNAL = 0.6  # the rate swings between (1 - DIURNAL) and (1 + DIURNAL) times its daily mean
ZONES = ((0.0, 0.45), (-6.0, 0.3), (8.0, 0.25))  # local noon's offset from UTC noon (h), share of the feeds
REQUESTS_TARGET = 0.70
DELAY_TARGET = 1.5


@dataclass(frozen=True)
class Feed:
    """One simulated feed: its publication times (seconds from the start), window and hints."""

    published: np.ndarray
    window: int
    hints: PollHints


@dataclass(frozen=True)
class Outcome:
    """One way of polling: requests made in the measured day, delays of its articles, articles missed."""

    requests: int
    delays: np.ndarray
    missed: int


def daily_rates(rng: np.random.Generator, feeds: int, distribution: str) -> np.ndarray:
    """Each feed's mean rate, articles an hour."""
    if distribution == "lognormal":
        rates = np.exp(rng.normal(math.log(0.6), 1.2, feeds))
    else:  # a Pareto tail: most feeds quiet, a few very busy
        rates = 0.2 * (1.0 - rng.random(feeds)) ** (-1 / 1.1)
    return np.minimum(rates, MAX_RATE)


def arrivals(rng: np.random.Generator, rate_per_hour: float, noon: float, days: float) -> np.ndarray:
    """Poisson publication times over ``days`` with a day/night cycle peaking at 13:00 local (thinning)."""
    peak = rate_per_hour / 3600 * (1 + DIURNAL)
    count = rng.poisson(peak * days * DAY)
    times = np.sort(rng.random(count) * days * DAY)
    phase = 2 * np.pi * ((times - (noon + 3600)) / DAY)
    keep = rng.random(count) < (1 + DIURNAL * np.cos(phase)) / (1 + DIURNAL)
    return times[keep]


def make_feeds(seed: int, feeds: int, distribution: str, days: float) -> list[Feed]:
    rng = np.random.default_rng(seed)
    rates = daily_rates(rng, feeds, distribution)
    offsets = [offset for offset, _ in ZONES]
    zones = rng.choice(len(ZONES), size=feeds, p=[share for _, share in ZONES])
    made = []
    for rate, zone in zip(rates, zones, strict=True):
        noon = DAY / 2 - offsets[zone] * 3600
        hint = rng.random()
        if hint < 0.1:
            hints = PollHints(ttl=float(rng.choice([15, 30, 60])) * 60)
        elif hint < 0.2:
            hints = PollHints(max_age=float(rng.choice([300, 600, 900])))
        else:
            hints = PollHints()
        made.append(Feed(arrivals(rng, float(rate), noon, days), int(rng.integers(20, 51)), hints))
    return made


def delivered(feed: Feed, polls: np.ndarray, start: float, end: float) -> tuple[np.ndarray, int]:
    """The delays of the feed's articles published in [start, end) and how many of them were missed."""
    published = feed.published
    first = np.searchsorted(published, start, "left")
    last = np.searchsorted(published, end, "left")
    if last == first:
        return np.empty(0), 0
    times = published[first:last]
    at = np.searchsorted(polls, times, "left")
    found = at < len(polls)
    poll_times = polls[np.minimum(at, len(polls) - 1)]
    in_feed_then = np.searchsorted(published, poll_times, "right")  # articles published up to that poll
    position = np.arange(first, last)
    kept = found & (in_feed_then - position <= feed.window)
    return (poll_times - times)[kept], int(len(times) - kept.sum())


def adaptive_polls(feed: Feed, bounds: PollBounds, cron: float, until: float) -> np.ndarray:
    """The times the policy polls the feed: at cron runs, the first one at or after it is due."""
    published = feed.published.tolist()
    polls = []
    state: PollState | None = None
    now = 0.0
    seen_up_to = 0
    while now < until:
        count = bisect.bisect_right(published, now)
        new = min(count - seen_up_to, feed.window)
        observed = PollObservation(
            entries=min(count, feed.window), new=new, unchanged=state is not None and new == 0, hints=feed.hints
        )
        decision = next_poll(state, observed, now, bounds)
        polls.append(now)
        state, seen_up_to = decision.state, count
        now = math.ceil(decision.next_at / cron) * cron
    return np.array(polls)


def simulate(seed: int, feeds: int, distribution: str, cron: float, baseline: float) -> tuple[Outcome, Outcome]:
    """The adaptive and baseline outcomes of one simulated population."""
    bounds = PollBounds()
    start, end = DAY, 2 * DAY  # day 0 warms up; day 1 is measured; day 2 lets its last articles be found
    population = make_feeds(seed, feeds, distribution, 3.0)
    fixed = np.arange(0.0, 3 * DAY + baseline, baseline)
    fixed_requests = int(((fixed >= start) & (fixed < end)).sum()) * feeds
    delays: dict[str, list[np.ndarray]] = {"adaptive": [], "baseline": []}
    missed = {"adaptive": 0, "baseline": 0}
    requests = 0
    for feed in population:
        polls = adaptive_polls(feed, bounds, cron, 3 * DAY)
        requests += int(((polls >= start) & (polls < end)).sum())
        for name, times in (("adaptive", polls), ("baseline", fixed)):
            found, lost = delivered(feed, times, start, end)
            delays[name].append(found)
            missed[name] += lost
    return (
        Outcome(requests, np.concatenate(delays["adaptive"]), missed["adaptive"]),
        Outcome(fixed_requests, np.concatenate(delays["baseline"]), missed["baseline"]),
    )


def minutes(values: np.ndarray, what: str) -> float:
    if what == "mean":
        return float(values.mean()) / 60
    return float(np.percentile(values, 50 if what == "median" else 90)) / 60


def report(seed: int, distribution: str, adaptive: Outcome, baseline: Outcome) -> bool:
    """Print one population's figures; whether both targets are met."""
    saved = 1 - adaptive.requests / baseline.requests
    ratio = minutes(adaptive.delays, "median") / minutes(baseline.delays, "median")
    articles = len(baseline.delays) + baseline.missed
    print(f"seed {seed}, {distribution} rates: {articles} articles published in the measured day")
    print(f"  feed requests: adaptive {adaptive.requests}, baseline {baseline.requests}: {saved:.1%} saved")
    for name, outcome in (("adaptive", adaptive), ("baseline", baseline)):
        figures = ", ".join(f"{what} {minutes(outcome.delays, what):.1f}" for what in ("median", "p90", "mean"))
        print(f"  delay {name} (min): {figures}; missed {outcome.missed} ({outcome.missed / articles:.2%})")
    ok_requests = saved >= REQUESTS_TARGET
    ok_delay = ratio <= DELAY_TARGET
    print(f"  requests saved {saved:.1%} (target >= {REQUESTS_TARGET:.0%}) {'ok' if ok_requests else 'MISSED'}")
    print(f"  median delay ratio {ratio:.2f} (target <= {DELAY_TARGET}) {'ok' if ok_delay else 'MISSED'}")
    return ok_requests and ok_delay


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--feeds", type=int, default=10000, help="feeds simulated (default 10000)")
    parser.add_argument("--seed", type=int, nargs="+", default=[1], help="seeds, one population each (default 1)")
    parser.add_argument(
        "--distribution", nargs="+", choices=("lognormal", "pareto"), default=["lognormal"], help="rate distributions"
    )
    parser.add_argument("--cron", type=float, default=300, help="seconds between adaptive runs (default 300)")
    parser.add_argument("--baseline", type=float, default=900, help="seconds between baseline polls (default 900)")
    args = parser.parse_args(argv)
    met = True
    for distribution in args.distribution:
        for seed in args.seed:
            began = time.monotonic()
            adaptive, baseline = simulate(seed, args.feeds, distribution, args.cron, args.baseline)
            met = report(seed, distribution, adaptive, baseline) and met
            print(f"  ({time.monotonic() - began:.0f} s)")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
