"""Properties of cleaning, over generated input: it never raises, and cleaning clean text removes nothing."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaners import clean_page
from cleaners.catalog import HTML_CLEANERS, TEXT_CLEANERS
from cleaners.html_tree import parse_html
from cleaners.registry import TextContext, run_html_cleaners, run_text_cleaners
from cleaners.rules import SourceRules, html_families

# Lines that look like article text and like boilerplate, mixed with arbitrary text.
SAMPLE_LINES = [
    "Issued on:",
    "Read more: Floods close the coast road",
    "For all the latest World News Click Here",
    "For the latest news and updates, follow us on Google News.",
    "(FRANCE 24 with AFP and REUTERS)",
    "By Jane Doe",
    "Advertisement",
    "Related",
    "- A headline in a list",
    "![](https://img.example.org/a.jpg 388w, https://img.example.org/b.jpg 720w)",
    "The council voted on Tuesday to close the old bridge to lorries after engineers found cracks in two of its piers.",
    "Residents said the diversion would add half an hour to the school run.",
    "Updated: 3 May 2024, 10:12",
    "Tags: weather, floods",
]
lines_strategy = st.lists(st.one_of(st.sampled_from(SAMPLE_LINES), st.text(max_size=120)), max_size=25)
context_strategy = st.builds(
    TextContext,
    title=st.one_of(st.none(), st.sampled_from(SAMPLE_LINES), st.text(max_size=60)),
    language=st.sampled_from([None, "en", "fr", "de", "es", "pt", "it", "ko", "xx"]),
    rules=st.just(SourceRules()),
)


@given(lines=lines_strategy, context=context_strategy)
@settings(max_examples=300, deadline=None)
def test_text_stage_is_idempotent(lines: list[str], context: TextContext) -> None:
    once, _removed = run_text_cleaners(TEXT_CLEANERS, lines, context)
    twice, removed_again = run_text_cleaners(TEXT_CLEANERS, once, context)
    assert twice == once
    assert removed_again == ()


@given(lines=lines_strategy, context=context_strategy)
@settings(max_examples=200, deadline=None)
def test_text_stage_only_removes_lines(lines: list[str], context: TextContext) -> None:
    kept, removed = run_text_cleaners(TEXT_CLEANERS, lines, context)
    normalised = [" ".join(line.split()) for line in lines if line.strip()]
    assert len(kept) + len(removed) == len(normalised)
    iterator = iter(normalised)
    assert all(any(line == candidate for candidate in iterator) for line in kept)  # kept lines keep their order


TAGS = ["div", "p", "span", "article", "section", "aside", "figure", "figcaption", "h1", "h2", "a", "ul", "li", "table"]
ATTRS = ["", ' class="share-bar"', ' class="related"', ' id="ad-slot"', ' class="caption"', ' colspan="99999999"']
markup = st.recursive(
    st.text(max_size=80),
    lambda children: st.builds(
        lambda tag, attr, inner: f"<{tag}{attr}>{''.join(inner)}</{tag}>",
        st.sampled_from(TAGS),
        st.sampled_from(ATTRS),
        st.lists(children, max_size=4),
    ),
    max_leaves=30,
)


@given(body=markup)
@settings(max_examples=150, deadline=None)
def test_clean_page_never_raises_on_markup(body: str) -> None:
    article = clean_page(f"<html><body>{body}</body></html>", "https://example.org/a")
    assert isinstance(article.text, str)


@given(raw=st.one_of(st.binary(max_size=2000), st.text(max_size=2000)))
@settings(max_examples=150, deadline=None)
def test_clean_page_never_raises_on_arbitrary_input(raw: bytes | str) -> None:
    article = clean_page(raw, "https://example.org/a")
    assert "\x00" not in article.text


# The guard: whatever class words and tags wrap it, the box that holds most of a page's prose is never dropped.
ARTICLE_SENTENCES = [
    "The council voted on Tuesday to close the old bridge to lorries.",
    "Engineers found cracks in two of its piers during an inspection.",
    "Residents said the diversion would add half an hour to the school run.",
    "The repair work is expected to start in the spring and last a year.",
    "Buses and emergency vehicles may still cross at walking pace.",
    "A public meeting on the plans will be held in the library next week.",
]
CLASS_WORDS = sorted({word for family in html_families().values() for word in family.get("class_words", [])})
BOX_TAGS = ["div", "section", "aside", "footer", "figure", "header", "span", "ul", "article"]
MENU = "".join(f'<li><a href="/s/{i}">Section link number {i} of the site menu</a></li>' for i in range(60))


@st.composite
def page_with_an_article(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A page: a menu with three times the article's text, a teaser, and the article's short paragraphs in
    one to three boxes of random tags and family class words."""
    paragraphs = draw(st.lists(st.sampled_from(ARTICLE_SENTENCES), min_size=3, max_size=6, unique=True))
    inner = "".join(f"<p>{p}</p>" for p in paragraphs)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        tag = draw(st.sampled_from(BOX_TAGS))
        words = draw(st.lists(st.sampled_from(CLASS_WORDS), min_size=1, max_size=3))
        inner = f'<{tag} class="{" ".join(words)}">{inner}</{tag}>'
    teaser = '<div class="teaser"><p>Another story: the ferry strike ended on Monday night.</p></div>'
    html = f"<html><body><nav><ul>{MENU}</ul></nav><h1>Bridge closed</h1>{inner}{teaser}</body></html>"
    return html, paragraphs


@given(case=page_with_an_article())
@settings(max_examples=200, deadline=None)
def test_no_cleaner_drops_the_box_holding_most_of_the_prose(case: tuple[str, list[str]]) -> None:
    html, paragraphs = case
    tree = parse_html(html)
    assert tree is not None
    run_html_cleaners(HTML_CLEANERS, tree, SourceRules())
    kept = " ".join(tree.text_content().split())
    assert all(paragraph in kept for paragraph in paragraphs)
