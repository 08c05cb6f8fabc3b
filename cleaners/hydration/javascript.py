"""What is read of a script that is code rather than JSON: where the value assigned to a state marker
(``window.__INITIAL_STATE__ = ...``) begins, and the double-quoted string literals of the code.
"""

from __future__ import annotations

import json
import re

from cleaners.hydration.limits import MAX_STRINGS

_LITERAL_REST = re.compile(r'[^"\\\n]*+(?:\\.[^"\\\n]*+)*+(")?', re.DOTALL)
"""The rest of a double-quoted string literal on its line, and its closing quote if it has one. It always
matches, and possessively: a literal's text is read once, whether it is closed or not."""


def _string_literals(text: str, start: int) -> list[str]:
    """The double-quoted string literals of JavaScript code from ``start``, decoded as JSON strings (a literal
    that is not one is skipped). One pass: each closing quote is found once."""
    literals: list[str] = []
    quote = text.find('"', start)
    while quote >= 0 and len(literals) < MAX_STRINGS:
        rest = _LITERAL_REST.match(text, quote + 1)
        end = rest.end() if rest else len(text)
        decoded = _decoded_string(text[quote:end]) if rest and rest[1] else None
        if decoded:
            literals.append(decoded)
        quote = text.find('"', end)
    return literals


def _decoded_string(literal: str) -> str | None:
    try:
        value = json.loads(literal)
    except ValueError:
        return None
    return value if isinstance(value, str) else None


def _assigned_value(text: str, after: int) -> int:
    """The index of the value assigned just after a marker (``__X_STATE__ = value``, ``["__X__"]=value``),
    or -1 when the marker is not assigned to there (it is read, compared, or a property of it is set)."""
    i = after
    limit = min(len(text), after + 8)
    while i < limit and text[i] in " \t\r\n\"']":
        i += 1
    if i >= len(text) or text[i] != "=" or text.startswith("==", i):
        return -1
    i += 1
    limit = min(len(text), i + 64)
    while i < limit and text[i].isspace():
        i += 1
    return i if i < len(text) else -1
