"""Feeds and their health."""

from __future__ import annotations

from storage.db import Connection, Database, Executor, from_now, many, one, transaction, utcnow
from storage.records import FeedHealth, FeedState, OperatorFeed


async def upsert(ex: Executor, url: str, name: str | None, interval_seconds: int | None,
                 origin: str = "config", added_by: str | None = None, guild_id: int | None = None) -> int:
    """Add a feed, or refresh its name/interval when it is already there. Returns its id.

    The operator adopting a URL a server added first (origin 'discord') makes the feed the
    operator's: its origin and name become the operator's (a server's typed name never stands for
    the operator's), so no server's removal deletes it; the servers' subscriptions stay."""
    async with transaction(ex) as conn:
        await conn.execute(
            "INSERT INTO feeds (url, name, interval_seconds, origin, added_by, guild_id, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET"
            " name = CASE WHEN feeds.origin = 'discord' AND excluded.origin != 'discord' THEN excluded.name"
            " ELSE COALESCE(excluded.name, feeds.name) END,"
            " added_by = CASE WHEN feeds.origin = 'discord' AND excluded.origin != 'discord'"
            " THEN excluded.added_by ELSE feeds.added_by END,"
            " guild_id = CASE WHEN feeds.origin = 'discord' AND excluded.origin != 'discord'"
            " THEN excluded.guild_id ELSE feeds.guild_id END,"
            " origin = CASE WHEN feeds.origin = 'discord' THEN excluded.origin ELSE feeds.origin END,"
            " interval_seconds = COALESCE(excluded.interval_seconds, feeds.interval_seconds)",
            (url, name, interval_seconds, origin, added_by, guild_id, utcnow()),
        )
        row = await conn.fetchone("SELECT id FROM feeds WHERE url = ?", (url,))
    assert row is not None
    return int(row["id"])


_FEED = ("SELECT id, url, name, interval_seconds, origin, added_by, guild_id, etag, last_modified, body_hash,"
         " first_fetch_done, last_fetch_at, last_success_at, last_error, last_error_at, consecutive_failures,"
         " next_fetch_at, paused, paused_reason, created_at FROM feeds")


async def by_url(ex: Executor, url: str) -> FeedState | None:
    return await one(ex, FeedState, _FEED + " WHERE url = ?", (url,))


async def by_id(ex: Executor, feed_id: int) -> FeedState | None:
    return await one(ex, FeedState, _FEED + " WHERE id = ?", (feed_id,))


def visible_claim(claim: str) -> str:
    """SQL: the claim aliased `claim` may be shown to the server bound to its one `?`: it was read
    from an operator's feed (or its feed is unknown), or from a feed this server added."""
    return (f"({claim}.feed_id IS NULL OR EXISTS (SELECT 1 FROM feeds vf WHERE vf.id = {claim}.feed_id"
            f" AND vf.origin != 'discord') OR EXISTS (SELECT 1 FROM feed_subscriptions vs"
            f" WHERE vs.feed_id = {claim}.feed_id AND vs.guild_id = ?))")


def everyones_claim(claim: str) -> str:
    """SQL: the claim aliased `claim` was read from an operator's feed (or one unknown), so any
    server may see it; or from the feed bound to its one `?` (an alert's own report)."""
    return (f"({claim}.feed_id IS NULL OR {claim}.feed_id = ? OR EXISTS (SELECT 1 FROM feeds vf"
            f" WHERE vf.id = {claim}.feed_id AND vf.origin != 'discord'))")


async def forget_claims_of(conn: Connection, feed_id: int, origin: str) -> None:
    """Before a feed goes: claims read from a server's feed stay hidden from every server (a new
    feed may reuse its id); claims read from an operator's feed stay visible to all."""
    await conn.execute("UPDATE claims SET feed_id = ? WHERE feed_id = ?",
                       (-feed_id if origin == "discord" else None, feed_id))


