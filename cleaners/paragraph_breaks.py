"""Paragraph breaks that an extraction lost, put back where the page's own paragraphs begin.

Every text cleaner reads a text one line at a time, and a line is a block of
the page. Some extractions run the blocks together: trafilatura's fast mode
reads some layouts' article as one paragraph (a box of ``<p>`` elements whose
markup it takes for one block), and a JSON-LD ``articleBody`` is often one
line. Then the whole article is one line, and a newsletter box, a share bar
or a related headline inside it can no longer be told apart from the prose
around it.

The page's prose (`cleaners.prose.PageProse`, as found before any cleaner ran)
knows where each of its paragraphs begins, including those a cleaner dropped
from the page that the text may still hold (a newsletter teaser inside a
JSON-LD ``articleBody``). Where a line of the text holds a large share of that
prose (`RUN_TOGETHER_SHARE`) and the beginning of one of its paragraphs after
its own start, the line is broken there, at a space or after a sentence's end
(so a word is never cut in two); on lines of their own, the text cleaners can
read such blocks. A text whose lines each hold one paragraph is left as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.html import HtmlElement

from cleaners.prose import ARTICLE_SHARE, MIN_BLOCK_CHARS, PageProse

HEAD_CHARS = 24
"""Characters (whitespace removed) of a paragraph's beginning looked for in a line."""
RUN_TOGETHER_SHARE = ARTICLE_SHARE
"""A line that holds this share of the page's prose or more is (a large part of) the article run together: only
such a line is broken. A shorter run of blocks on one line (a box's label and its text, a teaser's title and
its summary, a list of cookies) is read whole, as the cleaners that know such lines read them."""
MIN_LINE_CHARS = 2 * MIN_BLOCK_CHARS
"""A line shorter than this cannot hold two of the page's paragraphs, and is not read."""
_BREAK_AFTER = re.compile(r"[\s.!?…。！？:;\"'”’»)\]]")
"""What may stand just before a break: a space, or the end of a sentence (scripts written without spaces)."""
_LETTER = re.compile(r"[^\W\d_]")
"""A line is only broken after a letter: not after a list item's bullet or number ("- ", "1. ")."""


def paragraph_head(node: HtmlElement) -> str:
    """The first `HEAD_CHARS` characters of ``node``'s text, whitespace removed."""
    head: list[str] = []
    size = 0
    for piece in node.itertext():
        flat = "".join(piece.split())
        head.append(flat)
        size += len(flat)
        if size >= HEAD_CHARS:
            break
    return "".join(head)[:HEAD_CHARS]


@dataclass(frozen=True)
class Breaks:
    """A text with its lost paragraph breaks put back, and how many were."""

    text: str
    added: int

    @property
    def note(self) -> str | None:
        """The decision as a ``problems`` entry (``paragraph-breaks-restored:12``), or None when none was lost."""
        return f"paragraph-breaks-restored:{self.added}" if self.added else None


def _line_breaks(line: str, heads: list[str]) -> list[int]:
    """Where in ``line`` (offsets) a paragraph of ``heads`` begins, after the line's own start."""
    offsets = [i for i, char in enumerate(line) if not char.isspace()]
    flat = "".join(line[i] for i in offsets)
    found = set()
    for head in heads:
        at = flat.find(head, 1)
        if at > 0 and _BREAK_AFTER.match(line[offsets[at] - 1]) and _LETTER.search(line, 0, offsets[at]):
            found.add(offsets[at])
    return sorted(found)


def restore_breaks(text: str, prose: PageProse) -> Breaks:
    """``text`` with a line break before each of the page's paragraphs that begins inside one of its lines
    that holds `RUN_TOGETHER_SHARE` of the page's prose or more."""
    lines = text.split("\n")
    least = max(MIN_LINE_CHARS, RUN_TOGETHER_SHARE * prose.total)
    long_lines = [
        i
        for i, line in enumerate(lines)
        if len(line) >= least and prose.share_of(prose.found_in(line)) >= RUN_TOGETHER_SHARE
    ]
    if not long_lines or len(prose.blocks) < 2:
        return Breaks(text, 0)
    heads = [head for head in {paragraph_head(block.node) for block in prose.blocks} if len(head) == HEAD_CHARS]
    added = 0
    for i in long_lines:
        line = lines[i]
        cuts = _line_breaks(line, heads)
        if cuts:
            pieces = [line[start:end].strip() for start, end in zip([0, *cuts], [*cuts, len(line)], strict=True)]
            lines[i] = "\n".join(piece for piece in pieces if piece)
            added += len(cuts)
    return Breaks("\n".join(lines), added) if added else Breaks(text, 0)
