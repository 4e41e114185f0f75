"""Gateway sharding: several bot clusters on one database and one Discord, each alert posted once.

The loopback Discord routes by shard as Discord does ((guild_id >> 22) % shard_count): a cluster
sees only its shards' guilds and their interactions, and delivers only their alerts.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from bot import service
from bot.app import App, open_app, poll_all
from bot.discord_client import ClaimwatchBot, shard_span
from bot.discord_endpoints import point_discord_at
from storage import outbox
from tests.fakes import FakeDiscord
from tests.fakes.fake_discord_gateway import shard_of
from tests.fakes.feed_server import FeedItemSpec, FeedServer, at
from tests.helpers import (
    ROOT,
    bare_env,
    cli_config,
    discord_settings,
    is_alert,
    run_cli,
    stop_process,
)

SHARDS = 4
FAN = 900_100
INTEREST = FeedItemSpec("k-1", "Real Madrid keen on Liverpool defender Ibrahima Konaté",
                        "The Spanish club are monitoring the centre-back, Marca reports.", at("2025-11-10T09:00:00"))
TALKS = FeedItemSpec("k-2", "Real Madrid open talks with Liverpool defender Ibrahima Konaté",
                     "First contact has been made with his representatives.", at("2025-11-20T09:00:00"))
BID = FeedItemSpec("k-3", "Real Madrid submit opening bid for Liverpool defender Ibrahima Konaté",
                   "The offer is worth €40m, according to Marca.", at("2025-11-25T09:00:00"))


def guild_on(shard: int, n: int) -> int:
    """A realistic guild snowflake held by `shard` of SHARDS (two per shard: n = 0, 1)."""
    return ((1_200_000_000 + SHARDS * 1_000 * n + shard) << 22) + 4_242


GUILDS = {guild_on(shard, n): shard for shard in range(SHARDS) for n in range(2)}


def channel_of(guild: int) -> int:
    return guild + 10


def alerts(fake: FakeDiscord, guild: int) -> list[str]:
    """The alert titles in a guild's channel, as its members see them (command replies excluded)."""
    return [m.embeds[0]["title"] for m in fake.messages(channel_of(guild)) if is_alert(m)]


def sharded_fake(**options: Any) -> FakeDiscord:
    fake = FakeDiscord(heartbeat_interval=0.25, **options)
    for guild, shard in GUILDS.items():
        assert shard_of(guild, SHARDS) == shard
        fake.add_guild(guild, f"Server {guild}", channels=[{"id": channel_of(guild), "name": "transfers"}],
                       members=[FAN])
    return fake


@asynccontextmanager
async def cluster(app: App, fake: FakeDiscord) -> AsyncIterator[ClaimwatchBot]:
    """One cluster of shards (its shards from app's settings), logged in until the block ends."""
    bot = ClaimwatchBot(app, start_polling=False, guild_ready_timeout=0.05)
    task = asyncio.create_task(bot.start(fake.token))
    try:
        await asyncio.wait_for(bot.wait_until_ready(), timeout=20)
        yield bot
    finally:
        await bot.close()
        await asyncio.wait_for(task, timeout=10)


async def started_fake(*, max_concurrency: int) -> FakeDiscord:
    """The loopback Discord with SHARDS shards, started, and discord.py pointed at it."""
    fake = sharded_fake(shard_count=SHARDS, max_concurrency=max_concurrency)
    await fake.start()
    point_discord_at(fake.api_base_url, fake.gateway_url)
    return fake


async def apps_on_shards(tmp_path: Path, fake: FakeDiscord, url: str, database: str) -> tuple[App, App]:
    """Two processes' apps on one database (an SQLite file or a PostgreSQL URL): shards 0-1 and 2-3."""
    settings = discord_settings(tmp_path, fake, [{"url": url, "name": "Wire"}])
    if database.startswith("postgresql://"):
        settings = replace(settings, storage=replace(settings.storage, url=database))
    low, high = (replace(settings, discord=replace(settings.discord, shard_count=SHARDS, shards=shards))
                 for shards in ((0, 1), (2, 3)))
    return await open_app(low), await open_app(high)


