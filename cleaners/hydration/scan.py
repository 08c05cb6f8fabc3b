"""The walk through a page's decoded hydration payloads: every string and container visited, within the
bounds, each string read (and decoded again when it holds JSON); the strings that are article bodies or
plain prose, and the runs of paragraphs (`runs`), noted as candidates; the best of them is the article.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice
from typing import Any

from cleaners.hydration.flight import _element_props, _flight_string, _is_element
from cleaners.hydration.javascript import _assigned_value, _string_literals
from cleaners.hydration.limits import MAX_DEPTH, MAX_STRINGS, MAX_VALUES
from cleaners.hydration.nuxt import _is_devalue, _revived
from cleaners.hydration.runs import _Candidate, _Runs
from cleaners.hydration.strings import (
    _DROP_TAGS,
    _MIN_CANDIDATE_CHARS,
    MIN_PROSE_CHARS,
    _decoded_json,
    _raw_decode,
    _Reading,
)

NEXT_DATA = "next-data"
NEXT_FLIGHT = "next-flight"
NUXT = "nuxt"
STATE = "state"
JSON_SCRIPT = "json-script"

_ASSIGNMENTS_PER_MARKER = 8
"""Assignments to one marker read per script."""
_STATE_MARKERS = (("__NEXT_DATA__", NEXT_DATA), ("__NUXT__", NUXT), ("_STATE__", STATE))


@dataclass(frozen=True)
class HydratedText:
    """An article read from a page's hydration data."""

    text: str
    """The article as plain text, one paragraph a line, whitespace collapsed inside a paragraph."""
    source: str
    """The payload it came from: ``next-data``, ``next-flight``, ``nuxt``, ``state`` or ``json-script``."""


_CONTAINERS = (list, dict)
"""The values that hold other values (a tuple, as `runs._WALKED`: `isinstance` takes it faster than a union)."""


def _worth_visiting(value: object) -> bool:
    """Whether the walk visits a value: a container, or a string long enough to be read on its own."""
    return isinstance(value, _CONTAINERS) or (isinstance(value, str) and len(value) >= _MIN_CANDIDATE_CHARS)


class _Scan(_Runs):
    """The candidates found in one page's payloads, and the bounds of the walk through them."""

    def __init__(self) -> None:
        self.strings = 0
        self.values = 0
        self.readings: dict[str, _Reading] = {}
        self.visited: set[str] = set()
        self.seen: set[int] = set()
        self.alive: list[object] = []  # values whose ids are in `seen` must outlive the scan
        self.bodies: list[_Candidate] = []
        self.runs: list[_Candidate] = []
        self.plains: list[_Candidate] = []
        self.item_values = 0

    def best(self) -> HydratedText | None:
        """The article: the best body, else the best run, else the best plain string."""
        for candidates in (self.bodies, self.runs, self.plains):
            if candidates:
                best = max(candidates, key=lambda candidate: candidate.prose)
                text = "\n".join(dict.fromkeys(para.text for para in best.paras))
                return HydratedText(text, best.source) if text else None
        return None

    # the scripts

    def json_script(self, text: str) -> bool:
        """A script whose text is JSON: Next.js data, a Nuxt 3 payload or any other JSON; False when the text
        is not JSON after all (code that begins with a bracket)."""
        value = _decoded_json(text)
        if isinstance(value, dict) and "buildId" in value and "props" in value:
            self.walk(value, NEXT_DATA)
        elif isinstance(value, list) and _is_devalue(value):
            self.walk(_revived(value), NUXT)
            # strings no reference reaches (or all of them, in a payload read wrongly as devalue)
            self.walk_each((item for item in value if isinstance(item, str) and item not in self.visited), NUXT)
        elif value is not None:
            self.walk(value, JSON_SCRIPT)
        return value is not None

    def assignments(self, text: str) -> None:
        """A script that may assign a state object: ``window.__NUXT__=``, ``window.__INITIAL_STATE__ =`` ...
        A value that is not JSON (a function's result, an object literal) has its string literals read."""
        decoder = json.JSONDecoder()
        for marker, source in _STATE_MARKERS:
            position = text.find(marker)
            for _ in range(_ASSIGNMENTS_PER_MARKER):
                if position < 0:
                    break
                start = _assigned_value(text, position + len(marker))
                if start >= 0 and not self._walk_assigned(decoder, text, start, source):
                    self.walk_each(_string_literals(text, start), source)
                    return  # the literals to the script's end are read: once is enough
                position = text.find(marker, position + len(marker))

    def _walk_assigned(self, decoder: json.JSONDecoder, text: str, start: int, source: str) -> bool:
        """Walk the JSON value assigned at ``start`` (``{...}`` or ``JSON.parse("...")``); False when it is
        not JSON."""
        if text.startswith("JSON.parse(", start):
            literal, end = _raw_decode(decoder, text, start + len("JSON.parse("))
            value = _decoded_json(literal) if isinstance(literal, str) else None
        elif text.startswith(("{", "["), start):
            value, end = _raw_decode(decoder, text, start)
        else:
            return text[start] != "("
        if end < 0 or value is None:
            return False
        self.walk(value, source)
        return True

    # the walk

    def walk(self, root: object, source: str, *, flight: bool = False) -> None:
        """Visit every string and container under ``root``, depth first, in document order."""
        self.alive.append(root)
        seen = self.seen
        stack: list[tuple[object, int]] = [(root, 0)]
        while stack and self.values < MAX_VALUES and self.strings < MAX_STRINGS:
            value, depth = stack.pop()
            if isinstance(value, str):
                decoded = self._visit_string(value, source, flight)
                if decoded is not None and depth < MAX_DEPTH:
                    self.alive.append(decoded)
                    stack.append((decoded, depth + 1))
            elif isinstance(value, _CONTAINERS) and depth < MAX_DEPTH and id(value) not in seen:
                seen.add(id(value))
                left = MAX_VALUES - self.values
                if len(value) > left:  # a huge container: what the walk has left to visit of it
                    value = dict(islice(value.items(), left)) if isinstance(value, dict) else value[:left]
                children = self._children(value, source, flight)
                self.values += len(children) + 1
                depth += 1
                stack += [(child, depth) for child in reversed(children) if _worth_visiting(child)]

    def walk_each(self, strings: Iterable[str], source: str) -> None:
        """Visit strings one by one (not as the items of a list)."""
        for text in strings:
            if self.exhausted():
                break
            self.walk(text, source)

    def _children(self, value: list[Any] | dict[Any, Any], source: str, flight: bool) -> list[Any]:
        if isinstance(value, dict):  # its values, and the keys that may be text (most are names)
            return [*value.values(), *(key for key in value if len(key) >= _MIN_CANDIDATE_CHARS)]
        if _is_element(value):
            return [] if value[1] in _DROP_TAGS else [_element_props(value)]
        self._find_runs(value, source, flight)
        return value

    def _visit_string(self, text: str, source: str, flight: bool) -> object:
        """Note a string as a candidate; the JSON value it holds, if it holds one (to walk in turn)."""
        self.strings += 1
        if flight:
            unescaped = _flight_string(text)
            if unescaped is None:
                return None
            text = unescaped
        if len(text) < _MIN_CANDIDATE_CHARS or text in self.visited:
            return None
        self.visited.add(text)
        reading = self._reading(text)
        if reading.decoded is not None:
            return reading.decoded
        if reading.prose >= MIN_PROSE_CHARS:
            (self.bodies if reading.html else self.plains).append(_Candidate(reading.paras, reading.prose, source))
        return None
