"""robots.txt per RFC 9309 in real crawls of loopback sites: redirects followed (2.3.1.2), one policy per
scheme, host and port."""

from __future__ import annotations

import datetime
import ipaddress
import ssl
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from socket import MSG_PEEK, socket

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from crawler.demo.feedgen import CONTENT_TYPES, Item, render_feed
from crawler.demo.server import LoopbackServer, Resource, Routes

from conftest import FAST, generated_site, newsrake

DISALLOW_NEWS = Resource(b"User-agent: *\nDisallow: /news/\n", "text/plain; charset=utf-8")


def moved(to: str, status: int = 301) -> Resource:
    return Resource(b"", status=status, headers=(("Location", to),))


def site_with(extra: Callable[[str], dict[str, Resource]]) -> Callable[[str], Routes]:
    """A generated site of two articles whose robots.txt and other extra paths are ``extra(base)``."""

    def build(base: str) -> Routes:
        return {**generated_site(2, robots=None)(base), **extra(base)}

    return build


def chain(hops: int, last: Resource) -> Callable[[str], dict[str, Resource]]:
    """robots.txt redirecting ``hops`` times (/hop/1, /hop/2, ...) before ``last``."""

    def extra(base: str) -> dict[str, Resource]:
        routes = {"/robots.txt": moved(f"{base}/hop/1" if hops else "/unused")}
        routes |= {f"/hop/{n}": moved(f"/hop/{n + 1}", 302 if n % 2 else 307) for n in range(1, hops)}
        routes[f"/hop/{hops}"] = last
        return routes

    return extra


def crawl(site: LoopbackServer, tmp_path: Path, *allowed: str) -> str:
    """A real crawl of the site's feed; its stderr."""
    allow = [arg for address in (site.address, *allowed) for arg in ("--allow-address", address)]
    run = newsrake("crawl", "--feed", f"{site.base_url}/feed.xml", "--db", "news.db", *allow, *FAST, cwd=tmp_path)
    assert "Traceback" not in run.stderr
    return run.stderr


def articles(site: LoopbackServer) -> list[str]:
    return [path for path in site.requests if path.startswith("/news/")]


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_redirected_robots_txt_is_obeyed(tmp_path: Path, status: int) -> None:
    routes = site_with(
        lambda base: {"/robots.txt": moved("/rules/robots.txt", status), "/rules/robots.txt": DISALLOW_NEWS}
    )
    with LoopbackServer(routes) as site:
        crawl(site, tmp_path)
    assert site.requests.count("/rules/robots.txt") == 1
    assert articles(site) == []


def test_a_robots_txt_redirected_to_another_host_gives_that_files_rules(tmp_path: Path) -> None:
    rules = LoopbackServer(site_with(lambda base: {"/robots.txt": DISALLOW_NEWS}), host="127.0.0.2")
    site = LoopbackServer(site_with(lambda base: {"/robots.txt": moved(f"{rules.base_url}/robots.txt")}))
    with rules, site:
        crawl(site, tmp_path, rules.address)
    assert rules.requests == ["/robots.txt"]
    assert articles(site) == []


def test_five_redirects_are_followed(tmp_path: Path) -> None:
    with LoopbackServer(site_with(chain(5, DISALLOW_NEWS))) as site:
        crawl(site, tmp_path)
    assert [path for path in site.requests if path.startswith("/hop/")] == [f"/hop/{n}" for n in range(1, 6)]
    assert articles(site) == []


@pytest.mark.parametrize(
    "extra",
    [
        pytest.param(chain(6, DISALLOW_NEWS), id="six-redirects"),
        pytest.param(lambda base: {"/robots.txt": moved("/loop"), "/loop": moved("/robots.txt")}, id="a-loop"),
    ],
)
def test_more_than_five_redirects_mean_robots_txt_is_unavailable(
    tmp_path: Path, extra: Callable[[str], dict[str, Resource]]
) -> None:
    with LoopbackServer(site_with(extra)) as site:
        stderr = crawl(site, tmp_path)
    assert "more than 5 redirects or a loop: unavailable, no rules" in stderr
    assert "/hop/6" not in site.requests
    assert len([path for path in site.requests if not path.startswith(("/news/", "/feed"))]) <= 6
    assert sorted(articles(site)) == ["/news/0.html", "/news/1.html"]


