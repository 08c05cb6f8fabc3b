"""The news desk over HTTP, against a real `newsrake serve` on real files: the search page, the reading view and the
raw page, the Atom feeds, the articles table opened on reading columns, the front page's dashboard and its charts'
SQL, the stored query of sources whose extraction got worse, and plain Datasette with and without the written
config.

Two files: the demo crawl with hostile rows added (markup in every text the pages show, a date that would leave its
attribute, stray snippet marks, an article without its raw page), and a file built here of 26 articles about
lighthouses (two pages of results, one far more relevant than the others) and of sources whose extraction held or
slipped over the last five weeks (times relative to now)."""

from __future__ import annotations

import gzip
import http.client
import json
import re
import sqlite3
import subprocess
import sys
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import feedparser
import lxml.html
import pytest
from markupsafe import escape

from crawler.datasette_metadata import datasette_metadata
from crawler.desk.config import READING_COLUMNS
from crawler.desk.sql import MARK_END, MARK_START
from pipelines.raw_body import decompress
from pipelines.store import Store

from conftest import newsrake, newsrake_serving

HOSTILE = "<script>window.__pwned=1</script><img src=x onerror=window.__pwned=2>"
ESCAPED = str(escape(HOSTILE))
HOSTILE_PAGE = f"<html><body><h1>Quokka census</h1>{HOSTILE}</body></html>".encode()
NO_MATCH = "xylophonist"
ATTRIBUTE = 'onmouseover="window.__pwned=3"'


@dataclass(frozen=True)
class Desk:
    base: str
    db: Path

    def one(self, sql: str, *args: object) -> Any:
        with sqlite3.connect(self.db) as conn:
            row = conn.execute(sql, args).fetchone()
        conn.close()
        return row[0] if row is not None and len(row) == 1 else row

    def all(self, sql: str, *args: object) -> list[Any]:
        with sqlite3.connect(self.db) as conn:
            rows = conn.execute(sql, args).fetchall()
        conn.close()
        return rows


@dataclass(frozen=True)
class Page:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode()

    def doc(self) -> Any:
        return lxml.html.fromstring(self.text)


def fetch(desk: Desk, path: str, **args: str) -> Page:
    """GET ``path`` (with ``args`` as its query) from the desk, redirects not followed."""
    address = urllib.parse.urlsplit(desk.base)
    conn = http.client.HTTPConnection(address.hostname or "127.0.0.1", address.port, timeout=30)
    try:
        conn.request("GET", path + ("?" + urllib.parse.urlencode(args) if args else ""))
        response = conn.getresponse()
        return Page(response.status, {key.lower(): value for key, value in response.getheaders()}, response.read())
    finally:
        conn.close()


def html_page(desk: Desk, path: str, **args: str) -> Any:
    page = fetch(desk, path, **args)
    assert page.status == 200, page.text[:2000]
    assert_inert(page)
    return page.doc()


def assert_inert(page: Page) -> None:
    """Nothing stored (or typed) came back as markup: no script, image or handler of the hostile rows."""
    assert "<script>window.__pwned" not in page.text
    assert "<img src=x" not in page.text
    assert "Traceback" not in page.text
    doc = page.doc()
    assert doc.xpath('//script[contains(., "__pwned")]') == []
    assert doc.xpath("//*[@onerror or @onmouseover]") == []


def iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def insert(conn: sqlite3.Connection, **values: object) -> int:
    names = ", ".join(values)
    cursor = conn.execute(f"INSERT INTO articles ({names}) VALUES ({', '.join('?' * len(values))})", [*values.values()])
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def add_hostile_rows(db: Path) -> None:
    """An article whose every shown text holds markup, with a removal and a raw page (gzip, as newsrake 0.1 wrote
    them); one whose date tries to leave its attribute and whose link is a script; one with no raw page; one with
    stray snippet marks."""
    now = iso(datetime.now(UTC))
    quokka = {"title": f"Quokka census {HOSTILE}", "source": f"Evil {HOSTILE} Times",
              "text": f"The quokka count rose.\n{HOSTILE} quokka again.", "published": "2026-11-22T10:00:00Z",
              "canonical_url": "http://127.0.0.1:9/quokka.html?a=<b>&c=\"'", "authors": json.dumps([f"Ann {HOSTILE}"]),
              "language": HOSTILE, "site_name": HOSTILE, "credit": HOSTILE, "syndicated_from": HOSTILE}  # fmt: skip
    numbat = {"title": "Numbat sighting", "text": "Numbat.", "published": f'2026-11-22T10:00:00Z" {ATTRIBUTE}',
              "canonical_url": "javascript:window.__pwned=4"}  # fmt: skip
    wombat = {"title": "A wombat without a raw page", "text": "Wombat.", "source": "Bare"}
    dingo = {"title": "Dingo tracks", "text": f"Stray dingo {MARK_END} dingo {MARK_START} marks {MARK_START} here."}
    with sqlite3.connect(db) as conn:
        ids = {
            name: insert(conn, url=f"http://127.0.0.1:9/{name}.html", fetched_at=now, **values)
            for name, values in {"quokka": quokka, "numbat": numbat, "wombat": wombat, "dingo": dingo}.items()
        }
        conn.execute(
            "INSERT INTO removals (article_id, position, cleaner, stage, text) VALUES (?, 0, ?, 'html', ?)",
            (ids["quokka"], f"cleaner {HOSTILE}", f"Removed {HOSTILE}"),
        )
        conn.execute(
            "INSERT INTO raw_pages (article_id, url, body, body_encoding, body_size) VALUES (?, ?, ?, ?, ?)",
            (ids["quokka"], "http://127.0.0.1:9/quokka.html", gzip.compress(HOSTILE_PAGE), "gzip", len(HOSTILE_PAGE)),
        )
    conn.close()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    """The demo crawl (10 articles, 3 sources, one story on two of them) and the hostile rows, served."""
    folder = tmp_path_factory.mktemp("desk-demo")
    run = newsrake("demo", "--db", "news.db", "--port", "0", cwd=folder)
    assert run.returncode == 0, run.stderr
    add_hostile_rows(folder / "news.db")
    with newsrake_serving(folder) as url:
        yield Desk(url, folder / "news.db")


GOOD_TEXT = "The harbour board met on Tuesday and agreed the timetable for the winter sailings. " * 8
LIGHTHOUSES = 25


JUMP_SOURCES = {  # source: articles this week, of them poorly extracted; articles in the 4 weeks before, poor
    "Slipping Times": (5, 4, 5, 0),  # 80 points worse
    "Just Enough": (5, 1, 5, 0),  # 20 points worse: listed
    "Slightly Worse": (5, 1, 10, 1),  # 10 points worse
    "Steady Post": (5, 0, 6, 0),
    "Always Thin": (4, 4, 4, 4),
    "Few This Week": (2, 2, 5, 0),  # too few this week to compare
}


def build_file(db: Path, now: datetime) -> None:
    """26 articles on lighthouses, the oldest of them about nothing else; and sources over five weeks."""
    Store.open(db).close()
    rows = [("lighthouse/dense", "Lighthouse Weekly", "Lighthouse, lighthouse: the lighthouse",
             "Lighthouse lighthouse lighthouse.", "2026-09-01T08:00:00Z", now - timedelta(days=3))]  # fmt: skip
    rows += [
        (f"lighthouse/{number}", "Lighthouse Weekly", f"Keeper's log, week {number}",
         f"Week {number} at the lighthouse.\n{GOOD_TEXT}",
         iso(datetime(2026, 10, 1, 8, tzinfo=UTC) + timedelta(days=number)), now - timedelta(days=2, hours=number))
        for number in range(LIGHTHOUSES)
    ]  # fmt: skip
    for source, (week, week_poor, before, before_poor) in JUMP_SOURCES.items():
        for number in range(week + before):
            this_week = number < week
            poor = number < week_poor if this_week else number - week < before_poor
            moment = now - (timedelta(days=1, hours=number) if this_week else timedelta(days=10 + number))
            rows.append((f"{source.replace(' ', '-')}/{number}", source, f"{source} {number}",
                         "Subscribe now." if poor else GOOD_TEXT, iso(moment), moment))  # fmt: skip
    with sqlite3.connect(db) as conn:
        conn.executemany(
            "INSERT INTO articles (url, source, title, text, published, fetched_at) VALUES (?, ?, ?, ?, ?, ?)",
            [(f"http://127.0.0.1:9/{path}.html", *values, iso(fetched)) for path, *values, fetched in rows],
        )
    conn.close()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    folder = tmp_path_factory.mktemp("desk-built")
    build_file(folder / "news.db", datetime.now(UTC))
    with newsrake_serving(folder) as url:
        yield Desk(url, folder / "news.db")


