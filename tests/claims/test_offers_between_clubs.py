"""Offers and approaches told from either club's side, and a player staying despite interest.

The club an offer or an approach is made *to* holds the player; the club that *receives* one
holds him too, and the bidder is the club it came from."""

from __future__ import annotations

import pytest

from tests.claims.reading import told, told_with_from_club

# (person, kind, counterpart, from_club)
Told = tuple[str, str, str | None, str | None]


@pytest.mark.parametrize(("title", "summary", "expected"), [
    # An offer addressed to the selling club, for the player or to sign him.
    ("West Ham submit bid to Wolves for Jorgen Strand Larsen", "",
     {("Jorgen Strand Larsen", "bid", "West Ham United", "Wolverhampton Wanderers")}),
    ("Everton send offer to Leeds to sign Wilfried Gnonto", "",
     {("Wilfried Gnonto", "bid", "Everton", "Leeds United")}),
    # An approach to the selling club is talks, and he is still that club's.
    ("Aston Villa make approach to Lyon to sign Rayan Cherki", "",
     {("Rayan Cherki", "talks", "Aston Villa", "Lyon")}),
    # The selling club on the receiving end.
    ("Crystal Palace receive £45m offer from Aston Villa for Eberechi Eze", "",
     {("Eberechi Eze", "bid", "Aston Villa", "Crystal Palace")}),
    ("Lyon have received an approach from Aston Villa over Rayan Cherki", "",
     {("Rayan Cherki", "talks", "Aston Villa", "Lyon")}),
    # A player receiving a new contract offer from his own club is no bid from elsewhere.
    ("Jarrod Bowen receives a contract offer from West Ham", "", set()),
])
def test_offers_between_clubs(title: str, summary: str, expected: set[Told]) -> None:
    assert told_with_from_club(title, summary) == expected


@pytest.mark.parametrize(("title", "expected"), [
    # Staying told with no club: a denial of the link "despite" names.
    ("Federico Chiesa is set to stay despite interest from Napoli", {("Federico Chiesa", "denial", "Napoli")}),
    # The club he stays at is his own, never the suitor of the interest before it.
    ("Despite interest from Napoli, Federico Chiesa is happy at Liverpool",
     {("Federico Chiesa", "denial", "Napoli")}),
    ("Despite interest from Napoli, Federico Chiesa is set to stay at Liverpool",
     {("Federico Chiesa", "denial", "Napoli")}),
    # Staying fit, or in a race, is no staying at a club.
    ("Federico Chiesa wants to stay fit for the derby", set()),
])
def test_staying_despite_interest(title: str, expected: set[tuple[str, str, str | None]]) -> None:
    assert told(title) == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("Journalist debunks Eberechi Eze to Arsenal rumours", {("Eberechi Eze", "denial", "Arsenal")}),
    ("Crystal Palace deny Eberechi Eze to Arsenal reports", {("Eberechi Eze", "denial", "Arsenal")}),
    ("Crystal Palace refute reports linking Eberechi Eze with Arsenal", {("Eberechi Eze", "denial", "Arsenal")}),
    # Debunking something other than a link is no denial of a move.
    ("Oliver Glasner debunks myth about Eberechi Eze's fitness", set()),
])
def test_a_link_debunked_or_refuted_is_denied(title: str, expected: set[tuple[str, str, str | None]]) -> None:
    assert told(title) == expected
