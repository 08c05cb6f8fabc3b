"""Literal prefilters for the rule tables' phrase patterns: a substring test that passes over most lines
before a regular expression scans them.

A ``contains`` phrase pattern is searched for anywhere in a line, and Python's regular expressions try it
at every position of the line (a few microseconds per line and pattern). But nearly every such pattern
holds a literal that each of its matches holds too ("follow us" in ``\\bfollow us\\b``); a line without
any of them cannot match, and ``in`` finds that out some fifty times faster. `required_literals` reads
those literals off the pattern's parse; `Phrases.search` uses them, and gives exactly what the regular
expression alone gives.
"""

from __future__ import annotations

import bisect
import functools
import importlib
import itertools
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from cleaners.pattern_cache import compiled, pattern_cache

Literals = tuple[str, ...]


def fold(text: str) -> str:
    """``text`` case-folded as the prefilter compares it.

    Case-insensitive regular expressions also match a dotless or dotted capital I with "i", which
    case-folding alone does not do; they become "i" first.
    """
    if not text.isascii():
        text = text.replace("İ", "i").replace("ı", "i")
    return text.casefold()


def required_literals(pattern: str, flags: int = 0, *, exact: bool = False) -> Literals | None:
    """Folded literals one of which every match of ``pattern`` holds; None when no such set is known.

    Only what is certain counts: literal characters in sequence, groups, alternations whose every branch
    requires a literal, and repeats of at least one. Anything else (classes, wildcards, optional parts)
    only ends a literal. A pattern the parser of this Python cannot read gets None, so no prefilter.

    ``exact``: the literals as the pattern writes them, for a case-sensitive test; a case-insensitive
    pattern, or part of one, then gives none.
    """
    try:
        parser = importlib.import_module("re._parser")  # private, hence the fallback below
        constants = importlib.import_module("re._constants")
        parsed = parser.parse(pattern, flags)
        if exact and parsed.state.flags & re.IGNORECASE:
            return None
        return _sequence(parsed, constants, (lambda text: text) if exact else fold)
    except (ImportError, AttributeError, re.error, RecursionError, TypeError, ValueError):
        return None


def gate_literals(pattern: str, flags: int = 0) -> Literals | None:
    """`required_literals` chosen to be few rather than long, and read in a look-ahead too (what it looks
    for stands in the text after the match's start): a test of the literals' presence before a pattern is
    tried at the start of a text. ``.{5,200}\\s*\\[(video|photos)`` gives "[" where `required_literals`
    gives "video" and "photos"."""
    try:
        parser = importlib.import_module("re._parser")  # private, hence the fallback below
        constants = importlib.import_module("re._constants")
        return _sequence(parser.parse(pattern, flags), constants, fold, _fewest_literals, ahead=True)
    except (ImportError, AttributeError, re.error, RecursionError, TypeError, ValueError):
        return None


def _most_selective(candidates: list[Literals | None]) -> Literals | None:
    found = [c for c in candidates if c]
    return max(found, key=lambda literals: min(len(s) for s in literals)) if found else None


GATE_LITERALS = 4
"""A pattern with no literal beginning is tried only on a text that holds one of its literals when it has at most
this many (a test of each would otherwise cost what the pattern does)."""
COMMON_MARKS = ".,-:"
"""Marks of most lines of prose: a literal of these, spaces and one letter at most ("a ", ", ", " से ") is weak."""


def _is_lone(literal: str) -> bool:
    return len(literal) == 1 and (literal.isalnum() or literal.isspace())


def _is_weak(literal: str) -> bool:
    rest = [c for c in literal if not (c.isspace() or c in COMMON_MARKS or unicodedata.category(c).startswith("M"))]
    return not rest or (len(rest) == 1 and rest[0].isalpha())


def _gate_rank(literals: Literals) -> tuple[int, int]:
    """How little a gate of ``literals`` tells texts apart, least first: a few literals none of which is weak;
    a few with a weak one (a letter beside a space, a comma: most lines hold one); more than a gate tests
    (`GATE_LITERALS`); a lone letter, digit or space. Then the fewer, the better."""
    if any(_is_lone(s) for s in literals):
        rank = 3
    elif len(literals) > GATE_LITERALS:
        rank = 2
    else:
        rank = 1 if any(_is_weak(s) for s in literals) else 0
    return rank, len(literals)


