"""4. Alert latency: from the fetch of a feed with a new item returning to the alert delivered.

One feed of ITEMS items on the farm, every item a completed move about one of 20 people (ten of the
most talked-about people in the big database, ten of the long tail), each followed in two more
channels. Each trial the farm adds one item; we poll the feed with the real Pipeline and, as the
Discord client does when a poll produced events, run the outbox Dispatcher once into a recording
sink (it renders the Discord embed, then notes the time). Latency is sink time minus the moment
fetch_feed returned (bot.pipeline.fetch_feed wrapped to note it): parse, extract, store, event,
outbox, alert view, render. Discord's own round trip is not in it.

Measured twice: idle, and while poll cycles over the big database's feeds run (100 ms per feed,
one in ten with news), as they would in the bot. Each in PASSES passes; the figure is the median of
the passes' p99s. The note splits the latency at the moment Pipeline.poll returned.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from bench._common import (
    Context,
    Row,
    add_feeds,
    fmt_ms,
    goal_row,
    median,
    only_feeds,
    settings_for,
)
from bench._common import percentile as pct
from bench.synthetic import ALERT_PEOPLE, alert_person, person_name

NAME = "alert"
ITEMS = 20
FEED = 400_000
GOAL = 0.200
PASSES = 3  # the figure is the median of the p99s of the passes


@dataclass(slots=True)
class Trials:
    latencies: list[float] = field(default_factory=list)
    passes: list[list[float]] = field(default_factory=list)  # the latencies again, pass by pass
    polled: list[float] = field(default_factory=list)  # fetch returned -> Pipeline.poll returned
    quiet: list[str] = field(default_factory=list)  # polls that emitted no event, and why
    late: int = 0  # alerts delivered by a later poll's dispatcher pass, not their own
    events: list[int] = field(default_factory=list)
    queued: int = 0  # outbox rows for those events: the alerts that should have been delivered


class RecordingSink:
    """A bot.alerts.deliver.Sink that renders like the Discord sink and notes when each alert lands."""

    def __init__(self) -> None:
        self.delivered: list[tuple[float, int]] = []  # (perf_counter, event id)

    async def send(self, guild_id: int, channel_id: int, view: Any, nonce: str) -> Any:
        from bot.alerts.deliver import SendResult
        from bot.alerts.render import alert_embed

        alert_embed(view)
        self.delivered.append((time.perf_counter(), view.event_id))
        return SendResult(message_id=f"bench-{nonce}")

    async def channel_lost(self, guild_id: int, channel_id: int, reason: str) -> None:
        return None

    async def send_digest(self, guild_id: int, channel_id: int, views: list[Any], nonce: str) -> Any:
        from bot.alerts.deliver import SendResult

        return SendResult(message_id=f"bench-{nonce}")


async def run(ctx: Context) -> list[Row]:
    import bot.pipeline as pipeline_module
    from bot import service
    from bot.alerts.deliver import Dispatcher
    from bot.app import open_app, poll_all

    trials = 80 if ctx.quick else 200
    app = await open_app(settings_for(ctx.work_db))
    sink = RecordingSink()
    dispatcher = Dispatcher(app.db, sink)
    fetched: dict[str, float] = {}
    original = pipeline_module.fetch_feed

    async def timed_fetch(*args: Any, **kwargs: Any) -> Any:
        result = await original(*args, **kwargs)
        fetched[result.url] = time.perf_counter()
        return result

    url = ctx.farm.url("a", ITEMS, FEED)

    async def measure(feed_id: int, spacing: float) -> Trials:
        """Every delivery of an event our polls emitted counts, in whichever dispatcher pass it lands."""
        trial = Trials()
        emitted: dict[int, float] = {}
        for number in range(trials):
            if number % -(-trials // PASSES) == 0:
                trial.passes.append([])
            await ctx.farm.control(advance=[FEED])
            sink.delivered.clear()
            outcome = await app.pipeline.poll(feed_id, force=True)
            trial.polled.append(time.perf_counter() - fetched[url])
            for event in outcome.events:
                emitted[event] = fetched[url]
                trial.events.append(event)
            if outcome.events:
                await dispatcher.run_once()  # what the Discord client's on-polled hook does
            else:
                trial.quiet.append(f"{outcome.status} {outcome.error or ''}".strip())
            for at, event in sink.delivered:
                if event in emitted:
                    trial.latencies.append(at - emitted[event])
                    trial.passes[-1].append(at - emitted[event])
                    trial.late += event not in outcome.events
            await asyncio.sleep(spacing)
        return trial

    cycle_feeds = min(ctx.cycle_feeds, ctx.world.feeds)
    try:
        (feed_id,) = await add_feeds(app.db, [url])
        await only_feeds(app.db, "id = ?", (feed_id,))
        for p in range(ALERT_PEOPLE):
            name = person_name(alert_person(p, ctx.world.people))
            for channel in (1, 2):
                result = await service.follow(app.db, 9000 + p % 3, 90_000 + p * 10 + channel, name, by="bench")
                if result.person is None:
                    raise RuntimeError(f"could not follow {name}: {result.message}")
        await app.pipeline.poll(feed_id)  # the first fetch records without alerting
        async with app.db.transaction() as conn:  # earlier scenarios' alerts are not ours to time
            await conn.execute("UPDATE outbox SET state = 'sent' WHERE state IN ('pending', 'sending')")
        pipeline_module.fetch_feed = timed_fetch
        idle = await measure(feed_id, 0.0)

        # The same while a poll cycle runs: the world's feeds, 100 ms each, one in ten with news.
        await only_feeds(app.db, "id <= ?", (cycle_feeds,))
        await ctx.farm.control(latency=0.100)
        stop = asyncio.Event()

        async def cycles() -> int:
            done = 0
            while not stop.is_set():  # whole cycles only: the last one ends on its own
                await ctx.farm.control(advance_range=[done % 10 + 5, cycle_feeds, 10])
                await poll_all(app)
                done += 1
            return done

        background = asyncio.create_task(cycles())
        await asyncio.sleep(0.5)  # let the cycle get going
        sink.delivered.clear()
        loaded = await measure(feed_id, 0.03)
        stop.set()
        cycles_run = await background
        for trial in (idle, loaded):
            marks = ",".join(map(str, trial.events)) or "0"
            row = await app.db.fetchone(f"SELECT count(*) AS n FROM outbox WHERE event_id IN ({marks})")
            trial.queued = int(row["n"])
    finally:
        pipeline_module.fetch_feed = original
        await ctx.farm.control(latency=0)
        await app.close()
    rows = []
    for label, trial, extra in (
        ("idle", idle, ""),
        (f"during {cycle_feeds:,}-feed cycles", loaded,
         f"; {cycles_run} poll cycle(s) ran meanwhile (100 ms per feed, 1 in 10 with news)"),
    ):
        got = trial.latencies
        if not got:
            raise RuntimeError(f"{label}: no alert delivered; polls: {Counter(trial.quiet).most_common(3)}")
        p50, p99 = pct(got, 50), median(pct(one, 99) for one in trial.passes if one)
        missing = (f"; {trial.queued - len(got)} of {trial.queued} queued alerts not delivered"
                   if len(got) < trial.queued else "")
        quiet = f"; {len(trial.quiet)} polls emitted nothing ({Counter(trial.quiet).most_common(2)})" if trial.quiet else ""
        note = (f"{len(got)} alerts over {trials} polls in {len(trial.passes)} passes (median of their p99s)"
                f"{quiet}{missing}{f'; {trial.late} delivered only by a later pass' if trial.late else ''}; "
                f"p50 {fmt_ms(p50)}, max {fmt_ms(max(got))}; of which fetch→poll returned p50 "
                f"{fmt_ms(pct(trial.polled, 50))}, p99 {fmt_ms(pct(trial.polled, 99))}{extra}")
        rows.append(goal_row(f"{NAME} · p99 fetch→delivered, {label}", p99, GOAL, fmt_ms, note=note))
    return rows
