"""`newsrake reclean` over a real SQLite file: stale rows only, dry runs, filters, the lock, kills and Ctrl-C."""

from __future__ import annotations

import gzip
import os
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

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
    return int(query(db, "SELECT count(*) FROM articles WHERE cleaner_version != ?", CLEANER_VERSION)[0][0])  # type: ignore[call-overload]


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
    ("args", "message"),
    [
        pytest.param(["--db", "missing.db"], "database not found: missing.db", id="missing-db"),
        pytest.param(["--db", "news.db", "--since", "someday"], "bad date for --since", id="bad-since"),
        pytest.param(["--db", "news.db", "--jobs", "-1"], "Invalid value for '--jobs'", id="bad-jobs"),
    ],
)
def test_errors_are_one_line(small_db: Path, args: list[str], message: str) -> None:
    run = newsrake("reclean", *args, cwd=small_db.parent)
    assert run.returncode in (1, 2)
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
