"""Attempts that failed, contending suitors, offers named by their bidder, deals told as near in
noun phrases, clauses after "with" and "tells ... he will", and names written with particles or
a hyphenated surname."""

from __future__ import annotations

import pytest

from tests.claims.reading import told


@pytest.mark.parametrize(("title", "expected"), [
    # Not managing to agree is neither an agreement nor anyone's denial.
    ("Brighton and Fulham have been unable to reach an agreement for Kaoru Mitoma", set()),
    ("Newcastle could not agree a fee with Brentford for Bryan Mbeumo", set()),
    # A negation written with "n't" still negates.
    ("Tottenham don't want Richarlison back", {("Richarlison", "denial", "Tottenham Hotspur")}),
    # Verbs of contending make the signing a pursuit, and their "with" names a rival.
    ("Brentford rivalling Fulham to sign Ajax winger Mika Godts", {("Mika Godts", "interest", "Brentford")}),
    ("Crystal Palace vie with Everton to sign Ajax winger Mika Godts", {("Mika Godts", "interest", "Crystal Palace")}),
    # An offer named by its bidder: the club waiting for it is the one selling.
    ("Celtic expect an offer from Brentford to sign Kyogo Furuhashi", {("Kyogo Furuhashi", "bid", "Brentford")}),
    # A word describing the coach between the verb and the role.
    ("Wolves sack beleaguered coach Gary O'Neil after derby defeat", {("Gary O'Neil", "departure", None)}),
    # A swoop completed is a signing; a "duo" is two players of the club named before it.
    ("Bournemouth wrap up swoop for Lens duo Kevin Danso and Facundo Medina",
     {("Kevin Danso", "completed", "Bournemouth"), ("Facundo Medina", "completed", "Bournemouth")}),
    # Edging closer to sealing a return: near, not done.
    ("Aston Villa edge closer to sealing stunning return of Jack Grealish", {("Jack Grealish", "agreement", "Aston Villa")}),
    # An epithet between "from" and the club keeps it the club he leaves.
    ("Fulham confirm the signing of Calvin Bassey from relegated Ajax", {("Calvin Bassey", "completed", "Fulham")}),
    # "tells Napoli he will leave": a statement, not an order; the clubs linked after "with".
    ("Victor Osimhen tells Napoli he will leave in January with Chelsea and Arsenal linked",
     {("Victor Osimhen", "departure", None), ("Victor Osimhen", "interest", "Chelsea"),
      ("Victor Osimhen", "interest", "Arsenal")}),
    # Joining up with a squad is no move.
    ("Mohamed Salah misses training and will not join up with the Egypt squad", set()),
    # A deal told as near by its figure and club, a bid accepted named by its player, a
    # signing noun close to done.
    ("Jarrod Bowen set for £60m Liverpool move as West Ham accept bid", {("Jarrod Bowen", "agreement", "Liverpool")}),
    ("Arsenal have £55m Benjamin Sesko bid accepted by Leipzig", {("Benjamin Sesko", "agreement", "Arsenal")}),
    ("Everton close to £20m signing of Leicester striker Jamie Vardy", {("Jamie Vardy", "agreement", "Everton")}),
    # Talking a player round is wanting him.
    ("Leeds trying to persuade Jack Harrison to return from Everton", {("Jack Harrison", "interest", "Leeds United")}),
    # A run of particles and a hyphenated surname belong to the name.
    ("Burnley midfielder Josh Brownhill-Laing released by the club", {("Josh Brownhill-Laing", "departure", None)}),
    # A move in the progressive is arranged; team-mates are no party to it.
    ("Virgil van Dijk has told his Liverpool team-mates he is joining Real Madrid",
     {("Virgil van Dijk", "agreement", "Real Madrid")}),
    # A club the gazetteer lacks, as a party to a deal for a player named by his position.
    ("Rangers agree £4m deal with Hammarby for midfielder Nahir Besara", {("Nahir Besara", "agreement", "Rangers")}),
    # The club announcing a move to another is the one he leaves.
    ("Bayer Leverkusen confirm Jeremie Frimpong has joined Liverpool",
     {("Jeremie Frimpong", "completed", "Liverpool")}),
    # A bid rejected in the passive: the subject bid, the club after "by" holds him.
    ("Newcastle have £40m bid rejected by Brentford for Yoane Wissa",
     {("Yoane Wissa", "bid_rejected", "Newcastle United")}),
    # "Liverpool target X" names the suitor, not the club expecting offers.
    ("Crystal Palace expect to receive an offer for Liverpool target Marc Guehi",
     {("Marc Guehi", "bid", "Liverpool")}),
    # Necessity is a wish: "it is vital that Arsenal sign X".
    ("Pundit believes it is vital Arsenal sign £60m target Viktor Gyokeres",
     {("Viktor Gyokeres", "interest", "Arsenal")}),
    # A club set right before the player, or a list of them before his position, is his.
    ("Brighton confirm the signing of Feyenoord Igor Paixao", {("Igor Paixao", "completed", "Brighton & Hove Albion")}),
    ("Leeds complete signing of Chelsea and Wales midfielder Ethan Ampadu", {("Ethan Ampadu", "completed", "Leeds United")}),
    # A club's city after a verb of arriving is a place; a club before an age and a role is his.
    ("Jack Grealish arrives in Manchester ahead of completing his move to Everton",
     {("Jack Grealish", "agreement", "Everton")}),
    ("Bayern will complete move for Chelsea 17-year-old forward Tyrique George",
     {("Tyrique George", "agreement", "Bayern Munich")}),
    # A club's pursuit named by the club.
    ("Joao Palhinha misses training amid Bayern Munich transfer pursuit", {("Joao Palhinha", "interest", "Bayern Munich")}),
])
def test_failures_contests_and_names(title: str, expected: set[tuple[str, str, str | None]]) -> None:
    assert told(title) == expected


