"""`python -m bench` (= `make bench`): every scenario, then one table.

    python -m bench [--quick] [--feeds N] [--only NAME ...] [--profile]

--quick   CI-sized: 200 feeds in the poll cycle, a database a tenth the size, fewer rounds.
--feeds   feeds in the poll cycle (default 2,000; 200 with --quick).
--only    run only these scenarios (ingest, unchanged, cycle, alert, queries, memory, picture, parse,
          processes).
--profile also print cProfile top functions behind the scenarios that support it.

Every figure is a ratio against a baseline measured in the same run (or against the goal where no
natural baseline exists), the median of several rounds: the machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import platform
import sys
import tempfile
import time
import traceback
from pathlib import Path

from bench import (
    scenario_alert,
    scenario_cycle,
    scenario_ingest,
    scenario_memory,
    scenario_parse,
    scenario_picture,
    scenario_processes,
    scenario_queries,
    scenario_unchanged,
)
from bench._common import Context, Row, WorldSize, render_table
from bench.farm import Farm
from bench.world import ensure_world, make_work_db

SCENARIOS = {module.NAME: module for module in (scenario_ingest, scenario_unchanged, scenario_cycle,
                                                 scenario_alert, scenario_queries, scenario_memory,
                                                 scenario_picture, scenario_parse, scenario_processes)}


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def machine() -> str:
    model = "unknown CPU"
    with contextlib.suppress(OSError):  # no /proc on this system: the model stays unknown
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    import bot.claims

    # Every extraction figure depends on it: `make bench` builds it first, a bare `python -m bench` may not.
    extractor = "compiled (mypyc)" if bot.claims.COMPILED else "Python (not compiled: make compiled)"
    return f"{os.cpu_count()} cores, {model}, Python {platform.python_version()}, extractor {extractor}"


async def main(args: argparse.Namespace) -> int:
    quick = args.quick
    world = WorldSize.for_mode(quick)
    cycle_feeds = args.feeds or (200 if quick else 2000)
    names = args.only or list(SCENARIOS)
    started = time.perf_counter()
    log(f"claimwatch benchmarks ({'quick' if quick else 'full'}): {machine()}")
    world_db = ensure_world(world, log)
    farm = Farm(world.people)
    rows: list[Row] = []
    failed = False
    try:
        with tempfile.TemporaryDirectory(prefix="claimwatch-bench-") as tmp:
            work = make_work_db(world_db, Path(tmp) / "work.db", farm.port)
            ctx = Context(quick=quick, cycle_feeds=cycle_feeds, tmp=Path(tmp), farm=farm, world=world,
                          work_db=work, log=log, profile=args.profile)
            for name in names:
                log(f"· {name} …")
                t0 = time.perf_counter()
                try:
                    rows.extend(await SCENARIOS[name].run(ctx))
                except Exception as error:
                    failed = True
                    traceback.print_exc()
                    rows.append(Row(name, f"error: {type(error).__name__}: {error}"[:80], "", None, "", "", False))
                log(f"  {name} done in {time.perf_counter() - t0:.0f} s")
    finally:
        farm.close()
    print(f"\nclaimwatch benchmarks, {'quick' if quick else 'full'} mode — {machine()}; "
          f"database {world.claims:,} claims / {world.items:,} items / {world.people:,} people; "
          f"{time.perf_counter() - started:.0f} s\n")
    print(render_table(rows))
    for extra in ctx.extras:
        print("\n" + extra)
    return 1 if failed else 0


def cli() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="CI-sized run")
    parser.add_argument("--feeds", type=int, default=0, help="feeds in the poll cycle")
    parser.add_argument("--only", nargs="+", choices=list(SCENARIOS), help="scenarios to run")
    parser.add_argument("--profile", action="store_true", help="print cProfile top functions")
    args = parser.parse_args()
    # The pipeline logs every poll at INFO and odd feeds at WARNING: keep the table readable.
    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(name)s: %(message)s")
    sys.exit(asyncio.run(main(args)))


if __name__ == "__main__":
    cli()
