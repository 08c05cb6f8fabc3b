"""What trafilatura's reader of loose paragraphs leaves out between an article's paragraphs: headings and lists.

When trafilatura finds no box it knows for the article, it reads the page's
loose paragraphs instead (its recovery of "wild" text), and in its fast mode
that reader takes paragraphs, quotations, code and tables, but no heading and
no list: the article comes out whole, without its section headings and its
bulleted points. A text that holds none of the headings (or none of the
items of the lists) of the part of the page it came from (the innermost
element that holds its paragraphs) came that way for them, or from a page
without any.

Each section heading of that part (``<h2>`` to ``<h6>``, of at most
`MAX_HEADING_WORDS` words), and each list (``<ul>``, ``<ol>``) that is not a
gallery or a set of cards (it holds no image and no heading) nor a list of
other pages (its items are links and nothing else), that stands between two
paragraphs of the text (the paragraph before it on the page and the one
after it are both in the text, in that order) is then put back before the
paragraph after it, or before the lines between the two that follow it on
the page: a heading on a line of its own, a list as ``- `` lines, as
trafilatura writes them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from lxml.html import HtmlElement

from cleaners.headings import shown_text
from cleaners.prose import PageProse, squeeze

SECTION_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
MAX_HEADING_WORDS = 25
"""A heading longer than this is not a section's heading (a paragraph marked up as one)."""
_CARDS = ("img", "picture", "figure", "svg", "video", "iframe", *SECTION_HEADINGS)
"""What a list of cards (a gallery, teasers of other pages, products) holds and a list of points does not."""
_NOT_WORD = re.compile(r"\W+")
_ITEM = "- "
"""How trafilatura writes a list's item, and how one is put back."""


@dataclass(frozen=True)
class Restored:
    """A text with what was put back in it."""

    text: str
    headings: int = 0
    """Headings put back."""
    lists: int = 0
    """Lists put back."""

    @property
    def notes(self) -> list[str]:
        """The ``problems`` entries that say so (``headings-restored:3``, ``lists-restored:1``)."""
        counts = (("headings", self.headings), ("lists", self.lists))
        return [f"{kind}-restored:{count}" for kind, count in counts if count]


@dataclass(frozen=True)
class _Piece:
    element: HtmlElement
    lines: tuple[str, ...]
    heading: bool


def _words(element: HtmlElement) -> list[str]:
    return shown_text(element).split()


def _headings(region: HtmlElement, flat: str) -> list[_Piece]:
    """The section headings in ``region`` as pieces to put back; none when the text holds one of them."""
    pieces = []
    for heading in region.iter(*SECTION_HEADINGS):
        words = _words(heading)
        if 0 < len(words) <= MAX_HEADING_WORDS:
            if "".join(words) in flat:  # the extraction reads headings here
                return []
            pieces.append(_Piece(heading, (" ".join(words),), heading=True))
    return pieces


def _lists(region: HtmlElement, flat: str) -> list[_Piece]:
    """The lists in ``region`` (not those inside a list) as pieces to put back; none when the text holds an
    item of one of them. A list that holds an image or a heading (`_CARDS`), or whose items are links alone,
    is not one to put back."""
    lists = []
    for found in region.iter("ul", "ol"):
        if next(found.iterancestors("li"), None) is None:
            texts = [(item, squeeze(item.text_content())) for item in found.findall("li")]
            if any(text and text in flat for _, text in texts):  # the extraction reads lists here
                return []
            lists.append((found, [item for item, text in texts if text]))
    return [
        _Piece(found, tuple(_ITEM + " ".join(_words(item)) for item in items), heading=False)
        for found, items in lists
        if items and next(found.iter(*_CARDS), None) is None and not all(map(_only_links, items))
    ]


def _only_links(item: HtmlElement) -> bool:
    links = "".join(link.text_content() for link in item.iter("a"))
    return _NOT_WORD.sub("", links) == _NOT_WORD.sub("", item.text_content())


def _in(line: str, text: str) -> bool:
    """Whether a line of the text (a list's "- " item, a table's "| " row) stands in ``text``, its words
    compared (`_text_after`)."""
    words = _NOT_WORD.sub("", line)
    return bool(words) and words in text


