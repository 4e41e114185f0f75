"""Polls each feed on its own schedule with APScheduler: no overlapping runs, coalesced, jittered."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from bot.config import PollingSettings
from bot.pipeline import PollOutcome, due
from storage import feeds as feed_store
from storage.db import Database, utcnow
from storage.maintenance import prune_items
from storage.records import FeedState

log = logging.getLogger(__name__)
OUTBOX_SECONDS = 15
DIGEST_HOUR_UTC = 8


class Poller:
    """The jobs: each feed on its interval (`poll`, one feed start to finish), the outbox every few
    seconds (`deliver`), the daily digests, and the daily retention prune."""

    def __init__(self, db: Database, polling: PollingSettings, retention_days: int,
                 poll: Callable[[FeedState], Awaitable[PollOutcome]],
                 on_polled: Callable[[PollOutcome], Awaitable[None]],
                 deliver: Callable[[], Awaitable[int]],
                 deliver_digests: Callable[[], Awaitable[int]] | None = None) -> None:
        self.db = db
        self.polling = polling
        self.retention_days = retention_days
        self.poll = poll
        self.on_polled = on_polled
        self.scheduler = AsyncIOScheduler(
            timezone=UTC,
            # max_instances=1: a slow feed never runs twice at once; coalesce: missed runs collapse.
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 300},
        )
        self.scheduler.add_job(deliver, IntervalTrigger(seconds=OUTBOX_SECONDS), id="outbox")
        self.scheduler.add_job(self._prune, IntervalTrigger(hours=24), id="prune",
                               next_run_time=datetime.now(UTC) + timedelta(minutes=1))
        if deliver_digests is not None:
            self.scheduler.add_job(deliver_digests, CronTrigger(hour=DIGEST_HOUR_UTC, timezone=UTC), id="digest")

    async def start(self) -> None:
        for feed in await feed_store.list_active(self.db):
            self.schedule(feed.id, feed.interval_seconds)
        self.scheduler.start()

    def schedule(self, feed_id: int, interval: int | None, *, first_run: datetime | None = None) -> None:
        polling = self.polling
        self.scheduler.add_job(
            self._poll_job, IntervalTrigger(seconds=interval or polling.interval_seconds, jitter=polling.jitter_seconds),
            args=[feed_id], id=f"feed:{feed_id}", replace_existing=True,
            # Spread the first polls so a restart does not hit every host in the same second.
            next_run_time=first_run or datetime.now(UTC) + timedelta(seconds=feed_id % max(polling.jitter_seconds, 1)),
        )

    def unschedule(self, feed_id: int) -> None:
        if self.scheduler.get_job(f"feed:{feed_id}"):
            self.scheduler.remove_job(f"feed:{feed_id}")

    async def _poll_job(self, feed_id: int) -> None:
        feed = await feed_store.by_id(self.db, feed_id)
        if feed is None:
            self.unschedule(feed_id)
            return
        if not due(feed, utcnow()):
            return
        try:
            outcome = await self.poll(feed)
        except Exception:  # storage trouble (disk full, locked): the next run retries from the same state
            log.exception("poll of feed %s failed; will retry on its next run", feed_id)
            return
        await self.on_polled(outcome)

    async def _prune(self) -> None:
        try:
            removed = await prune_items(self.db, self.retention_days)
            log.info("retention: pruned %d items", removed)
        except Exception:
            log.exception("retention pruning failed; it runs again tomorrow")

    def shutdown(self) -> None:
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
