"""Round-ups, a development and its person in different sentences, and a trigger kept from
its name by a long description: structure that holds on any outlet's wording. Items written
for these tests, in our own words."""

from __future__ import annotations

from tests.claims.reading import WINTER_WINDOW, Reader

told = Reader(published=WINTER_WINDOW).told


# --- round-ups: each segment its own subject and development ------------------------------

def test_a_verbless_name_to_club_segment_is_that_clubs_interest() -> None:
    assert told("Rumour mill: Isak to Liverpool, Sesko to Newcastle") == {
        ("Isak", "interest", "Liverpool"), ("Sesko", "interest", "Newcastle United")}


def test_name_to_club_governed_by_a_verb_or_qualifying_a_noun_is_no_segment() -> None:
    assert told("Salah to Liverpool fans: thank you for everything") == set()
    assert ("Isak", "interest", "Liverpool") not in told("Newcastle sold Isak to Liverpool, Howe admits it hurt")


def test_a_club_label_gives_its_segments_their_buyer() -> None:
    assert told("Liverpool transfer news: Guehi bid, Konate update and Ekitike medical") == {
        ("Guehi", "bid", "Liverpool"), ("Ekitike", "medical", "Liverpool")}
    assert told("Real Madrid round-up: Konate agreement, Carreras talks") == {
        ("Konate", "agreement", "Real Madrid"), ("Carreras", "talks", "Real Madrid")}


def test_a_segment_naming_its_own_club_keeps_it() -> None:
    assert told("Celtic news: Kuhn to Como, Engels offer") == {("Kuhn", "interest", "Como"), ("Engels", "bid", "Celtic")}


def test_and_before_a_club_that_acts_opens_the_next_rumour() -> None:
    assert told("Gossip: Spurs eye Eze and Newcastle chase Ekitike") == {
        ("Eze", "interest", "Tottenham Hotspur"), ("Ekitike", "interest", "Newcastle United")}
    # A club describing the next name stays in the list.
    assert told("Chelsea target Sancho and Man Utd forward Garnacho") >= {
        ("Sancho", "interest", "Chelsea"), ("Garnacho", "interest", "Chelsea")}


def test_a_rung_as_the_headlines_label_is_the_rung_of_the_one_it_goes_on_about() -> None:
    assert ("Christian Pulisic", "talks", "Tottenham Hotspur") in told(
        "Talks held: Tottenham lead race to sign Liverpool target Christian Pulisic")
    assert told("Bid prepared: Man United try again for €40m-rated Alejandro Balde") == {
        ("Alejandro Balde", "bid", "Manchester United")}
    assert told("Report: Liverpool eye Marc Guehi") == {("Marc Guehi", "interest", "Liverpool")}


# --- a development and its person in different sentences ----------------------------------

def test_a_summary_sentence_naming_nobody_goes_on_about_the_headlines_one_person() -> None:
    assert told("Marc Guehi decision", "Liverpool have opened talks with Crystal Palace.") == {
        ("Marc Guehi", "talks", "Liverpool")}
    assert told("Jamie Gittens latest", "Chelsea have agreed a fee with Borussia Dortmund.") == {
        ("Jamie Gittens", "agreement", "Chelsea")}


def test_no_carrying_when_the_development_has_an_object_of_its_own() -> None:
    assert told("Marc Guehi decision", "Liverpool have opened talks over a new left-back.") == set()


def test_no_carrying_when_the_item_has_named_two_people() -> None:
    assert told("Marc Guehi and Adam Wharton decision", "Liverpool have opened talks with Crystal Palace.") == set()


def test_no_carrying_an_exit_a_club_makes_of_someone_else() -> None:
    assert ("Alexander Isak", "departure", None) not in told(
        "Arsenal eye Alexander Isak", "Newcastle are also set to leave the Champions League.")


def test_a_pronoun_stands_for_the_subject_of_the_sentence_before() -> None:
    claims = told("Chelsea news", "Chelsea have completed the signing of Jamie Gittens. "
                  "Meanwhile, Nicolas Jackson could leave the club. He is wanted by Napoli.")
    assert ("Nicolas Jackson", "interest", "Napoli") in claims
    assert ("Jamie Gittens", "interest", "Napoli") not in claims


# --- a trigger and a name kept apart in one sentence --------------------------------------

def test_a_long_description_before_the_name_does_not_hide_it() -> None:
    assert told("Newcastle weigh up options",
                "Newcastle are weighing up a move for the highly rated Sporting Lisbon striker Viktor Gyokeres.") \
        == {("Viktor Gyokeres", "interest", "Newcastle United")}
    assert ("Hugo Ekitike", "interest", "Liverpool") in told(
        "Liverpool want the prolific Eintracht Frankfurt forward Hugo Ekitike")


def test_a_fee_rating_written_with_a_hyphen_is_no_dash_between_clauses() -> None:
    assert told("Spurs make contact",
                "Tottenham have made contact with Brighton over their £50m-rated Japanese winger Kaoru Mitoma.") \
        == {("Kaoru Mitoma", "talks", "Tottenham Hotspur")}


