"""Where a development sits in its sentence: a parenthesis, an adjunct opening the sentence
and a move dated to an earlier window tell background; the sentence's own clause tells the
news. Items written for these tests, in our own words."""

from __future__ import annotations

from bot.claims.extract import extract_claims
from tests.claims.reading import people_and_kinds


def test_an_apposition_with_an_old_move_is_background_and_the_sentence_goes_on() -> None:
    # The signing from Lyon describes him; the news is who wants him now.
    claims = extract_claims("Porto star Oskar Lindqvist attracting attention",
                            "The playmaker, signed from Lyon for €20m, is wanted by Juventus.")
    assert {(c.subject, c.kind, c.counterpart) for c in claims} >= {("Oskar Lindqvist", "interest", "Juventus")}
    assert not any(c.kind == "completed" for c in claims)


def test_a_relative_clause_closes_at_its_comma() -> None:
    # Before: everything after "who" was one background clause, the sacking talk with it.
    claims = people_and_kinds("Pressure grows on Ajax boss Verhoek",
                              "Ajax boss Stefan Verhoek, whose side were beaten again on Sunday, is facing the axe.")
    assert claims == {("Stefan Verhoek", "departure")}
    claims = people_and_kinds("Porto make a change in the dugout",
                              "Porto, who dismissed Rui Moreira last year, have now appointed Nuno Reis as head coach.")
    assert ("Nuno Reis", "completed") in claims
    assert ("Rui Moreira", "departure") not in claims


def test_a_time_adjunct_opening_the_sentence_is_the_setting_not_the_news() -> None:
    assert people_and_kinds("Lindqvist flourishing in Portugal",
                            "Since joining Porto from Lyon, Oskar Lindqvist has scored twenty goals.") == set()
    assert people_and_kinds("Lindqvist opens up on a hard first year",
                            "After swapping Lyon for Porto, Oskar Lindqvist found the going tough.") == set()
    assert people_and_kinds("Lindqvist happy in Portugal",
                            "Oskar Lindqvist has been outstanding since joining Porto.") == set()


def test_a_move_dated_to_an_earlier_window_is_history_and_the_clause_after_it_is_news() -> None:
    claims = people_and_kinds("Lindqvist's Porto adventure under review",
                              "Oskar Lindqvist's switch to Porto last summer has not gone to plan, and he could now leave.")
    assert claims == {("Oskar Lindqvist", "departure")}


def test_a_move_this_week_is_not_history() -> None:
    assert people_and_kinds("Lindqvist joined Porto last week",
                            "Oskar Lindqvist joined Porto last week from Lyon.") == {("Oskar Lindqvist", "completed")}


def test_an_exit_that_is_the_subject_of_a_modal_is_only_talked_about() -> None:
    assert people_and_kinds("Pundit warns Lyon",
                            "Letting Oskar Lindqvist go would be a huge error for Lyon, the former captain said.") == set()
    assert people_and_kinds("Lindqvist exit would hurt Lyon", "The club's fans are worried.") == set()


def test_an_exit_or_a_move_that_is_the_subject_of_a_past_verb_is_commentary() -> None:
    assert people_and_kinds("Lindqvist: Moreira's exit was hard on the squad") == set()
    # but an exit that was announced is the news
    assert people_and_kinds("Lindqvist's departure was confirmed by Lyon on Friday") == {("Oskar Lindqvist", "departure")} \
        or people_and_kinds("Lindqvist's departure was confirmed by Lyon on Friday") == {("Lindqvist", "departure")}


def test_releasing_something_is_not_being_released() -> None:
    assert people_and_kinds("Lindqvist released a video for the Lyon fans") == set()
    assert people_and_kinds("Lindqvist released by Lyon") == {("Lindqvist", "departure")}


def test_a_name_qualifying_a_teammate_is_not_the_subject() -> None:
    assert people_and_kinds("Lyon offload Lindqvist's teammate to Nice") == set()


def test_a_job_pursued_is_interest_not_an_appointment() -> None:
    claims = people_and_kinds("Ajax coach shortlist",
                              "Porto coach Nuno Reis is in the running to become the next Ajax head coach.")
    assert claims == {("Nuno Reis", "interest")}


