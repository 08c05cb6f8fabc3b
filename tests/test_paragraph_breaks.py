"""cleaners.paragraph_breaks: an article run together on one line is broken where the page's paragraphs begin."""

from __future__ import annotations

import pytest
from lxml.html import HtmlElement

from cleaners.paragraph_breaks import restore_breaks
from cleaners.prose import PageProse

from conftest import body_tree

PARAGRAPHS = [
    "The regional council voted on Tuesday evening to close the old harbour bridge to heavy lorries.",
    "Engineers found deep cracks in two of its stone piers during a routine inspection last month.",
    "Local business owners said the diversion would add half an hour to every delivery they make.",
    "The council said repairs would begin in spring and take at least eight months to finish.",
]
JAPANESE = [
    "市議会は火曜日の夜、古い港の橋を大型トラックが通行できないようにすることを決めました。"
    "決定は全会一致で、反対した議員は一人もいませんでした。",
    "技術者たちは先月の定期点検で、石造りの橋脚二本に深いひびが入っているのを見つけました。"
    "ひびの長さは二メートルを超え、すぐに補修が必要だといいます。",
    "地元の商店主たちは、迂回路のせいで配達のたびに三十分ほど余計にかかると話しています。"
    "補修工事は来年の春に始まり、少なくとも八か月かかる見込みです。",
]
NEWSLETTER = "For daily news, sign up for our newsletter"
PROMO = "Sign up for the Courier's morning newsletter to get every story from the valley in your inbox."
SHORT_NOTE = "Leave a comment below."
TEASER = "Another story: the ferry timetable changes next week"


def article(paragraphs: list[str], extra: str = "") -> HtmlElement:
    return body_tree("<article>" + "".join(f"<p>{p}</p>" for p in paragraphs) + extra + "</article>")


