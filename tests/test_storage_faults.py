"""Storage faults: a full disk, a read-only file system, a corrupt file. One line, a non-zero exit, nothing
marked done that was not committed. The first two mount a small tmpfs (root only; skipped elsewhere)."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from crawler.demo.server import LoopbackServer

from conftest import FAST, newsrake


def mount_tmpfs(where: Path, size: str) -> bool:
    where.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                          capture_output=True, check=False)  # fmt: skip
    return done.returncode == 0


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    disk = tmp_path / "disk"
    if os.geteuid() != 0 or shutil.which("mount") is None or not mount_tmpfs(disk, "200k"):
        pytest.skip("needs root and tmpfs to make a small disk")
    try:
        yield disk
    finally:  # lazily, so that a file still open somewhere cannot keep the mount alive
        subprocess.run(["umount", "--lazy", str(disk)], check=False)


def crawl_into(site: LoopbackServer, db: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*newsrake_command(), "crawl", "--feed", f"{site.base_url}/feeds/rss2.xml", "--feed",
         f"{site.base_url}/feeds/atom.xml", "--feed", f"{site.base_url}/feeds/rss1.xml", "--db", str(db),
         "--allow-address", site.address, *FAST],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def newsrake_command() -> list[str]:
    return [sys.executable, "-m", "crawler.cli"]


def test_a_full_disk_stops_the_crawl_with_one_error(site: LoopbackServer, small_disk: Path) -> None:
    db = small_disk / "news.db"
    run = crawl_into(site, db)
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert run.stderr.strip().splitlines()[-1].startswith("newsrake: error: ")
    assert "full" in run.stderr
    with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        orphans = conn.execute(
            "SELECT count(*) FROM articles a LEFT JOIN raw_pages r ON r.article_id = a.id WHERE r.article_id IS NULL"
        ).fetchone()[0]
        assert orphans == 0
        assert conn.execute("SELECT count(*) FROM feeds WHERE etag IS NOT NULL").fetchone()[0] == 0


def test_a_read_only_file_system_is_one_error(site: LoopbackServer, small_disk: Path) -> None:
    db = small_disk / "news.db"
    assert newsrake("demo", "--db", str(db), "--port", "0", cwd=small_disk).returncode in (0, 1)
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    run = crawl_into(site, db)
    assert run.returncode == 1
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    assert lines[0].startswith("newsrake: error: ")


@pytest.mark.parametrize(
    "command",
    [
        pytest.param(["crawl", "--feed", "http://127.0.0.1:9/feed.xml"], id="crawl"),
        pytest.param(["reclean", "--all"], id="reclean"),
        pytest.param(["serve"], id="serve"),
    ],
)
def test_a_corrupt_database_is_one_error(site: LoopbackServer, tmp_path: Path, command: list[str]) -> None:
    assert crawl_into(site, tmp_path / "news.db").returncode == 0
    with open(tmp_path / "news.db", "r+b") as file:  # keep the header, ruin the pages after it
        file.seek(4096)
        file.write(b"\xde\xad\xbe\xef" * 20_000)
    run = newsrake(*command, "--db", "news.db", cwd=tmp_path)
    assert run.returncode == 1
    assert run.stderr.strip().splitlines() == [
        "newsrake: error: cannot open database news.db: database disk image is malformed"
    ]
