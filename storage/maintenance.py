"""Housekeeping: retention, so the database does not grow without bound."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from storage.db import Executor, stamp, transaction


def cutoff(retention_days: int, now: datetime | None = None) -> str:
    return stamp((now or datetime.now(UTC)) - timedelta(days=retention_days))


async def prune_items(ex: Executor, retention_days: int) -> int:
    """Delete items older than the retention; their claims and stories stay (item_id becomes NULL)."""
    async with transaction(ex) as conn:
        return await conn.execute("DELETE FROM items WHERE COALESCE(published, fetched_at) < ?",
                                  (cutoff(retention_days),))
