"""Paragraph breaks that an extraction lost, put back where the page's own paragraphs begin.

Every text cleaner reads a text one line at a time, and a line is a block of
the page. Some extractions run the blocks together: trafilatura's fast mode
reads some layouts' article as one paragraph (a box of ``<p>`` elements whose
markup it takes for one block), and a JSON-LD ``articleBody`` is often one
line. Then the whole article is one line, and a newsletter box, a share bar
or a related headline inside it can no longer be told apart from the prose
around it.

The page knows where its blocks begin. A line that holds two or more of the
page's paragraphs and a large share of its prose (`RUN_TOGETHER_SHARE`) is
broken (`Heads`, `_line_breaks`):

- before each paragraph of the page's prose (`cleaners.prose.PageProse`, as
  found before any cleaner ran, so that a teaser a cleaner dropped from the
  page but a JSON-LD ``articleBody`` still holds stands apart too) that begins
  inside it, after a space or a sentence's end, never after a bullet alone;
- before each other block of text the page still holds (a heading, a box's
  label), after a sentence's end only, since a sentence may hold a menu item's
  words;
- before and after each short block found whole ("Leave a comment below.");
- after a block found whole.

On lines of their own, the text cleaners can read such blocks. A text whose
lines each hold one block is left as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree
from lxml.html import HtmlElement

from cleaners.prose import ARTICLE_SHARE, MIN_BLOCK_CHARS, PageProse, block_of, squeeze

_TEXTS = etree.XPath("//body//text()[normalize-space()]")
HEAD_CHARS = 24
"""Characters (whitespace removed) of a paragraph's beginning looked for in a line."""
RUN_TOGETHER_SHARE = ARTICLE_SHARE
"""A line that holds this share of the page's prose or more is (a large part of) the article run together: only
such a line is broken. A shorter run of blocks on one line (a box's label and its text, a teaser's title and
its summary, a list of cookies) is read whole, as the cleaners that know such lines read them."""
MIN_SHORT_CHARS = 12
"""Characters (whitespace removed) of the shortest block looked for whole: a note or a label of a few words
("Leave a comment below."), not a button's one word, which a sentence may hold."""
MAX_WHOLE_CHARS = 1000
"""Characters (whitespace removed) of the longest block whose end is looked for too (`Heads.wholes`)."""
MIN_LINE_CHARS = 2 * MIN_BLOCK_CHARS
"""A line shorter than this cannot hold two of the page's paragraphs: it is not looked at further (a cheap
test before `_run_together`)."""
_ENDS = r""".!?…。！？:;"'”’»)\]"""
_SENTENCE_END = re.compile(f"[{_ENDS}]")
"""What stands just before a block that a sentence could hold: the end of the sentence before it."""
_BREAK_AFTER = re.compile(f"[\\s{_ENDS}]")
"""What may stand just before a paragraph: a space, or the end of a sentence (scripts written without spaces)."""
_LETTER = re.compile(r"[^\W\d_]")
"""A line is only broken after a letter: not after a list item's bullet or number ("- ", "1. ")."""


def _is_sentence(text: str) -> bool:
    """Whether ``text`` (whitespace removed) is written as a sentence: a capital letter first and a sentence's end
    last ("Leave a comment below."). Such a short block stands apart even after a word that is not a sentence's
    end (a hidden label's "Body" before it)."""
    return text[0].isupper() and text[-1] in ".!?…"


@dataclass(frozen=True)
class BlockText:
    """What a block's text tells, read once and no further than `MAX_WHOLE_CHARS`."""

    head: str
    """Its first `HEAD_CHARS` characters, whitespace removed (fewer for a shorter block)."""
    whole: str | None
    """Its whole text, whitespace removed, when it holds at most `MAX_WHOLE_CHARS` characters, else None."""
    words: int
    """The words of its text as far as it was read."""

    @classmethod
    def of(cls, node: HtmlElement) -> BlockText:
        pieces: list[str] = []
        size = 0
        for piece in node.itertext():
            pieces.append(piece)
            size += len(squeeze(piece))
            if size > MAX_WHOLE_CHARS:  # a block holding the whole page costs no more than a short one
                flat = squeeze("".join(pieces))
                return cls(flat[:HEAD_CHARS], None, 0)
        text = "".join(pieces)
        flat = squeeze(text)
        return cls(flat[:HEAD_CHARS], flat, len(text.split()))

    @property
    def short(self) -> str | None:
        """Its whole text when the block is short: under `HEAD_CHARS` characters, `MIN_SHORT_CHARS` or more, in
        two words or more ("Leave a comment below."); else None."""
        whole = self.whole
        return whole if whole is not None and MIN_SHORT_CHARS <= len(whole) < HEAD_CHARS and self.words >= 2 else None


