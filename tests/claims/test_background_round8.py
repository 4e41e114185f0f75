"""Where a background span starts and stops: news beside history in one sentence is kept, and
history continuing a dated past frame stays out. (Sentences written for these tests.)"""

from __future__ import annotations

from tests.claims.reading import Reader

PUBLISHED = "2026-03-10T10:00:00+00:00"


told = Reader(published=PUBLISHED).told


def test_a_conjunct_with_its_own_subject_is_news_after_a_background_adjunct() -> None:
    # "after his stint at Milan" is where he was; ", and <name> has joined ..." is news of its own.
    assert told("Leeds confirm two deals",
                "Leeds have signed Noah Okafor after his stint at Milan, and Dan James has joined Fulham.") == {
        ("Noah Okafor", "completed", "Leeds United"), ("Dan James", "completed", "Fulham")}


def test_two_conjuncts_do_not_share_each_others_clubs() -> None:
    assert told("Everton business",
                "Everton have completed the signing of Jack Grealish, and Dwight McNeil has joined Newcastle.") == {
        ("Jack Grealish", "completed", "Everton"), ("Dwight McNeil", "completed", "Newcastle United")}


def test_names_sharing_one_verb_stay_one_subject() -> None:
    assert told("Leeds business", "Jarrad Branthwaite and James Garner have joined Leeds.") == {
        ("Jarrad Branthwaite", "completed", "Leeds United"), ("James Garner", "completed", "Leeds United")}


def test_a_relative_clause_dated_to_now_is_news() -> None:
    assert ("Ange Postecoglou", "departure", None) in told(
        "Spurs appoint new boss", "Spurs have appointed Thomas Frank. He replaces Ange Postecoglou, who was sacked on Friday.")


def test_a_relative_clause_dated_to_an_earlier_year_stays_history() -> None:
    assert {s for s, _, _ in told("Spurs appoint new boss",
                                   "Spurs have appointed Thomas Frank. He replaces Ange Postecoglou, who was sacked in 2024.")} \
        == {"Thomas Frank"}


def test_a_relative_clause_about_what_is_to_come_is_read_by_its_own_forms() -> None:
    claims = told("Everton agree fee for Tomás Veloso",
                  "Everton have agreed a fee with Porto for the winger, who will undergo a medical on Friday.")
    assert ("Tomás Veloso", "agreement", "Everton") in claims


def test_a_fronted_adjunct_naming_an_event_is_no_background() -> None:
    # "After the game" dates the news; it is no move told as history.
    assert told("Roma round-up",
                "Following the final whistle Roma confirmed Paulo Dybala has signed a new contract.") == {
        ("Paulo Dybala", "contract_extension", "Roma")}
    assert told("Roma round-up", "After Sunday's defeat Roma sacked Ivan Juric.") == {("Ivan Juric", "departure", None)}


def test_a_fronted_adjunct_naming_a_move_stays_the_setting() -> None:
    assert told("Roma round-up", "After his move to Roma Paulo Dybala scored ten goals.") == set()


def test_a_denial_continuing_a_dated_past_frame_is_history() -> None:
    assert told("Juventus eye Joshua Zirkzee",
                "Juventus are tracking Joshua Zirkzee, who nearly joined them in 2024 before Bologna refused to sell.") == {
        ("Joshua Zirkzee", "interest", "Juventus")}


def test_a_loan_spell_continuing_a_dated_past_frame_is_history() -> None:
    assert told("Juventus eye Joshua Zirkzee",
                "Juventus want Joshua Zirkzee. The striker moved to Manchester United in 2024 after a loan spell at Parma.") \
        == {("Joshua Zirkzee", "interest", "Juventus")}


def test_a_release_after_before_in_a_sentence_told_in_the_past_is_history() -> None:
    assert told("Everton want Tyler Dibling",
                "Everton are chasing Tyler Dibling. He spent three years at Chelsea before being released as a boy.") == {
        ("Tyler Dibling", "interest", "Everton")}


def test_a_year_dates_every_name_of_a_list_a_verb_governs() -> None:
    claims = told("Brentford agree deal for Kevin Schade",
                  "Brentford have agreed a fee with Leipzig for Kevin Schade. Newcastle sold Sandro Tonali and "
                  "Alexander Isak to Juventus and Liverpool in 2025.")
    assert {s for s, _, _ in claims} == {"Kevin Schade"}


def test_a_conjunct_without_its_own_subject_shares_the_dated_frame_before_it() -> None:
    # "sacked X last month and appointed Y": Y's appointment is last month's too; Y's sacking
    # "on Saturday" is this week's news.
    claims = told("Forest news", "Forest sacked Nuno Espirito Santo last month and appointed Ange Postecoglou, "
                                 "who was then sacked on Saturday.")
    assert ("Ange Postecoglou", "departure", None) in claims
    assert not any(k == "completed" for _, k, _ in claims)


def test_a_headline_speaking_to_the_fans_names_nobody() -> None:
    # "Army", "faithful", "Bad" are no people: the summary's signing is the headline's news.
    assert told("Big news for the Toon Army", "Newcastle have completed the signing of Jacob Ramsey from Aston Villa.") \
        == {("Jacob Ramsey", "completed", "Newcastle United")}
    assert told("Good news for the Anfield faithful", "Liverpool have completed the signing of Giovanni Leoni from Parma.") \
        == {("Giovanni Leoni", "completed", "Liverpool")}
    assert told("Bad news for Arsenal fans", "Arsenal have sold Kieran Tierney to Celtic.") == {
        ("Kieran Tierney", "completed", "Celtic")}


def test_a_name_owning_a_relation_is_not_the_one_who_moves() -> None:
    # "X's former teammate", "X's successor": someone else is signed.
    assert told("Marseille sign Mason Greenwood's former teammate Facundo Pellistri", "") == {
        ("Facundo Pellistri", "completed", "Marseille")}
    assert told("Mason Greenwood's former teammate joins Marseille", "") == set()


def test_a_name_modifying_a_relation_noun_is_not_the_target() -> None:
    # "the X transfer alternative" is someone else, not X.
    assert told("Everton weigh up move for a Beto transfer alternative", "") == set()


def test_a_measured_time_adjunct_ends_at_its_comma() -> None:
    # "A year after joining ..., X has left ...": the setting is history, the main clause news.
    assert told("Chelsea news", "A year after joining from Dortmund, Jamie Gittens has left Chelsea for Juventus.") == {
        ("Jamie Gittens", "completed", "Juventus")}
