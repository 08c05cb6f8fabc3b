"""A disclosure that the page's links may earn the site a fee, in any wording.

Shopping, review and guide pages say that they are paid when a reader buys through their links: "If you buy
through links on this page, we may earn a small commission.", "Ορισμένοι σύνδεσμοι είναι συνεργατικοί: αν
αγοράσετε μέσω αυτών, λαμβάνουμε μια μικρή προμήθεια.". The affiliate family's wordings read the common ones; each
site words its own, and the note model scores them as text.

What they share is what they name: the page's links, a fee or commission, buying (or the links' trade: "affiliate",
"partner links"), and the site itself, which the fee is paid to ("we", "our", "this site", a verb of the first
person plural). A short line
that names all four is such a disclosure. Word tables per language give them (`cleaners/rules/text.toml`):
``affiliate_link``, ``affiliate_fee``, ``affiliate_trade`` and ``affiliate_self``. A news sentence about affiliate
links names no site of its own, or reports what someone said (``speech``: "…, the lawsuit alleges").
"""

from __future__ import annotations

from collections.abc import Sequence

from cleaners.prefilter import lines_passing
from cleaners.rules import loose_pattern, word_gate, word_pattern

MAX_WORDS = 32
"""A line of more words is a paragraph: a disclosure is a sentence or two."""
_PARTS = ("affiliate_fee", "affiliate_trade", "affiliate_self")


def _discloses(text: str, language: str | None) -> bool:
    """Whether ``text``, which holds a word for links, names a fee, buying and the site too, in at most
    `MAX_WORDS` words, and reports no one's speech."""
    return (
        len(text.split()) <= MAX_WORDS
        and word_pattern("affiliate_link", language).search(text) is not None
        and all(word_pattern(family, language).search(text) is not None for family in _PARTS)
        and loose_pattern("speech", language).search(text) is None
    )


def link_fee_notes(texts: Sequence[str], folded: Sequence[str], language: str | None) -> list[int]:
    """The indices of the ``texts`` (one line each; ``folded``, the same case-folded) that disclose the fees the
    page's links may earn: those that hold a word for links (`lines_passing`, then the words themselves), a fee,
    buying and the site."""
    return [
        i for i in lines_passing(word_gate(language, "affiliate_link"), texts, folded) if _discloses(texts[i], language)
    ]
