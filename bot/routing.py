"""Which channels a story event goes to: pure decisions over the followers storage found.

A server's /alerts settings filter what reaches it (the kinds it wants, the sources it trusts);
a server in digest mode holds its alerts for the daily digest. `/why` tells the same filters back.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.stories import tier_rank
from storage.records import Follower


def filtered_by(kinds: Sequence[str] | None, min_tier: str | None, kind: str, tier: str | None) -> str | None:
    """Why a server's settings keep an event of this kind and source tier out ("kind", "tier"), or None."""
    if kinds and kind not in kinds:
        return "kind"
    if min_tier and tier_rank(tier) > tier_rank(min_tier):
        return "tier"
    return None


def route(followers: Sequence[Follower], kind: str, tier: str | None) -> list[tuple[int, int, str]]:
    """(guild, channel, outbox state) for each following channel whose server wants this event."""
    return [(f.guild_id, f.channel_id, "digest" if f.digest else "pending")
            for f in followers if filtered_by(f.kinds, f.min_tier, kind, tier) is None]