def results(doc: Any) -> list[int]:
    """The article ids of a search page's results, in their order."""
    links = [item.cssselect("h2 a")[0].get("href") for item in doc.cssselect("li.newsrake-result")]
    assert all(link.startswith("/-/article/") for link in links), links
    return [int(link.rsplit("/", 1)[1]) for link in links]


def test_search_finds_both_ferry_articles_with_the_word_marked(demo: Desk) -> None:
    expected = {
        row[0]: row[1:] for row in demo.all("SELECT id, title, source FROM articles WHERE title LIKE '%ferry%'")
    }
    assert len(expected) == 2
    doc = html_page(demo, "/-/search", q="ferry")
    assert sorted(results(doc)) == sorted(expected)
    for item, article in zip(doc.cssselect("li.newsrake-result"), results(doc), strict=True):
        title, source = expected[article]
        assert item.cssselect("h2 a")[0].text_content() == title
        assert item.cssselect(".newsrake-byline")[0].text_content().startswith(f"{source} · ")
        marks = item.cssselect(".newsrake-snippet mark")
        assert marks, lxml.html.tostring(item)
        assert {mark.text_content().lower() for mark in marks} == {"ferry"}


def test_search_orders_by_relevance_or_newest(built: Desk) -> None:
    dense = built.one("SELECT id FROM articles WHERE url LIKE '%/dense.html'")
    newest = [
        row[0]
        for row in built.all(
            "SELECT a.id FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
            "WHERE articles_fts MATCH 'lighthouse' ORDER BY a.published DESC"
        )
    ]
    assert len(newest) == LIGHTHOUSES + 1
    assert newest[-1] == dense
    relevant = results(html_page(built, "/-/search", q="lighthouse"))
    assert relevant[0] == dense  # the oldest, but about nothing else
    by_date = [
        *results(html_page(built, "/-/search", q="lighthouse", order="newest")),
        *results(html_page(built, "/-/search", q="lighthouse", order="newest", page="2")),
    ]
    assert by_date == newest


PAGES = {
    "first-page": ("1", 20, None, "/-/search?q=lighthouse&page=2"),
    "second-page": ("2", LIGHTHOUSES + 1 - 20, "/-/search?q=lighthouse", None),
    "past-the-end": ("3", 0, "/-/search?q=lighthouse&page=2", None),
}


@pytest.mark.parametrize("name", PAGES)
def test_search_pages_through_the_results(built: Desk, name: str) -> None:
    page, count, previous, following = PAGES[name]
    doc = html_page(built, "/-/search", q="lighthouse", page=page)
    assert len(results(doc)) == count
    assert doc.cssselect("ol.newsrake-results")[0].get("start") == str((int(page) - 1) * 20 + 1)
    for rel, expected in (("prev", previous), ("next", following)):
        links = [link.get("href") for link in doc.cssselect(f'.newsrake-pages a[rel="{rel}"]')]
        assert links == ([expected] if expected else []), rel


HOSTILE_QUERIES = [
    pytest.param({"q": '"'}, id="quote"),
    pytest.param({"q": '"ferry strike'}, id="unclosed-phrase"),
    pytest.param({"q": "AND"}, id="AND"),
    pytest.param({"q": "ferry OR NOT"}, id="OR-NOT"),
    pytest.param({"q": "*"}, id="star"),
    pytest.param({"q": "NEAR("}, id="NEAR-unclosed"),
    pytest.param({"q": "NEAR(ferry strike, 2)"}, id="NEAR"),
    pytest.param({"q": "title:x"}, id="column-filter"),
    pytest.param({"q": "{title text}: ferry ^"}, id="column-set-caret"),
    pytest.param({"q": "'); DROP TABLE articles; --"}, id="sql"),
    pytest.param({"q": ('ferry NEAR( " * ' * 200)[:2000]}, id="2000-characters"),
    pytest.param({"q": "Fähre 渡轮 🚢 עברית"}, id="unicode"),
    pytest.param({"q": f"\x02ferry\x03 {HOSTILE}"}, id="markup-and-marks"),
    pytest.param({"q": "ferry", "page": "abc"}, id="page-not-a-number"),
    pytest.param({"q": "ferry", "page": "-3"}, id="page-negative"),
    pytest.param({"q": "ferry", "page": "9" * 30}, id="page-huge"),
    pytest.param({"q": "ferry", "order": "rank; --"}, id="order-unknown"),
    pytest.param({"q": "ferry\x00"}, id="nul"),
]


