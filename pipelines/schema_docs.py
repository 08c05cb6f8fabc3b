"""What every table and column of the SQLite file means, for people: the source of Datasette's titles
and descriptions. A test checks that every column of the schema (`pipelines.store`) is described here. The columns of
``articles`` are described in the store's column registry (`pipelines.store.columns`)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from pipelines.store.columns import ARTICLE_COLUMNS, ArticleColumns


@dataclass(frozen=True)
class TableDoc:
    """A table's title, description and column descriptions."""

    title: str
    description: str
    columns: dict[str, str]


TABLES: dict[str, TableDoc] = {
    "articles": TableDoc(
        "Articles",
        "One row per article: the cleaned text and its metadata. Search the title and text with the search box; "
        "the news desk's search (/-/search) shows each match in context.",
        ARTICLE_COLUMNS.descriptions(),
    ),
    "raw_pages": TableDoc(
        "Raw pages",
        "The pages as fetched, one per article: the body is compressed HTML (a download, never rendered).",
        {
            "article_id": "The article.",
            "url": "The URL requested.",
            "final_url": "The URL served, after redirects.",
            "status": "HTTP status.",
            "headers": "HTTP response headers (JSON).",
            "content_type": "The Content-Type header.",
            "body": "The page, compressed as body_encoding says.",
            "body_encoding": "How the body is compressed: zstd (gzip in rows written by newsrake 0.1).",
            "body_size": "Bytes before compression.",
            "fetched_at": "When it was fetched (UTC).",
        },
    ),
    "feeds": TableDoc(
        "Feeds",
        "One row per feed or news sitemap, with its polling state.",
        {
            "url": "The feed URL as listed in the seeds (its identity).",
            "source": "The source it belongs to.",
            "title": "The feed's title.",
            "site_url": "The site the feed links to.",
            "first_seen": "When it was first fetched.",
            "last_fetched": "When it was last fetched.",
            "last_status": "HTTP status of the last fetch (304: not modified).",
            "last_success": "When a fetch last succeeded.",
            "last_error": "Why the last fetch failed.",
            "etag": "ETag sent back on the next poll.",
            "last_modified": "Last-Modified sent back on the next poll.",
            "body_sha256": "Digest of the body last parsed: the same body again is not parsed (servers without ETag).",
            "failures_in_row": "Failed fetches since the last success.",
            "next_poll_at": "The feed is not polled before this time: its last poll plus poll_interval, or the "
            "back-off of a failing feed.",
            "poll_interval": "Seconds between polls, adapted to what the feed's polls bring (10 min to 24 h).",
            "poll_reason": "Why poll_interval is what it is, e.g. '3 of 20 entries new in 42 min: ~4.3 articles/h'.",
            "polled_at": "When the feed was last polled in a run that finished (the start of poll_interval).",
            "poll_rate": "The estimated publishing rate, articles per hour (recent polls weigh more).",
            "poll_exposure": "Seconds of polling the estimated rate rests on, older ones fading (its weight).",
            "poll_quiet": "Polls in a row that brought nothing new.",
            "poll_keys": "Short digests of the entries of the last poll, to tell which entries are new.",
            "moved_to": "Where a permanent redirect sent the feed; polled there from now on.",
            "retired_at": "When the feed answered 410 Gone; it is not polled any more.",
            "bozo": "1 if the feed was ill-formed but recovered.",
            "bozo_reason": "What was ill-formed.",
            "entries_last": "Entries in the last fetch.",
            "articles_stored": "Articles stored from this feed.",
            "last_article_at": "When the last new article from it was stored.",
        },
    ),
    "runs": TableDoc(
        "Runs",
        "One row per crawl or reclean, with its counts and outcome.",
        {
            "id": "Run id.",
            "command": "crawl or reclean.",
            "started_at": "Start (UTC).",
            "finished_at": "End (UTC); empty while running or if the run was killed.",
            "outcome": "ok, partial, failed, stopped (--max-runtime), interrupted (killed, or a reclean stopped by "
            "Ctrl-C; a killed run's row is marked when the next run starts), or running.",
            "pid": "Process id.",
            "feeds_fetched": "Feeds fetched (including 304s).",
            "feeds_unchanged": "Feeds that answered 304 Not Modified.",
            "feeds_failed": "Feeds that failed.",
            "articles_new": "Articles stored (crawl) or changed (reclean).",
            "articles_skipped": "Articles already stored, not fetched again.",
            "articles_failed": "Articles that could not be fetched or cleaned.",
            "options": "The run's options (JSON).",
            "stats": "All counters of the run (JSON).",
            "feed_counts": "Per feed: outcome, status, new articles (JSON).",
        },
    ),
    "removals": TableDoc(
        "What the cleaners removed",
        "The audit trail: one row per node or line a cleaner removed from an article.",
        {
            "article_id": "The article.",
            "position": "Order of the removal.",
            "cleaner": "The cleaner that removed it.",
            "stage": "html (a node, before extraction) or text (a line, after it).",
            "text": "What was removed (shortened).",
        },
    ),
    "article_versions": TableDoc(
        "Earlier versions",
        "Texts of articles that were fetched again because their feed entry was updated.",
        {
            "id": "Row id.",
            "article_id": "The article.",
            "title": "The earlier headline.",
            "text": "The earlier text.",
            "cleaner_version": "The cleaner version of the earlier text.",
            "fetched_at": "When the earlier page was fetched.",
            "feed_updated": "The feed entry's updated date then.",
            "replaced_at": "When it was replaced.",
        },
    ),
    "pending_articles": TableDoc(
        "Pending articles",
        "Articles that could not be fetched (5xx, timeout, host backing off, robots.txt unreachable): tried again"
        " in later runs whatever their feed says, with a growing wait, until stored (the row goes) or given up.",
        {
            "url": "The article's key (as articles.url).",
            "link": "The URL requested, as published.",
            "source": "The source.",
            "feed_url": "The feed or sitemap that listed the article.",
            "guid": "The feed entry's GUID / Atom id.",
            "entry": "What the feed said of the article (JSON), stored with it when it is fetched.",
            "attempts": "Failed attempts so far.",
            "last_status": "The HTTP status of the last attempt, if the server answered.",
            "last_error": "Why the last attempt failed.",
            "first_failed_at": "When the first attempt failed (UTC).",
            "last_tried_at": "When the last attempt failed (UTC).",
            "next_try_at": "When it is tried again (UTC); empty once given up.",
            "given_up_at": "When it was given up (a 404, 410 or robots.txt Disallow, or too many attempts).",
            "run_id": "The run of the last attempt.",
        },
    ),
    "duplicates": TableDoc(
        "Duplicates",
        "Pages fetched under another URL than a stored article but with its canonical URL: not stored again,"
        " not fetched again.",
        {
            "url": "The key of the URL fetched (as articles.url).",
            "link": "The URL requested, as published.",
            "duplicate_of": "The stored article it duplicates.",
            "canonical_url": "The canonical URL the page declares.",
            "source": "The source.",
            "feed_url": "The feed or sitemap that listed it.",
            "found_at": "When it was fetched (UTC).",
            "run_id": "The run that fetched it.",
        },
    ),
    "fingerprints": TableDoc(
        "Fingerprints",
        "The MinHash signature of each article's text, for finding its copies (see newsrake stories).",
        {
            "article_id": "The article.",
            "scheme": "How the signature was made (library, algorithm version, permutations, shingle size, seed):"
            " signatures of another scheme are never compared.",
            "signature": "The signature: 128 unsigned 32-bit values, little-endian.",
            "shingles": "Distinct word shingles in the text.",
        },
    ),
    "story_bands": TableDoc(
        "Story band keys",
        "The LSH band keys of each fingerprint: two articles sharing a key are compared. An index, not for reading.",
        {"key": "A band's key (its values hashed with its number and the scheme).", "article_id": "The article."},
    ),
    "articles_browse": TableDoc(
        "Articles with their feeds",
        "Articles joined with the feed that listed them, for browsing.",
        {
            "id": "The article.",
            "published": "Publication time, ISO 8601 UTC.",
            "source": "The source.",
            "feed": "The feed's title.",
            "title": "The headline.",
            "language": "Language.",
            "chars": "Length of the text.",
            "story_size": "Articles in its story (1: no copy found; empty: not placed in a story yet, see newsrake"
            " stories --rebuild).",
            "story_role": "Copy or original.",
            "url": "The article URL.",
            "feed_url": "The feed URL.",
        },
    ),
}


def tables(columns: ArticleColumns = ARTICLE_COLUMNS) -> dict[str, TableDoc]:
    """`TABLES`, with ``articles`` described by the column registry ``columns`` (one with a field added)."""
    return {**TABLES, "articles": replace(TABLES["articles"], columns=columns.descriptions())}
