"""A news desk's database for ``benchmarks/desk.py``: many articles made from a few real cleaned pages, stored
through the real store, seeded so that a run can be repeated.

Each page of the benchmark folder is cleaned once (`cleaners.page.clean_page`); an article is one of them with a
third of its words swapped for other words of the corpus (so that no two texts share much, and none is found a
copy of another), its own URL, source, publication time in the last 30 days and the cleaners' removals of its page.
About one article in eight is a source republishing an earlier article (a story; a few stories are carried by
many sources), as found by the store's own fingerprints. One source's layout "changed" this week: its articles of
the last 7 days are cut short (the extraction-health chart and the jumps query have something to show). The feeds
table has one row per feed, some failing for days.
"""

from __future__ import annotations

import dataclasses
import random
import re
import sqlite3
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cleaners import Article
from cleaners.page import clean_page
from pipelines.cleaning.one_page import fingerprinted
from pipelines.records import FeedFetch, RawPage
from pipelines.store import ArticleRecord, Store

SOURCES = 40
FEEDS = 30
FAILING_FEEDS = 6
DAYS = 30
COPY_SHARE = 0.12
"""The share of articles that republish an earlier one."""
HOT_STORIES = 4
"""Stories that many sources carry."""
HOT_SHARE = 0.3
"""The share of copies that copy one of the `HOT_STORIES`."""
SWAPPED = 0.35
"""The share of an article's words swapped for others: two articles made from one page share almost no run of
five words (the fingerprint's shingles)."""
RARE_WORD = "quillwortery"
"""A word put in a handful of articles only: the rare word searched."""
RARE_ARTICLES = 3
BATCH = 200
TIME = "%Y-%m-%dT%H:%M:%SZ"

_PLACES = ["Ashford", "Brookvale", "Carden", "Dunmore", "Eastleigh", "Fairhaven", "Glenrock", "Harlow", "Ivybridge",
           "Kestrel Bay", "Lindale", "Marsh End", "Northwick", "Oakham", "Pinecrest", "Queensferry", "Redmarsh",
           "Stonebury", "Thornfield", "Upton", "Valemount", "Westmere", "Yarrow", "Zennor"]  # fmt: skip
_KINDS = ["Gazette", "Herald", "Courier", "Post", "Chronicle", "Observer", "Tribune", "Mercury", "Echo", "Times"]
_WORD = re.compile(r"[^\W\d_]{3,}")


@dataclass(frozen=True)
class Built:
    """What was stored, and what the benchmark's pages are about."""

    articles: int
    sources: int
    stories: int
    largest_story: int
    """The number of articles of the largest story."""
    largest_story_article: int
    """The id of the first article of the largest story."""
    typical_article: int
    """An article of median text length, with removals, alone in its story."""
    removals: int
    failing_feeds: int
    common_word: str
    common_matches: int
    rare_word: str
    rare_matches: int
    size: int
    """The file's size in bytes."""


def _sources(rng: random.Random) -> list[tuple[str, str, float]]:
    """``SOURCES`` (name, host, weight): a few large sources and many small ones."""
    names = rng.sample([f"{place} {kind}" for place in _PLACES for kind in _KINDS], SOURCES)
    hosts = [re.sub(r"[^a-z]+", "-", name.lower()) + ".example" for name in names]
    return [(name, host, 1 / (rank + 1) ** 0.8) for rank, (name, host) in enumerate(zip(names, hosts, strict=True))]


def _swapped(text: str, vocabulary: list[str], rng: random.Random) -> str:
    return _WORD.sub(lambda m: rng.choice(vocabulary) if rng.random() < SWAPPED else m.group(0), text)


def _feeds(store: Store, sources: list[tuple[str, str, float]], now: datetime, rng: random.Random) -> dict[str, str]:
    """One feed for each of the first `FEEDS` sources, polled hourly; the last `FAILING_FEEDS` of them failing
    since a day of the last weeks (one never fetched right). ``{source: feed URL}``."""
    feeds = {}
    for number, (name, host, _weight) in enumerate(sources[:FEEDS]):
        url = f"https://{host}/feed.xml"
        feeds[name] = url
        failing_from = FEEDS - FAILING_FEEDS
        first = now - timedelta(days=DAYS + 5)
        if number == FEEDS - 1:  # never fetched right
            fetches = [(now - timedelta(days=3, hours=6 * k), False) for k in range(12, -1, -1)]
        elif number >= failing_from:
            since = now - timedelta(days=rng.uniform(0.5, 20))
            fetches = [(first, True), (since - timedelta(hours=1), True)]
            tries = min(40, int((now - since) / timedelta(hours=4)) + 1)
            fetches += [(since + timedelta(hours=4 * k), False) for k in range(tries)]
        else:
            fetches = [(first, True), (now - timedelta(hours=rng.uniform(1, 2)), True)]
        for when, ok in fetches:
            stamp = when.strftime(TIME)
            fetch = FeedFetch(url, name, 200, title=f"{name}: latest", site_url=f"https://{host}/", entries=30,
                              fetched_at=stamp) if ok else FeedFetch(url, name, 503, error="HTTP 503",
                                                                     fetched_at=stamp)  # fmt: skip
            store.record_feed_fetch(fetch)
    return feeds


