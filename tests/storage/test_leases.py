"""Feed leases (storage/leases.py) on both backends: each due feed goes to one process at a time,
stays with it for its interval, and a dead process's feeds go to the others when its lease ends."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from storage import feeds as feed_store
from storage import leases
from storage.backends import open_database
from storage.db import Database, from_now, utcnow

FEEDS = 10


@pytest.fixture
async def db(database_target: str) -> AsyncIterator[Database]:
    database = await open_database(database_target)
    for n in range(FEEDS):
        await feed_store.upsert(database, f"https://wire{n}.example.org/rss", f"Wire {n}", None)
    yield database
    await database.close()


async def _claim(db: Database, owner: str, limit: int = FEEDS, lease: float = 60) -> list[int]:
    return [feed.id for feed in await leases.claim_due(db, owner, now=utcnow(), lease_until=from_now(lease),
                                                       limit=limit)]


async def test_each_due_feed_goes_to_one_process_and_stays_for_its_interval(db: Database) -> None:
    first, second = await _claim(db, "host-a/shards 0-1", 4), await _claim(db, "host-b/shards 2-3", 4)
    rest = await _claim(db, "host-c/shards 4-5")
    assert len(first) == 4 and len(second) == 4 and len(rest) == FEEDS - 8
    assert sorted(first + second + rest) == list(range(1, FEEDS + 1))  # every feed once, to one process
    assert await _claim(db, "host-a/shards 0-1") == []  # all leased

    for feed_id in first:
        assert await leases.release(db, feed_id, "host-a/shards 0-1", next_due=from_now(600))
    assert await _claim(db, "host-b/shards 2-3") == []  # polled: not due again before its interval
    shown = await leases.pollers(db)
    assert {shown[feed_id] for feed_id in first} == {"host-a/shards 0-1"}


async def test_a_dead_process_s_feeds_are_taken_over_when_its_lease_runs_out(db: Database) -> None:
    dead = await _claim(db, "host-a/all shards", 3, lease=-1)  # a lease that has already run out
    taken = await _claim(db, "host-b/all shards")
    assert set(dead) <= set(taken) and len(taken) == FEEDS
    # The dead process, had it only been slow, finds the feed taken and leaves the new lease alone.
    assert not await leases.release(db, dead[0], "host-a/all shards", next_due=from_now(600))
    assert await leases.release(db, dead[0], "host-b/all shards", next_due=from_now(600))
    assert (await leases.pollers(db))[dead[0]] == "host-b/all shards"


async def test_a_live_process_keeps_its_leases_and_a_new_run_of_it_waits_for_them(db: Database) -> None:
    """Leases belong to one run of a process: the next run (a rolling restart: the old one may
    still be polling) takes nothing the old run keeps alive, and takes it all once it stops."""
    held = await _claim(db, "host-a/all shards#old", 5, lease=1)
    await leases.keep_alive(db, "host-a/all shards#old", from_now(3600))  # the old run still polls
    assert not set(held) & set(await _claim(db, "host-a/all shards#new"))
    await leases.keep_alive(db, "host-a/all shards#old", from_now(-1))  # it died: its lease ran out
    assert await _claim(db, "host-a/all shards#new") == held


async def test_paused_and_backing_off_feeds_are_not_claimed(db: Database) -> None:
    await feed_store.set_paused(db, 1, True, "paused by a test")
    await feed_store.record_failure(db, 2, "HTTP 503", backoff_seconds=600, pause_after=40)
    assert 1 not in (claimed := await _claim(db, "host-a/all shards")) and 2 not in claimed
    assert len(claimed) == FEEDS - 2


async def test_processes_claiming_at_once_never_share_a_feed(database_target: str, db: Database) -> None:
    """Three processes (three connections, three pools on PostgreSQL) claiming together, a few
    feeds at a time, until nothing is left: every feed claimed exactly once."""
    others = [await open_database(database_target) for _ in range(2)]
    try:
        processes = [db, *others]

        async def drain(database: Database, owner: str) -> list[int]:
            got: list[int] = []
            while batch := await _claim(database, owner, 2):
                got += batch
                await asyncio.sleep(0)
            return got

        results = await asyncio.gather(*(drain(database, f"host-{n}") for n, database in enumerate(processes)))
        claimed = [feed_id for result in results for feed_id in result]
        assert sorted(claimed) == list(range(1, FEEDS + 1))
    finally:
        for database in others:
            await database.close()


async def _polled_and_due_again(db: Database, owner: str, due_for: float) -> list[int]:
    """Every feed polled once by `owner` and due again for `due_for` seconds."""
    polled = await _claim(db, owner, FEEDS * 10)
    for feed_id in polled:
        assert await leases.release(db, feed_id, owner, next_due=from_now(-due_for))
    return polled


async def _claim_share(db: Database, owner: str, shared_after: float) -> list[int]:
    return [feed.id for feed in await leases.claim_due(db, owner, now=utcnow(), lease_until=from_now(60),
                                                       limit=FEEDS * 10, shared_after=shared_after)]


async def test_feeds_due_again_spread_over_the_live_processes_whoever_asks_first(db: Database) -> None:
    """Three live processes: however their rounds fall, each takes only the due feeds its run
    hashes to (the process that asks first no longer takes them all), and together every one."""
    for n in range(FEEDS, FEEDS * 6):
        await feed_store.upsert(db, f"https://wire{n}.example.org/rss", f"Wire {n}", None)
    feeds = await _polled_and_due_again(db, "host-a#run1", due_for=1)
    runs = ["host-a#run1", "host-b#run1", "host-c#run1"]
    for run in runs:
        await leases.keep_alive(db, run, from_now(3600))
    shares = {run: await _claim_share(db, run, shared_after=3600) for run in runs}
    assert sorted(sum(shares.values(), [])) == sorted(feeds)  # each feed to one process
    assert all(len(share) >= len(feeds) // 6 for share in shares.values()), {r: len(s) for r, s in shares.items()}


async def test_a_feed_its_process_leaves_waiting_goes_to_whoever_has_room(db: Database) -> None:
    """A due feed waits `shared_after` for the process it hashes to (dead without a word, or
    full); then the first process with room polls it. A run that stops on purpose hands its
    share to the others at once."""
    feeds = await _polled_and_due_again(db, "host-a#run1", due_for=120)
    for run in ("host-a#run1", "host-b#run1"):
        await leases.keep_alive(db, run, from_now(3600))
    assert sorted(await _claim_share(db, "host-a#run1", shared_after=60)) == sorted(feeds)

    for feed_id in feeds:
        assert await leases.release(db, feed_id, "host-a#run1", next_due=from_now(-1))
    mine = await _claim_share(db, "host-a#run1", shared_after=3600)
    assert 0 < len(mine) < len(feeds)  # host-b's share waits for host-b
    await leases.let_go(db, "host-b#run1", [])
    assert sorted(mine + await _claim_share(db, "host-a#run1", shared_after=3600)) == sorted(feeds)
