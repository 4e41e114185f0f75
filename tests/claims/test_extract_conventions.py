"""The claim model's conventions (../shared/docs/claims.md and labelling.md), one sentence each,
written for this test: the kind each convention names is the kind the extractor reads."""

from __future__ import annotations

import pytest

from bot.claims.extract import extract_claims

CONVENTIONS = [
    # A wish, a chance or a scenario is interest.
    ("Alexander Isak could join Liverpool", "interest"),
    ("Alexander Isak dreams of joining Liverpool", "interest"),
    ("Alexander Isak reveals desire to join Liverpool", "interest"),
    ("Liverpool handed opportunity to sign Alexander Isak", "interest"),
    ("Liverpool and Arsenal competing to sign Alexander Isak", "interest"),
    ("Liverpool in the race for Alexander Isak", "interest"),
    ("Liverpool in pole position for Alexander Isak", "interest"),
    ("Liverpool handed a boost in pursuit of Alexander Isak", "interest"),
    # Imminent deals are agreement; closing in is talks.
    ("Liverpool set to sign Alexander Isak", "agreement"),
    ("Alexander Isak poised to join Liverpool", "agreement"),
    ("Liverpool on the verge of signing Alexander Isak", "agreement"),
    ("Alexander Isak on the brink of Liverpool move", "agreement"),
    ("Liverpool closing in on Alexander Isak", "talks"),
    # Implied interest in clickbait headlines.
    ("Arsenal get Alexander Isak boost", "interest"),
    ("Chelsea stunned by Cole Palmer update", "interest"),
    # A manager wanting a player is about the player.
    ("Real Madrid boss Xabi Alonso wants Alexis Mac Allister", "interest"),
    # A club selling its own player, pressure on a manager, retiring, refusing a contract.
    ("Juventus willing to sell Dusan Vlahovic", "departure"),
    ("Juventus ready to cash in on Dusan Vlahovic", "departure"),
    ("Juventus put a price tag on Dusan Vlahovic", "departure"),
    ("Ange Postecoglou faces the sack", "departure"),
    ("Ruben Amorim under pressure after defeat", "departure"),
    ("Thomas Muller retires", "departure"),
    ("Ibrahima Konate rejects new Liverpool contract", "departure"),
    ("Alexander Isak hands in transfer request", "departure"),
    ("Liverpool part ways with Arne Slot", "departure"),
    # The ladder and the other kinds.
    ("Alexis Mac Allister: I am fine at Liverpool", "denial"),
    ("Real Madrid deny interest in Ibrahima Konate", "denial"),
    ("Newcastle reject Liverpool bid for Alexander Isak", "bid_rejected"),
    ("Liverpool agree fee with Newcastle for Alexander Isak", "agreement"),
    ("Alexander Isak to have Liverpool medical", "medical"),
    ("Alexander Isak completes Liverpool move", "completed"),
    ("Harvey Elliott joins Aston Villa on loan", "loan"),
    ("Trent Alexander-Arnold signs new Liverpool deal", "contract_extension"),
    ("Liverpool make contact over Ibrahima Konate", "talks"),
    ("Arsenal table £60m bid for Alexander Isak", "bid"),
    ("Xabi Alonso emerges as Liverpool candidate", "interest"),
    ("Xabi Alonso appointed Liverpool head coach", "completed"),
]


@pytest.mark.parametrize(("headline", "kind"), CONVENTIONS)
def test_each_convention_reads_as_its_kind(headline: str, kind: str) -> None:
    assert kind in {claim.kind for claim in extract_claims(headline)}


@pytest.mark.parametrize(
    "headline",
    [
        "Chelsea want a new striker",  # no named person
        "Mohamed Salah scores twice as Liverpool beat Everton",  # a match report
        "Bukayo Saka back in training after hamstring injury",  # an injury
        "Harry Kane named in England squad",  # a call-up
        "Liverpool chairman Tom Werner steps down",  # staff are no subjects
    ],
)
def test_what_is_no_claim(headline: str) -> None:
    assert extract_claims(headline) == []
