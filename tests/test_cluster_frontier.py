"""The cluster's frontier (`crawler.cluster.frontier` and its Lua scripts) against a real redis-server: leases,
the seen set, per-host politeness, feed schedules, the results stream and the writer's lock."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterator
from typing import TypeVar

import pytest

from cleaners import FeedEntry
from crawler.cluster.frontier import Frontier
from crawler.cluster.tasks import Task
from crawler.cluster.url import check_url
from tests.redis_server import RedisServer

T = TypeVar("T")


@pytest.fixture
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    with RedisServer(tmp_path_factory.mktemp("redis")) as running:
        yield running


def run(server: RedisServer, work: Callable[[Frontier], Awaitable[T]], lease: float = 60.0) -> T:
    """Run ``work`` on a fresh frontier of the server's database 0, seeded (epoch set)."""

    async def main() -> T:
        frontier = Frontier(server.url(), lease=lease)
        try:
            await frontier.client.flushdb()
            await frontier.set_epoch("test")
            return await work(frontier)
        finally:
            await frontier.close()

    return asyncio.run(main())


def article(url: str, guid: str | None = None, feed: str = "http://a.test/feed.xml") -> Task:
    return Task("article", url, "A", feed, FeedEntry(link=url, guid=guid, title="T", tags=("x", "y")))


@pytest.mark.parametrize(
    "task",
    [
        article("http://a.test/1.html", guid="g1"),
        Task("feed", "http://a.test/feed.xml", "Source, with ünicode"),
        Task("article", "http://a.test/2.html", "A", None, FeedEntry(link="http://a.test/2.html"), attempts=3),
    ],
    ids=["article", "feed", "pending-article"],
)
def test_a_task_survives_its_json(task: Task) -> None:
    assert Task.decode(task.encode()) == task


@pytest.mark.parametrize("text", ["", "not json", "[]", '{"u": "x"}'], ids=["empty", "text", "list", "no-kind"])
def test_what_is_no_task_is_a_value_error(text: str) -> None:
    with pytest.raises(ValueError, match="not a frontier task"):
        Task.decode(text)


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("redis://127.0.0.1:6379/0", None),
        ("redis://cache.internal/3", None),
        ("rediss://user:secret@cache.internal:6380/0", None),
        ("http://127.0.0.1:6379/0", "expected redis://"),
        ("redis:///0", "no host"),
        ("redis://127.0.0.1:99999/0", "Port out of range"),
        ("redis://127.0.0.1:6379/news", "must be a number"),
    ],
    ids=["plain", "no-port", "tls-auth", "http", "no-host", "bad-port", "db-name"],
)
def test_cluster_urls_are_checked(url: str, problem: str | None) -> None:
    found = check_url(url)
    assert (found is None) if problem is None else (found is not None and problem in found)


def test_no_work_is_handed_out_before_the_writer_seeded_redis(server: RedisServer) -> None:
    async def work(frontier: Frontier) -> str:
        await frontier.client.delete(frontier.key("epoch"))
        await frontier.enqueue([article("http://a.test/1.html")])
        return (await frontier.take(0)).status

    assert run(server, work) == "noepoch"


def test_an_article_is_queued_once_by_its_key_its_older_key_or_its_guid(server: RedisServer) -> None:
    async def work(frontier: Frontier) -> list[int]:
        return [
            await frontier.enqueue([article("http://a.test/1.html?utm_source=x", guid="g1")]),
            await frontier.enqueue([article("http://A.test/1.html")]),  # the same key
            await frontier.enqueue([article("http://a.test/other.html", guid="g1")]),  # the same GUID, same feed
            await frontier.enqueue([article("http://a.test/other.html", guid="g1", feed="http://b.test/f.xml")]),
            await frontier.enqueue([article("http://a.test/1.html")], force=True),  # a pending article's retry
        ]

    assert run(server, work) == [1, 0, 0, 1, 1]


