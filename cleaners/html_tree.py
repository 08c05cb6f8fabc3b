"""`parse_html`: a decoded page to the lxml tree every later step works on, parsed once."""

from __future__ import annotations

from lxml import etree
from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HTMLParser, HtmlProcessingInstruction, fromstring
from trafilatura.utils import repair_faulty_html


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


def parse_html(text: str) -> HtmlElement | None:
    """The tree of a decoded page, as trafilatura's own loader would build it; None for what is not HTML.

    Trees copied from this one (trafilatura copies before it prunes) keep its parser and element classes.
    """
    beginning = text[:50].lower()
    text = repair_faulty_html(text, beginning)
    tree: HtmlElement | None
    try:
        tree = fromstring(text, parser=_PARSER)
    except ValueError:  # a str that declares its encoding: lxml wants bytes
        tree = _from_bytes(text)
    except etree.LxmlError:
        tree = None
    else:
        if len(tree) < 1:
            tree = _from_bytes(text)
    if tree is not None and "html" not in beginning and len(tree) < 2:
        return None  # a fragment or plain text: trafilatura's loader refuses these too
    return tree


def _from_bytes(text: str) -> HtmlElement | None:
    try:
        return fromstring(text.encode("utf-8", "surrogatepass"), parser=_PARSER)
    except (etree.LxmlError, ValueError):
        return None
