"""Command-line values (``-s NAME=VALUE`` pairs, durations) parsed without Scrapy, so that the command can
check them, and act on them, before it imports Scrapy."""

from __future__ import annotations

from urllib.parse import urlsplit


class SettingError(ValueError):
    """A ``-s NAME=VALUE`` override is malformed."""


def parse_overrides(pairs: tuple[str, ...] | list[str]) -> dict[str, str]:
    """``["NAME=VALUE", ...]`` to a dict; a pair without ``=`` or a name raises `SettingError`."""
    overrides = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise SettingError(f"bad setting {pair!r}: expected NAME=VALUE")
        overrides[name.strip()] = value
    return overrides


DURATION_FORM = "a number and a unit: 90s, 45m, 12h, 2d or 1w (seconds if no unit)"
MAX_DURATION = 100 * 365 * 86400.0
"""The longest duration taken: a hundred years (longer ones would overflow a date)."""


def url_problem(url: str) -> str | None:
    """Why ``url`` cannot be fetched as a feed, sitemap or homepage; None if it can: an absolute http(s)
    URL with a host (and a valid port, if any)."""
    try:
        parts = urlsplit(url)
        _ = parts.port  # raises ValueError for a port out of range or not a number
    except ValueError as error:
        return f"not a URL ({error})"
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return "not an absolute http(s) URL"
    return None


def parse_duration(value: str | float) -> float:
    """Seconds in a duration such as ``90``, ``45m``, ``12h``, ``2d`` or ``1w``; `ValueError` naming the
    expected form if malformed, not positive or longer than `MAX_DURATION`."""
    if isinstance(value, int | float):
        seconds = float(value)
    else:
        text = value.strip().lower()
        units = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
        number, unit = (text[:-1], text[-1]) if text and text[-1] in units else (text, "s")
        try:
            seconds = float(number) * units[unit]
        except ValueError:
            raise ValueError(f"bad duration {value!r}: expected {DURATION_FORM}") from None
    if not 0 < seconds <= MAX_DURATION:  # NaN too
        raise ValueError(f"bad duration {value!r}: expected {DURATION_FORM}, positive and at most 36500d")
    return seconds
