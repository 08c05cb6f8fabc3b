"""Benchmark for the foundation: a real `newsrake crawl` over a loopback site of real pages, twice.

Serves the article-extraction benchmark's pages behind feeds of each dialect
on 127.0.0.1, runs ``newsrake crawl --feeds-file F --db D
--allow-private-addresses -s DOWNLOAD_DELAY=0`` as a whole process, and
reports the share of listed articles stored with a non-empty title and
text; then runs the same command again and reports the articles it added
and the article pages it fetched (both must be 0).

    python benchmarks/crawl_store.py ../shared/benchmarks/article-extraction [--copies N]

The data folder is the public scrapinghub/article-extraction-benchmark
repository's data (html/*.html.gz); get it from there if you have no copy.
"""

from __future__ import annotations

import argparse
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.loopback_site import feed_urls, load_pages, replicate, site_routes
from benchmarks.proctree import newsrake_command
from crawler.demo.server import LoopbackServer


def run(command: list[str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    return time.perf_counter() - started, done


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", type=Path, help="the article-extraction benchmark folder (with html/)")
    parser.add_argument("--copies", type=int, default=1, help="serve each page this many times (default 1)")
    args = parser.parse_args()
    if not (args.data / "html").is_dir():
        parser.error(f"{args.data}/html not found")
    pages = load_pages(args.data)
    if args.copies > 1:
        pages = replicate(pages, len(pages) * args.copies)
    newsrake = newsrake_command()
    with tempfile.TemporaryDirectory() as tmp, LoopbackServer(lambda base: site_routes(base, pages)) as server:
        feeds_file = Path(tmp) / "feeds.txt"
        feeds_file.write_text("\n".join(feed_urls(server.routes, server.base_url)) + "\n")
        db = Path(tmp) / "bench.db"
        command = [
            newsrake,
            "crawl",
            "--feeds-file",
            str(feeds_file),
            "--db",
            str(db),
            "--allow-private-addresses",
            "-s",
            "DOWNLOAD_DELAY=0",
        ]
        seconds, first = run(command)
        article_requests_first = sum(1 for path in server.requests if path.startswith("/a/"))
        with sqlite3.connect(db) as conn:
            stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            good = conn.execute(
                "SELECT count(*) FROM articles WHERE trim(coalesce(title, '')) != '' AND trim(coalesce(text, '')) != ''"
            ).fetchone()[0]
        before = len(server.requests)
        seconds2, second = run(command)
        article_requests_second = sum(1 for path in server.requests[before:] if path.startswith("/a/"))
        with sqlite3.connect(db) as conn:
            stored_after = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    listed = len(pages)
    print(f"pages listed in feeds:            {listed}")
    print(f"first run:  exit {first.returncode}, {seconds:.1f} s, {article_requests_first} article requests")
    print(f"            {first.stdout.strip()}")
    print(f"stored with title and text:       {good} of {listed} = {good / listed:.1%} (target >= 98%)")
    print(f"rows stored:                      {stored}")
    print(f"second run: exit {second.returncode}, {seconds2:.1f} s, {article_requests_second} article requests")
    print(f"            {second.stdout.strip()}")
    print(f"articles added by second run:     {stored_after - stored} (target 0)")
    if first.stderr.strip():
        print("first run's log:\n" + first.stderr.strip()[-3000:])
    ok = good / listed >= 0.98 and stored_after == stored and article_requests_second == 0
    ok = ok and first.returncode == 0 and second.returncode == 0
    print("RESULT:", "pass" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
