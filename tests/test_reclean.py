"""`newsrake reclean` over a real SQLite file: stale rows only, dry runs, filters, the lock, kills and Ctrl-C."""

from __future__ import annotations

import gzip
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

import cleaners
from cleaners import CLEANER_VERSION, Article
from crawler.lock import RunLock
from pipelines import raw_body
from pipelines.records import RawPage
from pipelines.store import Store

from conftest import article_page, free_port, newsrake

PAGES = 300


def build(db: Path, count: int, version: str = "0.old") -> None:
    """A database of ``count`` stored pages cleaned by an old cleaner version (empty text)."""
    store = Store.open(db)
    for number in range(count):
        url = f"https://example.org/news/{number}.html"
        page = RawPage(url=url, final_url=url, status=200, body=article_page(number),
                       headers={"Content-Type": "text/html; charset=utf-8"})  # fmt: skip
        article = Article(url=url, title=f"old title {number}", text="old text", cleaner_version=version)
        store.save_article(page, article, source="A" if number % 2 else "B", feed_url=None, run_id=None)
    store.close()


def query(db: Path, sql: str, *params: object) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as conn:
        return list(conn.execute(sql, params))


def stale(db: Path) -> int:
    [(count,)] = query(db, "SELECT count(*) FROM articles WHERE cleaner_version != ?", CLEANER_VERSION)
    assert isinstance(count, int)
    return count


@pytest.fixture
def small_db(tmp_path: Path) -> Path:
    build(tmp_path / "news.db", 6)
    return tmp_path / "news.db"


def test_reclean_updates_stale_articles(small_db: Path) -> None:
    run = newsrake("reclean", "--db", small_db.name, "--jobs", "2", cwd=small_db.parent)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "newsrake reclean: 6 cleaned, 6 changed, 0 unchanged, 0 failed"
    assert stale(small_db) == 0
    [(title, text)] = query(small_db, "SELECT title, text FROM articles WHERE url LIKE '%/3.html'")
    assert title == "Story 3: the library was sold"
    assert isinstance(text, str)
    assert text.startswith("Story 3, part 1:")


def test_pages_stored_gzip_by_newsrake_0_1_are_recleaned(small_db: Path) -> None:
    with sqlite3.connect(small_db) as conn:
        for article_id, body, encoding in list(conn.execute("SELECT article_id, body, body_encoding FROM raw_pages")):
            old = gzip.compress(raw_body.decompress(body, encoding))
            conn.execute(
                "UPDATE raw_pages SET body = ?, body_encoding = 'gzip' WHERE article_id = ?", (old, article_id)
            )
    run = newsrake("reclean", "--db", small_db.name, "--jobs", "2", cwd=small_db.parent)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "newsrake reclean: 6 cleaned, 6 changed, 0 unchanged, 0 failed"


def test_a_second_reclean_has_nothing_to_do(small_db: Path) -> None:
    newsrake("reclean", "--db", small_db.name, cwd=small_db.parent)
    again = newsrake("reclean", "--db", small_db.name, cwd=small_db.parent)
    assert again.stdout.strip() == "newsrake reclean: 0 cleaned, 0 changed, 0 unchanged, 0 failed"


def test_all_cleans_current_articles_too(small_db: Path) -> None:
    newsrake("reclean", "--db", small_db.name, cwd=small_db.parent)
    again = newsrake("reclean", "--db", small_db.name, "--all", cwd=small_db.parent)
    assert again.stdout.strip() == "newsrake reclean: 6 cleaned, 0 changed, 6 unchanged, 0 failed"


