"""Handing freed heap memory back to the system, so that a long crawl's footprint follows what it holds,
not the most it ever held.

CPython and lxml free a page's objects into the C heap, which glibc keeps for
reuse; ``malloc_trim`` returns the free pages at its top and in its middle to
the system. It costs well under a millisecond, so it is called every few dozen
pages, not after each. Elsewhere than glibc it does nothing.

`one_heap` keeps a worker's second thread from getting a C heap of its own, and `collect_less_often` spares
a long-running process most of the garbage collector's passes over objects that are not garbage.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import gc
from collections.abc import Callable

COLLECTOR_THRESHOLDS = (50_000, 20, 50)
"""Python's default is (700, 10, 10). newsrake makes few reference cycles (the collector finds some 2,000
objects in a crawl of 1,000 articles, in 430 passes that cost 7% of the crawl's own CPU); everything else is
freed as soon as it is let go, so collecting after 50,000 new objects instead of 700 keeps little more."""
M_ARENA_MAX = -8
"""glibc's ``mallopt`` parameter for the number of heaps (arenas) threads allocate from."""


@functools.cache
def libc_function(name: str) -> Callable[..., int] | None:
    """The C library's function ``name``; None where there is no such library or function."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        function: Callable[..., int] = getattr(libc, name)
    except (OSError, AttributeError):
        return None
    return function


def release_free_memory() -> None:
    """Return the C heap's free memory to the system (glibc); a no-op elsewhere."""
    trim = libc_function("malloc_trim")
    if trim is not None:
        trim(0)


def one_heap() -> bool:
    """Make the threads started from now on allocate from the process's one C heap (glibc); whether it did.

    glibc gives a second thread a heap of its own, whose free memory adds to the process's footprint; a
    worker's page-reading thread allocates little, and shares the main heap at no measurable cost.
    """
    mallopt = libc_function("mallopt")
    return mallopt is not None and mallopt(M_ARENA_MAX, 1) == 1


def collect_less_often() -> None:
    """Move what this process holds so far out of the garbage collector's reach (it is kept for the whole
    run) and let the collector run after `COLLECTOR_THRESHOLDS` new objects."""
    gc.freeze()
    gc.set_threshold(*COLLECTOR_THRESHOLDS)
