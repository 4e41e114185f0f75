"""A club keen or set to let a player go is selling him, whatever it calls him first; "keen to"
is a wish for a player only when a verb of getting him follows; the club traded away or whose
valuation is met is the one he leaves; a clear path to a signing is a chance, not a signing."""

from __future__ import annotations

import pytest

from tests.claims.reading import told, told_with_from_club


@pytest.mark.parametrize(("title", "summary", "expected"), [
    ("Everton keen to offload £20m midfielder Abdoulaye Doucoure", "",
     {("Abdoulaye Doucoure", "departure", None)}),
    ("Everton keen to sign Abdoulaye Doucoure", "", {("Abdoulaye Doucoure", "interest", "Everton")}),
    # The manager keen to strengthen his squad wants no one by name.
    ("Everton set to sign Jack Harrison", "Sean Dyche and the board are keen to strengthen the squad this summer.",
     {("Jack Harrison", "agreement", "Everton")}),
    ("Everton look to have a clear path to sign Jack Harrison", "", {("Jack Harrison", "interest", "Everton")}),
])
def test_letting_go_and_wishes(title: str, summary: str, expected: set[tuple[str, str, str | None]]) -> None:
    assert told(title, summary) == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("Florian Wirtz is on the brink of trading Bayer Leverkusen for Anfield",
     {("Florian Wirtz", "agreement", "Liverpool", "Bayer Leverkusen")}),
    ("Florian Wirtz set for Liverpool medical as the Reds meet the valuation of Bayer Leverkusen",
     {("Florian Wirtz", "medical", "Liverpool", "Bayer Leverkusen")}),
])
def test_the_club_traded_away_or_paid_is_the_one_he_leaves(title: str, expected: set[tuple[str, str, str | None, str | None]]) -> None:
    assert told_with_from_club(title) == expected


@pytest.mark.parametrize(("title", "expected"), [
    # Ready to take a deal's last step is imminent; ready to sign, or to complete something else, a wish.
    ("Aston Villa ready to seal deal for Emiliano Martinez", {("Emiliano Martinez", "agreement", "Aston Villa")}),
    ("Aston Villa ready to sign Emiliano Martinez", {("Emiliano Martinez", "interest", "Aston Villa")}),
    ("Abdoulaye Doucoure set to make £22m transfer to Everton", {("Abdoulaye Doucoure", "agreement", "Everton")}),
    # A free agent is a player out of contract, not an agent.
    ("Manchester United in talks with free agent Edinson Cavani", {("Edinson Cavani", "talks", "Manchester United")}),
    # Signing more players names no one: the manager hoping for it is not signed.
    ("Ruben Amorim hopes Manchester United can sign more players this summer", set()),
])
def test_deals_closing_free_agents_and_generic_signings(title: str, expected: set[tuple[str, str, str | None]]) -> None:
    assert told(title) == expected
