"""A club fused to a participle before a name, a club's target in apposition, a player's wish
for a move to a named club, and a price quoted to a buyer."""

from __future__ import annotations

import pytest

from tests.claims.reading import told


@pytest.mark.parametrize(("summary", "expected"), [
    # "Liverpool-linked X" is no past event, even under a headline that does not name him.
    ("Liverpool-linked Morgan Rogers is weighing up his future.", {("Morgan Rogers", "interest", "Liverpool")}),
    ("Chelsea-bound Morgan Rogers is weighing up his future.", {("Morgan Rogers", "agreement", "Chelsea")}),
    ("Morgan Rogers, a long-time Liverpool target, is weighing up his future.",
     {("Morgan Rogers", "interest", "Liverpool")}),
    # The player's own wish for a move to a club.
    ("Morgan Rogers is keen on a move to Liverpool.", {("Morgan Rogers", "interest", "Liverpool")}),
    ("Morgan Rogers dreams of a switch to Real Madrid.", {("Morgan Rogers", "interest", "Real Madrid")}),
    ("Morgan Rogers is keen on a move to left-back.", set()),
    # A reduced relative on a noun for him: the club there wants him; one that signed him once does not.
    ("Morgan Rogers is a player Liverpool have tracked for some time.", {("Morgan Rogers", "interest", "Liverpool")}),
    ("Morgan Rogers is someone Arsenal like.", {("Morgan Rogers", "interest", "Arsenal")}),
    ("Morgan Rogers is a player Middlesbrough signed in 2023.", set()),
    # A club quoted a price is the buyer: no sale by that club.
    ("Liverpool have been quoted £80m for Morgan Rogers.", set()),
    ("Aston Villa want £80m for Morgan Rogers.", {("Morgan Rogers", "departure", None)}),
])
def test_compounds_appositions_and_wishes(summary: str, expected: set[tuple[str, str, str | None]]) -> None:
    assert told("Transfer news", summary) == expected


def test_a_title_case_word_before_a_full_name_the_item_writes_without_it_is_no_first_name() -> None:
    # "Hope" may be a given name, but the summary names the player without it.
    assert told("Bayern Munich Hope Joao Palhinha Is Worth The Fee",
                "Joao Palhinha has joined Bayern Munich from Fulham.") == {("Joao Palhinha", "completed", "Bayern Munich")}
    # A surname written alone later is no such evidence: "Frank" stays his first name.
    found = told("Frank Lampard rejects Leicester approach", "Lampard is happy at Coventry.")
    assert found and {subject for subject, _, _ in found} == {"Frank Lampard"}
