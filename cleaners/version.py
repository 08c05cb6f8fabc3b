"""`CLEANER_VERSION`: changes whenever any cleaning code, rule table or the extractor changes."""

from __future__ import annotations

import hashlib
from importlib.metadata import version
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
RELEASE = "1"
"""Bump by hand for a change the digest cannot see (a dependency that behaves differently)."""
HASHED_SUFFIXES = frozenset({".py", ".toml", ".json", ".txt"})


def package_digest(directory: Path) -> str:
    """A digest of every code and rule file under ``directory`` (names and contents)."""
    sha = hashlib.sha256()
    for path in sorted(directory.rglob("*")):
        if path.suffix in HASHED_SUFFIXES and "__pycache__" not in path.parts:
            sha.update(path.relative_to(directory).as_posix().encode())
            sha.update(path.read_bytes())
    return sha.hexdigest()[:10]


CLEANER_VERSION = f"{RELEASE}.{package_digest(PACKAGE_DIR)}+trafilatura{version('trafilatura')}"
"""The version stored with every article; ``newsrake reclean`` compares against it."""
