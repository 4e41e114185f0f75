"""Claims -> stories, and which changes deserve an alert (the rules of ../shared/docs/claims.md).

Pure decisions over plain state; bot/ingest.py applies them inside the ingest transaction.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.models import LADDER, TIERS, rung_of
from storage.records import StoryState

__all__ = ["Decision", "StoryState", "decide", "tier_rank", "track_of"]

# A source's rank: its place in TIERS, best first; an unrated source ranks below every tier.
TIER_RANK: dict[str, int] = {tier: rank for rank, tier in enumerate(TIERS)}
UNKNOWN_TIER_RANK = len(TIERS)
# A better source only counts as a confirmation worth an alert when it is itself reliable.
CONFIRMING_TIER_RANK = TIER_RANK["tier2"]


def tier_rank(tier: str | None) -> int:
    return TIER_RANK.get(tier or "", UNKNOWN_TIER_RANK)


def track_of(kind: str) -> str:
    """The kind of deal a claim belongs to. The ladder and a rejected bid share the 'deal' track."""
    if kind in LADDER or kind == "bid_rejected":
        return "deal"
    return kind  # loan, contract_extension, departure, denial stand on their own


@dataclass(frozen=True, slots=True)
class Decision:
    kind: str  # the story's kind after this claim
    rung: int
    best_tier_rank: int
    reason: str | None  # why this claim deserves an alert; None: update silently

    @property
    def alerts(self) -> bool:
        return self.reason is not None


def decide(story: StoryState | None, kind: str, tier: str | None) -> Decision:
    rank = tier_rank(tier)
    rung = rung_of(kind)
    if story is None:
        return Decision(kind=kind, rung=rung, best_tier_rank=rank, reason="new")

    best = min(story.best_tier_rank, rank)
    if kind == "denial":
        # A denial is news once; repeating it is not, until the story moves again.
        reason = "denial" if story.kind != "denial" else None
        return Decision(kind="denial", rung=story.rung, best_tier_rank=best, reason=reason)
    if rung > story.rung:
        return Decision(kind=kind, rung=rung, best_tier_rank=best, reason="climb")
    if kind == "bid_rejected" and story.kind != "bid_rejected":
        return Decision(kind=kind, rung=story.rung, best_tier_rank=best, reason="rejected")
    if rank < story.best_tier_rank and rank <= CONFIRMING_TIER_RANK and rung == story.rung:
        return Decision(kind=story.kind, rung=story.rung, best_tier_rank=best, reason="confirmation")
    return Decision(kind=story.kind, rung=story.rung, best_tier_rank=best, reason=None)


REASON_TEXT: dict[str, str] = {
    "new": "New story",
    "climb": "Moved up",
    "denial": "Denied",
    "rejected": "Bid rejected",
    "confirmation": "Confirmed by a better source",
}
