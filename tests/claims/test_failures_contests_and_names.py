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
    # A club's pursuit named by the club.
    ("Joao Palhinha misses training amid Bayern Munich transfer pursuit", {("Joao Palhinha", "interest", "Bayern Munich")}),
])
def test_failures_contests_and_names(title: str, expected: set[tuple[str, str, str | None]]) -> None:
    assert told(title) == expected


def test_a_wish_still_governs_a_progressive_move() -> None:
    assert told("Virgil van Dijk could be joining Real Madrid") == {("Virgil van Dijk", "interest", "Real Madrid")}
