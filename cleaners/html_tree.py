"""`parse_html`: a decoded page to the lxml tree every later step works on, parsed once."""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HTMLParser, HtmlProcessingInstruction, fromstring
from trafilatura.utils import DOCTYPE_TAG, FAULTY_HTML, repair_faulty_html


def _parser() -> HTMLParser:
    """trafilatura's parser settings, with element classes chosen in C.

    lxml.html's default lookup calls a Python function for every element Python touches, to give forms and
    inputs classes of their own that no cleaner uses; on a news page that is some 2,000 calls, about 6% of a
    page's cleaning. Every element here is an `HtmlElement`, with the same methods.
    """
    parser = HTMLParser(
        collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True, remove_pis=True
    )
    lookup = etree.ElementDefaultClassLookup(
        element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity
    )
    parser.set_element_class_lookup(lookup)
    return parser


_PARSER = _parser()


_CLOSING = re.compile(r"</(?:body|html)\s*>", re.IGNORECASE)
_ELEMENT = re.compile(r"<(?!(?:script|style|noscript|link|meta)\b)[a-z]", re.IGNORECASE)


def reopened(text: str) -> str:
    """``text`` without its ``</body>`` and ``</html>`` tags when elements follow the first of them.

    The parser ends the document at the first ``</html>``: a page that closes it early (a template's header
    that ends the page, then the article) lost everything after it, article included. A browser reads what
    follows into the body, and so does the parser once the closing tags are gone (it closes both at the end).
    Scripts, styles and links after the end, which many pages have, change nothing and are left alone.
    """
    first = _CLOSING.search(text)
    if first is None or not _ELEMENT.search(text, first.end()):
        return text
    return _CLOSING.sub("", text)


_INVALID_XML_BYTES = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
"""The control characters XML forbids, which trafilatura's repair removes, as bytes: in UTF-8 no other
character's bytes include them."""


def _repaired(text: str, beginning: str, utf8: bytes | None) -> bytes:
    """``text`` (which begins with ``beginning``, lowercased) as trafilatura's `repair_faulty_html` leaves
    it, encoded as UTF-8 for the parser (``utf8``: that encoding, if the caller has it).

    The repair begins by removing the characters XML forbids, with a regular expression run over the whole
    page (half a millisecond on a news page) that almost never finds one. A count of the forbidden bytes in
    the page's UTF-8, which the parser takes anyway, tells first whether there is anything to remove.
    """
    data = text.encode("utf-8", "surrogatepass") if utf8 is None else utf8
    if "\ufffe" in text or "\uffff" in text or len(data.translate(None, _INVALID_XML_BYTES)) != len(data):
        return reopened(repair_faulty_html(text, beginning)).encode("utf-8", "surrogatepass")
    repaired = reopened(_repair_markup(text, beginning))
    return data if repaired is text else repaired.encode("utf-8", "surrogatepass")


def _repair_markup(text: str, beginning: str) -> str:
    """The rest of trafilatura's repair: a doctype with a slash on the first line, a self-closing <html/>."""
    if "doctype" in beginning:
        first, newline, rest = text.partition("\n")
        fixed = DOCTYPE_TAG.sub("", first, count=1)
        if fixed != first or not newline:
            text = fixed + "\n" + rest
    for line in text[:4096].splitlines()[:4]:
        if "<html" in line and line.endswith("/>"):
            return FAULTY_HTML.sub(r"\1>", text, count=1)
    return text


def parse_html(text: str, utf8: bytes | None = None) -> HtmlElement | None:
    """The tree of a decoded page, as trafilatura's own loader would build it (but for a page that ends early,
    which is read on as a browser reads it: `reopened`); None for what is not HTML.

    The page is parsed from its UTF-8 bytes (the parser's encoding, which a declaration in the page does not
    change), as trafilatura's loader does when the text is refused or gives nothing; ``utf8`` gives them if
    the caller has them (`cleaners.decode.decoded`). Trees copied from this one (trafilatura copies it to
    clean it) keep its parser and element classes.
    """
    beginning = text[:50].lower()
    tree: HtmlElement | None
    try:
        tree = fromstring(_repaired(text, beginning, utf8), parser=_PARSER)
    except (etree.LxmlError, ValueError):
        return None
    if "html" not in beginning and len(tree) < 2:
        return None  # a fragment or plain text: trafilatura's loader refuses these too
    return tree
