"""Newsrake's cleaning pool (`WorkerPool`) against pebble and loky: cleaning rate, cost per task, and what each
does with a page that runs too long, a worker that dies, Ctrl-C and a killed parent.

    python benchmarks/worker_pools.py path/to/article-extraction [--pages 1000] [--repeat 3] [--tasks 20000]
    python benchmarks/worker_pools.py path/to/article-extraction --features

Never reaches the network. Needs ``pip install -e '.[bench]'`` (pebble, loky). Every pool has 2 workers and
cleans the same pages (the benchmark's pages, `replicate`d to ``--pages``) with reclean's own function,
`pipelines.cleaning.one_page.clean_stored`, on stored pages as reclean reads them (compressed, with their rules),
at most 4 pages a worker handed over at a time (reclean's `IN_FLIGHT_PER_WORKER`: a reclean streams its
database):

- ``newsrake``: `WorkerPool.map_unordered`, its fork-server preload, the default time and memory bounds;
- ``pebble``: ``pebble.ProcessPool`` on the same fork server (same preload), ``schedule(..., timeout=T)``
  per page, T the same default timeout;
- ``pebble+worker``: the same, with the worker side of newsrake's pool: `worker_setup` (Ctrl-C left to the
  parent, death with the parent, the garbage collector's settings), one heap and the memory bound set by the
  pool's initializer (`newsrake_worker`), the heap trimmed every `TRIM_EVERY` pages (`trimmed`): what a switch
  to pebble would run;
- ``loky``: ``loky.get_reusable_executor(max_workers=2)`` (its own start method, no preload) and ``submit``.

Each pool is started and stopped inside its timed run (the fork server, shared by the forkserver pools, is
started beforehand, and each pool cleans a few pages once, untimed, before the first round: whichever pool
went first paid some 0.5 s more for the first fork), and the pools take turns, ``--repeat`` times, in an order
mirrored every other round, since the machine is shared: compare the ratios to newsrake within a run. The
per-task cost is measured the same way with a function that does nothing (the length of a ``--payload-kb``
payload, ``--tasks`` times), which leaves only the pool's own work.

Every worker forked from the fork server imports the main module (this file) before its first page, so it
imports at the top only what the workers have loaded already; the rest is imported where it is used.

``--features`` instead runs small real experiments with each pool and prints what they showed: a page that
sleeps past a 1-s timeout, a page that calls ``os._exit(1)`` among three others, a page that allocates 400 MB
under a 100-MB bound, whether a worker starts with the cleaner loaded, the event loop's worst delay while
pages are awaited from it, and, in a child process, Ctrl-C (SIGINT to the process group, as a terminal sends
it) and SIGKILL of the parent while two pages run: whether every process of the tree is gone.
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import contextlib
import hashlib
import inspect
import multiprocessing
import multiprocessing.context
import multiprocessing.forkserver
import os
import select
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Coroutine, Iterable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cleaners.rules import SourceRules
from pipelines import raw_body
from pipelines.cleaning.one_page import RecleanResult, RecleanTask, clean_stored, failed_stored
from pipelines.cleaning.worker_loop import TRIM_EVERY, limit_memory
from pipelines.cleaning.worker_pool import PRELOAD, WorkerPool
from pipelines.cleaning.worker_setup import worker_setup
from pipelines.defaults import CLEAN_MEMORY_MB, CLEAN_TIMEOUT
from pipelines.process_memory import one_heap, release_free_memory

WORKERS = 2
POOLS = ("newsrake", "pebble", "pebble+worker", "loky")
FEATURE_POOLS = ("newsrake", "pebble", "pebble+worker", "loky", "loky+forkserver")
PROBE_TIMEOUT = 1.0
"""The per-page timeout of the experiments, in seconds."""
PROBE_MEMORY_MB = 100
"""The memory bound of newsrake's pool in the memory experiment."""
STOPPED_PAGE = 15.0
"""Seconds the pages take in the Ctrl-C and parent-death experiments."""
STOPPED_WAIT = 25.0
"""Seconds those experiments wait for every process to go (a worker that finishes its page and then ends shows
as gone after some `STOPPED_PAGE` seconds)."""

Runner = Callable[[Callable[[Any], Any], Callable[[Any, str], Any], Iterable[Any]], Iterator[Any]]
"""Runs ``work`` on every job in a pool (``fail(job, reason)`` for a job the pool gave up on), results as they
come."""


