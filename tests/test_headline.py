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
    # what follows a pipe is a tagline or a section, never the headline's own words
    "a-tagline-after-a-pipe-in-the-title": ([], [f"{H} | Crews back on Monday"], H),
    "a-name-before-a-pipe-that-is-shorter-than-what-follows-stays": (
        [],
        ["Harbour Week 2026 | Michael Ross’ light installation for the ferry terminal"],
        "Harbour Week 2026 | Michael Ross’ light installation for the ferry terminal",
    ),
    "a-section-after-a-pipe-in-the-h1-and-title": ([f"{H} | Business"], [f"{H} | Business"], H),
    "a-tagline-after-a-pipe-then-the-site": ([], [f"{H} | 2026 guide | The Harbour Herald"], H),
    "a-short-label-before-a-pipe-is-not-the-headline": ([], [f"Ferries | {H}"], f"Ferries | {H}"),
    "a-middle-dot-between-letters-is-a-letter": (
        ["La vaga del col·legi de pilots acaba"],
        ["La vaga del col·legi de pilots acaba"],
        "La vaga del col·legi de pilots acaba",
    ),
    # the site's name
    "the-site-name-written-without-spaces": ([], [f"{H} - HarbourHerald"], H),
    "a-headline-that-names-the-site-is-not-the-site": (
        ["The Harbour Herald view on the ferries: a port on the brink"],
        ["The Harbour Herald view on the ferries: a port on the brink | Editorial | The Harbour Herald"],
        "The Harbour Herald view on the ferries: a port on the brink",
    ),
    "the-site-name-and-a-word-more-is-the-site": ([], [f"{H} - The Harbour Herald Online"], H),
    "an-h1-ending-in-the-site-name": ([f"{H} – The Harbour Herald"], [f"{H} – The Harbour Herald"], H),
    "an-h1-that-is-only-the-site-segment-of-the-title": (
        ["The Harbour Herald", "Strike ends"],
        ["Strike ends - The Harbour Herald"],
        "Strike ends",
    ),
    # styling and labels
    "lower-case-is-styling": (["ferry strike ends"], ["Ferry Strike Ends | The Harbour Herald"], "Ferry Strike Ends"),
    "a-capitals-banner-without-agreement-yields-to-the-title": (["SUPPORTING FERRY CREWS"], [H], H),
    "a-label-ending-in-a-colon-is-not-a-headline": (["What our readers asked this week:"], [H], H),
    "a-paragraph-in-an-h1-is-not-a-headline": (
        [" ".join(["Crews voted on Sunday to go back to the ferries after six weeks."] * 3)],
        [H],
        H,
    ),
    "the-h1-after-a-logo-h1": (
        ["The Harbour Herald", "Crews return to the ferries on Monday"],
        ["Harbour ferries: what the strike cost"],
        "Crews return to the ferries on Monday",
    ),
    # a date or a source and a count around the title inside the <h1>
    "a-date-before-the-title-in-the-h1": ([f"Dec 18 2025 {H}"], [H], H),
    "a-source-and-a-count-after-the-title-in-the-h1": ([f"{H} (wire.com) 87"], [f"{H} - The Harbour Herald"], H),
    "words-after-a-cut-short-title-stay": (
        [f"{H} and the crews go home"],
        [f"{H} and the"],
        f"{H} and the crews go home",
    ),
    "a-year-before-the-title-stays": ([f"2026 {H}"], [H], f"2026 {H}"),
    # a dateline after the title inside the <h1>: a template that sets the article's details in its heading
    "a-dateline-after-the-title-in-the-h1": ([f"{H} Posted on July 1, 2024 by jo"], [f"{H} | The Harbour Herald"], H),
    "an-update-line-after-the-title-in-the-h1": ([f"{H} Updated: 2024-07-02 10:15"], [H], H),
    "a-label-word-without-a-date-after-the-title-stays": (
        [f"{H} Updated with reactions from crews"],
        [H],
        f"{H} Updated with reactions from crews",
    ),
    "a-label-inside-a-longer-word-is-no-dateline": (
        [f"{H} Dates 2025 and 2026 to remember"],
        [H],
        f"{H} Dates 2025 and 2026 to remember",
    ),
    # a styled <h1> takes the title's spelling of its words, wherever the title has them
    "capitals-spelt-by-a-segment-of-the-title": (
        ["FERRY STRIKE ENDS AFTER SIX WEEKS"],
        ["Business | Ferry Strike Ends After Six Weeks | The Harbour Herald"],
        "Ferry Strike Ends After Six Weeks",
    ),
    "lower-case-spelt-by-the-first-segment-of-a-longer-title": (
        ["ferry strike ends"],
        ["Ferry strike ends | Crews, ports, talks and what comes next | The Harbour Herald"],
        "Ferry strike ends",
    ),
    "lower-case-without-a-spelling-in-the-titles-stays": (
        ["ferry strike ends"],
        ["Crews, ports, talks and what comes next"],
        "ferry strike ends",
    ),
    # an <h1> decoded with the wrong character set: question marks for the title's characters
    "question-marks-for-the-titles-characters": (
        ["Ferry strike: the crews? demands ? what they won"],
        ["Ferry strike: the crews’ demands — what they won"],
        "Ferry strike: the crews’ demands — what they won",
    ),
    "a-replacement-character-for-the-titles": (
        ["Ferry strike ends after six weeks \ufffd crews return"],
        ["Ferry strike ends after six weeks – crews return"],
        "Ferry strike ends after six weeks – crews return",
    ),
    "a-question-in-the-h1-is-no-damage": (
        ["Will the ferry strike end this week?"],
        ["Will the ferry strike end this week? | The Harbour Herald"],
        "Will the ferry strike end this week?",
    ),
    "a-question-mark-the-title-does-not-spell-otherwise": (
        ["Is the ferry strike over? Crews vote today"],
        ["Harbour news: the week in pictures"],
        "Is the ferry strike over? Crews vote today",
    ),
    # the site's host name as a word of the title, with no separator
    "host-name-first-in-the-title": (
        ["harbour-herald.example"],
        ["harbour-herald.example Ferry strike"],
        "Ferry strike",
    ),
    "host-name-last-in-the-title": ([], [f"{H} harbour-herald.example"], H),
    "a-name-with-a-dot-that-is-not-the-site-stays": (
        [],
        ["Example.org buys the ferry company"],
        "Example.org buys the ferry company",
    ),
}


