"""Shapes of a rumour the core patterns missed (forms.py), unnamed suitors (suitors.py), and
conditions, verdicts and other senses that assert nothing. Items written for these tests, in
our own words about real people and clubs."""

from __future__ import annotations

from bot.claims.merge import dedupe
from bot.models import Claim
from tests.claims.reading import WINTER_WINDOW, Reader

told = Reader(published=WINTER_WINDOW).told


# --- a rumour in an add-on clause ---------------------------------------------------------

def test_clubs_showing_interest_in_an_as_clause_want_the_person_before() -> None:
    got = told("Brentford's Kevin Schade may move on in the summer as Everton and Fulham are both showing interest")
    assert {("Kevin Schade", "interest", "Everton"), ("Kevin Schade", "interest", "Fulham")} <= got


def test_a_club_among_those_making_contact_is_in_talks() -> None:
    assert ("Jonas Wind", "talks", "Lille") in told("Jonas Wind is free to leave Wolfsburg with Lille among the clubs making contact")


def test_showing_interest_in_someone_is_left_to_the_core_pattern() -> None:
    assert told("Fulham are showing interest in Jonas Wind") == {("Jonas Wind", "interest", "Fulham")}


# --- a name in apposition, headline shorthand ---------------------------------------------

def test_a_name_as_strong_candidate_is_the_clubs_candidate() -> None:
    assert ("Kieran McKenna", "interest", "Plymouth Argyle") in told(
        "Plymouth Argyle weigh up their options with Kieran McKenna as strong candidate to replace Wayne Rooney")


def test_one_of_the_main_targets() -> None:
    assert ("Jarrad Branthwaite", "interest", "Aston Villa") in told(
        "Aston Villa want a new centre-back and Jarrad Branthwaite is one of the main targets")


def test_a_club_seeking_a_move_the_name_modifies() -> None:
    assert told("Napoli seek Garnacho move") == {("Garnacho", "interest", "Napoli")}


def test_a_reunion_under_a_club_label_is_that_clubs_interest() -> None:
    assert told("Chelsea news: Mason Mount reunion on the cards") == {("Mason Mount", "interest", "Chelsea")}


def test_a_club_after_a_player_closing_the_clause() -> None:
    assert ("Jonathan David", "interest", "AC Milan") in told(
        "Gossip: AC Milan after Canadian striker Jonathan David; Alvarez wanted in Madrid")
    assert told("Arsenal after Saka injury blow") == set()


# --- deals told as nouns, bids sent -------------------------------------------------------

def test_an_agreement_with_the_seller_for_a_player() -> None:
    assert told("Juventus have reached an agreement in principle with Porto for Francisco Conceicao") == {
        ("Francisco Conceicao", "agreement", "Juventus")}


def test_a_bid_submitted_to_sign_someone_is_a_bid_not_an_attempt() -> None:
    assert told("Brighton submit an opening bid to sign Ferdi Kadioglu") == {("Ferdi Kadioglu", "bid", "Brighton & Hove Albion")}


# --- suitors left unnamed -----------------------------------------------------------------

def test_unnamed_suitors_give_interest_with_no_club() -> None:
    assert told("A Serie A club is reportedly monitoring Ben Chilwell") == {("Ben Chilwell", "interest", None)}
    assert told("A suitor has emerged for Jack Grealish") == {("Jack Grealish", "interest", None)}


def test_unnamed_interest_beside_an_exit_stands() -> None:
    assert told("Ivan Toney wants to leave Brentford as clubs in the Gulf show interest") >= {
        ("Ivan Toney", "departure", None), ("Ivan Toney", "interest", None)}


def test_unnamed_suitors_yield_to_the_clubs_the_item_names() -> None:
    got = told("Kevin De Bruyne to leave City as MLS sides circle",
               "Inter Miami and Chicago Fire have both registered an interest in the Belgian.")
    assert ("Kevin De Bruyne", "interest", None) not in got


def test_a_named_club_described_is_not_unnamed() -> None:
    got = told("Bruno Fernandes to Al-Hilal?", "The Saudi Pro League side see the United captain as their big signing.")
    assert ("Bruno Fernandes", "interest", None) not in got


