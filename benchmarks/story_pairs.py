"""Labelled pages for the stories benchmark (``benchmarks/stories.py``): real benchmark pages, the copies a
syndicating or scraping site would make of them, and distinct articles dressed in the same site's chrome.

A copy is built at the HTML level from the article's own blocks (its ``<p>``, headings, quotes and lists whose
text is in the page's ground truth, or in its cleaned text when the set has none): republished inside another
site's chrome (navigation, "most read", newsletter, footer: each copying site its own), with what copying sites
add or change. Every page made from the same source page is in that page's story; any two others are not.
"""

from __future__ import annotations

import gzip
import html
import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
from lxml import etree

from pipelines.url_identity import url_key

BLOCKS = "//p | //h2 | //h3 | //h4 | //blockquote | //ul | //ol"
COPY_KINDS = (
    "verbatim",
    "boilerplate top",
    "boilerplate middle",
    "boilerplate end",
    "paragraphs cut at the end",
    "paragraphs cut in the middle",
    "paragraphs reordered",
    "different headline",
    "headline + boilerplate + cut",
)
ORIGINAL = "original"
GRAFTED = "same-chrome graft"
"""The kind of a source page re-published, unchanged, inside a site's chrome shared with a distinct article
close to it in topic (the negative pairs of that site)."""


@dataclass(frozen=True)
class Source:
    """A benchmark page: where it was published, its HTML and the text of its article, if the set has it."""

    id: str
    url: str
    html: bytes
    truth: str | None


@dataclass(frozen=True)
class Specimen:
    """One page to store: its URL, its HTML, the source page it is made from (its story) and how."""

    url: str
    html: bytes
    story: str
    kind: str

    @property
    def host(self) -> str:
        return urlsplit(self.url).hostname or ""


@dataclass
class Site:
    """A copying (or grafting) site's chrome."""

    name: str
    host: str
    nav: list[str]
    layout: str
    most_read: list[str] = field(default_factory=list)


def load_sources(data: Path) -> list[Source]:
    """The pages of every set found in ``data`` or its subfolders: the article-extraction layout
    (``ground-truth.json``), the WCXB one (``ground-truth/``), or a bare ``html/`` folder (no ground truth)."""
    sources: list[Source] = []
    for folder in [data, *sorted(p for p in data.iterdir() if p.is_dir())]:
        if (folder / "ground-truth.json").is_file():
            truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
            for pid, entry in truth.items():
                path = folder / "html" / f"{pid}.html.gz"
                if path.is_file():
                    sources.append(Source(pid, entry["url"], gzip.decompress(path.read_bytes()), entry["articleBody"]))
        elif (folder / "ground-truth").is_dir():
            for path in sorted((folder / "ground-truth").glob("*.json")):
                entry = json.loads(path.read_text(encoding="utf-8"))
                page = folder / "html" / f"{path.stem}.html.gz"
                text = entry.get("ground_truth", {}).get("main_content")
                if page.is_file() and text:
                    url = entry.get("url") or f"https://wcxb.invalid/{path.stem}"
                    sources.append(Source(f"wcxb-{path.stem}", url, gzip.decompress(page.read_bytes()), text))
        elif folder == data and (folder / "html").is_dir():
            for path in sorted((folder / "html").iterdir()):
                body = gzip.decompress(path.read_bytes()) if path.name.endswith(".gz") else path.read_bytes()
                stem = path.name.split(".")[0]
                sources.append(Source(stem, f"https://{stem[:12].lower()}.pages.example/{stem}.html", body, None))
    seen: set[str] = set()
    unique = []
    for source in sources:  # one article saved twice (both sets have a few) is one story, not two
        key = (url_key(source.url) or source.url).rstrip("/")
        if key not in seen:
            seen.add(key)
            unique.append(source)
    return unique


def _norm(text: str) -> str:
    return " ".join(text.split())


