"""extract_claims on concrete sentences (written for these tests), plus the dev-set score."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.claims.evaluate import evaluate
from bot.claims.extract import extract_claims
from bot.models import Claim

DEV = Path(__file__).parent / "data" / "extract_dev.jsonl"


def summary(claims: list[Claim]) -> set[tuple[str, str, str, str | None, str | None]]:
    return {(c.subject, c.role, c.kind, c.counterpart, c.from_club) for c in claims}


def one(title: str, body: str = "", **kw: str) -> Claim:
    claims = extract_claims(title, body, **kw)
    assert len(claims) == 1, claims
    return claims[0]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Real Madrid keen on Liverpool centre-back Konaté",
         ("Konaté", "player", "interest", "Real Madrid", "Liverpool")),
        ("Newcastle open talks with Brentford over Yoane Wissa",
         ("Yoane Wissa", "player", "talks", "Newcastle United", "Brentford")),
        ("Bayern Munich table €60m offer for Arsenal's Bukayo Saka",
         ("Bukayo Saka", "player", "bid", "Bayern Munich", "Arsenal")),
        ("Brighton rebuff Liverpool bid for Carlos Baleba",
         ("Carlos Baleba", "player", "bid_rejected", "Liverpool", "Brighton & Hove Albion")),
        ("Juventus agree fee with Atalanta for Ademola Lookman",
         ("Ademola Lookman", "player", "agreement", "Juventus", "Atalanta")),
        ("Dean Huijsen to undergo Real Madrid medical on Monday",
         ("Dean Huijsen", "player", "medical", "Real Madrid", None)),
        ("Manchester United complete the signing of Matheus Cunha from Wolves",
         ("Matheus Cunha", "player", "completed", "Manchester United", "Wolverhampton Wanderers")),
        ("Xabi Alonso named Real Madrid head coach",
         ("Xabi Alonso", "manager", "completed", "Real Madrid", None)),
        ("Chelsea loan Tyrique George to Everton for the season",
         ("Tyrique George", "player", "loan", "Everton", "Chelsea")),
        ("Endrick to leave Real Madrid on loan",
         ("Endrick", "player", "loan", None, "Real Madrid")),
        ("Celtic extend Callum McGregor's contract until 2028",
         ("Callum McGregor", "player", "contract_extension", "Celtic", "Celtic")),
        ("Forest sack manager Nuno Espírito Santo",
         ("Nuno Espírito Santo", "manager", "departure", None, "Nottingham Forest")),
        ("Marcus Rashford hands in transfer request at Manchester United",
         ("Marcus Rashford", "player", "departure", None, "Manchester United")),
        ("Liverpool insist Alexis Mac Allister is not for sale",
         ("Alexis Mac Allister", "player", "denial", None, "Liverpool")),
        ("Rodrygo rules out Arsenal move: 'I am happy at Real Madrid'",
         ("Rodrygo", "player", "denial", "Arsenal", "Real Madrid")),
        ("Trent Alexander-Arnold completes free transfer to Real Madrid",
         ("Trent Alexander-Arnold", "player", "completed", "Real Madrid", None)),
        ("Martin Ødegaard signs Arsenal extension",
         ("Martin Ødegaard", "player", "contract_extension", "Arsenal", "Arsenal")),
        ("Morocco appoint Tarik Sektioui as national team coach",
         ("Tarik Sektioui", "manager", "completed", "Morocco", None)),
    ],
)
def test_each_kind_from_a_headline(title: str, expected: tuple) -> None:
    assert summary(extract_claims(title)) == {expected}


@pytest.mark.parametrize(
    "title",
    [
        "Mohamed Salah scores twice as Liverpool beat Chelsea",
        "Bukayo Saka out for three weeks with hamstring injury",
        "Arsenal agree new kit deal with Adidas",
        "Tottenham announce new sponsorship deal with AIA",
        "Chelsea want a new striker this summer",
        "Cole Palmer wins Player of the Month award",
        "Manchester City complete comeback win at Villa Park",
        "Madrid boss Xabi Alonso praises Vinícius after derby win",
        "Højlund, on loan from Manchester United, scores again for Napoli",
        "Why Rashford joined Barcelona | Some Columnist",
        "Kane fires Bayern to victory over Dortmund",
    ],
)
def test_no_claim(title: str) -> None:
    assert extract_claims(title) == []


def test_two_clubs_give_two_claims() -> None:
    claims = extract_claims("Arsenal and Chelsea both monitoring Porto's Costa")
    assert summary(claims) == {
        ("Costa", "player", "interest", "Arsenal", "Porto"),
        ("Costa", "player", "interest", "Chelsea", "Porto"),
    }


def test_surname_resolves_to_full_name_from_summary() -> None:
    claim = one(
        "Konate the priority for Madrid",
        "Liverpool defender Ibrahima Konaté tops the list of Real Madrid's summer targets.",
    )
    assert (claim.subject, claim.kind, claim.counterpart, claim.from_club) == (
        "Ibrahima Konaté", "interest", "Real Madrid", "Liverpool")


def test_manager_wish_is_a_claim_about_the_player() -> None:
    claim = one(
        "Xabi Alonso wants Mac Allister in midfield",
        "The Real Madrid boss Xabi Alonso has asked his board to pursue Liverpool's "
        "Alexis Mac Allister, per The Athletic.",
    )
    assert (claim.subject, claim.role, claim.kind, claim.counterpart, claim.from_club, claim.source) == (
        "Alexis Mac Allister", "player", "interest", "Real Madrid", "Liverpool", "The Athletic")


def test_source_outlet_and_item_are_kept_apart() -> None:
    claim = one(
        "Barcelona eye Luis Díaz",
        "Barcelona have added Liverpool winger Luis Díaz to their list, reports Mundo Deportivo.",
        outlet="Dev Wire", published="2025-06-01T09:00:00Z", item="https://example.org/x",
    )
    assert claim.source == "Mundo Deportivo"
    assert (claim.outlet, claim.published, claim.item) == (
        "Dev Wire", "2025-06-01T09:00:00Z", "https://example.org/x")


def test_journalist_is_never_the_subject() -> None:
    claim = one("Fabrizio Romano: Frenkie de Jong rules out Barcelona exit")
    assert claim.subject == "Frenkie de Jong"
    assert claim.kind == "denial"


def test_sources_close_to() -> None:
    claim = one("Sources close to the player say Vinícius Júnior is staying at Real Madrid")
    assert claim.source == "sources close to the player"
    assert (claim.kind, claim.from_club) == ("denial", "Real Madrid")


def test_html_and_entities_are_cleaned_and_evidence_is_the_sentence() -> None:
    claim = one("<p>Barcelona eye Luis D&iacute;az</p>")
    assert claim.subject == "Luis Díaz"
    assert claim.evidence == "Barcelona eye Luis Díaz"


def test_evidence_is_trimmed() -> None:
    long_tail = " and more words" * 40
    claim = one("Liverpool insist Alexis Mac Allister is not for sale" + long_tail)
    assert len(claim.evidence) <= 300


def test_background_move_is_no_claim() -> None:
    claims = extract_claims(
        "Salah scores again",
        "The Egypt forward, who joined from Roma in 2017, now has 20 goals this season.",
    )
    assert claims == []


def test_rejected_bid_hides_the_bid() -> None:
    claim = one("Palace reject Tottenham approach for Eberechi Eze")
    assert (claim.kind, claim.counterpart, claim.from_club) == (
        "bid_rejected", "Tottenham Hotspur", "Crystal Palace")


def test_possessive_and_hyphenated_and_particle_names() -> None:
    assert one("Virgil van Dijk commits future to Liverpool with new deal").subject == "Virgil van Dijk"
    assert one("Kevin De Bruyne agrees personal terms with Napoli").subject == "Kevin De Bruyne"


def test_sacked_manager_and_replacement_in_one_item() -> None:
    claims = extract_claims(
        "Forest sack Postecoglou after 12 games",
        "Nottingham Forest dismissed Ange Postecoglou on Saturday. Sean Dyche is the "
        "favourite to replace him.",
    )
    assert summary(claims) == {
        ("Ange Postecoglou", "manager", "departure", None, "Nottingham Forest"),
        ("Sean Dyche", "manager", "interest", "Nottingham Forest", None),
    }


def test_question_headline_asserts_only_interest() -> None:
    claim = one("Transfer rumours: Jack Grealish to make a switch to Everton?")
    assert (claim.kind, claim.counterpart) == ("interest", "Everton")


def test_dev_set_scores() -> None:
    report = evaluate([DEV])
    assert report.items >= 40
    assert report.overall.precision >= 0.95
    assert report.overall.recall >= 0.9