# --- conditions, verdicts, other senses ---------------------------------------------------

def test_a_refusal_in_case_is_a_condition_not_a_denial() -> None:
    got = told("PSG have two more options in case Bournemouth refuse to sell Illia Zabarnyi")
    assert not any(kind in {"denial", "departure"} for _, kind, _ in got)


def test_a_leaving_in_a_condition_is_no_departure() -> None:
    got = told("Chelsea remain interested if Mathys Tel will be open to leave")
    assert not any(kind == "departure" for _, kind, _ in got)


def test_a_deal_someone_deserves_is_a_verdict() -> None:
    assert told("Eddie Howe deserves a new deal after the cup win, says pundit") == set()


def test_leaving_a_sour_taste_is_no_exit() -> None:
    assert told("Injuries to Saka and Rice leave a sour taste for Arsenal") == set()


def test_snubbing_a_clubs_request_is_no_denial() -> None:
    assert not any(kind == "denial" for _, kind, _ in told("Kobbie Mainoo snubbed Man Utd request over his wages"))


def test_a_deal_agreed_for_someone_to_join_is_not_done() -> None:
    got = told("City Football Group agreed a deal for Rayan Cherki to initially join Girona")
    assert ("Rayan Cherki", "completed", "Girona") not in got


def test_a_deal_agreed_for_a_described_player_to_join_is_an_agreement() -> None:
    got = told("Red Bull have agreed a deal for 17 year old Danish winger Jonas Holm to initially join Leipzig")
    assert ("Jonas Holm", "completed", "RB Leipzig") not in got


def test_a_loan_in_one_rumour_of_a_round_up_is_not_the_next_ones() -> None:
    got = told("Gossip: Everton close in on Ndiaye loan, Fulham push for Wissa")
    assert ("Wissa", "interest", "Fulham") in got
    assert not any(subject == "Wissa" and kind == "loan" for subject, kind, _ in got)


def test_a_contract_offer_told_as_a_noun_is_the_extension_talk() -> None:
    assert told("Arsenal news: Ethan Nwaneri contract offer made") == {("Ethan Nwaneri", "contract_extension", "Arsenal")}


def test_no_contacts_between_two_clubs_for_a_player_is_a_denial() -> None:
    assert ("Jonathan Tah", "denial", "Bayern Munich") in told(
        "No active contacts between Bayern Munich and Leverkusen for Jonathan Tah, despite the reports")


def test_other_targets_are_no_interest_in_the_player_named() -> None:
    got = told("Juventus have other targets while Jadon Sancho waits for offers")
    assert ("Jadon Sancho", "interest", "Juventus") not in got


def test_a_price_a_manager_discovers_is_not_his_sale() -> None:
    assert told("Chelsea news: Enzo Maresca discovers £70m price tag") == set()
    assert ("Dusan Vlahovic", "departure", None) in told("Juventus set £40m asking price for Dusan Vlahovic")


def test_an_extended_loan_is_a_loan() -> None:
    assert ("Harvey Elliott", "loan", "Aston Villa") in told("Aston Villa extend the loan of Harvey Elliott")


def test_a_club_also_interested_names_its_interest() -> None:
    assert ("Abakar Sylla", "interest", "Lazio") in told(
        "Southampton submit a bid to sign Abakar Sylla", "Lazio also interested since last week.")


def test_a_pursuit_told_with_also_and_no_club_is_the_clubs_told_just_before() -> None:
    got = told("Arsenal are in talks to sign Martin Zubimendi.", "Mikel Merino also on the shortlist.")
    assert ("Mikel Merino", "interest", "Arsenal") in got
    # Suitors left unnamed stay unnamed.
    got = told("Arsenal are in talks to sign Martin Zubimendi.", "Several clubs are also tracking Mikel Merino.")
    assert ("Mikel Merino", "interest", "Arsenal") not in got


def test_a_club_and_a_player_as_one_story_is_a_pursuit_under_way() -> None:
    assert told("More on Girona and Arthur Melo story") == {("Arthur Melo", "talks", "Girona")}


