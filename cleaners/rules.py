"""The rule tables (data in `cleaners/rules/`) and per-source rules (data in `seeds/`)."""

from __future__ import annotations

import functools
import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cssselect import GenericTranslator, SelectorError
from lxml import etree

from cleaners.pattern_cache import compiled, pattern_cache
from cleaners.prefilter import (
    GATE_LITERALS,
    PREFIX_MAX,
    Phrases,
    Starts,
    first_characters,
    fold,
    gate_literals,
    literal_prefixes,
)

RULES_DIR = Path(__file__).resolve().parent / "rules"


_FRAGMENT = re.compile(r"%([a-z_]+)%")
"""Where a rule table's pattern names one of the table's ``[fragments]`` (``%capital%``)."""


@functools.cache
def _table(name: str) -> dict[str, Any]:
    """A rule table as parsed, its ``[fragments]`` written out wherever a pattern names one (an unknown name
    fails here, when the table is first read)."""
    data: dict[str, Any] = tomllib.loads((RULES_DIR / f"{name}.toml").read_text(encoding="utf-8"))
    fragments = written_out_fragments(data.pop("fragments", {}))
    return _written_out(data, fragments) if fragments else data


def written_out_fragments(fragments: dict[str, str]) -> dict[str, str]:
    """A table's ``[fragments]``, each with the fragments it names written out: a fragment may name one written
    above it (``%capital%`` in a name's pattern), not one below it or itself."""
    written: dict[str, str] = {}
    for name, fragment in fragments.items():
        written[name] = _written_out(fragment, written)
    return written


def _written_out(value: Any, fragments: dict[str, str]) -> Any:
    if isinstance(value, str):
        return _FRAGMENT.sub(lambda found: fragments[found.group(1)], value)
    if isinstance(value, dict):
        return {key: _written_out(item, fragments) for key, item in value.items()}
    if isinstance(value, list):
        return [_written_out(item, fragments) for item in value]
    return value


def _family_patterns(table: dict[str, Any], language: str | None) -> list[str]:
    languages = dict.fromkeys(["any", "en", language or "en"])
    return [p for lang in languages for p in table.get(lang, []) if isinstance(p, str)]


def _own(family: str, language: str | None, sub: str | None = None) -> str | None:
    """``language`` if the family (or its sub-table ``sub``) has a list of its own for it, else None: the "any"
    and English lists alone, compiled once for every language the family has no wordings in."""
    table = _table("text")[family]
    if sub is not None:
        table = table.get(sub, {})
    return language if language and language != "en" and language in table else None


CHUNK = 8
"""Alternatives compiled together where a family is matched as a whole (`FamilyPattern.search`, or a family
of at most this many). Python's regular expressions try a long alternation's branches one by one and lose
their quick tests when many are joined: the 49 English comment calls, searched in chunks of 8, take half the
time they take as one expression, and 8 was the fastest of the sizes tried (4, 8, 16, all)."""


PAIRS_CACHED = 4096
"""`FamilyPattern` keeps what at most this many beginnings of two characters that begin none of its patterns'
literal beginnings may match."""


