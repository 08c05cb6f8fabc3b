"""The news desk's pages (issue 20) on a database of many articles: how long each takes to render.

    python benchmarks/desk.py DATA [--articles 5000] [--repeat 5] [--seed 20] [--no-browser] [--keep FILE | --db FILE]

DATA is the article-extraction benchmark folder (with ``html/``). A database of ``--articles`` articles is built
from its pages through the real store (`benchmarks/desk_db.py`: ~40 sources, stories, removals, feeds failing,
times in the last 30 days), then ``newsrake serve`` runs on it on a free port of 127.0.0.1, and each page is timed:

- by a plain HTTP GET (urllib, redirects followed, the whole body read): the server's time;
- in headless Chromium (Debian's chromium and chromedriver, through selenium), its cache off: from the start of
  the navigation (redirects included) to the page rendered, measured in the page (``performance.now()``): the
  load event over and the page's own condition met, watched by a MutationObserver installed before any of the
  page's scripts runs (`benchmarks/desk_browser.py`). For the front page the condition is that every chart's
  container holds an ``<svg>`` or a ``<canvas>``: the time the last chart appeared.

Each page once untimed, then ``--repeat`` times; the median and the max in ms. The front page is timed once more
with the browser's cache on, and what it loads is listed: bytes of JS and CSS, every resource's host (all must be
127.0.0.1). Exit 1 on an error (a page that fails, a chart that never renders, a resource from elsewhere), not on
a slow page: this is a measurement; pages over 1 s are listed at the end.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.desk_browser import (
    CHROMEDRIVER,
    CHROMIUM,
    DATABASE,
    WAIT_S,
    Assets,
    BenchError,
    Shown,
    browser_ms,
    chromium,
    front_page_assets,
)
from benchmarks.desk_db import Built, build, describe
from benchmarks.loopback_site import load_pages
from crawler.desk.charts import CHART_QUERIES, TOP_STORIES_QUERY
from crawler.desk.config import DASHBOARD, READING_COLUMNS
from crawler.desk.sql import PAGE_SIZE

TARGET_MS = 1000.0
DEEP_PAGE = 5
"""The page of results timed past the first."""


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@dataclass(frozen=True)
class Page:
    label: str
    path: str
    shown: bool
    """Timed in the browser too (not a JSON)."""
    lands: str = ""
    """What the URL the page ends at (after redirects) holds."""


@dataclass
class Timings:
    http: list[float] = field(default_factory=list)
    browser: list[Shown] = field(default_factory=list)


def pages(built: Built) -> list[Page]:
    reading = urllib.parse.urlencode([("_col", column) for column in READING_COLUMNS])
    deep = max(1, min(DEEP_PAGE, -(-built.common_matches // PAGE_SIZE)))  # the last page, if fewer
    common, rare = urllib.parse.quote(built.common_word), urllib.parse.quote(built.rare_word)
    listed = [
        Page("front page / (charts drawn)", "/", True, f"/-/dashboards/{DASHBOARD}"),
        Page(f"search common word ({built.common_matches} found)", f"/-/search?q={common}", True),
        Page(f"search rare word ({built.rare_matches} found)", f"/-/search?q={rare}", True),
        Page("search common word, newest first", f"/-/search?q={common}&order=newest", True),
        Page(f"search common word, page {deep}", f"/-/search?q={common}&page={deep}", True),
        Page("article, typical", f"/-/article/{built.typical_article}", True),
        Page(f"article, largest story ({built.largest_story})", f"/-/article/{built.largest_story_article}", True),
        Page("articles table (after its redirect)", f"/{DATABASE}/articles", True, "_col=id"),
        Page("  the same, _nosuggest=1 (for comparison)", f"/{DATABASE}/articles?{reading}&_nosuggest=1", True),
        Page("  articles_browse view (for comparison)", f"/{DATABASE}/articles_browse", True),
    ]
    listed += [
        Page(f"query {name}.json", f"/{DATABASE}/{name}.json", False) for name in [*CHART_QUERIES, TOP_STORIES_QUERY]
    ]
    return listed


def http_ms(url: str, lands: str = "") -> float:
    """A GET of ``url``, redirects followed and the body read, in ms; it must end at a URL holding ``lands``."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=WAIT_S) as response:
            response.read()
            if lands not in response.geturl():
                raise BenchError(f"{url}: ended at {response.geturl()}, not at {lands}")
    except urllib.error.HTTPError as error:
        raise BenchError(f"{url}: HTTP {error.code}") from None
    except OSError as error:
        raise BenchError(f"{url}: {error}") from None
    return (time.perf_counter() - started) * 1000


