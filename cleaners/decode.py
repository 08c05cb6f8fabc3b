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


# A character of the C1 controls (U+0080 to U+009F), which no text shows: spelt by a UTF-8 page encoded a second
# time, as Latin-1 reads the continuation bytes of "’" (E2 80 99: "â\x80\x99").
_C1 = re.compile("[\u0080-\u009f]")
_C1_IN_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")
"""A C1 control character in UTF-8 bytes: found at a tenth of the cost of `_C1` in the text."""
# The bytes of one UTF-8 character read as Latin-1: a lead (Â to ô) and its one to three continuations.
_UTF8_AS_LATIN1 = re.compile(
    "[\u00c2-\u00df][\u0080-\u00bf]|[\u00e0-\u00ef][\u0080-\u00bf]{2}|[\u00f0-\u00f4][\u0080-\u00bf]{3}"
)


def _as_utf8(spelt: str) -> str | None:
    """The character whose UTF-8 bytes ``spelt`` reads as Latin-1, or None if they are not one."""
    try:
        return spelt.encode("latin-1").decode("utf-8")
    except UnicodeDecodeError:
        return None


def repaired_double_utf8(text: str, utf8: bytes | None = None) -> str | None:
    """``text`` with each character that a page's UTF-8, encoded a second time, spells as two to four
    Latin-1 characters put back ("Investorâ\\x80\\x99s" gives "Investor’s", "cafÃ©" "café"), or None when
    nothing shows that it was: a spelling with a C1 control character in it (`_C1`), which no text holds
    and which is the second encoding's mark. Without that mark, "Ã©" may be meant, and is left alone
    (`encoding_problems` flags it). ``utf8``: the text's UTF-8 bytes, if the caller has them
    (`decoded`), where a C1 control character is looked for first."""
    if not (_C1_IN_UTF8.search(utf8) if utf8 is not None else _C1.search(text)):
        return None
    marked = False

    def put_back(match: re.Match[str]) -> str:
        nonlocal marked
        character = _as_utf8(match.group(0))
        if character is None:
            return match.group(0)
        marked = marked or _C1.search(match.group(0)) is not None
        return character

    repaired = _UTF8_AS_LATIN1.sub(put_back, text)  # one pass: the mark is looked for as the text is repaired
    return repaired if marked else None
