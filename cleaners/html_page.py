"""`HtmlPage`: the parsed page as the HTML cleaners see it, with shared measurements made once."""

from __future__ import annotations

import functools
import re

from lxml import etree
from lxml.html import HtmlElement

from cleaners.prose import ARTICLE_SHARE, PageProse
from cleaners.rules import html_families, html_setting

_BODY_TEXT_LENGTH = etree.XPath("string-length(normalize-space(//body))")
_TEXT_LENGTH = etree.XPath("string-length(normalize-space(.))")
_HAS_H1 = etree.XPath("boolean(.//h1)")
_ALL_TEXT_LENGTH = etree.XPath("string-length(normalize-space(/))")
_BODY_CHARS = etree.XPath("string-length(translate(normalize-space(//body), ' ', ''))")
_ALL_CHARS = etree.XPath("string-length(translate(normalize-space(/), ' ', ''))")


@functools.cache
def _class_word_index() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """Regexes for the single and the compound class words of every family, and word -> family."""
    family_of: dict[str, str] = {}
    for name, family in html_families().items():
        for word in family.get("class_words", []):
            family_of.setdefault(word.replace("-", ""), name)
    words = sorted({w for f in html_families().values() for w in f.get("class_words", [])}, key=len, reverse=True)
    single = "|".join(re.escape(w) for w in words if "-" not in w) or "(?!)"
    compound = "|".join(re.escape(w).replace(chr(92) + "-", "[-_]?") for w in words if "-" in w) or "(?!)"
    # A single word may be part of a class token ("c-share-bar" holds "share"); a compound word
    # ("read-more") must be the whole token, so that "entry-content-read-more" does not match.
    return (
        re.compile(rf"(?<![A-Za-z0-9])({single})(?![A-Za-z0-9])"),
        re.compile(rf"(?<!\S)({compound})(?!\S)"),
        family_of,
    )


SLUG_WORDS = 6
"""An id that joins this many words or more (of letters only) with "-" or "_" is an anchor made from a
heading's text ("what-share-of-readers-pay-for-news"), not the name of a page component ("share-bar",
"div-gpt-ad-1527427566488-0"): its words are no class words."""
_ID_WORDS = re.compile(r"(?:^|[-_])[A-Za-z]{2,}(?=[-_]|$)")


def _component_id(value: str | None) -> str | None:
    """An element's id, unless it is a heading's anchor (`SLUG_WORDS`)."""
    return None if value is None or len(_ID_WORDS.findall(value)) >= SLUG_WORDS else value


def visible_text_length(tree: HtmlElement, *, spaces: bool = True) -> int:
    """Characters of a page's visible text: its body's (the whole tree's if it has none), whitespace collapsed
    (``spaces``) or left out."""
    if spaces:
        return int(_BODY_TEXT_LENGTH(tree)) or int(_ALL_TEXT_LENGTH(tree))
    return int(_BODY_CHARS(tree)) or int(_ALL_CHARS(tree))


class HtmlPage:
    """A parsed page and what several HTML cleaners need from it, computed on first use."""

    def __init__(self, tree: HtmlElement, prose: PageProse) -> None:
        self.tree = tree
        self.prose = prose
        """The page's paragraphs, found before any node was dropped."""

    @functools.cached_property
    def text_length(self) -> int:
        """Characters of the page's visible text (whitespace collapsed), at least 1."""
        return max(visible_text_length(self.tree), 1)

    def holds_article(self, node: HtmlElement) -> bool:
        """Whether ``node`` may hold the article, so that no cleaner may drop it: the page's root or body, a
        node that holds the ``<h1>``, `ARTICLE_SHARE` of the page's prose or two paragraphs of article length
        (whatever the tags of either), or more than ``max_text_share`` of the page's text."""
        if not isinstance(node.tag, str) or node.tag in ("html", "body"):
            return True
        if self.prose.share_held(node) >= ARTICLE_SHARE or self.prose.long_paragraphs(node) >= 2:
            return True
        return bool(_HAS_H1(node)) or _TEXT_LENGTH(node) > self._text_limit

    @functools.cached_property
    def _text_limit(self) -> float:
        return float(html_setting("max_text_share")) * self.text_length

    @functools.cached_property
    def class_families(self) -> dict[str, list[HtmlElement]]:
        """``{family: nodes}``: the nodes whose class or id holds one of the family's class words.

        Class words are matched as written (lower case), as nearly every page writes them. (A walk over the
        elements costs less than an XPath search of their attributes, whose every result brings its element
        along.) A page repeats its class names from element to element: each distinct value is read once.
        """
        classes: dict[str | None, str | None] = {None: None}
        ids: dict[str | None, str | None] = {None: None}
        found: dict[str, list[HtmlElement]] = {}
        for node in self.tree.iter(etree.Element):
            value = node.get("class")
            family = classes[value] if value in classes else classes.setdefault(value, _family_of(value))
            if family is not None:
                found.setdefault(family, []).append(node)
            value = node.get("id")
            named = ids[value] if value in ids else ids.setdefault(value, _id_family(value))
            if named is not None and named != family:
                found.setdefault(named, []).append(node)
        return found


def _family_of(value: str) -> str | None:
    """The family whose class word a class (or id) value holds first, if any."""
    single, compound, family_of = _class_word_index()
    match = single.search(value) or compound.search(value)
    return family_of[match.group(1).replace("-", "").replace("_", "")] if match else None


def _id_family(value: str) -> str | None:
    """`_family_of` an id, unless it is a heading's anchor (`SLUG_WORDS`)."""
    return None if _component_id(value) is None else _family_of(value)
