"""REST half of the fake Discord: the v10 routes discord.py uses for a slash-command bot."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from aiohttp import web

from . import fake_discord_validation as v
from .fake_discord_model import LOADING, FakeInteraction, FakeMessage, RequestRecord
from .fake_discord_threads import (
    ThreadError,
    ThreadRoutes,
    check_post,
    count_post,
    is_forum,
    is_thread,
    refuse_forum_message,
)

if TYPE_CHECKING:
    from .fake_discord_state import DiscordState

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
VIEW_CHANNEL, SEND_MESSAGES = 1 << 10, 1 << 11
FOLLOWUP_LIFETIME = 15 * 60
BODY_KEY = web.RequestKey("fake_discord_body", object)  # a str key triggers NotAppKeyWarning
# Callback types each interaction type accepts (Discord rejects the rest).
ALLOWED_CALLBACKS = {2: {4, 5, 9}, 3: {4, 5, 6, 7, 9}, 4: {8}, 5: {4, 5, 6, 7}}


class RestError(Exception):
    def __init__(self, response: web.Response) -> None:
        self.response = response


def _not_found(code: int, what: str) -> RestError:
    return RestError(v.error_response(404, code, f"Unknown {what}"))


async def _read_body(request: web.Request) -> tuple[Any, dict[str, bytes]]:
    """JSON body, or payload_json + files[n] of a multipart upload (how discord.py sends files)."""
    if request.content_type == "multipart/form-data":
        body: Any = {}
        files: dict[str, bytes] = {}
        reader = await request.multipart()
        async for part in reader:
            if part.name == "payload_json":  # type: ignore[union-attr]
                body = json.loads(await part.text())  # type: ignore[union-attr]
            elif part.filename:  # type: ignore[union-attr]
                files[part.filename] = bytes(await part.read())  # type: ignore[union-attr]
        return body, files
    raw = await request.read()
    if not raw:
        return None, {}
    try:
        return json.loads(raw), {}
    except ValueError:
        raise RestError(v.error_response(400, 50109, "The request body contains invalid JSON.")) from None


class FakeRest:
    def __init__(self, fake: DiscordState) -> None:
        self._fake = fake

    def routes(self, prefix: str) -> list[web.RouteDef]:
        r = [
            ("GET", "/users/@me", self.get_me),
            ("GET", "/users/{user_id}", self.get_user),
            ("GET", "/oauth2/applications/@me", self.get_application),
            ("GET", "/applications/@me", self.get_application),
            ("GET", "/gateway", self.get_gateway),
            ("GET", "/gateway/bot", self.get_bot_gateway),
            ("GET", "/applications/{app_id}/commands", self.list_commands),
            ("PUT", "/applications/{app_id}/commands", self.put_commands),
            ("POST", "/applications/{app_id}/commands", self.upsert_command),
            ("GET", "/applications/{app_id}/commands/{command_id}", self.get_command),
            ("DELETE", "/applications/{app_id}/commands/{command_id}", self.delete_command),
            ("GET", "/applications/{app_id}/guilds/{guild_id}/commands", self.list_commands),
            ("PUT", "/applications/{app_id}/guilds/{guild_id}/commands", self.put_commands),
            ("POST", "/applications/{app_id}/guilds/{guild_id}/commands", self.upsert_command),
            ("GET", "/applications/{app_id}/guilds/{guild_id}/commands/{command_id}", self.get_command),
            ("DELETE", "/applications/{app_id}/guilds/{guild_id}/commands/{command_id}", self.delete_command),
            ("GET", "/guilds/{guild_id}", self.get_guild),
            ("GET", "/guilds/{guild_id}/channels", self.get_guild_channels),
            ("GET", "/guilds/{guild_id}/roles", self.get_guild_roles),
            ("GET", "/guilds/{guild_id}/members/{user_id}", self.get_member),
            ("DELETE", "/users/@me/guilds/{guild_id}", self.leave_guild),
            ("GET", "/channels/{channel_id}", self.get_channel),
            ("POST", "/channels/{channel_id}/typing", self.typing),
            ("GET", "/channels/{channel_id}/messages", self.list_messages),
            ("POST", "/channels/{channel_id}/messages", self.create_message),
            ("GET", "/channels/{channel_id}/messages/{message_id}", self.get_message),
            ("PATCH", "/channels/{channel_id}/messages/{message_id}", self.edit_message),
            ("DELETE", "/channels/{channel_id}/messages/{message_id}", self.delete_message),
            ("POST", "/interactions/{interaction_id}/{token}/callback", self.interaction_callback),
            ("POST", "/webhooks/{app_id}/{token}", self.followup),
            ("GET", "/webhooks/{app_id}/{token}/messages/{message_id}", self.get_webhook_message),
            ("PATCH", "/webhooks/{app_id}/{token}/messages/{message_id}", self.edit_webhook_message),
            ("DELETE", "/webhooks/{app_id}/{token}/messages/{message_id}", self.delete_webhook_message),
        ]
        r += ThreadRoutes(self._fake, self._body).routes()
        defs = [web.route(method, prefix + path, self._wrap(handler)) for method, path, handler in r]
        defs.append(web.route("*", prefix + "/{tail:.*}", self.unhandled))
        return defs

    def _wrap(self, handler: Handler) -> Handler:
        async def run(request: web.Request) -> web.StreamResponse:
            try:
                return await handler(request)
            except RestError as exc:
                return exc.response
            except Exception as exc:
                # A bug in the fake: discord.py would silently retry a 500, so keep it for close().
                self._fake.server_errors.append(exc)
                return v.error_response(500, 0, f"fake Discord bug: {exc!r}")

        return run

    @web.middleware
    async def middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Log every call, apply fail_next() rules, then check auth like Discord."""
        fake = self._fake
        path = request.path.removeprefix(fake.api_path)
        if not request.path.startswith(fake.api_path + "/"):
            return await handler(request)
        rule = next((r for r in fake.failure_rules if r.matches(request.method, path)), None)
        if rule is not None:
            rule.times -= 1
            if rule.status == 429:
                response = v.rate_limited_response(rule.retry_after or 0.05, is_global=rule.is_global)
            else:
                response = v.error_response(rule.status, rule.code, rule.message)
            self._log(request, path, response.status, None, injected=True)
            return response
        token_route = path.startswith(("/interactions/", "/webhooks/"))
        if not token_route and request.headers.get("Authorization") != f"Bot {fake.token}":
            response: web.StreamResponse = v.error_response(401)
        else:
            response = await handler(request)
        self._log(request, path, response.status, request.get(BODY_KEY))
        return response

    def _log(self, request: web.Request, path: str, status: int, body: Any, *, injected: bool = False) -> None:
        record = RequestRecord(request.method, path, status, dict(request.query), body, injected)
        self._fake.requests.append(record)
        self._fake._notify()

    async def _body(self, request: web.Request) -> tuple[Any, dict[str, bytes]]:
        body, files = await _read_body(request)
        request[BODY_KEY] = body
        return body, files

    async def unhandled(self, request: web.Request) -> web.Response:
        self._fake.unhandled.append((request.method, request.path.removeprefix(self._fake.api_path)))
        return v.error_response(404, 0, "404: Not Found")

    # -- users, application, gateway -------------------------------------------------------

    async def get_me(self, request: web.Request) -> web.Response:
        return v.json_response(self._fake.bot_user_payload(full=True))

    async def get_user(self, request: web.Request) -> web.Response:
        user = self._fake.users.get(int(request.match_info["user_id"]))
        if user is None:
            raise _not_found(10013, "User")
        return v.json_response(user)

    async def get_application(self, request: web.Request) -> web.Response:
        return v.json_response(self._fake.application_payload())

    async def get_gateway(self, request: web.Request) -> web.Response:
        return v.json_response({"url": self._fake.gateway_url})

    async def get_bot_gateway(self, request: web.Request) -> web.Response:
        """The recommended shard count (``shard_count``) and how many shards may IDENTIFY at once."""
        limit = {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": self._fake.max_concurrency}
        return v.json_response({"url": self._fake.gateway_url, "shards": self._fake.shard_count,
                                "session_start_limit": limit})

    # -- application commands --------------------------------------------------------------

    def _commands(self, request: web.Request) -> tuple[dict[int, dict[str, Any]], int | None]:
        if int(request.match_info["app_id"]) != self._fake.application_id:
            raise RestError(v.error_response(403, 50001, "Missing Access"))
        if "guild_id" not in request.match_info:
            return self._fake.global_commands, None
        guild_id = int(request.match_info["guild_id"])
        if guild_id not in self._fake.guilds:
            raise RestError(v.error_response(403, 50001, "Missing Access"))
        return self._fake.guild_commands.setdefault(guild_id, {}), guild_id

    def _command_payload(self, body: dict[str, Any], command_id: int, guild_id: int | None) -> dict[str, Any]:
        stored = {
            "type": 1,
            "options": [],
            "default_member_permissions": None,
            "nsfw": False,
            "contexts": None,
            "integration_types": [0],
            **{key: val for key, val in body.items() if val is not None},  # null means "default"
            "id": str(command_id),
            "application_id": str(self._fake.application_id),
            "version": str(self._fake.snowflakes.next()),
        }
        if guild_id is not None:
            stored["guild_id"] = str(guild_id)
        return stored

    async def list_commands(self, request: web.Request) -> web.Response:
        store, _ = self._commands(request)
        return v.json_response(list(store.values()))

    async def put_commands(self, request: web.Request) -> web.Response:
        store, guild_id = self._commands(request)
        body, _ = await self._body(request)
        if not isinstance(body, list):
            raise RestError(v.form_error({"_errors": [{"code": "BASE_TYPE_ARRAY", "message": "Must be an array."}]}))
        if (error := v.validate_commands(body)) is not None:
            raise RestError(error)
        # Bulk overwrite keeps the id of a command whose name and type are unchanged.
        old = {(c["name"], int(c.get("type", 1))): int(c["id"]) for c in store.values()}
        store.clear()
        for command in body:
            key = (command["name"], int(command.get("type", 1)))
            command_id = old.get(key) or self._fake.snowflakes.next()
            store[command_id] = self._command_payload(command, command_id, guild_id)
        self._fake._notify()
        return v.json_response(list(store.values()))

    async def upsert_command(self, request: web.Request) -> web.Response:
        store, guild_id = self._commands(request)
        body, _ = await self._body(request)
        if (error := v.validate_commands([body])) is not None:
            raise RestError(error)
        key = (body["name"], int(body.get("type", 1)))
        existing = next((int(c["id"]) for c in store.values() if (c["name"], int(c["type"])) == key), None)
        command_id = existing or self._fake.snowflakes.next()
        store[command_id] = self._command_payload(body, command_id, guild_id)
        self._fake._notify()
        return v.json_response(store[command_id], status=200 if existing else 201)

    async def get_command(self, request: web.Request) -> web.Response:
        store, _ = self._commands(request)
        command = store.get(int(request.match_info["command_id"]))
        if command is None:
            raise _not_found(v.UNKNOWN_APPLICATION_COMMAND, "application command")
        return v.json_response(command)

    async def delete_command(self, request: web.Request) -> web.Response:
        store, _ = self._commands(request)
        if store.pop(int(request.match_info["command_id"]), None) is None:
            raise _not_found(v.UNKNOWN_APPLICATION_COMMAND, "application command")
        return web.Response(status=204)

    # -- guilds ----------------------------------------------------------------------------

    def _guild(self, request: web.Request) -> Any:
        guild = self._fake.guilds.get(int(request.match_info["guild_id"]))
        if guild is None:
            raise _not_found(v.UNKNOWN_GUILD, "Guild")
        return guild

    async def get_guild(self, request: web.Request) -> web.Response:
        payload = self._fake.guild_create_payload(self._guild(request), 0)
        for key in ("channels", "members", "threads", "presences", "voice_states", "joined_at", "large", "member_count"):
            payload.pop(key, None)
        return v.json_response(payload)

    async def get_guild_channels(self, request: web.Request) -> web.Response:
        return v.json_response(list(self._guild(request).channels.values()))

    async def get_guild_roles(self, request: web.Request) -> web.Response:
        return v.json_response(list(self._guild(request).roles.values()))

    async def get_member(self, request: web.Request) -> web.Response:
        guild = self._guild(request)
        user_id = int(request.match_info["user_id"])
        if user_id not in guild.members:
            raise _not_found(10007, "Member")
        return v.json_response(self._fake.member_payload(guild, user_id))

    async def leave_guild(self, request: web.Request) -> web.Response:
        self._guild(request)
        await self._fake.remove_guild(int(request.match_info["guild_id"]))
        return web.Response(status=204)

    # -- channels and messages -------------------------------------------------------------

    def _channel(self, request: web.Request) -> dict[str, Any]:
        channel = self._fake.find_channel(int(request.match_info["channel_id"]))
        if channel is None:
            raise _not_found(v.UNKNOWN_CHANNEL, "Channel")
        return channel

    def _message(self, request: web.Request) -> FakeMessage:
        channel = self._channel(request)
        message = self._fake.messages_by_id.get(int(request.match_info["message_id"]))
        if message is None or message.deleted or message.channel_id != int(channel["id"]) or message.ephemeral:
            raise _not_found(v.UNKNOWN_MESSAGE, "Message")
        return message

    def _require(self, channel: dict[str, Any], permission: int) -> None:
        guild = self._fake.guilds[int(channel["guild_id"])]
        perms = guild.permissions_of(self._fake.bot_user_id)
        if not perms & VIEW_CHANNEL:
            raise RestError(v.error_response(403, 50001, "Missing Access"))
        if not perms & permission:
            raise RestError(v.error_response(403, v.MISSING_PERMISSIONS, "Missing Permissions"))

    async def get_channel(self, request: web.Request) -> web.Response:
        return v.json_response(self._channel(request))

    async def typing(self, request: web.Request) -> web.Response:
        self._require(self._channel(request), SEND_MESSAGES)
        return web.Response(status=204)

    async def list_messages(self, request: web.Request) -> web.Response:
        channel = self._channel(request)
        self._require(channel, VIEW_CHANNEL)
        found = self._fake.messages(int(channel["id"]))
        before, after = request.query.get("before"), request.query.get("after")
        if before:
            found = [m for m in found if m.id < int(before)]
        if after:
            found = [m for m in found if m.id > int(after)]
        limit = min(int(request.query.get("limit", 50)), 100)
        newest_first = sorted(found, key=lambda m: m.id, reverse=True)
        chosen = newest_first[-limit:] if after else newest_first[:limit]
        return v.json_response([self._fake.message_payload(m) for m in chosen])

    async def create_message(self, request: web.Request) -> web.Response:
        channel = self._channel(request)
        if is_thread(channel):
            try:
                check_post(self._fake, channel)
            except ThreadError as error:
                raise RestError(error.response) from None
        elif is_forum(channel):
            raise RestError(refuse_forum_message().response)
        else:
            self._require(channel, SEND_MESSAGES)
        body, files = await self._body(request)
        body = body or {}
        if (error := v.validate_message(body, has_files=bool(files))) is not None:
            raise RestError(error)
        nonce = body.get("nonce")
        if nonce is not None and body.get("enforce_nonce"):
            existing = self._fake.recent_nonce(nonce)
            if existing is not None:
                return v.json_response(self._fake.message_payload(existing))
        message = await self._fake.store_message(int(channel["id"]), body, files)
        if is_thread(channel):
            count_post(channel)
        if nonce is not None:
            self._fake.remember_nonce(nonce, message)
        return v.json_response(self._fake.message_payload(message))

    async def get_message(self, request: web.Request) -> web.Response:
        return v.json_response(self._fake.message_payload(self._message(request)))

    async def edit_message(self, request: web.Request) -> web.Response:
        message = self._message(request)
        body, files = await self._body(request)
        if int(message.author["id"]) != self._fake.bot_user_id and set(body or {}) - {"flags"}:
            raise RestError(v.error_response(403, 50005, "Cannot edit a message authored by another user"))
        if (error := v.validate_message(body or {}, partial=True)) is not None:
            raise RestError(error)
        await self._fake.update_message(message, body or {}, files)
        return v.json_response(self._fake.message_payload(message))

    async def delete_message(self, request: web.Request) -> web.Response:
        await self._fake.delete_message(self._message(request))
        return web.Response(status=204)

    # -- interactions and their webhooks ---------------------------------------------------

    async def interaction_callback(self, request: web.Request) -> web.Response:
        fake = self._fake
        interaction = fake.interactions.get(int(request.match_info["interaction_id"]))
        if interaction is None or interaction.token != request.match_info["token"]:
            raise _not_found(v.UNKNOWN_INTERACTION, "interaction")
        if interaction.callback is not None:
            raise RestError(v.error_response(400, v.INTERACTION_ALREADY_ACKNOWLEDGED, "Interaction has already been acknowledged."))
        if fake.loop_time() - interaction.created_at > fake.ack_deadline:
            raise _not_found(v.UNKNOWN_INTERACTION, "interaction")  # Discord's 3 second rule
        body, files = await self._body(request)
        kind = int((body or {}).get("type", 0))
        data = (body or {}).get("data")
        no_message = kind in (6, 7) and "message" not in interaction.payload  # modal opened by a slash command
        if kind not in ALLOWED_CALLBACKS.get(interaction.type, set()) or no_message:
            error = {"type": {"_errors": [{"code": "INTERACTION_CALLBACK_TYPE_INVALID", "message": "Invalid interaction callback type for this interaction."}]}}
            raise RestError(v.form_error(error))
        if kind in (4, 7) and (error := v.validate_message(data or {}, has_files=bool(files), partial=kind == 7)):
            raise RestError(error)
        if kind == 8:
            choices = (data or {}).get("choices") or []
            if len(choices) > 25 or any(not 1 <= len(str(c.get("name", ""))) <= 100 for c in choices):
                raise RestError(v.form_error({"data": {"choices": {"_errors": [{"code": "BASE_TYPE_BAD_LENGTH", "message": "Must be between 1 and 25 in length; names 1-100."}]}}}))
        await fake.record_callback(interaction, kind, data, files)
        if request.query.get("with_response") not in ("1", "true", "True"):
            return web.Response(status=204)
        return v.json_response(self._callback_response(interaction, kind))

    def _callback_response(self, interaction: FakeInteraction, kind: int) -> dict[str, Any]:
        original = interaction.original
        inner: dict[str, Any] = {"id": str(interaction.id), "type": interaction.type}
        result: dict[str, Any] = {"interaction": inner}
        if kind in (4, 5, 7) and original is not None:
            inner.update(
                response_message_id=str(original.id),
                response_message_loading=bool(original.flags & LOADING),
                response_message_ephemeral=original.ephemeral,
            )
            result["resource"] = {"type": kind, "message": self._fake.message_payload(original)}
        return result

    def _webhook_interaction(self, request: web.Request) -> FakeInteraction:
        fake = self._fake
        interaction = fake.interactions_by_token.get(request.match_info["token"])
        if int(request.match_info["app_id"]) != fake.application_id or interaction is None:
            raise _not_found(v.UNKNOWN_WEBHOOK, "Webhook")
        if interaction.callback is None:
            raise _not_found(v.UNKNOWN_WEBHOOK, "Webhook")  # follow-ups only exist after the ACK
        if fake.loop_time() - interaction.created_at > FOLLOWUP_LIFETIME:
            raise RestError(v.error_response(401, 50027, "Invalid Webhook Token"))
        return interaction

    def _webhook_message(self, request: web.Request) -> tuple[FakeInteraction, FakeMessage]:
        interaction = self._webhook_interaction(request)
        wanted = request.match_info["message_id"]
        if wanted == "@original":
            message = interaction.original
        else:
            known = [interaction.original, *interaction.followups]
            message = next((m for m in known if m is not None and str(m.id) == wanted), None)
        if message is None or message.deleted:
            raise _not_found(v.UNKNOWN_MESSAGE, "Message")
        return interaction, message

    async def followup(self, request: web.Request) -> web.Response:
        interaction = self._webhook_interaction(request)
        body, files = await self._body(request)
        if (error := v.validate_message(body or {}, has_files=bool(files))) is not None:
            raise RestError(error)
        message = await self._fake.record_followup(interaction, body or {}, files)
        if request.query.get("wait") in ("1", "true", "True"):
            return v.json_response(self._fake.message_payload(message))
        return web.Response(status=204)

    async def get_webhook_message(self, request: web.Request) -> web.Response:
        _, message = self._webhook_message(request)
        return v.json_response(self._fake.message_payload(message))

    async def edit_webhook_message(self, request: web.Request) -> web.Response:
        interaction, message = self._webhook_message(request)
        body, files = await self._body(request)
        if (error := v.validate_message(body or {}, partial=True)) is not None:
            raise RestError(error)
        if message is interaction.original:
            interaction.edits.append(body or {})
            interaction.followup_replaces_loading = False
        message.flags &= ~LOADING  # editing a deferred ("thinking") response completes it
        await self._fake.update_message(message, body or {}, files)
        return v.json_response(self._fake.message_payload(message))

    async def delete_webhook_message(self, request: web.Request) -> web.Response:
        interaction, message = self._webhook_message(request)
        if message is interaction.original:
            interaction.original_deleted = True
        await self._fake.delete_message(message)
        return web.Response(status=204)
