"""Re-running the cleaners over stored raw pages, on every core, with no network.

`reclean` streams the selected stored pages, cleans them in the crawl's cleaning workers (`WorkerPool`: each
page bounded in time and memory, a worker over a bound or dead killed and replaced, the page counted as failed
and its stored article left as it was; a bounded number in flight, so memory stays flat however large the
database), and writes the results back in batched transactions (an article whose text changed gets a new fingerprint and
is placed in its story again): a kill at any moment loses at most the batch in
progress, and the next reclean takes up what is still stale. A database error stops it with `StoreError`.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

from cleaners import Article, FeedEntry
from cleaners.rules import SourceRules
from pipelines import defaults
from pipelines.cleaning.one_page import RecleanResult, RecleanTask, clean_stored, failed_stored
from pipelines.cleaning.worker_pool import WorkerPool
from pipelines.fingerprint import Fingerprint
from pipelines.store import Store, StoredFilter, StoredPage, StoreError

__all__ = [
    "RecleanCounts",
    "RecleanResult",
    "RecleanTask",
    "clean_stored",
    "diff",
    "reclean",
    "tasks",
]

MAX_ERRORS = 50
IN_FLIGHT_PER_WORKER = 4
"""Pages handed to the workers at a time, per worker."""
Progress = Callable[[int, int], None]
"""Called with (pages done, pages in all)."""


@dataclass
class RecleanCounts:
    """Totals of a reclean."""

    cleaned: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: int = 0
    diffs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    """``url: reason`` of the first pages that failed (at most `MAX_ERRORS`)."""
    interrupted: bool = False

    def summary(self, dry_run: bool) -> str:
        """The one-line summary."""
        verb = "would change" if dry_run else "changed"
        return (
            f"newsrake reclean: {self.cleaned} cleaned, {self.changed} {verb}, {self.unchanged} unchanged, "
            f"{self.failed} failed" + (" (interrupted)" if self.interrupted else "")
        )


def _entry(page: StoredPage) -> FeedEntry | None:
    if not any(page.get(column) for column in ("feed_title", "feed_summary", "feed_published_raw", "guid")):
        return None
    return FeedEntry(
        link=page.url,
        title=page.get("feed_title"),
        summary=page.get("feed_summary"),
        guid=page.get("guid"),
        published_raw=page.get("feed_published_raw"),
        published=page.get("feed_published"),
        updated_raw=page.get("feed_updated"),
    )


def tasks(
    store: Store, where: StoredFilter, rules: Mapping[str, SourceRules], batch: int = 200
) -> Iterator[RecleanTask]:
    """The stored pages ``where`` selects, as tasks, streamed; a database error raises `StoreError`."""
    empty = SourceRules()
    try:
        for page in store.stored_pages(where, batch):
            yield RecleanTask(
                page.id, page.url, page.get("final_url"), page.content_type, page.body, _entry(page),
                rules.get(page.get("source") or "", empty), page.get("title"), page.get("text"), page.fetched_at,
            )  # fmt: skip
    except sqlite3.Error as error:
        raise StoreError(f"cannot read {store.path}: {error}") from error


def _save(store: Store, results: list[tuple[int, Article]], new_texts: dict[int, Fingerprint | None]) -> None:
    """Write a batch in one transaction, the articles whose text changed placed in their story again; a
    database error (a full disk) raises `StoreError`, the batch rolled back: its pages stay stale for the next
    reclean."""
    try:
        store.save_recleaned(results, new_texts)
    except sqlite3.Error as error:
        raise StoreError(f"cannot write to {store.path}: {error}") from error
    results.clear()
    new_texts.clear()


def diff(result: RecleanResult) -> str:
    """A unified diff of the old and new text of a changed article."""
    new = result.article.text if result.article else ""
    lines = difflib.unified_diff(
        (result.old_text or "").splitlines(), new.splitlines(), f"{result.url} (stored)", f"{result.url} (now)",
        lineterm="",
    )  # fmt: skip
    return "\n".join(lines)


def reclean(
    store: Store,
    where: StoredFilter,
    *,
    rules: Mapping[str, SourceRules] | None = None,
    jobs: int = 0,
    timeout: float = defaults.CLEAN_TIMEOUT,
    memory_mb: int = defaults.CLEAN_MEMORY_MB,
    dry_run: bool = False,
    show: int = 0,
    batch: int = 100,
    progress: Progress | None = None,
    run_options: Mapping[str, object] | None = None,
) -> RecleanCounts:
    """Clean the selected stored pages again and write back what they give (unless ``dry_run``).

    ``jobs`` worker processes (0: one per core), each page within ``timeout``
    seconds and ``memory_mb`` MB (0: no memory bound), as in a crawl; a page
    over a bound is counted as failed, its stored article left as it is (and
    still stale, if it was). Results are written ``batch`` at a time, each
    batch one transaction. With ``dry_run`` nothing is written and the first
    ``show`` changes are kept as unified diffs. Ctrl-C stops it cleanly: what
    was cleaned so far is written. With ``run_options`` (and not ``dry_run``)
    the reclean is recorded in the run log (``runs``): those options, its
    outcome (``ok``, ``partial`` if a page failed, ``interrupted``, ``failed``)
    and its counts. A database error raises `StoreError`.
    """
    run_id = None if dry_run or run_options is None else store.start_run("reclean", dict(run_options))
    try:
        counts = _clean_again(store, where, rules or {}, jobs or os.cpu_count() or 1, timeout, memory_mb,
                              dry_run, show, batch, progress)  # fmt: skip
        if run_id is not None:
            outcome = "interrupted" if counts.interrupted else "ok" if not counts.failed else "partial"
            numbers = {"cleaned": counts.cleaned, "changed": counts.changed, "unchanged": counts.unchanged,
                       "failed": counts.failed}  # fmt: skip
            store.finish_run(run_id, outcome, {"articles_new": counts.changed, "articles_failed": counts.failed},
                             numbers)  # fmt: skip
    except (StoreError, sqlite3.Error) as error:  # a full disk, say
        if run_id is not None:
            with contextlib.suppress(sqlite3.Error):
                store.finish_run(run_id, "failed", {}, {"error": str(error)})
        if isinstance(error, StoreError):
            raise
        raise StoreError(f"cannot write to {store.path}: {error}") from None
    return counts


def _clean_again(
    store: Store,
    where: StoredFilter,
    rules: Mapping[str, SourceRules],
    jobs: int,
    timeout: float,
    memory_mb: int,
    dry_run: bool,
    show: int,
    batch: int,
    progress: Progress | None,
) -> RecleanCounts:
    total = store.count_pages(where)
    counts = RecleanCounts()
    buffer: list[tuple[int, Article]] = []
    new_texts: dict[int, Fingerprint | None] = {}
    pool = WorkerPool(jobs, timeout, memory_mb, clean_stored, failed_stored, _task_url, report=False)
    try:
        for result in pool.map_unordered(tasks(store, where, rules), jobs * IN_FLIGHT_PER_WORKER):
            counts.cleaned += 1
            if result.article is None:
                counts.failed += 1
                if len(counts.errors) < MAX_ERRORS:
                    counts.errors.append(f"{result.url}: {result.error}")
            elif result.changed:
                counts.changed += 1
                if dry_run and len(counts.diffs) < show:
                    counts.diffs.append(diff(result))
            else:
                counts.unchanged += 1
            if result.article is not None and not dry_run:
                buffer.append((result.article_id, result.article))
                if result.text_changed:
                    new_texts[result.article_id] = result.fingerprint
                if len(buffer) >= batch:
                    _save(store, buffer, new_texts)
            if progress is not None:
                progress(counts.cleaned, total)
    except KeyboardInterrupt:
        counts.interrupted = True
    finally:
        pool.close()
    if buffer:
        _save(store, buffer, new_texts)
    return counts


def _task_url(task: RecleanTask) -> str:
    return task.url
