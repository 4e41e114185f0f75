"""Per-server alert settings."""

from __future__ import annotations

from dataclasses import dataclass

from storage.db import Database, utcnow


@dataclass(frozen=True, slots=True)
class GuildSettings:
    guild_id: int
    alert_channel_id: int | None = None
    min_tier: str | None = None
    kinds: tuple[str, ...] | None = None
    digest: bool = False


async def get(db: Database, guild_id: int) -> GuildSettings:
    row = await db.fetchone("SELECT * FROM guild_settings WHERE guild_id = ?", (guild_id,))
    if row is None:
        return GuildSettings(guild_id)
    kinds = tuple(row["kinds"].split(",")) if row["kinds"] else None
    return GuildSettings(guild_id, row["alert_channel_id"], row["min_tier"], kinds, bool(row["digest"]))


async def put(db: Database, settings: GuildSettings) -> None:
    async with db.transaction() as conn:
        await conn.execute(
            "INSERT INTO guild_settings (guild_id, alert_channel_id, min_tier, kinds, digest, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (guild_id) DO UPDATE SET alert_channel_id = excluded.alert_channel_id,"
            " min_tier = excluded.min_tier, kinds = excluded.kinds, digest = excluded.digest, updated_at = excluded.updated_at",
            (settings.guild_id, settings.alert_channel_id, settings.min_tier,
             ",".join(settings.kinds) if settings.kinds else None, int(settings.digest), utcnow()),
        )


async def alert_channels(db: Database) -> dict[int, int]:
    rows = await db.fetchall("SELECT guild_id, alert_channel_id FROM guild_settings WHERE alert_channel_id IS NOT NULL")
    return {row["guild_id"]: row["alert_channel_id"] for row in rows}
