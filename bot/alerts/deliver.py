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
- story threads (a server's `threads` setting, with a sink that can): a story's first alert in a
  channel is posted there and becomes a thread's parent; each later one is posted in the thread and
  the parent edited to show the story's current rung. Every step is recorded before the next: the
  parent's message with its story (storage/threads.py), then the thread; a later alert's message on
  its row (still 'sending') before the parent's edit. So a retry or a restart resumes at the step
  it stopped at: it never posts a parent or a thread post twice (the nonce and the search in the
  thread cover a post not yet recorded), and a thread started from a message has that message's
  id, so a second attempt finds the first. A thread that is deleted, locked or closed to the bot
  is forgotten: the development is posted in the channel with a line saying so, and a new thread
  starts from it. A parent that was deleted is left alone; the development is still in the thread.
  In a forum channel, which holds only posts, every story is one post whatever the setting: its
  first alert opens the post (the post's thread and first message share an id), later ones go in it.
- several processes (`run --shards`): each delivers only the rows, and digests, of the guilds its
  gateway shards hold ((guild_id >> 22) % shard_count); the other rows are left for their owner.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Awaitable
from dataclasses import dataclass
from typing import Protocol, TextIO, runtime_checkable

from bot.alerts.render import alert_text, lost_thread_note
from bot.models import AlertView
from storage import follows, outbox, threads
from storage import settings as guild_store
from storage.db import Database
from storage.records import OutboxEntry
from storage.stories import alert_view

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 8
# Channels posted to at once. Discord limits each channel on its own (about 5 messages per 5 s)
# and the bot as a whole (50 requests per second, which discord.py's client keeps to): one channel
# waiting out its limit must not hold every other channel's alerts behind it.
CHANNELS_AT_ONCE = 8


@dataclass(frozen=True, slots=True)
class Shards:
    """The gateway shards one process runs: `ids` of `count` across the deployment."""

    count: int
    ids: tuple[int, ...]

    def owns(self, guild_id: int) -> bool:
        return (guild_id >> 22) % self.count in self.ids


@dataclass(frozen=True, slots=True)
class SendResult:
    message_id: str | None = None
    retry_after: float | None = None  # transient: try again after this long
    channel_lost: str | None = None  # permanent for this channel: why
    error: str | None = None
    thread_lost: str | None = None  # a story's thread (or its parent) cannot be used: why

    @property
    def ok(self) -> bool:
        return (self.retry_after is None and self.channel_lost is None and self.error is None
                and self.thread_lost is None)


class Sink(Protocol):
    async def send(self, guild_id: int, channel_id: int, view: AlertView, nonce: str) -> SendResult: ...

    async def channel_lost(self, guild_id: int, channel_id: int, reason: str) -> None: ...

    async def send_digest(self, guild_id: int, channel_id: int, views: list[AlertView], nonce: str) -> SendResult: ...

    async def find_posted(self, guild_id: int, channel_id: int, marker: str, since: str | None) -> str | None:
        """The id of our alert carrying `marker` (a row's nonce) posted in the channel since `since`
        (an ISO time; None: recently), or None when there is none."""
        ...


@runtime_checkable
class ThreadSink(Sink, Protocol):
    """A sink that can keep each story in a thread (Discord; a terminal cannot)."""

    async def send_parent(self, guild_id: int, channel_id: int, view: AlertView, nonce: str,
                          note: str | None) -> SendResult: ...

    async def start_thread(self, guild_id: int, channel_id: int, parent_id: str, view: AlertView) -> SendResult:
        """The thread's id (message_id), also when the parent already has one."""
        ...

    async def send_in_thread(self, guild_id: int, thread_id: str, view: AlertView, nonce: str) -> SendResult: ...

    async def edit_parent(self, guild_id: int, channel_id: int, parent_id: str, view: AlertView) -> SendResult: ...

    async def is_forum(self, guild_id: int, channel_id: int) -> bool:
        """A forum channel: each story is one post there, whatever the server's setting."""
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
        print(f"📰 Daily digest: {len(views)} development{'s' if len(views) != 1 else ''}", file=self.stream)
        for view in views:
            print(alert_text(view), file=self.stream, end="\n\n")
        return SendResult(message_id=f"console-{nonce}")

    async def find_posted(self, guild_id: int, channel_id: int, marker: str, since: str | None) -> str | None:
        return None  # a terminal keeps no history to look in


class Dispatcher:
    def __init__(self, db: Database, sink: Sink, shards: Shards | None = None, *, owner: str = "claimwatch") -> None:
        self.db = db
        self.sink = sink
        self.shards = shards  # None: this process delivers for every guild
        self.owner = owner  # this process, in the claims its passes take on outbox rows
        self._lock = asyncio.Lock()  # one pass at a time: a row must not be picked up twice

    async def run_once(self, limit: int = 200) -> int:
        """Deliver what is due now; returns how many rows were sent."""
        async with self._lock:
            lost_channels: set[int] = set()
            on_shards = None if self.shards is None else (self.shards.count, self.shards.ids)
            # Each channel's alerts in order, one at a time; several channels at once.
            by_channel: dict[int, list[OutboxEntry]] = {}
            # Claimed, not just read: a second process holding the same guild for a moment (a
            # rolling restart, overlapping --shards) skips what this pass posts.
            claimed = await outbox.claim(self.db, self.owner, limit, on_shards)
            for row in claimed:
                by_channel.setdefault(row.channel_id, []).append(row)
            gate = asyncio.Semaphore(CHANNELS_AT_ONCE)

            async def channel(rows: list[OutboxEntry]) -> int:
                sent = 0
                async with gate:
                    for row in rows:
                        if row.channel_id in lost_channels:
                            break
                        sent += await self._deliver(row, lost_channels)
                return sent

            # Every channel's pass ends before this one does (the lock covers them all); then the
            # first failure, if any, is the caller's (storage trouble: the next pass retries).
            try:
                outcomes = await asyncio.gather(*(channel(rows) for rows in by_channel.values()),
                                                return_exceptions=True)
            finally:  # a pass cut short (cancelled) frees its rows too
                if claimed:
                    await outbox.release(self.db, self.owner, [row.id for row in claimed])
            for outcome in outcomes:
                if isinstance(outcome, BaseException):
                    raise outcome
            return sum(outcome for outcome in outcomes if isinstance(outcome, int))

    async def _deliver(self, row: OutboxEntry, lost_channels: set[int]) -> int:
        outbox_id, channel_id, guild_id = row.id, row.channel_id, row.guild_id
        view = await alert_view(self.db, row.event_id)
        if view is None:
            await outbox.mark_failed(self.db, outbox_id, "the story event no longer exists")
            return 0
        if isinstance(self.sink, ThreadSink) and ((await guild_store.get(self.db, guild_id)).threads
                                                  or await self._is_forum(self.sink, guild_id, channel_id)):
            return await self._deliver_threaded(self.sink, row, view, lost_channels)
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
        return await self._failed(row, result, lost_channels)

    async def _failed(self, row: OutboxEntry, result: SendResult, lost_channels: set[int], *,
                      posted: bool = False) -> int:
        """A failed step's outcome: the channel's follows paused, or a retry with backoff, or given
        up. `posted`: the row's message is already in Discord, so it stays 'sending'."""
        outbox_id, channel_id, guild_id = row.id, row.channel_id, row.guild_id
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
            await outbox.mark_retry(self.db, outbox_id, problem, delay, posted=posted)
        return 0

    async def _deliver_threaded(self, sink: ThreadSink, row: OutboxEntry, view: AlertView,
                                lost_channels: set[int]) -> int:
        """One alert of a server that keeps stories in threads; see the module docstring."""
        story_id, channel_id, guild_id = view.story.id, row.channel_id, row.guild_id
        kept = await threads.get(self.db, story_id, channel_id)
        note = None
        if kept is not None and kept.outbox_id != row.id:
            # A later development: into the story's thread (started now if its parent has none yet).
            thread_id = kept.thread_id
            if thread_id is None:
                started = await self._step(sink.start_thread(guild_id, channel_id, kept.parent_message_id, view))
                if started.ok and started.message_id:
                    thread_id = started.message_id
                    await threads.set_thread(self.db, story_id, channel_id, thread_id)
                elif not started.thread_lost:
                    return await self._failed(row, started, lost_channels)
            if thread_id is not None:
                posted = await self._already_posted(row, thread_id) if row.state == "sending" else None
                if posted is None:
                    await outbox.mark_sending(self.db, row.id)
                    result = await self._step(sink.send_in_thread(guild_id, thread_id, view, row.nonce))
                    if not result.ok or result.message_id is None:
                        if not result.thread_lost:
                            return await self._failed(row, result, lost_channels)
                        note = lost_thread_note(result.thread_lost)
                        log.info("story %s: its thread %s in channel %s %s; starting a new one",
                                 story_id, thread_id, channel_id, result.thread_lost)
                    else:
                        posted = result.message_id
                if posted is not None:
                    await outbox.mark_posted(self.db, row.id, posted)
                    edited = await self._step(sink.edit_parent(guild_id, channel_id, kept.parent_message_id, view))
                    if not edited.ok and not edited.thread_lost and row.attempts + 1 < MAX_ATTEMPTS:
                        return await self._failed(row, edited, lost_channels, posted=True)
                    # Edited, or its parent is gone, or the edit keeps failing: the next one catches up.
                    await outbox.mark_sent(self.db, row.id, posted)
                    return 1
            # No thread to post in (lost, or none could be started on the parent): a new parent.
            await threads.forget(self.db, story_id, channel_id)
            kept = None
        if kept is None:
            # The story's first alert in this channel (or the first since its thread was lost): its parent.
            parent = await self._already_posted(row) if row.state == "sending" else None
            if parent is None:
                await outbox.mark_sending(self.db, row.id)
                result = await self._step(sink.send_parent(guild_id, channel_id, view, row.nonce, note))
                if not result.ok or result.message_id is None:
                    return await self._failed(row, result, lost_channels)
                parent = result.message_id
            await threads.started(self.db, story_id, channel_id, guild_id, row.id, parent)
        else:
            parent = kept.parent_message_id
        # The parent is posted and recorded: the thread on it, then the row is done.
        started = await self._step(sink.start_thread(guild_id, channel_id, parent, view))
        if started.ok and started.message_id:
            await threads.set_thread(self.db, story_id, channel_id, started.message_id)
        elif started.thread_lost or row.attempts + 1 >= MAX_ATTEMPTS:
            log.warning("story %s in channel %s: a thread %s; the alert stands alone", story_id, channel_id,
                        started.thread_lost or f"could not be started ({started.error})")
            await threads.forget(self.db, story_id, channel_id)
        else:
            return await self._failed(row, started, lost_channels, posted=True)
        await outbox.mark_sent(self.db, row.id, parent)
        return 1

    @staticmethod
    async def _step(step: Awaitable[SendResult]) -> SendResult:
        """A story thread's step; an unexpected sink failure is transient, as for a plain alert."""
        try:
            return await step
        except Exception as error:
            log.exception("a story thread step failed")
            return SendResult(error=f"{type(error).__name__}: {error}")

    @staticmethod
    async def _is_forum(sink: ThreadSink, guild_id: int, channel_id: int) -> bool:
        try:
            return await sink.is_forum(guild_id, channel_id)
        except Exception:  # Discord unreachable: the post itself will meet it, and retry
            log.warning("could not tell whether channel %s is a forum", channel_id, exc_info=True)
            return False

    async def _already_posted(self, row: OutboxEntry, where: str | None = None) -> str | None:
        """A row left 'sending' may have reached its channel (or its story's thread, `where`): the
        message id there, if so."""
        if row.message_id:
            return row.message_id  # recorded as posted, with a step left to finish
        try:
            if where is not None:
                return await self.sink.find_posted(row.guild_id, int(where), row.nonce, row.sending_at)
            return await self.sink.find_posted(row.guild_id, row.channel_id, row.nonce, row.sending_at)
        except Exception:  # history unreadable: the nonce still guards the resend within its window
            log.warning("could not look for outbox row %s in channel %s", row.id, row.channel_id, exc_info=True)
            return None

    async def run_digests(self) -> int:
        """Post each digest channel's waiting events as one message; returns channels served."""
        async with self._lock:
            groups: dict[tuple[int, int], list[OutboxEntry]] = {}
            # Only this process's guilds (another's digest is that process's to post), claimed:
            # two processes holding the same guilds for a moment post each digest once.
            on_shards = None if self.shards is None else (self.shards.count, self.shards.ids)
            claimed = await outbox.claim_digests(self.db, self.owner, on_shards)
            for row in claimed:
                groups.setdefault((row.guild_id, row.channel_id), []).append(row)
            try:
                served = await self._post_digests(groups)
            finally:
                if claimed:
                    await outbox.release(self.db, self.owner, [row.id for row in claimed])
        return served

    async def _post_digests(self, groups: dict[tuple[int, int], list[OutboxEntry]]) -> int:
        """One message per channel; a transient failure leaves its rows for the next digest."""
        served = 0
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
