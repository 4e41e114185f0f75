"""A player's description stands for the player a sentence names, not for the manager who speaks."""

from __future__ import annotations

from bot.claims.extract import extract_claims


def test_the_midfielders_deal_is_the_named_players_not_the_coachs() -> None:
    claims = extract_claims("Maresca on Palmer: 'We are talking and I hope he stays'",
                            "Enzo Maresca confirmed Chelsea are in discussions with Cole Palmer over a new contract, "
                            "with the midfielder's current deal running out at the end of the season.")
    assert [(c.subject, c.kind) for c in claims] == [("Cole Palmer", "contract_extension")]


def test_a_description_in_the_named_persons_own_clause_keeps_the_items_man() -> None:
    claims = extract_claims("Everton watch Celtic's Daizen Maeda",
                            "Everton sent scouts to watch Daizen Maeda on Saturday, "
                            "with David Moyes a long-time admirer of the forward.")
    assert {c.subject for c in claims} <= {"Daizen Maeda"}


def test_a_headline_describing_a_boss_and_a_player_does_not_make_the_boss_the_player() -> None:
    claims = extract_claims("Roma boss wants Premier League striker",
                            "Gian Piero Gasperini has asked Roma to sign a new forward in January. "
                            "He wants Dominic Calvert-Lewin.")
    assert "Gian Piero Gasperini" not in {c.subject for c in claims}


def test_a_nationality_before_club_describes_no_person() -> None:
    assert extract_claims("Brighton owner in bid for Belgian club",
                          "Tony Bloom is looking to add another club to his group.") == []
