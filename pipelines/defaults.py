"""The defaults of the settings the pipelines read, each defined here once.

`crawler.settings` (the crawl's settings module) takes these values, and the pipelines, the reclean command
and the CLI options read the same constants, so that no default is written twice and none can drift from
another. Settings only the crawler reads have their one default in `crawler.settings` itself. This module
imports nothing, so that reading a default loads nothing else.
"""

from __future__ import annotations

DB = "news.db"
"""The SQLite file (``NEWSRAKE_DB``, ``--db``)."""

CLEAN_WORKERS = -1
"""Processes that clean pages (``NEWSRAKE_CLEAN_WORKERS``): -1 one per core, 0 none (clean in the crawl's process)."""
CLEAN_TIMEOUT = 30.0
"""Seconds a page may take to clean (``NEWSRAKE_CLEAN_TIMEOUT``, for a crawl and a reclean)."""
CLEAN_MEMORY_MB = 1024
"""Memory a worker may add for one page (``NEWSRAKE_CLEAN_MEMORY_MB``, for a crawl and a reclean)."""

STORE_BATCH = 50
"""Articles written per transaction (``NEWSRAKE_STORE_BATCH``); each is still all or nothing."""
STORE_BATCH_SECONDS = 1.0
"""A batch is committed at the latest this long after its first article (``NEWSRAKE_STORE_BATCH_SECONDS``)."""

FEED_BACKOFF = 900
"""Seconds before a failed feed is polled again (``NEWSRAKE_FEED_BACKOFF``); doubles per failure in a row."""
FEED_BACKOFF_MAX = 86400
"""The feed back-off never exceeds this (``NEWSRAKE_FEED_BACKOFF_MAX``)."""

POLL_MIN = 600
"""The shortest adaptive interval between two polls of a feed or sitemap, in seconds (``NEWSRAKE_POLL_MIN``)."""
POLL_MAX = 86400
"""The longest adaptive interval between two polls of a feed or sitemap, in seconds (``NEWSRAKE_POLL_MAX``)."""
POLL_DEFAULT = 900
"""The interval of a feed never polled before, in seconds (``NEWSRAKE_POLL_DEFAULT``): the usual cron interval."""

STORIES = True
"""Whether stored articles are fingerprinted and placed in stories (``NEWSRAKE_STORIES``)."""
STORY_THRESHOLD = 0.5
"""The estimated similarity (MinHash containment, 0 to 1: `pipelines.fingerprint.containment`) at or above which
an article joins the story of an earlier one (``NEWSRAKE_STORY_THRESHOLD``): chosen on ``benchmarks/stories.py``."""