def article_blocks(page: bytes, text: str) -> list[str]:
    """The article's blocks of ``page``, as HTML: the outermost ``<p>``, heading, quote and list elements whose
    text is in ``text`` (the article's, whitespace aside), in the page's order; when they miss a tenth of it or
    more (an article in ``<div>``, ``<br>`` or tables), the paragraphs of ``text`` itself: a copy carries the
    whole article, whatever its markup."""
    wanted = _norm(text)
    blocks: list[str] = []
    found = 0
    try:
        root = lxml.html.fromstring(page)
    except (etree.ParserError, ValueError):
        root = None
    taken: set[etree._Element] = set()
    for element in root.xpath(BLOCKS) if root is not None else []:
        if any(parent in taken for parent in element.iterancestors()):
            continue
        own = _norm(element.text_content())
        if len(own) >= 15 and own in wanted:
            taken.add(element)
            element.tail = None
            blocks.append(lxml.html.tostring(element, encoding="unicode"))
            found += len(own)
    if len(blocks) >= 3 and found >= 0.9 * len(wanted):
        return blocks
    return [f"<p>{html.escape(line.strip())}</p>" for line in text.splitlines() if line.strip()]


def page_language(page: bytes) -> str:
    match = re.search(rb"<html[^>]*\blang=[\"']?([A-Za-z]{2,3})", page[:5000], re.I)
    return match.group(1).decode().lower() if match else "en"


_SITE_WORDS = ["Daily", "Courier", "Wire", "Digest", "Ledger", "Report", "Bulletin", "Post", "Times", "Review"]
_SITE_PLACES = ["Metro", "Valley", "Coastal", "Northern", "Civic", "Global", "Urban", "Prairie", "Harbor", "Summit"]
_NAV = ["Home", "News", "Local", "World", "Business", "Tech", "Sport", "Culture", "Opinion", "Health", "Travel",
        "Food", "Science", "Money", "Lifestyle", "Video", "Podcasts", "Weather"]  # fmt: skip
_LAYOUTS = ['<article class="post">', '<div class="entry-content">', '<div id="story-body" class="article-body">',
            '<section class="content"><div class="text">']  # fmt: skip


def make_sites(count: int, rng: random.Random, prefix: str) -> list[Site]:
    """``count`` distinct sites, each with its name, host, navigation and layout."""
    sites = []
    for number in range(count):
        name = f"The {rng.choice(_SITE_PLACES)} {rng.choice(_SITE_WORDS)}"
        host = f"www.{prefix}{number}-{name.split()[1].lower()}{name.split()[2].lower()}.example"
        sites.append(Site(name, host, rng.sample(_NAV, rng.randint(5, 9)), rng.choice(_LAYOUTS)))
    return sites


def boilerplate(rng: random.Random, site: Site, headlines: list[str], source_host: str) -> str:
    """What a copying site puts inside an article: two or three of promotions, related links, share and follow
    calls, an image's caption, disclaimers, as its own blocks."""
    other = rng.choice(headlines) if headlines else "Our top stories of the week"
    choices = [
        f'<p><strong>Related:</strong> <a href="/related/{rng.randint(1, 9999)}">{html.escape(other)}</a></p>',
        f'<p>Read more: <a href="/more/{rng.randint(1, 9999)}">{html.escape(other)}</a></p>',
        f"<p>Follow {site.name} on Facebook, Instagram and X for the stories everyone is talking about.</p>",
        '<div class="share-bar">Share this article: Facebook | WhatsApp | Email | Copy link</div>',
        f'<figure><img src="/media/{rng.randint(100, 999)}.jpg" alt=""><figcaption>The scene earlier this week.'
        f" (Photo: {rng.choice(['staff photographer', 'handout', 'file image', 'agency pool'])})</figcaption></figure>",
        f"<p><em>This article first appeared on {source_host} and is republished here with permission. The views"
        " expressed are the author's own.</em></p>",
        "<p>ADVERTISEMENT</p>",
        f"<p>Get the morning briefing from {site.name} in your inbox every weekday. Sign up, it is free.</p>",
        "<p><em>We may earn a commission when you buy through links in this article.</em></p>",
        f'<aside class="related"><h4>More on this</h4><ul><li>{html.escape(other)}</li>'
        f"<li>{html.escape(rng.choice(headlines) if headlines else other)}</li></ul></aside>",
        "<p>Have a tip or a story we should cover? Write to the newsroom; all messages are read.</p>",
    ]
    return "\n".join(rng.sample(choices, rng.randint(2, 3)))


