"""Bytes to text, by the precedence browsers use: BOM, HTTP charset, <meta> charset, detection."""

from __future__ import annotations

import codecs
import re

from w3lib.encoding import html_to_unicode


def decode_page(raw: bytes | str, content_type: str | None = None) -> str:
    """Decode a raw page body to text; a str is returned unchanged.

    NUL bytes are dropped, since neither lxml nor SQLite full-text search
    want them in text.
    """
    return decoded(raw, content_type)[0]


def decoded(raw: bytes | str, content_type: str | None = None) -> tuple[str, bytes | None]:
    """`decode_page`'s text, and the raw bytes too when they are that text's UTF-8 exactly (a page served
    and decoded as UTF-8, without a byte order mark, a NUL or a byte that did not decode), so that the
    parser, which takes UTF-8, need not encode the text again; else None."""
    if isinstance(raw, str):
        return raw.replace("\x00", ""), None
    encoding, text = html_to_unicode(content_type, raw)
    if "\x00" in text:
        return text.replace("\x00", ""), None
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
