"""HTML-level cleaners: run on the parsed page before extraction, each returns the nodes to drop.

Each is a small pure function (it selects, the runner drops, unless the
node may hold the article: `HtmlPage.holds_article`). The class words and
tags of each family are data in `cleaners/rules/html.toml`.
"""

from __future__ import annotations

import functools

from lxml import etree
from lxml.html import HtmlElement

from cleaners.html_page import HtmlPage
from cleaners.prose import ARTICLE_SHARE
from cleaners.rules import SourceRules, html_families

_LINK_PARAGRAPHS = etree.XPath("//p[.//a[@href]]")
_IMAGE_MARKUP = etree.XPath("//picture | //img[@srcset] | //source[@srcset]")
_FIRST_H1 = etree.XPath("(//body//h1)[1]")
_HEADER_WORDS = frozenset({"header", "headline", "head", "hed", "heading", "title"})


@functools.cache
def _tag_xpath(name: str) -> etree.XPath | None:
    tags = html_families()[name].get("tags", [])
    return etree.XPath(" | ".join(f"//{tag}" for tag in tags)) if tags else None


def _family(name: str, page: HtmlPage) -> list[HtmlElement]:
    tags = _tag_xpath(name)
    return [*(tags(page.tree) if tags is not None else []), *page.class_families.get(name, [])]


def share_bars(page: HtmlPage, rules: SourceRules) -> list[HtmlElement]:
    """Share bars and social-link boxes."""
    return _family("share_bars", page)


def newsletter_promos(page: HtmlPage, rules: SourceRules) -> list[HtmlElement]:
    """Newsletter sign-up, subscription and app-download boxes."""
    return _family("newsletter_promos", page)


def related_blocks(page: HtmlPage, rules: SourceRules) -> list[HtmlElement]:
    """ "Related", "also read", "trending", "most read" and recommendation blocks."""
    return _family("related_blocks", page)


def ad_slots(page: HtmlPage, rules: SourceRules) -> list[HtmlElement]:
    """Advertisement slots and sponsored boxes."""
    return _family("ads", page)


def captions(page: HtmlPage, rules: SourceRules) -> list[HtmlElement]:
    """Figure captions and photo credits."""
    return _family("captions", page)


def standfirsts(page: HtmlPage, rules: SourceRules) -> list[HtmlElement]:
    """The standfirst (dek, subtitle) under the headline."""
    return _family("standfirsts", page)


def _headline_group(page: HtmlPage, h1: HtmlElement) -> HtmlElement | None:
    """The page header the headline stands in: a <header> or a "...header"/"...headline" box, 3 levels up at most."""
    for depth, ancestor in enumerate(h1.iterancestors()):
        if depth >= 3 or ancestor.tag in ("html", "body"):
            return None
        words = {
            w
            for v in (ancestor.get("class"), ancestor.get("id"))
            for w in (v or "").lower().replace("_", "-").replace("-", " ").split()
        }
        if ancestor.tag == "header" or words & _HEADER_WORDS:
            return None if page.prose.share_held(ancestor) >= ARTICLE_SHARE else ancestor
    return None


def headline_furniture(page: HtmlPage, rules: SourceRules) -> list[HtmlElement]:
    """What stands after the headline in the page header: the dek, subtitle, byline and date boxes."""
    found = _FIRST_H1(page.tree)
    group = _headline_group(page, found[0]) if found else None
    if group is None:
        return []
    h1 = found[0]
    after = False
    chosen = []
    for node in group.iter("h2", "h3", "h4", "p", "h1"):
        if node is h1:
            after = True
        elif after and node.tag != "h1" and len(node.text_content().split()) <= 60:
            chosen.append(node)
    return chosen


def image_markup(page: HtmlPage, rules: SourceRules) -> list[HtmlElement]:
    """Responsive image markup (``<picture>``, ``srcset``) that a text dump would turn into URL lists."""
    return list(_IMAGE_MARKUP(page.tree))


def link_paragraphs(page: HtmlPage, rules: SourceRules) -> list[HtmlElement]:
    """Paragraphs that are nothing but one link of four or more words: a headline of another story."""
    found = []
    for paragraph in _LINK_PARAGRAPHS(page.tree):
        links = paragraph.findall(".//a")
        if len(links) != 1 or (links[0].get("href") or "#").startswith("#"):
            continue
        text = " ".join(paragraph.text_content().split())
        if len(text.split()) >= 4 and text == " ".join(links[0].text_content().split()):
            found.append(paragraph)
    return found


def source_selectors(page: HtmlPage, rules: SourceRules) -> list[HtmlElement]:
    """Nodes matching the source's own ``drop_selectors`` (per-source rules in seeds)."""
    selector = rules.compiled_selectors()
    return [n for n in selector(page.tree) if isinstance(n, HtmlElement)] if selector is not None else []
