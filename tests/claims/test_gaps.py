"""A player named as the one a club wants, through a relative clause whose verb has no object
of its own; and an exit cue that a verb of ending takes as its object."""

from __future__ import annotations

import pytest

from tests.claims.reading import told


@pytest.mark.parametrize(("title", "summary", "claim"), [
    ("Wharton heads the list for Spurs' midfield rebuild",
     "Frank has picked out Crystal Palace's Adam Wharton as the midfielder he would most like Tottenham to sign.",
     ("Adam Wharton", "interest", "Tottenham Hotspur")),
    ("Kerkez the full-back Liverpool want this summer",
     "Milos Kerkez is the left-back Liverpool want, with Bournemouth holding out for a big fee.",
     ("Milos Kerkez", "interest", "Liverpool")),
])
def test_the_club_of_a_wanting_clause_with_a_gap_is_the_counterpart(
        title: str, summary: str, claim: tuple[str, str, str]) -> None:
    assert claim in told(title, summary)


def test_a_wanting_clause_with_its_own_object_says_nothing_of_the_named_player() -> None:
    found = told("Mainoo update", "Kobbie Mainoo is the midfielder Manchester United want to build around, "
                 "and the club would like to sign Carlos Baleba beside him.")
    assert not any(subject == "Kobbie Mainoo" and kind == "interest" for subject, kind, _ in found)


@pytest.mark.parametrize("summary", [
    "The new deal would end months of uncertainty over the defender's future.",
    "Signing would put an end to the doubts over his future at the club.",
])
def test_an_exit_cue_that_something_ends_is_no_departure(summary: str) -> None:
    found = told("Guehi close to new Crystal Palace contract", "Marc Guehi is close to agreeing fresh terms. " + summary)
    assert ("Marc Guehi", "contract_extension", "Crystal Palace") in found
    assert not any(kind in {"departure", "denial"} for _, kind, _ in found)


def test_ending_speculation_by_signing_still_tells_the_signing() -> None:
    found = told("Saka ends speculation by signing a new Arsenal contract")
    assert any(subject == "Bukayo Saka" or subject == "Saka" for subject, kind, _ in found if kind == "contract_extension")