@pytest.mark.parametrize("args", HOSTILE_QUERIES)
def test_any_query_is_answered(demo: Desk, args: dict[str, str]) -> None:
    html_page(demo, "/-/search", **args)


@pytest.mark.parametrize("args", HOSTILE_QUERIES)
def test_any_query_is_answered_by_the_stored_search_and_its_feed(demo: Desk, args: dict[str, str]) -> None:
    for path in ("/news/search.json", "/news/search_feed.atom"):
        page = fetch(demo, path, **args)
        assert page.status == 200, (path, page.text[:500])


@pytest.mark.parametrize("q", [NO_MATCH, '"strike ferry"'], ids=["unknown-word", "phrase-in-another-order"])
def test_no_results_says_so(demo: Desk, q: str) -> None:
    doc = html_page(demo, "/-/search", q=q)
    assert results(doc) == []
    assert "No article matches" in doc.cssselect(".newsrake-search-meta")[0].text_content()


@pytest.mark.parametrize("args", [{}, {"q": "   "}], ids=["no-q", "blank-q"])
def test_search_without_words_shows_the_form(demo: Desk, args: dict[str, str]) -> None:
    doc = html_page(demo, "/-/search", **args)
    assert doc.cssselect("form.newsrake-search-form")
    assert not doc.cssselect("ol.newsrake-results")


def snippet_source(page: Page) -> str:
    """The one snippet of a search page as served (not as a parser mends it)."""
    [source] = re.findall(r'<p class="newsrake-snippet">(.*?)</p>', page.text, flags=re.DOTALL)
    return str(source)


def test_stored_markup_comes_back_as_text_in_the_results(demo: Desk) -> None:
    page = fetch(demo, "/-/search", q="quokka")
    assert page.status == 200
    assert_inert(page)
    [item] = page.doc().cssselect("li.newsrake-result")
    assert item.cssselect("h2 a")[0].text_content() == f"Quokka census {HOSTILE}"
    assert item.cssselect(".newsrake-byline")[0].text_content().startswith(f"Evil {HOSTILE} Times")
    snippet = item.cssselect(".newsrake-snippet")[0]
    assert HOSTILE in snippet.text_content()
    assert {mark.text_content().lower() for mark in snippet.cssselect("mark")} == {"quokka"}
    assert snippet_source(page).count("<mark>") == snippet_source(page).count("</mark>") == 2


def test_stray_marks_in_the_stored_text_open_no_element_left_unclosed(demo: Desk) -> None:
    page = fetch(demo, "/-/search", q="dingo")
    assert page.status == 200
    source = snippet_source(page)
    assert source.count("<mark>") == source.count("</mark>")
    assert re.sub(r"</?mark>", "", source).count("<") == 0
    [snippet] = page.doc().cssselect(".newsrake-snippet")
    assert [mark.text_content() for mark in snippet.cssselect("mark")][:2] == ["dingo", "dingo"]
    assert MARK_START not in page.text
    assert MARK_END not in page.text


def test_a_feed_with_an_article_holding_control_characters_is_served(demo: Desk) -> None:
    assert [entry.title for entry in atom(demo, "/news/search_feed.atom", q="dingo").entries] == ["Dingo tracks"]


DEMO_ARTICLES = [
    "harbour-herald/ferry-strike-ends",
    "northfield-ledger/ferry-strike-republished",
    "courrier-trois-rivieres/tramway-mise-en-service",
]


def demo_article(desk: Desk, page: str) -> dict[str, Any]:
    with sqlite3.connect(desk.db) as conn:
        conn.row_factory = sqlite3.Row
        row = conn.execute("SELECT * FROM articles WHERE url LIKE ?", (f"%/{page}.html",)).fetchone()
    conn.close()
    assert row is not None, page
    return dict(row)


def facts(doc: Any) -> dict[str, Any]:
    terms = doc.cssselect("dl.newsrake-facts dt")
    return {term.text_content(): term.getnext() for term in terms}


