"""9. Several processes: one poll cycle of 5,000 feeds shared by 1, 2 and 3 processes on PostgreSQL,
beside the same cycle by 1 process on SQLite.

Each process is `python -m bench.scenario_processes TARGET NAME FARM_PORT FEEDS`: it opens the app as the bot does
(bot.app.open_app) and runs its Poller (bot/scheduler.py), which claims due feeds under leases in
the shared database and polls them at polling.concurrency, exactly as `python -m bot run` polls,
without Discord. The feeds (farm numbers FIRST..) answer after 100 ms like the cycle scenario's,
spread over 32 loopback hosts; each was fetched once before (an ETag, its items stored), and before
each cycle 1 in 10 gains an item, the rest answer 304. The cycle runs from the moment every process
is told to go (each has opened its database already) to the end of the last poll; the ideal for N
processes is the 1-process time ÷ N. CPU per feed is the sum of the processes' CPU
(time.process_time, every thread, and each one's extraction process) over the cycle; a process starts its
extraction process before it says it is ready, as a bot starts it with its poller; for PostgreSQL the server's own CPU is shown
beside it (read from /proc for the postmaster and its backends). The PostgreSQL server is the
tests' throwaway one (tests/postgres.py); without PostgreSQL installed the scenario says so and
reports only SQLite.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from bench._common import Context, Row, fmt_ms, fmt_ratio, stat_cpu, worker_cpu
from bench.constants import ROOT
from storage.backends import open_database

NAME = "processes"
LATENCY = 0.100
CHANGED_EVERY = 10
ITEMS = 5  # items in each feed: the first fetch, done once per database, stays cheap
FIRST = 50_000  # farm feed numbers: below the farm's WORLD_FEEDS_BELOW (so they answer after LATENCY), apart from the world's
PROCESSES = (1, 2, 3)
GOAL = 1.3


def _settings(target: str, port: int, feeds: int) -> Any:
    """The operator's config: the database, and the feeds listed as [[feeds]] (only those may live on
    private addresses, and a process pauses config feeds its config does not list)."""
    from bench.synthetic import feed_url
    from bot.config import parse_settings

    storage = {"url": target} if target.startswith("postgresql://") else {"path": target}
    raw = {"storage": storage,
           "feeds": [{"url": feed_url(port, "e", ITEMS, n), "name": f"Wire {n}"} for n in range(FIRST, FIRST + feeds)],
           "polling": {"allow_private_addresses": True, "jitter_seconds": 0, "interval_seconds": 600,
                       "claim_seconds": 1}}
    return parse_settings(raw, ROOT, env={})


# --- one process of the deployment -----------------------------------------------------------------


async def _process(target: str, name: str, port: int, feeds: int) -> None:
    """Open the app, say "ready"; at "go" run the Poller; at "stop" print what it did as JSON."""
    from bot import extraction_process
    from bot.app import PROCESS_NAME_ENV, open_app
    from bot.pipeline import PollOutcome

    os.environ[PROCESS_NAME_ENV] = name
    app = await open_app(_settings(target, port, feeds))
    loop = asyncio.get_running_loop()
    done: dict[str, float] = {"polls": 0, "failed": 0, "end": 0.0, "cpu": 0.0, "cpu0": 0.0, "worker0": 0.0}

    async def polled(outcome: PollOutcome) -> None:
        done["polls"] += 1
        done["failed"] += outcome.status == "failed"
        done["end"] = time.time()
        done["cpu"] = time.process_time() - done["cpu0"]

    async def no_deliveries() -> int:
        return 0

    poller = app.poller(polled, no_deliveries)
    if app.pipeline.extract_apart:  # a long-running bot starts its extraction process at start-up
        await extraction_process.start()
    print("ready", flush=True)
    await loop.run_in_executor(None, sys.stdin.readline)
    done["cpu0"], done["worker0"] = time.process_time(), sum(worker_cpu().values())
    await poller.start()
    await loop.run_in_executor(None, sys.stdin.readline)
    poller.shutdown()
    # The extraction process's CPU too (idle since the last poll): the work the cycle cost, wherever it ran.
    done["cpu"] += sum(worker_cpu().values()) - done["worker0"]
    await app.close()
    print(json.dumps(done), flush=True)


# --- the scenario ------------------------------------------------------------------------------------


def _server_cpu(data: Path) -> float:
    """CPU seconds of a PostgreSQL server so far: the postmaster and every process it started."""
    postmaster = int((data / "postmaster.pid").read_text().split()[0])
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except OSError:  # the process ended meanwhile
            continue
        if int(stat.parent.name) == postmaster or parent == postmaster:
            total += stat_cpu(stat) or 0.0
    return total


async def _prepare(ctx: Context, target: str, feeds: int) -> None:
    """The feeds, each fetched once (answered at once: the first fetch is set-up, not measured)."""
    from bot.app import open_app, poll_all

    app = await open_app(_settings(target, ctx.farm.port, feeds))
    try:
        outcomes = await poll_all(app)
        failed = [o for o in outcomes if o.status == "failed"]
        if len(outcomes) != feeds or failed:
            raise RuntimeError(f"{NAME}: first fetch of {len(outcomes)} feeds, {len(failed)} failed: {failed[:2]}")
    finally:
        await app.close()


async def _cycle(ctx: Context, target: str, feeds: int, processes: int, round_no: int,
                 server: Path | None) -> dict[str, Any]:
    """One cycle shared by `processes` processes: wall time, their CPU, the server's CPU."""
    from datetime import UTC, datetime

    from storage.db import stamp

    db = await open_database(target)
    try:
        await db.write("UPDATE feeds SET lease_owner = NULL, lease_until = NULL, polled_by = NULL")
        await ctx.farm.control(advance_range=[FIRST + round_no % CHANGED_EVERY, FIRST + feeds, CHANGED_EVERY])
        children = [await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bench.scenario_processes", target, f"bench-{n}", str(ctx.farm.port),
            str(feeds), cwd=ROOT,
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE) for n in range(processes)]
        try:
            for child in children:
                assert child.stdout is not None
                if (await child.stdout.readline()).strip() != b"ready":
                    raise RuntimeError(f"{NAME}: a process did not start")
            server_cpu0 = _server_cpu(server) if server else 0.0
            go, since = time.time(), stamp(datetime.now(UTC))
            for child in children:
                assert child.stdin is not None
                child.stdin.write(b"go\n")
                await child.stdin.drain()
            while True:  # every feed polled and released until its next due time
                row = await db.fetchone("SELECT count(*) AS n FROM feeds WHERE lease_owner IS NULL AND lease_until > ?",
                                        (since,))
                if row is not None and int(row["n"]) >= feeds:
                    break
                if any(child.returncode is not None for child in children):
                    raise RuntimeError(f"{NAME}: a process ended during the cycle")
                await asyncio.sleep(0.2)
            server_cpu = (_server_cpu(server) - server_cpu0) if server else 0.0
            reports = []
            for child in children:
                assert child.stdin is not None and child.stdout is not None
                child.stdin.write(b"stop\n")
                await child.stdin.drain()
                reports.append(json.loads(await child.stdout.readline()))
        finally:
            for child in children:
                if child.returncode is None:
                    try:
                        await asyncio.wait_for(child.wait(), timeout=30)
                    except TimeoutError:
                        child.kill()
                        await child.wait()
        polls = sum(int(r["polls"]) for r in reports)
        failed = sum(int(r["failed"]) for r in reports)
        if polls != feeds or failed:
            raise RuntimeError(f"{NAME}: {polls} polls of {feeds} feeds ({failed} failed) by {processes} processes")
        return {"wall": max(r["end"] for r in reports) - go, "cpu": sum(r["cpu"] for r in reports),
                "server": server_cpu, "shares": sorted(int(r["polls"]) for r in reports)}
    finally:
        await db.close()


