"""Re-running the cleaners over stored raw pages, on every core, with no network.

`reclean` streams the selected stored pages, cleans them in a pool of worker
processes (a bounded number in flight, so memory stays flat however large
the database), and writes the results back in batched transactions: a kill
at any moment loses at most the batch in progress, and the next reclean
takes up what is still stale.
"""

from __future__ import annotations

import difflib
import multiprocessing
import os
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field

from cleaners import Article, FeedEntry, clean_page
from cleaners.rules import SourceRules
from pipelines.raw_body import Compressed
from pipelines.store import Store, StoredFilter, StoredPage
from pipelines.worker_process import warm_up, worker_setup

MAX_ERRORS = 50
Progress = Callable[[int, int], None]
"""Called with (pages done, pages in all)."""


@dataclass(frozen=True)
class RecleanTask:
    """One stored page to clean again (picklable: it crosses to a worker process)."""

    article_id: int
    url: str
    final_url: str | None
    content_type: str | None
    body: Compressed
    """As stored: decompressed in the worker."""
    entry: FeedEntry | None
    rules: SourceRules
    old_title: str | None
    old_text: str | None


@dataclass(frozen=True)
class RecleanResult:
    """What cleaning a stored page again gave."""

    article_id: int
    url: str
    article: Article | None
    error: str | None
    changed: bool
    old_text: str | None


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


def clean_stored(task: RecleanTask) -> RecleanResult:
    """Clean one stored page (runs in a worker process); a failure is returned, never raised."""
    try:
        article = clean_page(
            task.body.page(),
            task.url,
            final_url=task.final_url,
            content_type=task.content_type,
            feed_entry=task.entry,
            rules=task.rules,
        )
    except Exception as error:  # noqa: BLE001 - one bad page must not stop the reclean
        return RecleanResult(task.article_id, task.url, None, f"{type(error).__name__}: {error}", False, None)
    changed = article.text != (task.old_text or "") or article.title != task.old_title
    return RecleanResult(task.article_id, task.url, article, None, changed, task.old_text)


def _entry(page: StoredPage) -> FeedEntry | None:
    if not any((page.feed_title, page.feed_summary, page.feed_published_raw, page.guid)):
        return None
    return FeedEntry(
        link=page.url,
        title=page.feed_title,
        summary=page.feed_summary,
        guid=page.guid,
        published_raw=page.feed_published_raw,
        published=page.feed_published,
        updated_raw=page.feed_updated,
    )


def tasks(
    store: Store, where: StoredFilter, rules: Mapping[str, SourceRules], batch: int = 200
) -> Iterator[RecleanTask]:
    """The stored pages ``where`` selects, as tasks, streamed."""
    empty = SourceRules()
    for page in store.stored_pages(where, batch):
        yield RecleanTask(
            page.id, page.url, page.final_url, page.content_type, page.body, _entry(page),
            rules.get(page.source or "", empty), page.title, page.text,
        )  # fmt: skip


def _results(jobs: int, work: Iterator[RecleanTask]) -> Iterator[RecleanResult]:
    """Clean every task, in worker processes when ``jobs`` > 1, at most ``jobs * 4`` in flight."""
    if jobs <= 1:
        yield from map(clean_stored, work)
        return
    warm_up()  # forked workers inherit a warmed-up cleaner instead of each paying for it
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=worker_setup) as pool:
        pending: set[Future[RecleanResult]] = set()
        try:
            for task in work:
                pending.add(pool.submit(clean_stored, task))
                if len(pending) >= jobs * 4:
                    done, pending = wait(pending, return_when=FIRST_COMPLETED)
                    yield from (future.result() for future in done)
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                yield from (future.result() for future in done)
        finally:
            for future in pending:
                future.cancel()


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
    dry_run: bool = False,
    show: int = 0,
    batch: int = 100,
    progress: Progress | None = None,
) -> RecleanCounts:
    """Clean the selected stored pages again and write back what they give (unless ``dry_run``).

    ``jobs`` worker processes (0: one per core); results are written ``batch``
    at a time, each batch one transaction. With ``dry_run`` nothing is
    written and the first ``show`` changes are kept as unified diffs.
    Ctrl-C stops it cleanly: what was cleaned so far is written.
    """
    jobs = jobs or os.cpu_count() or 1
    total = store.count_pages(where)
    counts = RecleanCounts()
    buffer: list[tuple[int, Article]] = []
    try:
        for result in _results(jobs, tasks(store, where, rules or {})):
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
                if len(buffer) >= batch:
                    store.save_recleaned(buffer)
                    buffer.clear()
            if progress is not None:
                progress(counts.cleaned, total)
    except KeyboardInterrupt:
        counts.interrupted = True
    if buffer:
        store.save_recleaned(buffer)
    return counts