def render(site: Site, url: str, headline: str, blocks: list[str], lang: str, rng: random.Random) -> bytes:
    """A page of ``site``: its chrome around the headline and the blocks."""
    nav = "".join(f'<li><a href="/{item.lower()}/">{item}</a></li>' for item in site.nav)
    most = "".join(f'<li><a href="/read/{i}">{html.escape(h)}</a></li>' for i, h in enumerate(site.most_read))
    close = "</div></section>" if site.layout.startswith("<section") else "</" + site.layout[1:].split()[0] + ">"
    date = f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}"
    title = html.escape(headline)
    page = f"""<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{title} | {site.name}</title>
<meta property="og:title" content="{title}"><meta property="og:site_name" content="{site.name}">
<link rel="canonical" href="{url}"><meta property="og:url" content="{url}"></head><body>
<header class="masthead"><a class="logo" href="/">{site.name}</a><nav><ul>{nav}</ul></nav>
<form class="search"><input name="q" placeholder="Search {site.name}"></form></header>
<main>{site.layout}<h1>{title}</h1><p class="byline">By {site.name} staff | {date}</p>
{chr(10).join(blocks)}
{close}<aside class="most-read"><h3>Most read</h3><ol>{most}</ol></aside></main>
<section class="newsletter"><h3>Never miss a story</h3><p>The day's news from {site.name}, every morning.</p>
<form><input type="email" placeholder="Your email"><button>Subscribe</button></form></section>
<footer><ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li>
<li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of use</a></li></ul>
<p>Copyright 2026 {site.name}. All rights reserved. Reproduction without permission is prohibited.</p></footer>
</body></html>"""
    return page.encode("utf-8")


def retitled(page: bytes, url: str, headline: str) -> bytes:
    """``page`` served at ``url`` under another headline: its ``<title>``, first ``<h1>`` and ``og:title``, and
    its canonical URL its own (a copy that kept the original's would be that article, not stored)."""
    try:
        root = lxml.html.fromstring(page)
    except (etree.ParserError, ValueError):
        return page
    for element in root.xpath("//title | (//h1)[1]"):
        for child in list(element):
            element.remove(child)
        element.text = headline
    for meta in root.xpath("//meta[@property='og:title' or @name='twitter:title']"):
        meta.set("content", headline)
    for link in root.xpath("//link[@rel='canonical'] | //meta[@property='og:url']"):
        link.set("href" if link.tag == "link" else "content", url)
    return bytes(lxml.html.tostring(root, encoding="utf-8", doctype="<!doctype html>"))


def new_headline(blocks: list[str], rng: random.Random) -> str:
    """A headline of a content farm's kind: the start of the article's first sentence, with a hook."""
    words = _norm(lxml.html.fromstring(blocks[0]).text_content() if blocks else "").split()[: rng.randint(7, 11)]
    hook = rng.choice(["", "Explained: ", "What we know: ", "Why it matters: ", "Must read: "])
    return hook + " ".join(words).rstrip(".,;:") + rng.choice(["", "...", " - here is the full story"])


def vary(kind: str, blocks: list[str], rng: random.Random) -> list[str]:
    """The article's blocks as a copy of ``kind`` has them (boilerplate is added by `copy_of`)."""
    count = len(blocks)
    if kind in ("paragraphs cut at the end", "headline + boilerplate + cut"):
        share = rng.uniform(0.2, 0.4) if kind.startswith("paragraphs") else 0.2
        return blocks[: max(1, count - max(1, round(count * share)))]
    if kind == "paragraphs cut in the middle" and count >= 3:
        drop = 2 if count >= 6 else 1
        start = rng.randint(1, count - 1 - drop)
        return blocks[:start] + blocks[start + drop :]
    if kind == "paragraphs reordered" and count >= 3:
        moved = blocks[:]
        size = max(1, round(count * rng.uniform(0.2, 0.3)))
        start = rng.randint(0, count - size)
        chunk = moved[start : start + size]
        del moved[start : start + size]
        where = rng.choice([i for i in range(len(moved) + 1) if i != start] or [0])
        moved[where:where] = chunk
        for _ in range(2):  # and two neighbours swapped
            i = rng.randrange(len(moved) - 1)
            moved[i], moved[i + 1] = moved[i + 1], moved[i]
        return moved
    return blocks[:]


