"""Reclean throughput and memory: `newsrake reclean` against plain trafilatura in one process.

    python benchmarks/reclean.py path/to/article-extraction [--sizes 1000 10000]

Builds a database per size from the benchmark's pages (replicated with a
variation each, so that no two stored pages are identical), marks every
article stale, then in the same run:

- the baseline: plain ``trafilatura.extract`` (no comments) in one process
  over the same stored pages (read from the database and decompressed, as
  reclean does), pages per second;
- ``newsrake reclean --db D --quiet`` as a whole process (all cores, start-up
  included, newsrake's cache filled beforehand as on every run but the
  first): pages per second in one run, and in a second run on a fresh
  copy of the database the peak memory (PSS, sampled every 0.2 s) of its
  process tree, so that the sampling does not slow the timed run.

Prints both rates and their ratio at each size (target >= 1.7) and the peak
memory at the largest size over the smallest (target <= 1.2). The data folder is that of
the public scrapinghub/article-extraction-benchmark repository.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import trafilatura

from benchmarks.loopback_site import load_pages, replicate
from benchmarks.proctree import fill_cache, newsrake_command, run_measured
from cleaners import Article
from pipelines import raw_body
from pipelines.records import RawPage
from pipelines.store import ArticleRecord, Store


def build(db: Path, pages: dict[str, bytes], count: int) -> None:
    """A database of ``count`` stored pages (`replicate`d), all cleaned by an old cleaner version."""
    store = Store.open(db)
    records = []
    for number, body in enumerate(replicate(pages, count).values()):
        url = f"https://example.org/a/{number}.html"
        page = RawPage(url=url, final_url=url, status=200, body=body, headers={"Content-Type": "text/html"})
        article = Article(url=url, title="stale", text="stale", cleaner_version="0.stale")
        records.append(ArticleRecord(page, article, source="bench", feed_url=None, run_id=None))
        if len(records) == 500 or number == count - 1:
            store.save_articles(records)
            records.clear()
    store.close()


def baseline(db: Path) -> tuple[int, float]:
    """Plain trafilatura over the stored pages in one process: (pages, seconds)."""
    started = time.perf_counter()
    count = 0
    with sqlite3.connect(db) as conn:
        for body, encoding in conn.execute("SELECT body, body_encoding FROM raw_pages ORDER BY article_id"):
            trafilatura.extract(raw_body.decompress(body, encoding), include_comments=False)
            count += 1
    return count, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", type=Path, help="the article-extraction benchmark folder (with html/)")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], help="stored pages per run")
    parser.add_argument("--jobs", type=int, default=0, help="reclean --jobs (default: all cores)")
    args = parser.parse_args()
    if not (args.data / "html").is_dir():
        parser.error(f"{args.data}/html not found")
    pages = load_pages(args.data)
    newsrake = newsrake_command()
    sizes = sorted(args.sizes)
    results: dict[int, tuple[float, int, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        fill_cache(Path(tmp) / "cache")  # as on every run but a machine's first
        for size in sizes:
            db = Path(tmp) / f"bench-{size}.db"
            print(f"building a database of {size} stored pages ...", flush=True)
            build(db, pages, size)
            count, seconds = baseline(db)
            base_rate = count / seconds
            print(
                f"baseline  {count:6d} pages in {seconds:6.1f} s = {base_rate:6.1f}/s (trafilatura.extract, 1 process)"
            )
            copy = db.with_name(f"copy-{size}.db")
            shutil.copyfile(db, copy)
            command = [newsrake, "reclean", "--db", str(db), "--quiet", "--jobs", str(args.jobs)]
            timed = run_measured(command, sample=False)
            done, seconds = timed.process, timed.seconds
            measured = run_measured([*command[:3], str(copy), *command[4:]])
            sampled, peak = measured.process, measured.peak_pss
            if done.returncode != 0 or sampled.returncode != 0:
                print(done.stderr, sampled.stderr)
                return 1
            rate = size / seconds
            results[size] = (rate, peak, rate / base_rate)
            print(f"reclean   {size:6d} pages in {seconds:6.1f} s = {rate:6.1f}/s, peak memory {peak / 2**20:6.0f} MiB")
            print(f"          {done.stdout.strip()}")
    small, large = sizes[0], sizes[-1]
    print()
    for size in sizes:
        print(f"throughput ratio reclean / trafilatura at {size}: {results[size][2]:.2f} (target >= 1.7)")
    memory = results[large][1] / results[small][1]
    if large != small:
        print(f"peak memory at {large} / at {small}: {memory:.2f} (target <= 1.2)")
    ok = all(r[2] >= 1.7 for r in results.values()) and (large == small or memory <= 1.2)
    print("RESULT:", "pass" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
