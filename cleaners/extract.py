"""The main-text extraction step: trafilatura over an already-parsed tree, checked against the page's prose.

trafilatura's fast mode (its own extractor only) runs first: it scores best
and costs least on most pages. Its result is then held against the page's
prose (`cleaners.prose`) and its JSON-LD ``articleBody``: when it is short,
reads like a menu, or holds little of the prose the page has, second
opinions are asked for and the best one wins (`cleaners.candidates`), so
that a page whose lede alone came out, or whose article stands in a box the
fast mode passes over, still gives its article. When the fast text holds
little of the body's text, trafilatura's recall mode is asked too: where it
holds the fast text and adds a fifth or more to it (the sections, lists and
tables of the article that the fast mode read as teasers or furniture), it
is the text the rest is judged from. Which way the text came, and why, is
returned with it.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree
from lxml.html import HtmlElement
from trafilatura.baseline import basic_cleaning
from trafilatura.core import bare_extraction
from trafilatura.external import try_justext
from trafilatura.settings import Document

from cleaners.candidates import MENU_PROSE, MIN_PROSE, SHORT_TEXT, Candidate, adds_to, better, joined, prose_share
from cleaners.fast_tree import uncopied, without_backup
from cleaners.html_page import visible_text_length
from cleaners.hydration import hydrated_text, page_scripts
from cleaners.masked import masked_boxes, names_set_aside
from cleaners.prose import ARTICLE_SHARE, PageProse, names_article_body, squeeze
from cleaners.word_spacing import spaced
from cleaners.xpath_guards import trafilatura_guarded

LOW_COVERAGE = 0.3
"""A fast result that holds less than this share of the page's prose is checked against second opinions."""
ENOUGH = 0.7
"""A second opinion that holds this share of the page's prose ends the search."""
_INERT = ("aside", "footer", "fencedframe", "style", "svg", "script")
"""What every one of trafilatura's paths deletes, with its text, before it reads any (its tree cleaning, and
the basic cleaning of its page measure, its baseline and its jusText fallback): asides, footers, styles,
SVG, and scripts but the JSON-LD ones, which its baseline and forum check read first. A quarter of a news
page's elements, which trafilatura would otherwise walk in a dozen passes over the raw tree and copy three
or four times before deleting them."""
_HEAD_DATA = ("meta", "link", "title", "base")
"""The head's data elements, which no path of trafilatura's reads (its tree cleaning deletes the head, its
jusText fallback kills it, its baseline and page measure read the body and the JSON-LD scripts) and which
newsrake reads with the metadata, before the extraction: some fifty elements of a news page."""
_JSON_LD = "application/ld+json"
_BOXES = frozenset({"aside", "footer", "header", "nav", "menu", "button", "label"})
"""Boxes that may hold the article (markup that wraps it in one, or an unclosed tag that swallows the rest
of the page as the parser reads it): read as plain blocks when they do."""
_LIST = ("ul", "ol", "menu")
_TABLE_PARTS = ("tr", "thead", "tbody", "tfoot")
_TABLE = (*_TABLE_PARTS, "table")
_GROUPS = {"li": _LIST, "td": _TABLE, "th": _TABLE}
"""A list item or table cell that holds the article (`ARTICLE_SHARE` of the page's prose, in `ITEM_PARAGRAPHS`
paragraphs or more) is no item or cell: it, and the list or table it stands in, are read as plain blocks. A
list or table whose items each hold a little of the prose is left as it is: that is an article's list or
table."""
ITEM_PARAGRAPHS = 3
"""Paragraphs of article length (`cleaners.prose.LONG_PARAGRAPH`) in one list item or table cell that make it a
box the article stands in (one long paragraph in a list item is an item)."""
_GROUP_ROOTS = frozenset({*_LIST, "table"})
BOX_SHARE = 0.8
"""The box the article stands in holds this share of the page's prose."""
WIDER_BODY = 0.6
"""A fast text holding less than this share of the characters of the page's body..."""
WIDER_PROSE = 0.9
"""...and less than this share of its prose may have left parts of the article out (its lists, tables, or
sections in boxes of their own): trafilatura's recall mode is asked too."""
_PLAIN_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6"})
"""The blocks trafilatura's fast mode reads as its recall mode does (outside lists, tables and teaser boxes)."""
_LISTS_AND_TABLES = frozenset({"ul", "ol", "li", "dl", "dt", "dd", "table", "tr", "td", "th"})
_KEPT_BECAUSE = {"recall": "more-text", "unmasked": "discarded-box", "article-chunks": "split-article"}
CHUNK_LEVELS = 3
"""How far above one of its paragraphs a box of the article's body may stand: the paragraph's parent, its
grandparent or its great-grandparent."""


