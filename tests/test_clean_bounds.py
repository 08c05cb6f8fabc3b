"""Cleaning is bounded in time and memory per page: a page over a bound is stored with the reason and its raw
body, its worker is replaced, and the crawl goes on."""

from __future__ import annotations

import asyncio
import contextlib
import os
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest

from cleaners import CLEANER_VERSION, Article
from cleaners.rules import SourceRules
from cleaners.version import FAILED_PREFIX
from crawler.demo.server import LoopbackServer
from pipelines import raw_body
from pipelines.cleaning.one_page import RecleanTask, clean_stored, failed_article, failed_stored
from pipelines.cleaning.worker_pool import CleanWorkers, WorkerPool
from pipelines.items import FetchedPage
from pipelines.records import RawPage
from pipelines.store import Store, StoredFilter

from conftest import FAST, newsrake


def test_a_page_over_the_time_bound_is_stored_with_the_reason(site: LoopbackServer, tmp_path: Path) -> None:
    feed = f"{site.base_url}/feeds/rss2.xml"
    bound = "NEWSRAKE_CLEAN_TIMEOUT=0.000001"
    run = newsrake("crawl", "--feed", feed, "--db", "news.db", "--allow-address", site.address, *FAST, "-s", bound,
                   cwd=tmp_path)  # fmt: skip
    assert run.returncode == 0, run.stderr
    with sqlite3.connect(tmp_path / "news.db") as conn:
        rows = list(
            conn.execute(
                "SELECT a.problems, a.text, length(r.body) FROM articles a JOIN raw_pages r ON r.article_id = a.id"
            )
        )
    assert len(rows) == 2
    for problems, text, body in rows:
        assert "clean-timeout" in problems
        assert text == ""
        assert body > 0  # the raw page is kept: a later reclean can try again


def test_a_page_whose_cleaning_failed_is_cleaned_again_by_the_default_reclean(
    site: LoopbackServer, tmp_path: Path
) -> None:
    feed = f"{site.base_url}/feeds/rss2.xml"
    crawl = newsrake("crawl", "--feed", feed, "--db", "news.db", "--allow-address", site.address, *FAST,
                     "-s", "NEWSRAKE_CLEAN_TIMEOUT=0.000001", cwd=tmp_path)  # fmt: skip
    assert crawl.returncode == 0, crawl.stderr
    with sqlite3.connect(tmp_path / "news.db") as conn:
        versions = [row[0] for row in conn.execute("SELECT cleaner_version FROM articles")]
    assert len(versions) == 2
    assert all(version.startswith(FAILED_PREFIX) for version in versions)  # never a current version
    reclean = newsrake("reclean", "--db", "news.db", "--quiet", cwd=tmp_path)
    assert reclean.returncode == 0, reclean.stderr
    assert reclean.stdout.strip() == "newsrake reclean: 2 cleaned, 2 changed, 0 unchanged, 0 failed"
    with sqlite3.connect(tmp_path / "news.db") as conn:
        rows = list(conn.execute("SELECT problems, length(text), cleaner_version FROM articles"))
    for problems, length, version in rows:
        assert "clean-timeout" not in problems
        assert length > 200
        assert version == CLEANER_VERSION


@pytest.mark.parametrize("reason", ["clean-timeout: over 30 s", "clean-crashed", "clean-memory: over 5 MB",
                                    "clean-error: RecursionError"])  # fmt: skip
def test_every_failed_clean_is_stored_as_stale(tmp_path: Path, reason: str) -> None:
    store = Store.open(tmp_path / "news.db")
    try:
        page = fetched(page_titled("Failed"))
        store.save_article(page.page, failed_article(page, reason), source="test", feed_url=None, run_id=None)
        assert store.count_pages(StoredFilter(stale_for=CLEANER_VERSION)) == 1
        assert store.count_pages(StoredFilter(stale_for=CLEANER_VERSION, stale_for_sources=(("test", "x"),))) == 1
    finally:
        store.close()


def test_cleaning_in_the_crawl_process_still_works(site: LoopbackServer, tmp_path: Path) -> None:
    run = newsrake("crawl", "--feed", f"{site.base_url}/feeds/rss2.xml", "--db", "news.db",
                   "--allow-address", site.address, *FAST, "-s", "NEWSRAKE_CLEAN_WORKERS=0", cwd=tmp_path)  # fmt: skip
    assert run.returncode == 0, run.stderr
    with sqlite3.connect(tmp_path / "news.db") as conn:
        assert conn.execute("SELECT count(*) FROM articles WHERE text != ''").fetchone()[0] == 2