async def test_two_clusters_post_each_alert_once_from_the_owning_process(tmp_path: Path, feed_server: FeedServer,
                                                                        database_target: str) -> None:
    fake = await started_fake(max_concurrency=16)
    url = feed_server.set_feed("/wire.xml", "Wire", [INTEREST])
    app_low, app_high = await apps_on_shards(tmp_path, fake, url, database_target)
    try:
        await poll_all(app_low)  # Konaté becomes known; nobody follows him yet
        async with cluster(app_low, fake) as bot_low, cluster(app_high, fake) as bot_high:
            # Each cluster holds only its shards' guilds: the gateway sent it no other.
            assert {g.id for g in bot_low.guilds} == {g for g, s in GUILDS.items() if s in (0, 1)}
            assert {g.id for g in bot_high.guilds} == {g for g, s in GUILDS.items() if s in (2, 3)}
            assert sorted(bot_low.shards) == [0, 1] and sorted(bot_high.shards) == [2, 3]
            # Commands are registered once, by the cluster holding shard 0.
            assert len(fake.requests_matching("PUT", r"/applications/\d+/commands")) == 1

            # Slash commands answer from whichever cluster holds the guild, and only from it.
            seen: dict[str, list[int]] = {"low": [], "high": []}
            for name, bot in (("low", bot_low), ("high", bot_high)):
                async def on_interaction(interaction: Any, name: str = name) -> None:
                    seen[name].append(interaction.guild_id)
                bot.add_listener(on_interaction)
            for guild in GUILDS:
                interaction = await fake.inject_slash(guild, channel_of(guild), FAN, "follow", {"name": "konate"})
                answer = await fake.wait_for_response(interaction, timeout=10)
                assert answer["data"]["content"].startswith("Following Ibrahima Konaté"), answer
            assert sorted(seen["low"]) == sorted(g for g, s in GUILDS.items() if s in (0, 1))
            assert sorted(seen["high"]) == sorted(g for g, s in GUILDS.items() if s in (2, 3))

            feed_server.set_feed("/wire.xml", "Wire", [TALKS, INTEREST])
            await poll_all(app_high)  # one poll, by either process: an alert waits for every channel
            assert await bot_low.dispatcher.run_once() == 4
            for guild, shard in GUILDS.items():
                assert len(alerts(fake, guild)) == (1 if shard in (0, 1) else 0), (guild, shard)
            # The other cluster's rows are untouched, waiting for their owner.
            waiting = [(row.guild_id, row.state, row.attempts) for row in await outbox.due(app_low.db)]
            assert sorted(waiting) == sorted((g, "pending", 0) for g, s in GUILDS.items() if s in (2, 3))

            assert await bot_high.dispatcher.run_once() == 4
            assert await bot_low.dispatcher.run_once() == 0
            for guild in GUILDS:
                [title] = alerts(fake, guild)
                assert "Talks" in title and "Ibrahima Konaté" in title

            # Both delivering at once, twice over: still each alert once, in every server.
            feed_server.set_feed("/wire.xml", "Wire", [BID, TALKS, INTEREST])
            await poll_all(app_low)
            sent = await asyncio.gather(bot_low.dispatcher.run_once(), bot_high.dispatcher.run_once(),
                                        bot_low.dispatcher.run_once(), bot_high.dispatcher.run_once())
            assert sum(sent) == len(GUILDS)
            for guild in GUILDS:
                titles = alerts(fake, guild)
                assert len(titles) == 2 and "Bid" in titles[1], titles
    finally:
        await app_low.close()
        await app_high.close()
        point_discord_at(None, None)
        await fake.close()
    assert fake.unhandled == []