@dataclass(frozen=True)
class Alternative:
    """One pattern of a family, as compiled: anchored at the end of the text for a whole-line family."""

    source: str

    @classmethod
    def of(cls, pattern: str, *, whole: bool) -> Alternative:
        return cls(f"(?:{pattern})\\Z" if whole else f"(?:{pattern})")

    @functools.cached_property
    def starts(self) -> Starts | None:
        """The keys of the characters a match can begin with (`first_characters`; None: any), read when a
        family is first matched (a family only searched, or only joined, never reads them)."""
        return pattern_cache().fact("starts", self.source, re.IGNORECASE, first_characters)

    @functools.cached_property
    def prefixes(self) -> tuple[str, ...]:
        """Folded texts, one of which every match begins with (`literal_prefixes`; (): unknown)."""
        return pattern_cache().fact("prefixes", self.source, re.IGNORECASE, literal_prefixes)

    @functools.cached_property
    def literals(self) -> tuple[str, ...]:
        """Folded texts, one of which every match holds, as few as the pattern allows (`gate_literals`; (): unknown)."""
        return pattern_cache().fact("gate-literals-2", self.source, re.IGNORECASE, gate_literals) or ()

    @functools.cached_property
    def gate(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """What a text must pass for the pattern to be tried on it: begin with one of the ``prefixes`` (when
        known), else hold one of the ``literals`` (when known); ((), ()): nothing known, always tried."""
        if self.prefixes:
            return self.prefixes, ()
        return (), self.literals if len(self.literals) <= GATE_LITERALS else ()

    def can_begin(self, start: str) -> bool:
        """Whether a match may begin with ``start``, a folded text's first two characters (fewer at its end):
        its first character is one a match can begin with (`starts`), and it agrees with one of the
        `prefixes` as far as both go."""
        if self.starts is not None and start[:1] not in self.starts:
            return False
        return not self.prefixes or any(p.startswith(start) or start.startswith(p) for p in self.prefixes)

    @functools.cached_property
    def regex(self) -> re.Pattern[str]:
        """The pattern alone, compiled when a text first needs it."""
        return compiled(self.source, re.IGNORECASE)


Candidate = tuple[re.Pattern[str], tuple[str, ...], tuple[str, ...]]
"""A pattern to try where a family is matched, with its gate: the text must begin with one of the prefixes
(when there are any) or else hold one of the literals (when there are any)."""


@dataclass(frozen=True)
class FamilyPattern:
    """A family's patterns for a page's language, read as one regular expression of all of them would read
    them ("any" and English first, then the language's own).

    ``match`` and ``fullmatch`` try only the patterns that can begin with the text's first two characters
    (folded), each compiled the first time a text needs it: a line's beginning rules out most of a large
    family, and a language met on a few pages compiles only the patterns their lines can begin. Of those, a
    pattern whose literal beginnings (`Alternative.prefixes`) the text begins with none of is not tried, nor
    one that may begin anywhere but needs a literal (`Alternative.literals`) the text does not hold. A family
    of at most `CHUNK` patterns is one expression, tried when one of its patterns may match by those tests.
    ``search`` reads the family in chunks of `CHUNK`."""

    shared: tuple[Alternative, ...]
    own: tuple[Alternative, ...] = ()
    _by_start: dict[str, tuple[Candidate, ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False
    )
    _by_first: dict[str, tuple[Candidate, ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False
    )

    @functools.cached_property
    def alternatives(self) -> tuple[Alternative, ...]:
        """Every pattern, in order."""
        return self.shared + self.own

    @functools.cached_property
    def parts(self) -> tuple[re.Pattern[str], ...]:
        """The chunks, in order, compiled when first needed."""
        return tuple(compiled(source, re.IGNORECASE) for source in self._chunk_sources)

    @functools.cached_property
    def _chunk_sources(self) -> tuple[str, ...]:
        sources = [a.source for a in self.alternatives]
        return tuple("|".join(sources[i : i + CHUNK]) for i in range(0, len(sources), CHUNK)) or ("(?!)",)

    @functools.cached_property
    def _pairs(self) -> frozenset[str]:
        """The first two characters of every literal beginning of the family's patterns."""
        return frozenset(p[:2] for a in self.alternatives for p in a.prefixes if len(p) >= 2)

    def _candidates(self, start: str) -> tuple[Candidate, ...]:
        """What a match whose folded text begins with ``start`` (its first two characters, fewer at the text's
        end) can be: each pattern (or the family as one expression) with the gate a text must pass for it to
        be tried (`Candidate`). Two characters that begin none of the patterns' literal beginnings give what
        their first one gives alone; `PAIRS_CACHED` such pairs at most are kept for the quick lookup (a page
        in a script of thousands of characters would begin its lines with ever new pairs)."""
        if len(start) == 2 and start not in self._pairs:
            found = self._by_first.get(start[0])
            if found is None:
                found = self._by_first[start[0]] = self._fits(start)
            if len(self._by_start) < PAIRS_CACHED:
                self._by_start[start] = found
            return found
        found = self._by_start[start] = self._fits(start)
        return found

    def _fits(self, start: str) -> tuple[Candidate, ...]:
        """The candidates for ``start``, worked out: the patterns that `Alternative.can_begin` it, each behind its
        gate; for a family of at most `CHUNK`, its one expression behind their gates together (none if one of
        them has none)."""
        fits = [a for a in self.alternatives if a.can_begin(start)]
        if not fits:
            return ()
        if len(self.alternatives) > CHUNK:
            return tuple((a.regex, *a.gate) for a in fits)
        gates = [a.gate for a in fits]
        if not all(prefixes or literals for prefixes, literals in gates):
            return tuple((part, (), ()) for part in self.parts)
        prefixes = tuple(dict.fromkeys(p for gate in gates for p in gate[0]))
        literals = tuple(dict.fromkeys(s for gate in gates if not gate[0] for s in gate[1]))
        return tuple((part, prefixes, literals) for part in self.parts)

    def match(self, text: str, pos: int = 0, *, whole: bool = False, folded: str | None = None) -> re.Match[str] | None:
        """As ``re.Pattern.match`` of the joined expression: the first alternative that matches at ``pos``
        (with ``whole``, that matches all of ``text``: `fullmatch`). ``folded``: `fold` of ``text``, if the
        caller has it (`Line.folded`)."""
        head = folded[:PREFIX_MAX] if folded is not None and not pos else fold(text[pos : pos + PREFIX_MAX])
        found = self._by_start.get(head[:2])
        if found is None:
            found = self._candidates(head[:2])
        for regex, prefixes, literals in found:
            if prefixes and head.startswith(prefixes):
                pass
            elif literals:
                if folded is None:
                    folded = fold(text[pos:])
                for literal in literals:  # a loop, not any(): no generator made on each of a page's many calls
                    if literal in folded:
                        break
                else:
                    continue
            elif prefixes:
                continue
            found_match = regex.fullmatch(text) if whole else regex.match(text, pos)
            if found_match is not None:
                return found_match
        return None

    def fullmatch(self, text: str) -> re.Match[str] | None:
        """As ``re.Pattern.fullmatch`` of the joined expression."""
        return self.match(text, whole=True)

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        """As ``re.Pattern.search`` of the joined expression: the leftmost match, the earliest chunk's when
        several match at the same place."""
        best: re.Match[str] | None = None
        for part in self.parts:
            found = part.search(text, pos)
            if found is not None and (best is None or found.start() < best.start()):
                best = found
        return best

    def subn(self, repl: str, text: str) -> tuple[str, int]:
        """As ``re.Pattern.subn`` of the joined expression (which it compiles, once)."""
        return self.joined.subn(repl, text)

    @property
    def pattern(self) -> str:
        """The joined expression's source."""
        return "|".join(self._chunk_sources)

    @functools.cached_property
    def joined(self) -> re.Pattern[str]:
        """The patterns as one compiled expression."""
        return self.parts[0] if len(self._chunk_sources) == 1 else compiled(self.pattern, re.IGNORECASE)


def _alternatives(patterns: list[str], *, whole: bool) -> tuple[Alternative, ...]:
    return tuple(Alternative.of(p, whole=whole) for p in patterns)


@functools.cache
def line_pattern(family: str, language: str | None) -> FamilyPattern:
    """A text family's whole-line patterns ("any", English, ``language``); use ``.match``."""
    return _pattern(family, _own(family, language), whole=True)


@functools.cache
def loose_pattern(family: str, language: str | None) -> FamilyPattern:
    """A text family's patterns, unanchored: ``.match`` for a prefix, ``.search`` anywhere."""
    return _pattern(family, _own(family, language), whole=False)


@functools.cache
def _pattern(family: str, language: str | None, *, whole: bool) -> FamilyPattern:
    """The family for ``language`` (None: the "any" and English lists alone, which every language shares)."""
    table = _table("text")[family]
    if language is None:
        return FamilyPattern(_alternatives(_family_patterns(table, None), whole=whole))
    own = [p for p in table.get(language, []) if isinstance(p, str)]
    return FamilyPattern(_pattern(family, None, whole=whole).shared, _alternatives(own, whole=whole))


UNSPACED = frozenset({"ar", "he", "hi", "ja", "ko", "zh"})
"""Languages whose words a word table's words are matched inside (`word_pattern`): they take particles and
prefixes ("الرحلة", "제품을"), or are written without spaces."""
WITHOUT_SPACES = frozenset({"ja", "zh"})
"""Languages written without spaces between words, whose sentences are measured in characters, not words."""


@functools.cache
def word_pattern(family: str, language: str | None) -> re.Pattern[str]:
    """A word table's words for ``language`` alone (the English list for a language it has none for: a word of one
    language is another's, "lent" is "slow" in French), matched as whole words, or anywhere in a word in the
    `UNSPACED` languages."""
    table = loose_pattern(family, language)
    source = "|".join(alternative.source for alternative in table.own or table.shared)
    return compiled(source if language in UNSPACED else rf"(?<!\w)(?:{source})(?!\w)", re.IGNORECASE)


@functools.cache
def word_gate(language: str | None, *families: str) -> Phrases:
    """The words of the word tables ``families`` for ``language`` (`word_pattern`) as phrases with the literals every
    match holds: the gate that most of a page's lines fail (`prefilter.lines_passing`), a few substring tests where
    the tables' expressions would try every position of every line."""
    return Phrases.compile([word_pattern(family, language).pattern for family in families])


def each_pattern(family: str, language: str | None) -> tuple[re.Pattern[str], ...]:
    """A text family's patterns one by one (unanchored, as `loose_pattern` holds them): for a caller that must
    try each alternative where the joined regex stops at the first that matches."""
    return tuple(alternative.regex for alternative in loose_pattern(family, language).alternatives)


def contains_pattern(family: str, language: str | None) -> Phrases:
    """A text family's ``contains`` phrases as one regex, with its literal prefilter; use ``.search``.
    Never matches if it has none (and costs nothing then)."""
    return _contains_pattern(family, _own(family, language, "contains"))


@functools.cache
def _contains_pattern(family: str, language: str | None) -> Phrases:
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
