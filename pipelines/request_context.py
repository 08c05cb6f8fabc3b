"""What newsrake knows about one of its requests, typed, under one meta key (``meta["newsrake"]``).

The spider sets it, the downloader middlewares read it (and add to it with `with_context`), and the
cleaning pipeline reads its kind. It is frozen: a change is a new context (`dataclasses.replace`) put back
in the request's meta. Scrapy's own meta keys (``handle_httpstatus_list``, ``dont_retry``,
``redirect_reasons``, ``dont_obey_robotstxt``, ...) stay Scrapy's.

It lives in ``pipelines`` (and imports nothing of Scrapy) so that the pipelines can read it: imports run
crawler -> pipelines -> cleaners only.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Literal, Protocol, TypeVar

META_KEY = "newsrake"
"""The one meta key newsrake's requests carry their context under."""

Kind = Literal["feed", "article", "robots", "homepage"]


@dataclass(frozen=True)
class RequestContext:
    """One request's context.

    - ``kind``: a feed or sitemap, an article page, a robots.txt, a homepage to find feeds on;
    - ``source``: the name of the source it is for;
    - ``feed_url``: the feed as listed (a feed request keeps it through redirects and moves; an article
      request names the feed it came from);
    - ``link``, ``guid``, ``updated``: an article's link as published, its feed entry's GUID and updated date;
    - ``attempts``: the attempts so far of an article that failed in an earlier run (None: never failed);
    - ``refetch``: the stored article is fetched again (its entry's updated date changed);
    - ``conditional``: a feed request whose stored validators were added; ``body_sha256`` the digest of its
      body last parsed.
    """

    kind: Kind
    source: str = ""
    feed_url: str | None = None
    link: str | None = None
    guid: str | None = None
    updated: str | None = None
    attempts: int | None = None
    refetch: bool = False
    conditional: bool = False
    body_sha256: str | None = None


class HasMeta(Protocol):
    """A Scrapy request or response (a response's meta is its request's)."""

    @property
    def meta(self) -> dict[str, Any]: ...


R = TypeVar("R", bound=HasMeta)


def context_of(request: HasMeta) -> RequestContext | None:
    """The context of a request or response; None for a request newsrake did not make (or made without one)."""
    context = request.meta.get(META_KEY)
    return context if isinstance(context, RequestContext) else None


def context_meta(context: RequestContext) -> dict[str, Any]:
    """The meta entry that carries ``context``, to merge into a new request's meta."""
    return {META_KEY: context}


def with_context(request: R, **changes: Any) -> R:
    """Change fields of the request's context in place (its meta now holds the changed copy); returns it."""
    context = context_of(request)
    if context is None:
        raise ValueError("the request has no newsrake context")
    request.meta[META_KEY] = replace(context, **changes)
    return request


def is_kind(request: HasMeta, kind: Kind) -> bool:
    """Whether the request (or response) is newsrake's request of this kind."""
    context = context_of(request)
    return context is not None and context.kind == kind