@dataclass(frozen=True)
class Extraction:
    """The main text of a page and the way it was found."""

    text: str
    """The main text, one block a line."""
    path: str
    """The extraction that gave it: ``fast`` (trafilatura's fast mode, the usual way), ``recall`` (its recall
    mode, which held the fast text and more), ``unmasked`` (its fast mode, with the boxes of the article that
    it deletes for their names set aside: `cleaners.masked`), ``json-ld`` (the page's JSON-LD
    ``articleBody``), ``prose-box`` (trafilatura's full mode over the box holding most of the page's prose),
    ``article-element`` (the same over its ``<article>`` or ``[itemprop=articleBody]`` box), ``full`` (its
    full mode over the page, with its readability and jusText fallbacks), ``box-paragraphs`` (jusText's
    paragraphs of the prose box, the last resort), ``article-chunks`` (the article's
    body in several boxes of one kind, each read and their texts joined) or ``hydration-<kind>``;
    ``<path>+fast`` (or ``+recall``) when that text (a lede apart) was joined to it."""
    reason: str | None = None
    """Why the fast mode's text was not kept (``more-text``: the recall text held it and more;
    ``discarded-box``: trafilatura deleted a box of the article for its name; ``split-article``: the boxes of
    the article's body held more than the first of them; ``short``, ``low-coverage``, ``menu-like``,
    ``no-prose-in-body``, or ``more-prose``: the JSON-LD body holds more of the page's prose), or None when
    it was."""
    found: frozenset[int] | None = None
    """Indices, in the page's prose, of the paragraphs the text holds (None when it was not read from the
    page's body: the hydration data)."""

    @property
    def note(self) -> str | None:
        """The decision as a ``problems`` entry (``text-from:full(low-coverage)``), or None for the usual way."""
        return None if self.path == "fast" else f"text-from:{self.path}({self.reason})"


def _extract(tree: HtmlElement, url: str | None, *, fast: bool, recall: bool = False) -> str:
    return _read(tree if fast else spaced(tree), url, fast=fast, recall=recall)  # the full mode: words kept apart


def _read(page: HtmlElement, url: str | None, *, fast: bool, recall: bool = False) -> str:
    """trafilatura's text of ``page`` as it stands: the page's own tree, or a page made for trafilatura alone,
    which it prunes itself (`uncopied`)."""
    with trafilatura_guarded().in_place(), without_backup(), uncopied(page):  # fewer calls and copies
        doc = bare_extraction(
            page, url=url, fast=fast, favor_recall=recall, include_comments=False, with_metadata=False
        )
    return (doc.text or "").strip() if isinstance(doc, Document) else ""


def drop_inert(tree: HtmlElement) -> None:
    """Drop from ``tree`` what trafilatura would delete unread (`_INERT`, and the head's `_HEAD_DATA`), keeping
    the text after each, in one pass of lxml's (the JSON-LD scripts are set aside under another name
    meanwhile)."""
    kept = [script for script in tree.iter("script") if script.get("type") == _JSON_LD]
    for script in kept:
        script.tag = "newsrake-json-ld"
    etree.strip_elements(tree, *_INERT, with_tail=False)
    for script in kept:
        script.tag = "script"
    head = tree.find("head")
    if head is not None:
        etree.strip_elements(head, *_HEAD_DATA, with_tail=False)


def unbox_article(tree: HtmlElement, prose: PageProse) -> None:
    """Make plain blocks of the boxes (`_BOXES`) and of the list items and table cells (`_GROUPS`) that hold
    `ARTICLE_SHARE` of the page's ``prose`` or more, so that neither `drop_inert` nor trafilatura deletes
    them or reads the article in them as one item: as the parser reads markup that leaves a menu's item, a
    button or a layout table's cell open, the rest of the page, article and all, stands in it, and came out
    as one line."""
    holders = prose.holders(ARTICLE_SHARE)
    boxes = [node for node in holders if node.tag in _BOXES]
    items = [node for node in holders if node.tag in _GROUPS and prose.long_paragraphs(node) >= ITEM_PARAGRAPHS]
    for node in boxes:
        node.tag = "div"
    for item in items:
        _unbox_group(item, _GROUPS[item.tag])


