"""One feed, one poll: fetch -> parse -> new items -> extract -> store (stories, events, outbox).

Each stage is a function of plain data; this module only sequences them and decides what a
failure means for the feed's health. It never raises for a feed's own trouble.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import TypedDict

import aiohttp

from bot import extraction_process
from bot.claims.extract import extract_claims
from bot.claims.screen import may_carry_claims
from bot.config import Settings
from bot.feeds.fetch import FetchLimits, body_hash, fetch_feed
from bot.feeds.memo import ParseMemo
from bot.feeds.parse import parse_feed_delta_async
from bot.ingest import FeedBatch, batch_of, ingest_many
from bot.models import Claim, FeedItem
from bot.offload import jobs_waiting, one_at_a_time
from bot.outlets import first_name, outlet_of, tier_of_feed
from storage import feeds as feed_store
from storage.db import Database, published_form, stamp
from storage.ingest import known_items
from storage.records import FeedState, FetchState

log = logging.getLogger(__name__)
HEALTH_WRITE_EVERY = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class Prepared:
    """A feed fetched, parsed and extracted, waiting to be stored."""

    url: str
    batch: FeedBatch
    unparsed: int = 0  # entries the database already had as the feed wrote them: not rebuilt


@dataclass(slots=True)
class PollOutcome:
    url: str
    status: str  # changed | unchanged | not_modified | failed | paused
    new_items: int = 0
    edited_items: int = 0
    claims: int = 0
    events: list[int] = field(default_factory=list)
    error: str | None = None
    parsed: bool = False
    unparsed: int = 0  # entries left unparsed: the database already had them, unchanged


class ExtractArgs(TypedDict):
    """The extractor's keyword arguments for an item, beside its title and summary."""

    outlet: str
    published: str | None
    item: str
    content: str


def extract_args(item: FeedItem) -> ExtractArgs:
    published = published_form(item.published) if item.published else None
    return {"outlet": item.outlet, "published": published, "item": item.ref, "content": item.content}


def extract_item(item: FeedItem) -> list[Claim]:
    return extract_claims(item.title, item.summary, **extract_args(item))


def extract_batch(items: list[FeedItem], make_way: Callable[[], None] | None = None,
                  ) -> list[tuple[FeedItem, list[Claim]]]:
    """Each item with its claims. `make_way`, called before each item, lets a database writer
    thread finish its transaction first (Database.make_way)."""
    batch = []
    for item in items:
        if make_way is not None:
            make_way()
        try:
            claims = extract_item(item)
        except Exception:  # one odd item must not cost the feed its other items
            log.exception("extractor failed on %s", item.ref)
            claims = []
        batch.append((item, claims))
    return batch


def screen_batch(items: list[FeedItem], make_way: Callable[[], None] | None = None) -> list[bool]:
    """Whether each item may carry a claim (bot/claims/screen.py): False where the extractor would
    give none without reading a sentence. An item the screen fails on goes on to the extractor.
    `make_way` as for extract_batch."""
    passed = []
    for item in items:
        if make_way is not None:
            make_way()
        try:
            passed.append(may_carry_claims(item.title, item.summary, item.content))
        except Exception:
            passed.append(True)  # the extractor meets the same trouble and logs it
    return passed


def due(feed: FeedState, now: str) -> bool:
    """Whether the schedule should poll the feed now: not paused, and not backing off after failures
    or told to wait by Retry-After (next_fetch_at, in storage's timestamp form, like `now`)."""
    return not feed.paused and not (feed.next_fetch_at and feed.next_fetch_at > now)


def limits_from(settings: Settings, *, trusted: bool) -> FetchLimits:
    polling = settings.polling
    return FetchLimits(
        connect_timeout=polling.connect_timeout_seconds,
        total_timeout=polling.timeout_seconds,
        max_body_bytes=polling.max_body_bytes,
        max_redirects=polling.max_redirects,
        # Only feeds the operator listed in the config may live on private addresses.
        allow_private=polling.allow_private_addresses and trusted,
    )