@pytest.mark.parametrize("page", DEMO_ARTICLES)
def test_reading_view_shows_the_article(demo: Desk, page: str) -> None:
    row = demo_article(demo, page)
    doc = html_page(demo, f"/-/article/{row['id']}")
    [reading] = doc.cssselect("article.newsrake-reading")
    assert reading.cssselect("h1")[0].text_content() == row["title"]
    shown = facts(reading)
    assert shown["Source"].text_content() == row["source"]
    assert shown["By"].text_content() == ", ".join(json.loads(row["authors"]))
    assert shown["Language"].text_content() == row["language"]
    assert shown["Published"].cssselect("time")[0].get("datetime") == row["published"]
    assert shown["Link"].cssselect("a")[0].get("href") == row["canonical_url"]
    stored = [line.strip() for line in row["text"].split("\n") if line.strip()]
    assert len(stored) > 1
    assert [p.text_content() for p in reading.cssselect(".newsrake-text p")] == stored


@pytest.mark.parametrize("page", DEMO_ARTICLES[:2])
def test_reading_view_lists_the_copies_of_the_story(demo: Desk, page: str) -> None:
    row = demo_article(demo, page)
    other = demo.one("SELECT id FROM articles WHERE story_id = ? AND id != ?", row["story_id"], row["id"])
    [copies] = html_page(demo, f"/-/article/{row['id']}").cssselect("section.newsrake-copies")
    items = copies.cssselect("li")
    assert len(items) == 2
    assert [item.cssselect("strong")[0].text_content() for item in items if "newsrake-this" in item.classes] == [
        "this article"
    ]
    assert [link.get("href") for link in copies.cssselect("a")] == [f"/-/article/{other}"]


def test_reading_view_of_an_article_alone_lists_no_copies(demo: Desk) -> None:
    row = demo_article(demo, DEMO_ARTICLES[2])
    assert html_page(demo, f"/-/article/{row['id']}").cssselect("section.newsrake-copies") == []


@pytest.mark.parametrize("page", [*DEMO_ARTICLES, "quokka"])
def test_reading_view_lists_the_removals(demo: Desk, page: str) -> None:
    article = demo.one("SELECT id FROM articles WHERE url LIKE ?", f"%/{page}.html")
    stored = demo.all("SELECT cleaner, text FROM removals WHERE article_id = ? ORDER BY position", article)
    assert stored
    [removals] = html_page(demo, f"/-/article/{article}").cssselect("details.newsrake-removals")
    assert f"({len(stored)})" in removals.cssselect("summary")[0].text_content()
    cells = [[cell.text_content() for cell in row.cssselect("td")] for row in removals.cssselect("tbody tr")]
    assert [(cleaner, text) for _position, cleaner, _stage, text in cells] == stored


@pytest.mark.parametrize("page", [DEMO_ARTICLES[0], "quokka"], ids=["zstd", "gzip"])
def test_raw_page_is_a_download_of_the_page_as_fetched(demo: Desk, page: str) -> None:
    article, body, encoding = demo.one(
        "SELECT r.article_id, r.body, r.body_encoding FROM raw_pages r "
        "JOIN articles a ON a.id = r.article_id WHERE a.url LIKE ?",
        f"%/{page}.html",
    )
    raw = fetch(demo, f"/-/article/{article}/raw")
    assert raw.status == 200
    assert raw.headers["content-type"] == "application/octet-stream"
    assert raw.headers["content-disposition"].startswith("attachment")
    assert raw.headers["x-content-type-options"] == "nosniff"
    assert raw.body == decompress(body, encoding)
    assert (raw.body == HOSTILE_PAGE) == (page == "quokka")


@pytest.mark.parametrize(
    "path",
    [
        "/-/article/999999",
        "/-/article/999999/raw",
        "/-/article/999999999999999999",
        "/-/article/abc",
        "/-/article/-1",
        "/-/article/1.0",
        "/-/article/" + "9" * 30,
        "no-raw-page",
    ],
)
def test_unknown_article_is_not_found(demo: Desk, path: str) -> None:
    if path == "no-raw-page":
        path = "/-/article/{}/raw".format(demo.one("SELECT id FROM articles WHERE source = 'Bare'"))
    page = fetch(demo, path)
    assert page.status == 404, page.text[:500]
    assert "Traceback" not in page.text


