"""The worker thread's gate: one job at a time, an urgent job before the ordinary ones waiting, and a
cancelled waiter neither runs nor keeps the gate from the next."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable

from bot.offload import _Gate, jobs_waiting, one_at_a_time


class _Jobs:
    """Jobs that record their start and wait for their release, so a test decides who waits."""

    def __init__(self) -> None:
        self.started: list[str] = []
        self.release: dict[str, threading.Event] = {}

    def job(self, name: str) -> Callable[[], str]:
        self.release[name] = threading.Event()

        def run() -> str:
            self.started.append(name)
            self.release[name].wait(30)
            return name
        return run


async def _until(condition: Callable[[], bool]) -> None:
    for _ in range(3000):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("condition never held")


async def test_an_urgent_job_goes_before_the_ordinary_ones_waiting() -> None:
    jobs = _Jobs()
    running = asyncio.create_task(one_at_a_time(jobs.job("parse feed 1")))
    await _until(lambda: jobs.started == ["parse feed 1"])
    waiting = [asyncio.create_task(one_at_a_time(jobs.job(f"parse feed {n}"))) for n in (2, 3)]
    await asyncio.sleep(0.05)
    urgent = asyncio.create_task(one_at_a_time(jobs.job("screen feed 1"), urgent=True))
    await asyncio.sleep(0.05)
    for name in ["parse feed 1", "screen feed 1", "parse feed 2", "parse feed 3"]:
        await _until(lambda name=name: jobs.started[-1] == name)
        jobs.release[name].set()
    assert await asyncio.gather(running, urgent, *waiting) == ["parse feed 1", "screen feed 1", "parse feed 2",
                                                                 "parse feed 3"]
    assert jobs.started == ["parse feed 1", "screen feed 1", "parse feed 2", "parse feed 3"]


async def test_ordinary_jobs_keep_their_order_of_arrival() -> None:
    jobs = _Jobs()
    names = [f"parse feed {n}" for n in range(5)]
    tasks = [asyncio.create_task(one_at_a_time(jobs.job(name))) for name in names]
    for name in names:
        await _until(lambda name=name: jobs.started[-1:] == [name])
        jobs.release[name].set()
    assert await asyncio.gather(*tasks) == names


async def test_a_cancelled_waiter_never_runs_and_the_next_one_does() -> None:
    jobs = _Jobs()
    first = asyncio.create_task(one_at_a_time(jobs.job("first")))
    await _until(lambda: jobs.started == ["first"])
    gone = asyncio.create_task(one_at_a_time(jobs.job("cancelled"), urgent=True))
    after = asyncio.create_task(one_at_a_time(jobs.job("after")))
    await asyncio.sleep(0.05)
    gone.cancel()
    jobs.release["first"].set()
    jobs.release["after"].set()
    assert await first == "first" and await after == "after"
    assert gone.cancelled()
    assert jobs.started == ["first", "after"]


async def test_a_waiter_cancelled_as_its_turn_came_hands_the_gate_on() -> None:
    gate = _Gate()
    await gate.acquire(urgent=False)  # a job runs
    handed = asyncio.create_task(gate.acquire(urgent=False))
    last = asyncio.create_task(gate.acquire(urgent=False))
    await asyncio.sleep(0)  # both wait at the gate
    gate.release()  # the job ends: its turn goes to `handed`...
    handed.cancel()  # ...cancelled before it could wake to take it
    await asyncio.wait_for(last, 5)  # the turn passed on instead of being lost
    assert handed.cancelled()
    gate.release()
    await asyncio.wait_for(gate.acquire(urgent=False), 5)  # and the gate still opens


async def test_jobs_waiting_counts_the_jobs_behind_the_running_one() -> None:
    jobs = _Jobs()
    assert jobs_waiting() == 0
    running = asyncio.create_task(one_at_a_time(jobs.job("parse feed 1")))
    await _until(lambda: jobs.started == ["parse feed 1"])
    assert jobs_waiting() == 0  # the running job is not waiting
    queued = [asyncio.create_task(one_at_a_time(jobs.job(f"parse feed {n}"))) for n in (2, 3)]
    await asyncio.sleep(0.05)
    assert jobs_waiting() == 2
    queued[1].cancel()
    await asyncio.sleep(0)
    assert jobs_waiting() == 1  # a cancelled waiter no longer counts
    for name in ("parse feed 1", "parse feed 2"):
        jobs.release[name].set()
    await asyncio.gather(running, queued[0])
    assert jobs_waiting() == 0
