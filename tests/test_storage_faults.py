"""Storage faults: a full disk, a read-only file system, a corrupt file. One line, a non-zero exit, nothing
marked done that was not committed. The full disk is a small tmpfs (root only; skipped elsewhere); the read-only
file system a read-only bind mount in a mount namespace of the crawl's own, made as root or, without privileges,
in a user namespace (both ways run as root)."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from cleaners import Article
from crawler.demo.server import LoopbackServer
from pipelines.records import RawPage
from pipelines.store import Store

from conftest import FAST, article_page, newsrake


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


def crawl_into(site: LoopbackServer, db: Path, *, within: Sequence[str] = ()) -> subprocess.CompletedProcess[str]:
    """A crawl of the three feeds of ``site`` into ``db``; ``within``: a command that runs it (`read_only_view`)."""
    return subprocess.run(
        [*within, *newsrake_command(), "crawl", "--feed", f"{site.base_url}/feeds/rss2.xml", "--feed",
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


NAMESPACES = {
    "mount-namespace": ["unshare", "--mount"],  # root's way
    "user-namespace": ["unshare", "--user", "--map-root-user", "--mount"],  # anyone's, where user namespaces are on
}
READ_ONLY_BIND = 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" "$1" && shift && exec "$@"'


def read_only_view(way: str, folder: Path) -> list[str]:
    """A command prefix: its command runs in a mount namespace of its own in which ``folder`` is read-only (a
    read-only bind mount on itself); the folder stays writable everywhere else. Skips where ``way`` cannot."""
    if way == "mount-namespace" and os.geteuid() != 0:
        pytest.skip("a mount namespace needs root (the user-namespace case runs without)")
    view = [*NAMESPACES[way], "sh", "-c", READ_ONLY_BIND, "sh", str(folder)]
    probe = subprocess.run([*view, "sh", "-c", f"! touch {folder}/probe"], capture_output=True, text=True, check=False)
    if probe.returncode != 0 or (folder / "probe").exists():
        pytest.skip(f"cannot make a read-only view of a folder here ({way}): {probe.stderr.strip()}")
    return view


@pytest.mark.parametrize("way", list(NAMESPACES))
def test_a_read_only_file_system_is_one_error(site: LoopbackServer, tmp_path: Path, way: str) -> None:
    folder = tmp_path / "disk"
    folder.mkdir()
    db = folder / "news.db"
    assert crawl_into(site, db).returncode == 0
    before = {path.name: path.read_bytes() for path in folder.iterdir()}
    run = crawl_into(site, db, within=read_only_view(way, folder))
    assert run.returncode == 1
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    assert lines[0].startswith("newsrake: error: ")
    assert lines[0].endswith(": Read-only file system"), lines[0]  # that, and not some other fault
    assert {path.name: path.read_bytes() for path in folder.iterdir()} == before


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


@pytest.fixture
def reclean_disk(tmp_path: Path) -> Iterator[Path]:
    """A 4 MB tmpfs holding a database of 40 stale stored pages."""
    disk = tmp_path / "reclean-disk"
    if os.geteuid() != 0 or shutil.which("mount") is None or not mount_tmpfs(disk, "4m"):
        pytest.skip("needs root and tmpfs to make a small disk")
    try:
        store = Store.open(disk / "news.db")
        for number in range(40):
            url = f"https://example.org/news/{number}.html"
            page = RawPage(url, url, 200, article_page(number), {"Content-Type": "text/html; charset=utf-8"})
            article = Article(url=url, text="old text", cleaner_version="0.old")
            store.save_article(page, article, source="A", feed_url=None, run_id=None)
        store.close()
        yield disk
    finally:
        subprocess.run(["umount", "--lazy", str(disk)], check=False)


def stale_rows(db: Path) -> int:
    with contextlib.closing(sqlite3.connect(db)) as conn:
        return int(conn.execute("SELECT count(*) FROM articles WHERE cleaner_version = '0.old'").fetchone()[0])


def test_a_full_disk_stops_a_reclean_with_one_error(reclean_disk: Path) -> None:
    filler = reclean_disk / "filler"
    with open(filler, "wb") as file:  # room to open the file and start the run, not to write the cleaned pages
        file.write(b"\0" * (os.statvfs(reclean_disk).f_bavail * os.statvfs(reclean_disk).f_frsize - 64 * 1024))
    run = newsrake("reclean", "--db", "news.db", "--quiet", "--jobs", "1", cwd=reclean_disk)
    assert run.returncode == 1
    assert run.stderr.strip().splitlines() == ["newsrake: error: cannot write to news.db: database or disk is full"]
    filler.unlink()
    with contextlib.closing(sqlite3.connect(reclean_disk / "news.db")) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert stale_rows(reclean_disk / "news.db") == 40  # the batch was rolled back: nothing marked done
    again = newsrake("reclean", "--db", "news.db", "--quiet", cwd=reclean_disk)
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip() == "newsrake reclean: 40 cleaned, 40 changed, 0 unchanged, 0 failed"
    assert stale_rows(reclean_disk / "news.db") == 0


def test_a_read_only_file_system_stops_a_reclean_with_one_error(reclean_disk: Path) -> None:
    before = (reclean_disk / "news.db").read_bytes()
    subprocess.run(["mount", "-o", "remount,ro", str(reclean_disk)], check=True)
    run = newsrake("reclean", "--db", "news.db", "--quiet", "--jobs", "1", cwd=reclean_disk)
    assert run.returncode == 1
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    assert lines[0].startswith("newsrake: error: ")
    assert (reclean_disk / "news.db").read_bytes() == before
