"""Tests for crawler.feeds: parse_feed over the three dialects and odd inputs, and discover_feeds."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from crawler.demo.feedgen import CONTENT_TYPES, DIALECTS, Dialect, Item, render_feed
from crawler.feeds import ParsedFeed, discover_feeds, parse_feed

FEED_URL = "https://news.example/feeds/main.xml"
HOME = "https://news.example/"
ITEMS = (
    Item(
        url="https://news.example/world/1?utm_source=rss&id=7",
        title="Rain & wind",
        published=datetime(2024, 3, 5, 10, 20, 30, tzinfo=UTC),
        author="Ann Lee",
        summary="Storms reach the coast.",
    ),
    Item(url="https://news.example/world/2#top", title="Second", published=datetime(2024, 3, 6, tzinfo=UTC)),
)


def rendered(dialect: Dialect) -> ParsedFeed:
    body = render_feed(dialect, "Demo News", HOME, FEED_URL, ITEMS)
    return parse_feed(body, FEED_URL, CONTENT_TYPES[dialect])


def rss_bytes(items: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title>'
        f"<link>https://s.example/</link>{items}</channel></rss>"
    ).encode()


def rss(items: str, content_type: str | None = "application/rss+xml") -> ParsedFeed:
    return parse_feed(rss_bytes(items), FEED_URL, content_type)


FEED_FIELDS = [("title", "Demo News"), ("site_url", HOME), ("is_feed", True), ("bozo", False), ("skipped_entries", 0)]
ENTRY_FIELDS = [
    ("link", ["https://news.example/world/1?utm_source=rss&id=7", "https://news.example/world/2#top"]),  # as published
    ("title", ["Rain & wind", "Second"]),
    ("published", ["2024-03-05T10:20:30Z", "2024-03-06T00:00:00Z"]),
    ("authors", [("Ann Lee",), ()]),
    ("summary", ["Storms reach the coast.", None]),
]


@pytest.mark.parametrize(
    ("dialect", "field", "expected"),
    [pytest.param(d, f, v, id=f"{d}-{f}") for d in DIALECTS for f, v in FEED_FIELDS],
)
def test_rendered_feed(dialect: Dialect, field: str, expected: object) -> None:
    assert getattr(rendered(dialect), field) == expected


@pytest.mark.parametrize(
    ("dialect", "version"),
    [
        pytest.param("rss2", "rss20", id="rss2"),
        pytest.param("atom", "atom10", id="atom"),
        pytest.param("rss1", "rss10", id="rss1"),
    ],
)
def test_rendered_feed_version(dialect: Dialect, version: str) -> None:
    assert rendered(dialect).version == version


@pytest.mark.parametrize(
    ("dialect", "field", "expected"),
    [pytest.param(d, f, v, id=f"{d}-{f}") for d in DIALECTS for f, v in ENTRY_FIELDS],
)
def test_rendered_entries(dialect: Dialect, field: str, expected: list[object]) -> None:
    assert [getattr(e, field) for e in rendered(dialect).entries] == expected


def test_ill_formed_feed_is_bozo() -> None:
    feed = rss("<item><title>Salt & pepper</title><link>https://s.example/x</link></item>")
    assert feed.bozo
    assert "not well-formed" in (feed.bozo_reason or "")


def test_ill_formed_feed_keeps_entries() -> None:
    feed = rss("<item><title>Salt & pepper</title><link>https://s.example/x</link></item>")
    assert [(e.link, e.title) for e in feed.entries] == [("https://s.example/x", "Salt & pepper")]


@pytest.mark.parametrize(
    "content_type",
    [
        pytest.param(None, id="no-content-type"),
        pytest.param("text/html; charset=utf-8", id="served-as-html"),
        pytest.param("application/octet-stream", id="served-as-octet-stream"),
    ],
)
def test_well_formed_feed_is_not_bozo_whatever_its_content_type(content_type: str | None) -> None:
    feed = rss("<item><link>https://s.example/x</link></item>", content_type)
    assert (feed.bozo, feed.bozo_reason) == (False, None)


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(b"<!doctype html><html><head><title>Hi</title></head><body><p>Hello</p></body></html>", id="html"),
        pytest.param(b"", id="empty"),
        pytest.param(b"   \n", id="whitespace"),
        pytest.param(b'{"items": []}', id="json"),
    ],
)
def test_not_a_feed(body: bytes) -> None:
    feed = parse_feed(body, FEED_URL, "text/html")
    assert (feed.is_feed, feed.entries) == (False, ())


@pytest.mark.parametrize(
    ("item", "links"),
    [
        pytest.param("<link>https://s.example/a</link>", ["https://s.example/a"], id="absolute"),
        pytest.param("<link>rel/1</link>", ["https://news.example/feeds/rel/1"], id="relative-path"),
        pytest.param("<link> /abs/2 </link>", ["https://news.example/abs/2"], id="root-relative"),
        pytest.param("<guid>https://s.example/g</guid>", ["https://s.example/g"], id="guid-as-link"),
        pytest.param("<link>javascript:alert(1)</link>", [], id="javascript"),
        pytest.param("<link>data:text/html,hi</link>", [], id="data"),
        pytest.param("<link>ftp://files.example/x</link>", [], id="ftp"),
        pytest.param("<title>no link</title>", [], id="missing"),
        pytest.param('<guid isPermaLink="false">tag:s.example,2024:9</guid>', [], id="non-url-guid"),
    ],
)
def test_entry_link_kept_or_skipped(item: str, links: list[str]) -> None:
    feed = rss(f"<item>{item}</item>")
    assert ([e.link for e in feed.entries], feed.skipped_entries) == (links, 1 - len(links))


@pytest.mark.parametrize(
    ("limit", "kept", "skipped"),
    [
        pytest.param(3, 3, 7, id="below"),
        pytest.param(10, 10, 0, id="equal"),
        pytest.param(50, 10, 0, id="above"),
        pytest.param(0, 0, 10, id="zero"),
    ],
)
def test_max_entries_keeps_the_first(limit: int, kept: int, skipped: int) -> None:
    items = "".join(f"<item><link>https://s.example/{i}</link></item>" for i in range(10))
    feed = parse_feed(rss_bytes(items), FEED_URL, "application/rss+xml", max_entries=limit)
    expected = [f"https://s.example/{i}" for i in range(kept)]
    assert ([e.link for e in feed.entries], feed.skipped_entries) == (expected, skipped)


@pytest.mark.parametrize(
    ("link", "published"),
    [
        pytest.param("https://s.example/a?id", "https://s.example/a?id", id="bare-key"),
        pytest.param("https://s.example/a?x=1;y=2", "https://s.example/a?x=1;y=2", id="semicolon"),
        pytest.param("https://s.example/a?q=a%20b+c", "https://s.example/a?q=a%20b+c", id="escapes-and-plus"),
        pytest.param("https://s.example/a;v=2?id=1", "https://s.example/a;v=2?id=1", id="path-parameter"),
        pytest.param(
            "https://s.example/a?id=1&amp;utm_medium=rss&amp;fbclid=z",
            "https://s.example/a?id=1&utm_medium=rss&fbclid=z",
            id="tracking-kept-for-the-request",
        ),
    ],
)
def test_links_are_kept_as_published(link: str, published: str) -> None:
    """The link is fetched as the feed wrote it: its key (`normalise_url`) is only the article's identity."""
    feed = rss(f"<item><link>{link}</link></item>")
    assert [e.link for e in feed.entries] == [published]


