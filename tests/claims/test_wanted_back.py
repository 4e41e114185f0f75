"""A club wanting a former player back, asking another club about a player; "back" alone after a
name is no position ("want X back" names a person, "Bologna left back X" a player's role)."""

from __future__ import annotations

import pytest

from bot.claims.extract import extract_claims
from tests.claims.reading import told, told_with_from_club


@pytest.mark.parametrize(("title", "claim"), [
    ("Bayer Leverkusen want Jeremie Frimpong back", ("Jeremie Frimpong", "interest", "Bayer Leverkusen")),
    ("Flick wants Marcus Rashford back at Barcelona", ("Marcus Rashford", "interest", "Barcelona")),
    ("Manchester United would love Mason Greenwood to return next summer",
     ("Mason Greenwood", "interest", "Manchester United")),
])
def test_a_club_wanting_a_player_back(title: str, claim: tuple[str, str, str]) -> None:
    assert claim in told(title)


@pytest.mark.parametrize("title", [
    "Liverpool want Alisson back in training this week",
    "Chelsea want Cole Palmer back fit for the derby",
])
def test_back_from_injury_is_no_pursuit(title: str) -> None:
    assert extract_claims(title) == []


def test_a_club_asking_another_about_a_player_is_in_talks_with_it() -> None:
    assert ("Jonathan David", "talks", "Newcastle United", "Juventus") in told_with_from_club(
        "Newcastle latest", "Newcastle have asked Juventus about Jonathan David.")


def test_a_short_term_deal_is_a_short_contract_not_a_loan() -> None:
    kinds = {c.kind for c in extract_claims("Kyle Walker has signed a short-term deal at Burnley")}
    assert kinds == {"completed"}
    assert {c.kind for c in extract_claims("Burnley sign Kyle Walker on a six-month loan")} == {"loan"}


@pytest.mark.parametrize(("title", "claim"), [
    ("Fulham sign Bologna left back Charlie Collins", ("Charlie Collins", "completed", "Fulham")),
    ("Arsenal target Sporting right back Ivan Fresneda", ("Ivan Fresneda", "interest", "Arsenal")),
])
def test_a_line_and_back_written_apart_is_one_role_noun(title: str, claim: tuple[str, str, str]) -> None:
    assert claim in told(title)