def test_a_deal_far_from_its_name_in_one_phrase_reaches_it() -> None:
    assert ("Eberechi Eze", "talks", "Tottenham Hotspur") in told(
        "Eberechi Eze latest", "Tottenham are in talks with Crystal Palace over a £60m deal for the midfielder.")


def test_a_question_whether_someone_goes_to_a_club_is_that_clubs_interest() -> None:
    assert told("Could Victor Osimhen be on his way to Galatasaray?") == {("Victor Osimhen", "interest", "Galatasaray")}
    assert told("Could Mohamed Salah be a threat to Arsenal?") == set()


def test_two_clubs_in_talks_with_a_named_seller_both_buy() -> None:
    assert told("Juventus and Napoli in talks with Atalanta over Ademola Lookman") == {
        ("Ademola Lookman", "talks", "Juventus"), ("Ademola Lookman", "talks", "Napoli")}


def test_a_description_before_the_sentence_that_names_him_stands_for_him() -> None:
    assert told("Transfer latest", "Liverpool have opened talks over a deal for the Crystal Palace captain. "
                "Marc Guehi has a year left on his contract.") == {("Marc Guehi", "talks", "Liverpool")}


def test_a_club_label_keeps_the_club_of_an_extension() -> None:
    assert told("Celtic news: Callum McGregor contract talks") == {("Callum McGregor", "contract_extension", "Celtic")}


def test_a_rung_label_that_the_headline_tells_again_adds_nothing() -> None:
    assert told("Deal agreed: Chelsea agree £50m fee with Dortmund for Jamie Gittens") == {
        ("Jamie Gittens", "agreement", "Chelsea")}


def test_a_verbless_segment_takes_no_club_from_beyond_it() -> None:
    assert told("Salah to Al-Hilal, Nunez to Napoli: latest Liverpool rumours") == {
        ("Salah", "interest", "Al-Hilal"), ("Nunez", "interest", "Napoli")}


def test_no_carrying_to_a_speaker_nor_a_plan_of_another_kind() -> None:
    assert told("Virgil van Dijk: We must do better", "Liverpool are keen to strengthen in defence.") == set()
    assert told("Harry Kane speaks out", "Bayern Munich have opened talks with Tottenham over a friendly.") == set()


def test_a_speaker_between_does_not_take_over_the_pronoun() -> None:
    claims = told("Isak news", "Alexander Isak wants to leave Newcastle. Eddie Howe has said the club "
                  "will not sell. He has been linked with Liverpool.")
    assert ("Alexander Isak", "interest", "Liverpool") in claims


def test_a_possessive_club_opening_a_long_description_is_the_persons_club() -> None:
    assert told("Man City's £100m-rated star Rodri is wanted by Real Madrid") == {("Rodri", "interest", "Real Madrid")}


def test_a_list_ends_where_its_next_name_opens_a_clause() -> None:
    assert told("Arsenal eye Isak and Newcastle boss Eddie Howe is furious") == {("Isak", "interest", "Arsenal")}


def test_a_list_of_names_before_or_after_the_development_shares_it() -> None:
    assert told("Casemiro, Lindelof and Eriksen could all leave Manchester United this summer") == {
        ("Casemiro", "departure", None), ("Lindelof", "departure", None), ("Eriksen", "departure", None)}
    assert told("Man City want Wharton or Baleba") == {
        ("Wharton", "interest", "Manchester City"), ("Baleba", "interest", "Manchester City")}
    assert told("Arsenal target Eze as well as Rodrygo") == {
        ("Eze", "interest", "Arsenal"), ("Rodrygo", "interest", "Arsenal")}


def test_a_comma_between_rumours_still_opens_the_next_one() -> None:
    assert told("Isak joins Liverpool, Sesko signs for Newcastle") == {
        ("Isak", "completed", "Liverpool"), ("Sesko", "completed", "Newcastle United")}


def test_a_club_that_wants_a_player_is_no_club_he_holds() -> None:
    assert ("Ibrahima Konate", "interest", "Real Madrid") in told(
        "Real Madrid's long-term target Ibrahima Konate agrees deal")


def test_a_name_before_a_pursuit_noun_is_the_one_pursued() -> None:
    assert told("Newcastle fall behind Liverpool in Marc Guehi pursuit") == {
        ("Marc Guehi", "interest", "Newcastle United"), ("Marc Guehi", "interest", "Liverpool")}
    assert told("Juventus edge ahead in Jonathan David race") == {("Jonathan David", "interest", "Juventus")}


def test_one_adjective_between_a_preposition_and_the_name_is_his() -> None:
    assert told("Brentford and Fulham lead race for unsettled Jadon Sancho") == {
        ("Jadon Sancho", "interest", "Brentford"), ("Jadon Sancho", "interest", "Fulham")}


def test_a_comma_after_a_development_still_opens_the_next_rumour_of_a_pair() -> None:
    assert told("Joao Gomes seals Aston Villa move, Hall and Robinson on Manchester United list") == {
        ("Joao Gomes", "completed", "Aston Villa"), ("Hall", "interest", "Manchester United"),
        ("Robinson", "interest", "Manchester United")}
