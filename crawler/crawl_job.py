"""One crawl as a library call: `run_crawl_job(CrawlJob(...))` gathers the sources, checks the options, starts
the cleaning workers' fork server early when it will be needed, runs Scrapy and gives back its outcome.

`newsrake crawl` and `newsrake demo` only parse their options into a `CrawlJob`, take the run lock and turn the
`CrawlOutcome` into a line and an exit code. Scrapy is imported only once the options are known good and the
fork server is starting, so that a bad option fails at once and the two start side by side.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipelines import defaults


class CrawlJobError(Exception):
    """What keeps a crawl from starting, in one line: a bad option (``usage``) or bad sources or database."""

    def __init__(self, message: str, *, usage: bool) -> None:
        super().__init__(message)
        self.usage = usage


@dataclass(frozen=True)
class CrawlJob:
    """What to crawl into which database, and how: the options of `newsrake crawl`, unchecked."""

    db: Path
    seeds: tuple[Path, ...] = ()
    feeds: tuple[str, ...] = ()
    feeds_file: Path | None = None
    allow_private: bool = False
    allow_addresses: tuple[str, ...] = ()
    settings_pairs: tuple[str, ...] = ()
    """``-s NAME=VALUE`` pairs."""
    extra: Mapping[str, Any] = field(default_factory=dict)
    """Settings of the caller's own (the demo's), overridden by ``settings_pairs``."""
    since: str | None = None
    max_runtime: str | None = None
    log_file: Path | None = None
    all_feeds: bool = False
    """Poll every feed now, whatever its adaptive interval says (``NEWSRAKE_ALL_FEEDS``); not a retired feed, nor
    one backing off after failures."""
    cluster: str | None = None
    """A Redis URL: this crawl is a node of that cluster (`crawler.cluster`)."""
    writer: bool = True
    """In a cluster: this node is its writer, into ``db`` (a worker node opens no database)."""


@dataclass(frozen=True)
class CrawlOutcome:
    """How a crawl ended: Scrapy's stats and what stopped it."""

    stats: Mapping[str, Any]
    store_failed: bool
    """The database could not be written: the crawl stopped."""
    timed_out: bool
    """Stopped at ``--max-runtime``: the next run goes on from here."""
    stopped_early: str | None
    """Scrapy's finish reason, if the crawl stopped for another reason than having finished."""
    failed: bool
    """Every feed failed."""
    writer_busy: bool = False
    """In a cluster: another writer holds it."""

    @property
    def summary(self) -> str:
        """The crawl's one-line summary."""
        from pipelines.stats import summary_line

        return summary_line(self.stats)


def _clean_workers(overrides: Mapping[str, Any]) -> int | None:
    """``NEWSRAKE_CLEAN_WORKERS`` for this run; None if the value is not a number (reported when the settings
    are built)."""
    try:
        return int(overrides.get("NEWSRAKE_CLEAN_WORKERS", defaults.CLEAN_WORKERS))
    except (TypeError, ValueError):
        return None


def _overrides(job: CrawlJob) -> tuple[dict[str, Any], float | None]:
    """The job's settings (``-s`` pairs over the caller's) and ``--since`` in seconds."""
    from crawler.options import SettingError, parse_duration, parse_overrides

    try:
        overrides: dict[str, Any] = {**job.extra, **parse_overrides(list(job.settings_pairs))}
        since_seconds = parse_duration(job.since) if job.since else None
        if job.max_runtime:
            overrides["CLOSESPIDER_TIMEOUT"] = parse_duration(job.max_runtime)
    except (SettingError, ValueError) as error:
        raise CrawlJobError(str(error), usage=True) from None
    if job.log_file is not None:
        overrides.update({"LOG_FILE": str(job.log_file), "LOG_FILE_APPEND": True})
    overrides["NEWSRAKE_DB"] = str(job.db)
    if job.allow_private:
        overrides["NEWSRAKE_ALLOW_PRIVATE_ADDRESSES"] = True
    if job.allow_addresses:
        overrides["NEWSRAKE_ALLOW_ADDRESSES"] = list(job.allow_addresses)
    if job.all_feeds:
        overrides["NEWSRAKE_ALL_FEEDS"] = True
    return overrides, since_seconds


