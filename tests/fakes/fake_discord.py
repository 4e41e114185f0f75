"""A loopback Discord (REST v10 + gateway) for running the real discord.py client in tests.

Usage::

    fake = FakeDiscord()
    fake.add_guild(1, "Guild", channels=[10], members=[100])
    await fake.start()
    point_discord_at(fake.api_base_url, fake.gateway_url)
    # ... bot.start(fake.token) ...; inject_slash(...); wait_for_response(...)
    await fake.close()

REST lives in fake_discord_rest, the gateway in fake_discord_gateway, payload shapes in
fake_discord_model/_interactions, Discord's validation rules in fake_discord_validation.
"""

from __future__ import annotations

import asyncio
import re
import secrets
import socket
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from aiohttp import web

from .fake_discord_interactions import (
    build_command_options,
    build_resolved,
    find_component,
    interaction_payload,
)
from .fake_discord_model import (
    ALL_PERMISSIONS,
    DEFAULT_EVERYONE_PERMISSIONS,
    FailureRule,
    FakeGuild,
    FakeInteraction,
    FakeMessage,
    RequestRecord,
    channel_payload,
    now_iso,
    role_payload,
    user_payload,
)
from .fake_discord_rest import FakeRest
from .fake_discord_state import APPLICATION_COMMAND, AUTOCOMPLETE, MESSAGE_COMPONENT, DiscordState
from .fake_discord_threads import ThreadsMixin

T = TypeVar("T")