def _unbox_group(item: HtmlElement, group: tuple[str, ...]) -> None:
    """``item`` (a list item or table cell) and its ancestors up to its list or table, read as plain blocks,
    and so are the other items of that list, or the other rows and cells of that table (not those of a list
    or table inside it, which the article may hold)."""
    node = item
    while True:
        tag = node.tag
        node.tag = "div"
        if tag in _GROUP_ROOTS:
            _plain_structure(node, tag)
            return
        parent = node.getparent()
        if parent is None or parent.tag not in group:
            return
        node = parent


def _plain_structure(root: HtmlElement, tag: str) -> None:
    """The items of list ``root``, or the rows and cells of table ``root``, as plain blocks (``tag``: what
    ``root`` was)."""
    if tag != "table":
        for child in root:
            if child.tag == "li":
                child.tag = "div"
        return
    for node in root.iterdescendants(*_TABLE_PARTS, "td", "th"):
        if not _inside_table(node, root):
            node.tag = "div"


def _inside_table(node: HtmlElement, root: HtmlElement) -> bool:
    """Whether ``node`` stands in a table inside ``root`` (a table of the article's)."""
    for ancestor in node.iterancestors():
        if ancestor is root:
            return False
        if ancestor.tag == "table":
            return True
    return False


def _wider(tree: HtmlElement, url: str | None, fast: Candidate, prose: PageProse) -> str | None:
    """trafilatura's recall-mode text of the page, when the fast text misses part of the body's text and of
    its prose (`WIDER_BODY`, `WIDER_PROSE`) and the recall text holds the fast text and adds to it
    (`cleaners.candidates.adds_to`).

    Not asked when the fast text holds less than `LOW_COVERAGE` of a page's prose: recall mode reads more of
    the part of the page that the fast mode chose, and that part is then not the article (or only its
    lede); the second opinions, which look for the article's box, are asked instead. (On the 39 such pages
    of the two benchmarks, the recall text added no word to the fast one.) Nor when every paragraph the
    fast text misses is one recall mode reads as the fast mode does (`_read_by_recall`): a ``<p>`` or a
    heading outside lists, tables and teaser boxes (on the 33 such pages of the two benchmarks, the recall
    text was never taken)."""
    share = prose.share_of(fast.found)
    if not fast.text or share >= WIDER_PROSE or (prose.total >= MIN_PROSE and share < LOW_COVERAGE):
        return None
    if len(squeeze(fast.text)) >= WIDER_BODY * visible_text_length(tree, spaces=False):
        return None
    if not any(_read_by_recall(block.node) for i, block in enumerate(prose.blocks) if i not in fast.found):
        return None
    wider = _extract(tree, url, fast=True, recall=True)
    return wider if adds_to(wider, fast.text) else None


def _read_by_recall(node: HtmlElement) -> bool:
    """Whether a paragraph may be one that trafilatura's recall mode reads and its fast mode does not: one
    that is not a ``<p>`` or a heading (text standing in a ``<div>``, a list item, a quotation...), or that
    stands in a list, a table or a box named a teaser. (Recall mode differs from the fast mode in those
    alone: it reads lists, also in table cells, and text in ``<div>`` elements or between line breaks, and
    keeps teaser boxes.)"""
    if node.tag not in _PLAIN_BLOCKS:
        return True
    for element in (node, *node.iterancestors()):
        if element.tag in _LISTS_AND_TABLES:
            return True
        if "teaser" in f"{element.get('class')} {element.get('id')}".lower():
            return True
    return False


def _unmasked(tree: HtmlElement, url: str | None, fast: Candidate, prose: PageProse) -> Candidate:
    """The fast mode's text of the page with its boxes that trafilatura deletes for their names set aside
    (`cleaners.masked`), when there are such boxes and it holds more of the page's prose than ``fast``
    (`cleaners.candidates.better`); else ``fast``. A page builder's name for the box of the article ("w-embed",
    "ck-widget") costs the article its paragraphs in every mode of trafilatura's."""
    boxes = masked_boxes(tree, prose, fast.found)
    if not boxes:
        return fast
    with names_set_aside(boxes):
        unmasked = Candidate.of("unmasked", _extract(tree, url, fast=True), prose)
    return unmasked if better(unmasked, fast, prose) else fast


def _fast_reason(fast: Candidate, prose: PageProse) -> str | None:
    """Why a fast result needs second opinions, or None: that it is short; on a page with prose enough to
    judge by, that it holds little of it; on another, that it reads like a menu."""
    if len(fast.text) < SHORT_TEXT:
        return "short"
    if prose.total >= MIN_PROSE:
        return "low-coverage" if prose.share_of(fast.found) < LOW_COVERAGE else None
    return "menu-like" if prose_share(fast.text) < MENU_PROSE else None


