"""Round nine of review five: a game or meeting after "set for <club>", contract talks, a club letting go.

Each headline is in our own words about real people and clubs. A reader sees an agreement only
when "set for / poised for <club>" is followed by a move, not by a fixture or a meeting.
"""

from __future__ import annotations

import pytest

from bot.claims.extract import extract_claims


def kinds_of(title: str, summary: str = "") -> set[tuple[str, str | None]]:
    return {(c.kind, c.counterpart)
            for c in extract_claims(title, summary, published="2026-02-01T00:00:00Z")}


# "set for / on course for <club> <game or meeting>": no imminent deal.
NO_DEAL = [
    "Bukayo Saka on course for Tottenham clash after scan",
    "Cole Palmer poised for Arsenal showdown this weekend",
    "Declan Rice set for Chelsea return against his old club",
    "Lamine Yamal set for Real Madrid trip despite knock",
]


@pytest.mark.parametrize("title", NO_DEAL)
def test_a_game_after_set_for_club_is_no_agreement(title: str) -> None:
    assert not any(kind == "agreement" for kind, _ in kinds_of(title))


def test_a_move_after_set_for_club_stays_an_agreement() -> None:
    assert ("agreement", "Aston Villa") in kinds_of("Jadon Sancho set for Aston Villa switch")