def test_what_did_not_happen_is_no_claim() -> None:
    assert people_and_kinds("Lindqvist could have joined Porto, he reveals",
                            "Oskar Lindqvist says he could have joined Porto before picking Lyon.") == set()
    assert people_and_kinds("Lindqvist nearly joined Porto", "Oskar Lindqvist almost signed for Porto as a teenager.") == set()


def test_a_move_two_years_ago_is_history() -> None:
    assert people_and_kinds("Lindqvist on choosing Lyon",
                            "Oskar Lindqvist turned down Porto to sign for Lyon two years ago.") == set()


def test_a_negative_fronting_the_clause_negates_the_sale() -> None:
    assert people_and_kinds("Lyon must keep Lindqvist",
                            "Under no circumstances should Lyon even think about cashing in on Oskar Lindqvist this winter.") == set()


def test_a_seller_being_persuaded_is_the_buyers_pursuit_not_an_exit() -> None:
    claims = people_and_kinds("Porto plan a second approach",
                              "Porto will try again to persuade Lyon to sell Oskar Lindqvist before the window shuts.")
    assert ("Oskar Lindqvist", "departure") not in claims


def test_he_in_a_speakers_quoted_answer_is_not_the_speaker() -> None:
    # A press-conference piece: the question names the player, the boss answers.
    claims = extract_claims("Porto boss Nuno Reis previews the derby",
                            "Porto boss Nuno Reis faced the media on Friday. Q: Where are we with Oskar Lindqvist "
                            "and Lyon? Nuno Reis: “It is close. He is having a medical with us as we speak.”")
    assert not any(c.subject == "Nuno Reis" and c.kind == "medical" for c in claims)
    claims = extract_claims("Porto boss Nuno Reis on the Lyon midfielder",
                            "Q: How near is the Oskar Lindqvist deal with Porto? Nuno Reis: “He is having a medical with us.”")
    assert not any(c.subject == "Nuno Reis" for c in claims)


def test_a_club_that_qualifies_another_noun_is_not_joined() -> None:
    assert people_and_kinds("Lindqvist joins Porto fans in the stand for the derby") == set()
    assert people_and_kinds("Lindqvist signs Porto shirt for young supporter") == set()
    assert people_and_kinds("Lindqvist joins Porto's injury list") == set()
    # but a club followed by where from, how long, or its description of the person is joined
    assert people_and_kinds("Lindqvist joins Porto from Lyon") == {("Lindqvist", "completed")}
    assert people_and_kinds("Porto sign Sweden midfielder Lindqvist") == {("Lindqvist", "completed")}
    assert people_and_kinds("Lindqvist joins Porto until 2030") == {("Lindqvist", "completed")}


def test_an_exit_said_of_someone_as_a_description_is_no_exit() -> None:
    claims = people_and_kinds("Lyon chase Porto winger", "Lyon want Luis Costa to fill the gap left by the departed Oskar Lindqvist.")
    assert ("Luis Costa", "departure") not in claims and ("Oskar Lindqvist", "departure") not in claims


def test_looking_back_on_an_exit_is_not_the_exit() -> None:
    assert people_and_kinds("Girard reflects on Lyon exit",
                            "Luc Girard has opened up on his Lyon exit, saying the decision hurt.") == set()
    # but talk of an exit to come is the exit talked about
    assert people_and_kinds("Girard opens up on possible Lyon exit") == {("Girard", "departure")}


def test_wanting_someone_out_is_their_exit_not_interest() -> None:
    assert people_and_kinds("Lyon supporters want Girard out after fifth defeat") == {("Girard", "departure")}


def test_losing_faith_in_a_manager_is_pressure_on_him() -> None:
    assert people_and_kinds("Lyon hierarchy have lost faith in head coach Girard") == {("Girard", "departure")}


def test_a_club_the_gazetteer_lacks_is_known_by_the_words_around_it() -> None:
    # The headline's "... job" makes the name a club, and the summary's "Israeli side" agrees.
    claims = extract_claims("Verhoek takes Hapoel Beersheba job",
                            "Stefan Verhoek has agreed a deal to become head coach of Israeli side Hapoel Beersheba.")
    assert {(c.subject, c.counterpart) for c in claims} == {("Stefan Verhoek", "Hapoel Beersheba")}


def test_a_staff_job_taken_as_assistant_is_no_subjects_move() -> None:
    assert people_and_kinds("Girard joins Lyon as assistant coach") == set()
    assert people_and_kinds("Ghana appoint ex-Porto assistant Girard as coach") == {("Girard", "completed")}
