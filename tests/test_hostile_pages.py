"""`clean_page` on hostile pages: each is cleaned or skipped with a reason, never a crash."""

from __future__ import annotations

import pytest

from cleaners import clean_page

from conftest import article_page

ARTICLE = article_page(7)
BODY_START = ARTICLE.index(b"<article>")


EMPTY = ("no-text", "no-title")
"""What a page that parses but holds no article text is stored with (its text empty)."""
UNPARSEABLE = ("unparseable-page", *EMPTY)


def with_body(prefix: bytes) -> bytes:
    return b"<html><body>" + prefix + ARTICLE[BODY_START:]


CASES = [
    pytest.param(
        b"<html><body>" + b"<div>" * 100_000 + b"x" + b"</div>" * 100_000 + b"</body></html>",
        EMPTY,
        id="100000-nested-divs",
    ),
    pytest.param(
        with_body(b"<table><tr><td colspan='9007199254740991' rowspan='9007199254740991'>x</td></tr></table>"),
        (),
        id="absurd-colspan",
    ),
    pytest.param(ARTICLE.replace(b"part 2", b"part\x00 2 \x01\x02\x03\x1b[31m\x7f"), (), id="nul-and-control"),
    pytest.param(b"", UNPARSEABLE, id="empty-body"),
    pytest.param(b"   \n\t  ", UNPARSEABLE, id="whitespace-body"),
    pytest.param(
        b"\xff\xfe\x00\x00garbage\x80\x81",
        ("encoding-errors", *UNPARSEABLE),
        id="binary-garbage",
    ),
    pytest.param(
        ARTICLE.replace(b"part 1", "caf\u00e9 \u2013 part 1".encode("cp1252")), ("encoding-errors",), id="cp1252-bytes"
    ),
    pytest.param(ARTICLE.decode().encode("utf-16"), (), id="utf-16-with-bom"),
    pytest.param(
        b"<html><body><p>" + b"word " * (4 * 1024 * 1024) + b"</p></body></html>",
        EMPTY,
        id="20-MB-page",
    ),
    pytest.param(b"<" * 500_000, UNPARSEABLE, id="half-a-million-angle-brackets"),
    pytest.param(b"<html><body>" + b"<p>" + b"<b>" * 50_000 + b"</p></body></html>", EMPTY, id="unclosed-tags"),
]


@pytest.mark.parametrize(("raw", "problems"), CASES)
def test_hostile_page_is_cleaned_or_skipped_with_a_reason(raw: bytes, problems: tuple[str, ...]) -> None:
    article = clean_page(raw, "https://example.org/hostile", content_type="text/html; charset=utf-8")
    assert "\x00" not in article.text
    if "no-text" in problems:  # stored empty, with the reasons
        assert article.text == ""
    else:
        assert "Story 7, part" in article.text
    assert article.problems == problems


@pytest.mark.parametrize(
    ("raw", "content_type", "flag"),
    [
        pytest.param(
            ARTICLE.replace(b"part 1", "caf\u00e9 part 1".encode("cp1252")),
            "text/html; charset=utf-8",
            "encoding-errors",
            id="cp1252-bytes-labelled-utf-8",
        ),
        pytest.param(
            ARTICLE.replace(b"part 1", "caf\u00e9 \u2019 part 1".encode().decode("cp1252").encode() * 2),
            "text/html; charset=utf-8",
            "mojibake",
            id="utf-8-written-out-as-windows-1252",
        ),
    ],
)
def test_mislabelled_encodings_are_decoded_by_precedence_and_flagged(raw: bytes, content_type: str, flag: str) -> None:
    article = clean_page(raw, "https://example.org/a", content_type=content_type)
    assert flag in article.problems
    assert "Story 7, part 2" in article.text  # the rest of the text is intact


def test_utf8_written_out_as_latin_1_is_repaired_and_flagged() -> None:
    twice = "caf\u00e9 \u2019 part 1".encode().decode("latin-1").encode()  # "’" spelt with C1 controls
    article = clean_page(
        ARTICLE.replace(b"part 1", twice), "https://example.org/a", content_type="text/html; charset=utf-8"
    )
    assert "caf\u00e9 \u2019 part 1" in article.text
    assert "double-encoding-repaired" in article.problems
    assert "mojibake" not in article.problems


def test_a_well_encoded_page_is_not_flagged() -> None:
    assert clean_page(ARTICLE, "https://example.org/a", content_type="text/html; charset=utf-8").problems == ()
