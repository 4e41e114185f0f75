"""Data model and JSON payload builders for the fake Discord.

Payloads carry every key discord.py 2.7.1 indexes with ``data[...]`` (not ``.get``),
e.g. member ``flags``, user ``avatar``/``discriminator``, channel ``position``, voice
``bitrate``/``user_limit``, interaction ``attachment_size_limit``.
"""

from __future__ import annotations

import itertools
import re
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

DISCORD_EPOCH_MS = 1_420_070_400_000
ADMINISTRATOR = 1 << 3
ALL_PERMISSIONS = (1 << 53) - 1
# What @everyone gets in a fresh guild (view, send, read history, use app commands, ...).
DEFAULT_EVERYONE_PERMISSIONS = 1 << 10 | 1 << 11 | 1 << 16 | 1 << 14 | 1 << 15 | 1 << 6 | 1 << 31 | 1 << 26
EPHEMERAL = 1 << 6
LOADING = 1 << 7

_MENTION_USER = re.compile(r"<@!?(\d+)>")
_MENTION_ROLE = re.compile(r"<@&(\d+)>")


class Snowflakes:
    """Real-looking snowflakes, so discord.utils.snowflake_time() gives sane dates."""

    def __init__(self) -> None:
        self._counter = itertools.count(1)

    def next(self) -> int:
        ms = int(time.time() * 1000) - DISCORD_EPOCH_MS
        return (ms << 22) | (next(self._counter) & 0x3FFFFF)


def now_iso() -> str:
    return datetime.now(UTC).isoformat()


def user_payload(user_id: int, username: str | None = None, *, bot: bool = False) -> dict[str, Any]:
    return {
        "id": str(user_id),
        "username": username or f"user{user_id}",
        "discriminator": "0",
        "global_name": None,
        "avatar": None,
        "bot": bot,
        "public_flags": 0,
    }


def role_payload(role_id: int, name: str, permissions: int, position: int = 0, **extra: Any) -> dict[str, Any]:
    payload = {
        "id": str(role_id),
        "name": name,
        "permissions": str(permissions),
        "position": position,
        "color": 0,
        "colors": {"primary_color": 0, "secondary_color": None, "tertiary_color": None},
        "hoist": False,
        "icon": None,
        "unicode_emoji": None,
        "managed": False,
        "mentionable": False,
        "flags": 0,
    }
    payload.update(extra)
    return payload


def channel_payload(guild_id: int, spec: int | dict[str, Any], position: int) -> dict[str, Any]:
    """Accept a bare id (a text channel named channel-<id>) or a partial channel dict."""
    data = {"id": spec} if isinstance(spec, int) else dict(spec)
    channel_id = int(data["id"])
    payload: dict[str, Any] = {
        "id": str(channel_id),
        "type": 0,
        "guild_id": str(guild_id),
        "name": f"channel-{channel_id}",
        "position": position,
        "permission_overwrites": [],
        "parent_id": None,
        "topic": None,
        "nsfw": False,
        "last_message_id": None,
        "rate_limit_per_user": 0,
        "flags": 0,
    }
    payload.update({k: v for k, v in data.items() if k != "id"})
    if payload["type"] in (2, 13):  # voice and stage channels
        payload.setdefault("bitrate", 64000)
        payload.setdefault("user_limit", 0)
    return payload


@dataclass
class FakeGuild:
    id: int
    name: str
    owner_id: int
    channels: dict[int, dict[str, Any]] = field(default_factory=dict)
    roles: dict[int, dict[str, Any]] = field(default_factory=dict)
    # user id -> member fields without "user" (joined from FakeDiscord.users when serialised)
    members: dict[int, dict[str, Any]] = field(default_factory=dict)
    joined_at: str = field(default_factory=now_iso)

    def permissions_of(self, user_id: int) -> int:
        if user_id == self.owner_id:
            return ALL_PERMISSIONS
        role_ids = [self.id, *map(int, self.members.get(user_id, {}).get("roles", []))]
        value = 0
        for role_id in role_ids:
            value |= int(self.roles.get(role_id, {}).get("permissions", 0))
        return ALL_PERMISSIONS if value & ADMINISTRATOR else value