async def remove(ex: Executor, feed_id: int) -> None:
    async with transaction(ex) as conn:
        row = await conn.fetchone("SELECT origin FROM feeds WHERE id = ?", (feed_id,))
        if row is not None:
            await forget_claims_of(conn, feed_id, row["origin"])
        # Claims and stories outlive the items they were read from (ON DELETE SET NULL).
        await conn.execute("DELETE FROM feeds WHERE id = ?", (feed_id,))


async def list_with_health(ex: Executor) -> list[FeedHealth]:
    """Every feed, for the operator (who sees every server's list): a server's feed under the name
    the first server to add it gave it."""
    return await many(ex, FeedHealth,
        "SELECT f.id, f.url, COALESCE(f.name, (SELECT s.name FROM feed_subscriptions s WHERE s.feed_id = f.id"
        " ORDER BY s.created_at, s.guild_id LIMIT 1)) AS name, f.origin, f.paused, f.paused_reason, f.consecutive_failures, f.last_fetch_at,"
        " f.last_success_at, f.last_error, f.next_fetch_at,"
        " (SELECT count(*) FROM items i WHERE i.feed_id = f.id) AS item_count, f.polled_by FROM feeds f ORDER BY f.id"
    )


# A feed as one server sees it: its health, under the server's own name for it.
_GUILD_VIEW = (
    "SELECT f.id, f.url, s.name, f.origin, f.paused, f.paused_reason, f.consecutive_failures, f.last_fetch_at,"
    " f.last_success_at, f.last_error, f.next_fetch_at, (SELECT count(*) FROM items i WHERE i.feed_id = f.id)"
    " AS item_count, f.polled_by FROM feed_subscriptions s JOIN feeds f ON f.id = s.feed_id WHERE s.guild_id = ?"
)


async def subscription(ex: Executor, guild_id: int, feed_id: int) -> FeedHealth | None:
    """The feed as this server sees it (its own name for it), or None when the server never added it."""
    return await one(ex, FeedHealth, _GUILD_VIEW + " AND s.feed_id = ?", (guild_id, feed_id))


async def subscribe(ex: Executor, url: str, name: str | None, *, guild_id: int,
                    added_by: str | None) -> tuple[int, bool, bool]:
    """A server adds a URL: one feeds row per URL, one subscription per server.

    (feed id, the feed row is new, the subscription is new), in one transaction.
    """
    now = utcnow()
    async with transaction(ex) as conn:
        new_feed = await conn.execute(
            # No name on the shared row: what one server typed is its own (the subscription's), never
            # shown to another server that reads the same URL.
            "INSERT INTO feeds (url, name, origin, added_by, guild_id, created_at) VALUES (?, NULL, 'discord', ?, ?, ?)"
            " ON CONFLICT (url) DO NOTHING",
            (url, added_by, guild_id, now),
        ) > 0
        row = await conn.fetchone("SELECT id FROM feeds WHERE url = ?", (url,))
        assert row is not None
        new_subscription = await conn.execute(
            "INSERT INTO feed_subscriptions (feed_id, guild_id, name, added_by, created_at) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (guild_id, feed_id) DO NOTHING",
            (row["id"], guild_id, name, added_by, now),
        ) > 0
        return int(row["id"]), new_feed, new_subscription


async def unsubscribe(ex: Executor, guild_id: int, feed_id: int) -> bool:
    """Take the feed off this server's list; the feed itself goes when no server reads it and it
    is not the operator's (config or CLI). True when the feed itself was removed."""
    async with transaction(ex) as conn:
        await conn.execute("DELETE FROM feed_subscriptions WHERE guild_id = ? AND feed_id = ?", (guild_id, feed_id))
        return await drop_if_unread(conn, feed_id)


