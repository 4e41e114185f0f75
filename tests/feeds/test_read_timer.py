"""The read timeout with one timer per connection (bot/feeds/read_timer.py) ends a read exactly when
aiohttp's own per-read timer would: the same silences, the same moment, the same error.

The comparison runs both protocols on a clock of our own (no real time passes, so no machine's speed
decides a verdict); the fetches at the end go through the real session against local servers.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import random
from collections.abc import Callable
from typing import Any

import aiohttp
import pytest
from aiohttp.client_proto import ResponseHandler

from bot.feeds.fetch import FetchLimits, fetch_feed, make_session
from bot.feeds.read_timer import QuietReadHandler
from tests.fakes.hostile_feed_server import HostileFeedServer


class _Handle:
    def __init__(self, when: float, callback: Callable[[], None]) -> None:
        self._when, self.callback, self.cancelled = when, callback, False

    def when(self) -> float:
        return self._when

    def cancel(self) -> None:
        self.cancelled = True


class _Clock:
    """The little of an event loop a protocol's timers use: time, call_at, call_later."""

    def __init__(self) -> None:
        self.now = 0.0
        self._heap: list[tuple[float, int, _Handle]] = []
        self._order = itertools.count()
        self.made = 0  # timers made

    def time(self) -> float:
        return self.now

    def call_at(self, when: float, callback: Callable[..., None], *args: Any) -> _Handle:
        self.made += 1
        handle = _Handle(when, lambda: callback(*args))
        heapq.heappush(self._heap, (when, next(self._order), handle))
        return handle

    def call_later(self, delay: float, callback: Callable[..., None], *args: Any) -> _Handle:
        return self.call_at(self.now + delay, callback, *args)

    def pending(self) -> int:
        return sum(not handle.cancelled for _, _, handle in self._heap)

    def advance(self, to: float) -> None:
        while self._heap and self._heap[0][0] <= to:
            when, _, handle = heapq.heappop(self._heap)
            self.now = max(self.now, when)
            if not handle.cancelled:
                handle.callback()
        self.now = max(self.now, to)


def _timed_out(protocol: ResponseHandler) -> bool:
    return isinstance(protocol.exception(), aiohttp.SocketTimeoutError)


def _timeout_moment(kind: type[ResponseHandler], script: list[tuple[float, str, float]],
                    clock: _Clock | None = None) -> float | None:
    """When the protocol's read timed out, by its own clock: the first moment it had an exception;
    None when it never did. Events and timers run in time order, a timer first at the same moment."""
    clock = clock or _Clock()
    protocol = kind(loop=clock)  # type: ignore[arg-type]
    events = iter(script)
    pending = next(events, None)
    while pending is not None or clock.pending():
        upcoming = [when for when, _, handle in clock._heap if not handle.cancelled]  # noqa: SLF001
        next_timer = min(upcoming) if upcoming else None
        if pending is not None and (next_timer is None or pending[0] < next_timer):
            moment, event, limit = pending
            clock.advance(moment)
            if event == "request":
                protocol.read_timeout = limit
                protocol.start_timeout()
            elif event == "read":
                protocol.data_received(b"x")
            else:
                protocol.eof_received()
            pending = next(events, None)
        else:
            assert next_timer is not None
            clock.advance(next_timer)
            if _timed_out(protocol):
                return next_timer
    return None


def _script(rng: random.Random) -> list[tuple[float, str, float]]:
    """Requests on one kept-alive connection: each sent, read in a few pieces with pauses (some longer
    than its limit), and ended, or left silent until the next; limits differ between requests."""
    moment, script = 0.0, []
    for _ in range(rng.randint(1, 6)):
        moment += rng.choice([0.0, 0.5, 3.0, 12.0, 40.0])
        limit = rng.choice([0.5, 2.0, 10.0, 10.0, 10.0])
        script.append((moment, "request", limit))
        for _ in range(rng.randint(0, 5)):
            moment += rng.choice([0.1, 0.1, 0.4, 1.0, 1.9, 2.5, 9.0, 11.0])
            script.append((moment, "read", limit))
        if rng.random() < 0.9:
            moment += rng.choice([0.0, 0.3, 3.0])
            script.append((moment, "end", limit))
    return script


def test_a_silence_ends_the_read_when_aiohttps_own_timer_would() -> None:
    rng = random.Random(20261206)
    timed_out = 0
    for _ in range(3000):
        script = _script(rng)
        theirs = _timeout_moment(ResponseHandler, script)
        ours = _timeout_moment(QuietReadHandler, script)
        assert ours == pytest.approx(theirs) if theirs is not None else ours is None, script
        timed_out += theirs is not None
    assert 300 < timed_out < 2700, timed_out  # both outcomes were exercised


