"""cleaners.headline: the headline, exactly, from the page's <h1> texts and metadata titles; and read from pages."""

from __future__ import annotations

import pytest

from cleaners.headline import choose_headline, site_names, tidy, without_site
from cleaners.html_tree import parse_html
from cleaners.metadata import read_metadata

URL = "https://www.harbour-herald.example/news/2026/ferry.html"
SITES = site_names(["The Harbour Herald"], URL)
H = "Ferry strike ends after six weeks"

# id: (<h1> texts, metadata titles most trusted first, expected headline)
CASES: dict[str, tuple[list[str], list[str], str | None]] = {
    "site-name-after-the-title": ([], [f"{H} | The Harbour Herald"], H),
    "site-name-before-the-title": ([], [f"The Harbour Herald - {H}"], H),
    "host-name-as-the-site": ([], [f"{H} — harbour-herald.example"], H),
    "site-and-section-after-the-h1": (
        [H],
        [f"{H} | Business | The Harbour Herald"],
        H,
    ),
    "section-after-the-title-the-h1-agrees": (
        ["Why the ferry strike had to end"],
        ["Why the ferry strike had to end | Opinion"],
        "Why the ferry strike had to end",
    ),
    "kicker-before-the-h1": (
        [f"Exclusive: {H}"],
        [H],
        H,
    ),
    "h1-spelling-wins-over-the-title": (
        ["Ferry strike ends after six weeks’ talks"],
        ["Ferry strike ends after six weeks' talks"],
        "Ferry strike ends after six weeks’ talks",
    ),
    "capitals-are-styling": (["FERRY STRIKE ENDS"], ["Ferry Strike Ends | The Harbour Herald"], "Ferry Strike Ends"),
    "a-logo-h1-is-passed-over": (
        ["The Harbour Herald", H],
        [f"{H} | The Harbour Herald"],
        H,
    ),
    "the-site-segment-alone-is-no-agreement": (
        ["The Harbour Herald"],
        [f"{H} | The Harbour Herald"],
        H,
    ),
    "an-h1-that-reads-like-a-headline-without-agreement": (
        ["Crews return to the ferries on Monday"],
        ["Harbour ferries: what the strike cost"],
        "Crews return to the ferries on Monday",
    ),
    "a-section-h1-without-agreement": (["News"], [H], H),
    "a-colon-inside-the-headline-stays": (
        ["Ferry strike: six weeks that shut the harbour"],
        ["Ferry strike: six weeks that shut the harbour | The Harbour Herald"],
        "Ferry strike: six weeks that shut the harbour",
    ),
    "no-title-but-an-h1": ([H], [], H),
    "nothing": ([], [], None),
}


@pytest.mark.parametrize(("h1s", "titles", "expected"), CASES.values(), ids=CASES.keys())
def test_the_headline_is_chosen(h1s: list[str], titles: list[str], expected: str | None) -> None:
    assert choose_headline(h1s, titles, SITES) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("  Ferry\n strike  ", "Ferry strike", id="whitespace"),
        pytest.param("Ferry &amp; port strike", "Ferry & port strike", id="an-entity"),
        pytest.param("The ferry&amp;#8217;s last crossing", "The ferry’s last crossing", id="an-entity-escaped-twice"),
        pytest.param("   ", None, id="blank"),
    ],
)
def test_titles_are_tidied(raw: str, expected: str | None) -> None:
    assert tidy(raw) == expected


def test_a_title_that_is_only_the_site_name_is_kept() -> None:
    assert without_site("The Harbour Herald", SITES) == "The Harbour Herald"


def test_the_headline_is_read_from_the_page() -> None:
    tree = parse_html(
        "<html><head><title>Ferry strike ends after six weeks | The Harbour Herald</title>"
        '<meta property="og:site_name" content="The Harbour Herald">'
        '<meta property="og:title" content="Ferry strike ends after six weeks - The Harbour Herald"></head>'
        '<body><header><h1 class="logo">The Harbour Herald</h1></header>'
        "<article><h1><span class='kicker'>Breaking</span>: Ferry strike ends after six weeks</h1>"
        "<p>Crews voted on Sunday to return to work.</p></article></body></html>"
    )
    assert tree is not None
    meta = read_metadata(tree, URL)
    assert meta.title == "Ferry strike ends after six weeks"
    assert "Ferry strike ends after six weeks - The Harbour Herald" in meta.headlines


@pytest.mark.parametrize(
    ("h1", "expected"),
    [
        pytest.param("<h1><span class='kicker'>Live</span> Ferry strike ends after six weeks</h1>", H, id="span"),
        pytest.param("<h1><strong>Analysis</strong>Ferry strike ends after six weeks</h1>", H, id="glued"),
        pytest.param("<h1>Ferry strike <em>ends</em> after six weeks</h1>", H, id="emphasis-inside"),
        pytest.param("<h1><em>Ferry</em> strike: what next</h1>", "Ferry strike: what next", id="no-agreement"),
    ],
)
def test_a_kicker_element_at_the_start_of_the_h1_is_left_out(h1: str, expected: str) -> None:
    tree = parse_html(f"<html><head><meta property='og:title' content='{H}'></head><body>{h1}<p>x</p></body></html>")
    assert tree is not None
    assert read_metadata(tree, URL).title == expected
