"""A summary's developments under a headline about someone else: news unless told as done and
finished. A wish or an intent to sell is no finished exit, a headline naming someone by surname
alone still names them, and "&" joins two rumours of a gossip column as "and" does."""

from __future__ import annotations

import pytest

from tests.claims.reading import told


@pytest.mark.parametrize(("title", "summary", "expected"), [
    # A gossip column: each rumour of the summary is news, the club ready to sell included.
    ("Chelsea make Isak enquiry - Thursday's gossip",
     "Chelsea make Alexander Isak enquiry, Newcastle ready to sell Callum Wilson, Bayern Munich turn their "
     "attention to Amadou Onana, plus more.",
     {("Alexander Isak", "talks", "Chelsea"), ("Callum Wilson", "departure", None),
      ("Amadou Onana", "interest", "Bayern Munich")}),
    ("Man Utd open talks with De Ligt - Sunday's gossip",
     "Man Utd open talks with Matthijs de Ligt & Man City are interested in Joshua Kimmich and Dani Olmo.",
     {("Matthijs de Ligt", "talks", "Manchester United"), ("Joshua Kimmich", "interest", "Manchester City"),
      ("Dani Olmo", "interest", "Manchester City")}),
    # The headline names him by surname alone, at its start: his signing in the summary is its news.
    ("Kelly seals Rangers return | Igamane close to Ibrox switch",
     "Rangers have completed the signing of goalkeeper Liam Kelly, while striker Hamza Igamane is edging "
     "closer to a move to Ibrox.",
     {("Liam Kelly", "completed", "Rangers"), ("Hamza Igamane", "talks", "Rangers")}),
    # A move done by someone the headline does not name stays background.
    ("Rangers prepare for the new season",
     "Rangers signed goalkeeper Liam Kelly in June.", set()),
])
def test_summary_developments_under_another_headline(
        title: str, summary: str, expected: set[tuple[str, str, str | None]]) -> None:
    assert told(title, summary) == expected
