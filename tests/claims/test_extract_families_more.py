"""More members of the word families (families.py), in several shapes each: a manager's job
taken, offered, wanted or turned down; a player pushing to go; clubs keen, trying again,
pouncing; denials that shut a door; talks by asking and meeting; offers and their other senses.
Sentences written for these tests, in our own words, about real people and clubs; each asserts
the claim a user would see."""

from __future__ import annotations

import pytest

from tests.claims.reading import WINTER_WINDOW, Reader

told = Reader(published=WINTER_WINDOW).told


MANAGER_JOBS = [
    ("Thomas Frank accepts Tottenham job", "Thomas Frank", "agreement", "Tottenham Hotspur"),
    ("Roberto De Zerbi to be named Tottenham head coach", "Roberto De Zerbi", "agreement", "Tottenham Hotspur"),
    ("Nuno Espirito Santo is the new West Ham boss", "Nuno Espirito Santo", "completed", "West Ham United"),
    ("Oliver Glasner undergoes second interview with Manchester United", "Oliver Glasner", "talks", "Manchester United"),
    ("Marco Silva emerges as shock candidate for Tottenham job", "Marco Silva", "interest", "Tottenham Hotspur"),
]


@pytest.mark.parametrize(("title", "subject", "kind", "club"), MANAGER_JOBS)
def test_a_managers_job_accepted_to_come_taken_or_talked_over(title: str, subject: str, kind: str, club: str) -> None:
    assert told(title) == {(subject, kind, club)}


@pytest.mark.parametrize("title", ["Chelsea boss Enzo Maresca fears for his job",
                                   "Enzo Maresca could be out of a job by the weekend",
                                   "Forest relieve Ange Postecoglou of his duties",
                                   "Chelsea want Enzo Maresca replaced before January"])
def test_a_manager_fearing_for_his_job_or_wanted_replaced_is_leaving(title: str) -> None:
    assert {k for _, k, _ in told(title)} == {"departure"}


def test_a_shortlist_naming_several_candidates_wants_each() -> None:
    claims = told("Tottenham's managerial search",
                  "Spurs have drawn up a three-man shortlist including Roberto De Zerbi, Andoni Iraola and Marco Silva.")
    assert claims == {(name, "interest", "Tottenham Hotspur") for name in ("Roberto De Zerbi", "Andoni Iraola", "Marco Silva")}


def test_a_headline_nationality_noun_describes_the_player_the_summary_names() -> None:
    assert ("Nico Williams", "interest", "Arsenal") in told(
        "Arsenal eye €100m Spaniard", "Arsenal have been told Nico Williams could leave Athletic Club this summer.")


@pytest.mark.parametrize(("title", "summary", "subject", "kind", "club"), [
    ("Newcastle warned over potential transfer of Chelsea striker Nicolas Jackson", "", "Nicolas Jackson", "interest",
     "Newcastle United"),
    ("Everton could rescue Tottenham outcast", "Dele Alli could be rescued by Everton in January.", "Dele Alli",
     "interest", "Everton"),
    ("Ross Barkley set to link up at Lazio", "", "Ross Barkley", "interest", "Lazio"),
    ("Arsenal win the race for Martin Zubimendi", "", "Martin Zubimendi", "agreement", "Arsenal"),
    ("Man Utd offering €40m for Alejandro Balde", "", "Alejandro Balde", "bid", "Manchester United"),
])
def test_a_move_spoken_of_a_rescue_a_contest_won_and_a_fee_offered(title: str, summary: str, subject: str, kind: str,
                                                                   club: str) -> None:
    assert (subject, kind, club) in told(title, summary)


def test_clubs_keen_in_a_summary_sentence_naming_nobody_want_the_one_described() -> None:
    claims = told("Brentford forward in demand",
                  "Bryan Mbeumo has scored 15 goals this season. Tottenham and Manchester United are both keen.")
    assert claims == {("Bryan Mbeumo", "interest", "Tottenham Hotspur"), ("Bryan Mbeumo", "interest", "Manchester United")}


def test_trying_again_is_interest() -> None:
    assert told("Barcelona to try again for Nico Williams") == {("Nico Williams", "interest", "Barcelona")}
    assert told("Chelsea plot fresh attempt to sign Jamie Gittens") == {("Jamie Gittens", "interest", "Chelsea")}