async def test_each_cluster_posts_its_own_servers_digests(tmp_path: Path, feed_server: FeedServer,
                                                         database_target: str) -> None:
    fake = await started_fake(max_concurrency=16)
    url = feed_server.set_feed("/wire.xml", "Wire", [INTEREST])
    app_low, app_high = await apps_on_shards(tmp_path, fake, url, database_target)
    try:
        await poll_all(app_low)
        for guild in GUILDS:
            await service.follow(app_low.db, guild, channel_of(guild), "Ibrahima Konaté")
            await service.update_alert_settings(app_low.db, guild, digest=True)
        feed_server.set_feed("/wire.xml", "Wire", [TALKS, INTEREST])
        await poll_all(app_low)
        async with cluster(app_low, fake) as bot_low, cluster(app_high, fake) as bot_high:
            assert await bot_low.dispatcher.run_once() == 0 and await bot_high.dispatcher.run_once() == 0

            def digests(guild: int) -> list[str]:
                return [m.embeds[0]["title"] for m in fake.messages(channel_of(guild))
                        if m.embeds and "digest" in m.embeds[0]["title"].lower()]

            assert await bot_low.dispatcher.run_digests() == 4
            assert {g: len(digests(g)) for g in GUILDS} == {g: int(s in (0, 1)) for g, s in GUILDS.items()}
            assert await bot_high.dispatcher.run_digests() == 4
            assert await bot_low.dispatcher.run_digests() == 0 and await bot_high.dispatcher.run_digests() == 0
            assert all(digests(g) == ["Daily digest: 1 developments"] for g in GUILDS)
    finally:
        await app_low.close()
        await app_high.close()
        point_discord_at(None, None)
        await fake.close()


async def test_one_process_runs_every_shard_discord_recommends(tmp_path: Path, feed_server: FeedServer) -> None:
    """No shard settings: one cluster of as many shards as /gateway/bot recommends, every guild's alerts."""
    fake = await started_fake(max_concurrency=16)  # 16 may IDENTIFY at once: no 5 s waits
    url = feed_server.set_feed("/wire.xml", "Wire", [INTEREST])
    app = await open_app(discord_settings(tmp_path, fake, [{"url": url, "name": "Wire"}]))
    try:
        await poll_all(app)
        async with cluster(app, fake) as bot:
            assert bot.shard_count == SHARDS and sorted(bot.shards) == [0, 1, 2, 3]
            assert {g.id for g in bot.guilds} == set(GUILDS)
            identified = [p["d"]["shard"] for p in fake.gateway.received if p.get("op") == 2]
            assert sorted(identified) == [[shard, SHARDS] for shard in range(SHARDS)]
            for guild in GUILDS:
                await fake.wait_for_response(await fake.inject_slash(guild, channel_of(guild), FAN, "follow",
                                                                     {"name": "konate"}), timeout=10)
            feed_server.set_feed("/wire.xml", "Wire", [TALKS, INTEREST])
            await poll_all(app)
            assert await bot.dispatcher.run_once() == len(GUILDS)
            assert all(len(alerts(fake, guild)) == 1 for guild in GUILDS)
    finally:
        await app.close()
        point_discord_at(None, None)
        await fake.close()


async def test_shards_of_one_bucket_identify_five_seconds_apart(tmp_path: Path) -> None:
    """Discord: one IDENTIFY per 5 seconds per bucket (shard id % max_concurrency). With 2 at once,
    shards 0 and 1 start together; 2 waits behind 0, and 3 behind 1."""
    fake = await started_fake(max_concurrency=2)
    app = await open_app(discord_settings(tmp_path, fake, []))
    try:
        async with cluster(app, fake) as bot:
            assert sorted(bot.shards) == [0, 1, 2, 3]
            when = {shard[0]: at for shard, at in fake.gateway.identified if shard is not None}
            assert sorted(when) == [0, 1, 2, 3]
            assert when[2] - when[0] >= 5.0 and when[3] - when[1] >= 5.0
    finally:
        await app.close()
        point_discord_at(None, None)
        await fake.close()


async def test_fake_gateway_routes_by_shard_and_refuses_an_invalid_one() -> None:
    """On the wire: READY and GUILD_CREATE list only the shard's guilds; a bad shard closes with 4010."""
    async with sharded_fake(shard_count=SHARDS) as fake, aiohttp.ClientSession() as session:
        async def identify(shard: object) -> tuple[list[dict[str, Any]], int | None]:
            frames: list[dict[str, Any]] = []
            async with session.ws_connect(fake.gateway_url + "?v=10&encoding=json") as ws:
                frames.append(await ws.receive_json())  # HELLO
                await ws.send_json({"op": 2, "d": {"token": fake.token, "intents": 1, "shard": shard,
                                                   "properties": {}}})
                async for message in ws:
                    if message.type is not aiohttp.WSMsgType.TEXT:
                        break
                    frames.append(json.loads(message.data))
                    if sum(f.get("t") == "GUILD_CREATE" for f in frames) == 2:
                        break
                return frames, ws.close_code

        frames, _ = await identify([3, SHARDS])
        ready = next(f["d"] for f in frames if f.get("t") == "READY")
        on_three = {str(g) for g, s in GUILDS.items() if s == 3}
        assert {g["id"] for g in ready["guilds"]} == on_three and ready["shard"] == [3, SHARDS]
        assert {f["d"]["id"] for f in frames if f.get("t") == "GUILD_CREATE"} == on_three
        for bad in ([4, 4], [0, 0], "0,4"):
            _, code = await identify(bad)
            assert code == 4010, bad


