"""Crawl throughput, CPU and memory: a real `newsrake crawl` against plain trafilatura in one process.

    python benchmarks/crawl.py path/to/article-extraction [--sizes 500 5000] [--repeat 2]

For each size N, in the same run:

1. The article-extraction benchmark's pages are replicated to N articles,
   each with a variation (a numbered comment), saved to a folder and served
   on 127.0.0.1 behind feeds of ~50 entries each (RSS 2.0, Atom, RSS 1.0),
   by a lean server (``benchmarks/lean_server.py``: the publishers' stand-in
   shares the crawl's cores, so it should take as little of them as it can).
2. Baseline: plain ``trafilatura.extract`` (no comments) in a loop over the
   saved pages, one process (``benchmarks/extract_loop.py``; its imports are
   not timed), in the order the crawl fetches them: a page's copies far
   apart, as distinct articles come.
3. ``newsrake crawl --feeds-file F --db D`` as a whole process, start-up
   included, with no politeness delays (``DOWNLOAD_DELAY=0``, AutoThrottle
   off, 16 requests at a time to the one host) and every other setting at
   its default (cleaning workers: one per core). Its cache folder
   (``NEWSRAKE_CACHE_DIR``) is a fresh one, filled before the loops and
   the crawl, as it is on every run but a machine's first.

   The loop and the crawl run ``--repeat`` times each, in turn and mirrored
   (loop, crawl, crawl, loop, ...), each crawl into a new database; a
   size's figures add up its runs. The machine's speed drifts over minutes,
   by as much as a third here: in this order a drift weighs on both alike.
4. One more crawl, untimed, in which the peak memory (PSS) of the crawl's
   process tree is sampled every 0.5 s: reading a process's PSS costs the
   kernel some milliseconds per process, on the crawl's own cores, so the
   timed runs do not sample it.
5. newsrake's ``clean_page`` against ``trafilatura.extract`` on the same
   pages in one process, page by page side by side (``--side-by-side``
   pages), for the cost of newsrake's cleaning (target <= 1.25).

Until the loop took the crawl's order, it took the pages by name, each
page's copies back to back, which favours it: trafilatura's caches keep
what it computed for the copy before (``benchmarks/loop_order.py``
measures by how much; ``extract_loop --order copies-together`` is that
loop).

Prints articles per second, CPU ms per stored article (user + system, every
process of the tree) and the peak memory (PSS) of the process tree, then the
ratios to the targets:

- crawl rate >= 1.5 x the baseline's;
- CPU per stored article <= 1.4 x the baseline's;
- peak memory <= 400 MB at the smallest size, and at the largest <= 1.2 x that;
- rate at the largest size within 10% of the rate at the smallest;
- with ``--against NAME=VALUE``: a crawl with that setting too is timed in each round, and the crawl's rate is
  within 5% of its (``--against NEWSRAKE_STORIES=False``: the cost of story detection).

The data folder is that of the public scrapinghub/article-extraction-benchmark
repository (html/*.html.gz).
"""

from __future__ import annotations

import argparse
import json
import math
import sqlite3
import subprocess
import sys
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.lean_server import LeanServer
from benchmarks.loopback_site import feed_urls, load_pages, replicate, site_routes
from benchmarks.proctree import fill_cache, newsrake_command, run_measured

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


def extract_loop(folder: Path, order: str = "files") -> tuple[Row, Row]:
    """The single-process trafilatura loop over the saved pages, measured twice: as a whole process (start-up
    and imports included, as the crawl is) and the loop alone (as the loop reports it)."""
    command = [sys.executable, "-m", "benchmarks.extract_loop", str(folder), "--order", order]
    measured = run_measured(command, sample=False)  # as the timed crawls are
    if measured.process.returncode != 0:
        raise SystemExit(f"the trafilatura loop failed:\n{measured.process.stderr}")
    result = json.loads(measured.process.stdout)
    pages = result["pages"]
    whole = Row("trafilatura loop, 1 process", pages, measured.seconds, measured.cpu_seconds, measured.peak_pss)
    alone = Row("trafilatura loop, loop alone", pages, result["seconds"], result["cpu_seconds"], 0)
    return whole, alone


