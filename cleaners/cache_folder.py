"""The folder newsrake keeps its caches in: what only ever saves time, never changes a result.

``$NEWSRAKE_CACHE_DIR`` if that is set (set it empty to use no cache), else ``$XDG_CACHE_HOME/newsrake``,
else ``~/.cache/newsrake``.
"""

from __future__ import annotations

import os
from pathlib import Path

CACHE_ENV = "NEWSRAKE_CACHE_DIR"


def cache_root() -> Path | None:
    """The folder newsrake keeps its caches in, or None when caching is off or there is no home to put it in."""
    configured = os.environ.get(CACHE_ENV)
    if configured is not None:
        return Path(configured) if configured else None
    xdg = Path(os.environ.get("XDG_CACHE_HOME", ""))
    if xdg.is_absolute():
        return xdg / "newsrake"
    try:
        return Path.home() / ".cache" / "newsrake"
    except RuntimeError:  # no home directory to be found
        return None
