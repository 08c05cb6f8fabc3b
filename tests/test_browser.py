"""A real browser on newsrake's Datasette: the search box of the articles table, and the news desk (issue 20) on
a crawl of the bundled demo site with hostile rows added: search with marked words, the reading view, the front
page's charts and their tooltips, the articles table opened on the reading columns, stored markup inert everywhere
and no request leaving 127.0.0.1.

Needs Debian's chromium and chromium-driver (`.ci/run` installs them); skipped without them. One browser serves the
whole module. Screenshots are saved as test artifacts in test-artifacts/ (not committed).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, TypeVar

import pytest
from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException, TimeoutException
from selenium.webdriver import Chrome
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from conftest import Served, newsrake, newsrake_serving

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
WAIT = 30
"""Seconds an explicit wait gives the page (a ceiling on a slow machine, never something measured)."""
WINDOW = (1280, 900)
T = TypeVar("T")

pytestmark = pytest.mark.skipif(
    not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()),
    reason="needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)",
)

PAYLOADS = (
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
    '<svg onload="window.__pwned=1">',
)
"""Markup that would set ``window.__pwned`` if a page let it through as HTML."""
HOSTILE_WORD = "quillabrenth"
"""A word only the hostile article holds."""
HOSTILE_LINES = [
    f"The {HOSTILE_WORD} survey opens with a line of plain prose.",
    *PAYLOADS,
    "It closes with another line of plain prose.",
]
HOSTILE_SOURCE_START = "Hostile Gazette <script>"
"""The start of the hostile article's source, as a chart's label shows it."""
CHART_SLUGS = ("articles-per-day", "extraction-health", "failing-feeds", "removals", "top-stories")
"""The Vega-Lite charts of the front page (``#chart-<slug>``)."""
READING_COLUMNS = ["id", "published", "source", "title", "language", "story_role"]


@dataclass(frozen=True)
class Desk:
    """`newsrake serve` on a crawl of the demo site with one hostile article added."""

    base: str
    db: Path
    hostile: int

    def rows(self, sql: str, *params: object) -> list[tuple[Any, ...]]:
        with sqlite3.connect(self.db) as conn:
            return conn.execute(sql, params).fetchall()


def add_hostile_article(db: Path) -> int:
    """An article whose title, text, source, authors and one removal hold `PAYLOADS`, fetched now (so that it is
    in the front page's charts): its id."""
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    markup = " ".join(PAYLOADS)
    with sqlite3.connect(db) as conn:
        cursor = conn.execute(
            "INSERT INTO articles (url, source, title, text, authors, published, language, fetched_at, story_role)"
            " VALUES (?, ?, ?, ?, ?, ?, 'en', ?, 'original')",
            (
                "http://127.0.0.1/hostile.html",
                f"Hostile Gazette {markup}",
                f"The {HOSTILE_WORD} headline {markup}",
                "\n".join(HOSTILE_LINES),
                json.dumps([f"Mallory {payload}" for payload in PAYLOADS]),
                "2026-11-28T09:00:00Z",
                now,
            ),
        )
        article_id = int(cursor.lastrowid or 0)
        conn.execute("UPDATE articles SET story_id = id WHERE id = ?", (article_id,))
        conn.executemany(
            "INSERT INTO removals (article_id, position, cleaner, stage, text) VALUES (?, ?, ?, ?, ?)",
            [(article_id, 0, "boilerplate", "html", f"Share this {markup}"), (article_id, 1, "footer", "text", "Ads")],
        )
    return article_id


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    folder = tmp_path_factory.mktemp("desk")
    run = newsrake("demo", "--db", "news.db", "--port", "0", cwd=folder)
    assert run.returncode == 0, run.stderr
    hostile = add_hostile_article(folder / "news.db")
    with newsrake_serving(folder) as url:
        yield Desk(url, folder / "news.db", hostile)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Chrome]:
    """One headless Chromium for the module, its network log kept (every request a page makes)."""
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium') / 'profile'}",
        f"--window-size={WINDOW[0]},{WINDOW[1]}",
    ):
        options.add_argument(flag)  # fmt: skip
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    options.unhandled_prompt_behavior = "ignore"  # an alert stays open for the test to find
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def until(browser: Chrome, condition: Callable[[Chrome], T | Literal[False]], what: str | Callable[[], str]) -> T:
    """Wait until ``condition`` holds on ``browser``; fail saying ``what`` was awaited if it never does (a function
    gives the words when it fails)."""
    try:
        return WebDriverWait(browser, WAIT).until(condition)
    except TimeoutException:
        said = what if isinstance(what, str) else what()
        pytest.fail(f"never happened: {said} (waited {WAIT} s, at {browser.current_url})")


