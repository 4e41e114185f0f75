"""Which channels follow which people."""

from __future__ import annotations

from storage import feeds
from storage.db import Executor, fetchall, fetchone, many, record, transaction, utcnow
from storage.records import Follow, FollowedPerson, Follower, PersonRecord
from storage.settings import kinds_of


async def add(ex: Executor, guild_id: int, channel_id: int, entity_id: int, created_by: str | None = None) -> bool:
    """True when this is a new follow; following again un-pauses it."""
    async with transaction(ex) as conn:
        added = await conn.execute(
            "INSERT INTO follows (guild_id, channel_id, entity_id, created_by, created_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (guild_id, channel_id, entity_id, created_by, utcnow()),
        )
        if added == 0:
            await conn.execute(
                "UPDATE follows SET paused = 0, paused_reason = NULL"
                " WHERE guild_id = ? AND channel_id = ? AND entity_id = ?",
                (guild_id, channel_id, entity_id),
            )
            return False
    return True


async def remove(ex: Executor, guild_id: int, channel_id: int, entity_id: int) -> bool:
    async with transaction(ex) as conn:
        removed = await conn.execute(
            "DELETE FROM follows WHERE guild_id = ? AND channel_id = ? AND entity_id = ?",
            (guild_id, channel_id, entity_id),
        )
        return removed > 0


_FOLLOW = "SELECT guild_id, channel_id, entity_id, paused, paused_reason, created_at FROM follows"


async def for_channel(ex: Executor, guild_id: int, channel_id: int | None) -> list[FollowedPerson]:
    """A server's follows (one channel's, or all of them) with the people followed, by name."""
    sql = (
        "SELECT f.guild_id, f.channel_id, f.entity_id, f.paused, f.paused_reason, f.created_at,"
        " e.id, e.name, e.role, e.club, e.placeholder FROM follows f JOIN entities e ON e.id = f.entity_id"
        " WHERE f.guild_id = ?"
    )
    params: tuple[int, ...] = (guild_id,)
    if channel_id is not None:
        sql += " AND f.channel_id = ?"
        params = (guild_id, channel_id)
    return [FollowedPerson(record(Follow, row), record(PersonRecord, row))
            for row in await fetchall(ex, sql + " ORDER BY e.name", params)]


async def of_person(ex: Executor, guild_id: int, entity_id: int) -> list[Follow]:
    """This server's channels following a person, paused or not."""
    return await many(ex, Follow, _FOLLOW + " WHERE guild_id = ? AND entity_id = ? ORDER BY channel_id",
                      (guild_id, entity_id))


async def followers(ex: Executor, entity_id: int, feed_id: int | None) -> list[Follower]:
    """The unpaused channels following a person that may hear of a claim read from `feed_id`, with
    their server's alert settings. A feed a server added is heard only by the servers that added it;
    the operator's feeds by everyone."""
    rows = await fetchall(ex,
        "SELECT f.guild_id, f.channel_id, g.min_tier, g.kinds, g.digest FROM follows f"
        " LEFT JOIN guild_settings g ON g.guild_id = f.guild_id WHERE f.entity_id = ? AND f.paused = 0"
        " AND (NOT EXISTS (SELECT 1 FROM feeds WHERE id = ? AND origin = 'discord')"
        " OR EXISTS (SELECT 1 FROM feed_subscriptions s WHERE s.feed_id = ? AND s.guild_id = f.guild_id))",
        (entity_id, feed_id, feed_id),
    )
    return [Follower(row["guild_id"], row["channel_id"], row["min_tier"], kinds_of(row["kinds"]), bool(row["digest"]))
            for row in rows]


async def pause_channel(ex: Executor, channel_id: int, reason: str) -> int:
    """Stop alerting a channel the bot can no longer post in; its follows stay for when it can."""
    async with transaction(ex) as conn:
        return await conn.execute(
            "UPDATE follows SET paused = 1, paused_reason = ? WHERE channel_id = ? AND paused = 0",
            (reason, channel_id),
        )


async def remove_guild(ex: Executor, guild_id: int) -> int:
    """The bot left a server: its follows and its feed subscriptions go, and so do the feeds only it
    read (the operator's stay). Returns the number of follows removed."""
    async with transaction(ex) as conn:
        removed = await conn.execute("DELETE FROM follows WHERE guild_id = ?", (guild_id,))
        feed_ids = [row["feed_id"] for row in
                    await conn.fetchall("SELECT feed_id FROM feed_subscriptions WHERE guild_id = ?", (guild_id,))]
        await conn.execute("DELETE FROM feed_subscriptions WHERE guild_id = ?", (guild_id,))
        for feed_id in feed_ids:
            await feeds.drop_if_unread(conn, feed_id)
        return removed


async def remove_channel(ex: Executor, channel_id: int) -> int:
    async with transaction(ex) as conn:
        return await conn.execute("DELETE FROM follows WHERE channel_id = ?", (channel_id,))


async def channel_guild(ex: Executor, channel_id: int) -> int | None:
    """The server a channel is known to belong to, from its follows or a notices setting; None if unknown."""
    row = await fetchone(ex,
        "SELECT guild_id FROM follows WHERE channel_id = ?"
        " UNION ALL SELECT guild_id FROM guild_settings WHERE alert_channel_id = ? LIMIT 1",
        (channel_id, channel_id),
    )
    return None if row is None else int(row["guild_id"])
