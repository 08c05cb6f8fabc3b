"""Tests for crawler.urls: the key an article is known by (`normalise_url`), the link fetched as published."""

from __future__ import annotations

import pytest

from crawler.urls import legacy_key, normalise_url, published_link


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("https://example.com/a/b", "https://example.com/a/b", id="already-canonical"),
        pytest.param("HTTPS://Example.COM/Path/To", "https://example.com/Path/To", id="scheme-and-host-lowercased"),
        pytest.param("https://example.com", "https://example.com/", id="empty-path-becomes-slash"),
        pytest.param("http://example.com:80/a", "http://example.com/a", id="http-default-port-dropped"),
        pytest.param("https://example.com:443/a", "https://example.com/a", id="https-default-port-dropped"),
        pytest.param("https://example.com:8443/a", "https://example.com:8443/a", id="other-port-kept"),
        pytest.param("http://example.com:443/a", "http://example.com:443/a", id="https-port-kept-on-http"),
        pytest.param("https://example.com/a#section-2", "https://example.com/a", id="fragment-dropped"),
        pytest.param("https://example.com./a", "https://example.com/a", id="trailing-dot-of-host-dropped"),
        pytest.param("  https://example.com/a \n", "https://example.com/a", id="surrounding-whitespace-stripped"),
        pytest.param("http://[::1]:8080/x", "http://[::1]:8080/x", id="ipv6-host-with-port"),
        pytest.param("http://[2001:DB8::1]/x", "http://[2001:db8::1]/x", id="ipv6-host-lowercased"),
        pytest.param("https://example.com/A%20b", "https://example.com/A%20b", id="path-escapes-kept"),
    ],
)
def test_normalise_url_canonical_spelling(raw: str, expected: str) -> None:
    assert normalise_url(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("https://e.com/a?utm_source=rss&utm_medium=feed", "https://e.com/a", id="utm-only"),
        pytest.param(
            "https://e.com/a?id=7&utm_campaign=x&page=2", "https://e.com/a?id=7&page=2", id="utm-among-others"
        ),
        pytest.param("https://e.com/a?UTM_Source=x&id=1", "https://e.com/a?id=1", id="utm-any-case"),
        pytest.param("https://e.com/a?fbclid=abc", "https://e.com/a", id="fbclid"),
        pytest.param("https://e.com/a?gclid=abc&msclkid=d", "https://e.com/a", id="gclid-msclkid"),
        pytest.param("https://e.com/a?mc_cid=1&mc_eid=2&igshid=3", "https://e.com/a", id="mailchimp-instagram"),
        pytest.param("https://e.com/a?ocid=1&cmpid=2&xtor=3", "https://e.com/a", id="publisher-trackers"),
        pytest.param("https://e.com/a?at_medium=1&at_campaign=2", "https://e.com/a", id="at-internet"),
        pytest.param("https://e.com/a?ns_mchannel=1&ns_source=2", "https://e.com/a", id="ns-params"),
        pytest.param("https://e.com/a?utm=1", "https://e.com/a?utm=1", id="bare-utm-is-not-tracking"),
        pytest.param("https://e.com/a?xutm_source=1", "https://e.com/a?xutm_source=1", id="prefix-must-match-start"),
        pytest.param("https://e.com/a?id=1&utm_source=x#top", "https://e.com/a?id=1", id="tracking-and-fragment"),
        pytest.param("https://e.com/a?ref=rss&id=1", "https://e.com/a?id=1", id="ref"),
        pytest.param("https://e.com/a?CMP=twitter_share&id=1", "https://e.com/a?id=1", id="CMP"),
        pytest.param("https://e.com/a?id=1&ref_src=twsrc", "https://e.com/a?id=1", id="ref-src"),
        pytest.param("https://e.com/a?_ga=2.1&_gl=1*x&mkt_tok=t", "https://e.com/a", id="analytics-and-marketo"),
        pytest.param("https://e.com/a?utm%5Fsource=x&id=1", "https://e.com/a?id=1", id="escaped-key-decoded-to-match"),
        pytest.param("https://e.com/a?reference=7", "https://e.com/a?reference=7", id="longer-key-is-not-tracking"),
    ],
)
def test_normalise_url_strips_tracking_params(raw: str, expected: str) -> None:
    assert normalise_url(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("https://e.com/s?z=1&a=2&m=3", "https://e.com/s?z=1&a=2&m=3", id="order-kept"),
        pytest.param("https://e.com/s?a=1&a=2", "https://e.com/s?a=1&a=2", id="repeated-key-kept"),
        pytest.param("https://e.com/s?a=&b=1", "https://e.com/s?a=&b=1", id="blank-value-kept"),
        pytest.param("https://e.com/s?q=caf%C3%A9", "https://e.com/s?q=caf%C3%A9", id="utf8-escape-kept"),
        pytest.param("https://e.com/s?id", "https://e.com/s?id", id="bare-key-kept-bare"),
        pytest.param("https://e.com/s?a=1;b=2", "https://e.com/s?a=1;b=2", id="semicolon-kept"),
        pytest.param("https://e.com/s?q=a%20b", "https://e.com/s?q=a%20b", id="percent-20-kept"),
        pytest.param("https://e.com/s?q=a+b", "https://e.com/s?q=a+b", id="plus-kept"),
        pytest.param(
            "https://e.com/s?u=https://x.org/p?a,b", "https://e.com/s?u=https://x.org/p?a,b", id="unescaped-kept"
        ),
        pytest.param("https://e.com/s?a=1&&b=2&utm_source=x", "https://e.com/s?a=1&&b=2", id="empty-pair-kept"),
        pytest.param("https://e.com/p;v=1?x", "https://e.com/p;v=1?x", id="path-parameter-kept"),
    ],
)
def test_normalise_url_keeps_other_params(raw: str, expected: str) -> None:
    """Only tracking keys go: every other byte of the query stays (a server may tell ``?id`` from ``?id=``)."""
    assert normalise_url(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("https://e.com/s?id", "https://e.com/s?id", id="bare-key"),
        pytest.param("https://e.com/s?a=1;b=2", "https://e.com/s?a=1;b=2", id="semicolon"),
        pytest.param("https://e.com/s?q=a%20b", "https://e.com/s?q=a%20b", id="percent-20"),
        pytest.param("HTTPS://E.com:443/s?utm_source=x#top", "HTTPS://E.com:443/s?utm_source=x#top", id="untouched"),
        pytest.param("  https://e.com/s\n", "https://e.com/s", id="surrounding-whitespace-stripped"),
        pytest.param("ftp://e.com/s", None, id="not-http"),
        pytest.param("https://user:pw@e.com/s", None, id="credentials"),
    ],
)
def test_published_link_is_the_link_as_published(raw: str, expected: str | None) -> None:
    assert published_link(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("https://e.com/s?id", "https://e.com/s?id=", id="bare-key"),
        pytest.param("https://e.com/s?q=a%20b&ref=x", "https://e.com/s?q=a+b&ref=x", id="space-and-ref"),
        pytest.param("https://e.com/s?a=1;b=2", "https://e.com/s?a=1%3Bb%3D2", id="semicolon"),
        pytest.param("https://E.com/s?utm_source=x", "https://e.com/s", id="tracking"),
    ],
)
def test_legacy_key_is_the_spelling_newsrake_0_1_stored(raw: str, expected: str) -> None:
    assert legacy_key(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param("", id="empty"),
        pytest.param("   ", id="blank"),
        pytest.param("/relative/path", id="relative"),
        pytest.param("example.com/a", id="no-scheme"),
        pytest.param("//example.com/a", id="scheme-relative"),
        pytest.param("ftp://example.com/file", id="ftp"),
        pytest.param("mailto:someone@example.com", id="mailto"),
        pytest.param("javascript:alert(1)", id="javascript"),
        pytest.param("data:text/html,<p>hi</p>", id="data"),
        pytest.param("https://", id="no-host"),
        pytest.param("https://user:secret@example.com/a", id="credentials"),
        pytest.param("https://user@example.com/a", id="username-only"),
        pytest.param("https://example.com:99999/a", id="port-out-of-range"),
        pytest.param("https://example.com:abc/a", id="port-not-a-number"),
        pytest.param("http://[::1/a", id="unclosed-ipv6-bracket"),
    ],
)
def test_normalise_url_rejects(raw: str) -> None:
    assert normalise_url(raw) is None


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param("HTTPS://Example.COM:443/a?b=1&utm_source=x#f", id="mixed"),
        pytest.param("http://example.com", id="bare-host"),
        pytest.param("https://e.com/s?q=a+b&r=%2F", id="encoded-query"),
        pytest.param("http://[::1]:8080/x?y", id="ipv6-valueless-param"),
        pytest.param("https://e.com/s?id&x=%20;&ref=1", id="bytes-kept"),
    ],
)
def test_normalise_url_is_idempotent(raw: str) -> None:
    once = normalise_url(raw)
    assert once is not None
    assert normalise_url(once) == once
