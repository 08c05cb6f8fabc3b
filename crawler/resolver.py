"""The check on the address a crawl connects to: a name resolver that passes on only allowed answers.

Twisted connects to exactly the addresses the reactor's name resolver hands over, so checking them here
closes the gap a separate look-up leaves open (a name that answers a public address to the check and a
private one to the connection: DNS rebinding). `PublicAddressResolver` wraps whatever resolver is
installed (Scrapy's ``TWISTED_DNS_RESOLVER``, IPv4 only by default) and checks every answer of every
look-up, redirect hops and robots.txt requests included. A refused answer is handed over as no answer
(the connection fails as a failed look-up) and remembered, so the address guard middleware can report
it as a refusal and refuse that host's next requests before they are sent.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from twisted.internet.interfaces import IAddress, IHostnameResolver, IHostResolution, IResolutionReceiver
from zope.interface import implementer  # type: ignore[import-untyped]

from crawler.addresses import AddressPolicy

Receiver = Any
"""An ``IResolutionReceiver`` (zope interfaces are not types mypy can call methods of)."""

REFUSAL_KEPT = 60.0
"""Seconds a refused host's refusal is remembered (the middleware refuses its requests up front meanwhile)."""


@implementer(IResolutionReceiver)
class _CheckedReceiver:
    """Collects a look-up's answers and hands them on only once all of them passed the policy."""

    def __init__(self, resolver: PublicAddressResolver, receiver: Receiver, host: str, port: int) -> None:
        self.resolver = resolver
        self.receiver = receiver
        self.host = host
        self.port = port
        self.addresses: list[IAddress] = []

    def resolutionBegan(self, resolutionInProgress: IHostResolution) -> None:  # noqa: N802, N803 - Twisted's API
        self.receiver.resolutionBegan(resolutionInProgress)

    def addressResolved(self, address: IAddress) -> None:  # noqa: N802 - Twisted's API
        self.addresses.append(address)

    def resolutionComplete(self) -> None:  # noqa: N802 - Twisted's API
        texts = [str(getattr(address, "host", address)) for address in self.addresses]
        reason = self.resolver.policy.refusal(self.host, self.port, texts) if self.addresses else None
        if reason is None:
            for address in self.addresses:
                self.receiver.addressResolved(address)
        else:
            self.resolver.remember(self.host, reason)
        self.receiver.resolutionComplete()


@implementer(IHostnameResolver)
class PublicAddressResolver:
    """Wraps a reactor's name resolver: answers that the policy refuses are never handed to the connector."""

    def __init__(self, inner: Any, policy: AddressPolicy) -> None:
        self.inner = inner  # an IHostnameResolver
        self.policy = policy
        self._refused: dict[str, tuple[float, str]] = {}

    @classmethod
    def install(cls, reactor: Any, policy: AddressPolicy) -> PublicAddressResolver:
        """Wrap the reactor's current name resolver (once: an installed one is returned as it is)."""
        current = reactor.nameResolver
        if isinstance(current, cls):
            return current
        checking = cls(current, policy)
        reactor.installNameResolver(checking)
        return checking

    def remember(self, host: str, reason: str) -> None:
        self._refused[host.lower()] = (time.monotonic() + REFUSAL_KEPT, reason)

    def refused(self, host: str) -> str | None:
        """Why this host's answer was refused lately; None if it was not."""
        found = self._refused.get(host.lower())
        if found is None or found[0] < time.monotonic():
            return None
        return found[1]

    def resolveHostName(  # noqa: N802 - Twisted's API
        self,
        resolutionReceiver: Receiver,  # noqa: N803
        hostName: str,  # noqa: N803
        portNumber: int = 0,  # noqa: N803
        addressTypes: Sequence[type[IAddress]] | None = None,  # noqa: N803
        transportSemantics: str = "TCP",  # noqa: N803
    ) -> IHostResolution:
        checked = _CheckedReceiver(self, resolutionReceiver, hostName, portNumber)
        resolution: IHostResolution = self.inner.resolveHostName(
            checked, hostName, portNumber, addressTypes, transportSemantics
        )
        return resolution
