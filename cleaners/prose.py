"""The page's prose: the paragraphs of running text it holds, found once, before any cleaner runs.

A paragraph here is not a tag: it is a block of the page (the nearest
element above its text that is not an inline one) whose own text holds at
least `MIN_BLOCK_CHARS` characters in runs of `MIN_RUN_CHARS` or more and
ends a sentence somewhere. Menus, buttons and link lists rarely do; article
paragraphs, in every language and whatever their markup, do.

Two things are measured with it, both as shares of the page's prose, so that
a long article and a short one are judged alike:

- how much of it a node holds, which the HTML cleaners' guard reads (a node
  that holds a large share is the article, whatever its class says);
- how much of it an extracted text holds, which tells whether an extraction
  found the article or only a part of it.

Prose in comment threads is left out of both: it is never article text. So is
prose in menus, sidebars and ``<nav>`` (teasers of other stories), unless
such a box holds the page's ``<h1>`` or its article's box: then it is a
layout around the main box, and it is read as prose like the rest.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree
from lxml.html import HtmlElement

from cleaners.xpath_guards import EXSLT_REGEXP, guarded_path

MIN_RUN_CHARS = 30
"""A run of text (one text node) shorter than this is not read: link labels, captions of buttons, dates."""
MIN_BLOCK_CHARS = 60
"""A block whose runs hold fewer characters than this is not a paragraph."""
ARTICLE_SHARE = 0.3
"""A node that holds this share of the page's prose or more holds (part of) the article: no HTML cleaner
drops it, and an aside or footer that does is read as a plain block."""
LONG_PARAGRAPH = 150
"""Characters of a paragraph of article length: two of them in a node make it part of an article."""
PROBE_CHARS = 48
"""Characters of a block's longest run (whitespace removed) looked for in an extracted text."""

_RUNS = etree.XPath(f"//body//text()[string-length() >= {MIN_RUN_CHARS}]")
_INLINE = frozenset(
    "a abbr b bdi bdo big cite code data del dfn em font i ins kbd mark q s samp small span strike strong sub "  # noqa: SIM905
    "sup time tt u var".split()
)
_NOT_PROSE = frozenset("script style noscript template textarea select option button title head svg math".split())  # noqa: SIM905
_SENTENCE_END = re.compile(r"[.!?…。！？](?:[\"'”’»)\]]|\s|$)")
_FINISHED = re.compile(r"[.!?:;。！？」』\"'”’»)\]]$")
_COMMENT_TOKEN = re.compile(
    r"(?:(?:article|blog|entry|post|page|story|reader|user|wpd|wp)[-_])?comments?"
    r"(?:[-_]?(?:list|body|content|text|area|section|thread|wrap|wrapper|container|holder))?"
    r"|disqus[-_]thread"
)
"""A class or id token that names a comment thread or one comment ("comments-area", "comment_body");
not "has-comments" or "comment-count", which mark an article or a link."""
_SIDE_TOKEN = re.compile(
    r"(?:(?!has|with|no|show|hide|open|is)[a-z0-9]+[-_])*"
    r"(?:sidebar|navbar|navigation|nav|menu|megamenu|breadcrumbs?)(?:[-_][a-z0-9]+)*"
)
"""A class or id token of the page's furniture: sidebars, menus, navigation ("main-nav",
"sidebar-right"); not "has-sidebar", which marks a page that has one."""
_SIDE_WORDS = ("sidebar", "nav", "menu", "breadcrumb")
ARTICLE_BODY_CLASS = r"(?:article|story|entry|post)[-_]*(?:(?:body|content)(?:[-_]*text)?|text)(?![a-z])"
"""A class that names the box of the article's body ("article__body", "article-content", "entry-content",
"StoryBodyText"), matched regardless of case."""
_ARTICLE_BODY_CLASS = re.compile(ARTICLE_BODY_CLASS, re.IGNORECASE)
_NAMED_MAIN = etree.XPath(
    guarded_path(f"boolean(.//*[@itemprop='articleBody'] | .//*[re:test(@class, '{ARTICLE_BODY_CLASS}', 'i')])"),
    namespaces={"re": EXSLT_REGEXP},
)


