"""A club the gazetteer lacks is known by its grammar, not taken for a person: the subject of a
plural verb where a clause opens ("Lillestrøm sign ...", "as Rosenborg agree ..."), or the party
to talks about someone else ("talks with Frosinone over X"). One person takes "agrees", and a
list or a question keeps its names. Sentences written for these tests, in our own words."""

from __future__ import annotations

from bot.claims.extract import extract_claims
from tests.claims.reading import people, told_with_from_club


def test_a_plural_verb_makes_its_subject_a_club() -> None:
    assert told_with_from_club("Lillestrøm sign Odin Bjørtuft") == {("Odin Bjørtuft", "completed", "Lillestrøm", None)}
    assert told_with_from_club("Sandefjord are ready to sign Jonas Wind") == {("Jonas Wind", "interest", "Sandefjord", None)}
    assert told_with_from_club("Zrinjski confirm departure of coach") == set()
    assert told_with_from_club("Frosinone agree fee with Celtic for winger") == set()


def test_the_party_to_talks_about_someone_else_is_a_club() -> None:
    assert people("Celtic in talks with Frosinone over Farès Ghedjemis") == {"Farès Ghedjemis"}


def test_one_person_a_list_and_a_question_keep_their_names() -> None:
    assert ("Sancho", "departure", None, "Manchester United") in told_with_from_club("Sancho agrees to leave Manchester United")
    assert ("Sancho", "departure", None, "Manchester United") in told_with_from_club("Will Sancho agree to leave Manchester United?")
    assert ("Sancho", "departure", None, "Manchester United") in told_with_from_club("Rashford, Sancho agree to leave Manchester United")


def test_a_club_the_item_writes_as_one_elsewhere_is_nobody_in_its_other_sentences() -> None:
    assert extract_claims("Celtic locked in talks with Frosinone",
                          "Celtic remain in talks with Frosinone over the winger. Frosinone are holding out for "
                          "more than £6m.") == []
