"""Bytes to text, by the precedence browsers use: BOM, HTTP charset, <meta> charset, detection."""

from __future__ import annotations

from w3lib.encoding import html_to_unicode


def decode_page(raw: bytes | str, content_type: str | None = None) -> str:
    """Decode a raw page body to text; a str is returned unchanged.

    NUL bytes are dropped, since neither lxml nor SQLite full-text search
    want them in text.
    """
    if isinstance(raw, str):
        text = raw
    else:
        _encoding, text = html_to_unicode(content_type, raw)
    return text.replace("\x00", "")