def test_a_hosts_tasks_are_spaced_by_its_delay_and_other_hosts_go_meanwhile(server: RedisServer) -> None:
    async def work(frontier: Frontier) -> list[tuple[str, str]]:
        await frontier.enqueue([article("http://a.test/1.html"), article("http://a.test/2.html")])
        await frontier.enqueue([article("http://b.test/1.html")])
        seen = []
        for _ in range(3):
            taken = await frontier.take(delay=30)
            seen.append((taken.status, taken.task.url if taken.task else ""))
        return seen

    first, second, third = run(server, work)
    assert first == ("task", "http://a.test/1.html")
    assert second == ("task", "http://b.test/1.html")
    assert third[0] == "wait"  # a.test's second page only after its delay


def test_a_dead_nodes_lease_expires_and_another_node_takes_the_task(server: RedisServer) -> None:
    async def work(frontier: Frontier) -> tuple[str, str, str, int]:
        await frontier.enqueue([article("http://a.test/1.html")])
        taken = await frontier.take(0)
        assert taken.task is not None
        while_leased = (await frontier.take(0)).status
        await asyncio.sleep(0.6)  # the lease (0.5 s) ends: its node is presumed dead
        again = await frontier.take(0)
        return taken.task.url, while_leased, again.task.url if again.task else "", again.leases

    url, while_leased, again, leases = run(server, work, lease=0.5)
    assert (while_leased, again, leases) == ("empty", url, 1)


def test_a_renewed_lease_does_not_expire(server: RedisServer) -> None:
    async def work(frontier: Frontier) -> str:
        await frontier.enqueue([article("http://a.test/1.html")])
        taken = await frontier.take(0)
        assert taken.task is not None
        for _ in range(6):  # 1.5 s in all, past the lease; each renewal 0.75 s before the lease would end
            await asyncio.sleep(0.25)
            await frontier.renew([taken.task])
        return (await frontier.take(0)).status

    assert run(server, work, lease=1.0) == "empty"


def test_a_result_and_its_release_go_together_and_leave_only_once_acknowledged(server: RedisServer) -> None:
    async def work(frontier: Frontier) -> tuple[int, int, int, int, int]:
        await frontier.create_group()
        await frontier.enqueue([article("http://a.test/1.html")])
        taken = await frontier.take(0)
        await frontier.hand_in(b"result", taken.task)
        leases = (await frontier.take(0)).leases
        first = await frontier.read_results(10, 0.1, backlog=False)
        unacked = await frontier.read_results(10, 0.1, backlog=True)  # a writer killed before its commit
        await frontier.ack([message_id for message_id, _ in unacked])
        return (
            leases,
            len(first),
            len(unacked),
            await frontier.results_waiting(),
            len(await frontier.read_results(10, 0.1, backlog=True)),
        )

    assert run(server, work) == (0, 1, 1, 0, 0)


def test_a_feed_is_due_once_known_feeds_keep_their_schedule_and_all_feeds_forces_them(server: RedisServer) -> None:
    feed = Task("feed", "http://a.test/feed.xml", "A")

    async def work(frontier: Frontier) -> list[str]:
        statuses = []
        await frontier.add_feeds([feed])
        taken = await frontier.take(0)
        statuses.append(taken.task.kind if taken.task else taken.status)
        await frontier.add_feeds([feed])  # another node's sources: being polled, not due again
        statuses.append((await frontier.take(0)).status)
        await frontier.schedule(feed, {"etag": "x"}, next_poll=3600)
        statuses.append(str((await frontier.take(0)).leases))
        await frontier.add_feeds([feed])
        statuses.append((await frontier.take(0)).status)
        await frontier.add_feeds([feed], force=True)
        taken = await frontier.take(0)
        statuses.append(taken.task.kind if taken.task else taken.status)
        statuses.append(str((await frontier.feed_state(feed.url)).get("etag")))
        return statuses

    assert run(server, work) == ["feed", "empty", "0", "empty", "feed", "x"]


