"""Every slash command that takes text, through the real bot on the loopback Discord, with hostile
values: an ephemeral answer that says what to do, shown literally, and nothing changed."""

from __future__ import annotations

import itertools
import sqlite3
import unicodedata
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from tests.fakes import FakeDiscord
from tests.fakes.feed_server import FeedItemSpec, FeedServer, at
from tests.helpers import discord_settings, running_bot

GUILD, CHANNEL, ROLE = 800_001, 800_010, 800_200
USERS = [800_300 + n for n in range(150)]  # a fresh user per call: cooldowns are per user
MANAGE_GUILD = 1 << 5
HOSTILE = ["\x00", "Kon\x00até", "a\x1b[2J", "\u202eetanoK", "Kon\u2066até", "99999999999999999999", "²",
           "<@123>", "@everyone", "**Konate**", "'; DROP TABLE follows; --", "Kon\nate", "1e9"]
UNPRINTABLE = [value for value in HOSTILE if any(unicodedata.category(c)[0] == "C" for c in value)]
TABLES = ("feeds", "feed_subscriptions", "follows", "entities", "guild_settings")
CASES: list[tuple[str, str | None, str, dict[str, Any], list[str]]] = [
    # (command, subcommand, option given the hostile value, other options, values)
    ("follow", None, "name", {}, HOSTILE),
    ("unfollow", None, "name", {}, HOSTILE),
    ("timeline", None, "name", {}, HOSTILE),
    ("timeline", None, "since", {"name": "konate"}, HOSTILE),
    ("feeds", "add", "url", {}, [*HOSTILE, "https://feeds.example.org/" + "\u202e" * 10]),
    ("feeds", "add", "name", {"url": "https://feeds.example.org/new.xml"}, UNPRINTABLE),
    ("feeds", "remove", "feed", {}, HOSTILE),
    ("feeds", "resume", "feed", {}, HOSTILE),
    ("alerts", "settings", "kinds", {}, HOSTILE),
]


@pytest.fixture
async def world(tmp_path: Path, feed_server: FeedServer) -> AsyncIterator[tuple[FakeDiscord, Path]]:
    fake = FakeDiscord(heartbeat_interval=0.25)
    fake.add_guild(GUILD, "Server", channels=[{"id": CHANNEL, "name": "transfers"}],
                   members=[{"id": user, "username": f"u{user}", "roles": [ROLE]} for user in USERS],
                   roles=[{"id": ROLE, "name": "mods", "permissions": MANAGE_GUILD}])
    await fake.start()
    wire = feed_server.set_feed("/wire.xml", "Wire", [FeedItemSpec(
        "k-1", "Real Madrid keen on Liverpool defender Ibrahima Konaté", "Monitoring him.", at("2025-11-10T09:00:00"))])
    settings = discord_settings(tmp_path, fake, [{"url": wire, "name": "Wire"}])
    async with running_bot(fake, settings):
        yield fake, Path(settings.database_path)
    await fake.close()
    assert fake.unhandled == []


def _snapshot(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    with sqlite3.connect(path) as conn:
        return {table: sorted(conn.execute(f"SELECT * FROM {table}").fetchall(), key=repr) for table in TABLES}


async def test_hostile_slash_arguments_get_a_private_clear_answer(world: tuple[FakeDiscord, Path]) -> None:
    fake, database = world
    users = itertools.cycle(USERS)
    for command, sub, option, others, values in CASES:
        for value in values:
            before = _snapshot(database)
            interaction = await fake.inject_slash(GUILD, CHANNEL, next(users), command, {**others, option: value},
                                                  subcommand=sub)
            response = await fake.wait_for_response(interaction)
            text = (response["data"] or {}).get("content") or ""
            case = f"/{command} {sub or ''} {option}={value[:30]!r}"
            assert interaction.ephemeral and text, case
            assert "Slow down" not in text and "went wrong" not in text.lower(), f"{case}: {text}"
            assert all(unicodedata.category(c)[0] != "C" or c == "\u200b" for c in text.replace("\n", "")), case
            assert "@everyone" not in text, case
            assert _snapshot(database) == before, f"{case} changed the database"
