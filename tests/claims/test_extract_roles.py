"""Which club plays which part in a claim: the club that wants a player is the counterpart, a
rival in a contest for him is neither counterpart nor the club he leaves, a loan or a sale
points away from the club that sends, and a relative clause on the subject club does not hide
the main clause. Sentences written for these tests, in our own words."""

from __future__ import annotations

import pytest

from tests.claims.reading import told_with_from_club

# --- a rival in a contest is no party --------------------------------------------------------

@pytest.mark.parametrize(("title", "person", "club"), [
    ("Newcastle battle Spurs for Morgan Gibbs-White", "Morgan Gibbs-White", "Newcastle United"),
    ("Tottenham rival Aston Villa for Samu Omorodion", "Samu Omorodion", "Tottenham Hotspur"),
    ("Liverpool set to fight Arsenal for Rodrygo", "Rodrygo", "Liverpool"),
    ("Napoli lead Roma in the chase for Jonathan David", "Jonathan David", "Napoli"),
    ("Man City lead Arsenal in race for Eberechi Eze", "Eberechi Eze", "Manchester City"),
    ("Sunderland battle Leeds to sign Jobe Bellingham", "Jobe Bellingham", "Sunderland"),
    ("Barcelona are battling Bayern for Luis Diaz", "Luis Diaz", "Barcelona"),
    ("Celtic see off Rangers interest to sign Kieran Tierney", "Kieran Tierney", "Celtic"),
])
def test_the_club_that_competes_is_the_counterpart_and_its_rival_no_party(title: str, person: str, club: str) -> None:
    assert told_with_from_club(title) == {(person, "interest", club, None)}


@pytest.mark.parametrize(("title", "summary", "person", "club"), [
    ("PSG see off competition from Chelsea to sign Joao Neves", "", "Joao Neves", "Paris Saint-Germain"),
    ("Arsenal compete with Liverpool for Nico Williams", "", "Nico Williams", "Arsenal"),
    ("Chelsea face competition from PSG for Xavi Simons", "", "Xavi Simons", "Chelsea"),
    ("Juventus go head to head with Inter for Teun Koopmeiners", "", "Teun Koopmeiners", "Juventus"),
    ("Everton face battle with West Ham for Ben Brereton Diaz", "", "Ben Brereton Diaz", "Everton"),
    ("Newcastle face fresh competition from Juventus for Sandro Tonali", "", "Sandro Tonali", "Newcastle United"),
    ("AC Milan join race with Juventus for Randal Kolo Muani", "", "Randal Kolo Muani", "AC Milan"),
    ("Arsenal keen on Nico Williams",
     "Arsenal are keen on Nico Williams but face competition from Liverpool for the winger.", "Nico Williams", "Arsenal"),
    ("Chelsea eye Xavi Simons",
     "Chelsea are monitoring Xavi Simons, though they face stiff competition from PSG.", "Xavi Simons", "Chelsea"),
    ("Spurs want Eberechi Eze",
     "Tottenham want to sign Eberechi Eze and will compete with Arsenal for his signature.", "Eberechi Eze",
     "Tottenham Hotspur"),
    ("Bayern target Florian Wirtz",
     "Bayern Munich are interested in Florian Wirtz and are in a race with Barcelona.", "Florian Wirtz",
     "Bayern Munich"),
])
def test_a_club_after_with_or_from_in_a_contest_is_a_rival_not_the_club_he_leaves(
        title: str, summary: str, person: str, club: str) -> None:
    assert told_with_from_club(title, summary) == {(person, "interest", club, None)}


def test_a_club_named_before_a_contest_noun_pursues_him_too() -> None:
    # "face a Liverpool battle": Liverpool want him as well; neither is the club he leaves.
    assert told_with_from_club("Real Madrid face Liverpool battle for Ibrahima Konate") == {
        ("Ibrahima Konate", "interest", "Real Madrid", None), ("Ibrahima Konate", "interest", "Liverpool", None)}


def test_talks_with_a_club_still_name_the_seller() -> None:
    # "with" after talks is the other side of a deal, not a rival.
    assert told_with_from_club("Forest in talks with Brighton over Evan Ferguson") == {
        ("Evan Ferguson", "talks", "Nottingham Forest", "Brighton & Hove Albion")}


# --- a loan or a sale points away from the club that sends ----------------------------------