def test_reading_view_shows_hostile_values_as_text(demo: Desk) -> None:
    article = demo.one("SELECT id FROM articles WHERE url LIKE '%/quokka.html'")
    doc = html_page(demo, f"/-/article/{article}")
    [reading] = doc.cssselect("article.newsrake-reading")
    assert reading.cssselect("h1")[0].text_content() == f"Quokka census {HOSTILE}"
    shown = {term: value.text_content() for term, value in facts(reading).items()}
    assert shown["Source"] == f"Evil {HOSTILE} Times ({HOSTILE})"
    assert shown["By"] == f"Ann {HOSTILE}"
    assert shown["Language"] == shown["Credit"] == shown["First published by"] == HOSTILE
    assert facts(reading)["Link"].cssselect("a")[0].get("href") == "http://127.0.0.1:9/quokka.html?a=<b>&c=\"'"
    assert [p.text_content() for p in reading.cssselect(".newsrake-text p")][1] == f"{HOSTILE} quokka again."
    assert ESCAPED in fetch(demo, f"/-/article/{article}").text


def test_the_search_page_links_to_its_feed_and_stored_query(demo: Desk) -> None:
    doc = html_page(demo, "/-/search", q="ferry")
    found = results(doc)
    [feed_link] = [
        link.get("href") for link in doc.cssselect(".newsrake-search-meta a") if ".atom?" in link.get("href")
    ]
    assert [link.get("href") for link in doc.cssselect('link[rel="alternate"]')] == [feed_link]
    entries = feedparser.parse(fetch(demo, feed_link).body).entries
    assert sorted(entry.id for entry in entries) == sorted(f"newsrake:article:{article}" for article in found)
    [table] = [
        link.get("href") for link in doc.cssselect(".newsrake-search-meta a") if link.text == "as a table or JSON"
    ]
    rows = json.loads(fetch(demo, table.replace("?", ".json?", 1) + "&_shape=array").text)
    assert [row["id"] for row in rows] == found


PAGES_WITH_LINKS = {"search": "/-/search?q=ferry", "article": "/-/article/{ferry-strike-ends}",
                    "hostile-article": "/-/article/{quokka}", "dashboard": "/-/dashboards/newsrake"}  # fmt: skip


@pytest.mark.parametrize("name", PAGES_WITH_LINKS)
def test_every_link_of_a_desk_page_answers(demo: Desk, name: str) -> None:
    ids = {
        page: demo.one("SELECT id FROM articles WHERE url LIKE ?", f"%/{page}.html")
        for page in ("ferry-strike-ends", "quokka")
    }
    doc = html_page(demo, PAGES_WITH_LINKS[name].format_map(ids))
    links = {*doc.xpath("//a/@href"), *doc.xpath("//link/@href"), *doc.xpath("//script/@src")}
    local = sorted(link for link in links if link.startswith("/") and not link.startswith("//"))
    assert len(local) > 3
    for link in local:
        page = fetch(demo, link)
        if page.status == 302:
            page = fetch(demo, page.headers["location"])
        assert page.status == 200, link


@pytest.mark.parametrize("path", ["/-/article/{id}", "/-/search?q=numbat"], ids=["article", "search"])
def test_a_date_that_would_leave_its_attribute_stays_in_it(demo: Desk, path: str) -> None:
    row = demo_article(demo, "numbat")
    doc = html_page(demo, path.format(id=row["id"]))
    assert [time.get("datetime") for time in doc.cssselect("time")] == [row["published"]]


def test_a_link_that_is_a_script_is_not_offered(demo: Desk) -> None:
    row = demo_article(demo, "numbat")
    [reading] = html_page(demo, f"/-/article/{row['id']}").cssselect("article.newsrake-reading")
    hrefs = [link.get("href") for link in reading.cssselect("a")]
    assert [href for href in hrefs if not href.startswith(("http://", "https://", "/"))] == []


def atom(desk: Desk, path: str, **args: str) -> Any:
    page = fetch(desk, path, **args)
    assert page.status == 200, page.text[:1000]
    assert "<script>window.__pwned" not in page.text
    assert "<img src=x" not in page.text
    feed = feedparser.parse(page.body)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def test_search_feed_is_atom_with_the_matching_articles(demo: Desk) -> None:
    feed = atom(demo, "/news/search_feed.atom", q="ferry", _feed_title="Ferries, from the desk")
    assert feed.feed.title == "Ferries, from the desk"
    titles = demo.all("SELECT title FROM articles WHERE title LIKE '%ferry%' ORDER BY published DESC")
    assert [entry.title for entry in feed.entries] == [title for (title,) in titles]


