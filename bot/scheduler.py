"""Polls each feed on its own schedule with APScheduler: no overlapping runs, coalesced, jittered."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from bot.app import App
from bot.pipeline import PollOutcome
from storage import feeds as feed_store
from storage.db import utcnow
from storage.maintenance import prune_items

log = logging.getLogger(__name__)
OUTBOX_SECONDS = 15
DIGEST_HOUR_UTC = 8


class Poller:
    def __init__(self, app: App, on_polled: Callable[[PollOutcome], Awaitable[None]],
                 deliver: Callable[[], Awaitable[int]],
                 deliver_digests: Callable[[], Awaitable[int]] | None = None) -> None:
        self.app = app
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
        for feed in await feed_store.list_active(self.app.db):
            self.schedule(feed.id, feed.interval_seconds)
        self.scheduler.start()

    def schedule(self, feed_id: int, interval: int | None, *, first_run: datetime | None = None) -> None:
        polling = self.app.settings.polling
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
        feed = await feed_store.by_id(self.app.db, feed_id)
        if feed is None:
            self.unschedule(feed_id)
            return
        if feed.paused:
            return
        if feed.next_fetch_at and feed.next_fetch_at > utcnow():
            return  # backing off after failures, or told to wait by Retry-After
        try:
            outcome = await self.app.pipeline.poll(feed_id, row=feed)
        except Exception:  # storage trouble (disk full, locked): the next run retries from the same state
            log.exception("poll of feed %s failed; will retry on its next run", feed_id)
            return
        await self.on_polled(outcome)

    async def _prune(self) -> None:
        try:
            removed = await prune_items(self.app.db, self.app.settings.storage.retention_days)
            log.info("retention: pruned %d items", removed)
        except Exception:
            log.exception("retention pruning failed; it runs again tomorrow")

    def shutdown(self) -> None:
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