@pytest.mark.parametrize(("h1s", "titles", "expected"), CASES.values(), ids=CASES.keys())
def test_the_headline_is_chosen(h1s: list[str], titles: list[str], expected: str | None) -> None:
    assert choose_headline(h1s, titles, SITES) == expected


@pytest.mark.parametrize(
    ("h1", "title", "language"),
    [
        pytest.param(
            "La grève des ferries prend fin Publié le 3 mai 2024 à 10h12",
            "La grève des ferries prend fin",
            "fr",
            id="fr",
        ),
        pytest.param(
            "Fährstreik endet nach sechs Wochen Aktualisiert am 3.5.2024",
            "Fährstreik endet nach sechs Wochen",
            "de",
            id="de",
        ),
    ],
)
def test_a_dateline_in_the_page_language_after_the_title_in_the_h1(h1: str, title: str, language: str) -> None:
    assert choose_headline([h1], [title], SITES, language) == title
    assert choose_headline([h1], [title], SITES) == h1  # the labels are the page language's


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


def test_a_short_site_name_is_a_whole_word_not_letters_inside_one() -> None:
    sites = site_names(["FT"], "https://www.ft.example/content/1")
    h1 = "Markets left reeling as ferries stop"
    assert choose_headline([h1], ["Ferry shares fall - Markets - FT"], sites) == h1
    assert without_site("Left reeling - Markets - FT", sites) == "Left reeling - Markets"


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


def test_the_page_language_reads_the_dateline_in_its_h1() -> None:
    tree = parse_html(
        '<html lang="fr"><head><title>La grève des ferries prend fin | Le Héraut</title></head>'
        "<body><article><h1>La grève des ferries prend fin <small>Publié le 3 mai 2024 à 10h12</small></h1>"
        "<p>Les équipages ont voté dimanche la reprise du travail.</p></article></body></html>"
    )
    assert tree is not None
    assert read_metadata(tree, URL).title == "La grève des ferries prend fin"


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


@pytest.mark.parametrize(
    ("h1", "expected"),
    [
        pytest.param("<h1>Ferry strike ends<br>after six weeks</h1>", H, id="line-break"),
        pytest.param("<h1>Ferry strike ends<br/>After six weeks</h1>", "Ferry strike ends After six weeks", id="br"),
        pytest.param("<h1><div>Ferry strike ends</div><div>after six weeks</div></h1>", H, id="blocks"),
        pytest.param("<h1>Ferry strike <b>ends</b> after six weeks</h1>", H, id="inline-kept-in-line"),
        pytest.param("<h1>Ferry strike ends after six<!-- a note --> weeks</h1>", H, id="comment-left-out"),
    ],
)
def test_a_line_break_or_a_block_in_the_h1_parts_its_words(h1: str, expected: str) -> None:
    tree = parse_html(f"<html><head><meta property='og:title' content='{H}'></head><body>{h1}<p>x</p></body></html>")
    assert tree is not None
    assert read_metadata(tree, URL).title == expected
