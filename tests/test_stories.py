"""Stories, against a real SQLite file: each stored article joins the story of the earliest article it copies
(canonical URL, same text, MinHash similarity); short texts and failures stay alone with the reason; the same
articles in the same order make the same stories; reclean and ``newsrake stories`` keep them."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from cleaners import Article
from crawler.demo.feedgen import CONTENT_TYPES, Item, render_feed
from crawler.demo.server import ROBOTS_ALLOW_ALL, LoopbackServer, Resource, Routes
from pipelines import fingerprint as fingerprints
from pipelines.cleaning.one_page import fingerprinted
from pipelines.fingerprint import BANDS, TOO_SHORT, fingerprint
from pipelines.records import RawPage
from pipelines.store import ArticleRecord, Store
from pipelines.stories import rebuild

from conftest import FAST, newsrake
from stories_data import (
    ORIGINAL,
    OTHER,
    SAME_TOPIC,
    last_cut,
    reordered,
    restyled,
    text,
    with_lines_at,
)


def record(url: str, body: str, *, canonical: str | None = None) -> ArticleRecord:
    """An article as a crawl stores it: fingerprinted where it was cleaned; its source is its site."""
    source = url.split("/")[2]
    page = RawPage(url=url, final_url=url, status=200, body=b"<p>page</p>", headers={})
    article, found = fingerprinted(Article(url=url, title="T", text=body, canonical_url=canonical, cleaner_version="v"))
    return ArticleRecord(page, article, source, None, None, fingerprint=found)


def stored(store: Store, records: Sequence[ArticleRecord]) -> list[int]:
    saved = store.save_articles(records)
    assert all(s.article_id is not None for s in saved), saved
    return [s.article_id for s in saved if s.article_id is not None]


def story(db: Store | Path, article_id: int) -> tuple[int, float | None, str | None, str | None]:
    conn = db.db.conn if isinstance(db, Store) else sqlite3.connect(db)
    row = conn.execute(
        "SELECT story_id, similarity, story_role, story_match FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    return (row[0], row[1], row[2], row[3])


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "news.db")
    yield opened
    opened.close()


COPIES = [
    pytest.param(with_lines_at("top"), "similar text", id="promo-lines-at-the-top"),
    pytest.param(with_lines_at("middle"), "similar text", id="promo-lines-in-the-middle"),
    pytest.param(with_lines_at("end"), "similar text", id="promo-lines-at-the-end"),
    pytest.param(last_cut, "similar text", id="last-paragraphs-cut"),
    pytest.param(reordered, "similar text", id="paragraphs-reordered"),
    pytest.param(restyled, "same text", id="same-words-other-case-and-punctuation"),
]


@pytest.mark.parametrize(("copy", "match"), COPIES)
def test_a_copy_joins_the_story_of_the_article_it_copies(
    store: Store, copy: Callable[[list[str]], list[str]], match: str
) -> None:
    original, other = stored(store, [record("https://a.example/1", text(ORIGINAL)),
                                      record("https://a.example/2", text(OTHER))])  # fmt: skip
    [copied] = stored(store, [record("https://farm.example/copy", text(copy(ORIGINAL)))])
    story_id, similarity, role, how = story(store, copied)
    assert (story_id, role, how) == (original, "copy", match)
    assert similarity is not None
    assert similarity >= store.story_threshold
    assert story(store, original) == (original, None, "original", None)
    assert story(store, other)[0] == other


def test_the_page_a_stored_article_names_as_canonical_joins_its_story(store: Store) -> None:
    """(A page that names a stored article's URL as canonical is not stored at all: see test_store.)"""
    [amp] = stored(store, [record("https://a.example/amp/1", text(last_cut(ORIGINAL)),
                                  canonical="https://a.example/1")])  # fmt: skip
    [page] = stored(store, [record("https://a.example/1", text(with_lines_at("end")(SAME_TOPIC)))])
    assert story(store, page) == (amp, 1.0, "copy", "canonical URL")


@pytest.mark.parametrize(
    "distinct",
    [pytest.param(SAME_TOPIC, id="same-topic-same-site"), pytest.param(OTHER, id="other-topic")],
)
def test_a_distinct_article_stays_alone(store: Store, distinct: list[str]) -> None:
    distinct_text = text(with_lines_at("end")(distinct))
    [_, alone] = stored(
        store, [record("https://a.example/1", text(ORIGINAL)), record("https://a.example/2", distinct_text)]
    )
    assert story(store, alone) == (alone, None, "original", None)


def test_the_earliest_article_it_copies_gives_the_story(store: Store) -> None:
    first, second = stored(store, [record("https://a.example/1", text(ORIGINAL)),
                                   record("https://b.example/1", text(with_lines_at("top")(ORIGINAL)))])  # fmt: skip
    [third] = stored(store, [record("https://c.example/1", text(with_lines_at("end")(ORIGINAL)))])
    assert story(store, second)[0] == first
    assert story(store, third)[0] == first
    assert [m.id for m in store.story_of(third)] == [first, second, third]


@pytest.mark.parametrize(
    "body", [pytest.param("", id="empty"), pytest.param("Breaking: the harbour is closed.", id="one-line")]
)
def test_a_short_text_gets_no_fingerprint_and_stays_alone_with_a_problem(store: Store, body: str) -> None:
    first, second = stored(store, [record("https://a.example/1", body), record("https://b.example/1", body)])
    for article_id in (first, second):
        assert story(store, article_id) == (article_id, None, "original", None)
        [(problems,)] = store.db.execute("SELECT problems FROM articles WHERE id = ?", [article_id]).fetchall()
        assert TOO_SHORT in problems
    assert store.count("fingerprints") == 0


def test_a_crash_in_fingerprinting_stores_the_article_alone_with_the_reason(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(text: str | None) -> None:
        raise RuntimeError("boom")

    stored(store, [record("https://a.example/1", text(ORIGINAL))])
    monkeypatch.setattr(fingerprints, "fingerprint", crash)  # no real input makes rensa fail: a stand-in crash
    [copied] = stored(store, [record("https://b.example/1", text(ORIGINAL))])
    assert story(store, copied) == (copied, None, "original", None)
    [(problems, body)] = store.db.execute("SELECT problems, text FROM articles WHERE id = ?", [copied]).fetchall()
    assert "fingerprint-error: RuntimeError" in problems
    assert body == text(ORIGINAL)


def test_a_stored_signature_that_cannot_be_read_leaves_the_next_article_stored_alone(store: Store) -> None:
    [original] = stored(store, [record("https://a.example/1", text(ORIGINAL))])
    store.db.execute("UPDATE fingerprints SET signature = x'0102' WHERE article_id = ?", [original])
    [copied] = stored(store, [record("https://b.example/1", text(with_lines_at("top")(ORIGINAL)))])
    assert story(store, copied) == (copied, None, "original", None)
    [(problems,)] = store.db.execute("SELECT problems FROM articles WHERE id = ?", [copied]).fetchall()
    assert "story-error: ValueError" in problems


def articles_in_order() -> list[ArticleRecord]:
    return [
        record("https://a.example/1", text(ORIGINAL)),
        record("https://a.example/2", text(SAME_TOPIC)),
        record("https://b.example/1", text(with_lines_at("top")(ORIGINAL))),
        record("https://c.example/1", text(with_lines_at("end")(SAME_TOPIC))),
        record("https://c.example/2", text(OTHER)),
        record("https://d.example/1", text(reordered(ORIGINAL))),
    ]


def stories_of(db: Store) -> list[tuple[object, ...]]:
    return db.db.execute(
        "SELECT id, story_id, similarity, story_role, story_match FROM articles ORDER BY id"
    ).fetchall()


def test_the_same_articles_in_the_same_order_make_the_same_stories(tmp_path: Path) -> None:
    results = []
    for name in ("one.db", "two.db"):
        store = Store.open(tmp_path / name)
        stored(store, articles_in_order())
        results.append(stories_of(store))
        store.close()
    assert results[0] == results[1]
    assert [row[1] for row in results[0]] == [1, 2, 1, 2, 5, 1]


def test_a_rebuild_makes_the_stories_the_crawl_made(tmp_path: Path) -> None:
    crawled = Store.open(tmp_path / "crawled.db")
    stored(crawled, articles_in_order())
    plain = Store.open(tmp_path / "plain.db")
    plain.stories_enabled = False
    stored(plain, articles_in_order())
    assert {row[1] for row in stories_of(plain)} == {None}
    assert plain.count("fingerprints") == 0
    counts = rebuild(plain)
    assert stories_of(plain) == stories_of(crawled)
    assert (counts.articles, counts.stories, counts.copies, counts.stories_across_sources) == (6, 3, 3, 2)
    assert rebuild(plain) == counts  # again: the same
    assert stories_of(plain) == stories_of(crawled)
    crawled.close()
    plain.close()


def test_a_text_changed_by_reclean_is_placed_again(store: Store) -> None:
    [original, copied] = stored(store, [record("https://a.example/1", text(ORIGINAL)),
                                        record("https://b.example/1", text(OTHER))])  # fmt: skip
    assert story(store, copied)[0] == copied
    new_text = text(with_lines_at("top")(ORIGINAL))
    article, found = fingerprinted(Article(url="https://b.example/1", text=new_text, cleaner_version="v2"))
    store.save_recleaned([(copied, article)], {copied: found})
    assert story(store, copied)[:3] == (original, story(store, copied)[1], "copy")
    [(bands,)] = store.db.execute("SELECT count(*) FROM story_bands WHERE article_id = ?", [copied]).fetchall()
    assert bands == BANDS
    [(signature,)] = store.db.execute("SELECT signature FROM fingerprints WHERE article_id = ?", [copied]).fetchall()
    assert found is not None
    assert signature == found.signature == fingerprint(new_text).signature  # type: ignore[union-attr]


def test_story_detection_can_be_turned_off(store: Store) -> None:
    store.stories_enabled = False
    ids = stored(store, [record("https://a.example/1", text(ORIGINAL)), record("https://b.example/1", text(ORIGINAL))])
    assert [story(store, i)[0] for i in ids] == [None, None]


# -- newsrake stories ------------------------------------------------------


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "news.db"
    store = Store.open(path)
    stored(store, articles_in_order())
    store.close()
    return path


def test_stories_prints_a_summary_line(db: Path, tmp_path: Path) -> None:
    run = newsrake("stories", "--db", str(db), cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stdout == (
        "newsrake stories: 6 articles in 3 stories; 3 copies in 2 stories, 2 carried by more than one source; "
        "0 too short to fingerprint\n"
    )


def test_stories_show_lists_the_copies_of_an_article(db: Path, tmp_path: Path) -> None:
    run = newsrake("stories", "--db", str(db), "--show", "https://b.example/1?utm_source=x", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == "story 1: 3 article(s) from 3 source(s)"
    urls = [line.strip() for line in lines if line.strip().startswith("https://")]
    assert urls == ["https://a.example/1", "https://b.example/1", "https://d.example/1"]
    assert "original" in lines[1]
    assert lines[4].startswith("*")
    assert "copy 0." in lines[4]


def test_stories_rebuild_places_articles_stored_before_stories(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    store = Store.open(path)
    store.stories_enabled = False
    stored(store, articles_in_order())
    store.close()
    before = newsrake("stories", "--db", str(path), cwd=tmp_path)
    assert "6 not placed yet (run newsrake stories --rebuild)" in before.stdout
    run = newsrake("stories", "--db", str(path), "--rebuild", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("newsrake stories: 6 articles in 3 stories; 3 copies")
    assert "not placed" not in run.stdout
    assert story(path, 6)[0] == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(["--show", "https://nowhere.example/x"], "no stored article at https://nowhere.example/x",
                     id="unknown-url"),
        pytest.param(["--db", "missing.db"], "database not found: missing.db", id="missing-database"),
        pytest.param(["--rebuild", "--show", "https://a.example/1"], "--rebuild and --show go one at a time",
                     id="both-options"),
        pytest.param(["--rebuild", "--threshold", "1.5"], "1.5 is not in the range", id="bad-threshold"),
    ],
)  # fmt: skip
def test_stories_bad_input_is_one_line(db: Path, tmp_path: Path, args: list[str], message: str) -> None:
    run = newsrake("stories", *(["--db", str(db)] if "--db" not in args else []), *args, cwd=tmp_path)
    assert run.returncode == (2 if "range" in message or "one at a time" in message else 1)
    assert message in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1, run.stderr
    assert "Traceback" not in run.stderr


# -- a real crawl ----------------------------------------------------------


def page(title: str, paragraphs: list[str], chrome: str) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head><body>'
        f"<nav><a href='/'>{chrome} home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav>"
        f"<article><h1>{title}</h1>{body}</article><footer>{chrome}, all rights reserved</footer></body></html>"
    ).encode()


def two_sites(base: str) -> Routes:
    """A publisher, and a site that republishes one of its articles with lines of its own, beside an article
    of its own on the same topic."""
    pages = {
        "/herald/barrier.html": page("Tidal barrier work to begin in March", ORIGINAL, "Harbour Herald"),
        "/herald/library.html": page("Libraries to open on Sundays", OTHER, "Harbour Herald"),
        "/farm/barrier.html": page("Big news for Ellery!", with_lines_at("top")(ORIGINAL), "Daily Clicks"),
        "/farm/fishing.html": page("Fishing crews want barrier guarantee", SAME_TOPIC, "Daily Clicks"),
    }
    routes: dict[str, Resource | Sequence[Resource]] = {"/robots.txt": ROBOTS_ALLOW_ALL}
    start = datetime(2026, 11, 1, tzinfo=UTC)
    for site in ("herald", "farm"):
        items = [Item(url=base + path, title=path, published=start + timedelta(hours=n))
                 for n, path in enumerate(pages) if path.startswith(f"/{site}/")]  # fmt: skip
        feed = render_feed("rss2", site, f"{base}/{site}/", f"{base}/{site}/feed.xml", items)
        routes[f"/{site}/feed.xml"] = Resource(feed, CONTENT_TYPES["rss2"])
    routes.update({path: Resource(body) for path, body in pages.items()})
    return routes


@pytest.mark.parametrize("enabled", [pytest.param(True, id="stories-on"), pytest.param(False, id="stories-off")])
def test_a_crawl_finds_the_republished_copy(tmp_path: Path, enabled: bool) -> None:
    with LoopbackServer(two_sites, host="127.0.0.46") as server:
        feeds = [arg for site in ("herald", "farm") for arg in ("--feed", f"{server.base_url}/{site}/feed.xml")]
        run = newsrake("crawl", *feeds, "--db", "news.db", "--allow-address", server.address, *FAST,
                       "-s", f"NEWSRAKE_STORIES={enabled}", cwd=tmp_path)  # fmt: skip
    assert run.returncode == 0, run.stderr
    conn = sqlite3.connect(tmp_path / "news.db")
    query = "SELECT url, story_id, story_role, story_match FROM articles"
    found = {
        "/".join(url.rsplit("/", 2)[1:]): (story_id, role, how) for url, story_id, role, how in conn.execute(query)
    }
    assert len(found) == 4
    if not enabled:
        assert set(found.values()) == {(None, None, None)}
        assert conn.execute("SELECT count(*) FROM fingerprints").fetchone() == (0,)
        return
    original, copy = found["herald/barrier.html"], found["farm/barrier.html"]
    assert original[0] == copy[0]  # whichever was stored first is the original
    first, second = sorted([original[1:], copy[1:]])
    assert second == ("original", None)
    assert first in {("copy", "same text"), ("copy", "similar text")}  # same when the cleaners took out every line
    assert len({story for story, _, _ in found.values()}) == 3


def test_reclean_fingerprints_the_texts_it_changes(tmp_path: Path) -> None:
    """Two pages stored with an old cleaner's short texts stay alone; once recleaned, the copy joins the
    original's story."""
    path = tmp_path / "news.db"
    store = Store.open(path)
    for url, paragraphs in (("https://a.example/1", ORIGINAL), ("https://b.example/1", with_lines_at("top")(ORIGINAL))):
        raw = RawPage(url=url, final_url=url, status=200, body=page("Barrier", paragraphs, "Chrome"),
                      headers={"Content-Type": "text/html; charset=utf-8"})  # fmt: skip
        article, found = fingerprinted(Article(url=url, title="old", text="old text", cleaner_version="0.old"))
        store.save_articles([ArticleRecord(raw, article, url.split("/")[2], None, None, fingerprint=found)])
    store.close()
    assert [story(path, i)[0] for i in (1, 2)] == [1, 2]
    run = newsrake("reclean", "--db", str(path), "--jobs", "1", "--quiet", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "newsrake reclean: 2 cleaned, 2 changed, 0 unchanged, 0 failed"
    assert story(path, 2)[0] == 1
    assert story(path, 2)[2] == "copy"
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM fingerprints").fetchone() == (2,)


def test_a_bucket_shared_by_many_articles_still_gives_the_earliest_story(store: Store) -> None:
    """More articles share the copy's band buckets than are taken from one (`CANDIDATES_PER_BAND`): it still
    joins the first story."""
    from pipelines.store.stories import CANDIDATES_PER_BAND

    briefs = [record(f"https://a.example/{n}", text([f"Brief number {n}.", *ORIGINAL[:3]]))
              for n in range(CANDIDATES_PER_BAND + 30)]  # fmt: skip
    ids = stored(store, briefs)
    assert {story(store, i)[0] for i in ids} == {ids[0]}
