"""Crawl throughput, CPU and memory: a real `newsrake crawl` against plain trafilatura in one process.

    python benchmarks/crawl.py path/to/article-extraction [--sizes 500 5000]

For each size N, in the same run:

1. The article-extraction benchmark's pages are replicated to N articles,
   each with a variation (a numbered comment), saved to a folder and served
   on 127.0.0.1 behind feeds of ~50 entries each (RSS 2.0, Atom, RSS 1.0).
2. Baseline: plain ``trafilatura.extract`` (no comments) in a loop over the
   saved pages, one process (``benchmarks/extract_loop.py``; its imports are
   not timed). The same loop with newsrake's ``clean_page`` gives the cost of
   newsrake's cleaning against trafilatura's (target <= 1.25).
3. ``newsrake crawl --feeds-file F --db D`` as a whole process, start-up
   included, with no politeness delays (``DOWNLOAD_DELAY=0``, AutoThrottle
   off, 16 requests at a time to the one host) and every other setting at
   its default (cleaning workers: one per core). Its cache folder
   (``NEWSRAKE_CACHE_DIR``) is a fresh one, filled before the loops and
   the crawl, as it is on every run but a machine's first.

Prints articles per second, CPU ms per stored article (user + system, every
process of the tree) and the peak memory (PSS) of the process tree, then the
ratios to the targets:

- crawl rate >= 1.5 x the baseline's;
- CPU per stored article <= 1.4 x the baseline's;
- peak memory <= 400 MB at the smallest size, and at the largest <= 1.2 x that;
- rate at the largest size within 10% of the rate at the smallest.

The data folder is that of the public scrapinghub/article-extraction-benchmark
repository (html/*.html.gz).
"""

from __future__ import annotations

import argparse
import json
import math
import sqlite3
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.loopback_site import feed_urls, load_pages, replicate, site_routes
from benchmarks.proctree import fill_cache, newsrake_command, run_measured
from crawler.demo.server import LoopbackServer

FEED_ENTRIES = 50
MB = 1_000_000


@dataclass(frozen=True)
class Row:
    """One measured line of the report."""

    name: str
    articles: int
    seconds: float
    cpu_seconds: float
    peak: int

    @property
    def rate(self) -> float:
        return self.articles / self.seconds

    @property
    def cpu_ms(self) -> float:
        return 1000 * self.cpu_seconds / max(1, self.articles)

    def line(self) -> str:
        memory = f"{self.peak / MB:7.0f} MB" if self.peak else "         -"
        return (
            f"  {self.name:<34} {self.articles:6d} articles {self.seconds:7.1f} s {self.rate:7.1f}/s"
            f" {self.cpu_ms:7.1f} CPU ms/article {memory}"
        )


@dataclass(frozen=True)
class Check:
    """A measured ratio against its target. Only checks that ``decide`` make the result; the others are
    stricter readings of a target, reported beside it."""

    name: str
    value: float
    op: str
    limit: float
    decide: bool = True

    @property
    def ok(self) -> bool:
        return self.value >= self.limit if self.op == ">=" else self.value <= self.limit

    def line(self) -> str:
        verdict = "ok" if self.ok else "MISSED"
        note = "" if self.decide else "  (stricter reading, reported)"
        return f"  {self.name:<56} {self.value:8.2f}  (target {self.op} {self.limit:g}) {verdict}{note}"


def extract_loop(folder: Path, cleaner: str) -> tuple[Row, Row]:
    """The single-process loop over the saved pages, measured twice: as a whole process (start-up and
    imports included, as the crawl is) and the loop alone (as the loop reports it)."""
    command = [sys.executable, "-m", "benchmarks.extract_loop", str(folder), "--cleaner", cleaner]
    measured = run_measured(command)
    if measured.process.returncode != 0:
        raise SystemExit(f"the {cleaner} loop failed:\n{measured.process.stderr}")
    result = json.loads(measured.process.stdout)
    pages = result["pages"]
    whole = Row(f"{cleaner} loop, 1 process", pages, measured.seconds, measured.cpu_seconds, measured.peak_pss)
    alone = Row(f"{cleaner} loop, loop alone", pages, result["seconds"], result["cpu_seconds"], 0)
    return whole, alone