def _article_box(tree: HtmlElement, prose: PageProse) -> HtmlElement | None:
    """The ``[itemprop=articleBody]`` or ``<article>`` element that holds most of the page's prose, if any."""
    boxes = tree.xpath("//*[@itemprop='articleBody'] | //article")
    best = max(boxes, key=prose.share_held, default=None)
    return best if best is not None and prose.share_held(best) > 0 else None


def _prose_box(prose: PageProse) -> HtmlElement | None:
    """The deepest element below ``<body>`` that holds `BOX_SHARE` of the page's prose, if any: the box the
    article stands in, whatever its markup calls it."""
    deepest, depth = None, 0
    for node in prose.holders(BOX_SHARE):
        levels = sum(1 for _ in node.iterancestors())
        if levels > depth and node.tag not in ("html", "body"):
            deepest, depth = node, levels
    return deepest


def _box_page(box: HtmlElement, *, full: bool) -> HtmlElement:
    """A page that holds a copy of ``box`` alone; for the full mode, with its words kept apart (`spaced`)."""
    page = box.makeelement("html", {})  # an element of the page's parser: trafilatura takes HtmlElements only
    inner = spaced(box) if full else copy.deepcopy(box)
    inner.tail = None
    etree.SubElement(page, "body").append(inner)
    return page


def _box_text(box: HtmlElement, url: str | None, *, fast: bool = False) -> str:
    """trafilatura's full mode (or its fast mode) over a page that holds ``box`` alone."""
    return _read(_box_page(box, full=not fast), url, fast=fast)


def _box_paragraphs(box: HtmlElement, url: str | None) -> str:
    """jusText's paragraphs (one a line) of a page that holds ``box`` alone: what trafilatura's full mode falls
    back on when its own reading of a page is short, asked for directly, whatever the length of that reading."""
    found = try_justext(basic_cleaning(_box_page(box, full=True)), url or "", None)
    return "\n".join(text for p in found if (text := " ".join((p.text or "").split())))


def _body_kind(element: HtmlElement) -> tuple[str, str, str] | None:
    """``(tag, attribute, value)`` of a box that names itself the article's body
    (`cleaners.prose.names_article_body`), or None."""
    if not names_article_body(element):
        return None
    if element.get("itemprop") == "articleBody":
        return (element.tag, "itemprop", "articleBody")
    return (element.tag, "class", element.get("class") or "")


def _article_of(node: HtmlElement) -> HtmlElement | None:
    return next(node.iterancestors("article"), None)


def article_chunks(tree: HtmlElement, fast: Candidate, prose: PageProse) -> list[HtmlElement]:
    """The boxes an article's body is split into, when the fast text read only some of them: two boxes or
    more of the kind that holds the fast text's paragraphs (one that names itself the article's body), in
    the same ``<article>`` (or none), one of which holds a paragraph the fast text misses. trafilatura reads
    the first box of the article's body it finds and stops: a page that cuts its article into chunks
    between advertisements loses all but the first. Boxes of the kind in other ``<article>`` elements are
    teasers of other stories."""
    kinds = set()
    for i in fast.found:
        for level, element in enumerate(prose.blocks[i].node.iterancestors()):
            if level >= CHUNK_LEVELS:
                break
            if (kind := _body_kind(element)) is not None:
                kinds.add(kind)
                break
    if len(kinds) != 1:
        return []
    tag, attribute, value = kinds.pop()
    home = _article_of(prose.blocks[min(fast.found)].node)
    boxes = [box for box in tree.iter(tag) if box.get(attribute) == value and _article_of(box) is home]
    outer = set(boxes)
    boxes = [box for box in boxes if not any(ancestor in outer for ancestor in box.iterancestors())]
    chosen = set(boxes)
    missing = (block.node for i, block in enumerate(prose.blocks) if i not in fast.found)
    if len(boxes) < 2 or not any(any(a in chosen for a in node.iterancestors()) for node in missing):
        return []
    return boxes


def _chunks_text(boxes: list[HtmlElement], url: str | None) -> str:
    """The texts of the boxes, each read by trafilatura's fast mode, in page order."""
    return "\n".join(text for text in (_box_text(box, url, fast=True) for box in boxes) if text)


