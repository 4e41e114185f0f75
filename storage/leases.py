"""Leases on feed polls: each feed fetched once per interval however many processes share the database.

A process claims due feeds (`claim_due`): it writes its owner id (one run of one process) and a
short lease on them in one statement, so two processes never take the same feed (PostgreSQL: FOR
UPDATE SKIP LOCKED; SQLite serialises writers anyway). While it lives it keeps its leases, and
its outbox claims, alive (`keep_alive`). When the poll ends, `release` keeps the lease until the
feed is next due, so the interval holds across the whole deployment and not per process, and
names the process that polled it. A process that dies mid-poll stops renewing: its feeds go to
the others (or to itself, restarted) when the short lease runs out. Nothing is taken back by name:
an old and a new process of the same name may both be alive for a moment (a rolling restart).
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


async def release(ex: Executor, feed_id: int, owner: str, *, next_due: str, name: str | None = None) -> bool:
    """The poll is done: nobody polls the feed again before `next_due`, and it was `owner` that
    polled it last. False when the lease had run out and another process took the feed over."""
    changed = await ex.execute(
        "UPDATE feeds SET lease_owner = NULL, lease_until = ?, polled_by = ? WHERE id = ? AND lease_owner = ?",
        (next_due, name or owner, feed_id, owner),
    )
    return changed > 0


async def round_trip(db: Database, owner: str, finished: list[tuple[int, str]], *, now: str, lease_until: str,
                     limit: int, name: str | None = None) -> tuple[list[FeedState], int]:
    """One claim round in one transaction: release the polls that ended (feed id, next due), as
    `release` does, then claim up to `limit` due feeds, as `claim_due` does. On SQLite that is one
    hand-off to the database thread for a round, however many polls it closes.
    (claimed, how many of `finished` this process still held)."""

    async def body(conn: Connection) -> tuple[list[FeedState], int]:
        held = 0
        if finished:
            held = await conn.executemany(
                "UPDATE feeds SET lease_owner = NULL, lease_until = ?, polled_by = ? WHERE id = ? AND lease_owner = ?",
                [(next_due, name or owner, feed_id, owner) for feed_id, next_due in finished])
        claimed = await claim_due(conn, owner, now=now, lease_until=lease_until, limit=limit) if limit > 0 else []
        return claimed, held

    return await db.run(body)


async def let_go(db: Database, owner: str, finished: list[tuple[int, str]], *, name: str | None = None) -> None:
    """A process stopping on purpose: the polls it finished are released as `release` does, and
    whatever else it holds (a poll it cut short, outbox rows of a pass) is free for the others now,
    not when its lease would have run out."""

    async def body(conn: Connection) -> None:
        if finished:
            await conn.executemany(
                "UPDATE feeds SET lease_owner = NULL, lease_until = ?, polled_by = ? WHERE id = ? AND lease_owner = ?",
                [(next_due, name or owner, feed_id, owner) for feed_id, next_due in finished])
        await conn.execute("UPDATE feeds SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ?", (owner,))
        await conn.execute("UPDATE outbox SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = ?", (owner,))

    await db.run(body)


async def keep_alive(ex: Executor, owner: str, until: str) -> None:
    """Everything `owner` holds (the feeds it is polling, the outbox rows its pass is posting) stays
    its own until `until`: a poll or a pass may take longer than one lease, a dead process's may not."""
    async with transaction(ex) as conn:
        await conn.execute("UPDATE feeds SET lease_until = ? WHERE lease_owner = ?", (until, owner))
        await conn.execute("UPDATE outbox SET claimed_until = ? WHERE claimed_by = ?", (until, owner))


async def make_due(ex: Executor, feed_id: int) -> None:
    """Poll this feed at the next claim, whoever holds its interval (a feed just added or resumed)."""
    await ex.execute("UPDATE feeds SET lease_until = NULL WHERE id = ? AND lease_owner IS NULL", (feed_id,))


async def pollers(ex: Executor) -> dict[int, str]:
    """feed id -> the process that polled it last (for /feeds list on a deployment of several)."""
    rows = await fetchall(ex, "SELECT id, polled_by FROM feeds WHERE polled_by IS NOT NULL")
    return {int(row["id"]): str(row["polled_by"]) for row in rows}