def cleaning_costs(folder: Path, limit: int) -> tuple[Row, Row]:
    """trafilatura's and newsrake's cleaning of the same pages in one process, page by page side by side
    (``--cleaner both``): CPU per page of each, over the first ``limit`` pages in the crawl's order."""
    command = [sys.executable, "-m", "benchmarks.extract_loop", str(folder), "--cleaner", "both"]
    done = subprocess.run([*command, "--limit", str(limit)], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"the side-by-side cleaning loop failed:\n{done.stderr}")
    result = json.loads(done.stdout)
    pages, cpu = result["pages"], result["cpu_seconds"]
    return (
        Row("trafilatura, side by side", pages, cpu["trafilatura"], cpu["trafilatura"], 0),
        Row("newsrake cleaning, side by side", pages, cpu["newsrake"], cpu["newsrake"], 0),
    )


def combined(rows: list[Row], name: str) -> Row:
    """Several measured runs as one: articles, seconds and CPU added up, the highest peak."""
    return Row(
        name,
        sum(r.articles for r in rows),
        sum(r.seconds for r in rows),
        sum(r.cpu_seconds for r in rows),
        max(r.peak for r in rows),
    )


def crawl(
    pages: dict[str, bytes], workdir: Path, extra: list[str], number: int = 1, *, memory: bool = False
) -> tuple[Row, str]:
    """A real `newsrake crawl` of the pages served on loopback, into a new database (the ``number``-th of
    the size); the row and the crawl's summary line. With ``memory``, the tree's peak PSS is sampled too,
    which costs the crawl's cores (reading a process's PSS walks its page tables: some 6 ms per worker and
    sample), so that a timed run does not."""
    feeds = max(1, math.ceil(len(pages) / FEED_ENTRIES))
    with LeanServer(lambda base: site_routes(base, pages, feeds=feeds)) as server:
        feeds_file = workdir / "feeds.txt"
        feeds_file.write_text("\n".join(feed_urls(server.routes, server.base_url)) + "\n")
        db = workdir / f"crawl-{number}.db"
        command = [
            newsrake_command(), "crawl", "--feeds-file", str(feeds_file), "--db", str(db),
            "--allow-address", server.address,
            "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
            "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16", *extra,
        ]  # fmt: skip
        measured = run_measured(command, sample=memory)
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


def save_pages(pages: dict[str, bytes], folder: Path) -> None:
    """Save the pages for the loops, named so that file-name order is the order the crawl fetches them in:
    the copies of a page far apart (``000123-<page>-<copy>.html``)."""
    folder.mkdir()
    for index, (name, body) in enumerate(pages.items()):
        (folder / f"{index:06d}-{name}.html").write_bytes(body)


