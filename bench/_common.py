"""What every scenario shares: the run's context and constants, the application under test, timing
helpers and the result rows. Synthetic feeds are in bench/synthetic.py, the feed farm in
bench/farm.py, the big database in bench/world.py."""

from __future__ import annotations

import asyncio
import json
import math
import os
import statistics
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bench.farm import Farm



# --- results -------------------------------------------------------------------------------------


@dataclass(slots=True)
class Row:
    """One line of the table. `ratio` compares figure to baseline the way the goal reads."""

    scenario: str
    figure: str
    baseline: str
    ratio: float | None
    ratio_text: str
    goal: str
    met: bool | None  # None: information, no goal of its own
    note: str = ""


def fmt_ratio(value: float) -> str:
    return f"{value:.2f}×"


def fmt_pct(value: float) -> str:
    return f"{value * 100:.2f} %" if value < 0.1 else f"{value * 100:.1f} %"


def fmt_ms(seconds: float) -> str:
    if seconds < 0.01:
        return f"{seconds * 1000:.2f} ms"
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def goal_row(scenario: str, value: float, goal: float, fmt: Callable[[float], str], *,
             figure: str | None = None, note: str = "") -> Row:
    """A row with no natural baseline: the goal is the reference, the ratio is figure / goal."""
    ratio = value / goal
    return Row(scenario, figure or fmt(value), f"{fmt(goal)} (goal)", ratio, fmt_ratio(ratio),
               f"< {fmt(goal)}", ratio < 1.0, note)


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile: p99 of 200 samples is the 198th smallest."""
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def median(values: Iterable[float]) -> float:
    return statistics.median(list(values))


def render_table(rows: list[Row]) -> str:
    head = ("scenario", "figure", "baseline", "ratio", "goal", "met?")
    body = [(r.scenario, r.figure, r.baseline, r.ratio_text, r.goal,
             "—" if r.met is None else ("yes" if r.met else "NO")) for r in rows]
    widths = [max(len(str(line[i])) for line in [head, *body]) for i in range(len(head))]
    lines = ["  ".join(str(cell).ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
             for line in [head, *body]]
    lines.insert(1, "  ".join("-" * width for width in widths))
    notes = [f"  [{i}] {r.scenario}: {r.note}" for i, r in enumerate(rows, 1) if r.note]
    return "\n".join(lines + ([""] + notes if notes else []))


# --- the run's context -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class WorldSize:
    feeds: int
    items: int
    claims: int
    people: int

    @classmethod
    def for_mode(cls, quick: bool) -> WorldSize:
        scale = 10 if quick else 1
        return cls(feeds=5000 // scale, items=1_000_000 // scale, claims=1_000_000 // scale,
                   people=100_000 // scale)


@dataclass(slots=True)
class Context:
    quick: bool
    cycle_feeds: int
    tmp: Path
    farm: Farm
    world: WorldSize
    work_db: Path
    log: Callable[[str], None] = print
    profile: bool = False
    extras: list[str] = field(default_factory=list)  # profiler output printed after the table

    @property
    def runs(self) -> int:
        return 3 if self.quick else 5


# --- the application under test ------------------------------------------------------------------


def settings_for(db_path: Path, **polling: object) -> Any:
    from bot.config import parse_settings

    raw = {
        "storage": {"path": str(db_path)},
        "polling": {"allow_private_addresses": True, "jitter_seconds": 0, **polling},
    }
    return parse_settings(raw, db_path.parent, env={})


async def only_feeds(db: Any, where: str, params: tuple = ()) -> int:
    """Pause every feed but those matching `where`, so poll_all polls exactly a scenario's feeds."""
    async with db.transaction() as conn:
        await conn.execute(f"UPDATE feeds SET paused = 1, paused_reason = 'bench' WHERE NOT ({where})", params)
        await conn.execute(f"UPDATE feeds SET paused = 0, paused_reason = NULL WHERE {where}", params)
    row = await db.fetchone(f"SELECT count(*) AS n FROM feeds WHERE {where}", params)
    return int(row["n"])


async def poll_feeds(app: Any, ids: list[int]) -> list[Any]:
    """Poll these feeds as the scheduler does in Discord mode (Poller: one Pipeline.poll per feed),
    at most polling.concurrency at a time; poll_all adds a listing of every feed per cycle."""
    gate = asyncio.Semaphore(app.settings.polling.concurrency)

    async def one(feed_id: int) -> Any:
        async with gate:
            return await app.pipeline.poll(feed_id)

    return list(await asyncio.gather(*(one(feed_id) for feed_id in ids)))


async def add_feeds(db: Any, urls: list[str]) -> list[int]:
    from storage import feeds as feed_store

    return [await feed_store.upsert(db, url, f"Wire {i}", None, origin="config") for i, url in enumerate(urls)]


# --- timing ---------------------------------------------------------------------------------------


class Timer:
    """Wall and CPU of a block: time.process_time (every thread of this process) and the extraction
    worker's CPU (bot/extraction_process.py), which does the bot's work in a process of its own."""

    def __enter__(self) -> Timer:
        self.worker0 = worker_cpu()
        self.wall0, self.cpu0 = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self.wall0
        self.cpu_here = time.process_time() - self.cpu0
        self.cpu_worker = sum(seconds - self.worker0.get(pid, 0.0) for pid, seconds in worker_cpu().items())
        self.cpu = self.cpu_here + self.cpu_worker


def stat_cpu(stat: Path) -> float | None:
    """CPU seconds (user and system) a /proc/PID/stat or /proc/PID/task/TID/stat file gives, None when
    the process or thread has ended (Linux)."""
    try:
        fields = stat.read_text().rsplit(")", 1)[1].split()  # after the command, which may hold spaces
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def status_mb(status: Path, field: str) -> float:
    """A /proc/PID/status memory field ("VmRSS", "VmHWM") in MB; 0 when absent or ended."""
    try:
        lines = status.read_text().splitlines()
    except OSError:
        return 0.0
    return next((int(line.split()[1]) / 1024 for line in lines if line.startswith(f"{field}:")), 0.0)


def worker_cpu() -> dict[str, float]:
    """CPU seconds so far of each extraction worker of this process, by pid (empty where none runs)."""
    from bot.extraction_process import worker_pids

    spent = {str(pid): stat_cpu(Path(f"/proc/{pid}/stat")) for pid in worker_pids()}
    return {pid: seconds for pid, seconds in spent.items() if seconds is not None}


def worker_peak_mb() -> float:
    """The extraction workers' own peak RSS (VmHWM) summed, 0 when none runs."""
    from bot.extraction_process import worker_pids

    return sum(status_mb(Path(f"/proc/{pid}/status"), "VmHWM") for pid in worker_pids())


def profile_top(fn: Callable[[], object], limit: int = 25, sort: str = "tottime") -> str:
    """cProfile of a synchronous call (the main thread only), top functions as text."""
    import cProfile
    import io
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    try:
        fn()
    finally:
        profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.strip_dirs().sort_stats(sort).print_stats(limit)
    return out.getvalue()


def dumps(data: object) -> str:
    return json.dumps(data, separators=(",", ":"))
