"""A loopback news site made from a folder of saved pages, with feeds in every dialect.

Used by the benchmarks: the pages of the article-extraction benchmark
(``html/<id>.html.gz``) are served at ``/a/<id>.html``, split round-robin
over feeds ``/feeds/<n>.xml`` whose dialects alternate RSS 2.0, Atom, RSS 1.0.
"""

from __future__ import annotations

import gzip
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

from crawler.demo.feedgen import CONTENT_TYPES, DIALECTS, Item, render_feed
from crawler.demo.server import ROBOTS_ALLOW_ALL, Resource, Routes


def load_pages(data_dir: Path) -> dict[str, bytes]:
    """``{page name: html bytes}`` for every ``html/*.html.gz`` (`replicate` makes more of them)."""
    return {
        path.name.split(".")[0][:16]: gzip.decompress(path.read_bytes())
        for path in sorted((data_dir / "html").glob("*.html.gz"))
    }


def site_routes(base_url: str, pages: dict[str, bytes], feeds: int = 6) -> Routes:
    """Routes of the site; ``feeds`` feeds share the pages round-robin."""
    routes: dict[str, Resource] = {"/robots.txt": ROBOTS_ALLOW_ALL}
    buckets: list[list[Item]] = [[] for _ in range(feeds)]
    start = datetime(2026, 11, 1, tzinfo=UTC)
    for index, (name, body) in enumerate(pages.items()):
        path = f"/a/{name}.html"
        routes[path] = Resource(body)
        buckets[index % feeds].append(
            Item(url=base_url + path, title=f"Article {name}", published=start + timedelta(minutes=index))
        )
    for number, items in enumerate(buckets):
        dialect = DIALECTS[number % len(DIALECTS)]
        feed_url = f"{base_url}/feeds/{number}.xml"
        routes[f"/feeds/{number}.xml"] = Resource(
            render_feed(dialect, f"Feed {number} ({dialect})", base_url + "/", feed_url, items), CONTENT_TYPES[dialect]
        )
    return routes


def feed_urls(routes: Routes, base_url: str) -> list[str]:
    """The feed URLs of a site built by `site_routes`."""
    return [base_url + path for path in routes if path.startswith("/feeds/")]


_HEAD = re.compile(rb"<head\b[^>]*>", re.IGNORECASE)


def _own_canonical(body: bytes, path: str) -> bytes:
    """``body`` declaring ``path`` (where the copy is served, by `site_routes`) its canonical URL, ahead of the
    page's own: the copies are distinct articles, not duplicates of one (same canonical URL, not stored)."""
    link = f'<link rel="canonical" href="{path}">'.encode()
    found = _HEAD.search(body)
    return body[: found.end()] + link + body[found.end() :] if found else link + body


def replicate(pages: dict[str, bytes], count: int) -> dict[str, bytes]:
    """``count`` pages made from ``pages`` in turn, each with a variation (a numbered comment, its own
    canonical URL) so that no two are byte-identical, and none a duplicate of another, while each costs the
    same to clean as the page it copies."""
    names, bodies = list(pages), list(pages.values())
    copies = {}
    for number in range(count):
        name = f"{names[number % len(names)]}-{number}"
        body = _own_canonical(bodies[number % len(bodies)], f"/a/{name}.html")
        copies[name] = body + f"\n<!-- copy {number} -->\n".encode()
    return copies