def test_reads_move_the_silence_and_the_end_of_a_body_stops_it() -> None:
    limit = 10.0
    # Reads every 6 s: never 10 s of silence, so the read goes on past several limits...
    assert _timeout_moment(QuietReadHandler, [(0, "request", limit), (6, "read", limit), (12, "read", limit),
                                              (18, "read", limit), (24, "end", limit)]) is None
    # ...until the server stops sending: 10 s after its last read.
    assert _timeout_moment(QuietReadHandler, [(0, "request", limit), (6, "read", limit), (12, "read", limit)]) == 22
    # A request on a kept-alive connection is timed from its own start, not the previous request's.
    assert _timeout_moment(QuietReadHandler, [(0, "request", limit), (1, "end", limit), (9.5, "request", limit)]) == 19.5
    # A shorter limit than the one a waiting timer was set for is not held up by that timer.
    assert _timeout_moment(QuietReadHandler, [(0, "request", limit), (1, "end", limit), (3, "request", 0.5)]) == 3.5


def test_reads_and_requests_within_the_limit_make_no_new_timer() -> None:
    """What the module is for: aiohttp makes a timer per request and per read, this one per limit's
    worth of time at most."""
    limit = 10.0
    script = [(0.0, "request", limit)] + [(0.01 * n, "read", limit) for n in range(1, 500)] + [(5.0, "end", limit)]
    script += [(5.0 + 0.1 * n + step, kind, limit) for n in range(1, 40)
               for step, kind in ((0.0, "request"), (0.01, "read"), (0.02, "end"))]
    theirs, ours = _Clock(), _Clock()
    assert _timeout_moment(ResponseHandler, script, theirs) is None
    assert _timeout_moment(QuietReadHandler, script, ours) is None
    assert theirs.made > 500 and ours.made <= 2


async def test_a_server_silent_after_an_answer_on_the_same_connection_hits_the_read_timeout(
        hostile: HostileFeedServer) -> None:
    """The first fetch leaves its connection's timer waiting; the silent request after it on the same
    session still ends at the read timeout (what ended it is in the error, so no clock is asked)."""
    limits = FetchLimits(connect_timeout=0.5, total_timeout=20, allow_private=True)
    async with make_session(limits, per_host=1) as session:
        good = await fetch_feed(session, hostile.url("/feed.xml"), limits=limits)
        silent = await fetch_feed(session, hostile.url("/silent"), limits=limits)
    assert good.error is None and good.body
    assert silent.error == "timed out: the server sent nothing for 0.5s"


async def test_a_server_that_never_answers_the_request_hits_the_read_timeout() -> None:
    async def swallow(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        await asyncio.sleep(60)  # no status line, no headers: cancelled when the server closes
        writer.close()

    server = await asyncio.start_server(swallow, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    limits = FetchLimits(connect_timeout=0.5, total_timeout=20, allow_private=True)
    try:
        async with make_session(limits) as session:
            result = await fetch_feed(session, f"http://127.0.0.1:{port}/feed.xml", limits=limits)
    finally:
        server.close()
    assert result.error == "timed out: the server sent nothing for 0.5s"


async def test_a_live_session_reads_through_the_quiet_handler(hostile: HostileFeedServer) -> None:
    """The hook is in force on a real fetch: the connection the session keeps is a QuietReadHandler
    (a renamed aiohttp attribute would otherwise leave aiohttp's own handler in place, unnoticed)."""
    limits = FetchLimits(connect_timeout=0.5, total_timeout=20, allow_private=True)
    async with make_session(limits, per_host=1) as session:
        result = await fetch_feed(session, hostile.url("/feed.xml"), limits=limits)
        kept = [proto for protos in session.connector._conns.values()  # type: ignore[union-attr]
                for proto, _ in protos]
    assert result.error is None and result.body
    assert kept and all(isinstance(proto, QuietReadHandler) for proto in kept)


def test_an_aiohttp_that_makes_protocols_otherwise_stops_the_start(monkeypatch: pytest.MonkeyPatch) -> None:
    """If a release renames or reshapes the factory, the connector refuses to start, naming the version."""
    from bot.feeds import read_timer

    class Reshaped(aiohttp.TCPConnector):
        def __init__(self, **options: Any) -> None:
            super().__init__(**options)
            del self._factory

    monkeypatch.setattr(read_timer.aiohttp, "TCPConnector", Reshaped)

    async def build() -> None:
        read_timer.quiet_read_connector()

    with pytest.raises(RuntimeError, match="no longer makes a connection's protocol"):
        asyncio.run(build())
