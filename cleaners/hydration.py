"""Article text from a page's hydration data: the JSON a JavaScript framework leaves in ``<script>`` elements.

Some pages built with Next.js, Nuxt or a bare React/Vue/Apollo store have no article in their HTML body:
the browser renders it from data the server put in scripts. `hydrated_text` reads that data, with no
browser, from the scripts' texts (`page_scripts` gives them, in page order):

- Next.js pages router: the ``__NEXT_DATA__`` JSON (``"next-data"``);
- Next.js app router: the ``self.__next_f.push([1, "..."])`` chunks, joined into the React Server
  Components ("flight") payload and read row by row (``"next-flight"``);
- Nuxt: ``window.__NUXT__=`` and Nuxt 3's flat "devalue" array (``"nuxt"``);
- ``window.__*_STATE__ =`` assignments (``__INITIAL_STATE__``, ``__PRELOADED_STATE__``, ``__APOLLO_STATE__``,
  ``__APP_STATE__`` ...: ``"state"``) and any other script whose text is JSON (``"json-script"``).

A script's text does not carry its ``id`` or ``type``: a script is read as JSON when its text begins
with ``{`` or ``[``, and the payload tells which framework made it (Next.js data has ``buildId`` and
``props``; Nuxt 3 data is a devalue array). The article is then found without any per-site rule, from the
decoded values alone (see `hydrated_text`).

The input is hostile (pages from anywhere): the script text read, the strings and values visited, the JSON
nesting and the rows of a flight payload are all bounded, no regular expression here can backtrack, and
nothing raises: a chunk that does not decode is skipped.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any, NamedTuple, TypeGuard

from lxml import etree
from lxml.html import HtmlElement, fragment_fromstring

MAX_SCRIPT_CHARS = 4_000_000
"""Script text read per page, in all; a script that does not fit in what is left is skipped."""
MAX_STRINGS = 100_000
"""Strings read on their own per page (values, and object keys long enough to be text); the walk stops there."""
MAX_VALUES = 500_000
"""Decoded values visited per page (strings, numbers and containers alike, and those read again to tell
whether a list item is a paragraph); the walk stops there."""
MAX_DEPTH = 200
"""Nesting below which a decoded value is not walked (JSON itself stops at Python's recursion limit)."""
MAX_FLIGHT_ROWS = 100_000
"""Rows (or unreadable lines) of a flight payload read."""
MIN_PROSE_CHARS = 400
"""Characters of prose a body, a run of paragraphs or a plain string must hold to be the article (a CJK
character counts for two: 400 Latin characters are some 70 words, about what 200 Hangul syllables or Han
characters say)."""
MIN_PROSE_WORDS = 4
"""Words a paragraph must have to be prose (unless it is written in CJK characters)."""
MIN_PROSE_CJK = 10
"""CJK characters a paragraph without enough spaces between words must have to be prose."""

NEXT_DATA = "next-data"
NEXT_FLIGHT = "next-flight"
NUXT = "nuxt"
STATE = "state"
JSON_SCRIPT = "json-script"

_MIN_CANDIDATE_CHARS = MIN_PROSE_CHARS // 2
"""A string shorter than this cannot hold `MIN_PROSE_CHARS` of prose, even in CJK writing, nor an article's
JSON: on its own it is not read (it may still be one paragraph of a run)."""
_ITEM_VALUES = 300
"""Values read to tell whether one list item is a paragraph (beyond it, the item is not one)."""
_ITEM_DEPTH = 24
"""Nesting read to tell whether one list item is a paragraph."""
_ASSIGNMENTS_PER_MARKER = 8
"""Assignments to one marker read per script."""

_JSON_START = re.compile(r"\s*[\[{]")
_SPACE = re.compile(r"\s")
_BLOCK_MARKUP = re.compile(r"<(?:p|h[1-6]|li|br|blockquote|div)[\s/>]", re.IGNORECASE)
_ANY_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*[\s/>]")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]?(?:\s|$)|[。！？]")
_CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_LITERAL_REST = re.compile(r'[^"\\\n]*+(?:\\.[^"\\\n]*+)*+(")?', re.DOTALL)
"""The rest of a double-quoted string literal on its line, and its closing quote if it has one. It always
matches, and possessively: a literal's text is read once, whether it is closed or not."""
_HEX_ID = re.compile(rb"[0-9a-fA-F]{1,10}")
_LENGTH_ROW = re.compile(rb"([A-Za-z])([0-9a-fA-F]{1,8}),")
"""A flight row whose data has a length: ``T<hex byte length>,<text>`` (and binary rows of the same form)."""
_JSON_ROW_START = frozenset(b'[{"-0123456789tfn')
_STATE_MARKERS = (("__NEXT_DATA__", NEXT_DATA), ("__NUXT__", NUXT), ("_STATE__", STATE))


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
_STRUCTURAL_KEYS = _names(
    "type _type nodetype __typename typename kind _key key id _id uuid style styles marks markdefs classname "
    "class level listitem format tag tagname variant align alignment direction indent version mode detail attrs "
    "attributes href url src slug target rel lang locale anchor"
)
"""Keys of a content block whose values say what the block is, not what it says."""
_TYPE_KEYS = _names("type _type nodetype __typename style tag tagname variant")
_MEDIA_WORDS = ("image", "photo", "picture", "figure", "video", "gallery", "embed", "iframe", "audio")
"""Words in the type of a content block that is not text."""
_DEVALUE_WRAPPERS = _names(
    "Reactive ShallowReactive Ref ShallowRef EmptyRef EmptyShallowRef NuxtError Island Set Map Object"
)
_DEVALUE_SCALARS = _names("Date RegExp BigInt URL URLSearchParams")


