"""`newsrake stories`: the stories the stored articles fall into, one story's copies, or every story again."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import click

from crawler.commands.common import EXIT_OK, NewsrakeError, check_db, db_option, with_lock
from pipelines import defaults


@click.command()
@db_option
@click.option("--rebuild", is_flag=True, help="Fingerprint every stored text and find every story again.")
@click.option("--show", "show_url", metavar="URL", help="List the articles of the story of the article at URL.")
@click.option("--threshold", type=click.FloatRange(0, 1, min_open=True), default=defaults.STORY_THRESHOLD,
              show_default=True, help="With --rebuild: the estimated similarity at which an article joins a story "
              "(a crawl's is NEWSRAKE_STORY_THRESHOLD).")  # fmt: skip
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def stories(db: Path, rebuild: bool, show_url: str | None, threshold: float, quiet: bool) -> int:
    """Stories: the same article on many sites, or under many URLs.

    Each article is placed in a story when it is stored (by a crawl or a
    reclean): it joins the story of the earliest stored article it copies,
    found by canonical URL, by the same text, or by a MinHash similarity of
    its cleaned text at or above the threshold. Without options, print a
    summary line. --show lists one article's story: the original first, each
    copy with its similarity. --rebuild computes every fingerprint and story
    again, in the order the articles were stored (the same articles always
    make the same stories); it takes the run lock, as a crawl does.

    \b
    Example:
        newsrake stories --db news.db
        newsrake stories --db news.db --show https://example.org/news/1
        newsrake stories --db news.db --rebuild
    """
    if not db.exists():
        raise NewsrakeError(f"database not found: {db}")
    if rebuild:
        if show_url:
            raise click.UsageError("--rebuild and --show go one at a time")
        return with_lock(db, lambda: _rebuild(db, threshold, quiet))
    from crawler.lock import LockOpenError, unless_locked

    try:
        unless_locked(db, lambda: check_db(db))  # brought up to date, unless a run holding the lock did it
    except LockOpenError as error:
        raise NewsrakeError(str(error)) from None
    return _show(db, show_url) if show_url else _summary(db)


def _rebuild(db: Path, threshold: float, quiet: bool) -> int:
    from crawler.progress import ProgressBar
    from pipelines.store import Store, StoreError
    from pipelines.stories import rebuild

    try:
        store = Store.open(db)
    except StoreError as error:
        raise NewsrakeError(str(error)) from None
    store.story_threshold = threshold
    bar = ProgressBar("stories", enabled=False if quiet else None)
    try:
        counts = rebuild(store, progress=bar)
    except StoreError as error:
        raise NewsrakeError(str(error)) from None
    finally:  # Ctrl-C: what was placed is committed; `main` says aborted, exit 130
        bar.close()
        store.close()
    click.echo(counts.summary())
    return EXIT_OK


def _summary(db: Path) -> int:
    from pipelines.store import Store, StoreError
    from pipelines.stories import summarise

    try:
        store = Store.open(db, readonly=True)
        try:
            counts = summarise(store)
        finally:
            store.close()
    except StoreError as error:
        raise NewsrakeError(str(error)) from None
    click.echo(counts.summary())
    return EXIT_OK


def _show(db: Path, url: str) -> int:
    from pipelines.store import Store, StoreError
    from pipelines.stories import find_article

    try:
        store = Store.open(db, readonly=True)
        try:
            article_id = find_article(store, url)
            members = store.story_of(article_id) if article_id is not None else []
        finally:
            store.close()
    except StoreError as error:
        raise NewsrakeError(str(error)) from None
    except sqlite3.Error as error:
        raise NewsrakeError(f"cannot read {db}: {error}") from None
    if article_id is None:
        raise NewsrakeError(f"no stored article at {url}")
    if not members:
        raise NewsrakeError(f"article {article_id} has no story yet: run newsrake stories --rebuild")
    sources = len({m.source for m in members})
    click.echo(f"story {members[0].id}: {len(members)} article(s) from {sources} source(s)")
    for member in members:
        how = "original" if member.role != "copy" else f"copy {member.similarity:.2f} ({member.match})"
        mark = "*" if member.id == article_id else " "
        click.echo(f"{mark} {member.id:>7}  {how:<28} {member.source or '-'}  {member.published or '-'}")
        click.echo(f"           {member.title or '(no title)'}")
        click.echo(f"           {member.url}")
    return EXIT_OK