def _fewest_literals(candidates: list[Literals | None]) -> Literals | None:
    """The fewest literals, of those that tell texts apart (`_gate_rank`): a weak literal, which most lines
    hold, is chosen only when there is nothing else."""
    found = [fewest(c) for c in candidates if c]
    return min(found, key=_gate_rank) if found else None


def _sequence(
    items: Any,
    c: Any,
    norm: Callable[[str], str],
    choose: Callable[[list[Literals | None]], Literals | None] = _most_selective,
    *,
    ahead: bool = False,
) -> Literals | None:
    """The literals of a parsed sequence (``c``: the parser's constants), each through ``norm`` (`fold`, or
    as written: then a group with case-insensitive flags of its own gives none), the set ``choose`` takes of
    those its parts require; with ``ahead``, a look-ahead's parts too."""
    candidates: list[Literals | None] = []
    run: list[str] = []

    def end_run() -> None:
        if run:
            candidates.append((norm("".join(run)),))
            run.clear()

    for op, value in items:
        if op is c.LITERAL:
            run.append(chr(value))
            continue
        end_run()
        if op is c.SUBPATTERN:
            folds = norm is not fold and value[1] & re.IGNORECASE
            candidates.append(None if folds else _sequence(value[3], c, norm, choose, ahead=ahead))
        elif op is c.ATOMIC_GROUP:
            candidates.append(_sequence(value, c, norm, choose, ahead=ahead))
        elif op is c.BRANCH:
            branches = [_sequence(branch, c, norm, choose, ahead=ahead) for branch in value[1]]
            if all(branches):
                candidates.append(tuple(dict.fromkeys(s for branch in branches if branch for s in branch)))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and value[0] >= 1:
            candidates.append(_sequence(value[2], c, norm, choose, ahead=ahead))
        elif ahead and op is c.ASSERT and value[0] == 1:
            candidates.append(_sequence(value[1], c, norm, choose, ahead=ahead))
    end_run()
    return choose(candidates)


def fewest(literals: Literals) -> Literals:
    """``literals`` without those that hold another of them: a line that holds "the comments" holds
    "comment", so testing "comment" alone lets the same lines through, with fewer tests."""
    return tuple(s for s in literals if not any(other != s and other in s for other in literals))


@dataclass(frozen=True)
class Phrases:
    """A family's phrase patterns, with the literals that every match holds; each pattern is compiled the first
    time a text holds one of its literals (a family's phrases number in the hundreds, and a page's lines hold
    the literals of few of them)."""

    sources: tuple[str, ...]
    """The phrase patterns, in order."""
    flags: int
    literals: Literals | None
    """Folded; None when not known (every phrase is then searched on every line). Empty: never matches."""
    part_literals: tuple[Literals | None, ...]
    """Each phrase's own literals. When the family's literal test passes, only the phrases whose literals the
    text holds are searched: one regular expression of the whole family would try every phrase at every
    position of the text (some 50 microseconds on a line that the literal test let through, against a few
    for the phrases it holds the literals of)."""

    @classmethod
    def compile(cls, patterns: list[str], flags: int = re.IGNORECASE) -> Phrases:
        """The phrases of ``patterns`` (none: a family that never matches) and their literals. The family's
        literals are its phrases' (it needs one of each phrase's, when every phrase has some)."""
        cache = pattern_cache()
        each = [cache.fact("literals", p, flags, required_literals) for p in patterns]
        every = tuple(dict.fromkeys(s for literals in each if literals for s in literals))
        return cls(
            tuple(patterns),
            flags,
            fewest(every) if all(each) else None,
            tuple(fewest(literals) if literals else None for literals in each),
        )

    @functools.cached_property
    def regex(self) -> re.Pattern[str]:
        """All the phrases as one regular expression (for a substitution of every match), compiled when first
        needed."""
        return compiled("|".join(f"(?:{p})" for p in self.sources) or "(?!)", self.flags)

    @functools.cached_property
    def _compiled(self) -> list[re.Pattern[str] | None]:
        return [None] * len(self.sources)

    def _part(self, index: int) -> re.Pattern[str]:
        compiled_parts = self._compiled
        found = compiled_parts[index]
        if found is None:
            found = compiled_parts[index] = compiled(self.sources[index], self.flags)
        return found

    @property
    def never(self) -> bool:
        """Whether no text matches (a family with no phrases): callers may skip the search."""
        return self.literals == ()

    def search(self, text: str, folded: str | None = None) -> re.Match[str] | None:
        """A match of one of the phrases in ``text`` (the first phrase's that matches, not always the leftmost
        match), or None: found when ``self.regex.search(text)`` finds one. ``folded`` is `fold(text)` if the
        caller has it already."""
        folded = fold(text) if folded is None else folded
        if self.literals is not None:
            for literal in self.literals:  # a loop, not any(): no generator made on each of a page's many lines
                if literal in folded:
                    break
            else:
                return None
        for index, literals in enumerate(self.part_literals):
            if literals is None or any(literal in folded for literal in literals):
                found = self._part(index).search(text)
                if found is not None:
                    return found
        return None


