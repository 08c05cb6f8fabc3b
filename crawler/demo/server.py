"""A small threaded HTTP server on 127.0.0.1 serving a fixed table of paths.

Used by `newsrake demo`, the tests and the benchmarks: every response is
known in advance, so a crawl of it is repeatable. Every 200 response has an
ETag, and a request whose If-None-Match matches it is answered 304.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import io
import sys
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Resource:
    """A response: body, content type, status, extra headers."""

    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: tuple[tuple[str, str], ...] = ()
    stream: Callable[[io.BufferedIOBase], None] | None = None
    """Writes the body itself, slowly or without end (for tests of hostile servers); no Content-Length."""
    delay: float = 0.0
    """Seconds to wait before answering at all (for tests of servers that never send headers)."""
    validators: bool = True
    """Send an ETag (and answer If-None-Match with 304); off for a server that sends no validators."""


@functools.lru_cache(maxsize=4096)
def etag_of(body: bytes) -> str:
    """The ETag of a body; cached, so that serving a large page many times costs no hashing."""
    return '"' + hashlib.sha1(body).hexdigest()[:16] + '"'  # noqa: S324 - a cache validator


Routes = Mapping[str, Resource | Sequence[Resource]]
"""Path (with query, if any) to response; a sequence is served in turn, its last response from then on."""

ROBOTS_ALLOW_ALL = Resource(b"User-agent: *\nAllow: /\n", "text/plain; charset=utf-8")


class _Server(ThreadingHTTPServer):
    """A threading HTTP server that says nothing when a client hangs up mid-answer (a crawler that timed
    out, or stopped): that is the client's choice, not the server's fault."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class LoopbackServer:
    """Serves routes made by ``build(base_url)`` on a loopback address (127.0.0.1 by default) at a free
    port; a context manager. Servers on different loopback addresses are different hosts to a crawler."""

    def __init__(self, build: Callable[[str], Routes], port: int = 0, host: str = "127.0.0.1") -> None:
        self.requests: list[str] = []
        self.request_times: list[tuple[str, float]] = []
        self.user_agents: set[str] = set()
        self.cookies: list[str] = []
        self._served: dict[str, int] = {}
        self._lock = threading.Lock()
        handler = self._handler_class()
        if not host.startswith("127."):
            raise ValueError(f"{host} is not a loopback address")
        try:
            self._server = _Server((host, port), handler)
        except OSError:  # the port is taken: any free one will do
            self._server = _Server((host, 0), handler)
        self._server.daemon_threads = True
        self.host = host
        self.base_url = f"http://{host}:{self._server.server_port}"
        self.routes: Routes = build(self.base_url)
        self._thread = threading.Thread(target=self._server.serve_forever, name="newsrake-site", daemon=True)

    @property
    def address(self) -> str:
        """``host:port`` of the server (for ``--allow-address``)."""
        return f"{self.host}:{self._server.server_port}"

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                path = urlsplit(self.path)
                key = path.path + (f"?{path.query}" if path.query else "")
                with server._lock:
                    server.requests.append(key)
                    server.request_times.append((key, time.monotonic()))
                    server.user_agents.add(self.headers.get("User-Agent", ""))
                    if self.headers.get("Cookie"):
                        server.cookies.append(self.headers["Cookie"])
                    resource = server._pick(key, path.path)
                if resource.delay:
                    time.sleep(resource.delay)
                etag = etag_of(resource.body)
                if resource.validators and resource.status == 200 and self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(resource.status)
                self.send_header("Content-Type", resource.content_type)
                if resource.stream is not None:
                    for name, value in resource.headers:
                        self.send_header(name, value)
                    self.send_header("Connection", "close")
                    self.end_headers()
                    self.close_connection = True
                    with contextlib.suppress(OSError):  # the client gave up: that is the point
                        resource.stream(self.wfile)
                    return
                self.send_header("Content-Length", str(len(resource.body)))
                if resource.validators and resource.status == 200:
                    self.send_header("ETag", etag)
                for name, value in resource.headers:
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(resource.body)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the http.server API
                return

        return Handler

    def _pick(self, key: str, path: str) -> Resource:
        found = self.routes.get(key) or self.routes.get(path)
        if found is None:
            return Resource(b"not found\n", "text/plain; charset=utf-8", 404)
        if isinstance(found, Resource):
            return found
        index = self._served.get(key, 0)
        self._served[key] = index + 1
        return found[min(index, len(found) - 1)]

    def start(self) -> LoopbackServer:
        """Start serving in a background thread."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close the socket."""
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> LoopbackServer:
        return self.start()

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        self.stop()