def libraries() -> tuple[ModuleType, ModuleType]:
    """pebble and loky, or a one-line error and exit 2 if either is missing."""
    try:
        import loky  # type: ignore[import-untyped]
        import pebble
    except ImportError as error:
        sys.exit(f"worker_pools.py: {error.name} is not installed: pip install -e '.[bench]' (pebble and loky)")
    return pebble, loky


# --- run in the workers (module-level, so that they can be sent there) ---


def payload_length(payload: bytes) -> int:
    """The trivial task: the pool's cost alone."""
    return len(payload)


def payload_failed(payload: bytes, reason: str) -> int:
    return -1


Probe = tuple[int, str, Any]
"""(number, what to do, its argument): the experiments' pages."""


def run_probe(probe: Probe) -> tuple[int, str]:
    """Do what ``probe`` says in a worker: sleep (writing the worker's pid to a file first), exit at once,
    allocate, or tell whether the cleaner was loaded before the page came."""
    number, kind, argument = probe
    if kind == "sleep":
        seconds, pid_file = argument
        if pid_file:
            Path(pid_file).write_text(str(os.getpid()))
        time.sleep(seconds)
        return number, f"ok (slept {seconds:g} s)"
    if kind == "exit":
        os._exit(argument)
    if kind == "allocate":
        block = bytearray(argument * 2**20)
        return number, f"ok ({len(block) // 2**20} MB allocated)"
    if kind == "preloaded":
        return number, str("trafilatura" in sys.modules and "cleaners.page" in sys.modules)
    return number, f"ok (pid {os.getpid()})"


def probe_failed(probe: Probe, reason: str) -> tuple[int, str]:
    return probe[0], f"failed: {reason}"


def newsrake_worker(memory_mb: int) -> None:
    """A pebble worker's initializer: what a worker of newsrake's pool does before its first page."""
    worker_setup()
    one_heap()
    if memory_mb:
        limit_memory(memory_mb)


_done = 0


def trimmed(work: Callable[[Any], Any], job: Any) -> Any:
    """``work(job)``, the heap handed back to the system every `TRIM_EVERY` pages, as newsrake's workers do."""
    global _done  # one counter a worker process
    _done += 1
    if _done % TRIM_EVERY == 0:
        release_free_memory()
    return work(job)


# --- the pools, each used as reclean would use it ---


