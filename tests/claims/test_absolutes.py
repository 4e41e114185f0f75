"""Absolute clauses ("..., with Arsenal and Chelsea both interested") and pronoun objects: the
clubs after "with" are the clause's own subject, and a pronoun object after a club's development
("keen to sign him", "monitoring his situation") stands for the person named before."""

from __future__ import annotations

import pytest

from tests.claims.reading import told


@pytest.mark.parametrize(("summary", "expected"), [
    ("Ollie Watkins is available, with Arsenal keen to sign him.", {("Ollie Watkins", "interest", "Arsenal")}),
    ("Ollie Watkins is available, with Arsenal monitoring his situation.", {("Ollie Watkins", "interest", "Arsenal")}),
    ("Ollie Watkins would welcome a new challenge. Arsenal are tracking him.", {("Ollie Watkins", "interest", "Arsenal")}),
    # The club that holds him wanting to keep him is no suitor.
    ("Arsenal have asked about Ollie Watkins but Aston Villa want to keep him.", {("Ollie Watkins", "talks", "Arsenal")}),
    # A pronoun after the person's own verb is someone else: nobody the text names.
    ("Mikel Arteta wants to sign him in January.", set()),
])
def test_a_pronoun_object_after_a_clubs_development(summary: str, expected: set[tuple[str, str, str | None]]) -> None:
    assert told("Transfer news", summary) == expected


@pytest.mark.parametrize(("summary", "expected"), [
    # Every club of the absolute clause pursues him; the club selling him stays his club.
    ("Aston Villa are ready to sell Ollie Watkins, with Arsenal and Chelsea both interested.",
     {("Ollie Watkins", "departure", None), ("Ollie Watkins", "interest", "Arsenal"),
      ("Ollie Watkins", "interest", "Chelsea")}),
    ("Ollie Watkins would welcome a new challenge, with Arsenal and Chelsea monitoring him.",
     {("Ollie Watkins", "interest", "Arsenal"), ("Ollie Watkins", "interest", "Chelsea")}),
    # A loan offered out, with a taker keen: the taker is where he goes.
    ("Aston Villa are open to sending Ollie Watkins out on loan, with Everton keen.",
     {("Ollie Watkins", "loan", "Everton")}),
    # "Talks with Ajax" keep Ajax a party to the talks: no absolute clause there.
    ("Ollie Watkins is in talks with Ajax over a move.", {("Ollie Watkins", "talks", "Ajax")}),
])
def test_the_clubs_of_an_absolute_clause_are_its_subject(summary: str, expected: set[tuple[str, str, str | None]]) -> None:
    assert told("Transfer news", summary) == expected
