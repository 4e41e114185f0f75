"""Wires storage, fetch sessions and the pipeline into an App, and polls every feed once.

Console mode (bot/console.py) and Discord mode (bot/discord_client.py) each build on an App.
"""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
import socket
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import aiohttp

from bot.config import NOT_IN_CONFIG, Settings
from bot.feeds.fetch import FetchLimits, make_session
from bot.pipeline import Pipeline, PollOutcome, Prepared, limits_from
from bot.scheduler import Poller
from storage import feeds as feed_store
from storage.backends import open_database
from storage.db import Database
from storage.records import FeedState

log = logging.getLogger(__name__)


@dataclass(slots=True)
class App:
    settings: Settings
    db: Database
    sessions: dict[bool, aiohttp.ClientSession]
    pipeline: Pipeline
    name: str = "claimwatch"  # this process, as /feeds list names it (its host and shards)
    # This run of this process, in the leases and claims it holds: unique per start, so a new
    # process never mistakes an old one's leases (alive a moment longer) for its own.
    owner: str = "claimwatch"

    def poller(self, on_polled: Callable[[PollOutcome], Awaitable[None]], deliver: Callable[[], Awaitable[int]],
               deliver_digests: Callable[[], Awaitable[int]] | None = None) -> Poller:
        """The schedule over this app's database and pipeline: each feed polled on its interval."""

        async def poll(feed: FeedState) -> PollOutcome:
            return await self.pipeline.poll(feed.id, row=feed)

        return Poller(self.db, self.settings.polling, self.settings.storage.retention_days, poll, on_polled,
                      deliver, deliver_digests, owner=self.owner, name=self.name)

    async def close(self) -> None:
        for session in self.sessions.values():
            await session.close()
        await self.db.close()


def _session(settings: Settings, limits: FetchLimits) -> aiohttp.ClientSession:
    return make_session(limits, per_host=settings.polling.per_host_concurrency,
                        total=max(settings.polling.concurrency, 1) * 2)


PROCESS_NAME_ENV = "CLAIMWATCH_PROCESS_NAME"


def process_name(settings: Settings, *, console: bool = False) -> str:
    """This process among the deployment's: its host and its shards ("db-1/shards 0-3"), or
    CLAIMWATCH_PROCESS_NAME: how /feeds list names the process that polled a feed, the same
    across its restarts."""
    if os.environ.get(PROCESS_NAME_ENV):
        return os.environ[PROCESS_NAME_ENV].strip()[:100]
    shards = settings.discord.shard_ids
    if console:
        role = "console"
    elif shards is None:
        role = "all shards"
    else:
        role = "shards " + ",".join(str(shard) for shard in shards)
    return f"{socket.gethostname()}/{role}"


async def open_app(settings: Settings, *, console: bool = False) -> App:
    db = await open_database(settings.database, create=settings.storage.create)
    sessions: dict[bool, aiohttp.ClientSession] = {}
    try:
        sessions[True] = _session(settings, limits_from(settings, trusted=True))
        sessions[False] = _session(settings, limits_from(settings, trusted=False))
        first_poll = settings.console.alert_on_first_poll if console else settings.polling.alert_on_first_poll
        name = process_name(settings, console=console)
        app = App(settings, db, sessions, Pipeline(db, settings, sessions, alert_on_first_poll=first_poll),
                  name=name, owner=f"{name}#{secrets.token_hex(4)}")
        await sync_config_feeds(app)
    except BaseException:
        # A start-up that fails closes what it opened: the database's thread would keep the process alive.
        for session in sessions.values():
            await session.close()
        await db.close()
        raise
    return app


async def sync_config_feeds(app: App) -> None:
    """Every [[feeds]] entry exists in the database; feeds added from Discord or the CLI are left alone.

    A config feed's lifecycle is the config's: taken out of it, the feed is paused, not deleted, so
    what it carried stays known; listed again, it resumes under the same id and its old items are
    not news again. (Deleting it would bring it back under a new id whose first fetch, in console
    mode, alerts everything it carries.)"""
    listed = set()
    for feed in app.settings.feeds:
        feed_id = await feed_store.upsert(app.db, feed.url, feed.name, feed.interval_seconds, origin="config")
        listed.add(feed_id)
        row = await feed_store.by_id(app.db, feed_id)
        if row is not None and row.paused and row.paused_reason == NOT_IN_CONFIG:
            await feed_store.set_paused(app.db, feed_id, False)
            log.warning("feed #%d %s is in the config again: it is read again, and what it carried before "
                        "is not alerted again", feed_id, row.name or row.url)
    # Every config feed, paused or not: one paused for failures and then taken out of the config is
    # no longer the config's either.
    for row in await feed_store.list_config(app.db):
        if row.id not in listed and not (row.paused and row.paused_reason == NOT_IN_CONFIG):
            await feed_store.set_paused(app.db, row.id, True, NOT_IN_CONFIG)
            log.warning("feed #%d %s is no longer in the config: it is not read any more; what it carried "
                        "stays known, so listing it again never alerts it twice", row.id, row.name or row.url)


async def poll_all(app: App, *, together: bool = False) -> list[PollOutcome]:
    """Poll every active feed once, at most `concurrency` at a time; one feed's failure is its own.

    By default each feed is stored as soon as it is fetched, so storing overlaps with the other
    fetches (what the scheduler does too). `together=True` stores the whole cycle in one
    transaction after the last fetch, folding the news into stories oldest first across feeds:
    the same news then gives the same alerts whichever feed answered first (console mode's demo).
    A storage failure fails the stores it hit, which the next cycle retries from unchanged fetch state.
    """
    rows = await feed_store.list_active(app.db)
    gate = asyncio.Semaphore(app.settings.polling.concurrency)

    async def prepare(feed: FeedState) -> Prepared | PollOutcome:
        async with gate:
            try:
                if together:
                    return await app.pipeline.prepare(feed.id, row=feed)
                return await app.pipeline.poll(feed.id, row=feed)
            except Exception as error:  # a bug or storage trouble: this feed only
                log.exception("poll of %s failed; it is retried on the next cycle", feed.url)
                return PollOutcome(url=feed.url, status="failed", error=f"storage: {error}")

    results = list(await asyncio.gather(*(prepare(row) for row in rows)))
    ready = [result for result in results if isinstance(result, Prepared)]
    stored: dict[str, PollOutcome] = {}
    if ready:
        try:
            stored = {outcome.url: outcome for outcome in await app.pipeline.commit(ready)}
        except Exception as error:  # disk full, locked: nothing committed, fetch state unchanged
            log.exception("storing this cycle's %d feeds failed; they are retried on the next cycle", len(ready))
            stored = {p.url: PollOutcome(url=p.url, status="failed", error=f"storage: {error}") for p in ready}
    return [stored[result.url] if isinstance(result, Prepared) else result for result in results]