def forkserver() -> multiprocessing.context.BaseContext:
    """The fork-server context with newsrake's preload (the server `WorkerPool` uses too)."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


def bounded(
    submit: Callable[[Any], concurrent.futures.Future[Any]], jobs: Iterable[Any], in_flight: int
) -> Iterator[tuple[Any, concurrent.futures.Future[Any]]]:
    """Submit the jobs, at most ``in_flight`` waiting at a time, and give each (job, future) once done."""
    pending: dict[concurrent.futures.Future[Any], Any] = {}
    for job in jobs:
        pending[submit(job)] = job
        if len(pending) >= in_flight:
            done, _ = concurrent.futures.wait(pending, return_when=concurrent.futures.FIRST_COMPLETED)
            for future in done:
                yield pending.pop(future), future
    for future in concurrent.futures.as_completed(pending):
        yield pending[future], future


def newsrake_pool(timeout: float, memory_mb: int, in_flight: int) -> Runner:
    def run(work: Callable[[Any], Any], fail: Callable[[Any, str], Any], jobs: Iterable[Any]) -> Iterator[Any]:
        pool = WorkerPool(WORKERS, timeout, memory_mb, work, fail, repr, report=False)
        try:
            yield from pool.map_unordered(jobs, in_flight)
        finally:
            pool.close()

    return run


def pebble_processes(worker: bool, memory_mb: int) -> Any:
    """A pebble pool on newsrake's fork server; with ``worker``, its workers set up as newsrake's are."""
    pebble, _ = libraries()
    if worker:
        return pebble.ProcessPool(WORKERS, context=forkserver(), initializer=newsrake_worker, initargs=(memory_mb,))
    return pebble.ProcessPool(max_workers=WORKERS, context=forkserver())


def pebble_pool(timeout: float, memory_mb: int, in_flight: int, worker: bool) -> Runner:
    pebble, _ = libraries()

    def run(work: Callable[[Any], Any], fail: Callable[[Any, str], Any], jobs: Iterable[Any]) -> Iterator[Any]:
        pool = pebble_processes(worker, memory_mb)

        def submit(job: Any) -> concurrent.futures.Future[Any]:
            if worker:
                return pool.schedule(trimmed, (work, job), timeout=timeout)  # type: ignore[no-any-return]
            return pool.schedule(work, (job,), timeout=timeout)  # type: ignore[no-any-return]

        try:
            for job, future in bounded(submit, jobs, in_flight):
                try:
                    yield future.result()
                except TimeoutError:
                    yield fail(job, f"timeout: over {timeout:g} s")
                except pebble.ProcessExpired as error:
                    yield fail(job, f"crashed: {error}")
                except Exception as error:  # noqa: BLE001 - the page is reported, with the reason
                    yield fail(job, f"{type(error).__name__}: {error}")
        finally:
            pool.stop()
            pool.join()

    return run


def loky_pool(in_flight: int, context: str | None = None) -> Runner:
    _, loky = libraries()

    def run(work: Callable[[Any], Any], fail: Callable[[Any, str], Any], jobs: Iterable[Any]) -> Iterator[Any]:
        if context == "forkserver":
            forkserver()
        executor = loky.get_reusable_executor(max_workers=WORKERS, context=context)

        def submit(job: Any) -> concurrent.futures.Future[Any]:
            try:
                future: concurrent.futures.Future[Any] = executor.submit(work, job)
            except Exception as error:  # noqa: BLE001 - a broken executor takes no more pages: reported below
                future = concurrent.futures.Future()
                future.set_exception(error)
            return future

        try:
            for job, future in bounded(submit, jobs, in_flight):
                try:
                    yield future.result()
                except Exception as error:  # noqa: BLE001 - the page is reported, with the reason
                    yield fail(job, f"{type(error).__name__}")
        finally:
            executor.shutdown(wait=True, kill_workers=True)  # a fresh executor, cold, for the next run

    return run


def runner(name: str, timeout: float, memory_mb: int, in_flight: int) -> Runner:
    if name == "newsrake":
        return newsrake_pool(timeout, memory_mb, in_flight)
    if name.startswith("pebble"):
        return pebble_pool(timeout, memory_mb, in_flight, worker=name == "pebble+worker")
    return loky_pool(in_flight, "forkserver" if name == "loky+forkserver" else None)


# --- throughput ---


def stored_pages(data: Path, count: int) -> list[RecleanTask]:
    """``count`` pages as reclean reads them from the database: compressed, with their (empty) rules."""
    from benchmarks.loopback_site import load_pages, replicate  # not at the top: see the module's docstring

    rules = SourceRules()
    return [
        RecleanTask(number, f"https://example.org/a/{name}.html", None, "text/html", raw_body.compress(body), None,
                    rules, "stale", "stale")
        for number, (name, body) in enumerate(replicate(load_pages(data), count).items())
    ]  # fmt: skip


def digest(results: Iterable[RecleanResult]) -> tuple[int, int, str]:
    """(pages, pages cleaned, a digest of every article's text): the pools must agree."""
    texts = sorted((r.article_id, r.article.text if r.article else "") for r in results)
    cleaned = sum(1 for _, text in texts if text)
    return len(texts), cleaned, hashlib.sha256(repr(texts).encode()).hexdigest()[:12]


def throughput(args: argparse.Namespace) -> None:
    from pipelines.reclean import IN_FLIGHT_PER_WORKER

    pages = stored_pages(args.data, args.pages)
    payload = os.urandom(args.payload_kb * 1024)
    in_flight = WORKERS * IN_FLIGHT_PER_WORKER
    print(
        f"{len(pages)} pages, {WORKERS} workers, at most {in_flight} pages handed over at a time, timeout "
        f"{CLEAN_TIMEOUT:g} s, newsrake's memory bound {CLEAN_MEMORY_MB} MB; {args.tasks} trivial tasks of "
        f"{args.payload_kb} KB; {args.repeat} rounds, the pools taking turns",
        flush=True,
    )
    rates: dict[str, list[float]] = {name: [] for name in POOLS}
    per_task: dict[str, list[float]] = {name: [] for name in POOLS}
    digests: dict[str, set[tuple[int, int, str]]] = {name: set() for name in POOLS}
    for name in POOLS:  # the first fork from the server, and the first of each kind of pool, costs more
        for _ in runner(name, CLEAN_TIMEOUT, CLEAN_MEMORY_MB, in_flight)(clean_stored, failed_stored, pages[:8]):
            pass
    for round_number in range(1, args.repeat + 1):
        for name in POOLS if round_number % 2 else reversed(POOLS):  # mirrored: a drift weighs on all alike
            run = runner(name, CLEAN_TIMEOUT, CLEAN_MEMORY_MB, in_flight)
            started = time.perf_counter()
            found = digest(run(clean_stored, failed_stored, pages))
            seconds = time.perf_counter() - started
            rates[name].append(len(pages) / seconds)
            digests[name].add(found)
            started = time.perf_counter()
            total = sum(run(payload_length, payload_failed, (payload for _ in range(args.tasks))))
            task_seconds = time.perf_counter() - started
            if total != args.tasks * len(payload):
                sys.exit(f"worker_pools.py: {name} lost trivial tasks ({total} bytes counted)")
            per_task[name].append(task_seconds / args.tasks)
            print(
                f"round {round_number} {name:13s} {len(pages) / seconds:6.1f} pages/s ({seconds:5.1f} s, "
                f"{found[1]} cleaned, texts {found[2]}); trivial: {task_seconds / args.tasks * 1e6:6.1f} µs/task",
                flush=True,
            )
    if len({kept for each in digests.values() for kept in each}) != 1:
        print(f"WARNING: the pools' articles differ: {digests}")
    print()
    print(f"{'pool':13s} {'pages/s':>8s} {'vs newsrake':>18s} {'µs/task':>8s} {'vs newsrake':>18s}")
    for name in POOLS:
        rate_ratios = [r / o for r, o in zip(rates[name], rates["newsrake"], strict=True)]
        task_ratios = [t / o for t, o in zip(per_task[name], per_task["newsrake"], strict=True)]
        print(
            f"{name:13s} {statistics.median(rates[name]):8.1f} {spread(rate_ratios):>18s} "
            f"{statistics.median(per_task[name]) * 1e6:8.1f} {spread(task_ratios):>18s}"
        )
    print(
        "(medians over the rounds; a ratio is the pool's figure over newsrake's in the same round, median "
        "[lowest-highest]; pages/s: higher is faster, µs/task: lower is)"
    )


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} [{min(values):.2f}-{max(values):.2f}]"