def turns(repeat: int, *, against: bool = False) -> list[str]:
    """The order of the timed runs of a size: the loop and the crawl in turn, mirrored from one round to the
    next (loop, crawl, crawl, loop, ...), so that a machine that drifts slower or faster over the minutes
    weighs on both alike. With ``against``, a crawl with other settings is a third turn of each round (loop,
    crawl, against, against, crawl, loop, ...)."""
    one = ("loop", "crawl", "against") if against else ("loop", "crawl")
    return [name for r in range(repeat) for name in (one if r % 2 == 0 else one[::-1])]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", type=Path, help="the article-extraction benchmark folder (with html/)")
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 5000], help="articles per crawl")
    parser.add_argument("--repeat", type=int, default=2, help="timed runs of the loop and of the crawl per size")
    parser.add_argument(
        "--side-by-side", type=int, default=1000, metavar="N", help="pages of the side-by-side cleaning loop"
    )
    parser.add_argument(
        "-s", dest="settings", action="append", default=[], metavar="NAME=VALUE", help="extra crawl setting"
    )
    parser.add_argument(
        "--against", action="append", default=[], metavar="NAME=VALUE",
        help="also time, in each round, a crawl with this setting too (e.g. NEWSRAKE_STORIES=False), and judge"
        " the crawl's rate against its: within 5%%",
    )  # fmt: skip
    args = parser.parse_args()
    if not (args.data / "html").is_dir():
        parser.error(f"{args.data}/html not found")
    if args.repeat < 1 or args.side_by_side < 1:
        parser.error("--repeat and --side-by-side take a positive number")
    originals = load_pages(args.data)
    extra = [part for pair in args.settings for part in ("-s", pair)]
    against = [part for pair in args.against for part in ("-s", pair)]
    sizes = sorted(set(args.sizes))
    crawls: dict[int, Row] = {}
    checks: list[Check] = []
    for size in sizes:
        pages = replicate(originals, size)
        with tempfile.TemporaryDirectory() as tmp:
            workdir = Path(tmp)
            fill_cache(workdir / "cache")  # untimed, as on every run but a machine's first
            folder = workdir / "pages"
            save_pages(pages, folder)
            print(f"{size} articles:", flush=True)
            loops: list[tuple[Row, Row]] = []
            runs: list[Row] = []
            others: list[Row] = []
            for turn in turns(args.repeat, against=bool(args.against)):
                if turn == "loop":
                    loops.append(extract_loop(folder))
                    print(loops[-1][0].line(), flush=True)
                elif turn == "crawl":
                    row, summary = crawl(pages, workdir, extra, len(runs) + len(others) + 1)
                    runs.append(row)
                    print(row.line())
                    print(f"  {summary}", flush=True)
                else:
                    row, summary = crawl(pages, workdir, extra + against, len(runs) + len(others) + 1)
                    others.append(replace(row, name=f"newsrake crawl, {' '.join(args.against)}"))
                    print(others[-1].line())
                    print(f"  {summary}", flush=True)
            base_side, ours_side = cleaning_costs(folder, min(size, args.side_by_side))
            sampled, _ = crawl(pages, workdir, extra, len(runs) + len(others) + 1, memory=True)
            print(replace(sampled, name="newsrake crawl, memory sampled").line(), flush=True)
        base = combined([whole for whole, _ in loops], f"trafilatura loop, {len(loops)} runs")
        base_alone = combined([alone for _, alone in loops], f"trafilatura loop alone, {len(loops)} runs")
        row = replace(combined(runs, f"newsrake crawl, {len(runs)} runs"), peak=sampled.peak)
        print(f"  {size} articles, all runs:")
        for line in (base, base_alone, row, base_side, ours_side):
            print(line.line())
        crawls[size] = row
        if others:
            other = combined(others, f"crawl with {' '.join(args.against)}, {len(others)} runs")
            print(other.line())
            checks.append(Check(f"{size}: crawl rate / rate with {' '.join(args.against)}", row.rate / other.rate,
                                ">=", 0.95))  # fmt: skip
        checks += [
            Check(f"{size}: crawl rate / trafilatura loop's", row.rate / base.rate, ">=", 1.5),
            Check(f"{size}: crawl rate / trafilatura loop alone's", row.rate / base_alone.rate, ">=", 1.5,
                  decide=False),
            Check(f"{size}: crawl CPU / trafilatura loop's, per article", row.cpu_ms / base.cpu_ms, "<=", 1.4),
            Check(f"{size}: crawl CPU / trafilatura loop alone's", row.cpu_ms / base_alone.cpu_ms, "<=", 1.4,
                  decide=False),
            Check(f"{size}: newsrake cleaning / trafilatura, CPU per page", ours_side.cpu_ms / base_side.cpu_ms,
                  "<=", 1.25),
            Check(f"{size}: articles stored / served", min(r.articles for r in runs) / size, ">=", 1.0),
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
