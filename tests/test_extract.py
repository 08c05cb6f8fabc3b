"""cleaners.extract: what the extraction step drops before trafilatura reads the tree changes none of its text."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from lxml import etree

from cleaners import clean_page
from cleaners import extract as extract_module
from cleaners.candidates import adds_to, holds_words
from cleaners.decode import decode_page
from cleaners.extract import _extract, drop_inert
from cleaners.html_tree import parse_html

from conftest import PAGES, page_name

DEMO_PAGES = sorted((Path(__file__).resolve().parent.parent / "crawler" / "demo" / "site").glob("*/*.html"))
REAL_AND_DEMO = [*PAGES, *DEMO_PAGES]


def tree_of(path: Path) -> etree._Element:
    raw = path.read_bytes()
    tree = parse_html(decode_page(gzip.decompress(raw) if path.suffix == ".gz" else raw))
    assert tree is not None
    return tree


@pytest.mark.parametrize("fast", [True, False], ids=["fast-mode", "full-mode"])
@pytest.mark.parametrize(
    "path", REAL_AND_DEMO, ids=[page_name(p) if p.suffix == ".gz" else p.stem for p in REAL_AND_DEMO]
)
def test_trafilatura_reads_the_same_text_without_what_it_would_delete_unread(path: Path, fast: bool) -> None:
    pruned = tree_of(path)
    drop_inert(pruned)
    assert _extract(pruned, "https://example.org/a", fast=fast) == _extract(
        tree_of(path), "https://example.org/a", fast=fast
    )


def test_what_is_dropped_and_what_stays() -> None:
    tree = parse_html(
        '<html><head><title>Page</title><meta name="robots" content="index"><link rel="canonical" href="/a">'
        "<style>p{}</style><script>var a;</script>"
        '<script type="application/ld+json">{"@type": "NewsArticle"}</script></head><body>'
        "<p>One<svg><text>chart</text></svg> two</p><aside>Related <b>links</b></aside> after aside"
        "<footer>Contact</footer><script>track()</script> tail kept</body></html>"
    )
    assert tree is not None
    drop_inert(tree)
    assert [e.tag for e in tree.iter("style", "script", "svg", "aside", "footer", "title", "meta", "link")] == [
        "script"
    ]
    assert tree.find(".//script").get("type") == "application/ld+json"
    assert " ".join(tree.find("body").text_content().split()) == "One two after aside tail kept"


LEDE_ONLY = Path(__file__).resolve().parent / "fixtures" / "catastrophe-lede-only-fast" / "page.html"


def test_the_json_ld_article_body_is_the_first_second_opinion() -> None:
    page = LEDE_ONLY.read_text(encoding="utf-8")
    tree = parse_html(page)
    assert tree is not None
    paragraphs = [" ".join(p.text_content().split()) for p in tree.iter("p")]
    body = json.dumps({"@type": "NewsArticle", "articleBody": "\n\n".join(paragraphs)})
    with_body = page.replace("</head>", f'<script type="application/ld+json">{body}</script></head>')
    article = clean_page(with_body, "https://courier.example/news/2026/03/12/lead-pipes.html")
    assert article.problems == ("text-from:json-ld(low-coverage)",)
    assert article.text.split("\n") == [p for p in paragraphs if not p.startswith("©")]


@pytest.mark.parametrize(
    ("wider", "narrower", "share"),
    [
        ("a b\nc d", "a b c", 1.0),
        ("a b c", "a\nb\nc\nd", 0.75),
        ("a b", "a a b b", 0.5),
        ("x y", "z", 0.0),
        ("x", "", 0.0),
    ],
    ids=["holds-all-however-broken", "holds-three-quarters", "each-word-as-often", "other-words", "nothing-to-hold"],
)
def test_holds_words(wider: str, narrower: str, share: float) -> None:
    assert holds_words(wider, narrower) == share


FAST = "First paragraph of the article, eight words long.\nSecond paragraph, also of the same article here."


@pytest.mark.parametrize(
    ("wider", "taken"),
    [
        (f"{FAST}\nA third paragraph the fast mode left out of it.", True),
        (f"{FAST}\nRead more.", False),
        ("First paragraph of the article, eight words long.\n" + "Menu item and more menu items. " * 4, False),
        (FAST.replace("\n", " ") + " And a third paragraph the fast mode left out.", True),
        ("Another story altogether, with its own words in it.\n" * 3, False),
    ],
    ids=["holds-and-adds", "adds-little", "swaps-a-paragraph", "lines-joined", "another-text"],
)
def test_a_recall_text_is_taken_when_it_holds_the_fast_text_and_adds_to_it(wider: str, taken: bool) -> None:
    assert adds_to(wider, FAST) is taken


TEASER_BOXES = Path(__file__).resolve().parent / "fixtures" / "catastrophe-sections-in-teaser-boxes" / "page.html"
TEASER_URL = "https://gardenclub.example/guides/keeping-dahlias"


def _recall_calls(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Record every call trafilatura's recall mode gets (the real extraction still runs)."""
    calls: list[bool] = []

    def counting(tree: etree._Element, url: str | None, *, fast: bool, recall: bool = False) -> str:
        if recall:
            calls.append(True)
        return real(tree, url, fast=fast, recall=recall)

    real = extract_module._extract
    monkeypatch.setattr(extract_module, "_extract", counting)
    return calls


