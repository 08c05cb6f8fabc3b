"""An article that the parser reads into a list item, a button, a header or a layout table's cell (markup that
leaves one of them open, or a page laid out in a table) is read as plain blocks: its paragraphs come out one
per line, and the line cleaners can see the boilerplate between them. A list or table of the article's own
stays one."""

from __future__ import annotations

import pytest

from cleaners import clean_page
from cleaners.html_tree import parse_html

PARAGRAPHS = [
    "The regional council voted on Tuesday evening to close the old harbour bridge to heavy lorries after engineers "
    "found deep cracks in two of its stone piers during a routine inspection carried out last month.",
    "Local business owners said the long diversion through the industrial estate would add at least half an hour "
    "to every delivery, and several of them asked the council to speed up the repair work before winter.",
    "The council's engineers expect the repair of the two damaged piers to take at least eight months, and they "
    "warned that the bridge may have to close to all traffic for several weeks while the work goes on.",
    "Buses, bicycles and emergency vehicles may still cross the bridge at walking pace, the council said, and a "
    "temporary footbridge will be built beside it before the main repair work begins in the spring.",
]
NOTE = "Comments are closed."
ARTICLE = (
    "<h1>Harbour bridge closed to lorries</h1>"
    + "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:2])
    + f"<p>{NOTE}</p>"
    + "".join(f"<p>{p}</p>" for p in PARAGRAPHS[2:])
)

# (id, page, the element the parser puts the article in)
SWALLOWED = [
    (
        "menu-item-left-open",
        "<html><body><header><nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a>"
        "<ul class='sub-menu'><li><a href='/europe'>Europe</a>"
        f"<main><article>{ARTICLE}</article></main><footer>Contact us</footer></body></html>",
        "li",
    ),
    (
        "button-left-open",
        "<html><body><header><button class='menu-toggle'><span>Menu</span>"
        f"<div class='content'><article>{ARTICLE}</article></div></header></body></html>",
        "button",
    ),
    (
        "article-inside-the-header-nav",
        "<html><body><article><header class='site-header'><nav class='primary'><a href='/'>Home</a>"
        f"<div class='items-center grow'><div class='story'>{ARTICLE}</div></div>"
        "</nav></header></article></body></html>",
        "nav",
    ),
    (
        "layout-table-cell",
        "<html><body><table><tr><td class='side'><a href='/a'>Home</a> <a href='/b'>News</a></td>"
        f"<td class='main'>{ARTICLE}</td></tr></table></body></html>",
        "td",
    ),
]


@pytest.mark.parametrize(("html", "box"), [pytest.param(h, b, id=i) for i, h, b in SWALLOWED])
def test_an_article_the_parser_reads_into_an_item_or_a_box_comes_out_in_paragraphs(html: str, box: str) -> None:
    tree = parse_html(html)
    assert tree is not None
    first = next(p for p in tree.iter("p") if (p.text or "").startswith(PARAGRAPHS[0][:20]))
    assert box in {a.tag for a in first.iterancestors()}  # the trap this test is about
    article = clean_page(html, "https://example.org/news/bridge")
    assert article.text.split("\n") == PARAGRAPHS
    assert NOTE not in article.text


LIST_ITEMS = [
    "Check the diversion signs before you set off: the route through the industrial estate changes at night.",
    "Allow half an hour more for deliveries, longer at the start and the end of the school day.",
    "Cyclists may still cross the bridge at walking pace while the engineers are at work on its piers.",
]


def test_an_article_list_whose_item_holds_a_long_paragraph_stays_a_list() -> None:
    long_item = f"<li><p>{PARAGRAPHS[2]}</p></li>"
    items = "".join(f"<li>{item}</li>" for item in LIST_ITEMS)
    html = (
        "<html><body><article><h1>Harbour bridge closed to lorries</h1>"
        f"<p>{PARAGRAPHS[0]}</p><ul>{long_item}{items}</ul><p>{PARAGRAPHS[1]}</p></article></body></html>"
    )
    lines = clean_page(html, "https://example.org/news/bridge").text.split("\n")
    assert [f"- {PARAGRAPHS[2]}", *(f"- {item}" for item in LIST_ITEMS)] == lines[1:5]


def test_an_article_table_stays_a_table() -> None:
    rows = "".join(
        f"<tr><td>Pier {n}</td><td>Cracks found in the stone of pier number {n} during the inspection.</td></tr>"
        for n in range(1, 5)
    )
    html = (
        "<html><body><article><h1>Harbour bridge closed to lorries</h1>"
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
        + f"<table>{rows}</table></article></body></html>"
    )
    text = clean_page(html, "https://example.org/news/bridge").text
    assert "| Pier 1 | Cracks found in the stone of pier number 1 during the inspection. |" in text
