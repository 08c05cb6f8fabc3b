"""Cleaning in worker processes, off the crawl's event loop: every core used, each page bounded in time and
memory. A worker that runs past the timeout is killed and replaced; so is one that dies. The page is then
stored with the reason (its raw body kept), and the crawl goes on. `newsrake reclean` cleans stored pages in the
same workers, under the same bounds (`WorkerPool.map_unordered`).

Workers are forked from a fork server that has the cleaner loaded and warmed up (`fork_server_preload`), so they
share the language model and the extractor's tables. They are started, in a thread, with the first
article request, while its page downloads; a run with nothing new starts none. A worker sends back the article and
the raw body already compressed for storage, so the event loop neither cleans nor compresses.

Pages go to the workers from feeder threads, one per worker, not from the event loop, and each worker is kept a
page ahead (`PAGES_AHEAD`): it goes from one page to the next without waiting for the crawl's process.

Why newsrake's own pool and not pebble or loky (`benchmarks/worker_pools.py`, `docs/performance.md`, 2 workers,
measured side by side): loky has no per-page timeout (only the caller's wait ends) and one crashed worker fails
every page in flight, so it is out. pebble has every feature once newsrake's worker setup is its initializer,
and cleans 1,000 stored pages at the same rate (0.98x this pool's, median of 3 rounds; 0.91x to 1.22x over four
runs, within the machine's noise). This pool is the faster where the pool itself costs: 129 us a task against
pebble's 248 to 268 (1.8x, every run), a 16-page run (a cron run with a few new articles) with pebble at 0.77x
its rate, and the crawl's event loop, which waits at most 4 to 41 ms while 100 pages are awaited against 27 to
104 ms with pebble's futures. It also starts no worker in a run with nothing new, and cleans in the crawl's own
process when no worker can start."""

from __future__ import annotations

import asyncio
import collections
import concurrent.futures
import contextlib
import itertools
import logging
import multiprocessing
import multiprocessing.forkserver
import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.process import BaseProcess
from typing import Any, Generic, NamedTuple, TypeVar

from pipelines.cleaning.one_page import Cleaned, cleaned, failed
from pipelines.cleaning.worker_loop import serve
from pipelines.items import FetchedPage

PAGES_AHEAD = 1
"""Pages sent to a worker beyond the one it cleans: it starts the next as soon as it has sent back the last."""

logger = logging.getLogger(__name__)


PRELOAD = ["pipelines.cleaning.fork_server_preload"]
"""Imported by the fork server before it forks any worker."""

Job = TypeVar("Job")
Result = TypeVar("Result")


def _context() -> multiprocessing.context.BaseContext:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


def start_fork_server() -> None:
    """Start the workers' fork server at once, in a thread: it loads the cleaner (some half a second of CPU)
    while the crawl starts, so that workers can be forked from it as soon as the first article request goes
    out. `CleanWorkers` forks its workers from this same server."""
    threading.Thread(target=_ensure_fork_server, name="fork-server-start", daemon=True).start()


def _ensure_fork_server() -> None:
    # A failure here (no fork server on this system, no process to spare) is met again, and reported in one
    # line, when the workers start (`CleanWorkers._ready`).
    with contextlib.suppress(OSError, RuntimeError, ValueError):
        _context()
        multiprocessing.forkserver.ensure_running()


class Worker:
    """One worker process and the pipe to it."""

    def __init__(
        self,
        context: multiprocessing.context.BaseContext,
        memory_mb: int,
        work: Callable[[Any], Any] = cleaned,
        fail: Callable[[Any, str], Any] = failed,
    ) -> None:
        self.conn, child = multiprocessing.Pipe()
        args = (child, memory_mb, work, fail)
        self.process: BaseProcess = context.Process(target=serve, args=args, daemon=True)  # type: ignore[attr-defined]
        self.process.start()
        child.close()

    def send(self, page: object) -> None:
        """Send a page to clean; a worker that has died shows when its result is read."""
        with contextlib.suppress(OSError):
            self.conn.send(page)

    def result(self, timeout: float) -> Any:
        """The next page's result (blocking); raises TimeoutError past ``timeout``, EOFError if the worker
        died."""
        if not self.conn.poll(timeout):
            raise TimeoutError
        return self.conn.recv()

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


class _Job(NamedTuple, Generic[Job, Result]):
    page: Job
    deliver: Callable[[Result | BaseException], None]
    """Hands the result on (from a feeder thread): to the coroutine awaiting it, or to a queue."""


