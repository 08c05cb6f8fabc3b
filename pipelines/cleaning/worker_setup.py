"""What a cleaning worker process - of a crawl or of a reclean - does before its first page.

The parent (or the crawl's fork server) warms the cleaner up once, so that every worker forked from it starts
warm and shares those pages; each worker then leaves Ctrl-C to the parent and dies with it.
"""

from __future__ import annotations

import signal

from pipelines.process_memory import collect_less_often, libc_function

PR_SET_PDEATHSIG = 1

_WARM_UP_PAGE = (  # no declared language, so that the language model loads too
    "<html><head><title>Warm-up</title></head><body><article><h1>Warm-up</h1>"
    + "<p>A paragraph of plain text that exercises every stage of the cleaners once.</p>" * 8
    + "<p>Follow us on Google News.</p></article></body></html>"
)
_SHORT_PAGE = (
    "<html><body><article><p>A short page, which takes the extractor's fallback path.</p></article></body></html>"
)


def warm_up(*, fallbacks: bool = True) -> None:
    """Clean a small page and fingerprint a text: loads the language model, the note model and rensa, compiles
    the rule tables, primes trafilatura; and with ``fallbacks`` a short one too, which primes the extractor's
    fallbacks (jusText's stop words of every language: 0.15 s of the 0.2 that warming up takes).

    Without them a worker primes the fallbacks itself on its first page that needs them (one in fifty or
    so): each worker then pays that 0.15 s, but the crawl's workers can start that much sooner, and a cron
    run that meets no such page never pays it."""
    from cleaners.note_model import shipped_model
    from cleaners.page import clean_page  # only where pages are cleaned: not in the crawl's main process
    from pipelines.fingerprint import fingerprint

    clean_page(_WARM_UP_PAGE, "https://example.org/warm-up")
    shipped_model()  # the warm-up page's text is too short for the note model, which every longer one loads
    fingerprint(" ".join(["warm"] * 60))  # loads rensa
    if fallbacks:
        clean_page(_SHORT_PAGE, "https://example.org/warm-up-short")


def worker_setup() -> None:
    """In each worker: leave Ctrl-C to the parent, die with the parent (Linux), never orphaned, and collect
    garbage less often (`collect_less_often`)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    collect_less_often()
    prctl = libc_function("prctl")
    if prctl is not None:  # not Linux: workers notice the parent is gone when their pipe or queue breaks
        prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
