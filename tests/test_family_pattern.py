"""A family's patterns are compiled apart (the shared "any" and English ones once, each language's own
apart; a match tries only those that can begin with the text's first character, a search reads them in
chunks): every way the cleaners read them must give what one joined expression of all of them gives."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest

from cleaners.prefilter import fold
from cleaners.rules import (
    CHUNK,
    RULES_DIR,
    Alternative,
    FamilyPattern,
    _table,
    line_pattern,
    loose_pattern,
    written_out_fragments,
)

TABLE = _table("text")  # as the cleaners read it, its fragments written out
ROWS = json.loads((Path(__file__).parent / "data" / "wordings.json").read_text(encoding="utf-8"))["rows"]
LANGUAGES = ("en", "tr", "ar", "el")
"""English (the shared lists alone), and languages of three scripts with lists of their own in most
families; Turkish writes the dotted and dotless i that case-insensitive matching pairs with "i"."""
_SPECIAL_STARTS = {"i": ("İ", "ı"), "s": ("ſ",), "k": ("\u212a",), "σ": ("ς",)}
"""Characters that case-insensitive matching pairs with a letter though lower-casing does not."""


def _joined(family: str, language: str, *, whole: bool) -> re.Pattern[str]:
    table = TABLE[family]
    patterns = [p for key in ("any", "en", language) for p in table.get(key, []) if isinstance(p, str)]
    joined = "|".join(f"(?:{p})" for p in patterns) or "(?!)"
    return re.compile(f"(?:{joined})\\Z" if whole else joined, re.IGNORECASE)


def _spread(lines: list[str], count: int) -> list[str]:
    """``count`` of ``lines`` taken at even steps, so that every family's rows are among them."""
    return lines[:: max(1, len(lines) // count)][:count]


def _texts(language: str) -> list[str]:
    lines = _spread([r["line"] for r in ROWS if r["language"] == language], 60)
    lines += _spread([r["line"] for r in ROWS if r["language"] == "en"], 40)
    words = [w for line in lines for w in line.split()[:2]]
    texts = lines + words + [line[len(line) // 2 :] for line in lines]
    cased = [t.upper() for t in words[::2]] + [t.lower() for t in words[1::2]]
    special = [s + t[1:] for t in lines + words for s in _SPECIAL_STARTS.get(t[:1].lower(), ())]
    return texts + cased + special + [""]


def _span(found: re.Match[str] | None) -> tuple[int, int] | None:
    return found.span() if found else None


CASES = [
    pytest.param(family, language, id=f"{family}-{language}")
    for family, table in TABLE.items()
    if isinstance(table, dict)
    for language in LANGUAGES
    if language == "en" or language in table
]


@pytest.mark.parametrize(("family", "language"), CASES)
def test_the_chunks_read_as_one_expression(family: str, language: str) -> None:
    whole, loose = line_pattern(family, language), loose_pattern(family, language)
    assert isinstance(whole, FamilyPattern)
    assert bool(whole.own) == (language != "en")
    one_whole, one_loose = _joined(family, language, whole=True), _joined(family, language, whole=False)
    for text in _texts(language):
        assert _span(whole.match(text)) == _span(one_whole.match(text)), text
        assert _span(whole.match(text, folded=fold(text))) == _span(one_whole.match(text)), text
        assert _span(whole.fullmatch(text)) == _span(one_whole.fullmatch(text)), text
        assert _span(loose.match(text)) == _span(one_loose.match(text)), text
        assert _span(loose.search(text)) == _span(one_loose.search(text)), text
        assert _span(loose.match(text, 3)) == _span(one_loose.match(text, 3)), text
        assert _span(loose.match(text, 3, folded=fold(text))) == _span(one_loose.match(text, 3)), text


LARGE = (  # more than CHUNK patterns: each is tried apart, behind its own gate
    "read more",
    "read also",
    "related( stories)?",
    "recommended",
    "see also",
    "most read",
    "more from us",
    "top stories",
    r".{1,40} newsletters?",  # begins anywhere, holds " newsletter"
    r"\W*",  # begins anywhere, holds nothing known
)
_READ = [("read more", ("read mor",), ()), ("read also", ("read als",), ())]
_RE = [*_READ, ("related( stories)?", ("related",), ()), ("recommended", ("recommen",), ())]
_ANYWHERE = [(r".{1,40} newsletters?", (), (" newsletter",)), (r"\W*", (), ())]
GATES = {  # a text's folded beginning -> the patterns tried on it, each with its gate (prefixes, literals)
    "two-letters": ("re", [*_RE, *_ANYWHERE]),
    "other-two-letters": ("mo", [("most read", ("most rea",), ()), ("more from us", ("more fro",), ()), *_ANYWHERE]),
    "begins-none": ("xy", _ANYWHERE),
    "one-letter-text": ("r", [*_RE, *_ANYWHERE]),
    "empty-text": ("", _ANYWHERE),
}


def _family(patterns: tuple[str, ...], *, whole: bool = False) -> FamilyPattern:
    return FamilyPattern(tuple(Alternative.of(p, whole=whole) for p in patterns))


@pytest.mark.parametrize(("start", "expected"), GATES.values(), ids=GATES.keys())
def test_a_pattern_is_tried_only_where_its_gate_lets_it(
    start: str, expected: list[tuple[str, tuple[str, ...], tuple[str, ...]]]
) -> None:
    assert len(LARGE) > CHUNK
    found = [
        (regex.pattern[3:-1], prefixes, literals) for regex, prefixes, literals in _family(LARGE)._candidates(start)
    ]
    assert found == expected


CHUNK_GATES = {  # a family of at most CHUNK patterns, one expression: its gate is every pattern's gate together
    "all-gated": ((r"read more", "related", r".{1,40} newsletters?"), ("read mor", "related"), (" newsletter",)),
    "one-ungated": ((r"read more", "related", r"\W*"), (), ()),
}


@pytest.mark.parametrize(("patterns", "prefixes", "literals"), CHUNK_GATES.values(), ids=CHUNK_GATES.keys())
def test_a_small_family_is_gated_as_one(
    patterns: tuple[str, ...], prefixes: tuple[str, ...], literals: tuple[str, ...]
) -> None:
    family = _family(patterns, whole=True)
    assert [(p, lits) for _, p, lits in family._candidates("re")] == [(prefixes, literals)]


TEXTS_GATED = {  # text -> the span the large family matches, as the joined expression gives it
    "prefix": ("Related stories", (0, 15)),
    "literal": ("Sign up for the Morning newsletter", (0, 34)),
    "no-literal": ("Sign up for the Morning letter", (0, 0)),  # only \W* matches (empty)
    "one-character": ("r", (0, 0)),
}


@pytest.mark.parametrize(("text", "span"), TEXTS_GATED.values(), ids=TEXTS_GATED.keys())
def test_a_gated_family_matches_as_its_joined_expression(text: str, span: tuple[int, int]) -> None:
    joined = re.compile("|".join(f"(?:{p})" for p in LARGE), re.IGNORECASE)
    assert _span(joined.match(text)) == span
    assert _span(_family(LARGE).match(text)) == span
    assert _span(_family(LARGE).match(text, folded=fold(text))) == span


def test_few_beginnings_that_begin_no_pattern_are_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    """A script of thousands of characters begins its lines with ever new pairs: the family keeps a bounded
    number of them, and answers as its joined expression does for the others too."""
    import cleaners.rules as rules

    monkeypatch.setattr(rules, "PAIRS_CACHED", 10)
    patterns = ("新闻", "本文", r"\w{1,9}转载")
    family, joined = _family(patterns, whole=True), re.compile("|".join(f"(?:{p})\\Z" for p in patterns))
    texts = [f"{chr(0x4E00 + i)}{chr(0x4E80 + i)}转载" for i in range(40)] + ["新闻", "本文", "本报", "一丁"]
    assert [_span(family.match(text)) for text in texts] == [_span(joined.match(text)) for text in texts]
    assert [_span(family.match(text)) for text in texts[-4:]] == [(0, 2), (0, 2), None, None]
    assert len(family._by_start) == 10 + 2  # the bound, and the two pairs the patterns begin with


def test_a_substitution_reads_the_chunks_as_one_expression() -> None:
    ago = loose_pattern("date_ago", "de")
    assert ago.own
    assert ago.subn(" 0 ", "vor 3 Stunden, 2 hours ago") == _joined("date_ago", "de", whole=False).subn(
        " 0 ", "vor 3 Stunden, 2 hours ago"
    )


def test_a_language_with_no_list_of_its_own_shares_the_english_expression() -> None:
    assert "zz" not in TABLE["credit"]
    assert line_pattern("credit", "zz") is line_pattern("credit", "en") is line_pattern("credit", None)
    assert line_pattern("credit", "zz").own == ()


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def test_every_fragment_a_pattern_names_is_written_out() -> None:
    patterns = _strings(TABLE)
    assert "fragments" not in TABLE
    assert not [p for p in patterns if re.search(r"%[a-z_]+%", p)]
    fragments = written_out_fragments(tomllib.loads((RULES_DIR / "text.toml").read_text(encoding="utf-8"))["fragments"])
    for name, fragment in fragments.items():  # each is used, and stands written out where it is
        assert any(fragment in p for p in patterns), name


FRAGMENT_CASES = {  # a table's text -> its patterns as the cleaners read them, or the error
    "written-out": ("[fragments]\ncap = '[A-Z]'\n[f]\nen = ['%cap%\\w+ says']\n", {"f": {"en": ["[A-Z]\\w+ says"]}}),
    "twice-in-one-pattern": (
        "[fragments]\ncap = '[A-Z]'\n[f]\nen = ['%cap%. %cap%.']\n",
        {"f": {"en": ["[A-Z]. [A-Z]."]}},
    ),
    "no-fragments": ("[f]\nen = ['100 %']\n", {"f": {"en": ["100 %"]}}),
    "unknown-name": ("[fragments]\ncap = '[A-Z]'\n[f]\nen = ['%capital%']\n", KeyError),
    "names-one-above": (
        "[fragments]\ncap = '[A-Z]'\nname = '%cap%\\w+'\n[f]\nen = ['by %name%']\n",
        {"f": {"en": ["by [A-Z]\\w+"]}},
    ),
    "names-one-below": ("[fragments]\nname = '%cap%\\w+'\ncap = '[A-Z]'\n[f]\nen = ['by %name%']\n", KeyError),
}


@pytest.mark.parametrize(("text", "expected"), FRAGMENT_CASES.values(), ids=FRAGMENT_CASES.keys())
def test_a_table_with_fragments(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, expected: object) -> None:
    import cleaners.rules as rules

    (tmp_path / "probe.toml").write_text(text, encoding="utf-8")
    monkeypatch.setattr(rules, "RULES_DIR", tmp_path)
    rules._table.cache_clear()
    try:
        if isinstance(expected, type):
            with pytest.raises(expected):
                rules._table("probe")
        else:
            assert rules._table("probe") == expected
    finally:
        rules._table.cache_clear()