def test_full_text_search_follows_the_new_text(small_db: Path) -> None:
    newsrake("reclean", "--db", small_db.name, cwd=small_db.parent)
    hits = query(small_db, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'library'")
    assert hits[0][0] == 1


def test_audit_trail_is_updated(small_db: Path) -> None:
    newsrake("reclean", "--db", small_db.name, cwd=small_db.parent)
    assert query(small_db, "SELECT count(DISTINCT article_id) FROM removals WHERE cleaner = 'title-repeat'")[0][0] == 6


def test_dry_run_shows_diffs_and_writes_nothing(small_db: Path) -> None:
    before = query(small_db, "SELECT id, title, text, cleaner_version FROM articles ORDER BY id")
    run = newsrake("reclean", "--db", small_db.name, "--dry-run", "--show", "2", cwd=small_db.parent)
    assert run.returncode == 0, run.stderr
    assert run.stdout.count("(stored)\n+++ ") == 2
    assert "-old text" in run.stdout
    assert run.stdout.strip().endswith("newsrake reclean: 6 cleaned, 6 would change, 0 unchanged, 0 failed")
    assert query(small_db, "SELECT id, title, text, cleaner_version FROM articles ORDER BY id") == before
    assert query(small_db, "SELECT count(*) FROM runs")[0][0] == 0


@pytest.mark.parametrize(
    ("args", "cleaned"),
    [
        pytest.param(["--source", "A"], 3, id="source"),
        pytest.param(["--url", "https://example.org/news/4.html"], 1, id="url"),
        pytest.param(["--since", "2000-01-01"], 6, id="since-past"),
        pytest.param(["--since", "2100-01-01"], 0, id="since-future"),
    ],
)
def test_filters(small_db: Path, args: list[str], cleaned: int) -> None:
    run = newsrake("reclean", "--db", small_db.name, *args, cwd=small_db.parent)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith(f"newsrake reclean: {cleaned} cleaned,")


def test_each_reclean_has_a_runs_row(small_db: Path) -> None:
    newsrake("reclean", "--db", small_db.name, cwd=small_db.parent)
    [(command, outcome, stats)] = query(small_db, "SELECT command, outcome, stats FROM runs")
    assert (command, outcome) == ("reclean", "ok")
    assert '"changed": 6' in str(stats)


def test_reclean_waits_for_no_one_while_a_crawl_holds_the_lock(small_db: Path) -> None:
    with RunLock(small_db):
        run = newsrake("reclean", "--db", small_db.name, cwd=small_db.parent)
    assert run.returncode == 75
    assert "another newsrake run" in run.stderr


@pytest.mark.parametrize(
    ("args", "message", "code"),
    [
        pytest.param(["--db", "missing.db"], "database not found: missing.db", 1, id="missing-db"),
        pytest.param(["--db", "news.db", "--since", "someday"], "bad date for --since", 2, id="bad-since"),
        pytest.param(["--db", "news.db", "--jobs", "-1"], "Invalid value for '--jobs'", 2, id="bad-jobs"),
    ],
)
def test_errors_are_one_line(small_db: Path, args: list[str], message: str, code: int) -> None:
    run = newsrake("reclean", *args, cwd=small_db.parent)
    assert run.returncode == code  # 1: an error of the run; 2: a usage error
    assert len(run.stderr.strip().splitlines()) == 1
    assert message in run.stderr


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGINT], ids=["kill-9", "ctrl-c"])
def test_an_interrupted_reclean_leaves_a_consistent_database(tmp_path: Path, how: signal.Signals) -> None:
    db = tmp_path / "news.db"
    build(db, PAGES)
    run = subprocess.Popen([sys.executable, "-m", "crawler.cli", "reclean", "--db", "news.db", "--jobs", "2"],
                           cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    deadline = time.monotonic() + 60
    while stale(db) == PAGES and time.monotonic() < deadline:  # wait until the first batch is written
        time.sleep(0.1)
    os.kill(run.pid, how)
    _out, err = run.communicate(timeout=60)
    if how == signal.SIGINT:
        assert run.returncode == 130
        assert "Traceback" not in err
    assert query(db, "PRAGMA integrity_check")[0][0] == "ok"
    left = stale(db)
    assert 0 <= left < PAGES
    again = newsrake("reclean", "--db", "news.db", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith(f"newsrake reclean: {left} cleaned,")
    assert stale(db) == 0


def test_datasette_reads_without_errors_during_a_reclean(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    build(db, PAGES)
    port = free_port()
    datasette = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", str(db), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}/news"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{base}.json", timeout=2).close()
                break
            except OSError:
                time.sleep(0.2)
        reclean = subprocess.Popen([sys.executable, "-m", "crawler.cli", "reclean", "--db", "news.db", "--quiet"],
                                   cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
        statuses = []
        while reclean.poll() is None:
            for path in ("/articles.json?_search=story&_size=5", ".json?sql=select+count(*)+from+articles"):
                with urllib.request.urlopen(base + path, timeout=10) as response:
                    statuses.append(response.status)
        out, err = reclean.communicate(timeout=60)
    finally:
        datasette.terminate()
        datasette.wait(timeout=30)
    assert reclean.returncode == 0, err
    assert out.startswith(f"newsrake reclean: {PAGES} cleaned")
    assert len(statuses) >= 4
    assert set(statuses) == {200}


def test_a_reclean_reads_dates_against_the_fetch_time_whenever_it_runs(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    store = Store.open(db)
    url = "https://example.org/news/yearless.html"
    body = article_page(1).replace(
        b"<title>", b'<meta property="article:published_time" content="5 March 10:20"><title>'
    )
    page = RawPage(url=url, final_url=url, status=200, body=body, fetched_at="2019-06-01T12:00:00Z",
                   headers={"Content-Type": "text/html; charset=utf-8"})  # fmt: skip
    store.save_article(page, Article(url=url, text="old text", cleaner_version="0.old"), source="A", feed_url=None,
                       run_id=None)  # fmt: skip
    store.close()
    for args in ([], ["--all"]):  # the same date the first time and the next
        run = newsrake("reclean", "--db", "news.db", *args, cwd=tmp_path)
        assert run.returncode == 0, run.stderr
        assert query(db, "SELECT published, published_raw FROM articles") == [("2019-03-05T10:20:00Z", "5 March 10:20")]


SLOW_PAGE = (
    b"<html><body>" + b"<p>A paragraph among many, which takes a while to clean.</p>" * 40_000 + b"</body></html>"
)
BIG_PAGE = b"<html><body><p>" + b"many words here " * 800_000 + b"</p></body></html>"


def store_pages(db: Path, bodies: list[bytes]) -> list[str]:
    """Stored pages with these bodies, cleaned by an old version; their URLs, in id order."""
    store = Store.open(db)
    urls = [f"https://example.org/news/page-{n}.html" for n in range(len(bodies))]
    for url, body in zip(urls, bodies, strict=True):
        page = RawPage(url=url, final_url=url, status=200, body=body, headers={"Content-Type": "text/html"})
        store.save_article(page, Article(url=url, text="old text", cleaner_version="0.old"), source="A",
                           feed_url=None, run_id=None)  # fmt: skip
    store.close()
    return urls


def test_a_page_over_the_time_bound_is_one_line_and_stays_stale(small_db: Path) -> None:
    before = query(small_db, "SELECT id, title, text, cleaner_version FROM articles ORDER BY id")
    run = newsrake("reclean", "--db", small_db.name, "-s", "NEWSRAKE_CLEAN_TIMEOUT=0.000001", cwd=small_db.parent)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "newsrake reclean: 6 cleaned, 0 changed, 0 unchanged, 6 failed"
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 6, run.stderr  # one line a page
    assert all(line.startswith("newsrake: cleaning failed: https://example.org/news/") for line in lines)
    assert all(line.endswith(": clean-timeout: over 1e-06 s") for line in lines)
    assert query(small_db, "SELECT id, title, text, cleaner_version FROM articles ORDER BY id") == before
    again = newsrake("reclean", "--db", small_db.name, cwd=small_db.parent)  # the default bounds: all cleaned
    assert again.stdout.strip() == "newsrake reclean: 6 cleaned, 6 changed, 0 unchanged, 0 failed"


def test_a_page_over_the_memory_bound_is_one_line_and_the_others_are_cleaned(tmp_path: Path) -> None:
    urls = store_pages(tmp_path / "news.db", [article_page(1), BIG_PAGE, article_page(2)])
    run = newsrake("reclean", "--db", "news.db", "--jobs", "1", "-s", "NEWSRAKE_CLEAN_MEMORY_MB=5", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "newsrake reclean: 3 cleaned, 2 changed, 0 unchanged, 1 failed"
    [line] = run.stderr.strip().splitlines()
    assert line.startswith(f"newsrake: cleaning failed: {urls[1]}: clean-")
    assert line.endswith((": clean-memory: over the memory bound", ": clean-memory: over 5 MB", ": clean-crashed"))


def descendants(pid: int) -> dict[int, int]:
    """The processes under ``pid``, each with its depth below it (from /proc)."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                status = (entry / "status").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(status.split("PPid:")[1].split()[0])
    depths: dict[int, int] = {}
    for child in parents:
        depth, up = 0, child
        while up in parents and up != pid and depth < 8:
            up, depth = parents[up], depth + 1
        if up == pid:
            depths[child] = depth
    return depths


def test_a_worker_that_dies_is_one_line_and_is_replaced(tmp_path: Path) -> None:
    urls = store_pages(tmp_path / "news.db", [SLOW_PAGE, article_page(1), article_page(2)])
    run = subprocess.Popen([sys.executable, "-m", "crawler.cli", "reclean", "--db", "news.db", "--jobs", "1"],
                           cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    workers: list[int] = []
    deadline = time.monotonic() + 60
    while not workers and run.poll() is None and time.monotonic() < deadline:  # forked by the fork server
        workers = [pid for pid, depth in descendants(run.pid).items() if depth == 2]
        time.sleep(0.01)
    assert workers, "no worker started"
    os.kill(workers[0], signal.SIGKILL)  # as the kernel's OOM killer would, on the slow first page
    out, err = run.communicate(timeout=120)
    assert run.returncode == 0, err
    assert err.strip().splitlines() == [f"newsrake: cleaning failed: {urls[0]}: clean-crashed"]
    assert out.strip() == "newsrake reclean: 3 cleaned, 2 changed, 0 unchanged, 1 failed"


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        pytest.param("DOWNLOAD_DELAY=2", "reclean takes only NEWSRAKE_CLEAN_TIMEOUT", id="crawl-only-setting"),
        pytest.param("NEWSRAKE_CLEAN_TIMEOUT=soon", "bad setting", id="bad-timeout"),
        pytest.param("NEWSRAKE_CLEAN_TIMEOUT", "expected NAME=VALUE", id="no-value"),
        pytest.param("NEWSRAKE_STORIES=maybe", "NEWSRAKE_STORIES='maybe': expected true or false", id="bad-stories"),
        pytest.param("NEWSRAKE_STORY_THRESHOLD=2", "must be over 0 and at most 1", id="threshold-over-1"),
    ],
)
def test_bad_bounds_are_one_line(small_db: Path, setting: str, message: str) -> None:
    run = newsrake("reclean", "--db", small_db.name, "-s", setting, cwd=small_db.parent)
    assert run.returncode == 2
    assert message in run.stderr
    assert "Traceback" not in run.stderr


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        pytest.param(
            lambda t: t.replace('"""', '"""Reworded. ', 1), "0 cleaned, 0 changed, 0 unchanged", id="docstring"
        ),
        pytest.param(lambda t: t + "\n# a comment\n", "0 cleaned, 0 changed, 0 unchanged", id="comment"),
        pytest.param(lambda t: t + "\n_ADDED = 1\n", "6 cleaned, 0 changed, 6 unchanged", id="code"),
    ],
)
def test_a_reclean_cleans_again_only_what_a_change_could_change(
    small_db: Path, edit: Callable[[str], str], expected: str
) -> None:
    assert newsrake("reclean", "--db", small_db.name, cwd=small_db.parent).returncode == 0  # all current
    copy = small_db.parent / "cleaners"  # imported before the installed package: the command runs from here
    shutil.copytree(Path(cleaners.__file__).parent, copy, ignore=shutil.ignore_patterns("__pycache__"))
    module = copy / "text_cleaners.py"
    module.write_text(edit(module.read_text(encoding="utf-8")), encoding="utf-8")
    run = newsrake("reclean", "--db", small_db.name, cwd=small_db.parent)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == f"newsrake reclean: {expected}, 0 failed"
