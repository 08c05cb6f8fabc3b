"""The rule tables (data in `cleaners/rules/`) and per-source rules (data in `seeds/`)."""

from __future__ import annotations

import functools
import hashlib
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cssselect import GenericTranslator, SelectorError
from lxml import etree

from cleaners.prefilter import Phrases

RULES_DIR = Path(__file__).resolve().parent / "rules"


@functools.cache
def _table(name: str) -> dict[str, Any]:
    data: dict[str, Any] = tomllib.loads((RULES_DIR / f"{name}.toml").read_text(encoding="utf-8"))
    return data


def _family_patterns(table: dict[str, Any], language: str | None) -> list[str]:
    languages = dict.fromkeys(["any", "en", language or "en"])
    return [p for lang in languages for p in table.get(lang, []) if isinstance(p, str)]


def _compile_family(table: dict[str, Any], language: str | None, *, whole: bool) -> re.Pattern[str]:
    joined = "|".join(f"(?:{p})" for p in _family_patterns(table, language)) or "(?!)"
    return re.compile(f"(?:{joined})\\Z" if whole else joined, re.IGNORECASE)


@functools.cache
def line_pattern(family: str, language: str | None) -> re.Pattern[str]:
    """A text family's whole-line patterns ("any", English, ``language``) as one regex; use ``.match``."""
    return _compile_family(_table("text")[family], language, whole=True)


@functools.cache
def loose_pattern(family: str, language: str | None) -> re.Pattern[str]:
    """A text family's patterns as one unanchored regex: ``.match`` for a prefix, ``.search`` anywhere."""
    return _compile_family(_table("text")[family], language, whole=False)


@functools.cache
def each_pattern(family: str, language: str | None) -> tuple[re.Pattern[str], ...]:
    """A text family's patterns one by one (unanchored, as `loose_pattern` joins them): for a caller that must
    try each alternative where the joined regex stops at the first that matches."""
    return tuple(re.compile(p, re.IGNORECASE) for p in _family_patterns(_table("text")[family], language))


@functools.cache
def contains_pattern(family: str, language: str | None) -> Phrases:
    """A text family's ``contains`` phrases as one regex, with its literal prefilter; use ``.search``.
    Never matches if it has none (and costs nothing then)."""
    return Phrases.compile(_family_patterns(_table("text")[family].get("contains", {}), language))


def html_families() -> dict[str, dict[str, Any]]:
    """The node families of ``html.toml``: ``{name: {"tags": [...], "class_words": [...]}}``."""
    return {k: v for k, v in _table("html").items() if isinstance(v, dict)}


def html_setting(name: str) -> Any:
    """A top-level value of ``html.toml``."""
    return _table("html")[name]


@dataclass(frozen=True)
class SourceRules:
    """Cleaning rules for one source, from its ``[source.rules]`` table in a seeds file.

    ``drop_selectors`` are CSS selectors of nodes to drop before extraction;
    ``drop_lines`` are regular expressions, matched case-insensitively
    against whole lines of the extracted text, of lines to drop.
    """

    drop_selectors: tuple[str, ...] = ()
    drop_lines: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.drop_selectors or self.drop_lines)

    @property
    def digest(self) -> str:
        """A short digest of the rules, part of the cleaner version of the articles they clean."""
        text = "\n".join([*self.drop_selectors, "--", *self.drop_lines])
        return hashlib.sha256(text.encode()).hexdigest()[:8]

    @classmethod
    def from_table(cls, table: object, where: str) -> SourceRules:
        """Build from a TOML table; raises ValueError with ``where`` in the message if it is malformed."""
        if table is None:
            return cls()
        if not isinstance(table, dict):
            raise ValueError(f"{where}: rules must be a table")
        values: dict[str, tuple[str, ...]] = {}
        for key in ("drop_selectors", "drop_lines"):
            items = table.get(key, [])
            if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
                raise ValueError(f"{where}: rules.{key} must be a list of strings")
            values[key] = tuple(items)
        unknown = set(table) - set(values)
        if unknown:
            raise ValueError(f"{where}: unknown rules key(s): {', '.join(sorted(unknown))}")
        rules = cls(**values)
        rules.compiled_selectors()
        rules.compiled_lines()
        return rules

    def compiled_selectors(self) -> etree.XPath | None:
        """The drop selectors as one compiled XPath, or None (raises ValueError on a bad selector)."""
        return _compile_selectors(self.drop_selectors)

    def compiled_lines(self) -> re.Pattern[str] | None:
        """The drop-line patterns as one compiled regex, or None (raises ValueError on a bad pattern)."""
        return _compile_lines(self.drop_lines)


@functools.lru_cache(maxsize=256)
def _compile_selectors(selectors: tuple[str, ...]) -> etree.XPath | None:
    if not selectors:
        return None
    try:
        expression = " | ".join(GenericTranslator().css_to_xpath(s) for s in selectors)
    except SelectorError as error:
        raise ValueError(f"bad CSS selector in {selectors!r}: {error}") from None
    return etree.XPath(expression)


@functools.lru_cache(maxsize=256)
def _compile_lines(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    try:
        return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
    except re.error as error:
        raise ValueError(f"bad pattern in {patterns!r}: {error}") from None