def screenshot(browser: Chrome, name: str, *, full_page: bool = False) -> None:
    """Save the window (or, with ``full_page``, the whole page) as test-artifacts/``name``."""
    ARTIFACTS.mkdir(exist_ok=True)
    if not full_page:
        browser.save_screenshot(str(ARTIFACTS / name))
        return
    height = int(browser.execute_script("return document.documentElement.scrollHeight"))
    browser.set_window_size(WINDOW[0], max(WINDOW[1], height + 150))  # + the window's frame
    try:
        browser.save_screenshot(str(ARTIFACTS / name))
    finally:
        browser.set_window_size(*WINDOW)


def missing_charts(browser: Chrome) -> list[str]:
    """The front page's charts not drawn yet (no ``<svg>`` or ``<canvas>`` in their container)."""
    found: list[str] = browser.execute_script(
        "return arguments[0].filter(s => !document.querySelector(`#chart-${s} svg, #chart-${s} canvas`))",
        list(CHART_SLUGS),
    )
    return found


def words(text: str) -> str:
    """``text`` with its blanks as a browser shows them: runs of blanks as one space, none at either end."""
    return " ".join(text.split())


def test_search_box_finds_the_article(served: Served, browser: Chrome) -> None:
    browser.get(f"{served.base}/news/articles")
    box = until(browser, expected_conditions.presence_of_element_located((By.ID, "_search")), "a search box")
    box.send_keys("zanzibarite", Keys.ENTER)
    until(browser, expected_conditions.url_contains("_search=zanzibarite"), "the search's URL")
    rows = browser.find_elements(By.CSS_SELECTOR, "table.rows-and-columns tbody tr")
    browser.execute_script("arguments[0].scrollIntoView()", browser.find_element(By.ID, "_search"))
    screenshot(browser, "datasette-search.png")
    assert len(rows) == 1
    assert "Glassblowers revive the quarry kilns" in rows[0].text


def test_desk_search_marks_the_words_typed(desk: Desk, browser: Chrome) -> None:
    browser.get(f"{desk.base}/-/search")
    box = until(browser, expected_conditions.element_to_be_clickable((By.CSS_SELECTOR, "input[name=q]")), "the box")
    box.send_keys("ferry", Keys.ENTER)
    until(browser, expected_conditions.url_contains("q=ferry"), "the search's URL")
    results = until(
        browser,
        expected_conditions.visibility_of_all_elements_located((By.CSS_SELECTOR, "li.newsrake-result")),
        "results shown",
    )
    marks = browser.find_elements(By.CSS_SELECTOR, "li.newsrake-result .newsrake-snippet mark")
    screenshot(browser, "desk-search.png")
    stored = desk.rows("SELECT count(*) FROM articles WHERE title LIKE '%ferry%' OR text LIKE '%ferry%'")[0][0]
    assert len(results) == stored
    assert marks, "no <mark> in the snippets"
    assert {mark.text.casefold() for mark in marks} == {"ferry"}
    assert all(result.find_elements(By.CSS_SELECTOR, ".newsrake-snippet mark") for result in results)


