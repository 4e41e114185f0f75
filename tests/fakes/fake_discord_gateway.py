"""The gateway half of the fake Discord: a json, uncompressed v10 websocket.

discord.py always asks for ``compress=zlib-stream``; it only runs its decompressor on
binary frames, so answering with plain text frames is valid and keeps the fake simple.

Sharding as Discord does it: IDENTIFY may carry ``shard: [shard_id, shard_count]`` (an invalid
one closes with 4010); that session's READY and GUILD_CREATEs list only the guilds with
``(guild_id >> 22) % shard_count == shard_id``, and every event about a guild goes only to the
sessions of its shard (events about no guild, like DMs, to shard 0). A session without ``shard``
is the single shard [0, 1] and sees everything.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import secrets
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from aiohttp import WSMsgType, web

if TYPE_CHECKING:
    from .fake_discord_state import DiscordState

DISPATCH, HEARTBEAT, IDENTIFY, PRESENCE, VOICE_STATE = 0, 1, 2, 3, 4
RESUME, RECONNECT, REQUEST_MEMBERS, INVALID_SESSION, HELLO, HEARTBEAT_ACK = 6, 7, 8, 9, 10, 11

GUILDS, GUILD_MEMBERS, GUILD_MESSAGES = 1 << 0, 1 << 1, 1 << 9
# Events a session only receives with the matching intent; anything unlisted always goes out.
EVENT_INTENTS = {
    "GUILD_CREATE": GUILDS,
    "GUILD_UPDATE": GUILDS,
    "GUILD_DELETE": GUILDS,
    "CHANNEL_CREATE": GUILDS,
    "CHANNEL_UPDATE": GUILDS,
    "CHANNEL_DELETE": GUILDS,
    "GUILD_MEMBER_ADD": GUILD_MEMBERS,
    "GUILD_MEMBER_UPDATE": GUILD_MEMBERS,
    "GUILD_MEMBER_REMOVE": GUILD_MEMBERS,
    "MESSAGE_CREATE": GUILD_MESSAGES,
    "MESSAGE_UPDATE": GUILD_MESSAGES,
    "MESSAGE_DELETE": GUILD_MESSAGES,
}


class _Connection:
    def __init__(self, ws: web.WebSocketResponse) -> None:
        self.ws = ws
        self.lock = asyncio.Lock()
        self.session: Session | None = None
        self.closed_by_server = False

    async def send(self, frame: dict[str, Any]) -> None:
        async with self.lock:
            if not self.ws.closed:
                with contextlib.suppress(ConnectionError, RuntimeError):
                    await self.ws.send_str(json.dumps(frame))


@dataclass
class Session:
    id: str
    intents: int
    shard: list[int] | None
    seq: int = 0
    resumable: bool = True
    buffer: list[dict[str, Any]] = field(default_factory=list)  # every dispatch, for RESUME replay
    connection: _Connection | None = None
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    def holds(self, guild_id: int | None) -> bool:
        """Whether events about this guild (None: about no guild) go to this session."""
        if self.shard is None:
            return True
        shard_id, shard_count = self.shard
        return (0 if guild_id is None else (guild_id >> 22) % shard_count) == shard_id


def shard_of(guild_id: int, shard_count: int) -> int:
    """The shard that holds a guild, by Discord's formula."""
    return (guild_id >> 22) % shard_count


def _guild_of(event: str, data: dict[str, Any]) -> int | None:
    """The guild an event is about, if any."""
    if "guild_id" in data and data["guild_id"] is not None:
        return int(data["guild_id"])
    if event in ("GUILD_CREATE", "GUILD_UPDATE", "GUILD_DELETE") and "id" in data:
        return int(data["id"])
    return None


def _valid_shard(shard: Any) -> bool:
    return (isinstance(shard, list) and len(shard) == 2 and all(type(n) is int for n in shard)
            and 0 <= shard[0] < shard[1])


