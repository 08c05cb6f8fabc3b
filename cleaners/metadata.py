"""Page metadata: title, dates, authors, canonical URL, language, description, image, tags, site name.

Read from the already-parsed lxml tree (the page is parsed once), from
JSON-LD, OpenGraph / Twitter / Dublin Core ``<meta>`` tags and plain HTML,
most trusted source first.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from lxml import etree
from lxml.html import HtmlElement, fromstring

from cleaners.headings import BLOCK_TAGS, shown_text
from cleaners.headline import MAX_KICKER_WORDS, choose_headline, site_names, tidy, without_site

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
_TITLE_META_KEYS = ("og:title", "twitter:title", "dc.title", "parsely-title", "sailthru.title")
_DESCRIPTION_META_KEYS = ("og:description", "description", "twitter:description", "dc.description")
_IMAGE_META_KEYS = ("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src")
_SITE_META_KEYS = ("og:site_name", "application-name", "twitter:site")
_TAG_META_KEYS = ("article:tag", "news_keywords", "keywords", "article:section", "parsely-tags")
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
        "report",
    }
)
MAX_H1S = 5
"""``<h1>`` elements read as headline candidates, at most."""


@dataclass(frozen=True)
class PageMetadata:
    """What the page's own markup says about the article."""

    title: str | None = None
    headlines: tuple[str, ...] = ()
    """Every spelling of the headline the page gives (JSON-LD, og:title, <h1>, <title>)."""
    published_raw: str | None = None
    canonical_url: str | None = None
    language: str | None = None
    authors: tuple[str, ...] = ()
    description: str | None = None
    image: str | None = None
    site_name: str | None = None
    tags: tuple[str, ...] = ()
    article_body: str | None = None
    """The JSON-LD ``articleBody`` as plain text, one paragraph a line: a second opinion on the article."""


@dataclass(frozen=True)
class _Parts:
    """The elements metadata is read from, found in one walk over the page."""

    metas: list[HtmlElement]
    """``<meta>`` elements with a ``content``, in page order."""
    json_ld: list[HtmlElement]
    """``<script type="application/ld+json">`` elements, in page order."""
    title: str | None
    """The text of the first ``<title>`` that has one."""
    h1s: list[HtmlElement]
    """The first `MAX_H1S` ``<h1>`` elements, in page order."""
    canonical: str | None
    """The ``href`` of the first ``<link rel="canonical">`` that has one."""


def _parts(tree: HtmlElement) -> _Parts:
    """One walk over the page's meta, script, title, h1 and link elements (instead of an XPath each)."""
    metas: list[HtmlElement] = []
    json_ld: list[HtmlElement] = []
    title: str | None = None
    h1s: list[HtmlElement] = []
    canonical: str | None = None
    for element in tree.iter("meta", "script", "title", "h1", "link"):
        tag = element.tag
        if tag == "meta":
            if element.get("content") is not None:
                metas.append(element)
        elif tag == "script":
            if element.get("type") == "application/ld+json":
                json_ld.append(element)
        elif tag == "title":
            title = title if title is not None else element.text
        elif tag == "h1":
            if len(h1s) < MAX_H1S:
                h1s.append(element)
        elif canonical is None and element.get("rel") == "canonical":
            canonical = element.get("href")
    return _Parts(metas, json_ld, title, h1s, canonical)


def _json_ld_objects(scripts: list[HtmlElement]) -> Iterator[dict[str, Any]]:
    for script in scripts:
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