PREFIX_MAX = 8
"""`literal_prefixes` gives beginnings of at most this many characters: enough to tell most of a family's
patterns apart."""
PREFIXES_AT_MOST = 24
"""A pattern's beginnings are cut shorter until there are at most this many (a string test of each would
otherwise cost what the pattern does)."""
_BEGINNINGS_READ = 512
"""More beginnings than this while a pattern is read: it gets none."""

_Beginnings = set[tuple[str, bool]]
"""Literal beginnings a sequence's match may have so far, each with whether it is all the match has read
(so that what follows may extend it)."""


def literal_prefixes(pattern: str, flags: int = 0) -> tuple[str, ...]:
    """Folded texts, one of which every match of ``pattern`` begins with (each at most `PREFIX_MAX`
    characters); () when that is not known.

    A text whose folded beginning starts with none of them cannot match at its start: a family's patterns
    that begin with the same character ("this article", "the original", "(the|this) story") are told apart
    by one string comparison instead of one regular expression each. Only what is certain counts: literal
    characters, groups, the branches of an alternation (each its own beginning), optional parts (a beginning
    with them and one without), repeats (one turn), and zero-width tests (read through); anything else ends
    a beginning. Beginnings are cut shorter (down to two characters) until there are at most
    `PREFIXES_AT_MOST`. A beginning that may be empty, too many of them, or a pattern the parser of this
    Python cannot read give ().
    """
    try:
        parser = importlib.import_module("re._parser")  # private, hence the fallback below
        constants = importlib.import_module("re._constants")
        found = _beginnings(parser.parse(pattern, flags), {("", True)}, constants)
    except (ImportError, AttributeError, re.error, RecursionError, TypeError, ValueError):
        return ()
    if found is None:
        return ()
    folded = {fold(text) for text, _ in found}
    for length in range(PREFIX_MAX, 1, -1):
        texts = {text[:length] for text in folded}
        if "" in texts:
            return ()
        fewest_texts = [t for t in texts if not any(o != t and t.startswith(o) for o in texts)]
        if len(fewest_texts) <= PREFIXES_AT_MOST:
            return tuple(sorted(fewest_texts))
    return ()


def _beginnings(items: Any, before: _Beginnings, c: Any) -> _Beginnings | None:
    """``before`` extended by a parsed sequence (each beginning at most `PREFIX_MAX` characters); None when
    they grow past `_BEGINNINGS_READ`."""
    found = before
    for op, value in items:
        if not any(open_ for _, open_ in found):
            break
        if op is c.LITERAL:
            character = chr(value)
            found = {
                (text + character, len(text) + 1 < PREFIX_MAX) if open_ else (text, False) for text, open_ in found
            }
        elif op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # zero-width: the match goes on with what follows
        elif op is c.SUBPATTERN or op is c.BRANCH:
            branches = [value[3]] if op is c.SUBPATTERN else value[1]
            grown: _Beginnings = set()
            for branch in branches:
                extended = _beginnings(branch, found, c)
                if extended is None:
                    return None
                grown |= extended
            found = grown
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            least, most, item = value
            if most == 0:
                continue
            once = _beginnings(item, found, c)
            if once is None:
                return None
            if most != 1:  # more turns may follow: nothing after extends these
                once = {(text, False) for text, _ in once}
            found = (found | once) if least == 0 else once
        else:
            found = {(text, False) for text, _ in found}
        if len(found) > _BEGINNINGS_READ:
            return None
    return found