def test_recall_mode_is_asked_when_the_fast_text_holds_little_of_the_body(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _recall_calls(monkeypatch)
    article = clean_page(TEASER_BOXES.read_bytes(), TEASER_URL)
    assert calls == [True]
    assert article.problems == ("text-from:recall(more-text)",)
    assert "Lifting the tubers" in article.text.split("\n")


@pytest.mark.parametrize("path", DEMO_PAGES, ids=[p.stem for p in DEMO_PAGES])
def test_recall_mode_is_not_asked_when_the_fast_text_holds_most_of_the_body(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _recall_calls(monkeypatch)
    article = clean_page(path.read_bytes(), "https://example.org/a")
    assert calls == []
    assert not any(p.startswith("text-from:recall") for p in article.problems)


def test_recall_mode_is_not_asked_when_the_fast_text_holds_little_of_the_prose(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The lede alone: the second opinions find the article's box; recall mode is not asked (it would read
    more of the lede's part of the page)."""
    calls = _recall_calls(monkeypatch)
    article = clean_page(LEDE_ONLY.read_bytes(), "https://courier.example/news/2026/03/12/lead-pipes.html")
    assert calls == []
    assert article.problems == ("text-from:prose-box+fast(low-coverage)",)


def _page_with_hidden_paragraphs() -> str:
    """An article of three paragraphs, and two more in a box hidden from readers, which trafilatura deletes in
    every mode: its fast text holds 60% of the page's prose and under 60% of its body's characters."""
    said = "On {0} the council heard {1} residents speak about the new water rates, and {0} ended with a vote. "
    article = "".join(f"<p>{said.format(day, n) * 3}</p>" for n, day in enumerate(("Monday", "Tuesday", "Wednesday")))
    hidden = "".join(f"<p>{said.format(day, n) * 3}</p>" for n, day in enumerate(("Thursday", "Friday"), 3))
    menu = "".join(f'<a href="/s{i}">Section number {i}</a> ' for i in range(12))
    return (
        "<html><head><title>Water rates</title></head><body>"
        f"<div class='top'>{menu}</div><div class='story'><h1>Water rates vote</h1>{article}</div>"
        f"<div aria-hidden='true'>{hidden}</div></body></html>"
    )


def test_recall_mode_is_not_asked_when_it_reads_what_is_missing_as_the_fast_mode_does(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The paragraphs the fast text misses are ``<p>`` elements outside lists, tables and teaser boxes: recall
    mode would read them no differently, so it is not asked."""
    calls = _recall_calls(monkeypatch)
    article = clean_page(_page_with_hidden_paragraphs(), "https://council.example/water-rates")
    assert calls == []
    days = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
    assert [day for day in days if day in article.text] == ["Monday", "Tuesday", "Wednesday"]
    assert article.problems == ()


@pytest.mark.parametrize(
    ("markup", "read"),
    [
        ("<div><p id='x'>Text</p></div>", False),
        ("<section><h2 id='x'>Text</h2></section>", False),
        ("<div><div id='x'>Text</div></div>", True),
        ("<ul><li id='x'>Text</li></ul>", True),
        ("<ul><li><p id='x'>Text</p></li></ul>", True),
        ("<table><tr><td><p id='x'>Text</p></td></tr></table>", True),
        ("<div class='story-Teaser'><p id='x'>Text</p></div>", True),
        ("<div id='teaser-2'><div><p id='x'>Text</p></div></div>", True),
        ("<blockquote id='x'>Text</blockquote>", True),
    ],
    ids=["p", "heading", "div-text", "list-item", "p-in-list", "p-in-table", "p-in-teaser", "in-teaser-id", "quote"],
)
def test_which_paragraphs_recall_mode_may_read_otherwise(markup: str, read: bool) -> None:
    tree = parse_html(f"<html><body>{markup}</body></html>")
    assert tree is not None
    assert extract_module._read_by_recall(tree.get_element_by_id("x")) is read


def test_a_recall_text_that_adds_little_is_not_taken() -> None:
    page = TEASER_BOXES.read_text(encoding="utf-8")
    start = page.index('<div class="guide-teaser">')
    end = page.index("</div>\n</div>\n</main>")
    one_box = page[:start] + '<div class="guide-teaser"><p>Read our guide to tulips next.</p></div>' + page[end:]
    article = clean_page(one_box, TEASER_URL)
    assert article.problems == ()
    assert "tulips" not in article.text


@pytest.mark.parametrize(
    ("markup", "named"),
    [
        ("<div id='x' class='grid--item body body__container article__body'></div>", True),
        ("<div id='x' class='entry-content'></div>", True),
        ("<section id='x' class='post_content wysiwyg'></section>", True),
        ("<div id='x' class='StoryBodyText'></div>", True),
        ("<div id='x' itemprop='articleBody'></div>", True),
        ("<div id='x' class='content'></div>", False),
        ("<div id='x' class='article-bodyguard'></div>", False),
        ("<div id='x' class='body'></div>", False),
        ("<div id='x'></div>", False),
    ],
    ids=[
        "article-body",
        "entry-content",
        "post-content",
        "story-body-text",
        "itemprop",
        "content",
        "longer-word",
        "body",
        "no-class",
    ],
)
def test_which_boxes_name_themselves_the_article_body(markup: str, named: bool) -> None:
    tree = parse_html(f"<html><body>{markup}</body></html>")
    assert tree is not None
    assert (extract_module._body_kind(tree.get_element_by_id("x")) is not None) is named