@dataclass
class FakeMessage:
    """A stored message. ``request`` is the last JSON body the bot sent for it."""

    id: int
    channel_id: int
    guild_id: int | None
    author: dict[str, Any]
    type: int = 0  # 20 = CHAT_INPUT_COMMAND reply
    content: str = ""
    embeds: list[dict[str, Any]] = field(default_factory=list)
    components: list[dict[str, Any]] = field(default_factory=list)
    attachments: list[dict[str, Any]] = field(default_factory=list)
    allowed_mentions: dict[str, Any] | None = None
    nonce: str | int | None = None
    flags: int = 0
    tts: bool = False
    message_reference: dict[str, Any] | None = None
    webhook_id: int | None = None
    interaction_metadata: dict[str, Any] | None = None
    timestamp: str = field(default_factory=now_iso)
    edited_timestamp: str | None = None
    deleted: bool = False
    request: dict[str, Any] = field(default_factory=dict)
    history: list[dict[str, Any]] = field(default_factory=list)  # every create/edit body, in order
    files: dict[str, bytes] = field(default_factory=dict)  # uploaded attachment bytes by filename

    @property
    def ephemeral(self) -> bool:
        return bool(self.flags & EPHEMERAL)

    def apply(self, body: dict[str, Any], attachments: list[dict[str, Any]] | None = None, *, creating: bool = False) -> None:
        """Apply a create/edit body: keys that are present replace, absent ones are kept."""
        for key in ("content", "embeds", "components", "allowed_mentions", "tts", "message_reference"):
            if key in body:
                value = body[key]
                if key in ("embeds", "components") and value is None:
                    value = []
                setattr(self, key, "" if key == "content" and value is None else value)
        if creating:
            self.flags = int(body.get("flags") or 0)
        elif body.get("flags") is not None:
            # An edit cannot make a message ephemeral or not, nor (un)set LOADING.
            self.flags = (self.flags & (EPHEMERAL | LOADING)) | (int(body["flags"]) & ~(EPHEMERAL | LOADING))
        if attachments is not None:
            self.attachments = attachments
        self.request = body
        self.history.append(body)

    def mentions(self) -> tuple[list[int], list[int], bool]:
        """Who Discord would ping, honouring allowed_mentions (its default: parse everything)."""
        allowed = self.allowed_mentions
        parse = ["users", "roles", "everyone"] if allowed is None else allowed.get("parse", [])
        listed_users = {int(u) for u in (allowed or {}).get("users", [])}
        listed_roles = {int(r) for r in (allowed or {}).get("roles", [])}
        users = [int(u) for u in _MENTION_USER.findall(self.content) if "users" in parse or int(u) in listed_users]
        roles = [int(r) for r in _MENTION_ROLE.findall(self.content) if "roles" in parse or int(r) in listed_roles]
        everyone = "everyone" in parse and ("@everyone" in self.content or "@here" in self.content)
        return users, roles, everyone

    def to_payload(self, users: dict[int, dict[str, Any]], application_id: int) -> dict[str, Any]:
        mention_users, mention_roles, everyone = self.mentions()
        payload: dict[str, Any] = {
            "id": str(self.id),
            "channel_id": str(self.channel_id),
            "type": self.type,
            "author": self.author,
            "content": self.content,
            "timestamp": self.timestamp,
            "edited_timestamp": self.edited_timestamp,
            "tts": self.tts,
            "mention_everyone": everyone,
            "mentions": [users.get(u, user_payload(u)) for u in mention_users],
            "mention_roles": [str(r) for r in mention_roles],
            "attachments": self.attachments,
            "embeds": self.embeds,
            "components": self.components,
            "pinned": False,
            "flags": self.flags,
        }
        if self.nonce is not None:
            payload["nonce"] = self.nonce
        if self.message_reference:
            payload["message_reference"] = self.message_reference
        if self.webhook_id is not None:
            payload["webhook_id"] = str(self.webhook_id)
            payload["application_id"] = str(application_id)
        if self.interaction_metadata is not None:
            payload["interaction_metadata"] = self.interaction_metadata
        return payload


@dataclass
class FakeInteraction:
    """An interaction the test injected, and everything the bot did in reply."""

    id: int
    token: str
    type: int
    guild_id: int | None
    channel_id: int
    user_id: int
    payload: dict[str, Any]
    created_at: float
    callback: dict[str, Any] | None = None  # {"type": int, "data": dict | None} as the bot sent it
    original: FakeMessage | None = None  # the @original message, once there is one
    followups: list[FakeMessage] = field(default_factory=list)
    edits: list[dict[str, Any]] = field(default_factory=list)  # bodies of @original edits (incl. type 7)
    original_deleted: bool = False
    followup_replaces_loading: bool = False  # a type 5 defer's first follow-up edits the "thinking" message

    @property
    def response_type(self) -> int | None:
        return None if self.callback is None else int(self.callback["type"])

    @property
    def ephemeral(self) -> bool:
        if self.original is not None:
            return self.original.ephemeral
        data = (self.callback or {}).get("data") or {}
        return bool(int(data.get("flags") or 0) & EPHEMERAL)

    @property
    def choices(self) -> list[dict[str, Any]] | None:
        """Autocomplete choices (callback type 8), or None."""
        if self.response_type != 8:
            return None
        return list(((self.callback or {}).get("data") or {}).get("choices", []))


@dataclass(frozen=True)
class RequestRecord:
    method: str
    path: str  # relative to the API base, e.g. "/channels/1/messages"
    status: int
    query: dict[str, str]
    body: Any = None  # parsed JSON (or payload_json of a multipart request)
    injected: bool = False  # True when fail_next() produced the response


@dataclass
class FailureRule:
    method: str
    pattern: re.Pattern[str]
    status: int
    times: int
    retry_after: float | None = None
    code: int | None = None
    message: str | None = None
    is_global: bool = False

    def matches(self, method: str, path: str) -> bool:
        return self.times > 0 and self.method in ("*", method) and self.pattern.fullmatch(path) is not None
