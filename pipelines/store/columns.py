"""The column registry of ``articles``: each column's SQL type, description and how its value is written.

It drives the article insert (`articles`), the reclean update and the reclean read (`recleaning`) and the
column descriptions (`pipelines.schema_docs`, and so Datasette's). Adding an article field is one line here
plus one migration in `schema` that adds the column.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from pipelines.records import utc_now
from pipelines.store.values import canonical_key, json_text
from pipelines.url_identity import url_key

if TYPE_CHECKING:
    from cleaners import Article
    from pipelines.store.articles import ArticleRecord


@dataclass(frozen=True)
class Column:
    """One column of ``articles``."""

    name: str
    sql_type: str
    """As the migrations create it: TEXT or INTEGER."""
    description: str
    """For people (Datasette)."""
    of_article: Callable[[Article], Any] | None = None
    """Its value from the cleaned article: written when the article is stored, and again by a reclean."""
    of_record: Callable[[ArticleRecord], Any] | None = None
    """Its value from what was fetched (the page, the feed entry, the run): written when it is stored only."""
    read_back: bool = False
    """Read back with the raw page for a reclean (`StoredPage.values`)."""


@dataclass(frozen=True)
class ArticleColumns:
    """The registry, and the SQL it makes (built once)."""

    columns: tuple[Column, ...]
    written: tuple[Column, ...] = field(init=False)
    """The columns an insert writes (all but the row id)."""
    recleaned: tuple[Column, ...] = field(init=False)
    """The columns a reclean rewrites."""
    read_back: tuple[str, ...] = field(init=False)
    insert: str = field(init=False)
    """The INSERT of a new article: the `written` values."""
    insert_unless_canonical: str = field(init=False)
    """The INSERT of a new article unless its canonical key is stored: the `written` values, then the key twice."""

    def __post_init__(self) -> None:
        written = tuple(c for c in self.columns if c.of_article or c.of_record)
        object.__setattr__(self, "written", written)
        names = ", ".join(c.name for c in written)
        marks = ", ".join("?" * len(written))
        object.__setattr__(self, "insert", f"INSERT OR IGNORE INTO articles ({names}) VALUES ({marks})")
        object.__setattr__(self, "insert_unless_canonical", f"INSERT OR IGNORE INTO articles ({names}) SELECT {marks}"
                           " WHERE NOT EXISTS (SELECT 1 FROM articles WHERE canonical_key = ? OR url = ?)")  # fmt: skip
        object.__setattr__(self, "recleaned", tuple(c for c in written if c.of_article))
        object.__setattr__(self, "read_back", tuple(c.name for c in self.columns if c.read_back))

    def with_column(self, column: Column) -> ArticleColumns:
        """This registry and one more column (what adding a field does)."""
        return ArticleColumns((*self.columns, column))

    def row(self, record: ArticleRecord) -> dict[str, Any]:
        """The values of the article ``record`` stores, by column."""
        article = record.article
        return {c.name: c.of_article(article) if c.of_article else _of_record(c, record) for c in self.written}

    def recleaned_values(self, article: Article) -> list[Any]:
        """The values a reclean writes for ``article``, in the order of `reclean_update`."""
        return [c.of_article(article) for c in self.recleaned if c.of_article]

    @property
    def reclean_update(self) -> str:
        """The UPDATE of a recleaned article: the `recleaned` values, then its id."""
        return f"UPDATE articles SET {', '.join(f'{c.name} = ?' for c in self.recleaned)} WHERE id = ?"

    def descriptions(self) -> dict[str, str]:
        """Each column's description, in order."""
        return {c.name: c.description for c in self.columns}

    def sql_types(self) -> dict[str, str]:
        """Each column's SQL type."""
        return {c.name: c.sql_type for c in self.columns}


def _of_record(column: Column, record: ArticleRecord) -> Any:
    assert column.of_record is not None  # a written column has one or the other
    return column.of_record(record)


def _entry(name: str) -> Callable[[ArticleRecord], Any]:
    """The value of the feed entry's attribute ``name`` (None when the article has no feed entry)."""

    def value(record: ArticleRecord) -> Any:
        entry = record.article.feed_entry
        return getattr(entry, name) if entry else None

    return value


def _json_list(values: Iterable[str]) -> str:
    return json_text(list(values))


def _text(attribute: str) -> Callable[[Article], Any]:
    """The article's attribute ``attribute``, as it is."""
    return attrgetter(attribute)


