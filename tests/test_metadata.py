"""cleaners.metadata.read_metadata: which of a page's elements each field is read from."""

from __future__ import annotations

import pytest

from cleaners.html_tree import parse_html
from cleaners.metadata import PageMetadata, read_metadata

BASE = "https://example.org/news/story.html"


def metadata(head: str, body: str = "<p>Text.</p>") -> PageMetadata:
    tree = parse_html(f"<html><head>{head}</head><body>{body}</body></html>")
    assert tree is not None
    return read_metadata(tree, BASE)


CASES = {
    "the-first-title-with-text": (
        "<title></title><title>Second | Site</title>",
        "",
        "title",
        "Second | Site",
    ),
    "the-first-canonical-link-with-an-href": (
        '<link rel="canonical"><link rel="canonical" href="/c"><link rel="canonical" href="/d">',
        "",
        "canonical_url",
        "https://example.org/c",
    ),
    "a-canonical-link-beats-og-url": (
        '<meta property="og:url" content="https://example.org/og"><link rel="canonical" href="/c">',
        "",
        "canonical_url",
        "https://example.org/c",
    ),
    "og-url-without-a-canonical-link": (
        '<link rel="alternate" href="/feed"><meta property="og:url" content="https://example.org/og">',
        "",
        "canonical_url",
        "https://example.org/og",
    ),
    "a-meta-without-content-is-ignored": (
        '<meta name="description"><meta name="description" content="Said twice.">',
        "",
        "description",
        "Said twice.",
    ),
    "only-json-ld-scripts-are-read": (
        '<script type="application/json">{"@type": "NewsArticle", "headline": "Not this"}</script>'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "This one"}</script>',
        "",
        "title",
        "This one",
    ),
    "the-first-h1-when-nothing-else-names-the-page": ("", "<h1>First</h1><h1>Second</h1>", "title", "First"),
    "a-meta-in-the-body-counts-too": ("", '<meta name="author" content="Jane Doe">', "authors", ("Jane Doe",)),
}


@pytest.mark.parametrize(("head", "body", "field", "expected"), CASES.values(), ids=CASES.keys())
def test_a_field_is_read_from_the_right_element(head: str, body: str, field: str, expected: object) -> None:
    assert getattr(metadata(head, body), field) == expected
