"""Page metadata that trafilatura does not give in full: exact dates, canonical URL, language, authors.

Read from an already-parsed lxml tree, so the page is parsed once.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from lxml.html import HtmlElement

# Where pages put their publication time, most trusted first (meta name/property/itemprop).
_DATE_META_KEYS: tuple[str, ...] = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "publishdate",
    "pubdate",
    "publish-date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.created",
    "dc.date",
    "date",
)
_ARTICLE_TYPES = frozenset(
    {
        "newsarticle",
        "article",
        "reportagenewsarticle",
        "blogposting",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "backgroundnewsarticle",
        "reviewnewsarticle",
        "webpage",
        "liveblogposting",
    }
)


@dataclass(frozen=True)
class PageMetadata:
    """What the page's own markup says about the article."""

    published_raw: str | None = None
    canonical_url: str | None = None
    language: str | None = None
    authors: tuple[str, ...] = ()
    headline: str | None = None


def _json_ld_objects(tree: HtmlElement) -> Iterator[dict[str, Any]]:
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content() or "null", strict=False)
        except (ValueError, RecursionError):
            continue
        stack: list[Any] = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                yield item
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(reversed(graph))


def _is_article(obj: dict[str, Any]) -> bool:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and k.lower() in _ARTICLE_TYPES for k in kinds)


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [name for item in value for name in _names(item)]
    return []


def _meta_values(tree: HtmlElement) -> dict[str, str]:
    values: dict[str, str] = {}
    for meta in tree.xpath("//meta[@content]"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop") or meta.get("http-equiv")
        content = (meta.get("content") or "").strip()
        if key and content:
            values.setdefault(key.strip().lower(), content)
    return values


def _clean_language(raw: str | None) -> str | None:
    if not raw:
        return None
    tag = raw.strip().replace("_", "-").split(",")[0].split("-")[0].lower()
    return tag if tag.isalpha() and 2 <= len(tag) <= 3 else None


def read_metadata(tree: HtmlElement, base_url: str | None) -> PageMetadata:
    """Read the publication date, canonical URL, language, authors and headline from a page tree."""
    meta = _meta_values(tree)
    published: str | None = None
    authors: list[str] = []
    headline: str | None = None
    for obj in _json_ld_objects(tree):
        if not _is_article(obj):
            continue
        if published is None and isinstance(obj.get("datePublished"), str):
            published = obj["datePublished"]
        if not authors:
            authors = _names(obj.get("author"))
        if headline is None and isinstance(obj.get("headline"), str):
            headline = obj["headline"].strip() or None
    if published is None:
        published = next((meta[key] for key in _DATE_META_KEYS if key in meta), None)
    if published is None:
        times = tree.xpath("//*[@itemprop='datePublished']/@datetime | //time[@datetime]/@datetime")
        published = str(times[0]) if times else None
    if not authors and "author" in meta and not meta["author"].startswith("http"):
        authors = [meta["author"]]

    canonical = tree.xpath("//link[@rel='canonical']/@href")
    canonical_href = str(canonical[0]).strip() if canonical else meta.get("og:url")
    canonical_url = urljoin(base_url or "", canonical_href) if canonical_href else None
    if canonical_url and not canonical_url.startswith(("http://", "https://")):
        canonical_url = None

    lang_attr = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    language = (
        _clean_language(lang_attr)
        or _clean_language(meta.get("content-language"))
        or _clean_language(meta.get("og:locale"))
    )
    unique_authors = tuple(dict.fromkeys(a for a in (" ".join(name.split()) for name in authors) if a))
    return PageMetadata(
        published_raw=published.strip() if published else None,
        canonical_url=canonical_url,
        language=language,
        authors=unique_authors,
        headline=headline,
    )
