"""`CLEANER_VERSION`: changes whenever any cleaning code, rule table or the extractor changes."""

from __future__ import annotations

import hashlib
from importlib.metadata import version
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent
_RELEASE = "1"  # bump by hand for a change the digest cannot see (a new dependency's behaviour)


def _digest() -> str:
    sha = hashlib.sha256()
    for path in sorted(_PACKAGE_DIR.rglob("*")):
        if path.suffix in {".py", ".toml", ".json", ".txt"} and "__pycache__" not in path.parts:
            sha.update(path.relative_to(_PACKAGE_DIR).as_posix().encode())
            sha.update(path.read_bytes())
    return sha.hexdigest()[:10]


CLEANER_VERSION = f"{_RELEASE}.{_digest()}+trafilatura{version('trafilatura')}"
"""The version stored with every article; ``newsrake reclean`` compares against it."""
