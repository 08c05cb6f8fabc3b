"""The `newsrake` command: a thin click layer over the crawler, the cleaners and the store."""

from __future__ import annotations

import gzip
import json
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from crawler.lock import RunLock

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_LOCKED = 75  # EX_TEMPFAIL: another run holds the database; try again at the next tick


class NewsrakeError(click.ClickException):
    """An error the user can act on: printed as one line, exit code 1."""

    exit_code = EXIT_FAILED


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newsrake")
def cli() -> None:
    """newsrake: news feeds to clean article text in one SQLite file.

    \b
    Example:
        newsrake demo                       # crawl the bundled demo site
        newsrake crawl --seeds seeds/default.toml --db news.db
        datasette news.db
    """


def _check_db(db: Path) -> None:
    """Open (create, migrate) the database, or fail with one line."""
    from pipelines.store import Store, StoreError

    try:
        Store.open(db).close()
    except StoreError as error:
        raise NewsrakeError(str(error)) from None


def _check_db_unless_running(db: Path) -> None:
    """`_check_db` under the run lock: brings the schema up to date (views, triggers) before Datasette reads
    it. If a run holds the lock, that run brought it up to date when it started: nothing to do."""
    from crawler.lock import LockHeldError

    try:
        lock = _lock(db)
    except LockHeldError:
        return
    try:
        _check_db(db)
    finally:
        lock.release()


def _start_cleaning_now(overrides: dict[str, Any], last_crawl_stored: bool) -> bool:
    """Start the cleaning workers' fork server with the command, rather than with the first article request,
    when the last crawl stored articles (this one most likely will too) and the workers are not turned off.
    It then loads the cleaner while Scrapy starts; a run that finds nothing new after one that did costs
    half a second of CPU more, and a run after one that found nothing costs nothing more."""
    try:
        workers = int(overrides.get("NEWSRAKE_CLEAN_WORKERS", -1))
    except (TypeError, ValueError):
        return False  # reported when the settings are built
    if not last_crawl_stored or workers == 0:
        return False
    from pipelines.clean_workers import start_fork_server

    start_fork_server()
    return True


def _crawl(
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
    if not db.parent.is_dir():
        raise NewsrakeError(f"cannot create database {db}: directory {db.parent} does not exist")
    if log_file is not None:
        try:
            log_file.open("a", encoding="utf-8").close()
        except OSError as error:
            raise NewsrakeError(f"cannot write the log file {log_file}: {error.strerror or error}") from None
    return _with_lock(
        db,
        lambda: _crawl_locked(
            db, seeds, feeds, feeds_file, allow_private, allow_addresses, settings_pairs,
            extra, since, max_runtime, log_file,
        ),
    )  # fmt: skip


def _lock(db: Path) -> RunLock:
    """The database's run lock, taken: `LockHeldError` if another run holds it, a one-line error if the lock
    file cannot be opened."""
    from crawler.lock import RunLock

    lock = RunLock(db)
    try:
        return lock.acquire()
    except OSError as error:
        raise NewsrakeError(f"cannot lock {db}: {error.strerror or error}") from None


def _with_lock(db: Path, work: Callable[[], int]) -> int:
    """Run ``work`` holding the database's run lock; exit code 75 at once if another run holds it. Only
    taking the lock is reported as a lock error: what ``work`` raises is its own."""
    from crawler.lock import LockHeldError

    try:
        lock = _lock(db)
    except LockHeldError as error:
        click.echo(f"newsrake: {error}; not starting (exit {EXIT_LOCKED})", err=True)
        return EXIT_LOCKED
    try:
        return work()
    finally:
        lock.release()


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
    from pipelines.store import last_crawl_stored_articles

    if _start_cleaning_now(overrides, last_crawl_stored_articles(db)):  # before the storage driver loads
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
    _check_db(db)
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


def _default_seeds() -> list[Path]:
    folder = Path("seeds")
    return sorted(folder.glob("*.toml")) if folder.is_dir() else []


db_option = click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    default="news.db",
    show_default=True,
    help="The SQLite file to write.",
)


@cli.command()
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
        seeds = tuple(_default_seeds())
    return _crawl(
        db, seeds, feeds, feeds_file, allow_private_addresses, allow_addresses, settings_pairs,
        since=since, max_runtime=max_runtime, log_file=log_file,
    )  # fmt: skip