def test_a_robots_txt_redirected_to_a_private_address_is_refused_and_the_host_skipped(tmp_path: Path) -> None:
    with LoopbackServer(site_with(lambda base: {"/robots.txt": moved("http://127.0.0.1:9/robots.txt")})) as site:
        stderr = crawl(site, tmp_path)
    assert "refused http://127.0.0.1:9/robots.txt: non-public address 127.0.0.1" in stderr
    assert "skipping host" in stderr
    assert articles(site) == []


def self_signed(folder: Path) -> ssl.SSLContext:
    """A TLS server context with a fresh self-signed certificate for 127.0.0.1."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
        .sign(key, hashes.SHA256())
    )  # fmt: skip
    (folder / "cert.pem").write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    (folder / "key.pem").write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(folder / "cert.pem", folder / "key.pem")
    return context


class TwoSchemeServer(ThreadingHTTPServer):
    """Answers plain HTTP and HTTPS on one port (a TLS handshake's first byte tells them apart); each scheme
    has its own routes, and every request is recorded as ``scheme path``."""

    daemon_threads = True

    def __init__(self, context: ssl.SSLContext, routes: Callable[[str, str], Routes]) -> None:
        self.context = context
        self.requests: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                scheme = "https" if isinstance(self.connection, ssl.SSLSocket) else "http"
                server.requests.append(f"{scheme} {self.path}")
                found = server.routes[scheme].get(self.path)
                resource = found if isinstance(found, Resource) else Resource(b"not found\n", status=404)
                self.send_response(resource.status)
                self.send_header("Content-Type", resource.content_type)
                self.send_header("Content-Length", str(len(resource.body)))
                self.end_headers()
                self.wfile.write(resource.body)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the http.server API
                return

        super().__init__(("127.0.0.1", 0), Handler)
        self.authority = f"127.0.0.1:{self.server_port}"
        self.routes = {scheme: routes(scheme, self.authority) for scheme in ("http", "https")}

    def get_request(self) -> tuple[socket, tuple[str, int]]:
        connection, address = super().get_request()
        if connection.recv(1, MSG_PEEK) == b"\x16":  # a TLS ClientHello
            connection = self.context.wrap_socket(connection, server_side=True)
        return connection, address


def two_schemes(scheme: str, authority: str) -> Routes:
    """http: everything allowed, a feed of https articles; https: /news/ disallowed."""
    if scheme == "https":
        return {"/robots.txt": DISALLOW_NEWS, "/news/1.html": Resource(b"<html><body>1</body></html>")}
    item = Item(url=f"https://{authority}/news/1.html", title="One",
                published=datetime.datetime(2026, 11, 1, tzinfo=datetime.UTC))  # fmt: skip
    feed = render_feed("rss2", "Two schemes", f"http://{authority}/", f"http://{authority}/feed.xml", [item])
    return {
        "/robots.txt": Resource(b"User-agent: *\nAllow: /\n", "text/plain"),
        "/feed.xml": Resource(feed, CONTENT_TYPES["rss2"]),
    }


@pytest.fixture
def two_scheme_server(tmp_path: Path) -> Iterator[TwoSchemeServer]:
    server = TwoSchemeServer(self_signed(tmp_path), two_schemes)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_http_and_https_of_one_host_and_port_have_their_own_robots_txt(
    two_scheme_server: TwoSchemeServer, tmp_path: Path
) -> None:
    authority = two_scheme_server.authority
    run = newsrake("crawl", "--feed", f"http://{authority}/feed.xml", "--db", "news.db", "--allow-address", authority,
                   *FAST, cwd=tmp_path)  # fmt: skip
    assert "Traceback" not in run.stderr
    assert "http /feed.xml" in two_scheme_server.requests
    assert "https /robots.txt" in two_scheme_server.requests
    assert "https /news/1.html" not in two_scheme_server.requests
