"""A move or an exit judged, explained, seen from now or meant in another sense reports
nothing; a person's own wish for a club or a job, and a manager's job in danger, are claims.
Items written for these tests, in our own words."""

from __future__ import annotations

from tests.claims.reading import Reader

WHEN = "2026-02-10T09:00:00Z"


people_and_kinds = Reader(published=WHEN).people_and_kinds


def test_a_verdict_on_what_a_club_ought_to_do_is_no_departure() -> None:
    assert people_and_kinds("Lyon must sell Oskar Lindqvist while his value is high") == set()
    assert people_and_kinds("It's time for Ajax to sack Stefan Verhoek, says former captain") == set()
    assert people_and_kinds("Lyon would be mad to sell Oskar Lindqvist this winter") == set()
    assert people_and_kinds("Ajax need to part ways with Stefan Verhoek now") == set()
    # What a club is ready to do, or a manager's job in danger, still is one.
    assert people_and_kinds("Lyon ready to sell Oskar Lindqvist this winter") == {("Oskar Lindqvist", "departure")}
    assert people_and_kinds("Stefan Verhoek could be sacked by Ajax") == {("Stefan Verhoek", "departure")}


def test_a_past_move_explained_or_seen_from_now_is_background() -> None:
    assert people_and_kinds("Oskar Lindqvist reveals why he joined Porto") == set()
    assert people_and_kinds("Lindqvist thriving in Portugal",
                            "The playmaker joined Porto from Lyon and has not looked back.") == set()
    assert people_and_kinds("Porto playmaker Lindqvist hits twenty goals",
                            "Porto bought Oskar Lindqvist for €20m and he has repaid the fee.") == set()
    assert people_and_kinds("Lindqvist finding life hard",
                            "Oskar Lindqvist's return to Porto has been harder than he hoped.") == set()
    assert people_and_kinds("Lindqvist finding life hard",
                            "It has been a tougher than expected return to Porto for Oskar Lindqvist.") == set()
    # A move this week and what followed it is news.
    assert people_and_kinds("Lindqvist joins Porto",
                            "Oskar Lindqvist joined Porto from Lyon on Monday.") == {("Oskar Lindqvist", "completed")}


def test_move_verbs_in_their_other_senses_are_no_moves() -> None:
    assert people_and_kinds("Porto forward Oskar Lindqvist joins the list of the league's top scorers") == set()
    assert people_and_kinds("Oskar Lindqvist quits social media after abuse") == set()
    assert people_and_kinds("Stefan Verhoek released from hospital after scare") == set()
    assert people_and_kinds("Stefan Verhoek quits Ajax") == {("Stefan Verhoek", "departure")}


def test_a_persons_own_wish_for_a_club_or_a_job_is_interest() -> None:
    assert people_and_kinds("Oskar Lindqvist eager to sign for Porto") == {("Oskar Lindqvist", "interest")}
    assert people_and_kinds("Stefan Verhoek would love to manage Feyenoord") == {("Stefan Verhoek", "interest")}
    assert people_and_kinds("Porto dream of signing Oskar Lindqvist") == {("Oskar Lindqvist", "interest")}


def test_a_managers_job_in_danger_is_a_departure() -> None:
    assert people_and_kinds("Stefan Verhoek on borrowed time at Ajax") == {("Stefan Verhoek", "departure")}
    assert people_and_kinds("Stefan Verhoek's job hangs in the balance after another defeat") == {("Stefan Verhoek", "departure")}
    assert people_and_kinds("Ajax boss Stefan Verhoek in the firing line") == {("Stefan Verhoek", "departure")}


def test_a_staff_job_is_no_move_of_a_player_or_a_manager() -> None:
    assert people_and_kinds("Former Porto star Oskar Lindqvist joins Lyon as club ambassador") == set()
    assert people_and_kinds("Oskar Lindqvist appointed club ambassador by Porto") == set()
    assert people_and_kinds("Oskar Lindqvist joins Porto backroom staff") == set()
    assert people_and_kinds("Stefan Verhoek appointed Ajax academy coach") == set()
    # The head coach's job beside someone else's staff job is still his.
    assert people_and_kinds("Stefan Verhoek returns as Ajax head coach with Rui Moreira named technical director") \
        == {("Stefan Verhoek", "completed")}


def test_leaving_for_duty_or_injury_and_a_visit_are_no_moves() -> None:
    assert people_and_kinds("Oskar Lindqvist departs for international duty") == set()
    assert people_and_kinds("Oskar Lindqvist exits with hamstring injury") == set()
    assert people_and_kinds("Oskar Lindqvist returns to Lyon for first time since leaving") == set()
    assert people_and_kinds("Oskar Lindqvist set for emotional return to Lyon") == set()


