"""Tests for pipelines.store: schema, migrations, articles with FTS, feeds, runs and errors."""

from __future__ import annotations

import gzip
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from cleaners import Article, FeedEntry
from pipelines import raw_body
from pipelines.records import FeedFetch, RawPage
from pipelines.store import MIGRATIONS, ArticleRecord, Store, StoredFilter, StoreError, last_crawl_stored_articles

URL = "https://news.example/world/kilns"
BODY = b"<html><body><p>Glassblowers relit the kilns.</p></body></html>\xff\x00"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "news.db")
    yield opened
    opened.close()


def page(url: str = URL, body: bytes = BODY) -> RawPage:
    return RawPage(url=url, final_url=url, status=200, body=body, headers={"Content-Type": "text/html"})


def article(url: str = URL, text: str = "Three zanzibarite glassblowers relit the quarry kilns.") -> Article:
    return Article(url=url, title="Kilns relit", text=text, feed_entry=FeedEntry(link=url, guid="g-1"))


def save(store: Store, url: str = URL, feed_url: str | None = None) -> int | None:
    return store.save_article(page(url), article(url), source="Demo", feed_url=feed_url, run_id=None)


def fts_ids(store: Store, word: str) -> list[int]:
    rows = store.db.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", [word]).fetchall()
    return [row[0] for row in rows]


@pytest.mark.parametrize(
    "table",
    [pytest.param(t, id=t) for t in ("newsrake_migrations", "feeds", "articles", "articles_fts", "raw_pages", "runs")],
)
def test_open_creates_table(store: Store, table: str) -> None:
    assert store.db[table].exists()


def test_open_uses_wal(store: Store) -> None:
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_migrations_recorded(store: Store) -> None:
    recorded = [row[0] for row in store.db.execute("SELECT name FROM newsrake_migrations ORDER BY name")]
    assert recorded == [name for name, _ in MIGRATIONS]


def test_migrate_again_is_a_no_op(store: Store) -> None:
    assert (store.migrate(), store.count("newsrake_migrations")) == ([], len(MIGRATIONS))


def test_reopen_keeps_data(tmp_path: Path) -> None:
    first = Store.open(tmp_path / "news.db")
    save(first)
    first.close()
    again = Store.open(tmp_path / "news.db")
    assert (again.count("articles"), again.count("newsrake_migrations")) == (1, len(MIGRATIONS))
    again.close()


def test_save_article_writes_one_row(store: Store) -> None:
    article_id = save(store)
    assert (article_id, store.count("articles"), store.count("raw_pages")) == (1, 1, 1)


def test_save_same_url_again_returns_none(store: Store) -> None:
    save(store)
    assert save(store) is None


def test_save_same_url_again_adds_nothing(store: Store) -> None:
    save(store)
    save(store)
    assert (store.count("articles"), store.count("raw_pages")) == (1, 1)


def test_raw_body_round_trips(store: Store) -> None:
    article_id = save(store)
    assert article_id is not None
    assert store.raw_body(article_id) == BODY


