"""The address guard's verdicts: which hosts are public, whatever way an address is spelt."""

from __future__ import annotations

import ipaddress

import pytest
from twisted.internet.address import IPv4Address, IPv6Address
from twisted.internet.interfaces import IAddress

from crawler.addresses import AddressPolicy, embedded_ipv4
from crawler.middlewares.address_guard import is_public, literal_address
from crawler.resolver import PublicAddressResolver


@pytest.mark.parametrize(
    ("host", "address"),
    [
        pytest.param("127.0.0.1", "127.0.0.1", id="dotted"),
        pytest.param("2130706433", "127.0.0.1", id="decimal"),
        pytest.param("0x7f000001", "127.0.0.1", id="hex"),
        pytest.param("0x7f.0.0.1", "127.0.0.1", id="hex-dotted"),
        pytest.param("0177.0.0.1", "127.0.0.1", id="octal-dotted"),
        pytest.param("127.1", "127.0.0.1", id="short-form"),
        pytest.param("[::1]", "::1", id="ipv6-bracketed"),
        pytest.param("::ffff:127.0.0.1", "::ffff:7f00:1", id="ipv4-mapped-ipv6"),
        pytest.param("example.org", None, id="a-name"),
    ],
)
def test_literal_addresses_in_every_spelling(host: str, address: str | None) -> None:
    found = literal_address(host)
    assert (str(found) if found is not None else None) == address


@pytest.mark.parametrize(
    "address",
    [
        pytest.param("127.0.0.1", id="loopback"),
        pytest.param("127.255.0.9", id="loopback-range"),
        pytest.param("10.1.2.3", id="private-10"),
        pytest.param("172.16.0.1", id="private-172-16"),
        pytest.param("192.168.1.1", id="private-192-168"),
        pytest.param("169.254.169.254", id="link-local-cloud-metadata"),
        pytest.param("100.64.0.1", id="carrier-grade-nat"),
        pytest.param("224.0.0.1", id="multicast"),
        pytest.param("0.0.0.0", id="unspecified"),
        pytest.param("255.255.255.255", id="broadcast"),
        pytest.param("::1", id="ipv6-loopback"),
        pytest.param("::", id="ipv6-unspecified"),
        pytest.param("fe80::1", id="ipv6-link-local"),
        pytest.param("fc00::1", id="ipv6-unique-local"),
        pytest.param("ff02::1", id="ipv6-multicast"),
        pytest.param("::ffff:10.0.0.1", id="ipv4-mapped-private"),
        pytest.param("::ffff:169.254.169.254", id="ipv4-mapped-metadata"),
        pytest.param("64:ff9b::7f00:1", id="nat64-loopback"),
        pytest.param("64:ff9b::a9fe:a9fe", id="nat64-metadata"),
        pytest.param("64:ff9b:1::808:808", id="nat64-local-use-prefix"),
        pytest.param("2002:7f00:1::", id="6to4-loopback"),
        pytest.param("2002:a00:1::1", id="6to4-private-10"),
        pytest.param("::7f00:1", id="ipv4-compatible-loopback"),
        pytest.param("::a00:1", id="ipv4-compatible-private"),
        pytest.param("::ffff:0:7f00:1", id="ipv4-translated-loopback"),
        pytest.param("::ffff:0:c0a8:101", id="ipv4-translated-private"),
        pytest.param("2001:0:4136:e378:8000:63bf:80ff:fffe", id="teredo-client-loopback"),
        pytest.param("2001:0:7f00:1:8000:63bf:f7f7:f7f7", id="teredo-server-loopback"),
    ],
)
def test_non_public_addresses_are_refused(address: str) -> None:
    assert not is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize(
    "address",
    [
        pytest.param("93.184.216.34", id="ipv4-public"),
        pytest.param("8.8.8.8", id="ipv4-public-dns"),
        pytest.param("2606:4700:4700::1111", id="ipv6-public"),
        pytest.param("::ffff:8.8.8.8", id="ipv4-mapped-public"),
        pytest.param("64:ff9b::808:808", id="nat64-public"),
        pytest.param("2002:808:808::1", id="6to4-public"),
    ],
)
def test_public_addresses_pass(address: str) -> None:
    assert is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize(
    ("address", "carried"),
    [
        pytest.param("64:ff9b::7f00:1", ["127.0.0.1"], id="nat64"),
        pytest.param("2002:7f00:1::", ["127.0.0.1"], id="6to4"),
        pytest.param("::a00:1", ["10.0.0.1"], id="ipv4-compatible"),
        pytest.param("::ffff:0:a00:1", ["10.0.0.1"], id="ipv4-translated"),
        pytest.param("::ffff:a00:1", ["10.0.0.1"], id="ipv4-mapped"),
        pytest.param("2001:0:4136:e378:8000:63bf:80ff:fffe", ["65.54.227.120", "127.0.0.1"], id="teredo"),
        pytest.param("2606:4700:4700::1111", [], id="plain-ipv6"),
    ],
)
def test_the_ipv4_address_an_ipv6_address_carries(address: str, carried: list[str]) -> None:
    assert [str(a) for a in embedded_ipv4(ipaddress.IPv6Address(address))] == carried


