"""The alert outbox: one row per story event per following channel, with its delivery state.

Delivery marks a row 'sending' (committed, with the time) before it posts and 'sent' with the
message id after, so a restart knows which posts may have reached Discord: the dispatcher looks
for those in the channel before posting again, and the row's nonce covers the rest.
"""

from __future__ import annotations

from storage.db import Database, Executor, from_now, many, transaction, utcnow
from storage.records import OutboxEntry

_ROWS = (
    "SELECT o.id, o.event_id, o.guild_id, o.channel_id, o.state, o.attempts, o.nonce, o.sending_at, o.message_id"
    " FROM outbox o JOIN story_events e ON e.id = o.event_id LEFT JOIN claims c ON c.id = e.claim_id"
)
_DUE = (
    _ROWS + " WHERE o.state IN ('pending', 'sending')"
    " AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= ?) ORDER BY c.published NULLS FIRST, o.id LIMIT ?"
)
# Oldest report first; an undated one first on both backends (PostgreSQL puts NULL last by default).
_ORDER = "c.published NULLS FIRST, o.id"


async def due(ex: Executor, limit: int = 100, shards: tuple[int, tuple[int, ...]] | None = None) -> list[OutboxEntry]:
    """Rows due now; with `shards` (count, ids), only those of guilds on these gateway shards."""
    if shards is None:
        return await many(ex, OutboxEntry, _DUE, (utcnow(), limit))
    count, ids = shards
    on_shards = f" AND ((o.guild_id >> 22) % ?) IN ({', '.join('?' for _ in ids)}) ORDER BY"
    return await many(ex, OutboxEntry, _DUE.replace(" ORDER BY", on_shards, 1), (utcnow(), count, *ids, limit))


# A pass's claim: kept alive while its process lives (storage/leases.py `keep_alive`, every third
# of it), so it outlasts any pass; a killed process's claims run out this long after its last renewal.
CLAIM_SECONDS = 60


def _on_shards(shards: tuple[int, tuple[int, ...]] | None) -> tuple[str, tuple[int, ...]]:
    """SQL keeping rows of guilds on these gateway shards (count, ids), and its parameters."""
    if shards is None:
        return "", ()
    count, ids = shards
    return f" AND ((o.guild_id >> 22) % ?) IN ({', '.join('?' for _ in ids)})", (count, *ids)


async def _claim(ex: Executor, owner: str, which: str, params: tuple[object, ...], order: str,
                 limit: int) -> list[OutboxEntry]:
    """Rows matching `which` (SQL on outbox `o`, claims `c`) that no live claim holds, claimed by
    `owner` in one statement, then read back in `order`."""
    now = utcnow()
    lock = " FOR UPDATE OF o SKIP LOCKED" if ex.dialect == "postgresql" else ""
    async with transaction(ex) as conn:
        claimed = [row[0] for row in await conn.fetchall(
            "UPDATE outbox SET claimed_by = ?, claimed_until = ? WHERE id IN ("
            " SELECT o.id FROM outbox o JOIN story_events e ON e.id = o.event_id LEFT JOIN claims c ON c.id = e.claim_id"
            f" WHERE {which} AND (o.claimed_until IS NULL OR o.claimed_until <= ?)"
            f" ORDER BY {order} LIMIT ?{lock}) RETURNING id",
            (owner, from_now(CLAIM_SECONDS), *params, now, limit))]
    if not claimed:
        return []
    marks = ", ".join("?" for _ in claimed)
    return await many(ex, OutboxEntry, _ROWS + f" WHERE o.id IN ({marks}) ORDER BY {order}", tuple(claimed))


async def claim(ex: Executor, owner: str, limit: int = 100,
                shards: tuple[int, tuple[int, ...]] | None = None) -> list[OutboxEntry]:
    """`due`, claimed for this delivery pass of `owner` (a process, one run of it): rows another
    process is posting right now are left to it, and no other takes these until `release`."""
    on_shards, shard_params = _on_shards(shards)
    return await _claim(ex, owner,
                        "o.state IN ('pending', 'sending') AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= ?)"
                        + on_shards, (utcnow(), *shard_params), _ORDER, limit)


