"""The words of a contest are written once (families.py) and serve both readings: the frame that
reads a club's pursuit ("Everton outbid Fulham for X" is Everton's interest) and the reading of
a rival, who is no party ("lock horns with Fulham for X": Fulham neither wants him nor is the
club he leaves). Sentences written for these tests, in our own words."""

from __future__ import annotations

import pytest

from bot.claims import contest, families
from tests.claims.reading import told_with_from_club


def test_every_word_of_the_family_is_a_word_of_the_rival_reading() -> None:
    for word in families.CONTEST_VERB_WORDS:
        assert word.rsplit(" ", 1)[-1] in contest.CONTEST_VERBS
    for word in families.CONTEST_NOUN_WORDS:
        assert word.rsplit(" ", 1)[-1] in contest.CONTEST_NOUNS
        assert word.split(" ", 1)[0] in contest.CONTEST_NOUNS


@pytest.mark.parametrize("title", [
    "Everton outbid Fulham for Jarrad Branthwaite",
    "Everton contend with Fulham for Jarrad Branthwaite",
    "Everton are racing Fulham for Jarrad Branthwaite",
    "Everton pip Fulham for Jarrad Branthwaite",
    "Everton scrap with Fulham for Jarrad Branthwaite",
    "Everton lock horns with Fulham for Jarrad Branthwaite",
    "Everton go toe to toe with Fulham for Jarrad Branthwaite",
    "Everton challenge Fulham for Jarrad Branthwaite",
])
def test_a_contest_verb_gives_the_pursuing_club_and_no_part_to_its_rival(title: str) -> None:
    assert told_with_from_club(title) == {("Jarrad Branthwaite", "interest", "Everton", None)}


@pytest.mark.parametrize("noun", ["queue", "pursuit", "running", "bidding war", "tug of war", "driving seat",
                                  "front of the queue"])
def test_the_club_led_in_a_contest_is_a_rival(noun: str) -> None:
    assert told_with_from_club(f"Brentford lead Fulham in the {noun} for Nathan Collins") == {
        ("Nathan Collins", "interest", "Brentford", None)}


def test_a_race_with_a_rival_is_the_pursuing_clubs_interest() -> None:
    assert told_with_from_club("Brentford are in the race with Fulham and Wolves for Nathan Collins") == {
        ("Nathan Collins", "interest", "Brentford", None)}


def test_a_contest_for_a_place_in_the_table_is_no_pursuit() -> None:
    assert told_with_from_club("Wolves pip Spurs for third as Vitor Pereira celebrates") == set()
