"""The read timeout (the longest silence while reading) with one timer per connection, not two per request.

aiohttp enforces `sock_read` by cancelling its timer and starting a new one when the request is sent
and at every read (`ResponseHandler._reschedule_timeout`), then cancelling it at the end of the body:
two timers made and two cancelled for a fetch read in one piece, one more of each per further read;
measured on the re-poll benchmark, most of what separated a re-poll from a bare GET (which has no
read timeout).
QuietReadHandler keeps aiohttp's own rules (the same calls start, move and stop the silence; a
silence ends the read with aiohttp's SocketTimeoutError, as before) and changes only the bookkeeping:
a read notes the moment, and a timer already waiting is left alone; when it comes due it checks how
long the connection has really been silent and, if less than the limit, waits again for the rest.
A stopped silence leaves its timer to come due as a no-op, so the next request on the connection
usually finds one already waiting. A timer is replaced only when it would come too late (a shorter
limit than the one it was set for).

Installed by `quiet_read_connector` in place of aiohttp's ResponseHandler: aiohttp is pinned
(pyproject.toml), and tests/feeds/test_read_timer.py holds this module to aiohttp's behaviour.
"""

from __future__ import annotations

import asyncio
import functools
from typing import Any, cast

import aiohttp
from aiohttp.client_proto import ResponseHandler


class QuietReadHandler(ResponseHandler):
    """aiohttp's response protocol with a lazily re-armed read timer (see the module's docstring)."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        super().__init__(loop)
        self._quiet_since = 0.0  # the last read, or when the silence began
        self._quiet_watching = False  # a silence is being timed (aiohttp would have a timer running)
        self._quiet_timer: asyncio.TimerHandle | None = None

    def _reschedule_timeout(self) -> None:
        limit = self._read_timeout
        if not limit:
            self._quiet_watching = False
            return
        now = self._loop.time()
        self._quiet_since = now
        self._quiet_watching = True
        timer = self._quiet_timer
        if timer is not None and timer.when() <= now + limit:
            return  # it comes due in time, and will look again then
        if timer is not None:
            timer.cancel()
        self._quiet_timer = self._loop.call_at(now + limit, self._quiet_check)

    def _drop_timeout(self) -> None:
        self._quiet_watching = False

    def _quiet_check(self) -> None:
        self._quiet_timer = None
        limit = self._read_timeout
        if not self._quiet_watching or not limit:
            return
        due = self._quiet_since + limit
        if self._loop.time() < due:  # something was read since: wait for the rest of the limit
            self._quiet_timer = self._loop.call_at(due, self._quiet_check)
            return
        self._on_read_timeout()


def quiet_read_connector(**options: Any) -> aiohttp.TCPConnector:
    """An aiohttp.TCPConnector (same options) whose connections time reads with QuietReadHandler."""
    connector = aiohttp.TCPConnector(**options)
    made = getattr(connector, "_factory", None)
    # The hook reaches into aiohttp (pinned): if a release stops making protocols this way, say so at
    # start-up instead of silently timing reads with aiohttp's own handler again.
    if not (isinstance(made, functools.partial) and made.func is ResponseHandler):
        raise RuntimeError(
            f"aiohttp {aiohttp.__version__} no longer makes a connection's protocol through "
            "TCPConnector._factory = partial(ResponseHandler, ...); bot/feeds/read_timer.py needs a new hook"
        )
    factory = cast("functools.partial[ResponseHandler]", functools.partial(QuietReadHandler, loop=connector._loop))
    connector._factory = factory  # the one place aiohttp makes a connection's protocol
    return connector
