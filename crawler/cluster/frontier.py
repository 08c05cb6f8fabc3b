"""The cluster's shared state in Redis, as a small async API over the scripts of `crawler.cluster.scripts`.

Redis may go away for a while (restarted, a network blip): every call waits and tries again until it answers,
logging once, so that a node rides out a Redis restart instead of failing half-way through a page.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any, TypeVar

import redis.asyncio as aioredis
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import ResponseError
from redis.exceptions import TimeoutError as RedisTimeoutError

from crawler.cluster import scripts
from crawler.cluster.tasks import Task
from crawler.cluster.url import ClusterError as ClusterError
from crawler.urls import legacy_key, normalise_url

logger = logging.getLogger(__name__)

PREFIX = "newsrake:"
GROUP = "writers"
CONSUMER = "writer"
T = TypeVar("T")
UNAVAILABLE = (RedisConnectionError, RedisTimeoutError, OSError)


@dataclass(frozen=True)
class Taken:
    """What the frontier answered a node asking for work."""

    status: str
    """``task``, ``wait`` (a host is ready in ``wait`` seconds), ``empty`` or ``noepoch``."""
    task: Task | None
    wait: float
    leases: int
    """Tasks leased across the cluster (work in flight)."""
    epoch: str


def article_keys(task: Task) -> tuple[str, str, str]:
    """The keys an article task is known by in ``seen``: its URL key, its older spelling, its GUID key."""
    key = normalise_url(task.url) or task.url
    legacy = legacy_key(task.url) or ""
    guid = task.entry.guid if task.entry is not None else None
    return key, legacy if legacy != key else "", guid_key(task.feed_url, guid)


def guid_key(feed_url: str | None, guid: str | None) -> str:
    """The ``seen`` key of a GUID within its feed ('' for none)."""
    return f"guid {feed_url} {guid}" if guid and feed_url else ""


class Frontier:
    """One node's connection to the cluster's shared state."""

    def __init__(self, url: str, *, lease: float = 60.0, prefix: str = PREFIX) -> None:
        self.url = url
        self.prefix = prefix
        self.lease_ms = int(lease * 1000)
        self.client: aioredis.Redis = aioredis.from_url(url, socket_timeout=30, socket_connect_timeout=5)
        self._scripts: dict[str, Any] = {}
        self._down = False
        self.closing = False

    def key(self, name: str) -> str:
        return self.prefix + name

    async def close(self) -> None:
        await self.client.aclose()

    async def call(self, operation: Callable[[], Awaitable[T]]) -> T:
        """Run ``operation``, waiting for Redis while it is unreachable (logged once per outage)."""
        while True:
            try:
                result = await operation()
            except UNAVAILABLE as error:
                if self.closing:
                    raise
                if not self._down:
                    logger.warning("Redis unreachable at %s (%s): waiting for it", self.url, error)
                    self._down = True
                await asyncio.sleep(0.5)
                continue
            if self._down:
                logger.warning("Redis at %s answers again", self.url)
                self._down = False
            return result

    async def script(self, name: str, *args: str | int | float) -> Any:
        """Run one of the frontier's scripts (by its name in `crawler.cluster.scripts`)."""
        if name not in self._scripts:
            self._scripts[name] = self.client.register_script(getattr(scripts, name))
        run = self._scripts[name]
        return await self.call(lambda: run(keys=[], args=[self.prefix, *args]))

    # --- work --------------------------------------------------------------
    async def take(self, delay: float) -> Taken:
        """The next task whose host may be fetched now, leased to this node."""
        status, value, leases, epoch = await self.script("TAKE", self.lease_ms, int(delay * 1000))
        status = status.decode()
        task = Task.decode(value) if status == "task" else None
        wait = int(value) / 1000 if status == "wait" else 0.0
        return Taken(status, task, wait, int(leases), epoch.decode() if epoch else "")

    async def add_feeds(self, tasks: Iterable[Task], *, force: bool = False) -> None:
        """Register feeds (due now if never scheduled; all due now with ``force``)."""
        args: list[str] = []
        for task in tasks:
            args += [task.url, task.encode()]
        for start in range(0, len(args), 1000):
            await self.script("ADD_FEEDS", "1" if force else "0", *args[start : start + 1000])

    async def enqueue(self, tasks: Sequence[Task], *, force: bool = False) -> int:
        """Queue the article tasks whose article is not seen yet (all with ``force``); how many were queued."""
        args: list[str] = []
        for task in tasks:
            key, legacy, guid = article_keys(task)
            args += [key, legacy, guid, task.encode(), task.host]
        added = 0
        for start in range(0, len(args), 1000):
            added += int(await self.script("ENQUEUE", "1" if force else "0", *args[start : start + 1000]))
        return added

    async def renew(self, tasks: Iterable[Task]) -> None:
        encoded = [task.encode() for task in tasks]
        for start in range(0, len(encoded), 500):
            await self.script("RENEW", self.lease_ms, *encoded[start : start + 500])

    async def requeue(self, tasks: Iterable[Task]) -> int:
        """Give tasks back to the frontier (a stopping node's undone work); how many were still leased."""
        encoded = [task.encode() for task in tasks]
        back = 0
        for start in range(0, len(encoded), 500):
            back += int(await self.script("REQUEUE", *encoded[start : start + 500]))
        return back

    async def release(self, task: Task) -> None:
        """The task is done (its result, if any, is in the results stream)."""
        await self.call(lambda: self.client.zrem(self.key("leases"), task.encode()))

    async def hand_in(self, result: bytes, task: Task | None) -> None:
        """Add a result to the stream and release its task, in one transaction."""

        async def both() -> None:
            async with self.client.pipeline(transaction=True) as pipe:
                pipe.xadd(self.key("results"), {"r": result})
                if task is not None:
                    pipe.zrem(self.key("leases"), task.encode())
                await pipe.execute()

        await self.call(both)

    async def schedule(self, feed: Task, state: dict[str, Any], next_poll: float | None) -> None:
        """Store a polled feed's state, schedule its next poll (None: never) and release its lease."""
        due = "" if next_poll is None else str(int(next_poll * 1000))
        await self.script("SCHEDULE", feed.url, json.dumps(state), due, feed.encode())

    async def feed_state(self, url: str) -> dict[str, Any]:
        raw = await self.call(lambda: self.client.hget(self.key("feedstate"), url))
        try:
            state = json.loads(raw) if raw else {}
        except json.JSONDecodeError:
            state = {}
        return state if isinstance(state, dict) else {}

    # --- politeness --------------------------------------------------------
    async def gate(self, host: str, delay: float, *, token: str = "", hold: float = 0.0) -> float:
        """0 if a request to ``host`` may go now (the next waits ``delay`` s), else the seconds to wait. A request
        let go holds the host under ``token`` until `answered` (at most ``hold`` s; 0: it does not hold it), and
        no other request to the host is let go meanwhile."""
        return int(await self.script("GATE", host, int(delay * 1000), token, int(hold * 1000))) / 1000

    async def answered(self, host: str, delay: float, *, token: str = "", late: bool = False) -> None:
        """The request to ``host`` held under ``token`` is answered: let the host go. ``late``: it may have been
        sent as late as now, so the next one waits ``delay`` s from now."""
        await self.script("ANSWERED", host, int(delay * 1000), token, int(late))

    async def raise_floor(self, host: str, seconds: float) -> None:
        await self.script("RAISE_FLOOR", host, seconds)

    async def shared_robots(self, url: str) -> dict[str, Any] | None:
        """What a node found at this robots.txt URL, if shared and still fresh."""
        raw = await self.call(lambda: self.client.get(self.key("robots:" + url)))
        try:
            found = json.loads(raw) if raw else None
        except json.JSONDecodeError:
            return None
        return found if isinstance(found, dict) else None

    async def claim_robots(self, url: str, seconds: float) -> bool:
        """Whether this node is the one to fetch this robots.txt (for ``seconds``)."""
        claimed = await self.call(
            lambda: self.client.set(self.key("robots-fetch:" + url), "1", nx=True, px=int(seconds * 1000))
        )
        return bool(claimed)

    async def share_robots(self, url: str, found: dict[str, Any], seconds: float) -> None:
        # The claim is left to expire: deleted here, a node that had just found nothing shared could claim it
        # again and fetch the robots.txt a second time.
        await self.call(lambda: self.client.set(self.key("robots:" + url), json.dumps(found), px=int(seconds * 1000)))

    # --- the writer --------------------------------------------------------
    async def lock_writer(self, token: str, ttl: float) -> bool:
        return bool(await self.script("LOCK", token, int(ttl * 1000)))

    async def unlock_writer(self, token: str) -> None:
        await self.script("UNLOCK", token)

    async def writer_holder(self) -> str | None:
        """The value of the writer's lock (who holds it), or None."""
        raw: bytes | str | None = await self.call(lambda: self.client.get(self.key("writer")))
        return (raw.decode() if isinstance(raw, bytes) else raw) or None

    async def epoch(self) -> str | None:
        raw: bytes | str | None = await self.call(lambda: self.client.get(self.key("epoch")))
        return (raw.decode() if isinstance(raw, bytes) else raw) or None

    async def set_epoch(self, token: str) -> None:
        await self.call(lambda: self.client.set(self.key("epoch"), token))

    async def mark_seen(self, keys: Sequence[str]) -> None:
        for start in range(0, len(keys), 5000):
            chunk = keys[start : start + 5000]
            await self.call(partial(self.client.sadd, self.key("seen"), *chunk))

    async def seed_feeds(self, states: dict[str, dict[str, Any]]) -> None:
        """Feed states read from the database (only where Redis has none)."""
        for url, state in states.items():
            await self.call(partial(self.client.hsetnx, self.key("feedstate"), url, json.dumps(state)))

    async def schedule_at(self, url: str, due_ms: int) -> None:
        """A feed's next poll as the database has it (only where Redis has none)."""
        await self.call(partial(self.client.zadd, self.key("due"), {url: due_ms}, nx=True))

    async def create_group(self) -> None:
        """The writers' consumer group on the results stream, reading it from its start."""
        try:
            await self.call(lambda: self.client.xgroup_create(self.key("results"), GROUP, id="0", mkstream=True))
        except ResponseError as error:
            if "BUSYGROUP" not in str(error):
                raise

    async def read_results(self, count: int, block: float, *, backlog: bool) -> list[tuple[bytes, bytes]]:
        """Up to ``count`` results for the writer: its own unacknowledged ones first (``backlog``), then new."""
        try:
            reply = await self.call(
                lambda: self.client.xreadgroup(
                    GROUP,
                    CONSUMER,
                    {self.key("results"): "0" if backlog else ">"},
                    count=count,
                    block=None if backlog else int(block * 1000),
                )
            )
        except ResponseError as error:
            if "NOGROUP" in str(error):  # Redis lost its data: the writer seeds it again
                return []
            raise
        entries: list[tuple[bytes, bytes]] = []
        streams: list[Any] = list(reply or [])
        for _stream, messages in streams:
            for message_id, fields in messages:
                entries.append((message_id, (fields or {}).get(b"r", b"")))
        return entries

    async def ack(self, ids: Sequence[bytes]) -> None:
        """The writer committed these results: they leave Redis."""
        if not ids:
            return

        async def both() -> None:
            async with self.client.pipeline(transaction=True) as pipe:
                pipe.xack(self.key("results"), GROUP, *ids)
                pipe.xdel(self.key("results"), *ids)
                await pipe.execute()

        await self.call(both)

    async def results_waiting(self) -> int:
        return int(await self.call(lambda: self.client.xlen(self.key("results"))))
