"""The cleaner registry: ordered, named, versioned cleaners in two stages, and the runners.

A cleaner is a small pure function that *selects* what to remove and
changes nothing itself:

- an HTML cleaner takes the parsed page (an `HtmlPage`) and the source's
  rules and returns the nodes to drop before extraction;
- a text cleaner takes the extracted lines (as `Line` records, measured
  once) and a `TextContext` and returns the indices of the lines to drop.

The runners apply the selections in registry order and record every
removal (cleaner name and removed text), which becomes the article's audit
trail.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from lxml.html import HtmlElement

from cleaners.html_page import HtmlPage
from cleaners.prefilter import fold
from cleaners.prose import PageProse
from cleaners.rules import SourceRules

Stage = Literal["html", "text"]
AUDIT_TEXT_LIMIT = 300
"""Characters of removed text kept in the audit trail per removal."""


@dataclass(frozen=True)
class Removal:
    """One thing a cleaner removed."""

    cleaner: str
    """The cleaner's registry name."""
    stage: Stage
    """``html`` (a node dropped before extraction) or ``text`` (a line dropped after it)."""
    text: str
    """The removed text (of a node: its text content), shortened to `AUDIT_TEXT_LIMIT` characters."""


_BULLETS = " -–—•·*|>»"
_CLOSERS = {"(": ")", "[": "]", "（": "）", "【": "】"}
"""Brackets that may enclose a whole line, by their opener."""


def enclosed(text: str) -> str | None:
    """The text inside brackets that enclose the whole of ``text``, maybe with a full stop after them ("(This
    article first appeared in The Atlantic.)", "[Reprinted with permission.]."), or None: "(a) and (b)" is no
    such line, nor "()"."""
    body = text[:-1] if text[-1:] in ".。" else text
    closer = _CLOSERS.get(body[:1])
    if closer is None or len(body) < 3 or body[-1] != closer:
        return None
    depth = 0
    for i, character in enumerate(body):
        if character == body[0]:
            depth += 1
        elif character == closer:
            depth -= 1
            if depth == 0 and i < len(body) - 1:
                return None
    return body[1:-1].strip() or None


@dataclass(frozen=True)
class Line:
    """A line of extracted text, with what the text cleaners test computed once."""

    text: str
    """The line, stripped."""
    norm: str
    """Whitespace collapsed and leading/trailing bullets and separators removed."""
    words: int
    """Number of whitespace-separated words."""
    folded: str
    """``norm`` case-folded (`cleaners.prefilter.fold`), for the phrase patterns' literal test."""

    @classmethod
    def of(cls, text: str) -> Line:
        """Measure one line."""
        parts = text.split()
        joined = " ".join(parts)
        norm = joined.strip(_BULLETS)
        return cls(joined, norm, len(parts), fold(norm))

    @functools.cached_property
    def inside(self) -> Line | None:
        """The line inside the brackets that enclose it whole (`enclosed`), which a note may stand in: "(This
        article first appeared in The Atlantic.)"; None for a line not so enclosed."""
        if self.norm[:1] not in _CLOSERS:
            return None
        inner = enclosed(self.norm)
        return Line.of(inner) if inner is not None else None


@dataclass(frozen=True)
class TextContext:
    """What a text cleaner may look at besides the lines."""

    title: str | None
    """The article's headline."""
    language: str | None
    """The article's language (ISO 639-1), which picks the rule tables' wordings."""
    rules: SourceRules
    """The source's own rules."""
    headlines: tuple[str, ...] = ()
    """Every spelling of the headline the page gives."""
    description: str | None = None
    """The page's description (standfirst), if it gives one."""


NodeSelector = Callable[[HtmlPage, SourceRules], Sequence[HtmlElement]]
LineSelector = Callable[[Sequence[Line], TextContext], Sequence[int]]


@dataclass(frozen=True)
class HtmlCleaner:
    """A registered HTML-level cleaner."""

    name: str
    version: int
    select: NodeSelector


@dataclass(frozen=True)
class TextCleaner:
    """A registered text-level cleaner."""

    name: str
    version: int
    select: LineSelector
    positional: bool = False
    """Its verdict on a line depends on the lines around it or on its place (start, end): only such
    cleaners can find more to remove once other lines are gone, so only they run again."""
    last_resort: bool = False
    """It reads what the others leave (a model of notes): it runs after them, and after they have read the lines
    that brackets enclose whole (`_selected_inside`)."""


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= AUDIT_TEXT_LIMIT else text[: AUDIT_TEXT_LIMIT - 1] + "…"


