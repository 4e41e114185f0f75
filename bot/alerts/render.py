"""How an alert and a timeline read: plain dicts shaped like Discord embeds, and console text.

discord.py checks none of Discord's embed limits, so every string is clipped here, and markdown
in feed text is escaped so that a headline cannot format (or ping) anything.
"""

from __future__ import annotations

import unicodedata
from datetime import datetime
from typing import Any

from bot.literal import clip, count, day, escape, markdown_link, safe_url
from bot.models import AlertView, ReportView, StoryView
from bot.stories import REASON_TEXT

LIMITS = {"title": 256, "description": 4096, "field_name": 256, "field_value": 1024, "footer": 2048,
          "author": 256, "fields": 25, "total": 6000}
KIND_LABEL = {
    "interest": "Interest", "talks": "Talks", "bid": "Bid", "bid_rejected": "Bid rejected",
    "agreement": "Agreement", "medical": "Medical", "completed": "Completed", "loan": "Loan",
    "contract_extension": "Contract extension", "departure": "Departure", "denial": "Denial",
}
TIER_LABEL = {"official": "official", "tier1": "tier 1", "tier2": "tier 2", "tier3": "tier 3",
              "tier4": "tier 4", "aggregator": "aggregator"}
KIND_COLOUR = {"completed": 0x2ECC71, "agreement": 0x27AE60, "medical": 0x1ABC9C, "bid": 0xE67E22,
               "bid_rejected": 0xC0392B, "departure": 0x95A5A6, "denial": 0xE74C3C, "loan": 0x9B59B6,
               "contract_extension": 0x3498DB}
def source_line(report: ReportView) -> str:
    who = report.source or report.outlet or "unknown outlet"
    tier = TIER_LABEL.get(report.tier or "", "unrated")
    via = f" via {report.outlet}" if report.source and report.outlet and report.outlet != report.source else ""
    return f"{who} ({tier}){via}"


def corroboration(story: StoryView) -> str:
    outlets = story.outlets
    sources = story.sources
    text = f"reported by {outlets} outlet{'s' if outlets != 1 else ''}"
    if sources:
        text += f", citing {sources} source{'s' if sources != 1 else ''}"
    return text


def _with_whom(story: StoryView, joiner: str) -> str:
    """The other party: the counterpart, or for a departure the club left."""
    if story.counterpart:
        return f"{joiner}{story.counterpart}"
    return f" from {story.left}" if story.left else ""


def headline(view: AlertView) -> str:
    story = view.story
    kind = KIND_LABEL.get(view.kind, view.kind)
    with_whom = _with_whom(story, " · ")
    if view.kind == "denial":
        # A denial that opens a story denies what no report here had said; a later one denies the
        # rung the story had reached (as it stood at this alert: view.story ends at its report).
        denied = [rung for rung in story.kinds_seen if rung != "denial"]
        if view.reason == "new" or not denied:
            return f"New story, opening with a denial: {story.person}{with_whom}"
        return f"Denied: {story.person} — {KIND_LABEL.get(denied[-1], denied[-1])} denied{with_whom}"
    return f"{REASON_TEXT.get(view.reason, view.reason)}: {story.person} — {kind}{with_whom}"


def alert_embed(view: AlertView) -> dict[str, Any]:
    story = view.story
    trigger = view.trigger
    fields = [
        {"name": "Development", "value": _ladder(story, view.kind), "inline": True},
        {"name": "With", "value": escape(story.counterpart or "—"), "inline": True},
        {"name": "Source", "value": escape(source_line(trigger)), "inline": True},
        {"name": "Corroboration", "value": corroboration(story), "inline": True},
    ]
    if view.from_club:
        fields.insert(2, {"name": "From", "value": escape(view.from_club), "inline": True})
    description = f"> {escape(trigger.evidence or trigger.title or '')}"
    link = safe_url(trigger.link)
    if link:
        description += "\n" + markdown_link(escape(trigger.outlet or "Read the report"), link)
    embed = {
        "title": escape(headline(view)),
        "description": description,
        "fields": fields,
        "footer": {"text": f"claimwatch · story #{story.id} · {story.role or 'person'}"},
        "timestamp": _timestamp(trigger.published),
        "color": KIND_COLOUR.get(view.kind, 0x5865F2),
    }
    if link:
        embed["url"] = link
    return fit_embed(embed)