@contextmanager
def serving(db: Path) -> Iterator[str]:
    """`newsrake serve` on ``db`` on a free port of 127.0.0.1, once it answers: its base URL."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    command = [sys.executable, "-m", "crawler.cli", "serve", "--db", db.name, "--port", str(port)]
    server = subprocess.Popen(command, cwd=db.parent, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + WAIT_S
        while True:
            try:
                urllib.request.urlopen(f"{base}/{DATABASE}.json", timeout=5).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise BenchError(f"newsrake serve did not answer on {base}") from None
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


def ms(values: list[float]) -> str:
    return f"{statistics.median(values):8.0f} {max(values):8.0f}" if values else f"{'-':>8} {'-':>8}"


def time_pages(listed: list[Page], base: str, driver: Any, repeat: int) -> tuple[dict[str, Timings], list[str]]:
    """Each page untimed once, then ``repeat`` times: a GET, then (with a ``driver``) the browser."""
    times = {page.label: Timings() for page in listed}
    errors = []
    for page in listed:
        url, timing = base + page.path, times[page.label]
        try:
            for turn in range(repeat + 1):
                http = http_ms(url, page.lands)
                shown = browser_ms(driver, url, page.lands) if driver and page.shown else None
                if turn:
                    timing.http.append(http)
                    timing.browser += [] if shown is None else [shown]
            log(f"  {page.label}: done")
        except BenchError as error:
            errors.append(str(error))
            log(f"  {page.label}: {error}")
    return times, errors


def front_page_warm(driver: Any, front: Page, base: str, repeat: int) -> tuple[Assets, Assets, list[Shown]]:
    """What the front page loads with the cache off, then its times with the cache on and what the last of those
    loads took over the network."""
    url = base + front.path
    browser_ms(driver, url, front.lands)
    assets = front_page_assets(driver, base)
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": False})
    warm = [browser_ms(driver, url, front.lands) for _turn in range(repeat + 1)]
    return assets, front_page_assets(driver, base), warm[1:]


def measure(args: argparse.Namespace, db: Path, built: Built) -> int:
    listed = pages(built)
    assets: Assets | None = None
    again: Assets | None = None
    warm: list[Shown] = []
    load = os.getloadavg()[0]
    with ExitStack() as stack:
        base = stack.enter_context(serving(db))
        driver = None
        if args.browser:
            driver = stack.enter_context(chromium(Path(stack.enter_context(tempfile.TemporaryDirectory()))))
        times, errors = time_pages(listed, base, driver, args.repeat)
        if driver:
            try:
                assets, again, warm = front_page_warm(driver, listed[0], base, args.repeat)
            except BenchError as error:
                errors.append(str(error))
    report(built, listed, times, warm, args.repeat)
    print(f"load average (1 min) {load:.2f} when the timing started, {os.getloadavg()[0]:.2f} when it ended"
          f" ({os.cpu_count()} cores)")  # fmt: skip
    if assets:
        print(f"front page loads {assets.files} resources: {assets.js[0]} scripts, {assets.js[1] / 1024:.0f} KiB;"
              f" {assets.css[0]} style sheets, {assets.css[1] / 1024:.0f} KiB (decoded); all from 127.0.0.1: "
              f"{'yes' if not assets.elsewhere else 'NO'}")  # fmt: skip
        if again:
            print(f"front page, cache off: {assets.transferred / 1024:.0f} KiB over the network; cache on:"
                  f" {again.transferred / 1024:.0f} KiB")  # fmt: skip
        errors += [f"front page resource not from 127.0.0.1: {url}" for url in assets.elsewhere]
        errors += [f"front page resource failed: {url}" for url in assets.failed]
    for problem in errors:
        print(f"ERROR: {problem}")
    return 1 if errors else 0


def breakdown(label: str, shown: list[Shown]) -> str:
    def median(values: list[float]) -> str:
        return f"{statistics.median(values):.0f}"

    return (
        f"{label}, median ms: DOM content loaded {median([s.dom for s in shown])}, load event over"
        f" {median([s.load for s in shown])}, last chart drawn {median([s.ms for s in shown])}; slowest chart data"
        f" request {median([s.data for s in shown])} ms (max {max(s.data for s in shown):.0f})"
    )


def report(built: Built, listed: list[Page], times: dict[str, Timings], warm: list[Shown], repeat: int) -> None:
    print(f"database: {built.articles} articles from {built.sources} sources, {built.stories} stories (largest "
          f"{built.largest_story} articles), {built.removals} removals, {built.failing_feeds} feeds failing; "
          f"{built.size / 2**20:.1f} MiB")  # fmt: skip
    print(f"{repeat} runs per page after one untimed; ms from the request to the body read (HTTP GET, urllib)"
          " and from the navigation's start to the page rendered (Chromium, cache off)")  # fmt: skip
    print()
    print(f"{'page':<46} {'HTTP GET median':>15} {'max':>6}  {'browser median':>14} {'max':>6}")
    rows = [(page.label, times[page.label].http, [s.ms for s in times[page.label].browser]) for page in listed]
    if warm:
        rows.append(("front page /, browser cache on", [], [s.ms for s in warm]))
    for label, http, shown in rows:
        print(f"{label:<46} {ms(http):>24}  {ms(shown):>23}")
    print()
    front = times[listed[0].label].browser
    if front:
        print(breakdown("front page, cache off", front))
    if warm:
        print(breakdown("front page, cache on", warm))
    slow = [
        f"{label} ({max(http + shown):.0f} ms)"
        for label, http, shown in rows
        if max(http + shown, default=0) > TARGET_MS
    ]
    print(f"over {TARGET_MS:.0f} ms: {', '.join(slow) if slow else 'none'}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", type=Path, help="the article-extraction benchmark folder (with html/)")
    parser.add_argument("--articles", type=int, default=5000, help="articles in the database (default 5000)")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each page (default 5)")
    parser.add_argument("--seed", type=int, default=20, help="the database's seed (default 20)")
    parser.add_argument("--no-browser", dest="browser", action="store_false", help="HTTP GETs only")
    parser.add_argument("--keep", type=Path, metavar="FILE", help="copy the database built to FILE")
    parser.add_argument("--db", type=Path, metavar="FILE", help="time a database built before (--keep), not a new one")
    args = parser.parse_args()
    if not (args.data / "html").is_dir():
        parser.error(f"{args.data}/html not found")
    if args.articles < 1 or args.repeat < 1:
        parser.error("--articles and --repeat must be at least 1")
    if args.browser and not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        parser.error("needs Debian's chromium and chromium-driver (or --no-browser)")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / f"{DATABASE}.db"
        started = time.perf_counter()
        if args.db:
            shutil.copyfile(args.db, db)
            built = describe(db)
        else:
            log(f"building a database of {args.articles} articles ...")
            try:
                built = build(db, load_pages(args.data), args.articles, args.seed)
            except ValueError as error:
                print(f"desk.py: {error}", file=sys.stderr)
                return 1
            log(f"  built in {time.perf_counter() - started:.0f} s")
        if args.keep:
            shutil.copyfile(db, args.keep)
        return measure(args, db, built)


if __name__ == "__main__":
    sys.exit(main())
