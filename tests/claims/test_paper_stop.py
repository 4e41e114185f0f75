"""A newspaper whose name is also a day's or month's abbreviation ends its sentence."""

from __future__ import annotations

from bot.claims.text import sentences


def test_a_stop_after_the_sun_ends_the_sentence() -> None:
    text = "Chelsea are keen on Brentford's Yoane Wissa, says the Sun. Everton are watching Dwight McNeil."
    assert sentences(text) == ["Chelsea are keen on Brentford's Yoane Wissa, says the Sun.",
                               "Everton are watching Dwight McNeil."]


def test_a_day_abbreviation_without_the_still_runs_on() -> None:
    assert sentences("The friendly is on Sun. 5 May at noon.") == ["The friendly is on Sun. 5 May at noon."]