class Answers:
    """A name resolver (Twisted's IHostnameResolver) that answers every name with the same addresses."""

    def __init__(self, *hosts: str) -> None:
        self.hosts = hosts

    def resolveHostName(self, receiver: object, name: str, port: int = 0, *args: object) -> object:  # noqa: N802
        receiver.resolutionBegan(name)  # type: ignore[attr-defined]
        for host in self.hosts:
            kind = IPv6Address if ":" in host else IPv4Address
            receiver.addressResolved(kind("TCP", host, port))  # type: ignore[attr-defined]
        receiver.resolutionComplete()  # type: ignore[attr-defined]
        return name


class Received:
    """What a connector would get from a look-up."""

    def __init__(self) -> None:
        self.addresses: list[str] = []
        self.complete = False

    def resolutionBegan(self, resolution: object) -> None:  # noqa: N802
        pass

    def addressResolved(self, address: IAddress) -> None:  # noqa: N802
        self.addresses.append(str(address.host))

    def resolutionComplete(self) -> None:  # noqa: N802
        self.complete = True


ALLOWED = AddressPolicy(frozenset({("127.0.0.1", 8080), ("intranet.test", 8081)}))


@pytest.mark.parametrize(
    ("answers", "host", "port", "connected", "refused"),
    [
        pytest.param(["93.184.216.34"], "news.test", 80, ["93.184.216.34"], None, id="public"),
        pytest.param(["127.0.0.1"], "news.test", 80, [], "127.0.0.1", id="loopback"),
        pytest.param(["93.184.216.34", "10.0.0.1"], "news.test", 80, [], "10.0.0.1", id="one-private-answer-of-two"),
        pytest.param(["64:ff9b::a9fe:a9fe"], "news.test", 80, [], "64:ff9b::a9fe:a9fe", id="nat64-metadata"),
        pytest.param(["127.0.0.1"], "news.test", 8080, ["127.0.0.1"], None, id="allowed-address-and-port"),
        pytest.param(["127.0.0.1"], "news.test", 8081, [], "127.0.0.1", id="allowed-address-other-port"),
        pytest.param(["10.0.0.9"], "intranet.test", 8081, ["10.0.0.9"], None, id="allowed-name-and-port"),
        pytest.param(["10.0.0.9"], "intranet.test", 80, [], "10.0.0.9", id="allowed-name-other-port"),
        pytest.param([], "news.test", 80, [], None, id="no-answer-stays-no-answer"),
    ],
)
def test_the_checking_resolver_hands_over_only_allowed_answers(
    answers: list[str], host: str, port: int, connected: list[str], refused: str | None
) -> None:
    resolver = PublicAddressResolver(Answers(*answers), ALLOWED)
    received = Received()
    resolver.resolveHostName(received, host, port)
    assert received.complete
    assert received.addresses == connected
    expected = None if refused is None else f"non-public address {refused} (use --allow-private-addresses)"
    assert resolver.refused(host) == expected
