"""Per-server alert settings."""

from __future__ import annotations

from storage.db import Executor, fetchall, fetchone, transaction, utcnow
from storage.records import GuildSettings

__all__ = ["GuildSettings", "alert_channels", "get", "kinds_of", "put"]


def kinds_of(stored: str | None) -> tuple[str, ...] | None:
    """A server's kinds as stored (comma-separated; NULL: every kind)."""
    return tuple(stored.split(",")) if stored else None


async def get(ex: Executor, guild_id: int) -> GuildSettings:
    row = await fetchone(ex, "SELECT * FROM guild_settings WHERE guild_id = ?", (guild_id,))
    if row is None:
        return GuildSettings(guild_id)
    return GuildSettings(guild_id, row["alert_channel_id"], row["min_tier"], kinds_of(row["kinds"]), bool(row["digest"]),
                         bool(row["threads"]))


async def put(ex: Executor, settings: GuildSettings) -> None:
    async with transaction(ex) as conn:
        await conn.execute(
            "INSERT INTO guild_settings (guild_id, alert_channel_id, min_tier, kinds, digest, threads, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (guild_id) DO UPDATE SET alert_channel_id = excluded.alert_channel_id,"
            " min_tier = excluded.min_tier, kinds = excluded.kinds, digest = excluded.digest,"
            " threads = excluded.threads, updated_at = excluded.updated_at",
            (settings.guild_id, settings.alert_channel_id, settings.min_tier,
             ",".join(settings.kinds) if settings.kinds else None, int(settings.digest), int(settings.threads),
             utcnow()),
        )


async def alert_channels(ex: Executor) -> dict[int, int]:
    rows = await fetchall(ex, "SELECT guild_id, alert_channel_id FROM guild_settings WHERE alert_channel_id IS NOT NULL")
    return {row["guild_id"]: row["alert_channel_id"] for row in rows}
