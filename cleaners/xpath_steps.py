"""An XPath step that names its tags in a predicate, rewritten to name them in the step itself.

trafilatura picks the boxes it prunes or reads with steps such as
``.//*[self::div or self::section][...]``: every element of the tree is reached, and each is asked, as a
predicate, which tag it has, in an evaluation of its own for each ``self::`` test. The same elements are
selected by ``(descendant::div[...] | descendant::section[...])``, where libxml2 compares the tag names
as it walks the tree: on the 974 pages of the two benchmark sets, about a third of what those steps cost.

The two select the same elements (in document order, as every node-set is returned) as long as no
predicate reads the element's position among the others (``position()``, ``last()``, or a number used as
a predicate), which differs between the two steps: `by_tag` rewrites a step only when each of its
predicates is a boolean test that reads neither.
"""

from __future__ import annotations

import re

_SELF_TESTS = re.compile(
    r"(?P<root>\.?)//\*\[\s*(?P<tests>self::[A-Za-z_][\w.-]*(?:\s+or\s+self::[A-Za-z_][\w.-]*)*)\s*\]"
)
"""``.//*[self::div or self::section]``, or the same from the document's root (``//*[...]``)."""
_TAG = re.compile(r"self::([A-Za-z_][\w.-]*)")
_STRING = re.compile(r"'[^']*'|\"[^\"]*\"")
_POSITIONAL = re.compile(r"(?<![\w.-])(?:position|last)\s*\(")
_CONNECTIVE = re.compile(r"(?<![\w.:@$-])(?:or|and)(?![\w.:-])")
_COMPARISON = re.compile(r"[=<>]")
_BOOLEAN_CALL = re.compile(r"\s*(?:not|contains|starts-with|boolean|true|false|lang|re:test)\s*\(\)\s*")
_PARENTHESISED = re.compile(r"\s*\(\)\s*")


def blank_strings(text: str) -> str:
    """``text`` with the characters of its string literals replaced (their quotes kept), so that brackets,
    words and operators in them are not read as the expression's."""
    return _STRING.sub(lambda match: match.group(0)[0] + " " * (len(match.group(0)) - 2) + match.group(0)[0], text)


def _top_level(blanked: str) -> str:
    """What of a (blanked) expression stands outside any brackets: ``contains()`` for ``contains(@a, 'b')``."""
    kept: list[str] = []
    depth = 0
    for char in blanked:
        if char in ")]":
            depth -= 1
        if depth == 0:
            kept.append(char)
        if char in "([":
            depth += 1
    return "".join(kept)


def is_boolean(predicate: str) -> bool:
    """Whether an XPath predicate (without its brackets) is known to give a boolean: a test joined with
    ``or`` or ``and``, a comparison, a call of a boolean function, or one of these in parentheses. (A
    number or a node-set is not read as one.)"""
    blanked = blank_strings(predicate)
    top = _top_level(blanked)
    if _CONNECTIVE.search(top) or _COMPARISON.search(top) or _BOOLEAN_CALL.fullmatch(top):
        return True
    if _PARENTHESISED.fullmatch(top):
        inner = blanked.strip()
        return is_boolean(predicate.strip()[1:-1]) if inner.startswith("(") and inner.endswith(")") else False
    return False


def _predicates(blanked: str, start: int) -> tuple[list[tuple[int, int]], int]:
    """The spans of the predicates (``[...]``, brackets included) that follow one another from ``start`` in a
    blanked expression, and where the last one ends."""
    spans: list[tuple[int, int]] = []
    end = start
    position = start
    while True:
        while position < len(blanked) and blanked[position].isspace():
            position += 1
        if position >= len(blanked) or blanked[position] != "[":
            return spans, end
        depth = 0
        for index in range(position, len(blanked)):
            if blanked[index] == "[":
                depth += 1
            elif blanked[index] == "]":
                depth -= 1
                if depth == 0:
                    break
        else:
            return spans, end  # unbalanced: the expression will not compile anyway
        spans.append((position, index + 1))
        end = position = index + 1


def by_tag(path: str) -> str:
    """``path`` with each step ``.//*[self::a or self::b]`` and the predicates after it, ``P``, that stands
    at the start of the expression or of a part of it (after ``(`` or ``|``), as
    ``(descendant::a P | descendant::b P)``; a step with a predicate that is not known to be a boolean
    test (`is_boolean`) or that reads the element's position is left as it is."""
    blanked = blank_strings(path)
    pieces: list[str] = []
    done = 0
    for match in _SELF_TESTS.finditer(blanked):
        before = blanked[: match.start()].rstrip()
        if match.start() < done or (before and before[-1] not in "(|"):
            continue
        spans, end = _predicates(blanked, match.end())
        predicates = [path[start + 1 : stop - 1] for start, stop in spans]
        if _POSITIONAL.search(blanked[match.start() : end]) or not all(map(is_boolean, predicates)):
            continue
        rest = "".join(f"[{predicate}]" for predicate in predicates)
        axis = "descendant" if match.group("root") else "/descendant"
        steps = " | ".join(f"{axis}::{tag}{rest}" for tag in _TAG.findall(match.group("tests")))
        pieces.append(path[done : match.start()] + f"({steps})")
        done = end
    return "".join(pieces) + path[done:]
