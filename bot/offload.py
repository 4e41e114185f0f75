"""CPU-bound work off the event loop: one job at a time, in a worker thread.

Parsing and extraction are pure Python under the GIL, so running two at once saves no time: the
threads take turns every switch interval (5 ms), each feed finishes later than it would in turn,
and the database writer, which gives the GIL up at every statement, waits a switch interval to
get it back each time. One at a time also bounds memory by one job's worst case instead of one
per feed being fetched. Jobs run in the order they came, but for urgent ones (below). The gate
opens when the thread ends, not when a cancelled caller stops waiting for it.

A job marked urgent goes before the ordinary jobs waiting: the pipeline so marks the work on a feed
already parsed (its screen, or its extraction), which would otherwise queue behind the parses of
every feed fetched meanwhile. Measured in the ingest benchmark: with 16 feeds fetched at once, the
extraction process got its first batch 37-71 ms into a 230-280 ms round and sat idle until then;
with the screens marked urgent, 11-17 ms into it.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import time
import weakref
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class _Gate:
    """One job at a time; the next is the first urgent one waiting, else the first waiting."""

    def __init__(self) -> None:
        self._busy = False
        self._waiting: list[tuple[int, int, asyncio.Future[None]]] = []  # (0 urgent / 1, arrival, its turn)
        self._arrivals = itertools.count()

    async def acquire(self, urgent: bool) -> None:
        if not self._busy:
            self._busy = True
            return
        turn = asyncio.get_running_loop().create_future()
        heapq.heappush(self._waiting, (0 if urgent else 1, next(self._arrivals), turn))
        try:
            await turn
        except asyncio.CancelledError:
            if turn.done() and not turn.cancelled():
                self.release()  # handed the gate just as it was cancelled: hand it on
            raise

    @property
    def waiting(self) -> int:
        """How many wait for their turn (a waiter cancelled meanwhile not counted)."""
        return sum(not turn.done() for _, _, turn in self._waiting)

    def release(self) -> None:
        while self._waiting:
            _, _, turn = heapq.heappop(self._waiting)
            if not turn.done():  # (a waiter cancelled meanwhile is passed over)
                turn.set_result(None)
                return  # the gate stays taken, by the waiter
        self._busy = False


_GATES: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _Gate] = weakref.WeakKeyDictionary()


def _gate() -> _Gate:
    loop = asyncio.get_running_loop()
    gate = _GATES.get(loop)
    if gate is None:
        gate = _GATES[loop] = _Gate()
    return gate


def jobs_waiting() -> int:
    """Jobs waiting at this event loop's gate for the worker thread (the one running not counted)."""
    gate = _GATES.get(asyncio.get_running_loop())
    return 0 if gate is None else gate.waiting


async def one_at_a_time(call: Callable[[], T], *, spent: dict[str, float] | None = None, stage: str = "",
                        urgent: bool = False) -> T:
    """`call()` in the default executor once no other job of this event loop runs there; an urgent
    job goes before the ordinary ones waiting (first come, first served within each).

    `spent`: spent[stage] grows by the CPU the worker thread used on the call (thread CPU: a wait for
    the GIL or for a core is not in it), so a caller can tell what its stages cost where they run."""
    if spent is not None:
        call = _tallied(call, spent, stage)
    gate = _gate()
    await gate.acquire(urgent)
    try:
        work = asyncio.get_running_loop().run_in_executor(None, call)
    except BaseException:
        gate.release()
        raise
    work.add_done_callback(lambda _: gate.release())
    return await asyncio.shield(work)


def _tallied(call: Callable[[], T], spent: dict[str, float], stage: str) -> Callable[[], T]:
    def tallied() -> T:
        started = time.thread_time()
        try:
            return call()
        finally:  # one job at a time: nothing else adds to `spent` meanwhile
            spent[stage] = spent.get(stage, 0.0) + time.thread_time() - started
    return tallied