def test_a_page_over_the_memory_bound_is_recorded_and_the_worker_replaced() -> None:
    big = b"<html><body>" + b"<p>" + b"many words here " * 800_000 + b"</p></body></html>"
    small = (
        b"<html><head><title>Small</title></head><body><article><p>"
        + b"A short and ordinary paragraph of text. " * 20
        + b"</p></article></body></html>"
    )

    async def clean_both() -> tuple[Article, Article]:
        workers = CleanWorkers(size=1, timeout=60, memory_mb=5)
        try:
            (over, over_body, _), (after, after_body, _) = (
                await workers.clean(fetched(big)),
                await workers.clean(fetched(small)),
            )
        finally:
            workers.close()
        assert over_body.page() == big  # the raw page is kept, compressed for storage
        assert after_body.page() == small
        return over, after

    over, after = asyncio.run(clean_both())
    assert over.problems
    assert over.problems[0].startswith(("clean-memory", "clean-crashed"))
    assert over.text == ""
    assert after.problems == ()
    assert after.text.startswith("A short and ordinary paragraph")


def fetched(body: bytes) -> FetchedPage:
    page = RawPage("https://example.org/a", "https://example.org/a", 200, body)
    return FetchedPage(page=page, source="test", feed_url=None, entry=None)


def page_titled(title: str) -> bytes:
    paragraph = f"An ordinary paragraph of the article called {title}, long enough to be kept. " * 8
    return (
        f"<html><head><title>{title}</title></head><body><article><p>{paragraph}</p></article></body></html>".encode()
    )


def test_pages_waiting_for_a_worker_each_get_their_own_article() -> None:
    titles = [f"Page {n}" for n in range(7)]

    async def clean_all() -> list[Article]:
        workers = CleanWorkers(size=2, timeout=60, memory_mb=0)
        try:
            results = await asyncio.gather(*(workers.clean(fetched(page_titled(t))) for t in titles))
        finally:
            workers.close()
        return [article for article, _body, _fingerprint in results]

    articles = asyncio.run(clean_all())
    assert [a.title for a in articles] == titles
    assert all(a.problems == () for a in articles)


def test_pages_still_waiting_when_the_workers_close_are_kept_with_their_raw_bodies() -> None:
    slow = (
        b"<html><body>" + b"<p>A paragraph among many, which takes a while to clean.</p>" * 40_000 + b"</body></html>"
    )
    pages = [slow, page_titled("Ahead"), page_titled("Waiting")]  # cleaning, sent ahead, still queued

    async def close_while_waiting() -> list[tuple[Article, bytes]]:
        workers = CleanWorkers(size=1, timeout=60, memory_mb=0)
        await workers.clean(fetched(page_titled("First")))  # the worker is up
        pending = [asyncio.ensure_future(workers.clean(fetched(page))) for page in pages]
        await asyncio.sleep(0)  # every page handed over
        workers.close()
        results = await asyncio.wait_for(asyncio.gather(*pending), 30)
        return [(article, body.page()) for article, body, _fingerprint in results]

    results = asyncio.run(close_while_waiting())
    assert [body for _article, body in results] == pages
    assert [article.problems for article, _body in results] == [("clean-crashed",)] * 3


def starting(failures: list[bool], error: Exception | None = None, held: threading.Event | None = None) -> object:
    """A stand-in for `CleanWorkers._start_worker` that raises ``error`` (no process to spare, by default)
    where ``failures`` says (one per worker, in turn) and otherwise starts a real worker; with ``held``,
    every worker but the first waits for that event first (starting one can be slow: a thread short of the
    GIL)."""
    real = CleanWorkers._start_worker
    turns = iter(failures)

    def start(self: CleanWorkers) -> object:
        if next(turns):
            raise error or OSError("no process to spare")
        if self._all and held is not None:
            held.wait(timeout=120)
        return real(self)

    return start


