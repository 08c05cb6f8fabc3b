"""cleaners.prefilter: the literal test before a phrase pattern's search never changes what the search finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaners.prefilter import Phrases, fold, required_literals
from cleaners.rules import _table

LITERALS = {
    "a-phrase": (r"\bfollow us\b", ("follow us",)),
    "a-branch": (r"\b(click|tap) here\b", (" here",)),
    "every-branch-needs-one": (r"(?:cookie banner|privacy)", ("cookie banner", "privacy")),
    "a-common-start-factored-out": (r"(?:cookie banner|consent)", ("okie banner", "nsent")),
    "a-branch-without-one": (r"(?:cookie|\w+)", None),
    "only-a-wildcard": (r".{1,300}", None),
    "an-optional-part": (r"(?:colou?r)", ("colo",)),
    "a-repeat-of-at-least-one": (r"(?:ab)+c", ("ab",)),
    "a-repeat-of-none": (r"(?:ab)*c", ("c",)),
    "case-folded": (r"TOUS droits", ("tous droits",)),
    "nothing": ("", None),
    "unreadable": ("(unclosed", None),
}


@pytest.mark.parametrize(("pattern", "expected"), LITERALS.values(), ids=LITERALS.keys())
def test_the_literals_every_match_holds(pattern: str, expected: tuple[str, ...] | None) -> None:
    assert required_literals(pattern, re.IGNORECASE) == expected


@pytest.mark.parametrize(
    ("text", "folded"),
    [("Follow Us", "follow us"), ("İSTANBUL", "istanbul"), ("ılık", "ilik"), ("Straße", "strasse")],
    ids=["ascii", "dotted-capital-i", "dotless-i", "sharp-s"],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_a_family_without_phrases_never_matches() -> None:
    phrases = Phrases.compile([])
    assert phrases.literals == ()
    assert phrases.never
    assert phrases.search("anything at all") is None
    assert not Phrases.compile([r"\bfollow us\b"]).never


@pytest.mark.parametrize(
    ("patterns", "expected"),
    [
        ([r"\bin the comments\b", r"\bcomment below\b"], ("in the comments", "comment below")),
        ([r"\bin the comments\b", r"\bcomment\b"], ("comment",)),
        ([r"\bwelcome\b", r"\byour comments are welcome\b", r"\bsound off\b"], ("welcome", "sound off")),
    ],
    ids=["neither-holds-the-other", "a-literal-holding-another-goes", "order-kept"],
)
def test_a_literal_that_holds_another_is_not_tested(patterns: list[str], expected: tuple[str, ...]) -> None:
    assert Phrases.compile(patterns).literals == expected


def _table_phrases() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for family, table in _table("text").items():
        for language, patterns in table.get("contains", {}).items():
            found[f"{family}-{language}"] = patterns
    return found


TABLE_PHRASES = _table_phrases()


@pytest.mark.parametrize("patterns", TABLE_PHRASES.values(), ids=TABLE_PHRASES.keys())
def test_every_table_phrase_family_has_a_prefilter(patterns: list[str]) -> None:
    assert Phrases.compile(patterns).literals, "a phrase with no literal: every line is scanned"


# Lines made of the tables' own phrases, case-changed and run together with other words and with the
# characters that case-insensitive matching treats specially (dotted and dotless I, long s, Kelvin sign).
_WORDS = sorted({w for ps in TABLE_PHRASES.values() for p in ps for w in re.findall(r"[^\W\d_]+", p)})
_PIECES = st.one_of(
    st.sampled_from(_WORDS),
    st.sampled_from(["İ", "ı", "ſ", "\u212a", "ß", "ẞ", "’", ".", ":", "2024", "é", "ł"]),
    st.text(min_size=1, max_size=6),
)


@settings(max_examples=400, deadline=None)
@given(
    family=st.sampled_from(sorted(TABLE_PHRASES)),
    pieces=st.lists(_PIECES, max_size=14),
    separators=st.lists(st.sampled_from([" ", "", "-", ", "]), min_size=14, max_size=14),
    upper=st.lists(st.booleans(), min_size=14, max_size=14),
)
def test_the_prefilter_finds_what_the_search_finds(
    family: str, pieces: list[str], separators: list[str], upper: list[bool]
) -> None:
    text = "".join(
        (piece.upper() if up else piece) + sep for piece, sep, up in zip(pieces, separators, upper, strict=False)
    )
    phrases = Phrases.compile(TABLE_PHRASES[family])
    assert bool(phrases.search(text)) == bool(phrases.regex.search(text))
    assert bool(phrases.search(text, fold(text))) == bool(phrases.regex.search(text))