# --- the experiments ---


def outcomes(run: Runner, probes: list[Probe]) -> tuple[dict[int, str], dict[int, float]]:
    """Each probe's outcome and when it came (seconds from the start)."""
    started = time.perf_counter()
    found: dict[int, str] = {}
    when: dict[int, float] = {}
    for number, text in run(run_probe, probe_failed, probes):
        found[number], when[number] = text, time.perf_counter() - started
    return found, when


def alive(pid: int) -> bool:
    """Whether process ``pid`` runs (a zombie does not)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def timeout_experiment(name: str, folder: Path) -> str:
    pid_file = folder / f"{name}-timeout.pid"
    probes: list[Probe] = [(0, "sleep", (3.0, str(pid_file))), (1, "sleep", (0.2, "")), (2, "sleep", (0.2, ""))]
    if name.startswith("loky"):  # no per-task timeout: the caller can only stop waiting
        _, loky = libraries()
        executor = loky.get_reusable_executor(max_workers=WORKERS, context="forkserver" if "fork" in name else None)
        try:
            started = time.perf_counter()
            future = executor.submit(run_probe, probes[0])
            with contextlib.suppress(TimeoutError):
                future.result(timeout=PROBE_TIMEOUT)
            still = alive(int(pid_file.read_text())) and not future.done()
            future.result()
            ended = time.perf_counter() - started
        finally:
            executor.shutdown(wait=True, kill_workers=True)
        return (
            f"no: the caller's wait ends after {PROBE_TIMEOUT:g} s, the worker "
            f"{'still runs the page' if still else '?'}; it ends at {ended:.1f} s"
        )
    found, when = outcomes(runner(name, PROBE_TIMEOUT, 0, 4), [*probes, (3, "pid", None)])
    killed = not alive(int(pid_file.read_text()))
    return (
        f"{'yes' if killed else 'NO'}: {found[0]!r} at {when[0]:.1f} s, worker {'killed' if killed else 'alive'}, "
        f"others {sum(found[n].startswith('ok') for n in (1, 2, 3))}/3 ok"
    )


def crash_experiment(name: str) -> str:
    probes: list[Probe] = [(0, "exit", 1), *((n, "sleep", (0.5, "")) for n in (1, 2, 3)), (4, "pid", None)]
    found, _ = outcomes(runner(name, PROBE_TIMEOUT * 10, 0, 4), probes)
    others = [found[n] for n in (1, 2, 3, 4)]
    failures = sorted({text for text in others if not text.startswith("ok")})
    return f"{found[0]!r}; the 4 other pages: {sum(t.startswith('ok') for t in others)} ok {failures or ''}"


def memory_experiment(name: str) -> str:
    if name in ("newsrake", "pebble+worker"):
        found, _ = outcomes(runner(name, PROBE_TIMEOUT * 10, PROBE_MEMORY_MB, 4), [(0, "allocate", 400)])
        held = not found[0].startswith("ok")
        return f"{'yes' if held else 'NO'}: 400 MB under a {PROBE_MEMORY_MB}-MB bound: {found[0]!r}"
    pebble, loky = libraries()
    submit = pebble.ProcessPool.schedule if name.startswith("pebble") else loky.ProcessPoolExecutor.submit
    found, _ = outcomes(runner(name, PROBE_TIMEOUT * 10, 0, 4), [(0, "allocate", 400)])
    parameters = ", ".join(list(inspect.signature(submit).parameters)[1:])
    return f"no: {submit.__qualname__}({parameters}); 400 MB: {found[0]!r}"


def preload_experiment(name: str) -> str:
    found, _ = outcomes(runner(name, PROBE_TIMEOUT * 10, 0, 4), [(0, "preloaded", None)])
    return f"{'yes' if found[0] == 'True' else 'no'}: cleaner loaded before the first page: {found[0]}"


async def worst_lag(work: Coroutine[Any, Any, Any]) -> float:
    """The event loop's worst delay, in seconds, on a 10-ms timer while ``work`` runs on it."""
    worst = 0.0
    done = False

    async def tick() -> None:
        nonlocal worst
        while not done:
            started = time.perf_counter()
            await asyncio.sleep(0.01)
            worst = max(worst, time.perf_counter() - started - 0.01)

    ticker = asyncio.create_task(tick())
    await asyncio.sleep(0.05)
    await work
    done = True
    await ticker
    return worst