def _text_after(element: HtmlElement, block: HtmlElement) -> str:
    """The words (what is not a letter or a digit removed) of what follows ``element`` in its parent, up to
    the element that is or holds ``block``: a list or a table that a heading introduces, and that the text
    holds before the paragraph after it."""
    parts = [element.tail or ""]
    for sibling in element.itersiblings():
        if sibling is block or block in sibling.iterdescendants():
            break
        parts.append(sibling.text_content() if isinstance(sibling.tag, str) else "")
        parts.append(sibling.tail or "")
    return _NOT_WORD.sub("", "".join(parts))


def _line_of(probe: str, lines: list[str]) -> int | None:
    return next((i for i, line in enumerate(lines) if probe in line), None)


def _common_box(nodes: list[HtmlElement]) -> HtmlElement:
    """The innermost element that holds all of ``nodes``: the part of the page the text came from."""
    first = [nodes[0], *nodes[0].iterancestors()]
    level = {element: i for i, element in enumerate(first)}
    top = 0
    for node in nodes[1:]:
        top = max(top, next((level[e] for e in (node, *node.iterancestors()) if e in level), len(first) - 1))
    return first[top]


def restore_left_out(prose: PageProse, text: str, found: frozenset[int] | None = None) -> Restored:
    """``text`` with the section headings and lists that stand between two of its paragraphs put back, for
    each kind that it holds none of in the part of the page it came from (the innermost element that holds
    its paragraphs). ``prose`` is the page's prose as it stands in the tree the text was read from; ``found``
    the paragraphs the text holds, when the extraction has measured them already (`PageProse.found_in`)."""
    found = prose.found_in(text) if found is None else found
    if len(found) < 2:
        return Restored(text)
    flat = squeeze(text)
    region = _common_box([prose.blocks[i].node for i in sorted(found)])
    pieces = [*_headings(region, flat), *_lists(region, flat)]
    if not pieces:
        return Restored(text)
    lines = text.split("\n")
    wanted = {block.node for block in prose.blocks} | {piece.element for piece in pieces}
    place = {element: i for i, element in enumerate(region.iter()) if element in wanted}
    blocks = sorted((place[block.node], i) for i, block in enumerate(prose.blocks) if block.node in place)
    places = [where for where, _ in blocks]
    squeezed = [squeeze(line) for line in lines]
    before: dict[int, list[tuple[int, _Piece]]] = {}
    for piece in pieces:
        first = bisect.bisect_left(places, place[piece.element])  # the blocks before it, not the piece itself
        after = first
        while after < len(blocks) and _within(prose.blocks[blocks[after][1]].node, piece.element):
            after += 1  # a heading that is a paragraph of prose too ("What does X do?") is no neighbour of its own
        if first == 0 or after == len(blocks):
            continue
        previous, following = blocks[first - 1][1], blocks[after][1]
        if previous not in found or following not in found:
            continue
        start = _line_of(prose.blocks[previous].probe, squeezed)
        end = _line_of(prose.blocks[following].probe, squeezed)
        if start is not None and end is not None and start < end:
            after_it = _text_after(piece.element, prose.blocks[following].node)
            at = next((i for i in range(start + 1, end) if _in(lines[i], after_it)), end)
            before.setdefault(at, []).append((place[piece.element], piece))
    if not before:
        return Restored(text)
    put = {i: _put_before(added) for i, added in before.items()}
    restored: list[str] = []
    for i, line in enumerate(lines):
        restored.extend(out for piece in put.get(i, []) for out in piece.lines)
        restored.append(line)
    pieces_put = [piece for added in put.values() for piece in added]
    return Restored("\n".join(restored), sum(p.heading for p in pieces_put), sum(not p.heading for p in pieces_put))


def _within(node: HtmlElement, element: HtmlElement) -> bool:
    """Whether ``node`` is ``element`` or stands inside it."""
    return node is element or any(ancestor is element for ancestor in node.iterancestors())


def _put_before(added: list[tuple[int, _Piece]]) -> list[_Piece]:
    """The pieces put back before one line of the text, in their order on the page; a heading the page repeats
    at once (a question in an answer box and again in its toggle) once."""
    pieces: list[_Piece] = []
    for _, piece in sorted(added, key=lambda pair: pair[0]):
        if not (piece.heading and pieces and pieces[-1].heading and pieces[-1].lines == piece.lines):
            pieces.append(piece)
    return pieces
