"""The same code behind `scrapy crawl feeds` and `newsrake demo`."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from crawler.demo.server import LoopbackServer

from conftest import FAST, newsrake

ROOT = Path(__file__).resolve().parent.parent


def count(db: Path, sql: str) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute(sql).fetchone()[0])


def test_scrapy_crawl_feeds_from_the_project_root(site: LoopbackServer, tmp_path: Path) -> None:
    db = tmp_path / "scrapy.db"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "scrapy",
            "crawl",
            "feeds",
            "-a",
            f"feed={site.base_url}/feeds/atom.xml",
            "-s",
            f"NEWSRAKE_DB={db}",
            "-s",
            f"NEWSRAKE_ALLOW_ADDRESSES={site.address}",
            *FAST,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert count(db, "SELECT count(*) FROM articles WHERE text != ''") == 2
    assert count(db, "SELECT count(*) FROM runs WHERE outcome = 'ok'") == 1


def test_private_addresses_are_refused_by_default(site: LoopbackServer, tmp_path: Path) -> None:
    before = len(site.requests)
    run = newsrake("crawl", "--feed", f"{site.base_url}/feeds/rss2.xml", "--db", "news.db", *FAST, cwd=tmp_path)
    assert run.returncode == 1  # the only feed failed
    assert site.requests[before:] == []
    assert "non-public address 127.0.0.1" in run.stderr
    assert run.stdout.strip() == "newsrake: 0 feeds fetched (1 failed), 0 articles new, 0 skipped, 0 failed"


def test_allow_address_lets_exactly_that_server_through(site: LoopbackServer, tmp_path: Path) -> None:
    run = newsrake(
        "crawl",
        "--feed",
        f"{site.base_url}/feeds/rss2.xml",
        "--feed",
        "http://127.0.0.1:9/other.xml",
        "--allow-address",
        site.address,
        "--db",
        "news.db",
        *FAST,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stderr
    assert "refused http://127.0.0.1:9/other.xml" in run.stderr
    assert count(tmp_path / "news.db", "SELECT count(*) FROM articles") == 2


def test_demo_crawls_the_bundled_site_and_is_incremental(tmp_path: Path) -> None:
    first = newsrake("demo", "--db", "demo.db", "--port", "0", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "newsrake: 3 feeds fetched, 10 articles new, 0 skipped, 0 failed" in first.stdout
    assert "    newsrake serve --db demo.db\n" in first.stdout  # newsrake's own Datasette set-up, not a bare datasette
    assert "    newsrake stories --db demo.db\n" in first.stdout
    db = tmp_path / "demo.db"
    assert count(db, "SELECT count(DISTINCT source) FROM articles") == 3
    assert count(db, "SELECT count(*) FROM articles WHERE title != '' AND text != ''") == 10
    assert count(db, "SELECT count(DISTINCT language) FROM articles") == 2


def test_a_database_that_refuses_writes_stops_the_crawl_with_one_error(tmp_path: Path) -> None:
    first = newsrake("demo", "--db", "demo.db", "--port", "0", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    with sqlite3.connect(tmp_path / "demo.db") as conn:  # fault injection: every article insert fails
        conn.executescript(
            "DELETE FROM removals; DELETE FROM raw_pages; DELETE FROM articles;"
            "CREATE TRIGGER refuse BEFORE INSERT ON articles BEGIN SELECT RAISE(FAIL, 'simulated write failure'); END;"
        )
    run = newsrake("demo", "--db", "demo.db", "--port", "0", cwd=tmp_path)
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert run.stderr.strip().splitlines()[-1] == (
        "newsrake: error: the crawl stopped: cannot write to demo.db (see the log above)"
    )
    assert count(tmp_path / "demo.db", "SELECT count(*) FROM articles") == 0
    assert count(tmp_path / "demo.db", "SELECT count(*) FROM runs WHERE outcome = 'failed'") == 1


def test_demo_records_what_the_cleaners_removed(tmp_path: Path) -> None:
    run = newsrake("demo", "--db", "demo.db", "--port", "0", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    db = tmp_path / "demo.db"
    assert count(db, "SELECT count(DISTINCT article_id) FROM removals") == 10
    assert count(db, "SELECT count(*) FROM removals WHERE cleaner = 'promo-lines' OR stage = 'html'") > 0
    assert count(db, "SELECT count(*) FROM articles WHERE credit IS NOT NULL") >= 1
    assert count(db, "SELECT count(*) FROM articles WHERE text LIKE '%follow us%' OR text LIKE '%Click here%'") == 0


COPIED = "/harbour-herald/ferry-strike-ends.html"
REPUBLISHED = "/northfield-ledger/ferry-strike-republished.html"


def test_demo_holds_one_story_carried_by_two_sources(tmp_path: Path) -> None:
    """The Ledger republishes a Herald article: the two join one story, whichever was stored first, and the
    Ledger's syndication note is out of its text."""
    run = newsrake("demo", "--db", "demo.db", "--port", "0", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    db = tmp_path / "demo.db"
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT url, id, story_id, story_role, story_match, similarity, syndicated_from, credit, text"
            " FROM articles ORDER BY id"
        ).fetchall()
    by_path = {"/" + url.split("/", 3)[3]: row for url, *row in rows}
    pair = [by_path[COPIED], by_path[REPUBLISHED]]
    alone = [row for path, row in by_path.items() if path not in (COPIED, REPUBLISHED)]
    assert len(rows) == 10
    assert pair[0][1] == pair[1][1] == min(pair[0][0], pair[1][0])
    assert sorted(row[2] for row in pair) == ["copy", "original"]
    copy = next(row for row in pair if row[2] == "copy")
    assert (copy[3], copy[4] >= 0.5) == ("similar text", True)
    assert [(row[1], row[2]) for row in alone] == [(row[0], "original") for row in alone]
    _, _, _, _, _, syndicated_from, credit, text = by_path[REPUBLISHED]
    assert syndicated_from == "The Harbour Herald"
    assert "content-sharing" in credit
    for boilerplate in ("content-sharing", "first published", "Ledger app", "Related:", "morning briefing"):
        assert boilerplate not in text, boilerplate

    summary = newsrake("stories", "--db", "demo.db", cwd=tmp_path)
    assert summary.returncode == 0, summary.stderr
    assert "10 articles in 9 stories" in summary.stdout
    assert "1 carried by more than one source" in summary.stdout
    url = next(url for url, *_ in rows if url.endswith(REPUBLISHED))
    show = newsrake("stories", "--db", "demo.db", "--show", url, cwd=tmp_path)
    assert show.returncode == 0, show.stderr
    assert "2 article(s) from 2 source(s)" in show.stdout
    assert COPIED in show.stdout
    assert REPUBLISHED in show.stdout


def test_a_name_that_resolves_to_loopback_is_refused(site: LoopbackServer, tmp_path: Path) -> None:
    port = site.address.rsplit(":", 1)[1]
    before = len(site.requests)
    run = newsrake("crawl", "--feed", f"http://localhost:{port}/feeds/rss2.xml", "--db", "news.db", *FAST, cwd=tmp_path)
    assert run.returncode == 1
    assert site.requests[before:] == []
    assert "refused http://localhost:" in run.stderr
    assert "non-public address" in run.stderr
