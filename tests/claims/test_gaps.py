"""A player named as the one a club wants, through a relative clause whose verb has no object
of its own; and an exit cue that a verb of ending takes as its object."""

from __future__ import annotations

import pytest

from bot.claims.extract import extract_claims


def _told(title: str, summary: str = "") -> set[tuple[str, str, str | None]]:
    return {(c.subject, c.kind, c.counterpart) for c in extract_claims(title, summary)}


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
    assert claim in _told(title, summary)


def test_a_wanting_clause_with_its_own_object_says_nothing_of_the_named_player() -> None:
    told = _told("Mainoo update", "Kobbie Mainoo is the midfielder Manchester United want to build around, "
                 "and the club would like to sign Carlos Baleba beside him.")
    assert not any(subject == "Kobbie Mainoo" and kind == "interest" for subject, kind, _ in told)


@pytest.mark.parametrize("summary", [
    "The new deal would end months of uncertainty over the defender's future.",
    "Signing would put an end to the doubts over his future at the club.",
])
def test_an_exit_cue_that_something_ends_is_no_departure(summary: str) -> None:
    told = _told("Guehi close to new Crystal Palace contract", "Marc Guehi is close to agreeing fresh terms. " + summary)
    assert ("Marc Guehi", "contract_extension", "Crystal Palace") in told
    assert not any(kind in {"departure", "denial"} for _, kind, _ in told)


def test_ending_speculation_by_signing_still_tells_the_signing() -> None:
    told = _told("Saka ends speculation by signing a new Arsenal contract")
    assert any(subject == "Bukayo Saka" or subject == "Saka" for subject, kind, _ in told if kind == "contract_extension")
