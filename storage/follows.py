"""Which channels follow which people."""

from __future__ import annotations

import aiosqlite

from storage import feeds
from storage.db import Database, utcnow


async def add(db: Database, guild_id: int, channel_id: int, entity_id: int, created_by: str | None = None) -> bool:
    """True when this is a new follow; following again un-pauses it."""
    async with db.transaction() as conn:
        cursor = await conn.execute(
            "INSERT OR IGNORE INTO follows (guild_id, channel_id, entity_id, created_by, created_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (guild_id, channel_id, entity_id, created_by, utcnow()),
        )
        if cursor.rowcount == 0:
            await conn.execute(
                "UPDATE follows SET paused = 0, paused_reason = NULL"
                " WHERE guild_id = ? AND channel_id = ? AND entity_id = ?",
                (guild_id, channel_id, entity_id),
            )
            return False
    return True


async def remove(db: Database, guild_id: int, channel_id: int, entity_id: int) -> bool:
    async with db.transaction() as conn:
        cursor = await conn.execute(
            "DELETE FROM follows WHERE guild_id = ? AND channel_id = ? AND entity_id = ?",
            (guild_id, channel_id, entity_id),
        )
        return cursor.rowcount > 0


async def for_channel(db: Database, guild_id: int, channel_id: int | None) -> list[aiosqlite.Row]:
    sql = (
        "SELECT f.channel_id, f.paused, f.paused_reason, e.id AS entity_id, e.name, e.role, e.club"
        " FROM follows f JOIN entities e ON e.id = f.entity_id WHERE f.guild_id = ?"
    )
    params: tuple = (guild_id,)
    if channel_id is not None:
        sql += " AND f.channel_id = ?"
        params = (guild_id, channel_id)
    return await db.fetchall(sql + " ORDER BY e.name", params)


async def pause_channel(db: Database, channel_id: int, reason: str) -> int:
    """Stop alerting a channel the bot can no longer post in; its follows stay for when it can."""
    async with db.transaction() as conn:
        cursor = await conn.execute(
            "UPDATE follows SET paused = 1, paused_reason = ? WHERE channel_id = ? AND paused = 0",
            (reason, channel_id),
        )
        return cursor.rowcount


async def remove_guild(db: Database, guild_id: int) -> int:
    """The bot left a server: its follows and its feed subscriptions go, and so do the feeds only it
    read (the operator's stay). Returns the number of follows removed."""
    async with db.transaction() as conn:
        cursor = await conn.execute("DELETE FROM follows WHERE guild_id = ?", (guild_id,))
        removed = cursor.rowcount
        async with conn.execute("SELECT feed_id FROM feed_subscriptions WHERE guild_id = ?", (guild_id,)) as found:
            feed_ids = [row["feed_id"] for row in await found.fetchall()]
        await conn.execute("DELETE FROM feed_subscriptions WHERE guild_id = ?", (guild_id,))
        for feed_id in feed_ids:
            await feeds.drop_if_unread(conn, feed_id)
        return removed


async def remove_channel(db: Database, channel_id: int) -> int:
    async with db.transaction() as conn:
        cursor = await conn.execute("DELETE FROM follows WHERE channel_id = ?", (channel_id,))
        return cursor.rowcount


async def channel_guild(db: Database, channel_id: int) -> int | None:
    """The server a channel is known to belong to, from its follows or a notices setting; None if unknown."""
    row = await db.fetchone(
        "SELECT guild_id FROM follows WHERE channel_id = ?"
        " UNION ALL SELECT guild_id FROM guild_settings WHERE alert_channel_id = ? LIMIT 1",
        (channel_id, channel_id),
    )
    return None if row is None else int(row["guild_id"])