def backoff_seconds(settings: Settings, interval: int, failures: int, retry_after: float | None) -> float:
    delay: float = min(interval * 2 ** max(0, failures - 1), settings.polling.max_backoff_seconds)
    return max(delay, retry_after or 0.0)


class Pipeline:
    def __init__(self, db: Database, settings: Settings, sessions: dict[bool, aiohttp.ClientSession],
                 *, alert_on_first_poll: bool = False) -> None:
        self.db = db
        self.settings = settings
        # False in Discord mode unless the operator says otherwise: a new feed's backlog never floods.
        self.alert_on_first_poll = alert_on_first_poll
        # False for a one-shot run (console mode without --watch): nothing will try a failed feed again.
        self.retries = True
        self.sessions = sessions  # keyed by "trusted": config feeds vs feeds added from Discord
        # What the last parse of each feed saw (bot/feeds/memo.py): a changed feed's entries the database
        # confirms it holds, as the feed wrote them, are not parsed again.
        self.delta = True  # False: parse every entry of a changed feed (the tests' reference path)
        self._memo = ParseMemo()
        # CPU seconds spent parsing and extracting, summed over polls: the worker thread's (thread CPU,
        # not wall) and the extraction workers'. The benchmark compares them with the stages run alone.
        self.stage_cpu: dict[str, float] = {"parse": 0.0, "extract": 0.0}
        # Extraction in worker processes beside the parse and the store (bot/extraction_process.py),
        # where the machine has a core for it; False for a one-shot run, which would wait for its start.
        self.extract_apart = settings.polling.extraction_process and extraction_process.worth_it()
        self._starting: asyncio.Task[None] | None = None  # start_extraction()'s, kept while it runs
        self._limits: dict[bool, FetchLimits] = {}
        self._health_due: tuple[float, str] = (-2.0, "")  # (when computed, a last_fetch_at older is due)

    def start_extraction(self) -> None:
        """Start the extraction workers beside the rest of start-up (a poller's), so that the first
        poll with news does not wait the two seconds of their start; nothing when extraction stays here."""
        if self.extract_apart and self._starting is None:
            self._starting = asyncio.create_task(extraction_process.start())

    async def poll(self, feed_id: int, *, force: bool = False, row: FeedState | None = None) -> PollOutcome:
        """One feed, start to finish (the scheduler's path)."""
        prepared = await self.prepare(feed_id, force=force, row=row)
        if isinstance(prepared, PollOutcome):
            return prepared
        [outcome] = await self.commit([prepared])
        return outcome

    async def prepare(self, feed_id: int, *, force: bool = False,
                      row: FeedState | None = None) -> Prepared | PollOutcome:
        """Fetch, parse and extract: everything before storage. A PollOutcome when there is nothing to store.

        `row`: the feed's row when the caller has just read it (saves a query per poll).
        """
        feed = row if row is not None else await feed_store.by_id(self.db, feed_id)
        if feed is None:
            return PollOutcome(url="?", status="failed", error="feed was removed")
        url = feed.url
        if feed.paused and not force:
            return PollOutcome(url=url, status="paused", error=feed.paused_reason)
        trusted = feed.origin == "config"
        result = await fetch_feed(
            self.sessions.get(trusted), url, etag=feed.etag, last_modified=feed.last_modified,
            limits=self._limits_for(trusted),
        )
        if result.error:
            return await self._failed(feed, result.error, result.retry_after)
        if result.not_modified:
            await self._unchanged(feed)
            return PollOutcome(url=url, status="not_modified")
        assert result.body is not None
        digest = body_hash(result.body)
        if digest == feed.body_hash:
            # Same bytes as last time: no parse, no extraction; only the validators may refresh.
            await self._unchanged(feed, etag=result.etag, last_modified=result.last_modified)
            return PollOutcome(url=url, status="unchanged")

        # Items are credited to the operator's name for the feed or to its site (bot/outlets.py): not to
        # a title the feed can change each poll, nor a name typed in Discord, to pose as a better source.
        outlet = outlet_of(url, feed.name, feed.origin)
        now = datetime.now(UTC)
        known_entries = self._memo.known(feed_id) if self.delta else None
        delta = await parse_feed_delta_async(result.body, url, known=known_entries, content_type=result.content_type,
                                             outlet=outlet, now=now, spent=self.stage_cpu)
        if not delta.parsed.is_feed:
            self._memo.forget(feed_id)
            return await self._failed(feed, f"not a feed: {delta.parsed.problem}", None)
        # Every key the parse saw, built or left out as known: the database has the last word on both.
        known = await known_items(self.db, feed_id, list(delta.seen))
        if delta.unchanged and (doubtful := self._memo.unconfirmed(feed_id, delta, known)):
            # Left out, but not in the database as remembered (a store that failed, an item pruned): parse
            # those too. The same body and moment give the same keys, so `known` covers them already.
            confirmed = set(delta.seen) - doubtful - {item.key for item in delta.parsed.items}
            delta = await parse_feed_delta_async(result.body, url, known=self._memo.known(feed_id, confirmed),
                                                 content_type=result.content_type, outlet=outlet, now=now,
                                                 spent=self.stage_cpu)
            if not delta.parsed.is_feed:  # the same bytes read differently: never store half a feed
                return await self._failed(feed, f"not a feed: {delta.parsed.problem}", None)
        parsed = delta.parsed
        if outlet is None:  # an operator's feed listed without a name: its first title names it for good
            outlet = first_name(url, parsed.title)
            await feed_store.name_once(self.db, feed_id, outlet)
            parsed.items[:] = [replace(item, outlet=outlet) for item in parsed.items]
        if parsed.problem:
            log.warning("feed %s parsed with problems (%s); %d items used", url, parsed.problem,
                        len(parsed.items) + delta.unchanged)
        # Items older than the retention are not stored: pruning would otherwise see them return as new.
        oldest = datetime.now(UTC) - timedelta(days=self.settings.storage.retention_days)
        if self.delta:
            self._memo.remember(feed_id, delta, unstored={
                item.key for item in parsed.items if item.published is not None and item.published < oldest})
        fresh = [item for item in parsed.items
                 if known.get(item.key) != item.content_hash and (item.published is None or item.published >= oldest)]
        batch = await self._extract(fresh) if fresh else []
        first_fetch = not feed.first_fetch_done
        emit = not first_fetch or self.alert_on_first_poll
        if first_fetch and not emit:
            log.info("first fetch of %s: %d items recorded without alerts", url, len(fresh))
        used = len(parsed.items) + delta.unchanged
        warning = f"parsed with problems ({parsed.problem}); {used} items used" if parsed.problem else None
        return Prepared(url, batch_of(
            feed_id, batch, FetchState(result.etag, result.last_modified, digest), emit_alerts=emit,
            edited={item.key for item in fresh if item.key in known}, warning=warning,
            outlet_tier=tier_of_feed(url, feed.origin),
        ), unparsed=delta.unchanged)

    async def _extract(self, items: list[FeedItem]) -> list[tuple[FeedItem, list[Claim]]]:
        """Each item with its claims: in the extraction workers, else (off, or one died) in the worker thread.

        The screen (bot/claims/screen.py) turns about two items in three away for a quarter to a third
        of extraction's cost, and runs on whichever side has time for it: here in the worker thread,
        so that the workers get only the items it lets through, unless parses are waiting for that
        thread; then this process is the busier side and a worker screens the batch itself.
        Measured in the ingest benchmark (eight runs of each in turn): a median of 1.57x feedparser's
        time against 1.63x with the screen always here, and 2.0-2.5x its CPU against 2.3-2.7x (the
        screen costs less in the process than beside this one's other threads); with the screen
        always in the one worker there was then, it was the slower side (README, performance). With
        two workers, screening every batch there measured no better (README, performance)."""
        if self.extract_apart:
            screen_here, worth = not jobs_waiting(), items
            if screen_here:
                passed = await one_at_a_time(functools.partial(screen_batch, items, self.db.make_way),
                                             spent=self.stage_cpu, stage="extract", urgent=True)
                worth = [item for item, through in zip(items, passed, strict=True) if through]
            texts = [(item.title, item.summary, {**extract_args(item), "screened_already": screen_here}) for item in worth]
            extracted = await extraction_process.extract(worth, texts, spent=self.stage_cpu) if worth else []
            if extracted is not None:
                claims = {id(item): found for item, found in extracted}
                return [(item, claims.get(id(item), [])) for item in items]
        return await one_at_a_time(functools.partial(extract_batch, items, self.db.make_way), spent=self.stage_cpu,
                                   stage="extract", urgent=True)

    async def commit(self, prepared: list[Prepared]) -> list[PollOutcome]:
        """Store prepared feeds in one transaction; stories see their items oldest first across feeds."""
        reports = await ingest_many(self.db, [p.batch for p in prepared],
                                    window_days=self.settings.alerts.story_window_days)
        outcomes = []
        for item, report in zip(prepared, reports, strict=True):
            log.info("polled %s: %d new, %d edited, %d claims, %d alert events", item.url, report.new_items,
                     report.edited_items, report.claims, len(report.events))
            outcomes.append(PollOutcome(
                url=item.url, status="changed", new_items=report.new_items, edited_items=report.edited_items,
                claims=report.claims, events=report.events if item.batch.emit_alerts else [], parsed=True,
                unparsed=item.unparsed))
        return outcomes

    async def _unchanged(self, feed: FeedState, *, etag: str | None = None,
                         last_modified: str | None = None) -> None:
        """Record a healthy re-poll. A feed already healthy, with the same validators, is written at
        most hourly: the write is most of a 304's cost, and health is shown by the day."""
        healthy = (feed.first_fetch_done and not feed.consecutive_failures and not feed.last_error
                   and not feed.next_fetch_at)
        same = (etag or feed.etag) == feed.etag and (last_modified or feed.last_modified) == feed.last_modified
        if healthy and same and (feed.last_fetch_at or "") >= self._health_written_since():
            return
        await feed_store.record_unchanged(self.db, feed.id, etag=etag, last_modified=last_modified)

    def _health_written_since(self) -> str:
        """The timestamp before which a healthy feed's row is due a write; recomputed once a second
        (formatting a timestamp is a tenth of a 304's own cost)."""
        computed, since = self._health_due
        clock = time.monotonic()
        if clock - computed >= 1.0:
            since = stamp(datetime.now(UTC) - HEALTH_WRITE_EVERY)
            self._health_due = (clock, since)
        return since

    def _limits_for(self, trusted: bool) -> FetchLimits:
        limits = self._limits.get(trusted)
        if limits is None:
            limits = self._limits[trusted] = limits_from(self.settings, trusted=trusted)
        return limits

    async def _failed(self, feed: FeedState, error: str, retry_after: float | None) -> PollOutcome:
        interval = feed.interval_seconds or self.settings.polling.interval_seconds
        failures = feed.consecutive_failures + 1
        delay = backoff_seconds(self.settings, interval, failures, retry_after)
        _, paused = await feed_store.record_failure(
            self.db, feed.id, error, backoff_seconds=delay,
            pause_after=self.settings.polling.pause_after_failures,
        )
        after = f"next try in {delay:.0f}s" if self.retries else "tried again at the next run"
        log.warning("feed %s failed (%s); attempt %d, %s%s", feed.url, error, failures, after,
                    "; feed paused" if paused else "")
        return PollOutcome(url=feed.url, status="failed", error=error)