class FakeGateway:
    def __init__(self, fake: DiscordState, heartbeat_interval: float) -> None:
        self._fake = fake
        self.heartbeat_interval = heartbeat_interval
        self.sessions: dict[str, Session] = {}
        self.connections: set[_Connection] = set()
        self.received: list[dict[str, Any]] = []  # every payload the client sent, in order
        self.presence: dict[str, Any] | None = None
        self.identified: list[tuple[list[int] | None, float]] = []  # each session's shard and loop time

    @property
    def live_sessions(self) -> list[Session]:
        return [s for s in self.sessions.values() if s.connection is not None and not s.connection.ws.closed]

    async def handle(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(max_msg_size=0)
        await ws.prepare(request)
        conn = _Connection(ws)
        self.connections.add(conn)
        try:
            if request.query.get("encoding", "json") != "json":
                await self._close(conn, 4002, "Only encoding=json is supported by the fake.")
                return ws
            await conn.send({"op": HELLO, "d": {"heartbeat_interval": int(self.heartbeat_interval * 1000)}, "s": None, "t": None})
            async for msg in ws:
                if msg.type is WSMsgType.TEXT:
                    await self._on_payload(conn, json.loads(msg.data))
                elif msg.type is WSMsgType.BINARY:
                    await self._close(conn, 4002, "Decode error.")
        except Exception as exc:
            self._fake.server_errors.append(exc)  # a bug in the fake; surfaced by close()
            await self._close(conn, 4000, "Fake gateway error.")
        finally:
            self.connections.discard(conn)
            session = conn.session
            if session is not None and session.connection is conn:
                session.connection = None
                # Discord invalidates a session the client closed with 1000/1001.
                if not conn.closed_by_server and ws.close_code in (1000, 1001):
                    session.resumable = False
            self._fake._notify()
        return ws

    async def _close(self, conn: _Connection, code: int, reason: str) -> None:
        conn.closed_by_server = True
        await conn.ws.close(code=code, message=reason.encode())

    async def _on_payload(self, conn: _Connection, payload: dict[str, Any]) -> None:
        self.received.append(payload)
        op, data = payload.get("op"), payload.get("d")
        if op == HEARTBEAT:
            await conn.send({"op": HEARTBEAT_ACK, "d": None, "s": None, "t": None})
        elif op == IDENTIFY:
            await self._identify(conn, data or {})
        elif op == RESUME:
            await self._resume(conn, data or {})
        elif conn.session is None:
            await self._close(conn, 4003, "Not authenticated.")
        elif op == PRESENCE:
            self.presence = data
        elif op == REQUEST_MEMBERS:
            await self._member_chunk(conn.session, data or {})
        elif op != VOICE_STATE:
            await self._close(conn, 4001, "Unknown opcode.")
        self._fake._notify()

    async def _identify(self, conn: _Connection, data: dict[str, Any]) -> None:
        if conn.session is not None:
            await self._close(conn, 4005, "Already authenticated.")
            return
        if data.get("token") != self._fake.token:
            await self._close(conn, 4004, "Authentication failed.")
            return
        if not isinstance(data.get("intents"), int):
            await self._close(conn, 4013, "Invalid intent(s).")
            return
        if "shard" in data and not _valid_shard(data["shard"]):
            await self._close(conn, 4010, "Invalid shard.")
            return
        session = Session(id=secrets.token_hex(16), intents=data["intents"], shard=data.get("shard"))
        self.identified.append((session.shard, asyncio.get_running_loop().time()))
        self.sessions[session.id] = session
        session.connection = conn
        conn.session = session
        ready: dict[str, Any] = {
            "v": 10,
            "user": self._fake.bot_user_payload(),
            "guilds": [{"id": str(gid), "unavailable": True} for gid in self._fake.guilds if session.holds(gid)],
            "session_id": session.id,
            "session_type": "normal",
            # discord.py RESUMEs against this URL, so it must point back at the fake.
            "resume_gateway_url": self._fake.gateway_url,
            "application": {"id": str(self._fake.application_id), "flags": self._fake.application_flags},
            "private_channels": [],
            "presences": [],
            "relationships": [],
            "guild_join_requests": [],
            "geo_ordered_rtc_regions": [],
            "user_settings": {},
            "auth": {},
            "_trace": ["fake-discord"],
        }
        if session.shard is not None:
            ready["shard"] = session.shard
        await self._emit(session, "READY", ready)
        for guild in list(self._fake.guilds.values()):
            if session.holds(guild.id):
                await self._emit(session, "GUILD_CREATE", self._fake.guild_create_payload(guild, session.intents))

    async def _resume(self, conn: _Connection, data: dict[str, Any]) -> None:
        session = self.sessions.get(str(data.get("session_id")))
        if session is None or not session.resumable or data.get("token") != self._fake.token:
            await conn.send({"op": INVALID_SESSION, "d": False, "s": None, "t": None})
            return
        async with session.lock:
            old = session.connection
            session.connection = conn
            conn.session = session
            last_seen = int(data.get("seq") or 0)
            for frame in session.buffer:
                if frame["s"] > last_seen:
                    await conn.send(frame)
        if old is not None and old is not conn:
            await self._close(old, 4000, "Session resumed elsewhere.")
        await self._emit(session, "RESUMED", {"_trace": ["fake-discord"]})

    async def _member_chunk(self, session: Session, data: dict[str, Any]) -> None:
        guild = self._fake.guilds.get(int(data.get("guild_id", 0)))
        if guild is None:
            return
        query = str(data.get("query") or "").lower()
        wanted = {int(u) for u in data.get("user_ids") or []}
        members = []
        for user_id in guild.members:
            name = self._fake.users[user_id]["username"].lower()
            if (wanted and user_id in wanted) or (not wanted and name.startswith(query)):
                members.append(self._fake.member_payload(guild, user_id))
        limit = int(data.get("limit") or 0)
        if limit:
            members = members[:limit]
        chunk: dict[str, Any] = {
            "guild_id": str(guild.id),
            "members": members,
            "chunk_index": 0,
            "chunk_count": 1,
            "not_found": [str(u) for u in wanted if u not in guild.members],
        }
        if "nonce" in data:
            chunk["nonce"] = data["nonce"]
        await self._emit(session, "GUILD_MEMBERS_CHUNK", chunk)

    async def _emit(self, session: Session, event: str, data: dict[str, Any]) -> None:
        async with session.lock:
            session.seq += 1
            frame = {"op": DISPATCH, "t": event, "s": session.seq, "d": data}
            session.buffer.append(frame)
            if session.connection is not None:
                await session.connection.send(frame)

    async def dispatch(self, event: str, data: dict[str, Any]) -> int:
        """Send an event to every resumable session of the guild's shard that has the intent; return
        how many are live."""
        needed = EVENT_INTENTS.get(event, 0)
        guild_id = _guild_of(event, data)
        live = 0
        for session in list(self.sessions.values()):
            if not session.resumable or (needed and not session.intents & needed) or not session.holds(guild_id):
                continue
            await self._emit(session, event, data)
            live += session.connection is not None
        return live

    async def request_reconnect(self) -> None:
        """Send op 7 RECONNECT; discord.py closes and RESUMEs on resume_gateway_url."""
        for conn in list(self.connections):
            await conn.send({"op": RECONNECT, "d": None, "s": None, "t": None})

    async def drop_connections(self, code: int = 4000) -> None:
        """Close every socket from the server side, like a gateway restart (4000 is resumable)."""
        for conn in list(self.connections):
            await self._close(conn, code, "Dropped by test.")

    async def invalidate_sessions(self) -> None:
        """Send op 9 INVALID_SESSION (not resumable); discord.py re-IDENTIFYs."""
        for session in self.sessions.values():
            session.resumable = False
        for conn in list(self.connections):
            await conn.send({"op": INVALID_SESSION, "d": False, "s": None, "t": None})

    async def close(self) -> None:
        for conn in list(self.connections):
            await self._close(conn, 1001, "Fake Discord shutting down.")
