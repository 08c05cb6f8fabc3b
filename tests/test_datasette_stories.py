"""Stories in Datasette, against a real `newsrake serve` on a real file: the facet "copy or original", the stored
queries (the stories carried by the most sources in the last day and week, the copies of an article, the sources
that republish others' stories), the story size in ``articles_browse``, and the fingerprint tables hidden.

The file is written by the store, as a crawl writes it: four sources, three stories copied across them, articles
of their own, fetched at times relative to now (a story of three hours ago, one of three days ago, one of ten)."""

from __future__ import annotations

import html
import json
import random
import urllib.parse
import urllib.request
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from cleaners import Article
from crawler.datasette_metadata import QUERIES
from pipelines.cleaning.one_page import fingerprinted
from pipelines.records import RawPage
from pipelines.store import ArticleRecord, Store

from conftest import get, newsrake_serving

FERRY = [
    "The night ferry between Port Elwin and the island of Carrow will run again from March, the harbour board said "
    "on Tuesday, after a winter in which the crossing was cancelled on more than forty nights.",
    "The board has bought a second-hand vessel from a Norwegian operator, with room for sixty cars and a lounge "
    "heated by the engines, and will keep the old boat as a reserve for the summer months.",
    "Islanders had complained that patients with hospital appointments on the mainland were stranded for days, and "
    "that the school bus timetable no longer matched the sailings in the morning or the evening.",
    "Tickets will cost the same as last year, and residents of Carrow keep their discount of a third on every "
    "return crossing, the board's chair told a packed meeting in the village hall.",
]
ORCHARD = [
    "Volunteers in Hessle Vale have replanted the community orchard that a storm flattened in October, choosing "
    "old local varieties of apple and pear grafted by pupils of the primary school over the winter.",
    "Two hundred trees went in over a single weekend, each with a wooden stake and a tag naming the family who "
    "adopted it, and the parish council paid for a new fence to keep the deer out of the young growth.",
    "The first fruit is not expected for four years, but the group plans a blossom walk next spring and a cider "
    "pressing day once the trees are old enough to bear a crop worth picking.",
]
BRIDGE = [
    "Engineers have closed the stone bridge over the river Tamm at Oakford after divers found that the current had "
    "scoured the gravel from beneath its central pier during the floods of last month.",
    "Drivers face a detour of eleven miles through the hills, and the bus company has split its route in two, with "
    "passengers asked to cross on foot by a temporary walkway that the army put up in a day.",
    "The county expects repairs to take until the summer, and has asked the government for help with a bill that "
    "it puts at well over two million pounds, more than its whole budget for roads this year.",
]
PROMO = "Subscribe to our morning newsletter for the stories everyone is talking about."

_WORDS = [
    "amber",
    "basalt",
    "cobalt",
    "dune",
    "ember",
    "fjord",
    "glacier",
    "heath",
    "inlet",
    "juniper",
    "kelp",
    "lagoon",
    "meadow",
    "nettle",
    "oxbow",
    "pumice",
    "quartz",
    "reed",
    "saltmarsh",
    "tundra",
    "umber",
    "valley",
    "willow",
    "yarrow",
    "zephyr",
    "alder",
    "bramble",
    "cedar",
    "delta",
    "estuary",
    "fern",
    "grove",
    "hollow",
    "iris",
    "jetty",
    "knoll",
    "larch",
    "marram",
    "nook",
    "osier",
    "plover",
    "quarry",
    "rill",
    "sedge",
    "thicket",
    "upland",
    "vetch",
    "weir",
    "yew",
]


def own_text(seed: int) -> list[str]:
    """An article that copies nothing: 90 words drawn at random (seeded), so no five of them repeat another's."""
    pick = random.Random(seed)
    return [" ".join(pick.choice(_WORDS) for _ in range(30)) + "." for _ in range(3)]


def promo_at_top(paragraphs: list[str]) -> list[str]:
    return [PROMO, *paragraphs]


def last_cut(paragraphs: list[str]) -> list[str]:
    return paragraphs[:-1]


@dataclass(frozen=True)
class Stored:
    """One article of the file: its source, text, when it was fetched, and how it is stored."""

    key: str
    source: str
    paragraphs: list[str]
    age: timedelta
    story: str
    """The key of its story's first article (its own key for an original)."""
    final_url: str | None = None
    canonical_url: str | None = None

    @property
    def url(self) -> str:
        return f"https://{self.source.lower().replace(' ', '-')}.example/{self.key}"

    @property
    def role(self) -> str:
        return "original" if self.story == self.key else "copy"


