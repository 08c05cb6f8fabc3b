"""What makes a crawl a cluster node: its settings, and a check that Redis answers before Scrapy starts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from scrapy.settings import Settings

from crawler.cluster.url import ClusterError, check_url

_NOT_IN_A_CLUSTER = (
    "crawler.middlewares.feed_state.FeedStateMiddleware",  # the feed's state is in Redis (`crawler.cluster.polling`)
    "crawler.middlewares.seen_urls.SeenUrlsMiddleware",  # the frontier's ``seen`` set
)


def node_overrides(settings: Settings, url: str, *, writer: bool) -> dict[str, Any]:
    """The settings that make this crawl a node of the cluster at ``url`` (its writer with ``writer``): the
    database's middlewares out, the gate in, results handed to the cluster, ``DOWNLOAD_DELAY`` kept by the
    cluster rather than by the node (``NEWSRAKE_CLUSTER_DELAY``)."""
    middlewares: Mapping[str, Any] = settings.getdict("DOWNLOADER_MIDDLEWARES")
    downloader = {name: order for name, order in middlewares.items() if name not in _NOT_IN_A_CLUSTER}
    policy = downloader.pop("crawler.middlewares.host_policy.HostPolicyMiddleware", None)
    if policy is not None:  # robots.txt fetched once for the whole cluster
        downloader["crawler.cluster.robots.ClusterHostPolicyMiddleware"] = policy
    downloader["crawler.cluster.gate.PolitenessGateMiddleware"] = 990  # the last step before the request goes
    return {
        "DOWNLOADER_MIDDLEWARES": downloader,
        "ITEM_PIPELINES": {
            "pipelines.clean_pipeline.CleanPipeline": 300,
            "crawler.cluster.results.ResultPipeline": 800,
        },
        "NEWSRAKE_CLUSTER_URL": url,
        "NEWSRAKE_CLUSTER_WRITER": writer,
        # The per-host delay is kept across the cluster by the frontier and the gate (`crawler.cluster.gate`);
        # a node's own delay after the gate (Scrapy's slot delay, randomised, or AutoThrottle's) would let its
        # requests go out later, in another order, closer together than the gate allowed.
        "NEWSRAKE_CLUSTER_DELAY": max(0.0, settings.getfloat("DOWNLOAD_DELAY")),
        "DOWNLOAD_DELAY": 0,
        "AUTOTHROTTLE_ENABLED": False,
    }


def check_redis(url: str) -> None:
    """Raise `ClusterError` (one line) unless ``url`` is a Redis that answers."""
    problem = check_url(url)
    if problem is not None:
        raise ClusterError(f"bad --cluster URL {url!r}: {problem}")
    import redis
    from redis.exceptions import RedisError

    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=5, socket_timeout=10)
        try:
            client.ping()
        finally:
            client.close()
    except (RedisError, OSError, ValueError) as error:
        raise ClusterError(f"cannot reach Redis at {url}: {error}") from None
