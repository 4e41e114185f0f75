"""The jobs, with APScheduler: polling shared through the database, the outbox, digests, retention.

Polling: every few seconds this process claims the due feeds it has room for (storage/leases.py)
and polls them; a finished poll holds the feed until its next due time (interval plus jitter), so
each feed is fetched once per interval across every process on the database. A slow feed never
runs twice at once: its lease covers the poll. With several processes alive, a due feed goes to
the one its id hashes to, so each takes its share whatever the timing of its rounds.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import random
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from bot.config import PollingSettings
from bot.pipeline import PollOutcome
from storage import leases
from storage.db import Database, from_now, utcnow
from storage.maintenance import prune_items
from storage.records import FeedState

log = logging.getLogger(__name__)
OUTBOX_SECONDS = 15
# A due feed waits this many claim rounds for the process it hashes to (storage/leases.py), which
# remembers its last body; after that whoever has room polls it (that process is dead or full).
SHARED_AFTER_ROUNDS = 2
DIGEST_HOUR_UTC = 8


class Poller:
    """The jobs: claim and poll due feeds (`poll`, one feed start to finish), the outbox every few
    seconds (`deliver`), the daily digests, the daily retention prune, and keeping alive what this
    process holds. `owner` is this run of this process in its leases and claims; `name` how
    /feeds list names it."""

    def __init__(self, db: Database, polling: PollingSettings, retention_days: int,
                 poll: Callable[[FeedState], Awaitable[PollOutcome]],
                 on_polled: Callable[[PollOutcome], Awaitable[None]],
                 deliver: Callable[[], Awaitable[int]],
                 deliver_digests: Callable[[], Awaitable[int]] | None = None, *, owner: str = "claimwatch",
                 name: str | None = None) -> None:
        self.db = db
        self.polling = polling
        self.retention_days = retention_days
        self.poll = poll
        self.on_polled = on_polled
        self.owner = owner
        self.name = name or owner
        self._polling: set[asyncio.Task[None]] = set()  # polls under way, at most `concurrency`
        # Polls ended since the last round, released by the next one in its transaction: (feed id,
        # next due). Until then the claim's own lease keeps each feed.
        self._finished: list[tuple[int, str]] = []
        # One claim round at a time, run by this class rather than the scheduler: a request for a
        # round while one is under way makes that one claim again (`_again`) instead of being lost.
        self._claiming = False
        self._again = False
        self._backlog = False  # the last round filled every place: more feeds may be waiting
        self._rounds: set[asyncio.Task[None]] = set()
        self._renewing = asyncio.Lock()  # a renewal and the goodbye never interleave
        self._stopped = False
        self.scheduler = AsyncIOScheduler(
            timezone=UTC,
            # max_instances=1: one claim round at a time; coalesce: missed runs collapse.
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 300},
        )
        self._closing = False  # shutdown() was called: a job cancelled from now on was cut short by it
        self.scheduler.add_job(self._job(self._claim_round), IntervalTrigger(seconds=polling.claim_seconds), id="claim")
        self.scheduler.add_job(self._job(deliver), IntervalTrigger(seconds=OUTBOX_SECONDS), id="outbox")
        # A third of a lease: a renewal may be late or fail twice before anything runs out.
        self.scheduler.add_job(self._job(self._keep_alive), IntervalTrigger(seconds=max(polling.lease_seconds / 3, 1)),
                               id="keep-alive")
        self.scheduler.add_job(self._job(self._prune), IntervalTrigger(hours=24), id="prune",
                               next_run_time=datetime.now(UTC) + timedelta(minutes=1))
        if deliver_digests is not None:
            self.scheduler.add_job(self._job(deliver_digests), CronTrigger(hour=DIGEST_HOUR_UTC, timezone=UTC),
                                   id="digest")

    def _job(self, work: Callable[[], Awaitable[object]]) -> Callable[[], Awaitable[None]]:
        """A scheduled job that ends quietly when the process stops under it. A stop leaves a job
        under way running (shutdown(wait=False)); the event loop's close then cancels it, and the
        scheduler would log that cancellation as a failed job, a traceback on every Ctrl+C that
        lands mid-query. Nothing is lost: a cut-short claim or delivery runs again at the next
        start from what the database holds."""

        @functools.wraps(work)  # the scheduler's logs name the job by the work it runs
        async def run() -> None:
            try:
                await work()
            except asyncio.CancelledError:
                if not self._closing:
                    raise

        return run

    async def start(self) -> None:
        await self._keep_alive()  # alive before the first claim: the others leave its share to it
        self.scheduler.start()
        self.poll_soon()

    def poll_soon(self) -> None:
        """Claim due feeds now rather than at the next round (a feed was just added, a poll ended).
        (Not through the scheduler: a run it is asked for while the claim job runs is skipped, so
        a process would refill its free places only once every claim_seconds.)"""
        if not self.scheduler.running:
            return
        if self._claiming:
            self._again = True
            return
        task = asyncio.create_task(self._claim_round(), name="claim due feeds")
        self._rounds.add(task)
        task.add_done_callback(self._rounds.discard)

    async def _claim_round(self) -> None:
        """Claim as many due feeds as there is room for beside the polls under way, and start them.
        A poll that ends makes room, and a round at once (`poll_soon`) fills it: a slow feed never
        holds the others back, and a backlog after a restart drains at full concurrency."""
        if self._claiming:
            self._again = True
            return
        self._claiming = True
        try:
            while True:
                self._again = False
                room = max(self.polling.concurrency, 1) - sum(not task.done() for task in self._polling)
                if room <= 0 and not self._finished:
                    return  # the next poll to end asks for a round
                finished, self._finished = self._finished, []
                try:
                    claimed, held = await leases.round_trip(
                        self.db, self.owner, finished, now=utcnow(),
                        lease_until=from_now(self.polling.lease_seconds), limit=max(room, 0), name=self.name,
                        shared_after=SHARED_AFTER_ROUNDS * self.polling.claim_seconds)
                except Exception:  # storage trouble: the next round claims again, and releases these
                    self._finished[:0] = finished
                    log.exception("claiming due feeds failed; trying again in %ds", self.polling.claim_seconds)
                    return
                if held < len(finished):
                    log.warning("%d feeds: the lease ran out during the poll and another process took them over",
                                len(finished) - held)
                for feed in claimed:
                    task = asyncio.create_task(self._poll_one(feed), name=f"poll feed {feed.id}")
                    self._polling.add(task)
                    task.add_done_callback(self._polling.discard)
                # Claim again when there may be more due than there was room for, or a poll ended meanwhile.
                self._backlog = len(claimed) == room
                if len(claimed) < room and not self._again:
                    return
        finally:
            self._claiming = False

    async def _poll_one(self, feed: FeedState) -> None:
        try:
            outcome: PollOutcome | None = await self.poll(feed)
        except Exception:  # storage trouble (disk full, locked): the next poll retries from the same state
            log.exception("poll of feed %s failed; will retry on its next run", feed.id)
            outcome = None
        interval = feed.interval_seconds or self.polling.interval_seconds
        next_due = from_now(interval + random.uniform(0, self.polling.jitter_seconds))  # noqa: S311 - spreading, not secrecy
        self._finished.append((feed.id, next_due))  # released by the next round, which its end asks for
        if outcome is not None:
            await self.on_polled(outcome)
        # While feeds wait, refill once a quarter of the places are free (this poll's among them): a
        # claim reads every due feed, so a few larger claims cost the database less than one per poll.
        free = self.polling.concurrency - (sum(not task.done() for task in self._polling) - 1)
        if self._backlog and free >= max(1, self.polling.concurrency // 4):
            self.poll_soon()

    async def _keep_alive(self) -> None:
        async with self._renewing:
            if self._stopped:
                return  # a renewal after let_go would say this process is alive again
            try:
                await leases.keep_alive(self.db, self.owner, from_now(self.polling.lease_seconds))
            except Exception:  # the next renewal, a third of a lease later, tries again
                log.exception("renewing this process's leases failed")

    async def _prune(self) -> None:
        try:
            removed = await prune_items(self.db, self.retention_days)
            log.info("retention: pruned %d items", removed)
        except Exception:
            log.exception("retention pruning failed; it runs again tomorrow")

    async def stop(self) -> None:
        """Stop on purpose (SIGTERM, Ctrl+C): the jobs end, and this process lets go of what it holds
        at once, so the others (or its next run) go on without waiting for its leases to run out."""
        self.shutdown()
        async with self._renewing:  # after a renewal under way, never before it
            self._stopped = True
            try:
                await leases.let_go(self.db, self.owner, self._finished, name=self.name)
                self._finished = []
            except Exception:  # the leases run out on their own
                log.exception("letting go of this process's leases failed; they run out within %ds",
                              self.polling.lease_seconds)

    def shutdown(self) -> None:
        self._closing = True
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
        # Polls cut short keep their leases; this process takes them back when it starts again.
        for task in (*self._polling, *self._rounds):
            task.cancel()
