"""Delay floors per host: the wait a host asked for (Crawl-delay, Retry-After) that nothing may shrink."""

from __future__ import annotations

from time import monotonic

from scrapy import Request
from scrapy.core.downloader import Slot
from scrapy.crawler import Crawler


class HostDelays:
    """Minimum delays between requests, per downloader slot (host), re-applied after AutoThrottle."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.floors: dict[str, float] = {}

    def _slot_key(self, request: Request) -> str | None:
        engine = self.crawler.engine
        return engine.downloader.get_slot_key(request) if engine is not None else None

    def raise_floor(self, request: Request, seconds: float) -> float:
        """Never wait less than ``seconds`` between requests to this request's host; returns the floor."""
        key = self._slot_key(request)
        if key is None:
            return seconds
        self.floors[key] = max(self.floors.get(key, 0.0), seconds)
        self.apply(request)
        return self.floors[key]

    def _floored_slot(self, request: Request) -> tuple[Slot, float] | None:
        """The download slot of this request's host and the host's floor, if it has one."""
        key = self._slot_key(request)
        engine = self.crawler.engine
        if key is None or key not in self.floors or engine is None:
            return None
        slot = engine.downloader.slots.get(key)
        return (slot, self.floors[key]) if slot is not None else None

    def apply(self, request: Request) -> None:
        """Lift the host's current delay back to its floor (AutoThrottle may have lowered it)."""
        found = self._floored_slot(request)
        if found is not None:
            slot, floor = found
            slot.delay = max(slot.delay, floor)
            slot.jitter = 0.0  # the floor is a minimum: no random wait below it

    def count_from_answer(self, request: Request) -> None:
        """Make the host's wait count from this answer, not from when the request was sent (Scrapy's way).

        A request may reach the host late (a new connection, a busy machine) or be answered slowly; counted
        from the send, the next request could then arrive sooner after this one than the host asked, and a
        Retry-After could be cut short by the very slowness of the answer that asked for it. Only hosts with
        a floor: the others keep Scrapy's pace. Scrapy reads the same clock (``time.monotonic``).
        """
        found = self._floored_slot(request)
        if found is not None:
            found[0].lastseen = max(found[0].lastseen, monotonic())