def test_run_shard_flags_and_their_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = cli_config(tmp_path)
    for flags, error in [
        (["--shards", "0-8", "--shard-count", "8"],
         "--shards: shard 8 is out of range: with --shard-count 8 the shard ids are 0 to 7"),
        (["--shards", "0,2,5"], "--shards needs --shard-count N: the number of shards across every process"),
        (["--shards", "3-1", "--shard-count", "4"], "--shards: expected shard ids like 0-3 or 0,2,5, got '3-1'"),
        (["--shards", "zero", "--shard-count", "4"], "--shards: expected shard ids like 0-3 or 0,2,5, got 'zero'"),
        (["--shard-count", "0"], "--shard-count: expected a whole number of shards (at least 1), got 0"),
    ]:
        code, out, err = run_cli(config, capsys, "run", "--console", *flags)
        assert (code, out, err) == (2, "", f"config error: {error}\n"), flags

    # The same keys in config.toml, checked the same way; flags win over them.
    config.write_text(config.read_text() + '[discord]\nshard_count = 8\nshards = "6-9"\n', encoding="utf-8")
    code, _, err = run_cli(config, capsys, "run", "--console")
    assert (code, err) == (2, "config error: discord.shards: shard 8 is out of range: with discord.shard_count 8 "
                              "the shard ids are 0 to 7\n")
    config.write_text(config.read_text().replace("6-9", "6-7"), encoding="utf-8")
    code, _, err = run_cli(config, capsys, "run", "--console", "--shard-count", "4")
    assert (code, err) == (2, "config error: discord.shards: shard 6 is out of range: with --shard-count 4 "
                              "the shard ids are 0 to 3\n")
    code, _, err = run_cli(config, capsys, "run", "--console", "--shards", "0,2,5")
    assert code == 0, err


def test_shard_settings_and_ownership() -> None:
    from bot.config import ConfigError, parse_settings, with_shard_flags

    settings = parse_settings({"discord": {"shard_count": 8, "shards": [5, 0, 2]}}, Path("."), env={})
    assert settings.discord.shards == (0, 2, 5) and settings.discord.shard_ids == (0, 2, 5)
    assert [settings.discord.owns(shard << 22) for shard in range(8)] == [s in (0, 2, 5) for s in range(8)]
    assert with_shard_flags(settings, "0-3,6", None).discord.shards == (0, 1, 2, 3, 6)
    every = with_shard_flags(settings, "0-7", None).discord
    assert every.shard_ids is None and every.owns(7 << 22)  # all of them: the whole bot in one process
    assert parse_settings({}, Path("."), env={}).discord.shard_ids is None
    with pytest.raises(ConfigError, match="discord.shards needs discord.shard_count"):
        parse_settings({"discord": {"shards": "0-3"}}, Path("."), env={})
    with pytest.raises(ConfigError, match=r"discord.shards: expected shard ids \(whole numbers from 0\), got -1"):
        parse_settings({"discord": {"shard_count": 2, "shards": [-1]}}, Path("."), env={})
    assert shard_span([0, 1, 2, 3, 6]) == "0-3,6" and shard_span(None) == "all"