async def await_pages(name: str, pages: list[RecleanTask]) -> int:
    """Start a pool on the event loop and await every page from it, as a crawl would."""
    if name == "newsrake":
        pool = WorkerPool(WORKERS, CLEAN_TIMEOUT, CLEAN_MEMORY_MB, clean_stored, failed_stored, repr, report=False)
        try:
            return len(await asyncio.gather(*(pool.clean(page) for page in pages)))
        finally:
            pool.close()
    _, loky = libraries()
    if name.startswith("pebble"):
        worker = name == "pebble+worker"
        processes = pebble_processes(worker, CLEAN_MEMORY_MB)
        try:
            futures = (
                processes.schedule(trimmed, (clean_stored, page), timeout=CLEAN_TIMEOUT)
                if worker
                else processes.schedule(clean_stored, (page,), timeout=CLEAN_TIMEOUT)
                for page in pages
            )
            return len(await asyncio.gather(*map(asyncio.wrap_future, futures)))
        finally:
            processes.stop()
            processes.join()
    if name == "loky+forkserver":
        forkserver()
    executor = loky.get_reusable_executor(max_workers=WORKERS, context="forkserver" if "fork" in name else None)
    try:
        return len(await asyncio.gather(*(asyncio.wrap_future(executor.submit(clean_stored, p)) for p in pages)))
    finally:
        executor.shutdown(wait=True, kill_workers=True)


def asyncio_experiment(name: str, pages: list[RecleanTask]) -> str:
    lag = asyncio.run(worst_lag(await_pages(name, pages)))
    return f"worst event-loop delay {lag * 1000:.0f} ms while {len(pages)} pages were awaited"


