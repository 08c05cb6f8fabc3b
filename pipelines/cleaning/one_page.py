"""Cleaning one page, wherever it happens (a cleaning worker, or the crawl's own process), never raising: a
fetched page, paired with its body compressed for storage (a crawl), or a stored one (a reclean). No Scrapy and
no SQLite here: the workers import this."""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass

from cleaners import Article, FeedEntry
from cleaners.rules import SourceRules
from cleaners.version import cleaner_version, failed_version
from pipelines import raw_body
from pipelines.fingerprint import TOO_SHORT, Fingerprint, fingerprint_or_problem
from pipelines.items import FetchedPage

logger = logging.getLogger(__name__)

MEMORY_PROBLEM = "clean-memory: over the memory bound"
"""The reason given for a page whose cleaning ran out of memory (``NEWSRAKE_CLEAN_MEMORY_MB``)."""


def failed_article(fetched: FetchedPage, problem: str) -> Article:
    """The record of a page that could not be cleaned: no text, the reason, the feed's title, and a version
    no cleaner has (`failed_version`), so that the next default reclean tries it again."""
    page = fetched.page
    return Article(
        url=page.url,
        final_url=page.final_url,
        title=fetched.entry.title if fetched.entry else None,
        feed_entry=fetched.entry,
        cleaner_version=failed_version(cleaner_version()),
        problems=(problem,),
    )


Cleaned = tuple[Article, raw_body.Compressed, Fingerprint | None]
"""A cleaned page ready to store: the article, the page's body compressed and the text's fingerprint."""


def fingerprinted(article: Article) -> tuple[Article, Fingerprint | None]:
    """``article`` and its text's fingerprint (`pipelines.fingerprint`), never raising: a text too short to
    fingerprint, or a failure, gives None and says why in the article's problems."""
    found, problem = fingerprint_or_problem(article.text)
    if problem is None or problem in article.problems:
        return article, found
    logger.log(logging.DEBUG if problem == TOO_SHORT else logging.WARNING, "%s: %s", problem, article.url)
    return dataclasses.replace(article, problems=(*article.problems, problem)), None


def with_body(fetched: FetchedPage, article: Article, *, stories: bool = True) -> Cleaned:
    """``article`` with its page's body compressed for storage and, with ``stories``, its fingerprint, where the
    page was cleaned (a worker)."""
    article, found = fingerprinted(article) if stories else (article, None)
    return article, raw_body.compress(fetched.page.body), found


def failed(fetched: FetchedPage, problem: str) -> Cleaned:
    """A page that could not be cleaned, ready to store: the reason, and its raw body kept for a reclean."""
    return failed_article(fetched, problem), raw_body.compress(fetched.page.body), None


def cleaned(fetched: FetchedPage) -> Cleaned:
    """A page cleaned here and now (`clean_fetched`), with its fingerprint, ready to store."""
    return with_body(fetched, clean_fetched(fetched))


def cleaned_without_fingerprint(fetched: FetchedPage) -> Cleaned:
    """`cleaned`, with no fingerprint (story detection off: ``NEWSRAKE_STORIES``)."""
    return with_body(fetched, clean_fetched(fetched), stories=False)


def clean_fetched(fetched: FetchedPage) -> Article:
    """Clean one fetched page; a cleaner crash becomes an empty article with the reason, never lost."""
    from cleaners.page import clean_page  # loaded where pages are cleaned: a worker, not the crawl's loop

    page = fetched.page
    try:
        return clean_page(
            page.body,
            page.url,
            final_url=page.final_url,
            content_type=page.content_type,
            feed_entry=fetched.entry,
            rules=fetched.rules,
            reference=page.fetched_at,  # the dates are read against the fetch time, not the clock
        )
    except MemoryError:  # over a worker's memory bound
        return failed_article(fetched, MEMORY_PROBLEM)
    except Exception as error:  # noqa: BLE001 - a bad page must not stop the run; the raw page is kept
        logger.warning("cleaning failed: %s (%s: %s)", page.url, type(error).__name__, error)
        return failed_article(fetched, f"clean-error: {type(error).__name__}")


@dataclass(frozen=True)
class RecleanTask:
    """One stored page to clean again (picklable: it crosses to a worker process)."""

    article_id: int
    url: str
    final_url: str | None
    content_type: str | None
    body: raw_body.Compressed
    """As stored: decompressed in the worker."""
    entry: FeedEntry | None
    rules: SourceRules
    old_title: str | None
    old_text: str | None
    fetched_at: str | None = None
    """When the page was fetched (ISO 8601, as stored): its dates are read against this, not the clock."""


@dataclass(frozen=True)
class RecleanResult:
    """What cleaning a stored page again gave."""

    article_id: int
    url: str
    article: Article | None
    error: str | None
    changed: bool
    old_text: str | None
    fingerprint: Fingerprint | None = None
    """The new text's fingerprint (None when too short, or when the page could not be cleaned)."""

    @property
    def text_changed(self) -> bool:
        """The text differs from the stored one (its fingerprint and story are then found again)."""
        return self.article is not None and (self.article.text or "") != (self.old_text or "")


def clean_stored(task: RecleanTask) -> RecleanResult:
    """Clean one stored page again (in a worker process); a failure is returned, never raised."""
    from cleaners.page import clean_page  # loaded where pages are cleaned

    try:
        article = clean_page(
            task.body.page(),
            task.url,
            final_url=task.final_url,
            content_type=task.content_type,
            feed_entry=task.entry,
            rules=task.rules,
            reference=task.fetched_at,
        )
    except MemoryError:  # over the worker's memory bound
        return failed_stored(task, MEMORY_PROBLEM)
    except Exception as error:  # noqa: BLE001 - one bad page must not stop the reclean
        return failed_stored(task, f"{type(error).__name__}: {error}")
    changed = article.text != (task.old_text or "") or article.title != task.old_title
    article, found = fingerprinted(article)
    return RecleanResult(task.article_id, task.url, article, None, changed, task.old_text, found)


def failed_stored(task: RecleanTask, reason: str) -> RecleanResult:
    """A stored page that could not be cleaned again: the reason; the stored article is left as it is."""
    return RecleanResult(task.article_id, task.url, None, reason, False, task.old_text)
