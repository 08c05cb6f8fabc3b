"""The browser's side of ``benchmarks/desk.py``: headless Chromium (Debian's chromium and chromedriver, through
selenium), a watcher installed before every page's own scripts that notes when the page is rendered, and what a
page loaded."""

from __future__ import annotations

import json
import shutil
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crawler.datasette_metadata import QUERIES
from crawler.desk.charts import dashboard
from crawler.desk.config import DASHBOARD

DATABASE = "news"
"""The database's name in Datasette: the file is news.db."""
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
WAIT_S = 60


class BenchError(Exception):
    """A page that could not be measured."""


@dataclass(frozen=True)
class Shown:
    """A page in the browser, ms from the navigation's start: rendered, DOM content loaded, load event over; and
    the slowest of the page's own data requests (fetch), 0 if none."""

    ms: float
    dom: float
    load: float
    data: float


def chart_slugs() -> list[str]:
    """The front page's charts drawn by vega-embed (the markdown card is not one)."""
    charts = dashboard(DATABASE, QUERIES)[DASHBOARD]["charts"]
    return [slug for slug, chart in charts.items() if chart.get("library") != "markdown"]


def conditions() -> dict[str, str]:
    """For each page's path (a regular expression, after redirects): a JS expression true once it is rendered."""
    charts = json.dumps([f"chart-{slug}" for slug in chart_slugs()])
    drawn = f"{charts}.every(id => document.getElementById(id)?.querySelector('svg, canvas'))"
    return {
        f"^/-/dashboards/{DASHBOARD}$": drawn,
        "^/-/search$": "document.querySelector('li.newsrake-result h2 a') !== null",
        "^/-/article/[0-9]+$": "document.querySelector('article.newsrake-reading .newsrake-text p') !== null",
        f"^/{DATABASE}/articles(_browse)?$": "document.querySelector('table.rows-and-columns tbody tr') !== null",
    }


WATCH = """(() => {
  const conditions = %s;
  const path = location.pathname;
  const rendered = () => { try { return Boolean(conditions.find(([where, _]) => new RegExp(where).test(path))?.[1]()); }
                           catch (error) { return false; } };
  const check = () => {
    if (window.__deskRendered === undefined && rendered()) {
      window.__deskRendered = performance.now();
      watcher.disconnect();
    }
  };
  const watcher = new MutationObserver(check);
  watcher.observe(document, {childList: true, subtree: true});
  document.addEventListener('DOMContentLoaded', check);
})();"""
"""Installed before every page's own scripts: the time (``performance.now()``, from the navigation's start) at
which the page's condition (`conditions`, chosen by its path) first holds."""


def watch() -> str:
    pairs = ", ".join(f"[{json.dumps(where)}, () => ({condition})]" for where, condition in conditions().items())
    return WATCH % f"[{pairs}]"


READ = """const nav = performance.getEntriesByType('navigation')[0];
const seen = window.__deskRendered;
if (!nav || !(nav.loadEventEnd > 0) || seen === undefined) return null;
const data = performance.getEntriesByType('resource').filter(e => e.initiatorType === 'fetch').map(e => e.duration);
return {ms: Math.max(nav.loadEventEnd, seen), dom: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
        data: Math.max(0, ...data), status: nav.responseStatus || 0};"""

RESOURCES = """return performance.getEntriesByType('resource').map(e => ({name: e.name, type: e.initiatorType,
  transfer: e.transferSize, decoded: e.decodedBodySize, status: e.responseStatus || 0, ms: e.duration}))
  .concat([...document.querySelectorAll('script[src], link[href], img[src], iframe[src]')].map(e => ({
    name: e.src || e.href, type: 'element', transfer: 0, decoded: 0, status: 0, ms: 0})));"""


@contextmanager
def chromium(profile: Path) -> Iterator[Any]:
    """Headless Chromium through chromedriver (as tests/test_browser.py starts it), its cache off."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", f"--user-data-dir={profile}", "--window-size=1280,900"):  # fmt: skip
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    try:
        driver.set_page_load_timeout(WAIT_S)
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": watch()})
        yield driver
    finally:
        driver.quit()


def browser_ms(driver: Any, url: str, lands: str = "") -> Shown:
    """Navigation start to the page rendered (the load event over and its condition true), in ms, in the page."""
    from selenium.common.exceptions import TimeoutException, WebDriverException
    from selenium.webdriver.support.ui import WebDriverWait

    try:
        driver.get(url)
        found = WebDriverWait(driver, WAIT_S).until(lambda d: d.execute_script(READ))
    except TimeoutException:
        raise BenchError(f"{url}: not rendered within {WAIT_S} s (at {driver.current_url})") from None
    except WebDriverException as error:
        raise BenchError(f"{url}: {error.msg}") from None
    if found["status"] >= 400:
        raise BenchError(f"{url}: HTTP {found['status']} in the browser")
    if lands not in driver.current_url:
        raise BenchError(f"{url}: the browser ended at {driver.current_url}, not at {lands}")
    return Shown(float(found["ms"]), float(found["dom"]), float(found["load"]), float(found["data"]))


@dataclass(frozen=True)
class Assets:
    js: tuple[int, int]
    """Scripts loaded: how many, bytes (decoded)."""
    css: tuple[int, int]
    files: int
    transferred: int
    """Bytes the resources took over the network (headers included; 0 for one taken from the cache)."""
    elsewhere: list[str]
    failed: list[str]


def front_page_assets(driver: Any, base: str) -> Assets:
    """What the page the browser shows loaded: scripts and style sheets, bytes over the network, resources not
    from ``base``, resources that failed."""
    entries = driver.execute_script(RESOURCES)
    host = urllib.parse.urlsplit(base).netloc
    fetched = [e for e in entries if e["type"] != "element"]

    def sizes(*endings: str) -> tuple[int, int]:
        found = [e for e in fetched if urllib.parse.urlsplit(e["name"]).path.endswith(endings)]
        return len(found), sum(e["decoded"] for e in found)

    elsewhere = sorted({e["name"] for e in entries if urllib.parse.urlsplit(e["name"]).netloc != host})
    failed = sorted({e["name"] for e in fetched if e["status"] >= 400})
    transferred = sum(e["transfer"] for e in fetched)
    return Assets(sizes(".js", ".mjs"), sizes(".css"), len(fetched), transferred, elsewhere, failed)
