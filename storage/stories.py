"""Reading stories back: timelines, alert views, the latest events."""

from __future__ import annotations

import aiosqlite

from storage.db import Database
from storage.feeds import everyones_claim, visible_claim
from storage.records import AlertView, ReportView, StoryView


def _report(row: aiosqlite.Row) -> ReportView:
    return ReportView(row["kind"], row["outlet"], row["source"], row["source_tier"], row["link"],
                      row["title"], row["evidence"], row["published"], row["from_club"])


Visible = tuple[str, tuple[object, ...]]  # an SQL condition on claims `c`, and its parameters
EVERYTHING: Visible = ("1", ())


def for_guild(guild_id: int | None) -> Visible:
    """What a server may see (storage.feeds.visible_claim); everything for the operator (None)."""
    return EVERYTHING if guild_id is None else (visible_claim("c"), (guild_id,))


async def _story_views(db: Database, rows: list[aiosqlite.Row], visible: Visible = EVERYTHING) -> list[StoryView]:
    """Stories with their reports: one query for all the reports, not one per story.

    Only the reports `visible` allows, and only the stories left with one.
    """
    if not rows:
        return []
    reports: dict[int, list[ReportView]] = {row["id"]: [] for row in rows}
    ids = list(reports)
    condition, params = visible
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for report in await db.fetchall(
            "SELECT story_id, kind, outlet, source, source_tier, link, title, evidence, published, from_club FROM claims c"
            f" WHERE story_id IN ({','.join('?' * len(chunk))}) AND {condition} ORDER BY story_id, published, id",
            (*chunk, *params),
        ):
            reports[report["story_id"]].append(_report(report))
    views = []
    for row in rows:
        story_reports = tuple(reports[row["id"]])
        if visible is not EVERYTHING and not story_reports:
            continue
        views.append(StoryView(
            id=row["id"], entity_id=row["entity_id"], person=row["name"], role=row["role"], club=row["club"],
            track=row["track"], kind=row["kind"], counterpart=row["counterpart"],
            first_seen_at=row["first_seen_at"], last_report_at=row["last_report_at"], reports=story_reports,
            kinds_seen=tuple(dict.fromkeys(r.kind for r in story_reports)),
        ))
    return views


_STORY = (
    "SELECT s.*, e.name, e.role, e.club FROM stories s JOIN entities e ON e.id = s.entity_id"
)


async def timeline(db: Database, entity_id: int, *, kind: str | None = None, since: str | None = None,
                   limit: int = 200, guild_id: int | None = None) -> list[StoryView]:
    """The person's stories, oldest first; with a server, as that server may see them."""
    sql = _STORY + " WHERE s.entity_id = ?"
    params: list[object] = [entity_id]
    if kind:
        sql += " AND EXISTS (SELECT 1 FROM claims c WHERE c.story_id = s.id AND c.kind = ?)"
        params.append(kind)
    if since:
        sql += " AND s.last_report_at >= ?"
        params.append(since)
    sql += " ORDER BY s.first_seen_at, s.id LIMIT ?"
    params.append(limit)
    return await _story_views(db, await db.fetchall(sql, tuple(params)), for_guild(guild_id))


async def alert_view(db: Database, event_id: int, guild_id: int | None = None) -> AlertView | None:
    """The alert for a story event. With a server, as /latest shows it to that server; without (an
    alert about to be posted to any server), the story as everyone may see it: the operator's
    feeds and the alert's own report, never another server's feed (its ladder, its counts)."""
    event = await db.fetchone(
        "SELECT ev.id, ev.story_id, ev.kind, ev.reason, c.kind AS c_kind, c.feed_id, c.outlet, c.source, c.source_tier,"
        " c.link, c.title, c.evidence, c.published, c.from_club FROM story_events ev"
        " LEFT JOIN claims c ON c.id = ev.claim_id WHERE ev.id = ?",
        (event_id,),
    )
    if event is None:
        return None
    story_row = await db.fetchone(_STORY + " WHERE s.id = ?", (event["story_id"],))
    if story_row is None:
        return None
    visible = for_guild(guild_id) if guild_id is not None else (everyones_claim("c"), (event["feed_id"],))
    stories = await _story_views(db, [story_row], visible)
    if not stories:
        return None
    [story] = stories
    trigger = ReportView(event["kind"], event["outlet"], event["source"], event["source_tier"], event["link"],
                         event["title"], event["evidence"] or "", event["published"] or story.last_report_at,
                         event["from_club"])
    return AlertView(event["id"], event["reason"], event["kind"], story, trigger, event["from_club"])


async def latest_events(db: Database, guild_id: int, limit: int = 10) -> list[AlertView]:
    """The newest story events about anyone this server follows, from the feeds it may see."""
    rows = await db.fetchall(
        "SELECT ev.id FROM story_events ev JOIN stories s ON s.id = ev.story_id"
        " LEFT JOIN claims c ON c.id = ev.claim_id"
        f" WHERE s.entity_id IN (SELECT entity_id FROM follows WHERE guild_id = ?) AND {visible_claim('c')}"
        " ORDER BY ev.id DESC LIMIT ?",
        (guild_id, guild_id, limit),
    )
    views = [await alert_view(db, row["id"], guild_id) for row in rows]
    return [view for view in views if view is not None]
