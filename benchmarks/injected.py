"""Boilerplate injected into real pages: does it leak, and does the article lose anything?

    python benchmarks/injected.py DATA [DATA ...] [--lines FILE] [--seed N] [--pages N] [--show N]

The republished copies a news crawler meets carry notes that the copying site
put into the article's markup: a syndication note, a call to comment, a
dateline, an affiliate disclosure. This measures, on real pages, what the
wording tests (`tests/test_wordings_by_language.py`, one line between two
paragraphs of text) cannot: whether such a line, placed in a page's HTML,
comes out of the whole cleaning alone on its line and goes.

Each page of the data sets (the layouts `benchmarks/extraction.py` reads) is
cleaned as it is; then one boilerplate line of ``--lines`` (the rows of
``tests/data/wordings.json`` that name a cleaner, in the page's language or
in English) is put into it, before, after or between the paragraphs of its
article (``<p>`` elements whose text the first cleaning kept, outside lists,
tables, quotations and figures), in one of the wrappers a site uses (a
paragraph, in italics or small print, a box, after a rule, a heading...),
and the page is cleaned again, by newsrake and by ``trafilatura.extract``
(its defaults). The choices are drawn from ``--seed``.

A line leaks when a third of its words or more are in the text beyond what
the first cleaning gave; the article loses when more than 20 of the first
text's words are gone. Printed: injected, leaked and lost, for both, and
newsrake's leaks by kind, position and wrapper, and the first ``--show``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import lxml.html
import trafilatura
from lxml import etree

from benchmarks.extraction import Page, find_sets
from benchmarks.scoring import word_bag
from cleaners import clean_page

WRAPPERS = {
    "p": "<p>{}</p>",
    "p-em": "<p><em>{}</em></p>",
    "p-i": "<p><i>{}</i></p>",
    "p-strong": "<p><strong>{}</strong></p>",
    "p-small": "<p><small>{}</small></p>",
    "div": '<div class="note">{}</div>',
    "div-p": '<div class="editor-note"><p>{}</p></div>',
    "hr-p": "<hr><p>{}</p>",
    "blockquote": "<blockquote><p>{}</p></blockquote>",
    "span-br": "<p><span>{}</span><br></p>",
    "h4": "<h4>{}</h4>",
}
"""How a site puts a note into an article."""
POSITIONS = ("top", "middle", "end")
NOT_ANCHORS = frozenset({"li", "td", "th", "table", "dd", "blockquote", "figure", "ul", "ol"})
"""A paragraph inside one of these is part of a list, table, quotation or figure: no note is put beside it."""
ANCHOR_CHARS = 80
LEAKED_SHARE = 1 / 3
LOST_WORDS = 20
DEFAULT_LINES = Path(__file__).resolve().parents[1] / "tests" / "data" / "wordings.json"


@dataclass(frozen=True)
class Injection:
    """One line put into one page, and what each extractor made of it."""

    page: str
    language: str
    kind: str
    line: str
    wrapper: str
    position: str
    leaked: bool
    lost: int
    plain_leaked: bool
    plain_lost: int


def leaked(line: str, before: str, after: str) -> bool:
    """Whether a third or more of ``line``'s words are in ``after`` beyond what ``before`` held."""
    wanted = word_bag(line)
    return sum((wanted & (word_bag(after) - word_bag(before))).values()) >= LEAKED_SHARE * sum(wanted.values())


def lost(before: str, after: str) -> int:
    """Words of ``before`` that ``after`` no longer holds."""
    return sum((word_bag(before) - word_bag(after)).values())


def anchors(tree: lxml.html.HtmlElement, text: str) -> list[lxml.html.HtmlElement]:
    """The article's paragraphs: ``<p>`` elements of `ANCHOR_CHARS` or more whose beginning ``text`` holds,
    outside lists, tables, quotations and figures."""
    flat = " ".join(text.split())
    found = []
    for p in tree.iter("p"):
        own = " ".join(p.text_content().split())
        if len(own) >= ANCHOR_CHARS and own[:60] in flat and not any(a.tag in NOT_ANCHORS for a in p.iterancestors()):
            found.append(p)
    return found


