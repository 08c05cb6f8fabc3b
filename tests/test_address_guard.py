"""The address guard's verdicts: which hosts are public, whatever way an address is spelt."""

from __future__ import annotations

import ipaddress

import pytest

from crawler.middlewares.address_guard import is_public, literal_address


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
    ],
)
def test_public_addresses_pass(address: str) -> None:
    assert is_public(ipaddress.ip_address(address))
