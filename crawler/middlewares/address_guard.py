"""Refuse requests to private, loopback and other non-public addresses.

Two checks, one policy (`crawler.addresses.AddressPolicy`):

- this downloader middleware refuses early and clearly: a scheme other than
  http(s), a literal non-public address (however it is spelt), a name that
  resolves to one or does not resolve at all, a request that would go
  through a proxy (``http_proxy``/``https_proxy``: the address the proxy
  connects to cannot be checked here);
- `crawler.resolver.PublicAddressResolver`, installed on the reactor by this
  middleware, checks the answers of the look-up Twisted connects with: the
  address checked is the address connected to (no DNS rebinding between a
  check and the connection). A refusal there comes back here as a failed
  look-up and is reported as a refusal.

Every request passes here, redirect hops and robots.txt requests included.
``NEWSRAKE_ALLOW_PRIVATE_ADDRESSES`` lets all through (proxies too);
``NEWSRAKE_ALLOW_ADDRESSES`` (``host:port`` strings) lets exactly those
servers through: named in the URL so, or reached at that address and port.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import time
from urllib.parse import urlsplit
from urllib.request import getproxies, proxy_bypass

from scrapy import Request
from scrapy import exceptions as scrapy_exceptions
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from twisted.internet.error import DNSLookupError

from crawler.addresses import UNRESOLVED, AddressPolicy, IPAddress, is_public, literal_address, parse_allowed
from crawler.resolver import PublicAddressResolver
from pipelines import stats

__all__ = ["AddressGuardMiddleware", "AddressRefused", "IPAddress", "is_public", "literal_address"]

logger = logging.getLogger(__name__)

RESOLVED_FOR = 60.0
"""Seconds a host's look-up (answer or failure) is trusted by the early check before it is looked up again;
the connection's own look-up is checked every time."""


LOOKUP_ERRORS: tuple[type[BaseException], ...] = tuple(
    error
    for error in (DNSLookupError, getattr(scrapy_exceptions, "CannotResolveHostError", None))
    if isinstance(error, type)
)
"""A failed look-up, as the download handler reports it: Twisted's error, or the one Scrapy's newer handlers
(httpx, aiohttp) raise, where the installed Scrapy has it (it is newer than the declared minimum, 2.14)."""


class AddressRefused(IgnoreRequest):
    """The request's host is not a public address, or its scheme is not http(s).

    ``transient`` is true when the refusal may not hold later: the host did not resolve at all (a DNS
    outage looks the same), as against a host that resolves to a private address.
    """

    def __init__(self, message: str, *, transient: bool = False) -> None:
        super().__init__(message)
        self.transient = transient


class AddressGuardMiddleware:
    """Downloader middleware: refuse non-public destinations before connecting, and check at connect time."""

    def __init__(self, crawler: Crawler, allow_all: bool, allowed: frozenset[tuple[str, int]]) -> None:
        self.crawler = crawler
        self.allow_all = allow_all
        self.policy = AddressPolicy(allowed)
        self.proxies = (
            {}
            if allow_all or not crawler.settings.getbool("HTTPPROXY_ENABLED", True)
            else {scheme: url for scheme, url in getproxies().items() if scheme in ("http", "https")}
        )
        self._resolved: dict[str, tuple[float, list[str]]] = {}
        self._resolver: PublicAddressResolver | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> AddressGuardMiddleware:
        settings = crawler.settings
        allowed = parse_allowed(settings.getlist("NEWSRAKE_ALLOW_ADDRESSES"))
        return cls(crawler, settings.getbool("NEWSRAKE_ALLOW_PRIVATE_ADDRESSES"), allowed)

    def _checking_resolver(self) -> PublicAddressResolver:
        """The reactor's name resolver, wrapped in the check (at the first request: by then Scrapy has
        installed its own resolver, the one wrapped)."""
        if self._resolver is None:
            from twisted.internet import reactor

            self._resolver = PublicAddressResolver.install(reactor, self.policy)
        return self._resolver

    async def _resolve(self, host: str) -> list[str]:
        """The addresses ``host`` resolves to (empty if it does not), remembered for `RESOLVED_FOR` seconds
        (every article of a site is on the same host: one look-up, not one per request)."""
        now = time.monotonic()
        cached = self._resolved.get(host)
        if cached is not None and cached[0] > now:
            return cached[1]
        try:
            infos = await asyncio.get_running_loop().getaddrinfo(host, None, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError):
            infos = []
        addresses = [str(info[4][0]) for info in infos]
        self._resolved[host] = (now + RESOLVED_FOR, addresses)
        return addresses

    def _refuse(self, request: Request, reason: str) -> AddressRefused:
        logger.warning("refused %s: %s", request.url, reason)
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(stats.ADDRESSES_REFUSED)
        return AddressRefused(f"{request.url}: {reason}", transient=reason == UNRESOLVED)

    def _proxied(self, request: Request, scheme: str, host: str) -> str | None:
        """The proxy this request would go through, if any (as Scrapy's HttpProxyMiddleware decides)."""
        if "proxy" in request.meta:
            return str(request.meta["proxy"]) if request.meta["proxy"] is not None else None
        if scheme in self.proxies and not proxy_bypass(host):
            return self.proxies[scheme]
        return None

    async def process_request(self, request: Request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme not in ("http", "https"):
            raise self._refuse(request, f"scheme {parts.scheme or '(none)'} not allowed")
        if self.allow_all:
            return
        host = (parts.hostname or "").lower()
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError:
            raise self._refuse(request, "bad port") from None
        resolver = self._checking_resolver()
        if self._proxied(request, parts.scheme, host):
            raise self._refuse(
                request, "a proxy is set (http_proxy/https_proxy) and the address it connects to cannot be "
                "checked (unset it, or use --allow-private-addresses)"
            )  # fmt: skip
        if self.policy.host_allowed(host, port):
            return
        literal = literal_address(host)
        if literal is not None:
            reason = self.policy.refusal(host, port, [str(literal)])
        else:
            reason = resolver.refused(host) or self.policy.refusal(host, port, await self._resolve(host))
        if reason is not None:
            raise self._refuse(request, reason)

    def process_exception(self, request: Request, exception: Exception) -> None:
        """A look-up the checking resolver refused fails the download as a failed look-up: report it as the
        refusal it is (a retried request is refused by `process_request`, from the resolver's memory)."""
        if self._resolver is None or not isinstance(exception, LOOKUP_ERRORS):
            return
        reason = self._resolver.refused(urlsplit(request.url).hostname or "")
        if reason is not None:
            raise self._refuse(request, reason)
