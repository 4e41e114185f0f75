"""A development whose object is a pronoun ("him", "his situation") after a club that is its own
subject: the pronoun stands for the person named before, whatever word joins the two clauses."""

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
