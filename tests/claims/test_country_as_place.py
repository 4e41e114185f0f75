"""A country after "clubs from", "interest from" or "a move to" is a place, not a national team."""

from __future__ import annotations

from bot.claims.extract import extract_claims
from bot.claims.mentions import find
from bot.claims.text import tokens_of


def test_clubs_from_two_countries_are_places() -> None:
    kinds = [m.kind for m in find(tokens_of("Sides from Turkey and Italy are watching Jadon Sancho"))]
    assert kinds == ["place", "place"]


def test_interest_from_a_country_is_still_interest() -> None:
    claims = extract_claims("Jadon Sancho wanted by clubs from Turkey and Saudi Arabia", "")
    assert [(c.subject, c.kind) for c in claims] == [("Jadon Sancho", "interest")]


def test_a_country_before_squad_stays_a_national_team() -> None:
    assert extract_claims("Harry Kane returns to England squad", "") == []