MAX_THREAD_NAME = 100  # Discord's limit for a channel's (a thread's) name


def thread_name(view: AlertView) -> str:
    """A story thread's name: the person and the other party ("Ibrahima Konaté · Real Madrid")."""
    story = view.story
    other = story.counterpart or (f"leaving {story.left}" if story.left else KIND_LABEL.get(story.track, story.track))
    # A channel name is plain text (no markdown), but keep it one line and printable.
    name = " ".join(f"{story.person} · {other}".split())
    return clip("".join(char for char in name if unicodedata.category(char)[0] != "C"), MAX_THREAD_NAME)


def story_parent_embed(view: AlertView) -> dict[str, Any]:
    """A story thread's parent (its first alert), edited to show where the story stands now: the
    latest development's embed, titled by the current rung, saying the rest is in the thread."""
    story = view.story
    embed = alert_embed(view)
    kind = KIND_LABEL.get(story.kind, story.kind)
    embed["title"] = clip(escape(f"Now at {kind}: {story.person}{_with_whom(story, ' · ')}"), LIMITS["title"])
    embed["fields"].append({"name": "Story thread", "value": "Each development of this story is posted in "
                            "the thread on this message; this message shows the latest.", "inline": False})
    return fit_embed(embed)


def lost_thread_note(reason: str) -> str:
    """A line atop an alert that starts a story's new thread because the old one cannot take it."""
    return f"This story's earlier thread {reason}, so it continues in a new thread from this alert."


def _ladder(story: StoryView, kind: str) -> str:
    seen = [KIND_LABEL.get(k, k) for k in story.kinds_seen]
    return " → ".join(seen[-4:]) if seen else KIND_LABEL.get(kind, kind)


def _timestamp(iso: str | None) -> str | None:
    if not iso:
        return None
    try:
        return datetime.fromisoformat(iso.replace("Z", "+00:00")).isoformat()
    except ValueError:
        return None


def fit_embed(embed: dict[str, Any]) -> dict[str, Any]:
    """Clip every part to Discord's limits, then trim the description until the total fits."""
    embed["title"] = clip(embed.get("title", ""), LIMITS["title"])
    embed["description"] = clip(embed.get("description", ""), LIMITS["description"])
    fields = embed.get("fields", [])[: LIMITS["fields"]]
    for field in fields:
        field["name"] = clip(field["name"], LIMITS["field_name"]) or "—"
        field["value"] = clip(field["value"], LIMITS["field_value"]) or "—"
    embed["fields"] = fields
    if "footer" in embed:
        embed["footer"]["text"] = clip(embed["footer"]["text"], LIMITS["footer"])
    overflow = embed_length(embed) - LIMITS["total"]
    if overflow > 0:
        embed["description"] = clip(embed["description"], max(1, len(embed["description"]) - overflow))
    return embed


def embed_length(embed: dict[str, Any]) -> int:
    total = len(embed.get("title", "")) + len(embed.get("description", ""))
    total += sum(len(f["name"]) + len(f["value"]) for f in embed.get("fields", []))
    total += len(embed.get("footer", {}).get("text", "")) + len(embed.get("author", {}).get("name", ""))
    return total


def alert_text(view: AlertView) -> str:
    """The console form of an alert: what the embed says, line by line."""
    story = view.story
    lines = [f"🔔 {headline(view)}"]
    if view.from_club and not story.left:  # a departure's headline already names the club left
        lines.append(f"   from {view.from_club}")
    lines.append(f"   “{clip(view.trigger.evidence or view.trigger.title or '', 300)}”")
    lines.append(f"   {source_line(view.trigger)} · {day(view.trigger.published)} · {corroboration(story)}")
    link = safe_url(view.trigger.link)
    if link:
        lines.append(f"   {link}")
    return "\n".join(lines)