@pytest.mark.parametrize("q", [NO_MATCH, "", '"', "NEAR("], ids=["unknown-word", "empty", "quote", "NEAR"])
def test_search_feed_without_a_match_says_nothing_yet(demo: Desk, q: str) -> None:
    feed = atom(demo, "/news/search_feed.atom", q=q, _feed_title="Nothing here")
    assert [entry.title for entry in feed.entries] == ["Nothing yet"]


@pytest.mark.parametrize(
    "source", ["The Harbour Herald", "Le Courrier des Trois Rivières", f"Evil {HOSTILE} Times", "No Such Source"]
)
def test_source_feed_is_atom_with_the_articles_of_the_source(demo: Desk, source: str) -> None:
    feed = atom(demo, "/news/source_feed.atom", source=source, _feed_title=f"newsrake: {source}")
    assert feed.feed.title == f"newsrake: {source}"
    titles = [
        title
        for (title,) in demo.all(
            "SELECT title FROM articles WHERE source = ? ORDER BY coalesce(published, fetched_at) DESC, id DESC", source
        )
    ]
    assert [entry.title for entry in feed.entries] == (titles or ["Nothing yet"])


def test_a_feed_with_an_article_of_no_date_is_served(demo: Desk) -> None:
    assert [entry.title for entry in atom(demo, "/news/search_feed.atom", q="numbat").entries] == ["Numbat sighting"]


READING = "&".join(f"_col={column}" for column in READING_COLUMNS)


@pytest.mark.parametrize(
    ("query", "location"),
    [
        ("", f"/news/articles?{READING}"),
        ("?_search=ferry&_sort=title", f"/news/articles?_search=ferry&_sort=title&{READING}"),
        ("?source=Northfield+Ledger", f"/news/articles?source=Northfield+Ledger&{READING}"),
    ],
    ids=["bare", "search-and-sort", "filter"],
)
def test_articles_table_opens_on_the_reading_columns(demo: Desk, query: str, location: str) -> None:
    page = fetch(demo, f"/news/articles{query}")
    assert page.status == 302
    assert page.headers["location"] == location
    doc = html_page(demo, location)
    assert [th.get("data-column") for th in doc.cssselect("table.rows-and-columns th")] == list(READING_COLUMNS)
    assert "/-/static-plugins/newsrake/tables.js" in {script.get("src") for script in doc.cssselect("script")}


@pytest.mark.parametrize(
    "path",
    [
        "/news/articles.json",
        "/news/articles?_all_columns=1",
        "/news/articles?_col=url",
        "/news/articles?_nocol=text",
        "/news/articles_browse",
        "/news/feeds",
    ],
)
def test_a_page_that_names_its_columns_is_served_as_asked(demo: Desk, path: str) -> None:
    page = fetch(demo, path)
    assert page.status == 200, page.headers.get("location")
    if page.headers["content-type"].startswith("text/html"):
        assert_inert(page)


def test_articles_json_keeps_every_column(demo: Desk) -> None:
    page = fetch(demo, "/news/articles.json", _shape="objects")
    assert page.status == 200
    every = [row[1] for row in demo.all("PRAGMA table_info(articles)")]
    assert list(json.loads(page.text)["rows"][0]) == every


def test_article_titles_in_the_table_link_to_the_reading_view(demo: Desk) -> None:
    article = demo.one("SELECT id FROM articles WHERE url LIKE '%/quokka.html'")
    doc = html_page(demo, "/news/articles", _search="quokka", _col="title")
    [link] = doc.cssselect("td.col-title a")
    assert link.get("href") == f"/-/article/{article}"
    assert link.text_content() == f"Quokka census {HOSTILE}"


def test_raw_pages_are_hidden_from_the_list_of_tables(demo: Desk) -> None:
    tables = {table["name"]: table for table in json.loads(fetch(demo, "/news.json").text)["tables"]}
    assert tables["raw_pages"]["hidden"] is True
    assert tables["articles"]["hidden"] is False


DASHBOARD = datasette_metadata("news")["plugins"]["datasette-dashboards"]["newsrake"]
CHARTS = {slug: chart for slug, chart in DASHBOARD["charts"].items() if "query" in chart}


def test_front_page_is_the_dashboard(demo: Desk) -> None:
    page = fetch(demo, "/")
    assert page.status == 302
    assert page.headers["location"] == "/-/dashboards/newsrake"


