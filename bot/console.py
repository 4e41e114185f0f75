"""Console mode: poll the configured feeds, print each alert as it would read in Discord, then the
timeline of every name in `[console] follow`; with --watch, keep polling on the schedule."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from typing import TextIO

from bot import service
from bot.alerts.deliver import ConsoleSink, Dispatcher, Sink
from bot.alerts.render import count, timeline_text
from bot.app import App, open_app, poll_all
from bot.config import Settings
from bot.pipeline import PollOutcome
from storage import feeds as feed_store

log = logging.getLogger(__name__)
# The console is one server with one channel: what it follows, it is alerted about.
CONSOLE_GUILD = 0
CONSOLE_CHANNEL = 0


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
        app.pipeline.retries = watch
        # Every feed this run polls: the config's and any added from the CLI or Discord.
        polled = len(await feed_store.list_active(app.db))
        print(f"claimwatch console mode: {count(polled, 'feed')}, following "
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
        print(f"Read {count(new_items, 'new item')}, found {count(claims, 'claim')}, "
              f"sent {count(sent, 'alert')}.\n", file=out)
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
    async def polled(outcome: PollOutcome) -> None:
        if outcome.status == "failed":
            print(f"⚠ feed {outcome.url}: {outcome.error}", file=out, flush=True)
        if outcome.events:
            await dispatcher.run_once()

    poller = app.poller(polled, dispatcher.run_once)
    await poller.start()
    watched = len(await feed_store.list_active(app.db))
    print(f"Watching {count(watched, 'feed')} every {app.settings.polling.interval_seconds}s; "
          "Ctrl+C to stop.", file=out, flush=True)
    try:
        await asyncio.Event().wait()
    finally:
        poller.shutdown()
