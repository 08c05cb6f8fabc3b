"""cleaners.prose: which blocks of a page are its prose, and the shares measured with them."""

from __future__ import annotations

import pytest

from cleaners.prose import PageProse

from conftest import body_tree

SENTENCE = "The council voted on Tuesday to close the old harbour bridge to lorries after engineers found cracks."
OTHER = "Residents said the diversion through the estate would add half an hour to every school run this winter."
KOREAN = (
    "시는 콘크리트 제방 일부를 걷어내고 자연석과 버드나무를 심는 방식으로 하천을 정비했다. "
    "담당 공무원은 물고기가 늘어나면서 수달이 먹이를 찾아 돌아온 것으로 보인다고 설명했다."
)


def prose_of(body: str) -> PageProse:
    return PageProse.of(body_tree(body))


# id: (body, whether SENTENCE counts as the page's prose)
CASES = {
    "a-paragraph": (f"<p>{SENTENCE}</p>", True),
    "a-div-paragraph": (f"<div class='text-block'>{SENTENCE}</div>", True),
    "a-paragraph-with-links-and-emphasis": (
        "<p>The council <a href='/c'>voted on Tuesday</a> to close the old harbour bridge to lorries after "
        "<em>engineers</em> found cracks in two of its piers.</p>",
        True,
    ),
    "a-list-item": (f"<ul><li>{SENTENCE}</li></ul>", True),
    "a-korean-paragraph": (f"<p>{KOREAN}</p>", True),
    "a-menu-link-with-no-sentence-end": (
        "<p><a href='/x'>Council votes to close the old harbour bridge to lorries after engineers find</a></p>",
        False,
    ),
    "a-short-line": ("<p>Bridge closed.</p>", False),
    "in-a-comment-thread": (f"<div class='comments-area'><p>{SENTENCE}</p></div>", False),
    "in-a-disqus-thread": (f"<div id='disqus_thread'><p>{SENTENCE}</p></div>", False),
    "in-an-article-that-has-comments": (f"<article class='post has-comments'><p>{SENTENCE}</p></article>", True),
    "in-a-nav": (f"<nav><p>{SENTENCE}</p></nav>", False),
    "in-a-sidebar": (f"<div class='sidebar-right'><p>{SENTENCE}</p></div>", False),
    "in-a-page-that-has-a-sidebar": (f"<div class='has-sidebar'><p>{SENTENCE}</p></div>", True),
    "in-a-sidebar-layout-around-the-article-body": (
        f"<div class='grid content-sidebar'><div class='article-body'><p>{SENTENCE}</p></div></div>",
        True,
    ),
    "in-a-menu-box-holding-the-h1": (f"<div class='menu-wrap'><h1>Bridge</h1><p>{SENTENCE}</p></div>", True),
    "in-a-menu-box-holding-an-article": (f"<div class='menu-wrap'><article><p>{SENTENCE}</p></article></div>", True),
    "in-a-menu-box-holding-the-body-by-itemprop": (
        f"<div class='menu-wrap'><div itemprop='articleBody'><p>{SENTENCE}</p></div></div>",
        True,
    ),
    "in-a-sidebar-that-is-itself-an-article": (f"<article class='sidebar-right'><p>{SENTENCE}</p></article>", False),
    "in-a-sidebar-with-its-own-heading": (f"<div class='sidebar-right'><h2>More</h2><p>{SENTENCE}</p></div>", False),
    "in-a-script": (f"<script>var s = '{SENTENCE}';</script>", False),
}


@pytest.mark.parametrize(("body", "counts"), CASES.values(), ids=CASES.keys())
def test_which_blocks_are_prose(body: str, counts: bool) -> None:
    assert (prose_of(body).total > 0) is counts


def test_the_shares_held_by_a_box_and_found_in_a_text() -> None:
    prose = prose_of(f"<div id='a'><p>{SENTENCE}</p></div><div id='b'><p>{OTHER}</p></div>")
    tree = prose.blocks[0].node.getroottree().getroot()
    box = tree.get_element_by_id("a")
    assert prose.share_held(box) == pytest.approx(len(SENTENCE) / (len(SENTENCE) + len(OTHER)))
    assert prose.share_of(prose.found_in(f"Headline\n{SENTENCE}")) == prose.share_held(box)
    assert prose.share_of(prose.found_in(f"{SENTENCE}\n{OTHER}")) == 1.0


def test_a_text_with_its_spaces_changed_still_holds_a_paragraph() -> None:
    prose = prose_of(f"<p>{SENTENCE}</p>")
    assert prose.share_of(prose.found_in(SENTENCE.replace(" the ", "\nthe  "))) == 1.0


def test_the_paragraphs_a_cleaner_dropped_are_not_remaining() -> None:
    prose = prose_of(f"<div id='a'><p>{SENTENCE}</p></div><div id='b'><p>{OTHER}</p></div>")
    tree = prose.blocks[0].node.getroottree().getroot()
    tree.get_element_by_id("b").drop_tree()
    assert prose.remaining(tree).total == len(SENTENCE)


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        pytest.param(SENTENCE, False, id="a-finished-sentence"),
        pytest.param(f"“{SENTENCE}”", False, id="a-quotation"),
        pytest.param(SENTENCE[:-1] + "…", True, id="an-ellipsis"),
        pytest.param(SENTENCE[:-1] + " ...", True, id="three-dots"),
        pytest.param(f"{OTHER} The repairs will take", True, id="cut-in-mid-sentence"),
    ],
)
def test_a_teaser_cut_off_is_an_excerpt(text: str, excerpt: bool) -> None:
    assert prose_of(f"<p>{text}</p>").blocks[0].excerpt is excerpt


def test_long_paragraphs_are_counted_whatever_their_tags() -> None:
    long = SENTENCE + " " + OTHER
    prose = prose_of(f"<div id='a'><div>{long}</div><span><div>{long}</div></span><p>{SENTENCE}</p></div>")
    tree = prose.blocks[0].node.getroottree().getroot()
    assert prose.long_paragraphs(tree.get_element_by_id("a")) == 2