@pytest.mark.parametrize(
    ("failures", "error", "started", "logged"),
    [
        pytest.param(
            [False, True], None, 1, "cannot start more than 1 cleaning worker(s)", id="second-fails-first-cleans"
        ),
        pytest.param([True, True], None, 0, "cleaning in the crawl's own process", id="none-starts-cleaned-in-process"),
        pytest.param(
            [True, True],
            ValueError("an unforeseen error"),
            0,
            "cannot start cleaning workers (an unforeseen error)",
            id="unforeseen-error-cleaned-in-process",
        ),
    ],
)
def test_workers_that_cannot_start(
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    failures: list[bool],
    error: Exception | None,
    started: int,
    logged: str,
) -> None:
    monkeypatch.setattr(CleanWorkers, "_start_worker", starting(failures, error))

    async def clean_two() -> tuple[list[Article], int]:
        workers = CleanWorkers(size=2, timeout=60, memory_mb=0)
        try:
            results = [await asyncio.wait_for(workers.clean(fetched(page_titled(t))), 60) for t in ("One", "Two")]
            return [article for article, _body, _fingerprint in results], len(workers._all)
        finally:
            workers.close()

    articles, running = asyncio.run(clean_two())
    assert [a.title for a in articles] == ["One", "Two"]
    assert all(a.problems == () for a in articles)
    assert running == started
    assert sum(logged in record.getMessage() for record in caplog.records) == 1


def test_the_first_worker_cleans_while_the_others_start(monkeypatch: pytest.MonkeyPatch) -> None:
    held = threading.Event()  # the second worker's start waits for it: set only once the first page is back
    monkeypatch.setattr(CleanWorkers, "_start_worker", starting([False, False], held=held))

    async def first_page() -> tuple[Article, int]:
        workers = CleanWorkers(size=2, timeout=60, memory_mb=0)
        try:
            article, _body, _fingerprint = await workers.clean(fetched(page_titled("Early")))
            return article, len(workers._all)
        finally:
            held.set()
            workers.close()

    article, running = asyncio.run(first_page())
    assert article.title == "Early"
    assert running == 1  # the second was still held at its start


# Loaded by no part of a crawl's own process: the extractor (the workers' business) and the Scrapy components
# newsrake turns off, which Scrapy would import anyway if they were only set to None (aiohttp, tldextract).
NEVER_IN_THE_CRAWL = (
    "trafilatura", "htmldate", "py3langid", "aiohttp", "tldextract",
    "scrapy.extensions.remote_control", "scrapy.downloadermiddlewares.cookies",
    "scrapy.downloadermiddlewares.robotstxt", "scrapy.spidermiddlewares.depth",
)  # fmt: skip
# What a process importing these modules must not load: (modules imported, modules that must stay out).
IMPORTS = {
    "crawl-process-modules": (
        "crawler.run, crawler.cli, pipelines.clean_pipeline, pipelines.cleaning.worker_pool, pipelines.store_pipeline",
        NEVER_IN_THE_CRAWL,
    ),
    "cleaning-workers": (
        "pipelines.cleaning.fork_server_preload",
        ("scrapy", "twisted", "sqlite_utils", "sqlite3", "asyncio"),
    ),
}


@pytest.mark.parametrize(("modules", "never"), IMPORTS.values(), ids=IMPORTS.keys())
def test_modules_do_not_load_what_their_process_never_uses(modules: str, never: tuple[str, ...]) -> None:
    code = f"import sys, {modules}; print(sorted(m for m in {never!r} if m in sys.modules))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"


def test_the_workers_fork_server_loads_the_fallbacks_stop_words_for_every_worker() -> None:
    # Loaded once before the workers are forked, the stop words are shared; a worker that loaded them on its
    # first page that needs them held a copy of its own (some 25 MB each).
    code = "import pipelines.cleaning.fork_server_preload, trafilatura.external as e; print(len(e.JT_STOPLIST or ()))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert int(loaded) > 10_000


