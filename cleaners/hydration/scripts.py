"""The page's scripts that may carry hydration data, and the article read from them: each script sent to the
reader of its kind (Next.js flight chunks, JSON, state assignments), then the best candidate taken.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml.html import HtmlElement

from cleaners.hydration.flight import _flight_chunks, _flight_rows
from cleaners.hydration.limits import MAX_SCRIPT_CHARS
from cleaners.hydration.scan import NEXT_FLIGHT, HydratedText, _Scan

_JSON_START = re.compile(r"\s*[\[{]")


def page_scripts(tree: HtmlElement) -> list[str]:
    """The text of the page's inline <script> elements that may carry hydration data (no src attribute; not
    JSON-LD), in page order."""
    texts = []
    for script in tree.iter("script"):
        if script.get("src") is not None or "ld+json" in (script.get("type") or "").lower():
            continue
        if script.text:
            texts.append(script.text)
    return texts


def hydrated_text(scripts: Sequence[str]) -> HydratedText | None:
    """The article held in a page's hydration data, given the texts of its inline scripts in page order
    (`page_scripts`); None when there is no such data or no article in it.

    Every string of the decoded payloads is read (object keys included): one with HTML block markup as an
    HTML fragment, one paragraph a block (scripts, styles, figures and frames dropped); any other as text;
    a string that holds JSON is decoded and read in turn; URLs, code, CSS and tokens are passed over. The
    article is then, in this order of preference:

    1. the HTML string ("body") with the most prose, if it holds `MIN_PROSE_CHARS` of it;
    2. the run of sibling paragraphs (items of one list: strings, React elements such as
       ``["$","p",null,{"children":"..."}]``, or content blocks such as ``{"type":"paragraph","text":"..."}``)
       with the most prose, if it holds that much, without the lines that are not prose at its ends;
    3. the plain string with the most prose, if it holds that much.

    Prose is text that ends a sentence and has a few words (or, in CJK writing, a few characters); a CJK
    character counts for two in its length. A paragraph is kept once in the text returned. Never raises.
    """
    scan = _Scan()
    flight: list[str] = []
    budget = MAX_SCRIPT_CHARS
    for text in scripts:
        if not isinstance(text, str) or len(text) > budget:
            continue
        budget -= len(text)
        if "__next_f" in text:
            flight.extend(_flight_chunks(text))
        elif not (_JSON_START.match(text) and scan.json_script(text)):
            scan.assignments(text)
    if flight:
        scan.walk(_flight_rows("".join(flight)), NEXT_FLIGHT, flight=True)
    return scan.best()
