"""Where a development sits in its sentence: a parenthesis, an adjunct opening the sentence
and a move dated to an earlier window tell background; the sentence's own clause tells the
news. Items written for these tests, in our own words."""

from __future__ import annotations

from bot.claims.extract import extract_claims


def kinds_of(title: str, summary: str = "", published: str | None = None) -> set[tuple[str, str]]:
    return {(c.subject, c.kind) for c in extract_claims(title, summary, published=published)}


def test_an_apposition_with_an_old_move_is_background_and_the_sentence_goes_on() -> None:
    # The signing from Lyon describes him; the news is who wants him now.
    claims = extract_claims("Porto star Oskar Lindqvist attracting attention",
                            "The playmaker, signed from Lyon for €20m, is wanted by Juventus.")
    assert {(c.subject, c.kind, c.counterpart) for c in claims} >= {("Oskar Lindqvist", "interest", "Juventus")}
    assert not any(c.kind == "completed" for c in claims)


def test_a_relative_clause_closes_at_its_comma() -> None:
    # Before: everything after "who" was one background clause, the sacking talk with it.
    claims = kinds_of("Pressure grows on Ajax boss Verhoek",
                      "Ajax boss Stefan Verhoek, whose side were beaten again on Sunday, is facing the axe.")
    assert claims == {("Stefan Verhoek", "departure")}
    claims = kinds_of("Porto make a change in the dugout",
                      "Porto, who dismissed Rui Moreira last year, have now appointed Nuno Reis as head coach.")
    assert ("Nuno Reis", "completed") in claims
    assert ("Rui Moreira", "departure") not in claims


def test_a_time_adjunct_opening_the_sentence_is_the_setting_not_the_news() -> None:
    assert kinds_of("Lindqvist flourishing in Portugal",
                    "Since joining Porto from Lyon, Oskar Lindqvist has scored twenty goals.") == set()
    assert kinds_of("Lindqvist opens up on a hard first year",
                    "After swapping Lyon for Porto, Oskar Lindqvist found the going tough.") == set()
    assert kinds_of("Lindqvist happy in Portugal",
                    "Oskar Lindqvist has been outstanding since joining Porto.") == set()


def test_a_move_dated_to_an_earlier_window_is_history_and_the_clause_after_it_is_news() -> None:
    claims = kinds_of("Lindqvist's Porto adventure under review",
                      "Oskar Lindqvist's switch to Porto last summer has not gone to plan, and he could now leave.")
    assert claims == {("Oskar Lindqvist", "departure")}


def test_a_move_this_week_is_not_history() -> None:
    assert kinds_of("Lindqvist joined Porto last week",
                    "Oskar Lindqvist joined Porto last week from Lyon.") == {("Oskar Lindqvist", "completed")}
