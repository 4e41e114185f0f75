"""The alert outbox: one row per story event per following channel, with its delivery state.

Delivery marks a row 'sending' (committed, with the time) before it posts and 'sent' with the
message id after, so a restart knows which posts may have reached Discord: the dispatcher looks
for those in the channel before posting again, and the row's nonce covers the rest.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import aiosqlite

from storage.db import Database, utcnow

_DUE = (
    "SELECT o.id, o.event_id, o.guild_id, o.channel_id, o.state, o.attempts, o.nonce, o.sending_at"
    " FROM outbox o JOIN story_events e ON e.id = o.event_id LEFT JOIN claims c ON c.id = e.claim_id"
    " WHERE o.state IN ('pending', 'sending')"
    " AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= ?) ORDER BY c.published, o.id LIMIT ?"
)


async def due(db: Database, limit: int = 100) -> list[aiosqlite.Row]:
    return await db.fetchall(_DUE, (utcnow(), limit))


async def mark_sending(db: Database, outbox_id: int) -> None:
    await db.write("UPDATE outbox SET state = 'sending', attempts = attempts + 1, sending_at = ? WHERE id = ?",
                   (utcnow(), outbox_id))


async def mark_sent(db: Database, outbox_id: int, message_id: str | None) -> None:
    await db.write(
        "UPDATE outbox SET state = 'sent', message_id = ?, sent_at = ?, last_error = NULL WHERE id = ?",
        (message_id, utcnow(), outbox_id),
    )


async def mark_retry(db: Database, outbox_id: int, error: str, delay_seconds: float) -> None:
    later = (datetime.now(UTC) + timedelta(seconds=delay_seconds)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    await db.write(
        "UPDATE outbox SET state = 'pending', last_error = ?, next_attempt_at = ? WHERE id = ?",
        (error[:500], later, outbox_id),
    )


async def mark_failed(db: Database, outbox_id: int, error: str) -> None:
    await db.write("UPDATE outbox SET state = 'failed', last_error = ? WHERE id = ?", (error[:500], outbox_id))


async def fail_channel(db: Database, channel_id: int, error: str) -> int:
    """A channel gone or forbidden: its pending rows will never send; say so instead of retrying."""
    return await db.write(
        "UPDATE outbox SET state = 'failed', last_error = ? WHERE channel_id = ? AND state IN ('pending', 'sending')",
        (error[:500], channel_id),
    )


async def digest_rows(db: Database) -> list[aiosqlite.Row]:
    """Rows waiting for their server's daily digest, oldest first."""
    return await db.fetchall(
        "SELECT id, event_id, guild_id, channel_id FROM outbox WHERE state = 'digest' ORDER BY channel_id, id"
    )


async def mark_many(db: Database, ids: list[int], state: str, message_id: str | None, error: str | None = None) -> None:
    async with db.transaction() as conn:
        await conn.executemany(
            "UPDATE outbox SET state = ?, message_id = ?, last_error = ?, sent_at = ? WHERE id = ?",
            [(state, message_id, error, utcnow() if state == "sent" else None, row_id) for row_id in ids],
        )