GAZETTE, FARM, WIRE, BLOG = "Harbour Gazette", "Copy Farm", "Wire Digest", "Tiny Blog"
H, D = timedelta(hours=1), timedelta(days=1)
ARTICLES = [  # in the order they were fetched and stored
    Stored("bridge", WIRE, BRIDGE, 10 * D + H, "bridge"),
    Stored("bridge-copy", FARM, promo_at_top(BRIDGE), 10 * D, "bridge"),
    Stored("bridge-blog", BLOG, last_cut(BRIDGE), 9 * D, "bridge"),
    Stored("wire-own-1", WIRE, own_text(1), 8 * D, "wire-own-1"),
    Stored("orchard", GAZETTE, ORCHARD, 3 * D + H, "orchard"),
    Stored("orchard-copy", FARM, promo_at_top(ORCHARD), 3 * D, "orchard"),
    Stored("gazette-own-1", GAZETTE, own_text(2), 2 * D, "gazette-own-1"),
    Stored("farm-own-1", FARM, own_text(3), 2 * D, "farm-own-1"),
    Stored("blog-own-1", BLOG, own_text(4), 2 * D, "blog-own-1"),
    Stored("wire-own-2", WIRE, own_text(5), 30 * H, "wire-own-2"),
    Stored("ferry", GAZETTE, FERRY, 3 * H, "ferry"),
    Stored("ferry-again", GAZETTE, FERRY, 150 * timedelta(minutes=1), "ferry"),  # its own story under another URL
    Stored("ferry-copy", FARM, promo_at_top(FERRY), 2 * H, "ferry", final_url="https://copy-farm.example/amp/ferry"),
    Stored("ferry-wire", WIRE, last_cut(FERRY), H, "ferry", canonical_url="https://wire-digest.example/c/ferry"),
    Stored("gazette-own-2", GAZETTE, own_text(6), H, "gazette-own-2"),
    Stored("gazette-own-3", GAZETTE, own_text(7), H / 2, "gazette-own-3"),
    Stored("farm-own-2", FARM, own_text(8), H / 2, "farm-own-2"),
    Stored("wire-own-3", WIRE, own_text(9), H / 4, "wire-own-3"),
]
BY_KEY = {a.key: a for a in ARTICLES}


@dataclass(frozen=True)
class Served:
    base: str
    ids: dict[str, int]
    """Each article's id, by key."""
    fetched_at: dict[str, str]
    """When each article was fetched, by key."""


def utc(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def write_file(db: Path) -> Served:
    """Store `ARTICLES` in ``db`` as a crawl would, fetched at their ages before now (no server yet)."""
    now = datetime.now(UTC)
    fetched_at = {a.key: utc(now - a.age) for a in ARTICLES}
    store = Store.open(db)
    try:
        ids: dict[str, int] = {}
        for a in ARTICLES:
            page = RawPage(a.url, a.final_url or a.url, 200, b"<p>page</p>", {}, fetched_at=fetched_at[a.key])
            article, found = fingerprinted(Article(url=a.url, final_url=a.final_url or a.url, title=a.key,
                                                   text="\n".join(a.paragraphs), canonical_url=a.canonical_url,
                                                   cleaner_version="test"))  # fmt: skip
            assert found is not None, a.key
            [saved] = store.save_articles([ArticleRecord(page, article, a.source, None, None, fingerprint=found)])
            assert saved.article_id is not None, (a.key, saved)
            ids[a.key] = saved.article_id
    finally:
        store.close()
    return Served("", ids, fetched_at)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    tmp = tmp_path_factory.mktemp("datasette-stories")
    written = write_file(tmp / "news.db")
    with newsrake_serving(tmp) as base:
        yield replace(written, base=base)


def fetched(served: Served, path: str) -> object:
    status, body = get(f"{served.base}/news/{path}")
    assert status == 200, body[:500]
    return json.loads(body)


def query_rows(served: Served, query: str, **params: str) -> list[dict[str, object]]:
    rows = fetched(served, f"{query}.json?" + urllib.parse.urlencode({"_shape": "array", **params}))
    assert isinstance(rows, list)
    return rows


def test_the_file_holds_the_stories_the_test_expects(served: Served) -> None:
    """The premise of the tests below: the store put every article in the story it was written for."""
    status, body = get(f"{served.base}/news/articles.json?_shape=array&_col=story_id&_col=story_role&_size=max")
    assert status == 200
    found = {row["id"]: (row["story_id"], row["story_role"]) for row in json.loads(body)}
    assert found == {served.ids[a.key]: (served.ids[a.story], a.role) for a in ARTICLES}


@pytest.mark.parametrize("table", ["articles", "articles_browse"])
def test_the_copy_or_original_facet_counts_each(served: Served, table: str) -> None:
    data = fetched(served, f"{table}.json?_size=1")
    assert isinstance(data, dict)
    results = data["facet_results"]["story_role"]["results"]
    assert {r["value"]: r["count"] for r in results} == dict(Counter(a.role for a in ARTICLES))


def test_articles_browse_shows_the_size_of_each_story(served: Served) -> None:
    rows = fetched(served, "articles_browse.json?_shape=array&_size=max")
    assert isinstance(rows, list)
    sizes = Counter(a.story for a in ARTICLES)
    assert {r["id"]: (r["story_size"], r["story_role"]) for r in rows} == {
        served.ids[a.key]: (sizes[a.story], a.role) for a in ARTICLES
    }
    assert sizes["ferry"] == 4


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        pytest.param("top_stories_day", [("ferry", 3, 4, "Gazette, Farm, Wire")], id="last-day"),
        pytest.param(
            "top_stories_week",
            [("ferry", 3, 4, "Gazette, Farm, Wire"), ("orchard", 2, 2, "Gazette, Farm")],
            id="last-week",
        ),
    ],
)
def test_the_stories_carried_by_the_most_sources(
    served: Served, query: str, expected: list[tuple[str, int, int, str]]
) -> None:
    """Counted over the articles fetched in the period, most sources first: the bridge story (ten days ago, three
    sources) is in neither, the orchard (three days ago) only in the week's; the ferry again under another URL of
    the Gazette is one more article, not one more source; an article no other source carried is not listed."""
    names = {"Gazette": GAZETTE, "Farm": FARM, "Wire": WIRE}
    rows = query_rows(served, query)
    assert [
        (r["story"], r["title"], r["first_source"], r["sources"], r["articles"], set(str(r["carried_by"]).split(", ")),
         r["url"])
        for r in rows
    ] == [
        (served.ids[key], key, BY_KEY[key].source, sources, articles, {names[n] for n in carried.split(", ")},
         BY_KEY[key].url)
        for key, sources, articles, carried in expected
    ]  # fmt: skip
    last = {key: max(served.fetched_at[a.key] for a in ARTICLES if a.story == key) for key, *_ in expected}
    assert [(r["first_seen"], r["last_seen"]) for r in rows] == [
        (served.fetched_at[key], last[key]) for key, *_ in expected
    ]


