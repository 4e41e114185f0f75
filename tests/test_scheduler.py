"""The poller over the database's leases (bot/scheduler.py): every feed polled, once per interval,
by this process, named in the feed list; a feed added while running is polled at once."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot import service
from bot.app import App
from bot.pipeline import PollOutcome
from bot.scheduler import Poller
from storage import feeds as feed_store
from tests.fakes.feed_server import FeedItemSpec, FeedServer, at
from tests.helpers import MakeApp, make_settings

ITEM = FeedItemSpec("s-1", "Brentford hold Everton to a goalless draw", "A quiet afternoon.", at("2025-11-02T15:00:00"))


async def _until(condition: Callable[[], bool], what: str) -> None:
    """Wait for a condition the poller brings about, however slow the machine (a generous deadline)."""
    for _ in range(1200):
        if condition():
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"never happened: {what}")


async def _polling(app: App) -> tuple[Poller, list[PollOutcome]]:
    """The app's poller, started, and the outcomes of the polls it makes (no outbox to deliver)."""
    polled: list[PollOutcome] = []

    async def on_polled(outcome: PollOutcome) -> None:
        polled.append(outcome)

    async def nothing() -> int:
        return 0

    poller = app.poller(on_polled, nothing)
    await poller.start()
    return poller, polled


async def test_every_feed_is_polled_once_per_interval_and_named_by_its_process(
    tmp_path: Path, database_target: str, feed_server: FeedServer, make_app: MakeApp
) -> None:
    paths = [f"/wire{n}.xml" for n in range(5)]
    feeds = [{"url": feed_server.set_feed(path, f"Wire {n}", [ITEM])} for n, path in enumerate(paths)]
    settings = make_settings(tmp_path, feeds, database=database_target,
                             polling={"claim_seconds": 1, "concurrency": 2, "interval_seconds": 600})
    app = await make_app(settings)
    poller, polled = await _polling(app)
    try:
        await _until(lambda: len(polled) == len(paths), "every feed polled")
        for _ in range(3):  # more claim rounds within the interval fetch nothing again
            await poller._claim_round()
        assert [feed_server.hits(path) for path in paths] == [1] * len(paths)

        lines = await service.feed_list(app.db)
        assert len(lines) == len(paths) and all(f"polled by {app.name}" in line for line in lines)
        assert app.owner.startswith(app.name + "#")  # leases belong to this run, the list names the process

        # A feed added while the bot runs is polled at the next claim, not after a whole interval.
        late = feed_server.set_feed("/late.xml", "Late", [ITEM])
        await feed_store.upsert(app.db, late, "Late wire", None, origin="config")  # as a config reload adds it
        poller.poll_soon()
        await _until(lambda: feed_server.hits("/late.xml") == 1, "the new feed polled")
    finally:
        poller.shutdown()


async def test_a_server_sees_which_process_polled_its_feed_not_the_host(
    tmp_path: Path, database_target: str, feed_server: FeedServer, make_app: MakeApp,
    monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLAIMWATCH_PROCESS_NAME", "dbhost7.internal/shards 2")
    app = await make_app(make_settings(tmp_path, [], database=database_target, polling={"claim_seconds": 1}))
    url = feed_server.set_feed("/own.xml", "Own", [ITEM])
    await service.add_server_feed(app.db, url, "Our wire", guild_id=42, by="1")
    poller, polled = await _polling(app)
    try:
        await _until(lambda: len(polled) == 1, "the server's feed polled")
        await poller._claim_round()  # the next round releases the lease, naming who polled
    finally:
        poller.shutdown()
    [line] = [line for line in await service.feed_list(app.db, 42) if "Our wire" in line]
    assert "polled by shards 2" in line and "dbhost7" not in line
    [operator_line] = await service.feed_list(app.db)
    assert "polled by dbhost7.internal/shards 2" in operator_line


async def test_a_poll_that_ends_makes_room_at_once_not_at_the_next_claim_round(
    tmp_path: Path, database_target: str, feed_server: FeedServer, make_app: MakeApp
) -> None:
    """Twelve feeds due and room for two: each poll that ends starts the next, so the backlog drains
    at full concurrency without waiting for the claim round every claim_seconds (an hour here)."""
    paths = [f"/backlog{n}.xml" for n in range(12)]
    feeds = [{"url": feed_server.set_feed(path, f"Wire {n}", [ITEM])} for n, path in enumerate(paths)]
    settings = make_settings(tmp_path, feeds, database=database_target,
                             polling={"claim_seconds": 3600, "concurrency": 2, "interval_seconds": 600})
    app = await make_app(settings)
    poller, polled = await _polling(app)
    try:
        await _until(lambda: len(polled) == len(paths), "every feed polled, two at a time")
        assert [feed_server.hits(path) for path in paths] == [1] * len(paths)
    finally:
        poller.shutdown()


async def test_two_runs_of_one_process_name_hold_their_leases_apart(tmp_path: Path, make_app: MakeApp) -> None:
    """A rolling restart on one host: the old and the new process share a name (what /feeds list
    shows) but never an owner (what leases and outbox claims are held by)."""
    settings = make_settings(tmp_path, [])
    old, new = await make_app(settings), await make_app(settings)
    assert old.name == new.name and old.owner != new.owner


async def test_a_stop_that_lands_mid_job_is_no_failed_job_in_the_log(
    tmp_path: Path, make_app: MakeApp, caplog: pytest.LogCaptureFixture
) -> None:
    # An outbox delivery under way when the bot is stopped: the loop's close cancels it, and the
    # log must not call that a job that raised (Ctrl+C would print a traceback).
    settings = make_settings(tmp_path, [], polling={"claim_seconds": 60})
    app = await make_app(settings)
    delivering, never = asyncio.Event(), asyncio.Event()

    async def on_polled(outcome: PollOutcome) -> None:
        """No feed is followed here: nothing is polled."""

    async def deliver() -> int:
        delivering.set()
        await never.wait()
        return 0

    before = asyncio.all_tasks()
    poller = app.poller(on_polled, deliver)
    await poller.start()
    job = poller.scheduler.get_job("outbox")
    assert job is not None
    job.modify(next_run_time=datetime.now(UTC))
    await _until(delivering.is_set, "the delivery job started")
    await poller.stop()
    # What asyncio.run does on its way out: cancel what is left and wait for it.
    left = [t for t in asyncio.all_tasks() - before if t is not asyncio.current_task()]
    for task in left:
        task.cancel()
    await asyncio.gather(*left, return_exceptions=True)
    await asyncio.sleep(0)
    failed = [r for r in caplog.records if r.levelname == "ERROR"]
    assert failed == [], [r.getMessage() for r in failed]
