"""`newsrake crawl`: fetch the feeds and every new article page, clean it and store it."""

from __future__ import annotations

from pathlib import Path

import click
from click.core import ParameterSource

from crawler.commands.common import (
    EXIT_FAILED,
    EXIT_LOCKED,
    EXIT_OK,
    NewsrakeError,
    db_option,
    default_seeds,
    with_lock,
)
from crawler.crawl_job import CrawlJob, CrawlJobError, CrawlOutcome, run_crawl_job


def crawl_into(job: CrawlJob) -> int:
    """Crawl ``job`` under its database's run lock (exit code 75 at once if another run holds it); the exit
    code."""
    db = job.db
    if not db.parent.is_dir():
        raise NewsrakeError(f"cannot create database {db}: directory {db.parent} does not exist")
    if job.log_file is not None:
        try:
            job.log_file.open("a", encoding="utf-8").close()
        except OSError as error:
            raise NewsrakeError(f"cannot write the log file {job.log_file}: {error.strerror or error}") from None
    return with_lock(db, lambda: _crawled(job))


def _crawled(job: CrawlJob) -> int:
    """Run the job; its outcome as a line and an exit code."""
    try:
        outcome = run_crawl_job(job)
    except CrawlJobError as error:
        raise (click.UsageError(str(error)) if error.usage else NewsrakeError(str(error))) from None
    if outcome.writer_busy:
        click.echo(
            f"newsrake: another writer holds the cluster {job.cluster}; not starting (exit {EXIT_LOCKED})", err=True
        )
        return EXIT_LOCKED
    click.echo(outcome.summary if job.cluster is None or job.writer else _node_summary(outcome))
    if outcome.store_failed:
        raise NewsrakeError(f"the crawl stopped: cannot write to {job.db} (see the log above)")
    if outcome.timed_out:
        click.echo(f"newsrake: stopped at --max-runtime {job.max_runtime}; the next run goes on from here", err=True)
        return EXIT_OK
    if outcome.stopped_early is not None:
        click.echo(f"newsrake: crawl stopped early: {outcome.stopped_early}", err=True)
        return EXIT_FAILED
    return EXIT_FAILED if outcome.failed else EXIT_OK


def _node_summary(outcome: CrawlOutcome) -> str:
    """A worker node's one line: what it fetched and handed to the cluster (the writer counts what is new)."""
    stats = outcome.stats
    taken = int(stats.get("newsrake/cluster/tasks_taken", 0))
    handed = int(stats.get("newsrake/cluster/results_handed_in", 0))
    return f"newsrake: cluster node: {taken} requests taken from the frontier, {handed} results handed to the writer"


def _feed_urls(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> tuple[str, ...]:
    """``--feed`` values, each an absolute http(s) URL (a usage error if not)."""
    from crawler.options import url_problem

    for url in values:
        problem = url_problem(url)
        if problem is not None:
            raise click.BadParameter(f"{url!r}: {problem}", ctx, param)
    return values


def _duration(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A ``--since`` or ``--max-runtime`` value, checked (a usage error naming the expected form if bad)."""
    from crawler.options import parse_duration

    if value is not None:
        try:
            parse_duration(value)
        except ValueError as error:
            raise click.BadParameter(str(error), ctx, param) from None
    return value


def _cluster_url(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A ``--cluster`` value: a redis:// URL (a usage error if not)."""
    from crawler.cluster.url import check_url

    if value is not None:
        problem = check_url(value)
        if problem is not None:
            raise click.BadParameter(f"{value!r}: {problem}", ctx, param)
    return value


def _addresses(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> tuple[str, ...]:
    """``--allow-address`` values, each HOST:PORT with a port from 1 to 65535."""
    for value in values:
        host, _, port = value.rpartition(":")
        if not host.strip("[]") or not port.isdigit() or not 0 < int(port) < 65536:
            raise click.BadParameter(f"{value!r}: expected HOST:PORT, e.g. 127.0.0.1:8000", ctx, param)
    return values


@click.command()
@db_option
@click.option(
    "--seeds",
    "seeds",
    multiple=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="A seeds TOML file (repeatable). Default: seeds/*.toml here, if no --feed/--feeds-file.",
)
@click.option("--feed", "feeds", multiple=True, metavar="URL", callback=_feed_urls, help="A feed URL (repeatable).")
@click.option("--feeds-file", type=click.Path(dir_okay=False, path_type=Path), help="A file of feed URLs, one a line.")
@click.option("--allow-private-addresses", is_flag=True, help="Allow loopback and private-network addresses.")
@click.option(
    "--allow-address",
    "allow_addresses",
    multiple=True,
    metavar="HOST:PORT",
    callback=_addresses,
    help="Allow this one server even if its address is private (repeatable).",
)
@click.option(
    "--since", metavar="DURATION", callback=_duration, help="Skip feed entries older than this (e.g. 2d, 12h, 90m)."
)
@click.option(
    "--max-runtime",
    metavar="DURATION",
    callback=_duration,
    help="Stop cleanly after this long (e.g. 14m), below the cron interval.",
)
@click.option("--log-file", type=click.Path(dir_okay=False, path_type=Path), help="Append the log here, not to stderr.")
@click.option(
    "--all-feeds", is_flag=True, help="Poll every feed now, even those whose adaptive interval is not over yet."
)
@click.option(
    "--cluster",
    metavar="REDIS_URL",
    callback=_cluster_url,
    help="Run as a node of the crawl cluster at redis://HOST:PORT/DB; with an explicit --db, as its one writer.",
)
@click.option(
    "-s",
    "settings_pairs",
    multiple=True,
    metavar="NAME=VALUE",
    help="Override a Scrapy or newsrake setting for this run (repeatable).",
)
def crawl(
    db: Path,
    seeds: tuple[Path, ...],
    feeds: tuple[str, ...],
    feeds_file: Path | None,
    allow_private_addresses: bool,
    allow_addresses: tuple[str, ...],
    since: str | None,
    max_runtime: str | None,
    log_file: Path | None,
    all_feeds: bool,
    cluster: str | None,
    settings_pairs: tuple[str, ...],
) -> int:
    """Fetch the feeds, then every new article page, clean it and store it.

    Articles already in the database are not fetched again and feeds are
    polled with ETag / Last-Modified, so the command is meant to run from
    cron. Prints a one-line summary. Exit codes: 0 success, 1 every feed
    failed or the database cannot be written, 2 usage error, 75 another run
    holds the database (it exits at once), or another writer holds the
    cluster.

    With --cluster, several crawls share one frontier in Redis: each page is
    fetched by one node, politeness holds across all of them, and the node
    given --db stores everything into that file (see docs/cluster.md).

    \b
    Example:
        newsrake crawl --seeds seeds/default.toml --db news.db
        newsrake crawl --feed https://example.org/rss.xml -s DOWNLOAD_DELAY=2
        newsrake crawl --cluster redis://10.0.0.5:6379/0 --db news.db   # the writer
        newsrake crawl --cluster redis://10.0.0.5:6379/0                # a worker node
    """
    if not seeds and not feeds and feeds_file is None:
        seeds = tuple(default_seeds())
    writer = click.get_current_context().get_parameter_source("db") is not ParameterSource.DEFAULT
    job = CrawlJob(
        db, seeds, feeds, feeds_file, allow_private_addresses, allow_addresses, settings_pairs,
        since=since, max_runtime=max_runtime, log_file=log_file, all_feeds=all_feeds, cluster=cluster,
        writer=writer,
    )  # fmt: skip
    if cluster is not None and not writer:
        return _crawled(job)  # a worker node: no database, no run lock
    return crawl_into(job)