Starts = frozenset[str]


def start_key(character: str) -> str:
    """The key a text's first character is looked up by (`first_characters`): its case fold's first character,
    so that every character a case-insensitive pattern's literal matches has the literal's own key."""
    return fold(character)[:1]


def first_characters(pattern: str, flags: int = 0) -> Starts | None:
    """The `start_key` of every character a match of ``pattern`` can begin with; None when the pattern can
    match an empty text or begin with a character not known in advance (a class such as ``\\w``, a wildcard).

    A text whose first character's key is not in the set cannot match at its start, so a family's pattern
    need not be tried on it. Only what is certain counts: literals, classes of literals and small ranges,
    groups, alternations, and what follows an optional part or a zero-width test (which are read through).
    A pattern the parser of this Python cannot read gets None.
    """
    try:
        parser = importlib.import_module("re._parser")  # private, hence the fallback below
        constants = importlib.import_module("re._constants")
        starts, empty = _first_of_sequence(parser.parse(pattern, flags), constants)
    except (ImportError, AttributeError, re.error, RecursionError, TypeError, ValueError):
        return None
    return None if starts is None or empty else frozenset(starts)


_RANGE_LIMIT = 256
"""A class's range of at most this many characters is read character by character; a wider one is unknown."""


def _first_of_sequence(items: Any, c: Any) -> tuple[set[str] | None, bool]:
    """The keys a parsed sequence's match can begin with (None: unknown), and whether it can match empty."""
    starts: set[str] = set()
    for op, value in items:
        found, empty = _first_of_item(op, value, c)
        if found is None:
            return None, False
        starts |= found
        if not empty:
            return starts, False
    return starts, True


def _first_of_item(op: Any, value: Any, c: Any) -> tuple[set[str] | None, bool]:
    if op is c.LITERAL:
        return {start_key(chr(value))}, False
    if op is c.IN:
        starts: set[str] = set()
        for kind, item in value:
            if kind is c.LITERAL:
                starts.add(start_key(chr(item)))
            elif kind is c.RANGE and item[1] - item[0] < _RANGE_LIMIT:
                starts |= {start_key(chr(code)) for code in range(item[0], item[1] + 1)}
            else:  # a negation, a category (\w, \d, \s) or a wide range
                return None, False
        return starts, False
    if op is c.SUBPATTERN:
        return _first_of_sequence(value[3], c)
    if op is c.ATOMIC_GROUP:
        return _first_of_sequence(value, c)
    if op is c.BRANCH:
        starts, empty = set(), False
        for branch in value[1]:
            found, can_be_empty = _first_of_sequence(branch, c)
            if found is None:
                return None, False
            starts |= found
            empty = empty or can_be_empty
        return starts, empty
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        least, most, item = value
        if most == 0:
            return set(), True
        found, empty = _first_of_sequence(item, c)
        return (found, empty or least == 0) if found is not None else (None, False)
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):  # zero-width: the match begins with what follows
        return set(), True
    return None, False  # a wildcard, a back reference, anything else


def lines_holding(literals: Literals, folded: Sequence[str]) -> list[int]:
    """The indices of the lines (``folded``, case-folded as `fold` folds them) that hold one of ``literals``. The
    literals are looked for once in all the lines joined, where a test of each line would loop over them line by
    line: a gate that most of a page's lines fail."""
    joined = "\n".join(folded)
    starts = list(itertools.accumulate((len(line) + 1 for line in folded), initial=0))
    found = set()
    for literal in literals:
        at = joined.find(literal)
        while at != -1:
            found.add(bisect.bisect_right(starts, at) - 1)
            at = joined.find(literal, at + 1)
    return sorted(found)


def lines_passing(gate: Phrases, texts: Sequence[str], folded: Sequence[str]) -> list[int]:
    """The indices of the ``texts`` (``folded``, the same case-folded) that may match ``gate``: those that hold one of
    its literals (`lines_holding`), or, when it has none known, those it matches."""
    if gate.literals is None:
        return [i for i, text in enumerate(texts) if gate.search(text, folded[i])]
    return lines_holding(gate.literals, folded)