def _cleaned(pages: dict[str, bytes]) -> list[tuple[bytes, Article]]:
    """Each page and its article, cleaned once; pages with no text left out."""
    cleaned = []
    for name, body in pages.items():
        article = clean_page(body, f"https://pages.example/{name}.html")
        if article.text:
            cleaned.append((body, article))
    return cleaned


def build(path: Path, pages: dict[str, bytes], count: int, seed: int, now: datetime | None = None) -> Built:
    """Store ``count`` articles made from ``pages`` into a new file at ``path``."""
    rng = random.Random(seed)
    now = (now or datetime.now(UTC)).replace(microsecond=0)
    bases = _cleaned(pages)
    if not bases:
        raise ValueError("no page of the folder has text once cleaned")
    vocabulary = sorted({word for _body, article in bases for word in _WORD.findall(article.text)})
    sources = _sources(rng)
    weights = [weight for _name, _host, weight in sources]
    changed = sources[2][0]  # a large source whose layout changed this week
    rare = set(rng.sample(range(count), min(RARE_ARTICLES, count)))
    store = Store.open(path)
    feeds = _feeds(store, sources, now, rng)
    made: list[tuple[Article, str, bytes]] = []  # (article, source, raw body) stored so far
    hot: list[int] = []
    records: list[ArticleRecord] = []
    for number in range(count):
        name, host, _weight = rng.choices(sources, weights)[0]
        published = now - timedelta(seconds=rng.uniform(600, DAYS * 86400))
        fetched = min(now, published + timedelta(minutes=rng.uniform(5, 360)))
        url = f"https://{host}/{published:%Y/%m}/{number}.html"
        if made and rng.random() < COPY_SHARE:
            if len(hot) < HOT_STORIES:
                hot.append(rng.randrange(len(made)))
            original, _source, body = made[rng.choice(hot) if rng.random() < HOT_SHARE else rng.randrange(len(made))]
            text = original.text if rng.random() < 0.5 else original.text + f"\n{name} republishes this story."
            article = dataclasses.replace(original, text=text)
        else:
            body, base = bases[number % len(bases)]
            text = _swapped(base.text, vocabulary, rng)
            if number in rare:
                text = f"{text}\nThe {RARE_WORD} of the valley was mentioned."
            if name == changed and fetched > now - timedelta(days=7):
                text = text[:300]
            title = _swapped(base.title or "", vocabulary, rng) or None
            article = dataclasses.replace(base, title=title, text=text)
        article = dataclasses.replace(article, url=url, final_url=url, canonical_url=url, site_name=name,
                                      published=published.strftime(TIME))  # fmt: skip
        made.append((article, name, body))
        page = RawPage(url, url, 200, body, {"Content-Type": "text/html; charset=utf-8"}, fetched.strftime(TIME))
        article, found = fingerprinted(article)
        records.append(ArticleRecord(page, article, name, feeds.get(name), None, fingerprint=found))
        if len(records) == BATCH or number == count - 1:
            store.save_articles(records)
            records.clear()
    store.close()
    return describe(path)


def describe(path: Path) -> Built:
    """What a database built by `build` holds."""
    conn = sqlite3.connect(path)
    try:

        def one(sql: str, *args: object) -> tuple[Any, ...]:
            return tuple(conn.execute(sql, args).fetchone() or ())

        stories = one(
            "SELECT count(*) FROM (SELECT story_id FROM articles WHERE story_id IS NOT NULL GROUP BY story_id"
            " HAVING count(*) > 1)"
        )[0]
        largest, first = one(
            "SELECT count(*), min(id) FROM articles WHERE story_id IS NOT NULL GROUP BY story_id"
            " ORDER BY count(*) DESC, story_id LIMIT 1"
        ) or (1, 1)
        alone = conn.execute(
            """SELECT a.id FROM articles a
               WHERE (a.story_id IS NULL OR a.story_id = a.id)
                 AND NOT EXISTS (SELECT 1 FROM articles c WHERE c.story_id = a.id AND c.id != a.id)
                 AND EXISTS (SELECT 1 FROM removals r WHERE r.article_id = a.id)
               ORDER BY length(a.text), a.id"""
        ).fetchall()
        frequencies: Counter[str] = Counter()
        for (text,) in conn.execute("SELECT text FROM articles ORDER BY id LIMIT 500"):
            frequencies.update({word.lower() for word in _WORD.findall(text or "")})
        common = frequencies.most_common(1)[0][0] if frequencies else "the"
        matches = "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?"
        return Built(
            articles=one("SELECT count(*) FROM articles")[0],
            sources=one("SELECT count(DISTINCT source) FROM articles")[0],
            stories=stories,
            largest_story=largest,
            largest_story_article=first,
            typical_article=alone[len(alone) // 2][0] if alone else first,
            removals=one("SELECT count(*) FROM removals")[0],
            failing_feeds=one("SELECT count(*) FROM feeds WHERE failures_in_row > 0")[0],
            common_word=common,
            common_matches=one(matches, f'"{common}"')[0],
            rare_word=RARE_WORD,
            rare_matches=one(matches, f'"{RARE_WORD}"')[0],
            size=sum(p.stat().st_size for p in path.parent.glob(path.name + "*")),
        )
    finally:
        conn.close()
