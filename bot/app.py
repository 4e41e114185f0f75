"""Wires storage, fetch sessions, the pipeline and the dispatcher; runs console mode."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TextIO

import aiohttp

from bot import service
from bot.alerts.deliver import ConsoleSink, Dispatcher, Sink
from bot.alerts.render import timeline_text
from bot.config import Settings
from bot.feeds.fetch import FetchLimits, make_session
from bot.pipeline import Pipeline, PollOutcome, Prepared, limits_from
from storage import feeds as feed_store
from storage.db import Database
from storage.records import FeedState

log = logging.getLogger(__name__)
CONSOLE_GUILD = 0
CONSOLE_CHANNEL = 0


@dataclass(slots=True)
class App:
    settings: Settings
    db: Database
    sessions: dict[bool, aiohttp.ClientSession]
    pipeline: Pipeline

    async def close(self) -> None:
        for session in self.sessions.values():
            await session.close()
        await self.db.close()


def _session(settings: Settings, limits: FetchLimits) -> aiohttp.ClientSession:
    return make_session(limits, per_host=settings.polling.per_host_concurrency,
                        total=max(settings.polling.concurrency, 1) * 2)


async def open_app(settings: Settings, *, console: bool = False) -> App:
    db = await Database.open(settings.database_path, create=settings.storage.create)
    sessions: dict[bool, aiohttp.ClientSession] = {}
    try:
        sessions[True] = _session(settings, limits_from(settings, trusted=True))
        sessions[False] = _session(settings, limits_from(settings, trusted=False))
        first_poll = settings.console.alert_on_first_poll if console else settings.polling.alert_on_first_poll
        app = App(settings, db, sessions, Pipeline(db, settings, sessions, alert_on_first_poll=first_poll))
        await sync_config_feeds(app)
    except BaseException:
        # A start-up that fails closes what it opened: the database's thread would keep the process alive.
        for session in sessions.values():
            await session.close()
        await db.close()
        raise
    return app


async def sync_config_feeds(app: App) -> None:
    """Every [[feeds]] entry exists in the database; feeds added from Discord are left alone."""
    for feed in app.settings.feeds:
        await feed_store.upsert(app.db, feed.url, feed.name, feed.interval_seconds, origin="config")


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


async def follow_console_names(app: App, names: Sequence[str]) -> None:
    for name in names:
        result = await service.follow(app.db, CONSOLE_GUILD, CONSOLE_CHANNEL, name, by="console")
        if result.person is None:
            log.warning("console follow %r is ambiguous: %s", name, result.message)


async def run_console(settings: Settings, *, watch: bool, out: TextIO, sink: Sink | None = None) -> int:
    app = await open_app(settings, console=True)
    try:
        await follow_console_names(app, settings.console.follow)
        dispatcher = Dispatcher(app.db, sink or ConsoleSink(out))
        print(f"claimwatch console mode: {len(settings.feeds)} feeds, following "
              f"{', '.join(settings.console.follow) or 'nobody'}\n", file=out, flush=True)
        outcomes = await poll_all(app, together=True)
        sent = await dispatcher.run_once()
        for outcome in outcomes:
            if outcome.status == "failed":
                print(f"⚠ feed {outcome.url}: {outcome.error}", file=out, flush=True)
        if watch:
            await _watch(app, dispatcher, out)
        new_items = sum(o.new_items for o in outcomes)
        claims = sum(o.claims for o in outcomes)
        if sent == 0:
            print("No new developments for the names followed here since the last run "
                  f"(the database at {settings.storage.path} remembers what was shown).\n", file=out)
        print(f"Read {new_items} new items, found {claims} claims, sent {sent} alerts.\n", file=out)
        for name in settings.console.follow:
            try:
                result = await service.timeline(app.db, name)
                print(timeline_text(result.person.name, result.stories), end="\n\n", file=out)
            except service.UserError as error:
                print(f"Timeline {name}: {error}\n", file=out)
        print("To connect to Discord, put a bot token in config.toml ([discord] token) or in "
              "CLAIMWATCH_DISCORD_TOKEN, then `make run` again. See README.md, 'Connecting Discord'.", file=out)
        return 0
    finally:
        await app.close()


async def _watch(app: App, dispatcher: Dispatcher, out: TextIO) -> None:
    """Keep polling on the schedule until interrupted; alerts print as they arrive."""
    from bot.scheduler import Poller  # the scheduler imports App: import here, not at module level

    async def polled(outcome: PollOutcome) -> None:
        if outcome.status == "failed":
            print(f"⚠ feed {outcome.url}: {outcome.error}", file=out, flush=True)
        if outcome.events:
            await dispatcher.run_once()

    poller = Poller(app, polled, dispatcher.run_once)
    await poller.start()
    print(f"Watching {len(app.settings.feeds)} feeds every {app.settings.polling.interval_seconds}s; "
          "Ctrl+C to stop.", file=out, flush=True)
    try:
        await asyncio.Event().wait()
    finally:
        poller.shutdown()
