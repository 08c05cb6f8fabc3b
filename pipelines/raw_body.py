"""How a raw page's body is kept in ``raw_pages.body``: gzip, at a level chosen for speed.

Level 3 costs about half of level 6's CPU for about 10% more bytes (on the
article-extraction benchmark's pages: 1.3 ms and 4.5x smaller, against
2.8 ms and 5.1x). During a crawl the body is compressed in the cleaning
worker, off the crawl's event loop.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass

ENCODING = "gzip"
"""The value of ``raw_pages.encoding`` for bodies written by `compress`."""
LEVEL = 3


@dataclass(frozen=True)
class Compressed:
    """A page's body as stored, and how long it was: all the store needs of the page's bytes."""

    data: bytes
    size: int


def compress(body: bytes) -> Compressed:
    """``body`` as stored: gzip without a timestamp, so that equal pages give equal bytes."""
    return Compressed(gzip.compress(body, compresslevel=LEVEL, mtime=0), len(body))


def decompress(stored: bytes) -> bytes:
    """The page a stored body holds."""
    return gzip.decompress(stored)
