"""Tests for crawler.sources: seeds TOML, feeds files, and the bundled seeds/default.toml."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from crawler.sources import (
    Skipped,
    Source,
    SourceError,
    gather,
    gather_sources,
    load_seeds,
    read_feeds_file,
    url_problem,
)

DEFAULT_SEEDS = Path(__file__).resolve().parent.parent / "seeds" / "default.toml"

TWO_SOURCES = """
[[source]]
name = "  Daily Planet  "
homepage = "https://planet.example/"
feeds = ["https://planet.example/rss", "https://planet.example/atom"]
language = "en"
topics = ["world", "metro"]

[[source]]
name = "Gazette"
feeds = "https://gazette.example/feed"
topics = "local"
"""


def write(tmp_path: Path, text: str, name: str = "seeds.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_load_seeds_reads_every_source(tmp_path: Path) -> None:
    assert load_seeds(write(tmp_path, TWO_SOURCES)).sources == [
        Source(
            name="Daily Planet",
            feeds=("https://planet.example/rss", "https://planet.example/atom"),
            homepage="https://planet.example/",
            language="en",
            topics=("world", "metro"),
        ),
        Source(name="Gazette", feeds=("https://gazette.example/feed",), topics=("local",)),
    ]


def test_load_seeds_homepage_only_source(tmp_path: Path) -> None:
    path = write(tmp_path, '[[source]]\nname = "Home"\nhomepage = "https://home.example/"\n')
    assert load_seeds(path).sources == [Source(name="Home", homepage="https://home.example/")]


@pytest.mark.parametrize(
    "text",
    [pytest.param("", id="empty-file"), pytest.param("# nothing yet\n", id="comment-only")],
)
def test_load_seeds_without_sources(tmp_path: Path, text: str) -> None:
    assert load_seeds(write(tmp_path, text)).sources == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param("[[source]\nname = 'x'", "is not valid TOML", id="invalid-toml"),
        pytest.param("source = 'x'\n", "must be an array of tables", id="source-not-array"),
        pytest.param("[[source]]\nfeeds = ['https://a.example/f']\n", "every source needs a name", id="no-name"),
        pytest.param("[[source]]\nname = '   '\nfeeds = ['https://a.example/f']\n", "needs a name", id="blank-name"),
        pytest.param("[[source]]\nname = 7\nfeeds = ['https://a.example/f']\n", "needs a name", id="name-not-str"),
        pytest.param(
            "[[source]]\nname = 'Lonely'\n", "give feeds, sitemaps or a homepage", id="neither-feeds-nor-home"
        ),
        pytest.param(
            "[[source]]\nname = 'E'\nfeeds = []\n", "give feeds, sitemaps or a homepage", id="empty-feeds-list"
        ),
        pytest.param("[[source]]\nname = 'H'\nhomepage = 3\n", "homepage must be a string", id="homepage-not-str"),
        pytest.param("[[source]]\nname = 'F'\nfeeds = [1, 2]\n", "expected a string or a list", id="feeds-not-str"),
        pytest.param(
            "[[source]]\nname = 'T'\nhomepage = 'https://t.example/'\ntopics = 5\n",
            "expected a string or a list",
            id="topics-not-str",
        ),
    ],
)
def test_load_seeds_errors(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(SourceError, match=message) as caught:
        load_seeds(path)
    assert str(path) in str(caught.value)


def test_load_seeds_error_names_the_source(tmp_path: Path) -> None:
    text = "[[source]]\nname = 'Ok'\nfeeds = ['https://o.example/f']\n\n[[source]]\nname = 'Lonely'\n"
    with pytest.raises(SourceError, match=r"source #2 \(Lonely\)"):
        load_seeds(write(tmp_path, text))


def test_load_seeds_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "absent.toml"
    with pytest.raises(SourceError, match=re.escape(f"seeds file not found: {path}")):
        load_seeds(path)


def test_load_seeds_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(b"[[source]]\nname = 'Caf\xe9'\n")
    with pytest.raises(SourceError, match="cannot read seeds file"):
        load_seeds(path)


def test_read_feeds_file_skips_blanks_and_comments(tmp_path: Path) -> None:
    text = "# my feeds\nhttps://a.example/rss\n\n   \n  https://b.example/atom  \n   # indented comment\n"
    assert read_feeds_file(write(tmp_path, text, "feeds.txt")) == (
        ["https://a.example/rss", "https://b.example/atom"],
        [],
    )


def test_read_feeds_file_missing(tmp_path: Path) -> None:
    path = tmp_path / "absent.txt"
    with pytest.raises(SourceError, match=re.escape(f"feeds file not found: {path}")):
        read_feeds_file(path)


def test_gather_sources_from_every_place(tmp_path: Path) -> None:
    seeds = write(tmp_path, TWO_SOURCES)
    feeds_file = write(tmp_path, "https://file.example/rss\n", "feeds.txt")
    sources = gather_sources([seeds], ["https://cli.example/feed"], feeds_file)
    assert [(s.name, s.feeds) for s in sources][2:] == [
        ("cli.example", ("https://cli.example/feed",)),
        ("file.example", ("https://file.example/rss",)),
    ]


def test_gather_sources_seeds_first(tmp_path: Path) -> None:
    sources = gather_sources([write(tmp_path, TWO_SOURCES)], ["https://cli.example/feed"], None)
    assert [s.name for s in sources] == ["Daily Planet", "Gazette", "cli.example"]


def test_gather_sources_nothing_given() -> None:
    assert gather_sources([], [], None) == []


@pytest.fixture(scope="module")
def default_seeds() -> list[Source]:
    found = load_seeds(DEFAULT_SEEDS)
    assert found.skipped == []
    return found.sources


def test_default_seeds_has_enough_sources(default_seeds: list[Source]) -> None:
    assert len(default_seeds) >= 20


def test_default_seeds_names_unique(default_seeds: list[Source]) -> None:
    names = [s.name for s in default_seeds]
    assert sorted(n for n in names if names.count(n) > 1) == []


def test_default_seeds_urls_are_web_urls(default_seeds: list[Source]) -> None:
    urls = [u for s in default_seeds for u in (*s.feeds, *([s.homepage] if s.homepage else []))]
    bad = [u for u in urls if urlsplit(u).scheme not in ("http", "https") or not urlsplit(u).hostname]
    assert bad == []


def test_default_seeds_languages(default_seeds: list[Source]) -> None:
    assert len({s.language for s in default_seeds if s.language}) >= 4


def test_source_rules_are_read_from_seeds(tmp_path: Path) -> None:
    path = tmp_path / "seeds.toml"
    path.write_text(
        '[[source]]\nname = "A"\nfeeds = ["https://example.org/feed"]\n'
        '[source.rules]\ndrop_selectors = ["div.sponsor"]\ndrop_lines = ["Promoted by .*"]\n'
    )
    [source] = load_seeds(path).sources
    assert source.rules.drop_selectors == ("div.sponsor",)
    assert source.rules.drop_lines == ("Promoted by .*",)


@pytest.mark.parametrize(
    ("rules", "message"),
    [
        pytest.param('drop_selectors = ["div[["]', "bad CSS selector", id="bad-selector"),
        pytest.param('drop_lines = ["(unclosed"]', "bad pattern", id="bad-pattern"),
        pytest.param("drop_lines = 3", "must be a list of strings", id="not-a-list"),
        pytest.param('drop_everything = ["x"]', "unknown rules key", id="unknown-key"),
    ],
)
def test_bad_source_rules_are_a_clear_error(rules: str, message: str, tmp_path: Path) -> None:
    path = tmp_path / "seeds.toml"
    path.write_text(f'[[source]]\nname = "A"\nfeeds = ["https://example.org/feed"]\n[source.rules]\n{rules}\n')
    with pytest.raises(SourceError, match=message):
        load_seeds(path)


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        pytest.param("https://example.org/feed.xml", None, id="https"),
        pytest.param("HTTP://EXAMPLE.ORG:8080/rss", None, id="http-upper-case-with-port"),
        pytest.param("javascript:alert(1)", "not an absolute http(s) URL", id="javascript"),
        pytest.param("not a url", "not an absolute http(s) URL", id="words"),
        pytest.param("/feeds/rss.xml", "not an absolute http(s) URL", id="relative"),
        pytest.param("example.org/rss", "not an absolute http(s) URL", id="no-scheme"),
        pytest.param("ftp://example.org/rss", "not an absolute http(s) URL", id="ftp"),
        pytest.param("file:///etc/passwd", "not an absolute http(s) URL", id="file"),
        pytest.param("http:///rss", "not an absolute http(s) URL", id="no-host"),
        pytest.param("http://[::1/rss", "not a URL (Invalid IPv6 URL)", id="broken-ipv6"),
        pytest.param("http://example.org:99999/rss", "not a URL (Port out of range 0-65535)", id="port-out-of-range"),
        pytest.param("http://example.org:http/rss", "not a URL (Port could not be cast", id="port-not-a-number"),
    ],
)
def test_url_problem(url: str, problem: str | None) -> None:
    found = url_problem(url)
    assert found == problem if problem is None else (found or "").startswith(problem)


def test_read_feeds_file_skips_bad_lines_naming_each(tmp_path: Path) -> None:
    text = "# feeds\nhttps://a.example/rss\nnot a url\n\njavascript:alert(1)\nhttps://b.example/atom\n"
    path = write(tmp_path, text, "feeds.txt")
    assert read_feeds_file(path) == (
        ["https://a.example/rss", "https://b.example/atom"],
        [
            Skipped(f"{path}:3", "not a url", "not an absolute http(s) URL"),
            Skipped(f"{path}:5", "javascript:alert(1)", "not an absolute http(s) URL"),
        ],
    )
    assert str(read_feeds_file(path)[1][0]) == f"{path}:3: skipped 'not a url': not an absolute http(s) URL"


BAD_URLS = """
[[source]]
name = "Good"
feeds = ["https://good.example/rss"]

