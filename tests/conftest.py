from __future__ import annotations

import itertools
import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.app import App, open_app
from bot.config import Settings
from tests import fake_dns, postgres
from tests.fakes import FakeDiscord
from tests.fakes.feed_server import FeedItemSpec, FeedServer, at
from tests.helpers import (
    A_ADMIN,
    A_CHAN,
    B_ADMIN,
    B_CHAN,
    MANAGE_GUILD,
    A,
    B,
    MakeApp,
    Two,
    cli_config,
    discord_settings,
    running_bot,
)
from tests.helpers import make_settings as make_settings  # where older tests import it from

# Tests that start processes (the CLI, a killed bot, a lock holder) or read every labelled item:
# `make test-fast` leaves them out for the inner loop; `make test` runs them all.
SLOW_MODULES = frozenset({
    "test_console", "test_database_checks", "test_deploy", "test_doctor", "test_eval_real_floor",
    "test_extract_reading", "test_extraction_process", "test_input_fuzz", "test_kill", "test_processes", "test_timeline_picture_cli",
})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    import bot.claims

    swapped = pytest.mark.skip(reason="swaps extractor parts that compiled modules hold fast: `make test` runs "
                                      "it again with CLAIMWATCH_PURE_EXTRACTOR=1")
    for item in items:
        if item.path.stem in SLOW_MODULES:
            item.add_marker(pytest.mark.slow)
        if bot.claims.COMPILED and item.get_closest_marker("pure_extractor"):
            item.add_marker(swapped)


# Tests never touch the network: names resolve from tests.fake_dns's table (in CLI subprocesses
# too), and a test that still looks a name up for real fails, named with the name it looked up.
fake_dns.watch()


@pytest.fixture(autouse=True)
def no_real_name_lookups(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    fake_dns.install(monkeypatch.setattr)
    fake_dns.current[0] = request.node.nodeid
    before = len(fake_dns.resolved)
    yield
    made = fake_dns.resolved[before:]
    del fake_dns.resolved[before:]
    fake_dns.current[0] = "(no test)"
    assert not made, f"the test looked names up for real (add them to tests.fake_dns.HOSTS): {made}"


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


@pytest.fixture
async def two(tmp_path: Path, feed_server: FeedServer) -> AsyncIterator[Two]:
    """Servers A and B on the loopback Discord, the real bot logged in, one operator feed polled."""
    fake = FakeDiscord(heartbeat_interval=0.25)
    for guild, name, channel, admin in ((A, "Server A", A_CHAN, A_ADMIN), (B, "Server B", B_CHAN, B_ADMIN)):
        role = guild + 200
        fake.add_guild(guild, name, channels=[{"id": channel, "name": "transfers"}],
                       members=[{"id": admin, "username": f"admin{guild}", "roles": [role]}],
                       roles=[{"id": role, "name": "mods", "permissions": MANAGE_GUILD}])
    await fake.start()
    match = FeedItemSpec("m-1", "Liverpool beat Brentford 3-0 at Anfield", "A routine home win.",
                         at("2025-11-01T18:00:00"))
    wire = feed_server.set_feed("/operator-only/wire.xml", "Operator Wire", [match])
    settings = discord_settings(tmp_path, fake, [{"url": wire, "name": "Operator Wire"}])
    async with running_bot(fake, settings) as (app, bot):
        yield Two(fake, app, bot)
    await fake.close()
    assert fake.unhandled == []


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[postgres.PostgresServer]:
    """One real PostgreSQL server for the whole run (tests/postgres.py); each test takes a fresh
    database on it. Skipped with the reason when PostgreSQL is not installed, except in CI."""
    reason = postgres.missing_reason()
    if reason is not None:
        if os.environ.get(postgres.REQUIRE) == "1":
            pytest.fail(f"{postgres.REQUIRE}=1 but {reason}")
        pytest.skip(reason)
    server = postgres.PostgresServer().start()
    yield server
    server.stop()


_databases = itertools.count(1)


@pytest.fixture
async def postgres_url(postgres_server: postgres.PostgresServer) -> str:
    """The URL of a new, empty PostgreSQL database."""
    return await postgres.fresh_database(postgres_server, f"test_{next(_databases)}")


@pytest.fixture(params=["sqlite", "postgresql"])
async def database_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a storage test keeps its database: an SQLite file, then a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "test.db")
    url: str = await postgres.fresh_database(request.getfixturevalue("postgres_server"), f"test_{next(_databases)}")
    return url
