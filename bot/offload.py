"""CPU-bound work off the event loop: one job at a time, in a worker thread.

Parsing and extraction are pure Python under the GIL, so running two at once saves no time: the
threads take turns every switch interval (5 ms), each feed finishes later than it would in turn,
and the database writer, which gives the GIL up at every statement, waits a switch interval to
get it back each time. One at a time (first come, first served) also bounds memory by one job's
worst case instead of one per feed being fetched. The gate opens when the thread ends, not when a
cancelled caller stops waiting for it.
"""

from __future__ import annotations

import asyncio
import time
import weakref
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
AT_ONCE = 1  # per event loop
_GATES: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = weakref.WeakKeyDictionary()


def _gate() -> asyncio.Semaphore:
    loop = asyncio.get_running_loop()
    gate = _GATES.get(loop)
    if gate is None:
        gate = _GATES[loop] = asyncio.Semaphore(AT_ONCE)
    return gate


async def one_at_a_time(call: Callable[[], T], *, spent: dict[str, float] | None = None, stage: str = "") -> T:
    """`call()` in the default executor once no other job of this event loop runs there.

    `spent`: spent[stage] grows by the CPU the worker thread used on the call (thread CPU: a wait for
    the GIL or for a core is not in it), so a caller can tell what its stages cost where they run."""
    if spent is not None:
        call = _tallied(call, spent, stage)
    gate = _gate()
    await gate.acquire()
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
