"""Decoding a page: references to control characters are dropped before parsing, others are kept; a page
holding one keeps its text (it lost the whole article when the extraction's XML met the control character)."""

from __future__ import annotations

import pytest

from cleaners import clean_page
from cleaners.decode import decoded, repaired_double_utf8

WORDS = "word " * 60


@pytest.mark.parametrize(
    ("html", "kept"),
    [
        ("a&#3;b", "ab"),
        ("a&#03;b", "ab"),
        ("a &#3 b", "a  b"),
        ("a&#x1F;b", "ab"),
        ("a&#X0b;b", "ab"),
        ("a&#31;b", "ab"),
        ("tab&#9;lf&#10;cr&#13;", "tab&#9;lf&#10;cr&#13;"),
        ("&#8217; &#32; &#x20; &#x1234; &#127;", "&#8217; &#32; &#x20; &#x1234; &#127;"),
        ("&#38;#3;", "&#38;#3;"),
    ],
    ids=[
        "decimal",
        "zero-padded",
        "no-semicolon",
        "hex",
        "hex-upper-x",
        "unit-separator",
        "whitespace-kept",
        "other-references-kept",
        "escaped-ampersand-kept",
    ],
)
def test_references_to_control_characters_are_dropped(html: str, kept: str) -> None:
    text, raw = decoded(html.encode(), "text/html; charset=utf-8")
    assert text == kept
    assert (raw is None) == (text != html)  # the bytes no longer are the text


@pytest.mark.parametrize("reference", ["&#3;", "&#x1;", "&#27;"], ids=["etx", "soh", "escape"])
def test_a_paragraph_with_a_control_character_reference_keeps_its_text(reference: str) -> None:
    page = f"<html><body><article><h1>Head</h1><p>{WORDS}ctl {reference} end</p></article></body></html>"
    article = clean_page(page.encode(), "http://example.com/a.html")
    assert article.text.endswith("ctl end")
    assert article.text.count("word") == 60


def _twice(text: str) -> str:
    """``text`` as a page whose UTF-8 was encoded a second time shows it (its bytes read as Latin-1)."""
    return text.encode().decode("latin-1")


REPAIRED = {
    "an-apostrophe": (_twice("Investor\u2019s guide"), "Investor\u2019s guide"),
    "every-character-once-marked": (
        _twice("caf\u00e9 \u2019 na\u00efve \u2014 \u6587"),
        "caf\u00e9 \u2019 na\u00efve \u2014 \u6587",
    ),
    "an-emoji": (_twice("rocket \U0001f680 and \u2019"), "rocket \U0001f680 and \u2019"),
    "hebrew": (_twice("\u05d1\u05d9\u05ea"), "\u05d1\u05d9\u05ea"),
}
LEFT_ALONE = {
    "no-mark": "caf\u00c3\u00a9 and \u00c2\u00a0",  # "cafÃ©" may be meant: no C1 control says otherwise
    "plain-text": "caf\u00e9 \u2019 na\u00efve",
    "a-c1-control-alone": "a\u0085b",
    "ascii": "plain words",
}


@pytest.mark.parametrize(("text", "expected"), REPAIRED.values(), ids=REPAIRED.keys())
def test_utf8_encoded_twice_is_repaired(text: str, expected: str) -> None:
    assert repaired_double_utf8(text) == expected
    assert repaired_double_utf8(text, text.encode()) == expected  # the mark looked for in the bytes


@pytest.mark.parametrize("text", LEFT_ALONE.values(), ids=LEFT_ALONE.keys())
def test_text_without_the_mark_of_a_second_encoding_is_left_alone(text: str) -> None:
    assert repaired_double_utf8(text) is None
    assert repaired_double_utf8(text, text.encode()) is None


def test_a_page_encoded_twice_gives_its_article_and_headline_repaired() -> None:
    page = (
        "<html><head><meta charset='utf-8'><title>The investor\u2019s guide</title></head><body><article>"
        f"<h1>The investor\u2019s guide</h1><p>{WORDS}it\u2019s caf\u00e9 time \u2014 end.</p></article></body></html>"
    )
    article = clean_page(_twice(page).encode(), "http://example.com/a.html", content_type="text/html; charset=utf-8")
    assert article.title == "The investor\u2019s guide"
    assert article.text.endswith("it\u2019s caf\u00e9 time \u2014 end.")
    assert "double-encoding-repaired" in article.problems
