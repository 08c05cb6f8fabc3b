"""The bundled demo news site: publishers, their feeds (one per dialect) and article pages."""

from __future__ import annotations

import html
import tomllib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from crawler.demo.feedgen import CONTENT_TYPES, Dialect, Item, render_feed
from crawler.demo.server import ROBOTS_ALLOW_ALL, Resource, Routes

SITE_DIR = Path(__file__).resolve().parent / "site"


@dataclass(frozen=True)
class Publisher:
    """A demo publisher: its articles and the dialect of its feed."""

    slug: str
    name: str
    language: str
    feed_format: Dialect
    description: str
    articles: tuple[dict[str, Any], ...]


def load_publishers(site_dir: Path = SITE_DIR) -> list[Publisher]:
    """The publishers described in ``site.toml``."""
    data = tomllib.loads((site_dir / "site.toml").read_text(encoding="utf-8"))
    return [
        Publisher(
            slug=p["slug"],
            name=p["name"],
            language=p.get("language", "en"),
            feed_format=cast(Dialect, p["feed_format"]),
            description=p.get("description", ""),
            articles=tuple(p.get("article", [])),
        )
        for p in data["publisher"]
    ]


def _homepage(publisher: Publisher, dialect: Dialect) -> bytes:
    links = "\n".join(
        f'<li><a href="/{publisher.slug}/{a["slug"]}.html">{html.escape(a["title"])}</a></li>'
        for a in publisher.articles
    )
    kind = CONTENT_TYPES[dialect].split(";")[0]
    return (
        f'<!doctype html><html lang="{publisher.language}"><head><meta charset="utf-8">'
        f"<title>{html.escape(publisher.name)}</title>"
        f'<link rel="alternate" type="{kind}" title="{html.escape(publisher.name)}" href="/{publisher.slug}/feed.xml">'
        f"</head><body><h1>{html.escape(publisher.name)}</h1><ul>{links}</ul></body></html>\n"
    ).encode()


def site_routes(base_url: str, site_dir: Path = SITE_DIR) -> Routes:
    """Every path of the demo site, with feeds pointing at ``base_url``."""
    routes: dict[str, Resource] = {"/robots.txt": ROBOTS_ALLOW_ALL}
    for publisher in load_publishers(site_dir):
        home = f"{base_url}/{publisher.slug}/"
        items = []
        for article in publisher.articles:
            path = f"/{publisher.slug}/{article['slug']}.html"
            routes[path] = Resource((site_dir / publisher.slug / f"{article['slug']}.html").read_bytes())
            published = article["published"]
            items.append(
                Item(
                    url=base_url + path,
                    title=article["title"],
                    published=published if isinstance(published, datetime) else datetime.fromisoformat(published),
                    author=article.get("author", ""),
                    summary=article.get("summary", ""),
                )
            )
        feed_url = f"{base_url}/{publisher.slug}/feed.xml"
        dialect = publisher.feed_format
        routes[f"/{publisher.slug}/feed.xml"] = Resource(
            render_feed(dialect, publisher.name, home, feed_url, items), CONTENT_TYPES[dialect]
        )
        routes[f"/{publisher.slug}/"] = Resource(_homepage(publisher, dialect))
    return routes


def demo_seeds(base_url: str, site_dir: Path = SITE_DIR) -> str:
    """A seeds file for the demo site: the last publisher is given by homepage, to show feed discovery."""
    publishers = load_publishers(site_dir)
    blocks = []
    for index, publisher in enumerate(publishers):
        home = f"{base_url}/{publisher.slug}/"
        feeds = "" if index == len(publishers) - 1 else f'feeds = ["{home}feed.xml"]\n'
        blocks.append(
            f'[[source]]\nname = "{publisher.name}"\nhomepage = "{home}"\n{feeds}language = "{publisher.language}"\n'
        )
    return "# Seeds of the newsrake demo site (generated).\n\n" + "\n".join(blocks)
