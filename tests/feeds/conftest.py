"""Fixtures the feed tests share."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.fakes.hostile_feed_server import HostileFeedServer


@pytest.fixture
async def hostile() -> AsyncIterator[HostileFeedServer]:
    """The local hostile-feed server (slow drips, silences, bombs, redirects), started per test."""
    server = HostileFeedServer()
    await server.start()
    yield server
    await server.close()
