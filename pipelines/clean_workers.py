"""Cleaning in worker processes, off the crawl's event loop: every core used, each page bounded in time and
memory. A worker that runs past the timeout is killed and replaced; so is one that dies. The page is then
stored with the reason (its raw body kept), and the crawl goes on.

Workers are forked from a fork server that has the cleaner loaded and warmed up (`pipelines.clean_preload`),
so they share the language model and the extractor's tables. They are started, in a thread, with the first
article request, while its page downloads; a run with nothing new starts none. A worker sends back the article and
the raw body already compressed for storage, so the event loop neither cleans nor compresses."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import multiprocessing
import queue
import resource
import threading
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import NamedTuple

from crawler.items import FetchedPage
from pipelines.clean import Cleaned, clean_fetched, failed_article, with_body
from pipelines.memory import release_free_memory

TRIM_EVERY = 32
"""A worker hands its free heap memory back to the system every this many pages."""

logger = logging.getLogger(__name__)


PRELOAD = ["pipelines.clean_preload"]
"""Imported by the fork server before it forks any worker."""


def _context() -> multiprocessing.context.BaseContext:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


def _limit_memory(megabytes: int) -> None:
    """Cap this process's address space at what it uses now plus ``megabytes``."""
    pages = int(Path("/proc/self/statm").read_text().split()[0])
    used = pages * resource.getpagesize()
    limit = used + megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _serve(conn: Connection, memory_mb: int) -> None:
    """A worker (forked warm, see `pipelines.clean_preload`): clean each page it is sent, send back the
    article (or a failed one on MemoryError) and the compressed body."""
    from pipelines.reclean import worker_setup

    worker_setup()
    if memory_mb:
        with contextlib.suppress(OSError, ValueError):
            _limit_memory(memory_mb)
    for cleaned in itertools.count(1):
        if cleaned % TRIM_EVERY == 0:
            release_free_memory()
        try:
            fetched = conn.recv()
        except (EOFError, OSError):
            return
        except MemoryError:  # the page itself is over the bound: end quietly, the parent records it
            return
        try:
            article = clean_fetched(fetched)
        except MemoryError:
            article = failed_article(fetched, f"clean-memory: over {memory_mb} MB")
        conn.send(with_body(fetched, article))


class Worker:
    """One worker process and the pipe to it."""

    def __init__(self, context: multiprocessing.context.BaseContext, memory_mb: int) -> None:
        self.conn, child = multiprocessing.Pipe()
        self.process: BaseProcess = context.Process(target=_serve, args=(child, memory_mb), daemon=True)  # type: ignore[attr-defined]
        self.process.start()
        child.close()

    def clean(self, fetched: FetchedPage, timeout: float) -> Cleaned:
        """Clean one page (blocking); raises TimeoutError past ``timeout``, EOFError if the worker died."""
        self.conn.send(fetched)
        if not self.conn.poll(timeout):
            raise TimeoutError
        cleaned: Cleaned = self.conn.recv()
        return cleaned

    def kill(self) -> None:
        """Kill the worker process; whoever is using the pipe sees it end."""
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)

    def stop(self) -> None:
        """Kill the worker and close the pipe (only from the thread that uses the pipe)."""
        self.kill()
        with contextlib.suppress(OSError):
            self.conn.close()


class _Job(NamedTuple):
    fetched: FetchedPage
    done: asyncio.Future[Cleaned]
    loop: asyncio.AbstractEventLoop


def _settle(done: asyncio.Future[Cleaned], result: Cleaned | BaseException) -> None:
    """Give a job's result to the coroutine awaiting it (on the event loop), unless it stopped waiting."""
    if done.done():
        return
    if isinstance(result, BaseException):
        done.set_exception(result)
    else:
        done.set_result(result)