@cli.command()
@db_option
@click.option("--all", "everything", is_flag=True, help="Clean every stored article, not only the stale ones.")
@click.option("--source", "sources", multiple=True, metavar="NAME", help="Only this source (repeatable).")
@click.option("--since", metavar="DATE", help="Only articles fetched on or after this date (ISO 8601).")
@click.option("--url", "urls", multiple=True, metavar="URL", help="Only this article (repeatable).")
@click.option("--seeds", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Seeds files with the sources' own rules. Default: seeds/*.toml here.")  # fmt: skip
@click.option("--jobs", type=click.IntRange(0), default=0, show_default="all cores", help="Worker processes.")
@click.option("--dry-run", is_flag=True, help="Count what would change and show diffs; write nothing.")
@click.option("--show", type=click.IntRange(0), default=3, show_default=True, help="Diffs shown by --dry-run.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("-s", "settings_pairs", multiple=True, metavar="NAME=VALUE",
              help="NEWSRAKE_CLEAN_TIMEOUT (seconds) or NEWSRAKE_CLEAN_MEMORY_MB: each page's bounds, as in a crawl "
                   "(repeatable).")  # fmt: skip
def reclean(
    db: Path,
    everything: bool,
    sources: tuple[str, ...],
    since: str | None,
    urls: tuple[str, ...],
    seeds: tuple[Path, ...],
    jobs: int,
    dry_run: bool,
    show: int,
    quiet: bool,
    settings_pairs: tuple[str, ...],
) -> int:
    """Clean the stored raw pages again with the current cleaners: no network.

    By default only articles cleaned by another cleaner version (stale ones)
    are cleaned again; the text, metadata and audit trail of each are
    updated, in batches of one transaction each. Safe to interrupt (Ctrl-C or
    kill): the next reclean goes on with what is still stale. A crawl
    started meanwhile exits with code 75, and so does a reclean started
    during a crawl. Each page is cleaned within the crawl's bounds
    (NEWSRAKE_CLEAN_TIMEOUT, NEWSRAKE_CLEAN_MEMORY_MB): a page over one is
    reported in one line and its stored article left as it is.

    \b
    Example:
        newsrake reclean --db news.db
        newsrake reclean --db news.db --dry-run --show 5
        newsrake reclean --db news.db --all --source "BBC News: World" --jobs 2
    """
    if not db.exists():
        raise NewsrakeError(f"database not found: {db}")
    since_iso = None
    if since:
        from dateutil.parser import isoparse

        from cleaners.dates import to_iso_utc

        try:
            since_iso = to_iso_utc(isoparse(since))
        except (ValueError, OverflowError):
            raise click.UsageError(f"bad date for --since: {since!r} (use ISO 8601, e.g. 2026-11-01)") from None
    bounds = _clean_bounds(settings_pairs)
    return _with_lock(
        db, lambda: _reclean(db, everything, sources, since_iso, urls, seeds, jobs, dry_run, show, quiet, bounds)
    )


def _clean_bounds(pairs: Sequence[str]) -> tuple[float, int]:
    """The per-page bounds (seconds, MB) from ``-s`` pairs, with the crawl's defaults; a usage error else."""
    from crawler.options import SettingError, parse_overrides
    from pipelines.clean_workers import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT

    try:
        overrides = parse_overrides(list(pairs))
    except SettingError as error:
        raise click.UsageError(str(error)) from None
    unknown = sorted(set(overrides) - {"NEWSRAKE_CLEAN_TIMEOUT", "NEWSRAKE_CLEAN_MEMORY_MB"})
    if unknown:
        raise click.UsageError(
            f"reclean takes only NEWSRAKE_CLEAN_TIMEOUT and NEWSRAKE_CLEAN_MEMORY_MB, not {', '.join(unknown)}"
        )
    try:
        timeout = float(overrides.get("NEWSRAKE_CLEAN_TIMEOUT", DEFAULT_TIMEOUT))
        memory_mb = int(overrides.get("NEWSRAKE_CLEAN_MEMORY_MB", DEFAULT_MEMORY_MB))
    except ValueError as error:
        raise click.UsageError(f"bad setting: {error}") from None
    if not timeout > 0 or memory_mb < 0:
        raise click.UsageError("NEWSRAKE_CLEAN_TIMEOUT must be over 0 and NEWSRAKE_CLEAN_MEMORY_MB 0 or more")
    return timeout, memory_mb


def _reclean(
    db: Path,
    everything: bool,
    sources: tuple[str, ...],
    since: str | None,
    urls: tuple[str, ...],
    seeds: tuple[Path, ...],
    jobs: int,
    dry_run: bool,
    show: int,
    quiet: bool,
    bounds: tuple[float, int],
) -> int:
    import contextlib
    import sqlite3

    from cleaners import CLEANER_VERSION
    from crawler.progress import ProgressBar
    from crawler.sources import SourceError, gather_sources
    from pipelines.reclean import reclean as run_reclean
    from pipelines.store import Store, StoredFilter, StoreError

    try:
        known = gather_sources(seeds or _default_seeds(), [], None)
    except SourceError as error:
        raise NewsrakeError(str(error)) from None
    rules = {source.name: source.rules for source in known if source.rules}
    where = StoredFilter(
        stale_for=None if everything else CLEANER_VERSION,
        stale_for_sources=tuple((name, f"{CLEANER_VERSION}.rules-{r.digest}") for name, r in rules.items()),
        sources=sources,
        since=since,
        urls=urls,
    )
    try:
        store = Store.open(db)
    except StoreError as error:
        raise NewsrakeError(str(error)) from None
    run_id = None
    try:
        run_id = None if dry_run else store.start_run("reclean", {"all": everything, "sources": list(sources)})
        bar = ProgressBar("recleaning", enabled=False if quiet else None)
        timeout, memory_mb = bounds
        counts = run_reclean(store, where, rules=rules, jobs=jobs, timeout=timeout, memory_mb=memory_mb,
                             dry_run=dry_run, show=show, progress=bar)  # fmt: skip
        bar.close()
        for problem in counts.errors:
            click.echo(f"newsrake: cleaning failed: {problem}", err=True)
        if run_id is not None:
            outcome = "interrupted" if counts.interrupted else "ok" if not counts.failed else "partial"
            numbers = {"cleaned": counts.cleaned, "changed": counts.changed, "unchanged": counts.unchanged,
                       "failed": counts.failed}  # fmt: skip
            store.finish_run(run_id, outcome, {"articles_new": counts.changed, "articles_failed": counts.failed},
                             numbers)  # fmt: skip
    except (StoreError, sqlite3.Error) as error:  # a full disk, say: one line, and the run marked failed if it can be
        if run_id is not None:
            with contextlib.suppress(sqlite3.Error):
                store.finish_run(run_id, "failed", {}, {"error": str(error)})
        raise NewsrakeError(str(error) if isinstance(error, StoreError) else f"cannot write to {db}: {error}") from None
    finally:
        store.close()
    for text in counts.diffs:
        click.echo(text)
    click.echo(counts.summary(dry_run))
    if counts.interrupted:
        return 130
    return EXIT_OK


@cli.command()
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default="news.db", show_default=True,
              help="The SQLite file to serve.")  # fmt: skip
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8001, show_default=True, help="Port to listen on.")
@click.option("--write-config", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="Write the Datasette metadata to FILE (for plain `datasette -m FILE`) and exit.")  # fmt: skip
def serve(db: Path, host: str, port: int, write_config: Path | None) -> int:
    """Browse and search the file with Datasette, set up for newsrake.

    Titles and descriptions for every table and column, full-text search on
    the articles, facets by source, language and day, and stored queries
    (latest articles, failing feeds, what the cleaners removed, ...). Datasette
    only reads: a crawl can write to the file meanwhile.

    \b
    Example:
        newsrake serve --db news.db            # then open http://127.0.0.1:8001/
        newsrake serve --db news.db --write-config newsrake-datasette.json
        datasette news.db -m newsrake-datasette.json
    """
    from crawler.datasette_metadata import datasette_metadata

    metadata = json.dumps(datasette_metadata(db.stem), indent=2, ensure_ascii=False)
    if write_config is not None:
        try:
            write_config.write_text(metadata + "\n", encoding="utf-8")
        except OSError as error:
            raise NewsrakeError(f"cannot write {write_config}: {error.strerror or error}") from None
        click.echo(f"wrote {write_config}; use it with: datasette {db} -m {write_config}", err=True)
        return EXIT_OK
    if not db.exists():
        raise NewsrakeError(f"database not found: {db}")
    _check_db_unless_running(db)
    with tempfile.TemporaryDirectory() as tmp:
        metadata_file = Path(tmp) / "metadata.json"
        metadata_file.write_text(metadata, encoding="utf-8")
        command = [sys.executable, "-m", "datasette", "serve", str(db), "-m", str(metadata_file),
                   "--host", host, "--port", str(port), "--setting", "sql_time_limit_ms", "5000"]  # fmt: skip
        click.echo(f"newsrake serve: http://{host}:{port}/ (Ctrl-C to stop)", err=True)
        return _run_until_stopped(command)


