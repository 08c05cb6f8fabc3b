"""Runs of sibling paragraphs: whether an item of a list is one paragraph (a string, a React element such as
``["$","p",null,{"children":"..."}]``, a content block such as ``{"type":"paragraph","text":"..."}``), and
the runs such items make, noted as candidates for the article.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cleaners.hydration.flight import _element_props, _flight_string, _is_element
from cleaners.hydration.limits import MAX_STRINGS, MAX_VALUES
from cleaners.hydration.strings import (
    _BLOCK_TAGS,
    _DROP_TAGS,
    _HEADINGS,
    _NOTHING,
    MIN_PROSE_CHARS,
    _flush,
    _is_junk,
    _is_token,
    _names,
    _Para,
    _prose_chars,
    _read,
    _Reading,
)

_ITEM_VALUES = 300
"""Values read to tell whether one list item is a paragraph (beyond it, the item is not one)."""
_ITEM_DEPTH = 24
"""Nesting read to tell whether one list item is a paragraph."""

_STRUCTURAL_KEYS = _names(
    "type _type nodetype __typename typename kind _key key id _id uuid style styles marks markdefs classname "
    "class level listitem format tag tagname variant align alignment direction indent version mode detail attrs "
    "attributes href url src slug target rel lang locale anchor"
)
"""Keys of a content block whose values say what the block is, not what it says."""
_TYPE_KEYS = _names("type _type nodetype __typename style tag tagname variant")
_MEDIA_WORDS = ("image", "photo", "picture", "figure", "video", "gallery", "embed", "iframe", "audio")
"""Words in the type of a content block that is not text."""

_WALKED = (str, list, dict)
"""The values that may hold text (numbers, booleans and nulls do not). Tuples: `isinstance` takes them faster
than unions, in the walk's loop."""


@dataclass(frozen=True)
class _Candidate:
    """A text that may be the article."""

    paras: tuple[_Para, ...]
    prose: int
    source: str


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


class _Runs:
    """The part of a scan (`cleaners.hydration.scan._Scan`, which sets these attributes) that reads the items
    of a list as paragraphs and notes their runs."""

    strings: int
    values: int
    item_values: int
    readings: dict[str, _Reading]
    runs: list[_Candidate]

    def exhausted(self) -> bool:
        """Whether the walk has reached its bounds."""
        return self.strings >= MAX_STRINGS or self.values >= MAX_VALUES

    def _reading(self, text: str) -> _Reading:
        reading = self.readings.get(text)
        if reading is None:
            reading = self.readings[text] = _read(text)
        return reading

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
