"""The news desk's text helpers (`crawler.desk.text`): what a reader typed as an FTS5 query that SQLite always
accepts, snippets escaped before newsrake marks them up, the text's paragraphs and the authors on one line."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup

from crawler.desk.sql import MARK_END, MARK_START
from crawler.desk.text import authors, fts_query, marked, paragraphs

ROWS = {
    1: ("Ferry strike ends", "Crews accept the new rota and the ferry sails again."),
    2: ("Bridge closed", "The bridge and the road are shut for repairs."),
    3: ("Title column", "A row whose text says title x, for column filters."),
}


@pytest.fixture(scope="module")
def fts() -> Iterator[sqlite3.Connection]:
    """An FTS5 table in memory, with the columns of newsrake's ``articles_fts``."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE articles_fts USING fts5(title, text)")
    conn.executemany("INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)",
                     [(rowid, *row) for rowid, row in ROWS.items()])  # fmt: skip
    yield conn
    conn.close()


def matching(conn: sqlite3.Connection, query: str) -> set[int]:
    return {rowid for (rowid,) in conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", (query,))}


FTS_CASES = [
    pytest.param("ferry", '"ferry"', {1}, id="one-word"),
    pytest.param("ferry strike", '"ferry" "strike"', {1}, id="every-word-must-match"),
    pytest.param("  ferry\tcrews \n", '"ferry" "crews"', {1}, id="blanks-around-and-between"),
    pytest.param('"ferry sails"', '"ferry sails"', {1}, id="phrase-kept"),
    pytest.param('"sails ferry"', '"sails ferry"', set(), id="phrase-in-its-order"),
    pytest.param('"ferry sails', '"ferry sails"', {1}, id="unbalanced-quote-closed"),
    pytest.param('ferry "', '"ferry"', {1}, id="lone-quote-dropped"),
    pytest.param('bridge "road are" shut', '"bridge" "road are" "shut"', {2}, id="words-and-phrase"),
    pytest.param('a"b', '"a" "b"', set(), id="quote-inside-a-word"),
    pytest.param("AND", '"AND"', {1, 2}, id="AND-a-word"),
    pytest.param("ferry OR bridge", '"ferry" "OR" "bridge"', set(), id="OR-a-word-not-an-operator"),
    pytest.param("ferry NOT strike", '"ferry" "NOT" "strike"', set(), id="NOT-a-word"),
    pytest.param("NEAR(ferry crews)", '"NEAR(ferry" "crews)"', set(), id="NEAR-a-word"),
    pytest.param("NEAR(", '"NEAR("', set(), id="NEAR-unclosed"),
    pytest.param("fer*", '"fer*"', set(), id="star-no-prefix-search"),
    pytest.param("*", '"*"', set(), id="star-alone"),
    pytest.param("^ferry", '"^ferry"', {1}, id="caret"),
    pytest.param("title:x", '"title:x"', {3}, id="column-filter-a-phrase"),
    pytest.param("text:bridge", '"text:bridge"', set(), id="column-filter-text"),
    pytest.param("{title text}: ferry", '"{title" "text}:" "ferry"', set(), id="column-set"),
    pytest.param("-ferry", '"-ferry"', {1}, id="minus"),
    pytest.param("(ferry)", '"(ferry)"', {1}, id="parentheses"),
    pytest.param("ferry +", '"ferry" "+"', {1}, id="plus"),
    pytest.param("Fähre 渡轮", '"Fähre" "渡轮"', set(), id="unicode"),
    pytest.param("", '""', set(), id="empty"),
    pytest.param("   \t\n", '""', set(), id="blank"),
    pytest.param('""', '""', set(), id="empty-phrase"),
    pytest.param('" "', '""', set(), id="blank-phrase"),
    pytest.param('"', '""', set(), id="one-quote"),
    pytest.param('"""', '""', set(), id="three-quotes"),
]


@pytest.mark.parametrize(("typed", "expected", "rows"), FTS_CASES)
def test_fts_query_quotes_each_word_and_sqlite_accepts_it(
    fts: sqlite3.Connection, typed: str, expected: str, rows: set[int]
) -> None:
    query = fts_query(typed)
    assert query == expected
    assert matching(fts, query) == rows


def test_fts_query_of_nothing_matches_nothing(fts: sqlite3.Connection) -> None:
    assert fts_query(None) == '""'
    assert matching(fts, fts_query(None)) == set()


def test_fts_query_of_a_nul_is_accepted(fts: sqlite3.Connection) -> None:
    assert matching(fts, fts_query("ferry\x00")) == {1}


def test_fts_query_of_a_long_text_is_accepted(fts: sqlite3.Connection) -> None:
    typed = " ".join(["ferry", "OR", "NEAR(", '"', "*", "title:x"] * 350)[:2000]
    assert matching(fts, fts_query(typed)) == set()


@given(st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=80))
def test_fts5_accepts_the_query_of_any_text(typed: str) -> None:
    with sqlite3.connect(":memory:") as conn:
        conn.execute("CREATE VIRTUAL TABLE articles_fts USING fts5(title, text)")
        conn.execute("INSERT INTO articles_fts (title, text) VALUES ('Ferry strike', 'and the ferry sails')")
        conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", (fts_query(typed),)).fetchall()
    conn.close()