@pytest.mark.parametrize(("title", "summary", "expected"), [
    ("Chelsea want to loan out Carney Chukwuemeka", "", ("Carney Chukwuemeka", "loan", None, "Chelsea")),
    ("Carney Chukwuemeka loaned out by Chelsea to Ipswich", "",
     ("Carney Chukwuemeka", "loan", "Ipswich Town", "Chelsea")),
    ("Evan Ferguson loaned to West Ham by Brighton", "",
     ("Evan Ferguson", "loan", "West Ham United", "Brighton & Hove Albion")),
    ("Leeds set to loan out Joe Gelhardt", "Leeds United are set to loan out Joe Gelhardt this month, with Hull keen.",
     ("Joe Gelhardt", "loan", "Hull City", "Leeds United")),
    ("Gelhardt move", "Joe Gelhardt has been loaned out by Leeds to Hull City for the rest of the season.",
     ("Joe Gelhardt", "loan", "Hull City", "Leeds United")),
    ("Brighton send Facundo Buonanotte out on loan to Leicester", "",
     ("Facundo Buonanotte", "loan", "Leicester City", "Brighton & Hove Albion")),
    ("Manchester City loan James McAtee to Nottingham Forest", "",
     ("James McAtee", "loan", "Nottingham Forest", "Manchester City")),
    ("Andrey Santos joins Strasbourg on loan from Chelsea", "", ("Andrey Santos", "loan", "Strasbourg", "Chelsea")),
    ("Brighton agree to loan Evan Ferguson to Roma", "",
     ("Evan Ferguson", "loan", "Roma", "Brighton & Hove Albion")),
    ("Southampton sell Tyler Dibling to Everton", "", ("Tyler Dibling", "completed", "Everton", "Southampton")),
])
def test_the_sending_club_is_the_one_he_leaves_and_the_receiving_club_the_counterpart(
        title: str, summary: str, expected: tuple[str, str, str | None, str | None]) -> None:
    assert told_with_from_club(title, summary) == {expected}


@pytest.mark.parametrize(("title", "person", "club"), [
    ("Real Madrid ready to sell Rodrygo to Arsenal", "Rodrygo", "Real Madrid"),
    ("Arsenal release Kieran Tierney", "Kieran Tierney", "Arsenal"),
])
def test_a_club_selling_or_releasing_a_player_is_his_departure(title: str, person: str, club: str) -> None:
    assert told_with_from_club(title) == {(person, "departure", None, club)}


def test_every_club_listed_before_target_is_a_taker() -> None:
    # "Liverpool & Arsenal target": both clubs want him; Real Madrid, who sell, hold him.
    claims = told_with_from_club("Real Madrid ready to sell Liverpool & Arsenal target Dean Huijsen")
    assert {(cp, frm) for person, kind, cp, frm in claims if kind == "interest"} == {
        ("Liverpool", "Real Madrid"), ("Arsenal", "Real Madrid")}


# --- a relative clause on the subject club ----------------------------------------------------

def test_a_relative_clause_does_not_hide_the_main_clause_and_him_is_its_person() -> None:
    assert told_with_from_club("Chelsea, who signed Mykhailo Mudryk in 2023, are ready to sell him") == {
        ("Mykhailo Mudryk", "departure", None, "Chelsea")}
    assert told_with_from_club("Juventus, who paid £50m for Dusan Vlahovic, are willing to sell him") == {
        ("Dusan Vlahovic", "departure", None, "Juventus")}


@pytest.mark.parametrize(("title", "person", "bidder", "holder"), [
    ("Newcastle, who signed Anthony Gordon, reject Liverpool bid", "Anthony Gordon", "Liverpool", "Newcastle United"),
    ("Aston Villa, who bought Morgan Rogers from Middlesbrough, turn down Chelsea bid", "Morgan Rogers", "Chelsea",
     "Aston Villa"),
    ("Brighton, who bought Joao Pedro from Watford, have rejected a Chelsea bid for the striker", "Joao Pedro",
     "Chelsea", "Brighton & Hove Albion"),
])
def test_a_club_that_rejects_a_bid_past_its_relative_clause_holds_the_player(
        title: str, person: str, bidder: str, holder: str) -> None:
    assert told_with_from_club(title) == {(person, "bid_rejected", bidder, holder)}


@pytest.mark.parametrize(("title", "person", "club"), [
    ("Atletico Madrid, who sold Joao Felix, want Julian Alvarez", "Julian Alvarez", "Atletico Madrid"),
    ("Brentford, who lost Bryan Mbeumo to United, eye Dango Ouattara", "Dango Ouattara", "Brentford"),
    ("Liverpool, who signed Jeremie Frimpong last summer, want Marc Guehi", "Marc Guehi", "Liverpool"),
])
def test_the_move_inside_a_relative_clause_stays_background(title: str, person: str, club: str) -> None:
    assert told_with_from_club(title) == {(person, "interest", club, None)}


def test_a_relative_clause_lends_its_person_only_to_a_main_clause_about_him() -> None:
    # The main clause is an appointment of someone else: the sacked man gets nothing.
    claims = told_with_from_club("Nottingham Forest, who sacked Nuno Espirito Santo, appoint Ange Postecoglou")
    assert claims == {("Ange Postecoglou", "completed", "Nottingham Forest", None)}
    assert told_with_from_club("Wolves, who sacked Gary O'Neil in December, are in talks with Vitor Pereira") == {
        ("Vitor Pereira", "talks", "Wolverhampton Wanderers", None)}


