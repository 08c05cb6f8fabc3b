"""cleaners.prefilter: the literal test before a phrase pattern's search never changes what the search finds."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaners.prefilter import (
    PREFIX_MAX,
    Phrases,
    first_characters,
    fold,
    gate_literals,
    lines_holding,
    lines_passing,
    literal_prefixes,
    required_literals,
    start_key,
)
from cleaners.rules import RULES_DIR, _table, word_gate

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


GATE_LITERALS = {  # as few as the pattern allows, of those that tell texts apart, a look-ahead's too
    "one-mark-before-words": (r".{5,200}\s*\[(insight|video|videos)", ("[",)),
    "a-look-ahead": (r"(?=[^?]{1,60}\?)(\w+ ){0,3}(comment|tell us)", ("?",)),
    "not-a-look-behind": (r"(?<=\?)\s*(comment|tell us)", ("comment", "tell us")),
    "not-a-negative-look-ahead": (r"(?!.{0,20}\?)(comment|tell us)", ("comment", "tell us")),
    "not-a-lone-space": (r"(\d+|no) (comments|replies)", ("comments", "replies")),
    "not-a-letter-beside-a-space": (r"\w+ a (report|story) by \w+", (" by ",)),
    "not-a-comma": (r"\w+, (reported|states) \w+", ("reported", "states")),
    "not-a-letter-and-its-sign": (r"\w+ से (अनुमति|सहमति) \w+", ("अनुमति", "सहमति")),
    "a-weak-one-rather-than-too-many": (r"\w+, (a|b|c|d|e) \w+", (", ",)),
    "a-literal-holding-another-goes": (r"(comments|comment|remarks)", ("comment", "remarks")),
    "one-mark": (r"[\w.+-]+@[\w-]+", ("@",)),
    "nothing": (r"\W*", None),
}


@pytest.mark.parametrize(("pattern", "expected"), GATE_LITERALS.values(), ids=GATE_LITERALS.keys())
def test_the_few_literals_every_match_holds(pattern: str, expected: tuple[str, ...] | None) -> None:
    assert gate_literals(pattern, re.IGNORECASE) == expected


def _table_line_patterns() -> list[str]:
    found: list[str] = []
    for table in _table("text").values():
        if isinstance(table, dict):
            found += [p for patterns in table.values() if isinstance(patterns, list) for p in patterns]
    return sorted(p for p in set(found) if gate_literals(p, re.IGNORECASE))


_GATED = _table_line_patterns()


@settings(max_examples=300, deadline=None)
@given(pattern=st.sampled_from(_GATED), data=st.data())
def test_a_text_that_matches_holds_a_gate_literal(pattern: str, data: st.DataObject) -> None:
    """Texts the pattern matches at their start (drawn from the pattern itself) hold one of its literals."""
    regex = re.compile(pattern, re.IGNORECASE)
    text = data.draw(st.from_regex(regex, fullmatch=True))
    literals = gate_literals(pattern, re.IGNORECASE)
    assert literals
    if regex.match(text):
        assert any(literal in fold(text) for literal in literals), text


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


def test_a_phrase_is_compiled_only_once_a_text_holds_its_literals() -> None:
    """A family's phrases number in the hundreds and a process meets few of them: each costs its compilation
    only when a text gets past its literal test (and the joined expression only when it is asked for)."""
    phrases = Phrases.compile([r"\bzebra crossing\b", r"\bfollow us\b"])
    assert phrases.search("Follow us on every network") is not None
    assert phrases.search("Nothing to see") is None
    assert [compiled is not None for compiled in phrases._compiled] == [False, True]
    assert "regex" not in vars(phrases)
    assert phrases.regex.search("a zebra crossing") is not None


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


FIRST = {
    "a-literal": (r"follow us", {"f"}),
    "case-folded": (r"Follow", {"f"}),
    "a-branch": (r"(?:leave|post) a comment", {"l", "p"}),
    "a-class": (r"[«“\"]quoted", {"«", "“", '"'}),
    "a-small-range": (r"[a-c]\d", {"a", "b", "c"}),
    "an-optional-part-and-what-follows": (r"(?:please )?comment", {"p", "c"}),
    "a-repeat-of-at-least-one": (r"(?:ab)+", {"a"}),
    "a-zero-width-test-read-through": (r"(?=[^?]{1,60}\?)why\b", {"w"}),
    "a-lookbehind-read-through": (r"(?<!\w)ad", {"a"}),
    "an-anchor-read-through": (r"^\bnote", {"n"}),
    "sharp-s-folds-to-s": (r"ß", {"s"}),
    "dotted-capital-i": (r"İlan", {"i"}),
    "a-category": (r"\w+ newsletters?", None),
    "a-wildcard": (r".{1,300}click to tweet", None),
    "a-negated-class": (r"[^a]b", None),
    "a-wide-range": (r"[\u0400-\u052f]+", None),
    "can-be-empty": (r"(?:note)?", None),
    "a-branch-that-can-be-empty": (r"(?:a|)b?", None),
    "a-back-reference": (r"(a)\1", {"a"}),
    "unreadable": ("(unclosed", None),
}


@pytest.mark.parametrize(("pattern", "expected"), FIRST.values(), ids=FIRST.keys())
def test_the_characters_a_match_can_begin_with(pattern: str, expected: set[str] | None) -> None:
    found = first_characters(pattern, re.IGNORECASE)
    assert found == (frozenset(expected) if expected is not None else None)


_EVERY_CHARACTER = "".join(chr(code) for code in range(0x30000) if not 0xD800 <= code < 0xE000)
_TABLE_LETTERS = sorted(
    {ch for ch in (RULES_DIR / "text.toml").read_text(encoding="utf-8") if ch.lower() != ch.upper()}
)


@pytest.mark.parametrize("key", [start_key, fold], ids=["first-character-key", "folded-beginning"])
def test_every_character_a_literal_matches_has_the_literal_key(key: Callable[[str], str]) -> None:
    """Case-insensitive matching pairs some characters that lower-casing alone does not (the Kelvin sign
    and "k", long s and "s", final and medial sigma, dotted capital I and "i"): each must get the literal's
    key (`start_key`), or a line beginning with it would skip a pattern that matches it; and fold as the
    literal does (`fold`), or a pattern would not be tried on a line whose folded beginning differs from
    the pattern's literal beginnings."""
    wrong = {
        (letter, found)
        for letter in _TABLE_LETTERS
        for found in re.findall(re.escape(letter), _EVERY_CHARACTER, re.IGNORECASE)
        if key(found) != key(letter)
    }
    assert not wrong