FERRY_STORY = ["ferry", "ferry-again", "ferry-copy", "ferry-wire"]


@pytest.mark.parametrize(
    ("url", "asked"),
    [
        pytest.param(BY_KEY["ferry-copy"].url, "ferry-copy", id="url-of-a-copy"),
        pytest.param(BY_KEY["ferry"].url, "ferry", id="url-of-the-original"),
        pytest.param("https://copy-farm.example/amp/ferry", "ferry-copy", id="url-it-was-served-at"),
        pytest.param("https://wire-digest.example/c/ferry", "ferry-wire", id="its-canonical-url"),
        pytest.param(f"  {BY_KEY['ferry-wire'].url}\n", "ferry-wire", id="pasted-with-spaces"),
    ],
)
def test_the_copies_of_an_article_are_its_whole_story_original_first(served: Served, url: str, asked: str) -> None:
    rows = query_rows(served, "story_copies", url=url)
    assert [(r["id"], r["role"], r["source"], r["asked"] == "this one", r["url"]) for r in rows] == [
        (served.ids[key], BY_KEY[key].role, BY_KEY[key].source, key == asked, BY_KEY[key].url) for key in FERRY_STORY
    ]
    assert [r["found_by"] for r in rows] == [None, "same text", "similar text", "similar text"]
    assert rows[0]["similarity"] is None
    assert all(isinstance(r["similarity"], float) and 0.5 <= r["similarity"] <= 1 for r in rows[1:])


@pytest.mark.parametrize(
    "url",
    ["https://nowhere.example/ferry", ""],
    ids=["unknown-url", "no-url-yet"],
)
def test_the_copies_of_an_unknown_article_are_none(served: Served, url: str) -> None:
    assert query_rows(served, "story_copies", url=url) == []


def test_sources_that_republish_others_stories_come_first(served: Served) -> None:
    """A copy of a story another source carried first counts; the ferry again on the Gazette (its own story)
    does not; the Tiny Blog has too few articles to be listed."""
    rows = query_rows(served, "republishing_sources")
    assert [(r["source"], r["articles"], r["copies_of_others"], r["percent_copies"]) for r in rows] == [
        (FARM, 5, 3, 60.0),
        (WIRE, 5, 1, 20.0),
        (GAZETTE, 6, 0, 0.0),
    ]


@pytest.mark.parametrize("table", ["fingerprints", "story_bands"])
def test_the_fingerprint_tables_are_hidden_but_reachable(served: Served, table: str) -> None:
    status, body = get(f"{served.base}/news.json")
    assert status == 200
    database = json.loads(body)
    assert {t["name"]: t["hidden"] for t in database["tables"]}[table] is True
    rows = fetched(served, f"{table}.json?_shape=array&_size=max")
    assert isinstance(rows, list)
    assert len({r["article_id"] for r in rows}) == len(ARTICLES)


@pytest.mark.parametrize("query", ["top_stories_day", "top_stories_week", "story_copies", "republishing_sources"])
def test_the_story_queries_have_a_title_and_a_description(served: Served, query: str) -> None:
    status, page = get(f"{served.base}/news/{query}")
    assert status == 200
    shown = html.unescape(page)
    assert QUERIES[query]["title"] in shown
    assert QUERIES[query]["description"] in shown
