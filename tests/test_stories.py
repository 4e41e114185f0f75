"""The alert rules of claims.md: new story, rung climbed, denial, first better-tier confirmation."""

from __future__ import annotations

from bot.models import rung_of
from bot.stories import StoryState, decide, tier_rank, track_of


def _story(kind: str, tier: str | None = "tier3") -> StoryState:
    return StoryState(1, track_of(kind), kind, rung_of(kind), tier_rank(tier))


def test_new_story_alerts() -> None:
    assert decide(None, "interest", "tier4").reason == "new"


def test_climbing_a_rung_alerts_and_repeating_does_not() -> None:
    assert decide(_story("interest"), "talks", "tier3").reason == "climb"
    assert decide(_story("talks"), "talks", "tier3").reason is None
    assert decide(_story("agreement"), "interest", "tier3").reason is None  # old news arriving late
    assert decide(_story("agreement"), "interest", "tier3").kind == "agreement"


def test_denial_alerts_once() -> None:
    first = decide(_story("interest"), "denial", None)
    assert first.reason == "denial" and first.rung == rung_of("interest")
    assert decide(_story("denial"), "denial", None).reason is None


def test_rejected_bid_is_news_on_the_bid_rung() -> None:
    assert decide(_story("bid"), "bid_rejected", "tier2").reason == "rejected"
    assert decide(_story("interest"), "bid_rejected", "tier2").reason == "climb"
    assert decide(_story("bid_rejected", "tier2"), "bid_rejected", "tier2").reason is None


def test_first_reliable_better_source_confirms_once() -> None:
    assert decide(_story("talks", "tier4"), "talks", "tier1").reason == "confirmation"
    assert decide(_story("talks", "tier1"), "talks", "tier1").reason is None
    # a better but still unreliable source is not worth a ping
    assert decide(_story("talks", "aggregator"), "talks", "tier4").reason is None


def test_tracks_keep_deals_apart_from_departures_and_extensions() -> None:
    assert track_of("medical") == track_of("bid_rejected") == "deal"
    assert track_of("departure") == "departure" and track_of("loan") == "loan"
