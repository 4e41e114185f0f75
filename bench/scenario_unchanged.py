"""2. Unchanged feeds: the CPU of a re-poll answered by 304, or by the same body, against a changed one.

FEEDS feeds that send an ETag and FEEDS that send no validators at all, ITEMS items each. After a
first poll, each round: the farm adds one item to every feed and we poll (changed: one new item), then
poll again (304, or the same bytes), then the farm replaces every item and we poll (changed: all new).
Each poll is Pipeline.poll, as the scheduler runs it per feed in Discord mode.
CPU is time.process_time of this whole process (every thread: the parse worker, aiosqlite's) per feed;
the farm runs in its own process, so its CPU is not counted. Goal: an unchanged re-poll costs at most
2 % of a changed one; the table compares against both kinds of change.
"""

from __future__ import annotations

import asyncio
from typing import Any

from bench._common import (
    Context,
    Row,
    Timer,
    add_feeds,
    fmt_ms,
    fmt_pct,
    fmt_ratio,
    median,
    poll_feeds,
    settings_for,
)

NAME = "unchanged"
FEEDS = 40
ITEMS = 20
BASE = 300_000
GOAL = 0.02


async def _poll(app: object, ids: list[int], expect: str, feeds: int) -> float:
    with Timer() as t:
        outcomes = await poll_feeds(app, ids)
    statuses = {o.status for o in outcomes}
    if statuses != {expect} or len(outcomes) != feeds:
        raise RuntimeError(f"expected {feeds} polls {expect!r}, got {sorted(statuses)} x{len(outcomes)}")
    if expect != "changed" and any(o.parsed for o in outcomes):
        raise RuntimeError(f"a {expect} poll parsed the feed")
    return t.cpu / feeds


async def _fetch_only(app: Any, ids: list[int]) -> float:
    """CPU of the conditional GETs alone, through the bot's fetch_feed and session."""
    from bot.feeds.fetch import fetch_feed
    from bot.pipeline import limits_from
    from storage import feeds as feed_store

    rows = [await feed_store.by_id(app.db, feed_id) for feed_id in ids]
    limits = limits_from(app.settings, trusted=True)
    gate = asyncio.Semaphore(app.settings.polling.concurrency)

    async def one(row: Any) -> Any:
        async with gate:
            return await fetch_feed(app.sessions[True], row.url, etag=row.etag,
                                    last_modified=row.last_modified, limits=limits)

    with Timer() as t:
        results = await asyncio.gather(*(one(row) for row in rows))
    if not all(result.not_modified for result in results):
        raise RuntimeError("fetch_feed alone did not get 304s")
    return t.cpu / len(ids)


async def _profile(app: Any, ids: list[int]) -> str:
    import cProfile
    import io
    import pstats

    out = io.StringIO()
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(5):
        await poll_feeds(app, ids)
    profiler.disable()
    out.write(f"=== unchanged: cProfile of {5 * len(ids)} polls answered 304 (event-loop thread) ===\n")
    pstats.Stats(profiler, stream=out).strip_dirs().sort_stats("tottime").print_stats(25)
    return out.getvalue()


async def run(ctx: Context) -> list[Row]:
    from bot.app import open_app

    app = await open_app(settings_for(ctx.work_db))
    cpu: dict[str, list[float]] = {}
    try:
        for mode, same in (("e", "not_modified"), ("n", "unchanged")):
            numbers = list(range(BASE + (0 if mode == "e" else FEEDS), BASE + (FEEDS if mode == "e" else 2 * FEEDS)))
            ids = await add_feeds(app.db, [ctx.farm.url(mode, ITEMS, n) for n in numbers])
            await _poll(app, ids, "changed", FEEDS)  # the first fetch: recorded, not alerted
            for round_no in range(ctx.runs + 1):
                await ctx.farm.control(advance=numbers)
                one_new = await _poll(app, ids, "changed", FEEDS)
                unchanged = await _poll(app, ids, same, FEEDS)
                if mode == "e":
                    cpu.setdefault("fetch_only", []).append(await _fetch_only(app, ids))
                    if ctx.profile and round_no == ctx.runs:
                        ctx.extras.append(await _profile(app, ids))
                for _ in range(ITEMS):
                    await ctx.farm.control(advance=numbers)
                all_new = await _poll(app, ids, "changed", FEEDS)
                if round_no:  # round 0 warms up
                    cpu.setdefault(f"{same}", []).append(unchanged)
                    cpu.setdefault(f"{same}/1", []).append(unchanged / one_new)
                    cpu.setdefault(f"{same}/all", []).append(unchanged / all_new)
                    cpu.setdefault(f"{mode} one_new", []).append(one_new)
                    cpu.setdefault(f"{mode} all_new", []).append(all_new)
    finally:
        await app.close()

    one_new = median(cpu["e one_new"] + cpu["n one_new"])
    all_new = median(cpu["e all_new"] + cpu["n all_new"])
    rows = []
    for same, label in (("not_modified", "304"), ("unchanged", "same body")):
        for kind, changed, text in (("1", one_new, f"1 new of {ITEMS}"), ("all", all_new, f"all {ITEMS} new")):
            ratio = median(cpu[f"{same}/{kind}"])
            rows.append(Row(
                f"{NAME} · {label} vs changed ({text})",
                f"{fmt_ms(median(cpu[same]))} CPU/feed", f"{fmt_ms(changed)} CPU/feed", ratio, fmt_pct(ratio),
                f"≤ {GOAL * 100:.0f} %", ratio <= GOAL,
            ))
    fetch_only = median(cpu["fetch_only"])
    floor = median(cpu["not_modified"]) / fetch_only
    rows.append(Row(f"{NAME} · 304: Pipeline.poll vs fetch_feed alone", f"{fmt_ms(median(cpu['not_modified']))} CPU/feed",
                    f"{fmt_ms(fetch_only)} CPU/feed", floor, fmt_ratio(floor), "—", None,
                    "the conditional GET alone (bot.feeds.fetch.fetch_feed answered 304) is the floor of a re-poll; "
                    "the rest is the poll's own bookkeeping (feed row read, health update transaction)"))
    rows[0].note = ("time.process_time of the bot's process per feed polled (fetch, bookkeeping, and for a "
                    "changed feed parse, extract, store); the farm's CPU is in another process")
    return rows
