"""Cleaning in worker processes, off the crawl's event loop: every core used, each page bounded in time and
memory. A worker that runs past the timeout is killed and replaced; so is one that dies. The page is then
stored with the reason (its raw body kept), and the crawl goes on."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import resource
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

from cleaners import Article
from crawler.items import FetchedPage
from pipelines.clean import clean_fetched, failed_article

logger = logging.getLogger(__name__)


def _limit_memory(megabytes: int) -> None:
    """Cap this process's address space at what it uses now plus ``megabytes``."""
    pages = int(Path("/proc/self/statm").read_text().split()[0])
    used = pages * resource.getpagesize()
    limit = used + megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _serve(conn: Connection, memory_mb: int) -> None:
    """A worker: clean each page it is sent, send back the article (or a failed one on MemoryError)."""
    from pipelines.reclean import warm_up, worker_setup

    worker_setup()
    warm_up()
    if memory_mb:
        with contextlib.suppress(OSError, ValueError):
            _limit_memory(memory_mb)
    while True:
        try:
            fetched = conn.recv()
        except (EOFError, OSError):
            return
        try:
            article = clean_fetched(fetched)
        except MemoryError:
            article = failed_article(fetched, f"clean-memory: over {memory_mb} MB")
        conn.send(article)


class Worker:
    """One worker process and the pipe to it."""

    def __init__(self, context: multiprocessing.context.BaseContext, memory_mb: int) -> None:
        self.conn, child = multiprocessing.Pipe()
        self.process: BaseProcess = context.Process(target=_serve, args=(child, memory_mb), daemon=True)  # type: ignore[attr-defined]
        self.process.start()
        child.close()

    async def clean(self, fetched: FetchedPage, timeout: float) -> Article:
        """Clean one page; raises TimeoutError past ``timeout``, EOFError if the worker died."""
        loop = asyncio.get_running_loop()
        ready: asyncio.Future[None] = loop.create_future()
        self.conn.send(fetched)
        fd = self.conn.fileno()

        def readable() -> None:
            if not ready.done():
                ready.set_result(None)

        loop.add_reader(fd, readable)
        try:
            await asyncio.wait_for(ready, timeout)
        finally:
            loop.remove_reader(fd)
        article: Article = self.conn.recv()
        return article

    def stop(self) -> None:
        """Kill the worker."""
        with contextlib.suppress(OSError):
            self.conn.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)


class CleanWorkers:
    """``size`` worker processes, each page cleaned within ``timeout`` seconds and ``memory_mb`` MB."""

    def __init__(self, size: int, timeout: float, memory_mb: int) -> None:
        self.size, self.timeout, self.memory_mb = size, timeout, memory_mb
        self.context = multiprocessing.get_context("forkserver")
        self.context.set_forkserver_preload(["cleaners", "pipelines.reclean"])
        self._idle: asyncio.Queue[Worker] | None = None
        self._all: list[Worker] = []

    def _start_worker(self) -> Worker:
        worker = Worker(self.context, self.memory_mb)
        self._all.append(worker)
        return worker

    def _replace(self, worker: Worker) -> Worker:
        worker.stop()
        self._all.remove(worker)
        return self._start_worker()

    async def clean(self, fetched: FetchedPage) -> Article:
        """Clean a page in the next free worker."""
        if self._idle is None:
            self._idle = asyncio.Queue()
            for _ in range(self.size):
                self._idle.put_nowait(self._start_worker())
        worker = await self._idle.get()
        try:
            return await worker.clean(fetched, self.timeout)
        except TimeoutError:
            logger.warning("cleaning timed out after %g s: %s; worker replaced", self.timeout, fetched.page.url)
            worker = self._replace(worker)
            return failed_article(fetched, f"clean-timeout: over {self.timeout:g} s")
        except (EOFError, OSError) as error:
            logger.warning("cleaning worker died on %s (%s); worker replaced", fetched.page.url, type(error).__name__)
            worker = self._replace(worker)
            return failed_article(fetched, "clean-crashed")
        finally:
            self._idle.put_nowait(worker)

    def close(self) -> None:
        """Stop every worker."""
        for worker in self._all:
            worker.stop()
        self._all.clear()
