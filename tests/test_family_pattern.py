"""A family's patterns are compiled apart (the shared "any" and English ones once, each language's own
apart; a match tries only those that can begin with the text's first character, a search reads them in
chunks): every way the cleaners read them must give what one joined expression of all of them gives."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest

from cleaners.rules import RULES_DIR, FamilyPattern, _table, line_pattern, loose_pattern, written_out_fragments

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
        assert _span(whole.fullmatch(text)) == _span(one_whole.fullmatch(text)), text
        assert _span(loose.match(text)) == _span(one_loose.match(text)), text
        assert _span(loose.search(text)) == _span(one_loose.search(text)), text
        assert _span(loose.match(text, 3)) == _span(one_loose.match(text, 3)), text


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