[[source]]
name = "Half"
feeds = [
  "https://half.example/rss",
  "javascript:alert(1)",
]
sitemaps = ["sitemap.xml"]

[[source]]
name = "Nothing left"
homepage = "www.nothing.example"
"""


def test_load_seeds_skips_bad_urls_with_their_line(tmp_path: Path) -> None:
    path = write(tmp_path, BAD_URLS)
    found = load_seeds(path)
    assert [(s.name, s.feeds, s.sitemaps) for s in found.sources] == [
        ("Good", ("https://good.example/rss",), ()),
        ("Half", ("https://half.example/rss",), ()),
    ]
    assert [(s.where, s.value) for s in found.skipped] == [
        (f"{path}:10", "javascript:alert(1)"),
        (f"{path}:12", "sitemap.xml"),
        (f"{path}:16", "www.nothing.example"),
    ]


def test_gather_skips_bad_feed_arguments(tmp_path: Path) -> None:
    found = gather([], ["https://ok.example/rss", "javascript:alert(1)"], None)
    assert [s.name for s in found.sources] == ["ok.example"]
    assert found.skipped == [Skipped("--feed", "javascript:alert(1)", "not an absolute http(s) URL")]


ONE = '[[source]]\nname = "{name}"\nfeeds = ["https://{host}.example/rss"]\n'


def test_two_sources_of_one_name_in_a_file_are_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, ONE.format(name="Gazette", host="a") + ONE.format(name=" Gazette ", host="b"))
    message = f"{path}: source #2: the name 'Gazette' is already used by source #1; seed names must be unique"
    with pytest.raises(SourceError, match=re.escape(message)):
        load_seeds(path)


def test_two_sources_of_one_name_in_two_files_are_an_error(tmp_path: Path) -> None:
    first = write(tmp_path, ONE.format(name="Gazette", host="a"), "a.toml")
    second = write(tmp_path, ONE.format(name="Other", host="o") + ONE.format(name="Gazette", host="b"), "b.toml")
    message = f"{second}: the name 'Gazette' is already used in {first}; seed names must be unique"
    with pytest.raises(SourceError, match=re.escape(message)):
        gather([first, second], [], None)


def test_the_same_seeds_file_given_twice_is_read_once(tmp_path: Path) -> None:
    path = write(tmp_path, TWO_SOURCES)
    assert [s.name for s in gather_sources([path, path], [], None)] == ["Daily Planet", "Gazette"]
