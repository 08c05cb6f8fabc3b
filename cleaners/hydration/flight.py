"""Next.js app router data: the ``self.__next_f.push([1, "..."])`` chunks of a script, the rows of the React
Server Components ("flight") payload they make when joined, and the strings and React elements in it.
"""

from __future__ import annotations

import json
import re
from typing import Any, TypeGuard

from cleaners.hydration.limits import MAX_FLIGHT_ROWS
from cleaners.hydration.strings import _raw_decode

_HEX_ID = re.compile(rb"[0-9a-fA-F]{1,10}")
_LENGTH_ROW = re.compile(rb"([A-Za-z])([0-9a-fA-F]{1,8}),")
"""A flight row whose data has a length: ``T<hex byte length>,<text>`` (and binary rows of the same form)."""
_JSON_ROW_START = frozenset(b'[{"-0123456789tfn')


def _flight_string(text: str) -> str | None:
    """A string of a flight payload as the page had it: None for a reference (``$L1a``, ``$undefined``),
    and ``$$`` (an escaped ``$``) read as ``$``."""
    if text.startswith("$"):
        return text[1:] if text.startswith("$$") else None
    return text


def _is_element(value: object) -> TypeGuard[list[Any]]:
    """Whether a value is a React element as the flight payload writes it: ``["$", type, key, props, ...]``."""
    return isinstance(value, list) and len(value) >= 4 and value[0] == "$" and isinstance(value[1], str)


def _element_props(element: list[Any]) -> dict[str, Any]:
    props = element[3]
    return props if isinstance(props, dict) else {}


def _flight_chunks(text: str) -> list[str]:
    """The payload strings of a script's ``self.__next_f.push([1, "..."])`` calls; a call that does not decode
    ends the script's reading (what follows it is not to be trusted)."""
    chunks = []
    decoder = json.JSONDecoder()
    start = text.find("__next_f.push(")
    while start >= 0:
        bracket = start + len("__next_f.push(")
        value, end = _raw_decode(decoder, text, bracket)
        if end < 0:
            break
        if (
            isinstance(value, list)
            and len(value) >= 2
            and type(value[0]) is int
            and value[0] == 1
            and isinstance(value[1], str)
        ):
            chunks.append(value[1])
        start = text.find("__next_f.push(", end)
    return chunks


def _flight_rows(payload: str) -> list[object]:
    """The values of a flight payload's rows, in order: JSON rows decoded, text rows (``<id>:T<hex byte
    length>,<text>``) as their text; import, hint, error and debug rows, and unreadable lines, left out."""
    data = payload.encode("utf-8", "replace")
    rows: list[object] = []
    pos = 0
    for _ in range(MAX_FLIGHT_ROWS):
        if pos >= len(data):
            break
        colon = data.find(b":", pos, pos + 12)
        if colon > pos and _HEX_ID.fullmatch(data, pos, colon):
            pos = _flight_row(data, colon + 1, rows)
        else:
            newline = data.find(b"\n", pos)
            pos = len(data) if newline < 0 else newline + 1
    return rows


def _flight_row(data: bytes, start: int, rows: list[object]) -> int:
    """Read the row whose data begins at ``start`` into ``rows``; the index where the next row begins."""
    sized = _LENGTH_ROW.match(data, start)
    if sized:
        begin = sized.end()
        end = begin + int(sized[2], 16)
        if sized[1] == b"T":
            rows.append(data[begin:end].decode("utf-8", "replace"))
        return end
    newline = data.find(b"\n", start)
    end = len(data) if newline < 0 else newline
    if start < end and data[start] in _JSON_ROW_START:
        value = _decoded_row(data[start:end])
        if value is not None:
            rows.append(value)
    return end + 1


def _decoded_row(line: bytes) -> object:
    try:
        return json.loads(line)
    except (ValueError, RecursionError):
        return None
