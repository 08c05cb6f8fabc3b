"""How a raw page's body is kept in ``raw_pages.body``: gzip, made as cheaply as possible.

The body is compressed with ISA-L's gzip (the ``isal`` package) at its level
3: on the article-extraction benchmark's pages that is 0.5 ms a page for a
body 4.5x smaller, where zlib takes 1.3 ms at its level 3 for the same size
and 2.8 ms at level 6 for 5.1x. Without ``isal``, zlib's level 3 is used.
Either way the result is plain gzip, read back with the standard library.
During a crawl the body is compressed in the cleaning worker, off the
crawl's event loop.
"""

from __future__ import annotations

import gzip
from collections.abc import Callable

ENCODING = "gzip"
"""The value of ``raw_pages.body_encoding`` for bodies written by `compress`."""
LEVEL = 3


def _compressor() -> Callable[[bytes], bytes]:
    try:
        from isal import igzip
    except ImportError:  # pragma: no cover - isal has wheels for the usual platforms
        return lambda body: gzip.compress(body, compresslevel=LEVEL, mtime=0)
    return lambda body: igzip.compress(body, compresslevel=LEVEL, mtime=0)


_compress = _compressor()


def compress(body: bytes) -> bytes:
    """``body`` as stored: gzip without a timestamp, so that equal pages give equal bytes."""
    return _compress(body)


def decompress(stored: bytes) -> bytes:
    """The page a stored body holds."""
    return gzip.decompress(stored)
