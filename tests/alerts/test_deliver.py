"""The outbox dispatcher: transient failures retry with backoff and give up, a sent row never resends."""

from __future__ import annotations

import asyncio
from pathlib import Path

from bot import service
from bot.alerts.deliver import MAX_ATTEMPTS, Dispatcher, SendResult
from bot.app import App, poll_all
from storage import leases, outbox
from storage.backends import open_database
from tests.fakes.feed_server import FeedItemSpec, FeedServer, at
from tests.helpers import MakeApp, make_settings

TALKS = FeedItemSpec("t-1", "Real Madrid open talks with Liverpool defender Ibrahima Konaté", "Contact made.",
                     at("2025-11-12T10:00:00"))


class FlakySink:
    """Answers like a Discord that keeps failing with a 5xx, then recovers."""

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.calls = 0

    async def send(self, guild_id, channel_id, view, nonce):  # type: ignore[no-untyped-def]
        self.calls += 1
        if self.calls <= self.failures:
            return SendResult(error="Discord HTTP 503: try later")
        return SendResult(message_id="m-1")

    async def channel_lost(self, guild_id, channel_id, reason):  # type: ignore[no-untyped-def]
        raise AssertionError("a 5xx is not a lost channel")

    async def send_digest(self, guild_id, channel_id, views, nonce):  # type: ignore[no-untyped-def]
        return SendResult(message_id="d-1")


async def _queued_alert(make_app: MakeApp, tmp_path: Path, database: str, feed_server: FeedServer) -> App:
    url = feed_server.set_feed("/wire.xml", "Wire", [TALKS])
    app = await make_app(make_settings(tmp_path, [{"url": url}], database=database), console=True)
    await service.follow(app.db, 1, 10, "Konate")
    await poll_all(app)
    return app


async def _row(app):  # type: ignore[no-untyped-def]
    return await app.db.fetchone("SELECT state, attempts, next_attempt_at, last_error, message_id FROM outbox")


async def test_server_errors_retry_later_then_succeed_once(tmp_path: Path, database_target: str, feed_server: FeedServer,
                                                          make_app: MakeApp) -> None:
    app = await _queued_alert(make_app, tmp_path, database_target, feed_server)
    sink = FlakySink(failures=1)
    dispatcher = Dispatcher(app.db, sink)
    assert await dispatcher.run_once() == 0
    row = await _row(app)
    assert row["state"] == "pending" and row["attempts"] == 1 and "503" in row["last_error"]
    assert await dispatcher.run_once() == 0 and sink.calls == 1  # backing off: not due yet
    await app.db.write("UPDATE outbox SET next_attempt_at = NULL")  # time passes
    assert await dispatcher.run_once() == 1
    row = await _row(app)
    assert (row["state"], row["message_id"]) == ("sent", "m-1")
    assert await dispatcher.run_once() == 0 and sink.calls == 2  # never sent twice


async def test_a_row_that_keeps_failing_is_given_up_not_retried_forever(tmp_path: Path, database_target: str,
                                                                      feed_server: FeedServer, make_app: MakeApp) -> None:
    app = await _queued_alert(make_app, tmp_path, database_target, feed_server)
    sink = FlakySink(failures=10_000)
    dispatcher = Dispatcher(app.db, sink)
    for _ in range(MAX_ATTEMPTS + 3):
        await app.db.write("UPDATE outbox SET next_attempt_at = NULL")
        await dispatcher.run_once()
    row = await _row(app)
    assert row["state"] == "failed" and row["last_error"].startswith(f"gave up after {MAX_ATTEMPTS} attempts")
    assert sink.calls == MAX_ATTEMPTS


class SlowRecorder:
    """A Discord that takes a moment per post and remembers every post, whichever process made it."""

    def __init__(self, posts: list[tuple[str, int]], name: str) -> None:
        self.posts, self.name = posts, name

    async def send(self, guild_id, channel_id, view, nonce):  # type: ignore[no-untyped-def]
        await asyncio.sleep(0.005)
        self.posts.append((self.name, channel_id))
        return SendResult(message_id=f"{self.name}-{len(self.posts)}")

    async def channel_lost(self, guild_id, channel_id, reason):  # type: ignore[no-untyped-def]
        raise AssertionError("no channel is lost here")

    async def send_digest(self, guild_id, channel_id, views, nonce):  # type: ignore[no-untyped-def]
        return SendResult(message_id="d-1")


async def _twenty_channels(make_app: MakeApp, tmp_path: Path, database: str, feed_server: FeedServer) -> App:
    url = feed_server.set_feed("/wire.xml", "Wire", [TALKS])
    app = await make_app(make_settings(tmp_path, [{"url": url}], database=database), console=True)
    for channel in range(100, 120):
        await service.follow(app.db, 1, channel, "Konate")
    await poll_all(app)
    return app


