"""Discord mode: the bot, its error handling, guild lifecycle, and the poller feeding its outbox.

The bot is a cluster of gateway shards (discord.py's AutoShardedBot). By default one process runs
every shard, as many as Discord recommends; with `[discord] shards` and `shard_count` (or
`run --shards 0-3 --shard-count 8`) it runs some of them, and delivers alerts only to the guilds
those shards hold, so the processes of a deployment together post each alert once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import socket
import sys
from typing import Any

import aiohttp
import discord
from discord import app_commands
from discord.ext import commands
from discord.voice_client import VoiceClient

from bot import service
from bot.alerts.buttons import TimelineButton, UnfollowButton
from bot.alerts.deliver import Dispatcher, Shards
from bot.alerts.discord_sink import DiscordSink
from bot.app import App, open_app
from bot.config import Settings
from bot.discord_endpoints import point_discord_at
from bot.discord_views import RunningBot, reply_error
from bot.pipeline import PollOutcome
from storage import follows
from storage import settings as guild_store

log = logging.getLogger(__name__)
EXTENSIONS = ("cogs.follow", "cogs.timeline", "cogs.admin")
# Discord allows one IDENTIFY per rate-limit bucket every 5 seconds, measured as they arrive: a
# quarter of a second more leaves room for one IDENTIFY taking longer on the way than the next.
IDENTIFY_INTERVAL = 5.25


class ClaimwatchBot(commands.AutoShardedBot):
    def __init__(self, app: App, *, start_polling: bool = True, **options: Any) -> None:
        # claimwatch never joins a voice channel, so discord.py's start-up warnings that its voice
        # libraries (PyNaCl, davey) are missing tell an operator nothing to act on.
        VoiceClient.warn_nacl = VoiceClient.warn_dave = False
        cluster = app.settings.discord
        if cluster.shard_count:
            options.setdefault("shard_count", cluster.shard_count)
            if cluster.shard_ids is not None:
                options.setdefault("shard_ids", list(cluster.shard_ids))
        super().__init__(
            command_prefix=commands.when_mentioned,
            # Servers and their channels only: claimwatch reads no messages, reactions, typing or
            # presences, and each of those events would cost every shard CPU for nothing.
            intents=discord.Intents(guilds=True),
            # Feed text never pings anyone, whatever a message builder forgets.
            allowed_mentions=discord.AllowedMentions.none(),
            help_command=None,
            **options,
        )
        self.app = app
        self.sink = DiscordSink(self)
        ids, count = self.shard_ids, self.shard_count
        # Some of the shards: deliver only to their guilds. Every shard (the default): to every guild.
        self.dispatcher = Dispatcher(app.db, self.sink, Shards(count, tuple(ids)) if ids is not None and count else None,
                                     owner=app.owner)
        self._identified: dict[int, float] = {}  # shard id -> when this process last IDENTIFYed it
        self._max_concurrency: int | None = None
        self.poller = app.poller(self._polled, self.dispatcher.run_once, self.dispatcher.run_digests)
        self.tree.error(self.on_app_command_error)
        # Tests drive polls themselves; the real bot polls on the schedule.
        self._started = not start_polling

    async def setup_hook(self) -> None:
        for extension in EXTENSIONS:
            await self.load_extension(extension)
        # Alert buttons carry the person in their custom id, so they work on messages from before a restart.
        self.add_dynamic_items(TimelineButton, UnfollowButton)
        self.sink.notice_channel.update(await guild_store.alert_channels(self.app.db))
        await service.warm_name_index(self.app.db)
        # Commands are registered once per bot, not per shard: the process running shard 0 does it.
        if self.shard_ids is None or 0 in self.shard_ids:
            guild_id = self.app.settings.discord.sync_guild_id
            if guild_id:
                guild = discord.Object(id=guild_id)
                self.tree.copy_global_to(guild=guild)
                synced = await self.tree.sync(guild=guild)
            else:
                synced = await self.tree.sync()
            log.info("synced %d application commands", len(synced))
        # Polling needs no gateway, and delivery fetches channels over REST: start now, not at READY.
        if not self._started:
            self._started = True
            self.app.pipeline.start_extraction()
            await self.poller.start()
            # Deliveries a killed process left pending resume at once, not at the next outbox tick.
            self._resume_task = asyncio.create_task(self.dispatcher.run_once())

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        """Discord allows one IDENTIFY per bucket (shard id % max_concurrency) every 5 seconds, where
        discord.py waits 5 seconds before each shard but the first: wait only behind this process's
        last IDENTIFY in the same bucket, so a bot allowed 16 at once starts its shards together."""
        loop = asyncio.get_running_loop()
        if not initial and self._max_concurrency is None:
            try:
                self._max_concurrency = max(1, (await self.fetch_session_start_limits()).max_concurrency)
            except (discord.HTTPException, discord.GatewayNotFound, aiohttp.ClientError):
                self._max_concurrency = 1
        shard, concurrency = shard_id or 0, self._max_concurrency or 1
        last = max((when for other, when in self._identified.items()
                    if other % concurrency == shard % concurrency), default=None)
        if last is not None and (wait := last + IDENTIFY_INTERVAL - loop.time()) > 0:
            await asyncio.sleep(wait)
        self._identified[shard] = loop.time()

    async def on_ready(self) -> None:
        log.info("logged in as %s in %d servers (shards %s of %s)", self.user, len(self.guilds),
                 shard_span(self.shard_ids), self.shard_count)
        await self.dispatcher.run_once()  # deliveries left pending by a previous run or a reconnect

    async def _polled(self, outcome: PollOutcome) -> None:
        if outcome.events:
            await self.dispatcher.run_once()

    async def on_guild_remove(self, guild: discord.Guild) -> None:
        removed = await follows.remove_guild(self.app.db, guild.id)
        log.info("left guild %s: removed %d follows", guild.id, removed)

    async def on_guild_channel_delete(self, channel: discord.abc.GuildChannel) -> None:
        removed = await follows.remove_channel(self.app.db, channel.id)
        log.info("channel %s deleted: removed %d follows", channel.id, removed)

    async def on_app_command_error(self, interaction: discord.Interaction,
                                   error: app_commands.AppCommandError) -> None:
        original = getattr(error, "original", error)
        if isinstance(original, service.UserError):
            text = str(original)
        elif isinstance(error, app_commands.MissingPermissions):
            text = "You need the Manage Server permission for this command."
        elif isinstance(error, app_commands.CommandOnCooldown):
            text = f"Slow down a little: try again in {error.retry_after:.0f} seconds."
        elif isinstance(error, app_commands.NoPrivateMessage):
            text = "This command works in a server, not in direct messages."
        elif isinstance(error, app_commands.CheckFailure):
            text = "You cannot use this command here."
        else:
            log.error("command %s failed", interaction.command and interaction.command.qualified_name,
                      exc_info=original)
            text = "Something went wrong on our side; it has been logged. Please try again later."
        try:
            await reply_error(interaction, text)
        except discord.HTTPException:
            log.warning("could not deliver an error reply for interaction %s", interaction.id)

    async def close(self) -> None:
        await self.poller.stop()
        await super().close()


async def run_discord(settings: Settings) -> int:
    point_discord_at(settings.discord.api_base_url or None, settings.discord.gateway_url or None)
    app = await open_app(settings)
    try:
        bot = ClaimwatchBot(app)
        # SIGTERM (systemd, Docker, a deployment's rolling restart) and Ctrl+C stop the bot on
        # purpose: it logs out and lets go of its feed leases and outbox claims at once, instead of
        # the other processes (or its next run) waiting for them to run out.
        loop = asyncio.get_running_loop()
        closing: set[asyncio.Task[None]] = set()  # kept, so the task is not collected mid-close

        def stop() -> None:
            task = asyncio.ensure_future(bot.close())
            closing.add(task)
            task.add_done_callback(closing.discard)

        for signum in (signal.SIGTERM, signal.SIGINT):
            with contextlib.suppress(NotImplementedError, RuntimeError):  # no signals here (Windows, a thread)
                loop.add_signal_handler(signum, stop)
        async with bot:
            await bot.start(settings.discord.token)
    except discord.LoginFailure:
        print("Discord refused the token: check [discord] token in config.toml or CLAIMWATCH_DISCORD_TOKEN.",
              file=sys.stderr)
        return 1
    except (aiohttp.ClientConnectionError, discord.DiscordServerError) as error:
        # Only logging in gives up: once logged in, discord.py retries a lost gateway by itself.
        print(f"Discord is unreachable ({unreachable(error)}): claimwatch did not start. Check the network, "
              "or [discord] api_base_url if it is set, and start it again.", file=sys.stderr)
        return 1
    finally:
        await app.close()
    return 0


def shard_span(ids: list[int] | None) -> str:
    """[0, 1, 2, 3, 6] -> "0-3,6"; None (every shard) -> "all"."""
    if ids is None:
        return "all"
    spans: list[list[int]] = []
    for shard in sorted(ids):
        if spans and shard == spans[-1][1] + 1:
            spans[-1][1] = shard
        else:
            spans.append([shard, shard])
    return ",".join(f"{low}-{high}" if high > low else str(low) for low, high in spans)


def unreachable(error: Exception) -> str:
    """What stopped the login, in a few words."""
    if isinstance(error, aiohttp.ClientConnectorError):
        cause = error.os_error
        reason = ("connection refused" if isinstance(cause, ConnectionRefusedError)
                  else "host name not found" if isinstance(cause, socket.gaierror)
                  else cause.strerror or str(cause) or type(cause).__name__)
        return f"cannot connect to {error.host}:{error.port}: {reason}"
    if isinstance(error, discord.DiscordServerError):
        return f"its API answered {error.status}"
    return str(error) or type(error).__name__


# What the commands ask of the running bot (discord_views.RunningBot) is this client: mypy checks it.
_RUNNING_BOT: type[RunningBot] = ClaimwatchBot
