"""A loopback site that mixes good articles with every kind of hostile endpoint (for tests only)."""

from __future__ import annotations

import functools
import io
import time
import zlib
from datetime import UTC, datetime, timedelta

from crawler.demo.feedgen import CONTENT_TYPES, Item, render_feed
from crawler.demo.server import ROBOTS_ALLOW_ALL, Resource, Routes

from conftest import article_page

MB = 1024 * 1024


@functools.cache
def deflated_zeros(size: int, wrapper: int) -> bytes:
    """``size`` zero bytes compressed (wbits 31: gzip, 15: zlib/deflate): a decompression bomb."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, wrapper)
    chunk = b"\0" * MB
    return b"".join(compressor.compress(chunk) for _ in range(size // MB)) + compressor.flush()


def trickle(out: io.BufferedIOBase) -> None:
    """One byte a second for a minute."""
    for _ in range(60):
        out.write(b"<")
        out.flush()
        time.sleep(1)


def endless(out: io.BufferedIOBase) -> None:
    """A body that never ends (until the client hangs up)."""
    chunk = b"<p>" + b"x" * 65536 + b"</p>"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        out.write(chunk)


def huge_declared(out: io.BufferedIOBase) -> None:
    out.write(b"<html>")


def truncated(out: io.BufferedIOBase) -> None:
    """Half of the body its Content-Length promised, then the connection closes."""
    out.write(b"<html><body>" + b"x" * 5000)


def redirect(to: str, status: int = 302) -> Resource:
    return Resource(b"", "text/plain", status, (("Location", to),))


HOSTILE: dict[str, Resource | list[Resource]] = {
    "/h/gzip-bomb": Resource(deflated_zeros(64 * MB, 31), headers=(("Content-Encoding", "gzip"),)),
    "/h/deflate-bomb": Resource(deflated_zeros(64 * MB, 15), headers=(("Content-Encoding", "deflate"),)),
    "/h/huge-content-length": Resource(b"", headers=(("Content-Length", str(5 * 1024**3)),), stream=huge_declared),
    "/h/endless-body": Resource(b"", stream=endless),
    "/h/trickle": Resource(b"", stream=trickle),
    "/h/no-headers": Resource(b"late", delay=10),
    "/h/truncated": Resource(b"", headers=(("Content-Length", "10000"),), stream=truncated),
    "/h/loop-a": redirect("/h/loop-b"),
    "/h/loop-b": redirect("/h/loop-a"),
    **{f"/h/chain-{n}": redirect(f"/h/chain-{n + 1}") for n in range(1, 8)},
    "/h/to-other-loopback-port": redirect("http://127.0.0.1:9/x"),
    "/h/to-cloud-metadata": redirect("http://169.254.169.254/latest/meta-data/"),
    # each target its own path: w3lib 2.6 writes a decimal or hex host in dotted form ("127.0.0.1"), and the
    # duplicate filter would drop a second request for the same URL before the address guard could refuse it
    "/h/to-decimal-loopback": redirect("http://2130706433:9/decimal"),
    "/h/to-hex-loopback": redirect("http://0x7f.0.0.1:9/hex"),
    "/h/to-ipv6-loopback": redirect("http://[::1]:9/x"),
    "/h/to-private-network": redirect("http://10.0.0.1/x"),
    "/h/to-file": redirect("file:///etc/passwd"),
    "/h/to-data": redirect("data:text/html,<p>hello</p>"),
    "/h/huge-page": Resource(b"<html><body><p>" + b"word " * (4 * MB) + b"</p></body></html>"),
    "/h/nested": Resource(b"<html><body>" + b"<div>" * 100_000 + b"deep" + b"</div>" * 100_000 + b"</body></html>"),
    "/h/colspan": Resource(
        b"<html><body><table><tr><td colspan='9007199254740991'>wide</td></tr></table>"
        + article_page(9002)[article_page(9002).index(b"<article>") :]
    ),
    "/h/nul-and-control": Resource(article_page(9003).replace(b"part 2", b"part\x00 2\x01\x02\x1b[31m")),
    "/h/empty-200": Resource(b""),
    "/h/empty-403": Resource(b"", status=403),
    "/h/cp1252-labelled-utf8": Resource(
        article_page(9004).replace(b"Story 9004, part 1", "Story 9004 caf\u00e9 \u2013 part 1".encode("cp1252")),
        "text/html; charset=utf-8",
    ),
}
GOOD = 200

# Rate-limited endpoints stand on a host of their own: a 429 or 503 slows down its whole host, as it should.
RATE_LIMITED: dict[str, Resource | list[Resource]] = {
    "/robots.txt": ROBOTS_ALLOW_ALL,
    "/h/429-then-ok": [
        Resource(b"slow down", "text/plain", 429, (("Retry-After", "1"),)),
        Resource(article_page(9001)),
    ],
    "/h/503-always": Resource(b"busy", "text/plain", 503, (("Retry-After", "1"),)),
}


def rate_limited_routes(base: str) -> Routes:
    """The rate-limited host."""
    return RATE_LIMITED


def hostile_routes(base: str, rate_limited_base: str) -> Routes:
    """200 good articles and every hostile endpoint, all listed in one RSS feed at /feed.xml."""
    start = datetime(2026, 11, 1, tzinfo=UTC)
    robots = Resource(
        ROBOTS_ALLOW_ALL.body, ROBOTS_ALLOW_ALL.content_type, headers=(("Set-Cookie", "session=1; Path=/"),)
    )
    routes: dict[str, Resource | list[Resource]] = {"/robots.txt": robots, **HOSTILE}
    items = []
    for number in range(GOOD):
        routes[f"/news/{number}.html"] = Resource(article_page(number))
        items.append(Item(f"{base}/news/{number}.html", f"Story {number}", start + timedelta(minutes=number)))
    hostile = [path for path in HOSTILE if not path.startswith(("/h/loop-b", "/h/chain-")) or path == "/h/chain-1"]
    items += [Item(base + path, path, start) for path in hostile]
    items += [Item(rate_limited_base + path, path, start) for path in RATE_LIMITED if path != "/robots.txt"]
    # A feed over the download size limit (16 MiB).
    routes["/huge-feed.xml"] = Resource(b'<?xml version="1.0"?><rss version="2.0"><channel>' + b" " * (20 * MB))
    routes["/feed.xml"] = Resource(
        render_feed("rss2", "Hostile", base + "/", f"{base}/feed.xml", items), CONTENT_TYPES["rss2"]
    )
    return routes
