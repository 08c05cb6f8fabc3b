"""Stored text made safe and readable for the desk's pages: escaped first, then marked up by newsrake alone."""

from __future__ import annotations

import json
import re

from markupsafe import Markup, escape

from crawler.desk.sql import MARK_END, MARK_START

_WORDS = re.compile(r'"[^"]*"|[^\s"]+')


def fts_query(typed: str | None) -> str:
    """What the reader typed as an FTS5 query that never fails: each word quoted (all must match), phrases in
    double quotes kept as phrases, an unclosed quote closed, a NUL (which would end FTS5's quoted string) taken
    as a space. Nothing to search for gives ``""``, which matches nothing."""
    typed = (typed or "").replace("\x00", " ")
    if not typed.strip():
        return '""'
    terms = []
    for term in _WORDS.findall(typed + ('"' if typed.count('"') % 2 else "")):
        inner = term[1:-1] if term.startswith('"') else term
        if inner.strip():
            terms.append('"' + inner.replace('"', '""') + '"')
    return " ".join(terms) or '""'


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(value: str | None) -> str | None:
    """``value`` without the characters XML cannot hold (C0 controls but tab and newlines), which a stored
    title or text may have and which would make a whole Atom feed an error: each is a space."""
    return None if value is None else _NOT_XML.sub(" ", value)


def web_link(url: str | None) -> str | None:
    """``url`` if it is an http(s) URL, the only kind the reading view makes a link of (a file written by another
    tool may hold a ``javascript:`` one); else None."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def marked(snippet: str | None) -> Markup:
    """A snippet with its matched words between ``MARK_START`` and ``MARK_END`` as HTML: the text escaped, each
    match in ``<mark>``. Marks the stored text itself happens to hold can never open an element left unclosed."""
    out: list[str] = []
    inside = False
    for piece in re.split(f"([{MARK_START}{MARK_END}])", snippet or ""):
        if piece == MARK_START:
            if not inside:
                out.append("<mark>")
            inside = True
        elif piece == MARK_END:
            if inside:
                out.append("</mark>")
            inside = False
        else:
            out.append(str(escape(piece)))
    if inside:
        out.append("</mark>")
    return Markup("".join(out))  # noqa: S704 - every piece of text escaped above; only <mark> added


def paragraphs(text: str | None) -> list[str]:
    """The cleaned text's paragraphs (one per line), blank lines dropped; left as text for the template to
    escape."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def authors(stored: str | None) -> str:
    """The ``authors`` column (a JSON list, or text in files of other tools) as one line."""
    if not stored:
        return ""
    try:
        names = json.loads(stored)
    except ValueError:
        return stored
    if isinstance(names, list):
        return ", ".join(str(name) for name in names if name)
    return str(names)
