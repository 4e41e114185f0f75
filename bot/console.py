"""Console mode: poll the configured feeds, print each alert as it would read in Discord, then the
timeline of every name in `[console] follow`; with --watch, keep polling on the schedule."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections import Counter
from collections.abc import Sequence
from typing import TextIO

from bot import service
from bot.alerts.deliver import ConsoleSink, Dispatcher, Sink
from bot.alerts.render import timeline_text
from bot.app import App, open_app, poll_all
from bot.config import Settings
from bot.literal import count
from bot.pipeline import PollOutcome
from bot.routing import filtered_by
from bot.scheduler import DIGEST_HOUR_UTC
from storage import feeds as feed_store
from storage import follows
from storage import settings as guild_store
from storage.stories import alert_view

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
        dispatcher = Dispatcher(app.db, sink or ConsoleSink(out), owner=app.owner)
        app.pipeline.retries = watch
        # A one-shot run over a few feeds would wait longer for a worker's start than it saves.
        app.pipeline.extract_apart = app.pipeline.extract_apart and watch
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
        held = await held_back(app, [event for outcome in outcomes for event in outcome.events])
        if held:
            print(held + "\n", file=out)
        # The digest goes out daily in Discord; a one-shot run has no tomorrow, so it shows it now.
        digests = 0 if watch else await dispatcher.run_digests()
        if sent == 0 and not held and not digests:
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


async def held_back(app: App, events: Sequence[int]) -> str | None:
    """This run's developments about the names followed here that the console's alert settings
    (`alerts settings --guild 0`) kept from alerting, and why, in one line; None when none were."""
    settings = await guild_store.get(app.db, CONSOLE_GUILD)
    followed = {row.person.id for row in await follows.for_channel(app.db, CONSOLE_GUILD, CONSOLE_CHANNEL)
                if not row.follow.paused}
    reasons: Counter[str] = Counter()
    for event_id in events:
        view = await alert_view(app.db, event_id)
        if view is None or view.story.entity_id not in followed:
            continue
        reasons[filtered_by(settings.kinds, settings.min_tier, view.trigger.kind, view.trigger.tier)
                or ("digest" if settings.digest else "sent")] += 1
    parts = []
    if reasons["tier"]:
        parts.append(f"{count(reasons['tier'], 'development')} below the minimum source tier "
                     f"({settings.min_tier} or better wanted)")
    if reasons["kind"]:
        parts.append(f"{count(reasons['kind'], 'development')} of a kind not chosen "
                     f"(alerts only on {', '.join(settings.kinds or ())})")
    if reasons["digest"]:
        parts.append(f"{count(reasons['digest'], 'development')} held for the daily digest (posted at "
                     f"{DIGEST_HOUR_UTC:02d}:00 UTC; a run without --watch prints it at its end)")
    if not parts:
        return None
    return (f"Held back by the alert settings: {'; '.join(parts)}. "
            "See or change them with `alerts settings --guild 0`.")


async def _watch(app: App, dispatcher: Dispatcher, out: TextIO) -> None:
    """Keep polling on the schedule until interrupted; alerts print as they arrive."""
    async def polled(outcome: PollOutcome) -> None:
        if outcome.status == "failed":
            print(f"⚠ feed {outcome.url}: {outcome.error}", file=out, flush=True)
        if outcome.events:
            await dispatcher.run_once()

    # SIGTERM (a service manager stopping it) ends the watch as Ctrl+C does: the poller lets go of
    # its feed leases and outbox claims at once, and the run's summary prints.
    stopped = asyncio.Event()
    loop = asyncio.get_running_loop()
    with contextlib.suppress(NotImplementedError, RuntimeError):  # no signals here (Windows, a thread)
        loop.add_signal_handler(signal.SIGTERM, stopped.set)
    poller = app.poller(polled, dispatcher.run_once, dispatcher.run_digests)
    app.pipeline.start_extraction()
    await poller.start()
    watched = len(await feed_store.list_active(app.db))
    print(f"Watching {count(watched, 'feed')} every {app.settings.polling.interval_seconds}s; "
          "Ctrl+C to stop.", file=out, flush=True)
    try:
        await stopped.wait()
    finally:
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.remove_signal_handler(signal.SIGTERM)
        await poller.stop()
