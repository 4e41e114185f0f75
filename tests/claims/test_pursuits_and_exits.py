"""A pursuit named by its contest or effort, a player asking to go, a fee agreed by its figure,
an offer made to sign, a contract ended early, and a word in capitals after a name."""

from __future__ import annotations

import pytest

from tests.claims.reading import told


@pytest.mark.parametrize(("title", "expected"), [
    ("Tottenham in the race to sign Gareth Bale", {("Gareth Bale", "interest", "Tottenham Hotspur")}),
    ("Tottenham battle to sign Real Madrid outcast Gareth Bale", {("Gareth Bale", "interest", "Tottenham Hotspur")}),
    ("Tottenham enter race to land Gareth Bale", {("Gareth Bale", "interest", "Tottenham Hotspur")}),
    ("David Alaba wants move away from Bayern Munich this window", {("David Alaba", "departure", None)}),
    ("Liverpool agree £25m with Bayern Munich for Thiago Alcantara", {("Thiago Alcantara", "agreement", "Liverpool")}),
    ("Roma make last-ditch £13.5m offer to sign Manchester United defender Chris Smalling",
     {("Chris Smalling", "bid", "Roma")}),
    # "ex-PSG man X": a description of the player the pursuit is for.
    ("Real Madrid could swoop for ex-PSG man Edinson Cavani", {("Edinson Cavani", "interest", "Real Madrid")}),
    # A word in capitals for emphasis ends the name before it.
    ("Luis Suarez TERMINATES his contract at Barcelona", {("Luis Suarez", "departure", None)}),
    # A failed attempt asserts nothing.
    ("Tottenham failed in their bid to sign Gareth Bale", set()),
])
def test_pursuits_and_exits(title: str, expected: set[tuple[str, str, str | None]]) -> None:
    assert told(title) == expected