def test_desk_reading_view_from_a_result(desk: Desk, browser: Chrome) -> None:
    browser.get(f"{desk.base}/-/search?q=ferry")
    headline = until(
        browser,
        expected_conditions.element_to_be_clickable((By.CSS_SELECTOR, "li.newsrake-result h2 a")),
        "a result's headline to click",
    )
    title = headline.text
    headline.click()
    until(browser, expected_conditions.url_matches(r"/-/article/[0-9]+$"), "the reading view's URL")
    article_id = int(browser.current_url.rsplit("/", 1)[1])
    [(stored_title, text, story_id)] = desk.rows("SELECT title, text, story_id FROM articles WHERE id = ?", article_id)
    assert title == stored_title
    reading = until(
        browser,
        expected_conditions.visibility_of_element_located((By.CSS_SELECTOR, "article.newsrake-reading")),
        "the article shown to read",
    )
    assert reading.find_element(By.TAG_NAME, "h1").text == stored_title
    shown = [p.text for p in reading.find_elements(By.CSS_SELECTOR, ".newsrake-text p")]
    assert len(shown) > 2
    assert shown == [words(line) for line in text.splitlines() if line.strip()]

    story = desk.rows("SELECT id FROM articles WHERE story_id = ? ORDER BY id", story_id)
    assert len(story) > 1, "the demo's ferry story is carried by two sources"
    copies = browser.find_element(By.CSS_SELECTOR, "section.newsrake-copies")
    assert copies.is_displayed()
    assert len(copies.find_elements(By.TAG_NAME, "li")) == len(story)
    assert len(copies.find_elements(By.CSS_SELECTOR, "li.newsrake-this")) == 1

    removals = desk.rows("SELECT text FROM removals WHERE article_id = ? ORDER BY position", article_id)
    assert removals, "the demo's pages have boilerplate for the cleaners to remove"
    details = browser.find_element(By.CSS_SELECTOR, "details.newsrake-removals")
    rows = details.find_elements(By.CSS_SELECTOR, "tbody tr")
    assert len(rows) == len(removals)
    assert not any(row.is_displayed() for row in rows), "the removals are folded until asked for"
    details.find_element(By.TAG_NAME, "summary").click()
    until(
        browser, lambda _: all(row.is_displayed() for row in rows), "the removals shown once their summary is clicked"
    )
    assert [row.find_elements(By.TAG_NAME, "td")[-1].text for row in rows] == [words(text) for (text,) in removals]
    screenshot(browser, "desk-article.png", full_page=True)


def test_desk_front_page_draws_its_charts(desk: Desk, browser: Chrome) -> None:
    browser.get(f"{desk.base}/")
    until(browser, expected_conditions.url_to_be(f"{desk.base}/-/dashboards/newsrake"), "/ sent to the dashboard")
    until(
        browser, lambda driver: not missing_charts(driver), lambda: f"every chart drawn ({missing_charts(browser)} not)"
    )
    drawn = browser.execute_script(
        "return arguments[0].map(s => document.querySelector(`#chart-${s} svg, #chart-${s} canvas`)"
        ".getBoundingClientRect()).map(r => [r.width, r.height])",
        list(CHART_SLUGS),
    )
    screenshot(browser, "desk-front.png", full_page=True)
    assert all(width > 0 and height > 0 for width, height in drawn), drawn


@pytest.mark.parametrize(("slug", "says"), [("failing-feeds", "No feed is failing."), ("removals", None)])
def test_a_chart_with_nothing_to_draw_says_so(desk: Desk, browser: Chrome, slug: str, says: str | None) -> None:
    browser.get(f"{desk.base}/-/dashboards/newsrake")
    until(browser, lambda b: b.find_elements(By.CSS_SELECTOR, f"#chart-{slug} svg text"), f"{slug} not drawn")
    texts = browser.execute_script(
        f"return Array.from(document.querySelectorAll('#chart-{slug} svg text')).map(t => t.textContent)"
    )
    if says is None:  # the demo's cleaners removed things: no message over the bars
        assert not [text for text in texts if text.startswith("The cleaners removed nothing")], texts
    else:  # the demo's feeds all answer
        assert says in texts, texts


