from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.app import App, open_app
from bot.config import Settings
from tests.fakes.feed_server import FeedServer
from tests.helpers import MakeApp, cli_config
from tests.helpers import make_settings as make_settings  # where older tests import it from

# Tests that start processes (the CLI, a killed bot, a lock holder) or read every labelled item:
# `make test-fast` leaves them out for the inner loop; `make test` runs them all.
SLOW_MODULES = frozenset({
    "test_console", "test_database_checks", "test_deploy", "test_doctor", "test_eval_real_floor",
    "test_extract_reading", "test_input_fuzz", "test_kill", "test_timeline_picture_cli",
})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.stem in SLOW_MODULES:
            item.add_marker(pytest.mark.slow)


@pytest.fixture
async def feed_server() -> AsyncIterator[FeedServer]:
    server = FeedServer()
    await server.start()
    yield server
    await server.close()


@pytest.fixture
def config(tmp_path: Path) -> Path:
    """A config.toml for the CLI twins (tests.helpers.cli_config); a test file may define its own."""
    return cli_config(tmp_path)


@pytest.fixture
async def make_app() -> AsyncIterator[MakeApp]:
    """Opens apps (bot.app.open_app) for a test and closes every one of them after it, pass or fail."""
    opened: list[App] = []

    async def make(settings: Settings, **options: Any) -> App:
        app = await open_app(settings, **options)
        opened.append(app)
        return app

    yield make
    for app in reversed(opened):
        await app.close()
