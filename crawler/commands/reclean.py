"""`newsrake reclean`: clean the stored raw pages again with the current cleaners, no network."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import click

from crawler.commands.common import EXIT_INTERRUPTED, EXIT_OK, NewsrakeError, db_option, default_seeds, with_lock
from pipelines import defaults


@click.command()
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
              help="NEWSRAKE_CLEAN_TIMEOUT (seconds) or NEWSRAKE_CLEAN_MEMORY_MB: each page's bounds, as in a crawl; "
                   "NEWSRAKE_STORIES or NEWSRAKE_STORY_THRESHOLD: stories, as in a crawl (repeatable).")  # fmt: skip
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
    reported in one line and its stored article left as it is. An article
    whose text changes gets a new fingerprint and is placed in its story
    again (see newsrake stories).

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
    job = _Job(db, everything, sources, since_iso, urls, seeds, jobs, dry_run, show, quiet, _settings(settings_pairs))
    return with_lock(db, lambda: _reclean(job))


_SETTINGS = ("NEWSRAKE_CLEAN_TIMEOUT", "NEWSRAKE_CLEAN_MEMORY_MB", "NEWSRAKE_STORIES", "NEWSRAKE_STORY_THRESHOLD")
_BOOLEANS = {"1": True, "true": True, "0": False, "false": False}
"""What Scrapy's ``getbool`` takes, as a crawl reads ``-s NEWSRAKE_STORIES``."""


@dataclass(frozen=True)
class _Settings:
    """The ``-s`` settings a reclean takes, as a crawl reads them, with the crawl's defaults."""

    timeout: float = defaults.CLEAN_TIMEOUT
    memory_mb: int = defaults.CLEAN_MEMORY_MB
    stories: bool = defaults.STORIES
    """Whether changed texts are placed in stories again."""
    story_threshold: float = defaults.STORY_THRESHOLD


def _settings(pairs: Sequence[str]) -> _Settings:
    """The ``-s`` pairs of a reclean, checked; a usage error else."""
    from crawler.options import SettingError, parse_overrides

    try:
        overrides = parse_overrides(list(pairs))
    except SettingError as error:
        raise click.UsageError(str(error)) from None
    unknown = sorted(set(overrides) - set(_SETTINGS))
    if unknown:
        raise click.UsageError(f"reclean takes only {', '.join(_SETTINGS)}, not {', '.join(unknown)}")
    given = _Settings()
    try:
        stories = overrides.get("NEWSRAKE_STORIES")
        if stories is not None and stories.strip().lower() not in _BOOLEANS:
            raise ValueError(f"NEWSRAKE_STORIES={stories!r}: expected true or false")
        given = _Settings(
            float(overrides.get("NEWSRAKE_CLEAN_TIMEOUT", given.timeout)),
            int(overrides.get("NEWSRAKE_CLEAN_MEMORY_MB", given.memory_mb)),
            given.stories if stories is None else _BOOLEANS[stories.strip().lower()],
            float(overrides.get("NEWSRAKE_STORY_THRESHOLD", given.story_threshold)),
        )
    except ValueError as error:
        raise click.UsageError(f"bad setting: {error}") from None
    if not given.timeout > 0 or given.memory_mb < 0:
        raise click.UsageError("NEWSRAKE_CLEAN_TIMEOUT must be over 0 and NEWSRAKE_CLEAN_MEMORY_MB 0 or more")
    if not 0 < given.story_threshold <= 1:
        raise click.UsageError("NEWSRAKE_STORY_THRESHOLD must be over 0 and at most 1")
    return given


@dataclass(frozen=True)
class _Job:
    """What one reclean is asked to do, its options checked."""

    db: Path
    everything: bool
    sources: tuple[str, ...]
    since: str | None
    urls: tuple[str, ...]
    seeds: tuple[Path, ...]
    jobs: int
    dry_run: bool
    show: int
    quiet: bool
    settings: _Settings


def _reclean(job: _Job) -> int:
    from cleaners import CLEANER_VERSION
    from crawler.progress import ProgressBar
    from crawler.sources import SourceError, gather_sources
    from pipelines.reclean import reclean
    from pipelines.store import Store, StoredFilter, StoreError

    try:
        known = gather_sources(job.seeds or default_seeds(), [], None)
    except SourceError as error:
        raise NewsrakeError(str(error)) from None
    rules = {source.name: source.rules for source in known if source.rules}
    where = StoredFilter(
        stale_for=None if job.everything else CLEANER_VERSION,
        stale_for_sources=tuple((name, f"{CLEANER_VERSION}.rules-{r.digest}") for name, r in rules.items()),
        sources=job.sources,
        since=job.since,
        urls=job.urls,
    )
    try:
        store = Store.open(job.db)
    except StoreError as error:
        raise NewsrakeError(str(error)) from None
    store.stories_enabled, store.story_threshold = job.settings.stories, job.settings.story_threshold
    bar = ProgressBar("recleaning", enabled=False if job.quiet else None)
    timeout, memory_mb = job.settings.timeout, job.settings.memory_mb
    try:
        counts = reclean(store, where, rules=rules, jobs=job.jobs, timeout=timeout, memory_mb=memory_mb,
                         dry_run=job.dry_run, show=job.show, progress=bar,
                         run_options={"all": job.everything, "sources": list(job.sources)})  # fmt: skip
    except StoreError as error:
        raise NewsrakeError(str(error)) from None
    finally:
        bar.close()
        store.close()
    for problem in counts.errors:
        click.echo(f"newsrake: cleaning failed: {problem}", err=True)
    for text in counts.diffs:
        click.echo(text)
    click.echo(counts.summary(job.dry_run))
    if counts.interrupted:
        return EXIT_INTERRUPTED
    return EXIT_OK
