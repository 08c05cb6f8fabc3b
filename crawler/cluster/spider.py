"""The `feeds` spider as a cluster node: its requests come from the shared frontier, not from its own sources.

The node adds its sources' feeds to the frontier, then takes tasks as long as its downloader has room for
them (Scrapy's ``needs_backout``, as its lazy start does; woken when a request leaves the downloader). A
feed's parse queues its new articles in the frontier (where the ``seen`` set makes each article page requested
once in the whole cluster), stores the feed's validators and next poll there, and only then releases the
feed's lease. An article's lease is released with its result's
hand-in (`crawler.cluster.results`), in one Redis transaction. A node that stops with tasks still leased gives
them back; a node that dies leaves them to expire.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Iterable
from typing import Any

import scrapy
from scrapy import signals
from scrapy.http import Response
from twisted.python.failure import Failure

from cleaners import FeedEntry
from crawler import settings as defaults
from crawler.cluster import polling
from crawler.cluster.frontier import Frontier
from crawler.cluster.tasks import Task
from crawler.sources import Source
from crawler.spiders.feeds import FeedsSpider
from pipelines import stats
from pipelines.records import ArticleFailure, FeedFetch
from pipelines.request_context import context_of, with_context

logger = logging.getLogger(__name__)

TASK_META = "newsrake_cluster_task"
"""The meta key under which a request carries the frontier task it does."""

HELD_PER_REQUEST = 4
"""Tasks a node may hold per request it may have in the downloader (the others being cleaned or handed in)."""

HANDED_IN = "newsrake/cluster/results_handed_in"
TASKS_TAKEN = "newsrake/cluster/tasks_taken"


def task_of(request: Any) -> Task | None:
    task = request.meta.get(TASK_META)
    return task if isinstance(task, Task) else None


def source_tasks(sources: Iterable[Source]) -> list[Task]:
    """The frontier tasks of sources: their feeds and sitemaps, or their homepage when they list neither."""
    tasks: list[Task] = []
    for source in sources:
        tasks += [Task("feed", url, source.name) for url in source.feeds]
        tasks += [Task("sitemap", url, source.name) for url in source.sitemaps]
        if not source.feeds and not source.sitemaps and source.homepage:
            tasks.append(Task("homepage", source.homepage, source.name))
    return tasks


class ClusterSpider(FeedsSpider):
    """A crawl node: fetches what the cluster's frontier hands it."""

    name = "feeds"

    def __init__(self, *args: Any, cluster: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.cluster_url = cluster
        self.frontier: Frontier | None = None
        self.held: dict[str, Task] = {}
        """Tasks this node has leased and not finished, by URL."""
        self.writer: Any = None
        """The writer (`crawler.cluster.writer.Writer`) when this node is the cluster's writer."""
        self._renewer: asyncio.Task[None] | None = None
        self._source_tasks: list[Task] = []
        self._room = asyncio.Event()

    @property
    def _all_feeds(self) -> bool:
        return self.crawler.settings.getbool("NEWSRAKE_ALL_FEEDS")

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> ClusterSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        assert isinstance(spider, ClusterSpider)
        if crawler.settings.getbool("NEWSRAKE_CLUSTER_WRITER"):
            from crawler.cluster.writer import Writer

            spider.writer = Writer(crawler)  # its handlers run before the spider's own, at the end
        crawler.signals.connect(spider._item_gone, signal=signals.item_dropped)
        crawler.signals.connect(spider._item_gone, signal=signals.item_error)
        crawler.signals.connect(spider._closed, signal=signals.spider_closed)
        crawler.signals.connect(spider._room_made, signal=signals.request_left_downloader)
        return spider

    # --- the frontier ----------------------------------------------------
    def _connect(self) -> Frontier:
        if self.frontier is None:
            lease = self.crawler.settings.getfloat("NEWSRAKE_CLUSTER_LEASE", defaults.NEWSRAKE_CLUSTER_LEASE)
            self.frontier = Frontier(self.cluster_url, lease=lease)
        return self.frontier

    def _delay(self) -> float:
        """The per-host delay the cluster keeps (the run's ``DOWNLOAD_DELAY``)."""
        return max(0.0, self.crawler.settings.getfloat("NEWSRAKE_CLUSTER_DELAY"))

    def _first_request(self, entry: FeedEntry) -> bool:
        """Always: the frontier's ``seen`` set decides what is requested, across nodes and Redis restarts (an
        article queued in a Redis that lost its data must be queued again when its feed is polled again)."""
        return True

    async def start(self) -> AsyncIterator[scrapy.Request]:
        frontier = self._connect()
        from crawler.sources import SourceError

        try:
            gathered = self.sources()
        except SourceError as error:
            logger.error("%s", error)
            return
        for skipped in gathered.skipped:
            logger.warning("%s", skipped)
            self.crawler.stats.inc_value(stats.SOURCES_SKIPPED)
        self.rules = {source.name: source.rules for source in gathered.sources if source.rules}
        self._source_tasks = source_tasks(gathered.sources)
        if self.writer is not None:
            self.writer.sources = self._source_tasks
            if not await self.writer.prepare(frontier):
                return
        self._renewer = asyncio.get_running_loop().create_task(self._renew_leases())
        epoch = None
        idle = 0
        capacity = max(1, self.crawler.settings.getint("CONCURRENT_REQUESTS"))
        waited = 0
        loop = asyncio.get_running_loop()
        started = loop.time()
        writer_seen = False
        wait_for_writer = self.crawler.settings.getfloat(
            "NEWSRAKE_CLUSTER_WAIT_FOR_WRITER", defaults.NEWSRAKE_CLUSTER_WAIT_FOR_WRITER
        )
        while True:
            if self.writer is not None and self.writer.failed:
                return
            if self._busy(capacity):
                await self._wait_for_room()
                continue
            taken = await frontier.take(self._delay())
            if taken.status == "noepoch":
                waited += 1
                if waited == 20:  # ten seconds: say it once
                    logger.warning("the cluster holds no state yet: waiting for its writer (--db) to seed it")
                await asyncio.sleep(0.5)
                continue
            waited = 0
            if taken.epoch != epoch:  # first contact, or Redis was seeded again after losing its data
                if epoch is not None:
                    logger.warning("the cluster was seeded again: adding this node's sources back")
                await frontier.add_feeds(self._source_tasks, force=self._all_feeds and epoch is None)
                epoch = taken.epoch
            if taken.task is not None:
                idle = 0
                request = await self._request_for(taken.task)
                if request is not None:
                    self.crawler.stats.inc_value(TASKS_TAKEN)
                    yield request
                continue
            done = taken.status == "empty" and taken.leases == 0
            if done and self.held:  # nothing is leased anywhere: these were released without this node noticing
                logger.debug("stale tasks forgotten: %s", list(self.held))
            if done and self.writer is None and not writer_seen:  # its sources may not be in the frontier yet
                writer_seen = await frontier.writer_holder() is not None
                done = writer_seen or loop.time() - started > wait_for_writer
            if done and self.writer is not None:
                done = await self.writer.drained()
            idle = idle + 1 if done else 0
            if idle >= 3:  # nothing queued, nothing in flight anywhere, three times in a row
                return
            await asyncio.sleep(max(0.005, min(0.05, taken.wait)) if taken.status == "wait" else 0.2)

    def _busy(self, capacity: int) -> bool:
        """No room for another request: the downloader is full (as Scrapy's own lazy start asks), or this node
        holds many tasks still being cleaned or handed in."""
        engine = self.crawler.engine
        return (engine is not None and engine.needs_backout()) or len(self.held) >= HELD_PER_REQUEST * capacity

    async def _wait_for_room(self) -> None:
        """Until a request leaves the downloader (or 50 ms: a task may also end in the pipelines)."""
        self._room.clear()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._room.wait(), 0.05)

    def _room_made(self, **_: Any) -> None:
        self._room.set()

    async def _renew_leases(self) -> None:
        """Keep this node's leases alive while it works on them."""
        assert self.frontier is not None
        period = max(0.5, self.frontier.lease_ms / 3000)
        while True:
            await asyncio.sleep(period)
            if self.held:
                await self.frontier.renew(list(self.held.values()))

    async def _request_for(self, task: Task) -> scrapy.Request | None:
        """The Scrapy request that does ``task`` (None: nothing to do, the task is released)."""
        assert self.frontier is not None
        if task.kind == "article":
            if task.entry is None:
                await self.frontier.release(task)
                return None
            request = self.article_request(task.entry, task.source, task.feed_url or "")
            if task.attempts is not None:
                with_context(request, attempts=task.attempts)
        elif task.kind == "homepage":
            request = self.homepage_request(task.url, task.source)
        else:
            state = await self.frontier.feed_state(task.url)
            if state.get("retired_at"):
                await self.frontier.schedule(task, state, None)
                return None
            maker = self.feed_request if task.kind == "feed" else self.sitemap_request
            request = polling.conditional(maker(task.url, task.source), state)
        request.dont_filter = True  # the frontier decides what is fetched (a feed is polled again next time)
        request.meta[TASK_META] = task
        self.held[task.url] = task
        return request

    def done_with(self, task: Task | None) -> None:
        """Forget a task this node finished (its lease was released in Redis)."""
        if task is not None:
            self.held.pop(task.url, None)

    def held_task(self, url: str) -> Task | None:
        return self.held.get(url)

    # --- feeds: queue the articles, store the feed's state, then release -----
    async def _feed_outputs(self, task: Task | None, outputs: Iterable[Any]) -> AsyncIterator[Any]:
        """Pass a feed callback's outputs on, its article requests queued in the frontier instead; then
        schedule the feed's next poll and release it."""
        assert self.frontier is not None
        articles: list[Task] = []
        found: list[Task] = []
        fetch: FeedFetch | None = None
        for output in outputs:
            context = context_of(output) if isinstance(output, scrapy.Request) else None
            if context is not None and context.kind == "article":
                entry = output.cb_kwargs.get("entry")
                articles.append(Task("article", output.url, context.source, context.feed_url, entry))
                continue
            if context is not None and task is not None and task.kind == "homepage":
                found.append(Task("feed", output.url, context.source))  # polled through the frontier, as listed
                continue
            if isinstance(output, FeedFetch) and task is not None and output.url == task.url:
                fetch = output
            if isinstance(output, scrapy.Request):
                output.meta.pop(TASK_META, None)  # a sitemap index's children, a homepage's feeds: done here
            yield output
        new = await self.frontier.enqueue(articles) if articles else 0
        if task is not None:
            if task.kind == "homepage":
                await self.frontier.add_feeds(found)
                await self.frontier.schedule(task, {}, polling.bounds(self.crawler.settings).maximum)
            else:
                state = await self.frontier.feed_state(task.url)
                state, next_poll = polling.after_poll(state, fetch, new, self.crawler.settings)
                await self.frontier.schedule(task, state, next_poll)
            self.done_with(task)

    async def parse_feed(self, response: Response, source: str) -> AsyncIterator[Any]:  # type: ignore[override]
        async for output in self._feed_outputs(task_of(response), super().parse_feed(response, source)):
            yield output

    async def parse_sitemap(self, response: Response, source: str, depth: int) -> AsyncIterator[Any]:  # type: ignore[override]
        task = task_of(response) if depth == 0 else None
        async for output in self._feed_outputs(task, super().parse_sitemap(response, source, depth)):
            yield output

    async def parse_homepage(self, response: Response, source: str) -> AsyncIterator[Any]:  # type: ignore[override]
        async for output in self._feed_outputs(task_of(response), super().parse_homepage(response, source)):
            yield output

    async def feed_failed(self, failure: Failure) -> AsyncIterator[Any]:  # type: ignore[override]
        request = failure.request  # type: ignore[attr-defined]
        async for output in self._feed_outputs(task_of(request), super().feed_failed(failure)):
            yield output

    async def article_failed(self, failure: Failure) -> AsyncIterator[ArticleFailure]:  # type: ignore[override]
        request = failure.request  # type: ignore[attr-defined]
        recorded = False
        for output in super().article_failed(failure):
            recorded = True
            yield output
        task = task_of(request)
        if not recorded and task is not None and self.frontier is not None:  # nothing to hand in: done
            await self.frontier.release(task)
            self.done_with(task)

    # --- endings ---------------------------------------------------------
    async def _item_gone(self, item: Any, **_: Any) -> None:
        """An article page dropped or failed in the pipelines: nothing to hand in, its task is done."""
        url = _item_url(item)
        task = self.held.get(url) if url is not None else None
        if task is not None and self.frontier is not None:
            await self.frontier.release(task)
            self.done_with(task)

    async def _closed(self, reason: str) -> None:
        """Give back what this node leased and did not finish; close the connection."""
        if self._renewer is not None:
            self._renewer.cancel()
        frontier = self.frontier
        if frontier is None:
            return
        if self.held:
            try:
                back = await asyncio.wait_for(frontier.requeue(list(self.held.values())), 10)
                logger.info("gave %d unfinished task(s) back to the cluster", back)
            except Exception as error:  # noqa: BLE001 - Redis gone: the leases expire on their own
                logger.warning("could not give unfinished tasks back (%s): their leases expire", error)
        frontier.closing = True
        await frontier.close()


def _item_url(item: Any) -> str | None:
    fetched = getattr(item, "fetched", None) or item
    page = getattr(fetched, "page", None)
    url = getattr(page, "url", None)
    return url if isinstance(url, str) else getattr(item, "link", None)
