"""Bytes to text, by the precedence browsers use: BOM, HTTP charset, <meta> charset, detection."""

from __future__ import annotations

import codecs
import re

from w3lib.encoding import html_to_unicode


def decode_page(raw: bytes | str, content_type: str | None = None) -> str:
    """Decode a raw page body to text; a str is returned unchanged.

    NUL bytes and references to control characters (``&#3;``) are dropped,
    since neither lxml, the extraction's XML nor SQLite full-text search
    want them in text.
    """
    return decoded(raw, content_type)[0]


# A character reference to a C0 control character (tab, line feed and carriage return aside): it shows
# nothing in a browser, and the control character it makes is not allowed in XML, so that the extraction
# (trafilatura builds an XML tree) loses the whole text around it.
_CONTROL_REFERENCE = re.compile(
    r"&#(?:0*(?:[0-8]|1[1-2]|1[4-9]|2[0-9]|3[01])(?![0-9])|[xX]0*(?:[0-8]|[bBcCeEfF]|1[0-9a-fA-F])(?![0-9a-fA-F]));?"
)


def decoded(raw: bytes | str, content_type: str | None = None) -> tuple[str, bytes | None]:
    """`decode_page`'s text, and the raw bytes too when they are that text's UTF-8 exactly (a page served
    and decoded as UTF-8, without a byte order mark, a NUL, a byte that did not decode or a reference to a
    control character), so that the parser, which takes UTF-8, need not encode the text again; else None.
    References to control characters are dropped, as NUL bytes are."""
    if isinstance(raw, str):
        return _CONTROL_REFERENCE.sub("", raw.replace("\x00", "")), None
    encoding, text = html_to_unicode(content_type, raw)
    if "\x00" in text:
        return _CONTROL_REFERENCE.sub("", text.replace("\x00", "")), None
    if _CONTROL_REFERENCE.search(text):
        return _CONTROL_REFERENCE.sub("", text), None
    same = encoding == "utf-8" and not raw.startswith(codecs.BOM_UTF8) and "\ufffd" not in text
    return text, raw if same else None


# UTF-8 bytes read as Latin-1 / windows-1252: "Ã©" for "é", "â€™" for "’".
_MOJIBAKE = re.compile("(?:Ã[\u0080-\u00bf]|Â[\u00a0-\u00bf]|â€[\u0080-\u00bf™œ˜“”’‘–—•…])")


_MOJIBAKE_LEADS = ("Ã", "Â", "â€")  # a plain substring test first: most pages hold none of them


def encoding_problems(text: str) -> tuple[str, ...]:
    """Flags for a decoded page: ``encoding-errors`` when bytes did not fit the encoding the page was decoded
    with (replacement characters), ``mojibake`` when UTF-8 text was written out as Latin-1 or windows-1252."""
    problems = []
    if "\ufffd" in text:
        problems.append("encoding-errors")
    head = text[:200_000]
    if any(lead in head for lead in _MOJIBAKE_LEADS) and len(_MOJIBAKE.findall(head)) >= 2:
        problems.append("mojibake")
    return tuple(problems)
