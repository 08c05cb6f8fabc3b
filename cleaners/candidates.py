"""Choosing between two extractions of one page: the one that holds the other's paragraphs and more.

Two extractions of a page (trafilatura's fast and full modes, the page's
JSON-LD ``articleBody``, the text of its ``<article>`` box) disagree when
one of them missed part of the article, or took in what is not article.
The paragraphs of the page (`cleaners.prose`) settle it: a candidate
replaces the current text when it holds more of the page's prose, holds the
paragraphs the current text holds (or dwarfs them: a lede the other missed
does not outweigh the rest of the article; and the page's own JSON-LD
``articleBody`` need not: what it leaves out, the page says is not the
article), and what it adds is not teasers of other
stories (excerpts cut off with an ellipsis, or in mid-sentence), which is
what a fallback extractor most often sweeps in with an article.

trafilatura's recall mode, which keeps what the fast mode read as furniture,
is judged by words instead (`adds_to`): what it adds is mostly lists, tables
and headings, which are no prose, so it replaces the text when it holds the
text's words and a fifth more.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from cleaners.prose import PageProse

GAIN = 0.1
"""A candidate must hold this share of the page's prose more than the current text."""
KEEP = 0.8
"""...and this share of the prose the current text holds, unless it holds `DWARF` times as much."""
DWARF = 3
"""How many times as much prose a candidate must hold to replace a text whose paragraphs it does not hold."""
MAX_EXCERPTS = 0.5
"""...and at most this share of what it adds may be excerpts."""
SHORT_TEXT = 400
"""On a page with little prose, a text shorter than this is replaced by a longer one."""
MENU_PROSE = 0.5
"""On a page with little prose, a text with less than this share in lines of 8+ words reads like a menu."""
MIN_PROSE = 600
"""Characters of prose a page needs before candidates are judged by its paragraphs."""
WIDER_WORDS = 1.2
"""A wider text (trafilatura's recall mode) replaces a text when it holds this many times its words..."""
WIDER_HELD = 0.9
"""...and this share of the text's words: it adds to the article, it does not swap it for another part of the
page. Words, not paragraphs: what the wider text adds is lists, tables and headings, which are no prose."""


@dataclass(frozen=True)
class Candidate:
    """One extraction of a page, with the page's paragraphs it holds."""

    name: str
    """Which extraction it is (``fast``, ``full``, ``json-ld``, ...)."""
    text: str
    """Its text."""
    found: frozenset[int]
    """Indices, in `PageProse.blocks`, of the paragraphs it holds."""

    @property
    def declared(self) -> bool:
        """Whether it is the page's own statement of its article (the JSON-LD ``articleBody``): then what it
        leaves out of what the current text holds is not article, and it need not hold it."""
        return self.name == "json-ld"

    @classmethod
    def of(cls, name: str, text: str, prose: PageProse) -> Candidate:
        """Measure ``text`` against the page's paragraphs."""
        return cls(name, text, prose.found_in(text))


def prose_share(text: str) -> float:
    """The share of a text's characters that stand in lines of eight or more words (prose, not menus)."""
    lines = text.split("\n")
    total = sum(len(line) for line in lines) or 1
    return sum(len(line) for line in lines if len(line.split()) >= 8) / total


def _chars(prose: PageProse, found: frozenset[int]) -> int:
    return sum(prose.blocks[i].chars for i in found)


def _without_prose(new: Candidate, old: Candidate) -> bool:
    """The rule for a page with too little prose to judge by: a longer text for a short one, a text that
    reads more like prose for one that reads like a menu."""
    if len(old.text) < SHORT_TEXT:
        return len(new.text) > len(old.text)
    old_share = prose_share(old.text)
    return old_share < MENU_PROSE and prose_share(new.text) > old_share and len(new.text) >= SHORT_TEXT


def better(new: Candidate, old: Candidate, prose: PageProse) -> bool:
    """Whether ``new`` should replace ``old`` as the page's text."""
    if prose.total < MIN_PROSE:
        return _without_prose(new, old)
    held, had = _chars(prose, new.found), _chars(prose, old.found)
    if held < had + GAIN * prose.total:
        return False
    if not new.declared and _chars(prose, old.found & new.found) < KEEP * had and held < DWARF * had:
        return False
    added = new.found - old.found
    excerpts = sum(prose.blocks[i].chars for i in added if prose.blocks[i].excerpt)
    return excerpts <= MAX_EXCERPTS * _chars(prose, added)


def joined(new: Candidate, old: Candidate, prose: PageProse) -> Candidate:
    """``new``, which replaced ``old``, with ``old`` before or after it when they hold none of the same
    paragraphs and ``old``'s stand before or after all of ``new``'s on the page: a lede, or an ending, in a
    box of its own, which the text that outweighs it left out. Otherwise ``new`` as it is (and always the
    page's own statement of its article, which says that what it leaves out is not the article)."""
    if new.declared or not old.found or not new.found or old.found & new.found:
        return new
    if any(prose.blocks[i].excerpt for i in old.found):
        return new
    if max(old.found) < min(new.found):
        text = f"{old.text}\n{new.text}"
    elif min(old.found) > max(new.found):
        text = f"{new.text}\n{old.text}"
    else:
        return new
    return Candidate(f"{new.name}+{old.name}", text, new.found | old.found)


def holds_words(wider: str, narrower: str) -> float:
    """The share of ``narrower``'s words (each as many times as it has it) that ``wider`` holds too, however
    the two break their lines."""
    mine = Counter(narrower.split())
    total = sum(mine.values())
    if not total:
        return 0.0
    theirs = Counter(wider.split())
    return sum(min(count, theirs[word]) for word, count in mine.items()) / total


def adds_to(wider: str, text: str) -> bool:
    """Whether the ``wider`` text holds ``text`` and adds to it (`WIDER_WORDS`, `WIDER_HELD`)."""
    return len(wider.split()) >= WIDER_WORDS * len(text.split()) and holds_words(wider, text) >= WIDER_HELD
