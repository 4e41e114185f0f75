"""How a feed item's summary relates to its headline: the headline states the news, the
summary adds to it, and what the summary tells as past or finished about someone else is
background. Items written for these tests, in our own words."""

from __future__ import annotations

import pytest

from bot.claims.extract import extract_claims
from tests.claims.reading import people_and_kinds


def test_a_past_move_in_the_summary_is_background_to_the_headline() -> None:
    # The headline is about a rescue; the move told in the past is how he got there.
    claims = people_and_kinds("Villa weigh up rescue act for struggling United midfielder",
                              "Signed from Lyon in a £50m deal, Tomas Brenner has not settled at Old Trafford.")
    assert ("Tomas Brenner", "completed") not in claims
    assert people_and_kinds("Director lifts the lid on a quiet window",
                            "Hull were keen on Piet Vanlaar before he chose Bristol.") == set()


def test_a_past_move_is_the_news_when_the_headline_is_about_that_person() -> None:
    claims = people_and_kinds("Tomas Brenner completes Lyon move",
                              "Tomas Brenner signed a four-year contract with Lyon on Monday.")
    assert claims == {("Tomas Brenner", "completed")}


def test_a_move_done_or_an_exit_of_someone_else_in_the_summary_is_background() -> None:
    claims = people_and_kinds("Tottenham in the chase for Dortmund coach Niko Varga",
                              "Niko Varga is wanted by Tottenham. Tottenham have brought in Ivo Tamas as interim manager.")
    assert claims == {("Niko Varga", "interest")}


def test_an_exit_to_come_of_someone_else_in_the_summary_is_news() -> None:
    claims = people_and_kinds("Fulham keen on Hull winger Tom Baker",
                              "Fulham are keen on Tom Baker, with boss Jack Lane set to leave at the end of the season.")
    assert claims == {("Tom Baker", "interest"), ("Jack Lane", "departure")}


def test_a_headline_about_nobody_leaves_the_news_to_the_summary() -> None:
    claims = people_and_kinds("Hull weigh up their options up front",
                              "Hull have signed striker Kane Wilder from Swansea.")
    assert ("Kane Wilder", "completed") in claims


def test_a_club_target_description_tells_the_clubs_interest() -> None:
    claims = extract_claims("Arsenal & Chelsea transfer target weighs up his options",
                            "Porto want to sit down with midfielder Rui Mendes over a new contract.")
    assert {(c.subject, c.kind, c.counterpart) for c in claims if c.kind == "interest"} == {
        ("Rui Mendes", "interest", "Arsenal"), ("Rui Mendes", "interest", "Chelsea")}


def test_a_pursuit_given_up_asserts_nothing() -> None:
    assert people_and_kinds("Chelsea step back", "Chelsea have cooled their interest in Jorge Vidal.") == set()
    assert people_and_kinds("Spurs stand still on deadline day",
                            "Tottenham passed on the opportunity to add Leo Marsh on a loan deal.") == set()


def test_firing_a_team_to_a_win_is_no_sacking() -> None:
    assert people_and_kinds("Ortiz fires Cardona to a famous victory") == set()
    assert people_and_kinds("Hull fire Tim Walsh after six defeats") == {("Tim Walsh", "departure")}


def test_exit_talk_beside_a_named_destination_is_that_move() -> None:
    # A club willing to let him go while another wants him: the interest is the claim.
    claims = people_and_kinds("Arsenal keen on Bilbao winger Inaki Sola",
                              "Athletic Club are willing to sanction the departure of Inaki Sola, with Arsenal keen.")
    assert claims == {("Inaki Sola", "interest")}


# Families of phrasing rather than single phrases: each line is one member of a family the
# patterns read (scouting, catching the eye, rivalry, a blow in a pursuit, a player saying
# yes, a job in danger). Written for this test.
FAMILIES = [
    ("Speculation linking Tom Baker with a move to Fulham continues", "interest"),
    ("Fulham set sights on Tom Baker", "interest"),
    ("Tom Baker has caught the eye of Fulham", "interest"),
    ("Fulham suffer Tom Baker transfer blow", "interest"),
    ("Fulham handed Tom Baker transfer boost", "interest"),
    ("Tom Baker would welcome a Fulham move", "interest"),
    ("Fulham given green light to sign Tom Baker", "interest"),
    ("Tom Baker the favourite to become next Fulham manager", "interest"),
    ("Tom Baker has said yes to a Fulham transfer", "agreement"),
    ("Fulham announce arrival of Tom Baker", "completed"),
    ("Fulham open to offers for Tom Baker", "departure"),
    ("Tom Baker's job on the line after another defeat", "departure"),
    ("Fulham consider sacking Tom Baker", "departure"),
    ("Fulham board losing patience with Tom Baker", "departure"),
    ("Tom Baker contract details emerge after Fulham and Wolves links", "interest"),
    ("Fulham boss Jack Lane is a big admirer of Tom Baker", "interest"),
    ("Fulham step up attempts to secure Tom Baker's long-term future", "contract_extension"),
    ("Fulham want to tie down Tom Baker", "contract_extension"),
    ("Tom Baker says this season is probably his last as a footballer", "departure"),
    ("Tom Baker to call time on his career", "departure"),
    ("Wales want 41-year-old Tom Baker as their next manager", "interest"),
]


