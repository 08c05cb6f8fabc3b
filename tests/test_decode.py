"""Decoding a page: references to control characters are dropped before parsing, others are kept; a page
holding one keeps its text (it lost the whole article when the extraction's XML met the control character)."""

from __future__ import annotations

import pytest

from cleaners import clean_page
from cleaners.decode import decoded

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
