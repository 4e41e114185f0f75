"""Forms that items written for the project by people who never read the extractor showed it
missing (tests/data/written): each wish takes every verb of getting a person, a job title may
carry its club's possessive, a refused offer of new terms is an exit, talks with a person's
people are talks about him, an offer made to a coach is a bid, a fee keeps its size between
the verb and the player, and a development with a described player as its object does not
pass to whoever the next clause names. Items in our own words."""

from __future__ import annotations

import pytest

from bot.claims import getting
from tests.claims.reading import told


def test_the_family_of_getting_has_every_verb_in_the_gerund() -> None:
    assert [getting.gerund(s) for s in ("sign", "snap up", "lure", "re sign", "reunite with")] == [
        "signing", "snapping up", "luring", "re signing", "reuniting with"]
    assert "secure" not in getting.STEMS  # its object is as often a future as a player


@pytest.mark.parametrize(("title", "expected"), [
    ("Napoli dream of landing Dominik Szoboszlai", {("Dominik Szoboszlai", "interest", "Napoli")}),
    ("Juventus are thinking about snapping up Jonathan David", {("Jonathan David", "interest", "Juventus")}),
    ("Everton eye luring Morgan Gibbs-White back", {("Morgan Gibbs-White", "interest", "Everton")}),
    # A future secured is a new contract, not a signing: "secure" is left out of the family.
    ("Brighton keen on securing Kaoru Mitoma's future", {("Kaoru Mitoma", "contract_extension", "Brighton & Hove Albion")}),
])
def test_every_wish_takes_every_verb_of_getting_a_person(title: str, expected: set[tuple[str, str, str | None]]) -> None:
    assert told(title) == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("Kieran McKenna has been confirmed as Ipswich Town's permanent manager",
     {("Kieran McKenna", "completed", "Ipswich Town")}),
    ("Burnley have confirmed Scott Parker as their new head coach on a deal until 2029",
     {("Scott Parker", "completed", "Burnley")}),
])
def test_a_job_title_with_its_clubs_possessive_is_an_appointment(title: str, expected: set[tuple[str, str, str | None]]) -> None:
    assert told(title) == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("Trent Alexander-Arnold knocks back Liverpool's offer of improved terms",
     {("Trent Alexander-Arnold", "departure", None)}),
    ("Marcus Thuram has rejected Inter's latest offer of a contract extension", {("Marcus Thuram", "departure", None)}),
    # Accepting the offer is the extension itself.
    ("Marcus Thuram accepts Inter's offer of a new contract", {("Marcus Thuram", "contract_extension", "Inter Milan")}),
])
def test_a_refused_offer_of_new_terms_is_an_exit(title: str, expected: set[tuple[str, str, str | None]]) -> None:
    assert told(title) == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("Bayern Munich hold talks with the representatives of Kenan Yildiz", {("Kenan Yildiz", "talks", "Bayern Munich")}),
    ("Arsenal have been in contact with the entourage of Victor Osimhen", {("Victor Osimhen", "talks", "Arsenal")}),
])
def test_talks_with_a_persons_people_are_talks_about_him(title: str, expected: set[tuple[str, str, str | None]]) -> None:
    assert told(title) == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("Celtic make a formal offer to Steven Naismith", {("Steven Naismith", "bid", "Celtic")}),
    ("Al-Nassr have tabled a three-year offer worth €30m a season to Bruno Fernandes",
     {("Bruno Fernandes", "bid", "Al-Nassr")}),
    # An offer to a club is for the player named after it, not to him.
    ("Arsenal make offer to Brighton for Carlos Baleba", {("Carlos Baleba", "bid", "Arsenal")}),
])
def test_an_offer_made_to_the_person_is_a_bid(title: str, expected: set[tuple[str, str, str | None]]) -> None:
    assert told(title) == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("Chelsea have agreed a fee of around €45m with Lille for Jonathan David",
     {("Jonathan David", "agreement", "Chelsea")}),
    ("Newcastle agree £70m package for Hugo Ekitike", {("Hugo Ekitike", "agreement", "Newcastle United")}),
])
def test_a_fee_keeps_its_size_between_the_verb_and_the_player(title: str, expected: set[tuple[str, str, str | None]]) -> None:
    assert told(title) == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("Hearts table £3m offer for Aberdeen winger as Derek McInnes rebuilds", set()),
    ("Fulham open talks for Eredivisie flyer as Marco Silva plans for January", set()),
    # A development naming nobody still goes to the person the next clause is about.
    ("Arsenal on alert as Rodrygo's Real Madrid future is left open", {("Rodrygo", "interest", "Arsenal")}),
])
def test_a_described_object_keeps_the_development_from_the_next_clause(title: str,
                                                                     expected: set[tuple[str, str, str | None]]) -> None:
    assert told(title) == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("Kieran McKenna now has two matches to save his Ipswich job", {("Kieran McKenna", "departure", None)}),
    ("Kieran McKenna's position at the club is hanging by a thread", {("Kieran McKenna", "departure", None)}),
])
def test_a_job_in_danger_told_with_its_club_or_ground(title: str, expected: set[tuple[str, str, str | None]]) -> None:
    assert told(title) == expected
