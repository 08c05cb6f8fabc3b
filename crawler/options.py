"""Command-line values (``-s NAME=VALUE`` pairs, durations) parsed without Scrapy, so that the command can
check them, and act on them, before it imports Scrapy."""

from __future__ import annotations


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


def parse_duration(value: str | float) -> float:
    """Seconds in a duration such as ``90``, ``45m``, ``12h``, ``2d`` or ``1w``; ValueError if malformed."""
    if isinstance(value, int | float):
        return float(value)
    text = value.strip().lower()
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
    number, unit = (text[:-1], text[-1]) if text and text[-1] in units else (text, "s")
    seconds = float(number) * units[unit]
    if seconds <= 0:
        raise ValueError(f"duration must be positive: {value!r}")
    return seconds