def test_a_wish_still_governs_a_progressive_move() -> None:
    assert told("Virgil van Dijk could be joining Real Madrid") == {("Virgil van Dijk", "interest", "Real Madrid")}


@pytest.mark.parametrize(("title", "expected"), [
    # The one who sells is no one sold: a manager or owner named before an active verb of selling.
    ("Ryan Sessegnon set for Fulham exit as Marco Silva looks to sell the wing-back",
     {("Ryan Sessegnon", "departure", None)}),
    ("Everton owner Dan Friedkin attempting to sell the club's old training ground", set()),
    # The agent of a passive is no one leaving either.
    ("Kalvin Phillips heads for Manchester City exit after being frozen out by Pep Guardiola",
     {("Kalvin Phillips", "departure", None)}),
    # Parting ways is the person's own exit, not a sale of someone after it.
    ("Sean Dyche parts ways with Everton", {("Sean Dyche", "departure", None)}),
    # A person sold, after the verb, stays the subject.
    ("Juventus ready to sell Dusan Vlahovic", {("Dusan Vlahovic", "departure", None)}),
    # A manager denying he would sell: the denial is about the player.
    ("Tottenham boss Thomas Frank insists he never considered selling Cristian Romero",
     {("Cristian Romero", "denial", None)}),
    # Two names joined cannot take a singular verb: the second opens a clause of its own.
    ("Arsenal to make move for Eberechi Eze and Oliver Glasner is convinced Palace will sell",
     {("Eberechi Eze", "interest", "Arsenal")}),
    # A pursuit noun with its player set right after it: the player, not the manager before.
    ("Fulham boss Marco Silva fears he will miss out on top target Harvey Elliott",
     {("Harvey Elliott", "interest", "Fulham")}),
])
def test_an_exit_is_not_the_sellers(title: str, expected: set[tuple[str, str, str | None]]) -> None:
    assert told(title) == expected


def test_only_clubs_agree_a_fee_and_a_prospect_of_is_no_player() -> None:
    # The club a fee is agreed with sells, even when the buyer is only described.
    assert ("Joao Felix", "agreement", "Benfica") not in told(
        "Joao Felix close to Aston Villa move after the Midlands side agree a £30m fee with Benfica")
    # "the prospect of losing X" is no stand-in for the item's first person.
    assert told("Chelsea offer Fulham the chance to sign Kepa Arrizabalaga",
                "Fulham face the prospect of losing Bernd Leno with Sunderland interested.") \
        >= {("Bernd Leno", "interest", "Sunderland")}