def inject(blocks: list[str], extra: str, where: str) -> list[str]:
    position = {"top": 0, "middle": len(blocks) // 2, "end": len(blocks)}[where]
    return [*blocks[:position], extra, *blocks[position:]]


def specimens(
    sources: list[tuple[Source, str, str]], seed: int, copies: int = 2, grafts: int | None = None
) -> Iterator[Specimen]:
    """The pages to store: each source (``(source, its article's text, its headline)``) as published, and
    ``copies`` copies of it, of kinds taken in turn, each on a copying site drawn at random; then ``grafts``
    pairs of distinct sources close in topic (the most words in common, same language), republished unchanged
    in the chrome of a site of their own, the same boilerplate in both."""
    rng = random.Random(seed)
    headlines = [headline for _, _, headline in sources if headline]
    sites = make_sites(12, rng, "copy")
    for site in sites:
        site.most_read = rng.sample(headlines, min(5, len(headlines)))
    turn = 0
    blocks_of: dict[str, list[str]] = {}
    for source, text, headline in sources:
        yield Specimen(source.url, source.html, source.id, ORIGINAL)
        blocks = blocks_of[source.id] = article_blocks(source.html, text)
        lang = page_language(source.html)
        host = urlsplit(source.url).hostname or "the original site"
        for site in rng.sample(sites, copies):
            kind = COPY_KINDS[turn % len(COPY_KINDS)]
            turn += 1
            url = f"https://{site.host}/{rng.choice(site.nav).lower()}/{source.id[:16]}-{turn}.html"
            if kind == "different headline":
                yield Specimen(url, retitled(source.html, url, new_headline(blocks, rng)), source.id, kind)
                continue
            varied = vary(kind, blocks, rng)
            title = headline
            if kind.startswith("boilerplate"):
                varied = inject(varied, boilerplate(rng, site, headlines, host), kind.split()[1])
            elif kind == "headline + boilerplate + cut":
                title = new_headline(blocks, rng)
                varied = inject(inject(varied, boilerplate(rng, site, headlines, host), "top"),
                                boilerplate(rng, site, headlines, host), "end")  # fmt: skip
            yield Specimen(url, render(site, url, title, varied, lang, rng), source.id, kind)
    yield from _grafts(sources, blocks_of, rng, headlines, len(sources) // 8 if grafts is None else grafts)


def _grafts(
    sources: list[tuple[Source, str, str]],
    blocks_of: dict[str, list[str]],
    rng: random.Random,
    headlines: list[str],
    pairs: int,
) -> Iterator[Specimen]:
    vocab = {s.id: set(re.findall(r"\w{4,}", text.casefold())) for s, text, _ in sources}
    lang = {s.id: page_language(s.html) for s, _, _ in sources}
    scored = []
    for i, (one, _, _) in enumerate(sources):
        for other, _, _ in sources[i + 1 :]:
            if lang[one.id] == lang[other.id] and vocab[one.id] and vocab[other.id]:
                union = len(vocab[one.id] | vocab[other.id])
                scored.append((len(vocab[one.id] & vocab[other.id]) / union, one.id, other.id))
    scored.sort(reverse=True)
    used: set[str] = set()
    by_id = {s.id: (s, headline) for s, _, headline in sources}
    sites = make_sites(max(1, pairs), rng, "topic")
    made = 0
    for _, a, b in scored:
        if made >= pairs:
            break
        if a in used or b in used:
            continue
        used |= {a, b}
        site = sites[made]
        site.most_read = rng.sample(headlines, min(5, len(headlines)))
        shared = boilerplate(rng, site, headlines, site.host)
        for sid in (a, b):
            url = f"https://{site.host}/{rng.choice(site.nav).lower()}/{sid[:16]}.html"
            blocks = inject(blocks_of[sid], shared, "end")
            page = render(site, url, by_id[sid][1], blocks, lang[sid], rng)
            yield Specimen(url, page, sid, GRAFTED)
        made += 1
