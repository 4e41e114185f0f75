"""The README's picture of an alert: the real embed `alert_embed()` builds, drawn as Discord
shows it in a dark channel (colour bar, title, quote, inline fields, footer, the two buttons).

The story is told in our own words about a real player; outlets and links are made up.

    python -m tests.alert_card docs/alert.png   # redraws the README's picture
"""

from __future__ import annotations

import re
import sys
import textwrap
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw

from bot.alerts.render import alert_embed
from bot.alerts.timeline_marks import Font, font
from bot.models import AlertView, ReportView, StoryView

WIDTH = 640
BACKGROUND = (49, 51, 56)  # Discord's dark channel
EMBED = (43, 45, 49)
TEXT = (219, 222, 225)
MUTED = (148, 155, 164)
LINK = (0, 168, 252)
BUTTON = (78, 80, 88)


def konate_alert() -> AlertView:
    """Real Madrid's interest in Ibrahima Konaté moving up to talks, as three outlets carry it."""
    def report(kind: str, outlet: str, source: str | None, tier: str | None, day: str, evidence: str) -> ReportView:
        slug = re.sub(r"[^a-z]+", "-", evidence.lower())[:48].strip("-")
        return ReportView(kind, outlet, source, tier, f"https://example.org/{slug}", evidence, evidence,
                          f"{day}T09:00:00+00:00", "Liverpool")

    reports = (
        report("interest", "Transfer Wire", "Marca", "tier2", "2025-11-10",
               "Real Madrid have put Ibrahima Konaté at the top of their list of centre-backs."),
        report("interest", "Continental Desk", "Marca", "tier2", "2025-11-11",
               "Konaté, out of contract next summer, is Madrid's first choice in defence."),
        report("talks", "Touchline Daily", "David Ornstein", "tier1", "2025-12-15",
               "Real Madrid have opened talks with Ibrahima Konaté's representatives."),
    )
    story = StoryView(7, 3, "Ibrahima Konaté", "player", "Liverpool", "move", "talks", "Real Madrid",
                      reports[0].published, reports[-1].published, reports, ("interest", "talks"))
    return AlertView(41, "climb", "talks", story, reports[-1], "Liverpool")


def _plain(markdown: str) -> tuple[str, bool]:
    """Discord's rendering of our markdown, reduced to what a picture needs: (text, is a link)."""
    link = re.fullmatch(r"\[(.*)\]\(<?[^)]*>?\)", markdown.strip())
    if link:
        return link.group(1).replace("\\", ""), True
    return re.sub(r"\\(.)", r"\1", markdown).replace("**", ""), False


def _lines(text: str, face: Font, width: int) -> list[str]:
    chars = max(10, int(width / (face.face.getlength("abcdefghij") / 10)))
    return [line for paragraph in text.split("\n") for line in textwrap.wrap(paragraph, chars) or [""]]


Op = tuple[tuple[int, int], str, Font, tuple[int, int, int]]


def _layout(embed: dict[str, Any], top: int) -> tuple[list[Op], list[tuple[int, int]], int]:
    """Where each line of the embed goes: (text ops, quote bars, bottom of the embed)."""
    title, body, small, bold = font(16, bold=True), font(14), font(12), font(13, bold=True)
    ops: list[Op] = []
    bars: list[tuple[int, int]] = []
    inner, y = 32, top + 12
    inner_width = WIDTH - inner - 32
    for line in _lines(_plain(embed["title"])[0], title, inner_width):
        ops.append(((inner, y), line, title, LINK if embed.get("url") else TEXT))
        y += 22
    y += 4
    for part in embed["description"].split("\n"):
        quote = part.startswith("> ")
        text, is_link = _plain(part[2:] if quote else part)
        for line in _lines(text, body, inner_width - (14 if quote else 0)):
            if quote:
                bars.append((inner, y))
            ops.append(((inner + (14 if quote else 0), y), line, body, LINK if is_link else TEXT))
            y += 20
    y += 8
    column = inner_width // 3
    fields = embed["fields"]
    for row in range(0, len(fields), 3):
        height = 0
        for n, field in enumerate(fields[row:row + 3]):
            fx = inner + n * column
            ops.append(((fx, y), field["name"], bold, TEXT))
            lines = _lines(_plain(field["value"])[0], body, column - 12)
            ops += [((fx, y + 20 + 19 * k), line, body, TEXT) for k, line in enumerate(lines)]
            height = max(height, 20 + 19 * len(lines))
        y += height + 10
    ops.append(((inner, y), embed["footer"]["text"], small, MUTED))
    return ops, bars, y + 28


def draw(embed: dict[str, Any]) -> tuple[Image.Image, list[str]]:
    """The card, and every line of text drawn on it (what a test can check)."""
    top = 40
    ops, bars, bottom = _layout(embed, top)
    image = Image.new("RGB", (WIDTH, bottom + 56), BACKGROUND)
    pen = ImageDraw.Draw(image)
    pen.text((16, 14), "claimwatch", font=font(13, bold=True).face, fill=(88, 101, 242))
    pen.text((108, 16), "APP  Today at 09:00", font=font(12).face, fill=MUTED)
    pen.rectangle((16, top, WIDTH - 16, bottom), fill=EMBED)
    pen.rectangle((16, top, 19, bottom), fill=embed["color"])
    for x, y in bars:
        pen.rectangle((x, y, x + 3, y + 18), fill=BUTTON)
    for xy, text, face, colour in ops:
        pen.text(xy, text, font=face.face, fill=colour)
    labels = ("Timeline", "Unfollow")  # the two buttons every alert carries
    for n, label in enumerate(labels):
        x = 16 + n * 104
        pen.rounded_rectangle((x, bottom + 12, x + 96, bottom + 44), radius=4, fill=BUTTON)
        pen.text((x + 48, bottom + 28), label, font=font(13).face, fill=TEXT, anchor="mm")
    return image, [text for _, text, _, _ in ops] + list(labels)


def main(argv: list[str]) -> int:
    out = Path(argv[0] if argv else "docs/alert.png")
    image, _ = draw(alert_embed(konate_alert()))
    image.save(out, optimize=True)
    print(f"wrote {out} ({image.width}x{image.height})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
