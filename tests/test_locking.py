"""The run lock and migrations: upgrades that cannot collide, `serve` migrating only under the lock, killed
runs marked interrupted, a lock that a symlink cannot dodge, and only lock errors reported as such."""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

import pipelines.store
from crawler.commands.common import with_lock
from crawler.demo.server import LoopbackServer
from crawler.lock import RunLock
from pipelines.store import MIGRATIONS, Store

from conftest import FAST, free_port, generated_site, newsrake

UNREACHABLE = "http://127.0.0.1:9/feed.xml"
OPEN_AT_ONCE = """
import os, sys, time
from pipelines.store import Store
path, go = sys.argv[1:]
while not os.path.exists(go):
    time.sleep(0.001)
Store.open(path).close()
"""


def old_database(path: Path, monkeypatch: pytest.MonkeyPatch, migrations: int = 7) -> Path:
    """A database as a newsrake of ``migrations`` migrations left it."""
    with monkeypatch.context() as patch:
        patch.setattr(pipelines.store, "MIGRATIONS", MIGRATIONS[:migrations])
        Store.open(path).close()
    return path


def applied(db: Path) -> list[tuple[str, int]]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT name, count(*) FROM newsrake_migrations GROUP BY name ORDER BY name").fetchall()


@pytest.mark.parametrize(
    "state", [pytest.param(0, id="new"), pytest.param(1, id="at-001"), pytest.param(7, id="at-007")]
)
def test_processes_upgrading_one_database_at_once_apply_each_migration_once(
    state: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for round_ in range(3):
        db, go = tmp_path / f"news-{round_}.db", tmp_path / f"go-{round_}"
        if state:
            old_database(db, monkeypatch, state)
        processes = [
            subprocess.Popen([sys.executable, "-c", OPEN_AT_ONCE, str(db), str(go)], cwd=tmp_path,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(3)
        ]  # fmt: skip
        time.sleep(1.0)  # every process has imported the store and waits
        go.touch()
        results = [(p.wait(timeout=120), p.communicate()[1]) for p in processes]
        assert results == [(0, "")] * 3
        assert applied(db) == [(name, 1) for name, _ in sorted(MIGRATIONS)]
        with sqlite3.connect(db) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def start_serve(db: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "crawler.cli", "serve", "--db", db.name, "--port", str(port)],
                              cwd=db.parent, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    url = f"http://127.0.0.1:{port}/{db.stem}.json"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return server, url
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise AssertionError("newsrake serve did not start")


@pytest.mark.parametrize(
    ("locked", "migrated"),
    [pytest.param(True, 7, id="a-run-holds-the-lock"), pytest.param(False, len(MIGRATIONS), id="no-run")],
)
def test_serve_migrates_only_under_the_run_lock(
    locked: bool, migrated: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = old_database(tmp_path / "news.db", monkeypatch)
    with RunLock(db) if locked else contextlib.nullcontext():
        server, _ = start_serve(db)
        try:
            assert len(applied(db)) == migrated
        finally:
            server.terminate()
            server.wait(timeout=30)


@pytest.fixture(scope="module")
def slow_site() -> Iterator[LoopbackServer]:
    with LoopbackServer(generated_site(40), host="127.0.0.44") as server:
        yield server


def runs(db: Path) -> list[tuple[int, str, bool]]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT id, outcome, finished_at IS NOT NULL FROM runs ORDER BY id").fetchall()


def wait_for_a_running_row(db: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if runs(db) == [(1, "running", False)]:
                return
        except sqlite3.Error:
            pass  # not created yet
        time.sleep(0.05)
    raise AssertionError("the run never started")


def test_a_killed_run_is_marked_interrupted_when_the_next_one_starts(slow_site: LoopbackServer, tmp_path: Path) -> None:
    args = ["crawl", "--feed", f"{slow_site.base_url}/feed.xml", "--db", "news.db", "--allow-address",
            slow_site.address]  # fmt: skip
    killed = subprocess.Popen([sys.executable, "-m", "crawler.cli", *args, "-s", "DOWNLOAD_DELAY=0.2"], cwd=tmp_path,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        wait_for_a_running_row(tmp_path / "news.db")
    finally:
        os.kill(killed.pid, signal.SIGKILL)
        killed.wait(timeout=30)
    again = newsrake(*args, *FAST, cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert runs(tmp_path / "news.db") == [(1, "interrupted", False), (2, "ok", True)]


def test_only_the_rows_of_processes_that_are_gone_become_interrupted(tmp_path: Path) -> None:
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait(timeout=30)
    store = Store.open(tmp_path / "news.db")
    try:
        dead_run = store.start_run("crawl", {})
        store.db.conn.execute("UPDATE runs SET pid = ? WHERE id = ?", (gone.pid, dead_run))
        store.db.conn.commit()
        live_run = store.start_run("reclean", {})  # this process: alive
        store.start_run("crawl", {})
    finally:
        store.close()
    assert runs(tmp_path / "news.db") == [(dead_run, "interrupted", False), (live_run, "running", False),
                                          (live_run + 1, "running", False)]  # fmt: skip


@pytest.mark.parametrize(
    ("held", "given"),
    [
        pytest.param("news.db", "link.db", id="run-through-a-symlink"),
        pytest.param("link.db", "news.db", id="lock-held-through-a-symlink"),
    ],
)
def test_a_symlink_to_the_database_takes_the_same_lock(held: str, given: str, tmp_path: Path) -> None:
    (tmp_path / "link.db").symlink_to("news.db")
    with RunLock(tmp_path / held):
        run = newsrake("crawl", "--feed", UNREACHABLE, "--db", given, cwd=tmp_path)
    assert run.returncode == 75
    assert (
        run.stderr == f"newsrake: another newsrake run (pid {os.getpid()}) is using {given}; not starting (exit 75)\n"
    )


def test_only_taking_the_lock_is_reported_as_a_lock_error(tmp_path: Path) -> None:
    def work() -> int:
        raise FileNotFoundError(2, "No such file or directory", "elsewhere.txt")

    with pytest.raises(FileNotFoundError, match=r"elsewhere\.txt"):
        with_lock(tmp_path / "news.db", work)
    with RunLock(tmp_path / "news.db"):  # released
        pass
