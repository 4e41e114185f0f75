"""3. Poll cycle: N feeds, each answering after 100 ms, against the ideal feeds × latency ÷ concurrency.

The feeds are the big database's (each already fetched once: an ETag, its items stored), spread
over 32 loopback hosts as real feeds are spread over outlets, so the per-host limit is not what binds.
Before each cycle the farm adds one item to one feed in CHANGED_EVERY; the rest answer 304. The cycle
is bot.app.poll_all with the default settings (polling.concurrency). Also reported: CPU seconds per
feed (time.process_time of this process; the farm runs in its own).
"""

from __future__ import annotations

from bench._common import Context, Row, Timer, fmt_ms, fmt_ratio, median, only_feeds, settings_for

NAME = "cycle"
LATENCY = 0.100
CHANGED_EVERY = 10
GOAL = 1.3


async def run(ctx: Context) -> list[Row]:
    from bot.app import open_app, poll_all

    feeds = min(ctx.cycle_feeds, ctx.world.feeds)
    app = await open_app(settings_for(ctx.work_db))
    concurrency = app.settings.polling.concurrency
    ideal = feeds * LATENCY / concurrency
    walls, cpus = [], []
    runs = 3
    try:
        await only_feeds(app.db, "id <= ?", (feeds,))  # world feed n has id n + 1
        await ctx.farm.control(latency=LATENCY)
        for run_no in range(runs):
            await ctx.farm.control(advance_range=[run_no % CHANGED_EVERY, feeds, CHANGED_EVERY])
            with Timer() as t:
                outcomes = await poll_all(app)
            statuses = [o.status for o in outcomes]
            changed = statuses.count("changed")
            expected = len(range(run_no % CHANGED_EVERY, feeds, CHANGED_EVERY))
            if len(outcomes) != feeds or changed != expected or statuses.count("not_modified") != feeds - changed:
                failed = [o for o in outcomes if o.status == "failed"][:2]
                raise RuntimeError(f"cycle: {len(outcomes)} polls, {changed} changed (expected {expected}); {failed}")
            walls.append(t.wall)
            cpus.append(t.cpu / feeds)
            ctx.log(f"  cycle {run_no + 1}/{runs}: {t.wall:.2f} s wall, {t.cpu:.2f} s CPU")
    finally:
        await ctx.farm.control(latency=0)
        await app.close()

    ratio = median(walls) / ideal
    return [
        Row(f"{NAME} · {feeds:,} feeds × {LATENCY * 1000:.0f} ms, concurrency {concurrency}",
            f"{median(walls):.2f} s", f"{ideal:.2f} s (ideal)", ratio, fmt_ratio(ratio), f"≤ {GOAL}× ideal",
            ratio <= GOAL,
            f"ideal = feeds × latency ÷ polling.concurrency; 1 feed in {CHANGED_EVERY} has a new item, the rest "
            f"answer 304; median of {runs} cycles"),
        Row(f"{NAME} · CPU per feed", f"{fmt_ms(median(cpus))} CPU", f"{fmt_ms(ideal / feeds)} wall budget",
            median(cpus) / (ideal / feeds), fmt_ratio(median(cpus) / (ideal / feeds)), "—", None,
            "CPU per feed against the wall time each feed may take at the ideal pace: above 1× the "
            "cycle is CPU-bound"),
    ]