async def claim_digests(ex: Executor, owner: str, shards: tuple[int, tuple[int, ...]] | None = None,
                        limit: int = 5000) -> list[OutboxEntry]:
    """The rows waiting for their server's daily digest, claimed as `claim` does: two processes
    holding the same servers at 08:00 post each digest once."""
    on_shards, shard_params = _on_shards(shards)
    return await _claim(ex, owner, "o.state = 'digest'" + on_shards, shard_params, "o.channel_id, o.id", limit)


async def release(ex: Executor, owner: str, ids: list[int]) -> None:
    """The pass is over: its rows (sent, failed, or due again later) are free for any process."""
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        await ex.execute(f"UPDATE outbox SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = ?"
                         f" AND id IN ({', '.join('?' for _ in chunk)})", (owner, *chunk))


async def mark_sending(db: Database, outbox_id: int) -> None:
    await db.write("UPDATE outbox SET state = 'sending', attempts = attempts + 1, sending_at = ? WHERE id = ?",
                   (utcnow(), outbox_id))


async def mark_sent(db: Database, outbox_id: int, message_id: str | None) -> None:
    await db.write(
        "UPDATE outbox SET state = 'sent', message_id = ?, sent_at = ?, last_error = NULL WHERE id = ?",
        (message_id, utcnow(), outbox_id),
    )


async def mark_posted(db: Database, outbox_id: int, message_id: str) -> None:
    """The post is in Discord but the delivery has a step left (a story thread's parent edit):
    the row stays 'sending', and its retry finishes the step instead of posting again."""
    await db.write("UPDATE outbox SET message_id = ? WHERE id = ?", (message_id, outbox_id))


async def mark_retry(db: Database, outbox_id: int, error: str, delay_seconds: float, *, posted: bool = False) -> None:
    """Try again later. A row already posted (`posted`) stays 'sending', so the retry finishes its
    step and never reposts; each such retry counts as an attempt, so a step that keeps failing ends."""
    later = from_now(delay_seconds)
    await db.write(
        "UPDATE outbox SET state = CASE WHEN ? = 1 THEN state ELSE 'pending' END, attempts = attempts + ?,"
        " last_error = ?, next_attempt_at = ? WHERE id = ?",
        (int(posted), int(posted), error[:500], later, outbox_id),
    )


async def mark_failed(db: Database, outbox_id: int, error: str) -> None:
    await db.write("UPDATE outbox SET state = 'failed', last_error = ? WHERE id = ?", (error[:500], outbox_id))


async def fail_channel(db: Database, channel_id: int, error: str) -> int:
    """A channel gone or forbidden: its pending rows will never send; say so instead of retrying."""
    return await db.write(
        "UPDATE outbox SET state = 'failed', last_error = ? WHERE channel_id = ? AND state IN ('pending', 'sending')",
        (error[:500], channel_id),
    )


async def digest_rows(ex: Executor) -> list[OutboxEntry]:
    """Rows waiting for their server's daily digest, oldest first."""
    return await many(ex, OutboxEntry,
        "SELECT id, event_id, guild_id, channel_id, state, attempts, nonce, sending_at, message_id FROM outbox"
        " WHERE state = 'digest' ORDER BY channel_id, id"
    )


async def mark_many(ex: Executor, ids: list[int], state: str, message_id: str | None,
                    error: str | None = None) -> None:
    async with transaction(ex) as conn:
        await conn.executemany(
            "UPDATE outbox SET state = ?, message_id = ?, last_error = ?, sent_at = ? WHERE id = ?",
            [(state, message_id, error, utcnow() if state == "sent" else None, row_id) for row_id in ids],
        )
