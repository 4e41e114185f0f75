"""Stories for the timeline picture's tests, benchmark and the README's picture.

`alonso()` retells, in our own words, how Xabi Alonso's name ran through the 2024-2026 transfer
news: Liverpool and Bayern Munich courting him and his decision to stay at Leverkusen, Real Madrid's
approach that ended with his appointment, the talk of Manchester City, and his two departures.
The outlets and links are made up (example.org); the dates follow the public record.

`many(n)` makes n synthetic stories for one made-up person: every kind, every tier.

    python -m tests.timeline_fixtures docs/timeline.png   # redraws the README's picture
"""

from __future__ import annotations

import sys
from pathlib import Path

from bot.models import KINDS, ReportView, StoryView
from bot.stories import track_of

TIERS = ("official", "tier1", "tier2", "tier3", "tier4", "aggregator", None)
CLUBS = ("Arsenal", "Real Madrid", "Bayern Munich", "Juventus", "Paris Saint-Germain", "Napoli",
         "Borussia Mönchengladbach", "Al-Hilal", "Benfica", "Ajax", "Atlético Madrid", "Inter")


def _report(kind: str, day: str, tier: str | None, outlet: str, evidence: str,
            from_club: str | None = None) -> ReportView:
    slug = evidence.lower().replace(" ", "-")[:40]
    return ReportView(kind, outlet, outlet if tier else None, tier, f"https://example.org/{slug}",
                      evidence, evidence, f"{day}T10:00:00+00:00", from_club)


def story(number: int, counterpart: str | None, reports: list[ReportView], *, person: str = "Xabi Alonso",
          role: str = "manager") -> StoryView:
    kinds = tuple(dict.fromkeys(r.kind for r in reports))
    kind = reports[-1].kind
    track = "departure" if kind == "departure" else track_of(reports[0].kind)
    return StoryView(number, 1, person, role, None, track, kind, counterpart, reports[0].published,
                     reports[-1].published, tuple(reports), kinds)


def alonso() -> list[StoryView]:
    return [
        story(1, "Liverpool", [
            _report("interest", "2024-01-28", "tier1", "The Northern Desk",
                    "Liverpool put Alonso at the top of their list to follow Klopp"),
            _report("talks", "2024-03-08", "tier3", "Merseyside Wire",
                    "First contact made with the Leverkusen coach's camp"),
            _report("denial", "2024-03-29", "official", "Leverkusen",
                    "Alonso says he will stay at Leverkusen next season"),
        ]),
        story(2, "Bayern Munich", [
            _report("interest", "2024-02-21", "tier2", "Bavarian Football Daily",
                    "Bayern see Alonso as the man to succeed Tuchel"),
            _report("denial", "2024-03-29", "official", "Leverkusen",
                    "Alonso turns down the move and commits to Leverkusen"),
        ]),
        story(3, "Real Madrid", [
            _report("interest", "2024-10-14", "tier2", "Capital Sports",
                    "Madrid see their former midfielder as Ancelotti's heir"),
            _report("talks", "2025-04-22", "tier1", "Capital Sports",
                    "Real Madrid and Alonso's representatives have opened talks"),
            _report("agreement", "2025-05-12", "tier1", "The Continental",
                    "Alonso agrees a three-year deal to coach Real Madrid"),
            _report("completed", "2025-05-25", "official", "Real Madrid",
                    "The club confirms Alonso as head coach"),
        ]),
        story(4, "Manchester City", [
            _report("interest", "2025-02-10", "aggregator", "Transfer Roundup",
                    "City are said to admire Alonso as a future successor to Guardiola"),
        ]),
        story(5, None, [
            _report("departure", "2025-05-09", "official", "Bayer Leverkusen",
                    "Alonso confirms he will leave Leverkusen this summer", "Bayer Leverkusen"),
        ]),
        story(6, None, [
            _report("departure", "2026-01-12", "tier1", "Capital Sports",
                    "Real Madrid part ways with Alonso after the Super Cup defeat", "Real Madrid"),
        ]),
    ]


def many(n: int = 50, person: str = "Lorenzo Vasquez") -> list[StoryView]:
    """n stories over about two years: ladders of one to five rungs, denials, departures, loans."""
    out = []
    for i in range(n):
        month, day = 1 + (i * 7) % 12, 1 + (i * 11) % 27
        year = 2024 + (i * 5 // 12) % 3
        start = f"{year}-{month:02d}-{day:02d}"
        reports: list[ReportView] = []
        pattern = i % 6
        if pattern == 0:
            kinds = ["interest", "talks", "bid", "agreement", "completed"]
        elif pattern == 1:
            kinds = ["interest", "bid", "bid_rejected"]
        elif pattern == 2:
            kinds = ["interest", "denial"]
        elif pattern == 3:
            kinds = ["departure"]
        elif pattern == 4:
            kinds = ["loan"]
        else:
            kinds = [KINDS[i % len(KINDS)]]
        for step, kind in enumerate(kinds):
            stamp = f"{year}-{month:02d}-{min(28, day + step * 5):02d}" if step else start
            tier = TIERS[(i + step) % len(TIERS)]
            from_club = CLUBS[(i + 3) % len(CLUBS)] if kind == "departure" else None
            reports.append(_report(kind, stamp, tier, f"Outlet {i % 9}", f"{person} report {i}-{step}", from_club))
        counterpart = None if kinds[0] == "departure" else CLUBS[i % len(CLUBS)]
        out.append(story(i + 1, counterpart, reports, person=person, role="player"))
    return sorted(out, key=lambda s: (s.first_seen_at, s.id))


def main(argv: list[str]) -> int:
    from bot.alerts.timeline_picture import render_png

    target = Path(argv[0] if argv else "docs/timeline.png")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(render_png("Xabi Alonso", alonso()))
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
