"""Refuse requests to private, loopback and other non-public addresses, after DNS resolution.

Every request passes here, redirect hops included (Scrapy schedules a
redirect as a new request). ``NEWSRAKE_ALLOW_PRIVATE_ADDRESSES`` lets all
through; ``NEWSRAKE_ALLOW_ADDRESSES`` (``host:port`` strings) lets exactly
those servers through.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import socket
import time
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest

from crawler import stats

logger = logging.getLogger(__name__)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
RESOLVED_FOR = 60.0
"""Seconds a host's resolved addresses are trusted before it is looked up again."""


class AddressRefused(IgnoreRequest):
    """The request's host is not a public address, or its scheme is not http(s)."""


def is_public(address: IPAddress) -> bool:
    """True for a globally routable unicast address."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return is_public(address.ipv4_mapped)
    return address.is_global and not address.is_multicast


def literal_address(host: str) -> IPAddress | None:
    """The address a host names literally, including decimal/hex/octal IPv4 spellings."""
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        pass
    try:
        return ipaddress.IPv4Address(socket.inet_aton(host))
    except (OSError, ValueError):
        return None


class AddressGuardMiddleware:
    """Downloader middleware: refuse non-public destinations before connecting."""

    def __init__(self, crawler: Crawler, allow_all: bool, allowed: frozenset[tuple[str, int]]) -> None:
        self.crawler = crawler
        self.allow_all = allow_all
        self.allowed = allowed
        self._resolved: dict[tuple[str, int], tuple[float, list[IPAddress]]] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> AddressGuardMiddleware:
        settings = crawler.settings
        allowed = set()
        for item in settings.getlist("NEWSRAKE_ALLOW_ADDRESSES"):
            host, _, port = item.rpartition(":")
            if host and port.isdigit():
                allowed.add((host.strip("[]").lower(), int(port)))
        return cls(crawler, settings.getbool("NEWSRAKE_ALLOW_PRIVATE_ADDRESSES"), frozenset(allowed))

    async def _resolve(self, host: str, port: int) -> list[IPAddress] | None:
        """The addresses ``host`` resolves to, remembered for `RESOLVED_FOR` seconds (every article of a
        site is on the same host: one lookup, not one per request); None if it does not resolve."""
        now = time.monotonic()
        cached = self._resolved.get((host, port))
        if cached is not None and cached[0] > now:
            return cached[1]
        try:
            infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError):
            return None
        addresses = [ipaddress.ip_address(info[4][0]) for info in infos]
        self._resolved[(host, port)] = (now + RESOLVED_FOR, addresses)
        return addresses

    def _refuse(self, request: Request, reason: str) -> AddressRefused:
        logger.warning("refused %s: %s", request.url, reason)
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(stats.ADDRESSES_REFUSED)
        return AddressRefused(f"{request.url}: {reason}")

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
        if (host, port) in self.allowed:
            return
        literal = literal_address(host)
        if literal is not None:
            addresses = [literal]
        else:
            found = await self._resolve(host, port)
            if found is None:
                return  # the download itself fails and reports the DNS error
            addresses = found
        private = [str(a) for a in addresses if not is_public(a)]
        if private:
            raise self._refuse(request, f"non-public address {private[0]} (use --allow-private-addresses)")
