"""Which addresses a crawl may connect to: public ones, and the servers the user let through.

Pure functions and one small policy object; used by the address guard middleware (early refusals) and by
the checking resolver (`crawler.resolver`, the check on the address actually connected to).
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_IPV4_TRANSLATED = ipaddress.IPv6Network("::ffff:0:0:0/96")  # SIIT, RFC 2765
_IPV4_COMPATIBLE = ipaddress.IPv6Network("::/96")  # deprecated, RFC 4291 2.5.5.1
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")  # RFC 6052
_NAT64_LOCAL = ipaddress.IPv6Network("64:ff9b:1::/48")  # RFC 8215: local use, the IPv4 part's place varies


UNRESOLVED = "does not resolve"
"""The refusal of a name with no address: the one refusal that may not hold later (a DNS outage)."""


def embedded_ipv4(address: ipaddress.IPv6Address) -> tuple[ipaddress.IPv4Address, ...]:
    """The IPv4 addresses an IPv6 address carries (mapped, translated, compatible, NAT64, 6to4, Teredo's
    server and client); empty for an address that carries none."""
    low = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if address.ipv4_mapped is not None:
        return (address.ipv4_mapped,)
    if address in _IPV4_TRANSLATED or address in _IPV4_COMPATIBLE or address in _NAT64:
        return (low,)
    if address.sixtofour is not None:
        return (address.sixtofour,)
    if address.teredo is not None:
        return address.teredo
    return ()


def is_public(address: IPAddress) -> bool:
    """True for a globally routable unicast address; an IPv6 address that carries an IPv4 address is
    judged by the IPv4 address it carries (all of them, for Teredo)."""
    if isinstance(address, ipaddress.IPv6Address):
        if address in _NAT64_LOCAL:
            return False
        carried = embedded_ipv4(address)
        if carried:
            return all(is_public(inner) for inner in carried)
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


def parse_allowed(items: list[str]) -> frozenset[tuple[str, int]]:
    """``host:port`` strings (``[v6]:port`` too) as (lower-case host, port) pairs; malformed ones dropped."""
    allowed = set()
    for item in items:
        host, _, port = item.rpartition(":")
        if host and port.isdigit():
            allowed.add((host.strip("[]").lower(), int(port)))
    return frozenset(allowed)


@dataclass(frozen=True)
class AddressPolicy:
    """Public addresses, plus exactly the servers (``host:port``, a name or an address) the user allowed."""

    allowed: frozenset[tuple[str, int]] = frozenset()

    def host_allowed(self, host: str, port: int) -> bool:
        """The user let this server through by the name (or address) in the URL."""
        return (host.strip("[]").lower(), port) in self.allowed

    def refusal(self, host: str, port: int, addresses: list[str]) -> str | None:
        """Why connecting to ``host:port`` at these addresses is refused; None if it is not."""
        if self.host_allowed(host, port):
            return None
        if not addresses:
            return UNRESOLVED
        for text in addresses:
            try:
                address = ipaddress.ip_address(text.split("%", 1)[0])
            except ValueError:
                return f"unreadable address {text!r}"
            if not is_public(address) and (str(address), port) not in self.allowed:
                return f"non-public address {address} (use --allow-private-addresses)"
        return None
