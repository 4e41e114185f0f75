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
BARE_GOAL = 1.3
REPEAT = 5  # unchanged polls (and bare requests) per round: a 304 is a fraction of a millisecond


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

    rows = await _rows(app, ids)
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


async def _rows(app: Any, ids: list[int]) -> list[Any]:
    from storage import feeds as feed_store

    return [await feed_store.by_id(app.db, feed_id) for feed_id in ids]


async def _bare(session: Any, requests: list[tuple[str, dict[str, str]]], concurrency: int,
                expect: int) -> float:
    """CPU per request of the bare floor: aiohttp alone, one session for the run, the same farm, the
    same concurrency; a conditional GET (If-None-Match) answered 304, or a GET whose body is read whole."""
    gate = asyncio.Semaphore(concurrency)

    async def one(url: str, headers: dict[str, str]) -> int:
        async with gate, session.get(url, headers=headers) as response:
            await response.read()
            return int(response.status)

    with Timer() as t:
        statuses = await asyncio.gather(*(one(url, headers) for url, headers in requests))
    if set(statuses) != {expect}:
        raise RuntimeError(f"bare aiohttp expected {expect}, got {sorted(set(statuses))}")
    return t.cpu / len(requests)


async def _polls_given_rows(app: Any, rows: list[Any], expect: str) -> float:
    """CPU per feed of Pipeline.poll given the feed's row, as the scheduler and poll_all call it."""
    gate = asyncio.Semaphore(app.settings.polling.concurrency)

    async def one(row: Any) -> Any:
        async with gate:
            return await app.pipeline.poll(row.id, row=row)

    with Timer() as t:
        outcomes = await asyncio.gather(*(one(row) for row in rows))
    if {o.status for o in outcomes} != {expect} or any(o.parsed for o in outcomes):
        raise RuntimeError(f"expected {len(rows)} polls {expect!r}, got {sorted({o.status for o in outcomes})}")
    return t.cpu / len(rows)


async def _row_reads(app: Any, ids: list[int]) -> float:
    """CPU per feed of reading its row (storage.feeds.by_id), as the scheduler does before each poll."""
    from storage import feeds as feed_store

    gate = asyncio.Semaphore(app.settings.polling.concurrency)

    async def one(feed_id: int) -> Any:
        async with gate:
            return await feed_store.by_id(app.db, feed_id)

    with Timer() as t:
        await asyncio.gather(*(one(feed_id) for feed_id in ids))
    return t.cpu / len(ids)


async def _against_bare(app: Any, ids: list[int], same: str, cpu: dict[str, list[float]]) -> None:
    """Our unchanged poll and the bare request it stands on, interleaved REPEAT times, same feeds."""
    import aiohttp

    rows = await _rows(app, ids)
    if same == "not_modified":
        requests = [(row.url, {"If-None-Match": row.etag}) for row in rows]
        expect = 304
    else:
        requests = [(row.url, {}) for row in rows]
        expect = 200
    concurrency = app.settings.polling.concurrency
    async with aiohttp.ClientSession() as session:
        await _bare(session, requests, concurrency, expect)  # opens its connections, as ours are open
        ours = bare = reads = 0.0
        for _ in range(REPEAT):
            ours += await _polls_given_rows(app, rows, same)
            bare += await _bare(session, requests, concurrency, expect)
            reads += await _row_reads(app, ids)
    cpu.setdefault(f"{same} ours", []).append(ours / REPEAT)
    cpu.setdefault(f"{same} bare", []).append(bare / REPEAT)
    cpu.setdefault(f"{same}/bare", []).append(ours / bare)
    cpu.setdefault("row read/bare", []).append(reads / bare)
    cpu.setdefault("row read", []).append(reads / REPEAT)


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
                if round_no:
                    await _against_bare(app, ids, same, cpu)
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
    for same, label, bare in (("not_modified", "304", "a bare aiohttp conditional GET (304)"),
                              ("unchanged", "same body again", "a bare aiohttp GET of that body")):
        ratio = median(cpu[f"{same}/bare"])
        rows.append(Row(f"{NAME} · {label}: Pipeline.poll vs {bare}", f"{fmt_ms(median(cpu[f'{same} ours']))} CPU/feed",
                        f"{fmt_ms(median(cpu[f'{same} bare']))} CPU/req", ratio, fmt_ratio(ratio),
                        f"≤ {BARE_GOAL:.1f}×", ratio <= BARE_GOAL))
    rows[-2].note = (f"same farm, same run, same {FEEDS} feeds and concurrency; median over rounds of "
                     f"{REPEAT} polls of each feed against {REPEAT} bare requests, interleaved; bare is one "
                     "aiohttp.ClientSession with its defaults, kept open like ours; Pipeline.poll is given "
                     "the feed's row, as the scheduler and poll_all call it (reading that row is the next line)")
    reads = median(cpu["row read/bare"])
    rows.append(Row(f"{NAME} · the scheduler's read of a feed's row before a poll vs a bare conditional GET",
                    f"{fmt_ms(median(cpu['row read']))} CPU/feed", f"{fmt_ms(median(cpu['not_modified bare']))} CPU/req",
                    reads, fmt_ratio(reads), "—", None,
                    "storage.feeds.by_id through aiosqlite (a thread hand-off and a future): outside "
                    "Pipeline.poll, in the scheduler's job; the lease claim replacing it decides this cost"))
    fetch_only = median(cpu["fetch_only"])
    floor = median(cpu["not_modified"]) / fetch_only
    rows.append(Row(f"{NAME} · 304: Pipeline.poll vs fetch_feed alone", f"{fmt_ms(median(cpu['not_modified']))} CPU/feed",
                    f"{fmt_ms(fetch_only)} CPU/feed", floor, fmt_ratio(floor), "—", None,
                    "bot.feeds.fetch.fetch_feed answered 304 with the bot's session: between the bare request "
                    "and a whole poll"))
    rows[0].note = ("time.process_time of the bot's process per feed polled (fetch, bookkeeping, and for a "
                    "changed feed parse, extract, store); the farm's CPU is in another process")
    return rows
