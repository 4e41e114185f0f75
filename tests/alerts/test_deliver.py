"""The outbox dispatcher: transient failures retry with backoff and give up, a sent row never resends."""

from __future__ import annotations

from pathlib import Path

from bot import service
from bot.alerts.deliver import MAX_ATTEMPTS, Dispatcher, SendResult
from bot.app import App, poll_all
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
