"""The crawl cluster's throughput (issue 21): one plain crawl, a cluster of one node, a cluster of three.

    python benchmarks/cluster.py [--articles 600] [--hosts 60] [--latency 0.2] [--delay 0.5] [--concurrency 2]

A generated news site (original pages of some 2 KB, ``--feeds`` feeds a host) is spread over ``--hosts`` host
names, all resolved to 127.0.0.1 by the tests' scripted DNS and served by one loopback server that answers
every request ``--latency`` seconds after it came (``benchmarks/cluster_site.py``), as servers across the
Internet would. Each host is crawled politely: ``DOWNLOAD_DELAY`` (``--delay``) between two requests to it, and
each node takes at most ``--concurrency`` requests at a time (``CONCURRENT_REQUESTS``), so that a node is bound
by the network's latency, not by the machine's two cores. The defaults keep the three nodes below the cluster's
politeness bound (60 hosts / 0.5 s = 120 requests/s against 3 x 2 / 0.2 s = 30) and each host's share short
(10 articles: 5 s of delays, against the 20 s three nodes take for the whole site at the network's pace), so
that a third node can add what the second one added; a default run takes some 4 minutes. The same site is
crawled, each time into a new SQLite file (and a Redis database flushed first):

1. by a plain ``newsrake crawl``;
2. by a cluster of one node: ``newsrake crawl --cluster URL --db F`` (the writer, crawling alone);
3. by a cluster of three: the writer and two workers (``--cluster URL`` without ``--db``), started together.

Each line gives the articles stored, the wall time from the first process's start to the last one's end,
articles per second, and CPU seconds per article: user + system time of every process of the run (the nodes,
their cleaning workers and fork servers: this process is their "child subreaper", so that every descendant's
time is counted in its ``RUSAGE_CHILDREN``; the Redis server and the site, which run throughout, are not).
Then the checks (RESULT: pass when every one is met, exit 1 otherwise):

- the three databases hold the same articles (URLs and texts), every article served;
- no article page requested twice by a cluster;
- three nodes' rate / one node's >= 2.5;
- one node's rate / the plain crawl's >= 0.9 (the cluster's own cost within 10%).

Reported beside them: the seconds from the site's first request to its last (the rest of the wall time is
start-up and the end of the run), how many requests the server was answering at once, on average (against the nodes'
``--concurrency``: what a node does besides waiting on the network shows here), and the closest two requests to
one host came, against ``--delay``.
"""

from __future__ import annotations

import argparse
import functools
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.cluster_site import (
    Hit,
    LatencyServer,
    Redis,
    article_urls,
    closest_gap,
    feed_urls,
    host_names,
    scripted_dns_environment,
    site_routes,
)
from benchmarks.crawl import Check
from benchmarks.proctree import _children_cpu, _reap, _set_subreaper, _tree, fill_cache, newsrake_command


@dataclass(frozen=True)
class Row:
    """One configuration's run."""

    name: str
    articles: int
    seconds: float
    cpu_seconds: float
    twice: int
    """Article pages requested more than once."""
    closest: float
    """The smallest time between two requests to one host, in seconds."""
    in_flight: float
    """Requests the server was answering at once, on average over the run (requests x latency / wall time)."""
    fetching: float
    """Seconds from the first request the server got to the last one (the rest of the wall time: start-up, end)."""

    @property
    def rate(self) -> float:
        return self.articles / self.seconds

    def line(self) -> str:
        return (
            f"  {self.name:<28} {self.articles:5d} articles {self.seconds:7.1f} s {self.rate:7.2f}/s"
            f" {self.cpu_seconds / max(1, self.articles):7.3f} CPU s/article; fetching {self.fetching:5.1f} s,"
            f" {self.in_flight:4.1f} requests in flight; closest to a host {self.closest:4.2f} s;"
            f" pages fetched twice {self.twice}"
        )


@dataclass(frozen=True)
class Config:
    name: str
    nodes: int
    """0: a plain crawl; else a cluster of this many nodes (the first the writer)."""


def run_nodes(commands: list[list[str]], environment: dict[str, str], logs: Path) -> tuple[float, float]:
    """Start every command at once and wait for all; the wall time and the CPU seconds of every process of their
    trees. A command that fails ends the benchmark, with its log."""
    subreaper = _set_subreaper(True)
    if not subreaper:
        raise SystemExit("cluster.py: cannot become a child subreaper (Linux only): the CPU times would be wrong")
    cpu_before = _children_cpu()
    started = time.perf_counter()
    processes = []
    for number, command in enumerate(commands):
        with (logs / f"node-{number}.err").open("wb") as err:
            processes.append(subprocess.Popen(command, env=environment, stdout=subprocess.DEVNULL, stderr=err))
    seen: set[int] = set()
    while any(process.poll() is None for process in processes):
        for process in processes:
            if process.poll() is None:
                seen.update(_tree(process.pid))
        time.sleep(0.5)
    seconds = time.perf_counter() - started
    _reap([pid for pid in seen if pid not in {process.pid for process in processes}])
    _set_subreaper(False)
    cpu = _children_cpu() - cpu_before
    for number, process in enumerate(processes):
        if process.returncode != 0:
            log = (logs / f"node-{number}.err").read_text(errors="replace")
            raise SystemExit(f"cluster.py: {' '.join(commands[number][:4])} ... exited {process.returncode}:\n"
                             f"{log[-3000:]}")  # fmt: skip
    return seconds, cpu


