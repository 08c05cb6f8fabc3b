"""Sources: where feeds come from. Read from `seeds/*.toml`, `--feed` and `--feeds-file`.

A file that cannot be used as a whole (missing, not TOML, a source without a name, two sources of one name)
is a `SourceError`. A single URL in it that cannot be fetched (not an absolute http(s) URL) is `Skipped`:
the run logs it, counts it, and crawls every other source.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from cleaners.rules import SourceRules
from crawler.options import url_problem

__all__ = [
    "Gathered", "Skipped", "Source", "SourceError", "gather", "gather_sources", "load_seeds", "read_feeds_file",
    "sources_from_urls", "url_problem",
]  # fmt: skip


class SourceError(Exception):
    """A seeds file or feeds file cannot be used; the message is for the user."""


_UNIQUE = "; seed names must be unique (articles, rules and runs are kept by source name)"


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


@dataclass(frozen=True)
class Skipped:
    """A URL of a seeds or feeds file left out of the run, and why: one log line."""

    where: str
    """``FILE:LINE`` (``FILE`` alone when the line is not found), or ``--feed``."""
    value: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: skipped {self.value!r}: {self.reason}"


@dataclass(frozen=True)
class Gathered:
    """What a seeds file, or all the places sources are given, hold: the sources and the URLs left out."""

    sources: list[Source] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def _strings(value: object, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise SourceError(f"{where}: expected a string or a list of strings")


class _Lines:
    """Finds the line of a value in a seeds file, searching from the header of the source it belongs to."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.lines = text.splitlines()
        self.headers = [n for n, line in enumerate(self.lines) if line.strip().replace(" ", "") == "[[source]]"]

    def where(self, index: int, value: str) -> str:
        """``FILE:LINE`` of ``value`` in source #``index`` (from 1); ``FILE`` if it is not found."""
        start = self.headers[index - 1] if index <= len(self.headers) else 0
        for number in range(start, len(self.lines)):
            if value in self.lines[number]:
                return f"{self.path}:{number + 1}"
        return str(self.path)


def load_seeds(path: Path) -> Gathered:
    """Read the ``[[source]]`` tables of one seeds TOML file; URLs that cannot be fetched are `Skipped`
    (a source left with none is dropped)."""
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except FileNotFoundError:
        raise SourceError(f"seeds file not found: {path}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise SourceError(f"cannot read seeds file {path}: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise SourceError(f"seeds file {path} is not valid TOML: {error}") from None
    tables = data.get("source", [])
    if not isinstance(tables, list):
        raise SourceError(f"{path}: 'source' must be an array of tables ([[source]])")
    found = Gathered()
    lines = _Lines(path, text)
    names: dict[str, int] = {}
    for index, table in enumerate(tables, start=1):
        where = f"{path}: source #{index}"
        if not isinstance(table, dict) or not isinstance(table.get("name"), str) or not table["name"].strip():
            raise SourceError(f"{where}: every source needs a name")
        name = table["name"].strip()
        if name in names:
            raise SourceError(f"{where}: the name {name!r} is already used by source #{names[name]}{_UNIQUE}")
        names[name] = index
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

        def usable(urls: tuple[str, ...], index: int = index) -> tuple[str, ...]:
            kept = []
            for url in urls:
                problem = url_problem(url)
                if problem is None:
                    kept.append(url)
                else:
                    found.skipped.append(Skipped(lines.where(index, url), url, problem))
            return tuple(kept)

        feeds, sitemaps = usable(feeds), usable(sitemaps)
        homepage = (usable((homepage,)) or (None,))[0] if homepage else None
        if not feeds and not sitemaps and not homepage:
            continue  # every URL of it was skipped, each with its line
        found.sources.append(
            Source(
                name=name,
                feeds=feeds,
                sitemaps=sitemaps,
                homepage=homepage,
                language=language if isinstance(language, str) else None,
                topics=_strings(table.get("topics"), where),
                rules=rules,
            )
        )
    return found


def read_feeds_file(path: Path) -> tuple[list[str], list[Skipped]]:
    """Feed URLs from a file, one a line (blank lines and ``#`` comments skipped), and the lines that are
    not absolute http(s) URLs."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise SourceError(f"feeds file not found: {path}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise SourceError(f"cannot read feeds file {path}: {error}") from None
    urls, skipped = [], []
    for number, line in enumerate(lines, start=1):
        url = line.strip()
        if not url or url.startswith("#"):
            continue
        problem = url_problem(url)
        if problem is None:
            urls.append(url)
        else:
            skipped.append(Skipped(f"{path}:{number}", url, problem))
    return urls, skipped


def sources_from_urls(urls: Iterable[str]) -> list[Source]:
    """One source per feed URL given on the command line, named after its host."""
    return [Source(name=urlsplit(url).hostname or url, feeds=(url,)) for url in urls]


def gather(seeds: Iterable[Path], feeds: Iterable[str], feeds_file: Path | None) -> Gathered:
    """All sources of a run, from every place they can be given, and the URLs left out of them."""
    gathered = Gathered()
    named: dict[str, Path] = {}
    for path in dict.fromkeys(seeds):  # the same file given twice is read once
        found = load_seeds(path)
        for source in found.sources:
            if source.name in named:
                raise SourceError(f"{path}: the name {source.name!r} is already used in {named[source.name]}{_UNIQUE}")
            named[source.name] = path
        gathered.sources.extend(found.sources)
        gathered.skipped.extend(found.skipped)
    urls = []
    for url in feeds:
        problem = url_problem(url)
        if problem is None:
            urls.append(url)
        else:
            gathered.skipped.append(Skipped("--feed", url, problem))
    if feeds_file is not None:
        listed, skipped = read_feeds_file(feeds_file)
        urls.extend(listed)
        gathered.skipped.extend(skipped)
    gathered.sources.extend(sources_from_urls(urls))
    return gathered


def gather_sources(seeds: Iterable[Path], feeds: Iterable[str], feeds_file: Path | None) -> list[Source]:
    """The sources of `gather`, without the URLs left out (for commands that only need their rules)."""
    return gather(seeds, feeds, feeds_file).sources