async def drop_if_unread(conn: Connection, feed_id: int) -> bool:
    """Delete a server-added feed no server reads any more; the operator's feeds stay. True if deleted."""
    deleted = await conn.execute(
        "DELETE FROM feeds WHERE id = ? AND origin = 'discord'"
        " AND NOT EXISTS (SELECT 1 FROM feed_subscriptions WHERE feed_id = ?)",
        (feed_id, feed_id),
    )
    if deleted > 0:
        await forget_claims_of(conn, feed_id, "discord")
    return deleted > 0


async def list_for_guild(ex: Executor, guild_id: int) -> list[FeedHealth]:
    """The feeds one server added, under its own names: never another server's or the operator's."""
    return await many(ex, FeedHealth, _GUILD_VIEW + " ORDER BY f.id", (guild_id,))


async def list_operator_feeds(ex: Executor) -> list[OperatorFeed]:
    """Config and CLI feeds, read for every server: what a server may know of them (no URL)."""
    return await many(ex, OperatorFeed,
        "SELECT id, name, paused, consecutive_failures, last_fetch_at FROM feeds WHERE origin != 'discord'"
        " ORDER BY id")


async def list_config(ex: Executor) -> list[FeedState]:
    """Every feed the config file lists or once listed, paused or not."""
    return await many(ex, FeedState, _FEED + " WHERE origin = 'config' ORDER BY id")


async def list_active(ex: Executor) -> list[FeedState]:
    """What a poll cycle needs, without the per-feed item counts that /feeds list shows."""
    return await many(ex, FeedState, _FEED + " WHERE paused = 0 ORDER BY id")


async def record_failure(ex: Executor, feed_id: int, error: str, *, backoff_seconds: float,
                         pause_after: int) -> tuple[int, bool]:
    """Count a failed fetch; pause the feed after a long run of them. (failures, now paused)."""
    next_at = from_now(backoff_seconds)
    async with transaction(ex) as conn:
        await conn.execute(
            "UPDATE feeds SET last_error = ?, last_error_at = ?, last_fetch_at = ?, next_fetch_at = ?,"
            " consecutive_failures = consecutive_failures + 1 WHERE id = ?",
            (error[:500], utcnow(), utcnow(), next_at, feed_id),
        )
        row = await conn.fetchone("SELECT consecutive_failures, paused FROM feeds WHERE id = ?", (feed_id,))
        assert row is not None
        failures = int(row["consecutive_failures"])
        pause = failures >= pause_after and not row["paused"]
        if pause:
            await conn.execute(
                "UPDATE feeds SET paused = 1, paused_reason = ? WHERE id = ?",
                (f"paused after {failures} failed fetches in a row; last error: {error[:200]}", feed_id),
            )
    return failures, pause


async def record_unchanged(db: Database, feed_id: int, *, etag: str | None = None,
                           last_modified: str | None = None) -> None:
    """A 304 or an identical body: healthy, nothing to parse. Validators refresh only when sent."""
    now = utcnow()
    await db.write(
        "UPDATE feeds SET last_fetch_at = ?, last_success_at = ?, last_error = NULL,"
        " consecutive_failures = 0, next_fetch_at = NULL, first_fetch_done = 1,"
        " etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified) WHERE id = ?",
        (now, now, etag, last_modified, feed_id),
    )


async def set_paused(ex: Executor, feed_id: int, paused: bool, reason: str | None = None) -> None:
    async with transaction(ex) as conn:
        await conn.execute(
            "UPDATE feeds SET paused = ?, paused_reason = ?, consecutive_failures = CASE WHEN ? = 1 THEN"
            " consecutive_failures ELSE 0 END, next_fetch_at = NULL WHERE id = ?",
            (int(paused), reason if paused else None, int(paused), feed_id),
        )


async def name_once(db: Database, feed_id: int, name: str) -> None:
    """Give a feed without a name this one; a feed that has a name keeps it."""
    await db.write("UPDATE feeds SET name = ? WHERE id = ? AND name IS NULL", (name, feed_id))