@pytest.mark.parametrize("encoding", ["zstd", "gzip"])
def test_a_damaged_raw_body_is_a_value_error(encoding: str) -> None:
    stored = raw_body.compress(b"<html>" + b"page " * 200 + b"</html>").data if encoding == "zstd" else b"\x1f\x8b"
    with pytest.raises(ValueError, match="does not decompress"):
        raw_body.decompress(stored[: len(stored) // 2] if encoding == "zstd" else stored + b"junk", encoding)


def test_raw_body_of_unknown_article(store: Store) -> None:
    assert store.raw_body(12345) is None


def test_known_urls(store: Store) -> None:
    save(store)
    assert store.known_urls([URL, "https://news.example/other", URL]) == {URL}


def record(
    url: str, text: str = "Glassblowers relit the kilns.", stored_body: raw_body.Compressed | None = None
) -> ArticleRecord:
    return ArticleRecord(page(url), article(url, text), source="Demo", feed_url=None, run_id=None,
                         stored_body=stored_body)  # fmt: skip


def test_a_batch_is_stored_in_one_go(store: Store) -> None:
    urls = [f"https://news.example/{n}" for n in range(3)]
    saved = store.save_articles([record(url) for url in urls] + [record(urls[0])])
    assert [s.article_id for s in saved] == [1, 2, 3, None]  # the repeat is already stored
    assert all(s.error is None for s in saved)
    assert (store.count("articles"), store.count("raw_pages")) == (3, 3)


def test_an_article_that_cannot_be_written_is_rolled_back_alone(store: Store) -> None:
    bad = record("https://news.example/bad", text="a lone surrogate \ud800 cannot be encoded")
    saved = store.save_articles([record("https://news.example/1"), bad, record("https://news.example/2")])
    assert [s.article_id for s in saved] == [1, None, 2]
    assert saved[1].error is not None
    assert "UnicodeEncodeError" in saved[1].error
    assert store.known_urls(["https://news.example/bad"]) == set()
    assert (store.count("articles"), store.count("raw_pages"), store.count("removals")) == (2, 2, 0)


def test_a_database_error_rolls_the_whole_batch_back(store: Store) -> None:
    store.db.execute("CREATE TRIGGER refuse BEFORE INSERT ON raw_pages WHEN NEW.url LIKE '%/2' "
                     "BEGIN SELECT RAISE(ABORT, 'disk says no'); END")  # fmt: skip
    with pytest.raises(sqlite3.IntegrityError):
        store.save_articles([record(f"https://news.example/{n}") for n in range(3)])
    assert (store.count("articles"), store.count("raw_pages")) == (0, 0)


def test_a_body_compressed_by_the_worker_is_stored_as_given(store: Store) -> None:
    compressed = raw_body.compress(BODY)
    store.save_articles([record(URL, stored_body=compressed)])
    stored = store.db.execute("SELECT body, body_encoding, body_size FROM raw_pages").fetchone()
    assert stored == (compressed.data, raw_body.ENCODING, len(BODY))
    assert store.raw_body(1) == BODY


@pytest.mark.parametrize(
    "stored",
    [raw_body.compress(BODY), raw_body.Compressed(gzip.compress(BODY), len(BODY), "gzip")],
    ids=["zstd", "gzip-written-by-0.1"],
)
def test_a_body_in_every_encoding_newsrake_wrote_is_read_back(store: Store, stored: raw_body.Compressed) -> None:
    store.save_articles([record(URL, stored_body=stored)])
    assert store.db.execute("SELECT body_encoding FROM raw_pages").fetchone() == (stored.encoding,)
    assert store.raw_body(1) == BODY
    [stored_page] = store.stored_pages(StoredFilter())
    assert stored_page.body.page() == BODY


def test_a_body_of_an_unknown_encoding_is_a_clear_error(store: Store) -> None:
    store.save_articles([record(URL, stored_body=raw_body.Compressed(b"?", 1, "brotli"))])
    with pytest.raises(ValueError, match="unknown body encoding 'brotli'"):
        store.raw_body(1)


@pytest.mark.parametrize(
    ("query", "index"),
    [
        pytest.param("SELECT url FROM articles WHERE url IN (?)", "idx_articles_url", id="seen-url"),
        pytest.param("SELECT guid FROM articles WHERE guid IN (?)", "idx_articles_guid", id="seen-guid"),
        pytest.param("SELECT id FROM articles WHERE url = ?", "idx_articles_url", id="article-by-url"),
    ],
)
def test_the_seen_checks_are_index_searches(store: Store, query: str, index: str) -> None:
    """O(log n) however large the database grows: a search of an index, never a scan of the table."""
    plan = " ".join(row[-1] for row in store.db.execute(f"EXPLAIN QUERY PLAN {query}", ["x"]).fetchall())
    assert f"USING COVERING INDEX {index}" in plan or f"USING INDEX {index}" in plan, plan
    assert "SCAN" not in plan, plan


def test_save_article_counts_for_its_feed(store: Store) -> None:
    store.record_feed_fetch(FeedFetch(url="https://news.example/rss", source="Demo", status=200))
    save(store, feed_url="https://news.example/rss")
    assert store.db["feeds"].get("https://news.example/rss")["articles_stored"] == 1


def test_fts_finds_article_by_word(store: Store) -> None:
    article_id = save(store)
    assert fts_ids(store, "zanzibarite") == [article_id]


def test_fts_follows_update(store: Store) -> None:
    article_id = save(store)
    store.db.execute("UPDATE articles SET text = 'Obsidian mirrors' WHERE id = ?", [article_id])
    assert (fts_ids(store, "zanzibarite"), fts_ids(store, "obsidian")) == ([], [article_id])


def test_fts_follows_delete(store: Store) -> None:
    article_id = save(store)
    store.db.execute("DELETE FROM raw_pages WHERE article_id = ?", [article_id])
    store.db.execute("DELETE FROM articles WHERE id = ?", [article_id])
    assert fts_ids(store, "zanzibarite") == []


def fetch(error: str | None) -> FeedFetch:
    return FeedFetch(url="https://news.example/rss", source="Demo", status=500 if error else 200, error=error)


@pytest.mark.parametrize(
    ("errors", "expected"),
    [
        pytest.param([None], 0, id="success"),
        pytest.param(["timeout"], 1, id="one-failure"),
        pytest.param(["timeout", "HTTP 500", "HTTP 500"], 3, id="three-failures"),
        pytest.param(["timeout", "HTTP 500", None], 0, id="success-resets"),
        pytest.param(["timeout", None, "HTTP 500"], 1, id="counts-again-after-reset"),
    ],
)
def test_record_feed_fetch_failures_in_row(store: Store, errors: list[str | None], expected: int) -> None:
    for error in errors:
        store.record_feed_fetch(fetch(error))
    assert store.db["feeds"].get("https://news.example/rss")["failures_in_row"] == expected


def test_record_feed_fetch_keeps_title_when_fetch_has_none(store: Store) -> None:
    store.record_feed_fetch(FeedFetch(url="https://news.example/rss", source="Demo", status=200, title="Demo News"))
    store.record_feed_fetch(fetch("timeout"))
    assert store.db["feeds"].get("https://news.example/rss")["title"] == "Demo News"


def test_start_run(store: Store) -> None:
    run_id = store.start_run("crawl", {"seeds": ["default.toml"]})
    row = store.db["runs"].get(run_id)
    expected = {"command": "crawl", "outcome": "running", "pid": os.getpid(), "options": '{"seeds": ["default.toml"]}'}
    assert {key: row[key] for key in expected} == expected


def test_finish_run(store: Store) -> None:
    run_id = store.start_run("crawl", {})
    store.finish_run(run_id, "ok", {"feeds_fetched": 3, "articles_new": 7}, {"downloader/request_count": 11})
    row = store.db["runs"].get(run_id)
    expected = {
        "outcome": "ok",
        "feeds_fetched": 3,
        "feeds_failed": 0,
        "articles_new": 7,
        "stats": '{"downloader/request_count": 11}',
    }
    assert {key: row[key] for key in expected} == expected
    assert row["finished_at"] is not None


# (command, articles_new, finished) of each run, oldest first -> whether the last finished crawl stored articles
LAST_CRAWL_CASES = {
    "no-run-yet": ([], True),
    "last-crawl-stored-some": ([("crawl", 0, True), ("crawl", 4, True)], True),
    "last-crawl-stored-none": ([("crawl", 4, True), ("crawl", 0, True)], False),
    "a-running-crawl-is-not-the-last": ([("crawl", 5, True), ("crawl", 0, False)], True),
    "a-reclean-is-not-a-crawl": ([("crawl", 3, True), ("reclean", 0, True)], True),
    "only-an-unfinished-crawl": ([("crawl", 0, False)], True),
}


@pytest.mark.parametrize(("runs", "expected"), LAST_CRAWL_CASES.values(), ids=LAST_CRAWL_CASES.keys())
def test_last_crawl_stored_articles(store: Store, runs: list[tuple[str, int, bool]], expected: bool) -> None:
    for command, new, finished in runs:
        run_id = store.start_run(command, {})
        if finished:
            store.finish_run(run_id, "ok", {"articles_new": new}, {})
    assert store.last_crawl_stored_articles() is expected
    assert last_crawl_stored_articles(store.path) is expected  # read without opening a store


@pytest.mark.parametrize("content", [None, b"", b"not a database at all" * 100], ids=["missing", "empty", "garbage"])
def test_last_crawl_stored_articles_of_a_file_that_is_no_store_yet(tmp_path: Path, content: bytes | None) -> None:
    path = tmp_path / "news.db"
    if content is not None:
        path.write_bytes(content)
    assert last_crawl_stored_articles(path) is True
    assert path.exists() is (content is not None)  # nothing is created


def assert_one_line_store_error(path: Path, expected: str, *, readonly: bool = False) -> None:
    with pytest.raises(StoreError) as caught:
        Store.open(path, readonly=readonly)
    message = str(caught.value)
    assert (expected in message, "\n" in message) == (True, False), message


@pytest.mark.parametrize("readonly", [pytest.param(False, id="read-write"), pytest.param(True, id="read-only")])
def test_open_garbage_file(tmp_path: Path, readonly: bool) -> None:
    path = tmp_path / "garbage.db"
    path.write_bytes(b"this is not a database, only some bytes\n" * 200)
    assert_one_line_store_error(path, "not a database", readonly=readonly)


def test_open_in_missing_directory(tmp_path: Path) -> None:
    assert_one_line_store_error(tmp_path / "absent" / "news.db", "does not exist")


def test_open_readonly_missing_file(tmp_path: Path) -> None:
    assert_one_line_store_error(tmp_path / "absent.db", "cannot open database", readonly=True)


def test_readonly_store_refuses_writes(tmp_path: Path) -> None:
    Store.open(tmp_path / "news.db").close()
    readonly = Store.open(tmp_path / "news.db", readonly=True)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        readonly.db.execute("INSERT INTO runs (command) VALUES ('crawl')")
    readonly.close()


OPEN_FOR_WRITING = """
import sys
from pipelines.store import Store, StoreError
try:
    Store.open(sys.argv[1])
except StoreError as error:
    print(error)
else:
    print("opened")
"""


def test_open_read_only_file_for_writing(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    path.write_bytes(b"")
    path.chmod(0o444)
    if not os.access(path, os.W_OK):
        assert_one_line_store_error(path, "cannot open database")
        return
    # root: file modes bind it only without the capabilities that override them, so a child without them opens it
    unprivileged = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"]
    child = subprocess.run([*unprivileged, sys.executable, "-c", OPEN_FOR_WRITING, str(path)],
                           capture_output=True, text=True, timeout=60, check=False)  # fmt: skip
    assert child.returncode == 0, child.stderr
    assert child.stdout.splitlines() == [f"cannot open database {path}: attempt to write a readonly database"]


def test_the_syndication_source_is_stored_and_recleaned(store: Store) -> None:
    copied = Article(
        url=URL, title="Kilns relit", text="Glassblowers relit the kilns.", syndicated_from="The Quarry Gazette"
    )
    article_id = store.save_article(page(), copied, source="Demo", feed_url=None, run_id=None)
    assert article_id is not None
    query = "SELECT syndicated_from FROM articles WHERE id = ?"
    assert store.db.execute(query, [article_id]).fetchone()[0] == "The Quarry Gazette"
    store.save_recleaned([(article_id, Article(url=URL, title="Kilns relit", text="Glassblowers relit the kilns."))])
    assert store.db.execute(query, [article_id]).fetchone()[0] is None