@dataclass(frozen=True)
class HydratedText:
    """An article read from a page's hydration data."""

    text: str
    """The article as plain text, one paragraph a line, whitespace collapsed inside a paragraph."""
    source: str
    """The payload it came from: ``next-data``, ``next-flight``, ``nuxt``, ``state`` or ``json-script``."""


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


@dataclass(frozen=True)
class _Candidate:
    """A text that may be the article."""

    paras: tuple[_Para, ...]
    prose: int
    source: str


_NOTHING = _Reading()
_CONTAINERS = (list, dict)
_WALKED = (str, list, dict)
"""The values that may hold text (numbers, booleans and nulls do not). Tuples: `isinstance` takes them faster
than unions, in the walk's loop."""


def _worth_visiting(value: object) -> bool:
    """Whether the walk visits a value: a container, or a string long enough to be read on its own."""
    return isinstance(value, _CONTAINERS) or (isinstance(value, str) and len(value) >= _MIN_CANDIDATE_CHARS)


def page_scripts(tree: HtmlElement) -> list[str]:
    """The text of the page's inline <script> elements that may carry hydration data (no src attribute; not
    JSON-LD), in page order."""
    texts = []
    for script in tree.iter("script"):
        if script.get("src") is not None or "ld+json" in (script.get("type") or "").lower():
            continue
        if script.text:
            texts.append(script.text)
    return texts


def hydrated_text(scripts: Sequence[str]) -> HydratedText | None:
    """The article held in a page's hydration data, given the texts of its inline scripts in page order
    (`page_scripts`); None when there is no such data or no article in it.

    Every string of the decoded payloads is read (object keys included): one with HTML block markup as an
    HTML fragment, one paragraph a block (scripts, styles, figures and frames dropped); any other as text;
    a string that holds JSON is decoded and read in turn; URLs, code, CSS and tokens are passed over. The
    article is then, in this order of preference:

    1. the HTML string ("body") with the most prose, if it holds `MIN_PROSE_CHARS` of it;
    2. the run of sibling paragraphs (items of one list: strings, React elements such as
       ``["$","p",null,{"children":"..."}]``, or content blocks such as ``{"type":"paragraph","text":"..."}``)
       with the most prose, if it holds that much, without the lines that are not prose at its ends;
    3. the plain string with the most prose, if it holds that much.

    Prose is text that ends a sentence and has a few words (or, in CJK writing, a few characters); a CJK
    character counts for two in its length. A paragraph is kept once in the text returned. Never raises.
    """
    scan = _Scan()
    flight: list[str] = []
    budget = MAX_SCRIPT_CHARS
    for text in scripts:
        if not isinstance(text, str) or len(text) > budget:
            continue
        budget -= len(text)
        if "__next_f" in text:
            flight.extend(_flight_chunks(text))
        elif not (_JSON_START.match(text) and scan.json_script(text)):
            scan.assignments(text)
    if flight:
        scan.walk(_flight_rows("".join(flight)), NEXT_FLIGHT, flight=True)
    return scan.best()


# Reading strings


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


