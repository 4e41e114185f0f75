"""A club's work on a deal is talks; a headline's '<player> transfer <turn>' beside a club is its
interest; a rung told with no club takes the item's one pursuing club."""

from __future__ import annotations

import pytest

from tests.claims.reading import told, told_with_from_club


@pytest.mark.parametrize(("title", "claim"), [
    ("Arsenal continue to work on a deal for Porto striker Samu Aghehowa", ("Samu Aghehowa", "talks", "Arsenal")),
    ("Chelsea working towards a move for Rennes winger Jeremy Doku", ("Jeremy Doku", "talks", "Chelsea")),
    ("Liverpool must work to secure a deal for Marc Guehi, says Carragher", ("Marc Guehi", "talks", "Liverpool")),
    ("Newcastle push on as Hugo Ekitike deal nears", ("Hugo Ekitike", "talks", "Newcastle United")),
    ("Tottenham learn true Antoine Semenyo transfer value", ("Antoine Semenyo", "interest", "Tottenham Hotspur")),
])
def test_work_on_a_deal_and_a_transfer_compound(title: str, claim: tuple[str, str, str]) -> None:
    assert claim in told(title)


def test_a_new_deal_being_worked_on_is_the_players_contract() -> None:
    assert told("Chelsea working on a new deal for Cole Palmer") == {("Cole Palmer", "contract_extension", "Chelsea")}


def test_a_transfer_compound_with_no_club_in_the_item_gives_no_claim() -> None:
    assert told("Bukayo Saka transfer update") == set()


def test_a_rung_told_with_no_club_takes_the_one_club_pursuing_him() -> None:
    found = told("Eze latest", "Arsenal are trying to sign Eberechi Eze and two bids have been knocked back.")
    assert ("Eberechi Eze", "bid_rejected", "Arsenal") in found
    found = told("Brighton learn true Kaoru Mitoma transfer value",
                 "The latest news as they continue to work on a deal for Kaoru Mitoma.")
    assert ("Kaoru Mitoma", "talks", "Brighton & Hove Albion") in found


@pytest.mark.parametrize(("title", "claim"), [
    ("Everton contact Leeds about Wilfried Gnonto", ("Wilfried Gnonto", "talks", "Everton", "Leeds United")),
    ("Newcastle could offer Crystal Palace two players in a deal for Adam Wharton",
     ("Adam Wharton", "interest", "Newcastle United", "Crystal Palace")),
])
def test_the_club_asked_about_a_player_holds_him(title: str, claim: tuple[str, str, str, str]) -> None:
    assert told_with_from_club(title) == {claim}


def test_a_saga_around_a_player_is_a_pursuit() -> None:
    assert ("Ederson", "interest", "Manchester United") in told(
        "Ederson latest", "The transfer saga of Ederson to Manchester United has dragged on all summer.")


def test_an_option_to_buy_is_the_clubs_interest() -> None:
    assert ("Joao Felix", "interest", "AC Milan") in told(
        "Milan weigh up their options", "AC Milan have an option to buy Joao Felix next summer.")


def test_a_decision_about_a_clubs_move_is_no_move() -> None:
    assert not any(kind == "completed" for _, kind, _ in told("Porto star makes Liverpool transfer decision"))


@pytest.mark.parametrize(("title", "expected"), [
    ("Leon Bailey has left for Roma", {("Leon Bailey", "completed", "Roma")}),
    ("Declan Rice left for the Arsenal game early", set()),
])
def test_leaving_for_a_club_is_the_move_to_it(title: str, expected: set[tuple[str, str, str]]) -> None:
    assert told(title) == expected


def test_new_contracts_in_the_plural_are_extensions() -> None:
    assert {kind for _, kind, _ in told("Bukayo Saka and Declan Rice have signed new Arsenal contracts")} \
        == {"contract_extension"}