def descendants(root: int) -> set[int]:
    """Every process under ``root`` now (from /proc)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, IndexError, ValueError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found: set[int] = set()
    waiting = [root]
    while waiting:
        for child in children.get(waiting.pop(), []):
            if child not in found:
                found.add(child)
                waiting.append(child)
    return found


def stop_experiment(name: str, data: Path, how: str) -> str:
    """Run two `STOPPED_PAGE` pages in a child process with the pool, then stop it (``how``: "ctrl-c" or
    "kill"): how long until every process of its tree is gone (given up after `STOPPED_WAIT`), and what did it
    print?"""
    with tempfile.TemporaryDirectory() as folder:
        command = [sys.executable, __file__, str(data), "--child", name, "--child-dir", folder]
        child = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
        )
        assert child.stdout is not None
        ready, _, _ = select.select([child.stdout], [], [], 60)
        if not ready or child.stdout.readline().strip() != "ready":
            child.kill()
            return f"the child did not start its pages: {child.communicate()[1].strip()[-200:]!r}"
        tree = descendants(child.pid) | {child.pid}
        if how == "kill":
            child.kill()
        else:
            os.killpg(child.pid, signal.SIGINT)
        started = time.perf_counter()
        while any(alive(pid) for pid in tree) and time.perf_counter() - started < STOPPED_WAIT:
            with contextlib.suppress(subprocess.TimeoutExpired):
                child.wait(timeout=0.1)
        seconds = time.perf_counter() - started
        left = sorted(pid for pid in tree if alive(pid))
        for pid in left:  # the orphans this experiment made
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        child.wait()
        errors = child.stderr.read() if child.stderr else ""
        tracebacks = errors.count("Traceback")
    status = f"all {len(tree)} processes gone in {seconds:.1f} s"
    if left:
        status = f"{len(left)} of {len(tree)} processes still there after {STOPPED_WAIT:g} s (killed then)"
    if how == "kill":
        return status
    return f"{status}, exit {child.returncode}, {tracebacks} traceback(s) printed"


def child(name: str, folder: Path) -> int:
    """The process `stop_experiment` stops: four `STOPPED_PAGE` pages handed to the pool; "ready" once two
    run."""
    probes: list[Probe] = [(n, "sleep", (STOPPED_PAGE, str(folder / f"{n}.pid"))) for n in range(4)]

    def announce() -> None:
        while len(list(folder.glob("*.pid"))) < WORKERS:
            time.sleep(0.05)
        print("ready", flush=True)

    threading.Thread(target=announce, daemon=True).start()
    try:
        outcomes(runner(name, 60, 0, 4), probes)
    except KeyboardInterrupt:
        return 130
    return 0


def features(args: argparse.Namespace) -> None:
    pages = stored_pages(args.data, 100)
    rows = {
        "per-page timeout: kill + replace": lambda name, folder: timeout_experiment(name, folder),
        "per-page memory bound": lambda name, folder: memory_experiment(name),
        "crash: replaced, page with reason": lambda name, folder: crash_experiment(name),
        "forkserver preload": lambda name, folder: preload_experiment(name),
        "asyncio feeding": lambda name, folder: asyncio_experiment(name, pages),
        "Ctrl-C (SIGINT to the group)": lambda name, folder: stop_experiment(name, args.data, "ctrl-c"),
        "parent SIGKILLed": lambda name, folder: stop_experiment(name, args.data, "kill"),
    }
    table: dict[str, dict[str, str]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for row, experiment in rows.items():
            for name in FEATURE_POOLS:
                table.setdefault(row, {})[name] = found = experiment(name, Path(folder))
                print(f"{row} | {name}: {found}", flush=True)
    print()
    print("| feature | " + " | ".join(FEATURE_POOLS) + " |")
    print("|---" * (len(FEATURE_POOLS) + 1) + "|")
    for row, cells in table.items():
        print(f"| {row} | " + " | ".join(cells[name].replace("|", "/") for name in FEATURE_POOLS) + " |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", type=Path, help="the article-extraction benchmark folder (with html/)")
    parser.add_argument("--pages", type=int, default=1000, help="pages each pool cleans per round")
    parser.add_argument("--repeat", type=int, default=3, help="rounds, the pools taking turns")
    parser.add_argument("--tasks", type=int, default=20000, help="trivial tasks each pool runs per round")
    parser.add_argument("--payload-kb", type=int, default=50, help="each trivial task's payload")
    parser.add_argument("--features", action="store_true", help="run the experiments instead")
    parser.add_argument("--child", choices=FEATURE_POOLS, help=argparse.SUPPRESS)
    parser.add_argument("--child-dir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not (args.data / "html").is_dir():
        parser.error(f"{args.data}/html not found")
    libraries()
    forkserver()
    multiprocessing.forkserver.ensure_running()  # started once, out of every timed run
    if args.child:
        return child(args.child, args.child_dir)
    if args.features:
        features(args)
    else:
        throughput(args)
    return 0


if __name__ == "__main__":
    from benchmarks.worker_pools import main as imported_main  # the workers find its functions by this name

    sys.exit(imported_main())
