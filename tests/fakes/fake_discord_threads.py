"""Threads in the fake Discord: public threads started from a message, posts in them, and what a
server's moderators do to them (archive, lock, delete).

Discord's rules that the bot depends on, as the fake keeps them:
- a thread started from a message has the message's id, and a message has one thread at most
  (a second start answers 400, code 160004) until that thread is deleted;
- starting one needs Create Public Threads, posting in one Send Messages in Threads;
- a post in an archived thread reopens it, unless the thread is locked: then only a member with
  Manage Threads may post (others get 400, code 50083, while it is archived; 403 otherwise);
- a deleted thread is an unknown channel (404, code 10003), its messages gone with it;
- a forum channel takes posts, not messages: a post is a thread with a starter message that
  shares its id (POST /channels/{forum}/threads, which takes no nonce); a plain message there is
  refused (400, code 50008);
- GET /guilds/{id}/threads/active lists the threads not archived.

The test-facing helpers live on FakeDiscord through ThreadsMixin; the REST routes in ThreadRoutes.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from aiohttp import web

from . import fake_discord_validation as v
from .fake_discord_model import EPHEMERAL, LOADING, FakeMessage, now_iso

if TYPE_CHECKING:
    from .fake_discord_state import DiscordState

PUBLIC_THREAD, ANNOUNCEMENT_THREAD, PRIVATE_THREAD, FORUM = 11, 10, 12, 15
THREAD_TYPES = (ANNOUNCEMENT_THREAD, PUBLIC_THREAD, PRIVATE_THREAD)
VIEW_CHANNEL, SEND_MESSAGES = 1 << 10, 1 << 11
MANAGE_THREADS, CREATE_PUBLIC_THREADS, SEND_MESSAGES_IN_THREADS = 1 << 34, 1 << 35, 1 << 38
HAS_THREAD = 1 << 5  # message flag: a thread was started from this message
THREAD_ALREADY_CREATED, THREAD_ARCHIVED, THREAD_LOCKED = 160004, 50083, 160005
ARCHIVE_DURATIONS = (60, 1440, 4320, 10080)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class ThreadError(Exception):
    def __init__(self, response: web.Response) -> None:
        self.response = response


def is_thread(channel: dict[str, Any] | None) -> bool:
    return channel is not None and int(channel.get("type", 0)) in THREAD_TYPES


def thread_payload(thread_id: int, guild_id: int, parent_id: int, owner_id: int, name: str,
                   auto_archive_duration: int) -> dict[str, Any]:
    """A thread channel as Discord returns it (every key discord.py's Thread indexes)."""
    now = now_iso()
    return {
        "id": str(thread_id),
        "guild_id": str(guild_id),
        "parent_id": str(parent_id),
        "owner_id": str(owner_id),
        "type": PUBLIC_THREAD,
        "name": name,
        "last_message_id": None,
        "message_count": 0,
        "member_count": 1,
        "total_message_sent": 0,
        "rate_limit_per_user": 0,
        "flags": 0,
        "thread_metadata": {"archived": False, "auto_archive_duration": auto_archive_duration,
                            "archive_timestamp": now, "locked": False, "create_timestamp": now},
    }


def is_forum(channel: dict[str, Any] | None) -> bool:
    return channel is not None and int(channel.get("type", 0)) == FORUM


def refuse_forum_message() -> ThreadError:
    return ThreadError(v.error_response(400, 50008, "Cannot send messages in a non-text channel"))


def check_post(fake: DiscordState, thread: dict[str, Any]) -> None:
    """May the bot post in this thread? Raises the error Discord answers; reopens an archived one."""
    guild = fake.guilds[int(thread["guild_id"])]
    perms = guild.permissions_of(fake.bot_user_id)
    metadata = thread["thread_metadata"]
    if not perms & VIEW_CHANNEL:
        raise ThreadError(v.error_response(403, 50001, "Missing Access"))
    if not perms & SEND_MESSAGES_IN_THREADS:
        raise ThreadError(v.error_response(403, v.MISSING_PERMISSIONS, "Missing Permissions"))
    if metadata["locked"] and not perms & MANAGE_THREADS:
        if metadata["archived"]:
            raise ThreadError(v.error_response(400, THREAD_ARCHIVED, "Thread is archived"))
        raise ThreadError(v.error_response(403, THREAD_LOCKED, "Thread is locked"))
    if metadata["archived"]:
        metadata.update(archived=False, archive_timestamp=now_iso())
        fake._spawn(fake.gateway.dispatch("THREAD_UPDATE", dict(thread)))


def count_post(thread: dict[str, Any]) -> None:
    thread["message_count"] += 1
    thread["total_message_sent"] += 1


class ThreadRoutes:
    """REST routes for threads; FakeRest adds them to its own."""

    def __init__(self, fake: DiscordState, read_body: Callable[[web.Request], Awaitable[tuple[Any, dict[str, bytes]]]]) -> None:
        self._fake = fake
        self._read_body = read_body  # FakeRest's, so the request log shows the body

    def routes(self) -> list[tuple[str, str, Handler]]:
        return [("POST", "/channels/{channel_id}/messages/{message_id}/threads", self.start_from_message),
                ("POST", "/channels/{channel_id}/threads", self.start_in_forum),
                ("GET", "/guilds/{guild_id}/threads/active", self.active_threads)]

    async def active_threads(self, request: web.Request) -> web.Response:
        guild_id = int(request.match_info["guild_id"])
        if guild_id not in self._fake.guilds:
            return v.error_response(404, v.UNKNOWN_GUILD, "Unknown Guild")
        found = [t for t in self._fake.threads.values()
                 if int(t["guild_id"]) == guild_id and not t["thread_metadata"]["archived"]]
        return v.json_response({"threads": sorted(found, key=lambda t: -int(t["id"])), "members": []})

    async def start_in_forum(self, request: web.Request) -> web.Response:
        """A forum post: the thread and its starter message, one id (Discord's thread-only form of
        this route, for text channels, is not used by the bot and not faked)."""
        fake = self._fake
        channel = fake.find_channel(int(request.match_info["channel_id"]))
        if channel is None:
            return v.error_response(404, v.UNKNOWN_CHANNEL, "Unknown Channel")
        if not is_forum(channel):
            return v.error_response(400, 50024, "Cannot execute action on this channel type")
        guild = fake.guilds[int(channel["guild_id"])]
        perms = guild.permissions_of(fake.bot_user_id)
        if not perms & VIEW_CHANNEL:
            return v.error_response(403, 50001, "Missing Access")
        if not perms & SEND_MESSAGES:
            return v.error_response(403, v.MISSING_PERMISSIONS, "Missing Permissions")
        body, _ = await self._read_body(request)
        body = body or {}
        name, starter = body.get("name"), body.get("message")
        if not isinstance(name, str) or not 1 <= len(name) <= 100 or not isinstance(starter, dict):
            return v.form_error({"name": {"_errors": [{"code": "BASE_TYPE_BAD_LENGTH", "message": "Must be between 1 and 100 in length."}]}})
        if (error := v.validate_message(starter)) is not None:
            return error
        thread_id = fake.snowflakes.next()
        duration = int(body.get("auto_archive_duration") or 1440)
        thread = thread_payload(thread_id, guild.id, int(channel["id"]), fake.bot_user_id, name, duration)
        fake.threads[thread_id] = thread
        message = FakeMessage(thread_id, thread_id, guild.id, fake.bot_user_payload())
        message.apply(starter, [], creating=True)
        message.flags &= ~(EPHEMERAL | LOADING)
        fake.messages_by_id[thread_id] = message
        thread["last_message_id"] = str(thread_id)
        count_post(thread)
        channel["last_message_id"] = str(thread_id)
        fake._notify()
        await fake.gateway.dispatch("THREAD_CREATE", {**thread, "newly_created": True})
        return v.json_response({**thread, "message": fake.message_payload(message)}, status=201)

    async def start_from_message(self, request: web.Request) -> web.Response:
        fake = self._fake
        try:
            channel = fake.find_channel(int(request.match_info["channel_id"]))
            if channel is None:
                raise ThreadError(v.error_response(404, v.UNKNOWN_CHANNEL, "Unknown Channel"))
            message = fake.messages_by_id.get(int(request.match_info["message_id"]))
            if message is None or message.deleted or message.channel_id != int(channel["id"]) or message.ephemeral:
                raise ThreadError(v.error_response(404, v.UNKNOWN_MESSAGE, "Unknown Message"))
            if int(channel.get("type", 0)) not in (0, 5):
                raise ThreadError(v.error_response(400, 50024, "Cannot execute action on this channel type"))
            guild = fake.guilds[int(channel["guild_id"])]
            if not guild.permissions_of(fake.bot_user_id) & CREATE_PUBLIC_THREADS:
                raise ThreadError(v.error_response(403, v.MISSING_PERMISSIONS, "Missing Permissions"))
            body, _ = await self._read_body(request)
            body = body or {}
            name = body.get("name")
            duration = int(body.get("auto_archive_duration") or 1440)
            errors: dict[str, Any] = {}
            if not isinstance(name, str) or not 1 <= len(name) <= 100:
                errors["name"] = {"_errors": [{"code": "BASE_TYPE_BAD_LENGTH", "message": "Must be between 1 and 100 in length."}]}
            if duration not in ARCHIVE_DURATIONS:
                errors["auto_archive_duration"] = {"_errors": [{"code": "BASE_TYPE_CHOICES", "message": "Value must be one of (60, 1440, 4320, 10080)."}]}
            if errors:
                raise ThreadError(v.form_error(errors))
            if message.id in fake.threads:
                raise ThreadError(v.error_response(400, THREAD_ALREADY_CREATED,
                                                   "A thread has already been created for this message"))
        except ThreadError as error:
            return error.response
        thread = thread_payload(message.id, guild.id, int(channel["id"]), fake.bot_user_id, name, duration)
        fake.threads[message.id] = thread
        message.flags |= HAS_THREAD
        fake._notify()
        await fake.gateway.dispatch("THREAD_CREATE", {**thread, "newly_created": True})
        return v.json_response(thread, status=201)


class ThreadsMixin:
    """What a test sees of threads, and what a server's moderators do to them (FakeDiscord's)."""

    threads: dict[int, dict[str, Any]]
    messages_by_id: dict[int, Any]
    gateway: Any
    _notify: Callable[[], None]

    def threads_of(self, channel_id: int) -> list[dict[str, Any]]:
        """The threads started in a channel, oldest first (deleted ones are gone)."""
        return sorted((t for t in self.threads.values() if int(t["parent_id"]) == channel_id), key=lambda t: int(t["id"]))

    async def archive_thread(self, thread_id: int, *, locked: bool = False) -> None:
        """A moderator archives (and maybe locks) a thread, or Discord archives it after inactivity."""
        thread = self.threads[thread_id]
        thread["thread_metadata"].update(archived=True, locked=locked, archive_timestamp=now_iso())
        self._notify()
        await self.gateway.dispatch("THREAD_UPDATE", dict(thread))

    async def delete_thread(self, thread_id: int) -> None:
        """A moderator deletes a thread: it and its messages are gone; its parent message stays."""
        thread = self.threads.pop(thread_id)
        for message in self.messages_by_id.values():
            if message.channel_id == thread_id:
                message.deleted = True
        self._notify()
        event = {key: thread[key] for key in ("id", "guild_id", "parent_id", "type")}
        await self.gateway.dispatch("THREAD_DELETE", event)