@pytest.mark.parametrize("slug", ["articles-per-day", "extraction-health", "removals"])
def test_chart_tooltips_show_stored_markup_as_text(desk: Desk, browser: Chrome, slug: str) -> None:
    browser.get(f"{desk.base}/-/dashboards/newsrake")
    hostile = f"#chart-{slug} svg path[aria-label*='Hostile Gazette']"
    mark = until(
        browser,
        expected_conditions.presence_of_element_located((By.CSS_SELECTOR, hostile)),
        "the hostile source's mark drawn",
    )
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
    ActionChains(browser).move_to_element(mark).perform()
    tooltip = until(
        browser,
        expected_conditions.visibility_of_element_located((By.CSS_SELECTOR, "#vg-tooltip-element.visible")),
        "the mark's tooltip",
    )
    problems = [f"stored markup became an element: {element.tag_name}"
                for element in tooltip.find_elements(By.CSS_SELECTOR, "script, img, svg")]  # fmt: skip
    if f"Hostile Gazette {' '.join(PAYLOADS)}" not in tooltip.text:
        problems.append(f"the tooltip does not show the stored source as text: {tooltip.text!r}")
    if browser.execute_script("return typeof window.__pwned") != "undefined":
        problems.append("stored markup ran: window.__pwned is set")
    assert not problems, "\n".join(problems)


@dataclass(frozen=True)
class Page:
    """A page that shows the hostile article."""

    path: str
    """Its path; ``{id}`` is the hostile article's id."""
    shown: tuple[str, ...] = ()
    """Elements (CSS selectors) whose text must show every payload as text."""
    opens: tuple[str, ...] = ()
    """Elements to click first (the summary of a closed ``<details>``)."""
    labels: tuple[str, ...] = ()
    """Charts whose labels show the hostile source cut short: at least its start, ``<script>`` included, as text."""


HOSTILE_PAGES = [
    pytest.param(Page(f"/-/search?q={HOSTILE_WORD}", ("li.newsrake-result h2 a", ".newsrake-byline")), id="search"),
    pytest.param(
        Page(
            "/-/article/{id}",
            ("article.newsrake-reading h1", ".newsrake-facts", ".newsrake-text", "details.newsrake-removals table"),
            ("details.newsrake-removals summary",),
        ),
        id="reading-view",
    ),
    pytest.param(Page("/news/articles", ("table.rows-and-columns",)), id="articles-table"),
    pytest.param(Page("/news/articles?_all_columns=1", ("table.rows-and-columns",)), id="articles-all-columns"),
    pytest.param(Page("/news/articles/{id}", ("table.rows-and-columns",)), id="article-row"),
    pytest.param(Page("/news/removals?article_id={id}", ("table.rows-and-columns",)), id="removals-table"),
    pytest.param(Page("/", labels=("#chart-articles-per-day svg", "#chart-removals svg")), id="front-page"),
]


def open_page(browser: Chrome, desk: Desk, page: Page) -> None:
    """Open ``page`` and wait until it is done: loaded, and on the front page every chart drawn."""
    browser.get(desk.base + page.path.format(id=desk.hostile))
    until(browser, lambda driver: driver.execute_script("return document.readyState") == "complete", "page loaded")
    if page.path == "/":
        until(
            browser,
            lambda driver: not missing_charts(driver),
            lambda: f"every chart drawn ({missing_charts(browser)} not)",
        )


def alert_text(browser: Chrome) -> str | None:
    try:
        return browser.switch_to.alert.text
    except NoAlertPresentException:
        return None


@pytest.mark.parametrize("page", HOSTILE_PAGES)
def test_stored_markup_stays_text(desk: Desk, browser: Chrome, page: Page) -> None:
    open_page(browser, desk, page)
    for summary in page.opens:
        browser.find_element(By.CSS_SELECTOR, summary).click()
    problems = []
    alert = alert_text(browser)
    if alert is not None:
        problems.append(f"an alert is open: {alert!r}")
        browser.switch_to.alert.dismiss()
    if browser.execute_script("return typeof window.__pwned") != "undefined":
        problems.append("stored markup ran: window.__pwned is set")
    injected = browser.execute_script(
        "return [...document.querySelectorAll('[onerror], [onload], img[src=\"x\"]')].map(e => e.outerHTML)"
    )
    problems += [f"stored markup became an element: {html[:200]}" for html in injected]
    for selector in page.shown:
        text = " ".join(element.text for element in browser.find_elements(By.CSS_SELECTOR, selector))
        problems += [f"{selector} does not show {payload!r} as text" for payload in PAYLOADS if payload not in text]
    for selector in page.labels:
        text = " ".join(element.text for element in browser.find_elements(By.CSS_SELECTOR, selector))
        if HOSTILE_SOURCE_START not in text:
            problems.append(f"{selector} does not show {HOSTILE_SOURCE_START!r} as text: {text[:300]!r}")
    assert not problems, "\n".join(problems)