def story_lines(story: StoryView, *, max_reports: int | None = 5, kind: str | None = None) -> list[str]:
    """A story and its reports: the first `max_reports` (None: all), and every report of `kind`,
    which a timeline filtered by kind was asked for, wherever it falls."""
    kinds = " → ".join(KIND_LABEL.get(k, k) for k in story.kinds_seen) or KIND_LABEL.get(story.kind, story.kind)
    with_whom = _with_whom(story, " with ")
    lines = [f"{day(story.first_seen_at)}  {kinds}{with_whom}  ({corroboration(story)})"]
    listed = [report for index, report in enumerate(story.reports)
              if max_reports is None or index < max_reports or report.kind == kind]
    for report in listed:
        safe = safe_url(report.link)
        link = f" <{safe}>" if safe else ""
        lines.append(f"    {day(report.published)} · {KIND_LABEL.get(report.kind, report.kind)} · {source_line(report)}{link}")
    if len(story.reports) > len(listed):
        lines.append(f"    … and {count(len(story.reports) - len(listed), 'more report')}")
    return lines


def timeline_text(person: str, stories: list[StoryView], *, every_report: bool = False,
                  kind: str | None = None) -> str:
    if not stories:
        return f"No stories about {person} yet."
    lines = [f"Timeline: {person}"]
    for story in stories:
        lines.extend("  " + line for line in story_lines(story, max_reports=None if every_report else 5, kind=kind))
    return "\n".join(lines)


STORIES_PER_PAGE = 5


def timeline_pages(person: str, subtitle: str, stories: list[StoryView], *,
                   kind: str | None = None) -> list[dict[str, Any]]:
    """The timeline as embeds, oldest first, a few stories per page (the paginator flips them)."""
    if not stories:
        return [fit_embed({"title": escape(f"Timeline: {person}"), "description": "No stories yet.", "fields": []})]
    pages = []
    total = (len(stories) + STORIES_PER_PAGE - 1) // STORIES_PER_PAGE
    for number, start in enumerate(range(0, len(stories), STORIES_PER_PAGE), 1):
        fields = []
        for story in stories[start : start + STORIES_PER_PAGE]:
            kinds = " → ".join(KIND_LABEL.get(k, k) for k in story.kinds_seen) or KIND_LABEL.get(story.kind, story.kind)
            with_whom = _with_whom(story, " · ")
            reports = []
            # The first four, and every report of the kind the timeline was filtered by, wherever it falls.
            listed = [report for index, report in enumerate(story.reports) if index < 4 or report.kind == kind]
            for report in listed:
                label = escape(source_line(report))
                link = markdown_link("link", report.link)
                link = f" {link}" if link else ""
                reports.append(f"{day(report.published)} · {KIND_LABEL.get(report.kind, report.kind)} · {label}{link}")
            if len(story.reports) > len(listed):
                reports.append(f"… {len(story.reports) - len(listed)} more")
            fields.append({
                "name": escape(f"{day(story.first_seen_at)} — {kinds}{with_whom}"),
                "value": "\n".join(reports) + f"\n*{corroboration(story)}*",
                "inline": False,
            })
        pages.append(fit_embed({
            "title": escape(f"Timeline: {person}"),
            "description": escape(subtitle),
            "fields": fields,
            "footer": {"text": f"page {number} of {total} · oldest first"},
        }))
    return pages


def digest_embed(views: list[AlertView]) -> dict[str, Any]:
    """One message for a day's developments: a line each, newest last, within the limits."""
    lines = []
    for view in views:
        link = markdown_link(escape(view.trigger.outlet or "report"), view.trigger.link)
        link = f" — {link}" if link else ""
        lines.append(f"• {escape(headline(view))} ({escape(source_line(view.trigger))}){link}")
    return fit_embed({"title": f"Daily digest: {len(views)} developments", "description": "\n".join(lines),
                      "fields": [], "footer": {"text": "claimwatch · daily digest"}})
