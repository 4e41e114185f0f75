"""Feeds and their health."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import aiosqlite

from storage.db import Database, utcnow


async def upsert(db: Database, url: str, name: str | None, interval_seconds: int | None,
                 origin: str = "config", added_by: str | None = None, guild_id: int | None = None) -> int:
    """Add a feed, or refresh its name/interval when it is already there. Returns its id."""
    async with db.transaction() as conn:
        await conn.execute(
            "INSERT INTO feeds (url, name, interval_seconds, origin, added_by, guild_id, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET"
            " name = COALESCE(excluded.name, feeds.name),"
            " interval_seconds = COALESCE(excluded.interval_seconds, feeds.interval_seconds)",
            (url, name, interval_seconds, origin, added_by, guild_id, utcnow()),
        )
        async with conn.execute("SELECT id FROM feeds WHERE url = ?", (url,)) as cursor:
            row = await cursor.fetchone()
    assert row is not None
    return int(row["id"])


async def by_url(db: Database, url: str) -> aiosqlite.Row | None:
    return await db.fetchone("SELECT * FROM feeds WHERE url = ?", (url,))


async def by_id(db: Database, feed_id: int) -> aiosqlite.Row | None:
    return await db.fetchone("SELECT * FROM feeds WHERE id = ?", (feed_id,))


async def remove(db: Database, feed_id: int) -> None:
    async with db.transaction() as conn:
        # Claims and stories outlive the items they were read from (ON DELETE SET NULL).
        await conn.execute("DELETE FROM feeds WHERE id = ?", (feed_id,))


async def list_with_health(db: Database) -> list[aiosqlite.Row]:
    return await db.fetchall(
        "SELECT f.*, (SELECT count(*) FROM items i WHERE i.feed_id = f.id) AS item_count"
        " FROM feeds f ORDER BY f.id"
    )


async def list_active(db: Database) -> list[aiosqlite.Row]:
    """What a poll cycle needs, without the per-feed item counts that /feeds list shows."""
    return await db.fetchall("SELECT * FROM feeds WHERE paused = 0 ORDER BY id")


async def record_failure(db: Database, feed_id: int, error: str, *, backoff_seconds: float,
                         pause_after: int) -> tuple[int, bool]:
    """Count a failed fetch; pause the feed after a long run of them. (failures, now paused)."""
    now = datetime.now(UTC)
    next_at = (now + timedelta(seconds=backoff_seconds)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    async with db.transaction() as conn:
        await conn.execute(
            "UPDATE feeds SET last_error = ?, last_error_at = ?, last_fetch_at = ?, next_fetch_at = ?,"
            " consecutive_failures = consecutive_failures + 1 WHERE id = ?",
            (error[:500], utcnow(), utcnow(), next_at, feed_id),
        )
        async with conn.execute("SELECT consecutive_failures, paused FROM feeds WHERE id = ?", (feed_id,)) as cursor:
            row = await cursor.fetchone()
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


async def set_paused(db: Database, feed_id: int, paused: bool, reason: str | None = None) -> None:
    async with db.transaction() as conn:
        await conn.execute(
            "UPDATE feeds SET paused = ?, paused_reason = ?, consecutive_failures = CASE WHEN ? THEN"
            " consecutive_failures ELSE 0 END, next_fetch_at = NULL WHERE id = ?",
            (int(paused), reason if paused else None, int(paused), feed_id),
        )
