"""What the extractor tells a reader of one feed item, in the shapes the claim tests compare.

Each function runs `extract_claims` on a title and a summary and keeps only the fields a test
asserts on. Keyword arguments (`content`, `item`, `outlet`) go to the extractor as they are.

The module-level functions read an item that has no publication date. The date matters to the
extractor: a move dated to an earlier year is history against it. So a test file whose items
all share one date binds it once, and its tests then read like the undated ones:

    told = Reader(published=WINTER_WINDOW).told
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.claims.extract import extract_claims
from bot.models import Claim

# The date most claim tests give their items: a day in the winter transfer window.
WINTER_WINDOW = "2026-02-01T00:00:00Z"

Told = tuple[str, str, str | None]
"""(person, kind, club) of one claim: the club is its counterpart, None when the item names none."""


@dataclass(frozen=True)
class Reader:
    """The extractor reading items published at one moment (an ISO date, or None for no date)."""

    published: str | None = None

    def claims(self, title: str, summary: str = "", **extra: str) -> list[Claim]:
        """The claims themselves, in the extractor's order."""
        return extract_claims(title, summary, published=self.published, **extra)

    def told(self, title: str, summary: str = "", **extra: str) -> set[Told]:
        """(person, kind, club) of every claim."""
        return {(c.subject, c.kind, c.counterpart) for c in self.claims(title, summary, **extra)}

    def told_in_order(self, title: str, summary: str = "", **extra: str) -> list[Told]:
        """(person, kind, club) of every claim, in the extractor's order with repeats kept: for
        comparing two runs of the extractor to the letter."""
        return [(c.subject, c.kind, c.counterpart) for c in self.claims(title, summary, **extra)]

    def told_with_from_club(self, title: str, summary: str = "",
                            **extra: str) -> set[tuple[str, str, str | None, str | None]]:
        """(person, kind, club, from_club) of every claim: from_club is the club he would leave
        (the seller, the holder), None when the item names none."""
        return {(c.subject, c.kind, c.counterpart, c.from_club) for c in self.claims(title, summary, **extra)}

    def people_and_kinds(self, title: str, summary: str = "", **extra: str) -> set[tuple[str, str]]:
        """(person, kind) of every claim, whatever its club."""
        return {(c.subject, c.kind) for c in self.claims(title, summary, **extra)}

    def kinds_and_clubs(self, title: str, summary: str = "", **extra: str) -> set[tuple[str, str | None]]:
        """(kind, club) of every claim, whoever its person."""
        return {(c.kind, c.counterpart) for c in self.claims(title, summary, **extra)}

    def people(self, title: str, summary: str = "", **extra: str) -> set[str]:
        """Every person a claim is about."""
        return {c.subject for c in self.claims(title, summary, **extra)}

    def kinds_by_person(self, title: str, summary: str = "", **extra: str) -> dict[str, set[str]]:
        """Each person's kinds of claim, the people in the order the extractor first tells them."""
        kinds: dict[str, set[str]] = {}
        for c in self.claims(title, summary, **extra):
            kinds.setdefault(c.subject, set()).add(c.kind)
        return kinds

    def roles_by_person(self, title: str, summary: str = "", **extra: str) -> dict[str, str]:
        """Each person's role ("player" or "manager") as the extractor reads it; where one person has
        several claims, the role of the last."""
        return {c.subject: c.role for c in self.claims(title, summary, **extra)}


_UNDATED = Reader()
told = _UNDATED.told
told_in_order = _UNDATED.told_in_order
told_with_from_club = _UNDATED.told_with_from_club
people_and_kinds = _UNDATED.people_and_kinds
kinds_and_clubs = _UNDATED.kinds_and_clubs
people = _UNDATED.people
kinds_by_person = _UNDATED.kinds_by_person
