"""Round nine of review five: a game or meeting after "set for <club>", contract talks, a club letting go.

Each headline is in our own words about real people and clubs. A reader sees an agreement only
when "set for / poised for <club>" is followed by a move, not by a fixture or a meeting.
"""

from __future__ import annotations

import pytest

from tests.claims.reading import WINTER_WINDOW, Reader

IN_THE_WINDOW = Reader(published=WINTER_WINDOW)
kinds_and_clubs = IN_THE_WINDOW.kinds_and_clubs


# "set for / on course for <club> <game or meeting>": no imminent deal.
NO_DEAL = [
    "Bukayo Saka on course for Tottenham clash after scan",
    "Cole Palmer poised for Arsenal showdown this weekend",
    "Declan Rice set for Chelsea return against his old club",
    "Lamine Yamal set for Real Madrid trip despite knock",
]


@pytest.mark.parametrize("title", NO_DEAL)
def test_a_game_after_set_for_club_is_no_agreement(title: str) -> None:
    assert not any(kind == "agreement" for kind, _ in kinds_and_clubs(title))


def test_a_move_after_set_for_club_stays_an_agreement() -> None:
    assert ("agreement", "Aston Villa") in kinds_and_clubs("Jadon Sancho set for Aston Villa switch")


# A club letting a player go, or a manager near the sack, in forms of their own.
LETTING_GO = [
    ("Chelsea offer Raheem Sterling to Serie A clubs", "Raheem Sterling"),
    ("Raheem Sterling offered to several Bundesliga sides", "Raheem Sterling"),
    ("Ben Chilwell not part of Enzo Maresca's plans at Chelsea", "Ben Chilwell"),
    ("Jack Grealish likely to be moved on before the deadline", "Jack Grealish"),
    ("Manchester United ready to accept a reduced fee for Jadon Sancho", "Jadon Sancho"),
    ("Joao Felix has struggled for minutes, with Chelsea now open to offers", "Joao Felix"),
    ("Wolves release veteran goalkeeper Daniel Bentley", "Daniel Bentley"),
    ("Vitor Pereira odds-on favourite for the sack after another defeat", "Vitor Pereira"),
]


@pytest.mark.parametrize(("title", "person"), LETTING_GO)
def test_a_club_letting_go_is_a_departure(title: str, person: str) -> None:
    found = IN_THE_WINDOW.people_and_kinds(title, "")
    assert (person, "departure") in found


def test_hearing_offers_is_no_bid_by_the_selling_club() -> None:
    kinds = kinds_and_clubs("Brighton prepared to listen to offers for Kaoru Mitoma")
    assert ("departure", None) in kinds
    assert not any(kind == "bid" for kind, _ in kinds)


def test_a_new_contract_offered_is_no_sale() -> None:
    assert ("departure", None) not in kinds_and_clubs("Arsenal offer Bukayo Saka a new deal to stay at the club")


# Talks about a player's own contract are the extension, with his club.
def test_talks_over_an_extension_are_the_extension() -> None:
    kinds = kinds_and_clubs("Barcelona open talks with Pedri over a contract extension")
    assert ("contract_extension", "Barcelona") in kinds
    assert not any(kind == "talks" for kind, _ in kinds)


def test_talks_about_extending_his_deal_are_the_extension() -> None:
    assert ("contract_extension", "Arsenal") in kinds_and_clubs("Arsenal in discussions with Bukayo Saka about extending his deal")


def test_a_labelled_headline_of_talks_beside_contract_talks_is_the_extension() -> None:
    kinds = kinds_and_clubs("Chelsea news: Maresca eyes a winger, Colwill talks go on",
                            "Enzo Maresca wants a winger, while contract talks with Levi Colwill continue.")
    assert ("contract_extension", "Chelsea") in kinds
    assert not any(kind == "talks" for kind, _ in kinds)


def test_transfer_talks_stay_talks() -> None:
    assert ("talks", "Real Madrid") in kinds_and_clubs("Real Madrid in talks with Liverpool over Ibrahima Konate")


# "<rung> for X move to Y": the move is a noun, its rung the other word's.
def test_here_we_go_for_a_return_is_no_completed_move() -> None:
    kinds = kinds_and_clubs("Here we go for Jorginho return to Chelsea", "Chelsea and Flamengo have reached an agreement.")
    assert ("completed", "Chelsea") not in kinds


def test_a_return_told_as_a_verb_is_completed() -> None:
    assert ("completed", "Chelsea") in kinds_and_clubs("Jorginho returns to Chelsea on a two-year deal")


# Signing merchandise, leaving a national camp, a club's own deliberation: no move, no talks.
@pytest.mark.parametrize("title", [
    "Bukayo Saka signs a shirt for a young fan after training",
    "Martin Odegaard signs copies of his book at a store",
])
def test_signing_goods_is_no_completed_move(title: str) -> None:
    assert not any(kind == "completed" for kind, _ in kinds_and_clubs(title))


def test_released_from_a_national_camp_is_no_departure() -> None:
    assert not kinds_and_clubs("Lamine Yamal released from Spain camp with a knock")


def test_a_club_releasing_a_player_is_still_a_departure() -> None:
    assert ("departure", None) in kinds_and_clubs("Everton have released Ashley Young")


def test_internal_discussions_are_no_talks() -> None:
    kinds = kinds_and_clubs("Juventus weigh Lookman move", "Juventus have held internal discussions about Ademola Lookman.")
    assert not any(kind == "talks" for kind, _ in kinds)


def test_offered_to_a_named_club_is_its_interest_and_an_exit() -> None:
    kinds = kinds_and_clubs("Raheem Sterling offered to Juventus")
    assert {("departure", None), ("interest", "Juventus")} <= kinds


def test_offered_to_clubs_unnamed_is_an_exit_only() -> None:
    assert kinds_and_clubs("Raheem Sterling offered to several Serie A clubs") == {("departure", None)}


def test_outside_the_plans_in_its_negated_forms() -> None:
    assert ("departure", None) in kinds_and_clubs("Ben Chilwell doesn't figure in Maresca's plans")


def test_plans_for_a_game_are_no_exit() -> None:
    assert not kinds_and_clubs("Bukayo Saka not in Arteta's plans for Sunday's game")
