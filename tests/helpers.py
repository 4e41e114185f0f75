"""What tests share that is not a fixture: settings for a test app, and the unpatched bot running
against the loopback Discord."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from bot.__main__ import main
from bot.app import App, open_app, poll_all
from bot.config import Settings, parse_settings
from bot.discord_client import ClaimwatchBot
from bot.discord_endpoints import point_discord_at
from storage.db import is_postgres_url
from tests.fake_dns import FAKE_DNS_ENV

if TYPE_CHECKING:
    from tests.fakes import FakeDiscord, FakeMessage

# Two servers on the loopback Discord (the `two` fixture): each with one channel and one admin.
A, A_CHAN, A_ADMIN = 600_001, 600_010, 600_100
B, B_CHAN, B_ADMIN = 700_001, 700_010, 700_100
MANAGE_GUILD = 1 << 5

ROOT = Path(__file__).resolve().parents[1]  # the repository
MakeApp = Callable[..., Awaitable[App]]  # the make_app fixture: opens an app, closed after the test


def make_settings(tmp_path: Path, feeds: list[dict[str, Any]], *, database: str | Path | None = None,
                  **sections: dict[str, Any]) -> Settings:
    """Settings for a test: the database in tmp_path, private addresses allowed (the feed servers
    are local), a new feed's first fetch recorded without alerts, no jitter; `sections` override.
    `database`: where the store lives instead (the `database_target` fixture): an SQLite file path,
    or a postgresql:// URL as `[storage] url`."""
    storage: dict[str, Any] = {"path": str(tmp_path / "test.db")}
    if database is not None:
        storage["url" if is_postgres_url(str(database)) else "path"] = str(database)
    raw = {
        "storage": {**storage, **sections.pop("storage", {})},
        "polling": {"allow_private_addresses": True, "alert_on_first_poll": False, "jitter_seconds": 0,
                    **sections.pop("polling", {})},
        "feeds": feeds,
        **sections,
    }
    return parse_settings(raw, tmp_path, env={})


def discord_settings(tmp_path: Path, fake: FakeDiscord, feeds: list[dict[str, Any]]) -> Settings:
    """make_settings with the bot pointed at the loopback Discord `fake`."""
    return make_settings(tmp_path, feeds, discord={"token": fake.token, "api_base_url": fake.api_base_url,
                                                   "gateway_url": fake.gateway_url})


@asynccontextmanager
async def running_bot(fake: FakeDiscord, settings: Settings) -> AsyncIterator[tuple[App, ClaimwatchBot]]:
    """The app, its feeds' first fetch recorded without alerts, and the real client logged in to the
    started `fake` until the block ends; then everything closes and the fake must have handled
    every request it got."""
    point_discord_at(fake.api_base_url, fake.gateway_url)
    app = await open_app(settings)
    try:
        await poll_all(app)
        bot = ClaimwatchBot(app, start_polling=False, guild_ready_timeout=0.05)
        task = asyncio.create_task(bot.start(fake.token))
        await asyncio.sleep(0)
        await asyncio.wait_for(bot.wait_until_ready(), timeout=10)
        yield app, bot
        await bot.close()
        await asyncio.wait_for(task, timeout=10)
    finally:
        await app.close()
        point_discord_at(None, None)


def cli_config(tmp_path: Path) -> Path:
    """A config.toml for the CLI twins: no feeds, the database at tmp_path/cli.db."""
    path = tmp_path / "config.toml"
    path.write_text(f'[storage]\npath = "{tmp_path / "cli.db"}"\n', encoding="utf-8")
    return path


def run_cli(config: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """`python -m bot ARGV --config CONFIG` in this process: (exit status, stdout, stderr)."""
    code = main([*argv, "--config", str(config)])
    out, err = capsys.readouterr()
    return code, out, err


def run_bot(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """`python -m bot ARGS` in its own process, from `cwd`, with a bare environment."""
    return subprocess.run([sys.executable, "-m", "bot", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120, env=bare_env(cwd))


def bare_env(home: Path) -> dict[str, str]:
    """A subprocess's environment: this repository importable, and (tests/fake_dns_site's
    sitecustomize) names resolved from the tests' table, tests.fake_dns, never the network."""
    return {"PATH": "/usr/bin:/bin", "PYTHONPATH": os.pathsep.join((str(ROOT), str(ROOT / "tests" / "fake_dns_site"))),
            "HOME": str(home), FAKE_DNS_ENV: "1"}


@dataclass
class Two:
    """The `two` fixture: the loopback Discord with servers A and B, the app and the running bot."""

    fake: FakeDiscord
    app: App
    bot: ClaimwatchBot

    async def slash(self, guild: int, name: str, options: dict[str, Any] | None = None, *,
                    sub: str | None = None) -> dict[str, Any]:
        """A slash command by that server's admin in its channel: whether the answer was private, and its text."""
        channel, user = (A_CHAN, A_ADMIN) if guild == A else (B_CHAN, B_ADMIN)
        interaction = await self.fake.inject_slash(guild, channel, user, name, options or {}, subcommand=sub)
        response = await self.fake.wait_for_response(interaction)
        data = response["data"]
        return {"ephemeral": interaction.ephemeral,
                "text": data.get("content") or "\n".join(e.get("description", "") for e in data.get("embeds", []))}


def is_alert(message: FakeMessage) -> bool:
    """Whether a message in a channel is an alert (its embed's footer names the story), not a
    command's reply or any other post."""
    return bool(message.embeds) and message.embeds[0].get("footer", {}).get("text", "").startswith("claimwatch · story")


async def stop_process(process: asyncio.subprocess.Process) -> None:
    """A bot process stopped as a service manager stops it: SIGTERM, then SIGKILL if it hangs (a
    deadline for a stuck process, not a measure of anything)."""
    if process.returncode is None:
        process.send_signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(process.wait(), timeout=15)
        except TimeoutError:
            process.kill()
            await process.wait()