def _inside(node: HtmlElement, dropped: set[HtmlElement]) -> bool:
    return any(ancestor in dropped for ancestor in node.iterancestors())


@dataclass(frozen=True)
class HtmlStage:
    """What the HTML cleaners did to a page."""

    removals: tuple[Removal, ...]
    """The nodes they dropped, in order."""
    guarded: tuple[str, ...]
    """``guard-kept:<cleaner>`` for each cleaner that selected a node the guard kept (once each)."""


def run_html_cleaners(
    cleaners: Sequence[HtmlCleaner], tree: HtmlElement, rules: SourceRules, prose: PageProse | None = None
) -> HtmlStage:
    """Drop from ``tree`` (which the caller owns) the nodes each cleaner selects, in order.

    The guard: whatever a cleaner selects, a node that may hold the article (`HtmlPage.holds_article`,
    judged on the page's ``prose``, found before any node is dropped) stays, and the decision is reported.
    """
    removals: list[Removal] = []
    guarded: dict[str, None] = {}
    prose = prose if prose is not None else PageProse.of(tree)
    page = HtmlPage(tree, prose)
    for cleaner in cleaners:
        nodes = []
        for node in cleaner.select(page, rules):
            if page.holds_article(node):
                guarded[f"guard-kept:{cleaner.name}"] = None
            else:
                nodes.append(node)
        chosen = set(nodes)
        for node in nodes:
            if node.getparent() is None or _inside(node, chosen):
                continue
            text = node.text_content()
            if text.strip():
                removals.append(Removal(cleaner.name, "html", _shorten(text)))
            node.drop_tree()
    return HtmlStage(tuple(removals), tuple(guarded))


MAX_TEXT_ROUNDS = 10
"""Rounds of the text stage at most; it stops as soon as a round removes nothing."""


def run_text_cleaners(
    cleaners: Sequence[TextCleaner], lines: Sequence[str], context: TextContext
) -> tuple[tuple[str, ...], tuple[Removal, ...]]:
    """Apply each cleaner, in order, to the lines the previous ones kept; return the kept lines and the removals.

    The stage is repeated until a round removes nothing (a removal can bring
    another line to the start or the end, where some cleaners look), so that
    cleaning its own output removes nothing more. In the first round, once
    every cleaner has read the lines as they are, those that judge a line
    alone read the lines that brackets enclose whole without them
    (`_selected_inside`); the last resorts (`TextCleaner.last_resort`) do
    both after the others.
    """
    kept = [Line.of(line) for line in lines if line.strip()]
    removals: list[Removal] = []
    for round_number in range(MAX_TEXT_ROUNDS):
        before = len(removals)
        if round_number > 0:
            for cleaner in cleaners:
                if cleaner.positional:
                    kept = _drop(cleaner, kept, set(cleaner.select(kept, context)), removals)
        else:
            for group in ([c for c in cleaners if not c.last_resort], [c for c in cleaners if c.last_resort]):
                for cleaner in group:
                    kept = _drop(cleaner, kept, set(cleaner.select(kept, context)), removals)
                if any(line.inside is not None for line in kept):
                    for cleaner in group:
                        if not cleaner.positional:
                            kept = _drop(cleaner, kept, _selected_inside(cleaner, kept, context), removals)
        if len(removals) == before:
            break
    return tuple(line.text for line in kept), tuple(removals)


def _drop(cleaner: TextCleaner, lines: list[Line], drop: set[int], removals: list[Removal]) -> list[Line]:
    """``lines`` without those of ``drop``, each recorded in ``removals`` as ``cleaner``'s."""
    if not drop:
        return lines
    removals.extend(Removal(cleaner.name, "text", _shorten(lines[i].text)) for i in sorted(drop))
    return [line for i, line in enumerate(lines) if i not in drop]


def _selected_inside(cleaner: TextCleaner, lines: list[Line], context: TextContext) -> set[int]:
    """The lines enclosed whole in brackets (`Line.inside`) that ``cleaner``, which judges each line alone,
    selects when it reads them without the brackets: a note that a site put in brackets is the note. Asked
    once every cleaner has read the lines as they are, so that a line any of them reads so stays its."""
    inside = [(i, inner) for i, line in enumerate(lines) if (inner := line.inside) is not None]
    if not inside:
        return set()
    return {inside[j][0] for j in cleaner.select([inner for _, inner in inside], context)}
