"""A cleaning worker's loop: the code that runs in each worker process of a crawl or a reclean.

Kept apart from `pipelines.cleaning.worker_pool` (the parent's side: processes, pipes, feeder threads, asyncio) so that
the workers' fork server, which loads this before it forks any worker, loads nothing a worker does not run.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import queue
import resource
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pipelines.cleaning.one_page  # noqa: F401 - what the workers run, loaded once in the fork server
from cleaners.pattern_cache import save_patterns
from pipelines.cleaning.worker_setup import worker_setup
from pipelines.process_memory import one_heap, release_free_memory

TRIM_EVERY = 32
"""A worker hands its free heap memory back to the system every this many pages."""
SAVE_PATTERNS_AFTER = 50
"""A worker that has compiled this many new patterns writes them to the pattern cache when no page next waits for it
(`cleaners.pattern_cache`): a run's last few are compiled again by the next run, which may then write them."""


def limit_memory(megabytes: int) -> None:
    """Cap this process's address space at what it uses now plus ``megabytes``."""
    pages = int(Path("/proc/self/statm").read_text().split()[0])
    used = pages * resource.getpagesize()
    limit = used + megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def serve(conn: Connection, memory_mb: int, work: Callable[[Any], Any], fail: Callable[[Any, str], Any]) -> None:
    """A worker (forked warm, see `fork_server_preload`): run ``work`` on each page it is sent (a crawl's
    `one_page.cleaned`: the article and the compressed body; a reclean's `one_page.clean_stored`) and send back
    what it gives, or ``fail(page, reason)`` on MemoryError.

    A reader thread takes the next page off the pipe while the last is cleaned."""
    worker_setup()
    one_heap()
    pages: queue.Queue[object | None] = queue.Queue(maxsize=1)
    bounded = threading.Event()
    threading.Thread(target=_receive, args=(conn, pages, bounded), name="clean-reader", daemon=True).start()
    if memory_mb:  # once the thread's stack is mapped: the bound is on the pages and their cleaning
        with contextlib.suppress(OSError, ValueError):
            limit_memory(memory_mb)
    bounded.set()
    for count in itertools.count(1):
        if count % TRIM_EVERY == 0:
            release_free_memory()
        page = pages.get()
        if page is None:
            return
        try:
            result = work(page)
        except MemoryError:
            result = fail(page, f"clean-memory: over {memory_mb} MB")
        if pages.empty():  # no page waiting: keep what this worker compiled, before the parent has the result
            save_patterns(at_least=SAVE_PATTERNS_AFTER)  # (a crawl kills its workers once it has the last one)
        conn.send(result)


def _receive(conn: Connection, pages: queue.Queue[object | None], bounded: threading.Event) -> None:
    """A worker's reader thread: the pages sent, in order, once the memory bound is set; None once a page is
    over the bound (the worker then ends quietly after the page it is cleaning, and the parent records it).

    The pipe ends only when the parent is gone (it stops a worker by killing it): the worker then exits at
    once, even in the middle of a page. Its parent process is the fork server, not the crawl, so the death
    signal set in `worker_setup` does not reach it, and the page's timeout was the parent's to keep: without
    this a page that never ends would keep its worker forever after a crawl is killed."""
    bounded.wait()
    while True:
        try:
            page = conn.recv()
        except (EOFError, OSError):
            os._exit(0)
        except MemoryError:
            pages.put(None)
            return
        pages.put(page)
