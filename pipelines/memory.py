"""Handing freed heap memory back to the system, so that a long crawl's footprint follows what it holds,
not the most it ever held.

CPython and lxml free a page's objects into the C heap, which glibc keeps for
reuse; ``malloc_trim`` returns the free pages at its top and in its middle to
the system. It costs well under a millisecond, so it is called every few dozen
pages, not after each. Elsewhere than glibc it does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
from collections.abc import Callable


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim: Callable[[int], int] = libc.malloc_trim
    except (OSError, AttributeError):
        return None
    return trim


def release_free_memory() -> None:
    """Return the C heap's free memory to the system (glibc); a no-op elsewhere."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
