"""A headline that describes the person instead of naming him keeps the summary's done move."""

from __future__ import annotations

import pytest

from bot.claims.extract import extract_claims


@pytest.mark.parametrize(("title", "summary", "expected"), [
    ("Veteran keeper completes move to Qatar", "Keylor Navas has joined Al Sadd, ending his spell at Newell's.",
     ("Keylor Navas", "completed", "Al Sadd")),
    ("Former Leeds winger heads to Turkey", "Jack Harrison has completed a move to Fenerbahce.",
     ("Jack Harrison", "completed", "Fenerbahce")),
])
def test_a_described_player_keeps_the_summarys_completed_move(title: str, summary: str,
                                                             expected: tuple[str, str, str]) -> None:
    claims = extract_claims(title, summary)
    assert [(c.subject, c.kind, c.counterpart) for c in claims] == [expected]
