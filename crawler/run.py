"""Running a crawl in this process: settings from `crawler.settings` plus overrides, stats back."""

from __future__ import annotations

import logging
import math
from collections.abc import Mapping
from importlib.metadata import version
from typing import Any

from scrapy import signals
from scrapy.crawler import AsyncCrawlerProcess
from scrapy.settings import Settings

from crawler.options import SettingError
from crawler.spiders.feeds import FeedsSpider
from pipelines.process_memory import collect_less_often


def build_settings(overrides: Mapping[str, Any]) -> Settings:
    """newsrake's Scrapy settings with ``overrides`` applied at command-line priority."""
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    settings.update(dict(overrides), priority="cmdline")
    if "USER_AGENT" not in overrides:
        settings.set("USER_AGENT", user_agent(settings.get("NEWSRAKE_CONTACT_URL")), priority="cmdline")
    return settings


def check_overrides(settings: Settings, overrides: Mapping[str, Any]) -> None:
    """A `SettingError` for a ``-s NAME=VALUE`` whose value is not of the setting's kind (a word for a number,
    ``maybe`` for a boolean), before Scrapy fails on it half-way through starting."""
    defaults = Settings()
    defaults.setmodule("crawler.settings", priority="project")
    for name, value in overrides.items():
        default = defaults.get(name)
        if not isinstance(value, str) or default is None:
            continue
        try:
            if isinstance(default, bool):
                settings.getbool(name)
            elif isinstance(default, int | float) and not math.isfinite(float(value)):
                raise ValueError(value)
        except ValueError:
            kind = "true or false" if isinstance(default, bool) else "a number"
            raise SettingError(f"bad setting {name}={value!r}: expected {kind}") from None


def user_agent(contact_url: str) -> str:
    """newsrake's User-Agent: its name and version, and the contact URL of whoever runs it."""
    return f"newsrake/{version('newsrake')} (+{contact_url})"


def _log_only_what_is_kept(settings: Settings) -> None:
    """Scrapy sets its loggers to DEBUG and leaves the root's level unset, so that its handler, at
    LOG_LEVEL, throws away what is below: a debug line per request and per item, made for nothing. Once
    its logging is set up (the spider is open), the loggers themselves stop at LOG_LEVEL."""
    level = settings.get("LOG_LEVEL")
    logging.root.setLevel(level)
    logging.getLogger("scrapy").setLevel(level)


def run_crawl(settings: Settings, spider_class: type[FeedsSpider] = FeedsSpider, **spider_args: Any) -> dict[str, Any]:
    """Run the `feeds` spider (or ``spider_class``, a cluster node's) to the end in this process; return its
    stats.

    Scrapy's reactor can run once per process, so call this once.
    """
    process = AsyncCrawlerProcess(settings)
    crawler = process.create_crawler(spider_class)
    crawler.signals.connect(collect_less_often, signal=signals.spider_opened)
    crawler.signals.connect(lambda: _log_only_what_is_kept(crawler.settings), signal=signals.spider_opened, weak=False)
    process.crawl(crawler, **spider_args)
    process.start()
    assert crawler.stats is not None
    return dict(crawler.stats.get_stats())
