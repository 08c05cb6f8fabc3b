"""`clean_page`: raw page in, `Article` out. The one entry point crawl, reclean and extract share."""

from __future__ import annotations

from urllib.parse import urljoin

from lxml.html import HtmlElement
from trafilatura.utils import load_html

from cleaners.article import Article, FeedEntry
from cleaners.dates import parse_date
from cleaners.decode import decode_page
from cleaners.extract import Extracted, extract_main_text
from cleaners.language import detect_language
from cleaners.metadata import PageMetadata, read_metadata
from cleaners.version import CLEANER_VERSION


def _absolute(url: str | None, base: str) -> str | None:
    if not url:
        return None
    joined = urljoin(base, url.strip())
    return joined if joined.startswith(("http://", "https://")) else None


def _authors(meta: PageMetadata, found: Extracted, entry: FeedEntry | None) -> tuple[str, ...]:
    if meta.authors:
        return meta.authors
    if found.author:
        return tuple(name.strip() for name in found.author.split(";") if name.strip())
    return entry.authors if entry else ()


def _published(meta: PageMetadata, found: Extracted, entry: FeedEntry | None) -> tuple[str | None, str | None]:
    """The best (raw, ISO UTC) publication date: page metadata, then the feed, then trafilatura's guess."""
    candidates = [meta.published_raw]
    if entry is not None:
        candidates.append(entry.published_raw)
    candidates.append(found.date)
    for raw in candidates:
        iso = parse_date(raw)
        if iso is not None:
            return raw, iso
    first_raw = next((raw for raw in candidates if raw), None)
    return first_raw, None


def clean_page(
    raw: bytes | str,
    url: str,
    *,
    final_url: str | None = None,
    content_type: str | None = None,
    feed_entry: FeedEntry | None = None,
) -> Article:
    """Clean one raw page into an `Article`. Pure: no I/O, never raises on bad markup.

    ``url`` is the URL the article was requested as, ``final_url`` where it was
    served from (the base for relative links), ``content_type`` the HTTP header
    (its charset is used for decoding), and ``feed_entry`` what the feed said
    about the article: its title, date and summary fill gaps in the page.
    """
    base = final_url or url
    text = decode_page(raw, content_type)
    tree: HtmlElement | None = load_html(text) if text.strip() else None
    problems: list[str] = []
    if tree is None:
        meta, found = PageMetadata(), Extracted()
        problems.append("unparseable-page")
    else:
        meta = read_metadata(tree, base)
        found = extract_main_text(tree, base)
    if not found.text:
        problems.append("no-text")
    published_raw, published = _published(meta, found, feed_entry)
    title = meta.headline or found.title or (feed_entry.title if feed_entry else None)
    if not title:
        problems.append("no-title")
    tags = tuple(dict.fromkeys([*found.tags, *(feed_entry.tags if feed_entry else ())]))
    return Article(
        url=url,
        final_url=final_url,
        canonical_url=meta.canonical_url,
        title=" ".join(title.split()) if title else None,
        text=found.text,
        authors=_authors(meta, found, feed_entry),
        published=published,
        published_raw=published_raw,
        language=meta.language or detect_language(found.text),
        description=found.description or (feed_entry.summary if feed_entry else None),
        image=_absolute(found.image, base),
        tags=tags,
        site_name=found.sitename,
        feed_entry=feed_entry,
        cleaner_version=CLEANER_VERSION,
        problems=tuple(problems),
    )