class CleanWorkers:
    """``size`` worker processes, each page cleaned within ``timeout`` seconds and ``memory_mb`` MB.

    Each worker has a feeder thread that sends it the next waiting page as soon as it has sent back the
    last, so a worker never waits for the event loop (busy with a download or a store batch) to hand it
    work. The pages waiting are the ones the crawl's pipeline is awaiting: Scrapy's scraper slot bounds them.
    """

    def __init__(self, size: int, timeout: float, memory_mb: int) -> None:
        self.size, self.timeout, self.memory_mb = size, timeout, memory_mb
        self.context = _context()
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._starting: asyncio.Future[list[Worker]] | None = None
        self._feeding = False
        self._all: list[Worker] = []
        self._lock = threading.Lock()  # `_all` is changed by the starting and the feeder threads
        self._closed = False
        self._broken = False

    def _start_worker(self) -> Worker:
        worker = Worker(self.context, self.memory_mb)
        self._all.append(worker)
        return worker

    def _start_all(self) -> list[Worker]:
        started = []
        for _ in range(self.size):
            with self._lock:
                if self._closed:
                    break
                started.append(self._start_worker())
        return started

    def _replace(self, worker: Worker) -> Worker | None:
        """Kill ``worker`` and start another in its place; None once the workers are closed."""
        worker.stop()
        with self._lock:
            if worker in self._all:
                self._all.remove(worker)
            return None if self._closed else self._start_worker()

    def _clean_in(self, worker: Worker, fetched: FetchedPage) -> tuple[Cleaned, Worker | None]:
        """Clean a page in ``worker`` (from its feeder thread): the result and the worker to go on with."""
        try:
            return worker.clean(fetched, self.timeout), worker
        except TimeoutError:
            logger.warning("cleaning timed out after %g s: %s; worker replaced", self.timeout, fetched.page.url)
            reason = f"clean-timeout: over {self.timeout:g} s"
        except (EOFError, OSError) as error:
            if not self._closed:
                logger.warning(
                    "cleaning worker died on %s (%s); worker replaced", fetched.page.url, type(error).__name__
                )
            reason = "clean-crashed"
        return with_body(fetched, failed_article(fetched, reason)), self._replace(worker)

    def _feed(self, first: Worker) -> None:
        """A feeder thread: hand its worker one waiting page at a time until the workers close."""
        worker: Worker | None = first
        while worker is not None:
            job = self._jobs.get()
            if job is None:
                worker.stop()
                return
            result: Cleaned | BaseException
            try:
                result, worker = self._clean_in(worker, job.fetched)
            except Exception as error:  # noqa: BLE001 - raised again in the coroutine awaiting the page
                result = error
            with contextlib.suppress(RuntimeError):  # the event loop has closed
                job.loop.call_soon_threadsafe(_settle, job.done, result)

    def start(self) -> None:
        """Start the workers in a thread (the fork server's first start takes a second), from the event
        loop; `clean` waits for them."""
        if self._starting is None:
            try:
                loop = asyncio.get_running_loop()
            except RuntimeError:  # not on the event loop: `clean` starts them
                return
            self._starting = loop.run_in_executor(None, self._start_all)

    async def _ready(self) -> bool:
        """Whether the workers are started and fed; False if they cannot start."""
        if not self._feeding and not self._broken:
            self.start()
            assert self._starting is not None
            try:
                workers = await self._starting
            except (OSError, RuntimeError, EOFError) as error:
                if not self._broken:
                    logger.error("cannot start cleaning workers (%s); cleaning in the crawl's own process", error)
                self._broken = True
                return False
            if not self._feeding:
                self._feeding = True
                for worker in workers:
                    threading.Thread(target=self._feed, args=(worker,), name="clean-feeder", daemon=True).start()
        return not self._broken

    async def clean(self, fetched: FetchedPage) -> Cleaned:
        """Clean a page in the next free worker: the article and the body as stored."""
        if self._closed or not await self._ready():
            return with_body(fetched, clean_fetched(fetched))
        loop = asyncio.get_running_loop()
        done: asyncio.Future[Cleaned] = loop.create_future()
        self._jobs.put(_Job(fetched, done, loop))
        return await done

    def close(self) -> None:
        """Stop every worker and its feeder thread; none starts after this."""
        with self._lock:
            self._closed = True
            workers, self._all = self._all, []
        for worker in workers:  # its feeder, if it is waiting on the worker, sees the pipe end and stops
            worker.kill()
        while True:  # a page still waiting (the crawl was stopped): stored with its raw body, for a reclean
            try:
                job = self._jobs.get_nowait()
            except queue.Empty:
                break
            if job is not None:
                _settle(job.done, with_body(job.fetched, failed_article(job.fetched, "clean-crashed")))
        for _ in workers:  # a feeder waiting for a page stops
            self._jobs.put(None)
