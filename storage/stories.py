"""Reading stories back: timelines, alert views, the latest events."""

from __future__ import annotations

from storage.db import Executor, Row, fetchall, fetchone
from storage.feeds import everyones_claim, visible_claim
from storage.records import AlertView, ReportView, StoryView


def _report(row: Row) -> ReportView:
    return ReportView(row["kind"], row["outlet"], row["source"], row["source_tier"], row["link"],
                      row["title"], row["evidence"], row["published"], row["from_club"])


Visible = tuple[str, tuple[object, ...]]  # an SQL condition on claims `c`, and its parameters
EVERYTHING: Visible = ("1 = 1", ())


def for_guild(guild_id: int | None) -> Visible:
    """What a server may see (storage.feeds.visible_claim); everything for the operator (None)."""
    return EVERYTHING if guild_id is None else (visible_claim("c"), (guild_id,))


async def _reports(ex: Executor, story_ids: list[int], visible: Visible) -> dict[int, tuple[ReportView, ...]]:
    """The reports `visible` allows under each story: one query for all the stories, not one per story."""
    found: dict[int, list[ReportView]] = {story_id: [] for story_id in story_ids}
    ids = list(found)
    condition, params = visible
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for report in await fetchall(ex,
            "SELECT story_id, kind, outlet, source, source_tier, link, title, evidence, published, from_club FROM claims c"
            f" WHERE story_id IN ({','.join('?' * len(chunk))}) AND {condition} ORDER BY story_id, published NULLS FIRST, id",
            (*chunk, *params),
        ):
            found[report["story_id"]].append(_report(report))
    return {story_id: tuple(reports) for story_id, reports in found.items()}


def _view(row: Row, reports: tuple[ReportView, ...]) -> StoryView:
    """A story row (with its person's name, role and club) and the reports shown under it."""
    return StoryView(
        id=row["id"], entity_id=row["entity_id"], person=row["name"], role=row["role"], club=row["club"],
        track=row["track"], kind=row["kind"], counterpart=row["counterpart"],
        first_seen_at=row["first_seen_at"], last_report_at=row["last_report_at"], reports=reports,
        kinds_seen=tuple(dict.fromkeys(r.kind for r in reports)),
    )


async def _story_views(ex: Executor, rows: list[Row], visible: Visible = EVERYTHING) -> list[StoryView]:
    """Stories with their reports; only the reports `visible` allows, and only the stories left with one."""
    if not rows:
        return []
    reports = await _reports(ex, [row["id"] for row in rows], visible)
    return [_view(row, reports[row["id"]]) for row in rows if visible is EVERYTHING or reports[row["id"]]]


_STORY = (
    "SELECT s.*, e.name, e.role, e.club FROM stories s JOIN entities e ON e.id = s.entity_id"
)


async def timeline(ex: Executor, entity_id: int, *, kind: str | None = None, since: str | None = None,
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
    return await _story_views(ex, await fetchall(ex, sql, tuple(params)), for_guild(guild_id))


# An alert event with the report that triggered it (c_*) and its story (s.*, the person's name, role, club).
_EVENT = (
    "SELECT ev.id AS event_id, ev.kind AS event_kind, ev.reason, ev.claim_id AS ev_claim, c.feed_id, c.outlet AS c_outlet,"
    " c.source AS c_source, c.source_tier AS c_tier, c.link AS c_link, c.title AS c_title,"
    " c.evidence AS c_evidence, c.published AS c_published, c.from_club AS c_from_club,"
    " s.*, e.name, e.role, e.club FROM story_events ev JOIN stories s ON s.id = ev.story_id"
    " JOIN entities e ON e.id = s.entity_id LEFT JOIN claims c ON c.id = ev.claim_id"
)


def _alert(row: Row, reports: tuple[ReportView, ...]) -> AlertView:
    story = _view(row, reports)
    trigger = ReportView(row["event_kind"], row["c_outlet"], row["c_source"], row["c_tier"], row["c_link"],
                         row["c_title"], row["c_evidence"] or "", row["c_published"] or story.last_report_at,
                         row["c_from_club"])
    return AlertView(row["event_id"], row["reason"], row["event_kind"], story, trigger, row["c_from_club"])


async def alert_view(ex: Executor, event_id: int, guild_id: int | None = None) -> AlertView | None:
    """The alert for a story event, in two queries. With a server, as /latest shows it to that
    server; without (an alert about to be posted to any server), the story as everyone may see it:
    the operator's feeds and the alert's own report, never another server's feed (its ladder, its
    counts)."""
    row = await fetchone(ex, _EVENT + " WHERE ev.id = ?", (event_id,))
    if row is None:
        return None
    condition, params = for_guild(guild_id) if guild_id is not None else (everyones_claim("c"), (row["feed_id"],))
    if row["ev_claim"] is not None:
        # The story as it stood when this development came in: its reports up to the one that made
        # the alert, not those stored after it in the same cycle (or since, for an alert sent late).
        condition, params = f"({condition}) AND c.id <= ?", (*params, row["ev_claim"])
    reports = (await _reports(ex, [row["id"]], (condition, params)))[row["id"]]
    return _alert(row, reports) if reports else None


async def latest_events(ex: Executor, guild_id: int, limit: int = 10) -> list[AlertView]:
    """The newest story events about anyone this server follows, from the feeds it may see: one
    query for the events and their stories, one for all their reports."""
    rows = await fetchall(ex,
        _EVENT + f" WHERE s.entity_id IN (SELECT entity_id FROM follows WHERE guild_id = ?) AND {visible_claim('c')}"
        " ORDER BY ev.id DESC LIMIT ?",
        (guild_id, guild_id, limit),
    )
    reports = await _reports(ex, [row["id"] for row in rows], for_guild(guild_id))
    return [_alert(row, reports[row["id"]]) for row in rows if reports[row["id"]]]