@pytest.mark.parametrize(("headline", "kind"), FAMILIES)
def test_families_of_phrasing(headline: str, kind: str) -> None:
    assert {c.kind for c in extract_claims(headline)} == {kind}


def test_family_members_in_other_senses_are_no_claim() -> None:
    assert extract_claims("Arsenal handed Bukayo Saka fitness boost before derby") == []
    assert extract_claims("Tottenham's Igor Tudor suffers fresh injury blow") == []


def test_a_rival_pursuit_after_but_is_about_the_same_person() -> None:
    claims = extract_claims("Lazio hold talks over Joao Reis, but Fulham lurk")
    assert {(c.kind, c.counterpart) for c in claims} >= {("talks", "Lazio"), ("interest", "Fulham")}
    # Only a pursuit borrows the subject: "but know a repeat is not an option" denies nothing.
    assert extract_claims("Tom Baker's side digested a shock start but know a repeat is not an option") == []


def test_a_bid_for_a_described_target_is_for_the_person_the_summary_names() -> None:
    claims = extract_claims("Fulham table £30m bid for Wolves midfield target",
                            "Lyon midfielder Tom Baker is one of the most watched players this summer.")
    assert {(c.kind, c.counterpart) for c in claims if c.subject == "Tom Baker"} >= {("bid", "Fulham")}


def test_move_words_in_other_senses_are_no_claim() -> None:
    # Pressure to perform, a club selling tickets or players in general, leaving the pitch
    # or a competition, life after a move long ago: no development about the person.
    for headline in ("Tom Baker under pressure to deliver against Wolves",
                     "Tom Baker admits Fulham may need to sell players this summer",
                     "Tom Baker: Fulham are selling themselves short",
                     "Tom Baker exits the pitch injured",
                     "Tom Baker's exit from the Champions League hurts",
                     "Tom Baker on life after leaving Fulham"):
        assert extract_claims(headline) == [], headline
    assert {c.kind for c in extract_claims("Tom Baker under pressure to save his job")} == {"departure"}


def test_history_and_visits_are_no_moves() -> None:
    # A move dated to an earlier year than the item is history; a season is not.
    claims = extract_claims("Five memorable moments on this day",
                            "ONE – 1967 – Celtic sign Willie Wallace from Hearts for a record fee.",
                            published="2026-02-01T10:00:00Z")
    assert claims == []
    claims = extract_claims("Fulham sign Tom Baker for the 2025/26 season", published="2026-01-20T10:00:00Z")
    assert {c.kind for c in claims} == {"completed"}
    # Going back to a former club with a new one, or for the first time since: a visit.
    assert extract_claims("Tom Baker returns to Hull with Fulham this weekend") == []
    # A boost that is a player back from injury says nothing of a pursuit.
    assert extract_claims("Fulham handed boost with Jack Lane returning to training") == []
    # Closing in on a record is no deal.
    assert extract_claims("Tom Baker closing in on Fulham goal record") == []
    assert {c.kind for c in extract_claims("Fulham closing in on Tom Baker")} == {"talks"}


def test_a_past_move_beside_the_headlines_news_is_background() -> None:
    # The headline reports interest; the summary's past move is how he got where he is.
    claims = extract_claims("Liverpool eye move for Bundesliga star",
                            "Liverpool are interested in signing Tom Baker from Leipzig. "
                            "The 24-year-old joined Leipzig from Hull for €20m and has been superb.")
    assert {(c.kind, c.counterpart) for c in claims} == {("interest", "Liverpool")}
    # A rung of the deal the headline tells is news, even told in the past tense.
    claims = extract_claims("Arsenal's Tom Baker close to Juventus move",
                            "Tom Baker is nearing a switch to Juventus after the Serie A club agreed terms with Arsenal.")
    assert "agreement" in {c.kind for c in claims}


def test_scenarios_and_obligations_are_no_done_deals() -> None:
    # A gerund under a modal, a club that must or needs to sign, talks to sign: no move made.
    for headline in ("Tom Baker joining Fulham would be a masterstroke",
                     "Fulham must sign Tom Baker this summer",
                     "Fulham need to sign Tom Baker",
                     "Fulham 'in talks' to sign Tom Baker"):
        assert "completed" not in {c.kind for c in extract_claims(headline)}, headline


def test_the_speaker_is_not_what_the_rest_of_the_headline_is_about() -> None:
    claims = extract_claims("Jack Lane sends Tom Baker message amid Hull return links")
    assert ("Tom Baker", "interest") in {(c.subject, c.kind) for c in claims}
    assert "Jack Lane" not in {c.subject for c in claims}


def test_on_the_brink_of_the_sack_is_an_exit_not_a_deal() -> None:
    claims = extract_claims("Tom Baker is on the brink of being sacked by Tottenham")
    assert {c.kind for c in claims} == {"departure"}
    assert {c.kind for c in extract_claims("Tom Baker on the brink of Tottenham move")} == {"agreement"}
