"""`newsrake crawl`: fetch the feeds and every new article page, clean it and store it."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from crawler.commands.common import EXIT_FAILED, EXIT_OK, NewsrakeError, check_db, db_option, default_seeds, with_lock
from pipelines import defaults


def crawl_into(
    db: Path,
    seeds: Sequence[Path],
    feeds: Sequence[str],
    feeds_file: Path | None,
    allow_private: bool,
    allow_addresses: Sequence[str],
    settings_pairs: Sequence[str],
    extra: dict[str, Any] | None = None,
    since: str | None = None,
    max_runtime: str | None = None,
    log_file: Path | None = None,
) -> int:
    """Crawl into ``db`` under its run lock (exit code 75 at once if another run holds it); the exit code."""
    if not db.parent.is_dir():
        raise NewsrakeError(f"cannot create database {db}: directory {db.parent} does not exist")
    if log_file is not None:
        try:
            log_file.open("a", encoding="utf-8").close()
        except OSError as error:
            raise NewsrakeError(f"cannot write the log file {log_file}: {error.strerror or error}") from None
    return with_lock(
        db,
        lambda: _crawl_locked(
            db, seeds, feeds, feeds_file, allow_private, allow_addresses, settings_pairs,
            extra, since, max_runtime, log_file,
        ),
    )  # fmt: skip


def _clean_workers(overrides: dict[str, Any]) -> int | None:
    """``NEWSRAKE_CLEAN_WORKERS`` for this run; None if the value is not a number (reported when the settings
    are built)."""
    try:
        return int(overrides.get("NEWSRAKE_CLEAN_WORKERS", defaults.CLEAN_WORKERS))
    except (TypeError, ValueError):
        return None


def _crawl_locked(
    db: Path,
    seeds: Sequence[Path],
    feeds: Sequence[str],
    feeds_file: Path | None,
    allow_private: bool,
    allow_addresses: Sequence[str],
    settings_pairs: Sequence[str],
    extra: dict[str, Any] | None,
    since: str | None,
    max_runtime: str | None,
    log_file: Path | None,
) -> int:
    from crawler.options import SettingError, parse_duration, parse_overrides
    from crawler.sources import SourceError, gather

    try:
        overrides: dict[str, Any] = {**(extra or {}), **parse_overrides(list(settings_pairs))}
        since_seconds = parse_duration(since) if since else None
        if max_runtime:
            overrides["CLOSESPIDER_TIMEOUT"] = parse_duration(max_runtime)
    except (SettingError, ValueError) as error:
        raise click.UsageError(str(error)) from None
    if log_file is not None:
        overrides.update({"LOG_FILE": str(log_file), "LOG_FILE_APPEND": True})
    try:
        gathered = gather(seeds, feeds, feeds_file)  # the spider logs and counts the URLs it leaves out
    except SourceError as error:
        raise NewsrakeError(str(error)) from None
    if not gathered.sources and gathered.skipped:
        more = len(gathered.skipped) - 1
        raise click.UsageError(f"no usable sources: {gathered.skipped[0]}" + (f" (and {more} more)" if more else ""))
    if not gathered.sources:
        raise click.UsageError("no sources: give --seeds FILE, --feed URL or --feeds-file FILE")
    from crawler.early_cleaning import start_cleaning_early
    from pipelines.store import last_crawl_stored_articles

    workers = _clean_workers(overrides)
    if workers is not None and start_cleaning_early(workers, last_crawl_stored_articles(db)):  # before Scrapy loads
        overrides["NEWSRAKE_CLEAN_STARTED_EARLY"] = True
    from crawler.run import build_settings, check_overrides, run_crawl  # Scrapy: imported while the fork server starts
    from pipelines.stats import STORE_ERRORS, outcome, summary_line

    overrides["NEWSRAKE_DB"] = str(db)
    if allow_private:
        overrides["NEWSRAKE_ALLOW_PRIVATE_ADDRESSES"] = True
    if allow_addresses:
        overrides["NEWSRAKE_ALLOW_ADDRESSES"] = list(allow_addresses)
    settings = build_settings(overrides)
    try:
        check_overrides(settings, overrides)
    except SettingError as error:
        raise click.UsageError(str(error)) from None
    check_db(db)
    stats = run_crawl(
        settings,
        seeds=[str(p) for p in seeds],
        feed=list(feeds),
        feeds_file=str(feeds_file) if feeds_file else None,
        since=since_seconds,
    )
    click.echo(summary_line(stats))
    reason = stats.get("finish_reason")
    if reason == "store_error" or stats.get(STORE_ERRORS):
        raise NewsrakeError(f"the crawl stopped: cannot write to {db} (see the log above)")
    if reason == "closespider_timeout":
        click.echo(f"newsrake: stopped at --max-runtime {max_runtime}; the next run goes on from here", err=True)
        return EXIT_OK
    if reason not in (None, "finished"):
        click.echo(f"newsrake: crawl stopped early: {reason}", err=True)
        return EXIT_FAILED
    return EXIT_FAILED if outcome(stats) == "failed" else EXIT_OK


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
    settings_pairs: tuple[str, ...],
) -> int:
    """Fetch the feeds, then every new article page, clean it and store it.

    Articles already in the database are not fetched again and feeds are
    polled with ETag / Last-Modified, so the command is meant to run from
    cron. Prints a one-line summary. Exit codes: 0 success, 1 every feed
    failed or the database cannot be written, 2 usage error, 75 another run
    holds the database (it exits at once).

    \b
    Example:
        newsrake crawl --seeds seeds/default.toml --db news.db
        newsrake crawl --feed https://example.org/rss.xml -s DOWNLOAD_DELAY=2
    """
    if not seeds and not feeds and feeds_file is None:
        seeds = tuple(default_seeds())
    return crawl_into(
        db, seeds, feeds, feeds_file, allow_private_addresses, allow_addresses, settings_pairs,
        since=since, max_runtime=max_runtime, log_file=log_file,
    )  # fmt: skip
