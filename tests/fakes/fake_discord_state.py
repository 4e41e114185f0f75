"""Core state of the fake Discord: the data, payload shapes and message bookkeeping that
the REST (fake_discord_rest) and gateway (fake_discord_gateway) halves share. The test-facing
API is the FakeDiscord subclass in fake_discord.py."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any

from .fake_discord_gateway import FakeGateway
from .fake_discord_model import (
    EPHEMERAL,
    LOADING,
    FailureRule,
    FakeGuild,
    FakeInteraction,
    FakeMessage,
    RequestRecord,
    Snowflakes,
    now_iso,
    user_payload,
)

APPLICATION_COMMAND, MESSAGE_COMPONENT, AUTOCOMPLETE = 2, 3, 4


class DiscordState:
    """Options: ``token`` the bot must present; ``heartbeat_interval`` (s) sent in HELLO;
    ``ack_deadline`` (s) for the first interaction callback (Discord: 3, then 404 10062);
    ``nonce_window`` (s) for enforce_nonce de-duplication; ``strict_commands`` makes inject_*
    refuse commands the bot never registered, as a real Discord client would. ``shard_count`` is
    the number of shards /gateway/bot recommends, ``max_concurrency`` how many may IDENTIFY at once
    (Discord: 1, or 16 and more for large bots); the gateway routes by shard whatever they say."""

    def __init__(
        self,
        *,
        token: str = "fake-bot-token",
        bot_name: str = "claimwatch",
        heartbeat_interval: float = 41.25,
        ack_deadline: float = 3.0,
        nonce_window: float = 300.0,
        strict_commands: bool = True,
        shard_count: int = 1,
        max_concurrency: int = 1,
    ) -> None:
        self.token = token
        self.shard_count = shard_count
        self.max_concurrency = max_concurrency
        self.snowflakes = Snowflakes()
        self.application_id = self.bot_user_id = self.snowflakes.next()  # same id, as for modern apps
        self.application_flags = 0
        self.ack_deadline = ack_deadline  # seconds the bot has for its first interaction callback
        self.nonce_window = nonce_window
        self.strict_commands = strict_commands  # inject_* only for commands the bot registered
        self.api_path = "/api/v10"
        self.users: dict[int, dict[str, Any]] = {self.bot_user_id: user_payload(self.bot_user_id, bot_name, bot=True)}
        self.guilds: dict[int, FakeGuild] = {}
        self.global_commands: dict[int, dict[str, Any]] = {}
        self.guild_commands: dict[int, dict[int, dict[str, Any]]] = {}
        self.messages_by_id: dict[int, FakeMessage] = {}
        self.threads: dict[int, dict[str, Any]] = {}  # thread id -> thread channel (fake_discord_threads)
        self.interactions: dict[int, FakeInteraction] = {}
        self.interactions_by_token: dict[str, FakeInteraction] = {}
        self.requests: list[RequestRecord] = []
        self.unhandled: list[tuple[str, str]] = []  # (method, path) of routes the fake lacks
        self.failure_rules: list[FailureRule] = []
        self.server_errors: list[BaseException] = []  # exceptions inside the fake; close() raises them
        self._nonces: dict[str, tuple[float, FakeMessage]] = {}
        self._changed = asyncio.Event()
        self._tasks: set[asyncio.Task[Any]] = set()
        self._port: int | None = None
        self.gateway = FakeGateway(self, heartbeat_interval)

    @property
    def api_base_url(self) -> str:
        return f"http://127.0.0.1:{self._started_port()}{self.api_path}"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self._started_port()}/gateway"

    def _started_port(self) -> int:
        if self._port is None:
            raise RuntimeError("FakeDiscord.start() has not been awaited")
        return self._port

    def loop_time(self) -> float:
        return asyncio.get_running_loop().time()

    def _notify(self) -> None:
        # Swap the event so every current waiter wakes and re-checks its predicate.
        event, self._changed = self._changed, asyncio.Event()
        event.set()

    def _spawn(self, coro: Coroutine[Any, Any, Any]) -> None:
        task = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def settle(self) -> None:
        """Wait for gateway dispatches started from synchronous helpers (e.g. add_guild)."""
        while self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)

    async def remove_guild(self, guild_id: int) -> None:
        """The bot was kicked / the guild deleted: GUILD_DELETE without ``unavailable``."""
        if self.guilds.pop(guild_id, None) is None:
            raise LookupError(f"no guild {guild_id}")
        self.guild_commands.pop(guild_id, None)
        await self.gateway.dispatch("GUILD_DELETE", {"id": str(guild_id)})

    # -- payloads --------------------------------------------------------------------------

    def bot_user_payload(self, *, full: bool = False) -> dict[str, Any]:
        user = dict(self.users[self.bot_user_id])
        if full:
            user.update(verified=True, mfa_enabled=False, flags=0, locale="en-US", email=None)
        return user

    def application_payload(self) -> dict[str, Any]:
        owner = user_payload(next(iter(g.owner_id for g in self.guilds.values()), 1), "owner")
        return {
            "id": str(self.application_id),
            "name": self.users[self.bot_user_id]["username"],
            "icon": None,
            "description": "",
            "summary": "",
            "bot_public": True,
            "bot_require_code_grant": False,
            "verify_key": "0" * 64,
            "flags": self.application_flags,
            "owner": owner,
            "team": None,
            "bot": self.bot_user_payload(),
            "redirect_uris": [],
            "interactions_endpoint_url": None,  # set would make discord.py warn no interactions arrive
            "approximate_guild_count": len(self.guilds),
            "integration_types_config": {"0": {}},
        }

    def member_payload(self, guild: FakeGuild, user_id: int) -> dict[str, Any]:
        return {**self.member_fields(guild, user_id), "user": self.users[user_id]}

    def member_fields(self, guild: FakeGuild, user_id: int) -> dict[str, Any]:
        fields = guild.members[user_id]
        return {
            "roles": list(fields["roles"]),
            "nick": fields["nick"],
            "avatar": None,
            "joined_at": fields["joined_at"],
            "premium_since": None,
            "deaf": False,
            "mute": False,
            "flags": 0,
            "pending": False,
            "communication_disabled_until": None,
        }

    def guild_create_payload(self, guild: FakeGuild, intents: int) -> dict[str, Any]:
        # Like Discord: without GUILD_PRESENCES only the bot itself is in "members";
        # with GUILD_MEMBERS discord.py then chunks the rest (op 8).
        everyone = intents & (1 << 8)
        members = [self.member_payload(guild, uid) for uid in guild.members if everyone or uid == self.bot_user_id]
        return {
            "id": str(guild.id),
            "name": guild.name,
            "icon": None,
            "owner_id": str(guild.owner_id),
            "unavailable": False,
            "joined_at": guild.joined_at,
            "large": len(guild.members) > 250,
            "member_count": len(guild.members),
            "roles": list(guild.roles.values()),
            "channels": [{k: val for k, val in c.items() if k != "guild_id"} for c in guild.channels.values()],
            "members": members,
            "threads": [],
            "presences": [],
            "voice_states": [],
            "emojis": [],
            "stickers": [],
            "features": [],
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "nsfw_level": 0,
            "premium_tier": 0,
            "preferred_locale": "en-US",
            "system_channel_id": None,
            "system_channel_flags": 0,
            "afk_timeout": 300,
        }

    def message_payload(self, message: FakeMessage) -> dict[str, Any]:
        return message.to_payload(self.users, self.application_id)

    # -- messages --------------------------------------------------------------------------

    def find_channel(self, channel_id: int) -> dict[str, Any] | None:
        for guild in self.guilds.values():
            if channel_id in guild.channels:
                return guild.channels[channel_id]
        return self.threads.get(channel_id)

    def messages(self, channel_id: int, *, include_ephemeral: bool = False, include_deleted: bool = False) -> list[FakeMessage]:
        """Messages in a channel, oldest first, as other users would see them by default."""
        return [
            m
            for m in self.messages_by_id.values()
            if m.channel_id == channel_id and (include_ephemeral or not m.ephemeral) and (include_deleted or not m.deleted)
        ]

    def message(self, message_id: int) -> FakeMessage:
        return self.messages_by_id[message_id]

    def recent_nonce(self, nonce: str | int) -> FakeMessage | None:
        seen = self._nonces.get(str(nonce))
        if seen is None or self.loop_time() - seen[0] > self.nonce_window or seen[1].deleted:
            return None
        return seen[1]

    def remember_nonce(self, nonce: str | int, message: FakeMessage) -> None:
        self._nonces[str(nonce)] = (self.loop_time(), message)

    def _attachments(self, files: dict[str, bytes]) -> list[dict[str, Any]]:
        out = []
        for filename, data in files.items():
            aid = self.snowflakes.next()
            url = f"http://127.0.0.1:{self._port}/attachments/{aid}/{filename}"
            out.append({"id": str(aid), "filename": filename, "size": len(data), "url": url, "proxy_url": url, "content_type": "application/octet-stream"})
        return out

    async def store_message(
        self,
        channel_id: int,
        body: dict[str, Any],
        files: dict[str, bytes],
        *,
        interaction: FakeInteraction | None = None,
        followup: bool = False,
    ) -> FakeMessage:
        channel = self.find_channel(channel_id)
        guild_id = None if channel is None else int(channel["guild_id"])
        message = FakeMessage(self.snowflakes.next(), channel_id, guild_id, self.bot_user_payload(), nonce=body.get("nonce"))
        message.apply(body, self._attachments(files), creating=True)
        message.files = dict(files)
        if interaction is None:
            message.flags &= ~(EPHEMERAL | LOADING)
        else:
            message.webhook_id = self.application_id
            message.type = 20 if interaction.type == APPLICATION_COMMAND and not followup else 0
            metadata: dict[str, Any] = {
                "id": str(interaction.id),
                "type": interaction.type,
                "user": self.users[interaction.user_id],
                "authorizing_integration_owners": {"0": str(interaction.guild_id)},
            }
            if followup and interaction.original is not None:
                metadata["original_response_message_id"] = str(interaction.original.id)
            message.interaction_metadata = metadata
        self.messages_by_id[message.id] = message
        if channel is not None:
            channel["last_message_id"] = str(message.id)
        self._notify()
        if not message.ephemeral and guild_id is not None and guild_id in self.guilds:
            event = {**self.message_payload(message), "guild_id": str(guild_id)}
            event["member"] = self.member_fields(self.guilds[guild_id], self.bot_user_id)
            await self.gateway.dispatch("MESSAGE_CREATE", event)
        return message

    async def update_message(self, message: FakeMessage, body: dict[str, Any], files: dict[str, bytes]) -> None:
        attachments = None
        if "attachments" in body or files:
            keep = {str(a.get("id")) for a in body.get("attachments") or []}
            attachments = [a for a in message.attachments if a["id"] in keep] + self._attachments(files)
            message.files.update(files)
        message.apply(body, attachments)
        message.edited_timestamp = now_iso()
        self._notify()
        if not message.ephemeral and message.guild_id is not None:
            await self.gateway.dispatch("MESSAGE_UPDATE", {**self.message_payload(message), "guild_id": str(message.guild_id)})

    async def delete_message(self, message: FakeMessage) -> None:
        message.deleted = True
        self._notify()
        if not message.ephemeral and message.guild_id is not None:
            event = {"id": str(message.id), "channel_id": str(message.channel_id), "guild_id": str(message.guild_id)}
            await self.gateway.dispatch("MESSAGE_DELETE", event)

    async def record_callback(self, interaction: FakeInteraction, kind: int, data: dict[str, Any] | None, files: dict[str, bytes]) -> None:
        body = data or {}
        if kind == 4:
            interaction.original = await self.store_message(interaction.channel_id, body, files, interaction=interaction)
        elif kind == 5:  # deferred: a "thinking" message that a later edit or follow-up fills in
            flags = LOADING | (int(body.get("flags") or 0) & EPHEMERAL)
            interaction.original = await self.store_message(interaction.channel_id, {"flags": flags}, {}, interaction=interaction)
            interaction.followup_replaces_loading = True
        elif kind in (6, 7):  # component interactions: @original is the clicked message
            interaction.original = self.messages_by_id[int(interaction.payload["message"]["id"])]
            if kind == 7:
                interaction.edits.append(body)
                await self.update_message(interaction.original, body, files)
        interaction.callback = {"type": kind, "data": data}
        self._notify()

    async def record_followup(self, interaction: FakeInteraction, body: dict[str, Any], files: dict[str, bytes]) -> FakeMessage:
        original = interaction.original
        if interaction.followup_replaces_loading and original is not None and original.flags & LOADING:
            # Discord: the first follow-up after a type-5 defer becomes the deferred message.
            interaction.followup_replaces_loading = False
            original.flags &= ~LOADING
            await self.update_message(original, body, files)
            message = original
        else:
            message = await self.store_message(interaction.channel_id, body, files, interaction=interaction, followup=True)
        interaction.followups.append(message)
        self._notify()
        return message

