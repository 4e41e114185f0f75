"""Leases on feed polls: each feed fetched once per interval however many processes share the database.

A process claims due feeds (`claim_due`): it writes its name and a short lease on them in one
statement, so two processes never take the same feed (PostgreSQL: FOR UPDATE SKIP LOCKED; SQLite
serialises writers anyway). When the poll ends, `release` keeps the lease until the feed is next
due, so the interval holds across the whole deployment and not per process. A process that dies
mid-poll leaves its short lease behind, and another takes the feed over when it runs out; the
same process restarted takes its own leases back at once (`release_own`).
"""

from __future__ import annotations

from storage.db import Connection, Database, Executor, fetchall, record, transaction
from storage.records import FeedState

_COLUMNS = ("id, url, name, interval_seconds, origin, added_by, guild_id, etag, last_modified, body_hash,"
            " first_fetch_done, last_fetch_at, last_success_at, last_error, last_error_at, consecutive_failures,"
            " next_fetch_at, paused, paused_reason, created_at")


async def claim_due(ex: Executor, owner: str, *, now: str, lease_until: str, limit: int) -> list[FeedState]:
    """Up to `limit` feeds due now (not paused, not backing off, no live lease), leased to `owner`
    until `lease_until`; the longest-waiting first."""
    skip_locked = " FOR UPDATE SKIP LOCKED" if ex.dialect == "postgresql" else ""
    async with transaction(ex) as conn:
        rows = await fetchall(conn,
            "UPDATE feeds SET lease_owner = ?, lease_until = ? WHERE id IN ("
            " SELECT id FROM feeds WHERE paused = 0 AND (lease_until IS NULL OR lease_until <= ?)"
            " AND (next_fetch_at IS NULL OR next_fetch_at <= ?)"
            f" ORDER BY lease_until NULLS FIRST, id LIMIT ?{skip_locked})"
            f" RETURNING {_COLUMNS}",
            (owner, lease_until, now, now, limit),
        )
    return sorted((record(FeedState, row) for row in rows), key=lambda feed: feed.id)


async def release(ex: Executor, feed_id: int, owner: str, *, next_due: str) -> bool:
    """The poll is done: nobody polls the feed again before `next_due`, and it was `owner` that
    polled it last. False when the lease had run out and another process took the feed over."""
    changed = await ex.execute(
        "UPDATE feeds SET lease_owner = NULL, lease_until = ?, polled_by = ? WHERE id = ? AND lease_owner = ?",
        (next_due, owner, feed_id, owner),
    )
    return changed > 0


async def round_trip(db: Database, owner: str, finished: list[tuple[int, str]], *, now: str, lease_until: str,
                     limit: int) -> tuple[list[FeedState], int]:
    """One claim round in one transaction: release the polls that ended (feed id, next due), as
    `release` does, then claim up to `limit` due feeds, as `claim_due` does. On SQLite that is one
    hand-off to the database thread for a round, however many polls it closes.
    (claimed, how many of `finished` this process still held)."""

    async def body(conn: Connection) -> tuple[list[FeedState], int]:
        held = 0
        if finished:
            held = await conn.executemany(
                "UPDATE feeds SET lease_owner = NULL, lease_until = ?, polled_by = ? WHERE id = ? AND lease_owner = ?",
                [(next_due, owner, feed_id, owner) for feed_id, next_due in finished])
        claimed = await claim_due(conn, owner, now=now, lease_until=lease_until, limit=limit) if limit > 0 else []
        return claimed, held

    return await db.run(body)


async def release_own(ex: Executor, owner: str) -> int:
    """At start-up: leases this process held when it last stopped (killed mid-poll) end now."""
    return await ex.execute("UPDATE feeds SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ?",
                            (owner,))


async def make_due(ex: Executor, feed_id: int) -> None:
    """Poll this feed at the next claim, whoever holds its interval (a feed just added or resumed)."""
    await ex.execute("UPDATE feeds SET lease_until = NULL WHERE id = ? AND lease_owner IS NULL", (feed_id,))


async def pollers(ex: Executor) -> dict[int, str]:
    """feed id -> the process that polled it last (for /feeds list on a deployment of several)."""
    rows = await fetchall(ex, "SELECT id, polled_by FROM feeds WHERE polled_by IS NOT NULL")
    return {int(row["id"]): str(row["polled_by"]) for row in rows}
