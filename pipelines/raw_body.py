"""How a raw page's body is kept in ``raw_pages.body``: zstd, at a level chosen for speed.

``raw_pages.body_encoding`` names the compression of each row. New rows are
``zstd`` (level 3); rows written by newsrake 0.1 are ``gzip``, and both
are read. On the article-extraction benchmark's pages zstd level 3 costs
0.4 ms a page and makes them 5.1x smaller, where gzip level 3 cost 1.4 ms
for 4.5x. During a crawl the body is compressed in the cleaning worker, off
the crawl's event loop.

To read a body outside newsrake: ``zstd -d`` (or Python's ``zstandard``)
for ``zstd`` rows, ``gzip -d`` for ``gzip`` rows.
"""

from __future__ import annotations

import gzip
import threading
import zlib
from dataclasses import dataclass

import zstandard

ENCODING = "zstd"
"""The value of ``raw_pages.body_encoding`` for bodies written by `compress`."""
LEVEL = 3
ENCODINGS = ("zstd", "gzip")
"""Every ``body_encoding`` newsrake reads."""


@dataclass(frozen=True)
class Compressed:
    """A page's body as stored, how long it was and how it is compressed: all the store needs of the page."""

    data: bytes
    size: int
    encoding: str = ENCODING

    def page(self) -> bytes:
        """The page this body holds."""
        return decompress(self.data, self.encoding)


_THREAD = threading.local()  # a zstd compressor keeps its context between pages, but serves one thread only


def compress(body: bytes) -> Compressed:
    """``body`` as stored: a zstd frame that records its size, so equal pages give equal bytes."""
    compressor: zstandard.ZstdCompressor | None = getattr(_THREAD, "compressor", None)
    if compressor is None:
        compressor = _THREAD.compressor = zstandard.ZstdCompressor(level=LEVEL)
    return Compressed(compressor.compress(body), len(body))


def decompress(stored: bytes, encoding: str) -> bytes:
    """The page a stored body of ``encoding`` holds; ValueError for an encoding newsrake never wrote, or for a
    body that does not decompress (a damaged file)."""
    try:
        if encoding == "zstd":
            return zstandard.ZstdDecompressor().decompress(stored)
        if encoding == "gzip":
            return gzip.decompress(stored)
    except (zstandard.ZstdError, OSError, EOFError, zlib.error) as error:
        raise ValueError(f"the stored {encoding} body does not decompress: {error}") from None
    raise ValueError(f"unknown body encoding {encoding!r} (newsrake writes {' or '.join(ENCODINGS)})")
