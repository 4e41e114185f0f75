"""Alerts never break Discord's embed limits and never ping: feed text is hostile."""

from __future__ import annotations

from bot.alerts.render import LIMITS, alert_embed, embed_length, timeline_pages
from bot.literal import escape
from bot.models import AlertView, ReportView, StoryView


def _view(title: str, evidence: str, outlet: str = "Wire") -> AlertView:
    report = ReportView("talks", outlet, "@everyone", "tier2", "https://example.org/a(b)", title, evidence,
                        "2025-11-12T10:00:00Z")
    story = StoryView(7, 3, "Ibrahima Konaté", "player", "Liverpool", "deal", "talks", "Real Madrid " * 50,
                      "2025-11-12T10:00:00Z", "2025-11-12T10:00:00Z", (report,) * 30, ("interest", "talks"))
    return AlertView(1, "climb", "talks", story, report, "Liverpool")


def test_huge_feed_text_fits_every_limit() -> None:
    embed = alert_embed(_view("T" * 1_000_000, "E" * 1_000_000, outlet="O" * 5000))
    assert len(embed["title"]) <= LIMITS["title"]
    assert len(embed["description"]) <= LIMITS["description"]
    assert all(len(f["value"]) <= LIMITS["field_value"] and len(f["name"]) <= LIMITS["field_name"] for f in embed["fields"])
    assert embed_length(embed) <= LIMITS["total"]


def test_mentions_and_markdown_are_defused() -> None:
    text = escape("@everyone look **here** <@123> @here")
    assert "@everyone" not in text and "@here" not in text and "<@123>" not in text
    assert "\\*\\*here\\*\\*" in text
    embed = alert_embed(_view("x", "Konaté to @everyone: `rm -rf`"))
    assert "@everyone" not in embed["description"] and "@everyone" not in str(embed["fields"])


def test_timeline_pages_hold_five_stories_each() -> None:
    story = _view("t", "e").story
    pages = timeline_pages("Ibrahima Konaté", "player", [story] * 12)
    assert len(pages) == 3 and len(pages[0]["fields"]) == 5 and pages[2]["footer"]["text"] == "page 3 of 3 · oldest first"
    assert all(embed_length(page) <= LIMITS["total"] for page in pages)


def test_a_departure_names_the_club_left() -> None:
    from bot.alerts.render import alert_text, headline

    report = ReportView("departure", "Wire", None, None, None, "t", "Celtic part ways with their coach",
                        "2025-10-27T10:00:00Z", "Celtic")
    story = StoryView(1, 2, "Brendan Rodgers", "manager", None, "departure", "departure", None,
                      "2025-10-27T10:00:00Z", "2025-10-27T10:00:00Z", (report,), ("departure",))
    view = AlertView(1, "new", "departure", story, report, "Celtic")
    assert headline(view) == "New story: Brendan Rodgers — Departure from Celtic"
    assert "\n   from Celtic" not in alert_text(view)  # said once, in the headline
