"""robots.txt as RFC 9309 has it, which Scrapy's own middleware does not do in full.

- one policy per scheme, host and port (``http://host`` and ``https://host``
  can have different rules);
- 2xx: the rules are obeyed (Disallow, Allow) for newsrake's user agent;
- 3xx: the redirect is followed, up to five hops, to other hosts too (every
  hop passes the address guard); the file reached gives the rules of the
  host asked. More than five redirects, or a loop: robots.txt is taken as
  unavailable (RFC 9309 2.3.1.2), as a 4xx is;
- 4xx (or a redirect without a usable Location): no rules: everything is allowed;
- 5xx or no answer (timeout, refused connection): the host is treated as
  disallowing everything for this run;
- ``Crawl-delay`` is honoured up to ``NEWSRAKE_MAX_CRAWL_DELAY`` seconds; a
  host asking for more is skipped for this run and logged.

Part of the host policy (`crawler.middlewares.host_policy.HostPolicyMiddleware`), which replaces
``scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware`` (see settings).

Why not a subclass of Scrapy's middleware (looked at in Scrapy 2.19; it parses with Protego, as this module
does): it keys its parsers by ``netloc``, so ``http`` and ``https`` share one; it parses whatever body comes
back, so a 5xx error page or a failed download allows everything, where RFC 9309 asks for "disallow all"; its
redirects are Scrapy's (up to ``REDIRECT_MAX_TIMES``, 20) and it reads no ``Crawl-delay``. A subclass would
override its lookup, its parsing and its error path, which are private (``_parsers``, ``_parse_robots``,
``_robots_error``) and change between Scrapy versions, and keep only the class name. What is shared is the
parser, Protego, used here directly.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from protego import Protego
from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.http.request import NO_CALLBACK

from crawler import settings as defaults
from pipelines import stats
from pipelines.request_context import RequestContext, context_meta

logger = logging.getLogger(__name__)

MAX_ROBOTS_BYTES = 512 * 1024
"""Robots files are read up to this size (RFC 9309 asks for at least 500 KiB)."""
MAX_ROBOTS_REDIRECTS = 5
"""Consecutive redirects followed to reach a robots.txt (RFC 9309 asks for at least five)."""
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})

Origin = tuple[str, str, int]
"""Scheme, host (lower-case), port: whose robots.txt it is."""


def origin_of(url: str) -> Origin | None:
    """The scheme, host and port a URL's robots.txt belongs to; None for a URL without a usable one."""
    parts = urlsplit(url)
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return parts.scheme, parts.hostname.lower(), port


def robots_url(origin: Origin) -> str:
    """The robots.txt URL of an origin (the port left out where it is the scheme's own)."""
    scheme, host, port = origin
    authority = f"[{host}]" if ":" in host else host
    if port != (443 if scheme == "https" else 80):
        authority += f":{port}"
    return f"{scheme}://{authority}/robots.txt"


class RobotsRefused(IgnoreRequest):
    """robots.txt (or its absence) does not let newsrake fetch this URL in this run.

    ``transient`` is true when the whole host is left for this run only (robots.txt unreachable or
    answering 5xx, a Crawl-delay over the cap), false for a Disallow rule.
    """

    def __init__(self, message: str, *, transient: bool) -> None:
        super().__init__(message)
        self.transient = transient


@dataclass(frozen=True)
class HostPolicy:
    """What robots.txt decided for one host."""

    rules: Protego | None = None
    refuse_all: str | None = None
    crawl_delay: float | None = None


