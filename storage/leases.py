"""Leases on feed polls: each feed fetched once per interval however many processes share the database.

A process claims due feeds (`claim_due`): it writes its owner id (one run of one process) and a
short lease on them in one statement, so two processes never take the same feed (PostgreSQL: FOR
UPDATE SKIP LOCKED; SQLite serialises writers anyway). While it lives it keeps its leases, and
its outbox claims, alive (`keep_alive`). When the poll ends, `release` keeps the lease until the
feed is next due, so the interval holds across the whole deployment and not per process, and
names the process that polled it. A process that dies mid-poll stops renewing: its feeds go to
the others (or to itself, restarted) when the short lease runs out. Nothing is taken back by name:
an old and a new process of the same name may both be alive for a moment (a rolling restart).

Which process polls a feed that is due again: each run says it is alive (`processes`, renewed
with its leases), and a due feed goes to the live run its id hashes to, for a couple of claim
rounds; then to whoever has room. Without that, the processes whose rounds happen to come first
take every feed, and a feed's next poll lands in a process that never saw its last body.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta

from storage.db import (
    Connection,
    Database,
    Executor,
    fetchall,
    moment,
    record,
    stamp,
    transaction,
)
from storage.records import FeedState

_COLUMNS = ("id, url, name, interval_seconds, origin, added_by, guild_id, etag, last_modified, body_hash,"
            " first_fetch_done, last_fetch_at, last_success_at, last_error, last_error_at, consecutive_failures,"
            " next_fetch_at, paused, paused_reason, created_at")


async def claim_due(ex: Executor, owner: str, *, now: str, lease_until: str, limit: int,
                    shared_after: float = 0.0) -> list[FeedState]:
    """Up to `limit` feeds due now (not paused, not backing off, no live lease), leased to `owner`
    until `lease_until`; the longest-waiting first.

    With other processes alive (`processes`), a feed due again goes to the one its id hashes to
    (rendezvous hashing over the live owners): the polls spread evenly however the claim rounds
    fall, and a feed keeps going to the process that remembers its last body. A feed nobody has
    polled yet, or one whose interval ended more than `shared_after` seconds ago (its process is
    dead or full), goes to whoever asks."""
    async with transaction(ex) as conn:
        live = await _live(conn, owner, now)
        if len(live) == 1:
            rows = await fetchall(conn, _CLAIM.format(anyones="", skip_locked=_skip_locked(conn)),
                                  (owner, lease_until, now, now, limit))
        else:
            # The feeds waiting for their own process, and which of them are this one's; the claim
            # then takes, in one statement past the rows others are taking, those and any feed
            # that is anyone's (never polled, or waiting longer than `shared_after`).
            cut = stamp(moment(now) - timedelta(seconds=shared_after))
            waiting = await fetchall(conn, _WAITING, (cut, now, now, limit * len(live) * 4 + 64))
            mine = [int(row["id"]) for row in waiting if _hashed_to(int(row["id"]), live) == owner][:limit * 2]
            marks = ", ".join("?" * len(mine))
            anyones = " AND (lease_until IS NULL OR lease_until <= ?" + (f" OR id IN ({marks})" if mine else "") + ")"
            rows = await fetchall(conn, _CLAIM.format(anyones=anyones, skip_locked=_skip_locked(conn)),
                                  (owner, lease_until, now, now, cut, *mine, limit))
    return sorted((record(FeedState, row) for row in rows), key=lambda feed: feed.id)


_DUE_WHERE = "paused = 0 AND (lease_until IS NULL OR lease_until <= ?) AND (next_fetch_at IS NULL OR next_fetch_at <= ?)"
# Due again for less than `shared_after`: waiting for their own process. (A range of the claim's
# index, `feeds_due`: read without walking the feeds due for longer, after an outage all of them.)
_WAITING = ("SELECT id FROM feeds WHERE lease_until > ? AND lease_until <= ? AND paused = 0"
            " AND (next_fetch_at IS NULL OR next_fetch_at <= ?) ORDER BY lease_until, id LIMIT ?")
# One statement takes the feeds: re-checked as they are locked, so two processes never take one.
_CLAIM = ("UPDATE feeds SET lease_owner = ?, lease_until = ? WHERE id IN ("
          f" SELECT id FROM feeds WHERE {_DUE_WHERE}{{anyones}}"
          " ORDER BY lease_until NULLS FIRST, id LIMIT ?{skip_locked})"
          f" RETURNING {_COLUMNS}")


def _skip_locked(ex: Executor) -> str:
    return " FOR UPDATE SKIP LOCKED" if ex.dialect == "postgresql" else ""


async def _live(conn: Connection, owner: str, now: str) -> list[str]:
    """The owners alive on the database now, this one among them, in one order for every process."""
    rows = await fetchall(conn, "SELECT owner FROM processes WHERE alive_until > ?", (now,))
    return sorted({str(row["owner"]) for row in rows} | {owner})


def _hashed_to(feed_id: int, live: list[str]) -> str:
    """The live owner with the highest hash of (owner, feed): the same answer in every process,
    and when a process comes or goes only the feeds hashed to it move."""
    return max(live, key=lambda owner: hashlib.blake2b(f"{owner}\0{feed_id}".encode(), digest_size=8).digest())


# A poll done: the feed is nobody's again but not due before its next time; who polled it last.
_RELEASE = "UPDATE feeds SET lease_owner = NULL, lease_until = ?, polled_by = ? WHERE id = ? AND lease_owner = ?"


async def release(ex: Executor, feed_id: int, owner: str, *, next_due: str, name: str | None = None) -> bool:
    """The poll is done: nobody polls the feed again before `next_due`, and it was `owner` that
    polled it last. False when the lease had run out and another process took the feed over."""
    return await ex.execute(_RELEASE, (next_due, name or owner, feed_id, owner)) > 0


async def round_trip(db: Database, owner: str, finished: list[tuple[int, str]], *, now: str, lease_until: str,
                     limit: int, name: str | None = None, shared_after: float = 0.0) -> tuple[list[FeedState], int]:
    """One claim round in one transaction: release the polls that ended (feed id, next due), as
    `release` does, then claim up to `limit` due feeds, as `claim_due` does. On SQLite that is one
    hand-off to the database thread for a round, however many polls it closes.
    (claimed, how many of `finished` this process still held)."""

    async def body(conn: Connection) -> tuple[list[FeedState], int]:
        held = 0
        if finished:
            held = await conn.executemany(_RELEASE, [(due, name or owner, feed_id, owner) for feed_id, due in finished])
        claimed = await claim_due(conn, owner, now=now, lease_until=lease_until, limit=limit,
                                  shared_after=shared_after) if limit > 0 else []
        return claimed, held

    return await db.run(body)


async def let_go(db: Database, owner: str, finished: list[tuple[int, str]], *, name: str | None = None) -> None:
    """A process stopping on purpose: the polls it finished are released as `release` does, and
    whatever else it holds (a poll it cut short, outbox rows of a pass) is free for the others now,
    not when its lease would have run out."""

    async def body(conn: Connection) -> None:
        if finished:
            await conn.executemany(_RELEASE, [(due, name or owner, feed_id, owner) for feed_id, due in finished])
        await conn.execute("UPDATE feeds SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ?", (owner,))
        await conn.execute("UPDATE outbox SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = ?", (owner,))
        await conn.execute("DELETE FROM processes WHERE owner = ?", (owner,))  # its feeds hash to the others now

    await db.run(body)


async def keep_alive(ex: Executor, owner: str, until: str) -> None:
    """`owner` is alive, and everything it holds (the feeds it is polling, the outbox rows its pass
    is posting) stays its own, until `until`: a poll or a pass may take longer than one lease, a
    dead process's may not."""
    async with transaction(ex) as conn:
        await _alive(conn, owner, until)
        await conn.execute("UPDATE feeds SET lease_until = ? WHERE lease_owner = ?", (until, owner))
        await conn.execute("UPDATE outbox SET claimed_until = ? WHERE claimed_by = ?", (until, owner))


async def _alive(conn: Connection, owner: str, until: str) -> None:
    """`owner` is alive until `until`; the rows of runs dead for a day go (one per process start)."""
    await conn.execute("INSERT INTO processes (owner, alive_until) VALUES (?, ?)"
                       " ON CONFLICT (owner) DO UPDATE SET alive_until = excluded.alive_until", (owner, until))
    await conn.execute("DELETE FROM processes WHERE alive_until < ?", (stamp(moment(until) - timedelta(days=1)),))


async def make_due(ex: Executor, feed_id: int) -> None:
    """Poll this feed at the next claim, whoever holds its interval (a feed just added or resumed)."""
    await ex.execute("UPDATE feeds SET lease_until = NULL WHERE id = ? AND lease_owner IS NULL", (feed_id,))


async def pollers(ex: Executor) -> dict[int, str]:
    """feed id -> the process that polled it last (for /feeds list on a deployment of several)."""
    rows = await fetchall(ex, "SELECT id, polled_by FROM feeds WHERE polled_by IS NOT NULL")
    return {int(row["id"]): str(row["polled_by"]) for row in rows}
