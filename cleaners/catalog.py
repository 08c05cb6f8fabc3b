"""The registry's contents: every cleaner, in the order it runs, with its name and version.

Bump a cleaner's version when its behaviour changes; the names are what
the audit trail (`removals` table) records.
"""

from __future__ import annotations

from cleaners import bylines, note_model, syndication
from cleaners import html_cleaners as html
from cleaners import text_cleaners as text
from cleaners.registry import HtmlCleaner, TextCleaner

HTML_CLEANERS: tuple[HtmlCleaner, ...] = (
    HtmlCleaner("source-selectors", 1, html.source_selectors),
    HtmlCleaner("share-bars", 1, html.share_bars),
    HtmlCleaner("newsletter-promos", 1, html.newsletter_promos),
    HtmlCleaner("related-blocks", 1, html.related_blocks),
    HtmlCleaner("ad-slots", 1, html.ad_slots),
    HtmlCleaner("captions", 1, html.captions),
    HtmlCleaner("standfirsts", 1, html.standfirsts),
    HtmlCleaner("headline-furniture", 1, html.headline_furniture),
    HtmlCleaner("image-markup", 1, html.image_markup),
    HtmlCleaner("link-paragraphs", 1, html.link_paragraphs),
)
"""HTML-level cleaners, run on the parsed page before extraction."""

TEXT_CLEANERS: tuple[TextCleaner, ...] = (
    TextCleaner("source-lines", 2, text.source_lines),
    TextCleaner("repeated-text", 1, text.repeated_text, positional=True),
    TextCleaner("image-teasers", 1, text.image_teasers, positional=True),
    TextCleaner("image-lines", 2, text.image_lines),
    TextCleaner("empty-labels", 3, text.empty_labels),
    TextCleaner("timestamps", 11, text.timestamp_lines),
    TextCleaner("reading-times", 3, text.reading_times),
    TextCleaner("ad-markers", 4, text.ad_markers),
    TextCleaner("share-prompts", 2, text.share_prompts),
    TextCleaner("related-blocks", 1, text.related_blocks, positional=True),
    TextCleaner("related-lines", 2, text.related_lines, positional=True),
    TextCleaner("headline-tags", 2, text.headline_tags),
    TextCleaner("syndication", 22, syndication.syndication_notes),
    TextCleaner("comment-prompts", 16, text.comment_prompts),
    TextCleaner("affiliate-notes", 19, text.affiliate_notes),
    TextCleaner("promo-lines", 3, text.promo_lines),
    TextCleaner("cookie-notices", 2, text.cookie_notices),
    TextCleaner("contact-lines", 5, text.contact_lines),
    TextCleaner("copyright", 3, text.copyright_lines),
    TextCleaner("agency-credit", 4, text.agency_credits, positional=True),
    TextCleaner("byline", 8, bylines.bylines, positional=True),
    TextCleaner("datelines", 3, text.datelines, positional=True),
    TextCleaner("taxonomy", 2, text.taxonomy_lines),
    TextCleaner("title-repeat", 1, text.title_repeats, positional=True),
    TextCleaner("note-model", 4, note_model.model_notes, last_resort=True),
)
"""Text-level cleaners, run on the extracted lines in this order."""