ARTICLE_COLUMNS = ArticleColumns(
    (
        Column("id", "INTEGER", "Row id.", read_back=True),
        Column(
            "url", "TEXT", "The article's key: its URL as published, less tracking parameters (utm_*, ref ...) and"
            " fragment (the page was fetched at the URL as published: raw_pages.url).",
            of_record=lambda r: url_key(r.article.url) or r.article.url, read_back=True,
        ),
        Column("final_url", "TEXT", "Where the page was served from, after redirects.",
               of_record=lambda r: r.article.final_url, read_back=True),
        Column("canonical_url", "TEXT", "The canonical URL the page declares.", of_article=_text("canonical_url")),
        Column("canonical_key", "TEXT", "The key of the canonical URL (as url); a page with the key of a stored"
               " article is a duplicate (see duplicates).", of_article=lambda a: canonical_key(a.canonical_url)),
        Column("source", "TEXT", "The source (publisher) as named in the seeds file.",
               of_record=lambda r: r.source, read_back=True),
        Column("feed_url", "TEXT", "The feed or sitemap that listed the article.", of_record=lambda r: r.feed_url),
        Column("guid", "TEXT", "The feed entry's GUID / Atom id.", of_record=_entry("guid"), read_back=True),
        Column("title", "TEXT", "The headline.", of_article=_text("title"), read_back=True),
        Column("text", "TEXT", "The article text, cleaned (paragraphs on their own lines).", of_article=_text("text"),
               read_back=True),
        Column("authors", "TEXT", "Author names (JSON list).", of_article=lambda a: _json_list(a.authors)),
        Column("published", "TEXT", "Publication time, ISO 8601 UTC.", of_article=_text("published")),
        Column("published_raw", "TEXT", "The publication date as found on the page or in the feed.",
               of_article=_text("published_raw")),
        Column("language", "TEXT", "Language (ISO 639-1), declared by the page or detected.",
               of_article=_text("language")),
        Column("description", "TEXT", "The page's description (standfirst).", of_article=_text("description")),
        Column("image", "TEXT", "The top image URL.", of_article=_text("image")),
        Column("tags", "TEXT", "Keywords, tags and categories (JSON list).", of_article=lambda a: _json_list(a.tags)),
        Column("site_name", "TEXT", "The publisher's name as the page gives it.", of_article=_text("site_name")),
        Column("feed_title", "TEXT", "The feed entry's title.", of_record=_entry("title"), read_back=True),
        Column("feed_summary", "TEXT", "The feed entry's summary (sanitised HTML).", of_record=_entry("summary"),
               read_back=True),
        Column("feed_published", "TEXT", "The feed entry's date, ISO 8601 UTC.", of_record=_entry("published"),
               read_back=True),
        Column("feed_published_raw", "TEXT", "The feed entry's date as written in the feed.",
               of_record=_entry("published_raw"), read_back=True),
        Column("feed_updated", "TEXT", "The feed entry's updated date as written in the feed.",
               of_record=_entry("updated_raw"), read_back=True),
        Column("problems", "TEXT", "Why the result may be incomplete, e.g. no-text (JSON list).",
               of_article=lambda a: _json_list(a.problems)),
        Column("credit", "TEXT", "Agency and contributor credits, and syndication notes, taken out of the text.",
               of_article=_text("credit")),
        Column("syndicated_from", "TEXT", "The publication a syndication note names as the article's first"
               " publisher.", of_article=_text("syndicated_from")),
        Column("fetched_at", "TEXT", "When the page was fetched (UTC).", of_record=lambda r: r.page.fetched_at),
        Column("cleaned_at", "TEXT", "When the page was last cleaned (UTC).", of_article=lambda a: utc_now()),
        Column("cleaner_version", "TEXT", "The version of the cleaners that produced this row (see newsrake"
               " reclean).", of_article=_text("cleaner_version")),
        Column("run_id", "INTEGER", "The run that stored the article.", of_record=lambda r: r.run_id),
        Column("story_id", "INTEGER", "The story: the id of its first stored article (this article's own id when it"
               " is the first, or alone). Empty for articles stored before stories existed, until newsrake stories"
               " --rebuild."),
        Column("similarity", "REAL", "The estimated share of the shorter text's word shingles found in the other,"
               " between this article and the one it was found to copy (MinHash); 1.0 for the same text or canonical"
               " URL; empty for an original."),
        Column("story_role", "TEXT", "Copy or original: original (the first article of its story) or copy."),
        Column("story_match", "TEXT", "How a copy was found: canonical URL, same text, or similar text."),
        Column("text_hash", "TEXT", "SHA-256 of the text's words (case, spacing and punctuation aside); empty when the"
               " text is too short to fingerprint."),
    )
)  # fmt: skip
"""Every column of ``articles``, in the order they are described."""
