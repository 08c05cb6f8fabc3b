"""cleaners.extract: what the extraction step drops before trafilatura reads the tree changes none of its text."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from lxml import etree

from cleaners import clean_page
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
        "<html><head><style>p{}</style><script>var a;</script>"
        '<script type="application/ld+json">{"@type": "NewsArticle"}</script></head><body>'
        "<p>One<svg><text>chart</text></svg> two</p><aside>Related <b>links</b></aside> after aside"
        "<footer>Contact</footer><script>track()</script> tail kept</body></html>"
    )
    assert tree is not None
    drop_inert(tree)
    assert [e.tag for e in tree.iter("style", "script", "svg", "aside", "footer")] == ["script"]
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