def test_a_move_regretted_told_as_a_story_dated_or_in_the_speakers_past_is_background() -> None:
    assert people_and_kinds("Lyon regret selling Oskar Lindqvist") == set()
    assert people_and_kinds("The inside story of Oskar Lindqvist's move to Porto") == set()
    assert people_and_kinds("Verhoek hails Lindqvist after win",
                            "Porto signed Oskar Lindqvist from Lyon in the summer.") == set()
    assert people_and_kinds("Stefan Verhoek: I was sacked unfairly by Ajax") == set()


def test_a_players_word_that_his_future_is_at_his_club_is_a_denial() -> None:
    assert people_and_kinds("Oskar Lindqvist insists his future is at Porto") == {("Oskar Lindqvist", "denial")}


def test_a_managers_job_process_and_end_are_claims() -> None:
    assert people_and_kinds("Ajax to interview Stefan Verhoek") == {("Stefan Verhoek", "talks")}
    assert people_and_kinds("Stefan Verhoek interviewed for Ajax job") == {("Stefan Verhoek", "talks")}
    assert people_and_kinds("Ajax confirm Stefan Verhoek appointment") == {("Stefan Verhoek", "completed")}
    assert people_and_kinds("Stefan Verhoek's Ajax reign ends after eight games") == {("Stefan Verhoek", "departure")}
    assert people_and_kinds("Stefan Verhoek fears the sack at Ajax") == {("Stefan Verhoek", "departure")}


def test_how_a_move_came_about_is_told_looking_back() -> None:
    assert people_and_kinds("Ajax chief reveals how Verhoek exit unfolded",
                            "Ajax's chief executive explained how Stefan Verhoek came to resign in October.") == set()
    assert people_and_kinds("Oskar Lindqvist explains why he decided to leave Lyon") == set()
    assert people_and_kinds("Oskar Lindqvist reveals how close he came to joining Porto") == set()
    # Deciding is news when nothing asks how or why.
    assert people_and_kinds("Oskar Lindqvist decides to leave Lyon") == {("Oskar Lindqvist", "departure")}


def test_a_clubs_approach_to_a_named_person_is_contact() -> None:
    # Before: "approach" and "contacted" followed by a name matched nothing.
    assert people_and_kinds("Feyenoord approach Stefan Verhoek") == {("Stefan Verhoek", "talks")}
    assert people_and_kinds("Feyenoord contacted Stefan Verhoek over the vacancy") == {("Stefan Verhoek", "talks")}


def test_interim_charge_a_dismissal_by_a_club_and_a_job_pursued_are_manager_claims() -> None:
    assert people_and_kinds("Stefan Verhoek placed in temporary charge at Ajax") == {("Stefan Verhoek", "completed")}
    assert people_and_kinds("Stefan Verhoek takes the reins at Ajax") == {("Stefan Verhoek", "completed")}
    assert people_and_kinds("Stefan Verhoek steps in as Ajax caretaker") == {("Stefan Verhoek", "completed")}
    assert people_and_kinds("Stefan Verhoek dismissed by Ajax") == {("Stefan Verhoek", "departure")}
    assert people_and_kinds("Ajax confirm Stefan Verhoek has left the club") == {("Stefan Verhoek", "departure")}
    assert people_and_kinds("Stefan Verhoek could lose his job at Ajax") == {("Stefan Verhoek", "departure")}
    assert people_and_kinds("Stefan Verhoek eyed as Feyenoord boss") == {("Stefan Verhoek", "interest")}
    assert people_and_kinds("Stefan Verhoek top of Feyenoord wishlist") == {("Stefan Verhoek", "interest")}
    # Rumours a club dismisses are no one's dismissal.
    assert ("Oskar Lindqvist", "departure") not in people_and_kinds("Rumours about Oskar Lindqvist dismissed by Porto")


def test_an_exit_said_of_the_person_after_it_is_that_persons() -> None:
    # Before: "departing" was bound to the person before it, the one paying tribute.
    assert people_and_kinds("Stefan Verhoek pays tribute to the departing Oskar Lindqvist") \
        == {("Oskar Lindqvist", "departure")}
    assert ("Rui Moreira", "departure") not in people_and_kinds(
        "Porto want Rui Moreira as a replacement for the departing Oskar Lindqvist")


def test_a_move_done_under_a_headline_about_something_else_needs_a_date_of_now() -> None:
    assert people_and_kinds("Verhoek hails Oskar Lindqvist after win",
                            "Porto signed Oskar Lindqvist from Lyon for €20m.") == set()
    assert people_and_kinds("Oskar Lindqvist: I am delighted to be here",
                            "Oskar Lindqvist joined Porto from Lyon on Monday.") == {("Oskar Lindqvist", "completed")}
    assert people_and_kinds("Oskar Lindqvist: I am delighted to be here",
                            "Oskar Lindqvist joined Porto from Lyon on a four-year deal.") == {("Oskar Lindqvist", "completed")}