def inject(
    tree: lxml.html.HtmlElement, paragraphs: list[lxml.html.HtmlElement], line: str, wrapper: str, position: str
) -> str:
    """The page with ``line`` in ``wrapper`` before the first, after the middle or after the last paragraph."""
    anchor = {"top": paragraphs[0], "middle": paragraphs[len(paragraphs) // 2], "end": paragraphs[-1]}[position]
    escaped = line.replace("&", "&amp;").replace("<", "&lt;")
    parent = anchor.getparent()
    assert parent is not None
    at = parent.index(anchor) + (0 if position == "top" else 1)
    for offset, element in enumerate(
        e for e in lxml.html.fragments_fromstring(WRAPPERS[wrapper].format(escaped)) if not isinstance(e, str)
    ):
        parent.insert(at + offset, element)
    return lxml.html.tostring(tree, encoding="unicode")


def load_lines(path: Path) -> dict[str, list[dict[str, str]]]:
    """The boilerplate rows of a wordings table, by language."""
    rows = json.loads(path.read_text(encoding="utf-8"))["rows"]
    by_language: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        if row.get("cleaner"):
            by_language.setdefault(row["language"], []).append(row)
    return by_language


def run_page(page: Page, lines: dict[str, list[dict[str, str]]], rng: random.Random) -> Injection | None:
    """Inject one line into ``page`` and clean it with both extractors; None for a page with too few paragraphs."""
    try:
        tree = lxml.html.fromstring(page.html)
    except (etree.ParserError, ValueError):
        return None
    html = lxml.html.tostring(tree, encoding="unicode")
    before = clean_page(html, page.url)
    paragraphs = anchors(tree, before.text)
    if len(paragraphs) < 3:
        return None
    language = (before.language or "en").split("-")[0]
    pool = lines.get(language) if rng.random() >= 0.3 else None
    row = rng.choice(pool or lines["en"])
    wrapper, position = rng.choice(sorted(WRAPPERS)), rng.choice(POSITIONS)
    plain_before = trafilatura.extract(html) or ""
    injected = inject(tree, paragraphs, row["line"], wrapper, position)
    after = clean_page(injected, page.url)
    plain_after = trafilatura.extract(injected) or ""
    return Injection(
        page.id,
        language if pool else "en",
        row["kind"],
        row["line"],
        wrapper,
        position,
        leaked(row["line"], before.text, after.text),
        lost(before.text, after.text),
        leaked(row["line"], plain_before, plain_after),
        lost(plain_before, plain_after),
    )


def report(results: list[Injection], show: int) -> None:
    count = len(results)
    ours = [r for r in results if r.leaked]
    plain = sum(r.plain_leaked for r in results)
    print(f"{count} lines injected, one per page")
    print(f"  {'extractor':<32} {'leaked':>14} {'article lost':>14}")
    for name, leaks, losses in (
        ("trafilatura.extract (defaults)", plain, sum(r.plain_lost > LOST_WORDS for r in results)),
        ("newsrake clean_page", len(ours), sum(r.lost > LOST_WORDS for r in results)),
    ):
        print(f"  {name:<32} {leaks:>6} ({leaks / max(1, count):5.1%}) {losses:>14}")
    for attribute in ("kind", "position", "wrapper", "language"):
        total = Counter(getattr(r, attribute) for r in results)
        leaks = Counter(getattr(r, attribute) for r in ours)
        print(f"  newsrake's leaks by {attribute}: " + ", ".join(f"{k} {leaks[k]}/{total[k]}" for k in sorted(total)))
    for r in ours[:show]:
        print(f"    leaked  {r.page:<18} {r.language} {r.position:<6} {r.wrapper:<10} {r.line[:90]}")
    for r in [r for r in results if r.lost > LOST_WORDS][:show]:
        print(f"    lost {r.lost:>4} words  {r.page:<18} {r.position:<6} {r.wrapper:<10} {r.line[:70]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", type=Path, nargs="+", help="benchmark data folders (or one that holds both)")
    parser.add_argument("--lines", type=Path, default=DEFAULT_LINES, help="a wordings table (%(default)s)")
    parser.add_argument("--seed", type=int, default=1, help="what to inject where (%(default)s)")
    parser.add_argument("--pages", type=int, default=0, help="at most this many pages, drawn at random (all)")
    parser.add_argument("--show", type=int, default=10, help="list the first N leaks and losses (%(default)s)")
    args = parser.parse_args()
    sets = find_sets(args.data)
    if not sets:
        parser.error("no benchmark data in " + ", ".join(map(str, args.data)))
    try:
        lines = load_lines(args.lines)
    except (OSError, ValueError, KeyError) as error:
        parser.error(f"cannot read the lines in {args.lines}: {error}")
    if "en" not in lines:
        parser.error(f"{args.lines} has no English boilerplate line")
    rng = random.Random(args.seed)
    pages = [page for data in sets for page in data.pages]
    rng.shuffle(pages)
    if args.pages:
        pages = pages[: args.pages]
    results = []
    for number, page in enumerate(pages, 1):
        result = run_page(page, lines, rng)
        if result is not None:
            results.append(result)
        print(f"\r  {number}/{len(pages)} pages", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    if not results:
        print("no page has three paragraphs of article to put a line beside")
        return 1
    report(results, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