@pytest.mark.parametrize(("title", "summary", "subject", "kind"), [
    ("Tottenham latest", "Tottenham are reportedly exploring the possibility of bringing in Conor Gallagher from Atletico Madrid.",
     "Conor Gallagher", "interest"),
    ("Bayern table bid", "Bayern Munich have submitted an offer worth €60m for Florian Wirtz.", "Florian Wirtz", "bid"),
    ("Bryan Mbeumo prefers Manchester United", "", "Bryan Mbeumo", "interest"),
    ("Bryan Mbeumo has his heart set on Manchester United", "", "Bryan Mbeumo", "interest"),
    ("The end for Kevin De Bruyne at Manchester City", "", "Kevin De Bruyne", "departure"),
    ("Kevin De Bruyne farewell confirmed", "", "Kevin De Bruyne", "departure"),
])
def test_more_members_of_the_families(title: str, summary: str, subject: str, kind: str) -> None:
    assert {(s, k) for s, k, _ in told(title, summary)} == {(subject, kind)}


def test_a_contract_offer_turned_down_is_no_rejected_bid_but_an_exit_in_view() -> None:
    assert told("Konate stance", "Ibrahima Konate has turned down Liverpool's latest contract offer.") == {
        ("Ibrahima Konate", "departure", None)}


def test_a_pursuit_ended_without_a_possessive_asserts_nothing() -> None:
    assert told("Chelsea end interest in Jamie Gittens") == set()
    assert told("Chelsea drop talks for Jamie Gittens") == set()
    # A swansong at a tournament is no exit.
    assert told("Can Luka Modric's swansong end with a trophy?") == set()


@pytest.mark.parametrize("title", ["Arsenal ready to pounce for Bryan Mbeumo", "Arsenal make a play for Bryan Mbeumo",
                                   "Arsenal line up Bryan Mbeumo", "Arsenal in the driving seat for Bryan Mbeumo",
                                   "Arsenal are frontrunners for Bryan Mbeumo", "Arsenal go back in for Bryan Mbeumo"])
def test_pouncing_playing_for_lining_up_and_leading_are_interest(title: str) -> None:
    assert told(title) == {("Bryan Mbeumo", "interest", "Arsenal")}


@pytest.mark.parametrize("title", ["Chelsea release Raheem Sterling", "Chelsea set to lose Raheem Sterling",
                                   "Chelsea prepare for life without Raheem Sterling",
                                   "Chelsea terminate contract of Raheem Sterling", "Chelsea name their price for Raheem Sterling"])
def test_a_club_releasing_losing_or_pricing_its_player(title: str) -> None:
    assert told(title) == {("Raheem Sterling", "departure", None)}


def test_losing_a_player_to_injury_or_for_weeks_is_no_exit() -> None:
    assert told("Chelsea could lose Raheem Sterling for six weeks") == set()
    assert told("Liverpool fear losing Mohamed Salah to injury") == set()
    assert told("Mohamed Salah among the favourites for the Ballon d'Or with Liverpool") == set()


@pytest.mark.parametrize(("title", "kind"), [
    ("Kieran McKenna offered the Chelsea job", "talks"),
    ("Kieran McKenna nears the Chelsea job", "talks"),
    ("Kieran McKenna to be interviewed by Chelsea", "talks"),
    ("Kieran McKenna keen on the Chelsea job", "interest"),
    ("Kieran McKenna is the man for the Chelsea job", "interest"),
    ("Kieran McKenna the bookies' favourite to manage Chelsea", "interest"),
    ("Kieran McKenna the preferred choice of Chelsea", "interest"),
    ("Kieran McKenna in the mix at Chelsea", "interest"),
    ("Kieran McKenna turns down the Chelsea job", "denial"),
    ("Kieran McKenna rules himself out of the Chelsea job", "denial"),
    ("Kieran McKenna not interested in the Chelsea job", "denial"),
])
def test_a_managers_job_offered_wanted_or_turned_down(title: str, kind: str) -> None:
    assert told(title) == {("Kieran McKenna", kind, "Chelsea")}