def crawl(pages: dict[str, bytes], workdir: Path, extra: list[str]) -> tuple[Row, str]:
    """A real `newsrake crawl` of the pages served on loopback; the row and the crawl's summary line."""
    feeds = max(1, math.ceil(len(pages) / FEED_ENTRIES))
    with LoopbackServer(lambda base: site_routes(base, pages, feeds=feeds)) as server:
        feeds_file = workdir / "feeds.txt"
        feeds_file.write_text("\n".join(feed_urls(server.routes, server.base_url)) + "\n")
        db = workdir / "crawl.db"
        command = [
            newsrake_command(), "crawl", "--feeds-file", str(feeds_file), "--db", str(db),
            "--allow-address", server.address,
            "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
            "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16", *extra,
        ]  # fmt: skip
        measured = run_measured(command)
    if measured.process.returncode != 0:
        raise SystemExit(f"the crawl failed (exit {measured.process.returncode}):\n{measured.process.stderr[-3000:]}")
    with sqlite3.connect(db) as conn:
        stored = conn.execute("SELECT count(*) FROM articles WHERE trim(coalesce(text, '')) != ''").fetchone()[0]
    row = Row("newsrake crawl, whole process tree", stored, measured.seconds, measured.cpu_seconds, measured.peak_pss)
    main = measured.main_cpu_seconds
    per = 1000 / max(1, stored)
    split = (
        f"CPU ms/article: main process (Scrapy, feeds, storage) {main * per:.1f},"
        f" cleaning workers and their fork server {(measured.cpu_seconds - main) * per:.1f}"
    )
    return row, f"{measured.process.stdout.strip()}\n  {split}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", type=Path, help="the article-extraction benchmark folder (with html/)")
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 5000], help="articles per crawl")
    parser.add_argument(
        "-s", dest="settings", action="append", default=[], metavar="NAME=VALUE", help="extra crawl setting"
    )
    args = parser.parse_args()
    if not (args.data / "html").is_dir():
        parser.error(f"{args.data}/html not found")
    originals = load_pages(args.data)
    extra = [part for pair in args.settings for part in ("-s", pair)]
    sizes = sorted(set(args.sizes))
    crawls: dict[int, Row] = {}
    checks: list[Check] = []
    for size in sizes:
        pages = replicate(originals, size)
        with tempfile.TemporaryDirectory() as tmp:
            workdir = Path(tmp)
            fill_cache(workdir / "cache")  # untimed, as on every run but a machine's first
            folder = workdir / "pages"
            folder.mkdir()
            for name, body in pages.items():
                (folder / f"{name}.html").write_bytes(body)
            print(f"{size} articles:", flush=True)
            base, base_alone = extract_loop(folder, "trafilatura")
            ours, ours_alone = extract_loop(folder, "newsrake")
            for row in (base, base_alone, ours, ours_alone):
                print(row.line(), flush=True)
            row, summary = crawl(pages, workdir, extra)
            print(row.line())
            print(f"  {summary}", flush=True)
        crawls[size] = row
        checks += [
            Check(f"{size}: crawl rate / trafilatura loop's", row.rate / base.rate, ">=", 1.5),
            Check(f"{size}: crawl rate / trafilatura loop alone's", row.rate / base_alone.rate, ">=", 1.5,
                  decide=False),
            Check(f"{size}: crawl CPU / trafilatura loop's, per article", row.cpu_ms / base.cpu_ms, "<=", 1.4),
            Check(f"{size}: crawl CPU / trafilatura loop alone's", row.cpu_ms / base_alone.cpu_ms, "<=", 1.4,
                  decide=False),
            Check(f"{size}: newsrake cleaning / trafilatura, CPU per page", ours_alone.cpu_ms / base_alone.cpu_ms,
                  "<=", 1.25),
            Check(f"{size}: articles stored / served", row.articles / size, ">=", 1.0),
        ]  # fmt: skip
    small, large = sizes[0], sizes[-1]
    checks.append(Check(f"{small}: peak memory of the crawl, MB", crawls[small].peak / MB, "<=", 400))
    if large != small:
        memory = crawls[large].peak / crawls[small].peak
        rate = crawls[large].rate / crawls[small].rate
        checks.append(Check(f"peak memory at {large} / at {small}", memory, "<=", 1.2))
        checks.append(Check(f"crawl rate at {large} / at {small}", rate, ">=", 0.9))
    print()
    for check in checks:
        print(check.line())
    passed = all(check.ok for check in checks if check.decide)
    print("RESULT:", "pass" if passed else "FAIL")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