def _block_kind(block: dict[Any, Any]) -> str:
    """What a content block says it is: ``heading`` (``"type": "heading"``, ``"style": "h2"``), ``media`` (an
    image, a video, an embed: its caption is not article text) or ``""``."""
    for key, value in block.items():
        if isinstance(key, str) and key.lower() in _TYPE_KEYS and isinstance(value, str):
            name = value.lower()
            if "heading" in name or name == "header" or name in _HEADINGS:
                return "heading"
            if any(word in name for word in _MEDIA_WORDS):
                return "media"
    return ""


# Decoding payloads


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


def _raw_decode(decoder: json.JSONDecoder, text: str, start: int) -> tuple[object, int]:
    """The JSON value at ``text[start]`` and the index after it, or (None, -1)."""
    try:
        return decoder.raw_decode(text, start)
    except (ValueError, RecursionError):
        return None, -1


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


def _is_devalue(value: object) -> bool:
    """Whether a JSON array is a Nuxt 3 payload: devalue's flat array, whose first item is the root."""
    if not isinstance(value, list) or not value:
        return False
    root = value[0]
    if isinstance(root, list):
        return len(root) == 2 and isinstance(root[0], str) and root[0] in _DEVALUE_WRAPPERS and type(root[1]) is int
    return isinstance(root, dict) and bool(root) and all(type(v) is int for v in root.values())


def _revived(flat: list[Any]) -> object:
    """The value a devalue flat array stands for: objects and arrays hold indices into the array, and arrays
    that begin with a name (``["Reactive", 1]``, ``["Set", 2, 3]``) wrap other values. Built in two passes,
    without recursion; values referred to twice are shared (the walk visits them once)."""
    made: list[Any] = [{} if isinstance(v, dict) else [] if isinstance(v, list) else v for v in flat]

    def ref(index: object) -> object:
        return made[index] if type(index) is int and 0 <= index < len(made) else None

    for value, target in zip(flat, made, strict=True):
        if isinstance(value, dict):
            target.update((key, ref(index)) for key, index in value.items())
        elif isinstance(value, list):
            name = value[0] if value and isinstance(value[0], str) else None
            if name is None:
                target.extend(ref(index) for index in value)
            elif name == "null":  # an object without prototype: ["null", key, index, key, index ...]
                target.extend(ref(index) for index in value[2::2])
            elif name not in _DEVALUE_SCALARS:
                target.extend(ref(index) for index in value[1:])
    return made[0]


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


# Walking the decoded values