def test_unparseable_date_keeps_raw() -> None:
    feed = rss("<item><link>https://s.example/d</link><pubDate>sometime last week</pubDate></item>")
    assert [(e.published, e.published_raw) for e in feed.entries] == [(None, "sometime last week")]


SCRIPT_SUMMARIES = [
    pytest.param(
        rss_bytes(
            "<item><link>https://s.example/s</link>"
            "<description>&lt;p&gt;ok&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</description></item>"
        ),
        id="rss-description",
    ),
    pytest.param(
        b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>urn:a</id>'
        b'<entry><id>urn:e</id><link href="https://s.example/s"/><title>e</title>'
        b'<summary type="html">&lt;p&gt;ok&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</summary></entry></feed>',
        id="atom-html-summary",
    ),
]


@pytest.mark.parametrize("body", SCRIPT_SUMMARIES)
def test_summary_script_removed(body: bytes) -> None:
    [entry] = parse_feed(body, FEED_URL, "application/xml").entries
    assert entry.summary is not None
    assert "script" not in entry.summary.lower()
    assert "alert" not in entry.summary


@pytest.mark.parametrize("body", SCRIPT_SUMMARIES)
def test_summary_safe_markup_kept(body: bytes) -> None:
    [entry] = parse_feed(body, FEED_URL, "application/xml").entries
    assert entry.summary is not None
    assert "<p>ok</p>" in entry.summary


PAGE = """<html><head>
<link rel="alternate" type="application/rss+xml" href="/feed.xml?utm_source=x">
<link rel="Alternate" type="application/atom+xml; charset=utf-8" href="https://s.example/atom">
<link rel="alternate" type="text/html" href="/fr/">
<link rel="stylesheet" type="text/css" href="/style.css">
<link rel="alternate" type="application/rss+xml" href="/feed.xml">
<link rel="alternate" type="application/rss+xml" href="javascript:void(0)">
<link rel="alternate" type="application/rss+xml" href="sub/rss">
</head><body></body></html>"""


@pytest.mark.parametrize("body", [pytest.param(PAGE, id="str"), pytest.param(PAGE.encode(), id="bytes")])
def test_discover_feeds(body: str | bytes) -> None:
    assert discover_feeds(body, "https://s.example/news/") == [
        "https://s.example/feed.xml",
        "https://s.example/atom",
        "https://s.example/news/sub/rss",
    ]


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(b"", id="empty-bytes"),
        pytest.param("", id="empty-str"),
        pytest.param(b"   ", id="whitespace"),
        pytest.param(b"<!-- nothing -->", id="comment-only"),
        pytest.param(b"<html><head><title>x</title></head></html>", id="no-links"),
    ],
)
def test_discover_feeds_finds_nothing(body: str | bytes) -> None:
    assert discover_feeds(body, "https://s.example/") == []


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>Laughs</title><link>https://example.org/a</link><description>&lol9;</description></item>
</channel></rss>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY net SYSTEM "http://169.254.169.254/latest/">]>
<rss version="2.0"><channel><title>&xxe;</title>
<item><title>&net;</title><link>https://example.org/b</link><description>&xxe;</description></item>
</channel></rss>"""


@pytest.mark.parametrize(
    "body", [pytest.param(BILLION_LAUGHS, id="billion-laughs"), pytest.param(EXTERNAL_ENTITY, id="external-entities")]
)
def test_entities_are_never_expanded(body: bytes) -> None:
    feed = parse_feed(body, "https://example.org/feed.xml", "application/rss+xml")
    texts = [feed.title or ""] + [value or "" for entry in feed.entries for value in (entry.title, entry.summary)]
    assert sum(len(text) for text in texts) < 10_000
    assert not [text for text in texts if "root:" in text]