async def test_two_processes_delivering_the_same_guilds_post_each_alert_once(
    tmp_path: Path, database_target: str, feed_server: FeedServer, make_app: MakeApp
) -> None:
    """A rolling restart: the old and the new process both hold every guild for a moment and both
    deliver, a few rows a pass; the outbox claims keep every alert to one post."""
    app = await _twenty_channels(make_app, tmp_path, database_target, feed_server)
    other = await open_database(app.settings.database)  # the second process's own connection
    try:
        posts: list[tuple[str, int]] = []
        old = Dispatcher(app.db, SlowRecorder(posts, "old"), owner="host/old")
        new = Dispatcher(other, SlowRecorder(posts, "new"), owner="host/new")

        async def drain(dispatcher: Dispatcher) -> None:
            while await dispatcher.run_once(limit=3):
                pass

        await asyncio.gather(drain(old), drain(new))
        assert sorted(channel for _, channel in posts) == list(range(100, 120))  # each channel once
        assert (await app.db.fetchone("SELECT count(*) FROM outbox WHERE state = 'sent' AND claimed_by IS NULL"))[0] == 20
    finally:
        await other.close()


async def test_a_killed_process_s_claims_wait_for_it_or_run_out(
    tmp_path: Path, database_target: str, feed_server: FeedServer, make_app: MakeApp
) -> None:
    app = await _twenty_channels(make_app, tmp_path, database_target, feed_server)
    assert len(await outbox.claim(app.db, "host/a#run1")) == 20  # claimed, then the process died
    posts: list[tuple[str, int]] = []
    # Its claims are its run's alone: neither another process nor its own next run takes them
    # while they may still be alive (kept alive every third of a lease by a living process).
    assert await Dispatcher(app.db, SlowRecorder(posts, "other"), owner="host/b#run1").run_once() == 0
    assert await Dispatcher(app.db, SlowRecorder(posts, "restarted"), owner="host/a#run2").run_once() == 0
    # No renewal came: the claims run out, and the restarted process posts every alert, once.
    await leases.keep_alive(app.db, "host/a#run1", "2000-01-01T00:00:00.000000Z")
    assert await Dispatcher(app.db, SlowRecorder(posts, "restarted"), owner="host/a#run2").run_once() == 20
    assert sorted(channel for _, channel in posts) == list(range(100, 120))


async def test_two_processes_post_each_daily_digest_once(
    tmp_path: Path, database_target: str, feed_server: FeedServer, make_app: MakeApp
) -> None:
    url = feed_server.set_feed("/wire.xml", "Wire", [TALKS])
    app = await make_app(make_settings(tmp_path, [{"url": url}], database=database_target), console=True)
    await service.update_alert_settings(app.db, 1, digest=True)
    for channel in range(100, 120):
        await service.follow(app.db, 1, channel, "Konate")
    await poll_all(app)
    other = await open_database(app.settings.database)
    try:
        digests: list[int] = []

        class DigestRecorder(SlowRecorder):
            async def send_digest(self, guild_id, channel_id, views, nonce):  # type: ignore[no-untyped-def]
                await asyncio.sleep(0.005)
                digests.append(channel_id)
                return SendResult(message_id=f"d-{channel_id}")

        old = Dispatcher(app.db, DigestRecorder([], "old"), owner="host/all shards#1")
        new = Dispatcher(other, DigestRecorder([], "new"), owner="host/all shards#2")
        served = await asyncio.gather(old.run_digests(), new.run_digests())
        assert sorted(digests) == list(range(100, 120)) and sum(served) == 20  # each channel's digest once
        assert await old.run_digests() == 0  # all sent
    finally:
        await other.close()


async def test_each_channel_hears_a_story_in_the_order_it_was_reported_while_another_channel_waits(
    tmp_path: Path, database_target: str, feed_server: FeedServer, make_app: MakeApp
) -> None:
    """Channels are posted to side by side; within one channel the interest comes before the talks
    it led to, however slow another channel is."""
    interest = FeedItemSpec("i-1", "Real Madrid keen on Liverpool defender Ibrahima Konaté", "Monitoring him.",
                            at("2025-11-10T10:00:00"))
    url = feed_server.set_feed("/wire.xml", "Wire", [TALKS, interest])
    app = await make_app(make_settings(tmp_path, [{"url": url}], database=database_target), console=True)
    for channel in (10, 20):
        await service.follow(app.db, 1, channel, "Konate")
    await poll_all(app)
    heard: list[tuple[int, str]] = []

    class Recorder(SlowRecorder):
        async def send(self, guild_id, channel_id, view, nonce):  # type: ignore[no-untyped-def]
            await asyncio.sleep(0.05 if channel_id == 10 else 0.0)  # channel 10 is slow
            heard.append((channel_id, view.kind))
            return SendResult(message_id=f"m-{len(heard)}")

    assert await Dispatcher(app.db, Recorder([], "one")).run_once() == 4
    for channel in (10, 20):
        assert [kind for where, kind in heard if where == channel] == ["interest", "talks"], heard