class _Scan:
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

    def exhausted(self) -> bool:
        """Whether the walk has reached its bounds."""
        return self.strings >= MAX_STRINGS or self.values >= MAX_VALUES

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

    def _reading(self, text: str) -> _Reading:
        reading = self.readings.get(text)
        if reading is None:
            reading = self.readings[text] = _read(text)
        return reading

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

    # runs of sibling paragraphs

    def _find_runs(self, items: list[Any], source: str, flight: bool) -> None:
        """Note the runs of paragraphs among a list's items: an item that holds more than a paragraph ends
        a run; one that holds no text (an image, a number, a reference) does not."""
        run: list[_Para] = []
        for item in items:
            if not isinstance(item, _WALKED):
                continue  # a number, a boolean, null: no text
            if self.exhausted():
                break
            self.item_values = 0
            paras = self._item_paras(item, flight)
            self.values += self.item_values
            if paras is None:
                self._close_run(run, source)
                run = []
            else:
                run.extend(paras)
        self._close_run(run, source)

    def _close_run(self, run: list[_Para], source: str) -> None:
        """Note a run as a candidate: its prose paragraphs, and the headings between them."""
        prose = [_prose_chars(para.text) for para in run]
        kept = [i for i, chars in enumerate(prose) if chars]
        if not kept or sum(prose) < MIN_PROSE_CHARS:
            return
        paras = tuple(para for i, para in enumerate(run[kept[0] : kept[-1] + 1], kept[0]) if prose[i] or para.heading)
        self.runs.append(_Candidate(paras, sum(prose), source))

    def _item_paras(self, item: object, flight: bool) -> tuple[_Para, ...] | None:
        """The paragraph a list item is (a few, for a string with line breaks); () for an item with no text,
        None for one that holds more than a paragraph (a subtree with blocks, a card with several fields)."""
        if isinstance(item, str):
            text = _flight_string(item) if flight else item
            reading = self._reading(text) if text else _NOTHING
            return reading.paras
        if _is_element(item):
            return self._element_paras(item, flight)
        if isinstance(item, dict):
            return self._block_paras(item, flight)
        if isinstance(item, list):
            return () if not item else None
        return ()

    def _block_paras(self, block: dict[Any, Any], flight: bool) -> tuple[_Para, ...] | None:
        """The paragraph a content block is (``{"type": "paragraph", "text": "..."}``); () for an image's."""
        kind = _block_kind(block)
        if kind == "media":
            return ()
        text = self._block_text(block, flight, 0)
        if text is None:
            return None
        paras = self._reading(text).paras if text.strip() else ()
        return (_Para(paras[0].text, heading=True),) if kind == "heading" and len(paras) == 1 else paras

    def _element_paras(self, element: list[Any], flight: bool) -> tuple[_Para, ...] | None:
        """The paragraph a React element is: its children's text, if no block element is among them."""
        tag = element[1]
        if tag in _DROP_TAGS:
            return ()
        props = _element_props(element)
        inner = props.get("dangerouslySetInnerHTML")
        if isinstance(inner, dict) and isinstance(inner.get("__html"), str):
            paras = self._reading(inner["__html"]).paras
            return paras if len(paras) <= 1 else None
        if tag.startswith("$") and "children" not in props:  # a component of the page's own: its props
            text = self._block_text(props, flight, 0)
            return None if text is None else self._reading(text).paras if text.strip() else ()
        pieces: list[str] = []
        paras_found: list[_Para] = []
        if not self._inline_text(props.get("children"), flight, pieces, paras_found, 0):
            return None
        _flush(pieces, paras_found, heading=tag in _HEADINGS)
        if tag in _HEADINGS:
            return tuple(_Para(para.text, heading=True) for para in paras_found)
        return tuple(paras_found)

    def _inline_text(self, value: object, flight: bool, pieces: list[str], paras: list[_Para], depth: int) -> bool:
        """Gather the text of an element's children into ``pieces`` (a ``<br>`` closes a paragraph into
        ``paras``); False when a block element is among them, or they are too many or too deep to read."""
        self.item_values += 1
        if depth > _ITEM_DEPTH or self.item_values > _ITEM_VALUES:
            return False
        if isinstance(value, str):
            text = _flight_string(value) if flight else value
            if text:
                pieces.append(text)
        elif isinstance(value, int | float) and not isinstance(value, bool):
            pieces.append(str(value))
        elif _is_element(value):
            return self._inline_element(value, flight, pieces, paras, depth)
        elif isinstance(value, list):
            return all(self._inline_text(child, flight, pieces, paras, depth + 1) for child in value)
        return True

    def _inline_element(
        self, element: list[Any], flight: bool, pieces: list[str], paras: list[_Para], depth: int
    ) -> bool:
        tag = element[1]
        if tag in _DROP_TAGS:
            return True
        if tag == "br":
            _flush(pieces, paras, heading=False)
            return True
        if tag in _BLOCK_TAGS:
            return False
        return self._inline_text(_element_props(element).get("children"), flight, pieces, paras, depth + 1)

    def _block_text(self, block: dict[Any, Any], flight: bool, depth: int) -> str | None:
        """The text of a content block (``{"type": "paragraph", "text": "..."}``, a block of spans): its one
        text field, spans joined; None for an object with several text fields (a card, an article)."""
        fields = []
        for key, value in block.items():
            if isinstance(key, str) and key.lower() in _STRUCTURAL_KEYS:
                continue
            text = self._field_text(value, flight, depth + 1)
            if text is None:
                return None
            if text.strip():
                fields.append(text)
        if len(fields) > 1:
            fields = [text for text in fields if not _is_token(text.strip())]
        if len(fields) > 1:
            return None
        return fields[0] if fields else ""

    def _field_text(self, value: object, flight: bool, depth: int) -> str | None:
        self.item_values += 1
        if depth > _ITEM_DEPTH or self.item_values > _ITEM_VALUES:
            return None
        if isinstance(value, str):
            text = _flight_string(value) if flight else value
            return "" if not text or _is_junk(text.strip()) else text
        if isinstance(value, dict):
            return self._block_text(value, flight, depth)
        if isinstance(value, list):
            if _is_element(value):
                return None
            texts = []
            for child in value:
                text = self._field_text(child, flight, depth + 1)
                if text is None:
                    return None
                texts.append(text)
            return "".join(texts)
        return ""


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
