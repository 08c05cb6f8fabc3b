"""A request's context is one typed, frozen value under one meta key; one component owns the host policy."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest
import scrapy

from cleaners import FeedEntry
from crawler import settings
from crawler.spiders.feeds import FeedsSpider
from pipelines.request_context import META_KEY, RequestContext, context_of, is_kind, with_context

ROOT = Path(__file__).resolve().parent.parent
ENTRY = FeedEntry(link="https://example.org/news/1.html", guid="urn:story:1", updated_raw="2024-03-05T10:20:00Z")


def spider_requests() -> dict[str, scrapy.Request]:
    spider = FeedsSpider()
    return {
        "feed": spider.feed_request("https://example.org/feed.xml", "herald"),
        "sitemap": spider.sitemap_request("https://example.org/news-sitemap.xml", "herald"),
        "article": spider.article_request(ENTRY, "herald", "https://example.org/feed.xml"),
    }


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        pytest.param("feed", RequestContext(kind="feed", source="herald", feed_url="https://example.org/feed.xml"),
                     id="feed"),
        pytest.param("sitemap", RequestContext(kind="feed", source="herald",
                                               feed_url="https://example.org/news-sitemap.xml"), id="sitemap"),
        pytest.param("article", RequestContext(kind="article", source="herald", feed_url="https://example.org/feed.xml",
                                               link=ENTRY.link, guid="urn:story:1", updated="2024-03-05T10:20:00Z"),
                     id="article"),
    ],
)  # fmt: skip
def test_a_spider_request_carries_its_context_under_one_key(name: str, expected: RequestContext) -> None:
    request = spider_requests()[name]
    assert context_of(request) == expected
    assert [key for key in request.meta if key.startswith("newsrake")] == [META_KEY]


def test_a_context_is_changed_by_a_new_copy_and_not_in_place() -> None:
    request = spider_requests()["article"]
    before = context_of(request)
    assert before is not None
    with_context(request, attempts=2, refetch=True)
    assert (before.attempts, before.refetch) == (None, False)
    assert context_of(request) == dataclasses.replace(before, attempts=2, refetch=True)
    with pytest.raises(dataclasses.FrozenInstanceError):
        before.refetch = True  # type: ignore[misc]


@pytest.mark.parametrize(
    ("meta", "kind", "expected"),
    [
        pytest.param({META_KEY: RequestContext(kind="article")}, "article", True, id="article"),
        pytest.param({META_KEY: RequestContext(kind="robots")}, "article", False, id="other-kind"),
        pytest.param({}, "article", False, id="no-context"),
        pytest.param({META_KEY: "article"}, "article", False, id="a-plain-string-is-not-a-context"),
    ],
)
def test_the_kind_of_a_request(meta: dict[str, object], kind: str, expected: bool) -> None:
    assert is_kind(scrapy.Request("https://example.org/", meta=meta), kind) is expected  # type: ignore[arg-type]


def modules_making_host_delays() -> list[str]:
    """The crawler modules that create a `HostDelays` (the writer of Scrapy's download slots)."""
    found = []
    for path in sorted((ROOT / "crawler").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = [node.func for node in ast.walk(tree) if isinstance(node, ast.Call)]
        if any(isinstance(func, ast.Name) and func.id == "HostDelays" for func in calls):
            found.append(path.relative_to(ROOT).as_posix())
    return found


def test_one_component_owns_the_delay_floors_of_hosts() -> None:
    assert modules_making_host_delays() == ["crawler/middlewares/host_policy.py"]
    loaded = [name for name in settings.DOWNLOADER_MIDDLEWARES if name.startswith("crawler.middlewares.host_policy")]
    assert loaded == ["crawler.middlewares.host_policy.HostPolicyMiddleware"]
    assert settings.DOWNLOADER_MIDDLEWARES[loaded[0]] > 550  # sees 429/503 before Scrapy's RetryMiddleware