class FakeDiscord(ThreadsMixin, DiscordState):
    """See the module docstring. Constructor options are DiscordState's."""

    _runner: web.AppRunner | None = None

    # -- lifecycle -------------------------------------------------------------------------

    async def start(self) -> None:
        rest = FakeRest(self)
        app = web.Application(middlewares=[rest.middleware])
        app.router.add_get("/gateway", self.gateway.handle)
        app.add_routes(rest.routes(self.api_path))
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=2.0)
        await self._runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))  # port 0: the OS picks a free one, no race with other tests
        self._port = sock.getsockname()[1]
        await web.SockSite(self._runner, sock).start()

    async def close(self) -> None:
        await self.gateway.close()
        await self.settle()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        if self.server_errors:
            errors, self.server_errors = self.server_errors, []
            raise RuntimeError(f"fake Discord raised inside request handlers: {errors!r}") from errors[0]

    async def __aenter__(self) -> FakeDiscord:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    # -- state set-up ----------------------------------------------------------------------

    def add_user(self, user_id: int, username: str | None = None, *, bot: bool = False) -> dict[str, Any]:
        return self.users.setdefault(user_id, user_payload(user_id, username, bot=bot))

    def add_guild(
        self,
        guild_id: int,
        name: str,
        channels: Iterable[int | dict[str, Any]] = (),
        members: Iterable[int | dict[str, Any]] = (),
        *,
        roles: Iterable[dict[str, Any]] = (),
        owner_id: int | None = None,
        bot_permissions: int = ALL_PERMISSIONS,
    ) -> FakeGuild:
        """Add a guild the bot is in. Channels: ids or partial channel dicts (``{"id", "name",
        "type", ...}``). Members: user ids or ``{"id", "username", "roles", "nick"}``. Roles:
        ``{"id", "name", "permissions"}``; members get @everyone's permissions plus their roles'.
        If the bot is connected, GUILD_CREATE is sent (a join: the bot sees ``guild_join``)."""
        guild = FakeGuild(id=guild_id, name=name, owner_id=0)
        guild.roles[guild_id] = role_payload(guild_id, "@everyone", DEFAULT_EVERYONE_PERMISSIONS)
        for position, role in enumerate(roles, start=1):
            extra = {k: val for k, val in role.items() if k not in ("id", "name", "permissions")}
            guild.roles[int(role["id"])] = role_payload(int(role["id"]), role["name"], int(role.get("permissions", 0)), position, **extra)
        bot_role = self.snowflakes.next()
        guild.roles[bot_role] = role_payload(bot_role, self.users[self.bot_user_id]["username"], bot_permissions, 1, managed=True, tags={"bot_id": str(self.bot_user_id)})
        for position, spec in enumerate(channels):
            channel = channel_payload(guild_id, spec, position)
            guild.channels[int(channel["id"])] = channel
        self._add_member(guild, {"id": self.bot_user_id, "roles": [bot_role]})
        for spec in members:
            self._add_member(guild, {"id": spec} if isinstance(spec, int) else spec)
        # The owner implicitly has every permission, so by default it is nobody the test uses.
        guild.owner_id = owner_id or self.snowflakes.next()
        if guild.owner_id not in guild.members:
            self._add_member(guild, {"id": guild.owner_id, "username": "owner"})
        self.guilds[guild_id] = guild
        if live := self.gateway.live_sessions:
            payload = self.guild_create_payload(guild, live[0].intents)
            del payload["unavailable"]  # no "unavailable" key is how discord.py tells a join (guild_join)
            self._spawn(self.gateway.dispatch("GUILD_CREATE", payload))
        return guild

    def _add_member(self, guild: FakeGuild, spec: Mapping[str, Any]) -> None:
        user_id = int(spec["id"])
        self.add_user(user_id, spec.get("username"), bot=bool(spec.get("bot", False)))
        guild.members[user_id] = {
            "roles": [str(r) for r in spec.get("roles", [])],
            "nick": spec.get("nick"),
            "joined_at": now_iso(),
        }

    async def add_channel(self, guild_id: int, spec: int | dict[str, Any]) -> dict[str, Any]:
        guild = self.guilds[guild_id]
        channel = channel_payload(guild_id, spec, len(guild.channels))
        guild.channels[int(channel["id"])] = channel
        await self.gateway.dispatch("CHANNEL_CREATE", channel)
        return channel

    async def delete_channel(self, channel_id: int) -> None:
        channel = self.find_channel(channel_id)
        if channel is None:
            raise LookupError(f"no channel {channel_id}")
        del self.guilds[int(channel["guild_id"])].channels[channel_id]
        await self.gateway.dispatch("CHANNEL_DELETE", channel)

    def fail_next(
        self,
        method: str,
        path_regex: str,
        status: int,
        *,
        retry_after: float | None = None,
        times: int = 1,
        code: int | None = None,
        message: str | None = None,
        is_global: bool = False,
    ) -> FailureRule:
        """Answer the next ``times`` matching REST calls with an error instead of handling them.

        ``path_regex`` is full-matched against the path after the API base, e.g.
        ``r"/channels/\\d+/messages"``; ``method`` may be ``"*"``. 429s carry retry_after
        (default 0.05 s), Retry-After/X-RateLimit-* headers and ``Via``; other statuses get
        Discord's usual body (403 → 50013, 404 → 10003, ...) unless code/message are given.
        """
        rule = FailureRule(method.upper(), re.compile(path_regex), status, times, retry_after, code, message, is_global)
        self.failure_rules.append(rule)
        return rule

    # -- commands and interactions ---------------------------------------------------------

    def registered_commands(self, guild_id: int | None = None) -> list[dict[str, Any]]:
        """Global commands, or one guild's commands, as stored from the bot's PUT/POST."""
        if guild_id is None:
            return list(self.global_commands.values())
        return list(self.guild_commands.get(guild_id, {}).values())

    def _find_command(self, guild_id: int, name: str) -> dict[str, Any] | None:
        for command in [*self.guild_commands.get(guild_id, {}).values(), *self.global_commands.values()]:
            if command["name"] == name and int(command.get("type", 1)) == 1:
                return command
        if self.strict_commands:
            raise LookupError(f"/{name} is not registered globally or in guild {guild_id}; did the bot sync its tree?")
        return None

    async def _inject(self, kind: int, guild_id: int, channel_id: int, user_id: int, data: dict[str, Any], *, permissions: int | str | None, locale: str, message: FakeMessage | None = None) -> FakeInteraction:
        guild = self.guilds[guild_id]
        thread = self.threads.get(channel_id)  # a click in a thread or forum post: Discord sends the thread
        in_guild = channel_id in guild.channels or (thread is not None and int(thread["guild_id"]) == guild_id)
        if not in_guild or user_id not in guild.members:
            raise LookupError(f"channel {channel_id} / member {user_id} not in guild {guild_id}")
        member = self.member_payload(guild, user_id)
        member["permissions"] = str(guild.permissions_of(user_id) if permissions is None else permissions)
        interaction_id, token = self.snowflakes.next(), secrets.token_urlsafe(48)
        payload = interaction_payload(
            interaction_id=interaction_id,
            token=token,
            kind=kind,
            application_id=self.application_id,
            guild=guild,
            channel_id=channel_id,
            member=member,
            app_permissions=guild.permissions_of(self.bot_user_id),
            data=data,
            locale=locale,
            message=None if message is None else self.message_payload(message),
            channel=thread,
        )
        interaction = FakeInteraction(interaction_id, token, kind, guild_id, channel_id, user_id, payload, self.loop_time())
        self.interactions[interaction_id] = interaction
        self.interactions_by_token[token] = interaction
        if not await self.gateway.dispatch("INTERACTION_CREATE", payload):
            raise RuntimeError("no bot is connected to the fake gateway")
        return interaction

    def _command_data(self, guild_id: int, name: str, options: Mapping[str, Any] | None, group: str | None, sub: str | None, focused: str | None) -> dict[str, Any]:
        definition = self._find_command(guild_id, name)
        opts = build_command_options(definition, options or {}, subcommand_group=group, subcommand=sub, focused=focused)
        data: dict[str, Any] = {"id": str(definition["id"]) if definition else str(self.snowflakes.next()), "name": name, "type": 1, "options": opts}
        if definition and definition.get("guild_id"):
            data["guild_id"] = definition["guild_id"]  # discord.py looks guild commands up by this
        guild = self.guilds[guild_id]
        resolved = build_resolved(opts, guild, self.users, self.member_fields, str(ALL_PERMISSIONS))
        if resolved:
            data["resolved"] = resolved
        return data

    async def inject_slash(
        self,
        guild_id: int,
        channel_id: int,
        user_id: int,
        name: str,
        options: Mapping[str, Any] | None = None,
        *,
        subcommand_group: str | None = None,
        subcommand: str | None = None,
        permissions: int | str | None = None,
        locale: str = "en-US",
    ) -> FakeInteraction:
        """A user runs ``/name [group] [sub] options...``. ``permissions`` overrides the member's
        computed permissions (a decimal string or int), e.g. to test a permission check."""
        data = self._command_data(guild_id, name, options, subcommand_group, subcommand, None)
        return await self._inject(APPLICATION_COMMAND, guild_id, channel_id, user_id, data, permissions=permissions, locale=locale)

    async def inject_autocomplete(
        self,
        guild_id: int,
        channel_id: int,
        user_id: int,
        name: str,
        options: Mapping[str, Any],
        *,
        focused: str | None = None,
        subcommand_group: str | None = None,
        subcommand: str | None = None,
        timeout: float = 5.0,  # noqa: ASYNC109 - a per-call timeout is the test-facing API
    ) -> list[dict[str, Any]]:
        """A user is typing option ``focused`` (default: the last one); return the bot's choices."""
        focused = focused or list(options)[-1]
        data = self._command_data(guild_id, name, options, subcommand_group, subcommand, focused)
        interaction = await self._inject(AUTOCOMPLETE, guild_id, channel_id, user_id, data, permissions=None, locale="en-US")
        await self.wait_for_response(interaction, timeout=timeout)
        return interaction.choices or []

    async def inject_component(
        self,
        guild_id: int,
        channel_id: int,
        user_id: int,
        message_id: int,
        custom_id: str,
        *,
        values: list[str] | None = None,
        permissions: int | str | None = None,
    ) -> FakeInteraction:
        message = self.messages_by_id.get(message_id)
        if message is None or message.deleted or message.channel_id != channel_id:
            raise LookupError(f"message {message_id} is not in channel {channel_id}")
        component = find_component(message.components, custom_id)
        if component is None:
            raise LookupError(f"message {message_id} has no component {custom_id!r}")
        if component.get("disabled"):
            raise ValueError(f"component {custom_id!r} is disabled")
        data: dict[str, Any] = {"custom_id": custom_id, "component_type": int(component["type"])}
        if values is not None:
            data["values"] = values
        return await self._inject(MESSAGE_COMPONENT, guild_id, channel_id, user_id, data, permissions=permissions, locale="en-US", message=message)

    async def inject_button(self, guild_id: int, channel_id: int, user_id: int, message_id: int, custom_id: str) -> FakeInteraction:
        """A user clicks a button (it must exist, enabled, on the stored message)."""
        return await self.inject_component(guild_id, channel_id, user_id, message_id, custom_id)

    # -- waiting ---------------------------------------------------------------------------

    async def wait_for(self, predicate: Callable[[], T | None], *, timeout: float = 5.0, what: str = "condition") -> T:  # noqa: ASYNC109 - a per-call timeout is the test-facing API
        """Wait until ``predicate()`` returns something truthy and return it."""
        try:
            async with asyncio.timeout(timeout):
                while True:
                    changed = self._changed
                    result = predicate()
                    if result:
                        return result
                    await changed.wait()
        except TimeoutError:
            recent = [f"{r.method} {r.path} -> {r.status}" for r in self.requests[-5:]]
            raise TimeoutError(f"fake Discord: timed out after {timeout}s waiting for {what}; last requests: {recent}") from None

    async def wait_for_response(self, interaction: FakeInteraction, timeout: float = 5.0) -> dict[str, Any]:  # noqa: ASYNC109 - a per-call timeout is the test-facing API
        """The bot's interaction callback: ``{"type": int, "data": dict | None}``."""
        return await self.wait_for(lambda: interaction.callback, timeout=timeout, what=f"a response to interaction {interaction.id}")

    async def wait_for_followup(self, interaction: FakeInteraction, count: int = 1, timeout: float = 5.0) -> list[FakeMessage]:  # noqa: ASYNC109 - a per-call timeout is the test-facing API
        return await self.wait_for(lambda: interaction.followups if len(interaction.followups) >= count else None, timeout=timeout, what=f"{count} follow-up(s)")

    async def wait_for_edit(self, interaction: FakeInteraction, count: int = 1, timeout: float = 5.0) -> list[dict[str, Any]]:  # noqa: ASYNC109 - a per-call timeout is the test-facing API
        return await self.wait_for(lambda: interaction.edits if len(interaction.edits) >= count else None, timeout=timeout, what=f"{count} edit(s) of @original")

    async def wait_for_message(self, channel_id: int, count: int = 1, timeout: float = 5.0) -> list[FakeMessage]:  # noqa: ASYNC109 - a per-call timeout is the test-facing API
        """Wait until the channel holds at least ``count`` visible messages; return them all."""
        def ready() -> list[FakeMessage] | None:
            found = self.messages(channel_id)
            return found if len(found) >= count else None

        return await self.wait_for(ready, timeout=timeout, what=f"{count} message(s) in channel {channel_id}")

    def requests_matching(self, method: str, path_regex: str) -> list[RequestRecord]:
        pattern = re.compile(path_regex)
        return [r for r in self.requests if method.upper() in ("*", r.method) and pattern.fullmatch(r.path)]

    # -- gateway controls ------------------------------------------------------------------

    async def request_reconnect(self) -> None:
        await self.gateway.request_reconnect()

    async def drop_gateway(self, code: int = 4000) -> None:
        await self.gateway.drop_connections(code)

    async def wait_for_gateway(self, *, resumed: int = 0, identified: int = 1, timeout: float = 5.0) -> None:  # noqa: ASYNC109 - a per-call timeout is the test-facing API
        """Wait until the client has sent this many IDENTIFYs / RESUMEs in total."""
        def done() -> bool:
            ops = [p.get("op") for p in self.gateway.received]
            return ops.count(2) >= identified and ops.count(6) >= resumed

        await self.wait_for(done, timeout=timeout, what="gateway handshakes")