def stored(db: Path) -> dict[str, str]:
    with sqlite3.connect(db) as conn:
        return dict(conn.execute("SELECT url, coalesce(text, '') FROM articles"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=600, help="articles on the site, in all")
    parser.add_argument("--hosts", type=int, default=60, help="host names the articles are spread over")
    parser.add_argument("--feeds", type=int, default=2, help="feeds per host")
    parser.add_argument("--latency", type=float, default=0.2, help="seconds the server takes to answer a request")
    parser.add_argument("--delay", type=float, default=0.5, help="DOWNLOAD_DELAY: seconds between requests to a host")
    parser.add_argument("--concurrency", type=int, default=2, help="CONCURRENT_REQUESTS of each node")
    parser.add_argument("--configs", nargs="+", default=["plain", "1-node", "3-node"],
                        choices=["plain", "1-node", "3-node"], help="which crawls to run")  # fmt: skip
    parser.add_argument(
        "-s", dest="settings", action="append", default=[], metavar="NAME=VALUE", help="extra crawl setting"
    )
    args = parser.parse_args()
    if min(args.articles, args.hosts, args.feeds, args.concurrency) < 1 or args.latency < 0 or args.delay < 0:
        parser.error("--articles, --hosts, --feeds and --concurrency take a positive number; --latency and --delay"
                     " one >= 0")  # fmt: skip
    configs = [Config(name, {"plain": 0, "1-node": 1, "3-node": 3}[name]) for name in args.configs]
    hosts = host_names(args.hosts)
    settings = [
        "-s", f"DOWNLOAD_DELAY={args.delay}", "-s", "AUTOTHROTTLE_ENABLED=False",
        "-s", f"CONCURRENT_REQUESTS={args.concurrency}",
        *(part for pair in args.settings for part in ("-s", pair)),
    ]  # fmt: skip
    rows: dict[str, Row] = {}
    articles: dict[str, dict[str, str]] = {}
    with tempfile.TemporaryDirectory() as tmp, Redis() as redis:
        workdir = Path(tmp)
        fill_cache(workdir / "cache")  # untimed, as on every run but a machine's first
        build = functools.partial(site_routes, hosts=hosts, articles=args.articles, feeds_per_host=args.feeds)
        with LatencyServer(build, args.latency) as server:
            feeds = workdir / "feeds.txt"
            feeds.write_text("\n".join(feed_urls(server.routes, server.port)) + "\n")
            served = article_urls(server.routes, server.port)
            shape = f"{args.hosts} hosts x {args.feeds} feeds, latency {args.latency} s"
            per_node = f"DOWNLOAD_DELAY={args.delay}, CONCURRENT_REQUESTS={args.concurrency} per node"
            print(f"site: {len(served)} articles, {shape}; {per_node}", flush=True)
            environment = scripted_dns_environment(hosts)
            for number, config in enumerate(configs, start=1):
                db = workdir / f"{config.name}.db"
                base = [newsrake_command(), "crawl", "--feeds-file", str(feeds), "--allow-private-addresses"]
                if config.nodes == 0:
                    commands = [[*base, "--db", str(db), *settings]]
                else:
                    redis.flush(number)
                    cluster = ["--cluster", redis.url(number)]
                    commands = [[*base, *cluster, "--db", str(db), *settings]]
                    commands += [[*base, *cluster, *settings] for _ in range(config.nodes - 1)]
                logs = workdir / config.name
                logs.mkdir()
                first = len(server.hits)
                seconds, cpu = run_nodes(commands, environment, logs)
                hits: list[Hit] = server.hits[first:]
                articles[config.name] = stored(db)
                counts = Counter(hit.path for hit in hits if "/news/" in hit.path)
                gaps = closest_gap(hits)
                label = "plain newsrake crawl" if config.nodes == 0 else f"cluster of {config.nodes} node(s)"
                rows[config.name] = Row(label, len(articles[config.name]), seconds, cpu,
                                        sum(1 for count in counts.values() if count > 1),
                                        min(gaps.values(), default=float("inf")),
                                        len(hits) * args.latency / seconds,
                                        hits[-1].at - hits[0].at if hits else 0.0)  # fmt: skip
                print(rows[config.name].line(), flush=True)
    checks = [
        Check(f"{name}: articles stored / served", len(set(found) & served) / len(served), ">=", 1.0)
        for name, found in articles.items()
    ]
    reference = next(iter(articles.values()))
    for name, found in list(articles.items())[1:]:
        same = found == reference
        checks.append(Check(f"{name}: same articles (URLs, texts) as {configs[0].name}", float(same), ">=", 1.0))
    for name, row in rows.items():
        if name != "plain":
            checks.append(Check(f"{name}: article pages fetched twice", row.twice, "<=", 0))
    if "3-node" in rows and "1-node" in rows:
        checks.append(Check("rate, 3 nodes / 1 node", rows["3-node"].rate / rows["1-node"].rate, ">=", 2.5))
    if "1-node" in rows and "plain" in rows:
        checks.append(Check("rate, 1-node cluster / plain crawl", rows["1-node"].rate / rows["plain"].rate, ">=", 0.9))
    print()
    for check in checks:
        print(check.line())
    passed = all(check.ok for check in checks)
    print("RESULT:", "pass" if passed else "FAIL")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