def outside(urls: list[str], base: str) -> list[str]:
    """The URLs among ``urls`` that a browser would fetch from anywhere but ``base``."""
    fetched = [url for url in urls if urllib.parse.urlsplit(url).scheme in ("http", "https", "ws", "wss", "ftp")]
    return [url for url in fetched if not url.startswith(base + "/")]


def requests_made(browser: Chrome) -> list[str]:
    """The URLs of the requests the page made since the last call (Chromium's network log)."""
    urls = []
    for entry in browser.get_log("performance"):  # type: ignore[no-untyped-call]
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


@pytest.mark.parametrize("page", HOSTILE_PAGES)
def test_no_request_leaves_the_served_address(desk: Desk, browser: Chrome, page: Page) -> None:
    requests_made(browser)  # the log so far: other pages'
    open_page(browser, desk, page)
    resources = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    linked = browser.execute_script(
        "return [...document.querySelectorAll('script[src], link[rel~=stylesheet][href], link[rel~=icon][href],"
        " img[src], iframe[src], embed[src], object[data]')].map(e => e.src || e.href || e.data)"
    )
    requests = requests_made(browser)
    assert resources, "the page loaded no resource: nothing checked"
    assert requests, "no request in the network log: nothing checked"
    found = {
        "resource timing": outside(resources, desk.base),
        "elements": outside(linked, desk.base),
        "network log": outside(requests, desk.base),
    }
    assert found == {"resource timing": [], "elements": [], "network log": []}


def column_menu_show_all(browser: Chrome) -> None:
    """Datasette's own "Show all columns", in a column's menu."""
    browser.find_element(By.CSS_SELECTOR, 'th[data-column="source"] .dropdown-menu-icon').click()
    link = until(
        browser,
        expected_conditions.element_to_be_clickable((By.CSS_SELECTOR, "a.dropdown-show-all-columns")),
        "the column menu's Show all columns",
    )
    link.click()


def note_show_all(browser: Chrome) -> None:
    """The link in the note above the table that says the columns were chosen for reading."""
    browser.find_element(By.CSS_SELECTOR, "p.newsrake-columns-note a").click()


ShowAll = Callable[[Chrome], None]
"""A way to ask for every column of the table."""


def header(browser: Chrome) -> list[str]:
    cells: list[WebElement] = browser.find_elements(By.CSS_SELECTOR, "table.rows-and-columns thead th")
    return [str(cell.get_attribute("data-column")) for cell in cells]


@pytest.mark.parametrize("show_all", [note_show_all, column_menu_show_all], ids=["note-link", "column-menu"])
def test_articles_table_opens_on_the_reading_columns(desk: Desk, browser: Chrome, show_all: ShowAll) -> None:
    browser.get(f"{desk.base}/news/articles")
    until(browser, expected_conditions.url_contains("_col="), "/news/articles sent to its reading columns")
    details = until(
        browser,
        expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "details.newsrake-column-descriptions")),
        "the column descriptions folded into a <details>",
    )
    assert header(browser) == READING_COLUMNS
    assert details.get_attribute("open") is None
    assert details.find_elements(By.CSS_SELECTOR, "dl.column-descriptions dt")
    assert not details.find_element(By.CSS_SELECTOR, "dl.column-descriptions").is_displayed()
    after_table = browser.execute_script(
        "return Boolean(document.querySelector('table.rows-and-columns').compareDocumentPosition(arguments[0])"
        " & Node.DOCUMENT_POSITION_FOLLOWING)",
        details,
    )
    assert after_table, "the column descriptions come after the rows"
    if show_all is note_show_all:
        screenshot(browser, "desk-table.png", full_page=True)
    show_all(browser)
    until(browser, expected_conditions.url_contains("_all_columns=1"), "a URL asking for every column")
    until(browser, lambda driver: "text" in header(driver), "the text column shown")
    columns = [name for (_, name, *_) in desk.rows("PRAGMA table_info(articles)")]
    assert {"text", "url"} <= set(header(browser))
    assert set(header(browser)) == set(columns)