def _check_sources(job: CrawlJob) -> None:
    from crawler.sources import SourceError, gather

    try:
        gathered = gather(job.seeds, job.feeds, job.feeds_file)  # the spider logs and counts the URLs it leaves out
    except SourceError as error:
        raise CrawlJobError(str(error), usage=False) from None
    if not gathered.sources and gathered.skipped:
        more = len(gathered.skipped) - 1
        raise CrawlJobError(
            f"no usable sources: {gathered.skipped[0]}" + (f" (and {more} more)" if more else ""), usage=True
        )
    if not gathered.sources and job.cluster is None:  # a cluster node may crawl the cluster's sources only
        raise CrawlJobError("no sources: give --seeds FILE, --feed URL or --feeds-file FILE", usage=True)


def run_crawl_job(job: CrawlJob) -> CrawlOutcome:
    """Run the crawl ``job`` in this process (the caller holds the database's run lock); its outcome, or a
    `CrawlJobError` if it cannot start."""
    overrides, since_seconds = _overrides(job)
    _check_sources(job)
    from crawler.early_cleaning import start_cleaning_early
    from pipelines.store import last_crawl_stored_articles

    if job.cluster is not None:
        _check_cluster(job.cluster)
    workers = _clean_workers(overrides)
    stored_before = job.cluster is not None or last_crawl_stored_articles(job.db)
    if workers is not None and start_cleaning_early(workers, stored_before):  # before Scrapy
        overrides["NEWSRAKE_CLEAN_STARTED_EARLY"] = True
    from crawler.options import SettingError
    from crawler.run import build_settings, check_overrides, run_crawl  # Scrapy: imported while the fork server starts
    from pipelines.stats import STORE_ERRORS, outcome

    settings = build_settings(overrides)
    try:
        check_overrides(settings, overrides)
    except SettingError as error:
        raise CrawlJobError(str(error), usage=True) from None
    from pipelines.store import Store, StoreError

    if job.cluster is None or job.writer:
        try:
            Store.open(job.db).close()  # created or brought up to date before Scrapy opens it
        except StoreError as error:
            raise CrawlJobError(str(error), usage=False) from None
    spider_args: dict[str, Any] = {}
    if job.cluster is not None:
        from crawler.cluster.node import node_overrides
        from crawler.cluster.spider import ClusterSpider

        settings.update(node_overrides(settings, job.cluster, writer=job.writer), priority="cmdline")
        spider_args = {"spider_class": ClusterSpider, "cluster": job.cluster}
    stats = run_crawl(
        settings,
        **spider_args,
        seeds=[str(p) for p in job.seeds],
        feed=list(job.feeds),
        feeds_file=str(job.feeds_file) if job.feeds_file else None,
        since=since_seconds,
    )
    reason = stats.get("finish_reason")
    return CrawlOutcome(
        stats=stats,
        store_failed=reason == "store_error" or bool(stats.get(STORE_ERRORS)),
        timed_out=reason == "closespider_timeout",
        stopped_early=reason if reason not in (None, "finished", "store_error", "closespider_timeout") else None,
        failed=outcome(stats) == "failed",
        writer_busy=bool(stats.get("newsrake/cluster/writer_busy")),
    )


def _check_cluster(url: str) -> None:
    """A one-line `CrawlJobError` unless the cluster's Redis answers (imports the Redis client)."""
    from crawler.cluster.node import check_redis
    from crawler.cluster.url import ClusterError

    try:
        check_redis(url)
    except ClusterError as error:
        raise CrawlJobError(str(error), usage=False) from None