def _run_until_stopped(command: list[str]) -> int:
    """Run ``command`` (Datasette) until it exits; Ctrl-C, SIGTERM or SIGHUP to this process stops it too,
    so that stopping ``newsrake serve`` never leaves a server behind."""
    process = subprocess.Popen(command)
    stopped = False

    def stop(signum: int, frame: object) -> None:
        nonlocal stopped
        stopped = True
        process.terminate()

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        code = process.wait()
    except KeyboardInterrupt:
        stopped = True
        process.terminate()
        code = process.wait(timeout=30)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return EXIT_OK if stopped else code


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--url", help="The URL the page was fetched from (with a single FILE).")
def extract(files: tuple[Path, ...], url: str | None) -> int:
    """Clean saved pages (.html or .html.gz): one JSON object per file on stdout.

    Each object has path, url (given, or the page's canonical URL), title,
    text, published, authors and the other article fields. A file that
    cannot be read gives an object with an "error" key and exit code 1.

    \b
    Example:
        newsrake extract saved/*.html.gz > articles.jsonl
    """
    from cleaners import clean_page

    if url and len(files) > 1:
        raise click.UsageError("--url needs exactly one FILE")
    status = EXIT_OK
    for path in files:
        try:
            raw = path.read_bytes()
            if path.suffix == ".gz":
                raw = gzip.decompress(raw)
        except (OSError, EOFError, gzip.BadGzipFile) as error:
            click.echo(f"newsrake: cannot read {path}: {getattr(error, 'strerror', None) or error}", err=True)
            click.echo(json.dumps({"path": str(path), "error": str(error)}, ensure_ascii=False))
            status = EXIT_FAILED
            continue
        article = clean_page(raw, url or "")
        record = {"path": str(path), **article.to_dict()}
        record["url"] = url or article.canonical_url
        record.pop("final_url", None)
        click.echo(json.dumps(record, ensure_ascii=False))
    return status