def _image_url(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return _image_url(value.get("url") or value.get("contentUrl"))
    if isinstance(value, list) and value:
        return _image_url(value[0])
    return None


def _meta_values(metas: list[HtmlElement]) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for meta in metas:
        key = meta.get("property") or meta.get("name") or meta.get("itemprop") or meta.get("http-equiv")
        content = " ".join((meta.get("content") or "").split())
        if key and content:
            values.setdefault(key.strip().lower(), []).append(content)
    return values


def _first(meta: dict[str, list[str]], keys: tuple[str, ...]) -> str | None:
    return next((meta[key][0] for key in keys if key in meta), None)


def _clean_language(raw: str | None) -> str | None:
    if not raw:
        return None
    tag = raw.strip().replace("_", "-").split(",")[0].split("-")[0].lower()
    return tag if tag.isalpha() and 2 <= len(tag) <= 3 else None


def _text(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None


def _h1_spellings(h1: HtmlElement) -> list[str]:
    """An ``<h1>``'s text (`cleaners.headings.shown_text`), and (when it begins with a short element of its
    own, a kicker such as "LIVE" or "Analysis") its text without that element: the headline may be either."""
    text = tidy(shown_text(h1))
    if not text:
        return []
    first = h1[0] if len(h1) and not (h1.text or "").strip() else None
    kicker = tidy(shown_text(first)) if first is not None and isinstance(first.tag, str) else None
    if kicker and len(kicker.split()) <= MAX_KICKER_WORDS and text.startswith(kicker) and text != kicker:
        rest = tidy(text[len(kicker) :].lstrip(" :|–—-·•"))
        return [text, rest] if rest else [text]
    return [text]


def _body_text(value: Any) -> str | None:
    """A JSON-LD ``articleBody`` as lines of text: its paragraphs (as text, or as markup some pages put there)."""
    if not isinstance(value, str) or not value.strip():
        return None
    if "<" in value and ">" in value:
        try:
            fragment = fromstring(f"<div>{value}</div>")
        except (etree.LxmlError, ValueError):
            return None
        for br in fragment.iter("br"):
            br.tail = "\n" + (br.tail or "")
        for block in fragment.iter(*BLOCK_TAGS):
            block.tail = "\n" + (block.tail or "")
            block.text = "\n" + (block.text or "")
        value = fragment.text_content()
    lines = (" ".join(line.split()) for line in value.splitlines())
    return "\n".join(line for line in lines if line) or None


def _tags(meta: dict[str, list[str]], json_ld_keywords: Any) -> tuple[str, ...]:
    raw: list[str] = []
    for key in _TAG_META_KEYS:
        raw.extend(meta.get(key, []))
    if isinstance(json_ld_keywords, str):
        raw.append(json_ld_keywords)
    elif isinstance(json_ld_keywords, list):
        raw.extend(k for k in json_ld_keywords if isinstance(k, str))
    tags = (" ".join(part.split()) for value in raw for part in value.split(","))
    return tuple(dict.fromkeys(tag for tag in tags if tag and len(tag) <= 100))


def _absolute(url: str | None, base: str | None) -> str | None:
    if not url:
        return None
    joined = urljoin(base or "", url.strip())
    return joined if joined.startswith(("http://", "https://")) else None


def read_metadata(tree: HtmlElement, base_url: str | None) -> PageMetadata:
    """Read the article's metadata from a page tree; missing values are None or empty."""
    parts = _parts(tree)
    meta = _meta_values(parts.metas)
    article: dict[str, Any] = {}
    publisher: str | None = None
    for obj in _json_ld_objects(parts.json_ld):
        if _is_article(obj):
            for key, value in obj.items():
                article.setdefault(key, value)
        if publisher is None:
            names = _names(obj.get("publisher"))
            publisher = names[0] if names else None

    published = _text(article.get("datePublished")) or _first(meta, _DATE_META_KEYS)
    if published is None:
        times = tree.xpath("//*[@itemprop='datePublished']/@datetime | //time[@datetime]/@datetime")
        published = _text(str(times[0])) if times else None

    authors = _names(article.get("author"))
    if not authors and "author" in meta and not meta["author"][0].startswith("http"):
        authors = meta["author"][:1]
    authors = [a for a in (_text(name) for name in authors) if a and not a.startswith("http")]

    site_name = _first(meta, _SITE_META_KEYS) or _text(publisher)
    titles = [
        t
        for t in (
            tidy(_first(meta, ("og:title",))),
            tidy(article.get("headline") if isinstance(article.get("headline"), str) else None),
            tidy(_first(meta, _TITLE_META_KEYS[1:])),
            tidy(parts.title),
        )
        if t
    ]
    lang_attr = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    language = (
        _clean_language(lang_attr)
        or _clean_language(_first(meta, ("content-language", "dc.language", "language")))
        or _clean_language(_first(meta, ("og:locale",)))
    )
    h1s = [h for element in parts.h1s for h in _h1_spellings(element)]
    sites = site_names([site_name, publisher, _first(meta, ("application-name",))], base_url)
    title = choose_headline(h1s, titles, sites, language)
    spellings = [title, *titles, *(without_site(t, sites) for t in titles), *h1s[:1]]
    headlines = tuple(dict.fromkeys(h for h in spellings if h))

    canonical_href = parts.canonical.strip() if parts.canonical is not None else _first(meta, ("og:url",))

    return PageMetadata(
        title=title,
        headlines=headlines,
        published_raw=published,
        canonical_url=_absolute(canonical_href, base_url),
        language=language,
        authors=tuple(dict.fromkeys(authors)),
        description=_text(article.get("description")) or _first(meta, _DESCRIPTION_META_KEYS),
        image=_absolute(_first(meta, _IMAGE_META_KEYS) or _image_url(article.get("image")), base_url),
        site_name=site_name,
        tags=_tags(meta, article.get("keywords")),
        article_body=_body_text(article.get("articleBody")),
    )
