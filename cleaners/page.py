"""`clean_page`: raw page in, `Article` out. The one entry point crawl, reclean and extract share."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from lxml.html import HtmlElement

from cleaners.article import Article, FeedEntry
from cleaners.bylines import byline_authors
from cleaners.catalog import HTML_CLEANERS, TEXT_CLEANERS
from cleaners.dates import guess_date, parse_date, reference_time
from cleaners.decode import decoded, encoding_problems, repaired_double_utf8
from cleaners.extract import extract_main_text, unbox_article
from cleaners.html_tree import parse_html
from cleaners.language import detect_language
from cleaners.left_out import restore_left_out
from cleaners.metadata import PageMetadata, read_metadata
from cleaners.paragraph_breaks import restore_breaks
from cleaners.prose import PageProse
from cleaners.registry import HtmlCleaner, Removal, TextCleaner, TextContext, run_html_cleaners, run_text_cleaners
from cleaners.rules import SourceRules
from cleaners.syndication import syndication_source
from cleaners.text_cleaners import credit_text
from cleaners.version import cleaner_version

NO_RULES = SourceRules()


def _published(
    meta: PageMetadata, entry: FeedEntry | None, tree: HtmlElement | None, url: str, reference: datetime
) -> tuple[str | None, str | None]:
    """The best (raw, ISO UTC) publication date: the page's metadata, the feed's, then a guess from the page;
    each read against ``reference``, the time the page was fetched."""
    candidates = [meta.published_raw, entry.published_raw if entry else None]
    for raw in candidates:
        iso = parse_date(raw, reference)
        if iso is not None:
            return raw, iso
    if entry is not None and entry.published:
        return entry.published_raw, entry.published
    guessed = guess_date(tree, url, reference) if tree is not None else None
    if guessed:
        return guessed, parse_date(guessed, reference)
    return next((raw for raw in candidates if raw), None), None


def _authors(
    meta: PageMetadata, removals: Sequence[Removal], entry: FeedEntry | None, language: str | None
) -> tuple[str, ...]:
    if meta.authors:
        return meta.authors
    from_bylines = tuple(
        dict.fromkeys(name for r in removals if r.cleaner == "byline" for name in byline_authors(r.text, language))
    )
    return from_bylines or (entry.authors if entry else ())


def clean_page(
    raw: bytes | str,
    url: str,
    *,
    final_url: str | None = None,
    content_type: str | None = None,
    feed_entry: FeedEntry | None = None,
    rules: SourceRules | None = None,
    reference: datetime | str | None = None,
) -> Article:
    """Clean one raw page into an `Article`. Pure: no I/O, never raises on bad markup.

    ``url`` is the URL the article was requested as, ``final_url`` where it was
    served from (the base for relative links), ``content_type`` the HTTP header
    (its charset is used for decoding), ``feed_entry`` what the feed said about
    the article (its title, date and summary fill gaps in the page) and
    ``rules`` the source's own cleaning rules from its seeds file.
    ``reference`` is when the page was fetched (a datetime, or ISO 8601 as
    stored): the dates are read against it - what a date leaves out, such
    as its year, and how far ahead a date may be - so that cleaning a stored
    page again gives the same dates whenever it runs. None: now.
    """
    return clean_with(
        raw, url, HTML_CLEANERS, TEXT_CLEANERS, final_url, content_type, feed_entry, rules, reference=reference
    )


def clean_with(
    raw: bytes | str,
    url: str,
    html_cleaners: Sequence[HtmlCleaner],
    text_cleaners: Sequence[TextCleaner],
    final_url: str | None = None,
    content_type: str | None = None,
    feed_entry: FeedEntry | None = None,
    rules: SourceRules | None = None,
    *,
    reference: datetime | str | None = None,
) -> Article:
    """`clean_page` with a chosen set of cleaners (for benchmarks and for testing one cleaner)."""
    rules = rules or NO_RULES
    at = reference_time(reference)
    base = final_url or url
    text, utf8 = decoded(raw, content_type)
    repaired = repaired_double_utf8(text, utf8)
    if repaired is not None:
        text, utf8 = repaired, None
    tree = parse_html(text, utf8) if text.strip() else None
    problems: list[str] = list(encoding_problems(text))
    problems.extend(["double-encoding-repaired"] if repaired is not None else [])
    html_removals: tuple[Removal, ...] = ()
    raw_text = ""
    if tree is None:
        meta = PageMetadata()
        problems.append("unparseable-page")
        published_raw, published = _published(meta, feed_entry, None, base, at)
    else:
        meta = read_metadata(tree, base)
        prose = PageProse.of(tree)  # before any node is dropped: the guard and the extraction's check read it
        stage = run_html_cleaners(html_cleaners, tree, rules, prose)
        unbox_article(tree, prose)
        published_raw, published = _published(meta, feed_entry, tree, base, at)  # before the extraction prunes it
        remaining = prose.remaining(tree)
        extraction = extract_main_text(tree, base, remaining, meta.article_body)
        restored = restore_left_out(remaining, extraction.text, extraction.found)
        broken = restore_breaks(restored.text, prose, tree)
        html_removals, raw_text = stage.removals, broken.text
        problems.extend(stage.guarded)
        problems.extend([extraction.note] if extraction.note else [])
        problems.extend(restored.notes)
        problems.extend([broken.note] if broken.note else [])
    title = meta.title or (feed_entry.title if feed_entry else None)
    language = meta.language or detect_language(raw_text)
    context = TextContext(title, language, rules, meta.headlines, meta.description)
    lines, text_removals = run_text_cleaners(text_cleaners, raw_text.split("\n"), context)
    if not lines:
        problems.append("no-text")
    if not title:
        problems.append("no-title")
    credit_lines = [credit_text(r.text) for r in text_removals if r.cleaner == "agency-credit"]
    notes = [r.text for r in text_removals if r.cleaner == "syndication"]
    version = f"{cleaner_version()}.rules-{rules.digest}" if rules else cleaner_version()
    return Article(
        url=url,
        final_url=final_url,
        canonical_url=meta.canonical_url,
        title=title,
        text="\n".join(lines),
        authors=_authors(meta, text_removals, feed_entry, language),
        published=published,
        published_raw=published_raw,
        language=language,
        description=meta.description or (feed_entry.summary if feed_entry else None),
        image=meta.image,
        tags=tuple(dict.fromkeys([*meta.tags, *(feed_entry.tags if feed_entry else ())])),
        site_name=meta.site_name,
        credit="; ".join([*credit_lines, *notes]) or None,
        syndicated_from=next(filter(None, (syndication_source(note, language) for note in notes)), None),
        feed_entry=feed_entry,
        cleaner_version=version,
        problems=tuple(problems),
        removals=(*html_removals, *text_removals),
    )
