"""A club's offer named as a thing, and a verb whose object is a report about someone.

"Porto offer on the table" is Porto's bid whether "offer" is a verb or a noun; "Juventus release
a Vlahovic update" releases news, not the player: the name only qualifies the report noun."""

from __future__ import annotations

import pytest

from tests.claims.reading import told


@pytest.mark.parametrize(("title", "expected"), [
    # The club's offer as a noun phrase: the club before it is the bidder.
    ("Porto's offer for Jakub Kiwior revealed", {("Jakub Kiwior", "bid", "Porto")}),
    ("Jakub Kiwior future: Porto bid expected this week", {("Jakub Kiwior", "bid", "Porto")}),
    ("Arsenal's Jakub Kiwior receives Porto offer", {("Jakub Kiwior", "bid", "Porto")}),
    # The verb with its object stays what it was: a new deal offered by his own club is no bid.
    ("Porto offer £20m for Jakub Kiwior", {("Jakub Kiwior", "bid", "Porto")}),
    ("Arsenal offer Bukayo Saka a new contract", {("Bukayo Saka", "contract_extension", "Arsenal")}),
])
def test_a_clubs_offer_named_as_a_thing_is_its_bid(title: str, expected: set[tuple[str, str, str | None]]) -> None:
    assert told(title) == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("Juventus release Dusan Vlahovic update after talks collapse", set()),
    ("Real Madrid sign off Rodrygo statement with thanks", set()),
    ("Manchester United axe Ruben Amorim verdict delivered by pundit", set()),
    # The verb on the man himself is still his move, and a report of the move itself is denied.
    ("Juventus release Dusan Vlahovic after talks collapse", {("Dusan Vlahovic", "departure", None)}),
    ("Newcastle sell Sandro Tonali claims rubbished", {("Sandro Tonali", "denial", None)}),
])
def test_a_verb_on_a_report_about_someone_is_no_move(title: str, expected: set[tuple[str, str, str | None]]) -> None:
    assert told(title) == expected


@pytest.mark.parametrize(("title", "expected"), [
    # A move, a bid or an offer named by its player ("Olise move"), made by the club before it.
    ("Manchester City made late Michael Olise move", {("Michael Olise", "interest", "Manchester City")}),
    ("Chelsea make Alexander Isak offer", {("Alexander Isak", "bid", "Chelsea")}),
    # A move told as expected or under way is imminent: the claim model's agreement.
    ("Mary Earps leaves Manchester United before expected PSG move",
     {("Mary Earps", "agreement", "Paris Saint-Germain")}),
    ("Mary Earps prepares for a move to Paris Saint-Germain", {("Mary Earps", "agreement", "Paris Saint-Germain")}),
    # A bid accepted, told from the bidder's side.
    ("Marseille have had a bid accepted for Mason Greenwood", {("Mason Greenwood", "agreement", "Marseille")}),
])
def test_moves_named_by_their_player_and_deals_under_way(title: str, expected: set[tuple[str, str, str | None]]) -> None:
    assert told(title) == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("Tottenham agree loan for Manchester City's Omar Marmoush", {("Omar Marmoush", "loan", "Tottenham Hotspur")}),
    # "X to Y" as the subject of a news noun is the link it reports on.
    ("Romano gives huge Alejandro Balde to Manchester United update", {("Alejandro Balde", "interest", "Manchester United")}),
])
def test_a_loan_agreed_and_a_link_named_in_an_update(title: str, expected: set[tuple[str, str, str | None]]) -> None:
    assert told(title) == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("Leeds edging closer to £20m deal for Diego Llorente", {("Diego Llorente", "talks", "Leeds United")}),
    ("Sheffield United at advanced stage in sealing £10m deal for Derby duo Jayden Bogle and Max Lowe",
     {("Jayden Bogle", "agreement", "Sheffield United"), ("Max Lowe", "agreement", "Sheffield United")}),
    ("Barcelona set to put final bid on the table for Lautaro Martinez", {("Lautaro Martinez", "bid", "Barcelona")}),
    # A flop is a player of the club named before: the club he leaves, not the one he joins.
    ("Crystal Palace flop Alexander Sorloth joins RB Leipzig", {("Alexander Sorloth", "completed", "RB Leipzig")}),
])
def test_deals_neared_sealed_or_bid_for(title: str, expected: set[tuple[str, str, str | None]]) -> None:
    assert told(title) == expected
