"""A move told in the infinitive under an agreement, or after a verb of getting ready or
travelling, is still ahead: the deal is agreed, not done (claims.md: imminent deals are
`agreement`)."""

from __future__ import annotations

import pytest

from tests.claims.reading import kinds_by_person


@pytest.mark.parametrize(("title", "summary", "person"), [
    ("Fans react as Aston Villa agree Samu Omorodion fee",
     "Aston Villa have agreed a deal with Porto to sign Samu Omorodion after weeks of haggling.", "Samu Omorodion"),
    ("Goalkeeper update", "Aaron Ramsdale prepares to complete his move to Newcastle this week.", "Aaron Ramsdale"),
    ("Winger on his way", "Jadon Sancho flies in to join Aston Villa on Thursday.", "Jadon Sancho"),
])
def test_a_move_still_ahead_is_an_agreement(title: str, summary: str, person: str) -> None:
    told = kinds_by_person(title, summary)
    assert "agreement" in told[person] and "completed" not in told[person]


@pytest.mark.parametrize("title", [
    "Liverpool beat Newcastle to sign Jeremie Frimpong",
    "West Ham break their club record to sign Mohammed Kudus",
])
def test_a_purpose_infinitive_after_a_done_act_stays_done(title: str) -> None:
    assert "completed" in next(iter(kinds_by_person(title).values()))


@pytest.mark.parametrize(("title", "kind"), [
    ("Arsenal have opened talks with Porto to sign Samu Aghehowa", "talks"),
    ("Arsenal have lodged a £40m bid to sign Samu Aghehowa", "bid"),
])
def test_a_move_in_the_infinitive_takes_the_step_that_governs_it(title: str, kind: str) -> None:
    assert kinds_by_person(title) == {"Samu Aghehowa": {kind}}