async def run(ctx: Context) -> list[Row]:
    from tests import postgres

    feeds = 500 if ctx.quick else 5000
    results: dict[str, dict[str, Any]] = {}
    await ctx.farm.control(latency=0)
    sqlite = str(ctx.tmp / "processes.db")
    ideal_one = feeds * LATENCY / _settings(sqlite, 0, 0).polling.concurrency
    await _prepare(ctx, sqlite, feeds)
    reason = postgres.missing_reason()
    server = None
    try:
        await ctx.farm.control(latency=LATENCY)
        results["sqlite 1"] = await _cycle(ctx, sqlite, feeds, 1, 0, None)
        ctx.log(f"  SQLite, 1 process: {results['sqlite 1']}")
        if reason is None:
            server = postgres.PostgresServer().start()
            url = await postgres.fresh_database(server, "bench_processes")
            await ctx.farm.control(latency=0)
            await _prepare(ctx, url, feeds)
            await ctx.farm.control(latency=LATENCY)
            for n in PROCESSES:
                results[f"pg {n}"] = await _cycle(ctx, url, feeds, n, n, server.data)
                ctx.log(f"  PostgreSQL, {n} process{'es' if n > 1 else ''}: {results[f'pg {n}']}")
        else:
            ctx.log(f"  PostgreSQL skipped: {reason}")
    finally:
        await ctx.farm.control(latency=0)
        if server is not None:
            server.stop()

    scope = f"{feeds:,} feeds × {LATENCY * 1000:.0f} ms"
    lite = results["sqlite 1"]
    rows = [Row(f"{NAME} · {scope}, SQLite, 1 process", f"{lite['wall']:.2f} s", f"{ideal_one:.2f} s (ideal)",
                lite["wall"] / ideal_one, fmt_ratio(lite["wall"] / ideal_one), "—", None,
                "ideal = feeds × latency ÷ polling.concurrency (16): the Poller claiming under leases, one process"),
            Row(f"{NAME} · SQLite, CPU per feed", f"{fmt_ms(lite['cpu'] / feeds)} CPU", "", None, "", "—", None)]
    if reason is not None:
        rows.append(Row(f"{NAME} · PostgreSQL", "skipped", reason[:60], None, "", "—", None, reason))
        return rows
    one = results["pg 1"]
    for n in PROCESSES:
        got = results[f"pg {n}"]
        ideal = one["wall"] / n
        ratio = got["wall"] / ideal
        rows.append(Row(f"{NAME} · {scope}, PostgreSQL, {n} process{'es' if n > 1 else ''}", f"{got['wall']:.2f} s",
                        f"{ideal:.2f} s (1 process ÷ {n})" if n > 1 else f"{lite['wall']:.2f} s (SQLite)",
                        ratio if n > 1 else got["wall"] / lite["wall"],
                        fmt_ratio(ratio if n > 1 else got["wall"] / lite["wall"]),
                        f"≤ {GOAL}× ideal" if n > 1 else "—", ratio <= GOAL if n > 1 else None,
                        f"feeds polled per process: {got['shares']}"))
        rows.append(Row(f"{NAME} · PostgreSQL, {n} process{'es' if n > 1 else ''}, CPU per feed",
                        f"{fmt_ms(got['cpu'] / feeds)} CPU", f"{fmt_ms(lite['cpu'] / feeds)} (SQLite)",
                        got["cpu"] / lite["cpu"], fmt_ratio(got["cpu"] / lite["cpu"]), "—", None,
                        f"the processes' CPU summed; the PostgreSQL server besides: {fmt_ms(got['server'] / feeds)}"
                        " per feed"))
    return rows


if __name__ == "__main__":
    import logging

    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(name)s: %(message)s")
    asyncio.run(_process(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])))