# --- a choice between clubs -------------------------------------------------------------------

def test_the_club_a_choice_passes_over_is_no_party() -> None:
    assert told_with_from_club("Joao Neves prefers PSG to Manchester United") == {
        ("Joao Neves", "interest", "Paris Saint-Germain", None)}


def test_a_snub_is_denied_to_the_snubbed_club_not_the_one_he_picks() -> None:
    claims = told_with_from_club("Leny Yoro snubs Real Madrid for Manchester United")
    assert {(person, cp) for person, kind, cp, _ in claims if kind == "denial"} == {("Leny Yoro", "Real Madrid")}


# --- a participle clause of a move done before the news ----------------------------------------

def test_a_having_clause_with_a_move_done_is_background() -> None:
    assert told_with_from_club("Tottenham, having sold Son Heung-min, target Mohammed Kudus") == {
        ("Mohammed Kudus", "interest", "Tottenham Hotspur", None)}
    assert told_with_from_club("Stuttgart, who signed Nick Woltemade last summer, reject Bayern bid for the striker") == {
        ("Nick Woltemade", "bid_rejected", "Bayern Munich", "VfB Stuttgart")}


# --- the club of the relative clause holds the player it got ------------------------------------

@pytest.mark.parametrize(("title", "expected"), [
    ("Bayern Munich, who signed Harry Kane from Tottenham, are considering selling him",
     ("Harry Kane", "departure", None, "Bayern Munich")),
    ("Dortmund, who bought Jamie Gittens from Manchester City, have agreed to sell him to Chelsea",
     ("Jamie Gittens", "departure", None, "Borussia Dortmund")),
    ("West Ham, who appointed Graham Potter in January, have sacked him",
     ("Graham Potter", "departure", None, "West Ham United")),
])
def test_the_club_that_got_him_in_a_relative_clause_is_the_one_he_leaves(
        title: str, expected: tuple[str, str, str | None, str | None]) -> None:
    assert expected in told_with_from_club(title)
    assert not any(frm in {"Tottenham Hotspur", "Manchester City"} for _, _, _, frm in told_with_from_club(title))


@pytest.mark.parametrize(("title", "person", "told", "holder"), [
    ("Brighton, who bought Kaoru Mitoma from Kawasaki, have told Bayern he is not for sale", "Kaoru Mitoma",
     "Bayern Munich", "Brighton & Hove Albion"),
    ("Newcastle tell Liverpool Alexander Isak is not for sale", "Alexander Isak", "Liverpool", "Newcastle United"),
    ("Crystal Palace inform Liverpool that Marc Guehi is not for sale", "Marc Guehi", "Liverpool", "Crystal Palace"),
])
def test_the_club_told_he_is_not_for_sale_is_the_counterpart(title: str, person: str, told: str, holder: str) -> None:
    assert told_with_from_club(title) == {(person, "denial", told, holder)}


def test_a_denial_names_the_suitor_of_the_clause_beside_it() -> None:
    assert told_with_from_club("Milan expect Rafael Leao to stay after PSG decide not to bid") == {
        ("Rafael Leao", "denial", "Paris Saint-Germain", "AC Milan")}
    # A pursuit told in the clause beside stays a claim of its own.
    claims = told_with_from_club("Liverpool insist Ibrahima Konate is staying as Real Madrid circle")
    assert ("Ibrahima Konate", "interest", "Real Madrid", None) in claims


def test_clubs_the_pursuit_is_ahead_of_are_rivals() -> None:
    assert told_with_from_club("Liverpool step up pursuit of Marc Guehi ahead of Arsenal and Chelsea") == {
        ("Marc Guehi", "interest", "Liverpool", None)}


def test_a_club_that_rebuffs_interest_holds_the_player() -> None:
    assert told_with_from_club("Real Madrid reject Manchester City interest in Rodrygo") == {
        ("Rodrygo", "interest", "Manchester City", "Real Madrid")}


def test_clubs_listed_as_interested_in_a_described_prodigy_are_each_a_counterpart() -> None:
    claims = told_with_from_club("Barcelona, Inter and Bayern are keen on signing the Benfica prodigy Joao Neves")
    assert claims == {("Joao Neves", "interest", club, "Benfica") for club in ("Barcelona", "Inter Milan", "Bayern Munich")}


def test_a_clubs_fans_are_not_the_club_that_acts() -> None:
    # The fans are told the news; the club the two would link up at is the counterpart.
    claims = told_with_from_club("Old Arsenal pair could reunite in Turkey",
                                 "Arsenal fans might be interested to hear that Mesut Ozil could be set to link up at Fenerbahce.")
    assert not any(cp == "Arsenal" for _, _, cp, _ in claims)
    assert told_with_from_club("Liverpool fans excited as Florian Wirtz joins Liverpool") == {
        ("Florian Wirtz", "completed", "Liverpool", None)}
