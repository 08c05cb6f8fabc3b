"""The cluster's single writer: the node started with ``--db`` stores every result into the SQLite file.

It holds the cluster's writer lock in Redis (a second writer exits 75), seeds Redis from the database when
Redis holds nothing (seen articles, feed validators and schedules, due pending articles), and reads the
results stream as the consumer group's one consumer. A batch of results is stored through the one-machine
crawl's `StorePipeline` (each article all or nothing, one transaction a batch) and acknowledged, then
deleted from Redis, only once committed: a writer killed half-way leaves its results unacknowledged, and the
next writer stores them first. Storing a result twice stores it once (the store knows its articles).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import uuid
from datetime import UTC, datetime
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from crawler import settings
from crawler.cluster import results
from crawler.cluster.frontier import Frontier
from crawler.cluster.tasks import Task
from pipelines import defaults, stats
from pipelines.records import FeedFetch, utc_now
from pipelines.store_pipeline import StorePipeline

logger = logging.getLogger(__name__)

WRITER_BUSY = "newsrake/cluster/writer_busy"
RESULTS_STORED = "newsrake/cluster/results_stored"
RESEEDED = "newsrake/cluster/reseeded"


def _epoch_ms(timestamp: str | None) -> int | None:
    if not timestamp:
        return None
    try:
        moment = datetime.strptime(timestamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except ValueError:
        return None
    return int(moment.timestamp() * 1000)


class Writer:
    """Stores the cluster's results; seeds the cluster from the database."""

    def __init__(self, crawler: Crawler, source_tasks: list[Task] | None = None) -> None:
        self.crawler = crawler
        crawler.signals.connect(self._closed, signal=signals.spider_closed)  # before the pipeline's own
        self.pipeline = StorePipeline(crawler)
        self.token = f"{socket.gethostname()} {os.getpid()} {uuid.uuid4().hex}"
        """The writer's lock's value: which machine and process hold it."""
        self.frontier: Frontier | None = None
        self.failed = False
        self.busy = False
        self.batch = max(1, crawler.settings.getint("NEWSRAKE_STORE_BATCH", defaults.STORE_BATCH))
        self._consumer: asyncio.Task[None] | None = None
        self._storing = False
        self._locked = False
        self.sources: list[Task] = source_tasks or []
        self.feed_counts: dict[str, int] = {}

    @property
    def _lock_ttl(self) -> float:
        return max(5.0, self.crawler.settings.getfloat("NEWSRAKE_CLUSTER_LEASE", settings.NEWSRAKE_CLUSTER_LEASE))

    async def prepare(self, frontier: Frontier) -> bool:
        """Take the writer's lock, open the database, seed Redis if it is empty, queue the due pending
        articles and start storing; False if another writer holds the cluster."""
        self.frontier = frontier
        if not await frontier.lock_writer(self.token, self._lock_ttl) and not await self._take_over(frontier):
            self.busy = True
            assert self.crawler.stats is not None
            self.crawler.stats.set_value(WRITER_BUSY, 1)
            logger.info("another writer holds the cluster %s: exiting", frontier.url)
            return False
        self._locked = True
        self.pipeline.open_spider()
        if await frontier.epoch() is None:
            await self.seed()
        await frontier.create_group()
        await self._queue_pending()
        self._consumer = asyncio.get_running_loop().create_task(self._consume())
        return True

    async def _take_over(self, frontier: Frontier) -> bool:
        """Take the lock of a writer that died on this machine (killed: its lock had not expired yet)."""
        holder = await frontier.writer_holder()
        if holder is None or not _dead_here(holder):
            return False
        logger.warning("the cluster's last writer (%s) died on this machine: taking over its lock", holder)
        await frontier.unlock_writer(holder)
        return await frontier.lock_writer(self.token, self._lock_ttl)

    async def seed(self) -> None:
        """Fill an empty Redis from the database: seen keys, feed states and due times."""
        frontier = self.frontier
        store = self.pipeline.store
        assert frontier is not None
        assert store is not None
        keys = list(store.seen_keys())
        await frontier.mark_seen(keys)
        states: dict[str, dict[str, Any]] = {}
        for url, etag, modified, digest, moved, retired, failures, next_poll in store.feed_states():
            states[url] = {
                "etag": etag, "last_modified": modified, "body_sha256": digest, "moved_to": moved,
                "retired_at": retired, "failures": failures,
            }  # fmt: skip
            due = _epoch_ms(next_poll)
            if due is not None:
                await frontier.schedule_at(url, due)
        await frontier.seed_feeds(states)
        await frontier.create_group()
        await frontier.set_epoch(uuid.uuid4().hex)
        logger.info("seeded the cluster from %s: %d seen keys, %d feeds", self.pipeline.db_path, len(keys), len(states))

    async def _queue_pending(self) -> None:
        """Queue the pending articles (failed in an earlier run) whose next try is due."""
        frontier = self.frontier
        store = self.pipeline.store
        assert frontier is not None
        assert store is not None
        sources = {task.source for task in self.sources}
        pending = store.due_pending(utc_now(), sorted(sources))
        tasks = [
            Task("article", article.entry.link if article.entry else article.link, article.source or "",
                 article.feed_url, article.entry or _entry(article.link), article.attempts)
            for article in pending
        ]  # fmt: skip
        if tasks:
            await frontier.enqueue(tasks, force=True)
            logger.info("queued %d pending article(s) due for another try", len(tasks))

    async def _consume(self) -> None:
        """Store the results as they come, the writer's own unacknowledged ones first."""
        frontier = self.frontier
        assert frontier is not None
        backlog = True
        last_check = 0.0
        loop = asyncio.get_running_loop()
        while not self.failed:
            entries = await frontier.read_results(self.batch, 0.5, backlog=backlog)
            if backlog and not entries:
                backlog = False
            elif entries:
                self._storing = True
                try:
                    self._store(entries)
                    if not self.failed:
                        await frontier.ack([message_id for message_id, _ in entries])
                finally:
                    self._storing = False
            if loop.time() - last_check >= 1.0:
                last_check = loop.time()
                await self._keep_cluster()

    def _store(self, entries: list[tuple[bytes, bytes]]) -> None:
        """Store one batch of results, in one transaction (each article all or nothing)."""
        for message_id, blob in entries:
            try:
                item = results.decode(blob)
            except ValueError as error:
                logger.warning("result %s skipped: %s", message_id.decode(), error)
                continue
            if isinstance(item, FeedFetch):
                self._count_feed(item)
            with contextlib.suppress(DropItem):  # not stored: the database failed (counted by the pipeline)
                self.pipeline.process_item(item)
        self.pipeline.flush()
        if self.pipeline.failed:
            self.failed = True
        elif self.crawler.stats is not None:
            self.crawler.stats.inc_value(RESULTS_STORED, len(entries))

    def _count_feed(self, fetch: FeedFetch) -> None:
        """Count a feed fetch of any node in the writer's summary (it counts the cluster's feeds, not its own)."""
        names = [stats.FEEDS_FAILED] if fetch.error else [stats.FEEDS_FETCHED]
        if fetch.not_modified:
            names.append(stats.FEEDS_UNCHANGED)
        for name in names:
            self.feed_counts[name] = self.feed_counts.get(name, 0) + 1
        if self.crawler.stats is not None:
            for name in (stats.FEEDS_FETCHED, stats.FEEDS_FAILED, stats.FEEDS_UNCHANGED):
                self.crawler.stats.set_value(name, self.feed_counts.get(name, 0))

    async def _keep_cluster(self) -> None:
        """Keep the writer's lock; seed Redis again if it lost its data."""
        frontier = self.frontier
        assert frontier is not None
        if not await frontier.lock_writer(self.token, self._lock_ttl):
            logger.error("the cluster's writer lock was taken by another writer: stopping")
            self.failed = True
            return
        if await frontier.epoch() is None:
            logger.warning("Redis lost the cluster's state: seeding it again from %s", self.pipeline.db_path)
            if self.crawler.stats is not None:
                self.crawler.stats.inc_value(RESEEDED)
            await self.seed()
            await self._queue_pending()

    async def drained(self) -> bool:
        """Every result handed in so far is stored."""
        if self.frontier is None or self._storing:
            return False
        return await self.frontier.results_waiting() == 0 and not self.pipeline.holds_unstored

    async def _closed(self, reason: str) -> None:
        """Stop storing (what is stored but not acknowledged is stored again, once, by the next writer)."""
        if self._consumer is not None:
            self._consumer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._consumer
        if self._locked and self.frontier is not None:
            try:
                await asyncio.wait_for(self.frontier.unlock_writer(self.token), 5)
            except Exception as error:  # noqa: BLE001 - the lock expires on its own
                logger.info("writer lock not released (%s): it expires", error)


def _dead_here(holder: str) -> bool:
    """Whether a writer lock's holder was a process of this machine that no longer runs."""
    host, _, rest = holder.partition(" ")
    pid = rest.partition(" ")[0]
    if host != socket.gethostname() or not pid.isdigit() or int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False


def _entry(link: str) -> Any:
    from cleaners import FeedEntry

    return FeedEntry(link=link)
