"""``-s NAME=VALUE`` overrides of the crawl settings, read without importing Scrapy."""

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
