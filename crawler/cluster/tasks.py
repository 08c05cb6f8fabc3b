"""The units of work the cluster's frontier hands out: a feed (or sitemap, or homepage) to poll, an article
page to fetch. A task is one JSON object, so that the frontier's Lua scripts can read its host and anyone can
read the queue with ``redis-cli``."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any, Literal
from urllib.parse import urlsplit

from cleaners import FeedEntry

TaskKind = Literal["feed", "sitemap", "homepage", "article"]


def host_of(url: str) -> str:
    """The host (with its port, lower case) whose politeness a request to ``url`` counts against."""
    return urlsplit(url).netloc.lower().rpartition("@")[2]


@dataclass(frozen=True)
class Task:
    """One request of the shared frontier."""

    kind: TaskKind
    url: str
    """The feed, sitemap or homepage as listed, or the article's link as published."""
    source: str
    feed_url: str | None = None
    """An article's feed."""
    entry: FeedEntry | None = None
    """An article's feed entry."""
    attempts: int | None = None
    """Attempts so far at an article that failed in an earlier run."""

    @property
    def host(self) -> str:
        return host_of(self.url)

    def encode(self) -> str:
        """The task as the compact JSON the frontier stores (with its host, for the Lua scripts)."""
        fields: dict[str, Any] = {"k": self.kind, "u": self.url, "s": self.source, "h": self.host}
        if self.feed_url is not None:
            fields["f"] = self.feed_url
        if self.entry is not None:
            fields["e"] = asdict(self.entry)
        if self.attempts is not None:
            fields["a"] = self.attempts
        return json.dumps(fields, separators=(",", ":"), ensure_ascii=False, sort_keys=True)

    @classmethod
    def decode(cls, text: str | bytes) -> Task:
        """A task read back from the frontier; ValueError if it is not one."""
        try:
            fields = json.loads(text)
            entry = fields.get("e")
            return cls(
                kind=fields["k"],
                url=fields["u"],
                source=fields.get("s", ""),
                feed_url=fields.get("f"),
                entry=_entry(entry) if isinstance(entry, dict) else None,
                attempts=fields.get("a"),
            )
        except (KeyError, TypeError, AttributeError, json.JSONDecodeError) as error:
            raise ValueError(f"not a frontier task: {error}") from None


def _entry(fields: dict[str, Any]) -> FeedEntry:
    """A feed entry from its JSON fields (lists back to tuples)."""
    values: dict[str, Any] = {key: tuple(value) if isinstance(value, list) else value for key, value in fields.items()}
    return FeedEntry(**values)
