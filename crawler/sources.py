"""Sources: where feeds come from. Read from `seeds/*.toml`, `--feed` and `--feeds-file`."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from cleaners.rules import SourceRules


class SourceError(Exception):
    """A seeds file or feeds file cannot be used; the message is for the user."""


@dataclass(frozen=True)
class Source:
    """A publisher to crawl: its feeds, or a homepage to discover them from."""

    name: str
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    """News sitemaps (or sitemap indexes) listing the source's articles."""
    homepage: str | None = None
    language: str | None = None
    topics: tuple[str, ...] = field(default_factory=tuple)
    rules: SourceRules = field(default_factory=SourceRules)
    """Cleaning rules for this source's pages (``[source.rules]``: drop_selectors, drop_lines)."""


def _strings(value: object, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise SourceError(f"{where}: expected a string or a list of strings")


def load_seeds(path: Path) -> list[Source]:
    """Read the ``[[source]]`` tables of one seeds TOML file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SourceError(f"seeds file not found: {path}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise SourceError(f"cannot read seeds file {path}: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise SourceError(f"seeds file {path} is not valid TOML: {error}") from None
    tables = data.get("source", [])
    if not isinstance(tables, list):
        raise SourceError(f"{path}: 'source' must be an array of tables ([[source]])")
    sources = []
    for index, table in enumerate(tables, start=1):
        where = f"{path}: source #{index}"
        if not isinstance(table, dict) or not isinstance(table.get("name"), str) or not table["name"].strip():
            raise SourceError(f"{where}: every source needs a name")
        homepage = table.get("homepage")
        if homepage is not None and not isinstance(homepage, str):
            raise SourceError(f"{where}: homepage must be a string")
        feeds = _strings(table.get("feeds"), where)
        sitemaps = _strings(table.get("sitemaps"), where)
        if not feeds and not sitemaps and not homepage:
            raise SourceError(f"{where} ({table['name']}): give feeds, sitemaps or a homepage to discover feeds from")
        language = table.get("language")
        try:
            rules = SourceRules.from_table(table.get("rules"), where)
        except ValueError as error:
            raise SourceError(str(error)) from None
        sources.append(
            Source(
                name=table["name"].strip(),
                feeds=feeds,
                sitemaps=sitemaps,
                homepage=homepage,
                language=language if isinstance(language, str) else None,
                topics=_strings(table.get("topics"), where),
                rules=rules,
            )
        )
    return sources


def read_feeds_file(path: Path) -> list[str]:
    """Feed URLs from a file, one a line; blank lines and ``#`` comments skipped."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise SourceError(f"feeds file not found: {path}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise SourceError(f"cannot read feeds file {path}: {error}") from None
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def sources_from_urls(urls: Iterable[str]) -> list[Source]:
    """One source per feed URL given on the command line, named after its host."""
    return [Source(name=urlsplit(url).hostname or url, feeds=(url,)) for url in urls]


def gather_sources(seeds: Iterable[Path], feeds: Iterable[str], feeds_file: Path | None) -> list[Source]:
    """All sources of a run, from every place they can be given."""
    sources = [source for path in seeds for source in load_seeds(path)]
    urls = list(feeds)
    if feeds_file is not None:
        urls.extend(read_feeds_file(feeds_file))
    sources.extend(sources_from_urls(urls))
    return sources