def _process_config(path: Path, fake: FakeDiscord, url: str) -> Path:
    config = path / "config.toml"
    config.write_text(
        f'[discord]\ntoken = "{fake.token}"\napi_base_url = "{fake.api_base_url}"\ngateway_url = "{fake.gateway_url}"\n'
        f'[storage]\npath = "{path / "shards.db"}"\nretention_days = 10000\n'
        "[polling]\ninterval_seconds = 30\njitter_seconds = 0\nallow_private_addresses = true\n"
        f'alert_on_first_poll = true\n[[feeds]]\nurl = "{url}"\nname = "Wire"\n',
        encoding="utf-8",
    )
    return config


async def _bot(config: Path, tmp_path: Path, *args: str) -> asyncio.subprocess.Process:
    log = (tmp_path / f"bot{'-'.join(args)}.log").open("wb")
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "--config", str(config), *args, cwd=ROOT, env=bare_env(tmp_path),
        stdout=asyncio.subprocess.DEVNULL, stderr=log)


def _rows(db: Path) -> list[tuple[int, str, int]]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
        return conn.execute("SELECT guild_id, state, attempts FROM outbox ORDER BY guild_id").fetchall()


@pytest.mark.slow
async def test_two_bot_processes_each_post_their_shards_alerts_once(tmp_path: Path, feed_server: FeedServer) -> None:
    """`python -m bot run --shards 0-1 --shard-count 4` and `--shards 2-3`: real processes, one SQLite
    database, one loopback Discord."""
    fake = sharded_fake(shard_count=SHARDS, max_concurrency=16)
    await fake.start()
    url = feed_server.set_feed("/wire.xml", "Wire", [INTEREST])
    config = _process_config(tmp_path, fake, url)
    db = tmp_path / "shards.db"
    low_guilds = {g for g, s in GUILDS.items() if s in (0, 1)}
    processes: list[asyncio.subprocess.Process] = []
    try:
        for guild in GUILDS:
            code = await (await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot", "--config", str(config), "follow", "Ibrahima Konaté",
                "--guild", str(guild), "--channel", str(channel_of(guild)), cwd=ROOT, env=bare_env(tmp_path),
                stdout=asyncio.subprocess.DEVNULL)).wait()
            assert code == 0

        # The process of shards 0-1 alone: its four servers get their alert; the others' rows wait untouched.
        processes.append(await _bot(config, tmp_path, "run", "--shards", "0-1", "--shard-count", str(SHARDS)))
        await fake.wait_for(lambda: all(alerts(fake, g) for g in low_guilds) or None, timeout=60,
                            what="the alerts of shards 0-1")
        await fake.wait_for(lambda: all(state == "sent" for g, state, _ in _rows(db) if g in low_guilds) or None,
                            timeout=30, what="shards 0-1's rows recorded as sent")
        assert [(g, state, attempts) for g, state, attempts in _rows(db) if g not in low_guilds] == \
            sorted((g, "pending", 0) for g in GUILDS if g not in low_guilds)
        assert all(alerts(fake, g) == [] for g in GUILDS if g not in low_guilds)

        # The process of shards 2-3 joins: the rest are posted, nothing twice.
        processes.append(await _bot(config, tmp_path, "run", "--shards", "2-3", "--shard-count", str(SHARDS)))
        await fake.wait_for(lambda: all(alerts(fake, g) for g in GUILDS) or None, timeout=60,
                            what="every server's alert")
        await fake.wait_for(lambda: all(state == "sent" for _, state, _ in _rows(db)) or None, timeout=30,
                            what="every row recorded as sent")
        for process in processes:
            await stop_process(process)

        # Both start together on new work: each development once in every server.
        feed_server.set_feed("/wire.xml", "Wire", [TALKS, INTEREST])
        processes = [await _bot(config, tmp_path, "run", "--shards", shards, "--shard-count", str(SHARDS))
                     for shards in ("0-1", "2-3")]
        await fake.wait_for(lambda: all(len(alerts(fake, g)) >= 2 for g in GUILDS) or None, timeout=60,
                            what="every server's second alert")
        await fake.wait_for(lambda: all(state == "sent" for _, state, _ in _rows(db)) or None, timeout=30,
                            what="every row recorded as sent")
        for guild in GUILDS:
            titles = alerts(fake, guild)
            assert len(titles) == 2 and "Talks" in titles[1], (guild, titles)
        assert len(_rows(db)) == 2 * len(GUILDS)
    finally:
        for process in processes:
            await stop_process(process)
        await fake.close()
