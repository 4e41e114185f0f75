from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.config import parse_settings
from tests.feed_server import FeedServer


@pytest.fixture
async def feed_server() -> AsyncIterator[FeedServer]:
    server = FeedServer()
    await server.start()
    yield server
    await server.close()


def make_settings(tmp_path: Path, feeds: list[dict], **sections: dict) -> object:
    raw = {
        "storage": {"path": str(tmp_path / "test.db")},
        "polling": {"allow_private_addresses": True, "alert_on_first_poll": False, "jitter_seconds": 0,
                    **sections.pop("polling", {})},
        "feeds": feeds,
        **sections,
    }
    return parse_settings(raw, tmp_path, env={})