def extract_main_text(
    tree: HtmlElement, url: str | None, prose: PageProse, article_body: str | None = None
) -> Extraction:
    """The main text of a page, comments excluded. ``prose`` is the page's prose as it stands after the HTML
    cleaners, ``article_body`` the text of its JSON-LD ``articleBody`` if it gives one.

    A page whose body holds little prose may carry its article in a JavaScript framework's hydration data
    (`cleaners.hydration`): when that holds more text than the page's body gives, it is the article. The
    JSON-LD ``articleBody`` (the page's own statement of its article, free to read) is always heard; the
    other second opinions (`_second_opinions`) only when the fast text is short or holds little prose. When
    none of them holds `LOW_COVERAGE` of the prose either, jusText's paragraphs of the box that holds most of
    it are the last resort (`_box_paragraphs`): trafilatura's full mode asks jusText itself only when its own
    reading is under 3,000 characters, so that an article whose first part it reads and whose sections stand
    in collapsed panels lost those sections once the part it read grew past that length.

    ``tree`` loses what trafilatura would delete unread (`drop_inert`), and the boxes trafilatura prunes before it
    reads a page (comments, articles loaded as the reader scrolls: `cleaners.fast_tree.uncopied`): read what
    else is needed from it first. trafilatura cleans copies of the tree, so ``tree`` is otherwise left as it
    was; its metadata extraction is not used (newsrake reads metadata itself, at a fraction of the cost).
    """
    scripts = page_scripts(tree) if prose.total < MIN_PROSE else []  # before drop_inert deletes them
    drop_inert(tree)
    fast = Candidate.of("fast", _extract(tree, url, fast=True), prose)
    hydrated = hydrated_text(scripts) if scripts else None
    if hydrated is not None and len(hydrated.text) > len(fast.text):
        return Extraction(hydrated.text, f"hydration-{hydrated.source}", "no-prose-in-body")
    wider = _wider(tree, url, fast, prose)
    if wider is not None:
        fast = Candidate.of("recall", wider, prose)
    if prose.total >= MIN_PROSE and prose.share_of(fast.found) < WIDER_PROSE:  # part of the article missed
        fast = _unmasked(tree, url, fast, prose)
        if LOW_COVERAGE <= prose.share_of(fast.found) < WIDER_PROSE and (boxes := article_chunks(tree, fast, prose)):
            chunks = Candidate.of("article-chunks", _chunks_text(boxes, url), prose)
            fast = chunks if better(chunks, fast, prose) else fast
    best = fast
    if article_body:  # the page's own statement of its article, read with the metadata: always heard
        declared = Candidate.of("json-ld", article_body, prose)
        if better(declared, fast, prose):
            best = joined(declared, fast, prose)
    kept = _KEPT_BECAUSE.get(fast.name)  # why the first text is not the fast one
    reason = _fast_reason(fast, prose)
    if reason is None or (best is not fast and prose.share_of(best.found) >= ENOUGH):
        return Extraction(best.text, best.name, kept if best is fast else reason or "more-prose", best.found)
    box = _prose_box(prose)
    for name, make in _second_opinions(tree, url, prose, box):
        candidate = Candidate.of(name, make(), prose)
        if better(candidate, best, prose):
            best = joined(candidate, best, prose)
            if prose.total >= MIN_PROSE and prose.share_of(best.found) >= ENOUGH:
                break
    if box is not None and prose.total >= MIN_PROSE and prose.share_of(best.found) < LOW_COVERAGE:
        paragraphs = Candidate.of("box-paragraphs", _box_paragraphs(box, url), prose)  # the last resort
        best = joined(paragraphs, best, prose) if better(paragraphs, best, prose) else best
    return Extraction(best.text, best.name, kept if best is fast else reason, best.found)


def _second_opinions(
    tree: HtmlElement, url: str | None, prose: PageProse, box: HtmlElement | None
) -> list[tuple[str, Callable[[], str]]]:
    """The second opinions on a page's text, cheapest first: trafilatura's full mode over ``box``, the box that
    holds most of the page's prose (`_prose_box`), and over its ``<article>`` box (a part of the page); its full
    mode over the whole page."""
    found: list[tuple[str, Callable[[], str]]] = []
    article = _article_box(tree, prose)
    if box is not None:
        found.append(("prose-box", functools.partial(_box_text, box, url)))
    if article is not None and article is not box:
        found.append(("article-element", functools.partial(_box_text, article, url)))
    found.append(("full", lambda: _extract(tree, url, fast=False)))
    return found
