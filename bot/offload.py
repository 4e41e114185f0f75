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


async def one_at_a_time(call: Callable[[], T]) -> T:
    """`call()` in the default executor once no other job of this event loop runs there."""
    gate = _gate()
    await gate.acquire()
    try:
        work = asyncio.get_running_loop().run_in_executor(None, call)
    except BaseException:
        gate.release()
        raise
    work.add_done_callback(lambda _: gate.release())
    return await asyncio.shield(work)
