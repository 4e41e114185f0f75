"""6. Memory: peak RSS of the bot polling 5,000 feeds against a database of 1,000,000 items.

A child process (so nothing of the benchmark's own is counted) imports the Discord-mode modules
(discord.py, the cogs; no gateway connection) and opens the big database as the bot does (bot.app.open_app: the SQLite connection, both HTTP sessions), then runs one poll cycle
(bot.app.poll_all) over all of the database's feeds on the farm: one in CHANGED_EVERY has a new item
(parse, extract, store), the rest answer 304. Peak RSS is the child's own high-water mark (VmHWM in
/proc/self/status) at the end; the RSS after start-up is noted for reference.

Not getrusage's ru_maxrss: Linux carries the spawning process's peak into a child's ru_maxrss across
exec, so a run that had just built the million-row database in the parent (bench/world.py, several
hundred MB) once reported that build's 686 MB as the bot's peak. VmHWM belongs to the child's own
address space, which exec starts afresh.
"""

from __future__ import annotations

import asyncio
import json
import resource
import subprocess
import sys
from pathlib import Path

from bench._common import (
    Context,
    Row,
    Timer,
    goal_row,
    only_feeds,
    settings_for,
    status_mb,
    worker_peak_mb,
)
from bench.constants import ROOT

NAME = "memory"
CHANGED_EVERY = 50
GOAL_MB = 250.0


def _status_mb(field: str) -> float:
    return status_mb(Path("/proc/self/status"), field)


def _rss_mb() -> float:
    return _status_mb("VmRSS")


def _peak_mb() -> float:
    """This process's own peak RSS (see the module's docstring for why not ru_maxrss)."""
    return _status_mb("VmHWM") or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child() -> None:
    """Runs in the child: python -c 'from bench.scenario_memory import child; child()' DB FEEDS."""
    db_path, feeds = Path(sys.argv[1]), int(sys.argv[2])

    async def main() -> dict[str, object]:
        import bot.discord_client  # noqa: F401  the Discord-mode bot has discord.py and the cogs loaded
        from bot import extraction_process
        from bot.app import open_app, poll_all

        app = await open_app(settings_for(db_path))
        try:
            await only_feeds(app.db, "id <= ?", (feeds,))
            if app.pipeline.extract_apart:  # every worker, as a polling bot starts them (Pipeline.start_extraction)
                await extraction_process.start()
            started_mb = _rss_mb()
            with Timer() as t:
                outcomes = await poll_all(app)
        finally:
            await app.close()
        statuses: dict[str, int] = {}
        for outcome in outcomes:
            statuses[outcome.status] = statuses.get(outcome.status, 0) + 1
        own, worker = _peak_mb(), worker_peak_mb()
        return {"started_mb": started_mb, "peak_mb": own + worker, "own_mb": own, "worker_mb": worker,
                "inherited_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "statuses": statuses, "wall": t.wall, "cpu": t.cpu}

    print(json.dumps(asyncio.run(main())), flush=True)


async def run(ctx: Context) -> list[Row]:
    feeds = ctx.world.feeds
    await ctx.farm.control(advance_range=[3, feeds, CHANGED_EVERY])
    code = "from bench.scenario_memory import child; child()"
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-c", code, str(ctx.work_db), str(feeds), cwd=ROOT,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    out, err = await proc.communicate()
    if proc.returncode != 0:
        raise RuntimeError(f"memory child failed: {err.decode()[-500:]}")
    result = json.loads(out.decode().strip().splitlines()[-1])
    statuses = result["statuses"]
    if statuses.get("failed") or sum(statuses.values()) != feeds:
        raise RuntimeError(f"memory cycle: {statuses}")
    note = (f"{feeds:,} feeds polled ({', '.join(f'{n:,} {s}' for s, n in sorted(statuses.items()))}) in "
            f"{result['wall']:.1f} s; RSS after start-up {result['started_mb']:.0f} MB; database "
            f"{ctx.world.items:,} items, {ctx.work_db.stat().st_size / 1e6:,.0f} MB on disk; peak is the child's VmHWM "
            f"({result['own_mb']:.0f} MB) plus its extraction workers' ({result['worker_mb']:.0f} MB) "
            f"(getrusage's ru_maxrss, {result['inherited_mb']:.0f} MB, includes the parent's peak at the spawn)")
    return [goal_row(f"{NAME} · peak RSS, {feeds:,} feeds, {ctx.world.items:,} items", result["peak_mb"], GOAL_MB,
                     lambda mb: f"{mb:.0f} MB", note=note)]
