"""cleaners.paragraph_breaks: an article run together on one line is broken where the page's paragraphs begin."""

from __future__ import annotations

import pytest

from cleaners.html_tree import parse_html
from cleaners.paragraph_breaks import restore_breaks
from cleaners.prose import PageProse

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
TEASER = "Another story: the ferry timetable changes next week"


def prose_of(body: str) -> PageProse:
    tree = parse_html(f"<html><head><title>t</title></head><body>{body}</body></html>")
    assert tree is not None
    return PageProse.of(tree)


def article(paragraphs: list[str], extra: str = "") -> PageProse:
    return prose_of("<article>" + "".join(f"<p>{p}</p>" for p in paragraphs) + extra + "</article>")


# id: (the page's prose, the extracted text, the text expected, the breaks added)
CASES = {
    "an-article-on-one-line": (
        article(PARAGRAPHS),
        " ".join(PARAGRAPHS),
        "\n".join(PARAGRAPHS),
        3,
    ),
    "a-newsletter-box-inside-the-run": (
        article(PARAGRAPHS),
        " ".join([PARAGRAPHS[0], PARAGRAPHS[1], NEWSLETTER, PARAGRAPHS[2], PARAGRAPHS[3]]),
        "\n".join([PARAGRAPHS[0], f"{PARAGRAPHS[1]} {NEWSLETTER}", PARAGRAPHS[2], PARAGRAPHS[3]]),
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
        prose_of("<p>Short.</p>"),
        " ".join(PARAGRAPHS),
        " ".join(PARAGRAPHS),
        0,
    ),
}


@pytest.mark.parametrize(("prose", "text", "expected", "added"), CASES.values(), ids=CASES.keys())
def test_restore_breaks(prose: PageProse, text: str, expected: str, added: int) -> None:
    broken = restore_breaks(text, prose)
    assert broken.text == expected
    assert broken.added == added
    assert broken.note == (f"paragraph-breaks-restored:{added}" if added else None)


def test_breaking_again_adds_nothing() -> None:
    prose = article(PARAGRAPHS)
    once = restore_breaks(" ".join(PARAGRAPHS), prose)
    assert restore_breaks(once.text, prose).added == 0