def test_the_workers_fork_server_loads_the_note_model_for_every_worker() -> None:
    # Some 8.5 MB of feature weights, shared by the workers when loaded before they are forked.
    code = (
        "import pipelines.cleaning.fork_server_preload, cleaners.note_model as m\nprint(m.shipped_model.cache_info())"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "currsize=1" in loaded


def test_a_whole_crawl_never_loads_what_it_does_not_use(site: LoopbackServer, tmp_path: Path) -> None:
    feed = f"{site.base_url}/feeds/rss2.xml"
    args = ["crawl", "--feed", feed, "--db", "news.db", "--allow-address", site.address, *FAST]
    code = (
        "import atexit, sys\n"
        f"atexit.register(lambda: print('LOADED', sorted(m for m in {NEVER_IN_THE_CRAWL!r} if m in sys.modules)))\n"
        f"sys.argv = ['newsrake', *{args!r}]\n"
        "from crawler.cli import main\n"
        "main()\n"
    )
    run = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "articles new" in run.stdout  # a crawl that stored articles (in its workers)
    assert run.stdout.strip().splitlines()[-1] == "LOADED []"


def stored_task(number: int) -> RecleanTask:
    url = f"https://example.org/stored/{number}"
    body = raw_body.compress(page_titled(f"Stored {number}"))
    return RecleanTask(number, url, url, "text/html", body, None, SourceRules(), None, None, "2026-01-02T03:04:05Z")


@pytest.mark.parametrize(
    ("failures", "logged"),
    [
        pytest.param([False, False], 0, id="in-workers"),
        pytest.param([True, True], 1, id="none-starts-cleaned-in-process"),
    ],
)
def test_a_pool_cleans_stored_pages_without_an_event_loop(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, failures: list[bool], logged: int
) -> None:
    monkeypatch.setattr(WorkerPool, "_start_worker", starting(failures))
    pool = WorkerPool(2, 60, 0, clean_stored, failed_stored, lambda task: task.url, report=False)
    try:
        results = list(pool.map_unordered((stored_task(n) for n in range(7)), in_flight=3))
    finally:
        pool.close()
    assert sorted(str(r.article.title) for r in results if r.article) == [f"Stored {n}" for n in range(7)]
    assert all(r.error is None for r in results)
    assert sum("cleaning in this process" in record.getMessage() for record in caplog.records) == logged


def test_a_pool_given_no_pages_starts_no_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(WorkerPool, "_start_worker", starting([True]))  # a start would raise
    pool = WorkerPool(1, 60, 0, clean_stored, failed_stored, lambda task: task.url)
    assert list(pool.map_unordered(iter([]), in_flight=4)) == []
    assert pool._starting is None
    pool.close()


KILLED_PARENT = """
import sys, time
from pipelines.cleaning.one_page import failed_stored
from pipelines.cleaning.worker_pool import WorkerPool

pool = WorkerPool(1, 3600, 0, time.sleep, failed_stored, str, report=False)
pages = pool.map_unordered(iter([3600.0]), in_flight=1)  # a page that takes an hour
print("started", flush=True)
next(pages)
"""


def marked_processes(mark: str) -> list[int]:
    """The processes whose environment holds ``mark``: the parent's, its fork server's and its workers'."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                environ = (entry / "environ").read_bytes()
            except OSError:  # gone, or not ours to read
                continue
            if mark.encode() in environ.split(b"\0"):
                found.append(int(entry.name))
    return found


def forked(pids: list[int]) -> list[int]:
    """Those of ``pids`` that run multiprocessing's fork server: the server and the workers forked from it."""
    running = []
    for pid in pids:
        with contextlib.suppress(OSError):
            if b"multiprocessing.forkserver" in Path(f"/proc/{pid}/cmdline").read_bytes():
                running.append(pid)
    return running


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs /proc")
def test_a_worker_does_not_outlive_a_killed_parent() -> None:
    token = uuid.uuid4().hex
    mark = f"NEWSRAKE_TEST_MARK={token}"
    env = {**os.environ, "NEWSRAKE_TEST_MARK": token}
    with subprocess.Popen([sys.executable, "-c", KILLED_PARENT], env=env, stdout=subprocess.PIPE, text=True) as parent:
        assert parent.stdout is not None
        assert parent.stdout.readline() == "started\n"
        for _ in range(600):  # the worker is up once the fork server and a process forked from it are there
            if len(forked(marked_processes(mark))) >= 2:
                break
            time.sleep(0.05)
        assert len(forked(marked_processes(mark))) >= 2
        parent.kill()  # SIGKILL: nothing of the parent's code runs
        parent.wait()
    for _ in range(600):  # 30 s at the most, against the page's hour
        if not marked_processes(mark):
            break
        time.sleep(0.05)
    assert marked_processes(mark) == []
