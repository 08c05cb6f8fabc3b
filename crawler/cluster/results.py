"""Item pipeline of a cluster node: hand each result (a cleaned article with its raw page, an article that
failed, a feed fetch) to the cluster's results stream, and release the task it came from in the same Redis
transaction. The writer stores them (`crawler.cluster.writer`).

Results travel as pickles: Redis must be reachable only by the cluster's own nodes (docs/cluster.md).
"""

from __future__ import annotations

import logging
import pickle

from scrapy.crawler import Crawler

from crawler.cluster.spider import HANDED_IN, ClusterSpider
from pipelines.items import CleanedPage
from pipelines.records import ArticleFailure, FeedFetch

logger = logging.getLogger(__name__)


def encode(item: CleanedPage | ArticleFailure | FeedFetch) -> bytes:
    """A result as it travels through Redis."""
    return pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL)


def decode(blob: bytes) -> CleanedPage | ArticleFailure | FeedFetch:
    """A result read back; ValueError if it is none."""
    try:
        item = pickle.loads(blob)  # noqa: S301 - written by the cluster's own nodes (docs/cluster.md)
    except Exception as error:  # noqa: BLE001 - whatever a damaged entry raises
        raise ValueError(f"unreadable result ({type(error).__name__})") from None
    if not isinstance(item, (CleanedPage, ArticleFailure, FeedFetch)):
        raise ValueError(f"not a result: {type(item).__name__}")
    return item


class ResultPipeline:
    """Hands results in; the node keeps nothing."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ResultPipeline:
        return cls(crawler)

    async def process_item(self, item: object) -> object:
        if not isinstance(item, (CleanedPage, ArticleFailure, FeedFetch)):
            return item
        spider = self.crawler.spider
        assert isinstance(spider, ClusterSpider)
        assert spider.frontier is not None
        if isinstance(item, CleanedPage):
            task = spider.held_task(item.fetched.page.url)
            item = _without_body(item)
        elif isinstance(item, ArticleFailure):
            task = spider.held_task(item.link)
        else:
            task = None  # a feed's lease is released with its schedule
        await spider.frontier.hand_in(encode(item), task)
        spider.done_with(task)
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(HANDED_IN)
        return item


def _without_body(item: CleanedPage) -> CleanedPage:
    """The page without its uncompressed body: the stored (compressed) body travels instead."""
    import dataclasses

    page = dataclasses.replace(item.fetched.page, body=b"")
    return dataclasses.replace(item, fetched=dataclasses.replace(item.fetched, page=page))