def test_dashboard_shows_each_chart(demo: Desk) -> None:
    doc = html_page(demo, "/-/dashboards/newsrake")
    assert doc.cssselect("form[action='../search'] input[name='q']")
    assert {slug for slug in DASHBOARD["charts"] if doc.cssselect(f"#chart-{slug}")} == set(DASHBOARD["charts"])
    text = doc.text_content()
    assert [chart["title"] for chart in CHARTS.values() if chart["title"] not in text] == []


def test_dashboard_scripts_and_styles_are_served_by_the_desk(demo: Desk) -> None:
    doc = html_page(demo, "/-/dashboards/newsrake")
    assets = [
        *(s.get("src") for s in doc.cssselect("script[src]")),
        *(s.get("href") for s in doc.cssselect("link[href]")),
    ]
    assert any("vega-embed" in asset for asset in assets)
    for asset in assets:
        assert asset.startswith("/"), asset
        assert not asset.startswith("//"), asset
        assert fetch(demo, asset).status == 200, asset


@pytest.mark.parametrize("file", ["demo", "built"])
@pytest.mark.parametrize("chart", sorted(CHARTS))
def test_each_chart_query_runs(request: pytest.FixtureRequest, file: str, chart: str) -> None:
    desk: Desk = request.getfixturevalue(file)
    page = fetch(desk, "/news.json", sql=CHARTS[chart]["query"], _shape="array")
    assert page.status == 200, page.text[:500]
    assert isinstance(json.loads(page.text), list)


def test_extraction_jumps_lists_the_sources_that_slipped(built: Desk) -> None:
    page = fetch(built, "/news/extraction_jumps.json", _shape="array")
    assert page.status == 200, page.text[:500]
    assert json.loads(page.text) == [
        {"source": "Slipping Times", "articles_this_week": 5, "percent_poor_this_week": 80.0,
         "articles_4_weeks_before": 5, "percent_poor_before": 0.0, "points_worse": 80.0},
        {"source": "Just Enough", "articles_this_week": 5, "percent_poor_this_week": 20.0,
         "articles_4_weeks_before": 5, "percent_poor_before": 0.0, "points_worse": 20.0},
    ]  # fmt: skip


@pytest.fixture(scope="module")
def written_config(demo: Desk) -> Path:
    config = demo.db.parent / "newsrake-datasette.json"
    written = newsrake("serve", "--db", "news.db", "--write-config", config.name, cwd=demo.db.parent)
    assert written.returncode == 0, written.stderr
    return config


def plain_datasette(db: Path, path: str, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "datasette", db.name, *options, "--get", path],
        cwd=db.parent,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


PLAIN_WITH_CONFIG = {
    "search": ("/-/search?q=ferry", "li.newsrake-result", 2),
    "dashboard": ("/-/dashboards/newsrake", "#chart-articles-per-day", 1),
    "article": ("/-/article/1", "article.newsrake-reading", 1),
}


@pytest.mark.parametrize("name", sorted(PLAIN_WITH_CONFIG))
def test_plain_datasette_with_the_written_config_serves_the_desk(demo: Desk, written_config: Path, name: str) -> None:
    path, selector, count = PLAIN_WITH_CONFIG[name]
    done = plain_datasette(demo.db, path, "-m", str(written_config))
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr
    assert len(lxml.html.fromstring(done.stdout).cssselect(selector)) == count


def test_plain_datasette_with_the_written_config_serves_the_feeds(demo: Desk, written_config: Path) -> None:
    done = plain_datasette(demo.db, "/news/search_feed.atom?q=ferry&_feed_title=Ferries", "-m", str(written_config))
    assert done.returncode == 0, done.stderr
    feed = feedparser.parse(done.stdout)
    assert feed.feed.title == "Ferries"
    assert len(feed.entries) == 2


def test_plain_datasette_without_the_config_is_left_as_it_is(demo: Desk) -> None:
    index = plain_datasette(demo.db, "/")
    assert index.returncode == 0, index.stderr
    assert lxml.html.fromstring(index.stdout).cssselect("title")[0].text_content() == "Datasette: news"
    table = plain_datasette(demo.db, "/news/articles")
    assert table.returncode == 0, table.stderr  # not redirected to the reading columns
    assert "newsrake/tables.js" not in table.stdout
    search = plain_datasette(demo.db, "/-/search?q=ferry")
    assert search.returncode == 1
    assert "Error 404" in search.stdout
