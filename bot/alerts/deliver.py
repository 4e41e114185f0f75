"""The outbox dispatcher: due rows -> a sink (console or Discord), with each failure's outcome.

- success: the message id is recorded; the row is never sent again.
- rate limited / server error: retried later with backoff, up to a bound, then marked failed.
- channel gone or forbidden: that channel's follows are paused and its rows failed, once; the
  sink may tell the server. No retry loop.
- a crash between 'sending' and 'sent' (or a failure to record 'sent'): before posting again, the
  dispatcher looks in the channel for our message carrying the row's nonce (in its Timeline
  button's custom id) and records that one. Discord's own nonce check (enforce_nonce) only
  remembers a nonce for a few minutes, and a restart can come hours later; it still guards a
  resend when the channel's history cannot be read.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from dataclasses import dataclass
from typing import Protocol, TextIO

from bot.alerts.render import alert_text
from bot.models import AlertView
from storage import follows, outbox
from storage.db import Database
from storage.records import OutboxEntry
from storage.stories import alert_view

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 8


@dataclass(frozen=True, slots=True)
class SendResult:
    message_id: str | None = None
    retry_after: float | None = None  # transient: try again after this long
    channel_lost: str | None = None  # permanent for this channel: why
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.retry_after is None and self.channel_lost is None and self.error is None


class Sink(Protocol):
    async def send(self, guild_id: int, channel_id: int, view: AlertView, nonce: str) -> SendResult: ...

    async def channel_lost(self, guild_id: int, channel_id: int, reason: str) -> None: ...

    async def send_digest(self, guild_id: int, channel_id: int, views: list[AlertView], nonce: str) -> SendResult: ...

    async def find_posted(self, guild_id: int, channel_id: int, marker: str, since: str | None) -> str | None:
        """The id of our alert carrying `marker` (a row's nonce) posted in the channel since `since`
        (an ISO time; None: recently), or None when there is none."""
        ...


class ConsoleSink:
    """Prints alerts as they would read in Discord."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stdout
        self.sent = 0

    async def send(self, guild_id: int, channel_id: int, view: AlertView, nonce: str) -> SendResult:
        print(alert_text(view), file=self.stream, end="\n\n", flush=True)
        self.sent += 1
        return SendResult(message_id=f"console-{nonce}")

    async def channel_lost(self, guild_id: int, channel_id: int, reason: str) -> None:
        print(f"channel {channel_id} lost: {reason}", file=self.stream)

    async def send_digest(self, guild_id: int, channel_id: int, views: list[AlertView], nonce: str) -> SendResult:
        print(f"📰 Daily digest: {len(views)} developments", file=self.stream)
        for view in views:
            print(alert_text(view), file=self.stream, end="\n\n")
        return SendResult(message_id=f"console-{nonce}")

    async def find_posted(self, guild_id: int, channel_id: int, marker: str, since: str | None) -> str | None:
        return None  # a terminal keeps no history to look in


class Dispatcher:
    def __init__(self, db: Database, sink: Sink) -> None:
        self.db = db
        self.sink = sink
        self._lock = asyncio.Lock()  # one pass at a time: a row must not be picked up twice

    async def run_once(self, limit: int = 200) -> int:
        """Deliver what is due now; returns how many rows were sent."""
        sent = 0
        async with self._lock:
            lost_channels: set[int] = set()
            for row in await outbox.due(self.db, limit):
                if row.channel_id in lost_channels:
                    continue
                sent += await self._deliver(row, lost_channels)
        return sent

    async def _deliver(self, row: OutboxEntry, lost_channels: set[int]) -> int:
        outbox_id, channel_id, guild_id = row.id, row.channel_id, row.guild_id
        view = await alert_view(self.db, row.event_id)
        if view is None:
            await outbox.mark_failed(self.db, outbox_id, "the story event no longer exists")
            return 0
        if row.state == "sending" and (posted := await self._already_posted(row)) is not None:
            log.info("outbox row %s was posted before a restart (message %s): recorded, not sent again",
                     outbox_id, posted)
            await outbox.mark_sent(self.db, outbox_id, posted)
            return 1
        await outbox.mark_sending(self.db, outbox_id)
        try:
            result = await self.sink.send(guild_id, channel_id, view, row.nonce)
        except Exception as error:  # an unexpected sink failure is transient, never fatal to the loop
            log.exception("delivering outbox row %s failed", outbox_id)
            result = SendResult(error=f"{type(error).__name__}: {error}")
        if result.ok:
            await outbox.mark_sent(self.db, outbox_id, result.message_id)
            return 1
        if result.channel_lost:
            lost_channels.add(channel_id)
            paused = await follows.pause_channel(self.db, channel_id, result.channel_lost)
            await outbox.fail_channel(self.db, channel_id, result.channel_lost)
            log.warning("channel %s lost (%s): %d follows paused", channel_id, result.channel_lost, paused)
            await self.sink.channel_lost(guild_id, channel_id, result.channel_lost)
            return 0
        attempts = row.attempts + 1
        problem = result.error or "rate limited"
        if attempts >= MAX_ATTEMPTS:
            await outbox.mark_failed(self.db, outbox_id, f"gave up after {attempts} attempts: {problem}")
            log.error("outbox row %s failed for good: %s", outbox_id, problem)
        else:
            delay = result.retry_after if result.retry_after is not None else min(5 * 2**attempts, 3600)
            await outbox.mark_retry(self.db, outbox_id, problem, delay)
        return 0

    async def _already_posted(self, row: OutboxEntry) -> str | None:
        """A row left 'sending' may have reached its channel: the message id there, if so."""
        try:
            return await self.sink.find_posted(row.guild_id, row.channel_id, row.nonce, row.sending_at)
        except Exception:  # history unreadable: the nonce still guards the resend within its window
            log.warning("could not look for outbox row %s in channel %s", row.id, row.channel_id, exc_info=True)
            return None

    async def run_digests(self) -> int:
        """Post each digest channel's waiting events as one message; returns channels served."""
        served = 0
        async with self._lock:
            groups: dict[tuple[int, int], list[OutboxEntry]] = {}
            for row in await outbox.digest_rows(self.db):
                groups.setdefault((row.guild_id, row.channel_id), []).append(row)
            for (guild_id, channel_id), rows in groups.items():
                views = [view for row in rows if (view := await alert_view(self.db, row.event_id))]
                ids = [row.id for row in rows]
                result = await self.sink.send_digest(guild_id, channel_id, views, f"digest-{ids[0]}")
                if result.ok:
                    await outbox.mark_many(self.db, ids, "sent", result.message_id)
                    served += 1
                elif result.channel_lost:
                    await follows.pause_channel(self.db, channel_id, result.channel_lost)
                    await outbox.mark_many(self.db, ids, "failed", None, result.channel_lost)
                    await self.sink.channel_lost(guild_id, channel_id, result.channel_lost)
                # a transient failure leaves the rows waiting for the next digest
        return served
