"""The address checked is the address connected to: real crawls of names a test-controlled DNS answers.

The `newsrake` subprocess gets `tests/scripted_dns` on its PYTHONPATH: its look-ups of ``*.test`` names are
answered from a script (see that module), by whoever asks, the address guard or the connection. The
loopback site stands for the private service a hostile name points at; nothing may reach it.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from crawler.demo.server import LoopbackServer

from conftest import FAST, Run, generated_site, scripted_dns

PUBLIC = "93.184.216.34"  # never connected to: the scripts below only ever hand it to a check


@pytest.fixture
def private_service() -> Iterator[LoopbackServer]:
    """A site on 127.0.0.1 that a hostile name points at."""
    with LoopbackServer(generated_site(2)) as server:
        yield server


def crawl(feed: str, cwd: Path, dns: dict[str, list[str]], *args: str, env: dict[str, str] | None = None) -> Run:
    """`newsrake crawl` of one feed, with the scripted DNS."""
    environment = scripted_dns(dns) | (env or {})
    done = subprocess.run(
        [sys.executable, "-m", "crawler.cli", "crawl", "--feed", feed, "--db", "news.db", *FAST, *args],
        cwd=cwd, env=environment, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    return Run(done.returncode, done.stdout, done.stderr)


def refused_count(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        [(stats,)] = conn.execute("SELECT stats FROM runs").fetchall()
    return int(json.loads(stats).get("newsrake/addresses_refused", 0))


@pytest.mark.parametrize(
    ("answers", "reason"),
    [
        pytest.param([PUBLIC, "127.0.0.1"], "non-public address 127.0.0.1", id="public-to-the-check-then-loopback"),
        pytest.param(["", "127.0.0.1"], "does not resolve", id="no-answer-to-the-check-then-loopback"),
        pytest.param(["127.0.0.1"], "non-public address 127.0.0.1", id="loopback-always"),
    ],
)
def test_a_name_that_answers_loopback_at_connect_time_never_reaches_it(
    private_service: LoopbackServer, tmp_path: Path, answers: list[str], reason: str
) -> None:
    port = private_service.address.rsplit(":", 1)[1]
    run = crawl(f"http://news.rebind.test:{port}/feed.xml", tmp_path, {"news.rebind.test": answers})
    assert private_service.requests == []
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    assert f"refused http://news.rebind.test:{port}/" in run.stderr
    assert reason in run.stderr
    assert refused_count(tmp_path / "news.db") >= 1


@pytest.mark.parametrize(
    "address",
    [
        pytest.param("64:ff9b::7f00:1", id="nat64"),
        pytest.param("64:ff9b:1::7f00:1", id="nat64-local-use"),
        pytest.param("2002:7f00:1::1", id="6to4"),
        pytest.param("::7f00:1", id="ipv4-compatible"),
        pytest.param("::ffff:0:7f00:1", id="ipv4-translated"),
        pytest.param("2001:0:4136:e378:8000:63bf:80ff:fffe", id="teredo-client-127.0.0.1"),
        pytest.param("::ffff:127.0.0.1", id="ipv4-mapped"),
    ],
)
@pytest.mark.parametrize("spelt", ["literal", "resolved"])
def test_ipv6_addresses_that_carry_a_private_ipv4_address_are_refused(
    private_service: LoopbackServer, tmp_path: Path, address: str, spelt: str
) -> None:
    port = private_service.address.rsplit(":", 1)[1]
    host = f"[{address}]" if spelt == "literal" else "v6.rebind.test"
    run = crawl(f"http://{host}:{port}/feed.xml", tmp_path, {"v6.rebind.test": [address]})
    assert private_service.requests == []
    assert f"refused http://{host}:{port}/feed.xml: non-public address" in run.stderr
    assert refused_count(tmp_path / "news.db") == 1


def test_an_allowed_address_is_reached_by_name_and_only_at_its_port(
    private_service: LoopbackServer, tmp_path: Path
) -> None:
    port = private_service.address.rsplit(":", 1)[1]
    dns = {"news.allowed.test": ["127.0.0.1"]}
    run = crawl(f"http://news.allowed.test:{port}/feed.xml", tmp_path, dns, "--allow-address", private_service.address)
    assert run.returncode == 0, run.stderr
    assert "/feed.xml" in private_service.requests
    other = crawl("http://news.allowed.test:9/feed.xml", tmp_path, dns, "--allow-address", private_service.address)
    assert "refused http://news.allowed.test:9/feed.xml: non-public address 127.0.0.1" in other.stderr


@pytest.mark.parametrize("variable", ["http_proxy", "HTTP_PROXY"])
def test_a_proxy_is_refused_unless_private_addresses_are_allowed(
    private_service: LoopbackServer, tmp_path: Path, variable: str
) -> None:
    feed = f"{private_service.base_url}/feed.xml"
    proxy = {variable: private_service.base_url}  # the loopback site answers a proxy's requests by their path
    run = crawl(feed, tmp_path, {}, "--allow-address", private_service.address, env=proxy)
    assert private_service.requests == []
    assert run.returncode == 1
    assert f"refused {feed}: a proxy is set" in run.stderr
    (tmp_path / "allowed").mkdir()  # a new database: the refused feed is backed off in the first one
    allowed = crawl(feed, tmp_path / "allowed", {}, "--allow-private-addresses", env=proxy)
    assert allowed.returncode == 0, allowed.stderr
    assert "/feed.xml" in private_service.requests