def names_article_body(element: HtmlElement) -> bool:
    """Whether an element names itself the box of the article's body (`ARTICLE_BODY_CLASS`, or
    ``itemprop="articleBody"``)."""
    value = element.get("class")
    return element.get("itemprop") == "articleBody" or bool(value and _ARTICLE_BODY_CLASS.search(value))


def _holds_main(element: HtmlElement) -> bool:
    """Whether an element holds the page's main box: its <h1>, an <article>, or a box that names itself the
    article body (looked for only when neither of the first two is there: they are found at a fraction of
    the cost)."""
    return next(element.iterdescendants("h1", "article"), None) is not None or bool(_NAMED_MAIN(element))


def squeeze(text: str) -> str:
    """``text`` without whitespace, the form in which a block's text and an extraction are compared."""
    return "".join(text.split())


@dataclass(frozen=True)
class ProseBlock:
    """One paragraph of the page."""

    node: HtmlElement
    """The block element whose own text it is."""
    chars: int
    """Characters of its runs."""
    probe: str
    """A piece of its longest run, whitespace removed: found in an extracted text, the paragraph is there."""
    excerpt: bool = False
    """Its text stops with an ellipsis or in mid-sentence: a teaser of another page, not a paragraph."""


def block_of(run: etree._ElementUnicodeResult) -> HtmlElement | None:
    """The block element a text run belongs to: above the inline elements it stands in."""
    parent = run.getparent()
    node = parent if run.is_text else (parent.getparent() if parent is not None else None)
    while node is not None and node.tag in _INLINE:
        node = node.getparent()
    return node if node is not None and isinstance(node.tag, str) and node.tag not in _NOT_PROSE else None


def _named(element: HtmlElement) -> str | None:
    """``comments`` for a comment thread, ``side`` for a menu, a sidebar or a ``<nav>``, by its tag, class or id."""
    if element.tag == "nav":
        return "side"
    for value in (element.get("class"), element.get("id")):
        if not value:
            continue
        lowered = value.lower()
        if ("omment" in lowered or "disqus" in lowered) and any(
            _COMMENT_TOKEN.fullmatch(token) for token in lowered.split()
        ):
            return "comments"
        if any(word in lowered for word in _SIDE_WORDS) and any(
            _SIDE_TOKEN.fullmatch(token) for token in lowered.split()
        ):
            return "side"
    return None


def _placement(node: HtmlElement, placed: dict[HtmlElement, str | None]) -> str | None:
    """Where a block stands: in a comment thread, in the page's furniture (``side``), or (None) elsewhere.

    A "menu", "sidebar" or ``<nav>`` that holds the page's ``<h1>``, an ``<article>`` or a box named as the
    article's body ("article-body", "entry-content"...) is a layout around the page's main box ("grid
    content-sidebar"), whatever its markup calls it. ``placed`` keeps the verdict on every element walked,
    so that each is judged once per page."""
    walked: list[HtmlElement] = []
    element: HtmlElement | None = node
    verdict: str | None = None
    while element is not None:
        if element in placed:
            verdict = placed[element]
            break
        where = _named(element)
        if where is not None and not (where == "side" and _holds_main(element)):
            verdict = placed[element] = where
            break
        walked.append(element)
        element = element.getparent()
    for step in walked:
        placed[step] = verdict
    return verdict