def test_the_gate_spaces_requests_to_a_host_by_the_longest_delay_any_node_knows(server: RedisServer) -> None:
    async def work(frontier: Frontier) -> tuple[float, float, float, float]:
        first = await frontier.gate("a.test", 0.5)
        soon = await frontier.gate("a.test", 0.5)
        other_host = await frontier.gate("b.test", 0.5)
        await frontier.raise_floor("c.test", 5)  # a Crawl-delay another node read
        await frontier.gate("c.test", 0.5)
        return first, soon, other_host, await frontier.gate("c.test", 0.5)

    first, soon, other_host, floored = run(server, work)
    assert first == 0
    assert 0 < soon <= 0.5
    assert other_host == 0
    assert 4 < floored <= 5


GATE = 0.2  # s between two requests to a host in the hold tests below


def test_a_request_out_holds_its_host_until_it_is_answered(server: RedisServer) -> None:
    """Two nodes: the second is not let go while the first's request is unanswered, long after the delay."""

    async def work(frontier: Frontier) -> list[bool]:
        let_go = [await frontier.gate("h1.test", GATE, token="one", hold=30) == 0]
        await asyncio.sleep(2 * GATE)
        let_go.append(await frontier.gate("h1.test", GATE, token="two", hold=30) == 0)  # one is out
        await frontier.answered("h1.test", GATE, token="two")  # not the holder: changes nothing
        let_go.append(await frontier.gate("h1.test", GATE, token="two", hold=30) == 0)
        await frontier.answered("h1.test", GATE, token="one")
        let_go.append(await frontier.gate("h1.test", GATE, token="two", hold=30) == 0)
        return let_go

    assert run(server, work) == [True, False, False, True]


def test_a_request_answered_late_keeps_the_delay_after_its_answer(server: RedisServer) -> None:
    async def work(frontier: Frontier) -> tuple[float, float]:
        await frontier.gate("h2.test", GATE, token="one", hold=30)
        await asyncio.sleep(2 * GATE)
        await frontier.answered("h2.test", GATE, token="one", late=True)
        late = await frontier.gate("h2.test", GATE, token="two", hold=30)
        await frontier.gate("h3.test", GATE, token="one", hold=30)
        await asyncio.sleep(2 * GATE)
        await frontier.answered("h3.test", GATE, token="one")
        return late, await frontier.gate("h3.test", GATE, token="two", hold=30)

    late, in_time = run(server, work)
    assert GATE / 2 < late <= GATE
    assert in_time == 0


def test_a_hold_ends_by_itself_when_its_node_never_answers(server: RedisServer) -> None:
    async def work(frontier: Frontier) -> list[bool]:
        let_go = [await frontier.gate("h4.test", 0.05, token="dies", hold=2 * GATE) == 0]
        await asyncio.sleep(GATE)
        let_go.append(await frontier.gate("h4.test", 0.05, token="lives", hold=30) == 0)
        await asyncio.sleep(2 * GATE)
        let_go.append(await frontier.gate("h4.test", 0.05, token="lives", hold=30) == 0)
        return let_go

    assert run(server, work) == [True, False, True]


def test_one_writer_holds_the_cluster(server: RedisServer) -> None:
    async def work(frontier: Frontier) -> list[bool]:
        held = [await frontier.lock_writer("one", 5), await frontier.lock_writer("two", 5)]
        held.append(await frontier.lock_writer("one", 5))  # kept by its holder
        await frontier.unlock_writer("one")
        held.append(await frontier.lock_writer("two", 5))
        return held

    assert run(server, work) == [True, False, True, True]


def test_tasks_given_back_are_handed_out_again_at_once(server: RedisServer) -> None:
    async def work(frontier: Frontier) -> tuple[int, str]:
        await frontier.enqueue([article("http://a.test/1.html")])
        taken = await frontier.take(0)
        assert taken.task is not None
        back = await frontier.requeue([taken.task])
        again = await frontier.take(0)
        return back, again.task.url if again.task else again.status

    assert run(server, work, lease=60) == (1, "http://a.test/1.html")  # the lease (60 s) has not expired
