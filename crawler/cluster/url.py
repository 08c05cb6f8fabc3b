"""The ``--cluster`` URL, checked without importing the Redis client."""

from __future__ import annotations

from urllib.parse import urlsplit


class ClusterError(Exception):
    """The cluster cannot be used: one line for the user."""


def check_url(url: str) -> str | None:
    """Why ``url`` is no Redis URL newsrake can use, or None."""
    parts = urlsplit(url)
    if parts.scheme not in ("redis", "rediss", "unix"):
        return "expected redis://HOST:PORT/DB (or rediss://, unix://)"
    if parts.scheme != "unix" and not parts.hostname:
        return "no host in the URL"
    try:
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError as error:
        return str(error)
    database = parts.path.strip("/")
    if database and not database.isdigit():
        return f"the database must be a number, not {database!r}"
    return None
