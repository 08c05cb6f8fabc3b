"""Tests for crawler.sitemaps: urlsets, indexes, Google News, gzip, and hostile or broken documents."""

from __future__ import annotations

import gzip
import resource

import pytest

from cleaners import FeedEntry
from crawler.sitemaps import MAX_DECOMPRESSED_BYTES, ParsedSitemap, parse_sitemap

SITEMAP_URL = "https://example.org/sitemap.xml"
DECL = '<?xml version="1.0" encoding="UTF-8"?>\n'
URLSET = '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
NEWS_URLSET = (
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
)

GOOGLE_NEWS = f"""{DECL}{NEWS_URLSET}
  <url>
    <loc>https://example.org/world/harbour-lights-return</loc>
    <news:news>
      <news:publication>
        <news:name>Example Gazette</news:name>
        <news:language>en</news:language>
      </news:publication>
      <news:publication_date>2024-03-05T10:20:30+01:00</news:publication_date>
      <news:title>Harbour lights return after   twenty years</news:title>
      <news:keywords>harbour, lighting,  town council ,</news:keywords>
    </news:news>
  </url>
  <url>
    <loc>https://example.org/science/owl-census</loc>
    <lastmod>2024-03-01</lastmod>
    <news:news>
      <news:publication_date>2024-03-06</news:publication_date>
      <news:title>Owl census &amp; what it found</news:title>
    </news:news>
  </url>
</urlset>
"""

PLAIN_URLSET = f"""{DECL}{URLSET}
  <url><loc>https://example.org/a/first-story</loc><lastmod>2024-02-10T08:00:00Z</lastmod></url>
  <url><loc> https://EXAMPLE.org:443/a/second-story </loc><changefreq>daily</changefreq></url>
</urlset>
"""

INDEX = f"""{DECL}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://example.org/sitemaps/news-1.xml</loc><lastmod>2024-03-05</lastmod></sitemap>
  <sitemap><loc>https://example.org/sitemaps/news-2.xml.gz</loc></sitemap>
  <sitemap><loc>/sitemaps/relative.xml</loc></sitemap>
  <sitemap><loc>ftp://example.org/sitemaps/ftp.xml</loc></sitemap>
</sitemapindex>
"""

NO_NAMESPACE = """<urlset>
  <url><loc>https://example.org/plain/one</loc><lastmod>2024-01-15</lastmod></url>
  <url>
    <loc>https://example.org/plain/two</loc>
    <news:news>
      <news:title>Unbound prefix</news:title><news:publication_date>2024-01-16</news:publication_date>
    </news:news>
  </url>
</urlset>
"""

BAD_LOCS = f"""{DECL}{URLSET}
  <url><loc>javascript:alert(1)</loc></url>
  <url><loc>/relative/story</loc></url>
  <url><lastmod>2024-01-01</lastmod></url>
  <url><loc>https://example.org/kept</loc></url>
</urlset>
"""

TRACKING = f"""{DECL}{URLSET}
  <url><loc>https://example.org/story?id=7&amp;utm_source=sitemap&amp;utm_medium=xml&amp;fbclid=abc#comments</loc></url>
</urlset>
"""

BILLION_LAUGHS = f"""<?xml version="1.0"?>
<!DOCTYPE urlset [
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
{NEWS_URLSET}
  <url>
    <loc>https://example.org/laughs</loc>
    <news:news><news:title>&lol9;</news:title></news:news>
  </url>
  <url><loc>https://example.org/&lol9;</loc></url>
</urlset>
"""

EXTERNAL_ENTITY = f"""<?xml version="1.0"?>
<!DOCTYPE urlset [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
{NEWS_URLSET}
  <url>
    <loc>https://example.org/xxe</loc>
    <news:news><news:title>before &xxe; after</news:title><news:keywords>&xxe;</news:keywords></news:news>
    <lastmod>&xxe;</lastmod>
  </url>
</urlset>
"""

REMOTE_DTD = f"""<?xml version="1.0"?>
<!DOCTYPE urlset SYSTEM "http://127.0.0.1:9/never-fetched.dtd">
{URLSET}<url><loc>https://example.org/dtd</loc></url></urlset>
"""

HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head><title>Not found</title></head>
<body><h1>Page not found</h1><p>Try the <a href="/">home page</a>.</p></body></html>
"""


def many_urls(count: int) -> str:
    """A urlset of ``count`` distinct entries."""
    urls = "".join(f"<url><loc>https://example.org/n/{i}</loc></url>" for i in range(count))
    return f"{DECL}{URLSET}{urls}</urlset>"


@pytest.mark.parametrize(
    ("body", "max_entries", "expected"),
    [
        pytest.param(
            GOOGLE_NEWS.encode(),
            1000,
            ParsedSitemap(
                kind="urlset",
                entries=(
                    FeedEntry(
                        link="https://example.org/world/harbour-lights-return",
                        title="Harbour lights return after twenty years",
                        published_raw="2024-03-05T10:20:30+01:00",
                        published="2024-03-05T09:20:30Z",
                        tags=("harbour", "lighting", "town council"),
                    ),
                    FeedEntry(
                        link="https://example.org/science/owl-census",
                        title="Owl census & what it found",
                        published_raw="2024-03-06",
                        published="2024-03-06T00:00:00Z",
                    ),
                ),
            ),
            id="google-news",
        ),
        pytest.param(
            PLAIN_URLSET.encode(),
            1000,
            ParsedSitemap(
                kind="urlset",
                entries=(
                    FeedEntry(
                        link="https://example.org/a/first-story",
                        published_raw="2024-02-10T08:00:00Z",
                        published="2024-02-10T08:00:00Z",
                    ),
                    FeedEntry(link="https://EXAMPLE.org:443/a/second-story"),  # as published
                ),
            ),
            id="plain-urlset-lastmod",
        ),
        pytest.param(
            INDEX.encode(),
            1000,
            ParsedSitemap(
                kind="index",
                sitemaps=("https://example.org/sitemaps/news-1.xml", "https://example.org/sitemaps/news-2.xml.gz"),
                skipped_entries=2,
            ),
            id="sitemap-index",
        ),
        pytest.param(
            gzip.compress(PLAIN_URLSET.encode()),
            1000,
            ParsedSitemap(
                kind="urlset",
                entries=(
                    FeedEntry(
                        link="https://example.org/a/first-story",
                        published_raw="2024-02-10T08:00:00Z",
                        published="2024-02-10T08:00:00Z",
                    ),
                    FeedEntry(link="https://EXAMPLE.org:443/a/second-story"),  # as published
                ),
            ),
            id="gzip",
        ),
        pytest.param(
            NO_NAMESPACE.encode(),
            1000,
            ParsedSitemap(
                kind="urlset",
                entries=(
                    FeedEntry(
                        link="https://example.org/plain/one",
                        published_raw="2024-01-15",
                        published="2024-01-15T00:00:00Z",
                    ),
                    FeedEntry(
                        link="https://example.org/plain/two",
                        title="Unbound prefix",
                        published_raw="2024-01-16",
                        published="2024-01-16T00:00:00Z",
                    ),
                ),
            ),
            id="no-namespace",
        ),
        pytest.param(
            BAD_LOCS.encode(),
            1000,
            ParsedSitemap(kind="urlset", entries=(FeedEntry(link="https://example.org/kept"),), skipped_entries=3),
            id="javascript-relative-and-missing-loc-skipped",
        ),
        pytest.param(
            TRACKING.encode(),
            1000,
            ParsedSitemap(
                kind="urlset",
                entries=(
                    FeedEntry(
                        link="https://example.org/story?id=7&utm_source=sitemap&utm_medium=xml&fbclid=abc#comments"
                    ),
                ),
            ),
            id="link-kept-as-published",
        ),
        pytest.param(
            many_urls(5).encode(),
            3,
            ParsedSitemap(
                kind="urlset",
                entries=tuple(FeedEntry(link=f"https://example.org/n/{i}") for i in range(3)),
                skipped_entries=2,
            ),
            id="max-entries",
        ),
        pytest.param(
            many_urls(2).encode(),
            0,
            ParsedSitemap(kind="urlset", skipped_entries=2),
            id="max-entries-zero",
        ),
        pytest.param(
            REMOTE_DTD.encode(),
            1000,
            ParsedSitemap(kind="urlset", entries=(FeedEntry(link="https://example.org/dtd"),)),
            id="remote-dtd-not-fetched",
        ),
    ],
)
def test_parse_sitemap(body: bytes, max_entries: int, expected: ParsedSitemap) -> None:
    assert parse_sitemap(body, SITEMAP_URL, max_entries=max_entries) == expected


def test_entries_have_no_guid() -> None:
    parsed = parse_sitemap(GOOGLE_NEWS.encode(), SITEMAP_URL)
    assert parsed.entries
    assert all(entry.guid is None for entry in parsed.entries)


def test_billion_laughs_not_expanded() -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    parsed = parse_sitemap(BILLION_LAUGHS.encode(), SITEMAP_URL)
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    # libxml2 stops at the first reference (amplification limit); the partial tree is refused, not used.
    assert parsed.kind == "invalid"
    assert parsed.error is not None
    assert parsed.error.startswith("parser limit")
    assert parsed.entries == ()
    assert "lollol" not in repr(parsed)
    assert grown_kib < 64 * 1024  # ru_maxrss is in KiB on Linux: under 64 MiB of growth


def test_external_entity_never_loaded() -> None:
    parsed = parse_sitemap(EXTERNAL_ENTITY.encode(), SITEMAP_URL)
    assert parsed.kind == "urlset"
    assert parsed.entries == (FeedEntry(link="https://example.org/xxe"),)
    assert "root:" not in repr(parsed)
    assert "/bin/" not in repr(parsed)


@pytest.mark.parametrize(
    ("body", "error_part"),
    [
        pytest.param(HTML_PAGE.encode(), "not a sitemap", id="html-page"),
        pytest.param(b"", "empty", id="empty-body"),
        pytest.param(b"  \n\t ", "empty", id="whitespace-body"),
        pytest.param(b"\x00\x01\x02garbage\xff\xfe", "not XML", id="binary-garbage"),
        pytest.param(b"just some words", "not XML", id="plain-text"),
        pytest.param(b"<rss version='2.0'><channel></channel></rss>", "not a sitemap", id="rss-feed"),
        pytest.param(b'<urlset xmlns="urn:example:other"/>', "not a sitemap", id="foreign-namespace"),
        pytest.param(b"\x1f\x8b\x08\x00corrupt", "bad gzip", id="corrupt-gzip"),
        pytest.param(gzip.compress(PLAIN_URLSET.encode())[:-12], "bad gzip", id="truncated-gzip"),
        pytest.param(gzip.compress(b""), "empty", id="gzip-of-nothing"),
    ],
)
def test_invalid(body: bytes, error_part: str) -> None:
    parsed = parse_sitemap(body, SITEMAP_URL)
    assert parsed.kind == "invalid"
    assert parsed.error is not None
    assert error_part in parsed.error
    assert parsed.entries == ()
    assert parsed.sitemaps == ()


def test_gzip_bomb_too_large() -> None:
    body = gzip.compress(b" " * (MAX_DECOMPRESSED_BYTES + 1), compresslevel=9)
    assert len(body) < MAX_DECOMPRESSED_BYTES // 100
    parsed = parse_sitemap(body, SITEMAP_URL)
    assert parsed == ParsedSitemap(kind="invalid", error="too large")


def test_parser_limit_refused() -> None:
    # A single text node over libxml2's 10 MB limit (huge_tree is off): refused, not half-used.
    body = f"{DECL}{URLSET}<url><loc>https://example.org/{'a' * 11_000_000}</loc></url></urlset>".encode()
    parsed = parse_sitemap(body, SITEMAP_URL)
    assert parsed.kind == "invalid"
    assert parsed.error is not None
    assert parsed.error.startswith("parser limit")


def test_gzip_at_limit_accepted() -> None:
    head, tail = PLAIN_URLSET.encode().split(b"</urlset>")
    comment = b"<!--" + b"x" * 1000 + b"-->\n"
    room = MAX_DECOMPRESSED_BYTES - len(head) - len(tail) - len(b"</urlset>")
    document = head + comment * (room // len(comment)) + b"</urlset>" + tail
    document += b" " * (MAX_DECOMPRESSED_BYTES - len(document))
    assert len(document) == MAX_DECOMPRESSED_BYTES
    body = gzip.compress(document, compresslevel=9)
    parsed = parse_sitemap(body, SITEMAP_URL)
    assert parsed.kind == "urlset"
    assert len(parsed.entries) == 2
