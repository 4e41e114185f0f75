"""An ordinary word whose capital its place forces (the text's opening, even after emoji) does
not join a club after it into a person's name."""

from __future__ import annotations

import pytest

from bot.claims.extract import extract_claims
from tests.claims.reading import people


@pytest.mark.parametrize(("title", "claim"), [
    ("🚨⚪️ Understand Newcastle are in talks over a new deal for Sven Botman.",
     ("Sven Botman", "contract_extension", "Newcastle United")),
    ("Understand Everton are closing on a deal to sign Carlos Alcaraz.", ("Carlos Alcaraz", None, "Everton")),
])
def test_a_forced_capital_before_a_club_is_no_first_name(title: str, claim: tuple[str, str | None, str]) -> None:
    claims = extract_claims(title)
    assert {c.subject for c in claims} == {claim[0]}
    assert all(c.counterpart == claim[2] for c in claims)
    assert claim[1] is None or {c.kind for c in claims} == {claim[1]}


def test_a_club_alias_used_as_a_surname_is_still_read_as_one() -> None:
    assert people("Andrey Santos signs new Chelsea contract") == {"Andrey Santos"}
