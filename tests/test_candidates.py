"""cleaners.candidates: when a second opinion replaces a page's text, and when the two are joined."""

from __future__ import annotations

import pytest

from cleaners.candidates import Candidate, better, joined
from cleaners.html_tree import parse_html
from cleaners.prose import PageProse

ARTICLE = [
    "The regional council voted on Tuesday to close the old harbour bridge to lorries from next month.",
    "Engineers found deep cracks in two of its stone piers during a routine inspection in the autumn.",
    "Business owners said the diversion through the estate would add half an hour to every delivery.",
    "The council's transport chief said there was no safe way to keep heavy vehicles on the bridge.",
    "Buses and emergency vehicles will still be allowed to cross at walking pace, one at a time.",
    "A temporary steel bridge could be built beside the old one within a year, at a cost of four million.",
    "Residents will be able to comment on the plans at a public meeting in the library next Thursday.",
    "The bridge was built in 1868 and carried the harbour railway until the line closed in the sixties.",
]
TEASERS = [
    f"Also today: {topic}, and what comes next for the people of the valley and for its young …"
    for topic in (
        "ferry crews end their strike",
        "the mill reopens as flats",
        "a comet is named after a farmer",
        "schools plan for a hot summer",
        "the water board raises its rates",
        "a seal visits the quay",
    )
]
SIDEBAR = [
    "Our columnist argues that the harbour needs a second bridge before the old one fails for good.",
    "Letters to the editor this week are mostly about parking on the quay and the price of the ferry.",
]


@pytest.fixture(scope="module")
def prose() -> PageProse:
    paragraphs = "".join(f"<p>{p}</p>" for p in [*ARTICLE, *SIDEBAR, *TEASERS])
    tree = parse_html(f"<html><body>{paragraphs}</body></html>")
    assert tree is not None
    return PageProse.of(tree)


def text(*parts: list[str]) -> str:
    return "\n".join(line for part in parts for line in part)


# id: (current text, candidate text, whether the candidate replaces it)
CASES = {
    "the-whole-article-for-its-lede": (text(ARTICLE[:1]), text(ARTICLE), True),
    "the-article-for-a-sidebar": (text(SIDEBAR), text(ARTICLE), True),
    "the-article-and-teasers-for-the-article": (text(ARTICLE[:5]), text(ARTICLE[:6], TEASERS), False),
    "a-little-more-is-not-enough": (text(ARTICLE[:7]), text(ARTICLE), False),
    "more-that-loses-what-was-held": (text(ARTICLE[:4]), text(ARTICLE[4:], SIDEBAR), False),
    "three-times-as-much-without-what-was-held": (text(ARTICLE[:1]), text(ARTICLE[1:]), True),
    "less-for-more": (text(ARTICLE), text(ARTICLE[:3]), False),
}


@pytest.mark.parametrize(("old", "new", "replaces"), CASES.values(), ids=CASES.keys())
def test_a_candidate_replaces_the_text_when_it_holds_more_of_the_article(
    prose: PageProse, old: str, new: str, replaces: bool
) -> None:
    assert better(Candidate.of("new", new, prose), Candidate.of("old", old, prose), prose) is replaces


@pytest.mark.parametrize(
    ("old", "new", "replaces"),
    [
        pytest.param("Home\nNews", "A much longer text of the page, which is what it has.", True, id="short"),
        pytest.param(
            "Home\nNews\nSport\nWeather\nContact\n" * 20,
            ("A line of prose with eight words or more in it.\n" * 12),
            True,
            id="menu-like",
        ),
        pytest.param("A line of prose with eight words or more in it.\n" * 12, "Home\nNews\n" * 50, False, id="prose"),
    ],
)
def test_on_a_page_without_prose_length_and_reading_decide(old: str, new: str, replaces: bool) -> None:
    empty = PageProse(())
    assert better(Candidate.of("new", new, empty), Candidate.of("old", old, empty), empty) is replaces


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(text(ARTICLE[:2]), text(ARTICLE[2:]), text(ARTICLE), id="a-lede-before"),
        pytest.param(text(ARTICLE[6:]), text(ARTICLE[:6]), text(ARTICLE), id="an-ending-after"),
        pytest.param(text(ARTICLE[:3]), text(ARTICLE[2:]), text(ARTICLE[2:]), id="overlapping"),
        pytest.param(text(ARTICLE[:1], ARTICLE[7:]), text(ARTICLE[2:6]), text(ARTICLE[2:6]), id="around-it"),
        pytest.param(text(TEASERS[:1]), text(TEASERS[1:]), text(TEASERS[1:]), id="a-teaser"),
    ],
)
def test_what_the_winner_left_out_is_joined_when_it_stands_apart(
    prose: PageProse, old: str, new: str, expected: str
) -> None:
    assert joined(Candidate.of("new", new, prose), Candidate.of("old", old, prose), prose).text == expected


def test_the_pages_own_article_body_need_not_hold_what_the_text_held(prose: PageProse) -> None:
    old = Candidate.of("fast", text(SIDEBAR, ARTICLE[:2]), prose)
    declared, other = (Candidate.of(name, text(ARTICLE[1:]), prose) for name in ("json-ld", "full"))
    assert (better(declared, old, prose), better(other, old, prose)) == (True, False)


def test_nothing_is_joined_to_the_pages_own_article_body(prose: PageProse) -> None:
    old = Candidate.of("fast", text(ARTICLE[:1]), prose)
    for name, expected in (("json-ld", text(ARTICLE[1:])), ("full", text(ARTICLE))):
        assert joined(Candidate.of(name, text(ARTICLE[1:]), prose), old, prose).text == expected