def test_a_settled_deal_told_with_no_party_is_the_items_one_deal() -> None:
    got = told("Barcelona and Athletic Club are resolving the last details of the Nico Williams deal", "Here we go expected soon.")
    assert any(subject.endswith("Williams") and kind == "agreement" and club == "Barcelona" for subject, kind, club in got)


def test_a_settled_deal_with_no_party_and_no_deal_in_the_item_gives_nothing() -> None:
    assert told("Nico Williams: what a season", "Here we go.") == set()


def test_the_managers_a_sack_race_names_after_as() -> None:
    assert told("Sack race odds as Ange Postecoglou and Nuno Espirito Santo meet on Sunday") == {
        ("Ange Postecoglou", "departure", None), ("Nuno Espirito Santo", "departure", None)}


def test_the_shorthand_forms_in_other_senses_give_nothing() -> None:
    assert told("Liverpool after Mohamed Salah: life without the Egyptian") == set()
    assert told("Chelsea news: Cole Palmer reunion with old friends at Cobham") == set()
    assert told("Arsenal and Saka story: the boy from Ealing") == set()
    assert told("Fulham with Kevin Schade as strong candidate for captain") == set()
    assert ("Bukayo Saka", "talks", "Arsenal") not in told("Arsenal are finalising the details of Bukayo Saka's new contract")


def test_a_ticket_renewal_is_no_contract() -> None:
    assert told("Arsenal announce plans for next season with Bukayo Saka on the poster",
                "Season ticket holders get a price freeze and a renewal timetable.") == set()


def test_more_shorthand_in_other_senses_gives_nothing() -> None:
    assert told("More on Arsenal and Saka story: the winger speaks about his childhood") == set()
    assert told("Newcastle with Eddie Howe as strong candidate for manager of the month") == set()
    assert told("Manchester City with Phil Foden as their main option on the left") == set()
    assert told("Arsenal seek Saka move to the right wing, says Arteta") == set()
    assert told("Bruno Fernandes contract offer made? Not yet, says Ruben Amorim") == set()


def test_unnamed_suitors_need_a_subject_named_in_full() -> None:
    evidence = "The side turned down an offer from City Football Group as clubs from Europe show interest"
    lone = Claim(subject="Group", role="player", kind="interest", evidence=evidence)
    full = Claim(subject="Rafa Silva", role="player", kind="interest", evidence=evidence)
    assert dedupe([(1, lone, False)]) == []
    assert dedupe([(1, full, False)]) == [full]


def test_an_exit_told_as_imminent_beside_an_agreed_move_is_that_move() -> None:
    got = told("Thomas Frank will sign as Tottenham head coach, here we go!",
               "Deal in place for three years for the Danish coach, due to leave Brentford after talks today.")
    assert ("Thomas Frank", "departure", None) not in got


def test_an_exit_told_in_its_own_right_stays_beside_a_reported_agreement() -> None:
    got = told("Alexander-Arnold to leave Liverpool at end of season",
               "Liverpool have confirmed Trent Alexander-Arnold will depart when his contract expires. "
               "Real Madrid have agreed personal terms with the defender.")
    assert ("Trent Alexander-Arnold", "departure", None) in got


def test_here_we_go_beside_a_present_tense_signing_is_the_agreement() -> None:
    assert told("Brighton also sign Diego Gomez - here we go!") == {("Diego Gomez", "agreement", "Brighton & Hove Albion")}
    assert ("Diego Gomez", "completed", "Brighton & Hove Albion") in told("Brighton sign Diego Gomez")


def test_a_clubs_interest_on_a_condition_the_person_meets() -> None:
    assert told("Brentford remain interested if Yoane Wissa will be open to leave") == {("Yoane Wissa", "interest", "Brentford")}


def test_a_condition_of_fitness_and_a_players_own_rumour_are_no_clubs_interest() -> None:
    assert told("Arsenal are interested if Bukayo Saka is fit, says Arteta") == set()
    got = told("Liverpool in talks for Milos Kerkez.", "Andy Robertson also linked with a move.")
    assert ("Andy Robertson", "interest", "Liverpool") not in got
