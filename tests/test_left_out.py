"""cleaners.headings and cleaners.left_out: how a heading reads; headings and lists put back between paragraphs."""

from __future__ import annotations

import pytest

from cleaners.headings import shown_text
from cleaners.left_out import restore_left_out
from cleaners.prose import PageProse

from conftest import body_tree

ONE = "The harbour trust agreed on Tuesday to sell the old ferry terminal to the county council for a market."
TWO = "Councillors voted eleven to four in favour after a debate that ran well past midnight on Tuesday."
THREE = "Traders who run stalls on the seafront every summer welcomed the vote at the meeting on Wednesday."


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        pytest.param("<h2>The vote<a class='anchor' href='#the-vote'>#</a></h2>", "The vote", id="permalink-mark"),
        pytest.param("<h2>The vote <button class='copy-link'>🔗</button></h2>", "The vote", id="copy-link-mark"),
        pytest.param("<h2>The vote <a href='#v'>¶</a></h2>", "The vote", id="pilcrow-mark"),
        pytest.param("<h2>Learning C#</h2>", "Learning C#", id="hash-in-the-words-kept"),
        pytest.param("<h2>I <span>♥</span> the harbour</h2>", "I ♥ the harbour", id="symbol-that-is-a-word-kept"),
        pytest.param("<h2>Issue <span>#</span>12</h2>", "Issue 12", id="mark-alone-in-an-element-goes"),
        pytest.param("<h2>The vote<br>and after</h2>", "The vote and after", id="line-break-parts-words"),
    ],
)
def test_how_a_heading_reads(heading: str, expected: str) -> None:
    tree = body_tree(heading)
    assert " ".join(shown_text(next(tree.iter("h2"))).split()) == expected


PAGE = (
    "<div class='wrap'><h1>Council buys the terminal</h1><div class='col'>"
    f"<p>{ONE}</p><h2>The vote<a href='#vote'>#</a></h2><p>{TWO}</p><h3>What traders say</h3><p>{THREE}</p>"
    "<h2>More from the harbour</h2><ul><li><a href='/a'>Another story</a></li></ul></div></div>"
)
FULL_TEXT = f"{ONE}\n{TWO}\n{THREE}"
QUESTION = "Why did the councillors who voted against the sale change their minds?"
"""A section heading long enough, and ending as a sentence does, to be one of the page's paragraphs of prose."""
WITH_ONE = f"{ONE}\nThe vote\n{TWO}\n{THREE}"


@pytest.mark.parametrize(
    ("body", "text", "expected", "restored"),
    [
        pytest.param(PAGE, FULL_TEXT, f"{ONE}\nThe vote\n{TWO}\nWhat traders say\n{THREE}", 2, id="between-paragraphs"),
        pytest.param(PAGE, WITH_ONE, WITH_ONE, 0, id="text-has-one"),
        pytest.param(PAGE, f"{ONE}\n{TWO}", f"{ONE}\nThe vote\n{TWO}", 1, id="paragraph-after-missing"),
        pytest.param(PAGE, f"{TWO}\n{THREE}", f"{TWO}\nWhat traders say\n{THREE}", 1, id="paragraph-before-missing"),
        pytest.param(PAGE, f"{THREE}\n{ONE}", f"{THREE}\n{ONE}", 0, id="paragraphs-out-of-order"),
        pytest.param(
            PAGE.replace("What traders say", "What the traders " + "who run stalls on the seafront " * 5 + "say"),
            FULL_TEXT,
            f"{ONE}\nThe vote\n{TWO}\n{THREE}",
            1,
            id="too-long-for-a-heading",
        ),
        pytest.param(
            f"<p>{ONE}</p><h2>Key points</h2><ul><li>Eleven votes to four</li><li>A market by 2028</li></ul>"
            f"<p>{TWO}</p>",
            f"{ONE}\n- Eleven votes to four\n- A market by 2028\n{TWO}",
            f"{ONE}\nKey points\n- Eleven votes to four\n- A market by 2028\n{TWO}",
            1,
            id="before-the-list-it-introduces",
        ),
        pytest.param(
            f"<p>{ONE}</p><ul><li>Eleven votes to four</li></ul><h2>Key points</h2><p>{TWO}</p>",
            f"{ONE}\n- Eleven votes to four\n{TWO}",
            f"{ONE}\n- Eleven votes to four\nKey points\n{TWO}",
            1,
            id="after-a-list-before-it",
        ),
        pytest.param(
            f"<p>{ONE}</p><h2>{QUESTION}</h2><p>{TWO}</p><h2>What do the traders on the seafront say about it?</h2>"
            f"<p>{THREE}</p>",
            FULL_TEXT,
            f"{ONE}\n{QUESTION}\n{TWO}\nWhat do the traders on the seafront say about it?\n{THREE}",
            2,
            id="question-headings-that-read-as-prose",
        ),
        pytest.param(
            f"<p>{ONE}</p><div><h6>Why sell now?</h6></div><div><h5>Why sell now?</h5></div><p>{TWO}</p>",
            f"{ONE}\n{TWO}",
            f"{ONE}\nWhy sell now?\n{TWO}",
            1,
            id="a-heading-repeated-at-once-put-back-once",
        ),
        pytest.param(f"<p>{ONE}</p><p>{TWO}</p>", f"{ONE}\n{TWO}", f"{ONE}\n{TWO}", 0, id="no-headings"),
        pytest.param(PAGE, "", "", 0, id="no-text"),
    ],
)
def test_headings_between_the_texts_paragraphs_are_put_back(body: str, text: str, expected: str, restored: int) -> None:
    tree = body_tree(body)
    found = restore_left_out(PageProse.of(tree), text)
    assert (found.text, found.headings) == (expected, restored)


