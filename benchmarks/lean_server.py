"""A lean HTTP/1.1 server on 127.0.0.1 for the speed benchmarks: every response made once, in advance.

The publishers a crawl fetches from run on other machines; on the benchmark's machine their stand-in takes
CPU from the same two cores as the crawl it serves. `crawler.demo.server.LoopbackServer` (a thread and
Python's ``http.server`` per request) took 0.6 to 0.8 ms of CPU per article served, 3 to 4% of what the
crawl itself spends; this one answers a request from a table of ready bytes on one asyncio loop, in a
fraction of that. It serves what a benchmark site needs: GET of fixed resources, keep-alive, an ETag per
200 response and 304 for a matching If-None-Match; not the hostile resources (delays, streams) the tests use.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from types import TracebackType

from crawler.demo.server import Resource, Routes, etag_of

_REASONS = {200: "OK", 301: "Moved Permanently", 304: "Not Modified", 404: "Not Found", 410: "Gone"}
_NOT_FOUND = Resource(b"not found\n", "text/plain; charset=utf-8", 404)


def _head(resource: Resource, etag: str) -> bytes:
    lines = [f"HTTP/1.1 {resource.status} {_REASONS.get(resource.status, 'Status')}"]
    lines += [f"Content-Type: {resource.content_type}", f"Content-Length: {len(resource.body)}"]
    if resource.validators and resource.status == 200:
        lines.append(f"ETag: {etag}")
    lines += [f"{name}: {value}" for name, value in resource.headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


class LeanServer:
    """Serves routes made by ``build(base_url)`` on 127.0.0.1 at a free port, from a thread; a context manager
    with the `LoopbackServer` attributes the benchmarks use (``routes``, ``base_url``, ``address``)."""

    def __init__(self, build: Callable[[str], Routes], host: str = "127.0.0.1") -> None:
        self.host = host
        self._loop = asyncio.new_event_loop()
        self._server = self._loop.run_until_complete(asyncio.start_server(self._serve, host, 0, backlog=512))
        port = self._server.sockets[0].getsockname()[1]
        self.address = f"{host}:{port}"
        self.base_url = f"http://{self.address}"
        self.routes: Routes = build(self.base_url)
        self._ready: dict[str, tuple[bytes, bytes, str | None]] = {}
        for path, found in self.routes.items():
            resource = found if isinstance(found, Resource) else found[-1]
            etag = etag_of(resource.body)
            validated = etag if resource.validators and resource.status == 200 else None
            self._ready[path] = (_head(resource, etag), resource.body, validated)
        self._missing = (_head(_NOT_FOUND, ""), _NOT_FOUND.body, None)
        self._thread = threading.Thread(target=self._loop.run_forever, name="lean-site", daemon=True)

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(ConnectionError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
            while True:
                request = await reader.readuntil(b"\r\n\r\n")
                target = request.split(b" ", 2)[1].decode("latin-1")
                await self._received(request, target)
                head, body, etag = self._ready.get(target) or self._ready.get(target.split("?")[0]) or self._missing
                if etag is not None and f"if-none-match: {etag}".encode() in request.lower():
                    writer.write(f"HTTP/1.1 304 Not Modified\r\nETag: {etag}\r\nContent-Length: 0\r\n\r\n".encode())
                else:
                    writer.writelines((head, body))
                await writer.drain()
        writer.close()

    async def _received(self, request: bytes, target: str) -> None:
        """Called with each request's head before it is answered (a subclass may log it, or wait)."""

    def __enter__(self) -> LeanServer:
        self._thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        async def close() -> None:
            self._server.close()
            tasks = asyncio.all_tasks() - {asyncio.current_task()}
            for task in tasks:  # the connections the crawl kept alive
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

        asyncio.run_coroutine_threadsafe(close(), self._loop).result(timeout=10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
        self._loop.close()