# id: (the page, the extracted text, the text expected, the breaks added)
CASES = {
    "an-article-on-one-line": (
        article(PARAGRAPHS),
        " ".join(PARAGRAPHS),
        "\n".join(PARAGRAPHS),
        3,
    ),
    "text-after-a-paragraph-s-end-stands-apart": (
        article(PARAGRAPHS),
        " ".join([PARAGRAPHS[0], PARAGRAPHS[1], NEWSLETTER, PARAGRAPHS[2], PARAGRAPHS[3]]),
        "\n".join([PARAGRAPHS[0], PARAGRAPHS[1], NEWSLETTER, PARAGRAPHS[2], PARAGRAPHS[3]]),
        4,
    ),
    "a-paragraph-s-words-inside-a-longer-one-are-not-its-end": (
        article(
            [PARAGRAPHS[0], PARAGRAPHS[1][:-1] + ", the engineers said.", *PARAGRAPHS[2:]], f"<p>{PARAGRAPHS[1]}</p>"
        ),
        " ".join([PARAGRAPHS[0], PARAGRAPHS[1][:-1] + ", the engineers said.", *PARAGRAPHS[2:]]),
        "\n".join([PARAGRAPHS[0], PARAGRAPHS[1][:-1] + ", the engineers said.", *PARAGRAPHS[2:]]),
        3,
    ),
    "a-short-note-run-into-the-article": (
        article([*PARAGRAPHS[:2], SHORT_NOTE, *PARAGRAPHS[2:]]),
        " ".join([*PARAGRAPHS[:2], SHORT_NOTE, *PARAGRAPHS[2:]]),
        "\n".join([*PARAGRAPHS[:2], SHORT_NOTE, *PARAGRAPHS[2:]]),
        4,
    ),
    "a-short-note-at-the-end-of-the-run": (
        article(PARAGRAPHS, f"<div class='note'>{SHORT_NOTE}</div>"),
        " ".join([*PARAGRAPHS, SHORT_NOTE]),
        "\n".join([*PARAGRAPHS, SHORT_NOTE]),
        4,
    ),
    "a-short-block-inside-a-sentence-is-not-a-break": (
        article(PARAGRAPHS, "<div class='share'><a href='/s'>Share this story</a></div>"),
        " ".join([PARAGRAPHS[0], "Residents were asked to share this story with neighbours.", *PARAGRAPHS[1:]]),
        "\n".join([f"{PARAGRAPHS[0]} Residents were asked to share this story with neighbours.", *PARAGRAPHS[1:]]),
        3,
    ),
    "a-menu-item-inside-a-sentence-is-not-a-break": (
        article(PARAGRAPHS, "<ul class='menu'><li><a href='/h'>Harbour Bridge Repair Programme</a></li></ul>"),
        " ".join([PARAGRAPHS[0], "It joins the Harbour Bridge Repair Programme announced in May.", *PARAGRAPHS[1:]]),
        "\n".join([f"{PARAGRAPHS[0]} It joins the Harbour Bridge Repair Programme announced in May.", *PARAGRAPHS[1:]]),
        3,
    ),
    "a-heading-after-a-sentence-is-a-break": (
        article(
            PARAGRAPHS[:2], f"<h3>What the council plans next</h3>{''.join(f'<p>{p}</p>' for p in PARAGRAPHS[2:])}"
        ),
        " ".join([*PARAGRAPHS[:2], "What the council plans next", *PARAGRAPHS[2:]]),
        "\n".join([*PARAGRAPHS[:2], "What the council plans next", *PARAGRAPHS[2:]]),
        4,
    ),
    "a-short-sentence-after-a-hidden-label": (
        article(PARAGRAPHS, f"<h2 class='visually-hidden'>Body</h2><p><strong>{SHORT_NOTE}</strong></p>"),
        " ".join([PARAGRAPHS[0], "Body", SHORT_NOTE, *PARAGRAPHS[1:]]),
        "\n".join([f"{PARAGRAPHS[0]} Body", SHORT_NOTE, *PARAGRAPHS[1:]]),
        4,
    ),
    "a-short-label-after-a-word-is-not-a-break": (
        article(PARAGRAPHS, "<div class='tag'>harbour bridge works</div>"),
        " ".join([PARAGRAPHS[0], "The closure delays harbour bridge works until spring.", *PARAGRAPHS[1:]]),
        "\n".join([f"{PARAGRAPHS[0]} The closure delays harbour bridge works until spring.", *PARAGRAPHS[1:]]),
        3,
    ),
    "a-one-word-block-is-not-looked-for": (
        article(PARAGRAPHS, "<button>Share</button>"),
        " ".join([PARAGRAPHS[0], "Share", *PARAGRAPHS[1:]]),
        "\n".join([f"{PARAGRAPHS[0]} Share", *PARAGRAPHS[1:]]),
        3,
    ),
    "paragraphs-already-apart": (
        article(PARAGRAPHS),
        "\n".join(PARAGRAPHS),
        "\n".join(PARAGRAPHS),
        0,
    ),
    "japanese-run-together-without-spaces": (
        article(JAPANESE),
        "".join(JAPANESE),
        "\n".join(JAPANESE),
        2,
    ),
    "a-list-item-is-not-cut-after-its-bullet": (
        article(PARAGRAPHS),
        "\n".join(["- " + PARAGRAPHS[0], *PARAGRAPHS[1:]]),
        "\n".join(["- " + PARAGRAPHS[0], *PARAGRAPHS[1:]]),
        0,
    ),
    "a-beginning-inside-a-word-is-not-a-break": (
        article(PARAGRAPHS),
        "\n".join(["Preface" + PARAGRAPHS[0] + " " + PARAGRAPHS[1], *PARAGRAPHS[2:]]),
        "\n".join(["Preface" + PARAGRAPHS[0], PARAGRAPHS[1], *PARAGRAPHS[2:]]),
        1,
    ),
    "a-short-run-of-two-blocks-is-read-whole": (
        article([*PARAGRAPHS, *PARAGRAPHS], f"<div><h3>{TEASER}</h3><p>{JAPANESE[0]}</p></div>"),
        "\n".join([*PARAGRAPHS, f"{TEASER} {JAPANESE[0]}"]),
        "\n".join([*PARAGRAPHS, f"{TEASER} {JAPANESE[0]}"]),
        0,
    ),
    "a-page-without-prose": (
        body_tree("<p>Short.</p>"),
        " ".join(PARAGRAPHS),
        " ".join(PARAGRAPHS),
        0,
    ),
}


@pytest.mark.parametrize(("tree", "text", "expected", "added"), CASES.values(), ids=CASES.keys())
def test_restore_breaks(tree: HtmlElement, text: str, expected: str, added: int) -> None:
    broken = restore_breaks(text, PageProse.of(tree), tree)
    assert broken.text == expected
    assert broken.added == added
    assert broken.note == (f"paragraph-breaks-restored:{added}" if added else None)


def test_a_block_a_cleaner_dropped_is_still_a_break() -> None:
    tree = article(PARAGRAPHS[:2], f"<p class='promo'>{PROMO}</p>{''.join(f'<p>{p}</p>' for p in PARAGRAPHS[2:])}")
    prose = PageProse.of(tree)  # found before the cleaners run
    for node in tree.iter("p"):
        if node.get("class") == "promo":
            node.drop_tree()
    broken = restore_breaks(" ".join([*PARAGRAPHS[:2], PROMO, *PARAGRAPHS[2:]]), prose, tree)
    assert broken.text.split("\n") == [*PARAGRAPHS[:2], PROMO, *PARAGRAPHS[2:]]


def test_breaking_again_adds_nothing() -> None:
    tree = article(PARAGRAPHS, f"<p>{SHORT_NOTE}</p>")
    prose = PageProse.of(tree)
    once = restore_breaks(" ".join([*PARAGRAPHS, SHORT_NOTE]), prose, tree)
    assert once.added == len(PARAGRAPHS)
    assert restore_breaks(once.text, prose, tree).added == 0