POINTS = "<ul><li>Eleven votes to four</li><li>A market by <b>2028</b></li></ul>"
LIST_TEXT = f"{ONE}\n- Eleven votes to four\n- A market by 2028\n{TWO}"
LONG_POINT = "Eleven councillors voted for the sale and four against it, after a debate of six hours."
"""A list's item long enough, and ending as a sentence does, to be one of the page's paragraphs of prose."""


@pytest.mark.parametrize(
    ("between", "text", "expected", "lists"),
    [
        pytest.param(POINTS, f"{ONE}\n{TWO}", LIST_TEXT, 1, id="points-between-paragraphs"),
        pytest.param(POINTS, LIST_TEXT, LIST_TEXT, 0, id="text-has-its-items"),
        pytest.param(
            f"<ul><li>{LONG_POINT}</li><li>A market by 2028</li></ul>",
            f"{ONE}\n{TWO}",
            f"{ONE}\n- {LONG_POINT}\n- A market by 2028\n{TWO}",
            1,
            id="points-that-read-as-prose",
        ),
        pytest.param(
            POINTS.replace("</li></ul>", "<img src='a.jpg' alt=''></li></ul>"),
            f"{ONE}\n{TWO}",
            f"{ONE}\n{TWO}",
            0,
            id="gallery",
        ),
        pytest.param(
            "<ul><li><a href='/a'>Another story about the harbour</a></li><li><a href='/b'>The vote</a></li></ul>",
            f"{ONE}\n{TWO}",
            f"{ONE}\n{TWO}",
            0,
            id="links-alone",
        ),
        pytest.param(
            "<ul><li><h3>Eleven votes to four</h3><p>short</p></li></ul>",
            f"{ONE}\n{TWO}",
            f"{ONE}\nEleven votes to four\n{TWO}",
            0,
            id="cards-their-heading-alone",
        ),
    ],
)
def test_lists_between_the_texts_paragraphs_are_put_back(between: str, text: str, expected: str, lists: int) -> None:
    tree = body_tree(f"<div><p>{ONE}</p>{between}<p>{TWO}</p><ul><li>Elsewhere on the site</li></ul></div>")
    found = restore_left_out(PageProse.of(tree), text)
    assert (found.text, found.lists) == (expected, lists)


def test_only_the_part_of_the_page_the_text_came_from_is_looked_at() -> None:
    menu = "<ul><li>Home page of the harbour trust</li></ul>"
    tree = body_tree(f"{menu}<div class='story'><p>{ONE}</p>{POINTS}<p>{TWO}</p></div>")
    found = restore_left_out(PageProse.of(tree), f"Home page of the harbour trust\n{ONE}\n{TWO}")
    assert (found.text, found.lists) == (f"Home page of the harbour trust\n{LIST_TEXT}", 1)
