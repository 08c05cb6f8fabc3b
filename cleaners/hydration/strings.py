"""What one string of hydration data holds: paragraphs of an HTML fragment, lines of text, a JSON value, or
nothing worth reading (a URL, a token, code, CSS); and how much prose a paragraph is.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import NamedTuple

from lxml import etree
from lxml.html import fragment_fromstring

MIN_PROSE_CHARS = 400
"""Characters of prose a body, a run of paragraphs or a plain string must hold to be the article (a CJK
character counts for two: 400 Latin characters are some 70 words, about what 200 Hangul syllables or Han
characters say)."""
MIN_PROSE_WORDS = 4
"""Words a paragraph must have to be prose (unless it is written in CJK characters)."""
MIN_PROSE_CJK = 10
"""CJK characters a paragraph without enough spaces between words must have to be prose."""

_MIN_CANDIDATE_CHARS = MIN_PROSE_CHARS // 2
"""A string shorter than this cannot hold `MIN_PROSE_CHARS` of prose, even in CJK writing, nor an article's
JSON: on its own it is not read (it may still be one paragraph of a run)."""

_SPACE = re.compile(r"\s")
_BLOCK_MARKUP = re.compile(r"<(?:p|h[1-6]|li|br|blockquote|div)[\s/>]", re.IGNORECASE)
_ANY_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*[\s/>]")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]?(?:\s|$)|[。！？]")
_CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def _names(words: str) -> frozenset[str]:
    return frozenset(words.split())


_NOT_URL_PREFIXES = ("http://", "https://", "//", "/", "www.", "data:", "mailto:", "tel:", "#", "./", "../")
_BLOCK_TAGS = _names(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote section article header footer aside main table thead "
    "tbody tfoot tr td th caption pre hr address center details summary hgroup body html form"
)
_HEADINGS = _names("h1 h2 h3 h4 h5 h6")
_DROP_TAGS = _names(
    "script style figure figcaption iframe noscript template svg math button select textarea object embed "
    "video audio picture img source meta link title head nav input"
)
"""Elements whose text is never article text (HTML fragments and React elements alike)."""


class _Para(NamedTuple):
    """One paragraph found in the data."""

    text: str
    heading: bool = False


@dataclass(frozen=True)
class _Reading:
    """What one string holds: paragraphs (``html`` when it is markup with blocks), or a JSON value."""

    paras: tuple[_Para, ...] = ()
    html: bool = False
    prose: int = 0
    decoded: object = None


_NOTHING = _Reading()


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _prose_chars(text: str) -> int:
    """How much prose a paragraph is: 0 unless it ends a sentence and has a few words (or CJK characters), else
    its length with each CJK character counted twice (one says about as much as two Latin letters)."""
    if not _SENTENCE_END.search(text):
        return 0
    cjk = len(_CJK.findall(text))
    if text.count(" ") + 1 >= MIN_PROSE_WORDS or cjk >= MIN_PROSE_CJK:
        return len(text) + cjk
    return 0


def _is_junk(text: str) -> bool:
    """Whether a (stripped) string is a URL, a path, a token, base64, code or CSS rather than text."""
    if text.startswith(_NOT_URL_PREFIXES):
        return True
    if text.isascii() and len(text) > 25 and not _SPACE.search(text):
        return True
    return ("{" in text and "}" in text) or "function(" in text or "=>" in text


def _is_token(text: str) -> bool:
    """A single ASCII word: a type name, an alignment, a mode."""
    return text.isascii() and len(text) <= 32 and not _SPACE.search(text)


def _lines(text: str) -> tuple[_Para, ...]:
    return tuple(_Para(line) for line in (_collapse(part) for part in text.splitlines()) if line)


def _html_paras(markup: str) -> tuple[_Para, ...]:
    """The paragraphs of an HTML fragment: one a block element or a line break, collapsed."""
    try:
        root = fragment_fromstring(markup, create_parent="div")
    except (etree.LxmlError, ValueError):
        return ()
    paras: list[_Para] = []
    pieces: list[str] = []
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if not tag or tag in _DROP_TAGS:
                walker.skip_subtree()
                continue
            if tag in _BLOCK_TAGS:
                _flush(pieces, paras, heading=False)
            if element.text:
                pieces.append(element.text)
        else:
            if tag in _BLOCK_TAGS or tag == "br":
                _flush(pieces, paras, heading=tag in _HEADINGS)
            if element is not root and element.tail:
                pieces.append(element.tail)
    _flush(pieces, paras, heading=False)
    return tuple(paras)


def _flush(pieces: list[str], paras: list[_Para], *, heading: bool) -> None:
    """Close the paragraph whose text is in ``pieces``."""
    text = _collapse("".join(pieces))
    pieces.clear()
    if text:
        paras.append(_Para(text, heading))


def _decoded_json(text: str) -> object:
    """``text`` decoded as JSON if it is an object or an array, else None."""
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return None
    return value if isinstance(value, dict | list) else None


def _raw_decode(decoder: json.JSONDecoder, text: str, start: int) -> tuple[object, int]:
    """The JSON value at ``text[start]`` and the index after it, or (None, -1)."""
    try:
        return decoder.raw_decode(text, start)
    except (ValueError, RecursionError):
        return None, -1


def _read(text: str) -> _Reading:
    """What a string holds."""
    stripped = text.strip()
    if len(stripped) < 2:
        return _NOTHING
    if stripped[0] in "{[" and stripped[-1] in "}]":
        decoded = _decoded_json(stripped)
        if decoded is not None:
            return _Reading(decoded=decoded)
    if "<" in stripped and _ANY_TAG.search(stripped):
        html = _BLOCK_MARKUP.search(stripped) is not None
        paras = _html_paras(stripped)
    elif _is_junk(stripped):
        return _NOTHING
    else:
        html, paras = False, _lines(stripped)
    return _Reading(paras, html, sum(_prose_chars(p.text) for p in paras))