PREFIXES = {
    "a-literal": (r"this article", ("this art",)),
    "a-group-and-what-follows": (r"(?:this (?:article|story) was)\Z", ("this art", "this sto")),
    "branches-with-a-common-start": (r"abc|abd", ("ab",)),  # the parser takes "ab" out of both
    "a-branch-that-begins-another": (r"(?:a|ab)c", ("abc", "ac")),
    "an-optional-part-first": (r"(?:please )?comment", ("comment", "please c")),
    "an-optional-word-inside": (r"(?:the )?(?:original )?story", ("original", "story", "the orig", "the stor")),
    "a-class-ends-a-beginning": (r"editor.s note|note", ("editor", "note")),
    "a-repeat-read-once": (r"(?:ab)+c", ("ab",)),
    "an-empty-group-read-through": (r"a(?:)b", ("ab",)),
    "a-lookbehind-read-through": (r"(?<!\w)(?:follow us)", ("follow u",)),
    "an-anchor-read-through": (r"^\bthe original", ("the orig",)),
    "folded": (r"STRAẞE Nr", ("strasse ",)),
    "dotted-capital-i": (r"(?:İstanbul)", ("istanbul",)),
    "a-class-first": (r"[\[(]?\s*unter mitarbeit", ()),
    "may-be-empty": (r"(?:note)?", ()),
    "too-many-ways": (r"[ab]?(?:c|d|e|f|g)(?:h|i|j|k|l|m)", ()),
    "unreadable": ("(unclosed", ()),
}


@pytest.mark.parametrize(("pattern", "expected"), PREFIXES.values(), ids=PREFIXES.keys())
def test_the_texts_one_of_which_every_match_begins_with(pattern: str, expected: tuple[str, ...]) -> None:
    assert literal_prefixes(pattern, re.IGNORECASE) == expected


@pytest.mark.parametrize("pattern", [p for p, _ in PREFIXES.values() if p != "(unclosed"], ids=list(PREFIXES)[:-1])
def test_every_match_begins_with_one_of_them(pattern: str) -> None:
    """On texts that match at their start, the beginnings let the pattern be tried."""
    prefixes = literal_prefixes(pattern, re.IGNORECASE)
    texts = ["this article was", "This Story Was", "abc", "abd", "ac", "abac", "please comment", "Comment",
             "the original story", "story", "Editor's note", "note", "ababc", "ab", "follow us", "The Original",
             "straße nr", "STRASSE NR", "istanbul", "İSTANBUL", "note", ""]  # fmt: skip
    for text in texts:
        if prefixes and re.match(pattern, text, re.IGNORECASE):
            assert fold(text[:PREFIX_MAX]).startswith(prefixes), text


LINES = ["no match here", "a link in the text", "linkedin", "", "the last line holds LINK"]


@pytest.mark.parametrize(
    ("literals", "expected"),
    [
        pytest.param(("link",), [1, 2], id="one-literal"),
        pytest.param(("link", "last"), [1, 2, 4], id="two-literals"),
        pytest.param(("herea",), [], id="not-across-lines"),
        pytest.param(("zzz",), [], id="none"),
    ],
)
def test_the_lines_holding_a_literal(literals: tuple[str, ...], expected: list[int]) -> None:
    assert lines_holding(literals, LINES) == expected


@given(st.lists(st.text(alphabet="ab\n", max_size=6), max_size=6), st.text(alphabet="ab", min_size=1, max_size=2))
@settings(max_examples=200, deadline=None)
def test_lines_holding_is_a_test_of_each_line(lines: list[str], literal: str) -> None:
    lines = [line.replace("\n", "") for line in lines]
    assert lines_holding((literal,), lines) == [i for i, line in enumerate(lines) if literal in line]


def test_a_gate_without_known_literals_searches_each_line() -> None:
    gate = Phrases.compile([r"\d{3}"])
    assert gate.literals is None
    texts = ["call 555 now", "no digits here", "in 2024"]
    assert lines_passing(gate, texts, [fold(text) for text in texts]) == [0, 2]


def test_a_gate_with_literals_passes_the_lines_that_hold_them() -> None:
    gate = Phrases.compile([r"\w+ed\b"])
    assert gate.literals == ("ed",)
    texts = ["it rained", "sunny", "we walked home", "bed"]
    assert lines_passing(gate, texts, [fold(text) for text in texts]) == [0, 2, 3]


def test_a_word_gate_passes_the_lines_that_hold_a_word_of_any_of_its_tables() -> None:
    gate = word_gate("en", "hosted_giver", "hosted_loan")
    assert gate is word_gate("en", "hosted_giver", "hosted_loan")  # built once a language
    assert gate.literals
    texts = ["The trip was paid for by the board.", "The camera was free of charge.", "Nothing to see here."]
    assert lines_passing(gate, texts, [fold(t) for t in texts]) == [0, 1]