@cli.command()
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    default="newsrake-demo.db",
    show_default=True,
    help="The SQLite file to write.",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8642,
    show_default=True,
    help="Port for the demo site on 127.0.0.1 (a free one is used if it is taken; 0 for any).",
)
def demo(db: Path, port: int) -> int:
    """Serve the bundled demo news site on 127.0.0.1 and crawl it into a SQLite file.

    Needs no internet. Three publishers (RSS 2.0, Atom and RSS 1.0 feeds;
    one found from its homepage) with pages full of the boilerplate that
    newsrake cleans away.

    \b
    Example:
        newsrake demo && datasette newsrake-demo.db
    """
    from crawler.demo.server import LoopbackServer
    from crawler.demo.site import demo_seeds, site_routes

    with LoopbackServer(site_routes, port=port) as server, tempfile.TemporaryDirectory() as tmp:
        seeds = Path(tmp) / "demo.toml"
        seeds.write_text(demo_seeds(server.base_url), encoding="utf-8")
        click.echo(f"newsrake demo: serving the demo site at {server.base_url}/", err=True)
        status = _crawl(
            db,
            [seeds],
            [],
            None,
            False,
            [server.address],
            [],
            extra={"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False},
        )
    click.echo(f"\nThe articles are in {db}. Browse and search them with Datasette:\n\n    datasette {db}\n")
    return status


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point: run the command; errors become one line on stderr and an exit code."""
    try:
        result = cli.main(args=list(argv) if argv is not None else None, prog_name="newsrake", standalone_mode=False)
    except click.UsageError as error:
        hint = f" (see '{error.ctx.command_path} --help')" if error.ctx else ""
        click.echo(f"newsrake: error: {error.format_message()}{hint}", err=True)
        sys.exit(EXIT_USAGE)
    except click.ClickException as error:
        click.echo(f"newsrake: error: {error.format_message()}", err=True)
        sys.exit(error.exit_code)
    except click.Abort:
        click.echo("newsrake: aborted", err=True)
        sys.exit(130)
    sys.exit(result if isinstance(result, int) else EXIT_OK)


if __name__ == "__main__":
    main()