S, E = MARK_START, MARK_END

MARKED_CASES = [
    pytest.param(None, "", id="none"),
    pytest.param("", "", id="empty"),
    pytest.param("plain words", "plain words", id="plain"),
    pytest.param(f"{S}Ferry{E} services", "<mark>Ferry</mark> services", id="one-match"),
    pytest.param(f"a {S}b{E} c {S}d{E}", "a <mark>b</mark> c <mark>d</mark>", id="two-matches"),
    pytest.param("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;", id="script-escaped"),
    pytest.param("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;", id="img-escaped"),
    pytest.param("Tom & Jerry &amp;", "Tom &amp; Jerry &amp;amp;", id="ampersand"),
    pytest.param("\"double\" 'single'", "&#34;double&#34; &#39;single&#39;", id="quotes"),
    pytest.param(f"{S}<b>{E}", "<mark>&lt;b&gt;</mark>", id="markup-inside-a-match"),
    pytest.param(f"{S}<mark>{E}</mark>", "<mark>&lt;mark&gt;</mark>&lt;/mark&gt;", id="stored-mark-tags"),
    pytest.param(f"{E}stray end", "stray end", id="stray-end"),
    pytest.param(f"{S}unclosed", "<mark>unclosed</mark>", id="unclosed-start"),
    pytest.param(f"{S}{S}twice{E}{E}", "<mark>twice</mark>", id="doubled"),
    pytest.param(f"{E}{S}a{S}b{E}c{E}", "<mark>ab</mark>c", id="scrambled"),
    pytest.param(f"{S}{E}", "<mark></mark>", id="empty-match"),
]


@pytest.mark.parametrize(("snippet", "expected"), MARKED_CASES)
def test_marked_escapes_the_text_and_marks_the_matches(snippet: str | None, expected: str) -> None:
    html = marked(snippet)
    assert isinstance(html, Markup)  # the template leaves it as it is: escaped once, here
    assert str(html) == expected


MARKUP_TEXT = st.text(alphabet=st.sampled_from([S, E, "<", ">", "&", '"', "'", "/", "m", "a", "r", "k", " ", "é"]))


@given(st.one_of(MARKUP_TEXT, st.text()))
def test_marked_never_lets_markup_through_and_closes_every_mark(snippet: str) -> None:
    html = str(marked(snippet))
    tags = html.split("<")[1:]
    assert all(tag.startswith(("mark>", "/mark>")) for tag in tags), html
    opened = 0
    for tag in tags:  # <mark> and </mark> alternate, first an opening one
        opened += 1 if tag.startswith("mark>") else -1
        assert opened in (0, 1), html
    assert opened == 0
    assert html.count("<mark>") == html.count("</mark>")
    text = html.replace("<mark>", "").replace("</mark>", "")
    assert Markup(text).unescape() == snippet.replace(S, "").replace(E, "")  # nothing of the text lost


PARAGRAPH_CASES = [
    pytest.param(None, [], id="none"),
    pytest.param("", [], id="empty"),
    pytest.param(" \n\t\n", [], id="blank-lines"),
    pytest.param("One.", ["One."], id="one"),
    pytest.param("One.\nTwo.\n\n\nThree.\n", ["One.", "Two.", "Three."], id="blank-lines-dropped"),
    pytest.param("  One.  \n\tTwo.", ["One.", "Two."], id="stripped"),
    pytest.param("One.\r\nTwo.\rThree.", ["One.", "Two.", "Three."], id="other-line-ends"),
    pytest.param("<p>One</p>\n<script>x</script>", ["<p>One</p>", "<script>x</script>"], id="markup-kept-as-text"),
]


@pytest.mark.parametrize(("text", "expected"), PARAGRAPH_CASES)
def test_paragraphs_are_the_non_blank_lines(text: str | None, expected: list[str]) -> None:
    assert paragraphs(text) == expected


AUTHOR_CASES = [
    pytest.param(None, "", id="none"),
    pytest.param("", "", id="empty"),
    pytest.param("[]", "", id="empty-list"),
    pytest.param('["Maren Tolliver"]', "Maren Tolliver", id="one"),
    pytest.param('["Maren Tolliver", "Declan Osei"]', "Maren Tolliver, Declan Osei", id="two"),
    pytest.param('["Élodie Marchand", "", null]', "Élodie Marchand", id="blanks-dropped"),
    pytest.param('"Nadia Benhamou"', "Nadia Benhamou", id="json-text"),
    pytest.param("Ruth Abernathy", "Ruth Abernathy", id="plain-text"),
    pytest.param("Ruth Abernathy, Colette Marsh", "Ruth Abernathy, Colette Marsh", id="plain-text-list"),
    pytest.param("[not json", "[not json", id="broken-json"),
    pytest.param('["<script>x</script>"]', "<script>x</script>", id="markup-left-for-the-template"),
]


@pytest.mark.parametrize(("stored", "expected"), AUTHOR_CASES)
def test_authors_on_one_line(stored: str | None, expected: str) -> None:
    assert authors(stored) == expected
