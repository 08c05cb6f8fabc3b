"""Datasette as a subprocess of `newsrake serve`: started on a database with newsrake's metadata, stopped with it."""

from __future__ import annotations

import signal
import subprocess
import sys
import tempfile
from pathlib import Path

EXIT_OK = 0

SETTINGS = ("--setting", "sql_time_limit_ms", "5000", "--setting", "suggest_facets", "off")
"""Datasette's settings for a newsrake file. Facet suggestions are off: over the 35 columns of ``articles`` they
cost up to a second a page on 5,000 articles (docs/performance.md, "News desk"); the facets newsrake chose stay."""


def serve_datasette(db: Path, metadata: str, host: str, port: int) -> int:
    """Run Datasette on ``db`` with the ``metadata`` JSON until it exits or this process is told to stop; its
    exit code (0 if this process stopped it)."""
    with tempfile.TemporaryDirectory() as tmp:
        metadata_file = Path(tmp) / "metadata.json"
        metadata_file.write_text(metadata, encoding="utf-8")
        command = [sys.executable, "-m", "datasette", "serve", str(db), "-m", str(metadata_file),
                   "--host", host, "--port", str(port), *SETTINGS]  # fmt: skip
        return run_until_stopped(command)


def run_until_stopped(command: list[str]) -> int:
    """Run ``command`` until it exits; Ctrl-C, SIGTERM or SIGHUP to this process stops it too, so that stopping
    ``newsrake serve`` never leaves a server behind."""
    process = subprocess.Popen(command)
    stopped = False

    def stop(signum: int, frame: object) -> None:
        nonlocal stopped
        stopped = True
        process.terminate()

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        code = process.wait()
    except KeyboardInterrupt:
        stopped = True
        process.terminate()
        code = process.wait(timeout=30)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return EXIT_OK if stopped else code
