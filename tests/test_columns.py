"""The column registry of ``articles`` (`pipelines.store.columns`): it matches the schema the migrations build,
and adding an article field is one registry line plus one migration - the insert, the reclean read and update
and the column descriptions all carry it, against a real SQLite file."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

from cleaners import Article, FeedEntry
from pipelines import schema_docs
from pipelines.records import RawPage
from pipelines.store import ARTICLE_COLUMNS, MIGRATIONS, ArticleRecord, Column, Store, StoredFilter

URL = "https://news.example/harbour/ferries"


def schema_columns(store: Store) -> dict[str, str]:
    return {row[1]: row[2] for row in store.db.execute("PRAGMA table_info(articles)").fetchall()}


def record(text: str) -> ArticleRecord:
    page = RawPage(url=URL, final_url=URL, status=200, body=b"<p>ferries</p>", headers={})
    entry = FeedEntry(link=URL, guid="ferry-1", title="Ferries (feed)")
    article = Article(url=URL, title="Ferries", text=text, feed_entry=entry, cleaner_version="v1")
    return ArticleRecord(page, article, "Harbour", "https://news.example/feed.xml", None)


def test_the_migrations_build_exactly_the_registrys_columns(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "news.db")
    try:
        assert schema_columns(store) == ARTICLE_COLUMNS.sql_types()
    finally:
        store.close()


def test_every_article_column_is_described_by_the_registry() -> None:
    assert schema_docs.TABLES["articles"].columns == ARTICLE_COLUMNS.descriptions()


def loud_guid(fetched: ArticleRecord) -> str | None:
    entry = fetched.article.feed_entry
    return entry.guid.upper() if entry and entry.guid else None


FIELDS = [
    pytest.param(
        Column("words", "INTEGER", "Words in the text.", of_article=lambda a: len((a.text or "").split())),
        "two words",
        "now three words",
        (2, 3),
        id="cleaned-field-rewritten-by-reclean",
    ),
    pytest.param(
        Column("loud_guid", "TEXT", "The feed entry's GUID, upper case.", of_record=loud_guid, read_back=True),
        "two words",
        "now three words",
        ("FERRY-1", "FERRY-1"),
        id="fetched-field-read-back-for-reclean",
    ),
]  # fmt: skip


@pytest.fixture
def extended(monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> Column:
    """A registry with ``request.param`` added, and a migration that adds its column (to this test only)."""
    column: Column = request.param

    def add_column(db: sqlite_utils.Database) -> None:
        db.table("articles").add_column(column.name, int if column.sql_type == "INTEGER" else str)

    monkeypatch.setattr("pipelines.store.MIGRATIONS", (*MIGRATIONS, ("999_test_field", add_column)))
    monkeypatch.setattr(Store, "columns", ARTICLE_COLUMNS.with_column(column))
    return column


@pytest.mark.parametrize(("extended", "text", "recleaned_text", "values"), FIELDS, indirect=["extended"])
def test_adding_a_field_is_one_registry_line_and_one_migration(
    tmp_path: Path, extended: Column, text: str, recleaned_text: str, values: tuple[object, object]
) -> None:
    store = Store.open(tmp_path / "news.db")
    try:
        assert schema_columns(store) == Store.columns.sql_types()
        [saved] = store.save_articles([record(text)])
        stored = f"SELECT {extended.name} FROM articles WHERE id = ?"
        assert store.db.execute(stored, [saved.article_id]).fetchone() == (values[0],)

        [page] = store.stored_pages(StoredFilter())
        assert page.values.get(extended.name) == (values[0] if extended.read_back else None)

        store.save_recleaned([(page.id, record(recleaned_text).article)])
        assert store.db.execute(stored, [page.id]).fetchone() == (values[1],)
        assert store.db.execute("SELECT text FROM articles").fetchone() == (recleaned_text,)

        assert schema_docs.tables(Store.columns)["articles"].columns[extended.name] == extended.description
        assert extended.name not in schema_docs.TABLES["articles"].columns
    finally:
        store.close()
