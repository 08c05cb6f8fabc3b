"""A one-line progress bar with rate and ETA, for long work on a terminal; silent elsewhere.

Kept rather than ``click.progressbar`` (click 8.5, compared in issue 18): click's shows no rate (pages a second),
writes its label once when the stream is not a terminal where this writes nothing, redraws on every step where
this draws at most ten times a second, and shows the ETA as HH:MM:SS only after a second; it is also driven by
steps (``update(n)``), not by the (done, total) callback `pipelines.reclean` calls. tqdm would do it but is not a
dependency, and adding one for these lines is no gain.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO


class ProgressBar:
    """Call with (done, total); draws at most ten times a second on ``stream`` if it is a terminal."""

    def __init__(self, label: str, stream: TextIO = sys.stderr, enabled: bool | None = None) -> None:
        self.label = label
        self.stream = stream
        self.enabled = stream.isatty() if enabled is None else enabled
        self.started = time.monotonic()
        self._drawn = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if not self.enabled or (now - self._drawn < 0.1 and done < total):
            return
        self._drawn = now
        elapsed = max(now - self.started, 1e-6)
        rate = done / elapsed
        eta = (total - done) / rate if rate and total > done else 0.0
        width = 30
        filled = int(width * done / total) if total else width
        bar = "#" * filled + "-" * (width - filled)
        self.stream.write(
            f"\r{self.label} [{bar}] {done}/{total} {rate:6.1f}/s ETA {int(eta) // 60:d}:{int(eta) % 60:02d} "
        )
        self.stream.flush()

    def close(self) -> None:
        """End the bar's line."""
        if self.enabled and self._drawn:
            self.stream.write("\n")
            self.stream.flush()
