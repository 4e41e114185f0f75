"""Claims extracted in a process of their own, beside the parse and the store instead of in turn with them.

Why: the extractor is pure Python and CPU-bound. In a thread it shares this process's GIL with the
parser, the event loop and the database writer, so on a machine with two cores or more the stages
still took turns: a second core bought the pipeline almost nothing (README, performance). In a
process of its own, extraction runs on another core while this process parses the next feed and
stores the last one. Two workers (WORKERS), each taking the next batch waiting: with one, that worker
was the pipeline's slower side, busy through the whole of a large poll while this process (the parse,
the event loop, the database writer: about six tenths of a core) left the rest of its core idle.

The workers are started at first use, or by start() (the poller's start-up), and kept for this process's life: each is spawned, not forked
(this process runs threads, and a fork copies their locks held), and imports the extractor once,
about two seconds. Items go to it as their texts and come back as claims, with the CPU the worker
spent, so Pipeline.stage_cpu still says what extraction costs, and with each item that made the
extractor fail, logged here as the in-thread path logs it.

Failure: a worker that dies (killed, out of memory) breaks the pool. The batch in hand is then
extracted in this process (nothing is lost and the feed's poll goes on), the death is logged, and the
next batch starts a new worker. When this process ends, however it ends (killed outright too), the
worker sees it and exits.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import multiprocessing.connection
import os
import signal
import threading
import time
import traceback
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from bot.literal import count
from bot.models import Claim, FeedItem

log = logging.getLogger(__name__)

# What the worker gets of an item: its title, its summary and the extractor's keyword arguments
# (bot.pipeline.extract_args), so it imports the extractor alone, not the pipeline's HTTP and storage.
Texts = tuple[str, str, dict[str, Any]]

# Measured in the ingest benchmark on two cores (2026-12-07, five pairs run in turn): one worker gave
# 1.47-2.11x feedparser's time (median 1.70), two gave 1.28-1.54x (median 1.34), the lower in every
# pair. Each worker holds about 50 MB; more than two would wait for a core on most machines a bot
# runs on.
WORKERS = 2

# The workers run below the bot's own threads (the event loop, the parse, the database writer): extraction
# is the work that can wait, and a slash command or a store that waits behind it makes a user wait.
# Measured in the ingest benchmark (2026-12-07, six rounds of 0, 5 and 10 run in turn, four pairs more of
# 0 and 10): at the same priority the workers took the cores while stores queued behind them, and the
# last 50 ms of a 260 ms poll were the writer alone; at +10 that tail was 15 ms. Medians 1.58x feedparser
# (0), 1.46x (+5), 1.42x (+10); +10 was the lower of 0 and +10 in eight of ten pairs.
NICENESS = 10

_LOCK = threading.Lock()  # the pool is made and dropped on event loops' threads, read by the bench's
_POOL: ProcessPoolExecutor | None = None


def cores() -> int:
    """The cores this process may run on (its affinity where the system says, else the machine's)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not Linux
        return os.cpu_count() or 1


def worth_it() -> bool:
    """Whether a worker process can run beside this one: on a single core it only adds the hand-over."""
    return cores() >= 2


def _start_worker() -> None:
    """The worker's start: lower its priority (NICENESS), leave with the parent, then import the extractor
    and read its word lists before the first batch waits."""
    # Ctrl-C in a terminal reaches the whole process group: the parent decides what it means, and the
    # worker leaves when the parent does (no traceback of an interrupted wait in the terminal).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(os, "nice"):  # (not on Windows, where the workers keep the bot's priority)
        os.nice(NICENESS)
    parent = multiprocessing.parent_process()
    if parent is not None:  # (always, in a spawned worker)
        threading.Thread(target=_exit_with, args=(parent.sentinel,), name="parent-watch", daemon=True).start()
    from bot.claims.extract import extract_claims

    extract_claims("Liverpool agree a fee with Feyenoord for Arne Slot", "")


def _exit_with(parent_sentinel: int) -> None:
    """Exit the moment the parent process ends. A worker waiting for its next batch would not see a
    parent killed outright (SIGKILL, out of memory): it would wait, with its memory, for ever."""
    multiprocessing.connection.wait([parent_sentinel])
    os._exit(0)


def _extract_all(texts: list[Texts]) -> tuple[list[list[Claim]], list[tuple[str, str]], float]:
    """In the worker: each item's claims, the items the extractor failed on (with the traceback), and
    the worker's CPU seconds on the batch."""
    from bot.claims.extract import extract_claims  # imported once already, by _start_worker

    started = time.process_time()
    claims: list[list[Claim]] = []
    failed: list[tuple[str, str]] = []
    for title, summary, args in texts:
        try:
            claims.append(extract_claims(title, summary, **args))
        except Exception:  # one odd item must not cost the feed its other items
            failed.append((str(args.get("item")), traceback.format_exc()))
            claims.append([])
    return claims, failed, time.process_time() - started


def _pool() -> ProcessPoolExecutor:
    global _POOL
    with _LOCK:
        if _POOL is None:
            _POOL = ProcessPoolExecutor(WORKERS, mp_context=multiprocessing.get_context("spawn"), initializer=_start_worker)
            # A pool starts a worker only for a job submitted while none is idle: without these, the
            # second worker's start (two seconds of CPU) came in the middle of a later large poll.
            for _ in range(WORKERS):
                _POOL.submit(_ready)
        return _POOL


def _drop(broken: ProcessPoolExecutor) -> None:
    """Forget a broken pool, so the next batch starts a new worker (unless another call already did)."""
    global _POOL
    with _LOCK:
        if _POOL is broken:
            _POOL = None
    broken.shutdown(wait=False, cancel_futures=True)


async def extract(items: list[FeedItem], texts: list[Texts], spent: dict[str, float] | None = None,
                  ) -> list[tuple[FeedItem, list[Claim]]] | None:
    """Each item with its claims, extracted by the worker process from `texts` (one for each item);
    None when the worker died on the way (the caller extracts the batch itself). `spent["extract"]`
    grows by the worker's CPU."""
    pool = _pool()
    try:
        claims, failed, cpu = await asyncio.wrap_future(pool.submit(_extract_all, texts))
    except BrokenProcessPool:
        log.error("the extraction process died; %s extracted in this process instead, and the next batch "
                  "starts a new one", count(len(items), "item is", "items are"))
        _drop(pool)
        return None
    for ref, error in failed:
        log.error("extractor failed on %s\n%s", ref, error.rstrip())
    if spent is not None:
        spent["extract"] = spent.get("extract", 0.0) + cpu
    return list(zip(items, claims, strict=True))


def _ready() -> bool:
    return True


async def start() -> None:
    """Start the workers now rather than at the first batches, and return once they are ready: a bot
    that will poll for long starts them beside its other start-up work, so no poll waits for them. A
    worker that dies on the way is logged; the first batch starts another."""
    pool = _pool()
    try:
        await asyncio.gather(*(asyncio.wrap_future(pool.submit(_ready)) for _ in range(WORKERS)))
    except BrokenProcessPool:
        log.error("the extraction process died as it started; the first batch starts a new one")
        _drop(pool)


def worker_pids() -> list[int]:
    """The running workers' process ids (the memory benchmark counts their memory too)."""
    with _LOCK:  # (concurrent.futures has no public way to ask; its pool keeps them in _processes)
        processes = getattr(_POOL, "_processes", None) or {}
        return [process.pid for process in processes.values() if process.pid is not None]


def shutdown() -> None:
    """Stop the worker (tests and the benchmark; at exit, concurrent.futures joins it itself)."""
    global _POOL
    with _LOCK:
        pool, _POOL = _POOL, None
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)