def _settle(done: asyncio.Future[Result], result: Result | BaseException) -> None:
    """Give a job's result to the coroutine awaiting it (on the event loop), unless it stopped waiting."""
    if done.done():
        return
    if isinstance(result, BaseException):
        done.set_exception(result)
    else:
        done.set_result(result)


def _to_loop(loop: asyncio.AbstractEventLoop, done: asyncio.Future[Result]) -> Callable[[Result | BaseException], None]:
    """A job's ``deliver`` for a coroutine awaiting ``done`` on ``loop``."""

    def deliver(result: Result | BaseException) -> None:
        with contextlib.suppress(RuntimeError):  # the event loop has closed
            loop.call_soon_threadsafe(_settle, done, result)

    return deliver


class WorkerPool(Generic[Job, Result]):
    """``size`` worker processes running ``work`` on each page within ``timeout`` seconds and ``memory_mb``
    MB; a page over a bound, or whose worker died, gives ``fail(page, reason)``, and its worker is replaced.

    Each worker has a feeder thread that keeps it a page ahead, so a worker never waits for the event loop
    (busy with a download or a store batch) or for its feeder to hand it work. ``work`` and ``fail`` are
    module-level functions (they are sent to the workers); ``name`` gives a page's URL for the log, and with
    ``report`` off the pool logs nothing about single pages (a reclean reports its failed pages itself).
    """

    def __init__(
        self,
        size: int,
        timeout: float,
        memory_mb: int,
        work: Callable[[Job], Result],
        fail: Callable[[Job, str], Result],
        name: Callable[[Job], str],
        *,
        report: bool = True,
    ) -> None:
        self.size, self.timeout, self.memory_mb = size, timeout, memory_mb
        self.work, self.fail, self.name, self.report = work, fail, name, report
        self.context = _context()
        self._jobs: queue.SimpleQueue[_Job[Job, Result] | None] = queue.SimpleQueue()
        self._starting: threading.Thread | None = None
        self._first_up: concurrent.futures.Future[None] = concurrent.futures.Future()
        """Done once the first worker is up and fed (or failed, if none could start): pages go to it at once,
        while the others start."""
        self._all: list[Worker] = []
        self._lock = threading.Lock()  # `_all` is changed by the starting and the feeder threads
        self._closed = False
        self._broken = False

    def _start_worker(self) -> Worker:
        worker = Worker(self.context, self.memory_mb, self.work, self.fail)
        self._all.append(worker)
        return worker

    def _start_all(self) -> None:
        """Start the workers one after the other, each fed from the moment it is up (in the starting thread).
        `_first_up` is settled whatever happens: `clean` waits on it."""
        started = 0
        try:
            for _ in range(self.size):
                with self._lock:
                    if self._closed:
                        break
                    worker = self._start_worker()
                threading.Thread(target=self._feed, args=(worker,), name="clean-feeder", daemon=True).start()
                started += 1
                if started == 1:
                    self._first_up.set_result(None)
        except Exception as error:  # noqa: BLE001 - this thread has no caller to raise to
            if not started:
                self._first_up.set_exception(error)
                return
            logger.warning("cannot start more than %d cleaning worker(s) (%s)", started, error)
        if not started:  # closed before any started
            self._first_up.set_exception(RuntimeError("the cleaning workers are closed"))

    def _replace(self, worker: Worker) -> Worker | None:
        """Kill ``worker`` and start another in its place; None once the workers are closed."""
        worker.stop()
        with self._lock:
            if worker in self._all:
                self._all.remove(worker)
            return None if self._closed else self._start_worker()

    def _result(self, worker: Worker, page: Job) -> tuple[Result | Exception, Worker | None]:
        """The result of the page ``worker`` cleans first (from its feeder thread), and the worker to go on
        with: a replacement if it ran past the timeout or died, None once the workers are closed."""
        try:
            result: Result = worker.result(self.timeout)
            return result, worker
        except TimeoutError:
            if self.report:
                logger.warning("cleaning timed out after %g s: %s; worker replaced", self.timeout, self.name(page))
            reason = f"clean-timeout: over {self.timeout:g} s"
        except (EOFError, OSError) as error:
            if not self._closed and self.report:
                logger.warning(
                    "cleaning worker died on %s (%s); worker replaced", self.name(page), type(error).__name__
                )
            reason = "clean-crashed"
        except Exception as error:  # noqa: BLE001 - raised again where the page's result is awaited
            return error, worker
        return self.fail(page, reason), self._replace(worker)

    def _feed(self, first: Worker) -> None:
        """A feeder thread: keeps its worker `PAGES_AHEAD` page ahead (the next page waits in the worker
        while it cleans the last), hands back each result in order, and goes on with a replacement
        worker, to which it sends the pages the old one had not done."""
        worker: Worker | None = first
        sent: collections.deque[_Job[Job, Result]] = collections.deque()
        closing = False
        while worker is not None:
            while len(sent) <= PAGES_AHEAD and not closing:
                try:
                    job = self._jobs.get(block=not sent)
                except queue.Empty:
                    break
                if job is None:
                    closing = True
                else:
                    sent.append(job)
                    worker.send(job.page)
            if not sent:
                break
            head = sent.popleft()
            result, next_worker = self._result(worker, head.page)
            head.deliver(result)
            if next_worker is not None and next_worker is not worker:
                for job in sent:
                    next_worker.send(job.page)
            worker = next_worker
        if worker is not None:
            worker.stop()
        for job in sent:  # the workers closed under it: kept with its raw body, for a reclean
            job.deliver(self.fail(job.page, "clean-crashed"))

    def start(self) -> None:
        """Start the workers in a thread (the fork server's first start takes a second); `clean` and
        `map_unordered` wait for the first of them."""
        with self._lock:
            if self._starting is None:
                self._starting = threading.Thread(target=self._start_all, name="clean-start", daemon=True)
                self._starting.start()

    async def _ready(self) -> bool:
        """Whether a worker is started and fed; False if none can start."""
        if not self._broken and not self._first_up.done():
            self.start()
            with contextlib.suppress(Exception):
                await asyncio.wrap_future(self._first_up)
        error = None if self._broken else self._first_up.exception()
        if error is not None:
            logger.error("cannot start cleaning workers (%s); cleaning in the crawl's own process", error)
            self._broken = True
        return not self._broken

    async def clean(self, page: Job) -> Result:
        """Clean a page in the next free worker (in this process if none can start)."""
        if self._closed or not await self._ready():
            return self.work(page)
        loop = asyncio.get_running_loop()
        done: asyncio.Future[Result] = loop.create_future()
        self._jobs.put(_Job(page, _to_loop(loop, done)))
        return await done

    def map_unordered(self, pages: Iterable[Job], in_flight: int) -> Iterator[Result]:
        """Clean every page (blocking; not on an event loop) and give the results as they come, at most
        ``in_flight`` pages handed over at a time. If no worker can start, the pages are cleaned in this
        process, unbounded, after one logged error. No page, no worker started."""
        remaining = iter(pages)
        first = next(remaining, None)
        if first is None:
            return
        self.start()
        if not self._first_up_or_broken():
            yield from map(self.work, itertools.chain([first], remaining))
            return
        results: queue.Queue[Result | BaseException] = queue.Queue()  # its get() gives way to Ctrl-C
        waiting = 0
        for page in itertools.chain([first], remaining):
            if self._closed:
                break
            self._jobs.put(_Job(page, results.put))
            waiting += 1
            if waiting >= in_flight:
                yield _unwrapped(results.get())
                waiting -= 1
        for _ in range(waiting):
            yield _unwrapped(results.get())

    def _first_up_or_broken(self) -> bool:
        """Wait (blocking) for the first worker; False, logged once, if none can start."""
        with contextlib.suppress(Exception):
            self._first_up.result()
        error = None if self._broken else self._first_up.exception()
        if error is not None:
            logger.error("cannot start cleaning workers (%s); cleaning in this process", error)
            self._broken = True
        return not self._broken

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
                job.deliver(self.fail(job.page, "clean-crashed"))
        for _ in workers:  # a feeder waiting for a page stops
            self._jobs.put(None)


def _unwrapped(result: Result | BaseException) -> Result:
    if isinstance(result, BaseException):
        raise result
    return result


def _url(fetched: FetchedPage) -> str:
    return fetched.page.url


class CleanWorkers(WorkerPool[FetchedPage, Cleaned]):
    """The crawl's workers: each fetched page cleaned within ``timeout`` seconds and ``memory_mb`` MB, and
    given back with its body compressed for storage and its text's fingerprint (``work``: by default
    `pipelines.cleaning.one_page.cleaned`). The pages waiting are
    the ones the crawl's pipeline is awaiting: Scrapy's scraper slot bounds them."""

    def __init__(
        self, size: int, timeout: float, memory_mb: int, work: Callable[[FetchedPage], Cleaned] = cleaned
    ) -> None:
        super().__init__(size, timeout, memory_mb, work, failed, _url)