@dataclass(frozen=True)
class Heads:
    """What a run-together line is broken before."""

    paragraphs: frozenset[str]
    """The beginnings (`BlockText.head`) of the page's paragraphs (`PageProse`, as found before any cleaner ran):
    a break after a space or a sentence's end."""
    blocks: frozenset[str]
    """The beginnings of the other blocks with text that the tree still holds (a menu's item, a note, a box's
    label), which a sentence may hold too: a break only after a sentence's end."""
    shorts: frozenset[str]
    """The whole texts of the short blocks among those (`BlockText.short`): a break before them, after a sentence's
    end (or after any word, for one written as a sentence: `_is_sentence`), and another after them."""
    wholes: dict[str, frozenset[str]]
    """For a beginning of ``paragraphs`` or ``blocks``, the whole texts (`BlockText.whole`) of the blocks that begin so:
    where one is found whole after its beginning, the line is broken after it too (a note run into the
    page's furniture that follows it)."""

    @classmethod
    def of(cls, tree: HtmlElement, prose: PageProse) -> Heads:
        paragraph_nodes = {block.node for block in prose.blocks}
        others = {node for node in (block_of(run) for run in _TEXTS(tree)) if node is not None} - paragraph_nodes
        read = {node: BlockText.of(node) for node in paragraph_nodes | others}
        wholes: dict[str, set[str]] = {}
        for text in read.values():
            if len(text.head) == HEAD_CHARS and text.whole is not None:
                wholes.setdefault(text.head, set()).add(text.whole)
        paragraphs = {read[node].head for node in paragraph_nodes if len(read[node].head) == HEAD_CHARS}
        blocks = {read[node].head for node in others if len(read[node].head) == HEAD_CHARS} - paragraphs
        return cls(
            frozenset(paragraphs),
            frozenset(blocks),
            frozenset(short for short in (read[node].short for node in others) if short),
            {head: frozenset(texts) for head, texts in wholes.items()},
        )


@dataclass(frozen=True)
class Breaks:
    """A text with its lost paragraph breaks put back, and how many were."""

    text: str
    added: int

    @property
    def note(self) -> str | None:
        """The decision as a ``problems`` entry (``paragraph-breaks-restored:12``), or None when none was lost."""
        return f"paragraph-breaks-restored:{self.added}" if self.added else None


def _line_breaks(line: str, heads: Heads) -> list[int]:
    """Where in ``line`` (offsets) a block of ``heads`` begins after the line's own start, and where a short block
    stands whole between a sentence's end and a space or the line's end (and where it ends). Each place a block
    may begin (after a space or a sentence's end) is looked up, so the work grows with the line, not with the
    number of blocks times the line."""
    offsets = [i for i, char in enumerate(line) if not char.isspace()]
    flat = "".join(line[i] for i in offsets)
    lengths = sorted({len(short) for short in heads.shorts})
    found = set()
    for at in range(1, len(flat)):
        before = line[offsets[at] - 1]
        if not _BREAK_AFTER.match(before):
            continue
        after_a_sentence = bool(_SENTENCE_END.match(flat[at - 1]))
        head = flat[at : at + HEAD_CHARS]
        if (head in heads.paragraphs and _LETTER.search(line, 0, offsets[at])) or (
            after_a_sentence and head in heads.blocks
        ):
            found.add(offsets[at])
            for whole in heads.wholes.get(head, ()):
                end = at + len(whole)
                if end < len(flat) and flat.startswith(whole, at) and line[offsets[end] - 1].isspace():
                    found.add(offsets[end])
        for length in lengths:
            short = flat[at : at + length]
            end = at + length
            if (
                short in heads.shorts
                and (after_a_sentence or (before.isspace() and _is_sentence(short)))
                and (end == len(flat) or line[offsets[end] - 1].isspace())
            ):
                found.add(offsets[at])
                if end < len(flat):
                    found.add(offsets[end])
    return sorted(found)


def _run_together(line: str, prose: PageProse) -> bool:
    """Whether ``line`` holds two of the page's paragraphs or more, and `RUN_TOGETHER_SHARE` of its prose."""
    found = prose.found_in(line)
    return len(found) >= 2 and prose.share_of(found) >= RUN_TOGETHER_SHARE


def restore_breaks(text: str, prose: PageProse, tree: HtmlElement) -> Breaks:
    """``text`` with its run-together lines (`_run_together`) broken where the page's blocks begin and end
    (`Heads`, `_line_breaks`). ``prose`` is the page's prose as found before any cleaner ran, ``tree`` the page
    as the cleaners left it."""
    lines = text.split("\n")
    least = max(MIN_LINE_CHARS, RUN_TOGETHER_SHARE * prose.total)
    long_lines = [i for i, line in enumerate(lines) if len(line) >= least and _run_together(line, prose)]
    if not long_lines:
        return Breaks(text, 0)
    heads = Heads.of(tree, prose)
    added = 0
    for i in long_lines:
        line = lines[i]
        cuts = _line_breaks(line, heads)
        if cuts:
            pieces = [line[start:end].strip() for start, end in zip([0, *cuts], [*cuts, len(line)], strict=True)]
            lines[i] = "\n".join(piece for piece in pieces if piece)
            added += len(cuts)
    return Breaks("\n".join(lines), added)