def test_a_shirt_a_captaincy_or_the_fans_choice_is_no_job() -> None:
    assert told("Cole Palmer eyes the Chelsea captaincy") == set()
    assert told("Mohamed Salah is the choice of Liverpool fans") == set()
    assert told("Martin Zubimendi on the target for Arsenal again in the win at Burnley") == set()


@pytest.mark.parametrize("title", ["Arsenal rule out Bukayo Saka sale", "Arsenal slam door on Bukayo Saka exit",
                                   "Bukayo Saka untouchable, Arsenal insist", "Bukayo Saka puts exit talk to bed",
                                   "Bukayo Saka will remain at Arsenal", "Arsenal block Bukayo Saka exit",
                                   "Bukayo Saka rejects Real Madrid", "Bukayo Saka closes door on Real Madrid move"])
def test_doors_shut_moves_blocked_and_staying_on_are_denials(title: str) -> None:
    assert {(s, k) for s, k, _ in told(title)} == {("Bukayo Saka", "denial")}


def test_an_approach_turned_down_by_the_club_is_a_rejected_bid() -> None:
    assert told("Arsenal turn down Real Madrid approach for Bukayo Saka") == {
        ("Bukayo Saka", "bid_rejected", "Real Madrid")}
    assert {(s, k) for s, k, _ in told("Arsenal reject all approaches for Bukayo Saka")} == {("Bukayo Saka", "bid_rejected")}


def test_no_longer_untouchable_is_no_denial() -> None:
    claims = told("Barcelona willing to listen to offers for Ronald Araujo",
                  "The defender is no longer regarded as untouchable by the club.")
    assert {k for _, k, _ in claims} == {"departure"}


@pytest.mark.parametrize("title", ["Nicolas Jackson agitating for a move", "Nicolas Jackson requests transfer",
                                   "Nicolas Jackson plotting Chelsea escape", "Nicolas Jackson's Chelsea career hangs by a thread",
                                   "Nicolas Jackson will become a free agent", "Nicolas Jackson downs tools"])
def test_a_player_pushing_to_go_or_running_out_his_deal(title: str) -> None:
    assert told(title) == {("Nicolas Jackson", "departure", None)}


@pytest.mark.parametrize("title", ["Bayern ask about Nicolas Jackson", "Bayern meet Chelsea over Nicolas Jackson",
                                   "Bayern contact Nicolas Jackson's agent", "Bayern request information on Nicolas Jackson",
                                   "Bayern edge closer to Nicolas Jackson deal"])
def test_asking_meeting_and_edging_closer_are_talks(title: str) -> None:
    assert told(title) == {("Nicolas Jackson", "talks", "Bayern Munich")}


def test_a_free_agent_moving_on_is_the_move_not_an_exit() -> None:
    claims = told("Aston Villa agree deal for Leon Goretzka",
                  "The Bayern Munich midfielder will become a free agent when his contract ends in June.")
    assert claims == {("Leon Goretzka", "agreement", "Aston Villa")}
    assert told("Nicolas Jackson refuses to play down Chelsea's title chances") == set()


def test_a_summary_sentence_of_offers_considered_on_his_way_and_edging_closer() -> None:
    assert told("Arsenal latest", "Real Madrid would consider offers of around €80m for the Brazilian forward Rodrygo.") == {
        ("Rodrygo", "departure", None)}
    assert told("Rodrygo on his way to Arsenal") == {("Rodrygo", "agreement", "Arsenal")}
    assert told("Arsenal latest", "Rodrygo could be on his way to Arsenal this summer.") == {("Rodrygo", "interest", "Arsenal")}
    assert told("Arsenal latest", "Rodrygo is edging closer to a move to Arsenal.") == {("Rodrygo", "talks", "Arsenal")}
    assert told("Mohamed Salah on his way to the stadium") == set()


def test_family_members_in_other_senses_stay_quiet() -> None:
    # A line-up, a wage offer, a club statement: no pursuit, no bid, no exit.
    assert told("Arteta lines up Bukayo Saka at right back against Chelsea") == set()
    assert told("Liverpool offering £400,000-a-week to Mohamed Salah") == set()
    assert told("Liverpool release Mohamed Salah statement") == set()