def _probe(run: str) -> str:
    """The middle `PROBE_CHARS` of a run, without its whitespace."""
    flat = squeeze(run)
    middle = len(flat) // 2
    return flat[max(0, middle - PROBE_CHARS // 2) : middle + PROBE_CHARS // 2]


class PageProse:
    """The paragraphs of one page, and the measures taken with them."""

    def __init__(self, blocks: Iterable[ProseBlock]) -> None:
        self.blocks = tuple(blocks)
        self.total = sum(block.chars for block in self.blocks)
        """Characters of prose on the page (0 for a page with none)."""

    @classmethod
    def of(cls, tree: HtmlElement) -> PageProse:
        """Find the paragraphs of a page's tree (before anything is dropped from it)."""
        runs: dict[HtmlElement, list[str]] = {}
        for run in _RUNS(tree):
            node = block_of(run)
            if node is not None:
                text = run.strip()
                if len(text) >= MIN_RUN_CHARS:
                    runs.setdefault(node, []).append(text)
        blocks = []
        for node, texts in runs.items():
            chars = sum(len(text) for text in texts)
            if chars >= MIN_BLOCK_CHARS and any(_SENTENCE_END.search(text) for text in texts):
                last = texts[-1]
                excerpt = last.endswith(("…", "...")) or not _FINISHED.search(last)
                blocks.append(ProseBlock(node, chars, _probe(max(texts, key=len)), excerpt))
        placed: dict[HtmlElement, str | None] = {}
        return cls(block for block in blocks if _placement(block.node, placed) is None)

    @functools.cached_property
    def _tally(self) -> tuple[dict[HtmlElement, int], dict[HtmlElement, int]]:
        """Under each element that holds any prose (the tree as it was when found): its characters, and its
        paragraphs of `LONG_PARAGRAPH` characters or more."""
        held: dict[HtmlElement, int] = {}
        long: dict[HtmlElement, int] = {}
        for block in self.blocks:
            is_long = block.chars >= LONG_PARAGRAPH
            for element in (block.node, *block.node.iterancestors()):
                held[element] = held.get(element, 0) + block.chars
                if is_long:
                    long[element] = long.get(element, 0) + 1
        return held, long

    @property
    def _held(self) -> dict[HtmlElement, int]:
        return self._tally[0]

    def long_paragraphs(self, node: HtmlElement) -> int:
        """How many paragraphs of article length (`LONG_PARAGRAPH` characters or more) ``node`` holds."""
        return self._tally[1].get(node, 0)

    def share_held(self, node: HtmlElement) -> float:
        """The share of the page's prose that ``node`` holds (0 on a page with no prose)."""
        return self._held.get(node, 0) / self.total if self.total else 0.0

    def holders(self, share: float) -> list[HtmlElement]:
        """The elements that hold ``share`` of the page's prose or more (from the innermost block up)."""
        least = share * self.total
        return [node for node, chars in self._held.items() if chars >= least and chars > 0]

    def missed(self, share: float, found: Iterable[int], most: float) -> list[HtmlElement]:
        """The elements that hold ``share`` of the page's prose or more (`holders`), of whose prose the
        paragraphs of indices ``found`` hold less than the share ``most``."""
        got: dict[HtmlElement, int] = {}
        for block in (self.blocks[i] for i in found):
            for element in (block.node, *block.node.iterancestors()):
                got[element] = got.get(element, 0) + block.chars
        return [node for node in self.holders(share) if got.get(node, 0) < most * self._held[node]]

    def remaining(self, root: HtmlElement) -> PageProse:
        """The paragraphs still in the tree of ``root`` (those no cleaner dropped)."""
        attached: dict[HtmlElement, bool] = {root: True}
        return PageProse(block for block in self.blocks if _attached(block.node, attached))

    def share_of(self, found: Iterable[int]) -> float:
        """The share of the page's prose that the blocks of indices ``found`` hold (1 when there is none)."""
        return sum(self.blocks[i].chars for i in found) / self.total if self.total else 1.0

    def found_in(self, text: str) -> frozenset[int]:
        """The indices of the paragraphs ``text`` holds (a paragraph's probe is in it, whitespace aside)."""
        flat = squeeze(text)
        return frozenset(i for i, block in enumerate(self.blocks) if block.probe in flat)


def _attached(node: HtmlElement, attached: dict[HtmlElement, bool]) -> bool:
    """Whether ``node`` still hangs from the root that ``attached`` was started with (lxml's ``getroottree``
    still names the page's root for a node whose branch was dropped); every element walked is remembered."""
    walked: list[HtmlElement] = []
    element: HtmlElement | None = node
    while element is not None and element not in attached:
        walked.append(element)
        element = element.getparent()
    verdict = element is not None and attached[element]
    for step in walked:
        attached[step] = verdict
    return verdict