class RobotsTxt:
    """Each host's robots.txt, fetched once per run, and what it lets newsrake fetch (part of the host policy,
    `crawler.middlewares.host_policy`, which applies its Crawl-delay)."""

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        self.crawler = crawler
        self.user_agent: str = settings.get("ROBOTSTXT_USER_AGENT") or settings.get("USER_AGENT")
        self.max_delay = settings.getfloat("NEWSRAKE_MAX_CRAWL_DELAY", defaults.NEWSRAKE_MAX_CRAWL_DELAY)
        self._policies: dict[Origin, asyncio.Future[HostPolicy]] = {}

    async def check(self, request: Request) -> float | None:
        """The Crawl-delay of the request's host, if any; raises `RobotsRefused` if robots.txt refuses it."""
        if request.meta.get("dont_obey_robotstxt"):
            return None
        origin = origin_of(request.url)
        if origin is None:
            return None
        policy = await self._policy(origin)
        if policy.refuse_all:
            raise self._refuse(request, policy.refuse_all, transient=True)
        if policy.rules is not None and not policy.rules.can_fetch(request.url, self.user_agent):
            raise self._refuse(request, "disallowed by robots.txt", transient=False)
        return policy.crawl_delay

    def _refuse(self, request: Request, reason: str, *, transient: bool) -> RobotsRefused:
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(stats.ROBOTS_REFUSED)
        logger.info("robots.txt: %s: %s", request.url, reason)
        return RobotsRefused(f"{request.url}: {reason}", transient=transient)

    async def _policy(self, origin: Origin) -> HostPolicy:
        if origin not in self._policies:
            future: asyncio.Future[HostPolicy] = asyncio.get_running_loop().create_future()
            self._policies[origin] = future
            future.set_result(await self._fetch(robots_url(origin)))
        return await asyncio.shield(self._policies[origin])

    async def _fetch(self, url: str) -> HostPolicy:
        """The policy robots.txt at ``url`` gives, redirects followed (``url`` names the host in messages)."""
        seen = {url}
        hop_url = url
        for _ in range(MAX_ROBOTS_REDIRECTS + 1):
            response = await self._download(url, hop_url)
            if not isinstance(response, Response):
                return response
            location = response.headers.get(b"Location") if response.status in REDIRECT_STATUSES else None
            if not location:
                return self._policy_of(url, response)
            hop_url = urljoin(hop_url, location.decode("latin-1").strip())
            if hop_url in seen:
                break
            seen.add(hop_url)
        logger.warning("robots.txt of %s: more than %d redirects or a loop: unavailable, no rules",
                       urlsplit(url).netloc, MAX_ROBOTS_REDIRECTS)  # fmt: skip
        return HostPolicy()

    async def _download(self, url: str, hop_url: str) -> Response | HostPolicy:
        """One hop's response, or the policy its failure gives (the host refused for this run)."""
        request = Request(
            hop_url,
            priority=1000,
            meta={
                "dont_obey_robotstxt": True,
                "handle_httpstatus_all": True,
                "dont_retry": True,  # a 5xx or no answer means: not this run
                **context_meta(RequestContext(kind="robots")),
            },
            callback=NO_CALLBACK,
        )
        engine = self.crawler.engine
        assert engine is not None
        try:
            response = await engine.download_async(request)
        except IgnoreRequest as error:
            return self._host_refused(url, f"robots.txt not fetched ({error})")
        except Exception as error:  # noqa: BLE001 - any failure to get robots.txt means: stay away this run
            return self._host_refused(url, f"robots.txt unreachable ({type(error).__name__}: {error})")
        return response

    def _policy_of(self, url: str, response: Response) -> HostPolicy:
        """The policy of a final (not redirecting) robots.txt response."""
        if response.status >= 500:
            return self._host_refused(url, f"robots.txt answered {response.status}")
        if response.status >= 400 or response.status < 200 or response.status >= 300:
            return HostPolicy()  # no robots.txt: no rules
        return self.rules_policy(url, response.body[:MAX_ROBOTS_BYTES].decode("utf-8", errors="replace"))

    def rules_policy(self, url: str, text: str) -> HostPolicy:
        """The policy of a robots.txt's text."""
        rules = Protego.parse(text)
        delay = rules.crawl_delay(self.user_agent)
        if delay is not None and delay > self.max_delay:
            return self._host_refused(url, f"Crawl-delay {delay:g} s is over the cap of {self.max_delay:g} s")
        return HostPolicy(rules=rules, crawl_delay=float(delay) if delay else None)

    def _host_refused(self, url: str, reason: str) -> HostPolicy:
        logger.warning("skipping host %s for this run: %s", urlsplit(url).netloc, reason)
        return HostPolicy(refuse_all=reason)
